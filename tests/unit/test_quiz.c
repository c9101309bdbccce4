/*
 * The quiz parser: a good file becomes the right structs, and each kind
 * of mistake an author can make is reported with its exact text, line
 * and column.  Quizzes are given as text, parsed from memory
 * (quiz_parse) under the name "t.quiz"; only the fixtures are files.
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

#include "defaults.h"
#include "grade.h"
#include "grade_text.h"
#include "qkind.h"
#include "qkind_text.h"
#include "quiz.h"
#include "strbuf.h"

/* The name the text of write_file is parsed under. */
static const char path[] = "t.quiz";
static const char *text_now;

#define HEADER "@quiz t\n@title T\n@lesson none\n@pass 50\n"
/* A complete short question, lines 5..9 after HEADER. */
#define SHORT "@question short\n@prompt P\n@accept x\n@explain E\n@taught a 1\n"

/* The quiz text the next load of path parses. */
static void
write_file(const char *text)
{
	text_now = text;
}

/* Parse path's text from memory, or load any other file. */
static struct quiz *
load(const char *file, struct diag *d)
{
	if (file == path)
		return quiz_parse(path, text_now, strlen(text_now), d);
	return quiz_load(file, d);
}

/*
 * Load text and check that it fails with exactly the messages given
 * (each without the leading path), in order.
 */
static void
assert_errors(const char *text, ...)
{
	struct diag d;
	struct quiz *q;
	va_list ap;
	const char *want;
	size_t i = 0;
	size_t plen = strlen(path);

	write_file(text);
	diag_init(&d);
	q = load(path, &d);
	assert_null(q);
	va_start(ap, text);
	while ((want = va_arg(ap, const char *)) != NULL) {
		if (i >= d.n)
			fail_msg("missing diagnostic: %s", want);
		assert_memory_equal(d.msgs[i], path, plen);
		assert_string_equal(d.msgs[i] + plen, want);
		i++;
	}
	va_end(ap);
	if (i != d.n)
		fail_msg("unexpected diagnostic: %s", d.msgs[i]);
	diag_destroy(&d);
}

static struct quiz *
load_ok(const char *file)
{
	struct diag d;
	struct quiz *q;

	diag_init(&d);
	q = load(file, &d);
	diag_print(&d, stderr);
	assert_int_equal(d.n, 0);
	assert_non_null(q);
	diag_destroy(&d);
	return q;
}

/* --------------------------------------------------------------- good */

/* Counts the feedback a wrong answer may show (qkind_each_feedback). */
static void
count_feedback(void *arg, const char *feedback, long line)
{
	long *last = arg;

	assert_non_null(feedback);
	last[0]++;
	last[1] = line;
}

/* Whether qu grades answer correct. */
static bool
graded_correct(const struct question *qu, const char *answer)
{
	struct grade_result r;
	bool right;

	grade_answer(qu, answer, strlen(answer), &r);
	right = r.verdict == GRADE_CORRECT;
	grade_result_destroy(&r);
	return right;
}

/*
 * What other modules ask of a question's kind, by its row (qkind.h),
 * never by its name: one question of each kind in the sample quiz.
 */
static void
each_kind_says_whether_answers_are_free_text_and_lettered(void **state)
{
	static const struct {
		const char *kind;
		bool free_text, list_answer, lettered;
	} want[] = {
		{"short", true, false, false}, {"list", true, true, false},
		{"choice", false, false, true}, {"multi", false, false, true},
		{"truefalse", false, false, false}, {"order", false, false, true},
	};
	struct quiz *q = load_ok(BUILD_SRCDIR
	    "/tests/data/course/quizzes/01-sample.quiz");

	(void)state;
	assert_int_equal(q->nquestions, sizeof want / sizeof *want);
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];

		assert_string_equal(quiz_kind_name(qu->kind), want[i].kind);
		assert_int_equal(qkind_is_free_text(qu), want[i].free_text);
		assert_int_equal(qkind_of(qu->kind)->list_answer,
		    want[i].list_answer);
		assert_int_equal(qkind_letters(qu) > 0, want[i].lettered);
	}
	quiz_free(q);
}

