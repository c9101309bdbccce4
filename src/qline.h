/*
 * A line typed while a question waits (a quiz or a practice drill): one
 * of the sitting's own words, "answer TEXT" (TEXT is the answer even when
 * it is a command word), or an answer.  One home for the rule, so the
 * REPL (which must not take these lines as its commands), the quiz and
 * practice read a line the same way.
 */
#ifndef PSOAS_QLINE_H
#define PSOAS_QLINE_H

#include <stdbool.h>

/* The sitting's words, matched in any case. */
#define QLINE_WORDS "hint", "skip", "repeat", "leave", "help"

enum qline_kind { QLINE_EMPTY, QLINE_WORD, QLINE_ANSWER };

struct qline {
	enum qline_kind kind;
	const char *word;	/* QLINE_WORD: the word, lower case */
	char *answer;		/* QLINE_ANSWER: as typed, line end removed
				 * (new string) */
};

void qline_read(const char *line, struct qline *q);
void qline_destroy(struct qline *q);

/* True when line is a sitting's word or "answer TEXT". */
bool qline_is_own(const char *line);

#endif
