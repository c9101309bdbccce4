/*
 * Finding what a free-text answer names, for the two graders of the
 * "short" and "list" rows (grade_text.c, grade_list.c): a pattern's
 * matches in a view of the answer that are not negated in their clause
 * (clause.h), not hedged ("X or Y" with Y something else), and, for a
 * misconception, not inside a remark the author marked @fine.  Every
 * match checks the answer's time budget first, so a slow course makes an
 * answer "not graded" but never hangs the tutor, and Ctrl-C is answered
 * between two matches.  The rules are doc/FORMATS.md "Concepts".  Only
 * the free-text family includes this header.
 */
#ifndef PSOAS_CONCEPT_H
#define PSOAS_CONCEPT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "clause.h"
#include "grade.h"
#include "qkind_text.h"

#define CONCEPT_MAX_FINE 64	/* @fine remarks marked in one view */

/* One answer being graded (concept_ctx_init .. concept_ctx_destroy). */
struct concept_ctx {
	const struct question *q;
	struct grade_result *r;
	struct timespec deadline;
	pcre2_match_data *md;
	bool failed;		/* r is ungradable (or unfinished) */
};

/* A part of the answer being read, and its @fine remarks. */
struct concept_view {
	const char *s;		/* padded (concept_padded) */
	size_t len;
	struct span *fine;	/* room for CONCEPT_MAX_FINE, or NULL */
	size_t nfine;
};

/*
 * Start grading into r: the time budget (GRADE_BUDGET_MS) starts now,
 * after the answer is read, since loading a dictionary the first time is
 * not the patterns' fault.
 */
void concept_ctx_init(struct concept_ctx *c, const struct question *q,
    struct grade_result *r);
void concept_ctx_destroy(struct concept_ctx *c);

/*
 * A copy of n bytes of s with the zeroed padding PCRE2's JIT may read
 * past its end; the caller frees it.  Every view's text is one.
 */
char *concept_padded(const char *s, size_t n);

/* Mark the @fine remarks of v (in v->fine): 0, or -1 (c->failed). */
int concept_find_fine(struct concept_ctx *c, struct concept_view *v);

/*
 * The first misconception found in v, not negated and not inside a @fine
 * remark, or NULL (then check c->failed).
 */
const struct pattern *concept_misconception(struct concept_ctx *c,
    const struct concept_view *v);

/* Does the anchored @accept p match all of s (padded)?  1, 0 or -1. */
int concept_accepts(struct concept_ctx *c, const struct pattern *p,
    const char *s);

/*
 * Is the short question's concept p found in v, not negated and not
 * hedged?  1, 0 or -1 (c->failed).
 */
int concept_found(struct concept_ctx *c, const struct pattern *p,
    const struct concept_view *v);

/*
 * Does v name list item it (an @accept of the whole view, or all its
 * concepts, hedged ones not counting when hedges)?  1, 0 or -1; *by
 * (unless NULL) gets the pattern that decided.
 */
int concept_names_item(struct concept_ctx *c, const struct list_item *it,
    const struct concept_view *v, bool hedges, const struct pattern **by);

/* "accept", "concept", "misconception" or "fine": p's role, for details. */
const char *concept_rule_text(const struct pattern *p);

#endif
