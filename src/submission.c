/*
 * Submissions both ways (submission.h): the learner's side writes the
 * statements of the journal with what grading needs about the learner;
 * the provider's side turns them back into the journal they stand for,
 * so one replay and one grading serve journals and submissions alike.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "progress.h"
#include "strbuf.h"
#include "submission.h"
#include "xmalloc.h"

/* ------------------------------------------------------------ writing */

static void
member(struct strbuf *b, const char *key, const char *value)
{
	strbuf_puts(b, ",\n");
	json_put_string(b, key, strlen(key));
	strbuf_puts(b, ": ");
	json_put_string(b, value, strlen(value));
}

static char *
build(const struct xapi *x)
{
	const struct xapi_course *c = x->course;
	struct strbuf b = {0};

	strbuf_puts(&b, "{\"format\": \"" SUBMISSION_FORMAT "\"");
	member(&b, "learner", x->learner);
	member(&b, "course", c->course);
	member(&b, "version", c->version);
	member(&b, "digest", c->digest);
	if (x->name != NULL)
		member(&b, "name", x->name);
	if (x->legal_name != NULL) {
		strbuf_puts(&b, ",\n\"identity\": {\"name\": ");
		json_put_string(&b, x->legal_name, strlen(x->legal_name));
		strbuf_puts(&b, ", \"licence\": ");
		json_put_string(&b, x->licence, strlen(x->licence));
		strbuf_puts(&b, ", \"state\": ");
		json_put_string(&b, x->state, strlen(x->state));
		strbuf_addf(&b, ", \"timestamp\": \"%s\"}", x->identity_time);
	}
	if (x->attestation != NULL) {
		strbuf_puts(&b, ",\n\"attestation\": {\"text\": ");
		json_put_string(&b, x->attestation, strlen(x->attestation));
		strbuf_addf(&b, ", \"timestamp\": \"%s\"}", x->attested);
	}
	if (x->clock != NULL)
		member(&b, "test-clock", x->clock);
	strbuf_puts(&b, ",\n\"statements\": [");
	for (size_t i = 0; i < x->n; i++)
		strbuf_addf(&b, "%s\n%s", i > 0 ? "," : "", x->statements[i]);
	strbuf_puts(&b, "\n]}\n");
	return strbuf_take(&b);
}

int
submission_write(const char *path, const struct course *c,
    const char *journal_path, const char *learner, char **cause)
{
	struct xapi_course xc;
	struct xapi x;
	char *text = NULL;
	size_t len, off = 0;
	int fd = -1, rc = -1;

	if (xapi_course_init(&xc, c, cause) != 0)
		return -1;
	xapi_init(&x, &xc, learner);
	if (xapi_read_journal(&x, journal_path, cause) != 0)
		goto out;
	text = build(&x);
	len = strlen(text);
	/* O_EXCL: never over a file, nor through a link planted at path. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		*cause = xasprintf("%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (a submission is never written over "
		    "a file; give a new name)" : "");
		goto out;
	}
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno ? errno :
		    EIO));
		close(fd);
		unlink(path);
		goto out;
	}
	if (close(fd) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		unlink(path);
		goto out;
	}
	rc = 0;
out:
	free(text);
	xapi_destroy(&x);
	xapi_course_destroy(&xc);
	return rc;
}

/* ------------------------------------------------------------ reading */

int
submission_detect(const char *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (strchr(" \t\r\n", bytes[i]) != NULL && bytes[i] != '\0')
			continue;
		return bytes[i] == '{';
	}
	return 0;
}

/* The journal being rebuilt: its text, its chain, and where lines came from. */
struct rebuilt {
	struct strbuf text;
	char prev[9];
	size_t *lines, nlines;
};

static void
append(struct rebuilt *r, const char *const *f, size_t n, size_t statement)
{
	size_t start = r->text.len;
	uint32_t sum;

	for (size_t i = 0; i < n; i++) {
		char *e = journal_escape(f[i]);

		strbuf_addf(&r->text, "%s%s", i > 0 ? "\t" : "", e);
		free(e);
	}
	sum = journal_record_sum(2, r->prev, r->text.s + start,
	    r->text.len - start);
	snprintf(r->prev, sizeof r->prev, "%08x", (unsigned)sum);
	strbuf_addf(&r->text, "\t%s\n", r->prev);
	r->lines = xreallocarray(r->lines, r->nlines + 1, sizeof *r->lines);
	r->lines[r->nlines++] = statement;
}

