/*
 * Study aids (study.h): what to practise, what is due, and statistics.
 * Charts are text: bars from render_bar, a week-by-week line of block
 * heights, and a calendar strip of days; with --plain (or TERM=dumb) the
 * same figures as plain numbers, for screen readers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "outcome.h"
#include "strbuf.h"
#include "text.h"
#include "study.h"
#include "xmalloc.h"

#define DAY 86400
#define BAR_CELLS 16

/* ------------------------------------------------------------- choosing */

static bool
is_missed(const struct srs_item *it)
{
	return it->card.reviews > 0 && it->card.grade != SRS_GOOD;
}

/* Pick the items of d that keep(it, now) says; returns how many. */
static size_t
pick(const struct srs_deck *d, const struct quiz *only, int rule, time_t now,
    struct srs_item **items)
{
	size_t n = 0;

	*items = xcalloc(d->n + 1, sizeof **items);
	for (size_t i = 0; i < d->n; i++) {
		const struct srs_item *it = &d->items[i];
		bool keep = only != NULL ? it->quiz == only :
		    rule == 'd' ? srs_is_due(it, now) : is_missed(it);

		if (keep)
			(*items)[n++] = *it;
	}
	return n;
}

int
study_pick(const struct srs_deck *d, const struct course *c,
    const char *what, time_t now, struct srs_item **items, size_t *n,
    char **title, char **why)
{
	const struct quiz *q = NULL;

	*items = NULL;
	*n = 0;
	*title = *why = NULL;
	if (*what == '\0') {
		if ((*n = pick(d, NULL, 'd', now, items)) > 0) {
			*title = xstrdup("the questions due for review today");
			return 0;
		}
		free(*items);
		what = "missed";
	}
	if (strcmp(what, "due") == 0) {
		if ((*n = pick(d, NULL, 'd', now, items)) > 0) {
			*title = xstrdup("the questions due for review today");
			return 0;
		}
		*why = xstrdup("Nothing is due for review today. 'due' says "
		    "when the next questions fall due; 'practice QUIZ' drills "
		    "a quiz.");
	} else if (strcmp(what, "missed") == 0) {
		if ((*n = pick(d, NULL, 'm', now, items)) > 0) {
			*title = xstrdup("the questions you missed, or got "
			    "right only after a hint or another try");
			return 0;
		}
		*why = xstrdup("Nothing to practise: no question is missed or "
		    "due. Type 'practice QUIZ' to drill a quiz.");
	} else if ((q = course_find_quiz(c, what, NULL)) == NULL) {
		*why = xasprintf("There is no quiz '%s'. Type 'practice', "
		    "'practice missed', 'practice due' or 'practice QUIZ'.",
		    what);
	} else if (q->posttest) {
		*why = xasprintf("The post-test is never practised: its "
		    "questions stay unseen until you sit it. Practise the "
		    "lesson quizzes instead.");
	} else {
		*n = pick(d, q, 0, now, items);
		*title = xasprintf("all of %s", q->id);
		return 0;
	}
	free(*items);
	*items = NULL;
	*n = 0;
	return 1;
}

/* ------------------------------------------------------------------ due */

static void
day_text(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, size, "?");
}

static void
add_wrapped(struct strbuf *b, const struct render_opts *o, const char *indent,
    const char *hang, char *text)
{
	char *w = render_wrap(o, text, indent, hang);

	strbuf_puts(b, w);
	free(w);
	free(text);
}

/* Today's questions, quiz by quiz. */
static void
due_today(struct strbuf *b, const struct render_opts *o,
    const struct srs_deck *d, time_t now)
{
	for (size_t i = 0; i < d->n;) {
		const struct quiz *q = d->items[i].quiz;
		struct strbuf ids = {0};
		size_t k = 0;

		for (; i < d->n && d->items[i].quiz == q; i++)
			if (srs_is_due(&d->items[i], now)) {
				strbuf_addf(&ids, "%s%s", k++ ? ", " : "",
				    d->items[i].question->id);
			}
		if (k > 0)
			add_wrapped(b, o, "  ", "    ", xasprintf("%s (%zu): %s",
			    q->id, k, ids.s));
		strbuf_destroy(&ids);
	}
}

