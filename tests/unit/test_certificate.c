/*
 * A certificate is only worth something if every field a board checks is
 * on it: these tests draw certificates as text and as PDF, read the PDF
 * back with poppler's pdftotext (the real file, no mock), and look for
 * every field.  They also check the file handling: a planted link is
 * refused, a failed write leaves no file behind.
 */
#include "config.h"

#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "certificate.h"
#include "certfixture.h"
#include "scratch.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Every value a board looks for, as it must appear on the certificate. */
static const char *const values[] = {
	"CERTIFICATE OF COMPLETION",
	"Zo\u00eb \u00c5ngstr\u00f6m-N\u00fa\u00f1ez",
	"Licence: MT-88123 (Texas)",
	"The Iliopsoas for Manual Therapists",
	"(course iliopsoas-ce, version 2.0)",
	"Continuing education: home study",
	"CE hours: 2",
	"Course type: home study",
	"Course version: 2.0",
	"Completion date: 2026-11-30 (UTC)",
	"Post-test score: 85% (pass mark 75%)",
	"Time on task: 2 h 5 min in the lessons",
	"Attestation: the participant attested on 2026-11-30 09:12 UTC that "
	    "the work is their own",
	"Clock: the real clock",
	"Certificate number: ILIOPSOAS-CE-20261130-7K3QX9TP",
	"Provider: Example Manual Therapy Education",
	"Address: 12 Harbour Street, Springfield, TX 75001, USA",
	"E-mail: ce@example.org",
	"Provider number: NCBTMB 1234567",
	"State approval: Texas Department of Licensing and Regulation: CE-4471",
	"State approval: Florida Board of Massage Therapy: 50-1234",
	"Provider signature",
	"Learner id: zoe",
	"Post-test attempt: 1796000000-4242-1",
};

static char *
text_of(const struct certificate *c)
{
	char *buf = NULL, *s;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(certificate_write_text(fp, c, CERTIFICATE_TEXT_WIDTH), 0);
	assert_int_equal(fclose(fp), 0);
	s = fixture_squeeze(buf);
	free(buf);
	return s;
}

/* The text poppler reads out of the PDF at path (it must read it). */
static char *
pdf_text_of(const char *path)
{
	char *s = fixture_pdf_text(path);

	assert_non_null(s);
	return s;
}

static void
assert_has(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) == NULL)
		fail_msg("\"%s\" not found in:\n%s", needle, haystack);
}

/* Takes s: every value of the fixture certificate, and the warning. */
static void
assert_every_field(char *s)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		assert_has(s, values[i]);
	assert_has(s, "SELF-REPORTED: these results were recorded on the "
	    "learner's own computer and have not been verified by the provider.");
	free(s);
}

static void
text_certificate_has_every_field(void **state)
{
	(void)state;
	assert_every_field(text_of(&fixture_cert));
}

static void
pdf_certificate_has_every_field(void **state)
{
	char *cause = NULL;
	struct stat st;

	(void)state;
	assert_int_equal(certificate_write_pdf("cert.pdf", &fixture_cert,
	    &cause), 0);
	assert_null(cause);
	assert_int_equal(stat("cert.pdf", &st), 0);
	assert_true(st.st_size > 1000);
	assert_every_field(pdf_text_of("cert.pdf"));
}

static void
verified_certificate_does_not_say_self_reported(void **state)
{
	struct certificate c = fixture_cert;
	char *cause = NULL, *s;

	(void)state;
	c.self_reported = false;
	s = text_of(&c);
	assert_null(strstr(s, "SELF-REPORTED"));
	free(s);
	assert_int_equal(certificate_write_pdf("v.pdf", &c, &cause), 0);
	s = pdf_text_of("v.pdf");
	assert_null(strstr(s, "SELF-REPORTED"));
	assert_has(s, "Certificate number: ILIOPSOAS-CE-20261130-7K3QX9TP");
	free(s);
}

static void
a_test_clock_completion_says_it_is_not_real(void **state)
{
	struct certificate c = fixture_cert;
	char *cause = NULL, *s;

	(void)state;
	c.test_clock = true;
	s = text_of(&c);
	assert_has(s, "TEST CLOCK: this completion was recorded with a clock "
	    "set for testing (PSOAS_TUTOR_NOW)");
	assert_has(s, "SELF-REPORTED");
	free(s);
	assert_int_equal(certificate_write_pdf("t.pdf", &c, &cause), 0);
	s = pdf_text_of("t.pdf");
	assert_has(s, "it is not a certificate of completion.");
	free(s);
	s = text_of(&fixture_cert);
	assert_null(strstr(s, "TEST CLOCK"));
	free(s);
}

static void
missing_fields_say_not_stated(void **state)
{
	struct certificate c = { .score = 80, .pass = 75, .self_reported = true };
	char *cause = NULL, *s;
	static const char *const expect[] = {
		"Provider: not stated", "Address: not stated",
		"E-mail: not stated", "Provider number: not stated",
		"CE hours: not stated", "Certificate number: not stated",
		"Licence: not stated", "State approval: none stated",
	};

	(void)state;
	s = text_of(&c);
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		assert_has(s, expect[i]);
	free(s);
	assert_int_equal(certificate_write_pdf("m.pdf", &c, &cause), 0);
	s = pdf_text_of("m.pdf");
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		assert_has(s, expect[i]);
	free(s);
}

