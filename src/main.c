/*
 * psoas-tutor: wiring only.  Parse the command line, find the course and
 * the learner's data, then hand over to the checker, a report, or the
 * interactive session, and make sure an output error is an exit error.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agreement.h"
#include "certificate.h"
#include "certify.h"
#include "check.h"
#include "digest.h"
#include "course.h"
#include "defaults.h"
#include "export.h"
#include "flag.h"
#include "grade.h"
#include "helper.h"
#include "lineio.h"
#include "lrs.h"
#include "msg.h"
#include "options.h"
#include "process.h"
#include "progress.h"
#include "provider.h"
#include "render.h"
#include "repl.h"
#include "rescore.h"
#include "report.h"
#include "submission.h"
#include "words.h"
#include "text.h"
#include "xmalloc.h"

/*
 * The text certificate of --certificate: on a terminal narrower than
 * the certificate, wrapped to it (or to --width); anywhere else the text
 * as a provider signs it, for printing.
 */
static int
certificate_width(const struct options *o)
{
	struct render_opts ro;

	if (o->width != 0)
		return o->width;
	if (!isatty(STDOUT_FILENO))
		return CERTIFICATE_TEXT_WIDTH;
	render_opts_detect(&ro, true, false);
	return ro.width;
}

static int
usage_error(const char *cause)
{
	fprintf(stderr, "psoas-tutor: %s\n"
	    "Try 'psoas-tutor --help' for more information.\n", cause);
	return EXIT_FAILURE;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Lessons of the course in use that the checked files do not define, so a
 * quiz checked on its own can still have its @taught pages verified.
 * Their own problems are not the checked files' problems: drop them.
 */
static void
add_reference_lessons(struct course *c, const char *course_dir)
{
	struct course ref;
	struct diag quiet;

	diag_init(&quiet);
	course_load(&ref, course_dir, &quiet);
	for (size_t i = 0; i < ref.nlessons; i++) {
		if (course_lesson_by_id(c, ref.lessons[i]->id, NULL) != NULL)
			continue;
		c->lessons = xreallocarray(c->lessons, c->nlessons + 1,
		    sizeof *c->lessons);
		c->lessons[c->nlessons++] = ref.lessons[i];
		c->nreference++;
		ref.lessons[i] = NULL;
	}
	for (size_t i = 0; i < ref.nlessons; i++)
		if (ref.lessons[i] != NULL)
			lesson_free(ref.lessons[i]);
	ref.nlessons = 0;
	course_destroy(&ref);
	diag_destroy(&quiet);
}

/*
 * The course digest (digest.h), for a provider to compare with the one a
 * submission names; a learner edition shows the one it was published from.
 */
static void
print_digest(const struct course *c)
{
	char hex[DIGEST_HEX_LEN + 1];

	if (c->manifest == NULL)
		return;
	if (course_digest_in_use(c, hex) != 0)
		msg_warning("%s: cannot compute the course digest: %s", c->dir,
		    strerror(errno));
	else
		printf("course digest: %s%s\n", hex, c->manifest->learner_edition
		    ? " (of the full course this learner edition was published "
		    "from)" : "");
}

static int
run_check(const struct options *o, const char *course_dir)
{
	struct course c;
	struct diag d;
	size_t nlessons, nquizzes, nquestions = 0, nexamples = 0;
	int status;

	diag_init(&d);
	memset(&c, 0, sizeof c);
	if (o->npaths == 0) {
		course_load(&c, course_dir, &d);
	} else {
		bool only_quizzes = true;

		c.dir = xstrdup(course_dir);
		for (int i = 0; i < o->npaths; i++) {
			const char *path = o->paths[i];

			if (is_dir(path)) {
				course_add_dir(&c, path, &d);
				only_quizzes = false;
			} else {
				course_add_file(&c, path, &d);
				if (!text_has_suffix(path, ".quiz") &&
				    !text_has_suffix(path, ".responses"))
					only_quizzes = false;
			}
		}
		/* A quiz checked alone still needs lessons for @lesson, @taught. */
		if (only_quizzes)
			add_reference_lessons(&c, course_dir);
		course_link(&c, &d);
	}
	nlessons = c.nlessons - c.nreference;
	nquizzes = c.nquizzes;
	for (size_t i = 0; i < c.nquizzes; i++) {
		nquestions += c.quizzes[i]->nquestions;
		for (size_t k = 0; k < c.quizzes[i]->nquestions; k++)
			nexamples += c.quizzes[i]->questions[k].nexamples;
	}
	check_course(&c, &d);
	words_check_course(&c, &d, stdout);
	diag_print(&d, stderr);

	status = d.errors > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
	if (d.errors > 0)
		msg_error("%zu error%s", d.errors, d.errors == 1 ? "" : "s");
	/* Matches help most while an example is failing: show them anyway. */
	if (o->show_matches != NULL) {
		char *quiz = xstrdup(o->show_matches);
		char *colon = strchr(quiz, ':');

		if (colon != NULL)
			*colon++ = '\0';
		if (check_show_matches(&c, quiz, colon, stdout) != 0)
			status = EXIT_FAILURE;
		free(quiz);
	} else if (o->coverage) {
		check_print_coverage(&c, stdout);
	} else if (o->agreement) {
		agreement_print(&c, true, stdout);
	} else if (d.errors == 0) {
		printf("psoas-tutor: %zu lesson%s, %zu quiz%s, %zu question%s, "
		    "%zu example%s: no errors%s\n", nlessons,
		    nlessons == 1 ? "" : "s", nquizzes, nquizzes == 1 ? "" : "zes",
		    nquestions, nquestions == 1 ? "" : "s", nexamples,
		    nexamples == 1 ? "" : "s",
		    d.warnings > 0 ? " (see warnings)" : "");
		agreement_print(&c, false, stdout);
		if (o->npaths == 0)
			print_digest(&c);
	}
	diag_destroy(&d);
	course_destroy(&c);
	return status;
}

/* Load the course for learning: report broken files, keep the rest. */
static bool
load_course_for_learner(struct course *c, const char *dir)
{
	struct diag d;
	bool usable;

	diag_init(&d);
	course_load(c, dir, &d);
	diag_print(&d, stderr);
	if (d.errors > 0 && c->nlessons > 0)
		msg_warning("files with errors were left out; run "
		    "'psoas-tutor --check' for details");
	usable = c->nlessons > 0;
	if (!usable)
		msg_error("no usable lessons in %s", dir);
	diag_destroy(&d);
	return usable;
}

/* The session's safe point: statements to the LRS (lrs.h). */
static void
safe_point(void *arg)
{
	char *notice = lrs_safe_point(arg);

	if (notice != NULL)
		msg_warning("%s", notice);
	free(notice);
}

/*
 * A learner's session may create the journal; a report (--progress,
 * --export, --certificate, --all-learners) only reads, so a mistyped
 * learner or data folder is an error and never a new, empty learner.
 */
static struct progress *
open_progress(const char *data_dir, const char *learner, bool readonly)
{
	struct diag d;
	char *cause = NULL;
	struct progress *p;

	diag_init(&d);
	p = readonly ? progress_open_readonly(data_dir, learner, &d, &cause) :
	    progress_open(data_dir, learner, &d, &cause);
	diag_print(&d, stderr);
	diag_destroy(&d);
	if (cause != NULL && p != NULL)
		msg_warning("%s", cause);
	else if (cause != NULL)
		msg_error("%s", cause);
	free(cause);
	return p;
}

/*
 * --regrade: one learner's journal graded again and appended to.  The
 * learner must have a journal already: a regrade never makes one.
 */
static bool
regrade_learner(const struct course *c, const char *data_dir,
    const char *learner)
{
	struct progress *p = open_progress(data_dir, learner, true);
	char *cause = NULL;
	bool ok;

	if (p == NULL)
		return false;
	progress_close(p);
	if ((p = open_progress(data_dir, learner, false)) == NULL)
		return false;
	if (!progress_is_durable(p)) {
		msg_error("%s: not graded again: its journal cannot be written",
		    learner);
		progress_close(p);
		return false;
	}
	ok = rescore_progress(c, p, stdout, &cause) >= 0;
	if (!ok)
		msg_error("%s: %s", learner, cause);
	free(cause);
	progress_close(p);
	return ok;
}

/*
 * --all-learners: an instructor's view of every learner with a journal
 * under data_dir, as a class summary (--progress) or one export.
 */
static int
run_all_learners(const struct options *o, const struct course *c,
    const char *data_dir)
{
	size_t n = 0, nopen = 0;
	char **names = progress_list_learners(data_dir, &n);
	struct progress **ps = xcalloc(n ? n : 1, sizeof *ps);
	char *cause = NULL;
	int rc;

	for (size_t i = 0; i < n; i++) {
		struct progress *p = NULL;

		/* Each learner in turn: a journal open at a time. */
		if (o->mode == MODE_REGRADE)
			nopen += regrade_learner(c, data_dir, names[i]);
		else if ((p = open_progress(data_dir, names[i], true)) != NULL)
			ps[nopen++] = p;
		free(names[i]);
	}
	free(names);
	if (o->mode == MODE_REGRADE)
		rc = 0;
	else if (o->mode == MODE_FLAGGED)
		rc = (flag_report(stdout, c, ps, nopen), 0);
	else if (o->mode == MODE_EXPORT)
		rc = export_write(stdout, c, ps, nopen, o->export_format,
		    &cause);
	else
		rc = report_class(stdout, c, ps, nopen);
	if (cause != NULL)
		msg_error("%s", cause);
	free(cause);
	for (size_t i = 0; i < nopen; i++)
		progress_close(ps[i]);
	free(ps);
	return rc == 0 && nopen == n ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main(int argc, char **argv)
{
	struct options o;
	char *cause = NULL, *course_dir = NULL, *data_dir = NULL;
	const char *learner;
	struct course c;
	struct progress *p = NULL;
	int status = EXIT_FAILURE;

	process_start();
	/* The provider's commands are a program of their own, the one that
	 * links SQLite (helper.h); it runs in this process's place. */
	if (argc > 1 && strcmp(argv[1], "provider") == 0) {
		helper_exec(&helper_provider, argv + 1, &cause);
		msg_error("%s", cause);
		free(cause);
		return EXIT_FAILURE;
	}
	if (options_parse(&o, argc, argv, &cause) != 0) {
		status = usage_error(cause);
		free(cause);
		return status;
	}
	if (o.mode == MODE_HELP) {
		options_print_help(stdout);
		return EXIT_SUCCESS;
	}
	if (o.mode == MODE_VERSION) {
		options_print_version(stdout);
		return EXIT_SUCCESS;
	}
	course_dir = options_course_dir(&o);
	if (o.mode == MODE_PUBLISH) {
		status = provider_publish(&o, course_dir);
		free(course_dir);
		return status;
	}
	if (o.mode == MODE_VERIFY) {
		status = provider_verify(&o, course_dir);
		free(course_dir);
		return status;
	}
	if (o.mode == MODE_CHECK) {
		status = run_check(&o, course_dir);
		free(course_dir);
		return status;
	}

	memset(&c, 0, sizeof c);
	learner = options_learner(&o);
	if (!load_course_for_learner(&c, course_dir))
		goto out;
	data_dir = options_data_dir(&o, &cause);
	if (data_dir == NULL) {
		if (o.mode == MODE_REPL)
			msg_warning("%s", cause);
		else
			msg_error("%s", cause);
		free(cause);
		cause = NULL;
		if (o.mode != MODE_REPL)
			goto out;
	} else if (o.all_learners) {
		status = run_all_learners(&o, &c, data_dir);
		goto out;
	} else if (o.mode == MODE_REGRADE) {
		status = regrade_learner(&c, data_dir, learner) ? EXIT_SUCCESS :
		    EXIT_FAILURE;
		goto out;
	} else {
		/* NULL means the journal must not be touched (a newer format). */
		p = open_progress(data_dir, learner, o.mode != MODE_REPL);
		if (p == NULL)
			goto out;
	}

	switch (o.mode) {
	case MODE_PROGRESS:
		status = report_progress(stdout, &c, p, &(struct render_opts){
		    .width = o.width ? o.width : DEFAULT_WIDTH, .plain = o.plain})
		    == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
		break;
	case MODE_EXPORT:
		status = export_write(stdout, &c, &p, 1, o.export_format,
		    &cause) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
		break;
	case MODE_SUBMIT:
		status = submission_write(o.submit_path, &c,
		    progress_journal_path(p), learner, &cause) == 0 ?
		    EXIT_SUCCESS : EXIT_FAILURE;
		if (status == EXIT_SUCCESS)
			printf("Submission written to %s: send this file to "
			    "your provider (e-mail or upload) for grading.\n",
			    o.submit_path);
		break;
	case MODE_SEND:
		/* psoas-tutor-send says what it sent; here, what stopped it. */
		status = lrs_send(data_dir, learner, &c,
		    progress_journal_path(p), o.send_due, &cause);
		if (status < 0) {
			printf("0 statements sent to the LRS\n");
			status = EXIT_FAILURE;
		}
		break;
	case MODE_FLAGGED:
		flag_report(stdout, &c, &p, 1);
		status = EXIT_SUCCESS;
		break;
	case MODE_CERTIFICATE:
		status = certify_print(stdout, o.pdf_path, certificate_width(&o),
		    &c, p, &cause) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
		break;
	default: {
		struct repl_config cfg = {
			.course = &c,
			.progress = p,
			.interactive = isatty(STDIN_FILENO),
		};
		char *history = NULL, *why = NULL;
		struct lrs *lrs = NULL;

		if (p != NULL && progress_is_durable(p) && data_dir != NULL &&
		    (lrs = lrs_open(data_dir, learner, &c,
		    progress_journal_path(p), &why)) != NULL) {
			cfg.safe_point = safe_point;
			cfg.safe_arg = lrs;
		}
		if (why != NULL)
			msg_warning("%s", why);
		free(why);
		if (p == NULL)
			msg_warning("progress will not be saved in this "
			    "session");
		render_opts_detect(&cfg.render, o.no_color, o.plain);
		if (o.width != 0)
			cfg.render.width = o.width;
		cfg.fixed_width = o.width != 0;
		if (!cfg.interactive)
			cfg.render.color = false;
		if (p != NULL && progress_is_durable(p) && data_dir != NULL) {
			history = xasprintf("%s/learners/%s.history", data_dir,
			    learner);
			cfg.history_path = history;
		}
		grade_set_stop_check(lineio_stop_pending);
		status = repl_run(&cfg);
		if (status == 128 + SIGHUP)
			process_terminal_gone();
		lrs_close(lrs);
		free(history);
		break;
	}
	}
out:
	if (cause != NULL)
		msg_error("%s", cause);
	free(cause);
	progress_close(p);
	course_destroy(&c);
	free(course_dir);
	free(data_dir);
	return status;
}
