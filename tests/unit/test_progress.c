/*
 * Progress must never be lost: these tests rebuild the state from the
 * journal after "restarts" (close and open again), damage the file in the
 * ways crashes and full disks do, and check that every intact record
 * survives and every problem is reported with its file and line.  Every
 * test works in its own mktemp -d folder.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "course.h"
#include "diag.h"
#include "journal.h"
#include "progress.h"
#include "quiz.h"
#include "report.h"
#include "srs.h"
#include "xmalloc.h"

struct fixture {
	char *dir;		/* mktemp -d */
	char *data;		/* dir/data */
	char *path;		/* journal of learner "ann" */
	struct diag d;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	const char *tmp = getenv("TMPDIR");

	f->dir = xasprintf("%s/test_progress.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->data = xasprintf("%s/data", f->dir);
	f->path = xasprintf("%s/learners/ann.journal", f->data);
	diag_init(&f->d);
	unsetenv(JOURNAL_FAULT_ENV);
	*state = f;
	return 0;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);
	return remove(path);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unsetenv(JOURNAL_FAULT_ENV);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	diag_destroy(&f->d);
	free(f->path);
	free(f->data);
	free(f->dir);
	free(f);
	return 0;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL;
	size_t cap = 0, n = 0, got;

	assert_non_null(fp);
	do {
		cap += 4096;
		s = xreallocarray(s, cap + 1, 1);
		got = fread(s + n, 1, cap - n, fp);
		n += got;
	} while (n == cap);
	fclose(fp);
	s[n] = '\0';
	if (len != NULL)
		*len = n;
	return s;
}

static void
spew(const char *path, const char *s, size_t len, const char *mode)
{
	FILE *fp = fopen(path, mode);

	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

#define CHAIN_BROKEN "checksum mismatch: this record, or the one before " \
    "it, was changed, inserted or removed"

/*
 * A well-formed line with its checksum, as another program might write it
 * at the end of the journal at path: chained to the last line's checksum
 * in a version 2 journal (journal.h), alone in a version 1 journal.
 */
static char *
make_line(const char *path, const char *body)
{
	char *text = slurp(path, NULL), *line, prev[9] = "00000000";
	int version = strncmp(text, "psoas-tutor journal 1\n", 22) == 0 ? 1 : 2;

	for (line = strchr(text, '\n'); line != NULL && line[1] != '\0';
	    line = strchr(line + 1, '\n')) {
		char *end = strchr(line + 1, '\n');
		size_t len = end != NULL ? (size_t)(end - line - 1) :
		    strlen(line + 1);

		if (len > 9 && line[len - 8] == '\t')
			memcpy(prev, line + len - 7, 8);
	}
	line = xasprintf("%s\t%08x\n", body, journal_record_sum(version, prev,
	    body, strlen(body)));
	free(text);
	return line;
}

static struct progress *
open_ok(struct fixture *f, const char *learner)
{
	char *cause = NULL;
	struct progress *p = progress_open(f->data, learner, &f->d, &cause);

	if (cause != NULL)
		fail_msg("unexpected cause: %s", cause);
	assert_non_null(p);
	return p;
}

static void
no_error(int rc, char *cause)
{
	if (cause != NULL)
		fail_msg("unexpected cause: %s", cause);
	assert_int_equal(rc, 0);
}

static void
answer(struct progress *p, const char *quiz, size_t qi, const char *qid,
    const char *text, const char *verdict, double points)
{
	struct answer_record a = {
		.question = (char *)qid, .answer = (char *)text,
		.verdict = (char *)verdict, .points = points, .max = 1,
		.hints = 0, .try_no = 1, .final = true, .when = 1700000000,
	};
	char *cause = NULL;

	no_error(progress_record_answer(p, quiz, qi, &a, &cause), cause);
}

/* A graded try that leaves another to go. */
static void
try_at(struct progress *p, const char *quiz, size_t qi, const char *qid,
    int try_no, int hints, const char *text, const char *verdict)
{
	struct answer_record a = {
		.question = (char *)qid, .answer = (char *)text,
		.verdict = (char *)verdict, .points = 0.5, .max = 1,
		.hints = hints, .try_no = try_no, .final = false,
		.when = 1700000000 + try_no,
	};
	char *cause = NULL;

	no_error(progress_record_answer(p, quiz, qi, &a, &cause), cause);
}

static bool
diag_has(const struct diag *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->msgs[i], needle) != NULL)
			return true;
	return false;
}

/* ------------------------------------------------------------- tests */

static void
fnv1a_matches_the_published_test_vectors(void **state)
{
	(void)state;
	assert_int_equal(journal_fnv1a("", 0), 0x811c9dc5u);
	assert_int_equal(journal_fnv1a("a", 1), 0xe40c292cu);
	assert_int_equal(journal_fnv1a("foobar", 6), 0xbf9cf968u);
}

static void
escape_and_unescape_are_inverse(void **state)
{
	const char *s = "a\tb\nc\\d\re \xc3\xa9";
	char *e = journal_escape(s), *u;

	(void)state;
	assert_string_equal(e, "a\\tb\\nc\\\\d\\re \xc3\xa9");
	u = journal_unescape(e, strlen(e));
	assert_string_equal(u, s);
	free(u);
	free(e);
	assert_null(journal_unescape("bad\\x", 6));
	assert_null(journal_unescape("end\\", 4));
}

