/*
 * The quiz file parser (doc/FORMATS.md "Quiz files").  It reports every
 * problem in a file with its line (and column when one helps), not just
 * the first, because authors fix a whole file per run of --check.  Every
 * answer pattern is compiled here, once, so a bad pattern stops the load
 * and grading never meets an uncompiled or broken pattern.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qkind.h"
#include "quiz.h"
#include "srcfile.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

/*
 * The directives every quiz takes: the header's, and those of every
 * question whatever its kind.  A kind's own directives are in its row
 * (qkind.h).
 */
enum dir_id {
	D_QUIZ, D_TITLE, D_LESSON, D_KIND, D_PASS, D_TRIES, D_RETRY_COST,
	D_HINT_COST, D_SHUFFLE, D_DRAW, D_QUESTION, D_ID, D_PROMPT, D_POINTS,
	D_HINT, D_EXPLAIN, D_EXAMPLE_PLUS, D_EXAMPLE_MINUS, D_TAUGHT, D_TOPIC,
	D_OBJECTIVE, D_COUNT
};

/* The rules of each (srcfile.h), in enum order. */
#define HEAD (SRCDIR_VALUE | SRCDIR_HEADER)
#define BODY (SRCDIR_VALUE | SRCDIR_BODY)
static const struct srcdir directives[D_COUNT] = {
	[D_QUIZ] = {"quiz", HEAD | SRCDIR_ONCE | SRCDIR_FIRST},
	[D_TITLE] = {"title", HEAD | SRCDIR_ONCE},
	[D_LESSON] = {"lesson", HEAD | SRCDIR_ONCE},
	[D_KIND] = {"kind", HEAD | SRCDIR_ONCE},
	[D_PASS] = {"pass", HEAD | SRCDIR_ONCE},
	[D_TRIES] = {"tries", HEAD | SRCDIR_ONCE},
	[D_RETRY_COST] = {"retry-cost", HEAD | SRCDIR_ONCE},
	[D_HINT_COST] = {"hint-cost", HEAD | SRCDIR_ONCE},
	[D_SHUFFLE] = {"shuffle", HEAD | SRCDIR_ONCE},
	[D_DRAW] = {"draw", HEAD},
	[D_QUESTION] = {"question", SRCDIR_VALUE},
	[D_ID] = {"id", BODY | SRCDIR_ONCE},
	[D_PROMPT] = {"prompt", BODY | SRCDIR_ONCE},
	[D_POINTS] = {"points", BODY | SRCDIR_ONCE},
	[D_HINT] = {"hint", BODY},
	[D_EXPLAIN] = {"explain", BODY | SRCDIR_ONCE},
	[D_EXAMPLE_PLUS] = {"example+", BODY},
	[D_EXAMPLE_MINUS] = {"example-", BODY},
	[D_TAUGHT] = {"taught", BODY | SRCDIR_ONCE},
	[D_TOPIC] = {"topic", BODY | SRCDIR_ONCE},
	[D_OBJECTIVE] = {"objective", BODY | SRCDIR_ONCE},
};

struct parser {
	struct qparse qp;	/* what the kinds see */
	const char *path;
	struct diag *d;
	struct quiz *q;
	size_t qcap;
	long seen[D_COUNT];	/* header / per-question: line first seen */
	struct srcdirs dirs;	/* the rules of directives/seen */
	struct question *cur;	/* NULL in the header */
	bool skipping;		/* inside a question whose kind was bad */
	bool edition;		/* a learner edition's file */
	char **cont;		/* where a continuation line goes, or NULL */
};

/* ------------------------------------------------------ helpers for kinds */

void
qparse_error(struct qparse *p, long line, long col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(p->d, DIAG_ERROR, p->path, line, col, "%s", msg);
	free(msg);
}

/* A plain decimal number in lo..hi: no sign, no spaces, no suffix. */
static bool
parse_int(const char *s, int lo, int hi, int *out)
{
	long v = 0;

	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > hi)
			return false;
	}
	if (v < lo)
		return false;
	*out = (int)v;
	return true;
}

void
qparse_number(struct qparse *p, const char *name, const char *arg, long line,
    long col, int lo, int hi, int *out)
{
	if (!parse_int(arg, lo, hi, out))
		qparse_error(p, line, col, "bad '@%s' value '%s': expected a "
		    "whole number from %d to %d", name, arg, lo, hi);
}

