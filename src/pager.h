/*
 * A screen at a time: text taller than the screen is shown up to the
 * screen's height and the rest kept for the next key at the more-prompt,
 * so the tutor (not a separate pager program) stays in charge.  The text
 * comes laid out in blocks (layout.h): a block marked keep that fits on
 * a screen is never split, one taller than a screen starts a screen of
 * its own.  Lines wider than the screen count as the rows the terminal
 * folds them into.  Messages said while a text is being paged wait at its
 * end (its tail), and are shown even when paging is stopped.
 *
 * The caller owns the struct: start from a zeroed one, set rows (for
 * text: the prompt's row excluded) and cols before each call that shows
 * something, and pager_drop it when done.
 */
#ifndef PSOAS_PAGER_H
#define PSOAS_PAGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "layout.h"

struct pager_pos {
	size_t block, line;		/* line of block */
};

struct pager {
	size_t rows, cols;		/* the screen, set by the caller */
	struct layout text;		/* the text, then its tail */
	size_t tail;			/* the tail's first block */
	struct pager_pos at;		/* the next line to show */
	struct pager_pos *screens;	/* where each screen shown began */
	size_t nscreens;
};

/* What a key at the more-prompt asks for. */
enum pager_action {
	PAGER_NONE,			/* not a pager key */
	PAGER_MORE,			/* the next screen */
	PAGER_BACK,			/* the screen before the one shown */
	PAGER_STOP,			/* stop paging */
};

/*
 * Show text (taken over; left empty) on out: its first screen, the rest
 * kept.  What was kept from an earlier text is dropped first.  Returns
 * true when lines are left for pager_more.
 */
bool pager_show(struct pager *pg, FILE *out, struct layout *text);

/* Show the next screen; returns true while lines are left. */
bool pager_more(struct pager *pg, FILE *out);

/*
 * Show again the screen before the one last shown ("b"); what is already
 * on the terminal stays.  Returns false, showing nothing, on the first.
 */
bool pager_back(struct pager *pg, FILE *out);

/* Stop paging: show the part of the tail not yet shown, drop the rest. */
void pager_stop(struct pager *pg, FILE *out);

/*
 * Stop paging but keep the place ("q" on a lesson page, whose rest 'next'
 * shows later): the part of the tail not yet shown is shown, and when
 * lines of the text itself are left, the text (without its tail) and the
 * place in it move to held (dropped first), for pager_more to go on from.
 * Returns whether held got them.
 */
bool pager_hold(struct pager *pg, FILE *out, struct pager *held);

/* Add tail (taken over; left empty) at the end of a text being paged. */
void pager_append(struct pager *pg, struct layout *tail);

/*
 * The same text laid out again (at a new width): text and tail (both
 * taken over) replace the ones kept, and the place in them is kept: the
 * same block, and as far into it.
 */
void pager_relayout(struct pager *pg, struct layout *text,
    struct layout *tail);

/* How far through the text the screens shown reach, in percent. */
int pager_percent(const struct pager *pg);

/* Whether lines are left to show. */
bool pager_pending(const struct pager *pg);

/* Forget the text: the struct is reusable (rows and cols are kept). */
void pager_drop(struct pager *pg);

/*
 * The action of a key at the more-prompt, given as the bytes it sent:
 * Enter, space, Down and Page Down show more; b, Up and Page Up go back;
 * q, Escape and Ctrl-C stop.
 */
enum pager_action pager_key(const char *key);

#endif