/* TIMESTAMP of an object's "timestamp" as decimal seconds, or NULL. */
static char *
seconds_of(const struct json *o)
{
	long long t = xapi_parse_timestamp(json_get_string(o, "timestamp"));

	return t < 0 ? NULL : xasprintf("%lld", t);
}

/* The records the header stands for: name, identity, attestation, clock. */
static int
header_records(const struct json *top, struct rebuilt *r, char **why)
{
	const struct json *id = json_get(top, "identity");
	const struct json *att = json_get(top, "attestation");
	const char *name = json_get_string(top, "name");
	const char *clock = json_get_string(top, "test-clock");
	char *t;

	if (name != NULL)
		append(r, (const char *[]){ "name", "0", name }, 3, 0);
	if (id != NULL) {
		const char *n = json_get_string(id, "name");
		const char *l = json_get_string(id, "licence");
		const char *s = json_get_string(id, "state");

		if (n == NULL || l == NULL || s == NULL ||
		    (t = seconds_of(id)) == NULL) {
			*why = xstrdup("its identity lacks a name, licence, "
			    "state or timestamp");
			return -1;
		}
		append(r, (const char *[]){ "identity", t, n, l, s }, 5, 0);
		free(t);
	}
	if (att != NULL) {
		const char *text = json_get_string(att, "text");

		if (text == NULL || (t = seconds_of(att)) == NULL) {
			*why = xstrdup("its attestation lacks its text or "
			    "timestamp");
			return -1;
		}
		append(r, (const char *[]){ "attest", t, text }, 3, 0);
		free(t);
	}
	if (clock != NULL)
		append(r, (const char *[]){ "clock", "0", clock }, 3, 0);
	return 0;
}

int
submission_to_journal(const char *bytes, size_t len,
    const struct xapi_course *xc, char **learner, char **journal,
    size_t *jlen, size_t **lines, size_t *nlines, char **why)
{
	struct rebuilt r = {0};
	struct json *top;
	const struct json *sts;
	const char *format, *who, *digest;
	char *cause = NULL;

	*learner = NULL;
	if ((top = json_parse(bytes, len, &cause)) == NULL) {
		*why = xasprintf("it is not valid JSON (%s)", cause);
		free(cause);
		return -1;
	}
	format = json_get_string(top, "format");
	who = json_get_string(top, "learner");
	digest = json_get_string(top, "digest");
	sts = json_get(top, "statements");
	if (format == NULL || strcmp(format, SUBMISSION_FORMAT) != 0) {
		*why = xstrdup("it is not a psoas-tutor submission (its "
		    "\"format\" is not \"" SUBMISSION_FORMAT "\")");
		goto fail;
	}
	if (who == NULL || !progress_valid_learner(who)) {
		*why = xstrdup("its \"learner\" is not a valid learner name");
		goto fail;
	}
	if (digest == NULL || strcmp(digest, xc->digest) != 0) {
		*why = xasprintf("it was made from another course: its digest "
		    "is %.64s, this course's is %s", digest != NULL ? digest :
		    "missing", xc->digest);
		goto fail;
	}
	if (sts == NULL || sts->type != JSON_ARRAY) {
		*why = xstrdup("it has no \"statements\" array");
		goto fail;
	}
	strbuf_puts(&r.text, JOURNAL_MAGIC " 2\n");
	snprintf(r.prev, sizeof r.prev, "00000000");
	r.lines = xcalloc(1, sizeof *r.lines);	/* line 1: the header */
	r.nlines = 1;
	if (header_records(top, &r, why) != 0)
		goto fail;
	for (size_t i = 0; i < sts->n; i++) {
		char *f[XAPI_MAX_FIELDS], *sub = NULL;
		size_t n;

		if (xapi_statement_record(xc, who, sts->items[i], f, &n,
		    &sub) != 0) {
			*why = xasprintf("statement %zu: %s", i + 1, sub);
			free(sub);
			goto fail;
		}
		if (n > 0)
			append(&r, (const char *const *)f, n, i + 1);
		for (size_t k = 0; k < n; k++)
			free(f[k]);
	}
	*learner = xstrdup(who);
	*jlen = r.text.len;
	*journal = strbuf_take(&r.text);
	*lines = r.lines;
	*nlines = r.nlines;
	json_free(top);
	return 0;
fail:
	strbuf_destroy(&r.text);
	free(r.lines);
	json_free(top);
	return -1;
}