static void
sample_quiz_parses_into_structs(void **state)
{
	struct quiz *q = load_ok(BUILD_SRCDIR
	    "/tests/data/course/quizzes/01-sample.quiz");
	const struct question *qu;
	const struct qtext *qt;
	long feedback[2] = {0, 0};
	bool right;

	(void)state;
	assert_string_equal(q->id, "sample-quiz");
	assert_string_equal(q->title, "Sample practice quiz");
	assert_string_equal(q->lesson, "sample-one");
	assert_false(q->posttest);
	assert_int_equal(q->pass, 75);
	assert_int_equal(q->tries, 2);
	assert_int_equal(q->retry_cost, 50);
	assert_int_equal(q->hint_cost, 25);
	assert_false(q->shuffle);
	assert_int_equal(q->nquestions, 6);
	assert_int_equal(quiz_total_points(q), 6);

	qu = &q->questions[0];
	qt = qtext_of(qu);
	assert_int_equal(qu->kind, Q_SHORT);
	assert_string_equal(qu->id, "insertion");
	assert_ptr_equal(qu->path, q->path);
	assert_int_equal(qu->lineno, 8);
	assert_int_equal(qt->naccept, 1);
	assert_int_equal(qt->accept[0].lineno, 11);
	assert_int_equal(qt->accept[0].col, 9);
	/* Proved to compile at load; compiled for grading when first needed. */
	assert_null(qt->accept[0].code);
	assert_non_null(grade_text_code(qu, &qt->accept[0], NULL, NULL));
	assert_ptr_equal(grade_text_code(qu, &qt->accept[0], NULL, NULL),
	    qt->accept[0].code);
	assert_int_equal(qt->nmisconceptions, 1);
	assert_string_equal(qt->misconceptions[0].src,
	    "\\bgreater\\s+trochanter\\b");
	assert_string_equal(qt->misconceptions[0].feedback,
	    "The greater trochanter is where the gluteal muscles attach, "
	    "not the iliopsoas.");
	assert_int_equal(qu->nhints, 2);
	assert_string_equal(qu->hints[1], "Think \"lesser\".");
	/* Continuation lines join with one space. */
	assert_string_equal(qu->explain, "Psoas major and iliacus share one "
	    "tendon that inserts on the lesser trochanter of the femur.");
	assert_int_equal(qu->nexamples, 5);
	assert_true(qu->examples[0].accept);
	assert_false(qu->examples[2].accept);
	assert_string_equal(qu->taught_lesson, "sample-one");
	assert_int_equal(qu->taught_page, 1);

	qu = &q->questions[1];
	qt = qtext_of(qu);
	assert_int_equal(qu->kind, Q_LIST);
	assert_int_equal(qt->need, 2);
	assert_int_equal(qt->nitems, 2);
	assert_string_equal(qt->items[1].label, "iliacus");
	assert_int_equal(qt->items[1].naccept, 1);
	assert_int_equal(qt->naccept, 0);

	qu = &q->questions[2];
	assert_int_equal(qu->kind, Q_CHOICE);
	assert_int_equal(qkind_letters(qu), 3);
	assert_string_equal(qkind_letter(qu, 1, &right), "Hip flexion");
	assert_true(right);
	(void)qkind_letter(qu, 0, &right);
	assert_false(right);
	/* One feedback, on the wrong choice of line 48. */
	qkind_each_feedback(qu, count_feedback, feedback);
	assert_int_equal(feedback[0], 1);
	assert_int_equal(feedback[1], 48);
	/* No @shuffle: choices are shown as written. */
	for (size_t i = 0; i < qkind_letters(qu); i++)
		assert_int_equal(qu->shown[i], i);

	assert_int_equal(q->questions[3].kind, Q_MULTI);
	assert_int_equal(q->questions[4].kind, Q_TRUEFALSE);
	assert_true(graded_correct(&q->questions[4], "true"));
	assert_false(graded_correct(&q->questions[4], "false"));

	qu = &q->questions[5];
	assert_int_equal(qu->kind, Q_ORDER);
	assert_int_equal(qkind_letters(qu), 4);
	assert_string_equal(qkind_letter(qu, 0, NULL),
	    "Ask the client to bend the knees");
	quiz_free(q);
}

static void
defaults_and_header_values(void **state)
{
	struct quiz *q;

	(void)state;
	write_file("@quiz final\n@title F\n@lesson none\n@kind posttest\n"
	    "@pass 80\n@retry-cost 10\n@hint-cost 0\n@shuffle yes\n"
	    "@question truefalse\n@prompt P\n@answer false\n@points 3\n"
	    "@explain E\n@taught a 2\n"
	    "@question short\n@id my-q\n@prompt P\n@accept x\n@case\n"
	    "@explain E\n@taught a 1\n");
	q = load_ok(path);
	assert_null(q->lesson);
	assert_true(q->posttest);
	assert_int_equal(q->tries, 1);
	assert_int_equal(q->retry_cost, 10);
	assert_int_equal(q->hint_cost, 0);
	assert_true(q->shuffle);
	assert_string_equal(q->questions[0].id, "q1");
	assert_true(graded_correct(&q->questions[0], "false"));
	assert_int_equal(q->questions[0].points, 3);
	assert_string_equal(q->questions[1].id, "my-q");
	assert_true(qtext_of(&q->questions[1])->case_sensitive);
	assert_int_equal(quiz_total_points(q), 4);
	quiz_free(q);
}