static void
long_values_wrap_and_keep_every_word(void **state)
{
	struct certificate c = fixture_cert;
	char *cause = NULL, *s;
	const char *addr = "Suite 400, The Old Granary Building, 1234 North "
	    "Long Winding Riverside Boulevard, Springfield Heights, TX 75001, "
	    "United States of America";

	(void)state;
	c.provider_address = addr;
	s = text_of(&c);
	assert_has(s, addr);
	free(s);
	assert_int_equal(certificate_write_pdf("w.pdf", &c, &cause), 0);
	s = pdf_text_of("w.pdf");
	assert_has(s, addr);
	free(s);
}

/* The top (yMin) or bottom (yMax) of word in the PDF at path, from poppler. */
static double
word_y(const char *path, const char *word, const char *which)
{
	char *cmd = xasprintf("pdftotext -bbox '%s' -", path);
	char *needle = xasprintf(">%s<", word);
	FILE *fp = popen(cmd, "r");
	char line[1024];
	double y = -1;

	assert_non_null(fp);
	while (fgets(line, sizeof line, fp) != NULL) {
		char *at = strstr(line, which);

		if (strstr(line, needle) != NULL && at != NULL)
			y = strtod(at + strlen(which) + 2, NULL);
	}
	pclose(fp);
	free(cmd);
	free(needle);
	return y;
}

static void
many_approvals_still_fit_above_the_signature(void **state)
{
	static const char *const many[] = {
		"Texas Department of Licensing and Regulation: CE-4471",
		"Florida Board of Massage Therapy: 50-1234",
		"New York State Board for Massage Therapy: NY-22",
		"Illinois Department of Financial and Professional Regulation: 123",
		"Ohio State Medical Board: OH-1",
		"Washington Department of Health: WA-77",
		"Georgia Board of Massage Therapy: GA-9",
		"North Carolina Board of Massage and Bodywork Therapy: NC-1234",
	};
	struct certificate c = fixture_cert;
	char *cause = NULL, *s;
	double last, box, sig;

	(void)state;
	c.approvals = many;
	c.napprovals = sizeof many / sizeof many[0];
	assert_int_equal(certificate_write_pdf("many.pdf", &c, &cause), 0);
	s = pdf_text_of("many.pdf");
	for (size_t i = 0; i < c.napprovals; i++) {
		char *row = xasprintf("State approval: %s", many[i]);

		assert_has(s, row);
		free(row);
	}
	free(s);
	/* One page: the rows shrink to fit rather than run over. */
	assert_int_equal(system("pdfinfo many.pdf | grep -Eq '^Pages: +1$'"), 0);
	last = word_y("many.pdf", "NC-1234", "yMax");
	box = word_y("many.pdf", "SELF-REPORTED:", "yMin");
	sig = word_y("many.pdf", "signature", "yMin");
	assert_true(last > 0 && box > 0 && sig > 0);
	assert_true(last < box);
	assert_true(box < sig - 20);
}

static void
text_lines_fit_72_columns(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	const char *line;

	(void)state;
	certificate_write_text(fp, &fixture_cert, CERTIFICATE_TEXT_WIDTH);
	fclose(fp);
	for (line = buf; *line != '\0';) {
		const char *nl = strchr(line, '\n');

		assert_non_null(nl);
		/* Bytes over-count the accented name: still within 72+8. */
		assert_true(nl - line <= 80);
		line = nl + 1;
	}
	free(buf);
}

static void
planted_link_is_refused(void **state)
{
	char *cause = NULL;
	FILE *fp;

	(void)state;
	fp = fopen("victim", "w");
	fputs("keep me\n", fp);
	fclose(fp);
	assert_int_equal(symlink("victim", "link.pdf"), 0);
	assert_int_equal(certificate_write_pdf("link.pdf", &fixture_cert,
	    &cause), -1);
	assert_non_null(cause);
	assert_has(cause, "link.pdf: not a regular file");
	free(cause);
	fp = fopen("victim", "r");
	{
		char line[32] = "";

		assert_non_null(fgets(line, sizeof line, fp));
		assert_string_equal(line, "keep me\n");
	}
	fclose(fp);
}

static void
unwritable_folder_is_an_error_with_its_path(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(certificate_write_pdf("no/such/dir/c.pdf", &fixture_cert,
	    &cause), -1);
	assert_non_null(cause);
	assert_has(cause, "no/such/dir/c.pdf: ");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_certificate_has_every_field),
		cmocka_unit_test(pdf_certificate_has_every_field),
		cmocka_unit_test(verified_certificate_does_not_say_self_reported),
		cmocka_unit_test(a_test_clock_completion_says_it_is_not_real),
		cmocka_unit_test(missing_fields_say_not_stated),
		cmocka_unit_test(long_values_wrap_and_keep_every_word),
		cmocka_unit_test(many_approvals_still_fit_above_the_signature),
		cmocka_unit_test(text_lines_fit_72_columns),
		cmocka_unit_test(planted_link_is_refused),
		cmocka_unit_test(unwritable_folder_is_an_error_with_its_path),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
