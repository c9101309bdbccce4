/*
 * A learner's progress, rebuilt from the journal at start-up and kept in
 * step with it afterwards.  Every change goes through one path: build the
 * record's fields, append them to the journal, then apply those same
 * fields with the function that replays the journal.  So what the session
 * shows is exactly what a restart will rebuild, and a record type cannot
 * be written in a form that replay does not understand.
 *
 * Record layouts (fields after the type; all records have TIME, seconds
 * since the epoch, as their second field):
 *   name        TIME FULL-NAME
 *   page        TIME LESSON PAGE PAGES
 *   done        TIME LESSON
 *   time        TIME LESSON SECONDS
 *   course      TIME DIGEST
 *   quiz-start  TIME QUIZ ATTEMPT NQUESTIONS
 *   quiz-draw   TIME QUIZ ATTEMPT NQUESTIONS SEED QUESTIONS
 *   try         TIME QUIZ ATTEMPT QINDEX QUESTION TRY VERDICT POINTS MAX
 *               HINTS ANSWER
 *   answer      TIME QUIZ ATTEMPT QINDEX QUESTION TRY VERDICT POINTS MAX
 *               HINTS ANSWER
 *   quiz-end    TIME QUIZ ATTEMPT SCORE MAX pass|fail|ungraded
 *   completion  TIME KEY VALUE [KEY VALUE ...]
 *   evaluation  TIME CERTIFICATE ITEM likert|text ANSWER PROMPT
 *   practice    TIME QUIZ QUESTION VERDICT HINTS ANSWER
 *   regrade     TIME QUIZ ATTEMPT QINDEX QUESTION TRY VERDICT POINTS MAX
 *               yes|no
 *   rescore     TIME QUIZ ATTEMPT SCORE MAX pass|fail
 *   flag        TIME QUIZ ATTEMPT QUESTION TRY VERDICT ANSWER REASON
 * A "try" is a graded answer that left a try to go; an "answer" is the
 * final one to its question (right, out of tries, or skipped).  Only an
 * "answer" moves the attempt on, so a sitting left after a wrong try
 * resumes at that question.  Journals from before "try" records existed
 * hold final answers only, and read the same.
 * A "practice" record is one graded try in practice (practice.h): it
 * feeds spaced review (srs.h) and never a quiz's attempts or scores.
 * A "completion" holds what a certificate needs, as it was when the
 * course was completed (certify.h lists the keys); its pairs let later
 * versions add keys without a new record type.
 * A "regrade" grades one try of a finished attempt again with the course
 * as it is today (rescore.h): the try's new verdict and points, and
 * whether it now closes its question (yes|no).  A "rescore" follows with
 * the attempt's new score and result.  Both change the grading only:
 * what the learner typed, and when, stays as the try records say, which
 * is all a provider's grading reads (regrade.h).  A "flag" is the
 * learner saying a verdict was wrong, with the try as graded then.
 * Points are written as points.h's POINTS_RECORD: fixed point with at
 * most 6 decimals and no locale, so "0.75" reads the same under every
 * LC_NUMERIC.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "defaults.h"
#include "journal.h"
#include "licence.h"
#include "msg.h"
#include "outcome.h"
#include "points.h"
#include "progress.h"
#include "rectype.h"
#include "text.h"
#include "xmalloc.h"

#define LEARNER_MAX 64		/* bytes in a learner's short name */
#define JOURNAL_SUFFIX ".journal"	/* learners/NAME.journal */
#define MAX_COUNT 100000	/* pages, questions, tries, hints: sanity bound */

/* A quiz's progress plus, per attempt, when it last moved (for resume). */
struct quiz_slot {
	struct quiz_progress q;
	unsigned long *seq;	/* parallel to q.attempts */
	/*
	 * Attempt ids hashed to index + 1 (0 = free), open addressing,
	 * nbuckets a power of 2 at least twice nattempts.  Every record of
	 * an attempt looks it up, so a linear search made replaying a
	 * journal of many attempts quadratic.
	 */
	size_t *buckets;
	size_t nbuckets;
};

struct progress {
	char *learner;
	char *full_name;	/* NULL until a name record */
	char *claimed;		/* the attempt this session claimed, or NULL */
	struct journal *j;
	struct lesson_progress **lessons;
	size_t nlessons;
	struct quiz_slot **quizzes;
	size_t nquizzes;
	unsigned long seq;	/* records applied so far */
	struct lesson_progress *last_page;	/* lesson of the last page record */
	unsigned long last_page_seq;
	struct completion *completions;
	size_t ncompletions;
	struct evaluation_answer *evaluations;
	size_t nevaluations;
	char *licence, *licence_state;	/* NULL until an identity record */
	time_t identity_time, attested;	/* 0 until recorded */
	bool clock_injected;		/* some session ran on a test clock */
	char *digest;			/* course in use (digest.h), or NULL */
	struct practice_record *practice;
	size_t npractice;
	long long *hours;	/* hours (unix time / 3600) with a record,
				 * each run of one hour kept once */
	size_t nhours;
	struct flag_record *flags;
	size_t nflags;
	struct regrade_news *news;	/* since the learner's last record */
	size_t nnews;
};

/* ---------------------------------------------------------------- numbers */

