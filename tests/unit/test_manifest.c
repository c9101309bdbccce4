/*
 * Unit tests of the course manifest parser: a good manifest fills every
 * field the certificate and the post-test gate read (so their authors can
 * rely on the values, not just on "no errors"), and a file with any error
 * yields no manifest at all.  Error texts are checked by
 * tests/cli/check-manifest.sh.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "manifest.h"
#include "scratch.h"

static struct manifest *
load(const char *text, struct diag *d)
{
	FILE *fp = fopen("t.manifest", "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	diag_init(d);
	return manifest_load("t.manifest", d);
}

static const char good[] =
    "# a comment\n"
    "@course iliopsoas-ce\n"
    "@title The Iliopsoas\n"
    "@version 2.0\n"
    "@type home study\n"
    "@hours 1.5\n"
    "@provider-name Example Provider\n"
    "@provider-address 1 Example Street, Town\n"
    "@provider-email ce@example.org\n"
    "@provider-number EX-1\n"
    "@approval Board of A: 12: 34\n"
    "@approval Board of B: X-9\n"
    "@author Ann Example, LMT, PhD\n"
    "\n"
    "@posttest posttest\n"
    "@pass 75\n"
    "@attempts 3\n"
    "@wait-hours 0\n"
    "@require-practice yes\n"
    "@evaluation likert objectives The objectives were met.\n"
    "@evaluation text comments Any comments?\n";

static void
good_manifest_fills_every_field(void **state)
{
	struct diag d;
	struct manifest *m = load(good, &d);

	(void)state;
	assert_int_equal(d.errors, 0);
	assert_non_null(m);
	assert_string_equal(m->course, "iliopsoas-ce");
	assert_string_equal(m->title, "The Iliopsoas");
	assert_string_equal(m->version, "2.0");
	assert_string_equal(m->type, "home study");
	assert_string_equal(m->hours, "1.5");
	assert_int_equal(m->hours10, 15);
	assert_int_equal(m->hours_line, 6);
	assert_string_equal(m->provider_name, "Example Provider");
	assert_string_equal(m->provider_address, "1 Example Street, Town");
	assert_string_equal(m->provider_email, "ce@example.org");
	assert_string_equal(m->provider_number, "EX-1");
	assert_int_equal(m->napprovals, 2);
	/* The number follows the last colon: board names may hold one. */
	assert_string_equal(m->approvals[0].board, "Board of A: 12");
	assert_string_equal(m->approvals[0].number, "34");
	assert_string_equal(m->approvals[1].number, "X-9");
	assert_int_equal(m->nauthors, 1);
	assert_string_equal(m->authors[0], "Ann Example, LMT, PhD");
	assert_string_equal(m->posttest, "posttest");
	assert_int_equal(m->posttest_line, 15);
	assert_int_equal(m->pass, 75);
	assert_int_equal(m->pass_line, 16);
	assert_int_equal(m->attempts, 3);
	assert_int_equal(m->wait_hours, 0);
	assert_true(m->require_practice);
	assert_int_equal(m->nevals, 2);
	assert_int_equal(m->evals[0].kind, MANIFEST_LIKERT);
	assert_string_equal(m->evals[0].id, "objectives");
	assert_string_equal(m->evals[0].text, "The objectives were met.");
	assert_int_equal(m->evals[1].kind, MANIFEST_TEXT);
	assert_string_equal(m->evals[1].id, "comments");
	manifest_free(m);
	diag_destroy(&d);
}

static void
any_error_gives_no_manifest(void **state)
{
	char text[sizeof good + 32];
	struct diag d;

	(void)state;
	snprintf(text, sizeof text, "%s@hours 2\n", good);
	assert_null(load(text, &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.msgs[0], "t.manifest:22:1: error: duplicate "
	    "'@hours' (first given at line 6)");
	diag_destroy(&d);
}

static void
whole_hours_and_the_largest_values_are_accepted(void **state)
{
	char text[sizeof good + 64];
	struct diag d;
	struct manifest *m;
	char *s;

	(void)state;
	memcpy(text, good, sizeof good);
	s = strstr(text, "@hours 1.5");
	memcpy(s, "@hours 100", 10);
	m = load(text, &d);
	assert_non_null(m);
	assert_int_equal(m->hours10, 1000);
	manifest_free(m);
	diag_destroy(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_manifest_fills_every_field),
		cmocka_unit_test(any_error_gives_no_manifest),
		cmocka_unit_test(whole_hours_and_the_largest_values_are_accepted),
	};

	return cmocka_run_group_tests(tests, scratch_setup,
	    scratch_teardown);
}
