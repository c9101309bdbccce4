/*
 * Command-line parsing by GNU conventions (getopt_long, --help to stdout
 * with exit 0, usage errors to stderr with exit 1) and the resolution of
 * the folders the program reads and writes.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "defaults.h"
#include "export.h"
#include "options.h"
#include "progress.h"
#include "xmalloc.h"

enum {
	OPT_COURSE = 256,
	OPT_DATA_DIR,
	OPT_LEARNER,
	OPT_CHECK,
	OPT_SHOW_MATCHES,
	OPT_COVERAGE,
	OPT_AGREEMENT,
	OPT_ALL_LEARNERS,
	OPT_PROGRESS,
	OPT_EXPORT,
	OPT_CERTIFICATE,
	OPT_PDF,
	OPT_PLAIN,
	OPT_NO_COLOR,
	OPT_WIDTH,
	OPT_VERIFY,
	OPT_KEY,
	OPT_REGRADE,
	OPT_PUBLISH,
	OPT_SUBMIT,
	OPT_SEND,
	OPT_FLAGGED,
};

static const struct option longopts[] = {
	{"course", required_argument, NULL, OPT_COURSE},
	{"data-dir", required_argument, NULL, OPT_DATA_DIR},
	{"learner", required_argument, NULL, OPT_LEARNER},
	{"check", no_argument, NULL, OPT_CHECK},
	{"show-matches", required_argument, NULL, OPT_SHOW_MATCHES},
	{"coverage", no_argument, NULL, OPT_COVERAGE},
	{"agreement", no_argument, NULL, OPT_AGREEMENT},
	{"all-learners", no_argument, NULL, OPT_ALL_LEARNERS},
	{"progress", no_argument, NULL, OPT_PROGRESS},
	{"export", required_argument, NULL, OPT_EXPORT},
	{"certificate", no_argument, NULL, OPT_CERTIFICATE},
	{"pdf", required_argument, NULL, OPT_PDF},
	{"plain", no_argument, NULL, OPT_PLAIN},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"no-colour", no_argument, NULL, OPT_NO_COLOR},
	{"width", required_argument, NULL, OPT_WIDTH},
	{"verify", required_argument, NULL, OPT_VERIFY},
	{"key", required_argument, NULL, OPT_KEY},
	{"regrade", no_argument, NULL, OPT_REGRADE},
	{"publish", required_argument, NULL, OPT_PUBLISH},
	{"submit", required_argument, NULL, OPT_SUBMIT},
	{"send", optional_argument, NULL, OPT_SEND},
	{"flagged", no_argument, NULL, OPT_FLAGGED},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static int
set_mode(struct options *o, enum run_mode mode, const char *name,
    char **cause)
{
	if (o->mode != MODE_REPL && o->mode != mode) {
		*cause = xasprintf("%s cannot be combined with another action",
		    name);
		return -1;
	}
	o->mode = mode;
	return 0;
}

/*
 * getopt_long says only that a long option was not taken; say whether it
 * was unknown or an abbreviation of several ("--co": --course, --coverage).
 */
static char *
unknown_long_option(const char *arg)
{
	const char *name = arg + strspn(arg, "-");
	size_t len = strcspn(name, "=");
	char *matches = xstrdup("");
	size_t n = 0;

	for (const struct option *lo = longopts; lo->name != NULL; lo++)
		if (strncmp(lo->name, name, len) == 0) {
			char *more = xasprintf("%s%s--%s", matches, n ? ", " : "",
			    lo->name);

			free(matches);
			matches = more;
			n++;
		}
	if (n > 1) {
		char *cause = xasprintf("option '%.*s' is ambiguous (%s)",
		    (int)(name - arg + len), arg, matches);

		free(matches);
		return cause;
	}
	free(matches);
	return xasprintf("unknown option '%s'", arg);
}

