/*
 * The provider's registry in SQLite (registry.h has the schema).
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "provider/registry.h"
#include "xmalloc.h"

struct registry {
	sqlite3 *db;
	char *path;
};

/* Migrations: migrations[i] brings user_version i to i + 1. */
static const char *const migrations[] = {
	"CREATE TABLE submissions ("
	"  id INTEGER PRIMARY KEY,"
	"  received INTEGER NOT NULL,"
	"  learner TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  verdict TEXT NOT NULL CHECK (verdict IN ('certified', 'refused')),"
	"  reason TEXT,"
	"  attempt TEXT,"
	"  score INTEGER);"
	"CREATE TABLE certificates ("
	"  number TEXT PRIMARY KEY,"
	"  submission INTEGER NOT NULL REFERENCES submissions(id),"
	"  learner TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  licence TEXT,"
	"  course TEXT NOT NULL,"
	"  version TEXT NOT NULL,"
	"  hours TEXT NOT NULL,"
	"  completed TEXT NOT NULL,"
	"  score INTEGER NOT NULL,"
	"  attempt TEXT NOT NULL UNIQUE,"
	"  fields TEXT NOT NULL,"
	"  signature TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  issued INTEGER NOT NULL);",
	/* 2: participant evaluations, and certificates reissued. */
	"CREATE TABLE evaluations ("
	"  id INTEGER PRIMARY KEY,"
	"  submission INTEGER NOT NULL REFERENCES submissions(id),"
	"  learner TEXT NOT NULL,"
	"  evaluates TEXT NOT NULL,"
	"  item TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('likert', 'text')),"
	"  answer TEXT NOT NULL,"
	"  prompt TEXT NOT NULL,"
	"  answered INTEGER NOT NULL,"
	"  UNIQUE (learner, evaluates, item, answered));"
	"CREATE TABLE reissues ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL REFERENCES certificates(number),"
	"  reissued INTEGER NOT NULL,"
	"  fields TEXT NOT NULL,"
	"  signature TEXT NOT NULL,"
	"  key TEXT NOT NULL);",
};

static int
fail(struct registry *r, char **cause, const char *what)
{
	*cause = xasprintf("%s: %s: %s", r->path, what, sqlite3_errmsg(r->db));
	return -1;
}

static int
migrate(struct registry *r, char **cause)
{
	sqlite3_stmt *st;
	int version = 0;
	const int latest = (int)(sizeof migrations / sizeof migrations[0]);

	if (sqlite3_prepare_v2(r->db, "PRAGMA user_version", -1, &st, NULL)
	    != SQLITE_OK)
		return fail(r, cause, "cannot read its version");
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version > latest) {
		*cause = xasprintf("%s: registry version %d is newer than this "
		    "program supports (%d); refusing to touch it", r->path,
		    version, latest);
		return -1;
	}
	for (; version < latest; version++) {
		char *sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA user_version "
		    "= %d; COMMIT;", migrations[version], version + 1);
		int rc = sqlite3_exec(r->db, sql, NULL, NULL, NULL);

		free(sql);
		if (rc != SQLITE_OK) {
			fail(r, cause, "cannot bring it up to date");
			sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return 0;
}

