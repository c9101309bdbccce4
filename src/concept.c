/*
 * Finding what a free-text answer names (concept.h): pattern matches
 * under the answer's time budget, negation, @fine remarks, and hedges
 * ("X or Y"), for grade_text.c (short) and grade_list.c (list).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clause.h"
#include "concept.h"
#include "defaults.h"
#include "grade_text.h"
#include "xmalloc.h"

#define SUBJECT_PAD 32		/* zero bytes after a subject, for JIT */
#define MAX_ALTERNATIVES 16	/* "X or Y or ..." sides looked at */

/* ------------------------------------------------------------- matching */

void
concept_ctx_init(struct concept_ctx *c, const struct question *q,
    struct grade_result *r)
{
	memset(c, 0, sizeof *c);
	c->q = q;
	c->r = r;
	clock_gettime(CLOCK_MONOTONIC, &c->deadline);
	c->deadline.tv_nsec += (long)GRADE_BUDGET_MS * 1000000L;
	c->deadline.tv_sec += c->deadline.tv_nsec / 1000000000L;
	c->deadline.tv_nsec %= 1000000000L;
	c->md = pcre2_match_data_create(1, NULL);
	if (c->md == NULL)
		abort();
}

void
concept_ctx_destroy(struct concept_ctx *c)
{
	pcre2_match_data_free(c->md);
}

/* Out of time, or asked to stop: the answer is not graded. */
static bool
spent(struct concept_ctx *c)
{
	struct timespec now;
	bool late;

	if (c->failed)
		return true;
	clock_gettime(CLOCK_MONOTONIC, &now);
	late = now.tv_sec > c->deadline.tv_sec ||
	    (now.tv_sec == c->deadline.tv_sec &&
	    now.tv_nsec > c->deadline.tv_nsec);
	if (late || grade_stop_requested()) {
		grade_set_unfinished(c->q, c->r, late);
		c->failed = true;
	}
	return c->failed;
}

/*
 * The first match of p in v at or after from: 1 (in *m), 0 none, -1 an
 * error (r is then ungradable).
 */
static int
match_from(struct concept_ctx *c, const struct pattern *p,
    const struct concept_view *v, size_t from, struct span *m)
{
	PCRE2_SIZE *ov;
	int rc;

	if (spent(c))
		return -1;
	if (from > v->len)
		return 0;
	rc = pcre2_match(grade_text_code(c->q, p, NULL, NULL),
	    (PCRE2_SPTR)v->s, v->len, from, PCRE2_NO_UTF_CHECK, c->md,
	    grade_match_context());
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		grade_set_ungradable(c->q, p, rc, c->r);
		c->failed = true;
		return -1;
	}
	ov = pcre2_get_ovector_pointer(c->md);
	m->start = ov[0];
	m->end = ov[1];
	return 1;
}

static bool
in_fine(const struct concept_view *v, struct span m)
{
	for (size_t i = 0; i < v->nfine; i++)
		if (m.start >= v->fine[i].start && m.end <= v->fine[i].end)
			return true;
	return false;
}

