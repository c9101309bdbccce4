/*
 * psoas-tutor-provider: the provider commands, a small table of
 * subcommands over seal.h (keys, signatures), the provider's folder
 * (provider.h) and its registry (provider/registry.h).  Wiring only; each
 * rule lives in the module named beside it.  It is the one program that
 * links SQLite, so the tutor's start-up never pays for it: people type
 * `psoas-tutor provider ...`, and the tutor runs this program in its
 * place with the same arguments (helper.h), so argv[0] is this program
 * and argv[1] on are what followed "provider".
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certificate.h"
#include "certify.h"
#include "clock.h"
#include "course.h"
#include "diag.h"
#include "manifest.h"
#include "digest.h"
#include "msg.h"
#include "options.h"
#include "process.h"
#include "progress.h"
#include "provider.h"
#include "publish.h"
#include "regrade.h"
#include "provider/reissue.h"
#include "provider/registry.h"
#include "seal.h"
#include "slurp.h"
#include "strbuf.h"
#include "submission.h"
#include "xmalloc.h"

struct provider_args {
	const char *dir;	/* --dir, or NULL */
	const char *course;	/* --course, or NULL */
	char **argv;		/* the command's operands */
	int argc;
};

static int
cmd_keygen(const struct provider_args *a, const char *dir)
{
	char *cause = NULL;
	struct seal_key k;

	if (a->argc != 0) {
		msg_error("provider keygen takes no arguments");
		return EXIT_FAILURE;
	}
	if (seal_keygen(dir, &cause) != 0 ||
	    seal_load_secret(dir, &k, &cause) != 0) {
		msg_error("%s", cause);
		free(cause);
		return EXIT_FAILURE;
	}
	printf("Provider key pair made in %s:\n"
	    "  %s/%s  secret: keep it on this machine only (mode 0600)\n"
	    "  %s/%s  public: give it to learners and auditors\n"
	    "Key %s\n", dir, dir, SEAL_SECRET_FILE, dir, SEAL_PUBLIC_FILE,
	    k.hex);
	return EXIT_SUCCESS;
}

/* ------------------------------------------------------------- grading */

/* What one grading run shares: the course, the key, the registry. */
struct grader {
	struct course course;
	struct seal_key key;
	struct registry *reg;
	const char *dir;
	char *out;		/* where certificates go: DIR/certificates */
	char digest[DIGEST_HEX_LEN + 1];	/* the course's (digest.h) */
	struct xapi_course xc;	/* for xAPI submissions, unless */
	char *xapi_why;		/* the course cannot read them: why */
};

/* Read a whole submission file (never through a link) into memory. */
static char *
read_submission(const char *path, size_t *len, char **cause)
{
	char *bytes = slurp_at(AT_FDCWD, path, len);

	if (bytes == NULL)
		*cause = xasprintf("cannot read it: %s", strerror(errno));
	return bytes;
}

/*
 * A replay warning on the journal rebuilt from an xAPI submission, as a
 * reason: every record there came from a statement, so a record the
 * replay skips is a statement that does not fit (an answer to a question
 * already closed, a number out of range): the submission is refused.
 */
static char *
statement_problem(const char *msg, const size_t *lines, size_t nlines)
{
	const char *at = strstr(msg, ".journal:"), *what;
	unsigned long line = at != NULL ? strtoul(at + 9, NULL, 10) : 0;

	what = strstr(msg, "warning: ");
	what = what != NULL ? what + 9 : msg;
	if (line >= 1 && line <= nlines && lines[line - 1] > 0)
		return xasprintf("statement %zu does not fit the statements "
		    "before it: %s", lines[line - 1], what);
	return xasprintf("the submission does not read as a whole: %s", what);
}

/*
 * Replay a submission in a private folder of its own, so the provider's
 * journal code reads it exactly as a learner's machine would.  Records
 * whose checksum or chain fails make the submission refused: *why says
 * where.  For a journal rebuilt from an xAPI submission (lines not NULL:
 * the statement of each line) any record skipped refuses it.
 */
