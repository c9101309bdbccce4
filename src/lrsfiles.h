/*
 * The files of sending statements to a provider's Learning Record Store,
 * shared by the tutor (which queues) and the sender program
 * psoas-tutor-send (which sends): the provider's settings and the
 * learner's queue, count of accepted statements, back-off and refusal.
 * Nothing here touches the network.
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
 * QUEUE: learners/NAME.xapi-queue holds the statements in journal order,
 * one a line, "INDEX<TAB>JSON<TAB>FNV" (FNV-1a over "INDEX<TAB>JSON"),
 * only appended to.  learners/NAME.xapi-sent is an append-only list of
 * counts: "N" means statements 0..N-1 were accepted by the LRS (its flock
 * is held by the one sender at work).  learners/NAME.xapi-retry ("NEXT
 * DELAY") is the back-off after an answer that means "try later";
 * learners/NAME.xapi-refused ("STATUS INDEX WHEN") says the LRS refused
 * statement INDEX for good with HTTP STATUS at time WHEN, so nothing is
 * sent by itself until `psoas-tutor --send` succeeds.  Both are replaced
 * whole by a rename, so a crash leaves the old or the new one.
 */
#ifndef PSOAS_LRSFILES_H
#define PSOAS_LRSFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define LRS_CONFIG_NAME "lrs.conf"

/* The sender program's exit status (and so --send's). */
enum {
	LRS_EXIT_SENT = 0,	/* nothing is left to send */
	LRS_EXIT_WAITING = 1,	/* some wait: try later, or no LRS usable */
	LRS_EXIT_REFUSED = 2	/* the LRS refused them for good */
};

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
/* The same for sending, where no file is an error too: 0, or -1 with
 * *cause. */
int lrs_config_need(const char *data_dir, struct lrs_config *cfg,
    char **cause);
void lrs_config_destroy(struct lrs_config *cfg);

struct lrs_paths {
	char *queue, *sent, *retry, *refused;
};

void lrs_paths_init(struct lrs_paths *p, const char *data_dir,
    const char *learner);
void lrs_paths_destroy(struct lrs_paths *p);

/* The whole of fd from its start (a new string; its length in *len). */
char *lrs_slurp(int fd, size_t *len);
/* Write all of s, then fsync: 0, or -1 with errno. */
int lrs_write_all(int fd, const char *s, size_t len);

/* Append the queue line of statement index to b. */
void lrs_queue_line(struct strbuf *b, size_t index, const char *json);
/*
 * The queue's statements: every intact line whose checksum holds and
 * whose INDEX follows the one before.  Returns how many, with their
 * texts in *out (new strings) when out is not NULL.
 */
size_t lrs_queue_lines(const char *text, size_t len, char ***out);

/*
 * How many statements the LRS has accepted, from the sent file fd.
 * *torn (if not NULL) says whether the file ends mid-line.
 */
size_t lrs_sent_count(int fd, bool *torn);

/* The back-off: when the next try may be, and the wait that led to it
 * (both 0 without one). */
void lrs_retry_read(const char *path, long long *next, long long *delay);
void lrs_retry_write(const char *path, long long next, long long delay);

/* A refusal for good: the answer, the first statement it refused, when. */
struct lrs_refusal {
	long status;
	size_t index;
	long long when;
};

/* True when path holds a refusal (read into *r). */
bool lrs_refusal_read(const char *path, struct lrs_refusal *r);
void lrs_refusal_write(const char *path, const struct lrs_refusal *r);
/* What a refusal means for the learner, as a new sentence. */
char *lrs_refusal_text(const struct lrs_refusal *r);

#endif
