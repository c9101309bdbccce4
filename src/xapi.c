/*
 * Journal records to xAPI statements and back (xapi.h).  Both directions
 * are tables keyed by what they read (the record type; the verb and the
 * kind of activity), so the mapping documented in doc/FORMATS.md has one
 * row here for each row there.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest.h"
#include "journal.h"
#include "manifest.h"
#include "outcome.h"
#include "points.h"
#include "rectype.h"
#include "text.h"
#include "uuid.h"
#include "xapi.h"
#include "xmalloc.h"

/* Namespace of every statement id (a fixed, random version 4 UUID). */
#define XAPI_NAMESPACE "eb8fe7b1-0a86-4fd0-a263-6d883e21d305"
#define VERB_BASE "http://adlnet.gov/expapi/verbs/"
#define TYPE_BASE "http://adlnet.gov/expapi/activities/"

/* ------------------------------------------------------------- course */

int
xapi_course_init(struct xapi_course *xc, const struct course *c,
    char **cause)
{
	const struct manifest *m = c->manifest;
	char hex[DIGEST_HEX_LEN + 1];
	size_t n;

	memset(xc, 0, sizeof *xc);
	if (m == NULL) {
		*cause = xstrdup("this course has no course.manifest, so it "
		    "cannot make xAPI statements");
		return -1;
	}
	if (m->provider_site == NULL) {
		*cause = xasprintf("%s: the manifest has no @provider-site, the "
		    "provider's web address that names learners and "
		    "activities in xAPI statements", m->path);
		return -1;
	}
	if (course_digest_in_use(c, hex) != 0) {
		*cause = xasprintf("cannot compute the course digest: %s",
		    strerror(errno));
		return -1;
	}
	xc->site = xstrdup(m->provider_site);
	n = strlen(xc->site);
	while (n > 0 && xc->site[n - 1] == '/')
		xc->site[--n] = '\0';
	xc->course = xstrdup(m->course);
	xc->version = xstrdup(m->version);
	xc->digest = xstrdup(hex);
	xc->iri = xasprintf("%s/courses/%s", xc->site, m->course);
	xc->posttest = xstrdup(m->posttest);
	xc->learner_edition = m->learner_edition;
	return 0;
}

void
xapi_course_destroy(struct xapi_course *xc)
{
	free(xc->site);
	free(xc->course);
	free(xc->version);
	free(xc->digest);
	free(xc->iri);
	free(xc->posttest);
	memset(xc, 0, sizeof *xc);
}

/* ------------------------------------------------------------- pieces */

void
xapi_timestamp(long long seconds, char out[32])
{
	time_t t = (time_t)seconds;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, 32, "1970-01-01T00:00:00Z");
}

long long
xapi_parse_timestamp(const char *s)
{
	struct tm tm;
	const char *end;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || strlen(s) != 20 ||
	    (end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm)) == NULL ||
	    *end != '\0' || (t = timegm(&tm)) == (time_t)-1)
		return -1;
	return (long long)t;
}

/* Two hex digits at p as a byte, or -1. */
static int
hex2(const char *p)
{
	int hi = text_hex_digit(p[0]), lo = hi < 0 ? -1 : text_hex_digit(p[1]);

	return lo < 0 ? -1 : hi * 16 + lo;
}

/* A whole number in 0..max written in decimal digits only, or -1. */
static long long
whole(const char *s, long long max)
{
	long long v = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 18)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v <= max ? v : -1;
}

/* An id as one IRI path segment: unreserved bytes as is, others %XX. */
static void
put_segment(struct strbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL) {
			strbuf_add(b, s, 1);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };

			strbuf_add(b, e, 3);
		}
	}
}

/* The IRI C/KIND/ID[/SUB/N]: a lesson, page, quiz, question or item. */
static char *
activity_iri(const struct xapi_course *c, const char *kind, const char *id,
    const char *sub, const char *subid)
{
	struct strbuf b = {0};

	strbuf_puts(&b, c->iri);
	if (kind != NULL) {
		strbuf_addf(&b, "/%s/", kind);
		put_segment(&b, id);
	}
	if (sub != NULL) {
		strbuf_addf(&b, "/%s/", sub);
		put_segment(&b, subid);
	}
	return strbuf_take(&b);
}

static void
put_key(struct strbuf *b, const char *key)
{
	json_put_string(b, key, strlen(key));
	strbuf_add(b, ":", 1);
}

static void
put_str(struct strbuf *b, const char *key, const char *value)
{
	put_key(b, key);
	json_put_string(b, value, strlen(value));
}

