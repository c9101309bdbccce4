/*
 * Drawing a post-test from its pool: the right number per topic, every
 * letter order a permutation, the same seed giving the same draw, the
 * journal's text form reading back to the same draw, and a draw that no
 * longer fits the quiz refused.  Also the parser's @draw and @topic
 * errors, with their lines.  Quiz files are written to a scratch folder.
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

#include "draw.h"
#include "qkind.h"
#include "quiz.h"
#include "scratch.h"
#include "xmalloc.h"

#define POOL_HEADER "@quiz pool\n@title P\n@lesson none\n@kind posttest\n" \
	"@pass 50\n@draw 2 anatomy\n@draw 1 care\n"

/* Three anatomy questions (one by @taught, two by @topic), two care. */
static const char pool[] = POOL_HEADER
    "@question choice\n@id a1\n@prompt P\n@choice one\n@choice* two\n"
    "@choice three\n@choice four\n@explain E\n@taught anatomy 1\n"
    "@question truefalse\n@id a2\n@prompt P\n@answer true\n@explain E\n"
    "@taught intro 1\n@topic anatomy\n"
    "@question multi\n@id a3\n@prompt P\n@choice* x\n@choice y\n"
    "@choice* z\n@explain E\n@taught other 2\n@topic anatomy\n"
    "@question order\n@id c1\n@prompt P\n@step s1\n@step s2\n@step s3\n"
    "@explain E\n@taught care 1\n"
    "@question truefalse\n@id c2\n@prompt P\n@answer false\n@explain E\n"
    "@taught care 2\n";

static struct quiz *
load(const char *text, struct diag *d)
{
	FILE *fp = fopen("q.quiz", "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	diag_init(d);
	return quiz_load("q.quiz", d);
}

static struct quiz *
load_pool(void)
{
	struct diag d;
	struct quiz *q = load(pool, &d);

	diag_print(&d, stderr);
	assert_non_null(q);
	diag_destroy(&d);
	return q;
}

static const char *
topic_of(const struct quiz *q, const struct draw *d, size_t i)
{
	return q->questions[d->question[i]].topic;
}

static void
draws_the_count_of_each_topic(void **state)
{
	struct quiz *q = load_pool();

	(void)state;
	assert_true(draw_applies(q));
	for (uint64_t seed = 1; seed < 200; seed++) {
		struct draw d;
		size_t anatomy = 0, care = 0;

		draw_make(q, seed * 0x9e3779b97f4a7c15u, &d);
		assert_int_equal(d.n, 3);
		for (size_t i = 0; i < d.n; i++) {
			anatomy += strcmp(topic_of(q, &d, i), "anatomy") == 0;
			care += strcmp(topic_of(q, &d, i), "care") == 0;
			for (size_t k = 0; k < i; k++)
				assert_true(d.question[k] != d.question[i]);
		}
		assert_int_equal(anatomy, 2);
		assert_int_equal(care, 1);
		draw_destroy(&d);
	}
	quiz_free(q);
}

static void
every_question_and_letter_order_turns_up(void **state)
{
	struct quiz *q = load_pool();
	bool asked[5] = { false };
	size_t first_letter[4] = { 0 };

	(void)state;
	for (uint64_t seed = 1; seed < 400; seed++) {
		struct draw d;

		draw_make(q, seed, &d);
		for (size_t i = 0; i < d.n; i++) {
			asked[d.question[i]] = true;
			if (d.question[i] == 0)
				first_letter[d.shown[i][0]]++;
		}
		draw_destroy(&d);
	}
	for (size_t k = 0; k < 5; k++)
		assert_true(asked[k]);
	/* Every choice of a1 is shown as 'a' in some attempt. */
	for (size_t c = 0; c < 4; c++)
		assert_true(first_letter[c] > 0);
	quiz_free(q);
}

static void
steps_are_never_shown_in_their_right_order(void **state)
{
	struct quiz *q = load_pool();
	size_t seen = 0;

	(void)state;
	for (uint64_t seed = 1; seed < 2000; seed++) {
		struct draw d;
		struct quiz *v;

		draw_make(q, seed, &d);
		v = draw_view(q, &d);
		for (size_t i = 0; i < v->nquestions; i++) {
			const struct question *qu = &v->questions[i];
			size_t n = qu->kind == Q_ORDER ? qkind_letters(qu) : 0;
			bool in_order = true;

			if (n == 0)
				continue;
			seen++;
			for (size_t k = 0; k < n; k++)
				in_order &= qu->shown[k] == k;
			assert_false(in_order);
		}
		draw_view_free(v);
		draw_destroy(&d);
	}
	assert_true(seen > 100);
	quiz_free(q);
}

static void
same_seed_same_draw_and_text_reads_back(void **state)
{
	struct quiz *q = load_pool();
	struct draw a, b, c;
	char *ta, *tb, *tc;

	(void)state;
	draw_make(q, 0x1234abcd5678ef00u, &a);
	draw_make(q, 0x1234abcd5678ef00u, &b);
	ta = draw_format(q, &a);
	tb = draw_format(q, &b);
	assert_string_equal(ta, tb);
	assert_int_equal(draw_parse(q, a.seed, ta, &c), 0);
	tc = draw_format(q, &c);
	assert_string_equal(ta, tc);
	assert_int_equal(c.n, a.n);
	for (size_t i = 0; i < a.n; i++)
		assert_int_equal(c.question[i], a.question[i]);
	/* Lettered questions carry '/' and a permutation; others do not. */
	for (char *w = strtok(ta, " "); w != NULL; w = strtok(NULL, " "))
		assert_true(strchr(w, '/') != NULL ? w[0] != 'a' || w[1] != '2' :
		    strcmp(w, "a2") == 0 || strcmp(w, "c2") == 0);
	free(ta);
	free(tb);
	free(tc);
	draw_destroy(&a);
	draw_destroy(&b);
	draw_destroy(&c);
	quiz_free(q);
}

static void
a_draw_that_no_longer_fits_is_refused(void **state)
{
	struct quiz *q = load_pool();
	struct draw d;
	static const char *const bad[] = {
		"a1/abcd gone c2",	/* a question no longer there */
		"a1/abc a2 c2",		/* a1 now has four choices */
		"a1/abcc a2 c2",	/* not a permutation */
		"a1 a2 c2",		/* a lettered question without letters */
		"a1/abcd a2/ab c2",	/* letters on a true/false question */
		"",			/* nothing drawn */
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(draw_parse(q, 1, bad[i], &d), -1);
		assert_null(d.question);
	}
	assert_int_equal(draw_parse(q, 1, "c1/cab a1/dcba a3/bca", &d), 0);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.shown[0][0], 2);
	draw_destroy(&d);
	quiz_free(q);
}

