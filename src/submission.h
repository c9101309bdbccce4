/*
 * A learner's submission: what a learner e-mails or uploads to the
 * provider for grading (doc/FORMATS.md "Submission"), written by
 * `psoas-tutor --submit FILE` and read by `psoas-tutor provider grade`.
 *
 * It is one JSON object: the format line, the learner's short name, the
 * course id, version and digest, what the journal says of the learner
 * (full name, the last identity, the attestation, a test clock), and
 * "statements", every xAPI statement of the learner's journal in record
 * order (xapi.h).  The post-test attempts' seeds and drawn questions are
 * in the extensions of their "attempted" statements.  Nothing in it is
 * secret and nothing in it is trusted by the provider beyond what the
 * learner did: scores and verdicts are graded again.
 */
#ifndef PSOAS_SUBMISSION_H
#define PSOAS_SUBMISSION_H

#include <stddef.h>

#include "course.h"
#include "xapi.h"

#define SUBMISSION_FORMAT "psoas-tutor submission 1"

/*
 * Write the submission of the learner whose journal is at journal_path
 * to path: a new file, mode 0600, never over an existing file or
 * through a symbolic link.  Returns 0, or -1 with *cause.
 */
int submission_write(const char *path, const struct course *c,
    const char *journal_path, const char *learner, char **cause);

/*
 * Whether bytes[0..len) look like a submission rather than a journal:
 * the first byte that is not white space is '{'.
 */
int submission_detect(const char *bytes, size_t len);

/*
 * Read a submission against the provider's course xc and rebuild the
 * journal it stands for (version 2, chained checksums), for the same
 * replay and grading as a journal.  Returns 0 with *learner, *journal
 * (*jlen bytes) and *lines (for each journal line, 1-based, the 1-based
 * statement it came from, 0 for the header lines; *nlines of them) new;
 * or -1 with *why saying in plain words why the submission is refused.
 */
int submission_to_journal(const char *bytes, size_t len,
    const struct xapi_course *xc, char **learner, char **journal,
    size_t *jlen, size_t **lines, size_t *nlines, char **why);

#endif
