/*
 * Study aids built on spaced review (srs.h): choosing what to practise,
 * the list of what is due, and the statistics a learner sees with
 * 'stats'.  Everything is derived from the journal on each call; nothing
 * is stored.
 */
#ifndef PSOAS_STUDY_H
#define PSOAS_STUDY_H

#include <stddef.h>
#include <time.h>

#include "course.h"
#include "progress.h"
#include "render.h"
#include "srs.h"

#define STUDY_WEEKS 8		/* weeks of accuracy shown by stats */
#define STUDY_DAYS 28		/* days in stats' calendar strip */

/*
 * The items of d that "practice WHAT" drills: WHAT is a quiz id (its
 * questions; never the post-test's), "missed" (questions whose last try
 * was not right the first time), "due" (due today), or "" (due, else
 * missed).  Returns 0 with *items (new array, *n of them) and *title
 * (new); or 1 with *why (new) saying why there is nothing to drill.
 */
int study_pick(const struct srs_deck *d, const struct course *c,
    const char *what, time_t now, struct srs_item **items, size_t *n,
    char **title, char **why);

/* "What is due": today's questions by quiz and the next dates.  New string. */
char *study_due(const struct render_opts *o, const struct course *c,
    const struct progress *p, time_t now);

/*
 * Accuracy per topic and per lesson week by week, days studied, time on
 * task and what is due: bar charts, or plain numbers when o->plain.
 * New string.
 */
char *study_stats(const struct render_opts *o, const struct course *c,
    const struct progress *p, time_t now);

#endif