struct registry *
registry_open(const char *dir, char **cause)
{
	struct registry *r = xcalloc(1, sizeof *r);

	r->path = xasprintf("%s/%s", dir, REGISTRY_FILE);
	if (sqlite3_open_v2(r->path, &r->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		fail(r, cause, "cannot open the registry");
		registry_close(r);
		return NULL;
	}
	sqlite3_busy_timeout(r->db, 10000);
	if (sqlite3_exec(r->db, "PRAGMA journal_mode = WAL; "
	    "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", NULL, NULL,
	    NULL) != SQLITE_OK) {
		fail(r, cause, "cannot set it up");
		registry_close(r);
		return NULL;
	}
	if (migrate(r, cause) != 0) {
		registry_close(r);
		return NULL;
	}
	return r;
}

void
registry_close(struct registry *r)
{
	if (r == NULL)
		return;
	sqlite3_close(r->db);
	free(r->path);
	free(r);
}

static char *
column(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return xstrdup(s != NULL ? (const char *)s : "");
}

bool
registry_attempt_certified(struct registry *r, const char *attempt,
    char **number, char **learner)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(r->db, "SELECT number, learner FROM "
	    "certificates WHERE attempt = ?", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, attempt, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*number = column(st, 0);
		*learner = column(st, 1);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

long
registry_add_submission(struct registry *r, const char *learner,
    const char *file, const char *sha256, bool certified,
    const char *reason, const char *attempt, int score, char **cause)
{
	sqlite3_stmt *st;
	long id = -1;

	if (sqlite3_prepare_v2(r->db, "INSERT INTO submissions (received, "
	    "learner, file, sha256, verdict, reason, attempt, score) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		fail(r, cause, "cannot record the submission");
		return -1;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)clock_now());
	sqlite3_bind_text(st, 2, learner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, certified ? "certified" : "refused", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 6, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, attempt, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, score);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = (long)sqlite3_last_insert_rowid(r->db);
	else
		fail(r, cause, "cannot record the submission");
	sqlite3_finalize(st);
	return id;
}

int
registry_add_certificate(struct registry *r, const struct registry_cert *c,
    char **cause)
{
	sqlite3_stmt *st;
	const char *text[] = { c->number, c->learner, c->name, c->licence,
	    c->course, c->version, c->hours, c->completed };
	int rc = -1, i;

	if (sqlite3_prepare_v2(r->db, "INSERT INTO certificates (number, "
	    "learner, name, licence, course, version, hours, completed, "
	    "score, attempt, fields, signature, key, issued, submission) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st,
	    NULL) != SQLITE_OK)
		return fail(r, cause, "cannot record the certificate");
	for (i = 0; i < 8; i++)
		sqlite3_bind_text(st, i + 1, text[i] != NULL ? text[i] : "", -1,
		    SQLITE_STATIC);
	sqlite3_bind_int(st, 9, c->score);
	sqlite3_bind_text(st, 10, c->attempt, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, c->fields, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, c->signature, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, c->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, (sqlite3_int64)clock_now());
	sqlite3_bind_int64(st, 15, c->submission);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		fail(r, cause, "cannot record the certificate");
	sqlite3_finalize(st);
	return rc;
}

int
registry_add_evaluation(struct registry *r, long submission,
    const char *learner, const struct evaluation_answer *e, char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	/* The same answer from a submission sent again is kept once. */
	if (sqlite3_prepare_v2(r->db, "INSERT OR IGNORE INTO evaluations "
	    "(submission, learner, evaluates, item, kind, answer, prompt, "
	    "answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL)
	    != SQLITE_OK)
		return fail(r, cause, "cannot record the evaluation");
	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_text(st, 2, learner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->certificate, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->item, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->answer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->prompt, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)e->when);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		fail(r, cause, "cannot record the evaluation");
	sqlite3_finalize(st);
	return rc;
}

int
registry_add_reissue(struct registry *r, const char *number,
    const char *fields, const char *signature, const char *key,
    char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (sqlite3_prepare_v2(r->db, "INSERT INTO reissues (number, "
	    "reissued, fields, signature, key) VALUES (?, ?, ?, ?, ?)", -1,
	    &st, NULL) != SQLITE_OK)
		return fail(r, cause, "cannot record the reissue");
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)clock_now());
	sqlite3_bind_text(st, 3, fields, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, signature, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		fail(r, cause, "cannot record the reissue");
	sqlite3_finalize(st);
	return rc;
}

bool
registry_certificate(struct registry *r, const char *number, char **fields,
    char **signature, char **key)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(r->db, "SELECT fields, signature, key FROM "
	    "certificates WHERE number = ?", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*fields = column(st, 0);
		*signature = column(st, 1);
		*key = column(st, 2);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

/* A CSV field: quoted, quotes doubled (RFC 4180). */
static void
csv(FILE *out, const char *s, bool last)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputs(last ? "\"\r\n" : "\",", out);
}

static const char certificate_columns[] = "number, learner, name, licence, "
    "course, version, hours, completed, score, attempt, signature, key";

int
registry_export_csv(struct registry *r, FILE *out)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT %s FROM certificates ORDER BY issued, "
	    "number", certificate_columns);
	int n;

	fprintf(out, "%s\r\n", "number,learner,name,licence,course,version,"
	    "hours,completed,score,attempt,signature,key");
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		free(sql);
		return -1;
	}
	free(sql);
	n = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < n; i++) {
			const unsigned char *v = sqlite3_column_text(st, i);

			csv(out, v != NULL ? (const char *)v : "", i == n - 1);
		}
	sqlite3_finalize(st);
	return ferror(out) ? -1 : 0;
}

