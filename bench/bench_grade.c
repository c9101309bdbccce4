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
#include "qkind_text.h"
#include "render.h"
#include "xmalloc.h"

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

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The question a marked-response group answers, or NULL. */
static const struct question *
response_question(const struct course *c, const struct responses *rs,
    const struct response_group *g)
{
	const struct quiz *qz = course_find_quiz(c, rs->quiz, NULL);

	for (size_t i = 0; qz != NULL && i < qz->nquestions; i++)
		if (strcmp(qz->questions[i].id, g->question) == 0)
			return &qz->questions[i];
	return NULL;
}

/* Grade one answer, timed. */
static double
timed_grade(const struct question *q, const char *a)
{
	struct grade_result res;
	double t0 = now(), dt;

	grade_answer(q, a, strlen(a), &res);
	dt = now() - t0;
	grade_result_destroy(&res);
	return dt;
}

/*
 * The first marked response that loads the spelling dictionaries when
 * the responses are graded in order, or NULL; *qid names its question.
 */
static const char *
dictionary_answer(const char *dir, char **qid)
{
	static char answer[4096];
	struct course c;
	struct diag d;
	const char *found = NULL;

	diag_init(&d);
	course_load(&c, dir, &d);
	for (size_t i = 0; i < c.nresponses && found == NULL; i++)
		for (size_t k = 0; k < c.responses[i]->ngroups && !found; k++) {
			const struct response_group *g =
			    &c.responses[i]->groups[k];
			const struct question *q =
			    response_question(&c, c.responses[i], g);

			for (size_t r = 0; q != NULL && r < g->n && !found; r++) {
				timed_grade(q, g->r[r].answer);
				if (!spell_loaded(c.lex->spell))
					continue;
				snprintf(answer, sizeof answer, "%s",
				    g->r[r].answer);
				*qid = xasprintf("%s:%s", c.responses[i]->quiz,
				    g->question);
				found = answer;
			}
		}
	course_destroy(&c);
	diag_destroy(&d);
	return found;
}

/*
 * Grade answer to qid ("quiz:question") first in a fresh session; with
 * shown, as a session does it: the question is shown, which starts
 * loading the dictionaries, and the learner takes a second to answer.
 */
static double
cold_grade(const char *dir, const char *qid, const char *answer, bool shown)
{
	struct course c;
	struct diag d;
	char *quiz = xstrdup(qid), *colon = strchr(quiz, ':');
	const struct quiz *qz;
	struct timespec second = {1, 0};
	double dt = -1;

	*colon++ = '\0';
	diag_init(&d);
	course_load(&c, dir, &d);
	qz = course_find_quiz(&c, quiz, NULL);
	for (size_t i = 0; qz != NULL && i < qz->nquestions; i++) {
		if (strcmp(qz->questions[i].id, colon) != 0)
			continue;
		/* As a sitting does, before its first question. */
		quiz_prepare(qz);
		if (shown) {
			spell_preload(c.lex->spell);
			nanosleep(&second, NULL);
		}
		dt = timed_grade(&qz->questions[i], answer);
	}
	course_destroy(&c);
	diag_destroy(&d);
	free(quiz);
	return dt;
}

#define COLD_STARTS 5

/*
 * The first grading of a session, cold (a fresh course each time; the
 * median of COLD_STARTS): of an answer needing no dictionary, and of the
 * first marked response that loads them.
 */
static void
bench_first(const char *dir)
{
	for (int load = 0; load <= 1; load++) {
		char *qid = NULL;
		const char *answer = load ? dictionary_answer(dir, &qid) :
		    "lesser trochanter";
		double t[COLD_STARTS];

		if (answer == NULL) {
			printf("first grading loading the dictionaries: no "
			    "marked response needs them\n");
			continue;
		}
		if (!load)
			qid = xstrdup("anatomy-quiz:insertion");
		for (int i = 0; i < COLD_STARTS; i++)
			t[i] = cold_grade(dir, qid, answer, false);
		qsort(t, COLD_STARTS, sizeof t[0], compare_doubles);
		if (load) {
			double warm = cold_grade(dir, qid, answer, true);

			printf("first grading of a session, 1 s after its question "
			    "was shown (dictionaries loading meanwhile): %.3f ms\n",
			    warm * 1e3);
		}
		printf("first grading of a session, %s (%s \"%s\"): %.3f ms%s\n",
		    load ? "loading Hunspell en_US + en_med_glut" :
		    "no dictionary needed", qid, answer,
		    t[COLD_STARTS / 2] * 1e3, load ? " (target < 100 ms)" : "");
		free(qid);
	}
}

/*
 * Every marked response, rounds times, each timed on its own: the median
 * and 99th percentile of one answer's grading, beside the floor (timing
 * an empty call) of the same run.
 */
static void
bench_responses(const struct course *c, long rounds)
{
	size_t n = 0, cap = 0;
	double *t = NULL, floor_total = 0;

	for (long round = 0; round < rounds; round++)
		for (size_t i = 0; i < c->nresponses; i++)
			for (size_t k = 0; k < c->responses[i]->ngroups; k++) {
				const struct response_group *g =
				    &c->responses[i]->groups[k];
				const struct question *q =
				    response_question(c, c->responses[i], g);

				for (size_t r = 0; q != NULL && r < g->n; r++) {
					double t0 = now();

					floor_total += now() - t0;
					if (n == cap) {
						cap = cap ? cap * 2 : 1024;
						t = realloc(t, cap * sizeof *t);
						if (t == NULL)
							abort();
					}
					t[n++] = timed_grade(q, g->r[r].answer);
				}
			}
	if (n == 0) {
		printf("responses: no marked responses in the course\n");
		return;
	}
	qsort(t, n, sizeof *t, compare_doubles);
	printf("responses: %zu gradings of marked responses (%ld rounds): "
	    "median %.1f us, 99th percentile %.1f us per answer (target: "
	    "median < 50 us); floor (an empty timed call) %.2f us\n", n,
	    rounds, t[n / 2] * 1e6, t[(n * 99) / 100] * 1e6,
	    floor_total * 1e6 / (double)n);
	free(t);
}

/* The worst case the limits exist for: a catastrophic pattern. */
static void
bench_catastrophic(long rounds)
{
	struct question q;
	struct qtext text;
	struct pattern p;
	char *err = NULL, answer[GRADE_MAX_ANSWER];
	size_t off;
	double t0, dt;
	int ungradable = 0;

	memset(&q, 0, sizeof q);
	memset(&text, 0, sizeof text);
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
	q.data = &text;
	text.accept = &p;
	text.naccept = 1;
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
	bench_first(argv[1]);
	bench_responses(&c, rounds);
	bench_examples(&c, rounds);
	bench_render(&c, rounds);
	bench_catastrophic(rounds > 50 ? 50 : rounds);
	course_destroy(&c);
	diag_destroy(&d);
	return 0;
}