static struct progress *
open_submission(const char *learner, const char *bytes, size_t len,
    const size_t *lines, size_t nlines, char **tmpdir, char **why)
{
	char tmpl[] = "/tmp/psoas-grade.XXXXXX", *dir, *path;
	struct progress *p = NULL;
	struct diag d;
	FILE *fp;

	if ((dir = mkdtemp(tmpl)) == NULL) {
		*why = xasprintf("cannot make a folder to read it: %s",
		    strerror(errno));
		return NULL;
	}
	*tmpdir = xstrdup(dir);
	path = xasprintf("%s/learners", dir);
	mkdir(path, 0700);
	free(path);
	path = xasprintf("%s/learners/%s.journal", dir, learner);
	fp = fopen(path, "wbx");
	if (fp == NULL || fwrite(bytes, 1, len, fp) != len || fclose(fp) != 0) {
		*why = xasprintf("cannot copy it to read it: %s",
		    strerror(errno));
		free(path);
		return NULL;
	}
	free(path);
	diag_init(&d);
	p = progress_open_readonly(dir, learner, &d, why);
	for (size_t i = 0; p != NULL && i < d.n; i++)
		if (lines != NULL) {
			*why = statement_problem(d.msgs[i], lines, nlines);
			progress_close(p);
			p = NULL;
			break;
		} else if (strstr(d.msgs[i], "checksum mismatch") != NULL) {
			const char *at = strstr(d.msgs[i], ".journal:");

			*why = xasprintf("the journal was changed after it "
			    "was written (record %s)", at != NULL ? at + 9 :
			    d.msgs[i]);
			progress_close(p);
			p = NULL;
			break;
		}
	diag_destroy(&d);
	return p;
}

static void
remove_tmp(char *tmpdir, const char *learner)
{
	char *path;

	if (tmpdir == NULL)
		return;
	path = xasprintf("%s/learners/%s.journal", tmpdir, learner);
	unlink(path);
	free(path);
	path = xasprintf("%s/learners", tmpdir);
	rmdir(path);
	free(path);
	rmdir(tmpdir);
	free(tmpdir);
}

/* Issue, sign and record the certificate of a submission that passed. */
static int
issue(struct grader *g, const struct progress *p, const struct regrade *rg,
    long submission, char **cause)
{
	const struct manifest *m = g->course.manifest;
	const char **approvals = xcalloc(m->napprovals + 1, sizeof *approvals);
	time_t now = clock_now();
	char date[16], attested[32], *number = certify_new_number(m->course,
	    now);
	char *txt, *pdf, *fields;
	struct certificate c;
	struct tm tm;
	FILE *fp;
	int rc = -1;

	for (size_t i = 0; i < m->napprovals; i++)
		approvals[i] = xasprintf("%s: %s", m->approvals[i].board,
		    m->approvals[i].number);
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	c = (struct certificate){
		.number = number,
		.participant = progress_full_name(p) != NULL ?
		    progress_full_name(p) : progress_learner(p),
		.learner = progress_learner(p),
		.licence = progress_licence(p),
		.licence_state = progress_licence_state(p),
		.title = m->title, .course = m->course, .version = m->version,
		.type = m->type, .hours = m->hours, .completed = date,
		.provider_name = m->provider_name,
		.provider_address = m->provider_address,
		.provider_email = m->provider_email,
		.provider_number = m->provider_number,
		.approvals = approvals, .napprovals = m->napprovals,
		.posttest = m->posttest, .attempt = rg->attempt->id,
		.score = rg->score, .pass = rg->pass, .seconds = rg->seconds,
		.test_clock = progress_clock_injected(p) || clock_injected(),
		.attested = certify_attested_text(progress_attested(p),
		    attested),
	};
	seal_certificate(&c, &g->key);
	txt = xasprintf("%s/%s.txt", g->out, number);
	pdf = xasprintf("%s/%s.pdf", g->out, number);
	fields = seal_fields(&c, &g->key);
	fp = fopen(txt, "wx");
	if (fp == NULL || seal_write_text(fp, &c, &g->key) != 0 ||
	    fclose(fp) != 0)
		*cause = xasprintf("%s: %s", txt, strerror(errno ? errno : EIO));
	else if (seal_write_pdf(pdf, &c, &g->key, cause) == 0 &&
	    registry_add_certificate(g->reg, &(struct registry_cert){
	    .number = number, .learner = c.learner, .name = c.participant,
	    .licence = c.licence, .course = c.course, .version = c.version,
	    .hours = c.hours, .completed = date, .attempt = c.attempt,
	    .fields = fields, .signature = c.signature, .key = g->key.hex,
	    .score = c.score, .submission = submission }, cause) == 0) {
		printf("  certified: %s, %d%% (pass mark %d%%); certificate %s\n"
		    "  %s\n  %s\n", c.participant, c.score, c.pass, number, txt,
		    pdf);
		rc = 0;
	}
	seal_certificate_done(&c);
	for (size_t i = 0; i < m->napprovals; i++)
		free((char *)approvals[i]);
	free(approvals);
	free(fields);
	free(txt);
	free(pdf);
	free(number);
	return rc;
}