static bool
parse_ll(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (!((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' &&
	    s[1] <= '9')))
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* ---------------------------------------------------------------- state */

static struct lesson_progress *
find_lesson(const struct progress *p, const char *id)
{
	for (size_t i = 0; i < p->nlessons; i++)
		if (strcmp(p->lessons[i]->lesson, id) == 0)
			return p->lessons[i];
	return NULL;
}

static struct lesson_progress *
get_lesson(struct progress *p, const char *id)
{
	struct lesson_progress *l = find_lesson(p, id);

	if (l != NULL)
		return l;
	l = xcalloc(1, sizeof *l);
	l->lesson = xstrdup(id);
	p->lessons = xreallocarray(p->lessons, p->nlessons + 1,
	    sizeof *p->lessons);
	p->lessons[p->nlessons++] = l;
	return l;
}

static struct quiz_slot *
find_quiz(const struct progress *p, const char *id)
{
	for (size_t i = 0; i < p->nquizzes; i++)
		if (strcmp(p->quizzes[i]->q.quiz, id) == 0)
			return p->quizzes[i];
	return NULL;
}

static struct quiz_slot *
get_quiz(struct progress *p, const char *id)
{
	struct quiz_slot *s = find_quiz(p, id);

	if (s != NULL)
		return s;
	s = xcalloc(1, sizeof *s);
	s->q.quiz = xstrdup(id);
	s->q.best_pct = -1;
	p->quizzes = xreallocarray(p->quizzes, p->nquizzes + 1,
	    sizeof *p->quizzes);
	p->quizzes[p->nquizzes++] = s;
	return s;
}

/* The bucket holding id, or the free one where it would go. */
static size_t *
attempt_bucket(const struct quiz_slot *s, const char *id)
{
	size_t mask = s->nbuckets - 1;
	size_t b = journal_fnv1a(id, strlen(id)) & mask;

	while (s->buckets[b] != 0 &&
	    strcmp(s->q.attempts[s->buckets[b] - 1].id, id) != 0)
		b = (b + 1) & mask;
	return &s->buckets[b];
}

static struct quiz_attempt *
find_attempt(struct quiz_slot *s, const char *id, size_t *index)
{
	size_t *b;

	if (s->nbuckets == 0)
		return NULL;
	b = attempt_bucket(s, id);
	if (*b == 0)
		return NULL;
	*index = *b - 1;
	return &s->q.attempts[*index];
}

/* Index attempt i, growing the table to stay at most half full. */
static void
index_attempt(struct quiz_slot *s, size_t i)
{
	if (2 * s->q.nattempts > s->nbuckets) {
		free(s->buckets);
		s->nbuckets = s->nbuckets == 0 ? 16 : 2 * s->nbuckets;
		s->buckets = xcalloc(s->nbuckets, sizeof *s->buckets);
		for (size_t k = 0; k < s->q.nattempts; k++)
			if (k != i)
				*attempt_bucket(s, s->q.attempts[k].id) = k + 1;
	}
	*attempt_bucket(s, s->q.attempts[i].id) = i + 1;
}

static struct quiz_attempt *
add_attempt(struct quiz_slot *s, const char *id, time_t started,
    size_t *index)
{
	struct quiz_attempt *a;

	s->q.attempts = xreallocarray(s->q.attempts, s->q.nattempts + 1,
	    sizeof *s->q.attempts);
	s->seq = xreallocarray(s->seq, s->q.nattempts + 1, sizeof *s->seq);
	*index = s->q.nattempts++;
	a = &s->q.attempts[*index];
	memset(a, 0, sizeof *a);
	a->id = xstrdup(id);
	a->started = started;
	index_attempt(s, *index);
	return a;
}

/* The unfinished attempt of a quiz is its latest one, if not ended. */
static struct quiz_attempt *
open_attempt(const struct quiz_slot *s, size_t *index)
{
	struct quiz_attempt *a;

	if (s == NULL || s->q.nattempts == 0)
		return NULL;
	a = &s->q.attempts[s->q.nattempts - 1];
	if (a->finished != 0)
		return NULL;
	if (index != NULL)
		*index = s->q.nattempts - 1;
	return a;
}

static void
free_answer(struct answer_record *r)
{
	free(r->question);
	free(r->answer);
	free(r->verdict);
}

static void
copy_answer(struct answer_record *to, const struct answer_record *from)
{
	*to = *from;
	to->question = xstrdup(from->question);
	to->answer = xstrdup(from->answer);
	to->verdict = xstrdup(from->verdict);
}

/* ---------------------------------------------------------------- apply */

/*
 * One function per record type.  Each gets the fields after TYPE and TIME
 * (already counted), and returns 0, or -1 with *why for a bad field.
 */
typedef int (*apply_fn)(struct progress *, const char *const *, time_t,
    char **);

static int
bad_field(char **why, const char *type, const char *name, const char *value)
{
	*why = xasprintf("%s record: bad %s '%s'", type, name, value);
	return -1;
}

const char *
progress_full_name_problem(const char *name)
{
	static char why[160];
	size_t len = strlen(name);
	uint32_t cp;

	if (len > MAX_FULL_NAME)
		return "it is longer than " MAX_FULL_NAME_TEXT " bytes";
	if (!text_utf8_valid(name, len, NULL))
		return "it is not valid UTF-8 text";
	if (text_has_control(name, len))
		return "it contains control or text-direction characters";
	/* Named, since the learner cannot see it. */
	if ((cp = text_first_invisible(name, len)) != 0) {
		snprintf(why, sizeof why, "it contains U+%04X, an invisible "
		    "character or an unusual space (pasted text often carries "
		    "one), so it is not what it looks like on paper",
		    (unsigned)cp);
		return why;
	}
	return NULL;
}

static int
apply_name(struct progress *p, const char *const *f, time_t when, char **why)
{
	const char *problem = progress_full_name_problem(f[0]);

	(void)when;
	/* A name edited into a journal by hand is checked like a typed one. */
	if (problem != NULL) {
		*why = xasprintf("a full name that cannot be used: %s", problem);
		return -1;
	}
	free(p->full_name);
	p->full_name = f[0][0] != '\0' ? xstrdup(f[0]) : NULL;
	return 0;
}

static int
apply_page(struct progress *p, const char *const *f, time_t when, char **why)
{
	struct lesson_progress *l;
	long long page, pages;

	(void)when;
	if (f[0][0] == '\0')
		return bad_field(why, "page", "lesson", f[0]);
	if (!parse_ll(f[1], 1, MAX_COUNT, &page))
		return bad_field(why, "page", "page", f[1]);
	if (!parse_ll(f[2], 0, MAX_COUNT, &pages))
		return bad_field(why, "page", "page count", f[2]);
	l = get_lesson(p, f[0]);
	l->page = (int)page;
	l->pages = (int)pages;
	if (l->page > l->max_page)
		l->max_page = l->page;
	p->last_page = l;
	p->last_page_seq = p->seq;
	return 0;
}

static int
apply_done(struct progress *p, const char *const *f, time_t when, char **why)
{
	(void)when;
	if (f[0][0] == '\0')
		return bad_field(why, "done", "lesson", f[0]);
	get_lesson(p, f[0])->done = true;
	return 0;
}

static long
clamp_seconds(long long s)
{
	/*
	 * A learner who walked away is not on task: a gap counts for at most
	 * PROGRESS_IDLE_LIMIT, the same clamp the REPL applies, done here
	 * too so no caller (and no hand-edited record) can inflate the time.
	 */
	if (s <= 0)
		return 0;
	return s < PROGRESS_IDLE_LIMIT ? (long)s : PROGRESS_IDLE_LIMIT;
}

static int
apply_time(struct progress *p, const char *const *f, time_t when, char **why)
{
	long long s;

	(void)when;
	if (f[0][0] == '\0')
		return bad_field(why, "time", "lesson", f[0]);
	if (!parse_ll(f[1], 0, LONG_MAX, &s))
		return bad_field(why, "time", "seconds", f[1]);
	get_lesson(p, f[0])->seconds += clamp_seconds(s);
	return 0;
}

static int
apply_reading(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct lesson_progress *l;
	long long page, s;

	(void)when;
	if (f[0][0] == '\0')
		return bad_field(why, "read", "lesson", f[0]);
	if (!parse_ll(f[1], 1, MAX_COUNT, &page))
		return bad_field(why, "read", "page", f[1]);
	if (!parse_ll(f[2], 0, LONG_MAX, &s))
		return bad_field(why, "read", "seconds", f[2]);
	l = get_lesson(p, f[0]);
	l->seconds += clamp_seconds(s);
	if (page > l->npage_seconds) {
		l->page_seconds = xreallocarray(l->page_seconds, (size_t)page,
		    sizeof *l->page_seconds);
		for (long long i = l->npage_seconds; i < page; i++)
			l->page_seconds[i] = 0;
		l->npage_seconds = (int)page;
	}
	l->page_seconds[page - 1] += clamp_seconds(s);
	return 0;
}

/* Legal name, licence number, state: why they cannot be used, or NULL. */
static const char *
identity_problem(const char *const *f)
{
	for (int i = 0; i < 3; i++) {
		const char *problem = f[i] == NULL || f[i][0] == '\0' ?
		    "identity needs a name, a licence number and a state" :
		    progress_full_name_problem(f[i]);

		if (problem != NULL)
			return problem;
	}
	return NULL;
}

static int
apply_identity(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	const char *problem = identity_problem(f), *code;

	/* Fields edited in by hand are checked as typed ones are (idrun.c). */
	if (problem != NULL) {
		*why = xasprintf("an identity that cannot be used: %s",
		    problem);
		return -1;
	}
	free(p->full_name);
	free(p->licence);
	free(p->licence_state);
	p->full_name = xstrdup(f[0]);
	p->licence = xstrdup(f[1]);
	/*
	 * One form for the state (licence.h); a record from before the list
	 * keeps what was typed when it names none of it.
	 */
	code = licence_state_code(f[2]);
	p->licence_state = xstrdup(code != NULL ? code : f[2]);
	p->identity_time = when;
	return 0;
}

static int
apply_attestation(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	if (f[0][0] == '\0')
		return bad_field(why, "attest", "text", f[0]);
	p->attested = when;
	return 0;
}

static int
apply_clock(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	(void)f;
	(void)when;
	(void)why;
	p->clock_injected = true;
	return 0;
}

/* The course in use from here on: its digest goes with every attempt. */
static int
apply_course(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	(void)when;
	if (f[0][0] == '\0')
		return bad_field(why, "course", "digest", f[0]);
	free(p->digest);
	p->digest = xstrdup(f[0]);
	return 0;
}

static int
apply_quiz_start(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct quiz_slot *s;
	struct quiz_attempt *a;
	long long n;
	size_t i;

	if (f[0][0] == '\0')
		return bad_field(why, "quiz-start", "quiz", f[0]);
	if (f[1][0] == '\0')
		return bad_field(why, "quiz-start", "attempt", f[1]);
	if (!parse_ll(f[2], 0, MAX_COUNT, &n))
		return bad_field(why, "quiz-start", "question count", f[2]);
	s = get_quiz(p, f[0]);
	if (find_attempt(s, f[1], &i) != NULL) {
		*why = xasprintf("quiz-start record: attempt %s started twice",
		    f[1]);
		return -1;
	}
	a = add_attempt(s, f[1], when, &i);
	a->nquestions = (size_t)n;
	a->digest = p->digest != NULL ? xstrdup(p->digest) : NULL;
	s->seq[i] = p->seq;
	return 0;
}

/* A quiz-start whose questions were drawn: the same, plus the draw. */
static int
apply_quiz_draw(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct quiz_attempt *a;
	size_t i;
	int rc;

	if (f[3][0] == '\0')
		return bad_field(why, "quiz-draw", "seed", f[3]);
	if (f[4][0] == '\0')
		return bad_field(why, "quiz-draw", "questions", f[4]);
	if ((rc = apply_quiz_start(p, f, when, why)) != 0)
		return rc;
	a = find_attempt(find_quiz(p, f[0]), f[1], &i);
	a->seed = xstrdup(f[3]);
	a->draw = xstrdup(f[4]);
	return 0;
}

/*
 * "try" and "answer" records: the same fields, told apart by whether the
 * answer closed its question.
 */
static int
apply_graded(struct progress *p, const char *const *f, time_t when,
    char **why, const char *type, bool final)
{
	struct quiz_slot *s;
	struct quiz_attempt *a;
	struct answer_record rec, *r;
	long long qindex, try_no, hints;
	size_t i;

	memset(&rec, 0, sizeof rec);
	if (f[0][0] == '\0')
		return bad_field(why, type, "quiz", f[0]);
	if (f[1][0] == '\0')
		return bad_field(why, type, "attempt", f[1]);
	if (!parse_ll(f[2], 0, MAX_COUNT, &qindex))
		return bad_field(why, type, "question index", f[2]);
	if (f[3][0] == '\0')
		return bad_field(why, type, "question", f[3]);
	if (!parse_ll(f[4], 1, MAX_COUNT, &try_no))
		return bad_field(why, type, "try", f[4]);
	if (f[5][0] == '\0')
		return bad_field(why, type, "verdict", f[5]);
	if (!points_parse(f[6], &rec.points))
		return bad_field(why, type, "points", f[6]);
	if (!points_parse(f[7], &rec.max))
		return bad_field(why, type, "max", f[7]);
	if (!parse_ll(f[8], 0, MAX_COUNT, &hints))
		return bad_field(why, type, "hints", f[8]);
	/* Borrowed until copied below. */
	rec.question = (char *)f[3];
	rec.answer = (char *)f[9];
	rec.verdict = (char *)f[5];
	rec.hints = (int)hints;
	rec.try_no = (int)try_no;
	rec.final = final;
	rec.when = when;
	rec.qindex = (size_t)qindex;

	s = get_quiz(p, f[0]);
	a = find_attempt(s, f[1], &i);
	if (a == NULL) {
		/* Its quiz-start record was damaged: keep the answers anyway. */
		a = add_attempt(s, f[1], when, &i);
		a->nquestions = (size_t)qindex + 1;
	}
	s->seq[i] = p->seq;
	a->tries = xreallocarray(a->tries, a->ntries + 1, sizeof *a->tries);
	copy_answer(&a->tries[a->ntries++], &rec);
	if (!final)
		return 0;

	/*
	 * A question is closed once: a second final answer (two sessions
	 * racing on one attempt, or a line appended by hand) cannot replace
	 * the first, so a wrong answer can never be answered again for credit.
	 */
	for (size_t k = 0; k < a->nanswers; k++)
		if (strcmp(a->answers[k].question, f[3]) == 0) {
			free_answer(&a->tries[--a->ntries]);
			*why = xasprintf("question %s of attempt %s already has "
			    "its final answer", f[3], f[1]);
			return 1;
		}
	a->answers = xreallocarray(a->answers, a->nanswers + 1,
	    sizeof *a->answers);
	r = &a->answers[a->nanswers++];
	copy_answer(r, &rec);
	if ((size_t)qindex + 1 > a->next)
		a->next = (size_t)qindex + 1;
	return 0;
}

static int
apply_try(struct progress *p, const char *const *f, time_t when, char **why)
{
	return apply_graded(p, f, when, why, "try", false);
}

static int
apply_answer(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	return apply_graded(p, f, when, why, "answer", true);
}

static int
apply_hint(struct progress *p, const char *const *f, time_t when, char **why)
{
	struct quiz_attempt *a;
	long long qindex, shown;
	size_t i, k;

	if (f[0][0] == '\0')
		return bad_field(why, "hint", "quiz", f[0]);
	if (f[1][0] == '\0')
		return bad_field(why, "hint", "attempt", f[1]);
	if (!parse_ll(f[2], 0, MAX_COUNT, &qindex))
		return bad_field(why, "hint", "question index", f[2]);
	if (f[3][0] == '\0')
		return bad_field(why, "hint", "question", f[3]);
	if (!parse_ll(f[4], 1, MAX_COUNT, &shown))
		return bad_field(why, "hint", "shown", f[4]);
	a = find_attempt(get_quiz(p, f[0]), f[1], &i);
	if (a == NULL)
		a = add_attempt(get_quiz(p, f[0]), f[1], when, &i);
	for (k = 0; k < a->nhints; k++)
		if (strcmp(a->hints[k].question, f[3]) == 0)
			break;
	if (k == a->nhints) {
		a->hints = xreallocarray(a->hints, a->nhints + 1,
		    sizeof *a->hints);
		a->hints[a->nhints++] = (struct shown_hints){
		    .question = xstrdup(f[3]) };
	}
	/* Hints once seen stay seen: a count never goes down. */
	if (shown > a->hints[k].count)
		a->hints[k].count = (int)shown;
	return 0;
}

int
progress_hints_shown(const struct quiz_attempt *a, const char *question)
{
	for (size_t k = 0; k < a->nhints; k++)
		if (strcmp(a->hints[k].question, question) == 0)
			return a->hints[k].count;
	return 0;
}

static int
apply_quiz_end(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct quiz_slot *s;
	struct quiz_attempt *a;
	enum attempt_result result;
	double score, max, pct;
	size_t i;

	if (f[0][0] == '\0')
		return bad_field(why, "quiz-end", "quiz", f[0]);
	if (f[1][0] == '\0')
		return bad_field(why, "quiz-end", "attempt", f[1]);
	if (!points_parse(f[2], &score))
		return bad_field(why, "quiz-end", "score", f[2]);
	if (!points_parse(f[3], &max))
		return bad_field(why, "quiz-end", "max", f[3]);
	if (!outcome_attempt_parse(f[4], &result))
		return bad_field(why, "quiz-end", "result", f[4]);

	s = get_quiz(p, f[0]);
	a = find_attempt(s, f[1], &i);
	if (a == NULL)
		a = add_attempt(s, f[1], when, &i);
	a->finished = when > 0 ? when : 1;
	a->score = score;
	a->max = max;
	a->passed = result == ATTEMPT_PASS;
	a->ungraded = result == ATTEMPT_UNGRADED;
	pct = max > 0 ? score * 100 / max : 0;
	if (a->ungraded)
		s->q.awaiting = true;
	else if (pct > s->q.best_pct)
		s->q.best_pct = pct;
	if (a->passed)
		s->q.passed = true;
	s->seq[i] = p->seq;
	return 0;
}

static bool
valid_key(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}

/* f holds n strings: key, value, key, value... (n even, counted). */
static int
apply_completion(struct progress *p, const char *const *f, size_t n,
    time_t when, char **why)
{
	struct completion *c;

	for (size_t i = 0; i < n; i += 2)
		if (!valid_key(f[i]))
			return bad_field(why, "completion", "key", f[i]);
	p->completions = xreallocarray(p->completions, p->ncompletions + 1,
	    sizeof *p->completions);
	c = &p->completions[p->ncompletions++];
	c->when = when;
	c->n = n / 2;
	c->keys = xcalloc(c->n ? c->n : 1, sizeof *c->keys);
	c->values = xcalloc(c->n ? c->n : 1, sizeof *c->values);
	for (size_t i = 0; i < c->n; i++) {
		c->keys[i] = xstrdup(f[2 * i]);
		c->values[i] = xstrdup(f[2 * i + 1]);
	}
	return 0;
}

static void
free_evaluation(struct evaluation_answer *e)
{
	free(e->certificate);
	free(e->item);
	free(e->kind);
	free(e->answer);
	free(e->prompt);
}

static bool
valid_evaluation(const char *kind, const char *answer)
{
	if (strcmp(kind, "text") == 0)
		return true;
	return strcmp(kind, "likert") == 0 && answer[0] >= '1' &&
	    answer[0] <= '5' && answer[1] == '\0';
}

static int
apply_evaluation(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct evaluation_answer *e = NULL;

	if (f[0][0] == '\0')
		return bad_field(why, "evaluation", "certificate", f[0]);
	if (!valid_key(f[1]))
		return bad_field(why, "evaluation", "item", f[1]);
	if (!valid_evaluation(f[2], f[3]))
		return bad_field(why, "evaluation", "answer", f[3]);
	for (size_t i = 0; i < p->nevaluations && e == NULL; i++)
		if (strcmp(p->evaluations[i].certificate, f[0]) == 0 &&
		    strcmp(p->evaluations[i].item, f[1]) == 0) {
			e = &p->evaluations[i];
			free_evaluation(e);
		}
	if (e == NULL) {
		p->evaluations = xreallocarray(p->evaluations,
		    p->nevaluations + 1, sizeof *p->evaluations);
		e = &p->evaluations[p->nevaluations++];
	}
	e->certificate = xstrdup(f[0]);
	e->item = xstrdup(f[1]);
	e->kind = xstrdup(f[2]);
	e->answer = xstrdup(f[3]);
	e->prompt = xstrdup(f[4]);
	e->when = when;
	return 0;
}

static int
apply_practice(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct practice_record *r;
	long long hints;

	if (f[0][0] == '\0')
		return bad_field(why, "practice", "quiz", f[0]);
	if (f[1][0] == '\0')
		return bad_field(why, "practice", "question", f[1]);
	if (f[2][0] == '\0')
		return bad_field(why, "practice", "verdict", f[2]);
	if (!parse_ll(f[3], 0, MAX_COUNT, &hints))
		return bad_field(why, "practice", "hints", f[3]);
	p->practice = xreallocarray(p->practice, p->npractice + 1,
	    sizeof *p->practice);
	r = &p->practice[p->npractice++];
	r->quiz = xstrdup(f[0]);
	r->question = xstrdup(f[1]);
	r->verdict = xstrdup(f[2]);
	r->hints = (int)hints;
	r->answer = xstrdup(f[4]);
	r->when = when;
	return 0;
}

/* The attempt of quiz q with id, or NULL (a regrade of nothing known). */
static struct quiz_attempt *
known_attempt(struct progress *p, const char *quiz, const char *id,
    char **why, const char *type)
{
	struct quiz_slot *s = find_quiz(p, quiz);
	struct quiz_attempt *a;
	size_t i;

	if (s == NULL || (a = find_attempt(s, id, &i)) == NULL) {
		*why = xasprintf("%s record for attempt %s of %s, which has no "
		    "records", type, id, quiz);
		return NULL;
	}
	return a;
}

static int
apply_regrade(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct quiz_attempt *a;
	struct answer_record *t = NULL, *r = NULL;
	long long qindex, try_no;
	double points, max;
	size_t ti = 0;

	(void)when;
	if (!parse_ll(f[2], 0, MAX_COUNT, &qindex))
		return bad_field(why, "regrade", "question index", f[2]);
	if (f[3][0] == '\0')
		return bad_field(why, "regrade", "question", f[3]);
	if (!parse_ll(f[4], 1, MAX_COUNT, &try_no))
		return bad_field(why, "regrade", "try", f[4]);
	if (f[5][0] == '\0')
		return bad_field(why, "regrade", "verdict", f[5]);
	if (!points_parse(f[6], &points))
		return bad_field(why, "regrade", "points", f[6]);
	if (!points_parse(f[7], &max))
		return bad_field(why, "regrade", "max", f[7]);
	if (strcmp(f[8], "yes") != 0 && strcmp(f[8], "no") != 0)
		return bad_field(why, "regrade", "final", f[8]);
	if ((a = known_attempt(p, f[0], f[1], why, "regrade")) == NULL)
		return 1;
	for (size_t k = 0; k < a->ntries && t == NULL; k++)
		if (a->tries[k].qindex == (size_t)qindex &&
		    a->tries[k].try_no == try_no &&
		    strcmp(a->tries[k].question, f[3]) == 0)
			t = &a->tries[ti = k];
	if (t == NULL) {
		*why = xasprintf("regrade record for try %s at question %s of "
		    "attempt %s, which has no such try", f[4], f[3], f[1]);
		return 1;
	}
	free(t->verdict);
	t->verdict = xstrdup(f[5]);
	t->points = points;
	t->max = max;
	t->final = strcmp(f[8], "yes") == 0;
	if (!t->final)
		return 0;
	for (size_t k = 0; k < a->nanswers && r == NULL; k++)
		if (strcmp(a->answers[k].question, f[3]) == 0)
			r = &a->answers[k];
	if (r == NULL) {
		/* Its answer record was damaged: this try closes it now. */
		a->answers = xreallocarray(a->answers, a->nanswers + 1,
		    sizeof *a->answers);
		r = &a->answers[a->nanswers++];
		copy_answer(r, t);
	}
	free(r->verdict);
	r->verdict = xstrdup(f[5]);
	r->points = points;
	r->max = max;
	r->graded_by = ti + 1;
	return 0;
}

/* A quiz's best percent and passed, from its finished attempts. */
static void
sum_up(struct quiz_slot *s)
{
	s->q.best_pct = -1;
	s->q.passed = false;
	for (size_t i = 0; i < s->q.nattempts; i++) {
		const struct quiz_attempt *a = &s->q.attempts[i];
		double pct;

		if (a->finished == 0)
			continue;
		pct = a->max > 0 ? a->score * 100 / a->max : 0;
		if (pct > s->q.best_pct)
			s->q.best_pct = pct;
		s->q.passed |= a->passed;
	}
}

static int
apply_rescore(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	struct quiz_attempt *a;
	struct regrade_news *n;
	enum attempt_result result;
	double score, max;

	if (!points_parse(f[2], &score))
		return bad_field(why, "rescore", "score", f[2]);
	if (!points_parse(f[3], &max))
		return bad_field(why, "rescore", "max", f[3]);
	/* A regrade only ever grades: it never sends to the provider. */
	if (!outcome_attempt_parse(f[4], &result) ||
	    result == ATTEMPT_UNGRADED)
		return bad_field(why, "rescore", "result", f[4]);
	if ((a = known_attempt(p, f[0], f[1], why, "rescore")) == NULL)
		return 1;
	if (a->finished == 0) {
		*why = xasprintf("rescore record for attempt %s of %s, which "
		    "is not finished", f[1], f[0]);
		return 1;
	}
	p->news = xreallocarray(p->news, p->nnews + 1, sizeof *p->news);
	n = &p->news[p->nnews++];
	*n = (struct regrade_news){ .quiz = xstrdup(f[0]),
	    .attempt = xstrdup(f[1]), .old_score = a->score,
	    .old_max = a->max, .old_passed = a->passed, .score = score,
	    .max = max, .passed = result == ATTEMPT_PASS, .when = when };
	a->score = score;
	a->max = max;
	a->passed = n->passed;
	a->regraded = when > 0 ? when : 1;
	sum_up(find_quiz(p, f[0]));
	return 0;
}

static void
free_flag(struct flag_record *r)
{
	free(r->quiz);
	free(r->attempt);
	free(r->question);
	free(r->verdict);
	free(r->answer);
	free(r->reason);
}

static int
apply_flag(struct progress *p, const char *const *f, time_t when,
    char **why)
{
	long long try_no;

	if (f[0][0] == '\0')
		return bad_field(why, "flag", "quiz", f[0]);
	if (f[2][0] == '\0')
		return bad_field(why, "flag", "question", f[2]);
	if (!parse_ll(f[3], 1, MAX_COUNT, &try_no))
		return bad_field(why, "flag", "try", f[3]);
	if (strlen(f[6]) > FLAG_REASON_MAX)
		return bad_field(why, "flag", "reason", "(too long)");
	p->flags = xreallocarray(p->flags, p->nflags + 1, sizeof *p->flags);
	p->flags[p->nflags++] = (struct flag_record){ .quiz = xstrdup(f[0]),
	    .attempt = xstrdup(f[1]), .question = xstrdup(f[2]),
	    .try_no = (int)try_no, .verdict = xstrdup(f[4]),
	    .answer = xstrdup(f[5]), .reason = xstrdup(f[6]), .when = when };
	return 0;
}

static void
drop_news(struct progress *p)
{
	for (size_t i = 0; i < p->nnews; i++) {
		free(p->news[i].quiz);
		free(p->news[i].attempt);
	}
	free(p->news);
	p->news = NULL;
	p->nnews = 0;
}

/* What each record type does to the state (rectype.h gives its shape). */
static const apply_fn applies[REC_NTYPES] = {
	[REC_NAME] = apply_name,
	[REC_PAGE] = apply_page,
	[REC_DONE] = apply_done,
	[REC_TIME] = apply_time,
	[REC_READ] = apply_reading,
	[REC_IDENTITY] = apply_identity,
	[REC_ATTEST] = apply_attestation,
	[REC_CLOCK] = apply_clock,
	[REC_COURSE] = apply_course,
	[REC_QUIZ_START] = apply_quiz_start,
	[REC_QUIZ_DRAW] = apply_quiz_draw,
	[REC_TRY] = apply_try,
	[REC_ANSWER] = apply_answer,
	[REC_HINT] = apply_hint,
	[REC_QUIZ_END] = apply_quiz_end,
	[REC_COMPLETION] = NULL,	/* pairs: apply_completion */
	[REC_EVALUATION] = apply_evaluation,
	[REC_PRACTICE] = apply_practice,
	[REC_REGRADE] = apply_regrade,
	[REC_RESCORE] = apply_rescore,
	[REC_FLAG] = apply_flag,
};

/* The one way state changes: at replay and after every append. */
static int
apply_record(void *arg, const char *const *f, size_t n, char **why)
{
	struct progress *p = arg;
	enum rectype t;
	size_t want;
	long long when;
	bool graded;

	if (!rectype_parse(f[0], &t)) {
		*why = xasprintf("unknown record type '%s'", f[0]);
		return 1;
	}
	if (!rectype_fits(t, n)) {
		want = rectype_fields(t);
		*why = want == 0 ? xasprintf("%s record has %zu fields, "
		    "expected key/value pairs", f[0], n) :
		    xasprintf("%s record has %zu fields, expected %zu",
		    f[0], n, want);
		return -1;
	}
	if (!parse_ll(f[1], 0, LLONG_MAX, &when) || (time_t)when != when)
		return bad_field(why, f[0], "time", f[1]);
	p->seq++;
	/*
	 * A regrade is no study: it makes no day studied, and its news
	 * lasts until the learner does anything.
	 */
	graded = t == REC_REGRADE || t == REC_RESCORE;
	if (!graded)
		drop_news(p);
	if (!graded && (p->nhours == 0 ||
	    p->hours[p->nhours - 1] != when / 3600)) {
		p->hours = xreallocarray(p->hours, p->nhours + 1,
		    sizeof *p->hours);
		p->hours[p->nhours++] = when / 3600;
	}
	if (applies[t] == NULL)
		return apply_completion(p, f + 2, n - 2, (time_t)when, why);
	return applies[t](p, f + 2, (time_t)when, why);
}

/* ---------------------------------------------------------------- records */

static void
give_cause(char **cause, char *msg)
{
	if (cause != NULL)
		*cause = msg;
	else
		free(msg);
}

/*
 * Append, then apply the very same fields.  The state changes even when
 * the append fails, so the session goes on in memory.
 */
/*
 * Append a record of type t whose fields after the type are rest[0..n),
 * then apply it.
 */
static int
record(struct progress *p, enum rectype t, const char *const *rest,
    size_t n, char **cause)
{
	const char **f = xreallocarray(NULL, n + 1, sizeof *f);
	char *jcause = NULL, *why = NULL, *notice;
	int rc = 0;

	f[0] = rectype_name(t);
	memcpy(f + 1, rest, n * sizeof *f);
	if (!rectype_fits(t, n + 1)) {
		/* The record functions build their records: a bug here. */
		msg_error("internal error: %s record of %zu fields", f[0],
		    n + 1);
		abort();
	}
	if (journal_append(p->j, f, n + 1, &jcause) != 0) {
		give_cause(cause, xasprintf("progress not saved: %s", jcause));
		free(jcause);
		rc = -1;
	}
	/* Another session, or a program, changed the file under this one. */
	while ((notice = journal_take_notice(p->j)) != NULL) {
		msg_warning("%s", notice);
		free(notice);
	}
	if (apply_record(p, f, n + 1, &why) != 0) {
		/* The record functions check their arguments: a bug here. */
		msg_error("internal error: %s", why);
		abort();
	}
	free(f);
	return rc;
}

static void
format_time(char *buf, size_t size, time_t t)
{
	snprintf(buf, size, "%lld", (long long)(t > 0 ? t : clock_now()));
}

static int
bad_argument(char **cause, const char *what)
{
	give_cause(cause, xasprintf("progress not recorded: %s", what));
	return -1;
}

static bool
valid_id(const char *s)
{
	return s != NULL && *s != '\0';
}

int
progress_record_name(struct progress *p, const char *full_name, char **cause)
{
	char now[32];

	if (full_name == NULL)
		return bad_argument(cause, "no name given");
	if (progress_full_name_problem(full_name) != NULL)
		return bad_argument(cause, progress_full_name_problem(full_name));
	format_time(now, sizeof now, 0);
	return record(p, REC_NAME, (const char *const[]){ now, full_name }, 2,
	    cause);
}

int
progress_record_page(struct progress *p, const char *lesson, int page,
    int pages, char **cause)
{
	char now[32], pg[32], pgs[32];

	if (!valid_id(lesson) || page < 1 || page > MAX_COUNT || pages < 0 ||
	    pages > MAX_COUNT)
		return bad_argument(cause, "bad lesson page");
	format_time(now, sizeof now, 0);
	snprintf(pg, sizeof pg, "%d", page);
	snprintf(pgs, sizeof pgs, "%d", pages);
	return record(p, REC_PAGE, (const char *const[]){ now, lesson, pg,
	    pgs }, 4, cause);
}

int
progress_record_lesson_done(struct progress *p, const char *lesson,
    char **cause)
{
	char now[32];

	if (!valid_id(lesson))
		return bad_argument(cause, "no lesson");
	format_time(now, sizeof now, 0);
	return record(p, REC_DONE, (const char *const[]){ now, lesson }, 2,
	    cause);
}

int
progress_record_time(struct progress *p, const char *lesson, long seconds,
    char **cause)
{
	char now[32], secs[32];

	/* Nothing to save: no lesson open, or no time passed. */
	if (!valid_id(lesson) || clamp_seconds(seconds) == 0)
		return 0;
	format_time(now, sizeof now, 0);
	snprintf(secs, sizeof secs, "%ld", clamp_seconds(seconds));
	return record(p, REC_TIME, (const char *const[]){ now, lesson,
	    secs }, 3, cause);
}

int
progress_record_reading(struct progress *p, const char *lesson, int page,
    long seconds, char **cause)
{
	char now[32], pg[32], secs[32];

	if (!valid_id(lesson) || clamp_seconds(seconds) == 0)
		return 0;
	if (page < 1 || page > MAX_COUNT)
		return bad_argument(cause, "bad lesson page");
	format_time(now, sizeof now, 0);
	snprintf(pg, sizeof pg, "%d", page);
	snprintf(secs, sizeof secs, "%ld", clamp_seconds(seconds));
	return record(p, REC_READ, (const char *const[]){ now, lesson, pg,
	    secs }, 4, cause);
}

int
progress_record_identity(struct progress *p, const char *legal_name,
    const char *licence, const char *state, char **cause)
{
	const char *fields[] = {legal_name, licence, state};
	const char *problem = identity_problem(fields);
	char now[32];

	if (problem != NULL)
		return bad_argument(cause, problem);
	format_time(now, sizeof now, 0);
	return record(p, REC_IDENTITY, (const char *const[]){ now, legal_name,
	    licence, state }, 4, cause);
}

int
progress_record_attestation(struct progress *p, const char *text,
    char **cause)
{
	char now[32];

	if (text == NULL || *text == '\0')
		return bad_argument(cause, "no attestation");
	format_time(now, sizeof now, 0);
	return record(p, REC_ATTEST, (const char *const[]){ now, text }, 2,
	    cause);
}

int
progress_record_clock(struct progress *p, const char *value, char **cause)
{
	char now[32];

	format_time(now, sizeof now, 0);
	return record(p, REC_CLOCK, (const char *const[]){ now,
	    value != NULL ? value : "" }, 2, cause);
}

const char *
progress_licence(const struct progress *p)
{
	return p->licence;
}

const char *
progress_licence_state(const struct progress *p)
{
	return p->licence_state;
}

time_t
progress_identity_time(const struct progress *p)
{
	return p->identity_time;
}

time_t
progress_attested(const struct progress *p)
{
	return p->attested;
}

bool
progress_clock_injected(const struct progress *p)
{
	return p->clock_injected;
}

int
progress_record_course(struct progress *p, const char *digest,
    char **cause)
{
	char now[32];

	if (!valid_id(digest))
		return bad_argument(cause, "no course digest");
	if (p->digest != NULL && strcmp(p->digest, digest) == 0)
		return 0;
	format_time(now, sizeof now, 0);
	return record(p, REC_COURSE, (const char *const[]){ now, digest }, 2,
	    cause);
}

const char *
progress_course(const struct progress *p)
{
	return p->digest;
}

/* Unique across concurrent sessions: time, pid, and a per-process count. */
static void
new_attempt_id(char *buf, size_t size)
{
	static unsigned long counter;

	snprintf(buf, size, "%lld-%ld-%lu", (long long)clock_now(),
	    (long)getpid(), ++counter);
}

/* A quiz-start record, or with a seed and draw a quiz-draw record. */
static const struct quiz_attempt *
start_attempt(struct progress *p, const char *quiz, size_t nquestions,
    const char *seed, const char *draw, char **cause)
{
	char now[32], id[80], nq[32];
	size_t i;

	if (!valid_id(quiz) || nquestions > MAX_COUNT ||
	    (seed != NULL && (!valid_id(seed) || !valid_id(draw)))) {
		bad_argument(cause, "bad quiz");
		return NULL;
	}
	format_time(now, sizeof now, 0);
	new_attempt_id(id, sizeof id);
	snprintf(nq, sizeof nq, "%zu", nquestions);
	/* Saved or not, the attempt is there in memory: the sitting goes on. */
	if (seed == NULL)
		record(p, REC_QUIZ_START, (const char *const[]){ now, quiz, id,
		    nq }, 4, cause);
	else
		record(p, REC_QUIZ_DRAW, (const char *const[]){ now, quiz, id,
		    nq, seed, draw }, 6, cause);
	return find_attempt(find_quiz(p, quiz), id, &i);
}

const struct quiz_attempt *
progress_record_quiz_start(struct progress *p, const char *quiz,
    size_t nquestions, char **cause)
{
	return start_attempt(p, quiz, nquestions, NULL, NULL, cause);
}

const struct quiz_attempt *
progress_record_quiz_draw(struct progress *p, const char *quiz,
    size_t nquestions, const char *seed, const char *draw, char **cause)
{
	return start_attempt(p, quiz, nquestions, seed, draw, cause);
}

int
progress_record_answer(struct progress *p, const char *quiz, size_t qindex,
    const struct answer_record *a, char **cause)
{
	const struct quiz_attempt *at = open_attempt(find_quiz(p, quiz), NULL);
	char now[32], qi[32], try_no[32], pts[40], max[40], hints[32];

	if (at == NULL)
		return bad_argument(cause, "no attempt of this quiz is open");
	if (!valid_id(a->question) || !valid_id(a->verdict) ||
	    qindex >= MAX_COUNT || a->try_no < 1 || a->try_no > MAX_COUNT ||
	    a->hints < 0 || a->hints > MAX_COUNT)
		return bad_argument(cause, "bad answer");
	if (!a->final && (outcome_is(a->verdict, OUTCOME_CORRECT) ||
	    outcome_is(a->verdict, OUTCOME_SKIPPED)))
		return bad_argument(cause, "a right or skipped answer closes "
		    "its question");
	for (size_t k = 0; k < at->nanswers; k++)
		if (strcmp(at->answers[k].question, a->question) == 0)
			return bad_argument(cause, "that question already has "
			    "its final answer");
	format_time(now, sizeof now, a->when);
	snprintf(qi, sizeof qi, "%zu", qindex);
	snprintf(try_no, sizeof try_no, "%d", a->try_no);
	/* A try that leaves another to go earns nothing (yet). */
	points_format(pts, sizeof pts, a->final ? a->points : 0,
	    POINTS_RECORD);
	points_format(max, sizeof max, a->max, POINTS_RECORD);
	snprintf(hints, sizeof hints, "%d", a->hints);
	return record(p, a->final ? REC_ANSWER : REC_TRY, (const char *const[]){
	    now, quiz, at->id, qi, a->question, try_no, a->verdict, pts, max,
	    hints, a->answer != NULL ? a->answer : "" }, 11, cause);
}

int
progress_record_hint(struct progress *p, const char *quiz, size_t qindex,
    const char *question, int shown, char **cause)
{
	const struct quiz_attempt *at = open_attempt(find_quiz(p, quiz), NULL);
	char now[32], qi[32], n[32];

	if (at == NULL)
		return bad_argument(cause, "no attempt of this quiz is open");
	if (!valid_id(question) || qindex >= MAX_COUNT || shown < 1 ||
	    shown > MAX_COUNT)
		return bad_argument(cause, "bad hint");
	format_time(now, sizeof now, 0);
	snprintf(qi, sizeof qi, "%zu", qindex);
	snprintf(n, sizeof n, "%d", shown);
	return record(p, REC_HINT, (const char *const[]){ now, quiz, at->id, qi,
	    question, n }, 6, cause);
}

int
progress_claim_attempt(struct progress *p, const char *quiz, char **cause)
{
	const struct quiz_attempt *at = open_attempt(find_quiz(p, quiz), NULL);
	char *key;
	int rc;

	if (at == NULL)
		return 0;
	progress_release_attempt(p);
	key = xasprintf("%s\t%s", quiz, at->id);
	rc = journal_claim(p->j, key);
	if (rc != 0) {
		give_cause(cause, xasprintf("this attempt of %s is open in "
		    "another session of %s; finish or leave it there first",
		    quiz, p->learner));
		free(key);
	} else
		p->claimed = key;
	return rc;
}

void
progress_release_attempt(struct progress *p)
{
	if (p->claimed == NULL)
		return;
	journal_release(p->j, p->claimed);
	free(p->claimed);
	p->claimed = NULL;
}

int
progress_record_quiz_end(struct progress *p, const char *quiz, double score,
    double max, bool passed, char **cause)
{
	const struct quiz_attempt *at = open_attempt(find_quiz(p, quiz), NULL);
	char now[32], sc[40], mx[40];

	if (at == NULL)
		return bad_argument(cause, "no attempt of this quiz is open");
	format_time(now, sizeof now, 0);
	points_format(sc, sizeof sc, score, POINTS_RECORD);
	points_format(mx, sizeof mx, max, POINTS_RECORD);
	return record(p, REC_QUIZ_END, (const char *const[]){ now, quiz, at->id,
	    sc, mx, outcome_attempt_name(passed ? ATTEMPT_PASS :
	    ATTEMPT_FAIL) }, 6, cause);
}

int
progress_record_quiz_sent(struct progress *p, const char *quiz, double max,
    char **cause)
{
	const struct quiz_attempt *at = open_attempt(find_quiz(p, quiz), NULL);
	char now[32], mx[40];

	if (at == NULL)
		return bad_argument(cause, "no attempt of this quiz is open");
	format_time(now, sizeof now, 0);
	points_format(mx, sizeof mx, max, POINTS_RECORD);
	return record(p, REC_QUIZ_END, (const char *const[]){ now, quiz, at->id,
	    "0", mx, outcome_attempt_name(ATTEMPT_UNGRADED) }, 6, cause);
}

int
progress_record_completion(struct progress *p, const char *const *kv,
    size_t npairs, char **cause)
{
	const char **f;
	char now[32];
	int rc;

	if (npairs == 0 || npairs > MAX_COUNT)
		return bad_argument(cause, "empty completion");
	for (size_t i = 0; i < npairs; i++)
		if (!valid_key(kv[2 * i]) || kv[2 * i + 1] == NULL)
			return bad_argument(cause, "bad completion field");
	format_time(now, sizeof now, 0);
	f = xcalloc(1 + 2 * npairs, sizeof *f);
	f[0] = now;
	memcpy(f + 1, kv, 2 * npairs * sizeof *f);
	rc = record(p, REC_COMPLETION, f, 1 + 2 * npairs, cause);
	free(f);
	return rc;
}

int
progress_record_evaluation(struct progress *p,
    const struct evaluation_answer *a, char **cause)
{
	char now[32];

	if (!valid_id(a->certificate) || a->item == NULL ||
	    !valid_key(a->item) || a->kind == NULL || a->answer == NULL ||
	    !valid_evaluation(a->kind, a->answer))
		return bad_argument(cause, "bad evaluation answer");
	format_time(now, sizeof now, 0);
	return record(p, REC_EVALUATION, (const char *const[]){ now,
	    a->certificate, a->item, a->kind, a->answer,
	    a->prompt != NULL ? a->prompt : "" }, 6, cause);
}

int
progress_record_practice(struct progress *p, const struct practice_record *r,
    char **cause)
{
	char now[32], hints[32];

	if (!valid_id(r->quiz) || !valid_id(r->question) ||
	    !valid_id(r->verdict) || r->hints < 0 || r->hints > MAX_COUNT)
		return bad_argument(cause, "bad practice answer");
	format_time(now, sizeof now, r->when);
	snprintf(hints, sizeof hints, "%d", r->hints);
	return record(p, REC_PRACTICE, (const char *const[]){ now, r->quiz,
	    r->question, r->verdict, hints,
	    r->answer != NULL ? r->answer : "" }, 6, cause);
}

int
progress_record_regrade(struct progress *p, const char *quiz,
    const char *attempt, const struct answer_record *t, char **cause)
{
	struct quiz_slot *s = valid_id(quiz) ? find_quiz(p, quiz) : NULL;
	const struct quiz_attempt *a = NULL;
	char now[32], qi[32], try_no[32], pts[40], max[40];
	bool known = false;
	size_t i;

	if (valid_id(attempt) && s != NULL)
		a = find_attempt(s, attempt, &i);
	for (size_t k = 0; a != NULL && !known && k < a->ntries; k++)
		known = a->tries[k].qindex == t->qindex &&
		    a->tries[k].try_no == t->try_no &&
		    valid_id(t->question) &&
		    strcmp(a->tries[k].question, t->question) == 0;
	if (!known || !valid_id(t->verdict))
		return bad_argument(cause, "no such try to regrade");
	format_time(now, sizeof now, 0);
	snprintf(qi, sizeof qi, "%zu", t->qindex);
	snprintf(try_no, sizeof try_no, "%d", t->try_no);
	points_format(pts, sizeof pts, t->final ? t->points : 0,
	    POINTS_RECORD);
	points_format(max, sizeof max, t->max, POINTS_RECORD);
	return record(p, REC_REGRADE, (const char *const[]){ now, quiz, attempt,
	    qi, t->question, try_no, t->verdict, pts, max,
	    t->final ? "yes" : "no" }, 10, cause);
}

int
progress_record_rescore(struct progress *p, const char *quiz,
    const char *attempt, double score, double max, bool passed,
    char **cause)
{
	struct quiz_slot *s = valid_id(quiz) ? find_quiz(p, quiz) : NULL;
	const struct quiz_attempt *a;
	char now[32], sc[40], mx[40];
	size_t i;

	if (!valid_id(attempt) || s == NULL ||
	    (a = find_attempt(s, attempt, &i)) == NULL ||
	    a->finished == 0)
		return bad_argument(cause, "no such finished attempt");
	format_time(now, sizeof now, 0);
	points_format(sc, sizeof sc, score, POINTS_RECORD);
	points_format(mx, sizeof mx, max, POINTS_RECORD);
	return record(p, REC_RESCORE, (const char *const[]){ now, quiz, attempt,
	    sc, mx, outcome_attempt_name(passed ? ATTEMPT_PASS :
	    ATTEMPT_FAIL) }, 6, cause);
}

int
progress_record_flag(struct progress *p, const struct flag_record *f,
    char **cause)
{
	char now[32], try_no[32];
	const char *reason = f->reason != NULL ? f->reason : "";
	size_t n = strlen(reason);
	char *cut;
	int rc;

	if (!valid_id(f->quiz) || !valid_id(f->question) || f->try_no < 1 ||
	    f->try_no > MAX_COUNT || f->verdict == NULL)
		return bad_argument(cause, "bad flag");
	/* Cut on a character boundary: never half a UTF-8 sequence. */
	if (n > FLAG_REASON_MAX) {
		n = FLAG_REASON_MAX;
		while (n > 0 && ((unsigned char)reason[n] & 0xc0) == 0x80)
			n--;
	}
	cut = xstrndup(reason, n);
	format_time(now, sizeof now, 0);
	snprintf(try_no, sizeof try_no, "%d", f->try_no);
	rc = record(p, REC_FLAG, (const char *const[]){ now, f->quiz,
	    f->attempt != NULL ? f->attempt : "", f->question, try_no,
	    f->verdict, f->answer != NULL ? f->answer : "", cut }, 8, cause);
	free(cut);
	return rc;
}

/* ---------------------------------------------------------------- open */

char *
progress_learner_problem(const char *s)
{
	return xasprintf("invalid learner name '%s': use 1 to %d letters, "
	    "digits, '.', '_' or '-', not starting with '.' or '-'", s,
	    LEARNER_MAX);
}

char *
progress_learner_of_file(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;
	char *name;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (!text_has_suffix(base, JOURNAL_SUFFIX))
		return NULL;
	name = xstrndup(base, n - strlen(JOURNAL_SUFFIX));
	if (!progress_valid_learner(name)) {
		free(name);
		return NULL;
	}
	return name;
}

bool
progress_valid_learner(const char *s)
{
	size_t n = strlen(s);

	/* It becomes a file name: no hidden file, nothing that looks an option. */
	if (n == 0 || n > LEARNER_MAX || s[0] == '.' || s[0] == '-')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    *s == '-'))
			return false;
	return true;
}

