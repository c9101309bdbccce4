/*
 * When a course is complete, what is recorded at that moment, and the
 * certificate rebuilt from that record (certify.h).  Nothing here reads
 * today's course files to fill in a certificate: only the deciding of
 * completion and the recording itself look at the course.
 */
#include "config.h"

#include <sys/random.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "certificate.h"
#include "certify.h"
#include "clock.h"
#include "defaults.h"
#include "gate.h"
#include "grade.h"
#include "strbuf.h"
#include "xmalloc.h"

static const struct quiz *
posttest_of(const struct course *c)
{
	for (size_t i = 0; i < c->nquizzes; i++)
		if (c->quizzes[i]->posttest)
			return c->quizzes[i];
	return NULL;
}

/* The first finished attempt that passed: the score the learner earned. */
static const struct quiz_attempt *
first_pass(const struct quiz_progress *qp)
{
	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++)
		if (qp->attempts[i].finished != 0 && qp->attempts[i].passed)
			return &qp->attempts[i];
	return NULL;
}

/* Who the learner is, in a message: the name on record, else the id. */
static const char *
who(const struct progress *p)
{
	const char *full = progress_full_name(p);

	return full != NULL && full[0] != '\0' ? full : progress_learner(p);
}

/*
 * What is left of the post-test.  A learner edition's is graded by the
 * provider only, which issues the certificate: locally it is at most
 * awaiting the provider, never passed.
 */
static void
posttest_left(struct strbuf *why, const struct quiz *post,
    const struct quiz_progress *qp)
{
	if (!post->keyless)
		strbuf_addf(why, "\n  pass the post-test (quiz %s, pass mark "
		    "%d%%)", post->id, post->pass);
	else if (qp != NULL && qp->awaiting)
		strbuf_addf(why, "\n  the post-test (quiz %s) is awaiting the "
		    "provider: your answers go to your provider for grading, "
		    "and the provider issues the certificate", post->id);
	else
		strbuf_addf(why, "\n  take the post-test (quiz %s): your "
		    "answers go to your provider for grading, and the provider "
		    "issues the certificate", post->id);
}

/*
 * The completion rule.  Returns the passing attempt when p has completed
 * c; otherwise NULL, and when why is not NULL says there everything that
 * is left, one requirement a line after the first.
 */
static const struct quiz_attempt *
completed(const struct course *c, const struct progress *p,
    struct strbuf *why)
{
	const struct quiz *post = posttest_of(c);
	const struct quiz_attempt *a;
	size_t unmet = 0, mark = why != NULL ? why->len : 0;

	if (post == NULL) {
		if (why != NULL)
			strbuf_puts(why, "this course has no post-test, so it "
			    "has no certificate");
		return NULL;
	}
	if (why != NULL)
		strbuf_addf(why, "No certificate yet for %s; still to do:",
		    who(p));
	a = first_pass(progress_quiz(p, post->id));
	if (a == NULL) {
		if (why != NULL)
			posttest_left(why, post, progress_quiz(p, post->id));
		unmet++;
	}
	for (size_t i = 0; i < c->nlessons - c->nreference; i++) {
		/* Orientation is not course content (words.h, gate.h). */
		if (c->lessons[i]->orientation ||
		    gate_lesson_done(c, p, c->lessons[i]))
			continue;
		if (why != NULL)
			strbuf_addf(why, "\n  read %s (%s) to its end",
			    c->lessons[i]->title, c->lessons[i]->id);
		unmet++;
	}
	if (unmet == 0 && why != NULL && why->s != NULL)
		why->s[why->len = mark] = '\0';
	return unmet == 0 ? a : NULL;
}

/* ----------------------------------------------------------- recording */

/*
 * Certificate numbers: the course id in capitals, the date, and 10
 * random characters from an alphabet without 0/O and 1/I/L, so one can
 * be read out over the phone.  50 random bits: two learners completing
 * on the same day would have to be extraordinarily unlucky to collide.
 */
