/*
 * FSRS-4.5 (srs.h) and the deck derived from the journal.  The formulas
 * are those the scheduler's authors publish for version 4.5; the
 * parameters are its published defaults, not fitted to one learner (a
 * course of a few hundred tries has too little data to fit 17 numbers).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "outcome.h"
#include "srs.h"
#include "xmalloc.h"

/* FSRS-4.5 default parameters w0..w16. */
static const double w[17] = {
	0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031,
	1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272,
	2.8755,
};

#define FACTOR (19.0 / 81.0)	/* so that recall is 90% after S days */
#define DAY 86400
#define MAX_DAYS 36500.0

static double
clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static double
initial_difficulty(enum srs_grade g)
{
	return clamp(w[4] - ((int)g - 3) * w[5], 1, 10);
}

static double
recall_after(double days, double stability)
{
	/* FSRS-4.5's decay is -0.5: a square root, far cheaper than pow. */
	return 1 / sqrt(1 + FACTOR * days / stability);
}

double
srs_recall(const struct srs_card *c, time_t now)
{
	double days;

	if (c->reviews == 0)
		return 1;
	days = now > c->last ? (double)(now - c->last) / DAY : 0;
	return recall_after(days, c->stability);
}

void
srs_review(struct srs_card *c, enum srs_grade g, time_t when)
{
	double r, d, s, days;

	if (c->reviews == 0) {
		c->stability = w[(int)g - 1];
		c->difficulty = initial_difficulty(g);
	} else {
		r = srs_recall(c, when);
		d = c->difficulty;
		s = c->stability;
		if (g == SRS_AGAIN) {
			/* Forgotten: a new, smaller stability, never larger. */
			c->stability = fmin(s, w[11] * pow(d, -w[12]) *
			    (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r)));
		} else {
			/* Recalled: the lower the recall was, the more it grows. */
			c->stability = s * (1 + exp(w[8]) * (11 - d) *
			    pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1) *
			    (g == SRS_HARD ? w[15] : 1) *
			    (g == SRS_EASY ? w[16] : 1));
		}
		/* Difficulty moves with the grade, reverting to the mean. */
		d -= w[6] * ((int)g - 3);
		c->difficulty = clamp(w[7] * initial_difficulty(SRS_GOOD) +
		    (1 - w[7]) * d, 1, 10);
	}
	c->stability = clamp(c->stability, 0.01, MAX_DAYS);
	if (g == SRS_AGAIN)
		c->lapses++;
	c->reviews++;
	c->grade = g;
	c->last = when;
	/* At 90% wanted recall the interval is S days: at least one. */
	days = fmax(1, round(c->stability));
	c->due = when + (time_t)(days * DAY);
}

enum srs_grade
srs_grade_of(const char *verdict, int try_no, int hints)
{
	if (!outcome_is(verdict, OUTCOME_CORRECT))
		return SRS_AGAIN;
	return try_no <= 1 && hints == 0 ? SRS_GOOD : SRS_HARD;
}

time_t
srs_end_of_day(time_t now)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return now;
	tm.tm_hour = 23;
	tm.tm_min = 59;
	tm.tm_sec = 59;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Whether c was tried and is due by end, the end of a day. */
static bool
due_by(const struct srs_card *c, time_t end)
{
	return c->reviews > 0 && c->due <= end;
}

bool
srs_is_due(const struct srs_item *i, time_t now)
{
	return due_by(&i->card, srs_end_of_day(now));
}

size_t
srs_count_due(const struct srs_deck *d, time_t now)
{
	time_t end = srs_end_of_day(now);
	size_t n = 0;

	for (size_t k = 0; k < d->n; k++)
		n += due_by(&d->items[k].card, end);
	return n;
}

/* One graded try of one item, to be applied in time order. */
struct event {
	size_t item;
	time_t when;
	size_t seq;		/* journal order, for tries at the same second */
	enum srs_grade grade;
};

struct events {
	struct event *v;
	size_t n, cap;
};

static void
push(struct events *e, size_t item, time_t when, enum srs_grade g)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 256;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n] = (struct event){ item, when, e->n, g };
	e->n++;
}

static int
by_item_then_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * The item of question id in quiz number qi of c, or (size_t)-1.  Looked
 * up from *hint on: tries come in question order, so this is one compare.
 */
static size_t
item_of(const struct course *c, const size_t *first, size_t qi,
    const char *id, size_t *hint)
{
	const struct quiz *q = c->quizzes[qi];

	for (size_t k = 0; k < q->nquestions; k++) {
		size_t i = (*hint + k) % q->nquestions;

		if (strcmp(q->questions[i].id, id) == 0) {
			*hint = i;
			return first[qi] + i;
		}
	}
	return (size_t)-1;
}

