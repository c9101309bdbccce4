/*
 * Answers given away before they are asked for (issue 13 item 4): the
 * checker's warnings for feedback shown before a retry that would itself
 * be credited as the answer, and for text read before a question that
 * holds its answer: another post-test question's prompt or choices (any
 * two of the pool can be drawn into one attempt), or, in a practice quiz,
 * anything shown of an earlier question, its explanation included.
 */
#ifndef PSOAS_GIVEAWAY_H
#define PSOAS_GIVEAWAY_H

#include "diag.h"
#include "quiz.h"

/*
 * Warn (file:line) for each feedback of qz shown before a retry (a
 * misconception's or a wrong choice's, in a quiz of more than one try)
 * that its own question would credit: graded as the answer, or naming
 * the text of a right choice.
 */
void giveaway_check_feedback(const struct quiz *qz, struct diag *d);

/*
 * Warn (at the giving text's line) for each question whose text, read
 * before another question of qz is answered, gives that one's answer
 * away: one unit of it, graded as an answer to the other question, is
 * credited or holds the text of its right choice, and shares a subject
 * word with the other's prompt.  In a post-test the units are what is
 * read of a question (its prompt and choices), and any two questions one
 * attempt can draw are compared both ways.  In a practice quiz a question
 * is answered before the next is asked, so its hints, feedback and
 * explanation are read too, and only the questions a sitting asks after
 * it are compared (all the others when the quiz is drawn).
 */
void giveaway_check_between(const struct quiz *qz, struct diag *d);

#endif