/* The next three days with reviews after today. */
static void
due_next(struct strbuf *b, const struct render_opts *o,
    const struct srs_deck *d, time_t now)
{
	time_t after = srs_end_of_day(now);
	struct strbuf next = {0};

	for (int shown = 0; shown < 3; shown++) {
		time_t first = 0, end;
		size_t count = 0;
		char day[16];

		for (size_t i = 0; i < d->n; i++) {
			time_t due = d->items[i].card.due;

			if (d->items[i].card.reviews > 0 && due > after &&
			    (first == 0 || due < first))
				first = due;
		}
		if (first == 0)
			break;
		end = srs_end_of_day(first);
		for (size_t i = 0; i < d->n; i++)
			count += d->items[i].card.reviews > 0 &&
			    d->items[i].card.due > after &&
			    d->items[i].card.due <= end;
		day_text(first, day, sizeof day);
		strbuf_addf(&next, "%s%zu on %s", shown ? ", " : "", count, day);
		after = end;
	}
	if (next.s != NULL)
		add_wrapped(b, o, "", "  ", xasprintf("Next: %s.", next.s));
	strbuf_destroy(&next);
}

char *
study_due(const struct render_opts *o, const struct course *c,
    const struct progress *p, time_t now)
{
	struct srs_deck d;
	struct strbuf b = {0};
	size_t due, tried = 0;

	srs_deck_build(&d, c, p);
	due = srs_count_due(&d, now);
	for (size_t i = 0; i < d.n; i++)
		tried += d.items[i].card.reviews > 0;
	if (tried == 0) {
		add_wrapped(&b, o, "", "", xstrdup("Nothing is due yet: each "
		    "practice-quiz question you answer is scheduled for "
		    "review."));
	} else if (due == 0) {
		add_wrapped(&b, o, "", "", xstrdup("Nothing is due for review "
		    "today."));
		due_next(&b, o, &d, now);
	} else {
		add_wrapped(&b, o, "", "", xasprintf("Due for review today: "
		    "%zu question%s.", due, due == 1 ? "" : "s"));
		due_today(&b, o, &d, now);
		add_wrapped(&b, o, "", "", xstrdup("Type 'practice due' to "
		    "drill them."));
		due_next(&b, o, &d, now);
	}
	srs_deck_destroy(&d);
	if (b.s == NULL)
		strbuf_puts(&b, "");
	return strbuf_take(&b);
}

/* ---------------------------------------------------------------- stats */

/*
 * Right and graded tries in each of the last STUDY_WEEKS weeks, of one
 * topic, lesson or lesson objective.
 */
struct tally {
	const char *name;
	const char *text;	/* an objective's text, else NULL */
	long rank;		/* objectives: course order */
	long right[STUDY_WEEKS], total[STUDY_WEEKS];
};

struct tallies {
	struct tally *v;
	size_t n;
};

enum { BY_TOPIC, BY_LESSON, BY_OBJECTIVE, BY_COUNT };

#define NO_TALLY ((size_t)-1)

/* The tally named name (compared by content), made when new. */
static size_t
tally_of(struct tallies *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].name == name || strcmp(t->v[i].name, name) == 0)
			return i;
	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	t->v[t->n].name = name;
	return t->n++;
}

/* The question id of quiz q, looked up from *hint on (tries come in order). */
static const struct question *
question_of(const struct quiz *q, const char *id, size_t *hint)
{
	for (size_t k = 0; k < q->nquestions; k++) {
		size_t i = (*hint + k) % q->nquestions;

		if (strcmp(q->questions[i].id, id) == 0) {
			*hint = i;
			return &q->questions[i];
		}
	}
	return NULL;
}

/*
 * slot[quiz][BY_COUNT * question + by] is the tally each try of that
 * question counts in, found once per question rather than once per try:
 * a journal holds many tries of few questions.
 */
struct stats_input {
	struct tallies by[BY_COUNT];
	size_t **slot;
	size_t nquizzes;
	time_t end;		/* of today */
};

/*
 * The tally of qn's lesson objective, or NO_TALLY: one per objective,
 * keyed by its lesson's place in the course and its number (rank), so
 * every question that names the objective counts in the same row.
 */