static void
every_record_type_survives_a_restart(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct lesson_progress *l;
	const struct quiz_progress *q;
	const struct quiz_attempt *a;
	struct answer_record rec = {
		.question = "q2", .answer = "psoas major", .verdict = "partial",
		.points = 0.375, .max = 2, .hints = 1, .try_no = 2,
		.final = true, .when = 1700000123,
	};
	char *cause = NULL, *id;

	assert_true(progress_is_durable(p));
	assert_string_equal(progress_journal_path(p), f->path);
	no_error(progress_record_name(p, "Ann \xc3\x85str\xc3\xb6m", &cause), cause);
	no_error(progress_record_page(p, "sample-one", 1, 3, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 3, 3, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 2, 3, &cause), cause);
	no_error(progress_record_time(p, "sample-one", 42, &cause), cause);
	no_error(progress_record_lesson_done(p, "sample-one", &cause), cause);
	a = progress_record_quiz_start(p, "sample-quiz", 3, &cause);
	assert_null(cause);
	assert_non_null(a);
	id = xstrdup(a->id);
	answer(p, "sample-quiz", 0, "q1", "lesser trochanter", "correct", 1);
	try_at(p, "sample-quiz", 1, "q2", 1, 1, "iliacus", "incorrect");
	no_error(progress_record_answer(p, "sample-quiz", 1, &rec, &cause), cause);
	no_error(progress_record_quiz_end(p, "sample-quiz", 1.375, 3, false,
	    &cause), cause);
	progress_close(p);

	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_string_equal(progress_learner(p), "ann");
	assert_string_equal(progress_full_name(p), "Ann \xc3\x85str\xc3\xb6m");
	l = progress_lesson(p, "sample-one");
	assert_non_null(l);
	assert_int_equal(l->page, 2);
	assert_int_equal(l->pages, 3);
	assert_int_equal(l->max_page, 3);
	assert_true(l->done);
	assert_int_equal(l->seconds, 42);
	assert_null(progress_lesson(p, "sample-two"));

	q = progress_quiz(p, "sample-quiz");
	assert_non_null(q);
	assert_int_equal(q->nattempts, 1);
	a = &q->attempts[0];
	assert_string_equal(a->id, id);
	assert_true(a->started > 0);
	assert_true(a->finished > 0);
	assert_int_equal(a->nquestions, 3);
	assert_int_equal(a->next, 2);
	assert_int_equal(a->nanswers, 2);
	assert_string_equal(a->answers[0].question, "q1");
	assert_string_equal(a->answers[0].answer, "lesser trochanter");
	assert_string_equal(a->answers[0].verdict, "correct");
	assert_true(a->answers[0].points == 1);
	assert_int_equal(a->answers[0].when, 1700000000);
	assert_string_equal(a->answers[1].question, "q2");
	assert_string_equal(a->answers[1].verdict, "partial");
	assert_true(a->answers[1].points == 0.375);
	assert_true(a->answers[1].max == 2);
	assert_int_equal(a->answers[1].hints, 1);
	assert_int_equal(a->answers[1].try_no, 2);
	assert_int_equal(a->answers[1].when, 1700000123);
	assert_true(a->answers[1].final);
	/* The try before the final answer to q2 is kept, in order. */
	assert_int_equal(a->ntries, 3);
	assert_string_equal(a->tries[0].answer, "lesser trochanter");
	assert_true(a->tries[0].final);
	assert_string_equal(a->tries[1].question, "q2");
	assert_string_equal(a->tries[1].answer, "iliacus");
	assert_string_equal(a->tries[1].verdict, "incorrect");
	assert_int_equal(a->tries[1].try_no, 1);
	assert_int_equal(a->tries[1].hints, 1);
	assert_false(a->tries[1].final);
	assert_string_equal(a->tries[2].answer, "psoas major");
	assert_true(a->tries[2].final);
	assert_true(a->score == 1.375);
	assert_true(a->max == 3);
	assert_false(a->passed);
	assert_false(q->passed);
	assert_true(q->best_pct > 45.83 && q->best_pct < 45.84);
	assert_null(progress_open_attempt(p, "sample-quiz"));
	free(id);
	progress_close(p);
}

static void
answers_keep_tabs_newlines_backslashes_and_utf8(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const char *tricky = "lesser\ttrochanter\nof the \\femur\\ \xe2\x80\x94 "
	    "\xc3\xa9\xe2\x9c\x93\r";
	const struct quiz_progress *q;
	char *cause = NULL, *text;
	size_t len, tabs = 0;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 1, &cause));
	answer(p, "sample-quiz", 0, "q1", tricky, "incorrect", 0);
	progress_close(p);

	/* Only the field separators are tabs: the tabs in the answer are escaped. */
	text = slurp(f->path, &len);
	for (size_t i = 0; i < len; i++)
		tabs += text[i] == '\t';
	assert_int_equal(tabs, 5 + 12);
	assert_non_null(strstr(text, "lesser\\ttrochanter\\nof the \\\\femur"
	    "\\\\ \xe2\x80\x94 \xc3\xa9\xe2\x9c\x93\\r\t"));
	free(text);

	p = open_ok(f, "ann");
	q = progress_quiz(p, "sample-quiz");
	assert_non_null(q);
	assert_string_equal(q->attempts[0].answers[0].answer, tricky);
	assert_int_equal(f->d.n, 0);
	progress_close(p);
}

/* The journal of f cut 7 bytes short, as a kill -9 mid-write leaves it;
 * returns the 7 bytes' line as it stays (the torn fragment). */
static char *
tear_last_record(struct fixture *f)
{
	size_t len;
	char *text = slurp(f->path, &len), *nl, *torn;

	assert_int_equal(truncate(f->path, (off_t)len - 7), 0);
	text[len - 7] = '\0';
	nl = strrchr(text, '\n');
	torn = xstrdup(nl + 1);
	free(text);
	return torn;
}

/* f's NAME.journal.torn holds exactly the line torn, then '\n'. */
static void
torn_copy_is(struct fixture *f, const char *torn)
{
	char *copy = xasprintf("%s.torn", f->path), *kept, *want;

	kept = slurp(copy, NULL);
	want = xasprintf("%s\n", torn);
	assert_string_equal(kept, want);
	free(want);
	free(kept);
	free(copy);
}

/* A new open of f's journal replays without a word, at lesson page. */
static void
reopens_clean_at_page(struct fixture *f, int page)
{
	struct progress *p;

	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, page);
	progress_close(p);
}

static void
truncated_last_record_is_cut_off_once_and_kept_beside(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	char *cause = NULL, *text, *want, *torn, *copy, *before;
	size_t len;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 3, &cause));
	answer(p, "sample-quiz", 0, "q1", "first", "correct", 1);
	answer(p, "sample-quiz", 1, "q2", "second", "correct", 1);
	progress_close(p);
	torn = tear_last_record(f);
	before = slurp(f->path, &len);

	/* A reader warns and changes nothing. */
	p = progress_open_readonly(f->data, "ann", &f->d, &cause);
	assert_non_null(p);
	assert_null(cause);
	want = xasprintf("%s:4: warning: damaged record skipped (truncated", f->path);
	assert_int_equal(f->d.n, 1);
	assert_non_null(strstr(f->d.msgs[0], want));
	free(want);
	progress_close(p);
	text = slurp(f->path, &len);
	assert_string_equal(text, before);
	free(text);
	copy = xasprintf("%s.torn", f->path);
	assert_int_equal(access(copy, F_OK), -1);

	/* A writer cuts it off, says so once, and keeps its bytes. */
	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	want = xasprintf("%s:4: warning: damaged record cut off (truncated: "
	    "no end of line; a session was stopped while writing it); its "
	    "%zu bytes are kept in %s", f->path, strlen(torn), copy);
	assert_int_equal(f->d.n, 1);
	assert_string_equal(f->d.msgs[0], want);
	free(want);
	torn_copy_is(f, torn);
	text = slurp(f->path, &len);
	assert_int_equal(strlen(text), strlen(before) - strlen(torn));
	assert_memory_equal(text, before, strlen(text));
	free(text);
	a = progress_open_attempt(p, "sample-quiz");
	assert_non_null(a);
	assert_int_equal(a->nanswers, 1);
	assert_int_equal(a->next, 1);
	answer(p, "sample-quiz", 1, "q2", "second again", "correct", 1);
	progress_close(p);

	/* The next start has nothing to say and the chain holds. */
	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	a = progress_open_attempt(p, "sample-quiz");
	assert_int_equal(a->nanswers, 2);
	assert_string_equal(a->answers[1].answer, "second again");
	progress_close(p);
	free(before);
	free(copy);
	free(torn);
}

