/*
 * Drawing a certificate of completion, as plain text or as a PDF page,
 * from a plain set of fields.  This module decides nothing: where the
 * fields come from (the completion record in the learner's journal, never
 * today's course files) is certify.h's business.  Both forms carry the
 * same fields under the same labels, so a test can read either back and
 * find every one.
 *
 * What a CE board asks of a home-study certificate, and where it goes:
 * participant name and licence, course title as approved, course id and
 * version, course type, CE hours, completion date, the provider's name,
 * address, e-mail and provider number, the state approvals, the score
 * and pass mark, a unique certificate number and a signature line.  When
 * self_reported is true the certificate says, in a box of its own, that
 * the results were recorded on the learner's computer and have not been
 * verified by the provider; when test_clock is true, the box also says
 * that the completion was recorded on a test clock and is not real.
 */
#ifndef PSOAS_CERTIFICATE_H
#define PSOAS_CERTIFICATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Every string is borrowed UTF-8 text and may be NULL or empty when the
 * record does not have it; it is then printed as "not stated", never
 * left out, so a missing field shows.
 */
struct certificate {
	const char *number;		/* unique certificate number */
	const char *participant;	/* the learner's legal name */
	const char *learner;		/* short name (journal) */
	const char *licence;		/* licence number */
	const char *licence_state;	/* state or board of the licence */
	const char *title;		/* course title as approved */
	const char *course;		/* course id */
	const char *version;		/* course version */
	const char *type;		/* "home study" */
	const char *hours;		/* CE hours as recorded, e.g. "2" */
	const char *completed;		/* completion date, YYYY-MM-DD (UTC) */
	const char *provider_name;
	const char *provider_address;
	const char *provider_email;
	const char *provider_number;
	const char *const *approvals;	/* "BOARD: NUMBER" each */
	size_t napprovals;
	const char *posttest;		/* post-test title */
	const char *attempt;		/* post-test attempt id */
	int score;			/* percent, rounded down */
	int pass;			/* pass mark, percent */
	long seconds;			/* time on task in the lessons */
	bool self_reported;		/* no provider has verified it */
	bool test_clock;		/* recorded on an injected clock */
	const char *attested;		/* when the participant attested the
					 * work is their own, "YYYY-MM-DD HH:MM
					 * UTC", or NULL: not recorded */
	const char *reissued;		/* a reissued copy: its date, else
					 * NULL (the certificate as issued) */
	const char *signature;		/* the provider's Ed25519 signature
					 * of the fields, hex (seal.h), or
					 * NULL: a signature line to sign by
					 * hand instead */
	const char *signer;		/* the signing public key, hex */
};

/* Columns of the text certificate as a provider signs it (seal.h). */
#define CERTIFICATE_TEXT_WIDTH 72

/*
 * The certificate as plain text, no escape codes, width columns: at
 * CERTIFICATE_TEXT_WIDTH (or more) exactly the text a provider signs; for
 * a narrower screen (down to MIN_WIDTH) the same words, wrapped to it,
 * with values below their labels and over-long words (a signature) cut.
 * Returns 0, or -1 when writing to out failed.
 */
int certificate_write_text(FILE *out, const struct certificate *c,
    int width);

/*
 * The certificate as a one-page PDF (US Letter, landscape) at path, drawn
 * with cairo.  The file is written beside path and renamed over it only
 * when complete, and a symbolic link at path is refused.  Returns 0, or
 * -1 with *cause set to a new message.
 */
int certificate_write_pdf(const char *path, const struct certificate *c,
    char **cause);

/* The sentence a self-reported certificate carries (for tests and docs). */
extern const char certificate_self_reported_text[];
/* The line a signed certificate carries on how to check it. */
extern const char certificate_verify_text[];

/*
 * The sentence a certificate carries when its completion was recorded on
 * a clock injected for testing (PSOAS_TUTOR_NOW): its times are not real.
 */
extern const char certificate_test_clock_text[];

#endif
