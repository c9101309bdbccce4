/*
 * Unit tests of points.h: every form of points text from one table, and
 * the journal's form read back exactly as it was written (journals
 * written before points.c must replay to the same values and be
 * rewritten byte for byte).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "points.h"

static void
each_form_writes_its_table(void **state)
{
	static const struct {
		double v;
		enum points_form form;
		const char *want;
	} rows[] = {
		{ 2, POINTS_SHOWN, "2" },
		{ 0, POINTS_SHOWN, "0" },
		{ 0.5, POINTS_SHOWN, "0.5" },
		{ 0.75, POINTS_SHOWN, "0.75" },
		{ 1.0 / 3, POINTS_SHOWN, "0.333" },
		{ 2.0 / 3, POINTS_SHOWN, "0.667" },
		{ 0.0004, POINTS_SHOWN, "0" },
		{ 1.9996, POINTS_SHOWN, "2" },
		{ 12.25, POINTS_SHOWN, "12.25" },
		{ 2, POINTS_RECORD, "2" },
		{ 0.75, POINTS_RECORD, "0.75" },
		{ -1.5, POINTS_RECORD, "-1.5" },
		{ 1.0 / 3, POINTS_RECORD, "0.333333" },
		{ 2.0 / 3, POINTS_RECORD, "0.666667" },
		{ 0.0000004, POINTS_RECORD, "0" },
		{ 0.000001, POINTS_RECORD, "0.000001" },
		{ 2, POINTS_EXPORT, "2.000" },
		{ 0, POINTS_EXPORT, "0.000" },
		{ 0.5, POINTS_EXPORT, "0.500" },
		{ 1.0 / 3, POINTS_EXPORT, "0.333" },
		{ 0.0625, POINTS_EXPORT, "0.063" },	/* half away from 0 */
		{ -0.25, POINTS_EXPORT, "-0.250" },
		{ 1e12, POINTS_RECORD, "0" },		/* beyond the bound */
		{ -1e13, POINTS_EXPORT, "0.000" },
		{ 1.0 / 0.0, POINTS_SHOWN, "0" },
		{ 0.0 / 0.0, POINTS_RECORD, "0" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char buf[POINTS_BUF];

		points_format(buf, sizeof buf, rows[i].v, rows[i].form);
		assert_string_equal(buf, rows[i].want);
	}
}

/* A short buffer gets a cut string, never an overrun. */
static void
short_buffer_is_cut_not_overrun(void **state)
{
	char buf[4] = "xxx";

	(void)state;
	points_format(buf, sizeof buf, 12.5, POINTS_EXPORT);
	assert_string_equal(buf, "12.");
	points_format(buf, sizeof buf, 0.125, POINTS_RECORD);
	assert_string_equal(buf, "0.1");
}

/*
 * Journal texts as they have always been written read back unchanged
 * (checked to 10^8 points, far beyond any course).
 */
static void
journal_texts_read_back_byte_for_byte(void **state)
{
	static const char *const texts[] = {
		"0", "1", "2", "0.75", "-1.5", "0.333333", "0.666667",
		"0.000001", "12.5", "123456.789012", "-99999999.999999",
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char buf[POINTS_BUF];
		double v = -7;

		assert_true(points_parse(texts[i], &v));
		points_format(buf, sizeof buf, v, POINTS_RECORD);
		assert_string_equal(buf, texts[i]);
	}
}

static void
anything_else_is_refused(void **state)
{
	static const char *const bad[] = {
		"", "-", ".5", "1.", "1.2345678", "1e3", "0x10", " 1", "1 ",
		"1,5", "+1", "1000000000000", "--1", "nan", "inf",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double v = -7;

		assert_false(points_parse(bad[i], &v));
		assert_true(v == -7);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_form_writes_its_table),
		cmocka_unit_test(short_buffer_is_cut_not_overrun),
		cmocka_unit_test(journal_texts_read_back_byte_for_byte),
		cmocka_unit_test(anything_else_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