static void
a_record_torn_by_another_session_is_cut_off_by_the_next_append(void **state)
{
	struct fixture *f = *state;
	struct progress *p1 = open_ok(f, "ann"), *p2 = open_ok(f, "ann");
	char *cause = NULL, *torn;

	no_error(progress_record_page(p1, "sample-one", 1, 4, &cause), cause);
	no_error(progress_record_page(p2, "sample-one", 2, 4, &cause), cause);
	torn = tear_last_record(f);	/* p2 was killed mid-write */
	no_error(progress_record_page(p1, "sample-one", 3, 4, &cause), cause);
	progress_close(p1);
	progress_close(p2);

	torn_copy_is(f, torn);
	reopens_clean_at_page(f, 3);
	free(torn);
}

static void
a_torn_record_is_never_copied_through_a_planted_link(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *want, *link, *target, *torn, *text;
	size_t len;

	no_error(progress_record_page(p, "sample-one", 1, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 2, 4, &cause), cause);
	progress_close(p);
	torn = tear_last_record(f);
	link = xasprintf("%s.torn", f->path);
	target = xasprintf("%s/elsewhere", f->dir);
	assert_int_equal(symlink(target, link), 0);
	p = open_ok(f, "ann");
	want = xasprintf("%s:3: warning: damaged record skipped (truncated: "
	    "no end of line; not cut off: cannot keep a copy: %s is a "
	    "symbolic link; refusing to follow it)", f->path, link);
	assert_int_equal(f->d.n, 1);
	assert_string_equal(f->d.msgs[0], want);
	assert_int_equal(access(target, F_OK), -1);
	/* The torn line stays; the next record starts a line of its own. */
	no_error(progress_record_page(p, "sample-one", 3, 4, &cause), cause);
	progress_close(p);
	text = slurp(f->path, &len);
	free(want);
	want = xasprintf("%s\n", torn);
	assert_non_null(strstr(text, want));
	free(text);
	free(want);
	free(link);
	free(target);
	free(torn);
}

/*
 * Pages 1 to 3 of sample-one read and sample-two done, then one byte of
 * line 3 (the page 2 record) flipped, as bad sectors do.  Returns the
 * journal's text as written back (its length in *len when not NULL).
 */
static char *
pages_with_line_3_damaged(struct fixture *f, size_t *len)
{
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *text, *line3;
	size_t n;

	no_error(progress_record_page(p, "sample-one", 1, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 2, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 3, 4, &cause), cause);
	no_error(progress_record_lesson_done(p, "sample-two", &cause), cause);
	progress_close(p);
	text = slurp(f->path, &n);
	line3 = strchr(strchr(text, '\n') + 1, '\n') + 1;
	assert_int_equal(strncmp(line3, "page\t", 5), 0);
	line3[2] = 'X';
	spew(f->path, text, n, "wb");
	if (len != NULL)
		*len = n;
	return text;
}

static void
damaged_middle_record_is_skipped_and_later_records_kept(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	const struct lesson_progress *l;
	char *want;

	free(pages_with_line_3_damaged(f, NULL));
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 1);
	want = xasprintf("%s:3: warning: damaged record skipped (%s)",
	    f->path, CHAIN_BROKEN);
	assert_string_equal(f->d.msgs[0], want);
	free(want);
	l = progress_lesson(p, "sample-one");
	assert_int_equal(l->page, 3);
	assert_int_equal(l->max_page, 3);
	assert_true(progress_lesson(p, "sample-two")->done);
	progress_close(p);
}

/*
 * An edit in the middle whose own checksum was made right again still
 * shows: the record after it no longer chains, and is named.  A record
 * removed from the middle shows the same way.
 */
static void
an_edit_in_the_middle_breaks_the_chain_at_the_next_record(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *text, *l3, *l4, *body, *fixed, *out, *want;

	no_error(progress_record_page(p, "sample-one", 1, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 2, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 3, 4, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 4, 4, &cause), cause);
	progress_close(p);
	text = slurp(f->path, NULL);
	l3 = strchr(strchr(text, '\n') + 1, '\n') + 1;	/* page 2 */
	l4 = strchr(l3, '\n') + 1;				/* page 3 */
	*l3 = '\0';
	/* page 2 becomes page 4, its checksum chained right again */
	spew(f->path, text, strlen(text), "wb");
	body = xstrdup("page\t1700000000\tsample-one\t4\t4");
	fixed = make_line(f->path, body);
	out = xasprintf("%s%s%s", text, fixed, l4);
	spew(f->path, out, strlen(out), "wb");
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 1);
	want = xasprintf("%s:4: warning: damaged record skipped (%s)",
	    f->path, CHAIN_BROKEN);
	assert_string_equal(f->d.msgs[0], want);
	free(want);
	progress_close(p);

	/* The page 3 record removed: the page 4 record after it shows it. */
	free(out);
	out = xasprintf("%s%s", text, strchr(l4, '\n') + 1);
	spew(f->path, out, strlen(out), "wb");
	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	want = xasprintf("%s:3: warning: damaged record skipped (%s)",
	    f->path, CHAIN_BROKEN);
	assert_int_equal(f->d.n, 1);
	assert_string_equal(f->d.msgs[0], want);
	progress_close(p);
	free(want);
	free(out);
	free(fixed);
	free(body);
	free(text);
}

/* A journal begun before the chain is read as it is and stays unchained. */
static void
a_version_1_journal_is_read_and_appended_unchained(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	char *cause = NULL, *text, *body = "page\t1700000000\tsample-one\t2\t4";
	char *old = xasprintf("psoas-tutor journal 1\n%s\t%08x\n", body,
	    journal_fnv1a(body, strlen(body)));
	const char *last;

	progress_close(open_ok(f, "ann"));	/* makes the folders */
	spew(f->path, old, strlen(old), "wb");
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 2);
	no_error(progress_record_page(p, "sample-one", 3, 4, &cause), cause);
	progress_close(p);
	text = slurp(f->path, NULL);
	assert_int_equal(strncmp(text, old, strlen(old)), 0);
	last = text + strlen(old);
	assert_int_equal(journal_fnv1a(last, strlen(last) - 10),
	    strtoul(last + strlen(last) - 9, NULL, 16));
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 3);
	progress_close(p);
	free(text);
	free(old);
}

static void
wrong_field_count_and_unknown_type_are_warned_and_skipped(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *l1, *l2, *l3, *want;

	no_error(progress_record_page(p, "sample-one", 1, 4, &cause), cause);
	progress_close(p);
	l1 = make_line(f->path, "page\t1700000000\tsample-one\t2");
	spew(f->path, l1, strlen(l1), "ab");
	l2 = make_line(f->path, "bookmark\t1700000000\tsample-one\t3");
	spew(f->path, l2, strlen(l2), "ab");
	l3 = make_line(f->path, "page\t1700000000\tsample-one\tten\t4");
	spew(f->path, l3, strlen(l3), "ab");
	free(l1);
	free(l2);
	free(l3);

	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 3);
	want = xasprintf("%s:3: warning: damaged record skipped (page record "
	    "has 4 fields, expected 5)", f->path);
	assert_string_equal(f->d.msgs[0], want);
	free(want);
	want = xasprintf("%s:4: warning: unknown record type 'bookmark'; record "
	    "skipped", f->path);
	assert_string_equal(f->d.msgs[1], want);
	free(want);
	want = xasprintf("%s:5: warning: damaged record skipped (page record: "
	    "bad page 'ten')", f->path);
	assert_string_equal(f->d.msgs[2], want);
	free(want);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 1);
	progress_close(p);
}

