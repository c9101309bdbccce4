/*
 * Unit tests of outcome.h: the verdict words of progress records and the
 * result words of quiz attempts are part of the journal format, so the
 * tables are pinned here word for word.  Every word reads back as what
 * it was written for, and a word this version does not know is said to
 * be unknown: a verdict is then kept as written, a result makes its
 * record damaged (test_progress checks both replays).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "outcome.h"
#include "srs.h"

/* Every outcome a record can hold, with its word as journals have it. */
static const struct {
	enum outcome o;
	const char *word;
} written[] = {
	{ OUTCOME_CORRECT, "correct" },
	{ OUTCOME_PARTIAL, "partial" },
	{ OUTCOME_INCORRECT, "incorrect" },
	{ OUTCOME_SKIPPED, "skipped" },
	{ OUTCOME_UNGRADED, "ungraded" },
	{ OUTCOME_SUPERSEDED, "superseded" },
};

#define NWRITTEN (sizeof written / sizeof written[0])

static void
each_word_is_as_journals_have_it_and_parses(void **state)
{
	(void)state;
	for (size_t i = 0; i < NWRITTEN; i++) {
		enum outcome o = OUTCOME_NONE;

		assert_string_equal(outcome_name(written[i].o),
		    written[i].word);
		assert_true(outcome_parse(written[i].word, &o));
		assert_int_equal(o, written[i].o);
		assert_true(outcome_is(written[i].word, written[i].o));
		for (size_t k = 0; k < NWRITTEN; k++)
			if (k != i)
				assert_false(outcome_is(written[i].word,
				    written[k].o));
	}
}

static void
every_outcome_has_a_row_above(void **state)
{
	size_t seen = 0;

	(void)state;
	/* One past the last outcome has no word: the table is complete. */
	for (int o = OUTCOME_NONE + 1; outcome_name((enum outcome)o)[0] != '\0';
	    o++)
		for (size_t i = 0; i < NWRITTEN; i++)
			seen += written[i].o == (enum outcome)o;
	assert_int_equal(seen, NWRITTEN);
}

static void
an_unknown_word_is_reported_unknown(void **state)
{
	static const char *const unknown[] = {
		"", "wrong", "Correct", "correct ", " skipped",
		"partly correct", "not graded", "pass", "fail", "none",
	};

	(void)state;
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		enum outcome o = OUTCOME_CORRECT;

		assert_false(outcome_parse(unknown[i], &o));
		assert_int_equal(o, OUTCOME_NONE);
		for (size_t k = 0; k < NWRITTEN; k++)
			assert_false(outcome_is(unknown[i], written[k].o));
		/* Spaced review counts it as a miss, as it always has. */
		assert_int_equal(srs_grade_of(unknown[i], 1, 0), SRS_AGAIN);
	}
	/* No outcome has no word, and no word is no outcome. */
	assert_string_equal(outcome_name(OUTCOME_NONE), "");
	assert_false(outcome_is("", OUTCOME_NONE));
	assert_string_equal(outcome_name((enum outcome)1000), "");
}

static void
a_grader_verdict_becomes_its_outcome(void **state)
{
	(void)state;
	assert_int_equal(outcome_of_grade(GRADE_CORRECT), OUTCOME_CORRECT);
	assert_int_equal(outcome_of_grade(GRADE_PARTIAL), OUTCOME_PARTIAL);
	assert_int_equal(outcome_of_grade(GRADE_INCORRECT), OUTCOME_INCORRECT);
	/* Not graded uses no try and is never recorded. */
	assert_int_equal(outcome_of_grade(GRADE_UNGRADABLE), OUTCOME_NONE);
}

static void
each_attempt_result_is_as_journals_have_it_and_parses(void **state)
{
	static const struct {
		enum attempt_result r;
		const char *word;
	} results[] = {
		{ ATTEMPT_PASS, "pass" },
		{ ATTEMPT_FAIL, "fail" },
		{ ATTEMPT_UNGRADED, "ungraded" },
	};
	static const char *const unknown[] = {
		"", "Pass", "passed", "failed", "not passed", "pass ",
		"correct",
	};

	(void)state;
	for (size_t i = 0; i < sizeof results / sizeof results[0]; i++) {
		enum attempt_result r = ATTEMPT_UNGRADED;

		assert_string_equal(outcome_attempt_name(results[i].r),
		    results[i].word);
		assert_true(outcome_attempt_parse(results[i].word, &r));
		assert_int_equal(r, results[i].r);
	}
	/* One past the last result has no word: the table is complete. */
	assert_string_equal(outcome_attempt_name(ATTEMPT_UNGRADED + 1), "");
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		enum attempt_result r = ATTEMPT_FAIL;

		assert_false(outcome_attempt_parse(unknown[i], &r));
		assert_int_equal(r, ATTEMPT_FAIL);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_word_is_as_journals_have_it_and_parses),
		cmocka_unit_test(every_outcome_has_a_row_above),
		cmocka_unit_test(an_unknown_word_is_reported_unknown),
		cmocka_unit_test(a_grader_verdict_becomes_its_outcome),
		cmocka_unit_test(
		    each_attempt_result_is_as_journals_have_it_and_parses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
