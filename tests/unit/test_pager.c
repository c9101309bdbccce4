/*
 * The pager: a text taller than the screen shows a screenful and keeps
 * the rest, each Enter shows the next screenful, and a new text or a
 * drop forgets what was left.  Output goes to a real stream in memory.
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

#include "pager.h"

struct out {
	FILE *fp;
	char *buf;
	size_t len;
};

static void
out_open(struct out *o)
{
	o->buf = NULL;
	o->fp = open_memstream(&o->buf, &o->len);
	assert_non_null(o->fp);
}

/* What was written since the last call (the stream stays open). */
static const char *
written(struct out *o)
{
	static char last[256];

	assert_int_equal(fflush(o->fp), 0);
	snprintf(last, sizeof last, "%s", o->buf != NULL ? o->buf : "");
	fseek(o->fp, 0, SEEK_SET);
	memset(o->buf, 0, o->len);
	return last;
}

static void
out_close(struct out *o)
{
	fclose(o->fp);
	free(o->buf);
}

static void
a_short_text_is_shown_whole(void **state)
{
	struct pager pg = {0};
	struct out o;

	(void)state;
	out_open(&o);
	assert_false(pager_show(&pg, o.fp, "one\ntwo\n", 5));
	assert_string_equal(written(&o), "one\ntwo\n");
	assert_false(pager_pending(&pg));
	pager_drop(&pg);
	out_close(&o);
}

static void
a_tall_text_goes_a_screen_at_a_time(void **state)
{
	struct pager pg = {0};
	struct out o;

	(void)state;
	out_open(&o);
	assert_true(pager_show(&pg, o.fp, "1\n2\n3\n4\n5", 2));
	assert_string_equal(written(&o), "1\n2\n");
	assert_true(pager_pending(&pg));
	assert_true(pager_more(&pg, o.fp, 2));
	assert_string_equal(written(&o), "3\n4\n");
	/* The last line had no newline: it gets one, like every line. */
	assert_false(pager_more(&pg, o.fp, 2));
	assert_string_equal(written(&o), "5\n");
	assert_false(pager_pending(&pg));
	assert_false(pager_more(&pg, o.fp, 2));
	assert_string_equal(written(&o), "");
	out_close(&o);
}

static void
a_new_text_or_a_drop_forgets_the_rest(void **state)
{
	struct pager pg = {0};
	struct out o;

	(void)state;
	out_open(&o);
	assert_true(pager_show(&pg, o.fp, "a\nb\nc\n", 1));
	assert_false(pager_show(&pg, o.fp, "x\n", 1));
	assert_string_equal(written(&o), "a\nx\n");
	assert_false(pager_pending(&pg));
	assert_true(pager_show(&pg, o.fp, "a\nb\nc\n", 1));
	pager_drop(&pg);
	assert_false(pager_pending(&pg));
	assert_false(pager_more(&pg, o.fp, 1));
	assert_string_equal(written(&o), "a\n");
	out_close(&o);
}

static void
blank_lines_are_lines(void **state)
{
	struct pager pg = {0};
	struct out o;

	(void)state;
	out_open(&o);
	assert_true(pager_show(&pg, o.fp, "\n\ntitle\n", 2));
	assert_string_equal(written(&o), "\n\n");
	assert_false(pager_more(&pg, o.fp, 2));
	assert_string_equal(written(&o), "title\n");
	out_close(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_short_text_is_shown_whole),
		cmocka_unit_test(a_tall_text_goes_a_screen_at_a_time),
		cmocka_unit_test(a_new_text_or_a_drop_forgets_the_rest),
		cmocka_unit_test(blank_lines_are_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
