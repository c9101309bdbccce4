/*
 * Spelling tolerance (spell.h).  The course vocabulary is a hash set of
 * lower-case words, also filed by first letter so that finding the
 * nearest course word to a typo compares it with a few hundred words,
 * not thousands.  Hunspell is asked only about a word that is not a
 * course word but has a close, unambiguous course word: only then could
 * a correction happen, so most answers never load a dictionary at all.
 */
#include "config.h"

#include <hunspell.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "defaults.h"
#include "spell.h"
#include "strbuf.h"
#include "xmalloc.h"

#define MIN_WORD 4		/* shorter words are never corrected */
#define MAX_WORD 40		/* longer "words" are not words */

struct bucket {
	const char **words;	/* borrowed from the set */
	size_t n, cap;
};

struct spell {
	char **set;		/* open addressing; NULL = empty slot */
	size_t cap, n;
	struct bucket by_letter[26];
	Hunhandle *hun;
	bool tried;		/* dictionaries asked for once */
	char *problem;
};

struct spell *
spell_new(void)
{
	struct spell *sp = xcalloc(1, sizeof *sp);

	sp->cap = 1024;
	sp->set = xcalloc(sp->cap, sizeof *sp->set);
	return sp;
}

void
spell_free(struct spell *sp)
{
	if (sp == NULL)
		return;
	for (size_t i = 0; i < sp->cap; i++)
		free(sp->set[i]);
	free(sp->set);
	for (size_t i = 0; i < 26; i++)
		free(sp->by_letter[i].words);
	if (sp->hun != NULL)
		Hunspell_destroy(sp->hun);
	free(sp->problem);
	free(sp);
}

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static uint32_t
hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)lower(w[i]);
		h *= 16777619u;
	}
	return h;
}

/* The slot of w (caseless), empty or holding it. */
static size_t
slot(char *const *set, size_t cap, const char *w, size_t n)
{
	size_t i = hash(w, n) & (cap - 1);

	for (;;) {
		const char *s = set[i];
		size_t k;

		if (s == NULL)
			return i;
		for (k = 0; k < n && s[k] == lower(w[k]); k++)
			;
		if (k == n && s[k] == '\0')
			return i;
		i = (i + 1) & (cap - 1);
	}
}

static void
grow_set(struct spell *sp)
{
	size_t cap = sp->cap * 2;
	char **set = xcalloc(cap, sizeof *set);

	for (size_t i = 0; i < sp->cap; i++)
		if (sp->set[i] != NULL)
			set[slot(set, cap, sp->set[i], strlen(sp->set[i]))] =
			    sp->set[i];
	free(sp->set);
	sp->set = set;
	sp->cap = cap;
}

static void
add_word(struct spell *sp, const char *w, size_t n)
{
	struct bucket *b;
	size_t i;
	char *copy;

	if (n < MIN_WORD || n > MAX_WORD)
		return;
	if (2 * (sp->n + 1) > sp->cap)
		grow_set(sp);
	i = slot(sp->set, sp->cap, w, n);
	if (sp->set[i] != NULL)
		return;
	copy = xstrndup(w, n);
	for (size_t k = 0; k < n; k++)
		copy[k] = lower(copy[k]);
	sp->set[i] = copy;
	sp->n++;
	b = &sp->by_letter[copy[0] - 'a'];
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->words = xreallocarray(b->words, b->cap, sizeof *b->words);
	}
	b->words[b->n++] = copy;
}

/* Bytes that glue letters into something that is not a plain word. */
static bool
is_glue(char c)
{
	return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') || c == '\'';
}

/*
 * Calls fn for each run of ASCII letters in text that stands alone (not
 * glued to digits, apostrophes or other letters, so "T12", "L2-L4" and
 * "it's" give nothing to correct).
 */
static void
each_word(const char *text, void (*fn)(void *, const char *, size_t),
    void *ctx)
{
	const char *p = text;

	while (*p != '\0') {
		const char *b;

		while (*p != '\0' && !is_letter(*p))
			p++;
		b = p;
		while (is_letter(*p))
			p++;
		if (p > b && (b == text || !is_glue(b[-1])) && !is_glue(*p))
			fn(ctx, b, (size_t)(p - b));
		while (*p != '\0' && is_glue(*p))
			p++;
	}
}

static void
add_word_cb(void *sp, const char *w, size_t n)
{
	add_word(sp, w, n);
}

void
spell_add_text(struct spell *sp, const char *text)
{
	each_word(text, add_word_cb, sp);
}

void
spell_add_pattern(struct spell *sp, const char *pattern)
{
	struct strbuf b = {0};
	char *plain;

	/* Blank each escape (\s, \b, \d...) and the letter after "(?". */
	for (const char *p = pattern; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			strbuf_add(&b, " ", 1);
		} else if (*p == '?' && p[1] == '<' ) {
			strbuf_add(&b, " ", 1);
		} else {
			strbuf_add(&b, p, 1);
		}
	}
	plain = strbuf_take(&b);
	if (plain != NULL)
		spell_add_text(sp, plain);
	free(plain);
}

bool
spell_is_course_word(const struct spell *sp, const char *w, size_t n)
{
	return sp->set[slot(sp->set, sp->cap, w, n)] != NULL;
}

