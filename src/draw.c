/*
 * One attempt's questions drawn from a quiz's pool (draw.h).  The draw is
 * a pure function of the quiz and the seed; the text form written to the
 * journal is checked against the quiz when it is read back, so an attempt
 * never continues on a pool that has changed under it.
 */
#include "config.h"

#include <sys/random.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "qkind.h"
#include "xmalloc.h"

bool
draw_applies(const struct quiz *q)
{
	return q->ndraws > 0;
}

size_t
draw_size(const struct quiz *q)
{
	size_t n = 0;

	for (size_t r = 0; r < q->ndraws; r++)
		n += (size_t)q->draws[r].count;
	return q->ndraws > 0 ? n : q->nquestions;
}

uint64_t
draw_new_seed(void)
{
	uint64_t seed;

	if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed) {
		/* No system randomness: time and pid still vary per attempt. */
		uint64_t state = (uint64_t)time(NULL) << 20 ^ (uint64_t)getpid();

		seed = quiz_random(&state);
	}
	return seed;
}

/* How many letters question qu shows (choices or steps), 0 if none. */
static size_t
letters(const struct question *qu)
{
	return qu->shown != NULL ? qkind_letters(qu) : 0;
}

static void
shuffle(size_t *v, size_t n, uint64_t *state)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(quiz_random(state) % i);
		size_t t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

/*
 * This attempt's letters for qu (n of them), on top of the file's own:
 * shuffled, and never showing the choices or steps in their written
 * order, since steps shown in order would give an ordering question away
 * (keyless: never in the file's own lettering; draw_make_edition).
 */
static size_t *
new_shown(const struct question *qu, size_t n, uint64_t *state,
    bool keyless)
{
	size_t *shown = xcalloc(n, sizeof *shown);
	bool in_order = true;

	for (size_t i = 0; i < n; i++)
		shown[i] = i;
	shuffle(shown, n, state);
	for (size_t i = 0; i < n; i++)
		in_order &= (keyless ? shown[i] : qu->shown[shown[i]]) == i;
	if (in_order && n > 1) {
		size_t first = shown[0];

		/* Rotated by one, letter i shows what was at i + 1. */
		memmove(shown, shown + 1, (n - 1) * sizeof *shown);
		shown[n - 1] = first;
	}
	return shown;
}

static void
make(const struct quiz *q, uint64_t seed, struct draw *d, bool keyless)
{
	uint64_t state = seed;
	size_t *pool = xcalloc(q->nquestions ? q->nquestions : 1,
	    sizeof *pool);
	size_t total = draw_size(q);

	memset(d, 0, sizeof *d);
	d->seed = seed;
	d->question = xcalloc(total ? total : 1, sizeof *d->question);
	d->shown = xcalloc(total ? total : 1, sizeof *d->shown);
	for (size_t r = 0; r < q->ndraws; r++) {
		size_t npool = 0;

		for (size_t k = 0; k < q->nquestions; k++)
			if (q->questions[k].topic != NULL &&
			    strcmp(q->questions[k].topic, q->draws[r].topic) == 0)
				pool[npool++] = k;
		shuffle(pool, npool, &state);
		for (size_t i = 0; i < npool && i < (size_t)q->draws[r].count; i++)
			d->question[d->n++] = pool[i];
	}
	free(pool);
	shuffle(d->question, d->n, &state);
	for (size_t i = 0; i < d->n; i++) {
		const struct question *qu = &q->questions[d->question[i]];
		size_t n = letters(qu);

		d->shown[i] = n > 0 ? new_shown(qu, n, &state, keyless) : NULL;
	}
}

void
draw_make(const struct quiz *q, uint64_t seed, struct draw *d)
{
	make(q, seed, d, q->keyless);
}

void
draw_make_edition(const struct quiz *q, uint64_t seed, struct draw *d)
{
	make(q, seed, d, true);
}

