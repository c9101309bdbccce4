/*
 * Unit tests of the shared text layer: UTF-8 validation and decoding
 * (overlongs, surrogates, truncation, out of range), display widths, and
 * srcfile's byte-level checks of course files (BOM, CR LF, NUL, control
 * characters, long lines, binary files), directive splitting, the escape
 * rules, the "did you mean" suggestions and the directive rules.
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
#include "grade.h"
#include "srcfile.h"
#include "text.h"
#include "xmalloc.h"
#include "scratch.h"

/* ---------------------------------------------------------------- UTF-8 */

static bool
valid(const char *s)
{
	return text_utf8_valid(s, strlen(s), NULL);
}

static void
utf8_accepts_every_sequence_length(void **state)
{
	(void)state;
	assert_true(valid(""));
	assert_true(valid("plain ASCII\t~"));
	assert_true(valid("\xc2\x80"));			/* U+0080 */
	assert_true(valid("caf\xc3\xa9"));
	assert_true(valid("\xe2\x80\x94"));		/* em dash */
	assert_true(valid("\xef\xbf\xbf"));		/* U+FFFF */
	assert_true(valid("\xf0\x9f\x92\xaa"));		/* U+1F4AA */
	assert_true(valid("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
	assert_true(valid("\xed\x9f\xbf"));		/* U+D7FF */
	assert_true(valid("\xee\x80\x80"));		/* U+E000 */
}

static void
utf8_rejects_overlongs_surrogates_and_junk(void **state)
{
	static const struct {
		const char *s;
		size_t bad;
	} cases[] = {
		{"\xc0\xaf", 0},		/* overlong '/' */
		{"\xc1\xbf", 0},		/* overlong U+007F */
		{"ab\xe0\x80\xaf", 2},		/* overlong, 3 bytes */
		{"\xe0\x9f\xbf", 0},		/* overlong U+07FF */
		{"\xf0\x8f\xbf\xbf", 0},	/* overlong U+FFFF */
		{"x\xed\xa0\x80", 1},		/* surrogate U+D800 */
		{"\xed\xbf\xbf", 0},		/* surrogate U+DFFF */
		{"\xf4\x90\x80\x80", 0},	/* U+110000 */
		{"\xf5\x80\x80\x80", 0},
		{"\xf8\x88\x80\x80\x80", 0},	/* 5-byte form */
		{"\xff", 0},
		{"abc\x80", 3},			/* lone continuation */
		{"\xc3", 0},			/* truncated */
		{"\xe2\x80", 0},		/* truncated */
		{"ok\xe2\x80z", 2},		/* bad continuation */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t bad = 99;

		if (text_utf8_valid(cases[i].s, strlen(cases[i].s), &bad))
			fail_msg("case %zu accepted", i);
		assert_int_equal(bad, cases[i].bad);
	}
	/* The length bounds the check: a NUL inside is just a byte. */
	assert_true(text_utf8_valid("a\0b", 3, NULL));
	assert_false(text_utf8_valid("\xc3\xa9", 1, NULL));
}

static void
decode_always_makes_progress(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_utf8_decode("\xe4\xb8\xad", 3, &cp), 3);
	assert_int_equal(cp, 0x4e2d);
	assert_int_equal(text_utf8_decode("\xf0\x9f\x92\xaa", 4, &cp), 4);
	assert_int_equal(cp, 0x1f4aa);
	assert_int_equal(text_utf8_decode("\xc0\xaf", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_utf8_decode("\xed\xa0\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_utf8_decode("\xe4\xb8", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_utf8_decode("", 0, &cp), 1);
	assert_int_equal(cp, 0xfffd);
}

static void
widths_count_terminal_columns(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width('\t'), 0);
	assert_int_equal(text_cp_width(0x7f), 0);
	assert_int_equal(text_cp_width(0x301), 0);	/* combining acute */
	assert_int_equal(text_cp_width(0x200b), 0);	/* zero width space */
	assert_int_equal(text_cp_width(0xfeff), 0);	/* BOM */
	assert_int_equal(text_cp_width(0xe9), 1);
	assert_int_equal(text_cp_width(0x2500), 1);	/* box drawing */
	assert_int_equal(text_cp_width(0x4e2d), 2);	/* CJK */
	assert_int_equal(text_cp_width(0xac00), 2);	/* Hangul */
	assert_int_equal(text_cp_width(0xff21), 2);	/* fullwidth A */
	assert_int_equal(text_cp_width(0x1f4aa), 2);	/* emoji */
	assert_int_equal(text_width("caf\xc3\xa9", 5), 4);
	assert_int_equal(text_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	assert_int_equal(text_width("", 0), 0);
	/* Invalid bytes count as U+FFFD: one column each. */
	assert_int_equal(text_width("\xff\xfe", 2), 2);
	assert_int_equal(text_cp_count("caf\xc3\xa9", 5), 4);
	assert_int_equal(text_cp_count("\xf0\x9f\x92\xaa!", 5), 2);
}

/*
 * Emoji a health course uses (an ambulance, a check mark, an anatomical
 * heart) are two columns on a terminal; counting one misaligns the right
 * border of a callout box.  Combining marks outside U+0300..U+036F take
 * no column.
 */
static void
emoji_and_extended_combining_marks_have_terminal_widths(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x1f691), 2);	/* ambulance */
	assert_int_equal(text_cp_width(0x1fac0), 2);	/* anatomical heart */
	assert_int_equal(text_cp_width(0x2705), 2);	/* check mark button */
	assert_int_equal(text_cp_width(0x274c), 2);	/* cross mark */
	assert_int_equal(text_cp_width(0x26a0), 1);	/* warning sign: narrow */
	assert_int_equal(text_cp_width(0x2714), 1);	/* heavy check: narrow */
	assert_int_equal(text_cp_width(0x1dc4), 0);	/* combining supplement */
	assert_int_equal(text_cp_width(0x1ab0), 0);	/* combining extended */
	assert_int_equal(text_cp_width(0x1160), 0);	/* Hangul medial vowel */
}

/* -------------------------------------------------------------- srcfile */

static void
write_file(const char *data, size_t len)
{
	FILE *fp = fopen("f.txt", "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Split data as the file f.txt; returns srcfile_parse's result. */
static int
read_n(const char *data, size_t len, struct srcfile *f, struct diag *d)
{
	diag_init(d);
	return srcfile_parse(f, "f.txt", data, len, d);
}

static void
assert_diag(const struct diag *d, size_t i, const char *want)
{
	assert_true(i < d->n);
	assert_string_equal(d->msgs[i], want);
}

/* srcfile_read is srcfile_parse of the file's bytes, messages and all. */
static void
a_file_reads_as_its_bytes_parse(void **state)
{
	static const char text[] = "\xef\xbb\xbf" "one\r\nbell\a\n\nlast";
	struct srcfile f, g;
	struct diag d, e;

	(void)state;
	write_file(text, sizeof text - 1);
	diag_init(&d);
	assert_int_equal(srcfile_read(&f, "f.txt", &d), 0);
	assert_int_equal(read_n(text, sizeof text - 1, &g, &e), 0);
	assert_int_equal(f.n, 4);
	assert_int_equal(f.n, g.n);
	for (size_t i = 0; i < f.n; i++) {
		assert_int_equal(f.lines[i].lineno, g.lines[i].lineno);
		assert_int_equal(f.lines[i].len, g.lines[i].len);
		assert_string_equal(f.lines[i].text, g.lines[i].text);
	}
	assert_int_equal(d.n, 1);
	assert_int_equal(e.n, 1);
	assert_string_equal(d.msgs[0], e.msgs[0]);
	srcfile_destroy(&f);
	srcfile_destroy(&g);
	diag_destroy(&d);
	diag_destroy(&e);
}

static void
lines_are_split_and_numbered(void **state)
{
	static const char text[] = "one\ntwo\r\n\nlast without newline";
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n(text, sizeof text - 1, &f, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(f.n, 4);
	assert_string_equal(f.path, "f.txt");
	assert_string_equal(f.lines[0].text, "one");
	assert_string_equal(f.lines[1].text, "two");	/* CR dropped */
	assert_int_equal(f.lines[1].len, 3);
	assert_string_equal(f.lines[2].text, "");
	assert_int_equal(f.lines[3].lineno, 4);
	assert_string_equal(f.lines[3].text, "last without newline");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
bom_is_skipped_only_at_the_start(void **state)
{
	static const char text[] = "\xef\xbb\xbf" "a\n\xef\xbb\xbf" "b\n";
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n(text, sizeof text - 1, &f, &d), 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(f.lines[0].text, "a");
	assert_string_equal(f.lines[1].text, "\xef\xbb\xbf" "b");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
bad_bytes_are_reported_and_the_line_kept_empty(void **state)
{
	static const char text[] = "ok\nbad \xc3\x28\nnul\0x\nbell\a\n"
	    "cr\rmid\ndel\x7f\ntab\tfine\n";
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n(text, sizeof text - 1, &f, &d), 0);
	assert_int_equal(d.errors, 5);
	assert_diag(&d, 0, "f.txt:2:5: error: invalid UTF-8 (byte 0xc3)");
	assert_diag(&d, 1, "f.txt:3:4: error: NUL byte (is this a binary "
	    "file?)");
	assert_diag(&d, 2, "f.txt:4:5: error: control character 0x07");
	assert_diag(&d, 3, "f.txt:5:3: error: control character 0x0d");
	assert_diag(&d, 4, "f.txt:6:4: error: control character 0x7f");
	assert_int_equal(f.n, 7);
	assert_string_equal(f.lines[1].text, "");
	assert_int_equal(f.lines[1].lineno, 2);
	assert_string_equal(f.lines[6].text, "tab\tfine");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
overlong_and_surrogate_bytes_are_invalid_in_files(void **state)
{
	static const char text[] = "\xc0\xaf\nab\xed\xa0\x80\n";
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n(text, sizeof text - 1, &f, &d), 0);
	assert_diag(&d, 0, "f.txt:1:1: error: invalid UTF-8 (byte 0xc0)");
	assert_diag(&d, 1, "f.txt:2:3: error: invalid UTF-8 (byte 0xed)");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
long_line_is_one_error_and_later_lines_survive(void **state)
{
	size_t n = SRCFILE_MAX_LINE + 1;
	char *text = xmalloc(n + 16);
	struct srcfile f;
	struct diag d;

	(void)state;
	memset(text, 'x', n);
	memcpy(text + n, "\nafter\n", 7);
	assert_int_equal(read_n(text, n + 7, &f, &d), 0);
	assert_int_equal(d.n, 1);
	assert_diag(&d, 0, "f.txt:1: error: line is longer than 4096 bytes");
	assert_string_equal(f.lines[1].text, "after");
	srcfile_destroy(&f);
	diag_destroy(&d);
	/* Exactly the limit is fine. */
	assert_int_equal(read_n(text, n - 1, &f, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(f.lines[0].len, SRCFILE_MAX_LINE);
	srcfile_destroy(&f);
	diag_destroy(&d);
	free(text);
}

static void
oversized_file_is_refused(void **state)
{
	size_t n = SRCFILE_MAX_SIZE + 1;
	char *text = xmalloc(n);
	struct srcfile f;
	struct diag d;

	(void)state;
	memset(text, '\n', n);
	assert_int_equal(read_n(text, n, &f, &d), -1);
	assert_int_equal(f.n, 0);
	assert_diag(&d, 0, "f.txt: error: file is larger than 1048576 bytes");
	srcfile_destroy(&f);
	diag_destroy(&d);
	free(text);
}

static void
binary_file_is_one_error(void **state)
{
	static const char junk[] = "\x89PNG\r\x1a\0\0\0\rIHDR\0\0\x01";
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n(junk, sizeof junk - 1, &f, &d), -1);
	assert_int_equal(d.n, 1);
	assert_diag(&d, 0, "f.txt:1: error: binary file (contains NUL "
	    "bytes)");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
many_bad_lines_stop_after_ten(void **state)
{
	char text[200] = "";
	struct srcfile f;
	struct diag d;

	(void)state;
	for (int i = 0; i < 30; i++)
		strcat(text, "\xff\n");
	assert_int_equal(read_n(text, strlen(text), &f, &d), -1);
	assert_int_equal(d.n, 11);
	assert_diag(&d, 9, "f.txt:10:1: error: invalid UTF-8 (byte 0xff)");
	assert_diag(&d, 10, "f.txt:10: error: too many bad lines, giving up "
	    "(is this a binary file, or not UTF-8?)");
	assert_int_equal(f.n, 0);
	srcfile_destroy(&f);
	diag_destroy(&d);
}

static void
empty_and_missing_files(void **state)
{
	struct srcfile f;
	struct diag d;

	(void)state;
	assert_int_equal(read_n("", 0, &f, &d), 0);
	assert_int_equal(f.n, 0);
	assert_int_equal(d.n, 0);
	srcfile_destroy(&f);
	diag_destroy(&d);

	diag_init(&d);
	assert_int_equal(srcfile_read(&f, "missing.txt", &d), -1);
	assert_diag(&d, 0, "missing.txt: error: cannot open: No such file "
	    "or directory");
	srcfile_destroy(&f);
	diag_destroy(&d);

	diag_init(&d);
	assert_int_equal(srcfile_read(&f, ".", &d), -1);
	assert_diag(&d, 0, ".: error: is a directory");
	srcfile_destroy(&f);
	diag_destroy(&d);
}

/* ---------------------------------------------------------- line syntax */

static struct srcline
mkline(char *text)
{
	struct srcline l = {text, strlen(text), 1};

	return l;
}

static void
directives_split_into_name_and_trimmed_argument(void **state)
{
	char a[] = "@title   Psoas major  \t";
	char b[] = "@end";
	char c[] = "@choice* Right one";
	char e[] = "@@ not a directive";
	char g[] = "text @title";
	struct srcline l;
	const char *name, *arg;
	size_t namelen;
	long col;

	(void)state;
	l = mkline(a);
	assert_true(srcline_directive(&l, &name, &namelen, &arg, &col));
	assert_int_equal(namelen, 5);
	assert_memory_equal(name, "title", 5);
	assert_string_equal(arg, "Psoas major");
	assert_int_equal(col, 10);
	l = mkline(b);
	assert_true(srcline_directive(&l, &name, &namelen, &arg, &col));
	assert_int_equal(namelen, 3);
	assert_string_equal(arg, "");
	l = mkline(c);
	assert_true(srcline_directive(&l, &name, &namelen, &arg, &col));
	assert_int_equal(namelen, 7);
	assert_memory_equal(name, "choice*", 7);
	assert_string_equal(arg, "Right one");
	l = mkline(e);
	assert_false(srcline_directive(&l, &name, &namelen, &arg, &col));
	l = mkline(g);
	assert_false(srcline_directive(&l, &name, &namelen, &arg, &col));
}

static void
comments_blanks_and_escapes(void **state)
{
	char c1[] = "# comment", c2[] = " # indented", b1[] = "",
	    b2[] = " \t ", e1[] = "@@at", e2[] = "\\#hash", e3[] = "\\n";
	struct srcline l;

	(void)state;
	l = mkline(c1);
	assert_true(srcline_is_comment(&l));
	l = mkline(c2);
	assert_false(srcline_is_comment(&l));
	assert_false(srcline_is_blank(&l));
	l = mkline(b1);
	assert_true(srcline_is_blank(&l));
	l = mkline(b2);
	assert_true(srcline_is_blank(&l));
	l = mkline(e1);
	assert_string_equal(srcline_text(&l), "@at");
	l = mkline(e2);
	assert_string_equal(srcline_text(&l), "#hash");
	l = mkline(e3);
	assert_string_equal(srcline_text(&l), "\\n");
}

static void
nearest_suggests_close_names_only(void **state)
{
	static const char *const names[] = {"lesson", "title", "topic",
	    "caution", "note", "next"};
	const size_t n = sizeof names / sizeof names[0];

	(void)state;
	assert_string_equal(srcfile_nearest("titel", names, n), "title");
	assert_string_equal(srcfile_nearest("cuation", names, n), "caution");
	assert_string_equal(srcfile_nearest("lesosn", names, n), "lesson");
	assert_string_equal(srcfile_nearest("nots", names, n), "note");
	assert_string_equal(srcfile_nearest("cau", names, n), "caution");
	assert_null(srcfile_nearest("zzzzzz", names, n));
	assert_null(srcfile_nearest("", names, n));
	assert_null(srcfile_nearest("x", names, 0));
}

/* ----------------------------------------------------------- directives */

/*
 * A made-up file kind for the directive rules: a header of @name (first,
 * once, required), @tag (repeatable) and @flag (no value), a body opened
 * by @part, in which @text (once per part) and @end (no value) belong.
 */
enum { T_NAME, T_TAG, T_FLAG, T_PART, T_TEXT, T_END, T_COUNT };
static const struct srcdir test_dirs[T_COUNT] = {
	[T_NAME] = {"name", SRCDIR_VALUE | SRCDIR_ONCE | SRCDIR_HEADER |
	    SRCDIR_FIRST | SRCDIR_REQUIRED},
	[T_TAG] = {"tag", SRCDIR_VALUE | SRCDIR_HEADER | SRCDIR_REQUIRED},
	[T_FLAG] = {"flag", SRCDIR_BARE | SRCDIR_ONCE | SRCDIR_HEADER},
	[T_PART] = {"part", SRCDIR_VALUE},
	[T_TEXT] = {"text", SRCDIR_VALUE | SRCDIR_ONCE | SRCDIR_BODY},
	[T_END] = {"end", SRCDIR_BARE | SRCDIR_BODY},
};

/* Run file through the rules: "LINE:ROW-NAME=ARG" for each taken, then the report. */
static char *
take_all(const char *file)
{
	struct srcfile f;
	struct diag d;
	long seen[T_COUNT] = {0};
	struct srcdirs s = { .path = "t", .rows = test_dirs, .n = T_COUNT,
	    .seen = seen, .header = "header", .opener = "part" };
	char *out = xstrdup("");

	diag_init(&d);
	s.d = &d;
	assert_int_equal(srcfile_parse(&f, "t", file, strlen(file), &d), 0);
	for (size_t i = 0; i < f.n; i++) {
		const struct srcdir *row;
		const char *arg;
		long col;
		char *more;

		if (f.lines[i].text[0] != '@')
			continue;
		row = srcdirs_take(&s, &f.lines[i], &arg, &col);
		if (row == NULL)
			continue;
		if (row == &test_dirs[T_PART]) {
			s.in_body = true;
			seen[T_TEXT] = 0;	/* a new scope */
		}
		more = xasprintf("%s%ld:%s=%s\n", out, f.lines[i].lineno,
		    row->name, arg);
		free(out);
		out = more;
	}
	srcdirs_missing(&s, 1, "test header");
	for (size_t i = 0; i < d.n; i++) {
		char *more = xasprintf("%s%s\n", out, d.msgs[i]);

		free(out);
		out = more;
	}
	srcfile_destroy(&f);
	diag_destroy(&d);
	return out;
}

static void
directive_rules_are_one_table(void **state)
{
	static const struct {
		const char *file, *want;
	} cases[] = {
		{"@name n\n@tag a\n@tag b\n@flag\n@part p\n@text t\n@end\n",
		 "1:name=n\n2:tag=a\n3:tag=b\n4:flag=\n5:part=p\n6:text=t\n"
		 "7:end=\n"},
		/* "did you mean", by case and by edit; the name ends at a space */
		{"@name n\n@tagg x\n@Flag\n@name: x\n@zzzzzz\n@\n@tag t\n",
		 "1:name=n\n7:tag=t\n"
		 "t:2:1: error: unknown directive '@tagg'; did you mean '@tag'?\n"
		 "t:3:1: error: unknown directive '@Flag'; did you mean '@flag'?\n"
		 "t:4:1: error: unknown directive '@name:'; did you mean "
		 "'@name'?\n"
		 "t:5:1: error: unknown directive '@zzzzzz'\n"
		 "t:6:1: error: '@' without a directive name (write '@@' for a "
		 "literal '@')\n"},
		/* needs a value, takes no value (at the value's column) */
		{"@name\n@tag t\n@flag  yes\n",
		 "2:tag=t\n"
		 "t:1: error: '@name' needs a value\n"
		 "t:3:8: error: '@flag' takes no value\n"},
		/* only once, in its scope; repeatable rows repeat */
		{"@name n\n@name m\n@tag a\n@tag a\n@part 1\n@text x\n@text y\n"
		 "@part 2\n@text z\n",
		 "1:name=n\n3:tag=a\n4:tag=a\n5:part=1\n6:text=x\n8:part=2\n"
		 "9:text=z\n"
		 "t:2:1: error: duplicate '@name' (first given at line 1)\n"
		 "t:7:1: error: duplicate '@text' (first given at line 6)\n"},
		/* header versus body, and the first directive */
		{"@tag a\n@name n\n@text early\n@part p\n@flag\n",
		 "1:tag=a\n2:name=n\n4:part=p\n"
		 "t:2:1: error: '@name' must be the first directive of the "
		 "file\n"
		 "t:3:1: error: '@text' must come after an '@part'\n"
		 "t:5:1: error: '@flag' belongs in the header, before the "
		 "first '@part'\n"},
		/* what is required and never seen */
		{"@flag\n",
		 "1:flag=\n"
		 "t:1: error: missing '@name' in the test header\n"
		 "t:1: error: missing '@tag' in the test header\n"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = take_all(cases[i].file);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* ------------------------------------------------- control characters */

/* cp as UTF-8 in buf (4 bytes at most); returns the length. */
static size_t
encode(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xc0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | cp >> 12);
		buf[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | cp >> 18);
	buf[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	buf[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	buf[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * One table for the control-character rule (text_cp_is_cc), and every
 * place that applies it agreeing with it: a course file refuses the
 * character on its line (a tab excepted), a terminal gives it no column,
 * learner text shows it escaped, and the grader reads it as a space.
 */
static void
control_rule_is_one_table_every_module_agrees_with(void **state)
{
	static const struct {
		uint32_t cp;
		bool cc;
	} rows[] = {
		{ 0x01, true }, { 0x07, true }, { 0x0b, true }, { 0x0d, true },
		{ 0x1b, true }, { 0x1f, true }, { 0x7f, true }, { 0x80, true },
		{ 0x85, true }, { 0x9b, true }, { 0x9f, true },
		{ 0x20, false }, { 'A', false }, { '~', false },
		{ 0xa0, false }, { 0xa1, false }, { 0xe9, false },
		{ 0x200e, false }, { 0x2028, false }, { 0xfeff, false },
	};

	(void)state;
	assert_true(text_cp_is_cc('\t'));
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char line[16] = "a", *why = NULL, *got, *space;
		size_t n = 1 + encode(rows[i].cp, line + 1);
		struct srcfile f;
		struct diag d;

		line[n++] = 'b';
		line[n] = '\0';
		print_message("U+%04X\n", (unsigned)rows[i].cp);
		assert_int_equal(text_cp_is_cc(rows[i].cp), rows[i].cc);
		diag_init(&d);
		assert_int_equal(srcfile_parse(&f, "f.txt", line, n, &d), 0);
		assert_int_equal(d.errors, rows[i].cc ? 1 : 0);
		if (rows[i].cc) {
			assert_int_equal(text_cp_width(rows[i].cp), 0);
			assert_true(text_cp_is_control(rows[i].cp));
			assert_true(text_has_control(line, n));
			got = grade_normalise(line, n, &why);
			space = grade_normalise("a b", 3, &why);
			assert_non_null(got);
			assert_non_null(space);
			assert_string_equal(got, space);
			free(got);
			free(space);
		}
		srcfile_destroy(&f);
		diag_destroy(&d);
	}
}

/*
 * Names: what cannot be seen, or only looks like a space, is found and
 * named, first one first; letters, accents, U+0020 and visible
 * punctuation are not.
 */
static void
invisible_characters_are_found_and_named(void **state)
{
	static const uint32_t found[] = {
		0x00a0, 0x00ad, 0x034f, 0x061c, 0x115f, 0x180e, 0x2000, 0x200b,
		0x200c, 0x200d, 0x200e, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060,
		0x2064, 0x206f, 0x2800, 0x3000, 0x3164, 0xfe0f, 0xfeff, 0xffa0,
		0xfff9, 0x1d173, 0xe0001, 0xe0041, 0xe0100,
	};
	static const uint32_t not_found[] = {
		0x20, 'A', '-', '.', 0xe9, 0xfc, 0x0301, 0x2010, 0x2019, 0x4e2d,
		0x1f600,
	};

	(void)state;
	for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
		char line[16] = "Ann";
		size_t n = 3 + encode(found[i], line + 3);

		n += encode(0x200b, line + n);
		print_message("U+%04X\n", (unsigned)found[i]);
		assert_int_equal(text_first_invisible(line, n), found[i]);
	}
	for (size_t i = 0; i < sizeof not_found / sizeof not_found[0]; i++) {
		char line[16] = "Ann";
		size_t n = 3 + encode(not_found[i], line + 3);

		print_message("U+%04X\n", (unsigned)not_found[i]);
		assert_int_equal(text_first_invisible(line, n), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_accepts_every_sequence_length),
		cmocka_unit_test(utf8_rejects_overlongs_surrogates_and_junk),
		cmocka_unit_test(decode_always_makes_progress),
		cmocka_unit_test(
		    emoji_and_extended_combining_marks_have_terminal_widths),
		cmocka_unit_test(widths_count_terminal_columns),
		cmocka_unit_test(
		    control_rule_is_one_table_every_module_agrees_with),
		cmocka_unit_test(a_file_reads_as_its_bytes_parse),
		cmocka_unit_test(lines_are_split_and_numbered),
		cmocka_unit_test(bom_is_skipped_only_at_the_start),
		cmocka_unit_test(bad_bytes_are_reported_and_the_line_kept_empty),
		cmocka_unit_test(overlong_and_surrogate_bytes_are_invalid_in_files),
		cmocka_unit_test(long_line_is_one_error_and_later_lines_survive),
		cmocka_unit_test(oversized_file_is_refused),
		cmocka_unit_test(binary_file_is_one_error),
		cmocka_unit_test(many_bad_lines_stop_after_ten),
		cmocka_unit_test(empty_and_missing_files),
		cmocka_unit_test(directives_split_into_name_and_trimmed_argument),
		cmocka_unit_test(comments_blanks_and_escapes),
		cmocka_unit_test(nearest_suggests_close_names_only),
		cmocka_unit_test(directive_rules_are_one_table),
		cmocka_unit_test(invisible_characters_are_found_and_named),
	};

	return cmocka_run_group_tests(tests, scratch_setup,
	    scratch_teardown);
}
