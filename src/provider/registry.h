/*
 * The provider's registry: one SQLite database, DIR/registry.sqlite3, in
 * WAL mode, of every submission graded and every certificate issued.
 * Schema (version 2, PRAGMA user_version; migrations run in order on
 * open, each in one transaction, so an older registry is brought up to
 * date and never rebuilt):
 *
 *   submissions(id INTEGER PRIMARY KEY, received INTEGER (unix time),
 *               learner TEXT, file TEXT, sha256 TEXT, verdict TEXT
 *               ('certified' | 'refused'), reason TEXT, attempt TEXT,
 *               score INTEGER)
 *   certificates(number TEXT PRIMARY KEY, submission INTEGER REFERENCES
 *               submissions, learner TEXT, name TEXT, licence TEXT,
 *               course TEXT, version TEXT, hours TEXT, completed TEXT,
 *               score INTEGER, attempt TEXT UNIQUE, fields TEXT (the
 *               signed field lines, seal.h), signature TEXT, key TEXT,
 *               issued INTEGER)
 *
 * Version 2 adds:
 *
 *   evaluations(id INTEGER PRIMARY KEY, submission INTEGER REFERENCES
 *               submissions, learner TEXT, evaluates TEXT (the completion
 *               number or, from a learner edition, the post-test attempt
 *               the learner's answers were for), item TEXT, kind TEXT
 *               ('likert' | 'text'), answer TEXT, prompt TEXT (as asked),
 *               answered INTEGER (unix time); UNIQUE (learner, evaluates,
 *               item, answered): a submission sent again adds nothing)
 *   reissues(id INTEGER PRIMARY KEY, number TEXT REFERENCES
 *               certificates, reissued INTEGER (unix time), fields TEXT,
 *               signature TEXT, key TEXT: the reissued copy's signed
 *               fields, which add "reissued: DATE")
 *
 * An attempt is certified once: a second submission of the same attempt
 * (a journal copied under another name) is refused.  Rows are never
 * deleted by the program: the retention rule (at least six years) is the
 * provider's to keep with this file and its backups (psoas-tutor(1)).
 */
#ifndef PSOAS_REGISTRY_H
#define PSOAS_REGISTRY_H

#include <stdbool.h>
#include <stdio.h>

#include "progress.h"

#define REGISTRY_FILE "registry.sqlite3"
#define REGISTRY_VERSION 2

struct registry;

/* Open (creating and migrating) dir's registry.  NULL with *cause. */
struct registry *registry_open(const char *dir, char **cause);
void registry_close(struct registry *r);

/*
 * The certificate already issued for attempt, as new strings (*number,
 * *learner); false when none.
 */
bool registry_attempt_certified(struct registry *r, const char *attempt,
    char **number, char **learner);

/* Record a graded submission; returns its id, or -1 with *cause. */
long registry_add_submission(struct registry *r, const char *learner,
    const char *file, const char *sha256, bool certified,
    const char *reason, const char *attempt, int score, char **cause);

struct registry_cert {
	const char *number, *learner, *name, *licence, *course, *version;
	const char *hours, *completed, *attempt, *fields, *signature, *key;
	int score;
	long submission;
};
int registry_add_certificate(struct registry *r,
    const struct registry_cert *c, char **cause);

/*
 * A participant's evaluation answer e, from submission (its id), in the
 * evaluations table; one already recorded is kept once.  0, or -1 with
 * *cause.
 */
int registry_add_evaluation(struct registry *r, long submission,
    const char *learner, const struct evaluation_answer *e, char **cause);

/* A reissued copy of certificate number, as signed.  0, or -1 with *cause. */
int registry_add_reissue(struct registry *r, const char *number,
    const char *fields, const char *signature, const char *key,
    char **cause);

/*
 * The signed fields, signature and key of certificate number, as new
 * strings; false when the registry has no such certificate.
 */
bool registry_certificate(struct registry *r, const char *number,
    char **fields, char **signature, char **key);

/*
 * Every certificate, one line each, the submissions certified and
 * refused, the reissues and the participant evaluations summed up item by
 * item (report); or the certificates as CSV for an audit.
 */
int registry_report(struct registry *r, FILE *out);
int registry_export_csv(struct registry *r, FILE *out);

#endif
