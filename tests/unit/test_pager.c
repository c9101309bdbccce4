/*
 * The pager: a text taller than the screen shows a screenful and keeps
 * the rest; a block marked keep is never split when it fits on a screen;
 * 'b' shows the screen before again, 'q' stops but still shows what was
 * said after the text; a resize lays the rest out again from the same
 * place.  Output goes to a real stream in memory.
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
#include "xmalloc.h"

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
	static char last[512];

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

/* A block of the lines of s ('\n'-separated), each as wide as it is long. */
static void
add(struct layout *t, bool keep, const char *s)
{
	layout_begin(t, keep);
	while (*s != '\0') {
		size_t len = strcspn(s, "\n");

		layout_push(t, xstrndup(s, len), len);
		s += len + (s[len] == '\n');
	}
}

static void
screen(struct pager *pg, size_t rows, size_t cols)
{
	pg->rows = rows;
	pg->cols = cols;
}

/* Each test's pager, texts and output stream. */
struct fixture {
	struct pager pg;
	struct layout t, tail;
	struct out o;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	out_open(&f->o);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	pager_drop(&f->pg);
	layout_destroy(&f->t);
	layout_destroy(&f->tail);
	out_close(&f->o);
	free(f);
	return 0;
}

static void
a_short_text_is_shown_whole(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 5, 80);
	add(t, false, "one\ntwo");
	assert_false(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "one\ntwo\n");
	assert_false(pager_pending(pg));
}

static void
text_goes_a_screen_at_a_time_split_between_lines(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 2, 80);
	add(t, false, "1\n2\n3\n4\n5");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "1\n2\n");
	assert_int_equal(pager_percent(pg), 40);
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "3\n4\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "5\n");
	assert_false(pager_pending(pg));
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "");
}

static void
a_kept_block_that_fits_is_never_split(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 5, 80);
	add(t, false, "p1\np2\np3");
	add(t, true, "+--+\n|  |\n|  |\n+--+");
	add(t, false, "after");
	/* Two rows were left, the box needs four: it waits for the next. */
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "p1\np2\np3\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "+--+\n|  |\n|  |\n+--+\nafter\n");
}

static void
a_kept_block_taller_than_a_screen_starts_one_and_is_split(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 3, 80);
	add(t, false, "text");
	add(t, true, "f1\nf2\nf3\nf4\nf5");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "text\n");
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "f1\nf2\nf3\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "f4\nf5\n");
}

static void
a_wide_line_takes_the_rows_the_terminal_folds_it_into(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 4, 10);
	/* 25 columns on a 10-column terminal: three rows. */
	add(t, false, "aaaaaaaaaaaaaaaaaaaaaaaaa\nb\nc\nd");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "aaaaaaaaaaaaaaaaaaaaaaaaa\nb\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "c\nd\n");
	/* A line taller than the whole screen still goes out, alone. */
	screen(pg, 2, 10);
	add(t, false, "aaaaaaaaaaaaaaaaaaaaaaaaa\nb");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "aaaaaaaaaaaaaaaaaaaaaaaaa\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "b\n");
}

static void
back_shows_the_screen_before_again(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 2, 80);
	add(t, false, "1\n2\n3\n4\n5\n6\n7");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "1\n2\n");
	/* Nothing before the first screen: nothing shown, still paging. */
	assert_false(pager_back(pg, o->fp));
	assert_string_equal(written(o), "");
	assert_true(pager_pending(pg));
	assert_true(pager_more(pg, o->fp));
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "3\n4\n5\n6\n");
	assert_true(pager_back(pg, o->fp));
	assert_string_equal(written(o), "3\n4\n");
	assert_true(pager_back(pg, o->fp));
	assert_string_equal(written(o), "1\n2\n");
	assert_false(pager_back(pg, o->fp));
	/* And on again from there. */
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "3\n4\n");
}

static void
stop_drops_the_rest_but_shows_the_tail(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t, *tail = &f->tail;
	struct out *o = &f->o;

	screen(pg, 2, 80);
	add(t, false, "1\n2\n3\n4\n5");
	assert_true(pager_show(pg, o->fp, t));
	add(tail, false, "said after");
	pager_append(pg, tail);
	assert_string_equal(written(o), "1\n2\n");
	pager_stop(pg, o->fp);
	assert_string_equal(written(o), "said after\n");
	assert_false(pager_pending(pg));
	/* The tail is shown once, at the end, when paging goes on. */
	add(t, false, "1\n2\n3");
	assert_true(pager_show(pg, o->fp, t));
	add(tail, false, "said after");
	pager_append(pg, tail);
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "1\n2\n3\nsaid after\n");
	pager_stop(pg, o->fp);
	assert_string_equal(written(o), "");
}

static void
a_new_text_or_a_drop_forgets_the_rest(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 1, 80);
	add(t, false, "a\nb\nc");
	assert_true(pager_show(pg, o->fp, t));
	add(t, false, "x");
	assert_false(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "a\nx\n");
	add(t, false, "a\nb\nc");
	assert_true(pager_show(pg, o->fp, t));
	pager_drop(pg);
	assert_false(pager_pending(pg));
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "a\n");
}