/* Take the journal opened for p, or close p when there is none. */
static struct progress *
took_journal(struct progress *p, struct journal *j, char *jcause,
    char **cause)
{
	p->j = j;
	if (p->j == NULL) {
		give_cause(cause, jcause);
		progress_close(p);
		return NULL;
	}
	if (jcause != NULL) {
		give_cause(cause, xasprintf("%s; progress will not be saved "
		    "in this session", jcause));
		free(jcause);
	}
	return p;
}

static struct progress *
open_progress(const char *data_dir, const char *learner, bool readonly,
    struct diag *d, char **cause)
{
	struct progress *p;
	struct journal *j;
	char *path, *jcause = NULL;
	struct stat st;

	if (!progress_valid_learner(learner)) {
		give_cause(cause, progress_learner_problem(learner));
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->learner = xstrdup(learner);
	path = xasprintf("%s/learners/%s" JOURNAL_SUFFIX, data_dir, learner);
	if (readonly && lstat(path, &st) == -1 && errno == ENOENT) {
		/* Say it in the reader's terms, not the file's. */
		give_cause(cause, xasprintf("no learner '%s' in %s: nothing "
		    "recorded yet", learner, data_dir));
		free(path);
		progress_close(p);
		return NULL;
	}
	j = readonly ?
	    journal_open_readonly(path, apply_record, p, d, &jcause) :
	    journal_open(path, apply_record, p, d, &jcause);
	free(path);
	return took_journal(p, j, jcause, cause);
}

struct progress *
progress_open(const char *data_dir, const char *learner, struct diag *d,
    char **cause)
{
	return open_progress(data_dir, learner, false, d, cause);
}

struct progress *
progress_open_readonly(const char *data_dir, const char *learner,
    struct diag *d, char **cause)
{
	return open_progress(data_dir, learner, true, d, cause);
}

struct progress *
progress_open_buffer(const char *name, const char *buf, size_t size,
    struct diag *d, char **cause)
{
	char *learner = progress_learner_of_file(name), *jcause = NULL;
	struct progress *p;
	struct journal *j;

