/*
 * Benchmark: 'due' and 'stats' on a journal of N records (default
 * 100000), which derive every question's FSRS state and every weekly
 * tally from the journal on each call.  The journal is written directly
 * in the journal format (no fsync per record: the set-up is not what is
 * measured): attempts of the shipped course's practice quizzes over 60
 * days, each question with a wrong try and a right answer, and practice
 * tries.  The floor, measured in the same run, is one pass over the same
 * tries counting the right ones: the least any derivation must do.
 * Prints its figures and asserts nothing.
 *
 * Usage: bench_study COURSE-DIR [RECORDS]
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "course.h"
#include "diag.h"
#include "journal.h"
#include "progress.h"
#include "srs.h"
#include "study.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Through the progress API, as sessions would write it.  Each record is
 * fsynced: run with TMPDIR on a tmpfs (/dev/shm) to keep set-up short.
 */
static long
write_journal(struct progress *p, const struct course *c, long records,
    time_t start)
{
	long n = 0, attempt = 0;

	while (n < records) {
		for (size_t k = 0; k < c->nquizzes && n < records; k++) {
			const struct quiz *q = c->quizzes[k];
			time_t when = start + (time_t)(attempt++ * 60 * 86400 /
			    (records / 20 + 1));
			struct answer_record a = { .answer = "an answer",
			    .max = 1, .when = when };
			struct practice_record pr = { .quiz = q->id,
			    .verdict = "correct", .answer = "again",
			    .when = when + 600 };

			if (q->posttest)
				continue;
			progress_record_quiz_start(p, q->id, q->nquestions,
			    NULL);
			n++;
			for (size_t i = 0; i < q->nquestions; i++) {
				a.question = q->questions[i].id;
				a.verdict = "incorrect";
				a.try_no = 1;
				a.final = false;
				progress_record_answer(p, q->id, i, &a, NULL);
				a.verdict = "correct";
				a.try_no = 2;
				a.final = true;
				a.points = 0.5;
				progress_record_answer(p, q->id, i, &a, NULL);
				pr.question = q->questions[i].id;
				progress_record_practice(p, &pr, NULL);
				n += 3;
			}
			progress_record_quiz_end(p, q->id, 3, 6, false, NULL);
			n++;
		}
	}
	return n;
}

/* The floor: one pass over every try and practice try, counting. */
static long
floor_pass(const struct course *c, const struct progress *p)
{
	const struct practice_record *pr;
	size_t npr;
	long right = 0;

	for (size_t k = 0; k < c->nquizzes; k++) {
		const struct quiz_progress *qp = progress_quiz(p,
		    c->quizzes[k]->id);

		for (size_t a = 0; qp != NULL && a < qp->nattempts; a++)
			for (size_t t = 0; t < qp->attempts[a].ntries; t++)
				right += qp->attempts[a].tries[t].verdict[0] ==
				    'c';
	}
	pr = progress_practice(p, &npr);
	for (size_t k = 0; k < npr; k++)
		right += pr[k].verdict[0] == 'c';
	return right;
}

int
main(int argc, char **argv)
{
	long records = argc > 2 ? atol(argv[2]) : 100000, written, right = 0;
	const char *tmp = getenv("TMPDIR");
	char *dir, *learners, *path, *cause = NULL, *text;
	struct course c;
	struct diag d;
	struct progress *p;
	struct render_opts o = { .width = 80, .color = false, .plain = false };
	time_t start = 1796040000, today = start + 60 * 86400;
	double t0, floor_ms = 1e9, due_ms = 1e9, stats_ms = 1e9, ms;
	size_t due = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_study COURSE-DIR [RECORDS]\n");
		return 2;
	}
	diag_init(&d);
	course_load(&c, argv[1], &d);
	dir = xasprintf("%s/bench_study.XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	learners = xasprintf("%s/learners", dir);
	path = xasprintf("%s/bench.journal", learners);
	if ((p = progress_open(dir, "bench", &d, &cause)) == NULL) {
		fprintf(stderr, "bench_study: %s\n", cause);
		return 1;
	}
	written = write_journal(p, &c, records, start);
	progress_close(p);
	t0 = now();
	p = progress_open_readonly(dir, "bench", &d, &cause);
	if (p == NULL) {
		fprintf(stderr, "bench_study: %s\n", cause);
		return 1;
	}
	diag_print(&d, stderr);
	printf("study: journal of %ld records replayed in %.1f ms\n", written,
	    (now() - t0) * 1e3);
	/* Best of 5 runs each: the figure a learner waits for, not noise. */
	for (int round = 0; round < 5; round++) {
		t0 = now();
		right += floor_pass(&c, p);
		if ((ms = (now() - t0) * 1e3) < floor_ms)
			floor_ms = ms;
		t0 = now();
		text = study_due(&o, &c, p, today);
		if ((ms = (now() - t0) * 1e3) < due_ms)
			due_ms = ms;
		free(text);
		t0 = now();
		text = study_stats(&o, &c, p, today);
		if ((ms = (now() - t0) * 1e3) < stats_ms)
			stats_ms = ms;
		free(text);
	}
	{
		struct srs_deck deck;

		srs_deck_build(&deck, &c, p);
		due = srs_count_due(&deck, today);
		srs_deck_destroy(&deck);
	}
	printf("study: due %.1f ms, stats %.1f ms (goal: under 50 ms each); "
	    "floor, one pass counting %ld right tries: %.2f ms; %zu due\n",
	    due_ms, stats_ms, right / 5, floor_ms, due);
	progress_close(p);
	unlink(path);
	rmdir(learners);
	rmdir(dir);
	free(path);
	free(learners);
	free(dir);
	course_destroy(&c);
	diag_destroy(&d);
	return 0;
}
