/*
 * What a learner's progress says, for its readers: the learner
 * (report_progress) and an instructor or provider (report_class).  (The
 * certificate is certify.h's, the auditors' exports export.h's.)  They
 * read the progress only; none of them records anything.
 *
 * Each function returns 0, or nonzero when it could not do its job: then
 * a function with a cause argument sets *cause to a new message saying
 * why, for the caller to show where it fits and free.  None of them
 * prints anything but the report.  A write error on out also returns
 * nonzero, with no cause (checked with ferror; the caller's check of out
 * reports it).
 */
#ifndef PSOAS_REPORT_H
#define PSOAS_REPORT_H

#include <stdio.h>

#include "course.h"
#include "progress.h"
#include "render.h"

/*
 * The learner's progress through c: for each lesson its status ("not
 * started", "page k of n" or "done"), a bar of pages reached and its time
 * on task; for each quiz its best finished score as a bar, the number of
 * attempts and whether it is passed; then overall completion and total
 * time on task.
 *
 * Overall completion = (lessons done + quizzes passed) / (lessons +
 * quizzes) in c, as a whole percent rounded down, so 100% means every
 * lesson read to the end and every quiz passed.
 *
 * Bars are "[#####.......]  41%" in plain mode; otherwise they are drawn
 * with block characters.  Percentages are rounded down everywhere, so a
 * quiz never shows its pass mark when it fell short of it.
 */
int report_progress(FILE *out, const struct course *c,
    const struct progress *p, const struct render_opts *o);

/*
 * An instructor's class summary, one row per learner of p[0..n): short
 * name, lessons done, practice quizzes passed, the post-test's best score
 * and whether it is passed, overall completion (as in report_progress),
 * time on task, and last the full name.  Plain text, aligned columns.
 * Then, when any learner answered the participant evaluation, a summary
 * for the provider: per item, the number of answers, and for a rating
 * the mean (in tenths, rounded down) and how many gave each of 1..5, for
 * a free-text item every answer with its learner, escaped as in the
 * exports (export.h).
 */
int report_class(FILE *out, const struct course *c,
    struct progress *const *p, size_t n);

#endif
