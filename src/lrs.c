/*
 * The queue of statements beside a journal and its sending to an LRS
 * with libcurl (lrs.h).  Every file here is opened through ownfile.h
 * (never a link, only the user's own regular file) and only appended to,
 * except the back-off, which is replaced whole by a rename.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "defaults.h"
#include "journal.h"
#include "lrs.h"
#include "ownfile.h"
#include "strbuf.h"
#include "xapi.h"
#include "xmalloc.h"

extern char **environ;

/* ------------------------------------------------------------- config */

static int
config_line(struct lrs_config *cfg, const char *path, long lineno,
    char *line, char **cause)
{
	static const char *const keys[] = { "endpoint", "key", "secret" };
	char **slots[] = { &cfg->endpoint, &cfg->key, &cfg->secret };
	char *value = line + strcspn(line, " \t");

	if (*value != '\0')
		*value++ = '\0';
	value += strspn(value, " \t");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(line, keys[i]) != 0)
			continue;
		if (*slots[i] != NULL || *value == '\0') {
			*cause = xasprintf("%s:%ld: error: '%s' %s", path,
			    lineno, keys[i], *value == '\0' ? "needs a value" :
			    "is given twice");
			return -1;
		}
		if (i == 0 && strncmp(value, "https://", 8) != 0 &&
		    strncmp(value, "http://", 7) != 0) {
			*cause = xasprintf("%s:%ld: error: the endpoint must be "
			    "an http:// or https:// address", path, lineno);
			return -1;
		}
		*slots[i] = i == 0 && value[strlen(value) - 1] != '/' ?
		    xasprintf("%s/", value) : xstrdup(value);
		return 0;
	}
	*cause = xasprintf("%s:%ld: error: unknown setting '%s' (endpoint, "
	    "key or secret)", path, lineno, line);
	return -1;
}

int
lrs_config_load(const char *data_dir, struct lrs_config *cfg, char **cause)
{
	char *path = xasprintf("%s/%s", data_dir, LRS_CONFIG_NAME), *own = NULL;
	char buf[8192], *line, *save = NULL;
	struct stat st;
	ssize_t n;
	long lineno = 0;
	int fd, rc = -1;

	memset(cfg, 0, sizeof *cfg);
	fd = ownfile_open(path, O_RDONLY, 0, &own);
	if (fd == -1) {
		if (own == NULL && (errno == ENOENT || errno == ENOTDIR)) {
			free(path);
			return 0;
		}
		*cause = xasprintf("%s (the LRS settings are not used; "
		    "statements are not sent)", own != NULL ? own :
		    strerror(errno));
		free(own);
		free(path);
		return -1;
	}
	if (fstat(fd, &st) == -1 || (st.st_mode & 077) != 0) {
		*cause = xasprintf("%s: error: it holds the LRS secret, so it "
		    "must be mode 0600 (it is %04o): chmod 600 %s; statements "
		    "are not sent until then", path,
		    (unsigned)(st.st_mode & 07777), path);
		goto out;
	}
	n = read(fd, buf, sizeof buf - 1);
	if (n < 0 || (size_t)n == sizeof buf - 1) {
		*cause = xasprintf("%s: error: %s", path, n < 0 ?
		    strerror(errno) : "too long for LRS settings");
		goto out;
	}
	buf[n] = '\0';
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(line);

		lineno++;
		while (len > 0 && strchr(" \t\r", line[len - 1]) != NULL)
			line[--len] = '\0';
		line += strspn(line, " \t");
		if (*line == '\0' || *line == '#')
			continue;
		if (config_line(cfg, path, lineno, line, cause) != 0)
			goto out;
	}
	if (cfg->endpoint == NULL || cfg->key == NULL || cfg->secret == NULL) {
		*cause = xasprintf("%s: error: it needs 'endpoint', 'key' and "
		    "'secret' lines", path);
		goto out;
	}
	rc = 1;
out:
	if (rc != 1)
		lrs_config_destroy(cfg);
	close(fd);
	free(path);
	return rc;
}

void
lrs_config_destroy(struct lrs_config *cfg)
{
	free(cfg->endpoint);
	free(cfg->key);
	if (cfg->secret != NULL)
		memset(cfg->secret, 0, strlen(cfg->secret));
	free(cfg->secret);
	memset(cfg, 0, sizeof *cfg);
}

/* ------------------------------------------------------------- files */