/* An extension member: key C/ext/NAME. */
static void
put_ext(struct strbuf *b, const struct xapi_course *c, const char *name,
    const char *value)
{
	char *key = xasprintf("%s/ext/%s", c->iri, name);

	if (b->len > 0)
		strbuf_add(b, ",", 1);
	put_str(b, key, value);
	free(key);
}

/* What one statement says, before it is written out. */
struct stmt {
	const char *verb;	/* after VERB_BASE */
	char *object;		/* IRI */
	const char *type;	/* after TYPE_BASE, or NULL */
	char *parent;		/* IRI, or NULL */
	char *registration;	/* UUID of the quiz attempt, or NULL */
	struct strbuf result;	/* members of "result", or empty */
	struct strbuf ext;	/* more context extensions, or empty */
};

static void
stmt_destroy(struct stmt *s)
{
	free(s->object);
	free(s->parent);
	free(s->registration);
	strbuf_destroy(&s->result);
	strbuf_destroy(&s->ext);
}

/* The id of statement k of the record just fed (x->records counts it). */
static void
statement_id(const struct xapi *x, const char *const *f, size_t n, int k,
    char out[UUID_TEXT_LEN + 1])
{
	struct strbuf name = {0};

	strbuf_addf(&name, "psoas-tutor statement 1\n%s\n%zu\n%d\n",
	    x->learner, x->records, k);
	for (size_t i = 0; i < n; i++) {
		char *e = journal_escape(f[i]);

		strbuf_addf(&name, "%s%s", i > 0 ? "\t" : "", e);
		free(e);
	}
	uuid_v5(XAPI_NAMESPACE, name.s, name.len, out);
	strbuf_destroy(&name);
}

static void
emit(struct xapi *x, const char *const *f, size_t n, int k, struct stmt *s)
{
	const struct xapi_course *c = x->course;
	const char *name = x->legal_name != NULL ? x->legal_name : x->name;
	char id[UUID_TEXT_LEN + 1], ts[32];
	struct strbuf b = {0};

	statement_id(x, f, n, k, id);
	xapi_timestamp(whole(f[1], 1LL << 40), ts);
	strbuf_add(&b, "{", 1);
	put_str(&b, "id", id);
	strbuf_puts(&b, ",\"actor\":{\"objectType\":\"Agent\",");
	if (name != NULL) {
		put_str(&b, "name", name);
		strbuf_add(&b, ",", 1);
	}
	strbuf_puts(&b, "\"account\":{");
	put_str(&b, "homePage", c->site);
	strbuf_add(&b, ",", 1);
	put_str(&b, "name", x->learner);
	strbuf_addf(&b, "}},\"verb\":{\"id\":\"" VERB_BASE "%s\","
	    "\"display\":{\"en-US\":\"%s\"}},", s->verb, s->verb);
	strbuf_puts(&b, "\"object\":{\"objectType\":\"Activity\",");
	put_str(&b, "id", s->object);
	if (s->type != NULL)
		strbuf_addf(&b, ",\"definition\":{\"type\":\"" TYPE_BASE
		    "%s\"}", s->type);
	strbuf_add(&b, "}", 1);
	if (s->result.len > 0)
		strbuf_addf(&b, ",\"result\":{%s}", s->result.s);
	strbuf_puts(&b, ",\"context\":{");
	if (s->registration != NULL)
		strbuf_addf(&b, "\"registration\":\"%s\",", s->registration);
	strbuf_puts(&b, "\"platform\":\"psoas-tutor\",\"contextActivities\":{");
	if (s->parent != NULL) {
		strbuf_puts(&b, "\"parent\":[{\"objectType\":\"Activity\",");
		put_str(&b, "id", s->parent);
		strbuf_puts(&b, "}],");
	}
	strbuf_puts(&b, "\"grouping\":[{\"objectType\":\"Activity\",");
	put_str(&b, "id", c->iri);
	strbuf_puts(&b, ",\"definition\":{\"type\":\"" TYPE_BASE "course\"}}]},"
	    "\"extensions\":{");
	{
		struct strbuf e = {0};

		put_ext(&e, c, "digest", x->digest != NULL ? x->digest :
		    c->digest);
		put_ext(&e, c, "version", c->version);
		strbuf_add(&b, e.s, e.len);
		strbuf_destroy(&e);
	}
	if (s->ext.len > 0)
		strbuf_addf(&b, ",%s", s->ext.s);
	strbuf_puts(&b, "}},");
	put_str(&b, "timestamp", ts);
	strbuf_add(&b, "}", 1);
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->statements = xreallocarray(x->statements, x->cap,
		    sizeof *x->statements);
	}
	x->statements[x->n++] = strbuf_take(&b);
	stmt_destroy(s);
}