static void
a_relayout_goes_on_from_the_same_place(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t, *tail = &f->tail;
	struct out *o = &f->o;

	screen(pg, 3, 80);
	add(t, false, "head");
	add(t, false, "w1 w2\nw3 w4\nw5 w6\nw7 w8");
	add(t, true, "+----+\n+----+");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "head\nw1 w2\nw3 w4\n");
	/* Narrower: the paragraph takes twice the lines, the box is redrawn. */
	add(t, false, "head");
	add(t, false, "w1\nw2\nw3\nw4\nw5\nw6\nw7\nw8");
	add(t, true, "+--+\n+--+");
	pager_relayout(pg, t, tail);
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "w5\nw6\nw7\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "w8\n+--+\n+--+\n");
}

static void
keys_say_more_back_or_stop(void **state)
{
	(void)state;
	assert_int_equal(pager_key("\r"), PAGER_MORE);
	assert_int_equal(pager_key("\n"), PAGER_MORE);
	assert_int_equal(pager_key(" "), PAGER_MORE);
	assert_int_equal(pager_key("\033[6~"), PAGER_MORE);
	assert_int_equal(pager_key("b"), PAGER_BACK);
	assert_int_equal(pager_key("\033[5~"), PAGER_BACK);
	assert_int_equal(pager_key("q"), PAGER_STOP);
	assert_int_equal(pager_key("\003"), PAGER_STOP);
	assert_int_equal(pager_key("\033"), PAGER_STOP);
	assert_int_equal(pager_key("x"), PAGER_NONE);
	assert_int_equal(pager_key("\033[C"), PAGER_NONE);
}

static void
a_tall_kept_block_after_blank_lines_only_starts_at_once(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t;
	struct out *o = &f->o;

	/* 'repeat' on a tall question: not a screen of one blank line. */
	screen(pg, 3, 80);
	add(t, false, "\n");
	add(t, true, "q1\nq2\nq3\nq4");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "\nq1\nq2\n");
	assert_false(pager_more(pg, o->fp));
	assert_string_equal(written(o), "q3\nq4\n");
}

static void
hold_keeps_the_rest_of_the_text_and_shows_the_tail(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg, held = {0};
	struct layout *t = &f->t;
	struct out *o = &f->o;

	screen(pg, 2, 80);
	add(t, false, "a\nb\nc\nd\ne");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "a\nb\n");
	add(&f->tail, false, "said");
	pager_append(pg, &f->tail);
	assert_true(pager_hold(pg, o->fp, &held));
	assert_string_equal(written(o), "said\n");
	assert_false(pager_pending(pg));
	/* The rest, from where it stopped, without the tail again. */
	assert_true(pager_more(&held, o->fp));
	assert_string_equal(written(o), "c\nd\n");
	assert_false(pager_more(&held, o->fp));
	assert_string_equal(written(o), "e\n");
	pager_drop(&held);
}

static void
a_relayout_shows_no_line_twice(void **state)
{
	struct fixture *f = *state;
	struct pager *pg = &f->pg;
	struct layout *t = &f->t, *tail = &f->tail;
	struct out *o = &f->o;

	screen(pg, 1, 80);
	add(t, false, "w1 w2\nw3 w4\nw5 w6\nw7");
	assert_true(pager_show(pg, o->fp, t));
	assert_string_equal(written(o), "w1 w2\n");
	/* Wider: 4 lines become 3; the place is where the text is, not a
	 * share of the lines (which would show "w1 w2" again). */
	add(t, false, "  w1 w2\n  w3 w4 w5\n  w6 w7");
	pager_relayout(pg, t, tail);
	assert_true(pager_more(pg, o->fp));
	assert_string_equal(written(o), "  w3 w4 w5\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_short_text_is_shown_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(text_goes_a_screen_at_a_time_split_between_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(a_kept_block_that_fits_is_never_split, setup, teardown),
		cmocka_unit_test_setup_teardown(a_kept_block_taller_than_a_screen_starts_one_and_is_split, setup, teardown),
		cmocka_unit_test_setup_teardown(a_wide_line_takes_the_rows_the_terminal_folds_it_into, setup, teardown),
		cmocka_unit_test_setup_teardown(back_shows_the_screen_before_again, setup, teardown),
		cmocka_unit_test_setup_teardown(stop_drops_the_rest_but_shows_the_tail, setup, teardown),
		cmocka_unit_test_setup_teardown(a_new_text_or_a_drop_forgets_the_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(a_relayout_goes_on_from_the_same_place, setup, teardown),
		cmocka_unit_test_setup_teardown(keys_say_more_back_or_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(a_tall_kept_block_after_blank_lines_only_starts_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(a_relayout_shows_no_line_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(hold_keeps_the_rest_of_the_text_and_shows_the_tail, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
