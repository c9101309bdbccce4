/*
 * The course manifest: course.manifest at the course root (doc/FORMATS.md
 * "Course manifest", psoas-tutor(5)).  It holds what a CE approver signs
 * off and what a certificate must show: the approved title, version,
 * course type, CE hours, the provider, state approvals, authors, and the
 * post-test rules and evaluation items.  The struct is public because the
 * checker, the post-test gate and the certificate read it; only
 * manifest.c builds or frees it.
 */
#ifndef PSOAS_MANIFEST_H
#define PSOAS_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define MANIFEST_NAME "course.manifest"	/* file name in the course root */

struct manifest_approval {
	char *board;		/* "Florida Board of Massage Therapy" */
	char *number;		/* the approval number as the board wrote it */
	long lineno;
};

enum manifest_eval_kind { MANIFEST_LIKERT, MANIFEST_TEXT };

struct manifest_eval {
	enum manifest_eval_kind kind;	/* Likert 1-5, or free text */
	char *id;		/* [a-z0-9][a-z0-9-]*, unique in the manifest */
	char *text;		/* the statement or question shown */
	long lineno;
};

struct manifest {
	char *path;
	char *course;		/* course id */
	char *title;		/* title as approved */
	char *version;
	char *type;		/* "home study" */
	char *hours;		/* CE hours as written ("2" or "1.5") */
	int hours10;		/* the same, in tenths of an hour */
	char *provider_name;
	char *provider_address;
	char *provider_email;
	char *provider_number;
	char *provider_site;	/* https://... or NULL: names learners and
				 * activities in xAPI statements (xapi.h) */
	struct manifest_approval *approvals;
	size_t napprovals;
	char **authors;		/* "NAME, CREDENTIALS" */
	size_t nauthors;
	char *posttest;		/* quiz id of the post-test */
	int pass;		/* post-test pass mark, percent (1..100) */
	int attempts;		/* post-test attempt limit (>= 1) */
	int wait_hours;		/* hours between post-test attempts (>= 0) */
	bool require_practice;	/* practice quizzes passed first */
	struct manifest_eval *evals;
	size_t nevals;
	/*
	 * A learner edition (publish.h): "@edition learner", the full
	 * course's digest (digest.h) and the provider's public key file.
	 */
	bool learner_edition;
	char *digest;		/* 64 hex digits, or NULL */
	char *public_key;	/* a file name in the course root, or NULL */
	/* Line of each single-valued directive, for checks that cite it. */
	long hours_line, posttest_line, pass_line, digest_line;
};

/*
 * Parse path.  Every problem goes to d as "path:line[:col]: error: ...";
 * a missing required directive is reported at line 1.  Returns a new
 * manifest the caller frees with manifest_free, or NULL when the file had
 * any error.  manifest_parse does the same for size bytes of buf,
 * reported under name (manifest_load is it after reading the file).
 */
struct manifest *manifest_load(const char *path, struct diag *d);
struct manifest *manifest_parse(const char *name, const char *buf,
    size_t size, struct diag *d);
void manifest_free(struct manifest *m);

#endif