static size_t
objective_tally(struct stats_input *in, const struct course *c,
    const struct quiz *q, const struct question *qn)
{
	const char *id = quiz_objective_lesson(q, qn);
	size_t li = 0;
	const struct lesson *l = id != NULL ?
	    course_lesson_by_id(c, id, &li) : NULL;
	struct tallies *ts = &in->by[BY_OBJECTIVE];
	long rank;

	if (l == NULL || qn->objective < 1 ||
	    (size_t)qn->objective > l->nobjectives)
		return NO_TALLY;
	rank = (long)li * 1000 + qn->objective;
	for (size_t i = 0; i < ts->n; i++)
		if (ts->v[i].rank == rank)
			return i;
	ts->v = xreallocarray(ts->v, ts->n + 1, sizeof *ts->v);
	memset(&ts->v[ts->n], 0, sizeof ts->v[ts->n]);
	ts->v[ts->n].name = l->id;
	ts->v[ts->n].text = l->objectives[qn->objective - 1];
	ts->v[ts->n].rank = rank;
	return ts->n++;
}

static void
slots_make(struct stats_input *in, const struct course *c)
{
	in->nquizzes = c->nquizzes;
	in->slot = xcalloc(c->nquizzes + 1, sizeof *in->slot);
	for (size_t qi = 0; qi < c->nquizzes; qi++) {
		const struct quiz *q = c->quizzes[qi];

		in->slot[qi] = xcalloc(BY_COUNT * q->nquestions + 1,
		    sizeof **in->slot);
		for (size_t k = 0; k < q->nquestions; k++) {
			const struct question *qn = &q->questions[k];
			const char *lesson = qn->taught_lesson != NULL ?
			    qn->taught_lesson : q->lesson != NULL ? q->lesson :
			    q->id;
			size_t *s = &in->slot[qi][BY_COUNT * k];

			s[BY_TOPIC] = tally_of(&in->by[BY_TOPIC],
			    qn->topic != NULL ? qn->topic : lesson);
			s[BY_LESSON] = tally_of(&in->by[BY_LESSON], lesson);
			s[BY_OBJECTIVE] = objective_tally(in, c, q, qn);
		}
	}
}

static void
count_try(struct stats_input *in, size_t qi, size_t k, time_t when,
    bool right)
{
	long week;
	const size_t *s = &in->slot[qi][BY_COUNT * k];

	if (when > in->end)
		return;
	week = (long)((in->end - when) / (7L * DAY));
	if (week >= STUDY_WEEKS)
		return;
	for (int by = 0; by < BY_COUNT; by++) {
		struct tally *t;

		if (s[by] == NO_TALLY)
			continue;
		t = &in->by[by].v[s[by]];
		t->total[STUDY_WEEKS - 1 - week]++;
		t->right[STUDY_WEEKS - 1 - week] += right;
	}
}

static void
gather(struct stats_input *in, const struct course *c,
    const struct progress *p)
{
	const struct practice_record *pr;
	const struct quiz *q = NULL;
	size_t npr = 0, hint = 0, qi = 0;

	slots_make(in, c);
	for (qi = 0; qi < c->nquizzes; qi++) {
		const struct quiz_progress *qp;

		q = c->quizzes[qi];
		qp = progress_quiz(p, q->id);

		for (size_t a = 0; qp != NULL && a < qp->nattempts; a++)
			for (size_t t = 0; t < qp->attempts[a].ntries; t++) {
				const struct answer_record *r =
				    &qp->attempts[a].tries[t];
				const struct question *qn =
				    question_of(q, r->question, &hint);

				if (qn != NULL && !progress_try_superseded(r))
					count_try(in, qi, (size_t)(qn -
					    q->questions), r->when, outcome_is(
					    r->verdict, OUTCOME_CORRECT));
			}
	}
	pr = progress_practice(p, &npr);
	for (size_t k = 0; k < npr; k++) {
		const struct question *qn;

		/* Practice comes a quiz at a time: look a quiz up once. */
		if (k == 0 || strcmp(pr[k].quiz, pr[k - 1].quiz) != 0)
			q = course_quiz_by_id(c, pr[k].quiz, &qi);
		qn = q != NULL ? question_of(q, pr[k].question, &hint) : NULL;

		if (qn != NULL)
			count_try(in, qi, (size_t)(qn - q->questions),
			    pr[k].when, outcome_is(pr[k].verdict,
			    OUTCOME_CORRECT));
	}
}

static void
stats_input_destroy(struct stats_input *in)
{
	for (size_t qi = 0; qi < in->nquizzes; qi++)
		free(in->slot[qi]);
	free(in->slot);
	for (int by = 0; by < BY_COUNT; by++)
		free(in->by[by].v);
}

