/*
 * Unit tests of the renderer: wrapping by display columns (accents, wide
 * characters, words too long for a line), prefixes, emphasis, the plain
 * mode promise (no escape codes, no box drawing, figures as text), boxes
 * that line up, figures left verbatim, and the terminal detection rules.
 */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "lesson.h"
#include "render.h"
#include "text.h"
#include "xmalloc.h"

#define SAMPLE_ONE BUILD_SRCDIR "/tests/data/course/lessons/01-sample-one.lesson"
#define SAMPLE_TWO BUILD_SRCDIR "/tests/data/course/lessons/02-sample-two.lesson"

static const struct render_opts plain40 = {40, false, true};
static const struct render_opts boxes40 = {40, false, false};
static const struct render_opts color40 = {40, true, false};

static struct lesson *
load_path(const char *path)
{
	struct diag d;
	struct lesson *l;

	diag_init(&d);
	l = lesson_load(path, &d);
	if (d.n > 0)
		diag_print(&d, stderr);
	assert_non_null(l);
	diag_destroy(&d);
	return l;
}

/* Parse text through a scratch file. */
static struct lesson *
load_text(const char *text)
{
	char dir[] = "/tmp/test_render.XXXXXX";
	char *path;
	FILE *fp;
	struct lesson *l;

	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/t.lesson", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	l = load_path(path);
	unlink(path);
	rmdir(dir);
	free(path);
	return l;
}

/* Every line of s is valid UTF-8 and at most width columns. */
static void
assert_lines_fit(const char *s, size_t width)
{
	while (*s != '\0') {
		const char *nl = strchr(s, '\n');

		assert_non_null(nl);
		assert_true(text_utf8_valid(s, (size_t)(nl - s), NULL));
		if (text_width(s, (size_t)(nl - s)) > width)
			fail_msg("line wider than %zu: '%.*s'", width,
			    (int)(nl - s), s);
		s = nl + 1;
	}
}

static void
assert_wrap(const struct render_opts *o, const char *text,
    const char *indent, const char *hang, const char *want)
{
	char *got = render_wrap(o, text, indent, hang);

	assert_string_equal(got, want);
	free(got);
}

static void
assert_no_escapes_or_boxes(const char *s)
{
	assert_null(strchr(s, '\033'));
	/* Box drawing is U+2500..U+257F: E2 94 xx and E2 95 xx. */
	assert_null(strstr(s, "\xe2\x94"));
	assert_null(strstr(s, "\xe2\x95"));
}

/* ------------------------------------------------------------ wrapping */

static void
words_fill_lines_up_to_the_exact_width(void **state)
{
	struct render_opts o = {20, false, false};

	(void)state;
	assert_wrap(&o, "aaaaa bbbbb ccccc dd ee", "", "",
	    "aaaaa bbbbb ccccc dd\nee\n");
	assert_wrap(&o, "aaaaa bbbbb ccccc ddd", "", "",
	    "aaaaa bbbbb ccccc\nddd\n");
	assert_wrap(&o, "  lots   of\t white \n space  ", "", "",
	    "lots of white space\n");
}

static void
empty_text_gives_one_empty_line(void **state)
{
	(void)state;
	assert_wrap(&plain40, "", "", "", "\n");
	assert_wrap(&plain40, "   ", "  - ", "    ", "  -\n");
}

static void
indent_and_hang_prefix_the_lines(void **state)
{
	struct render_opts o = {20, false, false};

	(void)state;
	assert_wrap(&o, "one two three four five six", "  - ", "    ",
	    "  - one two three\n    four five six\n");
}

/* render_put prints what render_wrap returns: the one wrap-and-print. */
static void
put_prints_the_wrapped_text(void **state)
{
	struct render_opts o = {20, false, false};
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	(void)state;
	assert_non_null(out);
	render_put(out, &o, "one two three four five six", "  - ", "    ");
	assert_int_equal(fclose(out), 0);
	assert_string_equal(buf, "  - one two three\n    four five six\n");
	free(buf);
}

