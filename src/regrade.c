/*
 * Grading a submission again on the provider's side (regrade.h): the
 * post-test attempts from their seeds and raw answers, and the lessons
 * from the pages reached.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "draw.h"
#include "grade.h"
#include "regrade.h"
#include "strbuf.h"
#include "xmalloc.h"

static const struct quiz *
find_quiz(const struct course *c, const char *id)
{
	for (size_t i = 0; i < c->nquizzes; i++)
		if (id != NULL ? strcmp(c->quizzes[i]->id, id) == 0 :
		    c->quizzes[i]->posttest)
			return c->quizzes[i];
	return NULL;
}

/* The final answer at position k of attempt a, or NULL: never answered. */
static const struct answer_record *
final_answer(const struct quiz_attempt *a, size_t k)
{
	for (size_t i = 0; i < a->nanswers; i++)
		if (a->answers[i].final && a->answers[i].qindex == k)
			return &a->answers[i];
	return NULL;
}

/*
 * Points of one raw answer to q, after the costs of its tries and hints
 * (grade_points, as quizrun.c charges them while the learner sits it).
 */
static double
answer_points(const struct quiz *quiz, const struct question *q,
    const struct quiz_attempt *a, const struct answer_record *ar)
{
	struct grade_result r;
	double fraction;
	int hints = ar->hints, shown = progress_hints_shown(a, q->id);

	if (shown > hints)
		hints = shown;
	if (ar->answer == NULL || ar->answer[0] == '\0')
		return 0;
	memset(&r, 0, sizeof r);
	grade_answer(q, ar->answer, strlen(ar->answer), &r);
	fraction = r.verdict == GRADE_UNGRADABLE ? 0 : r.fraction;
	grade_result_destroy(&r);
	return grade_points(quiz, q, fraction, hints, ar->try_no);
}

/*
 * Draw q with seed as the learner's tutor did: as the full course, or as
 * its learner edition (draw.h), whichever gives the questions and letters
 * recorded.  False when neither does.
 */
static bool
redraw(const struct quiz *q, uint64_t seed, const char *recorded,
    struct draw *d)
{
	static void (*const makers[])(const struct quiz *, uint64_t,
	    struct draw *) = { draw_make, draw_make_edition };

	for (size_t i = 0; i < sizeof makers / sizeof makers[0]; i++) {
		char *drawn;
		bool same;

		makers[i](q, seed, d);
		drawn = draw_format(q, d);
		same = strcmp(drawn, recorded) == 0;
		free(drawn);
		if (same)
			return true;
		draw_destroy(d);
	}
	return false;
}

/*
 * Grade attempt a of quiz q again.  Returns the percent, or -1 with a
 * reason added to why when the attempt does not fit the course.
 */
static int
grade_attempt(const struct quiz *q, const struct quiz_attempt *a,
    struct strbuf *why, size_t *answered)
{
	struct draw d;
	struct quiz *view = NULL;
	const struct quiz *asked = q;
	double score = 0, max = 0;
	uint64_t seed;
	int pct = -1;

	memset(&d, 0, sizeof d);
	if (draw_applies(q)) {
		if (a->seed == NULL || a->draw == NULL ||
		    !draw_seed_parse(a->seed, &seed)) {
			strbuf_addf(why, "post-test attempt %s has no draw "
			    "record: it did not come from this course's "
			    "post-test\n", a->id);
			return -1;
		}
		if (!redraw(q, seed, a->draw, &d)) {
			strbuf_addf(why, "post-test attempt %s answered other "
			    "questions than its seed draws from this course "
			    "(a different course with the same ids, or an "
			    "edited record)\n", a->id);
			goto out;
		}
		asked = view = draw_view(q, &d);
	}
	for (size_t k = 0; k < asked->nquestions; k++) {
		const struct question *qq = &asked->questions[k];
		const struct answer_record *ar = final_answer(a, k);

		max += qq->points;
		if (ar == NULL)
			continue;
		if (strcmp(ar->question, qq->id) != 0) {
			strbuf_addf(why, "post-test attempt %s: the answer at "
			    "position %zu is to question %s, but this course "
			    "asks %s there\n", a->id, k + 1, ar->question,
			    qq->id);
			goto out;
		}
		score += answer_points(q, qq, a, ar);
		(*answered)++;
	}
	pct = grade_whole_percent(score, max);
out:
	if (view != NULL)
		draw_view_free(view);
	draw_destroy(&d);
	return pct;
}

