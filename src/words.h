/*
 * Words of lesson text and the time rules built on them (doc/FORMATS.md
 * "CE hours and minutes"): what counts as a word, a lesson's @minutes
 * against its words, the manifest's @hours against the words of the
 * content lessons, and the least time a page must be shown before it
 * counts as read.  One home for the reading-speed figures, so the checker
 * and the learner's completion rule can never disagree.
 */
#ifndef PSOAS_WORDS_H
#define PSOAS_WORDS_H

#include <stdio.h>

#include "course.h"
#include "diag.h"
#include "lesson.h"

#define WORDS_PER_MINUTE 200		/* CE guideline: 12,000 words an hour */
#define WORDS_PER_CE_HOUR (WORDS_PER_MINUTE * 60)
#define WORDS_MINUTES_SLACK 20		/* percent either side of words/200 */
/*
 * Reading a page counts when it was shown for at least this share of
 * the time its words take at WORDS_PER_MINUTE: a fast reader manages
 * about twice the guideline speed; faster than that is skimming.
 */
#define WORDS_READ_PERCENT 50
#define WORDS_READ_MIN_SECONDS 5	/* even a short page takes a glance */

/* Words of a page: title, paragraphs, bullets, callouts, figure text. */
size_t words_page(const struct page *pg);
/* Words of every page of l. */
size_t words_lesson(const struct lesson *l);

/* Least seconds page pg must be shown to count as read. */
long words_read_seconds(const struct page *pg);

/*
 * --check of a whole course: every lesson's @minutes within
 * WORDS_MINUTES_SLACK percent of its words / WORDS_PER_MINUTE, and the
 * manifest's @hours no more than the content lessons' words /
 * WORDS_PER_CE_HOUR (lessons marked @orientation do not count).  Errors
 * go to d at the @minutes or @hours line.  When the hours hold, one line
 * proving them is written to proof (if not NULL).  Returns the number of
 * errors added.
 */
size_t words_check_course(const struct course *c, struct diag *d,
    FILE *proof);

#endif