void
qparse_missing(struct qparse *p, const struct question *qu, const char *name)
{
	qparse_error(p, qu->lineno, 0, "%s question '%s' has no '@%s'",
	    quiz_kind_name(qu->kind), qu->id, name);
}

long
qparse_seen(const struct qparse *p, const struct question *qu,
    const char *name)
{
	size_t i;

	if (qkind_directive(qu->kind, name, strlen(name), &i) == NULL)
		return 0;
	return p->seen[i];
}

bool
qparse_feedback_allowed(struct qparse *p, const char *const *targets,
    size_t ntargets, const char *what, long line)
{
	if (p->last != NULL && strcmp(p->last, "feedback") == 0) {
		qparse_error(p, line, 0, "second '@feedback' for the same %s",
		    what);
		return false;
	}
	for (size_t i = 0; i < ntargets && p->last != NULL; i++)
		if (strcmp(p->last, targets[i]) == 0)
			return true;
	qparse_error(p, line, 0, "'@feedback' must come right after the %s "
	    "it is for", what);
	return false;
}

/*
 * The shown order must be the same in every session, in the author's
 * examples and after a resume, so it is derived from the ids alone:
 * FNV-1a of "quiz-id\0question-id" seeds a splitmix64 stream for a
 * Fisher-Yates shuffle.  rand() would differ between C libraries.
 */
uint64_t
quiz_hash_ids(const char *quiz_id, const char *question_id)
{
	uint64_t h = 0xcbf29ce484222325u;
	const char *parts[2] = {quiz_id, question_id};

	for (size_t k = 0; k < 2; k++) {
		for (const char *s = parts[k]; *s != '\0'; s++) {
			h ^= (unsigned char)*s;
			h *= 0x100000001b3u;
		}
		/* the NUL between the ids: ("ab","c") != ("a","bc") */
		h *= 0x100000001b3u;
	}
	return h;
}

const char *
quiz_objective_lesson(const struct quiz *q, const struct question *qu)
{
	if (qu->objective == 0)
		return NULL;
	return qu->objective_lesson != NULL ? qu->objective_lesson : q->lesson;
}

uint64_t
quiz_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void
qparse_set_shown(struct qparse *p, struct question *qu, size_t n,
    bool shuffle, bool never_in_order)
{
	uint64_t state;
	bool identity = true;

	if (n == 0 || n > QKIND_MAX_LETTERS)
		return;
	qu->shown = xcalloc(n, sizeof *qu->shown);
	for (size_t i = 0; i < n; i++)
		qu->shown[i] = i;
	if (!shuffle)
		return;
	state = quiz_hash_ids(p->quiz_id, qu->id);
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = (size_t)(quiz_random(&state) % (i + 1));
		size_t t = qu->shown[i];

		qu->shown[i] = qu->shown[j];
		qu->shown[j] = t;
	}
	for (size_t i = 0; i < n; i++)
		if (qu->shown[i] != i)
			identity = false;
	if (identity && never_in_order)
		for (size_t i = 0; i < n; i++)
			qu->shown[i] = (i + 1) % n;
}

/* --------------------------------------------------------------- values */

/* An id value: *out gets a copy, or an error is reported. */
static void
id_error(struct parser *p, const char *what, const char *arg, long line,
    long col)
{
	diag_add(p->d, DIAG_ERROR, p->path, line, col, "bad %s id '%s': use "
	    "lower-case letters, digits and '-' (not first), at most %d "
	    "bytes", what, arg, SRCFILE_MAX_ID);
}

static void
id_value(struct parser *p, const char *what, const char *arg, long line,
    long col, char **out)
{
	if (srcfile_valid_id(arg))
		*out = xstrdup(arg);
	else
		id_error(p, what, arg, line, col);
}

static void
number(struct parser *p, const char *name, const char *arg, long line,
    long col, int lo, int hi, int *out)
{
	qparse_number(&p->qp, name, arg, line, col, lo, hi, out);
}

/*
 * s (len bytes) as a word of the quiz's pool: an equal one of the last
 * few added (questions come in runs of one lesson and topic), else a new
 * copy.  Borrowed until quiz_free.
 */
