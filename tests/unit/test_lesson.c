/*
 * Unit tests of the lesson parser: good lessons build the right tree, and
 * every kind of mistake gives the exact diagnostic an author will see,
 * with its line and column.  Lessons are parsed from memory under the
 * name "t.lesson"; lesson_load, the thin wrapper that reads a file, is
 * tested on the fixture course and a missing file.
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

#include "diag.h"
#include "lesson.h"
#include "xmalloc.h"
#include "scratch.h"

/* Parse text as t.lesson; d collects the messages. */
static struct lesson *
load_n(const char *text, size_t len, struct diag *d)
{
	diag_init(d);
	return lesson_parse("t.lesson", text, len, d);
}

static struct lesson *
load(const char *text, struct diag *d)
{
	return load_n(text, strlen(text), d);
}

/* All messages, one per line, for comparing in one assert. */
static char *
joined(const struct diag *d)
{
	size_t len = 1;
	char *s;

	for (size_t i = 0; i < d->n; i++)
		len += strlen(d->msgs[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		strcat(s, d->msgs[i]);
		strcat(s, "\n");
	}
	return s;
}

/* text must fail to load with exactly the messages in expected. */
static void
expect_errors_n(const char *text, size_t len, const char *expected)
{
	struct diag d;
	struct lesson *l = load_n(text, len, &d);
	char *got = joined(&d);

	assert_null(l);
	assert_string_equal(got, expected);
	assert_true(d.errors > 0);
	free(got);
	diag_destroy(&d);
}

static void
expect_errors(const char *text, const char *expected)
{
	expect_errors_n(text, strlen(text), expected);
}

static struct lesson *
load_ok(const char *text)
{
	struct diag d;
	struct lesson *l = load(text, &d);
	char *got = joined(&d);

	assert_string_equal(got, "");
	assert_non_null(l);
	free(got);
	diag_destroy(&d);
	return l;
}

#define HEADER \
	"@lesson t1\n" \
	"@title A title\n" \
	"@topic anatomy\n" \
	"@minutes 12\n" \
	"@objective First objective\n" \
	"@source s A source\n"

/* --------------------------------------------------------- good lessons */

static void
header_directives_fill_the_lesson(void **state)
{
	struct lesson *l = load_ok("# a comment\n"
	    "@lesson psoas-2\n"
	    "@title   Psoas *major*  \n"
	    "@topic anatomy\n"
	    "@minutes 600\n"
	    "@objective One\n"
	    "@source s1 S1\n"
	    "@objective Two\n"
	    "@source s2 S2\n"
	    "\n"
	    "@page P\n"
	    "Text [@s2][@s1].\n");

	(void)state;
	assert_string_equal(l->path, "t.lesson");
	assert_string_equal(l->id, "psoas-2");
	assert_string_equal(l->title, "Psoas *major*");
	assert_string_equal(l->topic, "anatomy");
	assert_int_equal(l->minutes, 600);
	assert_int_equal(l->nobjectives, 2);
	assert_string_equal(l->objectives[1], "Two");
	assert_int_equal(l->nsources, 2);
	assert_string_equal(l->sources[0].id, "s1");
	assert_string_equal(l->sources[0].text, "S1");
	assert_int_equal(l->npages, 1);
	assert_string_equal(l->pages[0].title, "P");
	assert_int_equal(l->pages[0].lineno, 11);
	/* Citations are numbered by their source's place in the header. */
	assert_string_equal(l->pages[0].blocks[0].text, "Text [2][1].");
	lesson_free(l);
}

static void
paragraph_lines_are_joined_with_one_space(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "  First   line\t\n"
	    "second line.[@s]\n"
	    "\n"
	    "\n"
	    "Another *para*.\n");
	const struct page *p = &l->pages[0];

	(void)state;
	assert_int_equal(p->nblocks, 2);
	assert_int_equal(p->blocks[0].kind, BLOCK_PARA);
	assert_int_equal(p->blocks[0].lineno, 8);
	assert_string_equal(p->blocks[0].text, "First   line second line.[1]");
	assert_string_equal(p->blocks[1].text, "Another *para*.");
	lesson_free(l);
}

