/*
 * A learner's tries graded again with today's course (rescore.h): the
 * replay of each question's tries, the records for what changed, and the
 * report of it.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "draw.h"
#include "grade.h"
#include "outcome.h"
#include "points.h"
#include "quizrun.h"
#include "rescore.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define SHOWN_ANSWER 60		/* bytes of an answer quoted in the report */

/* One try's grading: as recorded, or as today's rules give it. */
struct grading {
	const char *verdict;	/* borrowed */
	double points;
	bool final;
};

struct run {
	const struct course *course;
	struct progress *p;
	FILE *out;
	long records;		/* appended */
	size_t changed;		/* questions whose grading changed */
	size_t rescored;	/* attempts whose score or result changed */
	bool failed;
	char *cause;
};

/* Points as the journal keeps them (6 decimals): equal when they read so. */
static bool
same_points(double a, double b)
{
	return fabs(a - b) < 5e-7;
}

static bool
same_grading(const struct answer_record *t, const struct grading *g)
{
	return strcmp(t->verdict, g->verdict) == 0 && t->final == g->final &&
	    same_points(t->final ? t->points : 0, g->final ? g->points : 0);
}

/*
 * Grade the tries idx[0..n) of question qn again into g[0..n), replaying
 * the sitting: the first try right now closes the question, the tries
 * after it are superseded; else the last try closes it.  A try the
 * grader cannot grade now keeps its grading.  Returns the position in
 * idx of the try that closes the question, or n when none does.
 */
static size_t
replay_question(const struct quiz *quiz, const struct question *qn,
    const struct quiz_attempt *a, const size_t *idx, size_t n,
    struct grading *g, struct strbuf *notes)
{
	size_t closer = n;

	for (size_t i = 0; i < n; i++) {
		const struct answer_record *t = &a->tries[idx[i]];
		struct grade_result r;

		if (closer < n) {
			g[i] = (struct grading){
			    outcome_name(OUTCOME_SUPERSEDED), 0, false };
			continue;
		}
		if (t->answer[0] == '\0') {
			/* A skip: no answer to grade, and it closes. */
			g[i] = (struct grading){
			    outcome_name(OUTCOME_SKIPPED), 0, true };
			closer = i;
			continue;
		}
		grade_answer(qn, t->answer, strlen(t->answer), &r);
		if (r.verdict == GRADE_UNGRADABLE) {
			strbuf_addf(notes, "    %s try %d: not graded again "
			    "(%s); kept as graded\n", qn->id, t->try_no,
			    r.message != NULL ? r.message : "the grader stopped");
			g[i] = (struct grading){ t->verdict, t->points,
			    t->final };
		} else {
			bool last = i + 1 == n;

			g[i].verdict = outcome_name(outcome_of_grade(
			    r.verdict));
			g[i].final = r.verdict == GRADE_CORRECT || last;
			g[i].points = g[i].final ? grade_points(quiz, qn,
			    r.fraction, t->hints, t->try_no) : 0;
		}
		grade_result_destroy(&r);
		if (g[i].final)
			closer = i;
	}
	return closer;
}

static void
save_failed(struct run *run, char *cause)
{
	if (!run->failed)
		run->cause = cause;
	else
		free(cause);
	run->failed = true;
}

/* The final answer recorded for question id at position k, or NULL. */
static const struct answer_record *
final_of(const struct quiz_attempt *a, size_t k, const char *id)
{
	for (size_t i = 0; i < a->nanswers; i++)
		if (a->answers[i].qindex == k &&
		    strcmp(a->answers[i].question, id) == 0)
			return &a->answers[i];
	return NULL;
}

/*
 * Question k of attempt a (of quiz, asked as `asked`): grade its tries
 * again, append a record for each try whose grading changed, say what
 * changed, and add the question's points to *score.
 */