char *
draw_format(const struct quiz *q, const struct draw *d)
{
	size_t len = 1;
	char *s, *at;

	for (size_t i = 0; i < d->n; i++)
		len += strlen(q->questions[d->question[i]].id) + 2 +
		    letters(&q->questions[d->question[i]]);
	s = at = xmalloc(len);
	*s = '\0';
	for (size_t i = 0; i < d->n; i++) {
		const struct question *qu = &q->questions[d->question[i]];
		size_t n = letters(qu);

		at += sprintf(at, "%s%s%s", i > 0 ? " " : "", qu->id,
		    n > 0 ? "/" : "");
		for (size_t k = 0; k < n; k++)
			*at++ = (char)('a' + d->shown[i][k]);
		*at = '\0';
	}
	return s;
}

static ssize_t
find_question(const struct quiz *q, const char *id, size_t len)
{
	for (size_t k = 0; k < q->nquestions; k++)
		if (strlen(q->questions[k].id) == len &&
		    memcmp(q->questions[k].id, id, len) == 0)
			return (ssize_t)k;
	return -1;
}

/* The letters after '/': a permutation of n letters, into shown. */
static bool
parse_letters(const char *s, size_t len, size_t n, size_t *shown)
{
	bool used[26] = { false };

	if (len != n || n > 26)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t idx = (size_t)(s[i] - 'a');

		if (s[i] < 'a' || idx >= n || used[idx])
			return false;
		used[idx] = true;
		shown[i] = idx;
	}
	return true;
}

int
draw_parse(const struct quiz *q, uint64_t seed, const char *text,
    struct draw *d)
{
	size_t words = 1;

	memset(d, 0, sizeof *d);
	d->seed = seed;
	for (const char *s = text; *s != '\0'; s++)
		words += *s == ' ';
	d->question = xcalloc(words, sizeof *d->question);
	d->shown = xcalloc(words, sizeof *d->shown);
	for (const char *s = text; *s != '\0';) {
		size_t wlen = strcspn(s, " ");
		size_t idlen = strcspn(s, " /");
		ssize_t k = find_question(q, s, idlen);
		size_t n;

		if (k < 0)
			goto bad;
		n = letters(&q->questions[k]);
		d->question[d->n] = (size_t)k;
		if (n > 0) {
			d->shown[d->n] = xcalloc(n, sizeof **d->shown);
			if (idlen == wlen || !parse_letters(s + idlen + 1,
			    wlen - idlen - 1, n, d->shown[d->n])) {
				d->n++;
				goto bad;
			}
		} else if (idlen != wlen) {
			goto bad;
		}
		d->n++;
		s += wlen;
		if (*s == ' ')
			s++;
	}
	if (d->n > 0)
		return 0;
bad:
	draw_destroy(d);
	return -1;
}

void
draw_seed_format(uint64_t seed, char buf[17])
{
	snprintf(buf, 17, "%016llx", (unsigned long long)seed);
}

bool
draw_seed_parse(const char *s, uint64_t *seed)
{
	uint64_t v = 0;

	if (strlen(s) != 16)
		return false;
	for (; *s != '\0'; s++) {
		int x = *s >= '0' && *s <= '9' ? *s - '0' :
		    *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;

		if (x < 0)
			return false;
		v = v << 4 | (uint64_t)x;
	}
	*seed = v;
	return true;
}

void
draw_destroy(struct draw *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->shown[i]);
	free(d->shown);
	free(d->question);
	memset(d, 0, sizeof *d);
}

struct quiz *
draw_view(const struct quiz *q, const struct draw *d)
{
	struct quiz *v = xmalloc(sizeof *v);

	*v = *q;
	v->questions = xcalloc(d->n ? d->n : 1, sizeof *v->questions);
	v->nquestions = d->n;
	for (size_t i = 0; i < d->n; i++) {
		const struct question *qu = &q->questions[d->question[i]];
		size_t n = letters(qu);

		v->questions[i] = *qu;
		v->questions[i].shown = NULL;
		/* On top of the file's own letters, those of its examples. */
		if (n > 0) {
			v->questions[i].shown = xcalloc(n, sizeof(size_t));
			for (size_t k = 0; k < n; k++)
				v->questions[i].shown[k] = qu->shown[d->shown[i][k]];
		}
	}
	return v;
}

void
draw_view_free(struct quiz *view)
{
	if (view == NULL)
		return;
	for (size_t i = 0; i < view->nquestions; i++)
		free(view->questions[i].shown);
	free(view->questions);
	free(view);
}