static void
bullets_take_indented_continuation_lines(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "Intro:\n"
	    "- one\n"
	    "  continued\n"
	    "-\ttwo\n"
	    "after the list [@s]\n");
	const struct page *p = &l->pages[0];

	(void)state;
	assert_int_equal(p->nblocks, 4);
	assert_int_equal(p->blocks[0].kind, BLOCK_PARA);
	assert_int_equal(p->blocks[1].kind, BLOCK_BULLET);
	assert_string_equal(p->blocks[1].text, "one continued");
	assert_int_equal(p->blocks[2].kind, BLOCK_BULLET);
	assert_string_equal(p->blocks[2].text, "two");
	assert_int_equal(p->blocks[3].kind, BLOCK_PARA);
	assert_string_equal(p->blocks[3].text, "after the list [1]");
	lesson_free(l);
}

static void
escapes_and_comments_follow_the_format(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "@@home is literal\n"
	    "# a comment line\n"
	    "\\# not a comment\n"
	    "-5 degrees is not a bullet [@s]\n");

	(void)state;
	assert_int_equal(l->pages[0].nblocks, 1);
	assert_string_equal(l->pages[0].blocks[0].text,
	    "@home is literal # not a comment -5 degrees is not a bullet "
	    "[1]");
	lesson_free(l);
}

static void
figure_body_is_verbatim(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "@figure The *caption*\n"
	    "\n"
	    "  @page not a directive  \n"
	    "# not a comment\n"
	    "a\tb\n"
	    "\n"
	    "@describe\n"
	    "The text\n"
	    "\n"
	    "description. [@s]\n"
	    "@end\n");
	const struct block *b = &l->pages[0].blocks[0];

	(void)state;
	assert_int_equal(l->pages[0].nblocks, 1);
	assert_int_equal(b->kind, BLOCK_FIGURE);
	assert_int_equal(b->lineno, 8);
	assert_string_equal(b->text, "The *caption*");
	assert_int_equal(b->nlines, 3);
	assert_string_equal(b->lines[0], "  @page not a directive");
	assert_string_equal(b->lines[1], "# not a comment");
	assert_string_equal(b->lines[2], "a       b");	/* tab stop 8 */
	assert_string_equal(b->description, "The text description. [1]");
	lesson_free(l);
}

static void
describe_may_start_the_description_on_its_line(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "@figure C\n"
	    "art\n"
	    "@describe Inline [@s]\n"
	    "and more.\n"
	    "@end\n");

	(void)state;
	assert_string_equal(l->pages[0].blocks[0].description,
	    "Inline [1] and more.");
	lesson_free(l);
}

static void
callouts_hold_paragraphs_and_bullets(void **state)
{
	struct lesson *l = load_ok(HEADER "@page P\n"
	    "@caution Stop [@s]\n"
	    "Refer.\n"
	    "- a bullet\n"
	    "@end\n"
	    "@palpation\n"
	    "Cue.\n"
	    "@end\n"
	    "@note N\n"
	    "Note.\n"
	    "@end\n"
	    "@misconception M\n"
	    "Myth.\n"
	    "@end\n");
	const struct page *p = &l->pages[0];

	(void)state;
	assert_int_equal(p->nblocks, 4);
	assert_int_equal(p->blocks[0].kind, BLOCK_CALLOUT);
	assert_int_equal(p->blocks[0].callout, CALLOUT_CAUTION);
	assert_string_equal(p->blocks[0].text, "Stop [1]");
	assert_int_equal(p->blocks[0].nchildren, 2);
	assert_int_equal(p->blocks[0].children[0].kind, BLOCK_PARA);
	assert_string_equal(p->blocks[0].children[0].text, "Refer.");
	assert_int_equal(p->blocks[0].children[1].kind, BLOCK_BULLET);
	assert_int_equal(p->blocks[1].callout, CALLOUT_PALPATION);
	assert_null(p->blocks[1].text);
	assert_int_equal(p->blocks[2].callout, CALLOUT_NOTE);
	assert_int_equal(p->blocks[3].callout, CALLOUT_MISCONCEPTION);
	assert_string_equal(p->blocks[3].children[0].text, "Myth.");
	lesson_free(l);
}

