/*
 * The quiz file parser (doc/FORMATS.md "Quiz files").  It reports every
 * problem in a file with its line (and column when one helps), not just
 * the first, because authors fix a whole file per run of --check.  Every
 * answer pattern is compiled here, once, so a bad pattern stops the load
 * and grading never meets an uncompiled or broken pattern.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "quiz.h"
#include "srcfile.h"
#include "xmalloc.h"

#define MAX_LETTERS 26		/* choices and steps are lettered a..z */

/* Which question kinds a directive is valid in. */
#define K(kind) (1u << (kind))
#define K_ALL (K(Q_SHORT) | K(Q_LIST) | K(Q_CHOICE) | K(Q_MULTI) | \
    K(Q_TRUEFALSE) | K(Q_ORDER))
#define K_HEADER 0u

enum dir_id {
	D_QUIZ, D_TITLE, D_LESSON, D_KIND, D_PASS, D_TRIES, D_RETRY_COST,
	D_HINT_COST, D_SHUFFLE, D_QUESTION, D_ID, D_PROMPT, D_POINTS,
	D_ACCEPT, D_ITEM, D_NEED, D_MISCONCEPTION, D_FEEDBACK, D_CHOICE,
	D_CHOICE_STAR, D_STEP, D_ANSWER, D_HINT, D_EXPLAIN, D_CASE,
	D_EXAMPLE_PLUS, D_EXAMPLE_MINUS, D_TAUGHT, D_COUNT
};

struct directive {
	const char *name;
	enum dir_id id;
	unsigned kinds;		/* K_HEADER for header directives */
};

static const struct directive directives[] = {
	{"quiz", D_QUIZ, K_HEADER},
	{"title", D_TITLE, K_HEADER},
	{"lesson", D_LESSON, K_HEADER},
	{"kind", D_KIND, K_HEADER},
	{"pass", D_PASS, K_HEADER},
	{"tries", D_TRIES, K_HEADER},
	{"retry-cost", D_RETRY_COST, K_HEADER},
	{"hint-cost", D_HINT_COST, K_HEADER},
	{"shuffle", D_SHUFFLE, K_HEADER},
	{"question", D_QUESTION, K_ALL},
	{"id", D_ID, K_ALL},
	{"prompt", D_PROMPT, K_ALL},
	{"points", D_POINTS, K_ALL},
	{"accept", D_ACCEPT, K(Q_SHORT) | K(Q_LIST)},
	{"item", D_ITEM, K(Q_LIST)},
	{"need", D_NEED, K(Q_LIST)},
	{"misconception", D_MISCONCEPTION, K(Q_SHORT) | K(Q_LIST)},
	{"feedback", D_FEEDBACK, K(Q_SHORT) | K(Q_LIST) | K(Q_CHOICE) | K(Q_MULTI)},
	{"choice", D_CHOICE, K(Q_CHOICE) | K(Q_MULTI)},
	{"choice*", D_CHOICE_STAR, K(Q_CHOICE) | K(Q_MULTI)},
	{"step", D_STEP, K(Q_ORDER)},
	{"answer", D_ANSWER, K(Q_TRUEFALSE)},
	{"hint", D_HINT, K_ALL},
	{"explain", D_EXPLAIN, K_ALL},
	{"case", D_CASE, K(Q_SHORT) | K(Q_LIST)},
	{"example+", D_EXAMPLE_PLUS, K_ALL},
	{"example-", D_EXAMPLE_MINUS, K_ALL},
	{"taught", D_TAUGHT, K_ALL},
};
#define NDIRECTIVES (sizeof directives / sizeof directives[0])

static const char *const kind_names[] = {
	[Q_SHORT] = "short",
	[Q_LIST] = "list",
	[Q_CHOICE] = "choice",
	[Q_MULTI] = "multi",
	[Q_TRUEFALSE] = "truefalse",
	[Q_ORDER] = "order",
};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])

/* What a continuation line is appended to: always the last one added. */
enum cont {
	C_NONE, C_PROMPT, C_EXPLAIN, C_HINT, C_CHOICE, C_STEP, C_ITEM,
	C_MISCONCEPTION_FEEDBACK, C_CHOICE_FEEDBACK
};

