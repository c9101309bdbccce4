/*
 * Records for auditors and providers, as spreadsheet files: one format
 * per name, each a csv and a tsv variant.  Rows come from the journals
 * only (what was recorded), one learner after another.
 *
 *   csv, tsv         one row per graded try at a question, and per skip,
 *                    in the order recorded: learner, full_name, quiz,
 *                    attempt, question, answer, verdict, points, max,
 *                    hints, try, final, time, objective.  final is
 *                    "yes" for the answer that closed the question
 *                    (right, out of tries, or skipped) and "no" for a
 *                    try that left another to go; only final rows count
 *                    (a try that is not final has points 0).
 *   attempts-csv/tsv one row per quiz attempt: learner, full_name, quiz,
 *                    attempt, started, finished, questions, answered,
 *                    score, max, percent, passed
 *   lessons-csv/tsv  one row per lesson of the course: learner,
 *                    full_name, lesson, title, pages, furthest_page, done,
 *                    seconds (time on task, idle gaps left out), minutes
 *                    (the lesson's estimate)
 *   draws-csv/tsv    one row per question drawn for an attempt of a drawn
 *                    quiz, in the order asked: learner, full_name, quiz,
 *                    attempt, started, seed, position, question, topic,
 *                    letters (for each letter from a, the letter of the
 *                    quiz file's own lettering, as in its @example lines,
 *                    that it showed), verdict, points, objective
 *
 * objective, last so readers of the columns before it keep working, is
 * the lesson objective the question tests, "LESSON N" as its @objective
 * says (empty when it names none).
 *   evaluations-csv/tsv  one row per evaluation answer: learner,
 *                    full_name, certificate, item, kind, answer, prompt,
 *                    time
 *
 * The first row names the columns.  Times are ISO 8601 UTC; points have
 * three decimals and a '.'.  csv follows RFC 4180 (CR LF, fields holding
 * a comma or a double quote quoted, quotes doubled); tsv rows end in LF.
 *
 * Every cell, of every format, passes through export_cell: a cell that
 * begins with '=', '+', '-', '@', TAB or CR gets a leading "'" so no
 * spreadsheet runs it as a formula (OWASP "CSV injection"), and control
 * characters are escaped (\t \n \r, others \xHH, and a backslash \\), so
 * a cell is always one line of printable text.
 */
#ifndef PSOAS_EXPORT_H
#define PSOAS_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "course.h"
#include "progress.h"

/*
 * Write format for the learners p[0..n) of course c: one header row,
 * then each learner's rows.  Returns 0; 1 for an unknown format, with
 * *cause set to a new message for the caller to show and free; -1 for a
 * write error on out (no cause: the caller's check of out reports it).
 */
int export_write(FILE *out, const struct course *c,
    struct progress *const *p, size_t n, const char *format, char **cause);

/* The format names, for --help and messages: "csv, tsv, ...". */
const char *export_formats(void);
bool export_known(const char *format);

/* One cell as it is written, neutralised and escaped (a new string). */
char *export_cell(const char *s);

#endif
