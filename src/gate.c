/*
 * The completion rules of a CE course (gate.h): reading time per page,
 * lessons done, and when the post-test opens.  Messages say what is left
 * in the learner's terms (lesson titles, page numbers, dates), never
 * anything about the post-test's answers.
 */
#include "config.h"

#include <string.h>

#include "gate.h"
#include "words.h"

bool
gate_ce(const struct course *c)
{
	return c->manifest != NULL;
}

bool
gate_page_read(const struct lesson_progress *lp, const struct lesson *l,
    size_t page)
{
	if (lp == NULL || page >= l->npages)
		return false;
	return (int)page < lp->npage_seconds &&
	    lp->page_seconds[page] >= words_read_seconds(&l->pages[page]);
}

size_t
gate_unread_pages(const struct progress *p, const struct lesson *l,
    struct strbuf *list)
{
	const struct lesson_progress *lp = progress_lesson(p, l->id);
	size_t n = 0, run = 0;

	/* Runs of unread pages as "5-7", so a long list stays readable. */
	for (size_t i = 0; i <= l->npages; i++) {
		if (i < l->npages && !gate_page_read(lp, l, i)) {
			n++;
			run++;
			continue;
		}
		if (run > 0 && list != NULL) {
			if (n > run)
				strbuf_puts(list, ", ");
			if (run == 1)
				strbuf_addf(list, "%zu", i);
			else
				strbuf_addf(list, "%zu-%zu", i - run + 1, i);
		}
		run = 0;
	}
	return n;
}

bool
gate_lesson_done(const struct course *c, const struct progress *p,
    const struct lesson *l)
{
	const struct lesson_progress *lp = progress_lesson(p, l->id);

	if (lp == NULL || !lp->done)
		return false;
	return !gate_ce(c) || gate_unread_pages(p, l, NULL) == 0;
}

size_t
gate_lessons_left(const struct course *c, const struct progress *p)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nlessons; i++)
		n += course_lesson_counts(c, i) &&
		    !gate_lesson_done(c, p, c->lessons[i]);
	return n;
}

bool
gate_is_posttest(const struct course *c, const struct quiz *q)
{
	if (c->manifest != NULL)
		return strcmp(q->id, c->manifest->posttest) == 0;
	return q->posttest;
}

/* Finished attempts, and the last one (NULL if none). */
static size_t
finished_attempts(const struct quiz_progress *qp,
    const struct quiz_attempt **last)
{
	size_t n = 0;

	*last = NULL;
	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++)
		if (qp->attempts[i].finished != 0) {
			n++;
			*last = &qp->attempts[i];
		}
	return n;
}

static void
format_utc(char *buf, size_t size, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
}

/* When the next attempt opens after the failed attempt last, or 0. */
static time_t
opens_at(const struct manifest *m, const struct quiz_attempt *last)
{
	if (last == NULL || last->passed || m->wait_hours == 0)
		return 0;
	return last->finished + (time_t)m->wait_hours * 3600;
}

static void
attempts_rule(const struct course *c, const struct progress *p,
    const struct quiz *q, time_t now, struct strbuf *why, bool *open)
{
	const struct manifest *m = c->manifest;
	const struct quiz_attempt *last;
	const struct quiz_progress *qp = progress_quiz(p, q->id);
	size_t used = finished_attempts(qp, &last);
	time_t at = opens_at(m, last);
	char when[40];

	/* Passed, if only since a regrade (rescore.h): nothing is locked. */
	if (qp != NULL && qp->passed)
		return;
	if (used >= (size_t)m->attempts) {
		strbuf_addf(why, "You have used all %d attempts at the "
		    "post-test. Ask the provider (%s, %s) about taking the "
		    "course again.\n", m->attempts, m->provider_name,
		    m->provider_email);
		*open = false;
	} else if (at > now) {
		long left = (long)(at - now + 59) / 60;

		format_utc(when, sizeof when, at);
		strbuf_addf(why, "Your next attempt at the post-test opens "
		    "at %s (in %ld h %02ld min): the course asks for %d "
		    "hours between attempts. Meanwhile type 'review %s' for "
		    "the pages to re-read.\n", when, left / 60, left % 60,
		    m->wait_hours, q->id);
		*open = false;
	}
}

bool
gate_posttest_open(const struct course *c, const struct progress *p,
    const struct quiz *q, time_t now, struct strbuf *why)
{
	size_t nlessons = c->nlessons - c->nreference;
	bool open = true, head = false;

	if (!gate_ce(c) || !gate_is_posttest(c, q) || p == NULL)
		return true;
	for (size_t i = 0; i < nlessons; i++) {
		const struct lesson *l = c->lessons[i];
		const struct lesson_progress *lp = progress_lesson(p, l->id);
		struct strbuf pages = {0};
		size_t n;

		if (l->orientation || gate_lesson_done(c, p, l))
			continue;
		if (!head)
			strbuf_puts(why, "The post-test opens once every "
			    "lesson is done. Still to do:\n");
		head = true;
		open = false;
		n = gate_unread_pages(p, l, &pages);
		if (lp == NULL)
			strbuf_addf(why, "  - read \"%s\" (open %s)\n",
			    l->title, l->id);
		else if (n > 0)
			strbuf_addf(why, "  - \"%s\" (%s): page%s %s not yet "
			    "read (each page counts once it has been on "
			    "screen long enough to read)\n", l->title, l->id,
			    n == 1 ? "" : "s", pages.s);
		else
			strbuf_addf(why, "  - \"%s\" (%s): read it to its end "
			    "(type 'next' on its last page)\n", l->title,
			    l->id);
		strbuf_destroy(&pages);
	}
	for (size_t i = 0; c->manifest->require_practice &&
	    i < c->nquizzes; i++) {
		const struct quiz *pq = c->quizzes[i];
		const struct quiz_progress *qp = progress_quiz(p, pq->id);

		if (gate_is_posttest(c, pq) || (qp != NULL && qp->passed))
			continue;
		if (!head)
			strbuf_puts(why, "The post-test opens once every "
			    "practice quiz is passed. Still to do:\n");
		head = true;
		open = false;
		strbuf_addf(why, "  - pass the practice quiz %s (pass mark "
		    "%d%%)\n", pq->id, pq->pass);
	}
	attempts_rule(c, p, q, now, why, &open);
	return open;
}

void
gate_posttest_after(const struct course *c, const struct progress *p,
    const struct quiz *q, time_t now, struct strbuf *out)
{
	const struct manifest *m = c->manifest;
	const struct quiz_attempt *last;
	size_t used;

	if (!gate_ce(c) || p == NULL)
		return;
	used = finished_attempts(progress_quiz(p, q->id), &last);
	if (last == NULL || progress_quiz(p, q->id)->passed)
		return;
	bool open = true;

	if (used < (size_t)m->attempts)
		strbuf_addf(out, "Attempts used: %zu of %d.\n", used,
		    m->attempts);
	/* Only what is true now: when the next attempt opens, or that it is
	 * open. */
	attempts_rule(c, p, q, now, out, &open);
	if (open)
		strbuf_addf(out, "Type 'quiz %s' to take it again.\n", q->id);
}
