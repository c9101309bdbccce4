/*
 * libFuzzer harness: hostile course files and hostile answers.  The input
 * is written out as a lesson and as a quiz and parsed as both; when the
 * quiz parses, every question is graded against the input itself as an
 * answer.  Any crash, leak or sanitizer report is a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "grade.h"
#include "lesson.h"
#include "quiz.h"

static void
write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		abort();
	fwrite(data, 1, size, fp);
	fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char lesson_path[64], quiz_path[64];
	struct diag d;
	struct lesson *l;
	struct quiz *q;

	snprintf(lesson_path, sizeof lesson_path, "/tmp/fuzz-%d.lesson",
	    (int)getpid());
	snprintf(quiz_path, sizeof quiz_path, "/tmp/fuzz-%d.quiz", (int)getpid());
	write_file(lesson_path, data, size);
	write_file(quiz_path, data, size);

	diag_init(&d);
	l = lesson_load(lesson_path, &d);
	lesson_free(l);
	q = quiz_load(quiz_path, &d);
	if (q != NULL) {
		for (size_t i = 0; i < q->nquestions; i++) {
			struct grade_result r;

			grade_answer(&q->questions[i], (const char *)data, size, &r);
			grade_result_destroy(&r);
		}
		quiz_free(q);
	}
	diag_destroy(&d);
	unlink(lesson_path);
	unlink(quiz_path);
	return 0;
}
