/*
 * Sending a learner's xAPI statements (xapi.h) to the provider's
 * Learning Record Store, when the provider has configured one.
 *
 * CONFIGURATION: DATA/lrs.conf (DATA: the data folder), lines of
 *   endpoint URL      the LRS's xAPI endpoint (http:// or https://)
 *   key KEY           Basic authentication user
 *   secret SECRET     Basic authentication password
 * with '#' comments and blank lines.  The file must be a regular file
 * owned by the user with no permission for group or others (0600):
 * anything else is refused with a clear error and nothing is sent.  With
 * no file, nothing is queued or sent.
 *
 * QUEUE: beside the journal, learners/NAME.xapi-queue holds the
 * statements in journal order, one a line, "INDEX<TAB>JSON", appended
 * (one write, fsync, under flock) at each safe point of a session: after
 * each line the learner types, and at its end.  The journal stays the
 * source: the queue is filled from it up to its last intact record, so a
 * crash between the two loses nothing.  learners/NAME.xapi-sent is an
 * append-only list of counts: "N" means statements 0..N-1 were accepted
 * by the LRS.  learners/NAME.xapi-retry ("NEXT DELAY") is the back-off.
 *
 * SENDING: statements are POSTed in order, in batches, to
 * ENDPOINT/statements with X-Experience-API-Version 1.0.3; 200, 204 and
 * 409 (the LRS already holds those ids) count as accepted.  Anything
 * else, or no answer within the timeouts (defaults.h), leaves them
 * queued and doubles the wait before the next try (LRS_BACKOFF_FIRST up
 * to LRS_BACKOFF_MAX seconds).  Statement ids are stable, so a batch
 * sent again after a crash is one statement each to the LRS: never lost,
 * never duplicated.  A session never waits on the network: it starts
 * `psoas-tutor --send=due` in the background, one at a time, and goes on.
 */
#ifndef PSOAS_LRS_H
#define PSOAS_LRS_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

#define LRS_CONFIG_NAME "lrs.conf"

struct lrs_config {
	char *endpoint;		/* ends in '/' */
	char *key, *secret;
};

/*
 * Read DATA/lrs.conf.  Returns 1 when it was read, 0 when there is none,
 * -1 when it is refused (*cause: "PATH: ..." or "PATH:LINE: ...").
 */
int lrs_config_load(const char *data_dir, struct lrs_config *cfg,
    char **cause);
void lrs_config_destroy(struct lrs_config *cfg);

/* A session's link to the LRS. */
struct lrs;

/*
 * For the learner's session: NULL when no LRS is configured, or when the
 * configuration or the course cannot be used (then *cause says why).
 */
struct lrs *lrs_open(const char *data_dir, const char *learner,
    const struct course *c, const char *journal_path, char **cause);
/* A safe point: queue what the journal has that the queue lacks, and
 * start a background sender when statements wait and the back-off
 * allows.  Never waits on the network. */
void lrs_safe_point(struct lrs *l);
void lrs_close(struct lrs *l);

/*
 * --send: queue, then send what waits, now (or, when due_only, only if
 * the back-off allows: the background sender).  Returns 0 when nothing
 * is left to send, -1 with *cause otherwise; *sent gets how many were
 * accepted in this call, *left how many still wait.
 */
int lrs_send(const char *data_dir, const char *learner,
    const struct course *c, const char *journal_path, bool due_only,
    size_t *sent, size_t *left, char **cause);

#endif
