/*
 * The verdict of one answer to a test quiz's first question, for unit
 * tests that only need the verdict.
 */
#ifndef PSOAS_TEST_VERDICT_H
#define PSOAS_TEST_VERDICT_H

#include <string.h>

#include "grade.h"
#include "quiz.h"

static enum grade_verdict
verdict(const struct quiz *q, const char *answer)
{
	struct grade_result r;
	enum grade_verdict v;

	grade_answer(&q->questions[0], answer, strlen(answer), &r);
	v = r.verdict;
	grade_result_destroy(&r);
	return v;
}

#endif
