/*
 * Grading rules (doc/FORMATS.md "Grading semantics"), one behaviour per
 * test.  Questions come from small quiz files written to a scratch
 * folder, so the tests grade exactly what quiz_load builds.
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

#include "grade.h"
#include "qkind.h"
#include "qkind_text.h"
#include "quiz.h"
#include "verdict.h"

static char scratch[] = "/tmp/test_grade.XXXXXX";
static int nfiles;

#define HEADER "@quiz t\n@title T\n@lesson none\n@pass 50\n"

/* Load a quiz made of HEADER and body; fails the test on any error. */
static struct quiz *
load(const char *body)
{
	char path[256];
	struct diag d;
	struct quiz *q;
	FILE *fp;

	snprintf(path, sizeof path, "%s/%d.quiz", scratch, nfiles++);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(HEADER, fp);
	fputs(body, fp);
	assert_int_equal(fclose(fp), 0);
	diag_init(&d);
	q = quiz_load(path, &d);
	if (q == NULL)
		diag_print(&d, stderr);
	assert_non_null(q);
	diag_destroy(&d);
	return q;
}

static const char trochanter[] =
    "@question short\n@prompt Where?\n"
    "@accept (?:the\\s+)?lesser\\s+trochanter\n"
    "@misconception \\bgreater\\s+trochanter\\b\n"
    "@feedback That is for the gluteals.\n"
    "@explain E\n@taught a 1\n";

static const char iliopsoas[] =
    "@question list\n@prompt Name them.\n@need 2\n"
    "@item psoas major\n@accept (?:the\\s+)?psoas(?:\\s+major)?\n"
    "@item iliacus\n@accept iliacus\n"
    "@item psoas minor\n@accept psoas\\s+minima\n"
    "@misconception \\bquadratus\\b\n@feedback Not a hip flexor.\n"
    "@explain E\n@taught a 1\n";


static void
assert_normalises(const char *in, const char *want)
{
	char *why = NULL;
	char *got = grade_normalise(in, strlen(in), &why);

	assert_non_null(got);
	assert_null(why);
	assert_string_equal(got, want);
	free(got);
}

/* ------------------------------------------------------ normalisation */

static void
unicode_dashes_become_hyphen(void **state)
{
	(void)state;
	assert_normalises("L1\xe2\x80\x93L5", "L1-L5");		/* en dash */
	assert_normalises("L1\xe2\x80\x94L5", "L1-L5");		/* em dash */
	assert_normalises("L1\xe2\x80\x90L5", "L1-L5");		/* hyphen */
	assert_normalises("\xe2\x88\x92" "5", "-5");		/* minus */
}

static void
curly_quotes_become_straight(void **state)
{
	(void)state;
	assert_normalises("the femur\xe2\x80\x99s", "the femur's");
	assert_normalises("\xe2\x80\x9cpsoas\xe2\x80\x9d", "\"psoas\"");
	assert_normalises("\xe2\x80\x98x\xe2\x80\x99", "'x'");
}

static void
whitespace_runs_and_nbsp_become_one_space(void **state)
{
	(void)state;
	assert_normalises("  lesser \t\n  trochanter  ", "lesser trochanter");
	assert_normalises("lesser\xc2\xa0trochanter", "lesser trochanter");
	assert_normalises("lesser\xc2\xa0 \xe2\x80\x83trochanter",
	    "lesser trochanter");
}

static void
trailing_full_stop_and_bang_are_removed(void **state)
{
	(void)state;
	assert_normalises("lesser trochanter.", "lesser trochanter");
	assert_normalises("lesser trochanter!", "lesser trochanter");
	assert_normalises("lesser trochanter . ", "lesser trochanter");
	assert_normalises("e.g. this", "e.g. this");
}