static const char *
word(struct quiz *q, const char *s, size_t len)
{
	for (size_t i = q->nwords; i > 0 && i + 8 > q->nwords; i--)
		if (strlen(q->words[i - 1]) == len &&
		    memcmp(q->words[i - 1], s, len) == 0)
			return q->words[i - 1];
	q->words = xreallocarray(q->words, q->nwords + 1, sizeof *q->words);
	q->words[q->nwords] = xstrndup(s, len);
	return q->words[q->nwords++];
}

static char *
join(char *old, const char *more)
{
	char *s = xasprintf("%s %s", old, more);

	free(old);
	return s;
}

/* ------------------------------------------------------------- freeing */

static void
free_strings(char **arr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(arr[i]);
	free(arr);
}

static void
free_question(struct question *qu)
{
	qkind_of(qu->kind)->free(qu);
	free(qu->id);
	free(qu->prompt);
	free(qu->shown);
	free_strings(qu->hints, qu->nhints);
	free(qu->explain);
	for (size_t i = 0; i < qu->nexamples; i++)
		free(qu->examples[i].text);
	free(qu->examples);
}

void
quiz_free(struct quiz *q)
{
	if (q == NULL)
		return;
	for (size_t i = 0; i < q->nquestions; i++)
		free_question(&q->questions[i]);
	free(q->questions);
	for (size_t i = 0; i < q->ndraws; i++)
		free(q->draws[i].topic);
	free(q->draws);
	free_strings(q->words, q->nwords);
	free(q->path);
	free(q->id);
	free(q->title);
	free(q->lesson);
	free(q);
}

void
quiz_prepare(const struct quiz *q)
{
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct qkind *k = qkind_of(q->questions[i].kind);

		if (k->prepare != NULL)
			k->prepare(&q->questions[i]);
	}
}

int
quiz_total_points(const struct quiz *q)
{
	int total = 0;

	for (size_t i = 0; i < q->nquestions; i++)
		total += q->questions[i].points;
	return total;
}

/* ------------------------------------------------------------ question */

static void
missing(struct parser *p, struct question *qu, const char *directive)
{
	qparse_missing(&p->qp, qu, directive);
}

/* The checks that need the whole question. */
static void
finish_question(struct parser *p)
{
	struct question *qu = p->cur;

	p->cur = NULL;
	p->cont = NULL;
	if (qu == NULL)
		return;
	if (qu->id == NULL)
		qu->id = xasprintf("q%zu", p->q->nquestions);
	if (qu->prompt == NULL)
		missing(p, qu, "prompt");
	p->qp.quiz_id = p->q->id != NULL ? p->q->id : "";
	p->qp.shuffle = p->q->shuffle;
	qkind_of(qu->kind)->finish(&p->qp, qu);
	if (qu->explain == NULL && !p->qp.keyless)
		missing(p, qu, "explain");
	if (p->seen[D_TAUGHT] == 0)
		missing(p, qu, "taught");
	if (qu->topic == NULL)
		qu->topic = qu->taught_lesson;
}

/* "short, list, choice, multi, truefalse or order" */
static char *
kind_list(void)
{
	struct strbuf b = {0};
	size_t n;
	const char *const *names = qkind_names(&n);

	for (size_t k = 0; k < n; k++) {
		if (k > 0)
			strbuf_puts(&b, k + 1 == n ? " or " : ", ");
		strbuf_puts(&b, names[k]);
	}
	return strbuf_take(&b);
}

static void
start_question(struct parser *p, const char *arg, long line, long col)
{
	struct quiz *q = p->q;
	enum question_kind kind;

	finish_question(p);
	memset(p->seen + D_ID, 0, (D_COUNT - D_ID) * sizeof p->seen[0]);
	memset(p->qp.seen, 0, sizeof p->qp.seen);
	p->qp.last = NULL;
	if (qkind_find(arg, &kind) == NULL) {
		size_t n;
		const char *const *names = qkind_names(&n);
		const char *near = srcfile_nearest(arg, names, n);

		if (near != NULL) {
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "unknown question kind '%s'; did you mean '%s'?",
			    arg, near);
		} else {
			char *all = kind_list();

			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "unknown question kind '%s' (expected %s)", arg,
			    all);
			free(all);
		}
		/* Skip its directives rather than report them all as wrong. */
		p->skipping = true;
		return;
	}
	p->skipping = false;
	p->qp.keyless = p->edition && q->posttest;
	if (q->nquestions == p->qcap) {
		p->qcap = p->qcap ? p->qcap * 2 : 8;
		q->questions = xreallocarray(q->questions, p->qcap,
		    sizeof *q->questions);
	}
	p->cur = &q->questions[q->nquestions++];
	memset(p->cur, 0, sizeof *p->cur);
	p->cur->kind = kind;
	qkind_of(kind)->init(p->cur);
	p->cur->path = q->path;
	p->cur->lineno = line;
	p->cur->points = 1;
}