static void
bom_and_crlf_are_accepted(void **state)
{
	struct lesson *l = load_ok("\xef\xbb\xbf@lesson t1\r\n"
	    "@title T\r\n@topic x\r\n@minutes 1\r\n@objective O\r\n"
	    "@source s S\r\n@page P\r\nText\r\nmore [@s]\r\n");

	(void)state;
	assert_string_equal(l->id, "t1");
	assert_string_equal(l->pages[0].blocks[0].text, "Text more [1]");
	lesson_free(l);
}

static void
fixture_course_lessons_load(void **state)
{
	struct diag d;
	struct lesson *l;

	(void)state;
	diag_init(&d);
	l = lesson_load(BUILD_SRCDIR
	    "/tests/data/course/lessons/01-sample-one.lesson", &d);
	assert_int_equal(d.n, 0);
	assert_non_null(l);
	assert_string_equal(l->id, "sample-one");
	assert_int_equal(l->npages, 2);
	lesson_free(l);
	l = lesson_load(BUILD_SRCDIR
	    "/tests/data/course/lessons/02-sample-two.lesson", &d);
	assert_int_equal(d.n, 0);
	assert_non_null(l);
	assert_string_equal(l->id, "sample-two");
	lesson_free(l);
	diag_destroy(&d);
}

/* --------------------------------------------------------- bad files */

static void
missing_file_is_reported(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_null(lesson_load("no-such.lesson", &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.msgs[0],
	    "no-such.lesson: error: cannot open: No such file or directory");
	diag_destroy(&d);
}

static void
empty_file_is_one_error(void **state)
{
	(void)state;
	expect_errors("", "t.lesson:1: error: empty lesson file (it needs a "
	    "header and at least one '@page')\n");
	expect_errors("\n  \n# only a comment\n", "t.lesson:1: error: empty "
	    "lesson file (it needs a header and at least one '@page')\n");
}

static void
invalid_utf8_gives_line_and_column(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\nab\xc3\x28 text\n@caution\n",
	    "t.lesson:8:3: error: invalid UTF-8 (byte 0xc3)\n"
	    "t.lesson:9:1: error: unterminated caution block (no '@end')\n");
}