static bool
is_identity(const size_t *shown, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (shown[i] != i)
			return false;
	return true;
}

static void
shuffle_is_deterministic_and_seeded_by_ids(void **state)
{
	const char *body = "@question choice\n@id c\n@prompt P\n@choice a\n"
	    "@choice b\n@choice c\n@choice d\n@choice e\n@choice f\n"
	    "@choice* g\n@choice h\n@explain E\n@taught a 1\n";
	char *text;
	struct quiz *a, *b;
	size_t n;

	(void)state;
	text = malloc(strlen(body) + 200);
	sprintf(text, "%s@shuffle yes\n%s", HEADER, body);
	write_file(text);
	a = load_ok(path);
	b = load_ok(path);
	n = qkind_letters(&a->questions[0]);
	assert_memory_equal(a->questions[0].shown, b->questions[0].shown,
	    n * sizeof(size_t));
	assert_false(is_identity(a->questions[0].shown, n));
	/* Every choice is shown exactly once. */
	for (size_t want = 0; want < n; want++) {
		size_t seen = 0;

		for (size_t i = 0; i < n; i++)
			seen += a->questions[0].shown[i] == want;
		assert_int_equal(seen, 1);
	}
	quiz_free(b);
	/* Another quiz id gives another order of the same question. */
	sprintf(text, "@quiz other\n@title T\n@lesson none\n@pass 50\n"
	    "@shuffle yes\n%s", body);
	write_file(text);
	b = load_ok(path);
	assert_memory_not_equal(a->questions[0].shown, b->questions[0].shown,
	    n * sizeof(size_t));
	quiz_free(a);
	quiz_free(b);
	free(text);
}

static void
order_steps_are_never_shown_in_order(void **state)
{
	char text[512];

	(void)state;
	/* Try many ids: a shuffle that comes out sorted is rotated. */
	for (int i = 0; i < 200; i++) {
		struct quiz *q;

		snprintf(text, sizeof text, "%s@question order\n@id o%d\n"
		    "@prompt P\n@step a\n@step b\n@step c\n@explain E\n"
		    "@taught a 1\n", HEADER, i);
		write_file(text);
		q = load_ok(path);
		assert_false(is_identity(q->questions[0].shown, 3));
		quiz_free(q);
	}
}

/* The letters after "e.g. " in what a kind shows for qu, as a bit set. */
static unsigned
shown_example(const struct question *qu)
{
	struct render_opts ro = { .width = 100 };
	char *buf = NULL, *p;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct qshow s = { &ro, fp };
	unsigned set = 0;

	assert_non_null(fp);
	qkind_of(qu->kind)->show(&s, qu);
	assert_int_equal(fclose(fp), 0);
	p = strstr(buf, "e.g. ");
	assert_non_null(p);
	for (p += 5; *p != '.'; p++)
		if (*p != ' ') {
			assert_true(*p >= 'a' && *p <= 'z');
			set |= 1u << (*p - 'a');
		}
	free(buf);
	return set;
}

/*
 * A multi's "e.g." is never its right letters, for every key of 2 to 4
 * choices under many ids, and is not one fixed example moved only when
 * it is the answer (it varies with the id).
 */
static void
multi_example_is_never_the_answer(void **state)
{
	char text[1024];
	unsigned seen = 0;

	(void)state;
	for (size_t n = 2; n <= 4; n++)
		for (unsigned key = 1; key < 1u << n; key++)
			for (int id = 0; id < 12; id++) {
				struct strbuf b = {0};
				const struct question *qu;
				unsigned right = 0, got;
				struct quiz *q;
				bool r;

				for (size_t c = 0; c < n; c++)
					strbuf_addf(&b, "@choice%s C%zu\n",
					    key & 1u << c ? "*" : "", c);
				snprintf(text, sizeof text, "%s@shuffle yes\n"
				    "@question multi\n@id m%d\n@prompt P\n%s"
				    "@explain E\n@taught a 1\n", HEADER, id,
				    b.s);
				strbuf_destroy(&b);
				write_file(text);
				q = load_ok(path);
				qu = &q->questions[0];
				for (size_t l = 0; l < n; l++) {
					qkind_letter(qu, qu->shown[l], &r);
					right |= (unsigned)r << l;
				}
				got = shown_example(qu);
				assert_int_not_equal(got, right);
				assert_int_equal(got & ~((1u << n) - 1), 0);
				if (n == 3 && key == 1)
					seen |= 1u << got;
				quiz_free(q);
			}
	/* Three choices, a alone right: more than one example shows. */
	assert_true((seen & (seen - 1)) != 0);
}