/* ------------------------------------------------------------ directives */

/* "@draw N TOPIC" */
static void
draw_rule(struct parser *p, const char *arg, long line, long col)
{
	struct quiz *q = p->q;
	const char *sp = strpbrk(arg, " \t"), *topic = sp;
	char *count = sp ? xstrndup(arg, (size_t)(sp - arg)) : xstrdup(arg);
	int n;

	while (topic != NULL && (*topic == ' ' || *topic == '\t'))
		topic++;
	if (topic == NULL || !parse_int(count, 1, 1000, &n) ||
	    !srcfile_valid_id(topic)) {
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "bad '@draw' value '%s': expected a number of questions "
		    "and a topic, e.g. '@draw 3 anatomy'", arg);
		free(count);
		return;
	}
	free(count);
	for (size_t i = 0; i < q->ndraws; i++)
		if (strcmp(q->draws[i].topic, topic) == 0) {
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "topic '%s' is drawn twice (first at line %ld)",
			    topic, q->draws[i].lineno);
			return;
		}
	q->draws = xreallocarray(q->draws, q->ndraws + 1, sizeof *q->draws);
	q->draws[q->ndraws++] = (struct draw_rule){ xstrdup(topic), n, line };
}

static void
header_directive(struct parser *p, enum dir_id id, const char *arg, long line,
    long col)
{
	struct quiz *q = p->q;

	switch (id) {
	case D_QUIZ:
		id_value(p, "quiz", arg, line, col, &q->id);
		break;
	case D_TITLE:
		q->title = xstrdup(arg);
		break;
	case D_LESSON:
		q->lesson_line = line;
		if (strcmp(arg, "none") != 0)
			id_value(p, "lesson", arg, line, col, &q->lesson);
		break;
	case D_KIND:
		if (strcmp(arg, "posttest") == 0)
			q->posttest = true;
		else if (strcmp(arg, "practice") != 0)
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "bad '@kind' value '%s': expected 'practice' or "
			    "'posttest'", arg);
		break;
	case D_PASS:
		number(p, "pass", arg, line, col, 1, 100, &q->pass);
		break;
	case D_TRIES:
		number(p, "tries", arg, line, col, 1, 5, &q->tries);
		break;
	case D_RETRY_COST:
		number(p, "retry-cost", arg, line, col, 0, 100, &q->retry_cost);
		break;
	case D_HINT_COST:
		number(p, "hint-cost", arg, line, col, 0, 100, &q->hint_cost);
		break;
	case D_SHUFFLE:
		if (strcmp(arg, "yes") == 0)
			q->shuffle = true;
		else if (strcmp(arg, "no") != 0)
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "bad '@shuffle' value '%s': expected 'yes' or 'no'",
			    arg);
		break;
	case D_DRAW:
		draw_rule(p, arg, line, col);
		break;
	default:
		break;
	}
}

static void
taught(struct parser *p, struct question *qu, const char *arg, long line,
    long col)
{
	const char *sp = strpbrk(arg, " \t");
	const char *page = sp;
	char *lesson;
	int n;

	while (page != NULL && (*page == ' ' || *page == '\t'))
		page++;
	lesson = sp ? xstrndup(arg, (size_t)(sp - arg)) : xstrdup(arg);
	if (page == NULL || !srcfile_valid_id(lesson) ||
	    !parse_int(page, 1, 10000, &n)) {
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "bad '@taught' value '%s': expected a lesson id "
		    "and a page number, e.g. '@taught psoas-anatomy 2'", arg);
		free(lesson);
		return;
	}
	qu->taught_lesson = word(p->q, lesson, strlen(lesson));
	free(lesson);
	qu->taught_page = n;
	qu->taught_lineno = line;
}

/*
 * "@objective N" (the Nth objective of the quiz's own lesson) or
 * "@objective LESSON-ID N" (of that lesson: the post-test's form).  Only
 * the form is checked here; whether the objective exists is the
 * checker's question (check.h), which sees the lessons.
 */
