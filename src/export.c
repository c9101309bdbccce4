/*
 * The auditors' and providers' spreadsheet files (export.h).  Each format
 * is a table row: its columns and a function giving one learner's rows;
 * every format comes as csv and tsv, and every cell goes through the one
 * function that neutralises formulas and escapes control characters.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "export.h"
#include "grade.h"
#include "points.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define ISO_UTC "%Y-%m-%dT%H:%M:%SZ"

struct sink {
	FILE *out;
	bool csv;		/* RFC 4180 quoting and CR LF; else tsv */
};

struct export_kind {
	const char *name;	/* "" for the answers: "csv", "tsv" */
	const char *const *head;
	size_t ncolumns;
	void (*rows)(const struct sink *, const struct course *,
	    const struct progress *);
};

/* ----------------------------------------------------------------- cells */

char *
export_cell(const char *s)
{
	struct strbuf b = {0};
	char *escaped;

	/* A spreadsheet would run "=...", "+...", "-...", "@..." as formulas. */
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		strbuf_puts(&b, "'");
	escaped = text_escape_controls(s, true);
	strbuf_puts(&b, escaped);
	free(escaped);
	return strbuf_take(&b);
}

static void
put_field(const struct sink *k, const char *s)
{
	char *cell = export_cell(s != NULL ? s : "");

	if (k->csv && strpbrk(cell, ",\"") != NULL) {
		fputc('"', k->out);
		for (const char *c = cell; *c != '\0'; c++) {
			if (*c == '"')
				fputc('"', k->out);
			fputc(*c, k->out);
		}
		fputc('"', k->out);
	} else {
		fputs(cell, k->out);
	}
	free(cell);
}

static void
put_row(const struct sink *k, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fputc(k->csv ? ',' : '\t', k->out);
		put_field(k, fields[i]);
	}
	fputs(k->csv ? "\r\n" : "\n", k->out);
}

#define ROW(k, ...) do { \
	const char *row_[] = { __VA_ARGS__ }; \
	put_row((k), row_, sizeof row_ / sizeof row_[0]); \
} while (0)

/* ISO 8601 in UTC, or "" for 0 (not yet). */
static void
format_time(char *buf, size_t size, time_t t)
{
	struct tm tm;

	buf[0] = '\0';
	if (t != 0 && gmtime_r(&t, &tm) != NULL)
		strftime(buf, size, ISO_UTC, &tm);
}

static const char *
full_name(const struct progress *p)
{
	const char *full = progress_full_name(p);

	return full != NULL ? full : "";
}

/* ------------------------------------------------------------ quiz rows */

static const struct question *
question_of(const struct quiz *q, const char *id)
{
	for (size_t i = 0; q != NULL && i < q->nquestions; i++)
		if (strcmp(q->questions[i].id, id) == 0)
			return &q->questions[i];
	return NULL;
}

static const char *
topic_of(const struct quiz *q, const char *id)
{
	const struct question *qn = question_of(q, id);

	return qn != NULL ? qn->topic : NULL;
}

/*
 * The lesson objective question id of q tests, as "LESSON N" (the
 * @objective line's own form, and the name stats gives it); empty for
 * none, or for a question the course no longer has.
 */
static void
objective_of(const struct quiz *q, const char *id, char *buf, size_t size)
{
	const struct question *qn = question_of(q, id);
	const char *lesson = qn != NULL ? quiz_objective_lesson(q, qn) : NULL;

	if (lesson != NULL)
		snprintf(buf, size, "%s %d", lesson, qn->objective);
	else if (size > 0)
		*buf = '\0';
}

/* Every graded try, not only the final answers: auditors see retries. */
static void
answer_rows(const struct sink *k, const struct quiz_progress *qp,
    const struct quiz_attempt *a, const struct progress *p,
    const struct quiz *q)
{
	char points[32], max[32], hints[16], try_no[16], when[32],
	    objective[128];

	for (size_t j = 0; j < a->ntries; j++) {
		const struct answer_record *r = &a->tries[j];

		points_format(points, sizeof points, r->points, POINTS_EXPORT);
		points_format(max, sizeof max, r->max, POINTS_EXPORT);
		snprintf(hints, sizeof hints, "%d", r->hints);
		snprintf(try_no, sizeof try_no, "%d", r->try_no);
		format_time(when, sizeof when, r->when);
		objective_of(q, r->question, objective, sizeof objective);
		ROW(k, progress_learner(p), full_name(p), qp->quiz, a->id,
		    r->question, r->answer, r->verdict, points, max, hints,
		    try_no, r->final ? "yes" : "no", when, objective);
	}
}