struct paths {
	char *queue, *sent, *retry;
};

static void
paths_init(struct paths *p, const char *data_dir, const char *learner)
{
	p->queue = xasprintf("%s/learners/%s.xapi-queue", data_dir, learner);
	p->sent = xasprintf("%s/learners/%s.xapi-sent", data_dir, learner);
	p->retry = xasprintf("%s/learners/%s.xapi-retry", data_dir, learner);
}

static void
paths_destroy(struct paths *p)
{
	free(p->queue);
	free(p->sent);
	free(p->retry);
}

/* The whole of fd from its start. */
static char *
slurp(int fd, size_t *len)
{
	struct strbuf b = {0};
	char buf[65536];
	ssize_t n;

	strbuf_add(&b, "", 0);
	if (lseek(fd, 0, SEEK_SET) == 0)
		while ((n = read(fd, buf, sizeof buf)) > 0)
			strbuf_add(&b, buf, (size_t)n);
	*len = b.len;
	return strbuf_take(&b);
}

/* Write all of s, then fsync. */
static int
write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, s, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		len -= (size_t)w;
	}
	return fsync(fd);
}

/* A queue line: "INDEX\tJSON\tFNV\n", FNV over "INDEX\tJSON". */
static void
queue_line(struct strbuf *b, size_t index, const char *json)
{
	size_t start = b->len;

	strbuf_addf(b, "%zu\t%s", index, json);
	strbuf_addf(b, "\t%08x\n", (unsigned)journal_fnv1a(b->s + start,
	    b->len - start));
}

/*
 * The queue's statements: every intact line whose checksum holds and
 * whose INDEX follows the one before (a line cut short by a crash, even
 * once a later write ends it, is no line).  Returns how many, with their
 * texts in *out when out is not NULL.
 */
static size_t
queue_lines(const char *text, size_t len, char ***out)
{
	size_t n = 0, cap = 0;
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		char *tab, sum[9];
		unsigned long long idx;

		if (nl == NULL)
			break;
		idx = strtoull(p, &tab, 10);
		if (tab != p && *tab == '\t' && nl - tab > 10 &&
		    nl[-9] == '\t' && idx == n) {
			snprintf(sum, sizeof sum, "%08x", (unsigned)journal_fnv1a(
			    p, (size_t)(nl - 9 - p)));
			if (memcmp(sum, nl - 8, 8) != 0) {
				p = nl + 1;
				continue;
			}
			if (out != NULL) {
				if (n == cap) {
					cap = cap ? 2 * cap : 64;
					*out = xreallocarray(*out, cap,
					    sizeof **out);
				}
				(*out)[n] = xstrndup(tab + 1,
				    (size_t)(nl - 9 - tab - 1));
			}
			n++;
		}
		p = nl + 1;
	}
	return n;
}

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
queue_append(const struct paths *p, struct feeder *f, char **cause)
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
		text = slurp(fd, &len);
		have = queue_lines(text, len, NULL);
		torn = len > 0 && text[len - 1] != '\n';
	}
	if (have < f->base) {
		rc = 1;
		goto out;
	}
	if (torn && have < total)
		strbuf_add(&add, "\n", 1);	/* after a line torn by a crash */
	for (size_t i = have; i < total; i++)
		queue_line(&add, i, f->x.statements[i - f->base]);
	if (add.len > 0 && write_all(fd, add.s, add.len) != 0) {
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
queue_fill(const struct paths *p, struct feeder *f, const char *journal_path,
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

/*
 * How many statements the LRS has accepted: the largest count on a whole
 * line.  *torn (if not NULL) says whether the file ends mid-line.
 */
static size_t
sent_count(int fd, bool *torn)
{
	size_t len, n = 0;
	char *text = slurp(fd, &len), *p = text;

	if (torn != NULL)
		*torn = len > 0 && text[len - 1] != '\n';

	while (*p != '\0') {
		char *nl = strchr(p, '\n'), *end;
		unsigned long long v;

		if (nl == NULL)
			break;
		v = strtoull(p, &end, 10);
		if (end == nl && end != p && v > n)
			n = (size_t)v;
		p = nl + 1;
	}
	free(text);
	return n;
}

/* The back-off: when the next try may be, and the wait that led to it. */
static void
retry_read(const char *path, long long *next, long long *delay)
{
	char *cause = NULL, buf[64];
	int fd = ownfile_open(path, O_RDONLY, 0, &cause);
	ssize_t n;

	*next = *delay = 0;
	free(cause);
	if (fd == -1)
		return;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	if (sscanf(buf, "%lld %lld", next, delay) != 2 || *delay < 0)
		*next = *delay = 0;
}

static void
retry_write(const char *path, long long next, long long delay)
{
	char *tmp = xasprintf("%s.new", path), *cause = NULL, buf[64];
	int fd = ownfile_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600, &cause);
	int n = snprintf(buf, sizeof buf, "%lld %lld\n", next, delay);

	free(cause);
	if (fd != -1) {
		if (write_all(fd, buf, (size_t)n) == 0 && close(fd) == 0)
			rename(tmp, path);
		else
			unlink(tmp);
	}
	free(tmp);
}

/* ------------------------------------------------------------ sending */

static size_t
discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* POST statements[0..n) as one array; 0 when the LRS accepted them. */
static int
post(const struct lrs_config *cfg, char **statements, size_t n,
    char **cause)
{
	struct curl_slist *hdr = NULL;
	struct strbuf body = {0};
	char *url = xasprintf("%sstatements", cfg->endpoint);
	CURL *h = curl_easy_init();
	CURLcode rc;
	long status = 0;

	strbuf_add(&body, "[", 1);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&body, "%s%s", i > 0 ? "," : "", statements[i]);
	strbuf_add(&body, "]", 1);
	hdr = curl_slist_append(hdr, "Content-Type: application/json");
	hdr = curl_slist_append(hdr, "X-Experience-API-Version: " XAPI_VERSION);
	if (h == NULL) {
		*cause = xstrdup("libcurl could not start");
		rc = CURLE_FAILED_INIT;
		goto out;
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)LRS_CONNECT_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)LRS_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	curl_easy_setopt(h, CURLOPT_USERNAME, cfg->key);
	curl_easy_setopt(h, CURLOPT_PASSWORD, cfg->secret);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.s);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)body.len);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK)
		*cause = xasprintf("%s: %s", url, curl_easy_strerror(rc));
	else {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		/* 409: the LRS holds these ids already: they arrived before. */
		if (status != 200 && status != 204 && status != 409) {
			*cause = xasprintf("%s: the LRS answered HTTP %ld", url,
			    status);
			rc = CURLE_HTTP_RETURNED_ERROR;
		}
	}