	if (learner == NULL) {
		give_cause(cause, xasprintf("%s: not a learner's journal "
		    "(LEARNER" JOURNAL_SUFFIX ")", name));
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->learner = learner;
	j = journal_open_buffer(name, buf, size, apply_record, p, d, &jcause);
	return took_journal(p, j, jcause, cause);
}

void
progress_close(struct progress *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nlessons; i++) {
		free(p->lessons[i]->lesson);
		free(p->lessons[i]->page_seconds);
		free(p->lessons[i]);
	}
	free(p->lessons);
	free(p->licence);
	free(p->licence_state);
	for (size_t i = 0; i < p->nquizzes; i++) {
		struct quiz_slot *s = p->quizzes[i];

		for (size_t k = 0; k < s->q.nattempts; k++) {
			struct quiz_attempt *a = &s->q.attempts[k];

			for (size_t m = 0; m < a->nanswers; m++)
				free_answer(&a->answers[m]);
			free(a->answers);
			for (size_t m = 0; m < a->ntries; m++)
				free_answer(&a->tries[m]);
			free(a->tries);
			for (size_t m = 0; m < a->nhints; m++)
				free(a->hints[m].question);
			free(a->hints);
			free(a->id);
			free(a->seed);
			free(a->draw);
			free(a->digest);
		}
		free(s->q.attempts);
		free(s->q.quiz);
		free(s->seq);
		free(s->buckets);
		free(s);
	}
	free(p->quizzes);
	for (size_t i = 0; i < p->ncompletions; i++) {
		for (size_t k = 0; k < p->completions[i].n; k++) {
			free(p->completions[i].keys[k]);
			free(p->completions[i].values[k]);
		}
		free(p->completions[i].keys);
		free(p->completions[i].values);
	}
	free(p->completions);
	for (size_t i = 0; i < p->nevaluations; i++)
		free_evaluation(&p->evaluations[i]);
	free(p->evaluations);
	for (size_t i = 0; i < p->npractice; i++) {
		free(p->practice[i].quiz);
		free(p->practice[i].question);
		free(p->practice[i].verdict);
		free(p->practice[i].answer);
	}
	free(p->practice);
	for (size_t i = 0; i < p->nflags; i++)
		free_flag(&p->flags[i]);
	free(p->flags);
	drop_news(p);
	free(p->hours);
	journal_close(p->j);
	free(p->full_name);
	free(p->digest);
	free(p->claimed);
	free(p->learner);
	free(p);
}

/* ---------------------------------------------------------------- queries */

unsigned long
progress_records(const struct progress *p)
{
	return p->seq;
}

bool
progress_is_durable(const struct progress *p)
{
	return journal_is_writable(p->j);
}

const char *
progress_journal_path(const struct progress *p)
{
	return journal_path(p->j);
}

const char *
progress_learner(const struct progress *p)
{
	return p->learner;
}

const char *
progress_full_name(const struct progress *p)
{
	return p->full_name;
}

const struct lesson_progress *
progress_lesson(const struct progress *p, const char *lesson)
{
	return find_lesson(p, lesson);
}

const char *
progress_lesson_status(const struct lesson_progress *lp, size_t npages,
    char *buf, size_t size)
{
	if (lp == NULL || lp->page == 0)
		snprintf(buf, size, "not started");
	else if (lp->done)
		snprintf(buf, size, "done");
	else
		snprintf(buf, size, "page %d of %zu", lp->max_page, npages);
	return buf;
}

const struct quiz_progress *
progress_quiz(const struct progress *p, const char *quiz)
{
	const struct quiz_slot *s = find_quiz(p, quiz);

	return s != NULL ? &s->q : NULL;
}

const struct quiz_attempt *
progress_open_attempt(const struct progress *p, const char *quiz)
{
	return open_attempt(find_quiz(p, quiz), NULL);
}

const struct completion *
progress_completions(const struct progress *p, size_t *n)
{
	*n = p->ncompletions;
	return p->completions;
}

const char *
completion_get(const struct completion *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->keys[i], key) == 0)
			return c->values[i];
	return NULL;
}