/* The byte after the character at i (UTF-8). */
static size_t
next_char(const char *s, size_t len, size_t i)
{
	i++;
	while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/*
 * The next match of p in v at or after from that is not negated (and,
 * with skip_fine, not inside a @fine remark).
 */
static int
next_clean(struct concept_ctx *c, const struct pattern *p,
    const struct concept_view *v, size_t from, bool skip_fine,
    struct span *m)
{
	int rc;

	while ((rc = match_from(c, p, v, from, m)) == 1) {
		if (!clause_negated(v->s, v->len, *m) &&
		    !(skip_fine && in_fine(v, *m)))
			return 1;
		from = next_char(v->s, v->len, m->start);
	}
	return rc;
}

int
concept_find_fine(struct concept_ctx *c, struct concept_view *v)
{
	const struct qtext *qt = qtext_of(c->q);

	v->nfine = 0;
	for (size_t i = 0; i < qt->nfine; i++) {
		struct span m;
		size_t from = 0;
		int rc;

		while ((rc = match_from(c, &qt->fine[i], v, from, &m)) == 1 &&
		    v->nfine < CONCEPT_MAX_FINE) {
			v->fine[v->nfine++] = m;
			from = m.end > m.start ? m.end :
			    next_char(v->s, v->len, m.start);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

const struct pattern *
concept_misconception(struct concept_ctx *c, const struct concept_view *v)
{
	const struct qtext *qt = qtext_of(c->q);

	for (size_t i = 0; i < qt->nmisconceptions; i++) {
		struct span m;
		int rc = next_clean(c, &qt->misconceptions[i], v, 0, true, &m);

		if (rc != 0)
			return rc > 0 ? &qt->misconceptions[i] : NULL;
	}
	return NULL;
}

int
concept_accepts(struct concept_ctx *c, const struct pattern *p, const char *s)
{
	struct concept_view v = {.s = s, .len = strlen(s)};
	struct span m;

	return match_from(c, p, &v, 0, &m);
}

char *
concept_padded(const char *s, size_t n)
{
	char *p = xcalloc(n + 1 + SUBJECT_PAD, 1);

	memcpy(p, s, n);
	return p;
}

/* ---------------------------------------------------------------- hedges */

/* What a side of "X or Y" must name for the "or" to be a restatement. */
struct naming {
	const struct pattern *concept;		/* short: this concept */
	const struct list_item *item;		/* list: this item */
};

/*
 * Does side v of an "or" restate what, or (short) name another concept
 * the question requires ("ASIS / belly button": both are needed, so the
 * '/' is an "and")?
 */
static int
names(struct concept_ctx *c, const struct naming *what,
    const struct concept_view *v)
{
	const struct qtext *qt = qtext_of(c->q);
	struct span m;
	int rc = 0;

	if (what->concept == NULL)
		return concept_names_item(c, what->item, v, false, NULL);
	for (size_t i = 0; i < qt->nconcepts && rc == 0; i++)
		rc = next_clean(c, &qt->concepts[i], v, 0, false, &m);
	return rc;
}

/* Does text (n bytes, not padded) name what? */
static int
names_text(struct concept_ctx *c, const struct naming *what, const char *text,
    size_t n)
{
	struct concept_view v = {.s = concept_padded(text, n), .len = n};
	int rc = names(c, what, &v);

	free((char *)v.s);
	return rc;
}

/*
 * An elliptical alternative: "back or flank pain" reads its first side as
 * "back pain" (the words after the first word of the last side), and
 * "pain in the side/back" its last side as "pain in the back" (the words
 * before the last word of the first side).  Does the completed side name
 * the same thing?  Not when the neighbour names it twice over, in the
 * words it lends and in the words it keeps: in "conus medullaris or
 * cauda equina syndrome" both "equina syndrome" and "cauda" name cauda
 * equina syndrome, so the sides differ in a word that names it, and
 * "conus medullaris equina syndrome" proves nothing.  (In "anecdotal /
 * expert opinion" the neighbour keeps "expert", which names nothing.)
 */
static int
names_completed(struct concept_ctx *c, const struct naming *what,
    const struct concept_view *side, const char *s, struct span first,
    struct span last, bool before)
{
	struct span lent, kept;
	const char *sp;
	char *joined;
	int rc;

	if (before) {
		sp = memchr(s + last.start, ' ', last.end - last.start);
		if (sp == NULL)
			return 0;
		kept = (struct span){last.start, (size_t)(sp - s)};
		lent = (struct span){(size_t)(sp - s), last.end};
		joined = xasprintf("%.*s%.*s", (int)side->len, side->s,
		    (int)(lent.end - lent.start), s + lent.start);
	} else {
		for (sp = s + first.end; sp > s + first.start && sp[-1] != ' ';)
			sp--;
		if (sp == s + first.start)
			return 0;
		lent = (struct span){first.start, (size_t)(sp - s)};
		kept = (struct span){(size_t)(sp - s), first.end};
		joined = xasprintf("%.*s%.*s", (int)(lent.end - lent.start),
		    s + lent.start, (int)side->len, side->s);
	}
	rc = names_text(c, what, s + lent.start, lent.end - lent.start);
	if (rc > 0)
		rc = names_text(c, what, s + kept.start, kept.end - kept.start);
	rc = rc < 0 ? -1 : rc > 0 ? 0 : names_text(c, what, joined,
	    strlen(joined));
	free(joined);
	return rc;
}

/*
 * Is the term at m hedged: one of several "or" alternatives, another of
 * which is neither filler nor a restatement of the same thing?
 */
static int
hedged(struct concept_ctx *c, const struct concept_view *v, struct span m,
    const struct naming *what)
{
	struct span alt[MAX_ALTERNATIVES];
	size_t self, n = clause_alternatives(v->s, v->len, m, alt,
	    MAX_ALTERNATIVES, &self);

	if (n > MAX_ALTERNATIVES)
		return 1;
	for (size_t i = 0; i < n; i++) {
		struct concept_view side = {.s = v->s + alt[i].start,
		    .len = alt[i].end - alt[i].start};
		int rc;

		if (i == self || clause_is_filler(v->s, alt[i], false))
			continue;
		if ((rc = names(c, what, &side)) < 0)
			return -1;
		if (rc == 0)
			rc = names_completed(c, what, &side, v->s, alt[0],
			    alt[n - 1], i < self);
		if (rc <= 0)
			return rc < 0 ? -1 : 1;
	}
	return 0;
}

/* Is p found in v, not negated and (with hedges) not hedged? */
static int
found(struct concept_ctx *c, const struct pattern *p,
    const struct concept_view *v, const struct naming *what, bool hedges)
{
	struct span m;
	size_t from = 0;
	int rc;

	while ((rc = next_clean(c, p, v, from, false, &m)) == 1) {
		int h = hedges ? hedged(c, v, m, what) : 0;

		if (h <= 0)
			return h < 0 ? -1 : 1;
		from = next_char(v->s, v->len, m.start);
	}
	return rc;
}

int
concept_found(struct concept_ctx *c, const struct pattern *p,
    const struct concept_view *v)
{
	struct naming what = {.concept = p};

	return found(c, p, v, &what, true);
}

/* ------------------------------------------------------------------ items */

int
concept_names_item(struct concept_ctx *c, const struct list_item *it,
    const struct concept_view *v, bool hedges, const struct pattern **by)
{
	struct naming what = {.item = it};
	char *whole = concept_padded(v->s, v->len);
	int rc = 0;

	for (size_t i = 0; i < it->naccept && rc == 0; i++)
		if ((rc = concept_accepts(c, &it->accept[i], whole)) > 0 &&
		    by != NULL)
			*by = &it->accept[i];
	free(whole);
	if (rc != 0 || it->nconcepts == 0)
		return rc;
	for (size_t i = 0; i < it->nconcepts; i++)
		if ((rc = found(c, &it->concepts[i], v, &what, hedges)) <= 0)
			return rc;
	if (by != NULL)
		*by = &it->concepts[0];
	return 1;
}

const char *
concept_rule_text(const struct pattern *p)
{
	static const char *const names_of[] = {
		[ROLE_ACCEPT] = "accept", [ROLE_CONCEPT] = "concept",
		[ROLE_MISCONCEPTION] = "misconception", [ROLE_FINE] = "fine",
	};

	return names_of[p->role];
}