static void
invalid_utf8_is_ungradable(void **state)
{
	struct quiz *q = load(trochanter);
	struct grade_result r;
	char *why = NULL;

	(void)state;
	assert_null(grade_normalise("lesser \xff", 8, &why));
	assert_non_null(why);
	free(why);
	grade_answer(&q->questions[0], "lesser \xc3", 8, &r);
	assert_int_equal(r.verdict, GRADE_UNGRADABLE);
	assert_non_null(strstr(r.message, "UTF-8"));
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
overlong_answer_is_ungradable(void **state)
{
	struct quiz *q = load(trochanter);
	struct grade_result r;
	char *big = malloc(GRADE_MAX_ANSWER + 2);

	(void)state;
	memset(big, 'x', GRADE_MAX_ANSWER + 1);
	big[GRADE_MAX_ANSWER + 1] = '\0';
	grade_answer(&q->questions[0], big, GRADE_MAX_ANSWER + 1, &r);
	assert_int_equal(r.verdict, GRADE_UNGRADABLE);
	assert_non_null(strstr(r.message, "too long"));
	grade_result_destroy(&r);
	/* The limit is after normalisation: padding does not count. */
	memset(big, ' ', GRADE_MAX_ANSWER + 1);
	memcpy(big + 10, "lesser trochanter", 17);
	assert_int_equal(verdict(q, big), GRADE_CORRECT);
	free(big);
	quiz_free(q);
}

static void
empty_answer_is_ungradable(void **state)
{
	struct quiz *q = load(trochanter);

	(void)state;
	assert_int_equal(verdict(q, "   "), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "."), GRADE_UNGRADABLE);
	quiz_free(q);
}

/* --------------------------------------------------------------- short */

static void
accept_must_match_whole_answer(void **state)
{
	struct quiz *q = load(trochanter);
	struct grade_result r;

	(void)state;
	grade_answer(&q->questions[0], "lesser trochanter", 17, &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	assert_true(r.fraction == 1.0);
	assert_ptr_equal(r.rule, &qtext_of(&q->questions[0])->accept[0]);
	grade_result_destroy(&r);
	assert_int_equal(verdict(q, "the lesser trochanter"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "lesser trochanters"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "near the lesser trochanter"),
	    GRADE_INCORRECT);
	quiz_free(q);
}

static void
accept_pattern_may_allow_more(void **state)
{
	struct quiz *strict = load(
	    "@question short\n@prompt P\n@accept lesser trochanter\n"
	    "@explain E\n@taught a 1\n");
	struct quiz *wide = load(
	    "@question short\n@prompt P\n"
	    "@accept lesser trochanter(?: and greater trochanter)?\n"
	    "@explain E\n@taught a 1\n");
	const char *both = "lesser trochanter and greater trochanter";

	(void)state;
	assert_int_equal(verdict(strict, both), GRADE_INCORRECT);
	assert_int_equal(verdict(wide, both), GRADE_CORRECT);
	/* Alternation is anchored as a whole, not just its ends. */
	quiz_free(strict);
	quiz_free(wide);
}

static void
alternation_is_anchored_as_a_whole(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept psoas|iliacus\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	assert_int_equal(verdict(q, "iliacus"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "psoas minor"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "the iliacus"), GRADE_INCORRECT);
	quiz_free(q);
}

static void
misconception_matches_anywhere_and_first(void **state)
{
	struct quiz *q = load(trochanter);
	struct grade_result r;
	const char *a = "not the lesser but the greater trochanter";

	(void)state;
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_string_equal(r.feedback, "That is for the gluteals.");
	assert_ptr_equal(r.rule,
	    &qtext_of(&q->questions[0])->misconceptions[0]);
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
caseless_unless_case_directive(void **state)
{
	struct quiz *q = load(trochanter);
	struct quiz *cs = load(
	    "@question short\n@prompt P\n@accept T12\n@case\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	assert_int_equal(verdict(q, "LESSER Trochanter"), GRADE_CORRECT);
	assert_int_equal(verdict(cs, "T12"), GRADE_CORRECT);
	assert_int_equal(verdict(cs, "t12"), GRADE_INCORRECT);
	quiz_free(q);
	quiz_free(cs);
}

static void
ucp_word_class_matches_accented_letters(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept \\w+ de la hanche\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	assert_int_equal(verdict(q, "fl\xc3\xa9" "chisseur de la hanche"),
	    GRADE_CORRECT);
	assert_int_equal(verdict(q, "FL\xc3\x89" "CHISSEUR DE LA HANCHE"),
	    GRADE_CORRECT);
	quiz_free(q);
}

static void
curly_apostrophe_answer_matches_straight_pattern(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept the femur's lesser trochanter\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	assert_int_equal(verdict(q, "The femur\xe2\x80\x99s  lesser\xc2\xa0"
	    "trochanter."), GRADE_CORRECT);
	quiz_free(q);
}


static void
accented_letters_are_read_as_plain_ones(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept lesser\\s+trochanter\n"
	    "@explain E\n@taught a 1\n");
	struct quiz *ss = load(
	    "@question short\n@prompt P\n@accept strasse\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	/* é, è, É, ç... as typed on a French or German keyboard. */
	assert_int_equal(verdict(q, "l\xc3\xa9sser troch\xc3\xa2nter"),
	    GRADE_CORRECT);
	assert_int_equal(verdict(q, "L\xc3\x89SSER TROCHANTER"), GRADE_CORRECT);
	assert_int_equal(verdict(ss, "stra\xc3\x9f" "e"), GRADE_CORRECT);
	/* Not a letter: the multiplication sign stays what it is. */
	assert_int_equal(verdict(q, "lesser\xc3\x97trochanter"),
	    GRADE_INCORRECT);
	quiz_free(q);
	quiz_free(ss);
}

static void
catastrophic_pattern_is_ungradable_not_wrong(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept (a+)+$\n"
	    "@explain E\n@taught a 1\n");
	struct grade_result r;
	char answer[1000];

	(void)state;
	memset(answer, 'a', sizeof answer - 2);
	answer[sizeof answer - 2] = 'b';
	answer[sizeof answer - 1] = '\0';
	grade_answer(&q->questions[0], answer, strlen(answer), &r);
	assert_int_equal(r.verdict, GRADE_UNGRADABLE);
	assert_non_null(strstr(r.message, "could not be graded"));
	assert_non_null(r.author_warning);
	assert_non_null(strstr(r.author_warning, ".quiz:7:9: warning: "
	    "pattern hit the match limit"));
	assert_ptr_equal(r.rule, &qtext_of(&q->questions[0])->accept[0]);
	grade_result_destroy(&r);
	/* A normal answer still grades. */
	assert_int_equal(verdict(q, "aaaa"), GRADE_CORRECT);
	quiz_free(q);
}