/*
 * Nor is an order's "e.g." ever its right order; and with four steps it is
 * not one turn of the letters, moved only when that is the answer (which
 * would show at most two examples), but any of the four.
 */
static void
order_example_is_never_the_answer(void **state)
{
	char text[512], four[4][16];
	size_t nfour = 0;

	(void)state;
	for (size_t n = 3; n <= 6; n++)
		for (int id = 0; id < 60; id++) {
			struct strbuf b = {0};
			struct render_opts ro = { .width = 100 };
			char *buf = NULL, want[16] = "", *p;
			size_t len = 0, k = 0;
			const struct question *qu;
			struct quiz *q;
			FILE *fp;
			struct qshow s;

			for (size_t c = 0; c < n; c++)
				strbuf_addf(&b, "@step S%zu\n", c);
			snprintf(text, sizeof text, "%s@question order\n@id "
			    "o%d\n@prompt P\n%s@explain E\n@taught a 1\n",
			    HEADER, id, b.s);
			strbuf_destroy(&b);
			write_file(text);
			q = load_ok(path);
			qu = &q->questions[0];
			/* The right order: the letter of step 0, of step 1... */
			for (size_t step = 0; step < n; step++)
				for (size_t l = 0; l < n; l++)
					if (qu->shown[l] == step) {
						want[k++] = (char)('a' + l);
						want[k++] = ' ';
					}
			want[k - 1] = '.';
			fp = open_memstream(&buf, &len);
			s = (struct qshow){ &ro, fp };
			qkind_of(qu->kind)->show(&s, qu);
			fclose(fp);
			p = strstr(buf, "e.g. ");
			assert_non_null(p);
			assert_memory_not_equal(p + 5, want, k);
			if (n == 4) {
				size_t f = 0;

				while (f < nfour && memcmp(four[f], p + 5, k) != 0)
					f++;
				if (f == nfour && nfour < 4)
					memcpy(four[nfour++], p + 5, k);
			}
			free(buf);
			quiz_free(q);
		}
	assert_int_equal(nfour, 4);
}

static void
case_after_pattern_still_applies(void **state)
{
	struct quiz *q;
	struct grade_result r;

	(void)state;
	write_file(HEADER "@question short\n@prompt P\n@accept T12\n@case\n"
	    "@explain E\n@taught a 1\n");
	q = load_ok(path);
	grade_answer(&q->questions[0], "t12", 3, &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	grade_result_destroy(&r);
	quiz_free(q);
}

static void
escapes_and_comments_in_text(void **state)
{
	struct quiz *q;

	(void)state;
	write_file(HEADER "@question short\n@prompt First line\n"
	    "# a comment is skipped\n@@ starts the second\n\\# and a hash\n"
	    "@accept x\n@explain E\n@taught a 1\n");
	q = load_ok(path);
	assert_string_equal(q->questions[0].prompt,
	    "First line @ starts the second # and a hash");
	quiz_free(q);
}

/* ---------------------------------------------------------- malformed */

static void
bad_pattern_reports_pcre2_message_and_column(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt P\n@accept (lesser\n"
	    "@explain E\n@taught a 1\n",
	    ":7:16: error: bad pattern: missing closing parenthesis", NULL);
	/* The column counts from the line, through padding. */
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@misconception    ab[c\n@explain E\n@taught a 1\n",
	    ":8:23: error: bad pattern: missing terminating ] for character "
	    "class", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@accept a**\n"
	    "@explain E\n@taught a 1\n",
	    ":7:11: error: bad pattern: quantifier does not follow a "
	    "repeatable item", NULL);
	assert_errors(HEADER "@question list\n@prompt P\n@need 1\n@item i\n"
	    "@accept x(?<n\n@explain E\n@taught a 1\n",
	    ":9:14: error: bad pattern: syntax error in subpattern name "
	    "(missing terminator?)", NULL);
}

static void
unknown_directive_suggests_nearest(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt P\n@acept x\n"
	    "@accept x\n@explain E\n@taught a 1\n",
	    ":7:1: error: unknown directive '@acept'; did you mean '@accept'?",
	    NULL);
	assert_errors(HEADER "@frobnicate\n" SHORT,
	    ":5:1: error: unknown directive '@frobnicate'", NULL);
	assert_errors(HEADER "@choice*x y\n" SHORT,
	    ":5:1: error: unknown directive '@choice*x'; did you mean "
	    "'@choice*'?", NULL);
}

