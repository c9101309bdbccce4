/*
 * What a learner must have done before the course counts them as having
 * done it (psoas-tutor(1), "CE COURSE RULES").  These rules
 * hold for a course with a manifest (a CE course); a course without one
 * keeps the plain rules of a study course (a lesson is done when read to
 * its end; the post-test is always open).
 *
 *   - A page is read when it was on screen for at least words_read_seconds
 *     (words.h) in all; a lesson is done when it was read to its end and
 *     every page of it was read, so 'page N' past unread pages completes
 *     nothing.
 *   - The post-test opens when every content lesson is done, every practice
 *     quiz is passed if the manifest says @require-practice yes, the
 *     attempts are not used up, and the waiting period after a failed
 *     attempt is over.
 */
#ifndef PSOAS_GATE_H
#define PSOAS_GATE_H

#include <stdbool.h>
#include <time.h>

#include "course.h"
#include "progress.h"
#include "strbuf.h"

/* Whether the CE rules apply: the course has a manifest. */
bool gate_ce(const struct course *c);

/* Page (0-based) of l shown long enough, by lp (NULL: never opened). */
bool gate_page_read(const struct lesson_progress *lp, const struct lesson *l,
    size_t page);

/*
 * Pages of l not yet read, as "3, 5-7" appended to list (if not NULL);
 * returns how many.
 */
size_t gate_unread_pages(const struct progress *p, const struct lesson *l,
    struct strbuf *list);

/* The lesson is done under the course's rules. */
bool gate_lesson_done(const struct course *c, const struct progress *p,
    const struct lesson *l);

/* q is the course's post-test (the manifest's @posttest, else @kind). */
/* Course lessons (course_lesson_counts) not done yet. */
size_t gate_lessons_left(const struct course *c, const struct progress *p);

bool gate_is_posttest(const struct course *c, const struct quiz *q);

/*
 * Whether p may start a new attempt at the post-test q now.  Returns true
 * when it may; otherwise false, with what is left (or when the next
 * attempt opens) appended to why, one item a line.
 */
bool gate_posttest_open(const struct course *c, const struct progress *p,
    const struct quiz *q, time_t now, struct strbuf *why);

/*
 * After an attempt at the post-test: how many attempts are left and when
 * the next one opens, appended to out (nothing for a course without a
 * manifest).
 */
void gate_posttest_after(const struct course *c, const struct progress *p,
    const struct quiz *q, time_t now, struct strbuf *out);

#endif