struct parser {
	const char *path;
	struct diag *d;
	struct quiz *q;
	size_t qcap;
	long seen[D_COUNT];	/* header / per-question: line first seen */
	bool any_directive;
	struct question *cur;	/* NULL in the header */
	bool skipping;		/* inside a question whose kind was bad */
	enum cont cont;
	enum dir_id last;	/* the previous directive in this question */
	bool have_last;
};

const char *
quiz_kind_name(enum question_kind kind)
{
	return kind_names[kind];
}

/* --------------------------------------------------------------- values */

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

/* An id value: *out gets a copy, or an error is reported. */
static void
id_value(struct parser *p, const char *what, const char *arg, long line,
    long col, char **out)
{
	if (srcfile_valid_id(arg))
		*out = xstrdup(arg);
	else
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "bad %s id '%s': use lower-case letters, digits and '-' "
		    "(not first), at most %d bytes", what, arg, SRCFILE_MAX_ID);
}

static void
number(struct parser *p, const char *name, const char *arg, long line,
    long col, int lo, int hi, int *out)
{
	if (!parse_int(arg, lo, hi, out))
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "bad '@%s' value '%s': expected a whole number from %d to %d",
		    name, arg, lo, hi);
}

static char *
join(char *old, const char *more)
{
	char *s = xasprintf("%s %s", old, more);

	free(old);
	return s;
}

/* --------------------------------------------------------------- growth */

static void *
grow(void *arr, size_t *n, size_t size)
{
	arr = xreallocarray(arr, *n + 1, size);
	memset((char *)arr + *n * size, 0, size);
	(*n)++;
	return arr;
}

static struct pattern *
add_pattern(struct pattern **arr, size_t *n, const char *src, long line,
    long col)
{
	struct pattern *pat;

	*arr = grow(*arr, n, sizeof **arr);
	pat = &(*arr)[*n - 1];
	pat->src = xstrdup(src);
	pat->lineno = line;
	pat->col = col;
	return pat;
}

/* ------------------------------------------------------------- freeing */

static void
free_patterns(struct pattern *arr, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(arr[i].src);
		pcre2_code_free(arr[i].code);
		free(arr[i].feedback);
	}
	free(arr);
}

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
	free(qu->id);
	free(qu->prompt);
	free_patterns(qu->accept, qu->naccept);
	free_patterns(qu->misconceptions, qu->nmisconceptions);
	for (size_t i = 0; i < qu->nitems; i++) {
		free(qu->items[i].label);
		free_patterns(qu->items[i].accept, qu->items[i].naccept);
	}
	free(qu->items);
	for (size_t i = 0; i < qu->nchoices; i++) {
		free(qu->choices[i].text);
		free(qu->choices[i].feedback);
	}
	free(qu->choices);
	free_strings(qu->steps, qu->nsteps);
	free(qu->shown);
	free_strings(qu->hints, qu->nhints);
	free(qu->explain);
	for (size_t i = 0; i < qu->nexamples; i++)
		free(qu->examples[i].text);
	free(qu->examples);
	free(qu->taught_lesson);
}

void
quiz_free(struct quiz *q)
{
	if (q == NULL)
		return;
	for (size_t i = 0; i < q->nquestions; i++)
		free_question(&q->questions[i]);
	free(q->questions);
	free(q->path);
	free(q->id);
	free(q->title);
	free(q->lesson);
	free(q);
}

int
quiz_total_points(const struct quiz *q)
{
	int total = 0;

	for (size_t i = 0; i < q->nquestions; i++)
		total += q->questions[i].points;
	return total;
}

/* ------------------------------------------------------------- shuffle */

/*
 * The shown order must be the same in every session, in the author's
 * examples and after a resume, so it is derived from the ids alone:
 * FNV-1a of "quiz-id\0question-id" seeds a splitmix64 stream for a
 * Fisher-Yates shuffle.  rand() would differ between C libraries.
 */
static uint64_t
hash_ids(const char *quiz_id, const char *question_id)
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

static uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static void
set_shown(const struct quiz *q, struct question *qu)
{
	size_t n = qu->kind == Q_ORDER ? qu->nsteps : qu->nchoices;
	bool shuffle = qu->kind == Q_ORDER ||
	    (q->shuffle && (qu->kind == Q_CHOICE || qu->kind == Q_MULTI));
	uint64_t state;
	bool identity = true;

	if (n == 0)
		return;
	qu->shown = xcalloc(n, sizeof *qu->shown);
	for (size_t i = 0; i < n; i++)
		qu->shown[i] = i;
	if (!shuffle)
		return;
	state = hash_ids(q->id ? q->id : "", qu->id);
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = (size_t)(splitmix64(&state) % (i + 1));
		size_t t = qu->shown[i];

		qu->shown[i] = qu->shown[j];
		qu->shown[j] = t;
	}
	for (size_t i = 0; i < n; i++)
		if (qu->shown[i] != i)
			identity = false;
	/* Steps shown in the right order would give the answer away. */
	if (identity && qu->kind == Q_ORDER)
		for (size_t i = 0; i < n; i++)
			qu->shown[i] = (i + 1) % n;
}

/* ------------------------------------------------------------ question */

static void
compile_pattern(struct parser *p, struct pattern *pat, bool case_sensitive,
    bool anchored)
{
	char *err;
	size_t off;

	pcre2_code_free(pat->code);
	pat->code = grade_compile(pat->src, case_sensitive, anchored, &err,
	    &off);
	if (pat->code == NULL) {
		diag_add(p->d, DIAG_ERROR, p->path, pat->lineno,
		    pat->col + (long)off, "bad pattern: %s", err);
		free(err);
	}
}

/* @case may come after the patterns: recompile them case-sensitively. */
static void
recompile_case_sensitive(struct parser *p, struct question *qu)
{
	for (size_t i = 0; i < qu->naccept; i++)
		if (qu->accept[i].code != NULL)
			compile_pattern(p, &qu->accept[i], true, true);
	for (size_t i = 0; i < qu->nmisconceptions; i++)
		if (qu->misconceptions[i].code != NULL)
			compile_pattern(p, &qu->misconceptions[i], true, false);
	for (size_t t = 0; t < qu->nitems; t++)
		for (size_t i = 0; i < qu->items[t].naccept; i++)
			if (qu->items[t].accept[i].code != NULL)
				compile_pattern(p, &qu->items[t].accept[i],
				    true, true);
}

static void
question_error(struct parser *p, struct question *qu, const char *fmt,
    const char *what, size_t n)
{
	char *text = xasprintf(fmt, what, n);

	diag_add(p->d, DIAG_ERROR, p->path, qu->lineno, 0, "%s question '%s' %s",
	    kind_names[qu->kind], qu->id, text);
	free(text);
}

static void
missing(struct parser *p, struct question *qu, const char *directive)
{
	diag_add(p->d, DIAG_ERROR, p->path, qu->lineno, 0,
	    "%s question '%s' has no '@%s'", kind_names[qu->kind], qu->id,
	    directive);
}