static void
directive_not_valid_for_kind(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@step s\n@explain E\n@taught a 1\n",
	    ":8:1: error: '@step' is not valid in a short question", NULL);
	assert_errors(HEADER "@question truefalse\n@prompt P\n@answer true\n"
	    "@accept x\n@explain E\n@taught a 1\n",
	    ":8:1: error: '@accept' is not valid in a truefalse question",
	    NULL);
}

static void
header_and_question_directives_in_their_place(void **state)
{
	(void)state;
	assert_errors(HEADER "@prompt P\n" SHORT,
	    ":5:1: error: '@prompt' must come after an '@question'", NULL);
	assert_errors(HEADER SHORT "@pass 60\n",
	    ":10:1: error: '@pass' belongs in the quiz header, before the "
	    "first '@question'", NULL);
	/* Misplaced, not also missing. */
	assert_errors("@quiz t\n@title T\n@lesson none\n" SHORT "@pass 60\n",
	    ":9:1: error: '@pass' belongs in the quiz header, before the "
	    "first '@question'", NULL);
	assert_errors("@title T\n@quiz t\n@lesson none\n@pass 50\n" SHORT,
	    ":2:1: error: '@quiz' must be the first directive of the file",
	    NULL);
}

static void
missing_header_directives(void **state)
{
	(void)state;
	assert_errors("@quiz t\n" SHORT,
	    ":1: error: missing '@title'",
	    ":1: error: missing '@lesson' (a lesson id, or 'none')",
	    ":1: error: missing '@pass' (the pass mark in percent)", NULL);
	assert_errors(HEADER,
	    ":1: error: the quiz has no '@question'", NULL);
	assert_errors("# nothing\n",
	    ":1: error: missing '@quiz' (the quiz id)",
	    ":1: error: missing '@title'",
	    ":1: error: missing '@lesson' (a lesson id, or 'none')",
	    ":1: error: missing '@pass' (the pass mark in percent)",
	    ":1: error: the quiz has no '@question'", NULL);
}

static void
missing_question_directives(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@accept x\n",
	    ":5: error: short question 'q1' has no '@prompt'",
	    ":5: error: short question 'q1' has no '@explain'",
	    ":5: error: short question 'q1' has no '@taught'", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@explain E\n"
	    "@taught a 1\n",
	    ":5: error: short question 'q1' has no '@concept' or '@accept'", NULL);
	assert_errors(HEADER "@question truefalse\n@prompt P\n@explain E\n"
	    "@taught a 1\n",
	    ":5: error: truefalse question 'q1' has no '@answer'", NULL);
	assert_errors(HEADER "@question list\n@prompt P\n@item i\n@accept x\n"
	    "@explain E\n@taught a 1\n",
	    ":5: error: list question 'q1' has no '@need'", NULL);
}

static void
choice_needs_exactly_one_correct(void **state)
{
	(void)state;
	assert_errors(HEADER "@question choice\n@prompt P\n@choice a\n"
	    "@choice b\n@explain E\n@taught a 1\n",
	    ":5: error: choice question 'q1' needs exactly one correct "
	    "'@choice*' (has 0)", NULL);
	assert_errors(HEADER "@question choice\n@prompt P\n@choice* a\n"
	    "@choice* b\n@explain E\n@taught a 1\n",
	    ":5: error: choice question 'q1' needs exactly one correct "
	    "'@choice*' (has 2)", NULL);
	assert_errors(HEADER "@question choice\n@prompt P\n@choice* a\n"
	    "@explain E\n@taught a 1\n",
	    ":5: error: choice question 'q1' needs at least 2 '@choice' "
	    "lines (has 1)", NULL);
	assert_errors(HEADER "@question multi\n@prompt P\n@choice a\n"
	    "@choice b\n@explain E\n@taught a 1\n",
	    ":5: error: multi question 'q1' needs at least one correct "
	    "'@choice*' (has 0)", NULL);
}