out:
	curl_easy_cleanup(h);
	curl_slist_free_all(hdr);
	strbuf_destroy(&body);
	free(url);
	return rc == CURLE_OK ? 0 : -1;
}

/*
 * Send what the queue holds past what was accepted, batch by batch, each
 * accepted batch recorded before the next.  Only one sender at a time
 * (flock on the sent file): a second one finds it busy and leaves.
 */
static int
send_queue(const struct paths *p, const struct lrs_config *cfg,
    bool due_only, size_t *sent, size_t *left, char **cause)
{
	char *text = NULL, **lines = NULL;
	size_t len, n, done;
	long long next, delay, now = (long long)clock_now();
	int sfd, qfd, rc = -1;
	bool torn;

	*sent = *left = 0;
	retry_read(p->retry, &next, &delay);
	if (due_only && now < next)
		return 0;
	sfd = ownfile_open(p->sent, O_RDWR | O_CREAT | O_APPEND, 0600, cause);
	if (sfd == -1) {
		if (*cause == NULL)
			*cause = xasprintf("%s: %s", p->sent, strerror(errno));
		return -1;
	}
	if (flock(sfd, LOCK_EX | LOCK_NB) != 0) {
		close(sfd);
		return 0;	/* another sender is at work */
	}
	qfd = ownfile_open(p->queue, O_RDONLY, 0, cause);
	if (qfd == -1) {
		close(sfd);
		if (*cause != NULL)
			return -1;
		return 0;	/* nothing queued yet */
	}
	text = slurp(qfd, &len);
	close(qfd);
	n = queue_lines(text, len, &lines);
	done = sent_count(sfd, &torn);
	rc = 0;
	while (done < n) {
		size_t k = n - done < LRS_BATCH ? n - done : LRS_BATCH;
		char count[32];
		int w;

		if (post(cfg, lines + done, k, cause) != 0) {
			delay = delay <= 0 ? LRS_BACKOFF_FIRST :
			    delay * 2 > LRS_BACKOFF_MAX ? LRS_BACKOFF_MAX :
			    delay * 2;
			retry_write(p->retry, now + delay, delay);
			rc = -1;
			break;
		}
		done += k;
		*sent += k;
		/* After a count torn by a crash, a newline first: a torn
		 * count is a prefix of one whose batch was accepted. */
		w = snprintf(count, sizeof count, "%s%zu\n", torn ? "\n" : "",
		    done);
		torn = false;
		if (write_all(sfd, count, (size_t)w) != 0) {
			*cause = xasprintf("%s: %s", p->sent, strerror(errno));
			rc = -1;
			break;
		}
	}
	if (rc == 0 && delay > 0)
		unlink(p->retry);
	*left = n - done;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(text);
	close(sfd);
	return rc;
}