/* The checks that need the whole question. */
static void
finish_question(struct parser *p)
{
	struct question *qu = p->cur;
	size_t ncorrect = 0;

	p->cur = NULL;
	p->cont = C_NONE;
	if (qu == NULL)
		return;
	if (qu->id == NULL)
		qu->id = xasprintf("q%zu", p->q->nquestions);
	if (qu->prompt == NULL)
		missing(p, qu, "prompt");
	switch (qu->kind) {
	case Q_SHORT:
		if (qu->naccept == 0)
			missing(p, qu, "accept");
		break;
	case Q_LIST:
		if (qu->nitems == 0)
			missing(p, qu, "item");
		if (p->seen[D_NEED] == 0)
			missing(p, qu, "need");
		else if (qu->need > 0 && (size_t)qu->need > qu->nitems &&
		    qu->nitems > 0)
			diag_add(p->d, DIAG_ERROR, p->path, p->seen[D_NEED], 0,
			    "'@need %d' is more than the %zu item%s of the "
			    "question", qu->need, qu->nitems,
			    qu->nitems == 1 ? "" : "s");
		for (size_t i = 0; i < qu->nitems; i++)
			if (qu->items[i].naccept == 0)
				diag_add(p->d, DIAG_ERROR, p->path,
				    qu->items[i].lineno, 0,
				    "item '%s' has no '@accept'",
				    qu->items[i].label);
		break;
	case Q_CHOICE:
	case Q_MULTI:
		for (size_t i = 0; i < qu->nchoices; i++)
			ncorrect += qu->choices[i].correct;
		if (qu->nchoices < 2)
			question_error(p, qu, "needs at least 2 '@%s' lines "
			    "(has %zu)", "choice", qu->nchoices);
		else if (qu->nchoices > MAX_LETTERS)
			question_error(p, qu, "has more than 26 '@%s' lines "
			    "(%zu)", "choice", qu->nchoices);
		if (qu->kind == Q_CHOICE && ncorrect != 1)
			question_error(p, qu, "needs exactly one correct "
			    "'@%s' (has %zu)", "choice*", ncorrect);
		if (qu->kind == Q_MULTI && ncorrect == 0)
			question_error(p, qu, "needs at least one correct "
			    "'@%s' (has %zu)", "choice*", ncorrect);
		break;
	case Q_ORDER:
		if (qu->nsteps < 3)
			question_error(p, qu, "needs at least 3 '@%s' lines "
			    "(has %zu)", "step", qu->nsteps);
		else if (qu->nsteps > MAX_LETTERS)
			question_error(p, qu, "has more than 26 '@%s' lines "
			    "(%zu)", "step", qu->nsteps);
		break;
	case Q_TRUEFALSE:
		if (p->seen[D_ANSWER] == 0)
			missing(p, qu, "answer");
		break;
	}
	if (qu->explain == NULL)
		missing(p, qu, "explain");
	if (p->seen[D_TAUGHT] == 0)
		missing(p, qu, "taught");
	if (qu->case_sensitive)
		recompile_case_sensitive(p, qu);
	if ((qu->kind == Q_ORDER ? qu->nsteps : qu->nchoices) <= MAX_LETTERS)
		set_shown(p->q, qu);
}

static void
start_question(struct parser *p, const char *arg, long line, long col)
{
	struct quiz *q = p->q;
	size_t kind;

	finish_question(p);
	memset(p->seen + D_ID, 0, (D_COUNT - D_ID) * sizeof p->seen[0]);
	p->have_last = false;
	for (kind = 0; kind < NKINDS; kind++)
		if (strcmp(arg, kind_names[kind]) == 0)
			break;
	if (kind == NKINDS) {
		const char *near = srcfile_nearest(arg, kind_names, NKINDS);

		if (near != NULL)
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "unknown question kind '%s'; did you mean '%s'?",
			    arg, near);
		else
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "unknown question kind '%s' (expected short, list, "
			    "choice, multi, truefalse or order)", arg);
		/* Skip its directives rather than report them all as wrong. */
		p->skipping = true;
		return;
	}
	p->skipping = false;
	if (q->nquestions == p->qcap) {
		p->qcap = p->qcap ? p->qcap * 2 : 8;
		q->questions = xreallocarray(q->questions, p->qcap,
		    sizeof *q->questions);
	}
	p->cur = &q->questions[q->nquestions++];
	memset(p->cur, 0, sizeof *p->cur);
	p->cur->kind = (enum question_kind)kind;
	p->cur->path = q->path;
	p->cur->lineno = line;
	p->cur->points = 1;
}

/* ------------------------------------------------------------ directives */

static void
duplicate(struct parser *p, const char *name, long line, long first)
{
	diag_add(p->d, DIAG_ERROR, p->path, line, 0,
	    "duplicate '@%s' (first at line %ld)", name, first);
}

static void
header_directive(struct parser *p, const struct directive *dir,
    const char *arg, long line, long col)
{
	struct quiz *q = p->q;

	switch (dir->id) {
	case D_QUIZ:
		id_value(p, "quiz", arg, line, col, &q->id);
		break;
	case D_TITLE:
		q->title = xstrdup(arg);
		break;
	case D_LESSON:
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
	default:
		break;
	}
}