static void
binary_junk_is_one_error(void **state)
{
	static const char junk[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0";

	(void)state;
	expect_errors_n(junk, sizeof junk - 1,
	    "t.lesson:1: error: binary file (contains NUL bytes)\n");
}

static void
control_characters_and_nul_are_errors(void **state)
{
	static const char text[] = HEADER "@page P\nok\x1b[1m\nnul\0here\n";

	(void)state;
	expect_errors_n(text, sizeof text - 1,
	    "t.lesson:8:3: error: control character 0x1b\n"
	    "t.lesson:9:4: error: NUL byte (is this a binary file?)\n");
}

/*
 * U+0080..U+009F are control characters too: a terminal may take U+009B
 * as CSI, so a lesson could smuggle escape codes past the renderer.
 */
static void
c1_control_characters_are_errors(void **state)
{
	static const char text[] = HEADER "@page P\nA CSI \xc2\x9b" "31m red\n"
	    "next \xc2\x85 line\n";

	(void)state;
	expect_errors(text,
	    "t.lesson:8:7: error: control character U+009B\n"
	    "t.lesson:9:6: error: control character U+0085\n");
}

static void
long_line_is_one_clean_error(void **state)
{
	size_t n = 5000;
	char *text = xmalloc(n + 200);

	(void)state;
	strcpy(text, HEADER "@page P\n");
	memset(text + strlen(text), 'x', n);
	strcpy(text + strlen(HEADER "@page P\n") + n, "\nmore\n");
	expect_errors(text, "t.lesson:8: error: line is longer than 4096 "
	    "bytes\n");
	free(text);
}

static void
only_a_long_line_is_still_one_error(void **state)
{
	size_t n = 1000000;
	char *text = xmalloc(n + 1);

	(void)state;
	memset(text, 'a', n);
	text[n] = '\0';
	expect_errors(text, "t.lesson:1: error: line is longer than 4096 "
	    "bytes\n");
	free(text);
}

static void
unterminated_figure_is_reported_at_its_start(void **state)
{
	(void)state;
	/* Everything after it is figure body: no further noise. */
	expect_errors(HEADER "@page P\nText.\n@figure Cap\nart\n"
	    "@page Q\nWide enough to break the figure width rule, so that "
	    "we check it is not reported at all.\n",
	    "t.lesson:9:1: error: unterminated figure block (no '@end')\n");
	expect_errors(HEADER "@page P\nText.\n@figure Cap\nart\n@describe\n"
	    "Desc.\n@page Q\nMore.\n",
	    "t.lesson:9:1: error: unterminated figure block (no '@end')\n");
}

static void
unterminated_callout_is_reported_and_parsing_goes_on(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\n@note N\nText.\n@page Q\n@end\n",
	    "t.lesson:8:1: error: unterminated note block (no '@end')\n"
	    "t.lesson:11:1: error: '@end' with no open block\n"
	    "t.lesson:10: error: page 'Q' has no content\n");
	expect_errors(HEADER "@page P\n@misconception\nText.\n@caution X\n"
	    "Y\n@end\n",
	    "t.lesson:8:1: error: unterminated misconception block "
	    "(no '@end')\n");
}

static void
unknown_directive_suggests_the_nearest(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\n@cuation Careful\nx\n@end\n"
	    "@Note\ny\n@end\n@title: x\n",
	    "t.lesson:8:1: error: unknown directive '@cuation'; did you mean "
	    "'@caution'?\n"
	    "t.lesson:11:1: error: unknown directive '@Note'; did you mean "
	    "'@note'?\n"
	    "t.lesson:14:1: error: unknown directive '@title:'; did you mean "
	    "'@title'?\n");
	/* Only the one @end that the typo may have opened is excused. */
	expect_errors(HEADER "@page P\n@notee\nx\n@end\n@end\n",
	    "t.lesson:8:1: error: unknown directive '@notee'; did you mean "
	    "'@note'?\n"
	    "t.lesson:11:1: error: '@end' with no open block\n");
	expect_errors(HEADER "@page P\nText\n@zzzzzzzz\n@ alone\n",
	    "t.lesson:9:1: error: unknown directive '@zzzzzzzz'\n"
	    "t.lesson:10:1: error: '@' without a directive name (write '@@' "
	    "for a literal '@')\n");
}

static void
duplicate_header_directives_are_errors(void **state)
{
	(void)state;
	expect_errors(HEADER "@title Again\n@lesson t2\n@minutes 3\n"
	    "@page P\nx\n",
	    "t.lesson:7:1: error: duplicate '@title' (first given at line 2)\n"
	    "t.lesson:8:1: error: duplicate '@lesson' (first given at line 1)\n"
	    "t.lesson:9:1: error: duplicate '@minutes' (first given at line "
	    "4)\n");
}

static void
header_directive_after_a_page_is_an_error(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\nx\n@objective Late\n",
	    "t.lesson:9:1: error: '@objective' belongs in the header, before "
	    "the first '@page'\n");
}

static void
lesson_must_be_the_first_directive(void **state)
{
	(void)state;
	expect_errors("@title T\n@lesson t1\n@topic x\n@minutes 1\n"
	    "@objective O\n@source s S\n@page P\nx\n",
	    "t.lesson:2:1: error: '@lesson' must be the first directive of "
	    "the file\n");
}

static void
missing_header_directives_are_reported_at_the_first_page(void **state)
{
	(void)state;
	expect_errors("@lesson t1\n@title T\n\n@page P\nx\n",
	    "t.lesson:4: error: missing '@topic' in the lesson header\n"
	    "t.lesson:4: error: missing '@minutes' in the lesson header\n"
	    "t.lesson:4: error: missing '@objective' in the lesson header\n"
	    "t.lesson:4: error: missing '@source' in the lesson header\n");
}

