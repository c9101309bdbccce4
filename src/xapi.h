/*
 * A learner's journal as xAPI 1.0.3 statements, and back: the one home of
 * the mapping between journal records (progress.h, doc/FORMATS.md
 * "Progress journal") and statements (doc/FORMATS.md "xAPI statements"
 * has the table).
 *
 * Forward (the learner's machine): each intact journal record, in file
 * order, gives zero, one or two statements.  A statement's id is a
 * version 5 UUID of the learner, the record's position among the intact
 * records, its fields and the statement's place among the record's
 * statements, so the same record always gives the same id and a record
 * sent twice is one statement to a Learning Record Store.  The actor is
 * an account (homePage = the manifest's @provider-site, name = the
 * learner's short name) with the name on record then; timestamps are the
 * record's, in UTC; every statement's context carries the course
 * activity and, as extensions, the course digest (the one the journal
 * recorded last in a "course" record, else the course's in use) and
 * version.  A raw
 * answer goes in result.response as typed; bytes that are not UTF-8
 * cannot be JSON text, so they show as U+FFFD there and the exact bytes
 * ride along in hex in a result extension.  result.success and
 * result.score appear only where the learner's machine graded the
 * answer (never for a learner edition's post-test), and mean nothing to
 * a provider.
 *
 * Backward (the provider's machine): xapi_statement_record turns one
 * statement of a submission back into the journal record it came from,
 * checking the actor, the course digest and the activity ids, so the
 * provider's grading reads a submission exactly as it reads a journal.
 */
#ifndef PSOAS_XAPI_H
#define PSOAS_XAPI_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "json.h"
#include "strbuf.h"

#define XAPI_VERSION "1.0.3"
#define XAPI_MAX_FIELDS 12	/* fields of the longest journal record */

/* What every statement of a course says about the course. */
struct xapi_course {
	char *site;		/* the provider's site: the actor's homePage */
	char *course;		/* course id */
	char *version;		/* course version */
	char *digest;		/* course digest, 64 hex digits */
	char *iri;		/* SITE/courses/COURSE: every activity is under it */
	char *posttest;		/* post-test quiz id */
	bool learner_edition;	/* the post-test is graded by the provider only */
};

/*
 * Fill xc from the course in use (the digest: digest.h).  Returns 0, or
 * -1 with *cause when the course cannot make statements (no manifest, no
 * @provider-site, no digest).
 */
int xapi_course_init(struct xapi_course *xc, const struct course *c,
    char **cause);
void xapi_course_destroy(struct xapi_course *xc);

/* The statements of one journal, and what the journal says of the learner. */
struct xapi {
	const struct xapi_course *course;	/* borrowed */
	char *learner;		/* short name */
	char **statements;	/* JSON texts, in record order */
	size_t n, cap;
	size_t records;		/* intact records fed so far */
	char *name;		/* full name on record, or NULL */
	char *legal_name, *licence, *state;	/* last identity, or NULL */
	char *identity_time;	/* its timestamp, or NULL */
	char *attestation, *attested;	/* the attestation and its time */
	char *clock;		/* a test clock's value, or NULL */
	char *digest;		/* the last "course" record's digest, or NULL:
				 * statements carry it, else the course's */
	/* state of the mapping: lessons opened so far */
	char **opened;
	size_t nopened;
};

void xapi_init(struct xapi *x, const struct xapi_course *c,
    const char *learner);
void xapi_destroy(struct xapi *x);

/* Feed one intact journal record (fields as journal replay gives them). */
void xapi_add_record(struct xapi *x, const char *const *fields, size_t n);

/*
 * Feed the intact records of the journal at path that x has not seen
 * (all of them for a new x; a journal only grows), read-only; damaged
 * records are skipped as every reader skips them.  Returns 0, or -1
 * with *cause.
 */
int xapi_read_journal(struct xapi *x, const char *path, char **cause);

/* SECONDS as an ISO 8601 UTC timestamp, and back (-1: not one of ours). */
void xapi_timestamp(long long seconds, char out[32]);
long long xapi_parse_timestamp(const char *s);

/*
 * Statement st of a submission back to its journal record: fields[0..*n)
 * get new strings (the record's type first, then its time), or *n = 0
 * for a statement that stands for no record the grading reads.  Returns
 * 0, or -1 with *why (new) saying in plain words what is wrong with it.
 */
int xapi_statement_record(const struct xapi_course *c, const char *learner,
    const struct json *st, char **fields, size_t *n, char **why);

#endif