static void
regrade_question(struct run *run, const struct quiz *quiz,
    const struct quiz *asked, const struct quiz_attempt *a, size_t k,
    double *score, struct strbuf *lines, struct strbuf *notes)
{
	const struct question *qn = &asked->questions[k];
	const struct answer_record *fin = final_of(a, k, qn->id);
	size_t *idx = xcalloc(a->ntries + 1, sizeof *idx), n = 0, closer;
	struct grading *g;
	char *old_verdict = fin != NULL ? xstrdup(fin->verdict) : NULL;
	double old_points = fin != NULL ? fin->points : 0;
	bool changed = false;

	for (size_t i = 0; i < a->ntries; i++)
		if (a->tries[i].qindex == k &&
		    strcmp(a->tries[i].question, qn->id) == 0)
			idx[n++] = i;
	g = xcalloc(n + 1, sizeof *g);
	closer = replay_question(quiz, qn, a, idx, n, g, notes);
	for (size_t i = 0; i < n && !run->failed; i++) {
		struct answer_record t = a->tries[idx[i]];
		char *cause = NULL;

		if (same_grading(&t, &g[i]))
			continue;
		changed = true;
		/* The grading is new; the try (answer, number, hints) is not. */
		t.verdict = (char *)g[i].verdict;
		t.points = g[i].points;
		t.final = g[i].final;
		t.max = qn->points;
		if (progress_record_regrade(run->p, quiz->id, a->id, &t,
		    &cause) != 0)
			save_failed(run, cause);
		else
			run->records++;
	}
	if (closer < n) {
		*score += g[closer].points;
		if (changed && (old_verdict == NULL ||
		    strcmp(old_verdict, g[closer].verdict) != 0 ||
		    !same_points(old_points, g[closer].points))) {
			char was[32], now[32], max[32];
			char *ans = text_quoted(a->tries[idx[closer]].answer,
			    SHOWN_ANSWER);

			points_format(was, sizeof was, old_points,
			    POINTS_SHOWN);
			points_format(now, sizeof now, g[closer].points,
			    POINTS_SHOWN);
			points_format(max, sizeof max, qn->points,
			    POINTS_SHOWN);
			strbuf_addf(lines, "    question %zu (%s): %s -> %s, %s "
			    "-> %s of %s point%s: %s\n", k + 1, qn->id,
			    old_verdict != NULL ? old_verdict : "no answer",
			    g[closer].verdict, was, now, max,
			    qn->points == 1 ? "" : "s", ans);
			run->changed++;
			free(ans);
		}
	} else if (fin != NULL)
		*score += fin->points;
	free(old_verdict);
	free(idx);
	free(g);
}

static void
format_utc(char *buf, size_t size, time_t t)
{
	struct tm tm;

	buf[0] = '\0';
	if (gmtime_r(&t, &tm) != NULL)
		strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
}

/* One finished attempt a of quiz: graded again, rescored if need be. */
static void
regrade_attempt(struct run *run, const struct quiz *quiz,
    const struct quiz_attempt *a, size_t number, struct strbuf *out)
{
	struct strbuf lines = {0}, notes = {0};
	struct quiz *view = NULL;
	const struct quiz *asked = quizrun_attempt_quiz(quiz, a, &view);
	double score = 0, max;
	int old_pct = grade_whole_percent(a->score, a->max), pct;
	bool old_passed = a->passed, passed;
	char when[40];

	format_utc(when, sizeof when, a->finished);
	if (asked == NULL) {
		strbuf_addf(out, "  %s, attempt %zu (%s): sat on another "
		    "version of the quiz; left as graded\n", quiz->id, number,
		    when);
		return;
	}
	for (size_t k = 0; k < asked->nquestions && !run->failed; k++)
		regrade_question(run, quiz, asked, a, k, &score, &lines, &notes);
	max = quiz_total_points(asked);
	passed = grade_passed(score, max, quiz->pass);
	pct = grade_whole_percent(score, max);
	if (!run->failed && (!same_points(score, a->score) ||
	    !same_points(max, a->max) || passed != a->passed)) {
		char *cause = NULL;

		if (progress_record_rescore(run->p, quiz->id, a->id, score, max,
		    passed, &cause) != 0)
			save_failed(run, cause);
		else {
			run->records++;
			run->rescored++;
		}
		if (passed != old_passed)
			strbuf_addf(&lines, "    score %d%% -> %d%%: %s -> %s\n",
			    old_pct, pct, old_passed ? "PASS" : "FAIL",
			    passed ? "PASS" : "FAIL");
		else
			strbuf_addf(&lines, "    score %d%% -> %d%%, still %s\n",
			    old_pct, pct, passed ? "PASS" : "FAIL");
	}
	if (lines.len > 0 || notes.len > 0) {
		strbuf_addf(out, "  %s, attempt %zu (%s):\n", quiz->id, number,
		    when);
		if (lines.len > 0)
			strbuf_puts(out, lines.s);
		if (notes.len > 0)
			strbuf_puts(out, notes.s);
	}
	strbuf_destroy(&lines);
	strbuf_destroy(&notes);
	draw_view_free(view);
}

