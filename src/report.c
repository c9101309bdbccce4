/*
 * Reports built from a learner's progress: the progress summary the
 * learner reads, the export rows an auditor loads into a spreadsheet and
 * the certificate a continuing-education provider signs.  They only read
 * the progress, and they print no times other than those recorded, so the
 * same journal always gives the same report.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "defaults.h"
#include "grade.h"
#include "report.h"
#include "xmalloc.h"

/* "12 min", "1 h 5 min": time on task is rounded to the nearest minute. */
static void
format_minutes(char *buf, size_t size, long seconds)
{
	long min = (seconds + 30) / 60;

	if (min < 60)
		snprintf(buf, size, "%ld min", min);
	else
		snprintf(buf, size, "%ld h %ld min", min / 60, min % 60);
}

/* ISO 8601 in UTC, or "" for 0 (not yet). */
static void
format_time(char *buf, size_t size, time_t t, const char *fmt)
{
	struct tm tm;

	buf[0] = '\0';
	if (t != 0 && gmtime_r(&t, &tm) != NULL)
		strftime(buf, size, fmt, &tm);
}

/* ------------------------------------------------------------ progress */

static void
put_bar(FILE *out, const struct render_opts *o, int pct)
{
	int filled = pct * REPORT_BAR_WIDTH / 100;

	if (filled > REPORT_BAR_WIDTH)
		filled = REPORT_BAR_WIDTH;
	fputs("    [", out);
	for (int i = 0; i < REPORT_BAR_WIDTH; i++)
		fputs(o->plain ? (i < filled ? "#" : ".") :
		    (i < filled ? "\u2588" : "\u2591"), out);
	fprintf(out, "] %3d%%  ", pct);
}

static void
put_wrapped(FILE *out, const struct render_opts *o, const char *indent,
    const char *hang, char *text)
{
	char *wrapped = render_wrap(o, text, indent, hang);

	fputs(wrapped, out);
	free(wrapped);
	free(text);
}

static void
put_heading(FILE *out, const struct render_opts *o, const char *text)
{
	char *styled = render_style(o, "bold", text);

	fprintf(out, "\n%s\n", styled);
	free(styled);
}

static void
report_lesson(FILE *out, const struct render_opts *o,
    const struct lesson *l, const struct lesson_progress *lp)
{
	char status[64], spent[32];
	int pct = 0;

	put_wrapped(out, o, "  ", "    ", xasprintf("%s: %s", l->id,
	    l->title));
	progress_lesson_status(lp, l->npages, status, sizeof status);
	if (lp != NULL && lp->done)
		pct = 100;
	else if (lp != NULL && lp->pages > 0)
		pct = grade_whole_percent(lp->max_page, lp->pages);
	format_minutes(spent, sizeof spent, lp != NULL ? lp->seconds : 0);
	put_bar(out, o, pct);
	fprintf(out, "%s, %s\n", status, spent);
}

/* A quiz's best finished score as a whole percent, rounded down. */
static int
best_percent(const struct quiz_progress *qp)
{
	/* best_pct is a quotient: 29 of 50 may be 57.999..., which is 58. */
	return qp != NULL && qp->best_pct > 0 ? (int)(qp->best_pct + 1e-9) : 0;
}

static void
report_quiz(FILE *out, const struct render_opts *o, const struct quiz *q,
    const struct quiz_progress *qp, const struct quiz_attempt *open)
{
	size_t finished = 0;

	put_wrapped(out, o, "  ", "    ", xasprintf("%s: %s%s", q->id,
	    q->title, q->posttest ? " (post-test)" : ""));
	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++)
		if (qp->attempts[i].finished != 0)
			finished++;
	put_bar(out, o, best_percent(qp));
	if (finished == 0)
		fputs("not taken yet", out);
	else
		fprintf(out, "best of %zu attempt%s, %s (pass mark %d%%)",
		    finished, finished == 1 ? "" : "s",
		    qp->passed ? "passed" : "not passed yet", q->pass);
	if (open != NULL)
		fprintf(out, "; in progress at question %zu of %zu",
		    open->next < open->nquestions ? open->next + 1 :
		    open->nquestions, open->nquestions);
	fputc('\n', out);
}

