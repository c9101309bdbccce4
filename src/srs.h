/*
 * Spaced review: a memory state for each practice question, from a
 * published scheduler, FSRS-4.5 (the Free Spaced Repetition Scheduler of
 * Ye et al., version 4.5, with its published default parameters; see
 * doc/FORMATS.md "Spaced review").  Each question has a stability S (the
 * days until the chance of recalling it falls to 90%) and a difficulty D
 * (1..10); every graded try updates both, and the question is due again
 * S days (at least one) after its last try.
 *
 * The state is never stored: srs_deck_build derives it from the journal
 * every time it is needed (quiz tries and practice tries, in time order), so there is
 * nothing new to lose or to fall out of step.  Post-test questions take
 * no part: practising them would teach the post-test's answers.
 *
 * Grades: a right answer at the first try without a hint is "good"; right
 * after a hint or another try is "hard"; partly right, wrong or skipped
 * is "again" (forgotten).  "easy" is never given.
 */
#ifndef PSOAS_SRS_H
#define PSOAS_SRS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "course.h"
#include "progress.h"

enum srs_grade { SRS_AGAIN = 1, SRS_HARD, SRS_GOOD, SRS_EASY };

struct srs_card {
	double stability;	/* days; 0 before the first try */
	double difficulty;	/* 1..10 */
	time_t last;		/* of the last try, 0 before the first */
	time_t due;		/* when it is due again, 0 before the first */
	int reviews, lapses;	/* tries, and those graded "again" */
	enum srs_grade grade;	/* of the last try */
};

/* Apply one graded try at when to c. */
void srs_review(struct srs_card *c, enum srs_grade g, time_t when);

/* The chance, 0..1, that c is recalled at now (1 before its first try). */
double srs_recall(const struct srs_card *c, time_t now);

/* The grade of a try: its verdict, try number and hints before it. */
enum srs_grade srs_grade_of(const char *verdict, int try_no, int hints);

/* One question of a practice quiz, with its memory state. */
struct srs_item {
	const struct quiz *quiz;
	const struct question *question;
	struct srs_card card;	/* reviews 0: never tried */
};

struct srs_deck {
	struct srs_item *items;	/* every question of every practice quiz,
				 * in course order */
	size_t n;
};

/* Build the deck of course c for progress p (may be NULL: all new). */
void srs_deck_build(struct srs_deck *d, const struct course *c,
    const struct progress *p);
void srs_deck_destroy(struct srs_deck *d);

/*
 * The end of the local day that holds now: a question due before it is
 * due today.
 */
time_t srs_end_of_day(time_t now);

/* Whether item i was tried and is due by the end of now's day. */
bool srs_is_due(const struct srs_item *i, time_t now);

/* How many items of d are due today. */
size_t srs_count_due(const struct srs_deck *d, time_t now);

/*
 * How many questions of course c are due today for progress p, as
 * srs_count_due of its deck would say, without building the deck (the
 * session's greeting asks this of every start-up): only the questions
 * tried have a state.
 */
size_t srs_count_due_in(const struct course *c, const struct progress *p,
    time_t now);

#endif