static int
report_reissues(struct registry *r, FILE *out)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(r->db, "SELECT number, date(reissued, "
	    "'unixepoch') FROM reissues ORDER BY id", -1, &st, NULL)
	    != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(out, "reissued: %s on %s\n", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return 0;
}

/*
 * The participant evaluation, item by item (the latest answer of each
 * learner to each item counts): a Likert item's answers, mean and spread
 * from 1 to 5; a text item's number of answers.
 */
static int
report_evaluations(struct registry *r, FILE *out)
{
	sqlite3_stmt *st;
	bool any = false;

	if (sqlite3_prepare_v2(r->db, "WITH latest AS (SELECT * FROM "
	    "evaluations e WHERE answered = (SELECT max(answered) FROM "
	    "evaluations f WHERE f.learner = e.learner AND f.item = e.item)) "
	    "SELECT item, kind, count(DISTINCT learner), avg(CASE kind WHEN "
	    "'likert' THEN CAST(answer AS INTEGER) END), "
	    "sum(answer = '1'), sum(answer = '2'), sum(answer = '3'), "
	    "sum(answer = '4'), sum(answer = '5'), max(prompt) FROM latest "
	    "GROUP BY item, kind ORDER BY min(id)", -1, &st, NULL)
	    != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *item = (const char *)sqlite3_column_text(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		int n = sqlite3_column_int(st, 2);

		if (!any)
			fputs("Participant evaluations (latest answer of each "
			    "learner):\n", out);
		any = true;
		if (strcmp(kind, "likert") == 0)
			fprintf(out, "  %-12s %d answer%s, mean %.1f of 5 "
			    "(1:%d 2:%d 3:%d 4:%d 5:%d)  %s\n", item, n,
			    n == 1 ? "" : "s", sqlite3_column_double(st, 3),
			    sqlite3_column_int(st, 4), sqlite3_column_int(st, 5),
			    sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
			    sqlite3_column_int(st, 8), sqlite3_column_text(st, 9));
		else
			fprintf(out, "  %-12s %d written answer%s  %s\n", item, n,
			    n == 1 ? "" : "s", sqlite3_column_text(st, 9));
	}
	sqlite3_finalize(st);
	if (!any)
		fputs("No participant evaluations yet.\n", out);
	return 0;
}

int
registry_report(struct registry *r, FILE *out)
{
	sqlite3_stmt *st;
	long certified = 0, refused = 0;

	if (sqlite3_prepare_v2(r->db, "SELECT number, completed, score, name, "
	    "learner, course, version FROM certificates ORDER BY issued, "
	    "number", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(out, "%s  %s  %3d%%  %s (%s)  %s %s\n",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2), sqlite3_column_text(st, 3),
		    sqlite3_column_text(st, 4), sqlite3_column_text(st, 5),
		    sqlite3_column_text(st, 6));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(r->db, "SELECT verdict, count(*) FROM "
	    "submissions GROUP BY verdict", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (strcmp((const char *)sqlite3_column_text(st, 0),
		    "certified") == 0)
			certified = sqlite3_column_int64(st, 1);
		else
			refused = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	fprintf(out, "%ld submission%s certified, %ld refused\n", certified,
	    certified == 1 ? "" : "s", refused);
	if (report_reissues(r, out) != 0 || report_evaluations(r, out) != 0)
		return -1;
	return ferror(out) ? -1 : 0;
}
