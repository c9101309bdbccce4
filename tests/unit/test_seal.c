/*
 * Signed certificates with real keys (libsodium) and real files: a key
 * pair is made once and never overwritten; a certificate sealed as text
 * or as PDF verifies; one changed byte anywhere, a field edited with the
 * drawing left alone, another provider's key, or no seal at all is
 * refused with its reason.  The PDF is read back with pdftotext to show it
 * carries the number and the signature.
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
#include "seal.h"
#include "xmalloc.h"

/* The key pair in dir, made the first time. */
static void
load(const char *dir, struct seal_key *k)
{
	char *cause = NULL;

	if (access(dir, F_OK) != 0)
		assert_int_equal(seal_keygen(dir, &cause), 0);
	assert_int_equal(seal_load_secret(dir, k, &cause), 0);
}

/* Verify path; on 0 the report says valid, else it holds want. */
static void
expect(const char *path, const struct seal_key *k, int rc, const char *want)
{
	char *report = NULL;
	int got = seal_verify_file(path, k, &report);

	if (got != rc || strstr(report, want) == NULL)
		fail_msg("%s: rc %d, report: %s (wanted %d, '%s')", path, got,
		    report, rc, want);
	free(report);
}

static void
keygen_makes_a_private_key_and_never_overwrites_it(void **state)
{
	struct seal_key k, again;
	struct stat st;
	char *cause = NULL, *before, *after;
	size_t blen, alen;

	(void)state;
	load("keys", &k);
	assert_int_equal(stat("keys/provider.key", &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	before = fixture_read("keys/provider.key", &blen);
	assert_non_null(before);
	assert_int_equal(seal_keygen("keys", &cause), -1);
	assert_non_null(strstr(cause, "never overwritten"));
	free(cause);
	after = fixture_read("keys/provider.key", &alen);
	assert_non_null(after);
	assert_int_equal(blen, alen);
	assert_memory_equal(before, after, blen);
	assert_int_equal(seal_load_public("keys/provider.pub", &again,
	    &cause), 0);
	assert_string_equal(again.hex, k.hex);
	free(before);
	free(after);
}

static void
a_text_certificate_verifies_and_every_change_is_refused(void **state)
{
	struct certificate c = fixture_cert;
	struct seal_key k, other, pub;
	char *cause = NULL, *text, *p, *want;
	FILE *fp;
	size_t len;

	(void)state;
	load("keys", &k);
	load("other", &other);
	assert_int_equal(seal_load_public("keys/provider.pub", &pub, &cause),
	    0);
	seal_certificate(&c, &k);
	fp = fopen("cert.txt", "w");
	assert_int_equal(seal_write_text(fp, &c, &k), 0);
	assert_int_equal(fclose(fp), 0);
	want = xasprintf("valid: certificate %s for %s", fixture_cert.number,
	    fixture_cert.participant);
	expect("cert.txt", &pub, 0, want);
	free(want);
	expect("cert.txt", &other, 1, "signed with another key");
	text = fixture_read("cert.txt", &len);
	assert_non_null(text);
	assert_non_null(strstr(text, c.signature));	/* printed, not only sealed */
	assert_non_null(strstr(text, "psoas-tutor --verify"));

	/* The printed score changed, one byte. */
	p = strstr(text, "85%");
	assert_non_null(p);
	*p = '9';
	assert_true(fixture_write("edited.txt", text, len));
	expect("edited.txt", &pub, 1, "changed after signing");
	*p = '8';
	/* The sealed score changed, the drawing left alone. */
	p = strstr(text, "\nscore: 85\n");
	assert_non_null(p);
	p[8] = '9';
	assert_true(fixture_write("edited.txt", text, len));
	expect("edited.txt", &pub, 1, "its fields do not match");
	p[8] = '8';
	/* Something added after the seal. */
	assert_true(fixture_write("edited.txt", text, len));
	fp = fopen("edited.txt", "a");
	fputs("PASSED WITH HONOURS\n", fp);
	fclose(fp);
	expect("edited.txt", &pub, 1, "has something after it");
	seal_certificate_done(&c);
	/* A self-reported certificate has no seal at all. */
	c.self_reported = true;
	fp = fopen("plain.txt", "w");
	assert_int_equal(certificate_write_text(fp, &c, CERTIFICATE_TEXT_WIDTH), 0);
	fclose(fp);
	expect("plain.txt", &pub, 1, "carries no provider signature");
	free(text);
}

static void
a_pdf_certificate_carries_its_signature_and_verifies(void **state)
{
	struct certificate c = fixture_cert;
	struct seal_key k;
	char *cause = NULL, *pdf, *out;
	size_t len;

	(void)state;
	load("keys", &k);
	seal_certificate(&c, &k);
	if (seal_write_pdf("cert.pdf", &c, &k, &cause) != 0)
		fail_msg("%s", cause);
	expect("cert.pdf", &k, 0, "valid: certificate");
	out = fixture_pdf_text("cert.pdf");
	assert_non_null(out);
	assert_non_null(strstr(out, fixture_cert.number));
	{
		char first[65];

		snprintf(first, sizeof first, "%.64s", c.signature);
		assert_non_null(strstr(out, first));
	}
	/* One byte of the drawing changed (in cairo's stream, mid-file). */
	pdf = fixture_read("cert.pdf", &len);
	assert_non_null(pdf);
	pdf[len / 3] ^= 0x01;
	assert_true(fixture_write("edited.pdf", pdf, len));
	expect("edited.pdf", &k, 1, "changed after signing");
	seal_certificate_done(&c);
	free(pdf);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keygen_makes_a_private_key_and_never_overwrites_it),
		cmocka_unit_test(a_text_certificate_verifies_and_every_change_is_refused),
		cmocka_unit_test(a_pdf_certificate_carries_its_signature_and_verifies),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
