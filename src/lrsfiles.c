/*
 * The LRS settings and the files of the statement queue (lrsfiles.h).
 * Every file is opened through ownfile.h (never a link, only the user's
 * own regular file) and only appended to, except the back-off and the
 * refusal, which are replaced whole by a rename.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "journal.h"
#include "lrsfiles.h"
#include "ownfile.h"
#include "strbuf.h"
#include "xmalloc.h"

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

int
lrs_config_need(const char *data_dir, struct lrs_config *cfg, char **cause)
{
	int rc = lrs_config_load(data_dir, cfg, cause);

	if (rc == 0)
		*cause = xasprintf("no LRS is configured (%s/%s)", data_dir,
		    LRS_CONFIG_NAME);
	return rc == 1 ? 0 : -1;
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

void
lrs_paths_init(struct lrs_paths *p, const char *data_dir, const char *learner)
{
	p->queue = xasprintf("%s/learners/%s.xapi-queue", data_dir, learner);
	p->sent = xasprintf("%s/learners/%s.xapi-sent", data_dir, learner);
	p->retry = xasprintf("%s/learners/%s.xapi-retry", data_dir, learner);
	p->refused = xasprintf("%s/learners/%s.xapi-refused", data_dir,
	    learner);
}

void
lrs_paths_destroy(struct lrs_paths *p)
{
	free(p->queue);
	free(p->sent);
	free(p->retry);
	free(p->refused);
}

/* The whole of fd from its start. */
char *
lrs_slurp(int fd, size_t *len)
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
int
lrs_write_all(int fd, const char *s, size_t len)
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
void
lrs_queue_line(struct strbuf *b, size_t index, const char *json)
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
size_t
lrs_queue_lines(const char *text, size_t len, char ***out)
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
 * How many statements the LRS has accepted: the largest count on a whole
 * line.  *torn (if not NULL) says whether the file ends mid-line.
 */
size_t
lrs_sent_count(int fd, bool *torn)
{
	size_t len, n = 0;
	char *text = lrs_slurp(fd, &len), *p = text;

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

/* A small file's text (the back-off, the refusal) into buf; false when
 * there is none, or it is not the user's own regular file. */
static bool
small_read(const char *path, char *buf, size_t size)
{
	char *cause = NULL;
	int fd = ownfile_open(path, O_RDONLY, 0, &cause);
	ssize_t n;

	free(cause);
	if (fd == -1)
		return false;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

/* Replace path by text whole: written and synced beside it, then renamed
 * over it, so a crash leaves the old file or the new one. */
static void
small_replace(const char *path, const char *text)
{
	char *tmp = xasprintf("%s.new", path), *cause = NULL;
	int fd = ownfile_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600, &cause);

	free(cause);
	if (fd != -1) {
		bool written = lrs_write_all(fd, text, strlen(text)) == 0;

		if (close(fd) == 0 && written)
			rename(tmp, path);
		else
			unlink(tmp);
	}
	free(tmp);
}

void
lrs_retry_read(const char *path, long long *next, long long *delay)
{
	char buf[64];

	*next = *delay = 0;
	if (small_read(path, buf, sizeof buf) &&
	    (sscanf(buf, "%lld %lld", next, delay) != 2 || *delay < 0))
		*next = *delay = 0;
}

void
lrs_retry_write(const char *path, long long next, long long delay)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%lld %lld\n", next, delay);
	small_replace(path, buf);
}

bool
lrs_refusal_read(const char *path, struct lrs_refusal *r)
{
	char buf[96];
	unsigned long long index;

	memset(r, 0, sizeof *r);
	if (!small_read(path, buf, sizeof buf))
		return false;
	/* A file we cannot read still stops sending: it says "refused". */
	if (sscanf(buf, "%ld %llu %lld", &r->status, &index, &r->when) == 3)
		r->index = (size_t)index;
	else
		memset(r, 0, sizeof *r);
	return true;
}

void
lrs_refusal_write(const char *path, const struct lrs_refusal *r)
{
	char buf[96];

	snprintf(buf, sizeof buf, "%ld %zu %lld\n", r->status, r->index,
	    r->when);
	small_replace(path, buf);
}

char *
lrs_refusal_text(const struct lrs_refusal *r)
{
	char when[32] = "";
	time_t t = (time_t)r->when;
	struct tm tm;

	if (r->when > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof when, " on %Y-%m-%d at %H:%M UTC", &tm);
	return xasprintf("the LRS refused the statements (HTTP %ld%s), so "
	    "they are no longer sent by themselves: tell your provider, who "
	    "may need to correct lrs.conf; then 'psoas-tutor --send' sends "
	    "them", r->status, when);
}