const struct evaluation_answer *
progress_evaluations(const struct progress *p, size_t *n)
{
	*n = p->nevaluations;
	return p->evaluations;
}

const struct answer_record *
progress_deciding_try(const struct quiz_attempt *a,
    const struct answer_record *r)
{
	if (r->graded_by > 0 && r->graded_by <= a->ntries)
		return &a->tries[r->graded_by - 1];
	return r;
}

bool
progress_try_superseded(const struct answer_record *t)
{
	return outcome_is(t->verdict, OUTCOME_SUPERSEDED);
}

const struct flag_record *
progress_flags(const struct progress *p, size_t *n)
{
	*n = p->nflags;
	return p->flags;
}

const struct flag_record *
progress_flag_of(const struct progress *p, const char *quiz,
    const char *attempt, const char *question, int try_no)
{
	for (size_t i = p->nflags; i-- > 0;) {
		const struct flag_record *f = &p->flags[i];

		if ((try_no == 0 || f->try_no == try_no) &&
		    strcmp(f->quiz, quiz) == 0 &&
		    strcmp(f->attempt, attempt) == 0 &&
		    strcmp(f->question, question) == 0)
			return f;
	}
	return NULL;
}

const struct regrade_news *
progress_regrade_news(const struct progress *p, size_t *n)
{
	*n = p->nnews;
	return p->news;
}

