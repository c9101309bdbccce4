/*
 * The lesson cursor on the fixture course (tests/data/course: lesson
 * sample-one of 2 pages, then sample-two of 1): 'next' walks the pages,
 * finishes the lesson and opens the next; 'back' and 'page N' move
 * within it; each refusal leaves the cursor where it was.
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

#include "course.h"
#include "cursor.h"

static struct course course;

static int
setup(void **state)
{
	const char *top = getenv("top_srcdir");
	char *dir;
	struct diag d;
	size_t errors;

	(void)state;
	if (top == NULL || asprintf(&dir, "%s/tests/data/course", top) < 0)
		return -1;
	diag_init(&d);
	errors = course_load(&course, dir, &d);
	diag_destroy(&d);
	free(dir);
	return errors == 0 && course.nlessons >= 2 &&
	    course.lessons[0]->npages == 2 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	course_destroy(&course);
	return 0;
}

static void
nothing_moves_without_a_lesson(void **state)
{
	struct cursor c;

	(void)state;
	cursor_init(&c, &course);
	assert_int_equal(cursor_next(&c), CURSOR_NO_LESSON);
	assert_int_equal(cursor_back(&c), CURSOR_NO_LESSON);
	assert_int_equal(cursor_page(&c, "1"), CURSOR_NO_LESSON);
	assert_null(c.lesson);
}

static void
next_walks_the_pages_then_finishes_then_opens_the_next_lesson(void **state)
{
	struct cursor c;

	(void)state;
	cursor_init(&c, &course);
	cursor_open(&c, course.lessons[0], 0);
	assert_int_equal(cursor_next(&c), CURSOR_PAGE);
	assert_int_equal(c.page, 1);
	assert_int_equal(cursor_next(&c), CURSOR_FINISHED);
	assert_true(c.finished);
	assert_int_equal(c.page, 1);
	assert_int_equal(cursor_next(&c), CURSOR_OPENED);
	assert_ptr_equal(c.lesson, course.lessons[1]);
	assert_int_equal(c.page, 0);
	assert_false(c.finished);
}

static void
next_after_the_last_lesson_stays(void **state)
{
	struct cursor c;
	const struct lesson *last = course.lessons[course.nlessons - 1];

	(void)state;
	cursor_init(&c, &course);
	cursor_open(&c, last, last->npages - 1);
	assert_int_equal(cursor_next(&c), CURSOR_FINISHED);
	assert_int_equal(cursor_next(&c), CURSOR_LAST_LESSON);
	assert_ptr_equal(c.lesson, last);
	assert_true(c.finished);
}

static void
back_returns_from_the_end_then_stops_at_the_first_page(void **state)
{
	struct cursor c;

	(void)state;
	cursor_init(&c, &course);
	cursor_open(&c, course.lessons[0], 1);
	assert_int_equal(cursor_next(&c), CURSOR_FINISHED);
	assert_int_equal(cursor_back(&c), CURSOR_PAGE);
	assert_false(c.finished);
	assert_int_equal(c.page, 1);
	assert_int_equal(cursor_back(&c), CURSOR_PAGE);
	assert_int_equal(c.page, 0);
	assert_int_equal(cursor_back(&c), CURSOR_FIRST_PAGE);
	assert_int_equal(c.page, 0);
}

static void
page_takes_a_number_in_range(void **state)
{
	static const char *const bad[] = {"", "0", "3", "-1", "1x", "x"};
	struct cursor c;

	(void)state;
	cursor_init(&c, &course);
	cursor_open(&c, course.lessons[0], 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(cursor_page(&c, bad[i]), CURSOR_BAD_PAGE);
		assert_int_equal(c.page, 0);
	}
	assert_int_equal(cursor_next(&c), CURSOR_PAGE);
	assert_int_equal(cursor_next(&c), CURSOR_FINISHED);
	assert_int_equal(cursor_page(&c, "1"), CURSOR_PAGE);
	assert_int_equal(c.page, 0);
	assert_false(c.finished);
}

static void
open_out_of_range_starts_at_the_first_page(void **state)
{
	struct cursor c;

	(void)state;
	cursor_init(&c, &course);
	cursor_open(&c, course.lessons[0], 99);
	assert_int_equal(c.page, 0);
	assert_false(c.finished);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_moves_without_a_lesson),
		cmocka_unit_test(
		    next_walks_the_pages_then_finishes_then_opens_the_next_lesson),
		cmocka_unit_test(next_after_the_last_lesson_stays),
		cmocka_unit_test(
		    back_returns_from_the_end_then_stops_at_the_first_page),
		cmocka_unit_test(page_takes_a_number_in_range),
		cmocka_unit_test(open_out_of_range_starts_at_the_first_page),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