static void
newer_version_is_refused_and_file_left_untouched(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *before, *after, *line, *want;
	size_t blen, alen;

	progress_close(p);
	line = make_line(f->path, "page\t1700000000\tsample-one\t2\t4");
	before = xasprintf("psoas-tutor journal 3\n%sfuture\tstuff", line);
	blen = strlen(before);
	spew(f->path, before, blen, "wb");

	p = progress_open(f->data, "ann", &f->d, &cause);
	assert_null(p);
	want = xasprintf("%s: journal format version 3 is newer than this "
	    "program supports (2); refusing to touch it", f->path);
	assert_non_null(cause);
	assert_string_equal(cause, want);
	after = slurp(f->path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(cause);
	free(want);
	free(after);
	free(before);
	free(line);
}

static void
a_file_that_is_not_a_journal_is_refused(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL;

	progress_close(p);
	spew(f->path, "my shopping list\n", 17, "wb");
	assert_null(progress_open(f->data, "ann", &f->d, &cause));
	assert_non_null(strstr(cause, "not a psoas-tutor journal"));
	free(cause);
}

/*
 * The fuzzer's way in: a journal's text replayed from memory gives what
 * the same file gives when opened read-only (records, warnings with the
 * name and line, refusals), and the memory copy can record nothing.
 */
static void
a_journal_replayed_from_memory_reads_as_its_file(void **state)
{
	struct fixture *f = *state;
	struct progress *p, *m;
	struct diag dm;
	char *cause = NULL, *text, *torn;
	size_t len;

	/* A damaged line 3 and a torn last line, as in the tests above. */
	text = pages_with_line_3_damaged(f, &len);
	torn = xasprintf("%spage\t17000", text);
	spew(f->path, torn, strlen(torn), "wb");

	p = progress_open_readonly(f->data, "ann", &f->d, &cause);
	assert_non_null(p);
	diag_init(&dm);
	m = progress_open_buffer(f->path, torn, strlen(torn), &dm, &cause);
	assert_null(cause);
	assert_non_null(m);
	assert_string_equal(progress_learner(m), "ann");
	assert_int_equal(progress_records(m), progress_records(p));
	assert_int_equal(progress_lesson(m, "sample-one")->page, 3);
	assert_true(progress_lesson(m, "sample-two")->done);
	assert_int_equal(dm.n, 2);
	assert_int_equal(f->d.n, dm.n);
	for (size_t i = 0; i < dm.n; i++)
		assert_string_equal(dm.msgs[i], f->d.msgs[i]);
	assert_non_null(strstr(dm.msgs[1], ":6: warning: damaged record "
	    "skipped (truncated: no end of line)"));
	assert_false(progress_is_durable(m));
	assert_int_equal(progress_record_lesson_done(m, "sample-one", &cause),
	    -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	progress_close(m);
	progress_close(p);

	/* Refusals: not a journal, a newer format, a name with no learner. */
	assert_null(progress_open_buffer("learners/ann.journal",
	    "my shopping list\n", 17, &dm, &cause));
	assert_string_equal(cause, "learners/ann.journal: not a psoas-tutor "
	    "journal (line 1 is not \"psoas-tutor journal 2\")");
	free(cause);
	cause = NULL;
	assert_null(progress_open_buffer("ann.journal",
	    "psoas-tutor journal 3\n", 22, &dm, &cause));
	assert_non_null(strstr(cause, "version 3 is newer"));
	free(cause);
	cause = NULL;
	assert_null(progress_open_buffer("notes.txt", text, len, &dm, &cause));
	assert_string_equal(cause, "notes.txt: not a learner's journal "
	    "(LEARNER.journal)");
	free(cause);
	diag_destroy(&dm);
	free(torn);
	free(text);
}

static void
two_handles_appending_alternately_lose_nothing(void **state)
{
	struct fixture *f = *state;
	struct progress *p1 = open_ok(f, "ann"), *p2 = open_ok(f, "ann");
	const struct quiz_attempt *a1, *a2;
	const struct quiz_progress *q;
	char *cause = NULL, qid[16], text[32];

	a1 = progress_record_quiz_start(p1, "sample-quiz", 20, &cause);
	a2 = progress_record_quiz_start(p2, "sample-quiz", 20, &cause);
	assert_null(cause);
	assert_string_not_equal(a1->id, a2->id);
	for (int i = 0; i < 20; i++) {
		snprintf(qid, sizeof qid, "q%d", i + 1);
		snprintf(text, sizeof text, "one-%d", i);
		answer(p1, "sample-quiz", (size_t)i, qid, text, "correct", 1);
		snprintf(text, sizeof text, "two-%d", i);
		answer(p2, "sample-quiz", (size_t)i, qid, text, "incorrect", 0);
	}
	no_error(progress_record_quiz_end(p1, "sample-quiz", 20, 20, true,
	    &cause), cause);
	progress_close(p1);
	progress_close(p2);

	p1 = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	q = progress_quiz(p1, "sample-quiz");
	assert_int_equal(q->nattempts, 2);
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(q->attempts[k].nanswers, 20);
		for (int i = 0; i < 20; i++) {
			snprintf(text, sizeof text, "%s-%d", k == 0 ? "one" : "two", i);
			assert_string_equal(q->attempts[k].answers[i].answer, text);
		}
	}
	assert_true(q->passed);
	assert_true(q->best_pct == 100);
	/* The second attempt is the latest and it never ended. */
	assert_ptr_equal(progress_open_attempt(p1, "sample-quiz"), &q->attempts[1]);
	progress_close(p1);
}

static void
attempt_ids_are_unique_within_a_process(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_progress *q;
	char *cause = NULL;

	for (int i = 0; i < 5; i++)
		assert_non_null(progress_record_quiz_start(p, "sample-quiz", 1,
		    &cause));
	assert_null(cause);
	q = progress_quiz(p, "sample-quiz");
	assert_int_equal(q->nattempts, 5);
	for (size_t i = 0; i < 5; i++)
		for (size_t k = i + 1; k < 5; k++)
			assert_string_not_equal(q->attempts[i].id, q->attempts[k].id);
	progress_close(p);
}

static void
unwritable_folder_gives_a_cause_and_goes_on_in_memory(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	char *cause = NULL, *blocker, *data;

	/* A file where a folder should be stops even root from writing. */
	blocker = xasprintf("%s/blocker", f->dir);
	spew(blocker, "x", 1, "wb");
	data = xasprintf("%s/data", blocker);
	p = progress_open(data, "ann", &f->d, &cause);
	assert_non_null(p);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot create folder"));
	assert_non_null(strstr(cause, "Not a directory"));
	assert_false(progress_is_durable(p));
	free(cause);
	cause = NULL;

	assert_int_equal(progress_record_page(p, "sample-one", 2, 3, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "progress not saved"));
	free(cause);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 2);
	progress_close(p);
	free(data);
	free(blocker);
}