/* "N try" or "N tries": the one plural of stats. */
static char *
tries_text(long n)
{
	return xasprintf("%ld tr%s", n, n == 1 ? "y" : "ies");
}

/* A column per week: a block as tall as that week's accuracy. */
static void
week_line(struct strbuf *b, const struct render_opts *o, const struct tally *t)
{
	static const char *const blocks[] = { "\u2581", "\u2582", "\u2583",
		"\u2584", "\u2585", "\u2586", "\u2587", "\u2588" };

	if (o->plain) {
		struct strbuf w = {0};

		strbuf_puts(&w, "by week, oldest first:");
		for (int k = 0; k < STUDY_WEEKS; k++)
			if (t->total[k] == 0)
				strbuf_puts(&w, " -");
			else
				strbuf_addf(&w, " %d%%", grade_whole_percent(
				    (double)t->right[k], (double)t->total[k]));
		add_wrapped(b, o, "      ", "        ", strbuf_take(&w));
		return;
	}
	strbuf_puts(b, "      weeks ");
	for (int w = 0; w < STUDY_WEEKS; w++)
		strbuf_puts(b, t->total[w] == 0 ? "\u00b7" :
		    blocks[(int)(7.0 * (double)t->right[w] /
		    (double)t->total[w] + 0.5)]);
	strbuf_puts(b, "\n");
}

/* At most cols columns of text (UTF-8), "..." in place of the rest. */
static void
add_cut(struct strbuf *b, const char *text, int cols)
{
	const char *t = text;
	int n = 0;

	for (; *t != '\0'; t++)
		if ((*t & 0xc0) != 0x80 && ++n > cols)
			break;
	if (*t == '\0') {
		strbuf_puts(b, text);
		return;
	}
	/* Back to the start of the character that left room for "...". */
	for (n = 0, t = text; *t != '\0' && n < cols - 3; t++)
		n += (*t & 0xc0) != 0x80;
	while ((*t & 0xc0) == 0x80)
		t++;
	strbuf_addf(b, "%.*s...", (int)(t - text), text);
}

/*
 * The columns of a section's bar rows at o->width: "  NAME [BAR] TAIL"
 * with NAME namew wide, or, when that leaves the bar fewer than
 * BAR_CELLS_MIN cells, NAME on a line of its own above "    [BAR] TAIL".
 */
#define BAR_CELLS_MIN 8
#define NAME_COLS 20

struct bar_cols {
	int namew, tailw, cells;
	bool stacked;
};

static int
cols_of(const char *s)
{
	return (int)text_width(s, strlen(s));
}

/* Widest name and tail are measured by the caller; fits them to o->width. */
static void
bar_cols_fit(struct bar_cols *bc, const struct render_opts *o, int namew,
    int tailw)
{
	/* Fixed parts: indent 2, " [" 2, "] " 2. */
	int room;

	bc->namew = namew > NAME_COLS ? namew : NAME_COLS;
	bc->tailw = tailw;
	room = o->width - 6 - tailw;
	bc->stacked = room - bc->namew < BAR_CELLS_MIN;
	if (bc->stacked && room - namew >= BAR_CELLS_MIN) {
		bc->namew = namew;
		bc->stacked = false;
	}
	bc->cells = bc->stacked ? room - 2 : room - bc->namew;
	if (bc->cells > BAR_CELLS)
		bc->cells = BAR_CELLS;
	if (bc->cells < 1)
		bc->cells = 1;
}

static void
bar_row(struct strbuf *b, const struct render_opts *o,
    const struct bar_cols *bc, const char *name, int fill, const char *tail)
{
	char *bar = render_bar(o, fill, bc->cells);

	if (bc->stacked) {
		strbuf_puts(b, "  ");
		add_cut(b, name, o->width - 2);
		strbuf_addf(b, "\n    [%s] %s\n", bar, tail);
	} else {
		strbuf_addf(b, "  %s%*s [%s] %s\n", name,
		    bc->namew - cols_of(name), "", bar, tail);
	}
	free(bar);
}

/* A tally's row name: its lesson and objective number, or its name. */
static char *
tally_name(const struct tally *t)
{
	return t->text != NULL ? xasprintf("%s %ld", t->name, t->rank % 1000) :
	    xstrdup(t->name);
}