static void
question_directive(struct parser *p, const struct directive *dir,
    const char *arg, long line, long col)
{
	struct question *qu = p->cur;
	struct pattern *pat;
	bool after_feedback_target;

	after_feedback_target = p->have_last &&
	    (p->last == D_MISCONCEPTION || p->last == D_CHOICE ||
	    p->last == D_CHOICE_STAR);
	switch (dir->id) {
	case D_ID:
		id_value(p, "question", arg, line, col, &qu->id);
		break;
	case D_PROMPT:
		qu->prompt = xstrdup(arg);
		p->cont = C_PROMPT;
		break;
	case D_POINTS:
		number(p, "points", arg, line, col, 1, 100, &qu->points);
		break;
	case D_ACCEPT:
		if (qu->kind == Q_LIST) {
			struct list_item *it;

			if (qu->nitems == 0) {
				diag_add(p->d, DIAG_ERROR, p->path, line, 0,
				    "'@accept' in a list question must follow "
				    "an '@item'");
				break;
			}
			it = &qu->items[qu->nitems - 1];
			pat = add_pattern(&it->accept, &it->naccept, arg, line,
			    col);
		} else {
			pat = add_pattern(&qu->accept, &qu->naccept, arg, line,
			    col);
		}
		compile_pattern(p, pat, false, true);
		break;
	case D_ITEM:
		qu->items = grow(qu->items, &qu->nitems, sizeof *qu->items);
		qu->items[qu->nitems - 1].label = xstrdup(arg);
		qu->items[qu->nitems - 1].lineno = line;
		p->cont = C_ITEM;
		break;
	case D_NEED:
		number(p, "need", arg, line, col, 1, 100, &qu->need);
		break;
	case D_MISCONCEPTION:
		pat = add_pattern(&qu->misconceptions, &qu->nmisconceptions,
		    arg, line, col);
		compile_pattern(p, pat, false, false);
		break;
	case D_FEEDBACK:
		if (p->have_last && p->last == D_FEEDBACK) {
			diag_add(p->d, DIAG_ERROR, p->path, line, 0,
			    "second '@feedback' for the same %s",
			    qu->kind == Q_CHOICE || qu->kind == Q_MULTI ?
			    "'@choice'" : "'@misconception'");
		} else if (!after_feedback_target) {
			diag_add(p->d, DIAG_ERROR, p->path, line, 0,
			    "'@feedback' must come right after the %s it is "
			    "for", qu->kind == Q_CHOICE || qu->kind == Q_MULTI ?
			    "'@choice'" : "'@misconception'");
		} else if (p->last == D_MISCONCEPTION) {
			qu->misconceptions[qu->nmisconceptions - 1].feedback =
			    xstrdup(arg);
			p->cont = C_MISCONCEPTION_FEEDBACK;
		} else {
			qu->choices[qu->nchoices - 1].feedback = xstrdup(arg);
			p->cont = C_CHOICE_FEEDBACK;
		}
		break;
	case D_CHOICE:
	case D_CHOICE_STAR:
		qu->choices = grow(qu->choices, &qu->nchoices,
		    sizeof *qu->choices);
		qu->choices[qu->nchoices - 1].text = xstrdup(arg);
		qu->choices[qu->nchoices - 1].correct = dir->id == D_CHOICE_STAR;
		qu->choices[qu->nchoices - 1].lineno = line;
		p->cont = C_CHOICE;
		break;
	case D_STEP:
		qu->steps = xreallocarray(qu->steps, qu->nsteps + 1,
		    sizeof *qu->steps);
		qu->steps[qu->nsteps++] = xstrdup(arg);
		p->cont = C_STEP;
		break;
	case D_ANSWER:
		if (strcmp(arg, "true") == 0)
			qu->answer_true = true;
		else if (strcmp(arg, "false") == 0)
			qu->answer_true = false;
		else
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "bad '@answer' value '%s': expected 'true' or "
			    "'false'", arg);
		break;
	case D_HINT:
		qu->hints = xreallocarray(qu->hints, qu->nhints + 1,
		    sizeof *qu->hints);
		qu->hints[qu->nhints++] = xstrdup(arg);
		p->cont = C_HINT;
		break;
	case D_EXPLAIN:
		qu->explain = xstrdup(arg);
		p->cont = C_EXPLAIN;
		break;
	case D_CASE:
		qu->case_sensitive = true;
		break;
	case D_EXAMPLE_PLUS:
	case D_EXAMPLE_MINUS:
		qu->examples = grow(qu->examples, &qu->nexamples,
		    sizeof *qu->examples);
		qu->examples[qu->nexamples - 1].text = xstrdup(arg);
		qu->examples[qu->nexamples - 1].accept =
		    dir->id == D_EXAMPLE_PLUS;
		qu->examples[qu->nexamples - 1].lineno = line;
		break;
	case D_TAUGHT: {
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
			    "and a page number, e.g. '@taught psoas-anatomy 2'",
			    arg);
			free(lesson);
			break;
		}
		qu->taught_lesson = lesson;
		qu->taught_page = n;
		qu->taught_lineno = line;
		break;
	}
	default:
		break;
	}
}