int
report_progress(FILE *out, const struct course *c, const struct progress *p,
    const struct render_opts *o)
{
	const char *full = progress_full_name(p);
	size_t done = 0, passed = 0;
	long seconds = 0;
	char spent[32];
	char *title;

	if (full != NULL && full[0] != '\0')
		title = xasprintf("Progress of %s (%s)", full,
		    progress_learner(p));
	else
		title = xasprintf("Progress of %s", progress_learner(p));
	put_wrapped(out, o, "", "  ", title);

	put_heading(out, o, "Lessons");
	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);

		report_lesson(out, o, c->lessons[i], lp);
		if (lp != NULL) {
			done += lp->done;
			seconds += lp->seconds;
		}
	}
	if (c->nquizzes > 0)
		put_heading(out, o, "Quizzes");
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz_progress *qp =
		    progress_quiz(p, c->quizzes[i]->id);

		report_quiz(out, o, c->quizzes[i], qp,
		    progress_open_attempt(p, c->quizzes[i]->id));
		if (qp != NULL)
			passed += qp->passed;
	}

	put_heading(out, o, "Overall");
	put_bar(out, o, grade_whole_percent((double)(done + passed),
	    (double)(c->nlessons + c->nquizzes)));
	fprintf(out, "%zu of %zu lesson%s done, %zu of %zu quiz%s passed\n",
	    done, c->nlessons, c->nlessons == 1 ? "" : "s", passed,
	    c->nquizzes, c->nquizzes == 1 ? "" : "zes");
	format_minutes(spent, sizeof spent, seconds);
	fprintf(out, "    Time on task in the lessons: %s\n", spent);
	return ferror(out) ? -1 : 0;
}

/* -------------------------------------------------------------- export */

struct export_format {
	const char *name;
	char sep;
	bool csv;	/* RFC 4180 quoting and CR LF; else tsv */
	const char *const *head;	/* column names */
	size_t ncolumns;
	/* The rows of one attempt. */
	void (*rows)(FILE *, const struct export_format *,
	    const struct progress *, const struct quiz_progress *,
	    const struct quiz_attempt *);
};

static void answer_rows(FILE *, const struct export_format *,
    const struct progress *, const struct quiz_progress *,
    const struct quiz_attempt *);
static void attempt_rows(FILE *, const struct export_format *,
    const struct progress *, const struct quiz_progress *,
    const struct quiz_attempt *);

static const char *const answer_columns[] = { "learner", "full_name", "quiz",
	"attempt", "question", "answer", "verdict", "points", "max", "hints",
	"try", "final", "time" };
static const char *const attempt_columns[] = { "learner", "full_name",
	"quiz", "attempt", "started", "finished", "questions", "answered",
	"score", "max", "percent", "passed" };

#define COLUMNS(a) (a), sizeof(a) / sizeof((a)[0])

static const struct export_format export_formats[] = {
	{ "csv", ',', true, COLUMNS(answer_columns), answer_rows },
	{ "tsv", '\t', false, COLUMNS(answer_columns), answer_rows },
	{ "attempts-csv", ',', true, COLUMNS(attempt_columns), attempt_rows },
	{ "attempts-tsv", '\t', false, COLUMNS(attempt_columns),
	    attempt_rows },
};

static void
put_field(FILE *out, const struct export_format *f, const char *s)
{
	if (f->csv) {
		if (strpbrk(s, ",\"\r\n") == NULL) {
			fputs(s, out);
			return;
		}
		fputc('"', out);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
		return;
	}
	for (; *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s, out);
}

/* One row: fields separated by f->sep, ended as the format says. */
static void
put_row(FILE *out, const struct export_format *f, const char *const *fields,
    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fputc(f->sep, out);
		put_field(out, f, fields[i]);
	}
	fputs(f->csv ? "\r\n" : "\n", out);
}

#define ISO_UTC "%Y-%m-%dT%H:%M:%SZ"

/*
 * Points with three decimals and a '.' whatever LC_NUMERIC says: main()
 * sets the user's locale, and "%.3f" would give auditors "0,500" under a
 * decimal-comma locale.  Replay bounds points by 1e12 (progress.c), so
 * a long long holds them in thousandths.
 */
static void
format_points(char *buf, size_t size, double x)
{
	long long m = (long long)(x * 1000 + (x >= 0 ? 0.5 : -0.5));

	snprintf(buf, size, "%s%lld.%03lld", m < 0 ? "-" : "",
	    llabs(m) / 1000, llabs(m) % 1000);
}

static void
answer_rows(FILE *out, const struct export_format *f, const struct progress *p,
    const struct quiz_progress *qp, const struct quiz_attempt *a)
{
	const char *full = progress_full_name(p);
	char points[32], max[32], hints[16], try_no[16], when[32];

	/* Every graded try, not only the final answers: auditors see retries. */
	for (size_t j = 0; j < a->ntries; j++) {
		const struct answer_record *r = &a->tries[j];
		const char *row[] = { progress_learner(p),
			full != NULL ? full : "", qp->quiz, a->id, r->question,
			r->answer, r->verdict, points, max, hints, try_no,
			r->final ? "yes" : "no", when };

		format_points(points, sizeof points, r->points);
		format_points(max, sizeof max, r->max);
		snprintf(hints, sizeof hints, "%d", r->hints);
		snprintf(try_no, sizeof try_no, "%d", r->try_no);
		format_time(when, sizeof when, r->when, ISO_UTC);
		put_row(out, f, row, sizeof row / sizeof row[0]);
	}
}