int
lrs_send(const char *data_dir, const char *learner, const struct course *c,
    const char *journal_path, bool due_only, size_t *sent, size_t *left,
    char **cause)
{
	struct lrs_config cfg;
	struct xapi_course xc;
	struct paths p;
	int rc;

	*sent = *left = 0;
	rc = lrs_config_load(data_dir, &cfg, cause);
	if (rc == 0)
		*cause = xasprintf("no LRS is configured (%s/%s)", data_dir,
		    LRS_CONFIG_NAME);
	if (rc != 1)
		return -1;
	paths_init(&p, data_dir, learner);
	rc = -1;
	if (xapi_course_init(&xc, c, cause) == 0) {
		struct feeder f;

		/* The background sender only sends: the session queues. */
		feeder_init(&f, &xc, learner);
		curl_global_init(CURL_GLOBAL_DEFAULT);
		if (due_only || queue_fill(&p, &f, journal_path, cause) >= 0)
			rc = send_queue(&p, &cfg, due_only, sent, left, cause);
		curl_global_cleanup();
		xapi_destroy(&f.x);
		xapi_course_destroy(&xc);
	}
	paths_destroy(&p);
	lrs_config_destroy(&cfg);
	return rc;
}

/* ------------------------------------------------------------ session */

struct lrs {
	struct xapi_course xc;
	struct feeder f;	/* the journal's statements, as it grows */
	struct paths p;
	char *data_dir, *learner, *course_dir, *journal;
	off_t journal_size;	/* when last queued; -1: never */
	long queued;		/* the queue's length then */
	pid_t child;		/* the background sender, or 0 */
};

struct lrs *
lrs_open(const char *data_dir, const char *learner, const struct course *c,
    const char *journal_path, char **cause)
{
	struct lrs_config cfg;
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
	paths_init(&l->p, data_dir, learner);
	feeder_init(&l->f, &l->xc, learner);
	l->data_dir = xstrdup(data_dir);
	l->learner = xstrdup(learner);
	l->course_dir = xstrdup(c->dir);
	l->journal = xstrdup(journal_path);
	l->journal_size = -1;
	l->queued = -1;
	return l;
}

/* Start `psoas-tutor --send=due` for this learner, output to /dev/null. */
static void
spawn_sender(struct lrs *l)
{
	char *argv[] = { "psoas-tutor", "--send=due", "--course",
		l->course_dir, "--data-dir", l->data_dir, "--learner",
		l->learner, NULL };
	posix_spawn_file_actions_t fa;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv,
	    environ) == 0)
		l->child = pid;
	posix_spawn_file_actions_destroy(&fa);
}

void
lrs_safe_point(struct lrs *l)
{
	struct stat st;
	char *cause = NULL;
	long long next, delay;
	size_t done = 0;
	int fd;

	if (l == NULL)
		return;
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
	if (l->child > 0 || l->queued <= 0)
		return;
	cause = NULL;
	fd = ownfile_open(l->p.sent, O_RDONLY, 0, &cause);
	free(cause);
	if (fd != -1) {
		done = sent_count(fd, NULL);
		close(fd);
	}
	retry_read(l->p.retry, &next, &delay);
	if (done < (size_t)l->queued && (long long)clock_now() >= next)
		spawn_sender(l);
}

void
lrs_close(struct lrs *l)
{
	if (l == NULL)
		return;
	lrs_safe_point(l);
	/* A sender still at work goes on alone, bounded by its timeouts. */
	xapi_destroy(&l->f.x);
	xapi_course_destroy(&l->xc);
	paths_destroy(&l->p);
	free(l->data_dir);
	free(l->learner);
	free(l->course_dir);
	free(l->journal);
	free(l);
}