/* result.duration of SECONDS, or nothing for a number that is none. */
static void
put_duration(struct strbuf *r, const char *seconds)
{
	long long s = whole(seconds, 1LL << 40);

	if (s >= 0)
		strbuf_addf(r, "%s\"duration\":\"PT%lldS\"", r->len ? "," : "", s);
}

static char *
registration_of(const struct xapi *x, const char *attempt)
{
	char id[UUID_TEXT_LEN + 1];
	char *name = xasprintf("psoas-tutor attempt 1\n%s\n%s", x->learner,
	    attempt);

	uuid_v5(XAPI_NAMESPACE, name, strlen(name), id);
	free(name);
	return xstrdup(id);
}

/* ------------------------------------------------------------ forward */

/* Each maps record f[0..n) (f[1] its time) to statements through emit. */
typedef void (*record_fn)(struct xapi *x, const char *const *f, size_t n);

static void
replace(char **slot, const char *value)
{
	free(*slot);
	*slot = value != NULL ? xstrdup(value) : NULL;
}

static void
rec_name(struct xapi *x, const char *const *f, size_t n)
{
	(void)n;
	replace(&x->name, f[2]);
}

static void
rec_identity(struct xapi *x, const char *const *f, size_t n)
{
	char ts[32];

	(void)n;
	replace(&x->legal_name, f[2]);
	replace(&x->name, f[2]);
	replace(&x->licence, f[3]);
	replace(&x->state, f[4]);
	xapi_timestamp(whole(f[1], 1LL << 40), ts);
	replace(&x->identity_time, ts);
}

static void
rec_attest(struct xapi *x, const char *const *f, size_t n)
{
	char ts[32];

	(void)n;
	replace(&x->attestation, f[2]);
	xapi_timestamp(whole(f[1], 1LL << 40), ts);
	replace(&x->attested, ts);
}

static void
rec_clock(struct xapi *x, const char *const *f, size_t n)
{
	(void)n;
	replace(&x->clock, f[2]);
}

/* The course in use changed: said once, and carried from here on. */
static void
rec_course(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "initialized", .type = "course" };

	replace(&x->digest, f[2]);
	s.object = xstrdup(x->course->iri);
	emit(x, f, n, 0, &s);
}

static void
rec_page(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "experienced" };
	bool first = true;

	for (size_t i = 0; i < x->nopened; i++)
		first = first && strcmp(x->opened[i], f[2]) != 0;
	s.object = activity_iri(x->course, "lessons", f[2], "pages", f[3]);
	s.parent = activity_iri(x->course, "lessons", f[2], NULL, NULL);
	put_ext(&s.ext, x->course, "pages", f[4]);
	emit(x, f, n, 0, &s);
	if (!first)
		return;
	x->opened = xreallocarray(x->opened, x->nopened + 1,
	    sizeof *x->opened);
	x->opened[x->nopened++] = xstrdup(f[2]);
	s = (struct stmt){ .verb = "attempted", .type = "lesson" };
	s.object = activity_iri(x->course, "lessons", f[2], NULL, NULL);
	emit(x, f, n, 1, &s);
}

static void
rec_read(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "experienced" };

	s.object = activity_iri(x->course, "lessons", f[2], "pages", f[3]);
	s.parent = activity_iri(x->course, "lessons", f[2], NULL, NULL);
	put_duration(&s.result, f[4]);
	emit(x, f, n, 0, &s);
}

static void
rec_time(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "experienced", .type = "lesson" };

	s.object = activity_iri(x->course, "lessons", f[2], NULL, NULL);
	put_duration(&s.result, f[3]);
	emit(x, f, n, 0, &s);
}

static void
rec_done(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "completed", .type = "lesson" };

	s.object = activity_iri(x->course, "lessons", f[2], NULL, NULL);
	strbuf_puts(&s.result, "\"completion\":true");
	emit(x, f, n, 0, &s);
}

static void
rec_quiz_start(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "attempted", .type = "assessment" };

	s.object = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	s.registration = registration_of(x, f[3]);
	put_ext(&s.ext, x->course, "attempt", f[3]);
	put_ext(&s.ext, x->course, "questions", f[4]);
	if (n == 7) {		/* quiz-draw */
		put_ext(&s.ext, x->course, "seed", f[5]);
		put_ext(&s.ext, x->course, "draw", f[6]);
	}
	emit(x, f, n, 0, &s);
}