static void
attempt_row(const struct sink *k, const struct quiz_progress *qp,
    const struct quiz_attempt *a, const struct progress *p)
{
	char started[32], finished[32], nq[24], na[24], score[32] = "",
	    max[32] = "", pct[16] = "";
	bool over = a->finished != 0;

	format_time(started, sizeof started, a->started);
	format_time(finished, sizeof finished, a->finished);
	snprintf(nq, sizeof nq, "%zu", a->nquestions);
	snprintf(na, sizeof na, "%zu", a->nanswers);
	if (over) {
		points_format(score, sizeof score, a->score, POINTS_EXPORT);
		points_format(max, sizeof max, a->max, POINTS_EXPORT);
		snprintf(pct, sizeof pct, "%d", grade_whole_percent(a->score,
		    a->max));
	}
	ROW(k, progress_learner(p), full_name(p), qp->quiz, a->id, started,
	    finished, nq, na, score, max, pct,
	    !over ? "" : a->passed ? "yes" : "no");
}


/* The questions drawn for a drawn attempt, as recorded, in order asked. */
static void
draw_rows(const struct sink *k, const struct quiz_progress *qp,
    const struct quiz_attempt *a, const struct progress *p,
    const struct quiz *q)
{
	char started[32];
	size_t pos = 0;

	if (a->draw == NULL)
		return;
	format_time(started, sizeof started, a->started);
	for (const char *s = a->draw; *s != '\0';) {
		size_t wlen = strcspn(s, " "), idlen = strcspn(s, " /");
		char *id = xstrndup(s, idlen), *letters = xstrndup(s + idlen +
		    (idlen < wlen), wlen - idlen - (idlen < wlen));
		const struct answer_record *r = NULL;
		char position[24], points[32] = "", objective[128];

		for (size_t i = 0; i < a->nanswers; i++)
			if (a->answers[i].qindex == pos &&
			    strcmp(a->answers[i].question, id) == 0)
				r = &a->answers[i];
		snprintf(position, sizeof position, "%zu", ++pos);
		if (r != NULL)
			points_format(points, sizeof points, r->points,
			    POINTS_EXPORT);
		objective_of(q, id, objective, sizeof objective);
		ROW(k, progress_learner(p), full_name(p), qp->quiz, a->id,
		    started, a->seed, position, id, topic_of(q, id), letters,
		    r != NULL ? r->verdict : "", points, objective);
		free(id);
		free(letters);
		s += wlen;
		if (*s == ' ')
			s++;
	}
}

enum quiz_rows { ANSWERS, ATTEMPTS, DRAWS };

/* Every attempt of every quiz of c, in course order. */
static void
quiz_rows(const struct sink *k, const struct course *c,
    const struct progress *p, enum quiz_rows which)
{
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz_progress *qp =
		    progress_quiz(p, c->quizzes[i]->id);

		for (size_t j = 0; qp != NULL && j < qp->nattempts; j++) {
			const struct quiz_attempt *a = &qp->attempts[j];

			if (which == ANSWERS)
				answer_rows(k, qp, a, p, c->quizzes[i]);
			else if (which == ATTEMPTS)
				attempt_row(k, qp, a, p);
			else
				draw_rows(k, qp, a, p, c->quizzes[i]);
		}
	}
}

static void
answers(const struct sink *k, const struct course *c, const struct progress *p)
{
	quiz_rows(k, c, p, ANSWERS);
}

static void
attempts(const struct sink *k, const struct course *c,
    const struct progress *p)
{
	quiz_rows(k, c, p, ATTEMPTS);
}

static void
draws(const struct sink *k, const struct course *c, const struct progress *p)
{
	quiz_rows(k, c, p, DRAWS);
}

/* ------------------------------------------------- lessons, evaluations */

