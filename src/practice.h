/*
 * Practice until right: a drill over some questions of the practice
 * quizzes, fed one line at a time like a quiz sitting (quizrun.h).  Each
 * question is asked in turn; one answered wrong (or partly right) is
 * shown its answer and why, and comes back after the others until it is
 * answered right.  Every graded try is recorded as a "practice" record,
 * which feeds spaced review (srs.h) and never a quiz's attempts, scores
 * or the certificate.  Post-test questions are never practised.
 */
#ifndef PSOAS_PRACTICE_H
#define PSOAS_PRACTICE_H

#include <stdbool.h>
#include <stdio.h>

#include "progress.h"
#include "render.h"
#include "srs.h"

struct practice;

/*
 * Start a drill over items[0..n) (copied; the questions they point to
 * are borrowed), titled what ("missed questions", "anatomy-quiz"...),
 * recording in p (may be NULL).  Prints the heading and first question.
 */
struct practice *practice_start(const struct srs_item *items, size_t n,
    const char *what, struct progress *p, const struct render_opts *o,
    FILE *out);

/*
 * One line: an answer, "answer TEXT", or hint, skip (drop this question
 * from the drill), repeat, leave, help.  Returns false once it ended.
 */
bool practice_input(struct practice *d, const char *line);

/* Stop now (leave, quit, Ctrl-D): every try so far is recorded. */
void practice_leave(struct practice *d);

/* "practice 3 left", for the prompt; borrowed until the next call. */
const char *practice_where(struct practice *d);

/* The verdict the drill gave last (flag.h), or NULL; borrowed. */
const struct flag_record *practice_last_verdict(const struct practice *d);

void practice_free(struct practice *d);

#endif