static void
accented_letters_take_one_column(void **state)
{
	struct render_opts o = {20, false, false};

	(void)state;
	assert_wrap(&o, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 "
	    "ccccc ccccc dd ee", "", "",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 ccccc ccccc dd\nee\n");
}

static void
wide_characters_take_two_columns(void **state)
{
	struct render_opts o = {20, false, false};

	(void)state;
	/* 4 wide = 8 columns each word: two words and a space is 17. */
	assert_wrap(&o, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad "
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad ab", "", "",
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad "
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad ab\n");
	assert_wrap(&o, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad "
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad abc", "", "",
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad "
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\nabc\n");
}

static void
long_word_is_broken_hard(void **state)
{
	struct render_opts o = {20, false, false};

	(void)state;
	assert_wrap(&o, "see xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx end",
	    "", "",
	    "see\nxxxxxxxxxxxxxxxxxxxx\nxxxxxxxxxxxxxxxxxxxx\nxxxxx end\n");
	assert_wrap(&o, "yyyyyyyyyyyyyyyyyyyyyyyyy", "> ", "| ",
	    "> yyyyyyyyyyyyyyyyyy\n| yyyyyyy\n");
}

static void
long_word_never_splits_a_character(void **state)
{
	struct render_opts o = {21, false, false};
	struct render_opts o20 = {20, false, false};
	struct buf { char s[200]; } wide = {{0}}, acc = {{0}};
	char *got;

	(void)state;
	for (int i = 0; i < 15; i++)
		strcat(wide.s, "\xe4\xb8\xad");
	/* 21 columns hold 10 wide characters, not 10.5. */
	got = render_wrap(&o, wide.s, "", "");
	assert_int_equal(strlen(got), 15 * 3 + 2);
	assert_int_equal(strchr(got, '\n') - got, 10 * 3);
	assert_lines_fit(got, 21);
	free(got);
	for (int i = 0; i < 30; i++)
		strcat(acc.s, "e\xcc\x81");	/* e + combining acute */
	got = render_wrap(&o20, acc.s, "", "");
	/* The combining mark stays with its letter. */
	assert_int_equal(strchr(got, '\n') - got, 20 * 3);
	assert_lines_fit(got, 20);
	free(got);
}

static void
emphasis_is_bold_only_with_colour(void **state)
{
	(void)state;
	assert_wrap(&plain40, "a *big* word", "", "", "a big word\n");
	assert_wrap(&boxes40, "a *big* word", "", "", "a big word\n");
	assert_wrap(&color40, "a *big* word", "", "",
	    "a \033[1mbig\033[22m word\n");
	assert_wrap(&color40, "(*psoas major*), done", "", "",
	    "(\033[1mpsoas major\033[22m), done\n");
}

static void
lone_asterisks_are_left_alone(void **state)
{
	(void)state;
	assert_wrap(&color40, "5 * 3 and 2*3*4 and * and **", "", "",
	    "5 * 3 and 2*3*4 and * and **\n");
	assert_wrap(&plain40, "*unclosed emphasis", "", "",
	    "*unclosed emphasis\n");
}

static void
emphasis_across_lines_is_closed_at_each_line_end(void **state)
{
	struct render_opts o = {20, true, false};

	(void)state;
	assert_wrap(&o, "xxxxxxxxxxxxxxx *one two* three", "  ", "  ",
	    "  xxxxxxxxxxxxxxx\n"
	    "  \033[1mone two\033[22m three\n");
	assert_wrap(&o, "xxxxxxxxxxxxx *one two three*", "", "",
	    "xxxxxxxxxxxxx \033[1mone\033[22m\n"
	    "\033[1mtwo three\033[22m\n");
}

/* --------------------------------------------------------------- pages */

static void
page_heading_names_lesson_and_page(void **state)
{
	struct lesson *l = load_path(SAMPLE_ONE);
	char *s = render_page(&plain40, l, 1);

	(void)state;
	assert_string_equal(s,
	    "Sample one: the hip flexor, page 2 of 2\n"
	    "Finding it\n"
	    "\n"
	    "Use slow, gentle pressure; 5 * 3 is\n"
	    "fifteen.\n"
	    "\n"
	    "PALPATION CUE: Ask for hip flexion\n"
	    "  The muscle tenses when the client\n"
	    "  lifts the knee.\n"
	    "\n"
	    "    - Keep the pressure light.\n");
	free(s);
	s = render_page(&plain40, l, 2);
	assert_string_equal(s, "");
	free(s);
	lesson_free(l);
}

static void
plain_mode_has_no_escapes_no_boxes_and_describes_figures(void **state)
{
	struct lesson *l = load_path(SAMPLE_ONE);
	char *s = render_page(&plain40, l, 0);

	(void)state;
	assert_no_escapes_or_boxes(s);
	assert_lines_fit(s, 40);
	assert_non_null(strstr(s, "\n  - Psoas major, from the lumbar spine.\n"));
	assert_non_null(strstr(s, "\nFigure 1: The two parts (schematic).\n"
	    "Description: Psoas major runs down from\n"));
	assert_null(strstr(s, "iliacus\n      \\"));	/* no art */
	assert_non_null(strstr(s, "\nCAUTION: Stop and refer\n  A pulsing"));
	free(s);
	s = render_lesson_intro(&plain40, l);
	assert_no_escapes_or_boxes(s);
	free(s);
	lesson_free(l);

	l = load_path(SAMPLE_TWO);
	s = render_page(&plain40, l, 0);
	assert_no_escapes_or_boxes(s);
	assert_non_null(strstr(s, "\nCOMMON MISCONCEPTION: \"The psoas stores"));
	assert_non_null(strstr(s, "\nNOTE: A note\n  Notes hold"));
	free(s);
	lesson_free(l);
}

static void
boxes_line_up_at_the_full_width(void **state)
{
	struct lesson *l = load_path(SAMPLE_TWO);
	char *s = render_page(&boxes40, l, 0);
	const char *p;
	size_t boxlines = 0;

	(void)state;
	assert_null(strchr(s, '\033'));
	assert_non_null(strstr(s, "\xe2\x94\x8c\xe2\x94\x80 COMMON "
	    "MISCONCEPTION \xe2\x94\x80"));
	assert_non_null(strstr(s, "\xe2\x94\x8c\xe2\x94\x80 NOTE "));
	/* Every line of a box (┌ │ ├ └) is exactly 40 columns. */
	for (p = s; *p != '\0';) {
		const char *nl = strchr(p, '\n');

		if (strncmp(p, "\xe2\x94", 2) == 0 &&
		    strchr("\x8c\x82\x9c\x94", p[2]) != NULL) {
			assert_int_equal(text_width(p, (size_t)(nl - p)), 40);
			boxlines++;
		}
		p = nl + 1;
	}
	assert_true(boxlines >= 10);
	free(s);
	lesson_free(l);
}

/*
 * For the pager: the page as blocks, the same lines as render_page; the
 * figure and the callout box each one block marked keep, from its first
 * line to its last, and text never marked.
 */
static void
page_layout_keeps_figures_and_boxes_whole(void **state)
{
	struct lesson *l = load_path(SAMPLE_ONE);
	struct layout t = {0};
	char *s = render_page(&boxes40, l, 0), *joined;
	size_t kept = 0;

	(void)state;
	render_page_layout(&boxes40, l, 0, &t);
	joined = layout_join(&t);
	assert_string_equal(joined, s);
	for (size_t b = 0; b < t.nblocks; b++) {
		const struct layout_block *blk = &t.blocks[b];
		const char *first = t.lines[blk->first].s;
		const char *last = t.lines[blk->first + blk->n - 1].s;

		assert_true(blk->n > 0);
		if (strncmp(first, "\xe2\x94\x8c", 3) == 0) {	/* ┌ */
			assert_true(blk->keep);
			assert_memory_equal(last, "\xe2\x94\x94", 3); /* └ */
			kept++;
		}
		if (strncmp(last, "Figure 1:", 9) == 0) {
			assert_true(blk->keep);
			assert_true(blk->n > 3);
			kept++;
		}
		if (!blk->keep)
			assert_null(strstr(first, "\xe2\x94\x82"));	/* │ */
		/* A blank line is a block of its own, never kept. */
		if (*first == '\0')
			assert_true(blk->n == 1 && !blk->keep);
	}
	assert_int_equal(kept, 2);
	free(joined);
	free(s);
	layout_destroy(&t);
	lesson_free(l);
}

/* Rendered text: a block per paragraph, colour codes take no columns. */
static void
text_layout_measures_without_colour_codes(void **state)
{
	struct layout t = {0};

	(void)state;
	render_text_layout("\033[1mbold\033[0m \xc3\xa9\nsecond\n\nnext\n",
	    true, &t);
	assert_int_equal(t.nlines, 4);
	assert_int_equal(t.lines[0].width, 6);
	assert_int_equal(t.nblocks, 3);
	assert_true(t.blocks[0].keep && t.blocks[0].n == 2);
	assert_true(!t.blocks[1].keep && t.blocks[1].n == 1);
	assert_true(t.blocks[2].keep && t.blocks[2].n == 1);
	layout_destroy(&t);
}

static void
colour_codes_appear_only_when_asked(void **state)
{
	struct lesson *l = load_path(SAMPLE_ONE);
	char *s = render_page(&color40, l, 0);

	(void)state;
	assert_non_null(strstr(s, "\033[31m"));	/* caution is red */
	assert_non_null(strstr(s, "\033[1;31mCAUTION\033[0m"));
	free(s);
	s = render_page(&color40, l, 1);
	assert_non_null(strstr(s, "\033[36m"));	/* palpation is cyan */
	free(s);
	s = render_page(&boxes40, l, 0);
	assert_null(strchr(s, '\033'));
	free(s);
	s = render_lesson_intro(&boxes40, l);
	assert_null(strchr(s, '\033'));
	free(s);
	lesson_free(l);
}

static void
figures_are_verbatim_where_they_fit_else_described(void **state)
{
	struct lesson *l = load_text("@lesson t\n@title T\n@topic x\n"
	    "@minutes 1\n@objective O\n@source s S\n"
	    "@page One\n@figure First\nart one\n@describe\nd [@s]\n@end\n"
	    "@page Two\n"
	    "@figure Second\n"
	    "  +------------------------------------------------+  wide\n"
	    "  |  a  b    c |\n"
	    "@describe\nd\n@end\n");
	struct render_opts o = {30, false, false}, wide = {60, false, false};
	char *s = render_page(&o, l, 1);

	(void)state;
	/*
	 * Wider than the terminal: art folded by the terminal is nonsense,
	 * so its description is shown, as --plain shows it, with a note.
	 */
	assert_null(strstr(s, "+-----"));
	assert_non_null(strstr(s, "(Figure 2 is too wide to draw\nhere.)\n"
	    "Figure 2: Second. Description:\nd\n"));
	free(s);
	/* Where it fits, verbatim, never reflowed. */
	s = render_page(&wide, l, 1);
	assert_non_null(strstr(s, "\n  +-----------------------------------"
	    "-------------+  wide\n  |  a  b    c |\n\nFigure 2: Second\n"));
	free(s);
	lesson_free(l);
}

static void
intro_lists_objectives_and_numbered_sources(void **state)
{
	struct lesson *l = load_path(SAMPLE_ONE);
	char *s = render_lesson_intro(&plain40, l);

	(void)state;
	assert_string_equal(s,
	    "Sample one: the hip flexor\n"
	    "Topic: anatomy\n"
	    "Estimated time: 1 minute, 2 pages\n"
	    "\n"
	    "Objectives:\n"
	    "  - Name the two parts of the iliopsoas.\n"
	    "  - Find the muscle safely.\n"
	    "\n"
	    "Sources: 2, listed at the end of the\n"
	    "  lesson ('sources' shows them at any\n"
	    "  time).\n");
	free(s);
	s = render_lesson_sources(&plain40, l);
	assert_string_equal(s,
	    "Sources for \"Sample one: the hip\n"
	    "  flexor\":\n"
	    "  [1] Sample Source A, Example Press,\n"
	    "      2020\n"
	    "  [2] Sample Source B \xe2\x80\x94\n"
	    "      https://example.org/psoas\n");
	free(s);
	lesson_free(l);
}

static void
style_wraps_sgr_codes_only_with_colour(void **state)
{
	char *s;

	(void)state;
	s = render_style(&boxes40, "red", "x");
	assert_string_equal(s, "x");
	free(s);
	s = render_style(&color40, "red", "x");
	assert_string_equal(s, "\033[31mx\033[0m");
	free(s);
	s = render_style(&color40, "bold cyan", "x");
	assert_string_equal(s, "\033[1;36mx\033[0m");
	free(s);
	s = render_style(&color40, "no-such-style", "x");
	assert_string_equal(s, "x");
	free(s);
}

/* ----------------------------------------------------------- detection */

/* Run detect with stdout on fd (a pty or /dev/null), then restore it. */
static void
detect_on(int fd, struct render_opts *o, bool no_color, bool plain)
{
	int saved = dup(STDOUT_FILENO);

	assert_true(saved >= 0);
	fflush(stdout);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	render_opts_detect(o, no_color, plain);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
}

static void
width_comes_from_columns_when_not_a_terminal(void **state)
{
	int fd = open("/dev/null", O_WRONLY);
	struct render_opts o;
	static const struct {
		const char *columns;
		int width;
	} cases[] = {
		{"50", 50}, {"5", 20}, {"500", 100}, {"abc", 80}, {"", 80},
		{NULL, 80},
	};

	(void)state;
	assert_true(fd >= 0);
	setenv("TERM", "xterm", 1);
	unsetenv("NO_COLOR");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].columns != NULL)
			setenv("COLUMNS", cases[i].columns, 1);
		else
			unsetenv("COLUMNS");
		detect_on(fd, &o, false, false);
		assert_int_equal(o.width, cases[i].width);
		assert_false(o.color);	/* not a tty */
		assert_false(o.plain);
	}
	detect_on(fd, &o, false, true);
	assert_true(o.plain);
	setenv("TERM", "dumb", 1);
	detect_on(fd, &o, false, false);
	assert_true(o.plain);
	close(fd);
}