char *
certify_new_number(const char *course, time_t now)
{
	static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	unsigned char rnd[10];
	char id[40], date[16], tail[11];
	size_t k = 0;
	struct tm tm;

	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
		/* No entropy call: time and pid still differ between runs. */
		unsigned long x = (unsigned long)now * 2654435761u ^
		    (unsigned long)getpid();

		for (size_t i = 0; i < sizeof rnd; i++, x = x * 6364136223846793005u + 1)
			rnd[i] = (unsigned char)(x >> 33);
	}
	for (const char *s = course; *s != '\0' && k + 1 < sizeof id; s++)
		id[k++] = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
	id[k] = '\0';
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y%m%d", &tm);
	for (size_t i = 0; i < sizeof rnd; i++)
		tail[i] = alphabet[rnd[i] % (sizeof alphabet - 1)];
	tail[sizeof rnd] = '\0';
	return xasprintf("%s-%s-%s", k > 0 ? id : "PT", date, tail);
}

struct pairs {
	const char **kv;
	size_t n;		/* pairs */
	char **owned;		/* strings made here */
	size_t nowned;
};

static void
put(struct pairs *ps, const char *key, const char *value)
{
	ps->kv = xreallocarray(ps->kv, 2 * (ps->n + 1), sizeof *ps->kv);
	ps->kv[2 * ps->n] = key;
	ps->kv[2 * ps->n + 1] = value != NULL ? value : "";
	ps->n++;
}

static void
put_owned(struct pairs *ps, const char *key, char *value)
{
	ps->owned = xreallocarray(ps->owned, ps->nowned + 1,
	    sizeof *ps->owned);
	ps->owned[ps->nowned++] = value;
	put(ps, key, value);
}

static void
pairs_free(struct pairs *ps)
{
	for (size_t i = 0; i < ps->nowned; i++)
		free(ps->owned[i]);
	free(ps->owned);
	free(ps->kv);
}

static long
lesson_seconds(const struct course *c, const struct progress *p)
{
	long seconds = 0;

	for (size_t i = 0; i < c->nlessons - c->nreference; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);

		if (lp != NULL)
			seconds += lp->seconds;
	}
	return seconds;
}

int
certify_record(struct progress *p, const struct course *c,
    const char **number, char **cause)
{
	const struct manifest *m = c->manifest;
	const struct quiz *post = posttest_of(c);
	const struct quiz_attempt *a;
	struct pairs ps = {0};
	size_t n;
	int rc;

	progress_completions(p, &n);
	if (n > 0 || (a = completed(c, p, NULL)) == NULL)
		return 0;
	put_owned(&ps, "number", certify_new_number(m != NULL ? m->course : "",
	    clock_now()));
	if (m != NULL) {
		put(&ps, "course", m->course);
		put(&ps, "title", m->title);
		put(&ps, "version", m->version);
		put(&ps, "type", m->type);
		put(&ps, "hours", m->hours);
		put(&ps, "provider-name", m->provider_name);
		put(&ps, "provider-address", m->provider_address);
		put(&ps, "provider-email", m->provider_email);
		put(&ps, "provider-number", m->provider_number);
		for (size_t i = 0; i < m->napprovals; i++)
			put_owned(&ps, "approval", xasprintf("%s: %s",
			    m->approvals[i].board, m->approvals[i].number));
	} else {
		put(&ps, "title", COURSE_TITLE);
	}
	put(&ps, "posttest", post->id);
	put(&ps, "posttest-title", post->title);
	put(&ps, "attempt", a->id);
	put_owned(&ps, "score", xasprintf("%d", grade_whole_percent(a->score,
	    a->max)));
	put_owned(&ps, "pass", xasprintf("%d", m != NULL ? m->pass :
	    post->pass));
	/* The score is the latest grading: say when a regrade gave it. */
	if (a->regraded != 0)
		put_owned(&ps, "regraded", xasprintf("%lld",
		    (long long)a->regraded));
	put_owned(&ps, "seconds", xasprintf("%ld", lesson_seconds(c, p)));
	put(&ps, "learner", progress_learner(p));
	put(&ps, "name", progress_full_name(p));
	/* What was on record now: a later change never alters it. */
	put(&ps, "licence", progress_licence(p));
	put(&ps, "licence-state", progress_licence_state(p));
	if (progress_attested(p) != 0)
		put_owned(&ps, "attested", xasprintf("%lld",
		    (long long)progress_attested(p)));
	if (progress_clock_injected(p))
		put(&ps, "test-clock", "yes");
	put(&ps, "self-reported", "yes");

	rc = progress_record_completion(p, ps.kv, ps.n, cause);
	pairs_free(&ps);
	if (number != NULL) {
		const struct completion *done = progress_completions(p, &n);

		*number = n > 0 ? completion_get(&done[0], "number") : NULL;
	}
	return rc == 0 ? 1 : -1;
}