static void
objective(struct parser *p, struct question *qu, const char *arg, long line,
    long col)
{
	const char *sp = strpbrk(arg, " \t"), *num = arg;
	char *lesson = NULL;
	int n;

	if (sp != NULL) {
		lesson = xstrndup(arg, (size_t)(sp - arg));
		for (num = sp; *num == ' ' || *num == '\t'; num++)
			;
	}
	if ((lesson != NULL && !srcfile_valid_id(lesson)) ||
	    !parse_int(num, 1, 1000, &n)) {
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "bad '@objective' value '%s': expected an objective "
		    "number of the quiz's lesson ('@objective 2'), or a "
		    "lesson id and a number ('@objective psoas-anatomy 2')",
		    arg);
		free(lesson);
		return;
	}
	if (lesson == NULL && p->q->lesson == NULL) {
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "'@objective %s' needs the quiz's '@lesson', and this quiz "
		    "has none: name the lesson, e.g. '@objective psoas-anatomy "
		    "%d'", arg, n);
		return;
	}
	qu->objective_lesson = lesson != NULL ?
	    word(p->q, lesson, strlen(lesson)) : NULL;
	free(lesson);
	qu->objective = n;
	qu->objective_lineno = line;
}

/* A directive every question takes, whatever its kind. */
static void
question_directive(struct parser *p, enum dir_id id, const char *arg,
    long line, long col)
{
	struct question *qu = p->cur;

	switch (id) {
	case D_ID:
		id_value(p, "question", arg, line, col, &qu->id);
		break;
	case D_PROMPT:
		qu->prompt = xstrdup(arg);
		p->cont = &qu->prompt;
		break;
	case D_POINTS:
		number(p, "points", arg, line, col, 1, 100, &qu->points);
		break;
	case D_HINT:
		qu->hints = xreallocarray(qu->hints, qu->nhints + 1,
		    sizeof *qu->hints);
		qu->hints[qu->nhints++] = xstrdup(arg);
		p->cont = &qu->hints[qu->nhints - 1];
		break;
	case D_EXPLAIN:
		qu->explain = xstrdup(arg);
		p->cont = &qu->explain;
		break;
	case D_EXAMPLE_PLUS:
	case D_EXAMPLE_MINUS:
		qu->examples = xreallocarray(qu->examples, qu->nexamples + 1,
		    sizeof *qu->examples);
		qu->examples[qu->nexamples].text = xstrdup(arg);
		qu->examples[qu->nexamples].accept = id == D_EXAMPLE_PLUS;
		qu->examples[qu->nexamples].lineno = line;
		qu->nexamples++;
		break;
	case D_TAUGHT:
		taught(p, qu, arg, line, col);
		break;
	case D_TOPIC:
		if (srcfile_valid_id(arg))
			qu->topic = word(p->q, arg, strlen(arg));
		else
			id_error(p, "topic", arg, line, col);
		qu->topic_lineno = line;
		break;
	case D_OBJECTIVE:
		objective(p, qu, arg, line, col);
		break;
	default:
		break;
	}
}

static void
unknown_directive(struct parser *p, const struct srcline *l)
{
	const char *names[D_COUNT + 6 * QKIND_MAX_DIRECTIVES];
	size_t nnames = 0;

	for (size_t i = 0; i < D_COUNT; i++)
		names[nnames++] = directives[i].name;
	nnames += qkind_directive_names(names + nnames,
	    sizeof names / sizeof names[0] - nnames);
	srcfile_unknown_directive(p->d, p->path, l, names, nnames);
}

/* A directive of the current question's kind (qkind.h). */
static void
kind_directive(struct parser *p, const struct qdirective *any,
    const char *arg, long line, long col)
{
	struct question *qu = p->cur;
	const struct qdirective *kd = NULL;
	long outside = 0;
	size_t i = 0;

	if (qu != NULL) {
		kd = qkind_directive(qu->kind, any->dir.name,
		    strlen(any->dir.name), &i);
		if (kd == NULL) {
			diag_add(p->d, DIAG_ERROR, p->path, line, 1,
			    "'@%s' is not valid in a %s question",
			    any->dir.name, quiz_kind_name(qu->kind));
			return;
		}
	}
	/* Outside a question the rules say so (the row is a body row). */
	if (!srcdirs_check(&p->dirs, kd != NULL ? &kd->dir : &any->dir,
	    kd != NULL ? &p->qp.seen[i] : &outside, arg, col, line) ||
	    kd == NULL)
		return;
	p->cont = kd->apply(&p->qp, qu, arg, line, col);
	p->qp.last = kd->dir.name;
}

