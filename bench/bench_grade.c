/*
 * Benchmark: how fast answers are graded and pages rendered, on a real
 * course.  Prints its figures; it asserts nothing, because speed goals
 * belong here and not in timed unit tests.
 *
 * Usage: bench_grade COURSE-DIR [ROUNDS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "course.h"
#include "grade.h"
#include "render.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Grade every example answer of the course rounds times. */
static void
bench_examples(const struct course *c, long rounds)
{
	size_t graded = 0;
	double t0 = now(), dt;

	for (long r = 0; r < rounds; r++)
		for (size_t i = 0; i < c->nquizzes; i++)
			for (size_t k = 0; k < c->quizzes[i]->nquestions; k++) {
				const struct question *q = &c->quizzes[i]->questions[k];

				for (size_t e = 0; e < q->nexamples; e++) {
					struct grade_result res;
					const char *a = q->examples[e].text;

					grade_answer(q, a, strlen(a), &res);
					grade_result_destroy(&res);
					graded++;
				}
			}
	dt = now() - t0;
	printf("grade: %zu example answers in %.3f s: %.1f us per answer\n",
	    graded, dt, graded ? dt * 1e6 / (double)graded : 0.0);
}

/* The worst case the limits exist for: a catastrophic pattern. */
static void
bench_catastrophic(long rounds)
{
	struct question q;
	struct pattern p;
	char *err = NULL, answer[GRADE_MAX_ANSWER];
	size_t off;
	double t0, dt;
	int ungradable = 0;

	memset(&q, 0, sizeof q);
	memset(&p, 0, sizeof p);
	p.src = "(a+)+$";
	p.code = grade_compile(p.src, false, true, &err, &off);
	if (p.code == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		free(err);
		return;
	}
	q.kind = Q_SHORT;
	q.id = "catastrophic";
	q.path = "bench";
	q.accept = &p;
	q.naccept = 1;
	q.points = 1;
	memset(answer, 'a', sizeof answer - 2);
	answer[sizeof answer - 2] = 'b';
	answer[sizeof answer - 1] = '\0';
	t0 = now();
	for (long r = 0; r < rounds; r++) {
		struct grade_result res;

		grade_answer(&q, answer, strlen(answer), &res);
		ungradable += res.verdict == GRADE_UNGRADABLE;
		grade_result_destroy(&res);
	}
	dt = now() - t0;
	printf("limit: (a+)+$ against a %zu-byte answer: %.3f ms per answer "
	    "(%d of %ld stopped by the match limit)\n", strlen(answer),
	    dt * 1e3 / (double)rounds, ungradable, rounds);
	pcre2_code_free(p.code);
}

static void
bench_render(const struct course *c, long rounds)
{
	struct render_opts o = {.width = 80, .color = true, .plain = false};
	size_t pages = 0, bytes = 0;
	double t0 = now(), dt;

	for (long r = 0; r < rounds; r++)
		for (size_t i = 0; i < c->nlessons; i++)
			for (size_t k = 0; k < c->lessons[i]->npages; k++) {
				char *s = render_page(&o, c->lessons[i], k);

				bytes += strlen(s);
				free(s);
				pages++;
			}
	dt = now() - t0;
	printf("render: %zu pages (%zu bytes) in %.3f s: %.1f us per page\n",
	    pages, bytes, dt, pages ? dt * 1e6 / (double)pages : 0.0);
}

int
main(int argc, char **argv)
{
	struct course c;
	struct diag d;
	long rounds = argc > 2 ? atol(argv[2]) : 20;
	double t0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_grade COURSE-DIR [ROUNDS]\n");
		return 2;
	}
	if (rounds < 1)
		rounds = 1;
	diag_init(&d);
	t0 = now();
	course_load(&c, argv[1], &d);
	printf("load: %zu lessons, %zu quizzes (every pattern compiled) in "
	    "%.1f ms\n", c.nlessons, c.nquizzes, (now() - t0) * 1e3);
	diag_print(&d, stderr);
	/* As a sitting of each quiz would: JIT before grading. */
	t0 = now();
	for (size_t i = 0; i < c.nquizzes; i++)
		quiz_prepare(c.quizzes[i]);
	printf("prepare: every quiz's patterns JIT-compiled in %.1f ms\n",
	    (now() - t0) * 1e3);
	bench_examples(&c, rounds);
	bench_render(&c, rounds);
	bench_catastrophic(rounds > 50 ? 50 : rounds);
	course_destroy(&c);
	diag_destroy(&d);
	return 0;
}