/* -------------------------------------------------------- certificate */

static long
to_long(const char *s)
{
	return s != NULL ? strtol(s, NULL, 10) : 0;
}

int
certify_print(FILE *out, const char *pdf_path, int width,
    const struct course *c, const struct progress *p, char **cause)
{
	const struct completion *done;
	struct certificate cert;
	const char **approvals;
	char date[16] = "", attested[32];
	struct tm tm;
	size_t n, napprovals = 0;
	int rc = 0;

	*cause = NULL;
	done = progress_completions(p, &n);
	if (n == 0) {
		struct strbuf why = {0};

		if (completed(c, p, &why) != NULL)
			strbuf_addf(&why, "the course is complete but its "
			    "completion is not recorded yet: start psoas-tutor "
			    "once (as learner %s) to record it",
			    progress_learner(p));
		*cause = strbuf_take(&why);
		return 1;
	}
	approvals = xcalloc(done->n + 1, sizeof *approvals);
	for (size_t i = 0; i < done->n; i++)
		if (strcmp(done->keys[i], "approval") == 0)
			approvals[napprovals++] = done->values[i];
	if (gmtime_r(&done->when, &tm) != NULL)
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
	cert = (struct certificate){
		.number = completion_get(done, "number"),
		.participant = completion_get(done, "name"),
		.learner = completion_get(done, "learner"),
		.licence = completion_get(done, "licence"),
		.licence_state = completion_get(done, "licence-state"),
		.title = completion_get(done, "title"),
		.course = completion_get(done, "course"),
		.version = completion_get(done, "version"),
		.type = completion_get(done, "type"),
		.hours = completion_get(done, "hours"),
		.completed = date,
		.provider_name = completion_get(done, "provider-name"),
		.provider_address = completion_get(done, "provider-address"),
		.provider_email = completion_get(done, "provider-email"),
		.provider_number = completion_get(done, "provider-number"),
		.approvals = approvals,
		.napprovals = napprovals,
		.posttest = completion_get(done, "posttest-title"),
		.attempt = completion_get(done, "attempt"),
		.score = (int)to_long(completion_get(done, "score")),
		.pass = (int)to_long(completion_get(done, "pass")),
		.seconds = to_long(completion_get(done, "seconds")),
		/* Only a provider's check can make it anything else. */
		.self_reported = true,
		.test_clock = completion_get(done, "test-clock") != NULL,
		.attested = certify_attested_text(
		    (time_t)to_long(completion_get(done, "attested")), attested),
	};
	if (cert.participant == NULL || cert.participant[0] == '\0')
		cert.participant = cert.learner;
	if (pdf_path != NULL) {
		if (certificate_write_pdf(pdf_path, &cert, cause) != 0) {
			rc = -1;
		} else {
			fprintf(out, "Certificate %s written to %s\n",
			    cert.number != NULL ? cert.number : "", pdf_path);
		}
	} else if (certificate_write_text(out, &cert, width) != 0) {
		rc = -1;
	}
	free(approvals);
	return rc;
}

const char *
certify_attested_text(time_t t, char buf[32])
{
	struct tm tm;

	if (t <= 0 || gmtime_r(&t, &tm) == NULL)
		return NULL;
	strftime(buf, 32, "%Y-%m-%d %H:%M UTC", &tm);
	return buf;
}
