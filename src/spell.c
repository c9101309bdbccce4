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
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
	bool *key;		/* per slot: a word of an answer pattern */
	size_t cap, n;
	struct bucket by_letter[26];
	Hunhandle *hun;		/* en_US */
	Hunhandle *hun_med;	/* en_US.aff with en_med_glut.dic */
	bool tried;		/* dictionaries asked for once */
	pthread_t preloader;	/* spell_preload's thread, while preloading */
	bool preloading;
	char *problem;
};

struct spell *
spell_new(void)
{
	struct spell *sp = xcalloc(1, sizeof *sp);

	sp->cap = 1024;
	sp->set = xcalloc(sp->cap, sizeof *sp->set);
	sp->key = xcalloc(sp->cap, sizeof *sp->key);
	return sp;
}

/* Wait for a preload in flight; after this only this thread touches sp. */
static void
finish_preload(struct spell *sp)
{
	if (sp->preloading) {
		pthread_join(sp->preloader, NULL);
		sp->preloading = false;
	}
}

void
spell_free(struct spell *sp)
{
	if (sp == NULL)
		return;
	finish_preload(sp);
	for (size_t i = 0; i < sp->cap; i++)
		free(sp->set[i]);
	free(sp->set);
	free(sp->key);
	for (size_t i = 0; i < 26; i++)
		free(sp->by_letter[i].words);
	if (sp->hun != NULL)
		Hunspell_destroy(sp->hun);
	if (sp->hun_med != NULL)
		Hunspell_destroy(sp->hun_med);
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
	bool *key = xcalloc(cap, sizeof *key);

	for (size_t i = 0; i < sp->cap; i++)
		if (sp->set[i] != NULL) {
			size_t k = slot(set, cap, sp->set[i],
			    strlen(sp->set[i]));

			set[k] = sp->set[i];
			key[k] = sp->key[i];
		}
	free(sp->set);
	free(sp->key);
	sp->set = set;
	sp->key = key;
	sp->cap = cap;
}

static void
add_word(struct spell *sp, const char *w, size_t n, bool key)
{
	struct bucket *b;
	size_t i;
	char *copy;

	if (n < MIN_WORD || n > MAX_WORD)
		return;
	if (2 * (sp->n + 1) > sp->cap)
		grow_set(sp);
	i = slot(sp->set, sp->cap, w, n);
	sp->key[i] = sp->key[i] || key;
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
	add_word(sp, w, n, false);
}

