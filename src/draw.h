/*
 * Drawing one attempt's questions from a quiz's pool (@draw rules, see
 * quiz.h and doc/FORMATS.md): for each rule, count questions of its topic
 * picked at random, the whole set put in random order, and the choices
 * or steps of each lettered question shuffled again for this attempt.
 * Everything follows from a 64-bit seed by quiz_random, so an attempt can
 * be drawn again from its seed; the journal keeps both the seed and the
 * questions drawn (draw_format), so the record says what was asked even
 * if this algorithm changes one day.
 *
 * A sitting runs on a view of the quiz (draw_view): a quiz whose
 * questions are the drawn ones, in drawn order, each with this attempt's
 * letters, so grading and showing need no change.
 */
#ifndef PSOAS_DRAW_H
#define PSOAS_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quiz.h"

struct draw {
	uint64_t seed;
	size_t n;
	size_t *question;	/* index into the quiz's questions */
	size_t **shown;		/* per drawn question k: letter i shows what
				 * the quiz file's own letters (those of its
				 * examples) show as letter shown[k][i]; NULL
				 * when not lettered */
};

/* True when q draws its questions from a pool (it has @draw rules). */
bool draw_applies(const struct quiz *q);

/* How many questions an attempt of q asks: the drawn count, or all. */
size_t draw_size(const struct quiz *q);

/* A new seed from the system's random source. */
uint64_t draw_new_seed(void);

/* Draw from q's pool with seed into d (draw_destroy frees it). */
void draw_make(const struct quiz *q, uint64_t seed, struct draw *d);

/*
 * The draw a learner edition of q makes with seed (q being the full
 * quiz).  It differs from draw_make in one rule only: the edition cannot
 * tell when an attempt's letters would show a question in its written
 * (for order questions: right) order, since that is the key, so it keeps
 * the attempt's letters from showing the file's own lettering instead.
 * The questions, and the text behind every letter, are the same as the
 * full course shows for that draw: the provider grades either.
 */
void draw_make_edition(const struct quiz *q, uint64_t seed, struct draw *d);

/*
 * The drawn questions as one line of text for the journal: question ids
 * in drawn order, separated by spaces, a lettered one followed by '/'
 * and, for each letter from 'a', the letter it takes over from the quiz
 * file's own lettering (the letters its @example lines use; the file
 * order unless the file shuffles): "psoas-origin nerve-supply/cadb".
 * Returns a new string.
 */
char *draw_format(const struct quiz *q, const struct draw *d);

/*
 * Rebuild d from a draw_format line and its seed.  Returns 0, or -1 when
 * the line does not fit q as it is now (a question gone, a choice added).
 */
int draw_parse(const struct quiz *q, uint64_t seed, const char *text,
    struct draw *d);

/* 16 hex digits, and back (false when s is not that). */
void draw_seed_format(uint64_t seed, char buf[17]);
bool draw_seed_parse(const char *s, uint64_t *seed);

void draw_destroy(struct draw *d);

/*
 * A quiz to sit or review this attempt: q's header with d's questions.
 * It borrows from q (keep q alive) and is freed with draw_view_free,
 * never quiz_free.
 */
struct quiz *draw_view(const struct quiz *q, const struct draw *d);
void draw_view_free(struct quiz *view);

#endif
