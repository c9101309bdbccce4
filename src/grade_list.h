/*
 * Grading a "list" answer: its parts (split at commas, "and" and the
 * like), the items each names, a word shared across parts, and the
 * count against @need.  The rules are doc/FORMATS.md "Concepts"
 * (lists); grade_text.c reads the answer and calls this.
 */
#ifndef PSOAS_GRADE_LIST_H
#define PSOAS_GRADE_LIST_H

#include "concept.h"

/*
 * Grade the list answer text (as read: spelling and glossary applied,
 * padded) into c->r: verdict, fraction, the message naming what was
 * counted, wrong or not recognised, and what was missing.
 */
void grade_list(struct concept_ctx *c, const char *text);

#endif