static void
add_key_cb(void *sp, const char *w, size_t n)
{
	add_word(sp, w, n, true);
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
		each_word(plain, add_key_cb, sp);
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

/*
 * Is w a word of an answer pattern, or one of them with an ending
 * ("bleeding" for a pattern's "bleed\w*")?
 */
static bool
keyish(const struct spell *sp, const char *w, size_t n)
{
	for (size_t k = n; k >= MIN_WORD; k--) {
		size_t i = slot(sp->set, sp->cap, w, k);

		if (sp->set[i] != NULL && sp->key[i])
			return true;
	}
	return false;
}

#define MAX_TIED 8	/* equally near candidates weighed */

/* The one of the n words that pick accepts, or NULL (none, or several). */
static const char *
only_one(const char *const *words, size_t n,
    bool (*pick)(const void *ctx, const char *word), const void *ctx)
{
	const char *one = NULL;

	for (size_t i = 0; i < n; i++)
		if (pick(ctx, words[i])) {
			if (one != NULL)
				return NULL;
			one = words[i];
		}
	return one;
}

static bool
pick_keyish(const void *sp, const char *w)
{
	return keyish(sp, w, strlen(w));
}

/*
 * The one nearest course word within the allowance, or NULL.  Of several
 * equally near, the only one the caller wants (the question being graded
 * names it: "extenson" is "extension" there, not "extensor") wins; else
 * the only word of an answer pattern (or one with an ending): "vien" is
 * read as "vein", not "view", and "bleding" as "bleeding", not "blending".
 */
static const char *
nearest(const struct spell *sp, const char *w, size_t n,
    const struct spell_want *want)
{
	const struct bucket *b = &sp->by_letter[lower(w[0]) - 'a'];
	size_t limit = allowance(n), best = limit + 1, ntied = 0;
	const char *tied[MAX_TIED];
	const char *one;

	for (size_t i = 0; i < b->n; i++) {
		size_t len = strlen(b->words[i]);
		size_t d = distance(w, n, b->words[i], len, best < limit ? best :
		    limit);

		if (d < best) {
			best = d;
			ntied = 0;
		}
		if (d == best && d <= limit) {
			if (ntied == MAX_TIED)
				return NULL;
			tied[ntied++] = b->words[i];
		}
	}
	if (ntied <= 1)
		return ntied == 1 ? tied[0] : NULL;
	if (want != NULL &&
	    (one = only_one(tied, ntied, want->wanted, want->ctx)) != NULL)
		return one;
	return only_one(tied, ntied, pick_keyish, sp);
}

static char *
dict_path(const char *name)
{
	const char *dir = getenv(SPELL_DICT_ENV);

	return xasprintf("%s/%s", dir != NULL && *dir != '\0' ? dir :
	    SPELL_DICT_DIR, name);
}

/*
 * Start a thread with every signal blocked, so that Ctrl-C and SIGTERM
 * always reach the main thread (their handlers only set flags the main
 * thread reads).  Returns pthread_create's result.
 */
static int
start_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	sigset_t all, old;
	int rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(t, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/*
 * Load both dictionaries, each in its own Hunspell handle, one after the
 * other: libhunspell shares a table between handles, set up and counted
 * without a lock, so two handles created at once race (LeakSanitizer saw
 * the table made twice).  The preload thread (spell_preload) already
 * keeps the wait off the learner's first answer.  Both files must exist
 * before anything is corrected.
 */
static bool
load(struct spell *sp)
{
	char *aff = dict_path("en_US.aff"), *dic = dict_path("en_US.dic");
	char *med = dict_path("en_med_glut.dic");

	if (sp->tried)
		goto out;
	sp->tried = true;
	/* Hunspell says nothing useful about a missing file: look first. */
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) {
		sp->problem = xasprintf("no Hunspell dictionary %s (install "
		    "hunspell-en-us): spelling mistakes are not corrected", dic);
		goto out;
	}
	if (access(med, R_OK) != 0) {
		sp->problem = xasprintf("no Hunspell dictionary %s (install "
		    "hunspell-en-med): spelling mistakes are not corrected", med);
		goto out;
	}
	sp->hun = Hunspell_create(aff, dic);
	sp->hun_med = Hunspell_create(aff, med);
	if (sp->hun == NULL || sp->hun_med == NULL) {
		sp->problem = xasprintf("Hunspell could not load %s: spelling "
		    "mistakes are not corrected", sp->hun == NULL ? dic : med);
		if (sp->hun != NULL)
			Hunspell_destroy(sp->hun);
		if (sp->hun_med != NULL)
			Hunspell_destroy(sp->hun_med);
		sp->hun = sp->hun_med = NULL;
	}
out:
	free(aff);
	free(dic);
	free(med);
	return sp->problem == NULL;
}

static void *
preload(void *sp)
{
	load(sp);
	return NULL;
}

void
spell_preload(struct spell *sp)
{
	if (!sp->tried && !sp->preloading)
		sp->preloading = start_thread(&sp->preloader, preload, sp) == 0;
}

bool
spell_load(struct spell *sp)
{
	finish_preload(sp);
	return load(sp);
}

bool
spell_loaded(struct spell *sp)
{
	finish_preload(sp);
	return sp->hun != NULL;
}

const char *
spell_problem(const struct spell *sp)
{
	return sp->problem;
}

/* Does either dictionary know buf, as typed or in lower case? */
static bool
known(struct spell *sp, char *buf, size_t n)
{
	if (Hunspell_spell(sp->hun, buf) || Hunspell_spell(sp->hun_med, buf))
		return true;
	for (size_t i = 0; i < n; i++)
		buf[i] = lower(buf[i]);
	return Hunspell_spell(sp->hun, buf) || Hunspell_spell(sp->hun_med, buf);
}

/* Does a dictionary know the word (so it must not be changed)? */
static bool
real_word(struct spell *sp, const char *w, size_t n)
{
	char buf[MAX_WORD + 1];

	/* No dictionary: correct nothing. */
	if (!spell_load(sp))
		return true;
	memcpy(buf, w, n);
	buf[n] = '\0';
	return known(sp, buf, n);
}

struct correcting {
	struct spell *sp;
	const struct spell_want *want;
	const char *text;
	struct strbuf out;
	size_t done;		/* bytes of text copied to out */
	struct spell_fix *fixes;
	size_t nfixes;
};

/*
 * A course word with an ending ("wraps", "tightened", "palpating", from
 * "wrap", "tighten", "palpate"): a real word, known without loading a
 * dictionary.
 */
static bool
inflected_course_word(const struct spell *sp, const char *w, size_t n)
{
	static const char *const endings[] = {"s", "es", "ed", "d", "ing",
	    "ly", "er", "ers"};
	char stem[MAX_WORD + 2];

	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		size_t k = strlen(endings[i]);

		if (n < k + 3 || strncasecmp(w + n - k, endings[i], k) != 0)
			continue;
		if (spell_is_course_word(sp, w, n - k))
			return true;
		memcpy(stem, w, n - k);
		stem[n - k] = 'e';
		if (spell_is_course_word(sp, stem, n - k + 1))
			return true;
	}
	return false;
}

/*
 * The course word a word ending in "que" stands for with "c" in its place
 * ("concentrique", "iliaque": the French spelling of English "-ic" and
 * "-ac"), exactly or as nearest() finds it; or NULL.
 */
static const char *
foreign_ending(const struct correcting *c, const char *w, size_t n)
{
	char stem[MAX_WORD + 1];
	size_t k;

	if (n < MIN_WORD + 2 || strncasecmp(w + n - 3, "que", 3) != 0)
		return NULL;
	memcpy(stem, w, n - 3);
	stem[n - 3] = 'c';
	k = slot(c->sp->set, c->sp->cap, stem, n - 2);
	if (c->sp->set[k] != NULL)
		return c->sp->set[k];
	return nearest(c->sp, stem, n - 2, c->want);
}

static void
fix_word(void *ctx, const char *w, size_t n)
{
	struct correcting *c = ctx;
	const char *meant;

	if (n < MIN_WORD || n > MAX_WORD || spell_is_course_word(c->sp, w, n))
		return;
	meant = nearest(c->sp, w, n, c->want);
	if (meant == NULL)
		meant = foreign_ending(c, w, n);
	if (meant == NULL)
		return;
	/*
	 * An inflected course word is real without asking a dictionary,
	 * unless it would be read as a pattern's word ("bleding" is "bled"
	 * with "-ing", but means "bleeding").
	 */
	if ((inflected_course_word(c->sp, w, n) &&
	    !keyish(c->sp, meant, strlen(meant))) || real_word(c->sp, w, n))
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
spell_correct(struct spell *sp, const char *text,
    const struct spell_want *want, struct spell_fix **fixes, size_t *nfixes)
{
	struct correcting c = {.sp = sp, .want = want, .text = text};

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
