/*
 * Unit tests of the course manifest parser, from memory (manifest_parse):
 * a good manifest fills every field the certificate and the post-test
 * gate read (so their authors can rely on the values, not just on "no
 * errors"), and a table of edits to it gives each error as
 * "file:line[:col]: error: message", and no manifest at all.
 * tests/cli/check-manifest.sh checks the same through --check.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "manifest.h"
#include "strbuf.h"

static struct manifest *
load(const char *text, struct diag *d)
{
	diag_init(d);
	return manifest_parse("t.manifest", text, strlen(text), d);
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

/*
 * One edit to the good manifest: line (1-based) replaced by text, or
 * removed when text is NULL; line 0 appends text.  want is every message,
 * one a line ("" when the edit is fine and a manifest comes back).
 */
struct edit_case {
	const char *what;
	int line;
	const char *text;
	const char *want;
};

static const struct edit_case cases[] = {
	{"a repeated directive names the first", 0, "@hours 2",
	    "t.manifest:22:1: error: duplicate '@hours' (first given at "
	    "line 6)\n"},
	{"whole and largest hours are fine", 6, "@hours 100", ""},
	{"hours with two decimals", 6, "@hours 1.55",
	    "t.manifest:6:8: error: bad '@hours' value '1.55' (a number of "
	    "hours like 2 or 1.5, more than 0, at most 100)\n"},
	{"a bad course id", 2, "@course Test_CE",
	    "t.manifest:2:9: error: bad id 'Test_CE' (use a-z, 0-9 and '-', "
	    "not '-' first, at most 40 bytes)\n"},
	{"a bad e-mail address", 9, "@provider-email ce at example.org",
	    "t.manifest:9:17: error: bad e-mail address 'ce at example.org' "
	    "(one address, like name@example.org)\n"},
	{"a pass mark over 100", 16, "@pass 101",
	    "t.manifest:16:7: error: bad '@pass' value '101' (a whole number "
	    "from 1 to 100)\n"},
	{"no attempts", 17, "@attempts 0",
	    "t.manifest:17:11: error: bad '@attempts' value '0' (a whole "
	    "number from 1 to 100)\n"},
	{"a negative wait", 18, "@wait-hours -1",
	    "t.manifest:18:13: error: bad '@wait-hours' value '-1' (a whole "
	    "number from 0 to 8760)\n"},
	{"yes or no only", 19, "@require-practice maybe",
	    "t.manifest:19:19: error: bad '@require-practice' value 'maybe' "
	    "(yes or no)\n"},
	{"an approval without a number", 12, "@approval Board of B:",
	    "t.manifest:12:11: error: '@approval' needs 'BOARD: NUMBER' (the "
	    "number is empty)\n"},
	{"an author without credentials", 13, "@author Ann Example",
	    "t.manifest:13:9: error: '@author' needs 'NAME, CREDENTIALS'\n"},
	{"an evaluation id given twice", 21, "@evaluation text objectives Why?",
	    "t.manifest:21:18: error: duplicate evaluation id 'objectives' "
	    "(first given at line 20)\n"},
	{"an evaluation of no kind", 21, "@evaluation essay comments Why?",
	    "t.manifest:21:13: error: '@evaluation' needs 'likert ID TEXT' or "
	    "'text ID TEXT'\n"},
	{"text outside a directive", 14, "just words",
	    "t.manifest:14:1: error: text outside a directive (manifest lines "
	    "are '@name value' or '#' comments)\n"},
	{"a misspelt directive, then missing", 9, "@provder-email ce@example.org",
	    "t.manifest:9:1: error: unknown directive '@provder-email'; did "
	    "you mean '@provider-email'?\n"
	    "t.manifest:1: error: missing '@provider-email' in the course "
	    "manifest\n"},
	{"a missing directive is named at line 1", 3, NULL,
	    "t.manifest:1: error: missing '@title' in the course manifest\n"},
	{"a digest outside a learner edition", 0, "@digest "
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	    "t.manifest:22: error: '@digest' belongs in a learner edition: "
	    "add '@edition learner' or remove it\n"},
	{"a learner edition without its digest", 0, "@edition learner",
	    "t.manifest:1: error: a learner edition ('@edition learner') needs "
	    "the '@digest' of the full course it was published from\n"},
	{"a public key outside the course folder", 0,
	    "@public-key ../provider.pub",
	    "t.manifest:22:13: error: bad '@public-key' value '../provider.pub' "
	    "(a file name in the course folder: letters, digits, '.', '_', "
	    "'-', not '.' first)\n"},
	/* A line blanked for its bytes may have held a directive: no guess. */
	{"a line that is not UTF-8 is the only error", 3, "@title \xff",
	    "t.manifest:3:8: error: invalid UTF-8 (byte 0xff)\n"},
};

/* The good manifest with c's edit made. */
static char *
edited(const struct edit_case *c)
{
	struct strbuf b = {0};
	const char *at = good;
	int no = 0;

	while (*at != '\0') {
		const char *nl = strchr(at, '\n');

		no++;
		if (no != c->line)
			strbuf_addf(&b, "%.*s\n", (int)(nl - at), at);
		else if (c->text != NULL)
			strbuf_addf(&b, "%s\n", c->text);
		at = nl + 1;
	}
	if (c->line == 0)
		strbuf_addf(&b, "%s\n", c->text);
	return strbuf_take(&b);
}

static void
each_edit_gives_its_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = edited(&cases[i]);
		struct strbuf got = {0};
		struct diag d;
		struct manifest *m = load(text, &d);
		char *msgs;

		for (size_t k = 0; k < d.n; k++)
			strbuf_addf(&got, "%s\n", d.msgs[k]);
		msgs = strbuf_take(&got);
		if (strcmp(msgs, cases[i].want) != 0)
			fail_msg("%s: got\n%swant\n%s", cases[i].what, msgs,
			    cases[i].want);
		if (cases[i].want[0] == '\0')
			assert_non_null(m);
		else
			assert_null(m);
		manifest_free(m);
		diag_destroy(&d);
		free(msgs);
		free(text);
	}
}

/* Not a file's bytes: what reading may give before any line is parsed. */
static void
bytes_that_are_no_manifest_are_refused_once(void **state)
{
	static const struct {
		const char *text;
		size_t size;
		const char *want;
	} bad[] = {
		{"\0\0\0\0", 4, "t.manifest:1: error: binary file (contains NUL "
		    "bytes)"},
		{"", 0, "t.manifest:1: error: missing '@course' in the course "
		    "manifest"},
	};
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		diag_init(&d);
		assert_null(manifest_parse("t.manifest", bad[i].text, bad[i].size,
		    &d));
		assert_true(d.n >= 1);
		assert_string_equal(d.msgs[0], bad[i].want);
		diag_destroy(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_manifest_fills_every_field),
		cmocka_unit_test(each_edit_gives_its_messages),
		cmocka_unit_test(bytes_that_are_no_manifest_are_refused_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