const char *const quiz_key_directives[] = {
	"accept", "concept", "misconception", "fine", "item", "unlisted",
	"case", "answer", "choice*", "feedback", "hint", "explain", "example+",
	"example-", NULL
};

/* In a keyless post-test: whether directive name (len bytes) is a key. */
static bool
is_key(const char *name, size_t len)
{
	for (const char *const *k = quiz_key_directives; *k != NULL; k++)
		if (strlen(*k) == len && memcmp(*k, name, len) == 0)
			return true;
	return false;
}

static void
directive_line(struct parser *p, const struct srcline *l)
{
	const char *name, *arg;
	size_t len;
	long col, line = l->lineno;
	const struct srcdir *row;
	const struct qdirective *kd = NULL;
	enum dir_id id;

	srcline_directive(l, &name, &len, &arg, &col);
	p->cont = NULL;
	row = srcdirs_find(&p->dirs, name, len);
	if (row == NULL && (name[len] == '\0' || name[len] == ' ' ||
	    name[len] == '\t'))
		kd = qkind_any_directive(name, len);
	if (row == NULL && kd == NULL) {
		unknown_directive(p, l);
		return;
	}
	if (row != NULL && row - directives == D_QUESTION) {
		p->dirs.in_body = true;
		if (srcdirs_check(&p->dirs, row, &p->seen[D_QUESTION], arg,
		    col, line))
			start_question(p, arg, line, col);
		else
			p->skipping = true, finish_question(p);
		return;
	}
	/* The rest of a question whose kind was bad is not looked at. */
	if (p->skipping)
		return;
	if (p->cur != NULL && p->qp.keyless && is_key(name, len)) {
		diag_add(p->d, DIAG_ERROR, p->path, line, 1, "'@%.*s' gives an "
		    "answer away: a learner edition's post-test holds questions "
		    "and choices only", (int)len, name);
		return;
	}
	if (kd != NULL) {
		kind_directive(p, kd, arg, line, col);
		return;
	}
	id = (enum dir_id)(row - directives);
	if (!srcdirs_check(&p->dirs, row, &p->seen[id], arg, col, line))
		return;
	if (row->flags & SRCDIR_HEADER) {
		header_directive(p, id, arg, line, col);
	} else {
		question_directive(p, id, arg, line, col);
		p->qp.last = row->name;
	}
}

static void
text_line(struct parser *p, const struct srcline *l)
{
	char **target = p->cur != NULL ? p->cont : NULL;
	const char *s = srcline_text(l);
	char *piece;

	if (p->skipping)
		return;
	if (target == NULL) {
		diag_add(p->d, DIAG_ERROR, p->path, l->lineno, 1,
		    "text outside a directive (only @prompt, @explain, @hint, "
		    "@feedback, @choice, @step and @item continue on the "
		    "next line)");
		return;
	}
	piece = text_trimmed(s, strlen(s));
	*target = join(*target, piece);
	free(piece);
}

/* Question ids, given or default, must be unique: progress is keyed on them. */
static void
check_ids(struct parser *p)
{
	struct quiz *q = p->q;

	for (size_t i = 0; i < q->nquestions; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(q->questions[i].id, q->questions[j].id) == 0) {
				diag_add(p->d, DIAG_ERROR, p->path,
				    q->questions[i].lineno, 0,
				    "duplicate question id '%s' (also the "
				    "question at line %d)", q->questions[i].id,
				    q->questions[j].lineno);
				break;
			}
}

/*
 * A pool drawn by topic: each rule needs as many questions of its topic
 * as it draws, and a question whose topic no rule draws would never be
 * asked.
 */