static void
colour_needs_a_terminal_and_no_opt_out(void **state)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY), slave;
	struct winsize ws = {.ws_row = 24, .ws_col = 72};
	struct render_opts o;

	(void)state;
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
		skip();
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	assert_int_equal(ioctl(slave, TIOCSWINSZ, &ws), 0);
	setenv("TERM", "xterm", 1);
	setenv("COLUMNS", "30", 1);
	unsetenv("NO_COLOR");

	detect_on(slave, &o, false, false);
	assert_int_equal(o.width, 72);	/* the terminal beats $COLUMNS */
	assert_true(o.color);
	assert_false(o.plain);
	setenv("NO_COLOR", "", 1);	/* empty means unset */
	detect_on(slave, &o, false, false);
	assert_true(o.color);
	setenv("NO_COLOR", "1", 1);
	detect_on(slave, &o, false, false);
	assert_false(o.color);
	unsetenv("NO_COLOR");
	detect_on(slave, &o, true, false);
	assert_false(o.color);
	detect_on(slave, &o, false, true);
	assert_false(o.color);
	assert_true(o.plain);
	setenv("TERM", "dumb", 1);
	detect_on(slave, &o, false, false);
	assert_false(o.color);
	assert_true(o.plain);
	close(slave);
	close(master);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_fill_lines_up_to_the_exact_width),
		cmocka_unit_test(empty_text_gives_one_empty_line),
		cmocka_unit_test(indent_and_hang_prefix_the_lines),
		cmocka_unit_test(put_prints_the_wrapped_text),
		cmocka_unit_test(accented_letters_take_one_column),
		cmocka_unit_test(wide_characters_take_two_columns),
		cmocka_unit_test(long_word_is_broken_hard),
		cmocka_unit_test(long_word_never_splits_a_character),
		cmocka_unit_test(emphasis_is_bold_only_with_colour),
		cmocka_unit_test(lone_asterisks_are_left_alone),
		cmocka_unit_test(emphasis_across_lines_is_closed_at_each_line_end),
		cmocka_unit_test(page_heading_names_lesson_and_page),
		cmocka_unit_test(
		    plain_mode_has_no_escapes_no_boxes_and_describes_figures),
		cmocka_unit_test(boxes_line_up_at_the_full_width),
		cmocka_unit_test(page_layout_keeps_figures_and_boxes_whole),
		cmocka_unit_test(text_layout_measures_without_colour_codes),
		cmocka_unit_test(colour_codes_appear_only_when_asked),
		cmocka_unit_test(figures_are_verbatim_where_they_fit_else_described),
		cmocka_unit_test(intro_lists_objectives_and_numbered_sources),
		cmocka_unit_test(style_wraps_sgr_codes_only_with_colour),
		cmocka_unit_test(width_comes_from_columns_when_not_a_terminal),
		cmocka_unit_test(colour_needs_a_terminal_and_no_opt_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