/* Whether the learner's machine graded answers to quiz (xapi.h). */
static bool
graded_here(const struct xapi *x, const char *quiz)
{
	return !(x->course->learner_edition &&
	    strcmp(quiz, x->course->posttest) == 0);
}

/*
 * result.score from the record's points of max, when they make a valid
 * score.  All three numbers are written in the journal's own form
 * (POINTS_RECORD): raw and max are then the recorded text itself, and
 * that form is fixed point with a '.', never an exponent, so every value
 * is a JSON number the xAPI validator takes; scaled, a ratio from 0 to 1,
 * keeps 6 decimals.
 */
static void
put_score(struct strbuf *r, const char *points, const char *max)
{
	char raw[POINTS_BUF], top[POINTS_BUF], scaled[POINTS_BUF];
	double p, m;

	if (!points_parse(points, &p) || !points_parse(max, &m) || m <= 0 ||
	    p < 0 || p > m)
		return;
	points_format(raw, sizeof raw, p, POINTS_RECORD);
	points_format(top, sizeof top, m, POINTS_RECORD);
	points_format(scaled, sizeof scaled, p / m, POINTS_RECORD);
	strbuf_addf(r, ",\"score\":{\"raw\":%s,\"min\":0,\"max\":%s,"
	    "\"scaled\":%s}", raw, top, scaled);
}

/* result.response (and the exact bytes when they are not UTF-8). */
static void
put_response(struct stmt *s, const struct xapi_course *c, const char *answer)
{
	static const char hex[] = "0123456789abcdef";

	put_key(&s->result, "response");
	if (!json_put_string(&s->result, answer, strlen(answer))) {
		struct strbuf h = {0}, e = {0};

		for (const unsigned char *p = (const unsigned char *)answer;
		    *p != '\0'; p++) {
			char d[2] = { hex[*p >> 4], hex[*p & 15] };

			strbuf_add(&h, d, 2);
		}
		put_ext(&e, c, "response-hex", h.s);
		strbuf_addf(&s->result, ",\"extensions\":{%s}", e.s);
		strbuf_destroy(&e);
		strbuf_destroy(&h);
	}
}

static void
rec_answer(struct xapi *x, const char *const *f, size_t n)
{
	/* QUIZ ATTEMPT QINDEX QUESTION TRY VERDICT POINTS MAX HINTS ANSWER */
	struct stmt s = { .verb = "answered", .type = "question" };
	bool final = strcmp(f[0], rectype_name(REC_ANSWER)) == 0;
	enum outcome o;
	bool graded = outcome_parse(f[7], &o) && (o == OUTCOME_CORRECT ||
	    o == OUTCOME_PARTIAL || o == OUTCOME_INCORRECT);

	s.object = activity_iri(x->course, "quizzes", f[2], "questions", f[5]);
	s.parent = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	s.registration = registration_of(x, f[3]);
	put_response(&s, x->course, f[11]);
	strbuf_addf(&s.result, ",\"completion\":%s", final ? "true" : "false");
	if (graded && graded_here(x, f[2])) {
		strbuf_addf(&s.result, ",\"success\":%s",
		    o == OUTCOME_CORRECT ? "true" : "false");
		put_score(&s.result, f[8], f[9]);
	}
	put_ext(&s.ext, x->course, "attempt", f[3]);
	put_ext(&s.ext, x->course, "position", f[4]);
	put_ext(&s.ext, x->course, "try", f[6]);
	put_ext(&s.ext, x->course, "hints", f[10]);
	put_ext(&s.ext, x->course, "final", final ? "yes" : "no");
	if (o == OUTCOME_SKIPPED)
		put_ext(&s.ext, x->course, "skipped", "yes");
	emit(x, f, n, 0, &s);
}

static void
rec_hint(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "interacted", .type = "question" };

	s.object = activity_iri(x->course, "quizzes", f[2], "questions", f[5]);
	s.parent = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	s.registration = registration_of(x, f[3]);
	put_ext(&s.ext, x->course, "attempt", f[3]);
	put_ext(&s.ext, x->course, "position", f[4]);
	put_ext(&s.ext, x->course, "hints-shown", f[6]);
	emit(x, f, n, 0, &s);
}

