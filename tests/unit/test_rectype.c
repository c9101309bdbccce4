/*
 * Unit tests of rectype.h: the record types of progress journals are the
 * format, so their words and field counts are pinned here as
 * doc/FORMATS.md "Progress journal" lists them; every word reads back as
 * its type, and a word this version does not know is no type (replay
 * warns "unknown record type" and skips it: test_progress).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rectype.h"

static const struct {
	enum rectype t;
	const char *word;
	size_t nfields;		/* type and time included; 0: pairs */
} written[] = {
	{ REC_NAME, "name", 3 },
	{ REC_PAGE, "page", 5 },
	{ REC_DONE, "done", 3 },
	{ REC_TIME, "time", 4 },
	{ REC_READ, "read", 5 },
	{ REC_IDENTITY, "identity", 5 },
	{ REC_ATTEST, "attest", 3 },
	{ REC_CLOCK, "clock", 3 },
	{ REC_COURSE, "course", 3 },
	{ REC_QUIZ_START, "quiz-start", 5 },
	{ REC_QUIZ_DRAW, "quiz-draw", 7 },
	{ REC_TRY, "try", 12 },
	{ REC_ANSWER, "answer", 12 },
	{ REC_HINT, "hint", 7 },
	{ REC_QUIZ_END, "quiz-end", 7 },
	{ REC_COMPLETION, "completion", 0 },
	{ REC_EVALUATION, "evaluation", 7 },
	{ REC_PRACTICE, "practice", 7 },
	{ REC_REGRADE, "regrade", 11 },
	{ REC_RESCORE, "rescore", 7 },
	{ REC_FLAG, "flag", 9 },
};

#define NWRITTEN (sizeof written / sizeof written[0])

static void
each_type_has_its_word_and_shape_and_parses(void **state)
{
	(void)state;
	assert_int_equal(NWRITTEN, REC_NTYPES);
	for (size_t i = 0; i < NWRITTEN; i++) {
		enum rectype t = REC_NTYPES;

		assert_string_equal(rectype_name(written[i].t),
		    written[i].word);
		assert_int_equal(rectype_fields(written[i].t),
		    written[i].nfields);
		assert_true(rectype_parse(written[i].word, &t));
		assert_int_equal(t, written[i].t);
	}
}

static void
a_record_fits_its_type_by_its_field_count(void **state)
{
	(void)state;
	assert_true(rectype_fits(REC_PAGE, 5));
	assert_false(rectype_fits(REC_PAGE, 4));
	assert_false(rectype_fits(REC_PAGE, 6));
	assert_true(rectype_fits(REC_ANSWER, 12));
	assert_false(rectype_fits(REC_ANSWER, 11));
	/* A completion is its type, its time and key/value pairs. */
	assert_true(rectype_fits(REC_COMPLETION, 2));
	assert_true(rectype_fits(REC_COMPLETION, 4));
	assert_false(rectype_fits(REC_COMPLETION, 1));
	assert_false(rectype_fits(REC_COMPLETION, 5));
}

static void
an_unknown_word_is_no_type(void **state)
{
	static const char *const unknown[] = {
		"", "Page", "page ", "quiz_start", "lesson", "verdict", "pass",
	};

	(void)state;
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		enum rectype t = REC_FLAG;

		assert_false(rectype_parse(unknown[i], &t));
		assert_int_equal(t, REC_FLAG);
	}
	assert_string_equal(rectype_name(REC_NTYPES), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_type_has_its_word_and_shape_and_parses),
		cmocka_unit_test(a_record_fits_its_type_by_its_field_count),
		cmocka_unit_test(an_unknown_word_is_no_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
