/*
 * libFuzzer harness: hostile course files and hostile answers.  The input
 * is parsed from memory as a lesson and as a quiz (no files written);
 * when the quiz parses, every question is graded against the input itself
 * as an answer.  Any crash, leak or sanitizer report is a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "grade.h"
#include "lesson.h"
#include "quiz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct lesson *l;
	struct quiz *q;

	diag_init(&d);
	l = lesson_parse("fuzz.lesson", (const char *)data, size, &d);
	lesson_free(l);
	q = quiz_parse("fuzz.quiz", (const char *)data, size, &d);
	if (q != NULL) {
		for (size_t i = 0; i < q->nquestions; i++) {
			struct grade_result r;

			grade_answer(&q->questions[i], (const char *)data, size, &r);
			grade_result_destroy(&r);
		}
		quiz_free(q);
	}
	diag_destroy(&d);
	return 0;
}
