/*
 * Spaced review (srs.h): FSRS-4.5's first stabilities and intervals, a
 * recalled question's stability growing more the later it is reviewed, a
 * forgotten one's never growing, a second try minutes after a wrong one
 * barely moving it, the grades given to verdicts, and "due today".
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "srs.h"

#define DAY 86400
#define T0 ((time_t)1796040000)	/* 2026-11-30 12:40 UTC */

static void
first_review_sets_the_published_stability(void **state)
{
	struct srs_card good = {0}, again = {0}, hard = {0};

	(void)state;
	srs_review(&good, SRS_GOOD, T0);
	assert_true(good.stability > 3.71 && good.stability < 3.72);
	assert_int_equal(good.due, T0 + 4 * DAY);	/* 3.7145 days, rounded */
	srs_review(&again, SRS_AGAIN, T0);
	assert_true(again.stability > 0.48 && again.stability < 0.49);
	assert_int_equal(again.due, T0 + DAY);		/* at least a day */
	assert_int_equal(again.lapses, 1);
	srs_review(&hard, SRS_HARD, T0);
	assert_true(hard.difficulty > good.difficulty);
}

static void
recall_is_ninety_percent_after_stability_days(void **state)
{
	struct srs_card c = {0};
	double r;

	(void)state;
	srs_review(&c, SRS_GOOD, T0);
	r = srs_recall(&c, T0 + (time_t)(c.stability * DAY));
	assert_true(r > 0.899 && r < 0.901);
	assert_true(srs_recall(&c, T0) == 1.0);
}

static void
a_later_success_grows_stability_more(void **state)
{
	struct srs_card soon = {0}, late = {0};

	(void)state;
	srs_review(&soon, SRS_GOOD, T0);
	late = soon;
	srs_review(&soon, SRS_GOOD, T0 + 1 * DAY);
	srs_review(&late, SRS_GOOD, T0 + 4 * DAY);
	assert_true(soon.stability > 3.72);
	assert_true(late.stability > soon.stability);
	assert_true(late.due > T0 + 4 * DAY + 10 * DAY);
}

static void
forgetting_never_grows_stability(void **state)
{
	struct srs_card c = {0};
	double before;

	(void)state;
	srs_review(&c, SRS_GOOD, T0);
	srs_review(&c, SRS_GOOD, T0 + 4 * DAY);
	before = c.stability;
	srs_review(&c, SRS_AGAIN, T0 + 30 * DAY);
	assert_true(c.stability < before);
	assert_true(c.due >= T0 + 31 * DAY &&
	    c.due < T0 + 30 * DAY + (time_t)(before * DAY));
	assert_int_equal(c.reviews, 3);
	assert_int_equal(c.lapses, 1);
}

static void
a_retry_minutes_later_barely_moves_stability(void **state)
{
	struct srs_card c = {0};
	double before;

	(void)state;
	srs_review(&c, SRS_AGAIN, T0);
	before = c.stability;
	srs_review(&c, SRS_GOOD, T0 + 60);
	assert_true(c.stability - before < 0.01);
	assert_int_equal(c.due, T0 + 60 + DAY);
}

static void
verdicts_become_grades(void **state)
{
	(void)state;
	assert_int_equal(srs_grade_of("correct", 1, 0), SRS_GOOD);
	assert_int_equal(srs_grade_of("correct", 2, 0), SRS_HARD);
	assert_int_equal(srs_grade_of("correct", 1, 1), SRS_HARD);
	assert_int_equal(srs_grade_of("partial", 1, 0), SRS_AGAIN);
	assert_int_equal(srs_grade_of("incorrect", 1, 0), SRS_AGAIN);
	assert_int_equal(srs_grade_of("skipped", 1, 0), SRS_AGAIN);
}

static void
due_today_means_before_the_end_of_the_local_day(void **state)
{
	struct srs_item it = {0};

	(void)state;
	assert_false(srs_is_due(&it, T0));	/* never tried */
	srs_review(&it.card, SRS_AGAIN, T0);	/* due T0 + 1 day */
	assert_false(srs_is_due(&it, T0));
	/* Early the next morning it is due, though the hour has not come. */
	assert_true(srs_is_due(&it, T0 + DAY - 12 * 3600));
	assert_int_equal(srs_end_of_day(T0) % DAY, DAY - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_review_sets_the_published_stability),
		cmocka_unit_test(recall_is_ninety_percent_after_stability_days),
		cmocka_unit_test(a_later_success_grows_stability_more),
		cmocka_unit_test(forgetting_never_grows_stability),
		cmocka_unit_test(a_retry_minutes_later_barely_moves_stability),
		cmocka_unit_test(verdicts_become_grades),
		cmocka_unit_test(due_today_means_before_the_end_of_the_local_day),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