static void
catastrophic_misconception_is_ungradable(void **state)
{
	struct quiz *q = load(
	    "@question short\n@prompt P\n@accept x\n"
	    "@misconception (?:a|aa)+$\n@explain E\n@taught a 1\n");
	char answer[200];

	(void)state;
	memset(answer, 'a', sizeof answer - 2);
	answer[sizeof answer - 2] = 'b';
	answer[sizeof answer - 1] = '\0';
	assert_int_equal(verdict(q, answer), GRADE_UNGRADABLE);
	quiz_free(q);
}

/* ---------------------------------------------------------------- list */

static void
list_items_in_any_order_with_any_separator(void **state)
{
	struct quiz *q = load(iliopsoas);

	(void)state;
	assert_int_equal(verdict(q, "psoas major and iliacus"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "iliacus, psoas"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "Iliacus; the psoas"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "iliacus / psoas major"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "iliacus\npsoas"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "iliacus AND psoas."), GRADE_CORRECT);
	assert_int_equal(verdict(q, "iliacus & psoas"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "psoas+iliacus"), GRADE_CORRECT);
	quiz_free(q);
}

static void
list_item_named_twice_counts_once(void **state)
{
	struct quiz *q = load(iliopsoas);
	struct grade_result r;
	const char *a = "psoas, psoas major, the psoas";

	(void)state;
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_true(r.fraction == 0.5);
	assert_string_equal(r.message, "Items credited: 1 of the 2 needed; "
	    "counted: 'psoas', 'psoas major', 'the psoas'.");
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
list_partial_credit_is_fraction_of_need(void **state)
{
	struct quiz *q = load(iliopsoas);
	struct grade_result r;

	(void)state;
	grade_answer(&q->questions[0], "iliacus, gracilis, psoas", 24, &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_true(r.fraction == 0.5);
	/* The message says what counted, never what is missing. */
	assert_string_equal(r.message, "Items credited: 1 of the 2 needed; "
	    "counted: 'iliacus', 'psoas'; not recognised, each cancelling one "
	    "counted: 'gracilis'.");
	grade_result_destroy(&r);

	grade_answer(&q->questions[0], "sartorius", 9, &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_true(r.fraction == 0.0);
	grade_result_destroy(&r);

	/* More than need still scores 1. */
	grade_answer(&q->questions[0], "psoas, iliacus, psoas minima", 28, &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	assert_true(r.fraction == 1.0);
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
list_misconception_in_one_part(void **state)
{
	struct quiz *q = load(iliopsoas);
	struct grade_result r;
	const char *a = "psoas, quadratus lumborum";

	(void)state;
	/* One right and one wrong: the wrong part cancels the right one. */
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_true(r.fraction == 0.0);
	assert_string_equal(r.feedback, "Not a hip flexor.");
	grade_result_destroy(&r);

	/* Enough items plus a misconception is not fully correct. */
	a = "psoas, iliacus and quadratus";
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_true(r.fraction == 0.5);
	assert_string_equal(r.feedback, "Not a hip flexor.");
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
list_splits_only_whole_words(void **state)
{
	struct quiz *q = load(
	    "@question list\n@prompt P\n@need 2\n"
	    "@item a\n@accept sartorius\n@item b\n@accept gracilis\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	/* "or" inside "sartorius" and "and" inside a word do not split. */
	assert_int_equal(verdict(q, "sartorius andgracilis"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "sartorius and gracilis"), GRADE_CORRECT);
	quiz_free(q);
}

/* ------------------------------------------------------------- letters */

static void
parse_letters_accepts_separators(void **state)
{
	size_t out[5], n;

	(void)state;
	assert_true(grade_parse_letters("a, c", 5, out, &n));
	assert_int_equal(n, 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 2);
	assert_true(grade_parse_letters("CaBd", 5, out, &n));
	assert_int_equal(n, 4);
	assert_int_equal(out[0], 2);
	assert_int_equal(out[3], 3);
	assert_true(grade_parse_letters("a and e", 5, out, &n));
	assert_int_equal(n, 2);
	assert_false(grade_parse_letters("f", 5, out, &n));
	assert_false(grade_parse_letters("a1", 5, out, &n));
	assert_false(grade_parse_letters("", 5, out, &n));
	assert_false(grade_parse_letters("aaaaaa", 5, out, &n));
	assert_false(grade_parse_letters("\xc3\xa9", 5, out, &n));
}

static void
parse_letters_takes_letters_as_written(void **state)
{
	size_t out[5], n;

	(void)state;
	assert_true(grade_parse_letters("c)", 5, out, &n));
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 2);
	assert_true(grade_parse_letters("C.", 5, out, &n));
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 2);
	assert_true(grade_parse_letters("(a) (d)", 5, out, &n));
	assert_int_equal(n, 2);
	assert_int_equal(out[1], 3);
	assert_false(grade_parse_letters(")", 5, out, &n));
}

static const char choice[] =
    "@question choice\n@prompt P\n@choice x\n@feedback No, not x.\n"
    "@choice* y\n@choice z\n@explain E\n@taught a 1\n";

static void
choice_takes_one_letter(void **state)
{
	struct quiz *q = load(choice);
	struct grade_result r;

	(void)state;
	assert_int_equal(verdict(q, "b"), GRADE_CORRECT);
	assert_int_equal(verdict(q, " B. "), GRADE_CORRECT);
	grade_answer(&q->questions[0], "a", 1, &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_string_equal(r.feedback, "No, not x.");
	grade_result_destroy(&r);
	assert_int_equal(verdict(q, "d"), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "a b"), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "hip flexion"), GRADE_UNGRADABLE);
	quiz_free(q);
}

static void
multi_needs_the_exact_set(void **state)
{
	struct quiz *q = load(
	    "@question multi\n@prompt P\n@choice* w\n@choice x\n"
	    "@choice* y\n@choice* z\n@explain E\n@taught a 1\n");
	struct grade_result r;

	(void)state;
	assert_int_equal(verdict(q, "a c d"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "dca"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "a,c,d,a"), GRADE_CORRECT);
	grade_answer(&q->questions[0], "a, c", 4, &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_float_equal(r.fraction, 2.0 / 3.0, 1e-9);
	grade_result_destroy(&r);
	grade_answer(&q->questions[0], "a b c d", 7, &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_true(r.fraction == 0.0);
	grade_result_destroy(&r);
	assert_int_equal(verdict(q, "a e"), GRADE_UNGRADABLE);
	quiz_free(q);
}

static void
truefalse_words(void **state)
{
	struct quiz *q = load("@question truefalse\n@prompt P\n@answer false\n"
	    "@explain E\n@taught a 1\n");

	(void)state;
	assert_int_equal(verdict(q, "false"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "F"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "No."), GRADE_CORRECT);
	assert_int_equal(verdict(q, "n"), GRADE_CORRECT);
	assert_int_equal(verdict(q, "True"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "yes"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "y"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "t"), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "maybe"), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "true false"), GRADE_UNGRADABLE);
	quiz_free(q);
}

/* The letters of the steps in their right order, as shown. */
static void
right_order(const struct question *qu, char *out)
{
	size_t n = qkind_letters(qu);

	for (size_t step = 0; step < n; step++)
		for (size_t i = 0; i < n; i++)
			if (qu->shown[i] == step)
				out[step] = (char)('a' + i);
	out[n] = '\0';
}

static void
order_is_all_or_nothing(void **state)
{
	struct quiz *q = load("@question order\n@prompt P\n@step one\n"
	    "@step two\n@step three\n@step four\n@explain E\n@taught a 1\n");
	char right[8], spaced[16], swapped[8];

	(void)state;
	right_order(&q->questions[0], right);
	snprintf(spaced, sizeof spaced, "%c, %c %c,%c", right[0], right[1],
	    right[2], right[3]);
	memcpy(swapped, right, sizeof right);
	swapped[0] = right[1];
	swapped[1] = right[0];
	assert_int_equal(verdict(q, right), GRADE_CORRECT);
	assert_int_equal(verdict(q, spaced), GRADE_CORRECT);
	assert_int_equal(verdict(q, swapped), GRADE_INCORRECT);
	assert_int_equal(verdict(q, "a b c"), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "a a b c"), GRADE_UNGRADABLE);
	assert_int_equal(verdict(q, "a b c e"), GRADE_UNGRADABLE);
	quiz_free(q);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(scratch) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char path[256];

	(void)state;
	for (int i = 0; i < nfiles; i++) {
		snprintf(path, sizeof path, "%s/%d.quiz", scratch, i);
		unlink(path);
	}
	return rmdir(scratch);
}

static void
whole_percent_rounds_down_never_up(void **state)
{
	(void)state;
	assert_int_equal(grade_whole_percent(3, 4), 75);
	assert_int_equal(grade_whole_percent(69.9, 100), 69);
	assert_int_equal(grade_whole_percent(2, 3), 66);
	assert_int_equal(grade_whole_percent(7.5, 10), 75);
	assert_int_equal(grade_whole_percent(1, 0), 0);
}

static void
every_verdict_has_its_name(void **state)
{
	(void)state;
	assert_string_equal(grade_verdict_name(GRADE_CORRECT), "correct");
	assert_string_equal(grade_verdict_name(GRADE_PARTIAL), "partly correct");
	assert_string_equal(grade_verdict_name(GRADE_INCORRECT), "incorrect");
	assert_string_equal(grade_verdict_name(GRADE_UNGRADABLE), "not graded");
}

static void
a_pass_needs_the_mark_in_whole_percent(void **state)
{
	(void)state;
	assert_true(grade_passed(3, 4, 75));
	assert_true(grade_passed(7, 10, 70));
	assert_false(grade_passed(69.9, 100, 70));
	assert_false(grade_passed(2, 3, 67));
	assert_true(grade_passed(2, 3, 66));
	assert_false(grade_passed(0, 0, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unicode_dashes_become_hyphen),
		cmocka_unit_test(curly_quotes_become_straight),
		cmocka_unit_test(whitespace_runs_and_nbsp_become_one_space),
		cmocka_unit_test(trailing_full_stop_and_bang_are_removed),
		cmocka_unit_test(invalid_utf8_is_ungradable),
		cmocka_unit_test(overlong_answer_is_ungradable),
		cmocka_unit_test(empty_answer_is_ungradable),
		cmocka_unit_test(accept_must_match_whole_answer),
		cmocka_unit_test(accept_pattern_may_allow_more),
		cmocka_unit_test(alternation_is_anchored_as_a_whole),
		cmocka_unit_test(misconception_matches_anywhere_and_first),
		cmocka_unit_test(caseless_unless_case_directive),
		cmocka_unit_test(ucp_word_class_matches_accented_letters),
		cmocka_unit_test(curly_apostrophe_answer_matches_straight_pattern),
		cmocka_unit_test(accented_letters_are_read_as_plain_ones),
		cmocka_unit_test(catastrophic_pattern_is_ungradable_not_wrong),
		cmocka_unit_test(catastrophic_misconception_is_ungradable),
		cmocka_unit_test(whole_percent_rounds_down_never_up),
		cmocka_unit_test(a_pass_needs_the_mark_in_whole_percent),
		cmocka_unit_test(every_verdict_has_its_name),
		cmocka_unit_test(list_items_in_any_order_with_any_separator),
		cmocka_unit_test(list_item_named_twice_counts_once),
		cmocka_unit_test(list_partial_credit_is_fraction_of_need),
		cmocka_unit_test(list_misconception_in_one_part),
		cmocka_unit_test(list_splits_only_whole_words),
		cmocka_unit_test(parse_letters_accepts_separators),
		cmocka_unit_test(parse_letters_takes_letters_as_written),
		cmocka_unit_test(choice_takes_one_letter),
		cmocka_unit_test(multi_needs_the_exact_set),
		cmocka_unit_test(truefalse_words),
		cmocka_unit_test(order_is_all_or_nothing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
