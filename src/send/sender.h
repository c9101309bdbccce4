/*
 * Sending a learner's queued xAPI statements to the provider's Learning
 * Record Store over HTTP(S) with libcurl: the one part of the tutor that
 * needs the network, so it lives in its own program, psoas-tutor-send,
 * and the tutor itself never loads libcurl and the TLS libraries behind
 * it.  The files it reads and writes are lrsfiles.h's.
 *
 * Statements are POSTed in order, in batches, to ENDPOINT/statements with
 * X-Experience-API-Version 1.0.3; a 2xx answer, or 409 (the LRS already
 * holds those ids), counts as accepted, and the count is recorded before
 * the next batch.  No answer within the timeouts (defaults.h), or an
 * answer that means "try later" (408, 425, 429, 5xx), leaves them queued
 * and doubles the wait before the next try (LRS_BACKOFF_FIRST up to
 * LRS_BACKOFF_MAX seconds).  Any other answer (400, 401, 403, 404, ...)
 * will not change by trying again: it is recorded as a refusal, and
 * nothing is sent by itself until a sending that is asked for (not
 * --due) gets through.  Statement ids are stable, so a batch sent again
 * after a crash is one statement each to the LRS.
 */
#ifndef PSOAS_SENDER_H
#define PSOAS_SENDER_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Send what waits in DATA's queue for learner, now (or, when due_only,
 * only if neither the back-off nor a refusal stops it).  Returns an
 * LRS_EXIT_* status (lrsfiles.h), with *cause when it is not
 * LRS_EXIT_SENT and something went wrong; *sent gets how many were
 * accepted in this call, *left how many still wait.
 */
int sender_run(const char *data_dir, const char *learner, bool due_only,
    size_t *sent, size_t *left, char **cause);

#endif
