/*
 * A screen at a time: text taller than the screen is shown up to the
 * screen's height and the rest kept for the next Enter, so the prompt
 * (and Ctrl-C, history, quitting) stays in charge instead of a separate
 * pager program.  The caller owns the struct: start from a zeroed one,
 * and pager_drop it when done.
 */
#ifndef PSOAS_PAGER_H
#define PSOAS_PAGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct pager {
	char **lines;		/* the lines not shown yet (from at) */
	size_t n, at;
};

/*
 * Show text ('\n'-separated lines) on out, at most rows lines; keep the
 * rest.  What was kept from an earlier text is dropped first.  Returns
 * true when lines are left for pager_more.
 */
bool pager_show(struct pager *pg, FILE *out, const char *text, size_t rows);

/* Show the next rows kept lines; returns true while lines are left. */
bool pager_more(struct pager *pg, FILE *out, size_t rows);

/* Whether lines are left to show. */
bool pager_pending(const struct pager *pg);

/* Forget the lines left (a new page, a quiz): the struct is reusable. */
void pager_drop(struct pager *pg);

#endif
