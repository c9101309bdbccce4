/*
 * A line typed while a question waits (a quiz or a practice drill): one
 * of the sitting's own words, "flag [REASON]" (the verdict just given is
 * wrong), "answer TEXT" (TEXT is the answer even when it is a command
 * word), or an answer.  One home for the rule, so the
 * REPL (which must not take these lines as its commands), the quiz and
 * practice read a line the same way.
 */
#ifndef PSOAS_QLINE_H
#define PSOAS_QLINE_H

#include <stdbool.h>

/* The sitting's words, matched in any case. */
#define QLINE_WORDS "hint", "skip", "repeat", "leave", "help"

/* The word that flags a verdict, alone or before a reason. */
#define QLINE_FLAG_WORD "flag"

enum qline_kind { QLINE_EMPTY, QLINE_WORD, QLINE_FLAG, QLINE_ANSWER };

struct qline {
	enum qline_kind kind;
	const char *word;	/* QLINE_WORD: the word, lower case */
	char *answer;		/* QLINE_ANSWER: as typed, line end removed;
				 * QLINE_FLAG: the reason, maybe "" (new
				 * string) */
};

void qline_read(const char *line, struct qline *q);
void qline_destroy(struct qline *q);

/* True when line is a sitting's word, "flag [REASON]" or "answer TEXT". */
bool qline_is_own(const char *line);

#endif
