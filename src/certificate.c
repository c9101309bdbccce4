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
#include "helper.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define TEXT_WIDTH 72		/* columns of the text certificate */
#define LABEL_COLUMNS 24	/* text: values start in this column */

/* ----------------------------------------------------------------- text */

static double
measure_columns(void *arg, const char *s, size_t len)
{
	(void)arg;
	return (double)text_width(s, len);
}

/* Wrapped lines, the first after indent, the rest after hang spaces. */
static void
put_text(struct strbuf *b, const char *indent, size_t hang, const char *text)
{
	char *lines[64];
	size_t n = cert_wrap(text, (double)(TEXT_WIDTH - hang), measure_columns,
	    NULL, lines, sizeof lines / sizeof lines[0]);

	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			strbuf_puts(b, indent);
		else
			strbuf_spaces(b, hang);
		strbuf_puts(b, lines[i]);
		strbuf_puts(b, "\n");
		free(lines[i]);
	}
}

static void
put_rule(struct strbuf *b, char ch)
{
	char line[TEXT_WIDTH + 2];

	memset(line, ch, TEXT_WIDTH);
	line[TEXT_WIDTH] = '\n';
	line[TEXT_WIDTH + 1] = '\0';
	strbuf_puts(b, line);
}

static void
put_centred(struct strbuf *b, const char *s)
{
	size_t w = text_width(s, strlen(s));

	strbuf_spaces(b, w < TEXT_WIDTH ? (TEXT_WIDTH - w) / 2 : 0);
	strbuf_puts(b, s);
	strbuf_puts(b, "\n");
}

static void
put_rows(struct strbuf *b, const struct rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		char *colon = xasprintf("%s:", r->v[i].label);
		char *label = xasprintf("  %-*s", LABEL_COLUMNS - 2, colon);

		put_text(b, label, LABEL_COLUMNS, r->v[i].value);
		free(label);
		free(colon);
	}
}

int
certificate_write_text(FILE *out, const struct certificate *c)
{
	struct strbuf b = {0};
	struct rows r = {0};
	char *s, *type;

	put_rule(&b, '=');
	put_centred(&b, "CERTIFICATE OF COMPLETION");
	type = xasprintf("Continuing education: %s", cert_or_unstated(c->type));
	put_centred(&b, type);
	free(type);
	put_rule(&b, '=');
	strbuf_puts(&b, "\nThis certifies that\n\n");
	put_text(&b, "    ", 4, cert_or_unstated(c->participant));
	s = cert_licence_text(c);
	put_text(&b, "    ", 4, s);
	free(s);
	strbuf_puts(&b, "\nhas completed the course\n\n");
	put_text(&b, "    ", 4, cert_or_unstated(c->title));
	s = xasprintf("(course %s, version %s)", cert_or_unstated(c->course),
	    cert_or_unstated(c->version));
	put_text(&b, "    ", 4, s);
	free(s);
	strbuf_puts(&b, "\n");
	s = cert_completion_sentence(c);
	put_text(&b, "", 0, s);
	free(s);

	strbuf_puts(&b, "\n");
	cert_course_rows(c, &r);
	put_rows(&b, &r);
	cert_rows_free(&r);
	strbuf_puts(&b, "\nContinuing-education provider\n");
	cert_provider_rows(c, &r);
	put_rows(&b, &r);
	cert_rows_free(&r);

	if (c->self_reported || c->test_clock) {
		strbuf_puts(&b, "\n");
		put_rule(&b, '-');
		if (c->test_clock)
			put_text(&b, "", 0, certificate_test_clock_text);
		if (c->self_reported)
			put_text(&b, "", 0, certificate_self_reported_text);
		put_rule(&b, '-');
	}
	if (c->signature != NULL) {
		strbuf_addf(&b, "\nSigned by the provider (Ed25519, key %.16s...):"
		    "\n    %.64s\n    %s\n", cert_or_unstated(c->signer),
		    c->signature, strlen(c->signature) > 64 ?
		    c->signature + 64 : "");
		put_text(&b, "", 0, certificate_verify_text);
		strbuf_puts(&b, "\n");
	} else {
		strbuf_puts(&b, "\nProvider signature: "
		    "______________________________   Date: __________\n\n");
	}
	s = xasprintf("Learner id: %s    Post-test attempt: %s",
	    cert_or_unstated(c->learner), cert_or_unstated(c->attempt));
	put_text(&b, "", 0, s);
	free(s);
	put_rule(&b, '=');

	s = strbuf_take(&b);
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