static void
a_view_asks_the_drawn_questions_with_their_letters(void **state)
{
	struct quiz *q = load_pool(), *v;
	struct draw d;

	(void)state;
	assert_int_equal(draw_parse(q, 7, "c1/cab a2 a1/dcba", &d), 0);
	v = draw_view(q, &d);
	assert_int_equal(v->nquestions, 3);
	assert_string_equal(v->id, "pool");
	assert_string_equal(v->questions[0].id, "c1");
	assert_string_equal(v->questions[1].id, "a2");
	assert_int_equal(v->questions[2].shown[0], 3);
	assert_int_equal(v->questions[2].shown[3], 0);
	/* The quiz itself keeps its own letters. */
	assert_int_equal(q->questions[0].shown[0], 0);
	draw_view_free(v);
	draw_destroy(&d);
	quiz_free(q);
}

static void
seed_text_round_trips(void **state)
{
	char buf[17];
	uint64_t s;

	(void)state;
	draw_seed_format(0x00ff00ff12345678u, buf);
	assert_string_equal(buf, "00ff00ff12345678");
	assert_true(draw_seed_parse(buf, &s));
	assert_true(s == 0x00ff00ff12345678u);
	assert_false(draw_seed_parse("00ff00ff1234567", &s));
	assert_false(draw_seed_parse("00ff00ff1234567g", &s));
	assert_false(draw_seed_parse("00FF00FF12345678", &s));
}

/* Load text and expect exactly these messages after "q.quiz". */
static void
assert_errors(const char *text, const char *const *want, size_t n)
{
	struct diag d;
	struct quiz *q = load(text, &d);

	assert_null(q);
	for (size_t i = 0; i < n && i < d.n; i++)
		assert_string_equal(d.msgs[i], want[i]);
	assert_int_equal(d.n, n);
	diag_destroy(&d);
}

static void
bad_draw_rules_are_reported_with_their_lines(void **state)
{
	static const char *const too_many[] = {
		"q.quiz:6: error: '@draw 4 anatomy' draws more questions than "
		"the 3 of topic 'anatomy'",
	};
	static const char *const undrawn[] = {
		"q.quiz:32: error: question 'c1' has topic 'care', which no "
		"'@draw' line draws, so it would never be asked",
		"q.quiz:40: error: question 'c2' has topic 'care', which no "
		"'@draw' line draws, so it would never be asked",
	};
	static const char *const bad_value[] = {
		"q.quiz:8:7: error: bad '@draw' value 'two anatomy': expected a "
		"number of questions and a topic, e.g. '@draw 3 anatomy'",
	};
	static const char *const twice[] = {
		"q.quiz:7:7: error: topic 'anatomy' is drawn twice (first at "
		"line 6)",
	};
	char *text;

	(void)state;
	text = xstrdup(pool);
	memcpy(strstr(text, "@draw 2 anatomy"), "@draw 4 anatomy", 15);
	assert_errors(text, too_many, 1);
	free(text);

	text = xasprintf("%.*s%s", (int)(strstr(pool, "@draw 1 care") - pool),
	    pool, strstr(pool, "@question"));
	assert_errors(text, undrawn, 2);
	free(text);

	text = xasprintf("@quiz pool\n@title P\n@lesson none\n@kind posttest\n"
	    "@pass 50\n@draw 2 anatomy\n@draw 1 care\n@draw two anatomy\n%s",
	    strstr(pool, "@question"));
	assert_errors(text, bad_value, 1);
	free(text);

	text = xasprintf("@quiz pool\n@title P\n@lesson none\n@kind posttest\n"
	    "@pass 50\n@draw 2 anatomy\n@draw 1 anatomy\n@draw 1 care\n%s",
	    strstr(pool, "@question"));
	assert_errors(text, twice, 1);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(draws_the_count_of_each_topic),
		cmocka_unit_test(every_question_and_letter_order_turns_up),
		cmocka_unit_test(steps_are_never_shown_in_their_right_order),
		cmocka_unit_test(same_seed_same_draw_and_text_reads_back),
		cmocka_unit_test(a_draw_that_no_longer_fits_is_refused),
		cmocka_unit_test(a_view_asks_the_drawn_questions_with_their_letters),
		cmocka_unit_test(seed_text_round_trips),
		cmocka_unit_test(bad_draw_rules_are_reported_with_their_lines),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