static void
rec_quiz_end(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "completed", .type = "assessment" };
	enum attempt_result result;
	bool pass = outcome_attempt_parse(f[6], &result) &&
	    result == ATTEMPT_PASS;

	s.object = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	s.registration = registration_of(x, f[3]);
	strbuf_puts(&s.result, "\"completion\":true");
	put_ext(&s.ext, x->course, "attempt", f[3]);
	emit(x, f, n, 0, &s);
	if (!graded_here(x, f[2]))
		return;
	s = (struct stmt){ .verb = pass ? "passed" : "failed",
		.type = "assessment" };
	s.object = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	s.registration = registration_of(x, f[3]);
	strbuf_addf(&s.result, "\"success\":%s,\"completion\":true",
	    pass ? "true" : "false");
	put_score(&s.result, f[4], f[5]);
	put_ext(&s.ext, x->course, "attempt", f[3]);
	emit(x, f, n, 1, &s);
}

static void
rec_completion(struct xapi *x, const char *const *f, size_t n)
{
	struct stmt s = { .verb = "completed", .type = "course" };

	s.object = xstrdup(x->course->iri);
	strbuf_puts(&s.result, "\"completion\":true");
	for (size_t i = 2; i + 1 < n; i += 2)
		if (strcmp(f[i], "number") == 0)
			put_ext(&s.ext, x->course, "certificate", f[i + 1]);
	put_ext(&s.ext, x->course, "self-reported", "yes");
	emit(x, f, n, 0, &s);
}

static void
rec_evaluation(struct xapi *x, const char *const *f, size_t n)
{
	/* CERTIFICATE ITEM KIND ANSWER PROMPT */
	struct stmt s = { .verb = "responded", .type = "question" };

	s.object = activity_iri(x->course, "evaluation", f[3], NULL, NULL);
	put_response(&s, x->course, f[5]);
	put_ext(&s.ext, x->course, "certificate", f[2]);
	put_ext(&s.ext, x->course, "kind", f[4]);
	put_ext(&s.ext, x->course, "prompt", f[6]);
	emit(x, f, n, 0, &s);
}

static void
rec_practice(struct xapi *x, const char *const *f, size_t n)
{
	/* QUIZ QUESTION VERDICT HINTS ANSWER */
	struct stmt s = { .verb = "answered", .type = "question" };

	s.object = activity_iri(x->course, "quizzes", f[2], "questions", f[3]);
	s.parent = activity_iri(x->course, "quizzes", f[2], NULL, NULL);
	put_response(&s, x->course, f[6]);
	if (!outcome_is(f[4], OUTCOME_SKIPPED))
		strbuf_addf(&s.result, ",\"success\":%s",
		    outcome_is(f[4], OUTCOME_CORRECT) ? "true" : "false");
	put_ext(&s.ext, x->course, "practice", "yes");
	put_ext(&s.ext, x->course, "hints", f[5]);
	emit(x, f, n, 0, &s);
}

/* The statement each record type makes (rectype.h); NULL: none. */
static const record_fn record_maps[REC_NTYPES] = {
	[REC_NAME] = rec_name,
	[REC_IDENTITY] = rec_identity,
	[REC_ATTEST] = rec_attest,
	[REC_CLOCK] = rec_clock,
	[REC_COURSE] = rec_course,
	[REC_PAGE] = rec_page,
	[REC_READ] = rec_read,
	[REC_TIME] = rec_time,
	[REC_DONE] = rec_done,
	[REC_QUIZ_START] = rec_quiz_start,
	[REC_QUIZ_DRAW] = rec_quiz_start,
	[REC_TRY] = rec_answer,
	[REC_ANSWER] = rec_answer,
	[REC_HINT] = rec_hint,
	[REC_QUIZ_END] = rec_quiz_end,
	[REC_COMPLETION] = rec_completion,
	[REC_EVALUATION] = rec_evaluation,
	[REC_PRACTICE] = rec_practice,
};

void
xapi_init(struct xapi *x, const struct xapi_course *c, const char *learner)
{
	memset(x, 0, sizeof *x);
	x->course = c;
	x->learner = xstrdup(learner);
}

void
xapi_destroy(struct xapi *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->statements[i]);
	free(x->statements);
	for (size_t i = 0; i < x->nopened; i++)
		free(x->opened[i]);
	free(x->opened);
	free(x->learner);
	free(x->name);
	free(x->legal_name);
	free(x->licence);
	free(x->state);
	free(x->identity_time);
	free(x->attestation);
	free(x->attested);
	free(x->clock);
	free(x->digest);
	memset(x, 0, sizeof *x);
}