int
options_parse(struct options *o, int argc, char **argv, char **cause)
{
	int c;

	memset(o, 0, sizeof *o);
	o->mode = MODE_REPL;
	*cause = NULL;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_COURSE:
			o->course_dir = optarg;
			break;
		case OPT_DATA_DIR:
			o->data_dir = optarg;
			break;
		case OPT_LEARNER:
			if (!progress_valid_learner(optarg)) {
				*cause = progress_learner_problem(optarg);
				return -1;
			}
			o->learner = optarg;
			break;
		case OPT_CHECK:
			if (set_mode(o, MODE_CHECK, "--check", cause) != 0)
				return -1;
			break;
		case OPT_SHOW_MATCHES:
			o->show_matches = optarg;
			if (set_mode(o, MODE_CHECK, "--show-matches", cause) != 0)
				return -1;
			break;
		case OPT_COVERAGE:
			o->coverage = true;
			if (set_mode(o, MODE_CHECK, "--coverage", cause) != 0)
				return -1;
			break;
		case OPT_AGREEMENT:
			o->agreement = true;
			if (set_mode(o, MODE_CHECK, "--agreement", cause) != 0)
				return -1;
			break;
		case OPT_ALL_LEARNERS:
			o->all_learners = true;
			break;
		case OPT_PROGRESS:
			if (set_mode(o, MODE_PROGRESS, "--progress", cause) != 0)
				return -1;
			break;
		case OPT_EXPORT:
			if (!export_known(optarg)) {
				*cause = xasprintf("--export: unknown format '%s' (use "
				    "one of: %s)", optarg, export_formats());
				return -1;
			}
			o->export_format = optarg;
			if (set_mode(o, MODE_EXPORT, "--export", cause) != 0)
				return -1;
			break;
		case OPT_CERTIFICATE:
			if (set_mode(o, MODE_CERTIFICATE, "--certificate", cause) != 0)
				return -1;
			break;
		case OPT_PDF:
			if (optarg[0] == '\0') {
				*cause = xstrdup("--pdf: give the file to write");
				return -1;
			}
			o->pdf_path = optarg;
			break;
		case OPT_VERIFY:
			o->verify_path = optarg;
			if (set_mode(o, MODE_VERIFY, "--verify", cause) != 0)
				return -1;
			break;
		case OPT_KEY:
			o->key_path = optarg;
			break;
		case OPT_REGRADE:
			if (set_mode(o, MODE_REGRADE, "--regrade", cause) != 0)
				return -1;
			break;
		case OPT_PUBLISH:
			o->publish_dir = optarg;
			if (set_mode(o, MODE_PUBLISH, "--publish", cause) != 0)
				return -1;
			break;
		case OPT_SUBMIT:
			if (optarg[0] == '\0') {
				*cause = xstrdup("--submit: give the file to write");
				return -1;
			}
			o->submit_path = optarg;
			if (set_mode(o, MODE_SUBMIT, "--submit", cause) != 0)
				return -1;
			break;
		case OPT_SEND:
			if (optarg != NULL && strcmp(optarg, "due") != 0) {
				*cause = xasprintf("--send: '%s' is not 'due'",
				    optarg);
				return -1;
			}
			o->send_due = optarg != NULL;
			if (set_mode(o, MODE_SEND, "--send", cause) != 0)
				return -1;
			break;
		case OPT_FLAGGED:
			if (set_mode(o, MODE_FLAGGED, "--flagged", cause) != 0)
				return -1;
			break;
		case OPT_PLAIN:
			o->plain = true;
			break;
		case OPT_NO_COLOR:
			o->no_color = true;
			break;
		case OPT_WIDTH: {
			char *end;
			long w;

			errno = 0;
			w = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || w < MIN_WIDTH ||
			    w > 1000) {
				*cause = xasprintf("--width: expected a number of "
				    "columns from %d to 1000, not '%s'", MIN_WIDTH,
				    optarg);
				return -1;
			}
			o->width = (int)w;
			break;
		}
		case 'h':
			o->mode = MODE_HELP;
			return 0;
		case 'V':
			o->mode = MODE_VERSION;
			return 0;
		case ':':
			*cause = xasprintf("option '%s' needs an argument",
			    argv[optind - 1]);
			return -1;
		default:
			if (optopt != 0)
				*cause = xasprintf("unknown option '-%c'", optopt);
			else
				*cause = unknown_long_option(argv[optind - 1]);
			return -1;
		}
	}
	if (o->all_learners && o->mode != MODE_PROGRESS &&
	    o->mode != MODE_EXPORT && o->mode != MODE_REGRADE &&
	    o->mode != MODE_FLAGGED) {
		*cause = xstrdup("--all-learners goes with --progress, --export, "
		    "--regrade or --flagged");
		return -1;
	}
	if (o->pdf_path != NULL && o->mode != MODE_CERTIFICATE) {
		*cause = xstrdup("--pdf goes with --certificate");
		return -1;
	}
	if (o->key_path != NULL && o->mode != MODE_VERIFY &&
	    o->mode != MODE_PUBLISH) {
		*cause = xstrdup("--key goes with --verify or --publish");
		return -1;
	}
	if (optind < argc) {
		if (o->mode != MODE_CHECK || o->show_matches != NULL) {
			*cause = xasprintf("unexpected argument '%s'", argv[optind]);
			return -1;
		}
		o->paths = argv + optind;
		o->npaths = argc - optind;
	}
	return 0;
}