/* Merge the sorted runs a[0..mid) and a[mid..n) through tmp. */
static void
merge_runs(struct event *a, size_t mid, size_t n, struct event *tmp)
{
	size_t i = 0, j = mid, k = 0;

	while (i < mid && j < n)
		tmp[k++] = by_item_then_time(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	/* What is left of the second run is already in place. */
	memcpy(a, tmp, k * sizeof *a);
}

/*
 * Group the events by item, each group in time order (journal order for
 * equal times): a counting sort by item, then each group put in order.
 * A group is one sorted run of quiz tries followed by one of practice
 * tries (each comes in time order), so two runs are merged in one pass;
 * anything else is sorted.
 */
static void
sort_events(struct events *e, size_t nitems)
{
	size_t *start = xcalloc(nitems + 2, sizeof *start);
	struct event *out = xcalloc(e->n + 1, sizeof *out);
	struct event *tmp = xcalloc(e->n + 1, sizeof *tmp);

	for (size_t k = 0; k < e->n; k++)
		start[e->v[k].item + 2]++;
	for (size_t i = 0; i < nitems; i++)
		start[i + 2] += start[i + 1];
	/* start[i + 1] is where group i goes; after placing, where it ends. */
	for (size_t k = 0; k < e->n; k++)
		out[start[e->v[k].item + 1]++] = e->v[k];
	for (size_t i = 0; i < nitems; i++) {
		size_t from = start[i], to = start[i + 1], runs = 1, mid = to;

		for (size_t k = from + 1; k < to && runs <= 2; k++)
			if (by_item_then_time(&out[k - 1], &out[k]) > 0) {
				runs++;
				mid = k;
			}
		if (runs == 2)
			merge_runs(out + from, mid - from, to - from, tmp);
		else if (runs > 2)
			qsort(out + from, to - from, sizeof *out,
			    by_item_then_time);
	}
	free(e->v);
	e->v = out;
	free(tmp);
	free(start);
}

/*
 * Where each quiz's questions start among the items (first, nquizzes + 1
 * of them) and which quizzes take part (used): every question of every
 * practice quiz, in course order.  Returns how many items there are.
 */
static size_t
lay_out(const struct course *c, size_t *first, bool *used)
{
	size_t n = 0;

	for (size_t qi = 0; qi < c->nquizzes; qi++) {
		const struct quiz *q = c->quizzes[qi];

		first[qi] = n;
		if (q->posttest || q->nquestions == 0)
			continue;
		used[qi] = true;
		n += q->nquestions;
	}
	first[c->nquizzes] = n;
	return n;
}

/*
 * Every graded try of p on the items laid out by first and used (quiz
 * tries, then practice tries), grouped by item in time order.
 */
static void
collect_events(struct events *e, const struct course *c,
    const struct progress *p, const size_t *first, const bool *used,
    size_t nitems)
{
	const struct practice_record *pr;
	size_t npr = 0;

	for (size_t qi = 0; p != NULL && qi < c->nquizzes; qi++) {
		const struct quiz_progress *qp;
		size_t hint = 0;

		if (!used[qi] ||
		    (qp = progress_quiz(p, c->quizzes[qi]->id)) == NULL)
			continue;
		for (size_t a = 0; a < qp->nattempts; a++)
			for (size_t t = 0; t < qp->attempts[a].ntries; t++) {
				const struct answer_record *r =
				    &qp->attempts[a].tries[t];
				size_t it;

				/* A try a regrade superseded was never due. */
				if (progress_try_superseded(r))
					continue;
				it = item_of(c, first, qi, r->question, &hint);
				if (it != (size_t)-1)
					push(e, it, r->when, srs_grade_of(
					    r->verdict, r->try_no, r->hints));
			}
	}
	pr = p != NULL ? progress_practice(p, &npr) : NULL;
	for (size_t k = 0, qi = 0, hint = 0; k < npr; k++) {
		size_t it;

		/* Practice comes a quiz at a time: look a quiz up once. */
		if (k == 0 || strcmp(pr[k].quiz, pr[k - 1].quiz) != 0) {
			if (course_quiz_by_id(c, pr[k].quiz, &qi) == NULL)
				qi = c->nquizzes;
			hint = 0;
		}
		if (!used[qi])
			continue;
		it = item_of(c, first, qi, pr[k].question, &hint);
		if (it != (size_t)-1)
			push(e, it, pr[k].when, srs_grade_of(pr[k].verdict, 1,
			    pr[k].hints));
	}
	if (e->n > 0)
		sort_events(e, nitems);
}

void
srs_deck_build(struct srs_deck *d, const struct course *c,
    const struct progress *p)
{
	size_t *first = xcalloc(c->nquizzes + 1, sizeof *first);
	bool *used = xcalloc(c->nquizzes + 1, sizeof *used);
	struct events e = {0};

	memset(d, 0, sizeof *d);
	d->n = lay_out(c, first, used);
	d->items = xcalloc(d->n + 1, sizeof *d->items);
	for (size_t qi = 0; qi < c->nquizzes; qi++)
		for (size_t k = 0; used[qi] && k < c->quizzes[qi]->nquestions;
		    k++) {
			d->items[first[qi] + k].quiz = c->quizzes[qi];
			d->items[first[qi] + k].question =
			    &c->quizzes[qi]->questions[k];
		}
	collect_events(&e, c, p, first, used, d->n);
	for (size_t k = 0; k < e.n; k++)
		srs_review(&d->items[e.v[k].item].card, e.v[k].grade,
		    e.v[k].when);
	free(e.v);
	free(used);
	free(first);
}

size_t
srs_count_due_in(const struct course *c, const struct progress *p,
    time_t now)
{
	size_t *first = xcalloc(c->nquizzes + 1, sizeof *first);
	bool *used = xcalloc(c->nquizzes + 1, sizeof *used);
	struct events e = {0};
	struct srs_card card = {0};
	time_t end = srs_end_of_day(now);
	size_t n = 0;

	collect_events(&e, c, p, first, used, lay_out(c, first, used));
	/* The events come an item at a time: one card is enough. */
	for (size_t k = 0; k < e.n; k++) {
		if (k > 0 && e.v[k].item != e.v[k - 1].item)
			memset(&card, 0, sizeof card);
		srs_review(&card, e.v[k].grade, e.v[k].when);
		if (k + 1 == e.n || e.v[k + 1].item != e.v[k].item)
			n += due_by(&card, end);
	}
	free(e.v);
	free(used);
	free(first);
	return n;
}

void
srs_deck_destroy(struct srs_deck *d)
{
	free(d->items);
	memset(d, 0, sizeof *d);
}
