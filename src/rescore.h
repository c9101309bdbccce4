/*
 * A regrade on the learner's side (psoas-tutor --regrade): after the
 * course's answer rules change, every try of every finished quiz attempt
 * is graded again, from the answer as typed, with the rules as they are
 * today, and the new grading is appended to the learner's journal as
 * "regrade" and "rescore" records (progress.h).  Nothing recorded is
 * rewritten, and running it again on an unchanged course appends
 * nothing.
 *
 * The rule is the one a sitting follows, replayed: at each question the
 * tries are graded again in the order typed, with the costs of the hints
 * shown and tries used at each one (grade_points); the first try now
 * right closes the question, and the tries after it would never have
 * been asked (OUTCOME_SUPERSEDED, outcome.h); when none is right, the
 * last try recorded closes it, as the tries had then run out.  A skip
 * stays a skip.  What is left alone, and said: an attempt still open (it is
 * graded as the learner goes on), an attempt sat on another version of
 * its quiz (questions renamed, moved or dropped), a quiz whose rules fail
 * the course checker, and a try the grader cannot grade now.  Practice
 * tries earn nothing and are not graded again.
 *
 * A completion already recorded is never withdrawn: its certificate shows
 * what was recorded when it was issued.  A post-test that now passes
 * makes the course complete at the learner's next start, when the
 * completion is recorded as usual (certify.h).  A provider grades a
 * submission on its own side (regrade.h) and reads none of these
 * records.
 */
#ifndef PSOAS_RESCORE_H
#define PSOAS_RESCORE_H

#include <stdio.h>

#include "course.h"
#include "progress.h"

/*
 * Regrade p against c and write what changed, learner by learner, to
 * out.  Returns the number of records appended (0: nothing changed), or
 * -1 when one could not be saved (*cause set to a new message; the
 * records before it stay).
 */
long rescore_progress(const struct course *c, struct progress *p, FILE *out,
    char **cause);

/*
 * What a regrade changed since the learner last did anything, for the
 * start-up: one paragraph per attempt rescored ("... now scores 75%, a
 * pass; it was 50%, a fail"), or NULL when nothing did.  New string.
 */
char *rescore_news(const struct course *c, const struct progress *p);

#endif
