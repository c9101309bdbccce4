/*
 * Unit tests of outcome.h: the verdict words of progress records are
 * part of the journal format, so the table is pinned here word for word;
 * every word reads back as the outcome it was written for, and a word
 * this version does not know is said to be unknown (the records keep it
 * as written: test_progress checks the replay).
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_word_is_as_journals_have_it_and_parses),
		cmocka_unit_test(every_outcome_has_a_row_above),
		cmocka_unit_test(an_unknown_word_is_reported_unknown),
		cmocka_unit_test(a_grader_verdict_becomes_its_outcome),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