static void
order_needs_three_steps(void **state)
{
	(void)state;
	assert_errors(HEADER "@question order\n@prompt P\n@step a\n@step b\n"
	    "@explain E\n@taught a 1\n",
	    ":5: error: order question 'q1' needs at least 3 '@step' lines "
	    "(has 2)", NULL);
}

/* One error for a question past the pattern limit, however far past. */
static void
too_many_patterns_is_one_error(void **state)
{
	struct strbuf b = {0};
	char *text;

	(void)state;
	strbuf_puts(&b, HEADER "@question short\n@prompt P\n");
	for (int i = 0; i < QUIZ_MAX_PATTERNS + 300; i++)
		strbuf_puts(&b, "@fine x\n");
	strbuf_puts(&b, "@accept x\n@explain E\n@taught a 1\n");
	text = strbuf_take(&b);
	/* Lines 1-4 the header, 5 and 6 the question: the 201st on 207. */
	assert_errors(text, ":207:7: error: question '?' has more than 200 "
	    "patterns (accept, concept, fine and misconception lines "
	    "together)", NULL);
	free(text);
}

static void
list_items_and_need(void **state)
{
	(void)state;
	assert_errors(HEADER "@question list\n@prompt P\n@need 3\n@item a\n"
	    "@accept a\n@item b\n@explain E\n@taught a 1\n",
	    ":7: error: '@need 3' is more than the 2 items of the question",
	    ":10: error: item 'b' has no '@concept' or '@accept'", NULL);
	assert_errors(HEADER "@question list\n@prompt P\n@need 1\n@accept a\n"
	    "@item a\n@accept a\n@explain E\n@taught a 1\n",
	    ":8: error: '@accept' in a list question must follow an '@item'",
	    NULL);
	assert_errors(HEADER "@question list\n@prompt P\n@need 1\n"
	    "@explain E\n@taught a 1\n",
	    ":5: error: list question 'q1' has no '@item'", NULL);
}

static void
duplicate_question_ids(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@id same\n@prompt P\n@accept x\n"
	    "@explain E\n@taught a 1\n"
	    "@question short\n@id same\n@prompt P\n@accept x\n"
	    "@explain E\n@taught a 1\n",
	    ":11: error: duplicate question id 'same' (also the question at "
	    "line 5)", NULL);
	/* An explicit id may not take a default one. */
	assert_errors(HEADER SHORT "@question short\n@id q1\n@prompt P\n"
	    "@accept x\n@explain E\n@taught a 1\n",
	    ":10: error: duplicate question id 'q1' (also the question at "
	    "line 5)", NULL);
}

static void
duplicate_single_directives(void **state)
{
	(void)state;
	assert_errors(HEADER "@title again\n" SHORT,
	    ":5:1: error: duplicate '@title' (first given at line 2)", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@prompt Q\n"
	    "@accept x\n@explain E\n@taught a 1\n",
	    ":7:1: error: duplicate '@prompt' (first given at line 6)", NULL);
}

static void
bad_numbers_and_values(void **state)
{
	(void)state;
	assert_errors("@quiz t\n@title T\n@lesson none\n@pass 101\n" SHORT,
	    ":4:7: error: bad '@pass' value '101': expected a whole number "
	    "from 1 to 100", NULL);
	assert_errors(HEADER "@tries 0\n" SHORT,
	    ":5:8: error: bad '@tries' value '0': expected a whole number "
	    "from 1 to 5", NULL);
	assert_errors(HEADER "@hint-cost 25%\n" SHORT,
	    ":5:12: error: bad '@hint-cost' value '25%': expected a whole "
	    "number from 0 to 100", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@points -1\n"
	    "@accept x\n@explain E\n@taught a 1\n",
	    ":7:9: error: bad '@points' value '-1': expected a whole number "
	    "from 1 to 100", NULL);
	assert_errors(HEADER "@question list\n@prompt P\n@need 99999999999\n"
	    "@item a\n@accept a\n@explain E\n@taught a 1\n",
	    ":7:7: error: bad '@need' value '99999999999': expected a whole "
	    "number from 1 to 100", NULL);
	assert_errors(HEADER "@kind exam\n" SHORT,
	    ":5:7: error: bad '@kind' value 'exam': expected 'practice' or "
	    "'posttest'", NULL);
	assert_errors(HEADER "@shuffle 1\n" SHORT,
	    ":5:10: error: bad '@shuffle' value '1': expected 'yes' or 'no'",
	    NULL);
	assert_errors(HEADER "@question truefalse\n@prompt P\n@answer yes\n"
	    "@explain E\n@taught a 1\n",
	    ":7:9: error: bad '@answer' value 'yes': expected 'true' or "
	    "'false'", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@explain E\n@taught anatomy\n",
	    ":9:9: error: bad '@taught' value 'anatomy': expected a lesson id "
	    "and a page number, e.g. '@taught psoas-anatomy 2'", NULL);
	assert_errors("@quiz Big_Quiz\n@title T\n@lesson none\n@pass 5\n"
	    SHORT, ":1:7: error: bad quiz id 'Big_Quiz': use lower-case "
	    "letters, digits and '-' (not first), at most 40 bytes", NULL);
}