static void
lessons(const struct sink *k, const struct course *c, const struct progress *p)
{
	for (size_t i = 0; i < c->nlessons - c->nreference; i++) {
		const struct lesson *l = c->lessons[i];
		const struct lesson_progress *lp = progress_lesson(p, l->id);
		char pages[24], furthest[24], seconds[24], minutes[24];

		snprintf(pages, sizeof pages, "%zu", l->npages);
		snprintf(furthest, sizeof furthest, "%d",
		    lp != NULL ? lp->max_page : 0);
		snprintf(seconds, sizeof seconds, "%ld",
		    lp != NULL ? lp->seconds : 0);
		snprintf(minutes, sizeof minutes, "%d", l->minutes);
		ROW(k, progress_learner(p), full_name(p), l->id, l->title, pages,
		    furthest, lp != NULL && lp->done ? "yes" : "no", seconds,
		    minutes);
	}
}

static void
evaluations(const struct sink *k, const struct course *c,
    const struct progress *p)
{
	size_t n;
	const struct evaluation_answer *e = progress_evaluations(p, &n);

	(void)c;
	for (size_t i = 0; i < n; i++) {
		char when[32];

		format_time(when, sizeof when, e[i].when);
		ROW(k, progress_learner(p), full_name(p), e[i].certificate,
		    e[i].item, e[i].kind, e[i].answer, e[i].prompt, when);
	}
}

/* --------------------------------------------------------------- table */

#define COLUMNS(...) (const char *const[]){ __VA_ARGS__ }, \
	sizeof (const char *const[]){ __VA_ARGS__ } / sizeof(const char *)

static const struct export_kind kinds[] = {
	{ "", COLUMNS("learner", "full_name", "quiz", "attempt", "question",
	    "answer", "verdict", "points", "max", "hints", "try", "final",
	    "time", "objective"), answers },
	{ "attempts", COLUMNS("learner", "full_name", "quiz", "attempt",
	    "started", "finished", "questions", "answered", "score", "max",
	    "percent", "passed"), attempts },
	{ "lessons", COLUMNS("learner", "full_name", "lesson", "title",
	    "pages", "furthest_page", "done", "seconds", "minutes"), lessons },
	{ "draws", COLUMNS("learner", "full_name", "quiz", "attempt",
	    "started", "seed", "position", "question", "topic", "letters",
	    "verdict", "points", "objective"), draws },
	{ "evaluations", COLUMNS("learner", "full_name", "certificate", "item",
	    "kind", "answer", "prompt", "time"), evaluations },
};

/* "csv", "tsv", "NAME-csv", "NAME-tsv": the kind, and csv or not. */
static const struct export_kind *
find_kind(const char *format, bool *csv)
{
	const char *ext = strrchr(format, '-');
	size_t len = ext != NULL ? (size_t)(ext - format) : 0;

	ext = ext != NULL ? ext + 1 : format;
	if (strcmp(ext, "csv") != 0 && strcmp(ext, "tsv") != 0)
		return NULL;
	*csv = strcmp(ext, "csv") == 0;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strlen(kinds[i].name) == len &&
		    strncmp(kinds[i].name, format, len) == 0 &&
		    (len > 0 || ext == format))
			return &kinds[i];
	return NULL;
}

const char *
export_formats(void)
{
	return "csv, tsv, attempts-csv, attempts-tsv, lessons-csv, "
	    "lessons-tsv, draws-csv, draws-tsv, evaluations-csv, "
	    "evaluations-tsv";
}

bool
export_known(const char *format)
{
	bool csv;

	return find_kind(format, &csv) != NULL;
}

int
export_write(FILE *out, const struct course *c, struct progress *const *p,
    size_t n, const char *format, char **cause)
{
	struct sink k = { .out = out };
	const struct export_kind *kind = find_kind(format, &k.csv);

	*cause = NULL;
	if (kind == NULL) {
		*cause = xasprintf("unknown export format '%s' (use one of: %s)",
		    format, export_formats());
		return 1;
	}
	put_row(&k, kind->head, kind->ncolumns);
	for (size_t i = 0; i < n; i++)
		kind->rows(&k, c, p[i]);
	return ferror(out) ? -1 : 0;
}