void
xapi_add_record(struct xapi *x, const char *const *f, size_t n)
{
	enum rectype t;

	x->records++;
	if (n < 2 || whole(f[1], 1LL << 40) < 0)
		return;		/* no time: no record any reader keeps */
	if (rectype_parse(f[0], &t) && record_maps[t] != NULL &&
	    rectype_fits(t, n))
		record_maps[t](x, f, n);
}

/* The records of a journal read again, past those x has seen. */
struct feeding {
	struct xapi *x;
	size_t seen;
};

static int
feed(void *arg, const char *const *fields, size_t n, char **why)
{
	struct feeding *fd = arg;

	(void)why;
	if (fd->seen++ >= fd->x->records)
		xapi_add_record(fd->x, fields, n);
	return 0;
}

int
xapi_read_journal(struct xapi *x, const char *path, char **cause)
{
	struct feeding fd = { .x = x };
	struct journal *j;
	struct diag d;

	diag_init(&d);
	j = journal_open_readonly(path, feed, &fd, &d, cause);
	diag_destroy(&d);
	if (j == NULL)
		return -1;
	journal_close(j);
	return 0;
}

/* ----------------------------------------------------------- backward */

/* What a statement of a submission says, read back. */
struct said {
	const struct xapi_course *c;
	const struct json *st;
	const char *verb;	/* after VERB_BASE */
	char *kind, *id;	/* "lessons" and the lesson id; "" for the course */
	char *sub, *subid;	/* "pages" and the page; or NULL */
	long long when;
	char **f;		/* the record being made */
	size_t *n;
};

/* A context extension's string value, or NULL. */
static const char *
ext(const struct said *s, const char *name)
{
	const struct json *ctx = json_get(s->st, "context");
	char *key = xasprintf("%s/ext/%s", s->c->iri, name);
	const char *v = json_get_string(json_get(ctx, "extensions"), key);

	free(key);
	return v;
}

static void
add(struct said *s, const char *value)
{
	s->f[(*s->n)++] = xstrdup(value);
}

/* Start the record: its type and its time. */
static void
begin(struct said *s, enum rectype type)
{
	add(s, rectype_name(type));
	s->f[(*s->n)++] = xasprintf("%lld", s->when);
}

/* Extension name, which the record needs: added, or *why says so. */
static int
need(struct said *s, const char *name, char **why)
{
	const char *v = ext(s, name);

	if (v == NULL) {
		*why = xasprintf("it lacks the %s extension the tutor writes",
		    name);
		return -1;
	}
	add(s, v);
	return 0;
}

/* result.duration PTnS as seconds, -1 when absent, -2 when not ours. */
static long long
duration(const struct said *s)
{
	const char *d = json_get_string(json_get(s->st, "result"), "duration");
	long long v;
	size_t len;
	char *num;

	if (d == NULL)
		return -1;
	len = strlen(d);
	if (len < 4 || strncmp(d, "PT", 2) != 0 || d[len - 1] != 'S')
		return -2;
	num = xstrndup(d + 2, len - 3);
	v = whole(num, 1LL << 40);
	free(num);
	return v < 0 ? -2 : v;
}

static int
back_ignore(struct said *s, char **why)
{
	(void)s;
	(void)why;
	return 0;
}

static int
back_page(struct said *s, char **why)
{
	long long d = duration(s);

	if (d == -2) {
		*why = xstrdup("its duration is not PTnS");
		return -1;
	}
	begin(s, d >= 0 ? REC_READ : REC_PAGE);
	add(s, s->id);
	add(s, s->subid);
	if (d >= 0) {
		s->f[(*s->n)++] = xasprintf("%lld", d);
		return 0;
	}
	return need(s, "pages", why);
}

static int
back_time(struct said *s, char **why)
{
	long long d = duration(s);

	if (d < 0) {
		*why = xstrdup("time on a lesson needs a duration PTnS");
		return -1;
	}
	begin(s, REC_TIME);
	add(s, s->id);
	s->f[(*s->n)++] = xasprintf("%lld", d);
	return 0;
}

static int
back_done(struct said *s, char **why)
{
	(void)why;
	begin(s, REC_DONE);
	add(s, s->id);
	return 0;
}

static int
back_quiz_start(struct said *s, char **why)
{
	bool drawn = ext(s, "seed") != NULL || ext(s, "draw") != NULL;

	begin(s, drawn ? REC_QUIZ_DRAW : REC_QUIZ_START);
	add(s, s->id);
	if (need(s, "attempt", why) != 0 || need(s, "questions", why) != 0)
		return -1;
	return drawn && (need(s, "seed", why) != 0 ||
	    need(s, "draw", why) != 0) ? -1 : 0;
}