/*
 * A session refuses a quiz whose rules fail the checker (quizrun.c), so
 * a regrade must not grade with them either.
 */
static bool
rules_fit(const struct quiz *q)
{
	struct diag d;
	bool fit;

	diag_init(&d);
	fit = check_quiz(q, &d) == 0;
	diag_destroy(&d);
	return fit;
}

static void
regrade_quiz(struct run *run, const struct quiz *q, struct strbuf *out)
{
	const struct quiz_progress *qp = progress_quiz(run->p, q->id);
	size_t nattempts;

	if (qp == NULL || qp->nattempts == 0)
		return;
	/* A learner edition's post-test has no key: the provider grades it. */
	if (q->keyless) {
		strbuf_addf(out, "  %s: graded by your provider, not here (this "
		    "learner edition holds no answer key)\n", q->id);
		return;
	}
	if (!rules_fit(q)) {
		strbuf_addf(out, "  %s: its answer rules fail the course "
		    "checker (psoas-tutor --check); not graded again\n", q->id);
		return;
	}
	quiz_prepare(q);
	/* Records appended below never add attempts: count them first. */
	nattempts = qp->nattempts;
	for (size_t i = 0; i < nattempts && !run->failed; i++) {
		const struct quiz_attempt *a = &progress_quiz(run->p,
		    q->id)->attempts[i];

		if (a->finished == 0)
			strbuf_addf(out, "  %s, attempt %zu: not finished; it is "
			    "graded with today's rules as the learner goes "
			    "on\n", q->id, i + 1);
		else
			regrade_attempt(run, q, a, i + 1, out);
	}
}

long
rescore_progress(const struct course *c, struct progress *p, FILE *out,
    char **cause)
{
	struct run run = { .course = c, .p = p, .out = out };
	struct strbuf body = {0};
	const char *full = progress_full_name(p);
	char *name = full != NULL ? text_escape_controls(full, false) : NULL;

	for (size_t i = 0; i < c->nquizzes && !run.failed; i++)
		regrade_quiz(&run, c->quizzes[i], &body);
	fprintf(out, "%s%s%s%s: ", progress_learner(p), name ? " (" : "",
	    name ? name : "", name ? ")" : "");
	if (run.changed == 0 && run.rescored == 0)
		fputs("nothing changed\n", out);
	else
		fprintf(out, "%zu answer%s graded differently, %zu attempt%s "
		    "rescored\n", run.changed, run.changed == 1 ? "" : "s",
		    run.rescored, run.rescored == 1 ? "" : "s");
	if (body.len > 0)
		fputs(body.s, out);
	strbuf_destroy(&body);
	free(name);
	if (run.failed) {
		*cause = run.cause;
		return -1;
	}
	return run.records;
}

char *
rescore_news(const struct course *c, const struct progress *p)
{
	size_t n;
	const struct regrade_news *news = progress_regrade_news(p, &n);
	struct strbuf b = {0};

	for (size_t i = 0; i < n; i++) {
		const struct regrade_news *e = &news[i];
		const struct quiz *q = course_quiz_by_id(c, e->quiz, NULL);
		const struct regrade_news *first = e;
		bool later = false;

		/* One line an attempt: from its first grading to its last. */
		for (size_t k = 0; k < n; k++)
			if (strcmp(news[k].attempt, e->attempt) == 0 &&
			    strcmp(news[k].quiz, e->quiz) == 0) {
				if (k < i)
					first = &news[k];
				later |= k > i;
			}
		if (later)
			continue;
		if (b.len == 0)
			strbuf_puts(&b, "Your quiz answers were graded again "
			    "with the course's current rules.");
		strbuf_addf(&b, " %s now scores %d%%, %s; it was %d%%, %s.",
		    q != NULL ? q->title : e->quiz,
		    grade_whole_percent(e->score, e->max),
		    e->passed ? "a pass" : "not a pass",
		    grade_whole_percent(first->old_score, first->old_max),
		    first->old_passed ? "a pass" : "not a pass");
	}
	if (b.len > 0)
		strbuf_puts(&b, " Type 'review' to see your answers.");
	return b.len > 0 ? strbuf_take(&b) : NULL;
}
