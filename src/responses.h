/*
 * Marked responses (doc/FORMATS.md "Marked responses"): answers real
 * learners typed to a quiz's free-text questions, each with a fair
 * marker's mark.  They are the proof of a question's rules: --check
 * grades every one and reports where the grader and the marker differ.
 */
#ifndef PSOAS_RESPONSES_H
#define PSOAS_RESPONSES_H

#include <stddef.h>

#include "diag.h"

/*
 * The placeholder mark of a response waiting to be marked (flag.h prints
 * flagged answers with it): --check refuses it, so an answer pasted in
 * unmarked can never pass as marked.
 */
#define RESPONSES_UNMARKED "unmarked"

enum mark {
	MARK_CREDIT,		/* full credit */
	MARK_PARTIAL,		/* list: some items, fewer than needed */
	MARK_NOCREDIT,
};

struct response {
	enum mark mark;
	int items;		/* MARK_PARTIAL: items credited */
	char *answer;		/* as typed */
	char *note;		/* or NULL */
	long lineno;
};

struct response_group {
	char *question;		/* question id */
	long lineno;		/* of @question */
	struct response *r;
	size_t n;
};

struct responses {
	char *path;
	char *quiz;		/* quiz id */
	long quiz_lineno;
	struct response_group *groups;
	size_t ngroups;
};

/*
 * Parse path.  Problems go to d as "path:line[:col]: error: ...".
 * Returns a new set (free with responses_free), or NULL on any error.
 */
struct responses *responses_load(const char *path, struct diag *d);
void responses_free(struct responses *rs);

#endif