/* The answer as typed: the exact bytes in hex when they were not UTF-8. */
static int
response(struct said *s, char **why)
{
	const struct json *r = json_get(s->st, "result");
	char *key = xasprintf("%s/ext/response-hex", s->c->iri);
	const char *hex = json_get_string(json_get(r, "extensions"), key);
	const char *text = json_get_string(r, "response");
	char *out;
	size_t len;

	free(key);
	if (hex == NULL) {
		add(s, text != NULL ? text : "");
		return 0;
	}
	len = strlen(hex);
	out = xmalloc(len / 2 + 1);
	for (size_t i = 0; i < len / 2; i++) {
		int v = hex2(hex + 2 * i);

		if (v <= 0) {
			free(out);
			*why = xstrdup("its response-hex extension is not "
			    "the hex of an answer");
			return -1;
		}
		out[i] = (char)v;
	}
	out[len / 2] = '\0';
	if (len % 2 != 0) {
		free(out);
		*why = xstrdup("its response-hex extension is not the hex of "
		    "an answer");
		return -1;
	}
	s->f[(*s->n)++] = out;
	return 0;
}

static int
back_answer(struct said *s, char **why)
{
	const char *final = ext(s, "final"), *skipped = ext(s, "skipped");

	if (ext(s, "practice") != NULL)
		return 0;	/* practice: spaced review, never graded */
	if (final == NULL) {
		*why = xstrdup("it lacks the final extension the tutor writes");
		return -1;
	}
	begin(s, strcmp(final, "yes") == 0 ? REC_ANSWER : REC_TRY);
	add(s, s->id);
	if (need(s, "attempt", why) != 0 || need(s, "position", why) != 0)
		return -1;
	add(s, s->subid);
	if (need(s, "try", why) != 0)
		return -1;
	/* The verdict and points are the provider's to find: placeholders. */
	add(s, outcome_name(skipped != NULL && strcmp(skipped, "yes") == 0 ?
	    OUTCOME_SKIPPED : OUTCOME_INCORRECT));
	add(s, "0");
	add(s, "1");
	if (need(s, "hints", why) != 0)
		return -1;
	return response(s, why);
}

static int
back_hint(struct said *s, char **why)
{
	begin(s, REC_HINT);
	add(s, s->id);
	if (need(s, "attempt", why) != 0 || need(s, "position", why) != 0)
		return -1;
	add(s, s->subid);
	return need(s, "hints-shown", why);
}

static int
back_quiz_end(struct said *s, char **why)
{
	begin(s, REC_QUIZ_END);
	add(s, s->id);
	if (need(s, "attempt", why) != 0)
		return -1;
	add(s, "0");
	add(s, "0");
	/* The provider decides; replay needs one. */
	add(s, outcome_attempt_name(ATTEMPT_FAIL));
	return 0;
}

static int
back_evaluation(struct said *s, char **why)
{
	begin(s, REC_EVALUATION);
	if (need(s, "certificate", why) != 0)
		return -1;
	add(s, s->id);
	if (need(s, "kind", why) != 0 || response(s, why) != 0)
		return -1;
	return need(s, "prompt", why);
}

static int
back_course(struct said *s, char **why)
{
	(void)why;
	begin(s, REC_COURSE);
	add(s, ext(s, "digest"));	/* checked: the provider's */
	return 0;
}

static const struct statement_map {
	const char *verb;
	const char *kind;	/* "" for the course itself */
	const char *sub;	/* NULL: the activity itself */
	int (*fn)(struct said *, char **why);
} statement_maps[] = {
	{ "experienced", "lessons", "pages", back_page },
	{ "experienced", "lessons", NULL, back_time },
	{ "attempted", "lessons", NULL, back_ignore },
	{ "completed", "lessons", NULL, back_done },
	{ "attempted", "quizzes", NULL, back_quiz_start },
	{ "answered", "quizzes", "questions", back_answer },
	{ "interacted", "quizzes", "questions", back_hint },
	{ "completed", "quizzes", NULL, back_quiz_end },
	{ "passed", "quizzes", NULL, back_ignore },
	{ "failed", "quizzes", NULL, back_ignore },
	{ "initialized", "", NULL, back_course },
	{ "completed", "", NULL, back_ignore },
	{ "responded", "evaluation", NULL, back_evaluation },
};

