/*
 * The learner edition of the shipped course, published for real: its
 * keyless post-test draws, for every seed, the questions the provider's
 * full post-test draws as an edition would (draw_make_edition), with the
 * same text behind every letter, so the provider can grade what the
 * learner saw; and it never shows an order question in its right order
 * by its own lettering.
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
#include "draw.h"
#include "publish.h"
#include "qkind.h"
#include "scratch.h"
#include "seal.h"
#include "xmalloc.h"

#define SEEDS 3000

/* The text letter k of question qu shows (choices or steps). */
static const char *
letter_text(const struct question *qu, size_t k)
{
	return qkind_letter(qu, qu->shown[k], NULL);
}

static void
same_view(const struct quiz *a, const struct quiz *b)
{
	assert_int_equal(a->nquestions, b->nquestions);
	for (size_t i = 0; i < a->nquestions; i++) {
		const struct question *x = &a->questions[i];
		const struct question *y = &b->questions[i];
		size_t n = qkind_letters(x);

		assert_string_equal(x->id, y->id);
		assert_string_equal(x->prompt, y->prompt);
		for (size_t k = 0; x->shown != NULL && k < n; k++)
			assert_string_equal(letter_text(x, k), letter_text(y, k));
	}
}

static void
the_edition_draws_what_the_provider_draws(void **state)
{
	const char *src = BUILD_SRCDIR;
	struct course full, ed;
	struct diag d;
	char *cause = NULL;
	const struct quiz *fq = NULL, *eq = NULL;

	(void)state;
	assert_int_equal(seal_keygen("keys", &cause), 0);
	diag_init(&d);
	course_load(&full, src, &d);
	assert_int_equal(d.errors, 0);
	if (publish_edition(&full, "keys/provider.pub", "ed", &cause) != 0)
		fail_msg("%s", cause);
	course_load(&ed, "ed", &d);
	assert_int_equal(d.errors, 0);
	for (size_t i = 0; i < full.nquizzes; i++)
		if (full.quizzes[i]->posttest)
			fq = full.quizzes[i];
	for (size_t i = 0; i < ed.nquizzes; i++)
		if (ed.quizzes[i]->posttest)
			eq = ed.quizzes[i];
	assert_non_null(fq);
	assert_non_null(eq);
	assert_false(fq->keyless);
	assert_true(eq->keyless);
	for (uint64_t seed = 0; seed < SEEDS; seed++) {
		struct draw a, b;
		char *ta, *tb;
		struct quiz *va, *vb;

		draw_make_edition(fq, seed, &a);
		draw_make(eq, seed, &b);
		ta = draw_format(fq, &a);
		tb = draw_format(eq, &b);
		assert_string_equal(ta, tb);
		va = draw_view(fq, &a);
		vb = draw_view(eq, &b);
		same_view(va, vb);
		for (size_t i = 0; i < vb->nquestions; i++) {
			const struct question *qu = &vb->questions[i];
			size_t n = qu->kind == Q_ORDER ? qkind_letters(qu) : 0;
			bool own = n > 0;

			for (size_t k = 0; own && k < n; k++)
				own = qu->shown[k] == k;
			assert_false(own);
		}
		draw_view_free(va);
		draw_view_free(vb);
		free(ta);
		free(tb);
		draw_destroy(&a);
		draw_destroy(&b);
	}
	course_destroy(&ed);
	course_destroy(&full);
	diag_destroy(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_edition_draws_what_the_provider_draws),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