static void
lesson_without_pages_is_an_error(void **state)
{
	(void)state;
	expect_errors(HEADER, "t.lesson:1: error: lesson has no '@page'\n");
	expect_errors("@lesson x\n", "t.lesson:1: error: missing '@title' in "
	    "the lesson header\n"
	    "t.lesson:1: error: missing '@topic' in the lesson header\n"
	    "t.lesson:1: error: missing '@minutes' in the lesson header\n"
	    "t.lesson:1: error: missing '@objective' in the lesson header\n"
	    "t.lesson:1: error: missing '@source' in the lesson header\n"
	    "t.lesson:1: error: lesson has no '@page'\n");
}

static void
empty_page_is_an_error(void **state)
{
	(void)state;
	expect_errors(HEADER "@page Empty\n# only a comment\n\n@page Full\nx\n"
	    "@page Last\n",
	    "t.lesson:7: error: page 'Empty' has no content\n"
	    "t.lesson:12: error: page 'Last' has no content\n");
}

static void
bad_minutes_are_errors(void **state)
{
	static const char *const bad[] = {"0", "601", "abc", "5 min", "-3",
	    "99999999999999999999"};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = xasprintf("@lesson t1\n@title T\n@topic x\n"
		    "@minutes %s\n@objective O\n@source s S\n@page P\nx\n",
		    bad[i]);
		char *want = xasprintf("t.lesson:4:10: error: bad '@minutes' "
		    "value '%s' (a whole number from 1 to 600)\n", bad[i]);

		expect_errors(text, want);
		free(text);
		free(want);
	}
}

static void
bad_ids_are_errors(void **state)
{
	static const char *const bad[] = {"Psoas", "-psoas", "psoas_major",
	    "a23456789012345678901234567890123456789012"};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = xasprintf("@lesson %s\n@title T\n@topic x\n"
		    "@minutes 4\n@objective O\n@source s S\n@page P\nx\n",
		    bad[i]);
		char *want = xasprintf("t.lesson:1:9: error: bad lesson id "
		    "'%s' (use a-z, 0-9 and '-', not '-' first, at most 40 "
		    "bytes)\n", bad[i]);

		expect_errors(text, want);
		free(text);
		free(want);
	}
}

static void
directives_that_need_a_value_say_so(void **state)
{
	(void)state;
	expect_errors("@lesson\n@title T\n@topic   \n@minutes 4\n"
	    "@objective O\n@source s S\n@page\nx\n@figure\nart\n@describe\nd\n"
	    "@end\n",
	    "t.lesson:1: error: '@lesson' needs a value\n"
	    "t.lesson:3: error: '@topic' needs a value\n"
	    "t.lesson:7: error: '@page' needs a value\n"
	    "t.lesson:9: error: '@figure' needs a value\n");
}

static void
wide_figure_line_is_an_error_at_its_column(void **state)
{
	char *art = xmalloc(100);
	char *text;

	(void)state;
	/* 75 ASCII columns, then a wide character: 77 columns. */
	memset(art, '-', 75);
	strcpy(art + 75, "\xe4\xb8\xad   ");
	text = xasprintf(HEADER "@page P\n@figure C\n%s\n"
	    "\t\t\t\t\t\t\t\t\t\tx\n@describe\nd\n@end\n", art);
	expect_errors(text,
	    "t.lesson:9:76: error: figure line is 77 columns wide (at most "
	    "76)\n"
	    "t.lesson:10:11: error: figure line is 81 columns wide (at most "
	    "76)\n");
	free(text);
	/* Exactly 76 columns is fine. */
	memset(art, '-', 76);
	strcpy(art + 76, "  ");
	text = xasprintf(HEADER "@page P\n@figure C\n%s\n@describe\nd [@s]\n@end\n",
	    art);
	lesson_free(load_ok(text));
	free(text);
	free(art);
}

