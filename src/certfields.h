/*
 * The canonical fields of a certificate: the text a provider signs (seal.h)
 * and a registry keeps, one "KEY: VALUE" line each in one fixed order,
 * values escaped as journal fields are (journal.h) so each is one line:
 *
 *   format: psoas-tutor certificate 1
 *   number name learner licence licence-state title course version type
 *   hours completed provider-name provider-address provider-email
 *   provider-number approval (one a state approval) posttest attempt score
 *   pass seconds test-clock (yes|no) attested (when the participant
 *   attested the work is their own, "YYYY-MM-DD HH:MM UTC", or empty)
 *   [reissued (the date of a reissue; only on a reissued copy)] key
 *
 * Lines are written by one table and read back by the same table, so a
 * provider can reissue a certificate from its registry record.  Readers
 * of a seal never rebuild the text: a certificate made before a field
 * existed still verifies.
 */
#ifndef PSOAS_CERTFIELDS_H
#define PSOAS_CERTFIELDS_H

#include "certificate.h"

#define CERTFIELDS_FORMAT "format: psoas-tutor certificate 1"

/* c's canonical text, signed by the key keyhex (new). */
char *certfields_text(const struct certificate *c, const char *keyhex);

/*
 * Everything drawn on c, for psoas-tutor-pdf (helper.h): its canonical
 * text, signed by c->signer, then the lines no signature covers,
 * "self-reported: yes|no" and, when c is signed, "signature: HEX" (new).
 * certfields_parse reads it back.
 */
char *certfields_drawing_text(const struct certificate *c);

/* A certificate read back from canonical text; its strings are owned. */
struct certfields {
	struct certificate c;
	char **owned;
	size_t nowned;
};

/*
 * Parse text (certfields_text's) into f.  Returns 0, or -1 with *cause
 * (new) when a line is not a known field; free f with certfields_destroy
 * either way.
 */
int certfields_parse(const char *text, struct certfields *f, char **cause);
void certfields_destroy(struct certfields *f);

#endif
