/*
 * The participant evaluation a CE provider collects once a learner has
 * completed the course: the manifest's items (Likert 1-5 statements and
 * free-text questions), asked one at a time and fed one line at a time
 * like a quiz sitting (quizrun.h).  Every answer is recorded in the
 * learner's journal the moment it is given, with the item's wording, so
 * leaving half-way loses nothing and 'evaluate' asks only what is left.
 *
 * Answers: a Likert item takes 1 (strongly disagree) to 5 (strongly
 * agree); a text item takes any line.  "skip" (or an empty line on a text
 * item) passes an item without answering it; "leave" stops for now.
 */
#ifndef PSOAS_EVALRUN_H
#define PSOAS_EVALRUN_H

#include <stdbool.h>
#include <stdio.h>

#include "manifest.h"
#include "progress.h"
#include "render.h"

struct evalrun;

/*
 * Start asking the items of m that p has not answered for the completion
 * numbered certificate, writing to out.  Returns NULL, after saying so,
 * when there is nothing left to ask.
 */
struct evalrun *evalrun_start(const struct manifest *m, struct progress *p,
    const char *certificate, const struct render_opts *o, FILE *out);

/* Handle one line; true while there is more to ask. */
bool evalrun_input(struct evalrun *e, const char *line);

/* "evaluation 2/6" for the prompt; borrowed until the next call. */
const char *evalrun_where(struct evalrun *e);

void evalrun_free(struct evalrun *e);

/* How many of m's items are not yet answered for certificate. */
size_t evalrun_left(const struct manifest *m, const struct progress *p,
    const char *certificate);

#endif
