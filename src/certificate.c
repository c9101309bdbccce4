/*
 * A certificate of completion drawn two ways from the same fields
 * (certlayout.h): plain text for printing from a terminal, drawn here,
 * and a one-page PDF for uploading to a board or a CE tracker, drawn by
 * psoas-tutor-pdf (pdf/certpdf.h), the one program that links cairo, so
 * the tutor's start-up never pays for it.
 */
#include "config.h"

#include <sys/mman.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certfields.h"
#include "certificate.h"
#include "certlayout.h"
#include "defaults.h"
#include "helper.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define LABEL_COLUMNS 24	/* text: values start in this column */
#define VALUE_MIN 36		/* narrower than this beside the labels, a
				 * value goes below its label */
#define SIGN_LINE 30		/* underscores to sign on */

/*
 * A text certificate being written: width columns.  At
 * CERTIFICATE_TEXT_WIDTH it is the text a provider signs, which must not
 * change by a byte; narrower (a small terminal) values may go below their
 * labels and a word too long for a line is cut.
 */
struct textcert {
	struct strbuf b;
	size_t width;
	bool narrow;
};

static double
measure_columns(void *arg, const char *s, size_t len)
{
	(void)arg;
	return (double)text_width(s, len);
}

/* line, cut into pieces of at most room columns (narrow only). */
static void
put_cut(struct textcert *t, const char *line, size_t hang, size_t room)
{
	size_t len = strlen(line), at = 0;

	while (at < len) {
		size_t end = at, cols = 0;

		while (end < len) {
			uint32_t cp;
			size_t n = text_utf8_decode(line + end, len - end, &cp);
			size_t w = (size_t)text_cp_width(cp);

			if (cols + w > room && end > at)
				break;
			cols += w;
			end += n;
		}
		if (at > 0) {
			strbuf_puts(&t->b, "\n");
			strbuf_spaces(&t->b, hang);
		}
		strbuf_add(&t->b, line + at, end - at);
		at = end;
	}
}

/* Wrapped lines, the first after indent, the rest after hang spaces. */
static void
put_text(struct textcert *t, const char *indent, size_t hang,
    const char *text)
{
	char *lines[64];
	size_t room = t->width - hang;
	size_t n = cert_wrap(text, (double)room, measure_columns, NULL, lines,
	    sizeof lines / sizeof lines[0]);

	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			strbuf_puts(&t->b, indent);
		else
			strbuf_spaces(&t->b, hang);
		if (t->narrow)
			put_cut(t, lines[i], hang, room);
		else
			strbuf_puts(&t->b, lines[i]);
		strbuf_puts(&t->b, "\n");
		free(lines[i]);
	}
}

static void
put_rule(struct textcert *t, char ch)
{
	for (size_t i = 0; i < t->width; i++)
		strbuf_add(&t->b, &ch, 1);
	strbuf_puts(&t->b, "\n");
}

static void
put_centred(struct textcert *t, const char *s)
{
	size_t w = text_width(s, strlen(s));

	if (w > t->width) {
		put_text(t, "", 0, s);
		return;
	}
	strbuf_spaces(&t->b, (t->width - w) / 2);
	strbuf_puts(&t->b, s);
	strbuf_puts(&t->b, "\n");
}

static void
put_rows(struct textcert *t, const struct rows *r)
{
	bool beside = t->width >= LABEL_COLUMNS + VALUE_MIN;

	for (size_t i = 0; i < r->n; i++) {
		char *colon = xasprintf("%s:", r->v[i].label);
		char *label = xasprintf("  %-*s", LABEL_COLUMNS - 2, colon);

		char *line = xasprintf("  %s %s", colon, r->v[i].value);

		if (beside)
			put_text(t, label, LABEL_COLUMNS, r->v[i].value);
		else if (text_width(line, strlen(line)) <= t->width) {
			strbuf_puts(&t->b, line);
			strbuf_puts(&t->b, "\n");
		} else {
			put_text(t, "  ", 2, colon);
			put_text(t, "    ", 4, r->v[i].value);
		}
		free(line);
		free(label);
		free(colon);
	}
}