/* Directives that may appear once per question (or once in the header). */
static bool
once_only(enum dir_id id)
{
	switch (id) {
	case D_QUIZ: case D_TITLE: case D_LESSON: case D_KIND: case D_PASS:
	case D_TRIES: case D_RETRY_COST: case D_HINT_COST: case D_SHUFFLE:
	case D_ID: case D_PROMPT: case D_POINTS: case D_NEED: case D_ANSWER:
	case D_EXPLAIN: case D_CASE: case D_TAUGHT:
		return true;
	default:
		return false;
	}
}

static const struct directive *
find_directive(const char *name, size_t len)
{
	for (size_t i = 0; i < NDIRECTIVES; i++)
		if (strlen(directives[i].name) == len &&
		    memcmp(directives[i].name, name, len) == 0)
			return &directives[i];
	return NULL;
}

static void
unknown_directive(struct parser *p, const struct srcline *l,
    const char *name, size_t len)
{
	const char *names[NDIRECTIVES];
	char *word = xstrndup(name, len);
	const char *near;

	/* Report what was written, up to the first space. */
	if (len == 0 || name[len] != '\0') {
		size_t n = strcspn(l->text + 1, " \t");

		free(word);
		word = xstrndup(l->text + 1, n);
	}
	for (size_t i = 0; i < NDIRECTIVES; i++)
		names[i] = directives[i].name;
	near = srcfile_nearest(word, names, NDIRECTIVES);
	if (near != NULL && word[0] != '\0')
		diag_add(p->d, DIAG_ERROR, p->path, l->lineno, 1,
		    "unknown directive '@%s'; did you mean '@%s'?", word, near);
	else
		diag_add(p->d, DIAG_ERROR, p->path, l->lineno, 1,
		    "unknown directive '@%s'", word);
	free(word);
}