/* One %-encoded IRI segment s[0..len) decoded, or NULL. */
static char *
segment(const char *s, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t k = 0;

	for (size_t i = 0; i < len; i++) {
		int v;

		if (s[i] != '%') {
			out[k++] = s[i];
			continue;
		}
		if (i + 2 >= len || (v = hex2(s + i + 1)) <= 0) {
			free(out);
			return NULL;
		}
		out[k++] = (char)v;
		i += 2;
	}
	out[k] = '\0';
	if (k == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* The activity of s->st's object under the course IRI, into s. */
static int
read_object(struct said *s, char **why)
{
	const char *id = json_get_string(json_get(s->st, "object"), "id");
	size_t base = strlen(s->c->iri);
	const char *p, *slash;
	char *parts[4] = { NULL, NULL, NULL, NULL };
	int k = 0;

	if (id == NULL || strncmp(id, s->c->iri, base) != 0 ||
	    (id[base] != '\0' && id[base] != '/')) {
		*why = xasprintf("its activity %s is not part of course %s",
		    id != NULL ? id : "(none)", s->c->iri);
		return -1;
	}
	for (p = id + base; *p == '/' && k < 4; p = slash) {
		p++;
		slash = strchr(p, '/');
		if (slash == NULL)
			slash = p + strlen(p);
		parts[k] = k % 2 == 0 ? xstrndup(p, (size_t)(slash - p)) :
		    segment(p, (size_t)(slash - p));
		if (parts[k++] == NULL || parts[k - 1][0] == '\0')
			break;
	}
	if (*p != '\0' || k % 2 != 0 || (k > 0 && (parts[k - 1] == NULL ||
	    parts[k - 1][0] == '\0'))) {
		for (int i = 0; i < 4; i++)
			free(parts[i]);
		*why = xasprintf("its activity %s is none this course's tutor "
		    "names", id);
		return -1;
	}
	s->kind = parts[0] != NULL ? parts[0] : xstrdup("");
	s->id = parts[1];
	s->sub = parts[2];
	s->subid = parts[3];
	return 0;
}

int
xapi_statement_record(const struct xapi_course *c, const char *learner,
    const struct json *st, char **fields, size_t *n, char **why)
{
	const struct json *account = json_get(json_get(st, "actor"), "account");
	const char *verb = json_get_string(json_get(st, "verb"), "id");
	const char *home = json_get_string(account, "homePage");
	const char *who = json_get_string(account, "name");
	struct said s = { .c = c, .st = st, .f = fields, .n = n };
	const char *digest;
	int rc = -1;

	*n = 0;
	if (st == NULL || st->type != JSON_OBJECT) {
		*why = xstrdup("it is not a JSON object");
		return -1;
	}
	if (home == NULL || who == NULL || strcmp(home, c->site) != 0 ||
	    strcmp(who, learner) != 0) {
		*why = xasprintf("its actor is not learner %s of %s", learner,
		    c->site);
		return -1;
	}
	if ((digest = ext(&s, "digest")) == NULL ||
	    strcmp(digest, c->digest) != 0) {
		*why = xasprintf("it was made from another course (digest "
		    "%.64s, not this course's %s)", digest != NULL ? digest :
		    "none", c->digest);
		return -1;
	}
	s.when = xapi_parse_timestamp(json_get_string(st, "timestamp"));
	if (s.when < 0) {
		*why = xstrdup("its timestamp is not YYYY-MM-DDTHH:MM:SSZ");
		return -1;
	}
	if (verb == NULL || strncmp(verb, VERB_BASE, strlen(VERB_BASE)) != 0) {
		*why = xstrdup("its verb is none the tutor writes");
		return -1;
	}
	s.verb = verb + strlen(VERB_BASE);
	if (read_object(&s, why) != 0)
		return -1;
	for (size_t i = 0; i < sizeof statement_maps /
	    sizeof statement_maps[0]; i++) {
		const struct statement_map *m = &statement_maps[i];

		if (strcmp(m->verb, s.verb) != 0 ||
		    strcmp(m->kind, s.kind) != 0 ||
		    (m->sub == NULL) != (s.sub == NULL) ||
		    (m->sub != NULL && strcmp(m->sub, s.sub) != 0))
			continue;
		rc = m->fn(&s, why);
		goto out;
	}
	*why = xasprintf("'%s' of that activity is no statement the tutor "
	    "writes", s.verb);
out:
	if (rc != 0) {
		for (size_t i = 0; i < *n; i++)
			free(fields[i]);
		*n = 0;
	}
	free(s.kind);
	free(s.id);
	free(s.sub);
	free(s.subid);
	return rc;
}
