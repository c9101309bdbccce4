/*
 * The "order" kind: put the steps in order.  Steps are always shown
 * shuffled (never in the right order, which would give the answer away)
 * in an order fixed at load, and the answer is every letter once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qkind.h"
#include "strbuf.h"
#include "xmalloc.h"

/* An order question's own data (question.data). */
struct qorder {
	char **steps;		/* in the right order, as written */
	size_t nsteps;
};

static struct qorder *
order_of(const struct question *qu)
{
	return qu->data;
}

static void
init_order(struct question *qu)
{
	qu->data = xcalloc(1, sizeof(struct qorder));
}

static char **
d_step(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qorder *o = order_of(qu);

	(void)p, (void)line, (void)col;
	o->steps = xreallocarray(o->steps, o->nsteps + 1, sizeof *o->steps);
	o->steps[o->nsteps++] = xstrdup(arg);
	return &o->steps[o->nsteps - 1];
}

static const struct qdirective order_directives[] = {
	{{"step", QKIND_DIR}, d_step},
};

static void
finish_order(struct qparse *p, struct question *qu)
{
	const struct qorder *o = order_of(qu);

	if (o->nsteps < 3)
		qparse_error(p, qu->lineno, 0, "order question '%s' needs at "
		    "least 3 '@step' lines (has %zu)", qu->id, o->nsteps);
	else if (o->nsteps > QKIND_MAX_LETTERS)
		qparse_error(p, qu->lineno, 0, "order question '%s' has more "
		    "than 26 '@step' lines (%zu)", qu->id, o->nsteps);
	/* Keyless steps are written in their shown order: the right one is
	 * the provider's secret. */
	qparse_set_shown(p, qu, o->nsteps, !p->keyless, true);
}

static void
free_order(struct question *qu)
{
	struct qorder *o = order_of(qu);

	for (size_t i = 0; i < o->nsteps; i++)
		free(o->steps[i]);
	free(o->steps);
	free(o);
}

/* Every letter once, in the right order: right or wrong, no partial. */
static void
grade_order(const struct question *q, char *a, struct grade_result *r)
{
	size_t n = order_of(q)->nsteps;
	size_t *letters = xcalloc(n, sizeof *letters);
	bool *seen = xcalloc(n, sizeof *seen);
	size_t nl;
	bool ok;

	ok = grade_parse_letters(a, n, letters, &nl) && nl == n;
	for (size_t i = 0; ok && i < nl; i++) {
		ok = !seen[letters[i]];
		seen[letters[i]] = true;
	}
	if (!ok) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = xasprintf("Type all %zu letters, a to %c, each "
		    "once, in the right order.", n, (char)('a' + n - 1));
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (q->shown[letters[i]] != i)
			ok = false;
	r->verdict = ok ? GRADE_CORRECT : GRADE_INCORRECT;
	r->fraction = ok ? 1 : 0;
out:
	free(letters);
	free(seen);
}

/*
 * How to answer, shown with the question: "e.g. b c a", as many letters
 * as there are steps, and never the right order (shown[letter] is the
 * step a letter stands for): the letters turned by k places, k from
 * qshow_example_start, or the next k when that turn is the answer.
 */
static char *
order_example(const struct question *qu, const size_t *shown, size_t n)
{
	struct strbuf b = {0};
	size_t start = qshow_example_start(qu, n);

	for (size_t t = 0; t < n; t++) {
		size_t k = (start + t) % n;
		bool right = true;

		for (size_t i = 0; i < n; i++)
			if (shown[(i + k) % n] != i)
				right = false;
		if (right)
			continue;
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&b, "%s%c", i > 0 ? " " : "",
			    (char)('a' + (i + k) % n));
		break;
	}
	return strbuf_take(&b);
}

static void
show_order(const struct qshow *s, const struct question *qu)
{
	const struct qorder *o = order_of(qu);
	char *example;

	qshow_lettered(s, (const char *const *)o->steps, qu->shown, o->nsteps);
	example = order_example(qu, qu->shown, o->nsteps);
	qshow_say(s, "", "", "Type the letters in order, e.g. %s.", example);
	free(example);
}

static void
show_order_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	const struct qorder *o = order_of(qu);

	qshow_lettered_answer(s, indent, (const char *const *)o->steps,
	    qu->shown, o->nsteps, NULL);
}

static size_t
order_letters(const struct question *qu)
{
	return order_of(qu)->nsteps;
}

/* No step is an answer on its own: *right stays false. */
static const char *
order_letter(const struct question *qu, size_t i, bool *right)
{
	(void)right;
	return order_of(qu)->steps[i];
}

/* Steps as shown: their file order is the answer. */
static void
keyless_order(struct strbuf *b, const struct question *qu)
{
	const struct qorder *o = order_of(qu);

	for (size_t i = 0; i < o->nsteps; i++)
		strbuf_addf(b, "@step %s\n", o->steps[qu->shown[i]]);
}

const struct qkind qkind_order = {
	.name = "order",
	.directives = order_directives,
	.ndirectives = sizeof order_directives / sizeof order_directives[0],
	.init = init_order,
	.free = free_order,
	.finish = finish_order,
	.grade = grade_order,
	.show = show_order,
	.show_answer = show_order_answer,
	.check = qkind_check_key_example,
	.decided_by = "answer key",
	.letters = order_letters,
	.letter = order_letter,
	.keyless = keyless_order,
};
