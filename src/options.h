/*
 * The command line: what the user asked for, with every default decided
 * in one place, and where the course and the learner's data live.
 */
#ifndef PSOAS_OPTIONS_H
#define PSOAS_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

enum run_mode {
	MODE_REPL,
	MODE_CHECK,
	MODE_PROGRESS,
	MODE_EXPORT,
	MODE_CERTIFICATE,
	MODE_VERIFY,
	MODE_REGRADE,
	MODE_PUBLISH,
	MODE_SUBMIT,
	MODE_SEND,
	MODE_FLAGGED,
	MODE_HELP,
	MODE_VERSION,
};

struct options {
	enum run_mode mode;
	const char *course_dir;		/* --course, or NULL */
	const char *data_dir;		/* --data-dir, or NULL */
	const char *learner;		/* --learner, or NULL */
	const char *show_matches;	/* --show-matches QUIZ[:QUESTION] */
	const char *export_format;	/* --export FORMAT */
	const char *pdf_path;		/* --pdf FILE (with --certificate) */
	const char *verify_path;	/* --verify CERTIFICATE */
	const char *key_path;		/* --key FILE (--verify, --publish) */
	const char *publish_dir;	/* --publish OUTDIR */
	const char *submit_path;	/* --submit FILE */
	bool send_due;			/* --send=due: only when the back-off allows */
	bool coverage;			/* --coverage (with --check) */
	bool agreement;			/* --agreement (with --check) */
	bool all_learners;		/* --all-learners (--progress, --export,
					 * --regrade, --flagged) */
	bool plain;
	bool no_color;
	int width;			/* --width, 0 = from the terminal */
	char **paths;			/* --check operands (borrowed argv) */
	int npaths;
};

/*
 * Parse argv into o.  Returns 0, or -1 on a usage error with *cause set
 * to a new message (the caller prints it with a --help hint, exit 1).
 */
int options_parse(struct options *o, int argc, char **argv, char **cause);

void options_print_help(FILE *fp);
void options_print_version(FILE *fp);

/*
 * The course folder to use: --course, else $PSOAS_TUTOR_COURSE, else the
 * source tree when this binary runs from its build tree, else the
 * installed $(pkgdatadir).  Returns a new string.
 */
char *options_course_dir(const struct options *o);

/*
 * The learner's data folder: --data-dir, else $XDG_DATA_HOME/psoas-tutor
 * (when absolute), else ~/.local/share/psoas-tutor.  Returns a new string,
 * or NULL with *cause when no home folder can be found.
 */
char *options_data_dir(const struct options *o, char **cause);

/* --learner, else $PSOAS_TUTOR_LEARNER, else DEFAULT_LEARNER. */
const char *options_learner(const struct options *o);

#endif
