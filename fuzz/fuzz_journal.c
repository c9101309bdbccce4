/*
 * libFuzzer harness: hostile journals.  The input is replayed from
 * memory as a learner's journal (no file written), and every report a journal
 * feeds is produced from it: the learner's progress, the class summary,
 * the certificate check and each export format.  Any crash, leak or
 * sanitizer report is a bug; a damaged record must only ever be warned
 * about and skipped.  The course is the test course
 * (FUZZ_COURSE, default tests/data/course from the current folder).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certify.h"
#include "course.h"
#include "export.h"
#include "progress.h"
#include "render.h"
#include "report.h"

static struct course course;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("FUZZ_COURSE");
	struct diag d;

	(void)argc, (void)argv;
	diag_init(&d);
	memset(&course, 0, sizeof course);
	course_load(&course, dir != NULL ? dir : "tests/data/course", &d);
	diag_destroy(&d);
	sink = fopen("/dev/null", "w");
	return sink == NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static const char *const formats[] = {"csv", "tsv", "attempts-csv",
	    "evaluations-csv", "lessons-csv", "draws-tsv"};
	const struct render_opts o = {.width = 72, .plain = true};
	struct progress *p;
	struct diag d;
	char *cause = NULL;

	diag_init(&d);
	p = progress_open_buffer("learners/f.journal", (const char *)bytes,
	    size, &d, &cause);
	free(cause);
	if (p != NULL) {
		report_progress(sink, &course, p, &o);
		report_class(sink, &course, &p, 1);
		for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
			cause = NULL;
			export_write(sink, &course, &p, 1, formats[i], &cause);
			free(cause);
		}
		cause = NULL;
		certify_print(sink, NULL, &course, p, &cause);
		free(cause);
		progress_close(p);
	}
	diag_destroy(&d);
	return 0;
}
