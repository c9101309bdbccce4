/*
 * The tutor's side of sending statements to an LRS (lrs.h): the queue
 * filled from the journal, and the sender program started when
 * statements wait.  The files are lrsfiles.h's; the network is
 * psoas-tutor-send's alone (helper.h).
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "lrs.h"
#include "lrsfiles.h"
#include "ownfile.h"
#include "helper.h"
#include "strbuf.h"
#include "xapi.h"
#include "xmalloc.h"

/* ------------------------------------------------------------- queue */

/*
 * Statements made from a journal so far, a record at a time: those past
 * base are in x, not yet queued.  What the queue held after our last
 * write is kept, so a session does not read the whole queue again while
 * nobody else has written to it.
 */
struct feeder {
	struct xapi x;
	size_t base;
	off_t queue_size;	/* -1: unknown */
	size_t queue_count;
};

static void
feeder_init(struct feeder *f, const struct xapi_course *xc,
    const char *learner)
{
	xapi_init(&f->x, xc, learner);
	f->base = 0;
	f->queue_size = -1;
	f->queue_count = 0;
}

/* The statements made are queued: drop them, keep the count. */
static void
feeder_flush(struct feeder *f)
{
	for (size_t i = 0; i < f->x.n; i++)
		free(f->x.statements[i]);
	f->base += f->x.n;
	f->x.n = 0;
}

/*
 * Append to the queue the statements of f it lacks, in one write.
 * Returns 0; 1 when the queue holds fewer than f has dropped (someone
 * removed it: start f again from the journal's beginning); -1 with
 * *cause.
 */
