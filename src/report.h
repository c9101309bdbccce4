/*
 * What a learner's progress says, for its readers: the learner
 * (report_progress), an auditor checking the record (report_export) and
 * an instructor (report_class).  (The certificate is certify.h's.)  They
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

#include <stdbool.h>
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
 * Rows for auditors, one file format per name:
 *
 *   csv, tsv       one row per graded try at a question, and per skip,
 *                  in the order they were recorded:
 *                  learner, full_name, quiz, attempt, question, answer,
 *                  verdict, points, max, hints, try, final, time
 *                  final is "yes" for the answer that closed the question
 *                  (right, out of tries, or skipped) and "no" for a try
 *                  that left another to go.  Only final rows count: a
 *                  try that is not final has points 0, and a finished
 *                  attempt's score is the sum of its final rows' points.
 *                  hints is the number revealed on the question by then.
 *   attempts-csv,  one row per quiz attempt:
 *   attempts-tsv   learner, full_name, quiz, attempt, started, finished,
 *                  questions, answered, score, max, percent, passed
 *                  (answered counts questions with a final answer)
 *
 * The first row names the columns.  csv follows RFC 4180: CR LF line
 * ends, and a field holding a comma, a double quote, CR or LF is put in
 * double quotes with its quotes doubled.  tsv rows end in LF, and a TAB,
 * CR or LF inside a field becomes a space (tsv has no quoting).  Times are
 * ISO 8601 UTC ("2024-05-01T09:30:00Z"); an unfinished attempt has empty
 * finished, score, percent and passed fields.  Points have three decimals.
 * Only quizzes in c are exported, in course order.  Answers are exported
 * exactly as typed: a spreadsheet may read one starting with "=" as a
 * formula, so auditors should import the file as text.
 *
 * Returns nonzero for an unknown format name (with *cause).
 */
int report_export(FILE *out, const struct course *c,
    const struct progress *p, const char *format, char **cause);

/*
 * The same export for several learners (an instructor's --all-learners):
 * one header row, then the rows of each learner of p[0..n) in turn.
 */
int report_export_all(FILE *out, const struct course *c,
    struct progress *const *p, size_t n, const char *format, char **cause);

/*
 * An instructor's class summary, one row per learner of p[0..n): short
 * name, lessons done, practice quizzes passed, the post-test's best score
 * and whether it is passed, overall completion (as in report_progress),
 * time on task, and last the full name.  Plain text, aligned columns.
 */
int report_class(FILE *out, const struct course *c,
    struct progress *const *p, size_t n);

/* The format names report_export knows, for --help: "csv, tsv, ...". */
const char *report_export_formats(void);
bool report_export_known(const char *format);

#endif
