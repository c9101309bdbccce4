/*
 * Benchmark: how long start-up takes to replay a long journal.  Writes
 * a journal of about N records through the progress API (quiz attempts
 * of 6 questions, each with a wrong try and a final answer, as a
 * practising learner leaves them), then times progress_open on it.
 * Prints its figures and asserts nothing.  Writing fsyncs every record,
 * so the set-up takes far longer than the replay it measures.
 *
 * Usage: bench_replay [RECORDS]   (default 100000)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "journal.h"
#include "progress.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
sit_once(struct progress *p)
{
	static const char *const ids[] = { "q1", "q2", "q3", "q4", "q5", "q6" };
	struct answer_record a = { .answer = "lesser trochanter", .max = 1 };

	progress_record_quiz_start(p, "bench-quiz", 6, NULL);
	for (size_t i = 0; i < 6; i++) {
		a.question = (char *)ids[i];
		a.verdict = "incorrect";
		a.try_no = 1;
		a.final = false;
		a.points = 0;
		progress_record_answer(p, "bench-quiz", i, &a, NULL);
		a.verdict = "correct";
		a.try_no = 2;
		a.final = true;
		a.points = 0.5;
		progress_record_answer(p, "bench-quiz", i, &a, NULL);
	}
	progress_record_quiz_end(p, "bench-quiz", 3, 6, false, NULL);
}

int
main(int argc, char **argv)
{
	long records = argc > 1 ? atol(argv[1]) : 100000;
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/bench_replay.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	char *path, *cause = NULL;
	struct progress *p;
	struct diag d;
	double t0, t1;
	long n = 0;

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	unsetenv(JOURNAL_FAULT_ENV);
	diag_init(&d);
	p = progress_open(dir, "bench", &d, &cause);
	if (p == NULL || cause != NULL) {
		fprintf(stderr, "bench_replay: %s\n", cause);
		return 1;
	}
	for (t0 = now(); n < records; n += 14)
		sit_once(p);
	t1 = now();
	progress_close(p);
	printf("journal of %ld records written in %.2f s\n", n, t1 - t0);

	t0 = now();
	p = progress_open(dir, "bench", &d, &cause);
	t1 = now();
	printf("replayed %ld records (%zu attempts) in %.3f s, %.2f us/record\n",
	    n, progress_quiz(p, "bench-quiz")->nattempts, t1 - t0,
	    (t1 - t0) * 1e6 / (double)n);
	progress_close(p);
	diag_destroy(&d);

	path = xasprintf("%s/learners/bench.journal", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/learners", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
	free(dir);
	return 0;
}