/*
 * The participant evaluation in a certified submission, into the registry.
 * A refused submission's are not kept: it may be a copy under another
 * name, and an honest learner's come with the submission that passes.
 */
static int
add_evaluations(struct grader *g, long sub, const char *learner,
    const struct progress *p, char **cause)
{
	size_t n;
	const struct evaluation_answer *e = progress_evaluations(p, &n);

	for (size_t i = 0; i < n; i++)
		if (registry_add_evaluation(g->reg, sub, learner, &e[i],
		    cause) != 0)
			return -1;
	if (n > 0)
		printf("  %zu evaluation answer%s recorded\n", n,
		    n == 1 ? "" : "s");
	return 0;
}

/* Grade one submission; 0 certified, 1 refused, -1 failed. */
static int
grade_one(struct grader *g, const char *path)
{
	char *learner = progress_learner_of_file(path);
	char *why = NULL, *tmpdir = NULL, *bytes = NULL, *number = NULL, *holder = NULL, *cause = NULL;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof hash + 1];
	struct progress *p = NULL;
	struct regrade rg = {0};
	size_t len = 0, *lines = NULL, nlines = 0;
	long sub;
	int rc = 1;

	printf("%s:\n", path);
	hex[0] = '\0';
	if ((bytes = read_submission(path, &len, &why)) == NULL)
		goto refuse;
	crypto_hash_sha256(hash, (const unsigned char *)bytes, len);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	if (submission_detect(bytes, len)) {
		/* xAPI: the journal its statements stand for, read alike. */
		char *journal;
		size_t jlen;

		free(learner);
		learner = NULL;
		if (g->xapi_why != NULL) {
			why = xstrdup(g->xapi_why);
			goto refuse;
		}
		if (submission_to_journal(bytes, len, &g->xc, &learner,
		    &journal, &jlen, &lines, &nlines, &why) != 0)
			goto refuse;
		free(bytes);
		bytes = journal;
		len = jlen;
	} else if (learner == NULL) {
		why = xstrdup("its name is not LEARNER.journal with a valid "
		    "learner name, and it is no xAPI submission");
		goto refuse;
	}
	if ((p = open_submission(learner, bytes, len, lines, nlines, &tmpdir,
	    &why)) == NULL)
		goto refuse;
	regrade_progress(&g->course, g->digest, p, &rg);
	if (!rg.passed) {
		why = xstrdup(rg.why);
		goto refuse;
	}
	if (registry_attempt_certified(g->reg, rg.attempt->id, &number,
	    &holder)) {
		why = xasprintf("post-test attempt %s was already certified, as "
		    "certificate %s for learner %s: a journal copied under "
		    "another name is not a new completion", rg.attempt->id,
		    number, holder);
		goto refuse;
	}
	sub = registry_add_submission(g->reg, learner, path, hex, true, NULL,
	    rg.attempt->id, rg.score, &cause);
	rc = sub < 0 || issue(g, p, &rg, sub, &cause) != 0 ||
	    add_evaluations(g, sub, learner, p, &cause) != 0 ? -1 : 0;
	if (rc != 0)
		msg_error("%s", cause);
	goto out;
refuse:
	printf("  REFUSED: %s\n", why);
	if (registry_add_submission(g->reg, learner != NULL ? learner : "",
	    path, hex, false, why, rg.attempt != NULL ? rg.attempt->id : NULL,
	    rg.score, &cause) < 0) {
		msg_error("%s", cause);
		rc = -1;
	}