static void
directive_line(struct parser *p, const struct srcline *l)
{
	const char *name, *arg;
	size_t len;
	long col, line = l->lineno;
	const struct directive *dir;
	bool first = !p->any_directive;

	srcline_directive(l, &name, &len, &arg, &col);
	p->any_directive = true;
	p->cont = C_NONE;
	dir = find_directive(name, len);
	/* "@choice*x" or "@quiz:" is not a directive name followed by a value. */
	if (dir == NULL || (name[len] != '\0' && name[len] != ' ' &&
	    name[len] != '\t')) {
		unknown_directive(p, l, name, len);
		return;
	}
	if (dir->id == D_QUIZ && !first) {
		diag_add(p->d, DIAG_ERROR, p->path, line, 0,
		    "'@quiz' must be the first directive of the file");
		p->seen[D_QUIZ] = line;
		return;
	}
	if (dir->id == D_CASE) {
		if (arg[0] != '\0') {
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "'@case' takes no value");
			return;
		}
	} else if (arg[0] == '\0') {
		diag_add(p->d, DIAG_ERROR, p->path, line, 0,
		    "'@%s' needs a value", dir->name);
		if (dir->id == D_QUESTION)
			p->skipping = true, finish_question(p);
		return;
	}
	if (dir->id == D_QUESTION) {
		start_question(p, arg, line, col);
		return;
	}
	if (p->skipping)
		return;
	if (dir->kinds == K_HEADER && p->q->nquestions > 0) {
		diag_add(p->d, DIAG_ERROR, p->path, line, 1,
		    "'@%s' belongs in the quiz header, before the first "
		    "'@question'", dir->name);
		/* Said once: not "missing" as well. */
		if (p->seen[dir->id] == 0)
			p->seen[dir->id] = line;
		return;
	}
	if (dir->kinds != K_HEADER && p->cur == NULL) {
		diag_add(p->d, DIAG_ERROR, p->path, line, 1,
		    "'@%s' must come after an '@question'", dir->name);
		return;
	}
	if (p->cur != NULL && !(dir->kinds & K(p->cur->kind))) {
		diag_add(p->d, DIAG_ERROR, p->path, line, 1,
		    "'@%s' is not valid in a %s question", dir->name,
		    kind_names[p->cur->kind]);
		return;
	}
	if (once_only(dir->id) && p->seen[dir->id] != 0) {
		duplicate(p, dir->name, line, p->seen[dir->id]);
		return;
	}
	if (p->seen[dir->id] == 0)
		p->seen[dir->id] = line;
	if (dir->kinds == K_HEADER) {
		header_directive(p, dir, arg, line, col);
	} else {
		question_directive(p, dir, arg, line, col);
		p->last = dir->id;
		p->have_last = true;
	}
}

static char **
cont_target(struct parser *p)
{
	struct question *qu = p->cur;

	switch (p->cont) {
	case C_PROMPT:
		return &qu->prompt;
	case C_EXPLAIN:
		return &qu->explain;
	case C_HINT:
		return &qu->hints[qu->nhints - 1];
	case C_CHOICE:
		return &qu->choices[qu->nchoices - 1].text;
	case C_STEP:
		return &qu->steps[qu->nsteps - 1];
	case C_ITEM:
		return &qu->items[qu->nitems - 1].label;
	case C_MISCONCEPTION_FEEDBACK:
		return &qu->misconceptions[qu->nmisconceptions - 1].feedback;
	case C_CHOICE_FEEDBACK:
		return &qu->choices[qu->nchoices - 1].feedback;
	case C_NONE:
		break;
	}
	return NULL;
}

static void
text_line(struct parser *p, const struct srcline *l)
{
	char **target = p->cur != NULL ? cont_target(p) : NULL;
	const char *s = srcline_text(l);
	const char *e = s + strlen(s);

	if (p->skipping)
		return;
	if (target == NULL) {
		diag_add(p->d, DIAG_ERROR, p->path, l->lineno, 1,
		    "text outside a directive (only @prompt, @explain, @hint, "
		    "@feedback, @choice, @step and @item continue on the "
		    "next line)");
		return;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	{
		char *piece = xstrndup(s, (size_t)(e - s));

		*target = join(*target, piece);
		free(piece);
	}
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
				    "question at line %ld)", q->questions[i].id,
				    q->questions[j].lineno);
				break;
			}
}

struct quiz *
quiz_load(const char *path, struct diag *d)
{
	struct srcfile f;
	struct parser p;
	size_t before = d->errors;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.q = xcalloc(1, sizeof *p.q);
	p.q->path = xstrdup(path);
	p.path = p.q->path;
	p.q->retry_cost = 50;
	p.q->hint_cost = 25;
	p.q->tries = 0;

	if (srcfile_read(&f, path, d) != 0) {
		srcfile_destroy(&f);
		quiz_free(p.q);
		return NULL;
	}
	for (size_t i = 0; i < f.n; i++) {
		const struct srcline *l = &f.lines[i];

		if (srcline_is_comment(l))
			continue;
		if (srcline_is_blank(l))
			p.cont = C_NONE;
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
	if (p.q->tries == 0)
		p.q->tries = p.q->posttest ? 1 : 2;
	srcfile_destroy(&f);
	if (d->errors != before) {
		quiz_free(p.q);
		return NULL;
	}
	return p.q;
}
