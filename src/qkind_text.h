/*
 * The free-text kinds' own data ("short" and "list"), shared by the
 * files of their family: qkind_text.c (parsing, showing, checking) and
 * the grading files grade_text.c, concept.c and grade_list.c.  No other
 * module includes this header: they ask the kinds' rows (qkind.h).
 */
#ifndef PSOAS_QKIND_TEXT_H
#define PSOAS_QKIND_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

/*
 * The counts are unsigned ints, as a course file is at most
 * SRCFILE_MAX_SIZE bytes: the struct is one per question, and 72 bytes
 * fit a smaller block of the allocator than 88 did.
 */
struct list_item {
	char *label;
	int lineno;		/* of @item */
	unsigned naccept, nconcepts;
	struct pattern *accept;
	struct pattern *concepts;	/* all required, in one part */
};

/* A short or list question's data (question.data). */
struct qtext {
	/* Small fields first: the struct is one per question. */
	int need;		/* list: @need */
	unsigned short npatterns;	/* of every role, counted up to
					 * QUIZ_MAX_PATTERNS + 1 (an error) */
	bool case_sensitive;	/* @case */
	bool unlisted_ignore;	/* list: an unrecognised part costs nothing */
	unsigned naccept, nconcepts, nmisconceptions, nfine, nitems;

	struct pattern *accept;		/* short */
	struct pattern *concepts;	/* short: all required */
	struct pattern *misconceptions;
	struct pattern *fine;		/* harmless side remarks */
	struct list_item *items;	/* list */
};

static inline struct qtext *
qtext_of(const struct question *qu)
{
	return qu->data;
}

#endif
