/*
 * The certificate the certificate and seal tests draw, sign and read back,
 * and their file helpers: one fixture, so both test the same fields.  The
 * helpers are static inline, so a test that uses some of them compiles
 * clean under -Werror.
 */
#ifndef PSOAS_TEST_CERTFIXTURE_H
#define PSOAS_TEST_CERTFIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "certificate.h"
#include "strbuf.h"
#include "xmalloc.h"

static const char *const fixture_approvals[] = {
	"Texas Department of Licensing and Regulation: CE-4471",
	"Florida Board of Massage Therapy: 50-1234",
};

/* Every field filled; a name outside ASCII; self-reported. */
static const struct certificate fixture_cert = {
	.number = "ILIOPSOAS-CE-20261130-7K3QX9TP",
	.participant = "Zo\u00eb \u00c5ngstr\u00f6m-N\u00fa\u00f1ez",
	.learner = "zoe",
	.licence = "MT-88123",
	.licence_state = "Texas",
	.title = "The Iliopsoas for Manual Therapists",
	.course = "iliopsoas-ce",
	.version = "2.0",
	.type = "home study",
	.hours = "2",
	.completed = "2026-11-30",
	.provider_name = "Example Manual Therapy Education",
	.provider_address = "12 Harbour Street, Springfield, TX 75001, USA",
	.provider_email = "ce@example.org",
	.provider_number = "NCBTMB 1234567",
	.approvals = fixture_approvals,
	.napprovals = 2,
	.posttest = "Final post-test",
	.attempt = "1796000000-4242-1",
	.score = 85,
	.pass = 75,
	.seconds = 2 * 3600 + 5 * 60,
	.self_reported = true,
	.attested = "2026-11-30 09:12 UTC",
};

/* Runs of spaces and line breaks become one space: wrapping is layout. */
static inline char *
fixture_squeeze(const char *s)
{
	struct strbuf b = {0};
	bool space = false;

	strbuf_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\f' || *s == '\r') {
			space = true;
			continue;
		}
		if (space && b.len > 0)
			strbuf_puts(&b, " ");
		space = false;
		strbuf_add(&b, s, 1);
	}
	return strbuf_take(&b);
}

/* Everything fp gives, as a new string. */
static inline char *
fixture_slurp_stream(FILE *fp)
{
	struct strbuf b = {0};
	char buf[4096];
	size_t n;

	strbuf_add(&b, "", 0);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&b, buf, n);
	return strbuf_take(&b);
}

/* The file at path, whole (*len bytes), as a new string; NULL: unread. */
static inline char *
fixture_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s;

	*len = 0;
	if (fp == NULL)
		return NULL;
	s = fixture_slurp_stream(fp);
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	fclose(fp);
	return s;
}

/* Write len bytes of s to path; false when that failed. */
static inline bool
fixture_write(const char *path, const char *s, size_t len)
{
	FILE *fp = fopen(path, "wb");
	bool ok = fp != NULL && fwrite(s, 1, len, fp) == len;

	return fp != NULL && fclose(fp) == 0 && ok;
}

/* The text poppler's pdftotext reads out of the PDF at path, squeezed. */
static inline char *
fixture_pdf_text(const char *path)
{
	char *cmd = xasprintf("pdftotext -enc UTF-8 '%s' -", path);
	FILE *fp = popen(cmd, "r");
	char *raw, *s;

	free(cmd);
	if (fp == NULL)
		return NULL;
	raw = fixture_slurp_stream(fp);
	if (pclose(fp) != 0) {
		free(raw);
		return NULL;
	}
	s = fixture_squeeze(raw);
	free(raw);
	return s;
}

#endif