static void
check_draws(struct parser *p)
{
	struct quiz *q = p->q;

	for (size_t i = 0; i < q->ndraws; i++) {
		int have = 0;

		for (size_t k = 0; k < q->nquestions; k++)
			have += q->questions[k].topic != NULL &&
			    strcmp(q->questions[k].topic, q->draws[i].topic) == 0;
		if (have < q->draws[i].count)
			diag_add(p->d, DIAG_ERROR, p->path, q->draws[i].lineno, 0,
			    "'@draw %d %s' draws more questions than the %d of "
			    "topic '%s'", q->draws[i].count, q->draws[i].topic,
			    have, q->draws[i].topic);
	}
	for (size_t k = 0; q->ndraws > 0 && k < q->nquestions; k++) {
		const struct question *qu = &q->questions[k];
		bool drawn = false;

		for (size_t i = 0; i < q->ndraws && qu->topic != NULL; i++)
			drawn |= strcmp(qu->topic, q->draws[i].topic) == 0;
		if (!drawn && qu->topic != NULL)
			diag_add(p->d, DIAG_ERROR, p->path, qu->topic_lineno ?
			    qu->topic_lineno : qu->lineno, 0, "question '%s' has "
			    "topic '%s', which no '@draw' line draws, so it would "
			    "never be asked", qu->id, qu->topic);
	}
}

/*
 * Parse the lines of f (read == false: the file could not be read at
 * all); before is the error count before reading, so byte-level errors
 * fail the load too.  f is destroyed.
 */
static void *
parse_lines_as(const char *path, struct srcfile *f, bool read,
    size_t before, struct diag *d, bool edition)
{
	struct parser p;

	memset(&p, 0, sizeof p);
	p.edition = edition;
	p.d = d;
	p.qp.d = d;
	p.q = xcalloc(1, sizeof *p.q);
	p.q->path = xstrdup(path);
	p.path = p.q->path;
	p.qp.path = p.path;
	p.dirs = (struct srcdirs){ .path = p.path, .d = d, .rows = directives,
	    .n = D_COUNT, .seen = p.seen, .header = "quiz header",
	    .opener = "question" };
	p.q->retry_cost = 50;
	p.q->hint_cost = 25;
	p.q->tries = 0;

	if (!read) {
		srcfile_destroy(f);
		quiz_free(p.q);
		return NULL;
	}
	for (size_t i = 0; i < f->n; i++) {
		const struct srcline *l = &f->lines[i];

		if (srcline_is_comment(l))
			continue;
		if (srcline_is_blank(l))
			p.cont = NULL;
		else if (l->text[0] == '@' && l->text[1] != '@')
			directive_line(&p, l);
		else
			text_line(&p, l);
	}
	finish_question(&p);
	if (p.seen[D_QUIZ] == 0)
		diag_add(d, DIAG_ERROR, path, 1, 0, "missing '@quiz' (the quiz id)");
	if (p.seen[D_TITLE] == 0)
		diag_add(d, DIAG_ERROR, path, 1, 0, "missing '@title'");
	if (p.seen[D_LESSON] == 0)
		diag_add(d, DIAG_ERROR, path, 1, 0,
		    "missing '@lesson' (a lesson id, or 'none')");
	if (p.seen[D_PASS] == 0)
		diag_add(d, DIAG_ERROR, path, 1, 0,
		    "missing '@pass' (the pass mark in percent)");
	if (p.q->nquestions == 0 && !p.skipping)
		diag_add(d, DIAG_ERROR, path, 1, 0, "the quiz has no '@question'");
	check_ids(&p);
	check_draws(&p);
	if (p.q->tries == 0)
		p.q->tries = p.q->posttest ? 1 : 2;
	p.q->keyless = edition && p.q->posttest;
	/* A course holds every quiz from start-up: no room to spare. */
	if (p.q->nquestions > 0)
		p.q->questions = xreallocarray(p.q->questions,
		    p.q->nquestions, sizeof *p.q->questions);
	srcfile_destroy(f);
	if (d->errors != before) {
		quiz_free(p.q);
		return NULL;
	}
	return p.q;
}

static void *
parse_lines(const char *path, struct srcfile *f, bool read, size_t before,
    struct diag *d)
{
	return parse_lines_as(path, f, read, before, d, false);
}

static void *
parse_edition_lines(const char *path, struct srcfile *f, bool read,
    size_t before, struct diag *d)
{
	return parse_lines_as(path, f, read, before, d, true);
}

struct quiz *
quiz_load(const char *path, struct diag *d)
{
	return srcfile_load(path, parse_lines, d);
}

struct quiz *
quiz_load_edition(const char *path, struct diag *d)
{
	return srcfile_load(path, parse_edition_lines, d);
}

struct quiz *
quiz_parse(const char *name, const char *buf, size_t size, struct diag *d)
{
	return srcfile_load_mem(name, buf, size, parse_lines, d);
}
