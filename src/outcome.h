/*
 * The outcome of a try at a question, as progress records keep it: the
 * verdict word of "try", "answer", "practice", "regrade" and "flag"
 * records (doc/FORMATS.md "Progress journal").  The one table of those
 * words, and the one place a grader's verdict (grade.h) becomes one.
 * Also the result of a quiz attempt: the RESULT word of "quiz-end" and
 * "rescore" records.
 *
 * Records keep the word as written: a word this version does not know
 * (from a newer tutor, or written by hand) replays, is exported and is
 * shown as it is; outcome_parse says it is unknown, and each reader
 * counts it as its rule says (a quiz sitting as incorrect, spaced review
 * as a miss, an xAPI statement with no success).
 */
#ifndef PSOAS_OUTCOME_H
#define PSOAS_OUTCOME_H

#include <stdbool.h>

#include "grade.h"

enum outcome {
	OUTCOME_NONE,		/* no outcome yet (a question still open);
				 * never written, has no word */
	OUTCOME_CORRECT,	/* "correct" */
	OUTCOME_PARTIAL,	/* "partial" */
	OUTCOME_INCORRECT,	/* "incorrect" */
	OUTCOME_SKIPPED,	/* "skipped": given up, closes the question */
	OUTCOME_UNGRADED,	/* "ungraded": a keyless quiz's answer,
				 * recorded for the provider, not graded */
	OUTCOME_SUPERSEDED,	/* "superseded": a regrade found an earlier
				 * try right, so this one was never asked */
};

/* The word of o ("" for OUTCOME_NONE or a value out of range). */
const char *outcome_name(enum outcome o);

/*
 * The outcome whose word is word (exactly: case and spaces count) in *o;
 * false, with *o set to OUTCOME_NONE, for any other word ("" included).
 */
bool outcome_parse(const char *word, enum outcome *o);

/* Whether word is the word of o. */
bool outcome_is(const char *word, enum outcome o);

/*
 * The outcome of a graded try: correct, partial or incorrect.  A verdict
 * of GRADE_UNGRADABLE is never recorded (no try is used): OUTCOME_NONE.
 */
enum outcome outcome_of_grade(enum grade_verdict v);

/* The result of a finished quiz attempt. */
enum attempt_result {
	ATTEMPT_PASS,		/* "pass" */
	ATTEMPT_FAIL,		/* "fail" */
	ATTEMPT_UNGRADED,	/* "ungraded": a learner edition's post-test,
				 * sent to the provider to grade ("quiz-end"
				 * only) */
};

/* The word of r ("" for a value out of range). */
const char *outcome_attempt_name(enum attempt_result r);

/*
 * The result whose word is word (exactly) in *r; false for any other
 * word, with *r left alone.  A record with such a word is damaged.
 */
bool outcome_attempt_parse(const char *word, enum attempt_result *r);

#endif