out:
	free(cause);
	free(number);
	free(holder);
	free(why);
	regrade_destroy(&rg);
	progress_close(p);
	remove_tmp(tmpdir, learner);
	free(bytes);
	free(learner);
	free(lines);
	return rc;
}

static struct registry *
open_registry(const char *dir)
{
	char *cause = NULL;
	struct registry *r;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		msg_error("cannot create folder %s: %s", dir, strerror(errno));
		return NULL;
	}
	if ((r = registry_open(dir, &cause)) == NULL) {
		msg_error("%s", cause);
		free(cause);
	}
	return r;
}

static int
cmd_grade(const struct provider_args *a, const char *dir)
{
	struct grader g = { .dir = dir };
	char *cause = NULL, *course_dir;
	struct options none;
	struct diag d;
	int status = EXIT_FAILURE, certified = 0, refused = 0;

	if (a->argc == 0) {
		msg_error("provider grade: give one or more submissions");
		return EXIT_FAILURE;
	}
	if (seal_load_secret(dir, &g.key, &cause) != 0) {
		msg_error("%s (make the key pair first: psoas-tutor provider "
		    "keygen)", cause);
		free(cause);
		return EXIT_FAILURE;
	}
	memset(&none, 0, sizeof none);
	none.course_dir = a->course;
	course_dir = options_course_dir(&none);
	diag_init(&d);
	course_load(&g.course, course_dir, &d);
	if (d.errors > 0 || g.course.manifest == NULL) {
		diag_print(&d, stderr);
		msg_error("%s: the provider's course must be whole, with its "
		    "course.manifest, to grade against it", course_dir);
		goto out;
	}
	if (g.course.manifest->learner_edition) {
		msg_error("%s is a learner edition, without answer keys: grade "
		    "against the full course it was published from", course_dir);
		goto out;
	}
	if (course_digest(course_dir, g.digest) != 0) {
		msg_error("%s: cannot compute the course digest: %s",
		    course_dir, strerror(errno));
		goto out;
	}
	printf("Grading against %s, course digest %s\n", course_dir,
	    g.digest);
	if (xapi_course_init(&g.xc, &g.course, &g.xapi_why) != 0) {
		char *why = g.xapi_why;

		g.xapi_why = xasprintf("the provider's course cannot read "
		    "xAPI submissions: %s", why);
		free(why);
	}
	if ((g.reg = open_registry(dir)) == NULL)
		goto out;
	g.out = xasprintf("%s/certificates", dir);
	if (mkdir(g.out, 0700) == -1 && errno != EEXIST) {
		msg_error("cannot create folder %s: %s", g.out, strerror(errno));
		goto out;
	}
	status = EXIT_SUCCESS;
	for (int i = 0; i < a->argc; i++) {
		int rc = grade_one(&g, a->argv[i]);

		if (rc < 0)
			status = EXIT_FAILURE;
		certified += rc == 0;
		refused += rc == 1;
	}
	printf("%d certified, %d refused\n", certified, refused);
	if (refused > 0)
		status = EXIT_FAILURE;
out:
	registry_close(g.reg);
	xapi_course_destroy(&g.xc);
	free(g.xapi_why);
	free(g.out);
	diag_destroy(&d);
	course_destroy(&g.course);
	free(course_dir);
	sodium_memzero(&g.key, sizeof g.key);
	return status;
}