void
options_print_help(FILE *fp)
{
	fputs(
"Usage: psoas-tutor [OPTION]...\n"
"   or: psoas-tutor --check [PATH]...\n"
"   or: psoas-tutor provider COMMAND [ARG]...  (see psoas-tutor(1))\n"
"A terminal tutor and quiz on the iliopsoas for manual therapists.\n"
"\n"
"With no action, start the tutor: read lessons page by page, take quizzes\n"
"graded as you answer, and keep your progress. Type 'help' inside.\n"
"\n"
"Actions:\n"
"      --check [PATH]...   check course files and every example answer;\n"
"                          PATH is a course folder or a .lesson/.quiz file\n"
"                          (default: the course in use)\n"
"      --show-matches QUIZ[:QUESTION]\n"
"                          check, then show which rule each example hit\n"
"      --coverage          check, then list the lesson page each question\n"
"                          relies on, and how many questions test each page\n"
"      --agreement         check, then print how the grader agrees with\n"
"                          the marked responses, per question and per rule\n"
"      --progress          print the learner's progress report\n"
"      --export FORMAT     print the learner's records for auditors: csv or\n"
"                          tsv (one row per answer); attempts-, lessons-,\n"
"                          draws- and evaluations-csv or -tsv (one row per\n"
"                          quiz attempt, lesson, drawn question or\n"
"                          evaluation answer)\n"
"      --certificate       print the certificate of completion\n"
"      --pdf FILE          with --certificate: write it as a PDF to FILE\n"
"      --verify CERTIFICATE\n"
"                          check a provider-signed certificate (text or\n"
"                          PDF) offline: valid, or why not\n"
"      --publish OUTDIR    (a provider) write the learner edition of the\n"
"                          course to OUTDIR, new or empty: no answer keys\n"
"                          in the post-test, which the provider grades\n"
"      --key FILE          with --verify or --publish: the provider's\n"
"                          public key (default for --verify: the one the\n"
"                          manifest names with @public-key, else the\n"
"                          course's provider.pub; else, and for --publish,\n"
"                          the data folder's provider/provider.pub)\n"
"      --regrade           grade the learner's recorded answers again with\n"
"                          the course's rules as they are now, record the\n"
"                          new verdicts and say what changed\n"
"      --submit FILE       write the learner's submission for the provider\n"
"                          (xAPI statements) to FILE, a new file\n"
"      --send[=due]        send the learner's queued statements to the\n"
"                          provider's LRS (DATA/lrs.conf) now; =due: only\n"
"                          when the back-off allows (what a session runs)\n"
"      --flagged           the verdicts the learner flagged, per question,\n"
"                          as marked responses waiting for their marks\n"
"      --all-learners      with --progress: a class summary, one line per\n"
"                          learner; with --export: every learner's rows;\n"
"                          with --regrade: every learner's journal; with\n"
"                          --flagged: every learner's flags\n"
"  -h, --help              display this help and exit\n"
"  -V, --version           output version information and exit\n"
"\n", fp);
	/* Two strings: C17 compilers need only take 4095 characters in one. */
	fputs(
"Options:\n"
"      --course DIR        use the course in DIR (lessons/ and quizzes/)\n"
"      --data-dir DIR      keep progress and history in DIR\n"
"                          (default: $XDG_DATA_HOME/psoas-tutor or\n"
"                          ~/.local/share/psoas-tutor)\n"
"      --learner NAME      whose progress to use (default: \"" DEFAULT_LEARNER "\")\n"
"      --plain             screen-reader mode: no colour, no boxes, figures\n"
"                          as text descriptions (also when TERM=dumb)\n"
"      --no-color          no colour (also when NO_COLOR is set)\n"
"      --width N           wrap text to N columns instead of the terminal's\n"
"\n"
"Exit status: 0 on success, 1 on a usage error or when --check finds\n"
"problems, or when --certificate is asked for before every lesson is\n"
"read and the post-test passed.\n"
"\n"
"See psoas-tutor(1) and, for the file formats, psoas-tutor(5).\n",
	    fp);
}

void
options_print_version(FILE *fp)
{
	fputs(PACKAGE_NAME " " PACKAGE_VERSION "\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"
	    "The course is education, not medical advice.\n", fp);
}

/* True when this process's executable sits in the build tree's src/. */
static bool
running_from_build_tree(void)
{
	char exe[PATH_MAX], *slash, *real_bindir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	bool same;

	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return false;
	*slash = '\0';
	real_bindir = realpath(BUILD_BINDIR, NULL);
	same = real_bindir != NULL && strcmp(exe, real_bindir) == 0;
	free(real_bindir);
	return same;
}

char *
options_course_dir(const struct options *o)
{
	const char *env = getenv("PSOAS_TUTOR_COURSE");

	if (o->course_dir != NULL)
		return xstrdup(o->course_dir);
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if (running_from_build_tree())
		return xstrdup(BUILD_SRCDIR);
	return xstrdup(PKGDATADIR);
}

char *
options_data_dir(const struct options *o, char **cause)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (o->data_dir != NULL)
		return xstrdup(o->data_dir);
	/* The XDG spec says a relative path is invalid and must be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/psoas-tutor", xdg);
	if (home == NULL || home[0] == '\0') {
		struct passwd *pw = getpwuid(getuid());

		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL || home[0] == '\0') {
		*cause = xstrdup("cannot find a home folder for progress; "
		    "use --data-dir DIR");
		return NULL;
	}
	return xasprintf("%s/.local/share/psoas-tutor", home);
}

const char *
options_learner(const struct options *o)
{
	const char *env = getenv("PSOAS_TUTOR_LEARNER");

	if (o->learner != NULL)
		return o->learner;
	if (env != NULL && env[0] != '\0')
		return env;
	return DEFAULT_LEARNER;
}