static void
attempt_rows(FILE *out, const struct export_format *f,
    const struct progress *p, const struct quiz_progress *qp,
    const struct quiz_attempt *a)
{
	const char *full = progress_full_name(p);
	char started[32], finished[32], nq[24], na[24], score[32], max[32],
	    pct[16];
	bool over = a->finished != 0;
	const char *row[] = { progress_learner(p), full != NULL ? full : "",
		qp->quiz, a->id, started, finished, nq, na, score, max, pct,
		!over ? "" : a->passed ? "yes" : "no" };

	format_time(started, sizeof started, a->started, ISO_UTC);
	format_time(finished, sizeof finished, a->finished, ISO_UTC);
	snprintf(nq, sizeof nq, "%zu", a->nquestions);
	snprintf(na, sizeof na, "%zu", a->nanswers);
	score[0] = max[0] = pct[0] = '\0';
	if (over) {
		format_points(score, sizeof score, a->score);
		format_points(max, sizeof max, a->max);
		snprintf(pct, sizeof pct, "%d", grade_whole_percent(a->score, a->max));
	}
	put_row(out, f, row, sizeof row / sizeof row[0]);
}

/* Every attempt of every quiz of c, in course order. */
static int
export_rows(FILE *out, const struct export_format *f, const struct course *c,
    const struct progress *p)
{
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz_progress *qp =
		    progress_quiz(p, c->quizzes[i]->id);

		for (size_t k = 0; qp != NULL && k < qp->nattempts; k++)
			f->rows(out, f, p, qp, &qp->attempts[k]);
	}
	return ferror(out) ? -1 : 0;
}

const char *
report_export_formats(void)
{
	return "csv, tsv, attempts-csv, attempts-tsv";
}

static const struct export_format *
find_format(const char *name)
{
	for (size_t i = 0; i < sizeof export_formats / sizeof export_formats[0];
	    i++)
		if (strcmp(export_formats[i].name, name) == 0)
			return &export_formats[i];
	return NULL;
}

bool
report_export_known(const char *format)
{
	return find_format(format) != NULL;
}

int
report_export(FILE *out, const struct course *c, const struct progress *p,
    const char *format, char **cause)
{
	struct progress *one = (struct progress *)p;

	return report_export_all(out, c, &one, 1, format, cause);
}

int
report_export_all(FILE *out, const struct course *c,
    struct progress *const *p, size_t n, const char *format, char **cause)
{
	const struct export_format *f = find_format(format);

	*cause = NULL;
	if (f == NULL) {
		*cause = xasprintf("unknown export format '%s' (use one of: %s)",
		    format, report_export_formats());
		return 1;
	}
	put_row(out, f, f->head, f->ncolumns);
	for (size_t i = 0; i < n; i++)
		export_rows(out, f, c, p[i]);
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------- class summary */

int
report_class(FILE *out, const struct course *c, struct progress *const *p,
    size_t n)
{
	size_t npractice = 0;

	for (size_t i = 0; i < c->nquizzes; i++)
		npractice += !c->quizzes[i]->posttest;
	fprintf(out, "%-16s %7s %9s %10s %5s %8s  %s\n", "learner", "lessons",
	    "quizzes", "post-test", "done", "time", "full name");
	for (size_t k = 0; k < n; k++) {
		const char *full = progress_full_name(p[k]);
		size_t done = 0, passed = 0, quizzes_passed = 0;
		long seconds = 0;
		char lessons[16], quizzes[16], post[16], spent[32];

		strcpy(post, "-");
		for (size_t i = 0; i < c->nlessons; i++) {
			const struct lesson_progress *lp =
			    progress_lesson(p[k], c->lessons[i]->id);

			if (lp != NULL) {
				done += lp->done;
				seconds += lp->seconds;
			}
		}
		for (size_t i = 0; i < c->nquizzes; i++) {
			const struct quiz_progress *qp =
			    progress_quiz(p[k], c->quizzes[i]->id);

			if (qp == NULL)
				continue;
			passed += qp->passed;
			if (!c->quizzes[i]->posttest)
				quizzes_passed += qp->passed;
			else if (qp->best_pct >= 0)
				snprintf(post, sizeof post, "%d%% %s",
				    best_percent(qp), qp->passed ? "pass" : "fail");
		}
		snprintf(lessons, sizeof lessons, "%zu/%zu", done, c->nlessons);
		snprintf(quizzes, sizeof quizzes, "%zu/%zu", quizzes_passed,
		    npractice);
		format_minutes(spent, sizeof spent, seconds);
		fprintf(out, "%-16s %7s %9s %10s %4d%% %8s  %s\n",
		    progress_learner(p[k]), lessons, quizzes, post,
		    grade_whole_percent((double)(done + passed),
		    (double)(c->nlessons + c->nquizzes)), spent,
		    full != NULL ? full : "");
	}
	if (n == 0)
		fprintf(out, "(no learners yet)\n");
	return ferror(out) ? -1 : 0;
}
