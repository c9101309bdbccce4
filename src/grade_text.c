/*
 * Free-text grading by concepts (grade_text.h): the rules of the "short"
 * and "list" rows of qkind_text.c.  The order of the rules is
 * the precedence documented in doc/FORMATS.md "Concepts":
 *
 *   1. read the answer: spelling corrected to course words, then the
 *      glossary's lay terms and abbreviations replaced by course terms;
 *   2. a misconception found anywhere, not negated in its clause and not
 *      inside a remark marked @fine, makes it wrong;
 *   3. an @accept pattern matching the whole answer makes it right;
 *   4. the @concept patterns make it right when each is found, not
 *      negated and not hedged ("X or Y" with Y something else).
 *
 * A list answer is split into parts; each part is read the same way and
 * names items, names a wrong thing, or names nothing; a part that names
 * nothing is read again with a word its neighbours share ("femoral and
 * obturator nerves").  Every pattern
 * match checks the answer's time budget first, so a slow course can make
 * an answer "not graded" but never hang the tutor, and Ctrl-C is
 * answered between two matches.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clause.h"
#include "defaults.h"
#include "grade_text.h"
#include "qkind_text.h"
#include "qkind.h"
#include "glossary.h"
#include "lexicon.h"
#include "strbuf.h"
#include "xmalloc.h"

#define SUBJECT_PAD 32		/* zero bytes after a subject, for JIT */
#define MAX_ALTERNATIVES 16	/* "X or Y or ..." sides looked at */
#define MAX_PARTS 200		/* list parts looked at */
#define MAX_FINE 64		/* @fine remarks marked in one part */

/* ------------------------------------------------------------- compile */

/* The text around a pattern that makes it match whole words only. */
static const char word_before[] = "(?<![\\w])(?:";
static const char word_after[] = ")(?![\\w])";

bool
grade_text_valid(const struct pattern *p, char **err, size_t *erroffset)
{
	pcre2_code *code = grade_compile(p->src, false, p->role == ROLE_ACCEPT,
	    err, erroffset);

	pcre2_code_free(code);
	return code != NULL;
}

pcre2_code *
grade_text_code(const struct question *qu, const struct pattern *p,
    char **err, size_t *erroffset)
{
	const struct qtext *qt = qtext_of(qu);
	/* The cache of a const pattern: filled once, then only read. */
	struct pattern *cache = (struct pattern *)(uintptr_t)p;
	size_t pre = sizeof word_before - 1, off = 0;
	char *why = NULL, *wrapped;

	if (p->code != NULL || (p->broken && err == NULL))
		return p->code;
	if (p->role == ROLE_ACCEPT) {
		cache->code = grade_compile(p->src, qt->case_sensitive, true,
		    &why, &off);
	} else {
		wrapped = xasprintf("%s%s%s", word_before, p->src, word_after);
		cache->code = grade_compile(wrapped, qt->case_sensitive, false,
		    &why, &off);
		/* Within what the author wrote, whatever broke. */
		off = off > pre ? off - pre : 0;
		if (off > strlen(p->src))
			off = strlen(p->src);
		free(wrapped);
	}
	cache->broken = cache->code == NULL;
	if (err != NULL)
		*err = why;
	else
		free(why);
	if (erroffset != NULL)
		*erroffset = off;
	return p->code;
}

/* ------------------------------------------------------------- context */

struct ctx {
	const struct question *q;
	struct grade_result *r;
	const struct grade_opts *opts;
	struct timespec deadline;
	pcre2_match_data *md;
	bool failed;		/* r is ungradable */
};

/* A part of the answer being read, and its @fine remarks. */
struct view {
	const char *s;
	size_t len;
	struct span *fine;	/* room for MAX_FINE, or NULL */
	size_t nfine;
};

/*
 * The budget starts after the answer is read: loading a dictionary the
 * first time is not the patterns' fault.
 */
static void
ctx_init(struct ctx *c, const struct question *q, const struct grade_opts *o,
    struct grade_result *r)
{
	memset(c, 0, sizeof *c);
	c->q = q;
	c->r = r;
	c->opts = o;
	clock_gettime(CLOCK_MONOTONIC, &c->deadline);
	c->deadline.tv_nsec += (long)GRADE_BUDGET_MS * 1000000L;
	c->deadline.tv_sec += c->deadline.tv_nsec / 1000000000L;
	c->deadline.tv_nsec %= 1000000000L;
	c->md = pcre2_match_data_create(1, NULL);
	if (c->md == NULL)
		abort();
}

