/*
 * Marked responses as proof (issue 9 item 1): every response a fair
 * marker marked is graded as a learner's answer would be, and the
 * grader's mark is compared with the marker's, per question and per rule
 * that decided it.  --check fails on any disagreement; --agreement prints
 * the whole table.
 */
#ifndef PSOAS_AGREEMENT_H
#define PSOAS_AGREEMENT_H

#include <stdbool.h>
#include <stdio.h>

#include "course.h"
#include "diag.h"

/*
 * Grade every marked response of c: a response the grader marks
 * differently, or cannot find the question of, is an error in d (at the
 * response's line); a missing spelling dictionary is a warning.
 * Returns the number of errors added.
 */
size_t agreement_check(const struct course *c, struct diag *d);

/*
 * Print the agreement: with full, one line per question and per rule
 * (responses, agreed, false credit, false refusal); always the totals
 * and the two rates of issue 9 (of the responses markers credited, the
 * share credited; of those they refused, the share refused).  Prints
 * nothing when the course has no marked responses.
 */
void agreement_print(const struct course *c, bool full, FILE *out);

#endif