/*
 * Optimal string alignment distance (a swap of two neighbours counts
 * one), or limit + 1 as soon as it must exceed limit.
 */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
	size_t d[MAX_WORD + 1][MAX_WORD + 1];

	if (na > nb + limit || nb > na + limit)
		return limit + 1;
	for (size_t i = 0; i <= na; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t best = SIZE_MAX;

		for (size_t j = 1; j <= nb; j++) {
			size_t cost = lower(a[i - 1]) == b[j - 1] ? 0 : 1;
			size_t v = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == b[j - 2] &&
			    lower(a[i - 2]) == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return d[na][nb];
}

/* How far a word of n letters may be from the course word it is read as. */
static size_t
allowance(size_t n)
{
	return n < MIN_WORD ? 0 : n < 8 ? 1 : 2;
}

/* The one nearest course word within the allowance, or NULL. */
static const char *
nearest(const struct spell *sp, const char *w, size_t n)
{
	const struct bucket *b = &sp->by_letter[lower(w[0]) - 'a'];
	size_t limit = allowance(n), best = limit + 1, nbest = 0;
	const char *found = NULL;

	for (size_t i = 0; i < b->n; i++) {
		size_t d = distance(w, n, b->words[i], strlen(b->words[i]),
		    best < limit ? best : limit);

		if (d < best) {
			best = d;
			found = b->words[i];
			nbest = 1;
		} else if (d == best && d <= limit) {
			nbest++;
		}
	}
	return nbest == 1 ? found : NULL;
}

static void
load(struct spell *sp)
{
	const char *dir = getenv(SPELL_DICT_ENV);
	char *aff, *dic, *med;

	sp->tried = true;
	if (dir == NULL || *dir == '\0')
		dir = SPELL_DICT_DIR;
	aff = xasprintf("%s/en_US.aff", dir);
	dic = xasprintf("%s/en_US.dic", dir);
	med = xasprintf("%s/en_med_glut.dic", dir);
	/* Hunspell says nothing useful about a missing file: look first. */
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0)
		sp->problem = xasprintf("no Hunspell dictionary %s (install "
		    "hunspell-en-us): spelling mistakes are not corrected", dic);
	else if (access(med, R_OK) != 0)
		sp->problem = xasprintf("no Hunspell dictionary %s (install "
		    "hunspell-en-med): spelling mistakes are not corrected", med);
	else if ((sp->hun = Hunspell_create(aff, dic)) == NULL)
		sp->problem = xasprintf("Hunspell could not load %s: spelling "
		    "mistakes are not corrected", dic);
	else if (Hunspell_add_dic(sp->hun, med) != 0)
		sp->problem = xasprintf("Hunspell could not load %s: spelling "
		    "mistakes are not corrected", med);
	if (sp->problem != NULL && sp->hun != NULL) {
		Hunspell_destroy(sp->hun);
		sp->hun = NULL;
	}
	free(aff);
	free(dic);
	free(med);
}

bool
spell_load(struct spell *sp)
{
	if (!sp->tried)
		load(sp);
	return sp->problem == NULL;
}

const char *
spell_problem(const struct spell *sp)
{
	return sp->problem;
}

/* Does a dictionary know the word (so it must not be changed)? */
static bool
real_word(struct spell *sp, const char *w, size_t n)
{
	char buf[MAX_WORD + 1];

	if (!spell_load(sp))
		return true;	/* no dictionary: correct nothing */
	memcpy(buf, w, n);
	buf[n] = '\0';
	if (Hunspell_spell(sp->hun, buf))
		return true;
	for (size_t i = 0; i < n; i++)
		buf[i] = lower(buf[i]);
	return Hunspell_spell(sp->hun, buf) != 0;
}

struct correcting {
	struct spell *sp;
	const char *text;
	struct strbuf out;
	size_t done;		/* bytes of text copied to out */
	struct spell_fix *fixes;
	size_t nfixes;
};

static void
fix_word(void *ctx, const char *w, size_t n)
{
	struct correcting *c = ctx;
	const char *meant;

	if (n < MIN_WORD || n > MAX_WORD || spell_is_course_word(c->sp, w, n))
		return;
	meant = nearest(c->sp, w, n);
	if (meant == NULL || real_word(c->sp, w, n))
		return;
	strbuf_add(&c->out, c->text + c->done, (size_t)(w - c->text) - c->done);
	strbuf_puts(&c->out, meant);
	c->done = (size_t)(w - c->text) + n;
	c->fixes = xreallocarray(c->fixes, c->nfixes + 1, sizeof *c->fixes);
	c->fixes[c->nfixes].typed = xstrndup(w, n);
	c->fixes[c->nfixes].meant = meant;
	c->nfixes++;
}

char *
spell_correct(struct spell *sp, const char *text, struct spell_fix **fixes,
    size_t *nfixes)
{
	struct correcting c = {.sp = sp, .text = text};

	each_word(text, fix_word, &c);
	*fixes = c.fixes;
	*nfixes = c.nfixes;
	if (c.nfixes == 0)
		return NULL;
	strbuf_puts(&c.out, text + c.done);
	return strbuf_take(&c.out);
}

void
spell_fixes_free(struct spell_fix *fixes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fixes[i].typed);
	free(fixes);
}