static void
figure_needs_a_body_and_a_description(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\n@figure C\nart\n@end\n",
	    "t.lesson:8: error: figure has no '@describe' (a text description "
	    "is required)\n");
	expect_errors(HEADER "@page P\nx\n@figure C\n\n@describe\n\n@end\n",
	    "t.lesson:9: error: figure has no body\n"
	    "t.lesson:11: error: figure description is empty\n");
	expect_errors(HEADER "@page P\n@figure C\nart\n@describe\nd\n"
	    "@describe\ne\n@end\n",
	    "t.lesson:12:1: error: '@describe' given twice in one figure\n");
}

static void
stray_end_and_describe_are_errors(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\nx\n@end\n@describe\n@note\ny\n@describe\n"
	    "@end now\n",
	    "t.lesson:9:1: error: '@end' with no open block\n"
	    "t.lesson:10:1: error: '@describe' outside a figure\n"
	    "t.lesson:13:1: error: '@describe' outside a figure\n"
	    "t.lesson:14:6: error: '@end' takes no value\n");
}

static void
text_before_the_first_page_is_one_error_per_run(void **state)
{
	(void)state;
	expect_errors("@lesson t1\nStray text\nmore stray\n@title T\n"
	    "@topic x\n@minutes 1\n@objective O\n@source s S\nagain\n@page P\nx\n",
	    "t.lesson:2:1: error: text before the first '@page' (header lines "
	    "are directives or '#' comments)\n"
	    "t.lesson:9:1: error: text before the first '@page' (header lines "
	    "are directives or '#' comments)\n");
}

static void
block_before_the_first_page_is_an_error(void **state)
{
	(void)state;
	expect_errors(HEADER "@note\nx\n@end\n@page P\ny\n",
	    "t.lesson:7:1: error: '@note' before the first '@page'\n");
}

static void
empty_callout_is_an_error(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\nx\n@palpation Cue\n\n@end\n",
	    "t.lesson:9: error: palpation block has no text\n");
}

static void
hostile_inputs_never_crash(void **state)
{
	static const char *const inputs[] = {
		"@", "@@", "@end", "@describe", "@figure", "@page", "-",
		"@figure x\n@describe", "@page p\n@figure x\n@describe\n@end",
		"@page p\n-\n- \n-\t\n  \n", "@lesson \xff", "\xef\xbb\xbf",
		"\r\n\r\n", "@page p\n@note\n@note\n@note\n", "*",
	};
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		lesson_free(load(inputs[i], &d));
		diag_destroy(&d);
	}
}

/* ----------------------------------------------------- sources, cites */

static void
orientation_marks_a_lesson_that_is_not_ce_content(void **state)
{
	struct lesson *l = load_ok(HEADER "@orientation\n@page P\nx [@s]\n");

	(void)state;
	assert_true(l->orientation);
	assert_int_equal(l->minutes_line, 4);
	lesson_free(l);
	l = load_ok(HEADER "@page P\nx [@s]\n");
	assert_false(l->orientation);
	lesson_free(l);
	expect_errors(HEADER "@orientation yes\n@page P\nx [@s]\n",
	    "t.lesson:7:14: error: '@orientation' takes no value\n");
}

static void
a_citation_must_name_a_source_of_the_lesson(void **state)
{
	(void)state;
	expect_errors(HEADER "@page P\nOne [@s] two [@gray1918].\n"
	    "- a bullet [@s][@nope]\n"
	    "@note Title [@t]\nx\n@end\n",
	    "t.lesson:8:14: error: citation '[@gray1918]' names no '@source' "
	    "of this lesson\n"
	    "t.lesson:9:16: error: citation '[@nope]' names no '@source' of "
	    "this lesson\n"
	    "t.lesson:10:13: error: citation '[@t]' names no '@source' of "
	    "this lesson\n");
	expect_errors(HEADER "@page P\nOpen [@s and more\n",
	    "t.lesson:8:6: error: citation '[@' is not closed by ']' (cite a "
	    "source as '[@ID]')\n");
}