static void
read_only_folder_keeps_what_was_saved(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *learners;

	no_error(progress_record_page(p, "sample-one", 2, 3, &cause), cause);
	progress_close(p);
	/*
	 * Root writes through any mode, and cmocka's skip() reads as a
	 * failure to automake's TAP driver: the folder test above covers root.
	 */
	if (geteuid() == 0)
		return;
	learners = xasprintf("%s/learners", f->data);
	assert_int_equal(chmod(f->path, 0400), 0);
	assert_int_equal(chmod(learners, 0500), 0);
	p = progress_open(f->data, "ann", &f->d, &cause);
	assert_non_null(p);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "Permission denied"));
	free(cause);
	assert_false(progress_is_durable(p));
	assert_int_equal(progress_lesson(p, "sample-one")->page, 2);
	progress_close(p);
	free(learners);
}

static void
fault_injected_write_failure_keeps_earlier_records(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	char *cause = NULL, *before, *after;
	size_t blen, alen;

	setenv(JOURNAL_FAULT_ENV, "3", 1);
	p = open_ok(f, "ann");
	no_error(progress_record_page(p, "sample-one", 1, 3, &cause), cause);
	no_error(progress_record_page(p, "sample-one", 2, 3, &cause), cause);
	before = slurp(f->path, &blen);
	assert_true(progress_is_durable(p));
	assert_int_equal(progress_record_page(p, "sample-one", 3, 3, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "No space left on device"));
	free(cause);
	cause = NULL;
	assert_false(progress_is_durable(p));
	/* The session goes on in memory. */
	assert_int_equal(progress_lesson(p, "sample-one")->page, 3);
	assert_int_equal(progress_record_lesson_done(p, "sample-one", &cause), -1);
	free(cause);
	assert_true(progress_lesson(p, "sample-one")->done);
	progress_close(p);
	unsetenv(JOURNAL_FAULT_ENV);

	after = slurp(f->path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 2);
	assert_false(progress_lesson(p, "sample-one")->done);
	progress_close(p);
	free(before);
	free(after);
}

static void
unsaved_quiz_start_still_returns_the_attempt_with_a_cause(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	const struct quiz_attempt *a;
	char *cause = NULL;

	setenv(JOURNAL_FAULT_ENV, "1", 1);
	p = open_ok(f, "ann");
	a = progress_record_quiz_start(p, "sample-quiz", 2, &cause);
	assert_non_null(a);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "progress not saved"));
	free(cause);
	cause = NULL;
	assert_ptr_equal(progress_open_attempt(p, "sample-quiz"), a);
	/* Only a bad argument gives NULL. */
	assert_null(progress_record_quiz_start(p, "", 2, &cause));
	assert_non_null(cause);
	free(cause);
	progress_close(p);
}

static void
idle_gaps_count_at_most_the_idle_limit(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *line;
	const long want = 30 + PROGRESS_IDLE_LIMIT * 3;

	no_error(progress_record_time(p, "sample-one", 30, &cause), cause);
	no_error(progress_record_time(p, "sample-one", PROGRESS_IDLE_LIMIT,
	    &cause), cause);
	no_error(progress_record_time(p, "sample-one", PROGRESS_IDLE_LIMIT + 1,
	    &cause), cause);
	no_error(progress_record_time(p, "sample-one", 86400, &cause), cause);
	no_error(progress_record_time(p, "sample-one", 0, &cause), cause);
	no_error(progress_record_time(p, "sample-one", -5, &cause), cause);
	no_error(progress_record_time(p, NULL, 10, &cause), cause);
	assert_int_equal(progress_lesson(p, "sample-one")->seconds, want);
	progress_close(p);

	/* What was written is the clamped time, and replay agrees. */
	p = open_ok(f, "ann");
	assert_int_equal(progress_lesson(p, "sample-one")->seconds, want);
	progress_close(p);

	/* A hand-made record of a long gap is clamped at replay too. */
	line = make_line(f->path, "time\t1700000000\tsample-one\t5000");
	spew(f->path, line, strlen(line), "ab");
	free(line);
	p = open_ok(f, "ann");
	assert_int_equal(progress_lesson(p, "sample-one")->seconds,
	    want + PROGRESS_IDLE_LIMIT);
	progress_close(p);
}

static void
resume_point_is_whatever_came_last(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct resume_point r;
	char *cause = NULL;

	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_NONE);

	no_error(progress_record_page(p, "sample-one", 2, 3, &cause), cause);
	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_LESSON);
	assert_string_equal(r.id, "sample-one");
	assert_int_equal(r.page, 2);

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 3, &cause));
	answer(p, "sample-quiz", 0, "q1", "lesser trochanter", "correct", 1);
	progress_close(p);
	p = open_ok(f, "ann");
	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_QUIZ);
	assert_string_equal(r.id, "sample-quiz");
	assert_int_equal(r.question, 1);

	/* A page viewed after the quiz question wins. */
	no_error(progress_record_page(p, "sample-two", 1, 2, &cause), cause);
	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_LESSON);
	assert_string_equal(r.id, "sample-two");
	assert_int_equal(r.page, 1);

	/* Another answer makes the quiz the latest again... */
	answer(p, "sample-quiz", 1, "q2", "iliacus", "incorrect", 0);
	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_QUIZ);
	assert_int_equal(r.question, 2);

	/* ...and ending it falls back to the last page. */
	no_error(progress_record_quiz_end(p, "sample-quiz", 1, 3, false, &cause),
	    cause);
	r = progress_resume(p);
	assert_int_equal(r.kind, RESUME_LESSON);
	assert_string_equal(r.id, "sample-two");
	progress_close(p);
}

static void
a_try_is_kept_but_only_the_final_answer_moves_the_attempt_on(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	struct resume_point rp;
	char *cause = NULL, *text;

	no_error(progress_record_page(p, "sample-one", 1, 3, &cause), cause);
	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 2, &cause));
	answer(p, "sample-quiz", 0, "q1", "lesser trochanter", "correct", 1);
	try_at(p, "sample-quiz", 1, "q2", 1, 0, "psoas", "partial");
	try_at(p, "sample-quiz", 1, "q2", 2, 1, "psoas minor", "incorrect");
	a = progress_open_attempt(p, "sample-quiz");
	assert_int_equal(a->next, 1);
	assert_int_equal(a->nanswers, 1);
	assert_int_equal(a->ntries, 3);
	progress_close(p);

	/* Written as "try" records, earning nothing whatever was passed in. */
	text = slurp(f->path, NULL);
	assert_non_null(strstr(text, "\ntry\t1700000001\tsample-quiz\t"));
	assert_non_null(strstr(text, "\t1\tq2\t1\tpartial\t0\t1\t0\tpsoas\t"));
	assert_non_null(strstr(text, "\t1\tq2\t2\tincorrect\t0\t1\t1\t"
	    "psoas minor\t"));
	free(text);

	/* After a restart: the same, and the learner resumes at q2. */
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	a = progress_open_attempt(p, "sample-quiz");
	assert_non_null(a);
	assert_int_equal(a->next, 1);
	assert_int_equal(a->nanswers, 1);
	assert_int_equal(a->ntries, 3);
	assert_string_equal(a->tries[1].verdict, "partial");
	assert_true(a->tries[1].points == 0);
	assert_int_equal(a->tries[1].try_no, 1);
	assert_false(a->tries[1].final);
	assert_int_equal(a->tries[2].try_no, 2);
	assert_int_equal(a->tries[2].hints, 1);
	assert_false(a->tries[2].final);
	rp = progress_resume(p);
	assert_int_equal(rp.kind, RESUME_QUIZ);
	assert_int_equal(rp.question, 1);

	/* The final answer closes q2. */
	answer(p, "sample-quiz", 1, "q2", "psoas major, iliacus", "correct", 1);
	assert_int_equal(a->next, 2);
	assert_int_equal(a->nanswers, 2);
	assert_int_equal(a->ntries, 4);
	assert_true(a->tries[3].final);
	progress_close(p);
}