static int
cmd_report(const struct provider_args *a, const char *dir)
{
	struct registry *r;
	int rc;

	if (a->argc > 1 || (a->argc == 1 && strcmp(a->argv[0], "csv") != 0)) {
		msg_error("provider report takes no argument, or 'csv'");
		return EXIT_FAILURE;
	}
	if ((r = open_registry(dir)) == NULL)
		return EXIT_FAILURE;
	rc = a->argc == 1 ? registry_export_csv(r, stdout) :
	    registry_report(r, stdout);
	registry_close(r);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
cmd_verify(const struct provider_args *a, const char *dir)
{
	char *fields = NULL, *sig = NULL, *key = NULL, *cause = NULL, *pub;
	struct seal_key k;
	struct registry *r;
	int status = EXIT_FAILURE;

	if (a->argc != 1) {
		msg_error("provider verify takes one certificate number");
		return EXIT_FAILURE;
	}
	pub = xasprintf("%s/%s", dir, SEAL_PUBLIC_FILE);
	if (seal_load_public(pub, &k, &cause) != 0) {
		msg_error("%s", cause);
		free(cause);
		free(pub);
		return EXIT_FAILURE;
	}
	free(pub);
	if ((r = open_registry(dir)) == NULL)
		return EXIT_FAILURE;
	if (!registry_certificate(r, a->argv[0], &fields, &sig, &key))
		msg_error("%s: NOT VALID: this provider's registry has no "
		    "such certificate", a->argv[0]);
	else if (strcmp(key, k.hex) != 0 || !seal_fields_valid(&k, fields, sig))
		msg_error("%s: NOT VALID: its registry record does not match "
		    "its signature", a->argv[0]);
	else {
		printf("%s: valid: issued by this provider and recorded in its "
		    "registry\n%s", a->argv[0], fields);
		status = EXIT_SUCCESS;
	}
	registry_close(r);
	free(fields);
	free(sig);
	free(key);
	return status;
}

static int
cmd_reissue(const struct provider_args *a, const char *dir)
{
	char *cause = NULL, *txt = NULL, *pdf = NULL, *out;
	struct seal_key k;
	struct registry *r;
	int rc;

	if (a->argc != 1) {
		msg_error("provider reissue takes one certificate number");
		return EXIT_FAILURE;
	}
	if (seal_load_secret(dir, &k, &cause) != 0) {
		msg_error("%s", cause);
		free(cause);
		return EXIT_FAILURE;
	}
	if ((r = open_registry(dir)) == NULL) {
		sodium_memzero(&k, sizeof k);
		return EXIT_FAILURE;
	}
	out = xasprintf("%s/certificates", dir);
	if (mkdir(out, 0700) == -1 && errno != EEXIST) {
		rc = -1;
		cause = xasprintf("cannot create folder %s: %s", out,
		    strerror(errno));
	} else
		rc = reissue_certificate(r, &k, a->argv[0], out, &txt, &pdf,
		    &cause);
	if (rc == 1)
		msg_error("%s: this provider's registry has no such "
		    "certificate: nothing reissued", a->argv[0]);
	else if (rc < 0)
		msg_error("%s", cause);
	else
		printf("%s reissued, signed, as issued with the date of this "
		    "copy:\n  %s\n  %s\n", a->argv[0], txt, pdf);
	registry_close(r);
	sodium_memzero(&k, sizeof k);
	free(cause);
	free(txt);
	free(pdf);
	free(out);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static const struct command {
	const char *name;
	const char *usage;
	int (*run)(const struct provider_args *, const char *dir);
} commands[] = {
	{ "keygen", "keygen", cmd_keygen },
	{ "grade", "grade SUBMISSION...   (a learner's --submit file, or "
	    "NAME.journal)",
	    cmd_grade },
	{ "report", "report [csv]", cmd_report },
	{ "verify", "verify NUMBER", cmd_verify },
	{ "reissue", "reissue NUMBER", cmd_reissue },
};

static void
usage(FILE *fp)
{
	fputs("Usage: psoas-tutor provider [--dir DIR] [--course DIR] COMMAND "
	    "[ARG]...\nCommands:\n", fp);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %s\n", commands[i].usage);
	fputs("See psoas-tutor(1), PROVIDER.\n", fp);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"dir", required_argument, NULL, 'd'},
		{"course", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct provider_args a = {0};
	char *dir;
	int c, status = EXIT_FAILURE;

	process_start();
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': a.dir = optarg; break;
		case 'c': a.course = optarg; break;
		case 'h': usage(stdout); return EXIT_SUCCESS;
		default:
			msg_error("provider: unknown option or missing argument "
			    "'%s'", argv[optind - 1]);
			usage(stderr);
			return EXIT_FAILURE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_FAILURE;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[optind], commands[i].name) != 0)
			continue;
		a.argv = argv + optind + 1;
		a.argc = argc - optind - 1;
		if ((dir = provider_dir(a.dir)) == NULL)
			return EXIT_FAILURE;
		status = commands[i].run(&a, dir);
		free(dir);
		return status;
	}
	msg_error("provider: unknown command '%s'", argv[optind]);
	usage(stderr);
	return EXIT_FAILURE;
}

