/*
 * The "order" kind: put the steps in order.  Steps are always shown
 * shuffled (never in the right order, which would give the answer away)
 * in an order fixed at load, and the answer is every letter once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qkind.h"
#include "xmalloc.h"

static char **
d_step(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	(void)p, (void)line, (void)col;
	qu->steps = xreallocarray(qu->steps, qu->nsteps + 1, sizeof *qu->steps);
	qu->steps[qu->nsteps++] = xstrdup(arg);
	return &qu->steps[qu->nsteps - 1];
}

static const struct qdirective order_directives[] = {
	{{"step", QKIND_DIR}, d_step},
};

static void
finish_order(struct qparse *p, struct question *qu)
{
	if (qu->nsteps < 3)
		qparse_error(p, qu->lineno, 0, "order question '%s' needs at "
		    "least 3 '@step' lines (has %zu)", qu->id, qu->nsteps);
	else if (qu->nsteps > QKIND_MAX_LETTERS)
		qparse_error(p, qu->lineno, 0, "order question '%s' has more "
		    "than 26 '@step' lines (%zu)", qu->id, qu->nsteps);
	/* Keyless steps are written in their shown order: the right one is
	 * the provider's secret. */
	qparse_set_shown(p, qu, qu->nsteps, !p->keyless, true);
}

static void
free_order(struct question *qu)
{
	for (size_t i = 0; i < qu->nsteps; i++)
		free(qu->steps[i]);
	free(qu->steps);
}

/* Every letter once, in the right order: right or wrong, no partial. */
static void
grade_order(const struct question *q, char *a, struct grade_result *r)
{
	size_t n = q->nsteps;
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
		r->message = xasprintf("type all %zu letters, a to %c, each "
		    "once, in the right order", n, (char)('a' + n - 1));
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

static void
show_order(const struct qshow *s, const struct question *qu)
{
	qshow_lettered(s, (const char *const *)qu->steps, qu->shown,
	    qu->nsteps);
	qshow_say(s, "", "", "Type the letters in order, e.g. c a b d.");
}

static void
show_order_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	qshow_lettered_answer(s, indent, (const char *const *)qu->steps,
	    qu->shown, qu->nsteps, NULL);
}

const struct qkind qkind_order = {
	.name = "order",
	.directives = order_directives,
	.ndirectives = sizeof order_directives / sizeof order_directives[0],
	.finish = finish_order,
	.free = free_order,
	.grade = grade_order,
	.show = show_order,
	.show_answer = show_order_answer,
	.check = qkind_check_key_example,
	.decided_by = "answer key",
};
