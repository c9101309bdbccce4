/*
 * The learner's session: a readline prompt on a terminal, or one command
 * per line from a script, dispatching to lessons, quizzes and reports.
 */
#ifndef PSOAS_REPL_H
#define PSOAS_REPL_H

#include <stdbool.h>

#include "course.h"
#include "progress.h"
#include "render.h"

struct repl_config {
	const struct course *course;
	struct progress *progress;	/* may be NULL: no progress at all */
	struct render_opts render;
	bool fixed_width;		/* --width: do not follow the terminal */
	bool interactive;		/* stdin is a terminal: use readline */
	const char *history_path;	/* readline history file, or NULL */
	/* Called after each line is handled and at the end, when every
	 * record so far is on disk (the LRS queue, lrs.h); may be NULL. */
	void (*safe_point)(void *arg);
	void *safe_arg;
};

/*
 * Run the session until quit, end of input, SIGTERM or SIGHUP.  Returns
 * the exit status: 0, or 128 + the signal that ended the session.
 */
int repl_run(const struct repl_config *cfg);

#endif
