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

struct list_item {
	char *label;
	long lineno;		/* of @item */
	struct pattern *accept;
	size_t naccept;
	struct pattern *concepts;	/* all required, in one part */
	size_t nconcepts;
};

/* A short or list question's data (question.data). */
struct qtext {
	/* Small fields first: the struct is one per question. */
	int need;		/* list: @need */
	unsigned short npatterns;	/* of every role, counted up to
					 * QUIZ_MAX_PATTERNS + 1 (an error) */
	bool case_sensitive;	/* @case */
	bool unlisted_ignore;	/* list: an unrecognised part costs nothing */

	struct pattern *accept;		/* short */
	size_t naccept;
	struct pattern *concepts;	/* short: all required */
	size_t nconcepts;
	struct pattern *misconceptions;
	size_t nmisconceptions;
	struct pattern *fine;		/* harmless side remarks */
	size_t nfine;
	struct list_item *items;	/* list */
	size_t nitems;
};

static inline struct qtext *
qtext_of(const struct question *qu)
{
	return qu->data;
}

#endif