static void
check_lessons(const struct course *c, const struct progress *p,
    struct regrade *g, struct strbuf *why)
{
	for (size_t i = 0; i < c->nlessons - c->nreference; i++) {
		const struct lesson *l = c->lessons[i];
		const struct lesson_progress *lp = progress_lesson(p, l->id);

		if (lp != NULL)
			g->seconds += lp->seconds;
		if (lp == NULL || !lp->done)
			strbuf_addf(why, "lesson %s was not read to its end\n",
			    l->id);
		else if (lp->max_page < (int)l->npages)
			strbuf_addf(why, "lesson %s: only %d of its %zu pages "
			    "were reached\n", l->id, lp->max_page, l->npages);
	}
}

/*
 * Whether attempt a was taken from the course with this digest.  A journal
 * from before digests were recorded cannot show which course its attempt
 * came from, so it is refused too: the provider's rule is evidence, and
 * the learner can sit the post-test again with a current tutor.
 */
static bool
same_course(const struct quiz_attempt *a, const char *digest,
    struct strbuf *why)
{
	if (a->digest == NULL)
		strbuf_addf(why, "post-test attempt %s: no course digest "
		    "recorded, so nothing shows it was taken from this course "
		    "(a journal from a tutor before course digests: the "
		    "learner sits the post-test again)\n", a->id);
	else if (strcmp(a->digest, digest) != 0)
		strbuf_addf(why, "post-test attempt %s was taken from another "
		    "course (course digest %.12s..., this provider's course is "
		    "%.12s...): a different or edited course, or another "
		    "version\n", a->id, a->digest, digest);
	else
		return true;
	return false;
}

void
regrade_progress(const struct course *c, const char *digest,
    const struct progress *p, struct regrade *g)
{
	const struct manifest *m = c->manifest;
	const struct quiz *post = find_quiz(c, m != NULL ? m->posttest : NULL);
	const struct quiz_progress *qp;
	struct strbuf why = {0};
	int limit;

	memset(g, 0, sizeof *g);
	strbuf_add(&why, "", 0);
	if (post == NULL) {
		strbuf_puts(&why, "the provider's course has no post-test\n");
		goto out;
	}
	g->pass = m != NULL ? m->pass : post->pass;
	limit = m != NULL ? m->attempts : 0;
	qp = progress_quiz(p, post->id);
	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++) {
		const struct quiz_attempt *a = &qp->attempts[i];
		int pct;

		if (limit > 0 && i >= (size_t)limit) {
			strbuf_addf(&why, "post-test "
			    "attempt %s is past the limit of %d attempts\n",
			    a->id, limit);
			break;
		}
		if (!same_course(a, digest, &why))
			break;
		pct = grade_attempt(post, a, &why, &g->answered);
		if (pct < 0)
			break;
		if (pct > g->score || g->attempt == NULL)
			g->score = pct;
		if (pct >= g->pass) {
			g->attempt = a;
			g->score = pct;
			break;
		}
	}
	if (g->attempt == NULL && why.len == 0)
		strbuf_addf(&why, "no post-test attempt reaches the pass mark "
		    "of %d%% when its answers are graded again (best %d%%, "
		    "from %zu answers)\n", g->pass, g->score, g->answered);
	check_lessons(c, p, g, &why);
	if (progress_attested(p) == 0)
		strbuf_puts(&why, "the learner has not attested that the work "
		    "is their own\n");
	if (progress_clock_injected(p) && !clock_injected())
		strbuf_puts(&why, "the journal was recorded on a clock set for "
		    "testing (PSOAS_TUTOR_NOW): its times are not real\n");
out:
	g->passed = why.len == 0;
	if (why.len > 0)
		why.s[--why.len] = '\0';
	g->why = strbuf_take(&why);
}

void
regrade_destroy(struct regrade *g)
{
	free(g->why);
	g->why = NULL;
}