static void
a_try_that_is_right_or_skipped_is_refused(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct answer_record bad = {
		.question = "q1", .answer = "lesser trochanter",
		.verdict = "correct", .max = 1, .try_no = 1, .final = false,
	};
	char *cause = NULL;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 1, &cause));
	assert_int_equal(progress_record_answer(p, "sample-quiz", 0, &bad,
	    &cause), -1);
	assert_non_null(strstr(cause, "closes its question"));
	free(cause);
	cause = NULL;
	bad.verdict = "skipped";
	assert_int_equal(progress_record_answer(p, "sample-quiz", 0, &bad,
	    &cause), -1);
	free(cause);
	assert_int_equal(progress_open_attempt(p, "sample-quiz")->ntries, 0);
	assert_true(progress_is_durable(p));
	progress_close(p);
}

/*
 * A verdict word this version does not know (a newer tutor's, or one
 * written by hand) is no damage: the record replays with the word as
 * written, without a warning, and it is no right answer (outcome.h).
 */
static void
a_verdict_word_this_version_does_not_know_is_kept_as_written(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	char *cause = NULL, *journal;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 2, &cause));
	/* Not "correct": it may leave a try to go. */
	try_at(p, "sample-quiz", 0, "q1", 1, 0, "iliacus", "wrong");
	answer(p, "sample-quiz", 0, "q1", "psoas", "Correct", 1);
	progress_close(p);

	journal = slurp(f->path, NULL);
	assert_non_null(strstr(journal, "\t0\tq1\t1\twrong\t0\t1\t"));
	assert_non_null(strstr(journal, "\tq1\t1\tCorrect\t1\t1\t"));
	free(journal);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.warnings, 0);
	a = progress_open_attempt(p, "sample-quiz");
	assert_int_equal(a->ntries, 2);
	assert_string_equal(a->tries[0].verdict, "wrong");
	assert_false(a->tries[0].final);
	assert_string_equal(a->answers[0].verdict, "Correct");
	assert_int_equal(srs_grade_of(a->answers[0].verdict, 1, 0), SRS_AGAIN);
	progress_close(p);
}

/*
 * A quiz result word this version does not know is damage, as it always
 * was: the quiz-end record is skipped with its line named, and the
 * attempt stays open.
 */
static void
a_quiz_result_word_this_version_does_not_know_is_skipped(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	char *cause = NULL, *body, *line, *want;

	a = progress_record_quiz_start(p, "sample-quiz", 1, &cause);
	assert_non_null(a);
	body = xasprintf("quiz-end\t1700000100\tsample-quiz\t%s\t1\t1\t"
	    "passed", a->id);
	progress_close(p);
	line = make_line(f->path, body);
	spew(f->path, line, strlen(line), "ab");
	p = open_ok(f, "ann");
	want = xasprintf("%s:3: warning: damaged record skipped (quiz-end "
	    "record: bad result 'passed')", f->path);
	assert_int_equal(f->d.warnings, 1);
	assert_string_equal(f->d.msgs[0], want);
	assert_non_null(progress_open_attempt(p, "sample-quiz"));
	progress_close(p);
	free(want);
	free(line);
	free(body);
}

/* Records exactly as the program wrote them before "try" records existed. */
static void
a_journal_from_before_try_records_reads_the_same(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	const char *const body[] = {
		"quiz-start\t1718000020\tsample-quiz\t1718000020-4242-1\t3",
		"answer\t1718000031\tsample-quiz\t1718000020-4242-1\t0\t"
		    "insertion\t2\tcorrect\t0.5\t1\t0\tlesser trochanter",
		"answer\t1718000040\tsample-quiz\t1718000020-4242-1\t1\t"
		    "parts\t2\tpartial\t0.25\t1\t0\tpsoas major",
	};
	char *line;

	progress_close(p);
	for (size_t i = 0; i < sizeof body / sizeof body[0]; i++) {
		line = make_line(f->path, body[i]);
		spew(f->path, line, strlen(line), "ab");
		free(line);
	}
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	a = progress_open_attempt(p, "sample-quiz");
	assert_non_null(a);
	assert_int_equal(a->next, 2);
	assert_int_equal(a->nanswers, 2);
	assert_int_equal(a->ntries, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_true(a->answers[i].final);
		assert_true(a->tries[i].final);
		assert_int_equal(a->tries[i].try_no, 2);
	}
	assert_true(a->answers[1].points == 0.25);
	progress_close(p);
}

static void
a_damaged_try_record_is_named_and_skipped(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *line, *want;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 1, &cause));
	progress_close(p);
	line = make_line(f->path, "try\t1700000000\tsample-quiz\tx\t0\tq1\t0\t"
	    "incorrect\t0\t1\t0\tgreater");
	spew(f->path, line, strlen(line), "ab");
	free(line);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 1);
	want = xasprintf("%s:3: warning: damaged record skipped (try record: "
	    "bad try '0')", f->path);
	assert_string_equal(f->d.msgs[0], want);
	free(want);
	assert_int_equal(progress_quiz(p, "sample-quiz")->nattempts, 1);
	progress_close(p);
}

static void
a_question_is_closed_once_live_and_on_replay(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	struct answer_record again = {
		.question = "q1", .answer = "lesser trochanter",
		.verdict = "correct", .points = 1, .max = 1, .try_no = 1,
		.final = true,
	};
	char *cause = NULL, *path, *journal, *line, *dup;
	size_t len;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 2, &cause));
	answer(p, "sample-quiz", 0, "q1", "greater trochanter", "incorrect", 0);
	/* A second final answer in the same session is refused... */
	assert_int_equal(progress_record_answer(p, "sample-quiz", 0, &again,
	    &cause), -1);
	assert_non_null(strstr(cause, "already has its final answer"));
	free(cause);
	progress_close(p);

	/* ...and one appended by another session is skipped on replay. */
	path = xasprintf("%s/learners/ann.journal", f->data);
	journal = slurp(path, &len);
	line = strstr(journal, "\nanswer\t");
	assert_non_null(line);
	dup = xstrdup(line + 1);
	*strchr(dup, '\n') = '\0';
	/* Same record, now "correct" with full points, checksum recomputed. */
	{
		char *body, *rec, *v = strstr(dup, "\tincorrect\t0\t1\t");

		assert_non_null(v);
		*strrchr(dup, '\t') = '\0';
		body = xasprintf("%.*s\tcorrect\t1\t1\t%s", (int)(v - dup),
		    dup, v + strlen("\tincorrect\t0\t1\t"));
		rec = make_line(path, body);
		spew(path, rec, strlen(rec), "ab");
		free(rec);
		free(body);
	}
	p = open_ok(f, "ann");
	a = progress_open_attempt(p, "sample-quiz");
	assert_int_equal(a->nanswers, 1);
	assert_string_equal(a->answers[0].verdict, "incorrect");
	assert_true(a->answers[0].points == 0);
	assert_int_equal(f->d.warnings, 1);
	progress_close(p);
	free(dup);
	free(journal);
	free(path);
}