static void
ctx_destroy(struct ctx *c)
{
	pcre2_match_data_free(c->md);
}

/* Out of time, or asked to stop: the answer is not graded. */
static bool
spent(struct ctx *c)
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
match_from(struct ctx *c, const struct pattern *p, const struct view *v,
    size_t from, struct span *m)
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
in_fine(const struct view *v, struct span m)
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
next_clean(struct ctx *c, const struct pattern *p, const struct view *v,
    size_t from, bool skip_fine, struct span *m)
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

/* Mark the @fine remarks of v. */
static int
find_fine(struct ctx *c, struct view *v)
{
	const struct qtext *qt = qtext_of(c->q);

	v->nfine = 0;
	for (size_t i = 0; i < qt->nfine; i++) {
		struct span m;
		size_t from = 0;
		int rc;

		while ((rc = match_from(c, &qt->fine[i], v, from, &m)) == 1 &&
		    v->nfine < MAX_FINE) {
			v->fine[v->nfine++] = m;
			from = m.end > m.start ? m.end :
			    next_char(v->s, v->len, m.start);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The first misconception found clean in v, or NULL (check c->failed). */
static const struct pattern *
misconception_in(struct ctx *c, const struct view *v)
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

/* Does an anchored @accept pattern match all of s? */
static int
accepts(struct ctx *c, const struct pattern *p, size_t n, const char *s)
{
	struct view v = {.s = s, .len = strlen(s)};

	for (size_t i = 0; i < n; i++) {
		struct span m;
		int rc = match_from(c, &p[i], &v, 0, &m);

		if (rc != 0)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------- reading */

/* A copy of s with the zeroed padding PCRE2's JIT may read past its end. */
static char *
padded_n(const char *s, size_t n)
{
	char *p = xcalloc(n + 1 + SUBJECT_PAD, 1);

	memcpy(p, s, n);
	return p;
}

static char *
padded(const char *s)
{
	return padded_n(s, strlen(s));
}

struct reading {
	char *text;			/* what the patterns see */
	struct spell_fix *fixes;
	size_t nfixes;
};

/* Is word matched, as a whole, by one of arr's patterns? */
static bool
matches_word(const struct question *q, const struct pattern *arr, size_t n,
    const char *word, pcre2_match_data *md)
{
	for (size_t i = 0; i < n; i++) {
		pcre2_code *code = grade_text_code(q, &arr[i], NULL, NULL);

		if (code != NULL && pcre2_match(code, (PCRE2_SPTR)word,
		    strlen(word), 0, 0, md, grade_match_context()) >= 0)
			return true;
	}
	return false;
}

/*
 * Spelling's tie-break (spell.h): of equally near course words, the one
 * this question's @concept or @accept patterns name.
 */
static bool
question_wants(const void *ctx, const char *word)
{
	const struct question *q = ctx;
	const struct qtext *qt = qtext_of(q);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	char *w = padded(word);
	bool yes;

	if (md == NULL)
		abort();
	yes = matches_word(q, qt->concepts, qt->nconcepts, w, md) ||
	    matches_word(q, qt->accept, qt->naccept, w, md);
	for (size_t i = 0; i < qt->nitems && !yes; i++)
		yes = matches_word(q, qt->items[i].concepts,
		    qt->items[i].nconcepts, w, md) || matches_word(q,
		    qt->items[i].accept, qt->items[i].naccept, w, md);
	pcre2_match_data_free(md);
	free(w);
	return yes;
}

static void
read_answer(const struct question *q, const char *a,
    const struct grade_opts *o, struct reading *rd)
{
	const struct qtext *qt = qtext_of(q);
	struct spell_want want = {question_wants, q};
	char *spelt = NULL, *glossed = NULL;

	memset(rd, 0, sizeof *rd);
	if (q->lex != NULL && !qt->case_sensitive && !o->no_spelling)
		spelt = spell_correct(q->lex->spell, a, &want, &rd->fixes,
		    &rd->nfixes);
	if (q->lex != NULL && o->glossary != GRADE_NO_GLOSSARY)
		glossed = glossary_apply(&q->lex->glossary,
		    spelt != NULL ? spelt : a, o->glossary);
	rd->text = padded(glossed != NULL ? glossed : spelt != NULL ? spelt : a);
	free(spelt);
	free(glossed);
}

static void
reading_destroy(struct reading *rd)
{
	free(rd->text);
	spell_fixes_free(rd->fixes, rd->nfixes);
}

/* ---------------------------------------------------------------- hedges */

/* What a side of "X or Y" must name for the "or" to be a restatement. */
struct naming {
	const struct pattern *concept;		/* short: this concept */
	const struct list_item *item;		/* list: this item */
};

static int names_item(struct ctx *c, const struct list_item *it,
    const struct view *v, bool hedges, const struct pattern **by);

/*
 * Does side v of an "or" restate what, or (short) name another concept
 * the question requires ("ASIS / belly button": both are needed, so the
 * '/' is an "and")?
 */
static int
names(struct ctx *c, const struct naming *what, const struct view *v)
{
	const struct qtext *qt = qtext_of(c->q);
	struct span m;
	int rc = 0;

	if (what->concept == NULL)
		return names_item(c, what->item, v, false, NULL);
	for (size_t i = 0; i < qt->nconcepts && rc == 0; i++)
		rc = next_clean(c, &qt->concepts[i], v, 0, false, &m);
	return rc;
}

/* Does text (n bytes, not padded) name what? */
static int
names_text(struct ctx *c, const struct naming *what, const char *text,
    size_t n)
{
	struct view v = {.s = padded_n(text, n), .len = n};
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
names_completed(struct ctx *c, const struct naming *what,
    const struct view *side, const char *s, struct span first,
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
hedged(struct ctx *c, const struct view *v, struct span m,
    const struct naming *what)
{
	struct span alt[MAX_ALTERNATIVES];
	size_t self, n = clause_alternatives(v->s, v->len, m, alt,
	    MAX_ALTERNATIVES, &self);

	if (n > MAX_ALTERNATIVES)
		return 1;
	for (size_t i = 0; i < n; i++) {
		struct view side = {.s = v->s + alt[i].start,
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

/* Is p found in v, not negated and not hedged? */
static int
concept_found(struct ctx *c, const struct pattern *p, const struct view *v,
    const struct naming *what, bool hedges)
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

/* ----------------------------------------------------------------- short */

static const char *
rule_text(const struct pattern *p)
{
	static const char *const names_of[] = {
		[ROLE_ACCEPT] = "accept", [ROLE_CONCEPT] = "concept",
		[ROLE_MISCONCEPTION] = "misconception", [ROLE_FINE] = "fine",
	};

	return names_of[p->role];
}


static void
grade_short(struct ctx *c, const char *a, const struct reading *rd)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct grade_result *r = c->r;
	struct view *v = xcalloc(1, sizeof *v);
	const struct pattern *wrong;
	int rc;

	v->fine = xcalloc(MAX_FINE, sizeof *v->fine);
	v->s = rd->text;
	v->len = strlen(rd->text);
	r->verdict = GRADE_INCORRECT;
	if (find_fine(c, v) < 0)
		goto out;
	if ((wrong = misconception_in(c, v)) != NULL) {
		r->feedback = wrong->feedback;
		r->rule = wrong;
		goto out;
	}
	if (c->failed)
		goto out;
	for (size_t i = 0; i < qt->naccept; i++) {
		if ((rc = accepts(c, &qt->accept[i], 1, rd->text)) == 0 &&
		    strcmp(a, rd->text) != 0)
			rc = accepts(c, &qt->accept[i], 1, a);
		if (rc < 0)
			goto out;
		if (rc > 0) {
			r->verdict = GRADE_CORRECT;
			r->fraction = 1;
			r->rule = &qt->accept[i];
			goto out;
		}
	}
	if (qt->nconcepts == 0)
		goto out;
	for (size_t i = 0; i < qt->nconcepts; i++) {
		struct naming what = {.concept = &qt->concepts[i]};

		rc = concept_found(c, &qt->concepts[i], v, &what, true);
		if (rc <= 0) {
			if (rc == 0)
				grade_add_detail(r, xasprintf("concept %s:%ld "
				    "not found (or negated, or hedged)",
				    q->path ? q->path : "(quiz)",
				    qt->concepts[i].lineno));
			goto out;
		}
	}
	r->verdict = GRADE_CORRECT;
	r->fraction = 1;
	r->rule = &qt->concepts[0];
out:
	free(v->fine);
	free(v);
}

/* ------------------------------------------------------------------ list */

/*
 * Does v name item it (an @accept of the whole part, or all its
 * concepts)?  *by (unless NULL) gets the pattern that decided.
 */
static int
names_item(struct ctx *c, const struct list_item *it, const struct view *v,
    bool hedges, const struct pattern **by)
{
	struct naming what = {.item = it};
	char *whole = padded_n(v->s, v->len);
	int rc = 0;

	for (size_t i = 0; i < it->naccept && rc == 0; i++)
		if ((rc = accepts(c, &it->accept[i], 1, whole)) > 0 && by != NULL)
			*by = &it->accept[i];
	free(whole);
	if (rc != 0 || it->nconcepts == 0)
		return rc;
	for (size_t i = 0; i < it->nconcepts; i++)
		if ((rc = concept_found(c, &it->concepts[i], v, &what,
		    hedges)) <= 0)
			return rc;
	if (by != NULL)
		*by = &it->concepts[0];
	return 1;
}

/*
 * Does a list part end at s[i]?  At , ; & + and a newline, outside
 * brackets; at '/' only with a space beside it ("femoral / LFCN"), since
 * "side/back" is one part with two alternatives.
 */
static bool
is_part_sep(const char *s, size_t i, int depth)
{
	if (depth > 0 || s[i] == '\0')
		return false;
	if (s[i] == '/')
		return (i > 0 && s[i - 1] == ' ') || s[i + 1] == ' ';
	return strchr(",;&+\n", s[i]) != NULL;
}

/* Length of a separating word at s[i] ("and", "plus"), or 0. */
static size_t
sep_word(const char *s, size_t len, size_t i)
{
	static const char *const words[] = {"and", "plus", "also"};

	if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' &&
	    strchr(",;&+\n", s[i - 1]) == NULL)
		return 0;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t n = strlen(words[k]);

		if (i + n <= len && grade_word_is(s + i, n, words[k]) &&
		    (i + n == len || strchr(" ,;&+\n", s[i + n]) != NULL))
			return n;
	}
	return 0;
}

/*
 * The end of a lead-in ending in a colon ("the NAV group: nerve, artery,
 * vein"), when no comma comes before it and something follows it; or 0.
 */
static size_t
lead_in_end(const char *s)
{
	const char *colon = strchr(s, ':');

	if (colon == NULL || colon[1] == '\0' ||
	    memchr(s, ',', (size_t)(colon - s)) != NULL)
		return 0;
	return (size_t)(colon - s);
}

/*
 * The parts of a list answer: split at , ; & + newline, a spaced '/' and
 * the words "and", "plus", "also", never inside brackets; trimmed, empty
 * ones dropped.  "or" does not split: "X or Y" is one part, a hedge.
 * *nlead gets how many parts come before a lead-in colon: they count
 * when they name items and cost nothing when they do not.
 */
static size_t
split_parts(const char *s, struct span *out, size_t max, size_t *nlead)
{
	size_t len = strlen(s), n = 0, start = 0, lead = lead_in_end(s);
	int depth = 0;

	*nlead = 0;
	for (size_t i = 0; i <= len; i++) {
		size_t w = i < len && depth == 0 ? sep_word(s, len, i) : 0;
		struct span p;

		if (i < len && (s[i] == '(' || s[i] == '['))
			depth++;
		else if (i < len && (s[i] == ')' || s[i] == ']') && depth > 0)
			depth--;
		if (i < len && w == 0 && !is_part_sep(s, i, depth) &&
		    (lead == 0 || i != lead))
			continue;
		p.start = start;
		p.end = i;
		while (p.start < p.end && strchr(" ()-", s[p.start]) != NULL)
			p.start++;
		while (p.end > p.start && strchr(" ()-", s[p.end - 1]) != NULL)
			p.end--;
		if (p.end > p.start && n < max)
			out[n++] = p;
		if (lead > 0 && i == lead)
			*nlead = n;
		start = i + (w > 0 ? w : 1);
		if (w > 0)
			i += w - 1;
	}
	return n;
}

/* Where the last space of s[p] is, or NULL (one word). */
static const char *
last_space(const char *s, struct span p)
{
	for (size_t k = p.end; k > p.start; k--)
		if (s[k - 1] == ' ')
			return s + k - 1;
	return NULL;
}

/*
 * The words part i may borrow, as people write a list with a shared
 * word: with head, the last word of the nearest later part of two or
 * more words ("femoral and obturator nerves"); else the words before the
 * last word of the nearest earlier one, from part first on ("obturator
 * nerve, artery and vein").  An empty span when there is none.  A reason
 * ("because ...") names no item: it neither lends nor borrows.
 */
static struct span
lent_words(const char *s, const struct span *parts, size_t nparts,
    size_t first, size_t i, bool head)
{
	const char *sp;

	if (clause_is_reason(s, parts[i]))
		return (struct span){0, 0};
	if (head) {
		for (size_t j = i + 1; j < nparts; j++)
			if (!clause_is_reason(s, parts[j]) &&
			    (sp = last_space(s, parts[j])) != NULL)
				return (struct span){(size_t)(sp - s), parts[j].end};
	} else {
		for (size_t j = i; j-- > first;)
			if (!clause_is_reason(s, parts[j]) &&
			    (sp = last_space(s, parts[j])) != NULL)
				return (struct span){parts[j].start,
				    (size_t)(sp - s) + 1};
	}
	return (struct span){0, 0};
}

/*
 * The items part v names once completed with the lent words of s: those
 * the completed part names, with no misconception in it, that the lent
 * words alone do not ("femoral nerve, artery" reads "artery" as "femoral
 * artery", which names the femoral nerve only through the lent
 * "femoral": nothing).  Credited like a named part's; how many, or -1.
 */
static int
completed_items(struct ctx *c, const char *s, const struct view *v,
    struct span lent, bool head, bool *credited, size_t *right)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct view l = {.s = s + lent.start, .len = lent.end - lent.start};
	struct view w = {0};
	char *joined = head ?
	    xasprintf("%.*s%.*s", (int)v->len, v->s, (int)l.len, l.s) :
	    xasprintf("%.*s%.*s", (int)l.len, l.s, (int)v->len, v->s);
	int n = 0, rc = 0;

	w.len = strlen(joined);
	w.s = padded_n(joined, w.len);
	w.fine = xcalloc(MAX_FINE, sizeof *w.fine);
	if (find_fine(c, &w) < 0 || misconception_in(c, &w) != NULL ||
	    c->failed)
		goto out;
	for (size_t t = 0; t < qt->nitems; t++) {
		const struct pattern *by = NULL;

		if ((rc = names_item(c, &qt->items[t], &w, true, &by)) > 0)
			rc = names_item(c, &qt->items[t], &l, false, NULL) == 0;
		if (rc < 0 || c->failed)
			break;
		if (rc == 0)
			continue;
		n++;
		grade_add_detail(c->r, xasprintf("\"%.*s\" read as \"%s\": %s "
		    "%s:%ld (item '%s')%s", (int)v->len, v->s, joined,
		    rule_text(by), q->path ? q->path : "(quiz)", by->lineno,
		    qt->items[t].label, credited[t] ? ", already counted" : ""));
		if (!credited[t])
			(*right)++;
		credited[t] = true;
	}
out:
	free(w.fine);
	free((char *)w.s);
	free(joined);
	return c->failed ? -1 : n;
}

/*
 * Part i names nothing alone: the items it names with a shared word
 * (lent_words; a later part's head first), or -1.
 */
static int
complete_part(struct ctx *c, const char *s, const struct span *parts,
    size_t nparts, size_t first, size_t i, const struct view *v,
    bool *credited, size_t *right)
{
	int n = 0;

	for (int head = 1; head >= 0 && n == 0; head--) {
		struct span lent = lent_words(s, parts, nparts, first, i,
		    head != 0);

		if (lent.end > lent.start)
			n = completed_items(c, s, v, lent, head != 0, credited,
			    right);
	}
	return n;
}

static void
add_quoted(struct strbuf *b, const char *s, struct span p)
{
	if (b->len > 0)
		strbuf_puts(b, ", ");
	strbuf_puts(b, "'");
	strbuf_add(b, s + p.start, p.end - p.start);
	strbuf_puts(b, "'");
}

/*
 * "Items credited: 1 of the 2 needed; counted: 'femoral'; wrong, each
 * cancelling one counted: 'sciatic'; not recognised: 'subcostal'." (a
 * sentence, as every message to the learner is).  The
 * learner's own words, never an item label: the labels are the answer.
 */
static char *
parts_message(size_t count, size_t need, const struct strbuf *counted,
    const struct strbuf *wrong, const struct strbuf *unknown,
    bool unknown_wrong)
{
	struct strbuf m = {0};
	char *head = xasprintf("Items credited: %zu of the %zu needed", count,
	    need);

	strbuf_puts(&m, head);
	free(head);
	if (counted->len > 0) {
		strbuf_puts(&m, "; counted: ");
		strbuf_add(&m, counted->s, counted->len);
	}
	if (wrong->len > 0) {
		strbuf_puts(&m, "; wrong, each cancelling one counted: ");
		strbuf_add(&m, wrong->s, wrong->len);
	}
	if (unknown->len > 0) {
		strbuf_puts(&m, unknown_wrong ? "; not recognised, each "
		    "cancelling one counted: " : "; not recognised: ");
		strbuf_add(&m, unknown->s, unknown->len);
	}
	strbuf_puts(&m, ".");
	return strbuf_take(&m);
}

/*
 * What a list answer short of short items lacked: by count (r->missing),
 * and the key's items not credited by label (r->missing_key; "any N of"
 * them when more are left than needed).
 */
static void
missing_items(struct grade_result *r, const struct qtext *qt, size_t need,
    const bool *credited, size_t short_by, size_t nwrong)
{
	struct strbuf key = {0};
	size_t left = 0;

	r->missing = xasprintf("%zu more of the %zu item%s needed%s",
	    short_by, need, need == 1 ? "" : "s", nwrong == 0 ? "" :
	    nwrong == 1 ? " (a wrong part cancelled one named)" :
	    " (each wrong part cancelled one named)");
	for (size_t t = 0; t < qt->nitems; t++)
		if (!credited[t]) {
			strbuf_addf(&key, "%s'%s'", left++ ? ", " : "",
			    qt->items[t].label);
		}
	if (left > 0)
		r->missing_key = left > short_by ? xasprintf("any %zu of %s",
		    short_by, key.s) : xstrdup(key.s);
	strbuf_destroy(&key);
}

static void
grade_list(struct ctx *c, const struct reading *rd)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct grade_result *r = c->r;
	const char *path = q->path ? q->path : "(quiz)";
	bool *credited = xcalloc(qt->nitems + 1, sizeof *credited);
	struct span *parts = xcalloc(MAX_PARTS, sizeof *parts);
	struct view *v = xcalloc(1, sizeof *v);
	struct span *fine = xcalloc(MAX_FINE, sizeof *fine);
	struct strbuf counted = {0}, unknown = {0}, wrongs = {0}, ignored = {0};
	size_t nparts, nlead, right = 0, nwrong = 0, count;
	size_t need = qt->need > 0 ? (size_t)qt->need : 1;
	const struct pattern *first_wrong = NULL;

	nparts = split_parts(rd->text, parts, MAX_PARTS, &nlead);
	for (size_t i = 0; i < nparts && !c->failed; i++) {
		const struct pattern *wrong;
		size_t named = 0;

		v->s = rd->text + parts[i].start;
		v->len = parts[i].end - parts[i].start;
		v->fine = fine;
		if (find_fine(c, v) < 0)
			break;
		if ((wrong = misconception_in(c, v)) != NULL) {
			nwrong++;
			if (first_wrong == NULL)
				first_wrong = wrong;
			add_quoted(&wrongs, rd->text, parts[i]);
			grade_add_detail(r, xasprintf("\"%.*s\": misconception "
			    "%s:%ld", (int)v->len, v->s, path, wrong->lineno));
			continue;
		}
		for (size_t t = 0; t < qt->nitems && !c->failed; t++) {
			const struct pattern *by = NULL;
			int rc = names_item(c, &qt->items[t], v, true, &by);

			if (rc <= 0)
				continue;
			named++;
			grade_add_detail(r, xasprintf("\"%.*s\": %s %s:%ld "
			    "(item '%s')%s", (int)v->len, v->s, rule_text(by),
			    path, by->lineno, qt->items[t].label,
			    credited[t] ? ", already counted" : ""));
			if (!credited[t])
				right++;
			credited[t] = true;
		}
		if (named == 0 && i >= nlead && !c->failed) {
			int k = complete_part(c, rd->text, parts, nparts, nlead,
			    i, v, credited, &right);

			named = k > 0 ? (size_t)k : 0;
		}
		if (c->failed)
			break;
		if (named > 0) {
			add_quoted(&counted, rd->text, parts[i]);
			continue;
		}
		{
			struct span whole = {0, v->len}, end = {v->len, v->len};
			/*
			 * "..., but not psoas minor": a remark, not a guess;
			 * "..., because ...": a reason, not a thing named.
			 */
			bool filler = i < nlead ||
			    clause_is_filler(v->s, whole, true) ||
			    clause_is_reason(v->s, whole) ||
			    clause_negated(v->s, v->len, end) ||
			    (v->nfine == 1 && v->fine[0].start == 0 &&
			    v->fine[0].end == v->len);

			if (!filler && !qt->unlisted_ignore) {
				nwrong++;
				add_quoted(&unknown, rd->text, parts[i]);
			} else if (!filler) {
				add_quoted(&ignored, rd->text, parts[i]);
			}
			grade_add_detail(r, xasprintf("\"%.*s\": no item%s",
			    (int)v->len, v->s, filler || qt->unlisted_ignore ?
			    "" : " (counts as wrong)"));
		}
	}
	if (c->failed)
		goto out;
	/* The course's rule: each wrong part cancels one right item. */
	count = right > nwrong ? right - nwrong : 0;
	if (count > need)
		count = need;
	r->fraction = (double)count / (double)need;
	r->verdict = count >= need ? GRADE_CORRECT : count > 0 ?
	    GRADE_PARTIAL : GRADE_INCORRECT;
	if (first_wrong != NULL) {
		r->feedback = first_wrong->feedback;
		r->rule = first_wrong;
	}
	if (r->verdict != GRADE_CORRECT)
		missing_items(r, qt, need, credited, need - count, nwrong);
	if (r->verdict != GRADE_CORRECT || nwrong > 0 || ignored.len > 0)
		r->message = parts_message(count, need, &counted, &wrongs,
		    unknown.len > 0 ? &unknown : &ignored, unknown.len > 0);
out:
	strbuf_destroy(&counted);
	strbuf_destroy(&unknown);
	strbuf_destroy(&wrongs);
	strbuf_destroy(&ignored);
	free(parts);
	free(fine);
	free(v);
	free(credited);
}

/* -------------------------------------------------------------- driving */

static const struct grade_opts normal = {false, GLOSSARY_ALL};

/* Grade a into r with opts; kind_fn is grade_short or grade_list. */
static void
grade_read(const struct question *q, const char *a,
    const struct grade_opts *opts, struct grade_result *r, bool list,
    struct reading *rd)
{
	struct ctx c;

	read_answer(q, a, opts, rd);
	ctx_init(&c, q, opts, r);
	if (list)
		grade_list(&c, rd);
	else
		grade_short(&c, a, rd);
	ctx_destroy(&c);
}

/*
 * When a corrected spelling decided the verdict (the answer as typed
 * earns less), tell the learner the right spelling.
 */
static void
grade(const struct question *q, const char *a, const struct grade_opts *opts,
    struct grade_result *r, bool list)
{
	struct reading rd;
	struct grade_result typed;
	struct grade_opts as_typed;
	struct strbuf b = {0};

	if (opts == NULL)
		opts = &normal;
	grade_read(q, a, opts, r, list, &rd);
	if (rd.nfixes == 0 || r->fraction <= 0) {
		reading_destroy(&rd);
		return;
	}
	as_typed = *opts;
	as_typed.no_spelling = true;
	memset(&typed, 0, sizeof typed);
	typed.verdict = GRADE_INCORRECT;
	{
		struct reading rd2;

		grade_read(q, a, &as_typed, &typed, list, &rd2);
		reading_destroy(&rd2);
	}
	if (typed.verdict != GRADE_UNGRADABLE && typed.fraction < r->fraction) {
		strbuf_puts(&b, "Spelling: ");
		for (size_t i = 0; i < rd.nfixes; i++) {
			if (i > 0)
				strbuf_puts(&b, ", ");
			strbuf_puts(&b, rd.fixes[i].meant);
			strbuf_puts(&b, " (you typed '");
			strbuf_puts(&b, rd.fixes[i].typed);
			strbuf_puts(&b, "')");
		}
		strbuf_puts(&b, ".");
		if (r->message != NULL) {
			strbuf_puts(&b, " ");
			strbuf_puts(&b, r->message);
			free(r->message);
		}
		r->message = strbuf_take(&b);
	}
	grade_result_destroy(&typed);
	reading_destroy(&rd);
}

void
grade_text_short(const struct question *q, char *a, struct grade_result *r)
{
	grade(q, a, r->opts, r, false);
}

void
grade_text_list(const struct question *q, char *a, struct grade_result *r)
{
	grade(q, a, r->opts, r, true);
}