static void
needs_a_value(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt\n@accept x\n"
	    "@explain E\n@taught a 1\n",
	    ":6: error: '@prompt' needs a value",
	    ":5: error: short question 'q1' has no '@prompt'", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n@case yes\n"
	    "@explain E\n@taught a 1\n",
	    ":8:7: error: '@case' takes no value", NULL);
}

static void
unknown_question_kind(void **state)
{
	(void)state;
	/* Its directives are skipped, not reported one by one. */
	assert_errors(HEADER "@question shrot\n@prompt P\n@accept x\n"
	    "@explain E\n@taught a 1\n" SHORT,
	    ":5:11: error: unknown question kind 'shrot'; did you mean "
	    "'short'?", NULL);
	assert_errors(HEADER "@question essay\n" SHORT,
	    ":5:11: error: unknown question kind 'essay' (expected short, "
	    "list, choice, multi, truefalse or order)", NULL);
}

static void
feedback_needs_something_to_attach_to(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@feedback F\n@explain E\n@taught a 1\n",
	    ":8: error: '@feedback' must come right after the "
	    "'@misconception' it is for", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@misconception y\n@feedback F\n@feedback G\n@explain E\n"
	    "@taught a 1\n",
	    ":10: error: second '@feedback' for the same '@misconception'",
	    NULL);
	assert_errors(HEADER "@question choice\n@prompt P\n@feedback F\n"
	    "@choice* a\n@choice b\n@explain E\n@taught a 1\n",
	    ":7: error: '@feedback' must come right after the '@choice' it "
	    "is for", NULL);
	assert_errors(HEADER "@question truefalse\n@prompt P\n@answer true\n"
	    "@feedback F\n@explain E\n@taught a 1\n",
	    ":8:1: error: '@feedback' is not valid in a truefalse question",
	    NULL);
}

static void
stray_text_is_an_error(void **state)
{
	(void)state;
	assert_errors(HEADER "some words\n" SHORT,
	    ":5:1: error: text outside a directive (only @prompt, @explain, "
	    "@hint, @feedback, @choice, @step and @item continue on the next "
	    "line)", NULL);
	/* A blank line ends a continuation. */
	assert_errors(HEADER "@question short\n@prompt P\n\nmore\n@accept x\n"
	    "@explain E\n@taught a 1\n",
	    ":8:1: error: text outside a directive (only @prompt, @explain, "
	    "@hint, @feedback, @choice, @step and @item continue on the next "
	    "line)", NULL);
	assert_errors(HEADER "@question short\n@prompt P\n@accept x\nmore\n"
	    "@explain E\n@taught a 1\n",
	    ":8:1: error: text outside a directive (only @prompt, @explain, "
	    "@hint, @feedback, @choice, @step and @item continue on the next "
	    "line)", NULL);
}

static void
byte_level_errors_come_from_srcfile(void **state)
{
	(void)state;
	assert_errors(HEADER "@question short\n@prompt P\xff\n@accept x\n"
	    "@explain E\n@taught a 1\n",
	    ":6:10: error: invalid UTF-8 (byte 0xff)",
	    ":5: error: short question 'q1' has no '@prompt'", NULL);
}

static void
every_error_in_a_file_is_reported(void **state)
{
	(void)state;
	assert_errors("@quiz t\n@title T\n@lesson none\n@pass 0\n"
	    "@question short\n@prompt P\n@accept (\n@acept\n"
	    "@explain E\n@taught a 1\n"
	    "@question choice\n@prompt P\n@choice a\n@explain E\n"
	    "@taught a 1\n",
	    ":4:7: error: bad '@pass' value '0': expected a whole number from "
	    "1 to 100",
	    ":7:10: error: bad pattern: missing closing parenthesis",
	    ":8:1: error: unknown directive '@acept'; did you mean '@accept'?",
	    ":11: error: choice question 'q2' needs at least 2 '@choice' "
	    "lines (has 1)",
	    ":11: error: choice question 'q2' needs exactly one correct "
	    "'@choice*' (has 0)", NULL);
}