static void
a_hint_counts_from_the_moment_it_is_shown(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	const struct quiz_attempt *a;
	char *cause = NULL;

	assert_non_null(progress_record_quiz_start(p, "sample-quiz", 2, &cause));
	no_error(progress_record_hint(p, "sample-quiz", 0, "q1", 1, &cause),
	    cause);
	no_error(progress_record_hint(p, "sample-quiz", 0, "q1", 2, &cause),
	    cause);
	progress_close(p);
	p = open_ok(f, "ann");
	a = progress_open_attempt(p, "sample-quiz");
	assert_non_null(a);
	assert_int_equal(progress_hints_shown(a, "q1"), 2);
	assert_int_equal(progress_hints_shown(a, "q2"), 0);
	progress_close(p);
}

static void
an_open_attempt_belongs_to_one_session(void **state)
{
	struct fixture *f = *state;
	struct progress *p1 = open_ok(f, "ann"), *p2;
	char *cause = NULL;

	assert_non_null(progress_record_quiz_start(p1, "sample-quiz", 2, &cause));
	no_error(progress_claim_attempt(p1, "sample-quiz", &cause), cause);
	p2 = open_ok(f, "ann");
	assert_int_equal(progress_claim_attempt(p2, "sample-quiz", &cause), -1);
	assert_non_null(strstr(cause, "open in another session"));
	free(cause);
	cause = NULL;
	progress_release_attempt(p1);
	no_error(progress_claim_attempt(p2, "sample-quiz", &cause), cause);
	progress_close(p2);
	progress_close(p1);
}

static void
answer_without_an_open_attempt_is_refused(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct answer_record a = {
		.question = "q1", .answer = "x", .verdict = "correct",
		.try_no = 1,
	};
	char *cause = NULL;

	assert_int_equal(progress_record_answer(p, "sample-quiz", 0, &a, &cause),
	    -1);
	assert_non_null(cause);
	free(cause);
	assert_true(progress_is_durable(p));
	progress_close(p);
}

static void
new_journal_has_header_and_private_modes(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct stat st;
	char *text, *learners;

	progress_close(p);
	text = slurp(f->path, NULL);
	assert_string_equal(text, "psoas-tutor journal 2\n");
	free(text);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	learners = xasprintf("%s/learners", f->data);
	assert_int_equal(stat(learners, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(f->data, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(learners);
}

static void
cut_short_header_is_cut_off_once_and_journal_still_used(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL;

	progress_close(p);
	assert_int_equal(truncate(f->path, 8), 0);	/* "psoas-tu" */
	p = open_ok(f, "ann");
	assert_true(diag_has(&f->d, ":1: warning: damaged header cut off"));
	torn_copy_is(f, "psoas-tu");
	no_error(progress_record_page(p, "sample-one", 1, 1, &cause), cause);
	progress_close(p);
	/* Cut off once: a new header, and nothing to say at the next start. */
	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 1);
	progress_close(p);
}

static void
whole_header_without_its_newline_is_cut_off_once_and_journal_still_used(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL;

	/* The disk filled up one byte short of the new file's header. */
	progress_close(p);
	assert_int_equal(truncate(f->path, strlen("psoas-tutor journal 2")), 0);
	p = open_ok(f, "ann");
	assert_true(diag_has(&f->d, ":1: warning: damaged header cut off"));
	torn_copy_is(f, "psoas-tutor journal 2");
	no_error(progress_record_page(p, "sample-one", 2, 3, &cause), cause);
	progress_close(p);
	/* Cut off once: a new header, and nothing to say at the next start. */
	diag_destroy(&f->d);
	diag_init(&f->d);
	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_int_equal(progress_lesson(p, "sample-one")->page, 2);
	progress_close(p);
}

static void
learners_are_listed_and_bad_names_refused(void **state)
{
	struct fixture *f = *state;
	struct progress *p;
	char **names, *cause = NULL, *junk;
	size_t n;

	names = progress_list_learners(f->data, &n);
	assert_int_equal(n, 0);
	assert_null(names[0]);
	free(names);

	progress_close(open_ok(f, "zoe"));
	progress_close(open_ok(f, "ann"));
	junk = xasprintf("%s/learners/notes.txt", f->data);
	spew(junk, "x", 1, "wb");
	free(junk);
	names = progress_list_learners(f->data, &n);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "ann");
	assert_string_equal(names[1], "zoe");
	assert_null(names[2]);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);

	p = progress_open(f->data, "../evil", &f->d, &cause);
	assert_null(p);
	assert_non_null(strstr(cause, "invalid learner name"));
	free(cause);
}

static void
class_summary_rounds_a_post_test_score_like_every_other_report(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct quiz final = { .id = "final", .title = "Final", .posttest = true,
		.pass = 50 };
	struct quiz *quizzes[] = { &final };
	struct course c = { .quizzes = quizzes, .nquizzes = 1 };
	char *cause = NULL, *out = NULL;
	size_t len = 0;
	FILE *fp;

	/* 29 of 50 is 58%; 29 / 50 * 100 is 57.999... in binary. */
	assert_non_null(progress_record_quiz_start(p, "final", 1, &cause));
	assert_null(cause);
	no_error(progress_record_quiz_end(p, "final", 29, 50, true, &cause),
	    cause);
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	assert_int_equal(report_class(fp, &c, &p, 1), 0);
	fclose(fp);
	if (strstr(out, "58% pass") == NULL)
		fail_msg("no '58%% pass' in:\n%s", out);
	free(out);
	progress_close(p);
}


/* The state a regrade leaves, the same live and after a restart. */
static void
assert_regraded(const struct progress *p)
{
	const struct quiz_progress *qp = progress_quiz(p, "sample-quiz");
	const struct quiz_attempt *a = &qp->attempts[0];
	const struct answer_record *by;

	assert_int_equal(a->nanswers, 1);
	assert_string_equal(a->answers[0].verdict, "correct");
	assert_true(a->answers[0].points == 1);
	/* What was typed stays as recorded: a provider reads only that. */
	assert_string_equal(a->answers[0].answer, "lesser trochanter");
	assert_int_equal(a->answers[0].try_no, 2);
	by = progress_deciding_try(a, &a->answers[0]);
	assert_string_equal(by->answer, "the lesser trochantor");
	assert_int_equal(by->try_no, 1);
	assert_true(by->final);
	assert_true(progress_try_superseded(&a->tries[1]));
	assert_false(a->tries[1].final);
	assert_true(a->score == 1);
	assert_true(a->passed);
	assert_true(a->regraded != 0);
	assert_true(qp->passed);
	assert_true(qp->best_pct == 100);
}