static int
queue_append(const struct lrs_paths *p, struct feeder *f, char **cause)
{
	struct strbuf add = {0};
	struct stat st;
	char *text = NULL;
	size_t len, have, total = f->base + f->x.n;
	bool torn = false;
	int fd, rc = -1;

	fd = ownfile_open(p->queue, O_RDWR | O_CREAT | O_APPEND, 0600, cause);
	if (fd == -1) {
		if (*cause == NULL)
			*cause = xasprintf("%s: %s", p->queue, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0) {
		*cause = xasprintf("%s: %s", p->queue, strerror(errno));
		goto out;
	}
	if (st.st_size == f->queue_size) {
		have = f->queue_count;
	} else {
		text = lrs_slurp(fd, &len);
		have = lrs_queue_lines(text, len, NULL);
		torn = len > 0 && text[len - 1] != '\n';
	}
	if (have < f->base) {
		rc = 1;
		goto out;
	}
	if (torn && have < total)
		strbuf_add(&add, "\n", 1);	/* after a line torn by a crash */
	for (size_t i = have; i < total; i++)
		lrs_queue_line(&add, i, f->x.statements[i - f->base]);
	if (add.len > 0 && lrs_write_all(fd, add.s, add.len) != 0) {
		*cause = xasprintf("%s: %s", p->queue, strerror(errno));
		goto out;
	}
	f->queue_size = fstat(fd, &st) == 0 ? st.st_size : -1;
	f->queue_count = have > total ? have : total;
	feeder_flush(f);
	rc = 0;
out:
	strbuf_destroy(&add);
	free(text);
	close(fd);
	return rc;
}

/*
 * Bring the queue up to the journal: feed f the records it has not seen
 * and queue their statements.  Returns the queue's length, or -1 with
 * *cause.
 */
static long
queue_fill(const struct lrs_paths *p, struct feeder *f, const char *journal_path,
    char **cause)
{
	for (int pass = 0; pass < 2; pass++) {
		int rc;

		if (xapi_read_journal(&f->x, journal_path, cause) != 0)
			return -1;
		if ((rc = queue_append(p, f, cause)) <= 0)
			return rc < 0 ? -1 : (long)f->queue_count;
		/* The queue was removed: make it again from the start. */
		const struct xapi_course *xc = f->x.course;
		char *learner = xstrdup(f->x.learner);

		xapi_destroy(&f->x);
		feeder_init(f, xc, learner);
		free(learner);
	}
	*cause = xasprintf("%s: it changes under us", p->queue);
	return -1;
}

/* ------------------------------------------------------------ --send */

int
lrs_send(const char *data_dir, const char *learner, const struct course *c,
    const char *journal_path, bool due_only, char **cause)
{
	const char *args[] = { "--due", data_dir, learner, NULL };
	struct lrs_config cfg;
	struct xapi_course xc;
	struct lrs_paths p;
	int rc;

	if (lrs_config_need(data_dir, &cfg, cause) != 0)
		return -1;
	lrs_config_destroy(&cfg);
	/* The background sender only sends: the session queues. */
	if (!due_only) {
		struct feeder f;

		if (xapi_course_init(&xc, c, cause) != 0)
			return -1;
		lrs_paths_init(&p, data_dir, learner);
		feeder_init(&f, &xc, learner);
		rc = queue_fill(&p, &f, journal_path, cause) < 0 ? -1 : 0;
		xapi_destroy(&f.x);
		xapi_course_destroy(&xc);
		lrs_paths_destroy(&p);
		if (rc != 0)
			return -1;
	}
	return helper_run(&helper_send, due_only ? args : args + 1, -1, -1,
	    cause);
}

/* ------------------------------------------------------------ session */

struct lrs {
	struct xapi_course xc;
	struct feeder f;	/* the journal's statements, as it grows */
	struct lrs_paths p;
	char *data_dir, *learner, *journal;
	off_t journal_size;	/* when last queued; -1: never */
	long queued;		/* the queue's length then */
	pid_t child;		/* the background sender, or 0 */
	bool refusal_told;	/* the learner knows the LRS refuses */
	bool closing;		/* the session ends */
};

struct lrs *
lrs_open(const char *data_dir, const char *learner, const struct course *c,
    const char *journal_path, char **cause)
{
	struct lrs_config cfg;
	struct lrs_refusal r;
	struct lrs *l;

	if (lrs_config_load(data_dir, &cfg, cause) != 1)
		return NULL;
	lrs_config_destroy(&cfg);
	l = xcalloc(1, sizeof *l);
	if (xapi_course_init(&l->xc, c, cause) != 0) {
		char *why = *cause;

		*cause = xasprintf("statements cannot be sent to the LRS: %s",
		    why);
		free(why);
		free(l);
		return NULL;
	}
	lrs_paths_init(&l->p, data_dir, learner);
	feeder_init(&l->f, &l->xc, learner);
	l->data_dir = xstrdup(data_dir);
	l->learner = xstrdup(learner);
	l->journal = xstrdup(journal_path);
	l->journal_size = -1;
	l->queued = -1;
	if (lrs_refusal_read(l->p.refused, &r)) {
		*cause = lrs_refusal_text(&r);
		l->refusal_told = true;
	}
	return l;
}

/* Start `psoas-tutor-send --due DATA LEARNER` in the background. */
static void
spawn_sender(struct lrs *l)
{
	const char *args[] = { "--due", l->data_dir, l->learner, NULL };
	char *cause = NULL;
	pid_t pid = helper_start(&helper_send, args, -1, -1, true, &cause);

	/* Without the sender statements stay queued, as when offline. */
	free(cause);
	if (pid > 0)
		l->child = pid;
}

char *
lrs_safe_point(struct lrs *l)
{
	struct lrs_refusal r;
	struct stat st;
	char *cause = NULL;
	long long next, delay;
	size_t done = 0;
	int fd;

	if (l == NULL)
		return NULL;
	if (l->child > 0 && waitpid(l->child, NULL, WNOHANG) != 0)
		l->child = 0;	/* finished (or gone): reaped */
	if (stat(l->journal, &st) == 0 && st.st_size != l->journal_size) {
		long q = queue_fill(&l->p, &l->f, l->journal, &cause);

		free(cause);
		if (q >= 0) {
			l->queued = q;
			l->journal_size = st.st_size;
		}
	}
	/* One sender at a time; but as the session ends, the one at work
	 * may have read the queue before its last statements: another one
	 * then waits for it and sends them. */
	if (l->child > 0 && !l->closing)
		return NULL;
	/* Refused for good: no sender until the learner asks for one. */
	if (lrs_refusal_read(l->p.refused, &r)) {
		if (l->refusal_told)
			return NULL;
		l->refusal_told = true;
		return lrs_refusal_text(&r);
	}
	l->refusal_told = false;
	if (l->queued <= 0)
		return NULL;
	cause = NULL;
	fd = ownfile_open(l->p.sent, O_RDONLY, 0, &cause);
	free(cause);
	if (fd != -1) {
		done = lrs_sent_count(fd, NULL);
		close(fd);
	}
	lrs_retry_read(l->p.retry, &next, &delay);
	if (done < (size_t)l->queued && (long long)clock_now() >= next)
		spawn_sender(l);
	return NULL;
}

void
lrs_close(struct lrs *l)
{
	if (l == NULL)
		return;
	l->closing = true;
	free(lrs_safe_point(l));
	/* A sender still at work goes on alone, bounded by its timeouts. */
	xapi_destroy(&l->f.x);
	xapi_course_destroy(&l->xc);
	lrs_paths_destroy(&l->p);
	free(l->data_dir);
	free(l->learner);
	free(l->journal);
	free(l);
}
