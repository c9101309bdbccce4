/*
 * The layout a certificate's text and PDF forms share (certificate.h):
 * the labelled rows, in the order they are printed, and line breaking by
 * any measure (columns for text, points for the PDF).
 */
#ifndef PSOAS_CERTLAYOUT_H
#define PSOAS_CERTLAYOUT_H

#include <stddef.h>

#include "certificate.h"

struct row {
	const char *label;
	char *value;		/* owned */
};

struct rows {
	struct row v[32];
	size_t n;
};

/* s, or "not stated" when it is NULL or empty: a missing field shows. */
const char *cert_or_unstated(const char *s);

/* The course facts a board checks, and the provider's, added to r. */
void cert_course_rows(const struct certificate *c, struct rows *r);
void cert_provider_rows(const struct certificate *c, struct rows *r);
void cert_rows_free(struct rows *r);

/* "Licence: ..." and the sentence on completion and score (new). */
char *cert_licence_text(const struct certificate *c);
char *cert_completion_sentence(const struct certificate *c);

/*
 * Break text at spaces into lines no wider than width as measure() says;
 * a word wider than a line gets a line of its own.  Returns the number of
 * lines put in out[0..max), each new.
 */
typedef double (*cert_measure_fn)(void *arg, const char *s, size_t len);
size_t cert_wrap(const char *text, double width, cert_measure_fn measure,
    void *arg, char **out, size_t max);

#endif
