/*
 * The course digest on real files: it equals a SHA-256 built here by hand
 * from the contract's framing ("PATH\0LENGTH\0BYTES", paths in byte
 * order), changes with one byte of any course file, ignores marked
 * responses, never reads through a symbolic link, and a learner edition
 * gives the digest its manifest carries without computing one.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <setjmp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "course.h"
#include "digest.h"
#include "scratch.h"
#include "xmalloc.h"

static const char manifest[] =
    "@course tiny\n@title Tiny\n@version 1\n@type home study\n@hours 1\n"
    "@provider-name P\n@provider-address A\n@provider-email p@example.org\n"
    "@provider-number 1\n@author A B, LMT\n@posttest post\n@pass 70\n"
    "@attempts 3\n@wait-hours 0\n@require-practice no\n";
static const char lesson[] = "@lesson one\n@title One\n@minutes 1\n\n"
    "@page First\nSome text.\n";
static const char quiz[] = "@quiz post\n@title Post\n@lesson none\n"
    "@kind posttest\n@pass 70\n\n@question truefalse\n@id q1\n"
    "@prompt True?\n@answer true\n";

static void
spew(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(s, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* A course folder dir with one lesson and one quiz. */
static void
make_course(const char *dir)
{
	char *p;

	assert_int_equal(mkdir(dir, 0755), 0);
	p = xasprintf("%s/lessons", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/quizzes", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/course.manifest", dir);
	spew(p, manifest);
	free(p);
	p = xasprintf("%s/lessons/01-one.lesson", dir);
	spew(p, lesson);
	free(p);
	p = xasprintf("%s/quizzes/99-post.quiz", dir);
	spew(p, quiz);
	free(p);
}

static void
frame(crypto_hash_sha256_state *st, const char *path, const char *bytes)
{
	char len[32];

	snprintf(len, sizeof len, "%zu", strlen(bytes));
	crypto_hash_sha256_update(st, (const unsigned char *)path,
	    strlen(path) + 1);
	crypto_hash_sha256_update(st, (const unsigned char *)len,
	    strlen(len) + 1);
	crypto_hash_sha256_update(st, (const unsigned char *)bytes,
	    strlen(bytes));
}

static void
digest_is_the_contracts_framing_in_path_order(void **state)
{
	unsigned char out[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	char want[DIGEST_HEX_LEN + 1], got[DIGEST_HEX_LEN + 1];

	(void)state;
	assert_true(sodium_init() >= 0);
	make_course("a");
	spew("a/glossary", "psoas: a muscle\n");
	crypto_hash_sha256_init(&st);
	frame(&st, "course.manifest", manifest);
	frame(&st, "glossary", "psoas: a muscle\n");
	frame(&st, "lessons/01-one.lesson", lesson);
	frame(&st, "quizzes/99-post.quiz", quiz);
	crypto_hash_sha256_final(&st, out);
	sodium_bin2hex(want, sizeof want, out, sizeof out);
	assert_int_equal(course_digest("a", got), 0);
	assert_string_equal(got, want);
	assert_true(digest_valid_hex(got));
}

static void
one_byte_changes_it_and_responses_do_not(void **state)
{
	char before[DIGEST_HEX_LEN + 1], after[DIGEST_HEX_LEN + 1], *text;

	(void)state;
	make_course("b");
	assert_int_equal(course_digest("b", before), 0);
	spew("b/quizzes/99-post.responses", "@responses post\n");
	spew("b/quizzes/.99-post.quiz.swp", "editor junk");
	assert_int_equal(course_digest("b", after), 0);
	assert_string_equal(after, before);
	text = xstrdup(quiz);
	text[strlen(text) - 2] = 'X';	/* "@answer truX" */
	spew("b/quizzes/99-post.quiz", text);
	free(text);
	assert_int_equal(course_digest("b", after), 0);
	assert_string_not_equal(after, before);
	/* A file added, even an empty one, shows. */
	spew("b/quizzes/99-post.quiz", quiz);
	spew("b/quizzes/98-x.quiz", "");
	assert_int_equal(course_digest("b", after), 0);
	assert_string_not_equal(after, before);
}

static void
a_symbolic_link_or_a_missing_manifest_is_refused(void **state)
{
	char hex[DIGEST_HEX_LEN + 1];

	(void)state;
	make_course("c");
	assert_int_equal(symlink("../../a/lessons/01-one.lesson",
	    "c/lessons/02-two.lesson"), 0);
	errno = 0;
	assert_int_equal(course_digest("c", hex), -1);
	assert_int_equal(errno, ELOOP);
	make_course("d");
	assert_int_equal(unlink("d/course.manifest"), 0);
	errno = 0;
	assert_int_equal(course_digest("d", hex), -1);
	assert_int_equal(errno, ENOENT);
}

static void
a_learner_edition_uses_its_manifests_digest(void **state)
{
	static const char recorded[] =
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char hex[DIGEST_HEX_LEN + 1], *text;
	struct course c;
	struct diag d;

	(void)state;
	make_course("e");
	text = xasprintf("%s@edition learner\n@digest %s\n", manifest,
	    recorded);
	spew("e/course.manifest", text);
	free(text);
	diag_init(&d);
	course_load(&c, "e", &d);
	/* The tiny lesson and quiz lack what --check wants; the manifest is whole. */
	assert_non_null(c.manifest);
	assert_true(c.manifest->learner_edition);
	assert_int_equal(course_digest_in_use(&c, hex), 0);
	assert_string_equal(hex, recorded);
	course_destroy(&c);
	diag_destroy(&d);
	/* A full course: computed from its files. */
	diag_init(&d);
	course_load(&c, "a", &d);
	assert_int_equal(course_digest_in_use(&c, hex), 0);
	{
		char direct[DIGEST_HEX_LEN + 1];

		assert_int_equal(course_digest("a", direct), 0);
		assert_string_equal(hex, direct);
	}
	course_destroy(&c);
	diag_destroy(&d);
}

static void
only_64_lowercase_hex_digits_are_a_digest(void **state)
{
	(void)state;
	assert_false(digest_valid_hex(""));
	assert_false(digest_valid_hex("0123456789ABCDEF0123456789abcdef"
	    "0123456789abcdef0123456789abcdef"));
	assert_false(digest_valid_hex("0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcde"));
	assert_false(digest_valid_hex("0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef0"));
	assert_true(digest_valid_hex("0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(digest_is_the_contracts_framing_in_path_order),
		cmocka_unit_test(one_byte_changes_it_and_responses_do_not),
		cmocka_unit_test(a_symbolic_link_or_a_missing_manifest_is_refused),
		cmocka_unit_test(a_learner_edition_uses_its_manifests_digest),
		cmocka_unit_test(only_64_lowercase_hex_digits_are_a_digest),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
