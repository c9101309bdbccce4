/*
 * Answers given away before they are asked for (issue 13 item 4): the
 * checker's warnings for feedback shown before a retry that would itself
 * be credited as the answer, and for a post-test question whose prompt
 * or choices hold another pool question's answer (any two of the pool
 * can be drawn into one attempt).
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
 * In a post-test, warn (at the giving question's line) for each question
 * whose prompt and choices, graded as an answer to another question,
 * are credited, or hold the text of its right choice.
 */
void giveaway_check_pool(const struct quiz *qz, struct diag *d);

#endif
