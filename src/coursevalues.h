/*
 * Course values in lesson text: a lesson may write "{attempts}",
 * "{wait-hours}", "{pass}" or "{posttest}" where it states a rule the
 * course manifest sets, and the course shows the manifest's value there.
 * The text then cannot disagree with the rules the tutor enforces.  A
 * number may carry its noun, "{attempts|attempt|attempts}": "1 attempt",
 * "3 attempts".
 */
#ifndef PSOAS_COURSEVALUES_H
#define PSOAS_COURSEVALUES_H

#include "diag.h"
#include "lesson.h"
#include "manifest.h"

/*
 * Replace every course value in l's titles, paragraphs, bullets, callouts
 * and figure captions and descriptions (never a figure's drawing) with m's
 * value.  An unknown name in braces, or noun forms that are not two or
 * follow a value that is not a number, is an error at its block's line.
 */
void coursevalues_expand(struct lesson *l, const struct manifest *m,
    struct diag *d);

#endif