static void
a_source_nothing_cites_is_an_error_at_its_line(void **state)
{
	(void)state;
	expect_errors(HEADER "@source unused Never cited\n"
	    "@source used Cited\n@page P\nx [@used][@s]\n",
	    "t.lesson:7: error: source 'unused' is not cited: no "
	    "'[@unused]' in the lesson\n");
}

static void
a_source_needs_an_id_and_text_once(void **state)
{
	(void)state;
	expect_errors(HEADER "@source Gray's Anatomy\n@source nothing\n"
	    "@source s Again\n@page P\nx [@s]\n",
	    "t.lesson:7:9: error: '@source' needs an id and the citation: "
	    "'@source ID TEXT' (ID: a-z, 0-9 and '-', not '-' first, at most "
	    "40 bytes)\n"
	    "t.lesson:8:9: error: '@source' needs an id and the citation: "
	    "'@source ID TEXT' (ID: a-z, 0-9 and '-', not '-' first, at most "
	    "40 bytes)\n"
	    "t.lesson:9:9: error: duplicate source id 's' (first given at "
	    "line 6)\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_directives_fill_the_lesson),
		cmocka_unit_test(paragraph_lines_are_joined_with_one_space),
		cmocka_unit_test(bullets_take_indented_continuation_lines),
		cmocka_unit_test(escapes_and_comments_follow_the_format),
		cmocka_unit_test(figure_body_is_verbatim),
		cmocka_unit_test(describe_may_start_the_description_on_its_line),
		cmocka_unit_test(callouts_hold_paragraphs_and_bullets),
		cmocka_unit_test(bom_and_crlf_are_accepted),
		cmocka_unit_test(fixture_course_lessons_load),
		cmocka_unit_test(missing_file_is_reported),
		cmocka_unit_test(empty_file_is_one_error),
		cmocka_unit_test(invalid_utf8_gives_line_and_column),
		cmocka_unit_test(binary_junk_is_one_error),
		cmocka_unit_test(control_characters_and_nul_are_errors),
		cmocka_unit_test(c1_control_characters_are_errors),
		cmocka_unit_test(long_line_is_one_clean_error),
		cmocka_unit_test(only_a_long_line_is_still_one_error),
		cmocka_unit_test(unterminated_figure_is_reported_at_its_start),
		cmocka_unit_test(
		    unterminated_callout_is_reported_and_parsing_goes_on),
		cmocka_unit_test(unknown_directive_suggests_the_nearest),
		cmocka_unit_test(duplicate_header_directives_are_errors),
		cmocka_unit_test(header_directive_after_a_page_is_an_error),
		cmocka_unit_test(lesson_must_be_the_first_directive),
		cmocka_unit_test(
		    missing_header_directives_are_reported_at_the_first_page),
		cmocka_unit_test(lesson_without_pages_is_an_error),
		cmocka_unit_test(empty_page_is_an_error),
		cmocka_unit_test(bad_minutes_are_errors),
		cmocka_unit_test(bad_ids_are_errors),
		cmocka_unit_test(directives_that_need_a_value_say_so),
		cmocka_unit_test(wide_figure_line_is_an_error_at_its_column),
		cmocka_unit_test(figure_needs_a_body_and_a_description),
		cmocka_unit_test(stray_end_and_describe_are_errors),
		cmocka_unit_test(text_before_the_first_page_is_one_error_per_run),
		cmocka_unit_test(block_before_the_first_page_is_an_error),
		cmocka_unit_test(empty_callout_is_an_error),
		cmocka_unit_test(hostile_inputs_never_crash),
		cmocka_unit_test(
		    orientation_marks_a_lesson_that_is_not_ce_content),
		cmocka_unit_test(a_citation_must_name_a_source_of_the_lesson),
		cmocka_unit_test(a_source_nothing_cites_is_an_error_at_its_line),
		cmocka_unit_test(a_source_needs_an_id_and_text_once),
	};

	return cmocka_run_group_tests(tests, scratch_setup,
	    scratch_teardown);
}
