/*
 * Sending a learner's xAPI statements (xapi.h) to the provider's
 * Learning Record Store, when the provider has configured one
 * (DATA/lrs.conf; the settings and files are described in lrsfiles.h).
 *
 * QUEUE: the tutor appends the statements to learners/NAME.xapi-queue
 * (one write, fsync, under flock) at each safe point of a session: after
 * each line the learner types, and at its end.  The journal stays the
 * source: the queue is filled from it up to its last intact record, so a
 * crash between the two loses nothing.
 *
 * SENDING is the work of a program of its own, psoas-tutor-send
 * (send/sender.h, found by helper.h), so the tutor never loads libcurl.
 * A session never waits on the network: it starts
 * `psoas-tutor-send --due` in the background, one at a time, when
 * statements wait and neither the back-off nor a refusal of the LRS
 * stops it, and goes on.
 */
#ifndef PSOAS_LRS_H
#define PSOAS_LRS_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

/* A session's link to the LRS. */
struct lrs;

/*
 * For the learner's session: NULL when no LRS is configured, or when the
 * configuration or the course cannot be used (then *cause says why).
 * With a link, *cause may still say what the learner should know: that
 * the LRS refused the statements and sending has stopped.
 */
struct lrs *lrs_open(const char *data_dir, const char *learner,
    const struct course *c, const char *journal_path, char **cause);
/* A safe point: queue what the journal has that the queue lacks, and
 * start a background sender when statements wait and nothing stops it.
 * Never waits on the network.  Returns, once, a new sentence for the
 * learner when the LRS has refused the statements, else NULL. */
char *lrs_safe_point(struct lrs *l);
void lrs_close(struct lrs *l);

/*
 * --send: queue (unless due_only: the background sender's way), then run
 * psoas-tutor-send in the foreground, which prints what it sent.
 * Returns its exit status (LRS_EXIT_*, lrsfiles.h), or -1 with *cause
 * when it could not be run or nothing could be queued.
 */
int lrs_send(const char *data_dir, const char *learner,
    const struct course *c, const char *journal_path, bool due_only,
    char **cause);

#endif
