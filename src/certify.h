/*
 * Course completion and the certificate that shows it.  The rule for
 * "completed" lives here: the post-test passed and every lesson of the
 * course read to its end.  The moment that first becomes true, a
 * "completion" record is appended to the learner's journal holding every
 * field the certificate will show, as it was then: the manifest's title,
 * version, type, hours, provider and approvals, the pass mark and score,
 * the time on task, the learner's name and licence, and a new certificate
 * number.  Certificates are built from that record only, so a later change
 * to the course files or to the learner's name never changes a
 * certificate already issued.
 *
 * Keys of a completion record (values are text; "approval" repeats):
 *   number course title version type hours provider-name
 *   provider-address provider-email provider-number approval posttest
 *   posttest-title attempt score pass seconds learner name licence
 *   licence-state self-reported test-clock (present when the session ran
 *   on an injected clock: the certificate then says it is not real)
 *   regraded (present when the passing attempt's score is from a regrade,
 *   rescore.h: when, in unix seconds)
 *
 * The rule reads the latest grading: an attempt that passes after a
 * regrade completes the course, and is recorded at the learner's next
 * start.  A completion once recorded stands whatever a later regrade
 * says: its certificate may have been handed on.
 *
 * Certificates made here are self-reported: the learner's own computer
 * recorded and graded everything, and the certificate says so.
 */
#ifndef PSOAS_CERTIFY_H
#define PSOAS_CERTIFY_H

#include <stdio.h>
#include <time.h>

#include "course.h"
#include "progress.h"

/*
 * Record p's completion of c if it has just become complete and none is
 * recorded yet.  Returns 1 when it recorded one (*number, if not NULL,
 * gets the new certificate number, borrowed from p), 0 when there was
 * nothing to record, -1 when the record could not be saved (*cause set).
 */
int certify_record(struct progress *p, const struct course *c,
    const char **number, char **cause);

/*
 * Print the certificate of p's first completion: as text to out, width
 * columns (certificate.h: CERTIFICATE_TEXT_WIDTH or more is the text as
 * signed, less a screen's), or, when pdf_path is not NULL, as a PDF
 * written there (and a line saying so to out).  Returns 0; or 1 when there is no completion yet, with
 * *cause saying what is still to do (lines after the first are the
 * lessons left, indented); or -1 when it failed, with *cause saying why
 * (NULL for a write error on out, which the caller's check of out
 * reports).  *cause is new, for the caller to show and free.
 */
int certify_print(FILE *out, const char *pdf_path, int width,
    const struct course *c, const struct progress *p, char **cause);

/*
 * The attestation time t as a certificate shows it, "YYYY-MM-DD HH:MM
 * UTC", into buf; NULL (buf untouched) when t is 0: none recorded.
 */
const char *certify_attested_text(time_t t, char buf[32]);

/*
 * A new certificate number: the course id in capitals, the date of now
 * (UTC) and 10 random characters that read well over the phone.
 */
char *certify_new_number(const char *course, time_t now);

#endif