static void
a_regrade_changes_the_grading_never_the_try(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	struct answer_record t = { .question = "q1", .qindex = 0 };
	const struct quiz_attempt *a;
	const struct regrade_news *news;
	char *cause = NULL, *id;
	size_t n, hours;

	a = progress_record_quiz_start(p, "sample-quiz", 1, &cause);
	assert_non_null(a);
	id = xstrdup(a->id);
	try_at(p, "sample-quiz", 0, "q1", 1, 0, "the lesser trochantor",
	    "incorrect");
	{
		struct answer_record fin = { .question = "q1",
		    .answer = "lesser trochanter", .verdict = "correct",
		    .points = 0.5, .max = 1, .try_no = 2, .final = true };

		no_error(progress_record_answer(p, "sample-quiz", 0, &fin,
		    &cause), cause);
	}
	no_error(progress_record_quiz_end(p, "sample-quiz", 0.5, 1, false,
	    &cause), cause);
	progress_active_hours(p, &hours);

	/* Try 1 is right by today's rules: it closes q1, try 2 is moot. */
	t.try_no = 1;
	t.verdict = "correct";
	t.points = 1;
	t.max = 1;
	t.final = true;
	no_error(progress_record_regrade(p, "sample-quiz", id, &t, &cause),
	    cause);
	t.try_no = 2;
	t.verdict = "superseded";
	t.points = 0;
	t.final = false;
	no_error(progress_record_regrade(p, "sample-quiz", id, &t, &cause),
	    cause);
	no_error(progress_record_rescore(p, "sample-quiz", id, 1, 1, true,
	    &cause), cause);
	assert_regraded(p);
	news = progress_regrade_news(p, &n);
	assert_int_equal(n, 1);
	assert_true(news[0].old_score == 0.5);
	assert_false(news[0].old_passed);
	assert_true(news[0].passed);
	/* A regrade is no study. */
	progress_active_hours(p, &n);
	assert_int_equal(n, hours);

	/* A try that was never recorded cannot be regraded. */
	t.try_no = 3;
	assert_int_equal(progress_record_regrade(p, "sample-quiz", id, &t,
	    &cause), -1);
	free(cause);
	cause = NULL;
	progress_close(p);

	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	assert_regraded(p);
	progress_regrade_news(p, &n);
	assert_int_equal(n, 1);
	/* The news lasts until the learner does anything. */
	no_error(progress_record_page(p, "sample-one", 1, 3, &cause), cause);
	progress_regrade_news(p, &n);
	assert_int_equal(n, 0);
	progress_close(p);
	free(id);
}

static void
a_flag_keeps_the_try_and_a_short_reason(void **state)
{
	struct fixture *f = *state;
	struct progress *p = open_ok(f, "ann");
	char *cause = NULL, *reason = xcalloc(FLAG_REASON_MAX + 10, 1);
	struct flag_record fl = { .quiz = "sample-quiz", .attempt = "1-2-3",
	    .question = "q1", .try_no = 2, .verdict = "incorrect",
	    .answer = "femural nerve", .reason = "spelt \x1b[31mright" };
	const struct flag_record *got;
	size_t n;

	no_error(progress_record_flag(p, &fl, &cause), cause);
	/* Too long: cut on a character boundary, never half an "Ã©". */
	memset(reason, 'a', FLAG_REASON_MAX - 1);
	memcpy(reason + FLAG_REASON_MAX - 1, "\xc3\xa9\xc3\xa9", 4);
	fl.reason = reason;
	fl.try_no = 1;
	no_error(progress_record_flag(p, &fl, &cause), cause);
	progress_close(p);

	p = open_ok(f, "ann");
	assert_int_equal(f->d.n, 0);
	progress_flags(p, &n);
	assert_int_equal(n, 2);
	got = progress_flag_of(p, "sample-quiz", "1-2-3", "q1", 2);
	assert_non_null(got);
	assert_string_equal(got->reason, "spelt \x1b[31mright");
	assert_string_equal(got->answer, "femural nerve");
	got = progress_flag_of(p, "sample-quiz", "1-2-3", "q1", 1);
	assert_non_null(got);
	assert_int_equal(strlen(got->reason), FLAG_REASON_MAX - 1);
	assert_null(progress_flag_of(p, "sample-quiz", "1-2-3", "q2", 1));
	progress_close(p);
	free(reason);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(fnv1a_matches_the_published_test_vectors),
		T(a_regrade_changes_the_grading_never_the_try),
		T(a_flag_keeps_the_try_and_a_short_reason),
		T(escape_and_unescape_are_inverse),
		T(every_record_type_survives_a_restart),
		T(answers_keep_tabs_newlines_backslashes_and_utf8),
		T(truncated_last_record_is_cut_off_once_and_kept_beside),
		T(a_record_torn_by_another_session_is_cut_off_by_the_next_append),
		T(a_torn_record_is_never_copied_through_a_planted_link),
		T(damaged_middle_record_is_skipped_and_later_records_kept),
		T(an_edit_in_the_middle_breaks_the_chain_at_the_next_record),
		T(a_version_1_journal_is_read_and_appended_unchained),
		T(wrong_field_count_and_unknown_type_are_warned_and_skipped),
		T(newer_version_is_refused_and_file_left_untouched),
		T(a_file_that_is_not_a_journal_is_refused),
		T(a_journal_replayed_from_memory_reads_as_its_file),
		T(two_handles_appending_alternately_lose_nothing),
		T(attempt_ids_are_unique_within_a_process),
		T(unwritable_folder_gives_a_cause_and_goes_on_in_memory),
		T(read_only_folder_keeps_what_was_saved),
		T(fault_injected_write_failure_keeps_earlier_records),
		T(unsaved_quiz_start_still_returns_the_attempt_with_a_cause),
		T(idle_gaps_count_at_most_the_idle_limit),
		T(resume_point_is_whatever_came_last),
		T(a_try_is_kept_but_only_the_final_answer_moves_the_attempt_on),
		T(a_try_that_is_right_or_skipped_is_refused),
		T(a_verdict_word_this_version_does_not_know_is_kept_as_written),
		T(a_quiz_result_word_this_version_does_not_know_is_skipped),
		T(a_journal_from_before_try_records_reads_the_same),
		T(a_damaged_try_record_is_named_and_skipped),
		T(a_question_is_closed_once_live_and_on_replay),
		T(a_hint_counts_from_the_moment_it_is_shown),
		T(an_open_attempt_belongs_to_one_session),
		T(answer_without_an_open_attempt_is_refused),
		T(new_journal_has_header_and_private_modes),
		T(cut_short_header_is_cut_off_once_and_journal_still_used),
		T(whole_header_without_its_newline_is_cut_off_once_and_journal_still_used),
		T(learners_are_listed_and_bad_names_refused),
		T(class_summary_rounds_a_post_test_score_like_every_other_report),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