const struct practice_record *
progress_practice(const struct progress *p, size_t *n)
{
	*n = p->npractice;
	return p->practice;
}

const long long *
progress_active_hours(const struct progress *p, size_t *n)
{
	*n = p->nhours;
	return p->hours;
}

struct resume_point
progress_resume(const struct progress *p)
{
	struct resume_point r = { .kind = RESUME_NONE };
	unsigned long best = 0;

	if (p->last_page != NULL) {
		r.kind = RESUME_LESSON;
		r.id = p->last_page->lesson;
		r.page = p->last_page->page;
		best = p->last_page_seq;
	}
	for (size_t i = 0; i < p->nquizzes; i++) {
		size_t k;
		const struct quiz_attempt *a = open_attempt(p->quizzes[i], &k);

		if (a != NULL && p->quizzes[i]->seq[k] > best) {
			best = p->quizzes[i]->seq[k];
			r.kind = RESUME_QUIZ;
			r.id = p->quizzes[i]->q.quiz;
			r.page = 0;
			r.question = a->next;
		}
	}
	return r;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
progress_list_learners(const char *data_dir, size_t *n)
{
	char *dir = xasprintf("%s/learners", data_dir);
	char **names = xcalloc(1, sizeof *names);
	struct dirent *e;
	DIR *dp;

	*n = 0;
	dp = opendir(dir);
	free(dir);
	if (dp == NULL)
		return names;
	while ((e = readdir(dp)) != NULL) {
		char *name = progress_learner_of_file(e->d_name);

		if (name == NULL)
			continue;
		names = xreallocarray(names, *n + 2, sizeof *names);
		names[(*n)++] = name;
		names[*n] = NULL;
	}
	closedir(dp);
	qsort(names, *n, sizeof *names, cmp_names);
	return names;
}
