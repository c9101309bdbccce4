/*
 * Spelling tolerance: a word of an answer that no dictionary knows is
 * read as the course word it is nearest to, when that word is close for
 * the word's length and no other course word is as close ("trochantor"
 * -> "trochanter").  A real word is never changed into another: "ilium",
 * "ileum", "literal" and "peroneal" are known to Hunspell and left alone.
 *
 * The course vocabulary (words of its lessons, quizzes, patterns and
 * glossary) is added at load.  The Hunspell dictionaries (en_US and the
 * medical en_med_glut) are loaded the first time a word needs them, or in
 * the background once a free-text question is shown, never at start-up; when they cannot be loaded nothing is corrected, and
 * spell_problem() says why so --check can warn.  Rules: doc/FORMATS.md
 * "Spelling".
 */
#ifndef PSOAS_SPELL_H
#define PSOAS_SPELL_H

#include <stdbool.h>
#include <stddef.h>

struct spell;

struct spell_fix {
	char *typed;		/* owned: the word as typed */
	const char *meant;	/* borrowed from the vocabulary */
};

struct spell *spell_new(void);
void spell_free(struct spell *sp);

/* Add every word of text (letters only, 4 bytes or more) to the vocabulary. */
void spell_add_text(struct spell *sp, const char *text);

/*
 * Add the literal words of a PCRE2 pattern: runs of letters outside
 * escapes ("(?:the\s+)?lesser\s+trochanter" gives "lesser", "trochanter").
 */
void spell_add_pattern(struct spell *sp, const char *pattern);

/* True when word (any case) is a course word. */
bool spell_is_course_word(const struct spell *sp, const char *word,
    size_t len);

/* Which of several equally near course words the caller would want. */
struct spell_want {
	bool (*wanted)(const void *ctx, const char *word);
	const void *ctx;
};

/*
 * Text with every correctable word replaced by its course word (in
 * lower case).  want (may be NULL) breaks a tie between equally near
 * course words when it wants exactly one.  Returns a new string, or NULL
 * when nothing was corrected; then *fixes is NULL.  Otherwise *fixes
 * (free with spell_fixes_free) lists the corrections in order.
 */
char *spell_correct(struct spell *sp, const char *text,
    const struct spell_want *want, struct spell_fix **fixes, size_t *nfixes);
void spell_fixes_free(struct spell_fix *fixes, size_t n);

/*
 * Load the dictionaries now if they were not yet (the benchmark and the
 * checker use this); returns spell_problem(sp) == NULL.
 */
bool spell_load(struct spell *sp);

/* True once the dictionaries are loaded (the benchmark asks). */
bool spell_loaded(struct spell *sp);

/*
 * Start loading the dictionaries on a thread of their own, if they are
 * not loaded yet: showing a free-text question does this, so that they
 * are ready, or nearly, when its answer comes.  Everything else waits
 * for that thread before using them.
 */
void spell_preload(struct spell *sp);

/*
 * NULL while the dictionaries are loaded or not yet needed; otherwise why
 * they could not be loaded (borrowed).
 */
const char *spell_problem(const struct spell *sp);

#endif