/* One tally's line: "NAME [bar] P%" or, plain, "NAME: P% right (...)". */
static void
tally_line(struct strbuf *b, const struct render_opts *o,
    const struct bar_cols *bc, const struct tally *t, long right, long total)
{
	int pct = grade_whole_percent((double)right, (double)total);
	char *name = tally_name(t), *tries = tries_text(total);

	if (o->plain) {
		add_wrapped(b, o, "  ", "      ", total == 1 ?
		    xasprintf("%s%s: %d%% right (%s)",
		    t->text != NULL ? "objective " : "", name, pct, tries) :
		    xasprintf("%s%s: %d%% right (%ld of %s)",
		    t->text != NULL ? "objective " : "", name, pct, right,
		    tries));
	} else {
		char *tail = xasprintf("%3d%%  %s", pct, tries);

		bar_row(b, o, bc, name, pct, tail);
		free(tail);
	}
	if (t->text != NULL)
		add_wrapped(b, o, "      ", "      ", xstrdup(t->text));
	free(tries);
	free(name);
}

static int
by_rank(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

static void
tally_section(struct strbuf *b, const struct render_opts *o,
    const char *heading, struct tallies *ts)
{
	size_t shown = 0;
	int namew = 0, tailw = 0;
	struct bar_cols bc;

	strbuf_puts(b, "\n");
	add_wrapped(b, o, "", "  ", xstrdup(heading));
	qsort(ts->v, ts->n, sizeof *ts->v, by_rank);
	for (size_t i = 0; i < ts->n; i++) {
		char *name = tally_name(&ts->v[i]), *tries;
		long total = 0;

		for (int w = 0; w < STUDY_WEEKS; w++)
			total += ts->v[i].total[w];
		tries = tries_text(total);
		if (cols_of(name) > namew)
			namew = cols_of(name);
		/* The tail is "100%  " and the tries. */
		if (6 + cols_of(tries) > tailw)
			tailw = 6 + cols_of(tries);
		free(name);
		free(tries);
	}
	bar_cols_fit(&bc, o, namew, tailw);
	for (size_t i = 0; i < ts->n; i++) {
		const struct tally *t = &ts->v[i];
		long right = 0, total = 0;

		for (int w = 0; w < STUDY_WEEKS; w++) {
			right += t->right[w];
			total += t->total[w];
		}
		if (total == 0)
			continue;
		shown++;
		tally_line(b, o, &bc, t, right, total);
		week_line(b, o, t);
	}
	if (shown == 0)
		strbuf_puts(b, "  No answers in the last 8 weeks.\n");
}

/* Days with any record among the last STUDY_DAYS, oldest first. */
static void
days_section(struct strbuf *b, const struct render_opts *o,
    const struct progress *p, time_t now)
{
	bool studied[STUDY_DAYS] = { false };
	const long long *hours;
	size_t n, count = 0;
	time_t end = srs_end_of_day(now), first = end - STUDY_DAYS * DAY + 1;
	char from[16], to[16];

	hours = progress_active_hours(p, &n);
	for (size_t i = 0; i < n; i++) {
		time_t t = (time_t)(hours[i] * 3600);

		/* An hour counts for the day it starts in. */
		if (t >= first - 3600 && t <= end) {
			time_t ago = (end - t) / DAY;

			if (ago < STUDY_DAYS)
				studied[STUDY_DAYS - 1 - ago] = true;
		}
	}
	for (int d = 0; d < STUDY_DAYS; d++)
		count += studied[d];
	day_text(first, from, sizeof from);
	day_text(end, to, sizeof to);
	strbuf_puts(b, "\n");
	add_wrapped(b, o, "", "  ", xasprintf("Days studied: %zu of the last "
	    "%d", count, STUDY_DAYS));
	if (o->plain) {
		strbuf_puts(b, "  ");
		for (int d = 0, k = 0; d < STUDY_DAYS; d++)
			if (studied[d]) {
				char day[16];

				day_text(first + (time_t)d * DAY, day, sizeof day);
				strbuf_addf(b, "%s%s", k++ ? ", " : "", day);
			}
		strbuf_puts(b, count > 0 ? "\n" : "none\n");
		return;
	}
	/* "  FROM strip TO" when it fits, else the dates above the strip. */
	if (2 + 10 + 1 + STUDY_DAYS + STUDY_DAYS / 7 - 1 + 1 + 10 <= o->width)
		strbuf_addf(b, "  %s ", from);
	else
		strbuf_addf(b, "  %s to %s\n  ", from, to);
	for (int d = 0, col = 2; d < STUDY_DAYS; d++) {
		if (d > 0 && d % 7 == 0) {
			/* A week more would not fit: the next week below. */
			if (col + 8 > o->width) {
				strbuf_puts(b, "\n  ");
				col = 2;
			} else {
				strbuf_puts(b, " ");
				col++;
			}
		}
		strbuf_puts(b, studied[d] ? "\u2588" : "\u00b7");
		col++;
	}
	if (2 + 10 + 1 + STUDY_DAYS + STUDY_DAYS / 7 - 1 + 1 + 10 <= o->width)
		strbuf_addf(b, " %s\n", to);
	else
		strbuf_puts(b, "\n");
}

static void
time_section(struct strbuf *b, const struct render_opts *o,
    const struct course *c, const struct progress *p)
{
	long total = 0, most = 1;
	int namew = 0, tailw = 0;
	struct bar_cols bc;

	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);

		if (lp != NULL) {
			total += lp->seconds;
			if (lp->seconds > most)
				most = lp->seconds;
		}
	}
	strbuf_puts(b, "\n");
	add_wrapped(b, o, "", "  ", xasprintf("Time on task in the lessons: "
	    "%ld min", total / 60));
	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);
		char *tail;

		if (lp == NULL || lp->seconds == 0)
			continue;
		tail = xasprintf("%ld min", lp->seconds / 60);
		if (cols_of(c->lessons[i]->id) > namew)
			namew = cols_of(c->lessons[i]->id);
		if (cols_of(tail) > tailw)
			tailw = cols_of(tail);
		free(tail);
	}
	bar_cols_fit(&bc, o, namew, tailw);
	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);
		char *tail;

		if (lp == NULL || lp->seconds == 0)
			continue;
		tail = xasprintf("%ld min", lp->seconds / 60);
		if (o->plain)
			add_wrapped(b, o, "  ", "      ", xasprintf("%s: %s",
			    c->lessons[i]->id, tail));
		else
			bar_row(b, o, &bc, c->lessons[i]->id,
			    grade_whole_percent((double)lp->seconds,
			    (double)most), tail);
		free(tail);
	}
}

