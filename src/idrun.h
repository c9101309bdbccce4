/*
 * The identity a CE certificate needs, asked once before the first
 * post-test attempt of a CE course (and again with 'identity' to change
 * it): legal name, licence number, the state or board that issued the
 * licence, and a typed attestation that the learner did the work
 * themselves.  Fed one line at a time like a quiz sitting.  Each answer
 * is recorded, dated, in the learner's journal (progress.h), so a
 * certificate copies what was in force when it was issued.
 */
#ifndef PSOAS_IDRUN_H
#define PSOAS_IDRUN_H

#include <stdbool.h>
#include <stdio.h>

#include "progress.h"
#include "render.h"

/* The statement the learner types, word for word (case aside). */
#define IDRUN_ATTESTATION "I did the work of this course myself"

struct idrun;

/* Whether p has an identity and an attestation on record. */
bool idrun_complete(const struct progress *p);

/*
 * Start asking, writing to out.  With change false only what is missing
 * is asked; with change true the identity is asked again.
 */
struct idrun *idrun_start(struct progress *p, bool change,
    const struct render_opts *o, FILE *out);

/* Handle one line; true while there is more to ask. */
bool idrun_input(struct idrun *r, const char *line);

/* "identity 2/4" for the prompt; borrowed until the next call. */
const char *idrun_where(struct idrun *r);

void idrun_free(struct idrun *r);

#endif
