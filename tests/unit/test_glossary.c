/*
 * Unit tests of the glossary (glossary.h), from memory (glossary_parse):
 * a table of glossary texts, each with the entries it keeps and every
 * message it gives as "file:line[:col]: error: message", and a table of
 * answers rewritten by one glossary.  test_freetext grades answers
 * through a glossary; tests/cli checks a course's glossary file.
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

#include "diag.h"
#include "glossary.h"
#include "strbuf.h"

/*
 * text read as glossary "g": entries is every term kept, "TERM=MEANING"
 * one a line; want is every message, one a line.
 */
struct parse_case {
	const char *what;
	const char *text;
	const char *entries;
	const char *want;
};

static const struct parse_case parse_cases[] = {
	{"terms are lower-cased and both sides trimmed",
	    "# lay terms\n\n  Belly Button =  umbilicus \nASIS=anterior "
	    "superior iliac spine\n",
	    "belly button=umbilicus\nasis=anterior superior iliac spine\n", ""},
	{"a last line without its newline is read",
	    "rec fem = rectus femoris", "rec fem=rectus femoris\n", ""},
	{"an empty text is an empty glossary", "", "", ""},
	{"a line without '='", "a = b\nno equals here\n", "a=b\n",
	    "g:2:1: error: expected 'TERM = COURSE TERM' (e.g. 'belly button "
	    "= umbilicus')\n"},
	{"a term given twice names its first line",
	    "a = b\nA = c\n", "a=b\n",
	    "g:2:1: error: 'a' is already in the glossary (line 1)\n"},
	{"nothing before the '='", " = x\n", "",
	    "g:1:1: error: a term is words (letters, digits, spaces, '-', '.' "
	    "and ''') before the '='\n"},
	{"nothing after the '='", "psoas =\n", "",
	    "g:1:1: error: no course term after '='\n"},
	{"a term that does not start with a letter or digit",
	    "-psoas = iliopsoas\n", "",
	    "g:1:1: error: a term is words (letters, digits, spaces, '-', '.' "
	    "and ''') before the '='\n"},
	{"every bad line is named, the good ones kept",
	    "a = b\nno equals here\na = c\n = x\nd = e\n", "a=b\nd=e\n",
	    "g:2:1: error: expected 'TERM = COURSE TERM' (e.g. 'belly button "
	    "= umbilicus')\n"
	    "g:3:1: error: 'a' is already in the glossary (line 1)\n"
	    "g:4:1: error: a term is words (letters, digits, spaces, '-', '.' "
	    "and ''') before the '='\n"},
	{"an abbreviation keeps its full stop",
	    "n. = nerve\nNN. = nerves\n", "n.=nerve\nnn.=nerves\n", ""},
	{"a full stop alone, or two, is no term", ". = x\nn.. = y\n", "",
	    "g:1:1: error: a term is words (letters, digits, spaces, '-', '.' "
	    "and ''') before the '='\n"
	    "g:2:1: error: a term is words (letters, digits, spaces, '-', '.' "
	    "and ''') before the '='\n"},
	{"bytes that are not UTF-8 are named with their column",
	    "ok = fine\nbad \xff = x\n", "ok=fine\n",
	    "g:2:5: error: invalid UTF-8 (byte 0xff)\n"},
};

static void
each_glossary_text_gives_its_entries_and_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof parse_cases / sizeof *parse_cases; i++) {
		const struct parse_case *c = &parse_cases[i];
		struct glossary g = {0};
		struct strbuf b = {0};
		struct diag d;
		size_t errors;
		char *got;

		diag_init(&d);
		errors = glossary_parse(&g, "g", c->text, strlen(c->text), &d);
		assert_int_equal(errors, d.errors);
		for (size_t k = 0; k < g.n; k++)
			strbuf_addf(&b, "%s=%s\n", g.entries[k].term,
			    g.entries[k].meaning);
		strbuf_puts(&b, "--\n");
		for (size_t k = 0; k < d.n; k++)
			strbuf_addf(&b, "%s\n", d.msgs[k]);
		got = strbuf_take(&b);
		strbuf_addf(&b, "%s--\n%s", c->entries, c->want);
		{
			char *want = strbuf_take(&b);

			if (strcmp(got, want) != 0)
				fail_msg("%s: got\n%swant\n%s", c->what, got,
				    want);
			free(want);
		}
		free(got);
		glossary_destroy(&g);
		diag_destroy(&d);
	}
}

static const char glossary_text[] =
    "belly button = umbilicus\n"
    "ASIS = anterior superior iliac spine\n"
    "rec fem = rectus femoris\n"
    "rec = rectus\n"
    "n. = nerve\n"
    "a. = artery\n"
    "mm. = muscles\n";

/* An answer and what it becomes (NULL: no term occurs). */
static const struct {
	const char *answer;
	const char *want;
} apply_cases[] = {
	{"Belly-button and ASIS", "umbilicus and anterior superior iliac spine"},
	{"BELLY BUTTON", "umbilicus"},
	{"rec fem or recfem", "rectus femoris or recfem"},
	{"rec abdominis", "rectus abdominis"},
	{"basis", NULL},
	/* An abbreviation needs its full stop: "a" is the article. */
	{"a femoral n., a. and psoas mm.",
	    "a femoral nerve, artery and psoas muscles"},
	{"a nerve, a vein", NULL},
	{"a femoral nerve in the a.m.", NULL},
	/* Normalisation removed the last full stop: the answer's end counts. */
	{"femoral a", "femoral artery"},
	{"", NULL},
};

static void
answers_are_rewritten_longest_term_first(void **state)
{
	struct glossary g = {0};
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(glossary_parse(&g, "g", glossary_text,
	    strlen(glossary_text), &d), 0);
	for (size_t i = 0; i < sizeof apply_cases / sizeof *apply_cases; i++) {
		char *got = glossary_apply(&g, apply_cases[i].answer,
		    GLOSSARY_ALL);

		if (apply_cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, apply_cases[i].want);
		free(got);
	}
	/* Leaving an entry out: "rec fem" is then read as "rec" + "fem". */
	{
		char *got = glossary_apply(&g, "rec fem", 2);

		assert_string_equal(got, "rectus fem");
		free(got);
	}
	assert_true(glossary_occurs(&g, 0, "my belly button"));
	assert_false(glossary_occurs(&g, 3, "wreck"));
	glossary_destroy(&g);
	diag_destroy(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_glossary_text_gives_its_entries_and_messages),
		cmocka_unit_test(answers_are_rewritten_longest_term_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