static void
missing_file_is_an_error(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d);
	assert_null(quiz_load("/nonexistent/x.quiz", &d));
	assert_int_equal(d.errors, 1);
	diag_destroy(&d);
}

static size_t
jit_size(const struct pattern *p)
{
	size_t size = 0;

	assert_int_equal(pcre2_pattern_info(p->code, PCRE2_INFO_JITSIZE,
	    &size), 0);
	return size;
}

/*
 * Start-up keeps no compiled pattern; a sitting's quiz_prepare compiles
 * and JITs, once.
 */
static void
patterns_are_jit_compiled_when_a_quiz_is_prepared(void **state)
{
	struct diag d;
	struct quiz *q;
	uint32_t jit = 0;
	size_t size;
	const struct pattern *accept;

	(void)state;
	write_file(HEADER SHORT);
	diag_init(&d);
	q = load(path, &d);
	assert_non_null(q);
	accept = &qtext_of(&q->questions[0])->accept[0];
	assert_null(accept->code);
	quiz_prepare(q);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	size = jit_size(accept);
	if (jit)
		assert_true(size > 0);
	quiz_prepare(q);
	assert_int_equal(jit_size(accept), size);
	quiz_free(q);
	diag_destroy(&d);
}

/*
 * The load proves a pattern compiles as written; one that only breaks
 * inside the whole-word wrapper ('#' starts a comment under (?x), so it
 * hides the wrapper's end) is reported when it is compiled for grading
 * (as --check does for every pattern), with its column.
 */
static void
a_pattern_broken_by_the_wrapper_is_reported_when_compiled(void **state)
{
	struct diag d;
	struct quiz *q;
	const struct question *qu;
	const struct pattern *m;
	char *err = NULL;
	size_t off = 99;

	(void)state;
	write_file(HEADER "@question short\n@prompt P\n@accept x\n"
	    "@misconception a(?x)#\n@explain E\n@taught a 1\n");
	diag_init(&d);
	q = load(path, &d);
	assert_non_null(q);
	qu = &q->questions[0];
	m = &qtext_of(qu)->misconceptions[0];
	assert_null(grade_text_code(qu, m, &err, &off));
	assert_non_null(err);
	assert_true(m->broken);
	assert_true(off <= strlen(m->src));
	free(err);
	/* Asked again without a report: still nothing, not compiled again. */
	assert_null(grade_text_code(qu, m, NULL, NULL));
	quiz_free(q);
	diag_destroy(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_quiz_parses_into_structs),
		cmocka_unit_test(each_kind_says_whether_answers_are_free_text_and_lettered),
		cmocka_unit_test(defaults_and_header_values),
		cmocka_unit_test(shuffle_is_deterministic_and_seeded_by_ids),
		cmocka_unit_test(order_steps_are_never_shown_in_order),
		cmocka_unit_test(multi_example_is_never_the_answer),
		cmocka_unit_test(order_example_is_never_the_answer),
		cmocka_unit_test(case_after_pattern_still_applies),
		cmocka_unit_test(escapes_and_comments_in_text),
		cmocka_unit_test(bad_pattern_reports_pcre2_message_and_column),
		cmocka_unit_test(
		    a_pattern_broken_by_the_wrapper_is_reported_when_compiled),
		cmocka_unit_test(unknown_directive_suggests_nearest),
		cmocka_unit_test(directive_not_valid_for_kind),
		cmocka_unit_test(header_and_question_directives_in_their_place),
		cmocka_unit_test(missing_header_directives),
		cmocka_unit_test(missing_question_directives),
		cmocka_unit_test(choice_needs_exactly_one_correct),
		cmocka_unit_test(order_needs_three_steps),
		cmocka_unit_test(too_many_patterns_is_one_error),
		cmocka_unit_test(list_items_and_need),
		cmocka_unit_test(duplicate_question_ids),
		cmocka_unit_test(duplicate_single_directives),
		cmocka_unit_test(bad_numbers_and_values),
		cmocka_unit_test(needs_a_value),
		cmocka_unit_test(unknown_question_kind),
		cmocka_unit_test(feedback_needs_something_to_attach_to),
		cmocka_unit_test(stray_text_is_an_error),
		cmocka_unit_test(byte_level_errors_come_from_srcfile),
		cmocka_unit_test(every_error_in_a_file_is_reported),
		cmocka_unit_test(missing_file_is_an_error),
		cmocka_unit_test(patterns_are_jit_compiled_when_a_quiz_is_prepared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
