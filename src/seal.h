/*
 * A provider's signature on a certificate, and checking it offline.
 *
 * KEYS.  A provider makes one Ed25519 key pair (libsodium) with
 * `psoas-tutor provider keygen`: DIR/provider.key, the secret key, mode
 * 0600, and DIR/provider.pub, the public key, for learners and auditors.
 * Neither is ever overwritten: a second keygen refuses, so certificates
 * already issued stay checkable.  Both are text:
 *   psoas-tutor provider secret key 1\n  HEX (128 digits)\n
 *   psoas-tutor provider public key 1\n  HEX (64 digits)\n
 *
 * THE SEAL.  A signed certificate, text or PDF, ends in a seal: its
 * canonical fields, one "KEY: VALUE" line each in a fixed order (values
 * escaped as journal fields are, so each is one line), the public key that
 * signs, an Ed25519 signature over exactly those field lines, and a
 * second signature over every byte of the file before its own line, so
 * a byte changed anywhere in the certificate (the printed text, a PDF's
 * drawing, a field) shows.  In a PDF the seal follows %%EOF, each line
 * behind a '%', where PDF readers ignore it.  The format is in
 * doc/FORMATS.md "Signed certificates".
 *
 * What a valid seal proves: the provider holding the secret key issued
 * this certificate with these fields, and nothing in the file changed
 * since.  Which learner did the work is the provider's grading's claim.
 */
#ifndef PSOAS_SEAL_H
#define PSOAS_SEAL_H

#include <stdbool.h>
#include <stdio.h>

#include "certificate.h"

#define SEAL_SECRET_FILE "provider.key"
#define SEAL_PUBLIC_FILE "provider.pub"

struct seal_key {
	unsigned char pk[32];
	unsigned char sk[64];	/* all zero when only the public key is known */
	char hex[65];		/* pk in hex: how certificates name the key */
};

/*
 * Make a key pair in dir (created 0700 when missing).  Returns 0, or -1
 * with *cause (new) when a key file is already there or cannot be made.
 */
int seal_keygen(const char *dir, char **cause);

/*
 * Load dir's secret key (and its public key from it), or a public key
 * file.  Returns 0, or -1 with *cause (new) naming the file.
 */
int seal_load_secret(const char *dir, struct seal_key *k, char **cause);
int seal_load_public(const char *path, struct seal_key *k, char **cause);

/*
 * Sign c's fields with k: sets c->signature and c->signer to new strings
 * (free them with seal_certificate_done).  Then write the certificate,
 * with its seal, as text to out or as a PDF at path.  Return 0, or -1
 * (*cause new for the PDF; a write error on out is out's).
 */
void seal_certificate(struct certificate *c, const struct seal_key *k);
void seal_certificate_done(struct certificate *c);
int seal_write_text(FILE *out, const struct certificate *c,
    const struct seal_key *k);
int seal_write_pdf(const char *path, const struct certificate *c,
    const struct seal_key *k, char **cause);

/*
 * The signed field lines of c as k signs them (new), for a registry; and
 * whether signature (hex) is k's signature of such fields.
 */
char *seal_fields(const struct certificate *c, const struct seal_key *k);
bool seal_fields_valid(const struct seal_key *k, const char *fields,
    const char *signature);

/*
 * Check the certificate file at path against the provider's public key.
 * Returns 0 when valid, with *report (new) naming the certificate; 1 when
 * not, with *report saying why in plain words; -1 when it cannot be read
 * (*report the cause).
 */
int seal_verify_file(const char *path, const struct seal_key *k,
    char **report);

#endif