/* The provider's signature, or a line to sign on by hand. */
static void
put_signature(struct textcert *t, const struct certificate *c)
{
	char *s;

	if (c->signature == NULL && !t->narrow) {
		strbuf_puts(&t->b, "\nProvider signature: "
		    "______________________________   Date: __________\n\n");
		return;
	}
	if (c->signature == NULL) {
		strbuf_puts(&t->b, "\nProvider signature:\n");
		strbuf_spaces(&t->b, 2);
		for (size_t i = 0; i < SIGN_LINE && i + 2 < t->width; i++)
			strbuf_puts(&t->b, "_");
		strbuf_puts(&t->b, "\nDate: __________\n\n");
		return;
	}
	if (!t->narrow) {
		strbuf_addf(&t->b, "\nSigned by the provider (Ed25519, key "
		    "%.16s...):\n    %.64s\n    %s\n",
		    cert_or_unstated(c->signer), c->signature,
		    strlen(c->signature) > 64 ? c->signature + 64 : "");
	} else {
		s = xasprintf("Signed by the provider (Ed25519, key %.16s...):",
		    cert_or_unstated(c->signer));
		strbuf_puts(&t->b, "\n");
		put_text(t, "", 0, s);
		free(s);
		put_text(t, "    ", 4, c->signature);
	}
	put_text(t, "", 0, certificate_verify_text);
	strbuf_puts(&t->b, "\n");
}

int
certificate_write_text(FILE *out, const struct certificate *c, int width)
{
	struct textcert t = {
		.width = width < MIN_WIDTH ? MIN_WIDTH :
		    width > CERTIFICATE_TEXT_WIDTH ? CERTIFICATE_TEXT_WIDTH :
		    (size_t)width,
		.narrow = width < CERTIFICATE_TEXT_WIDTH,
	};
	struct rows r = {0};
	char *s, *type;

	put_rule(&t, '=');
	put_centred(&t, "CERTIFICATE OF COMPLETION");
	type = xasprintf("Continuing education: %s", cert_or_unstated(c->type));
	put_centred(&t, type);
	free(type);
	put_rule(&t, '=');
	strbuf_puts(&t.b, "\n");
	put_text(&t, "", 0, "This certifies that");
	strbuf_puts(&t.b, "\n");
	put_text(&t, "    ", 4, cert_or_unstated(c->participant));
	s = cert_licence_text(c);
	put_text(&t, "    ", 4, s);
	free(s);
	strbuf_puts(&t.b, "\n");
	put_text(&t, "", 0, "has completed the course");
	strbuf_puts(&t.b, "\n");
	put_text(&t, "    ", 4, cert_or_unstated(c->title));
	s = xasprintf("(course %s, version %s)", cert_or_unstated(c->course),
	    cert_or_unstated(c->version));
	put_text(&t, "    ", 4, s);
	free(s);
	strbuf_puts(&t.b, "\n");
	s = cert_completion_sentence(c);
	put_text(&t, "", 0, s);
	free(s);

	strbuf_puts(&t.b, "\n");
	cert_course_rows(c, &r);
	put_rows(&t, &r);
	cert_rows_free(&r);
	strbuf_puts(&t.b, "\n");
	put_text(&t, "", 0, "Continuing-education provider");
	cert_provider_rows(c, &r);
	put_rows(&t, &r);
	cert_rows_free(&r);

	if (c->self_reported || c->test_clock) {
		strbuf_puts(&t.b, "\n");
		put_rule(&t, '-');
		if (c->test_clock)
			put_text(&t, "", 0, certificate_test_clock_text);
		if (c->self_reported)
			put_text(&t, "", 0, certificate_self_reported_text);
		put_rule(&t, '-');
	}
	put_signature(&t, c);
	s = xasprintf("Learner id: %s    Post-test attempt: %s",
	    cert_or_unstated(c->learner), cert_or_unstated(c->attempt));
	put_text(&t, "", 0, s);
	free(s);
	put_rule(&t, '=');

	s = strbuf_take(&t.b);
	fputs(s, out);
	free(s);
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------------ PDF */

/* A new memory file holding text, read from its start, or -1. */
static int
memory_file(const char *name, const char *text)
{
	size_t len = strlen(text), done = 0;
	int fd = memfd_create(name, MFD_CLOEXEC);

	while (fd != -1 && done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	if (fd != -1 && lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* What the helper wrote to err_fd, its last newline dropped (new). */
static char *
helper_said(int err_fd)
{
	char buf[2048];
	ssize_t n = pread(err_fd, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return NULL;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return n > 0 ? xstrdup(buf) : NULL;
}

int
certificate_write_pdf(const char *path, const struct certificate *c,
    char **cause)
{
	const char *args[] = { path, NULL };
	char *fields = certfields_drawing_text(c);
	int in = memory_file("certificate fields", fields);
	int err = memory_file("psoas-tutor-pdf errors", "");
	int rc = -1, st;

	free(fields);
	if (in == -1 || err == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
	} else if ((st = helper_run(&helper_pdf, args, in, err, cause)) == 0) {
		rc = 0;
	} else if (st > 0 && (*cause = helper_said(err)) == NULL) {
		*cause = xasprintf("%s: %s failed (exit status %d) and said "
		    "nothing", path, helper_pdf.name, st);
	}
	if (in != -1)
		close(in);
	if (err != -1)
		close(err);
	return rc;
}