static void
due_section(struct strbuf *b, const struct render_opts *o,
    const struct course *c,
    const struct progress *p, time_t now)
{
	struct srs_deck d;
	size_t tried = 0;

	srs_deck_build(&d, c, p);
	for (size_t i = 0; i < d.n; i++)
		tried += d.items[i].card.reviews > 0;
	strbuf_puts(b, "\n");
	add_wrapped(b, o, "", "  ", xasprintf("Spaced review: %zu due today, "
	    "%zu in review, %zu not tried yet", srs_count_due(&d, now), tried,
	    d.n - tried));
	srs_deck_destroy(&d);
}

char *
study_stats(const struct render_opts *o, const struct course *c,
    const struct progress *p, time_t now)
{
	struct stats_input in;
	struct strbuf b = {0};

	if (p == NULL)
		return xstrdup("No progress is being kept in this session.\n");
	memset(&in, 0, sizeof in);
	in.end = srs_end_of_day(now);
	gather(&in, c, p);
	add_wrapped(&b, o, "", "  ", xstrdup("Statistics: every graded try, "
	    "in quizzes and practice, over the last 8 weeks; percentages "
	    "rounded down, as quiz scores are."));
	if (!o->plain)
		add_wrapped(&b, o, "", "  ", xstrdup("Weeks: a column per "
		    "week, oldest first, as tall as its accuracy; \u00b7 no "
		    "tries."));
	tally_section(&b, o, "Accuracy by topic", &in.by[BY_TOPIC]);
	tally_section(&b, o, "Accuracy by lesson", &in.by[BY_LESSON]);
	tally_section(&b, o, "Accuracy by lesson objective (lesson and "
	    "objective number)", &in.by[BY_OBJECTIVE]);
	days_section(&b, o, p, now);
	time_section(&b, o, c, p);
	due_section(&b, o, c, p, now);
	stats_input_destroy(&in);
	return strbuf_take(&b);
}
