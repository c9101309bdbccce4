/*
 * Reading an answer as a learner writes it: where a clause begins and
 * ends, whether a term is negated in its clause ("not the greater
 * trochanter", "rather than L1"), and which "X or Y" alternatives a term
 * stands among.  Pure text analysis over a normalised answer (grade.h);
 * the pattern matching that finds the terms is grade.c's.  The word
 * lists are the contract in doc/FORMATS.md "Concepts"; keep them in step.
 */
#ifndef PSOAS_CLAUSE_H
#define PSOAS_CLAUSE_H

#include <stdbool.h>
#include <stddef.h>

struct span {
	size_t start, end;	/* byte offsets, end exclusive */
};

/*
 * The clause of s (len bytes) holding byte offset pos.  A clause ends at
 * , ; : . ! ? ( ) [ ] { } " = > a newline and a dash with a space on each
 * side, and before the words "but",
 * "because", "although", "though", "whereas", "while", "however", "yet",
 * "and", "so", "since", "which", "who" and a pronoun starting a new
 * statement ("it", "it's", "its", "they", "this", "i", ...) unless a verb
 * of thinking comes just before it ("I don't think it's ...").
 */
struct span clause_of(const char *s, size_t len, size_t pos);

/*
 * True when the term at m is negated: a negation cue comes before it in
 * its clause ("not", "no", "never", "neither", "nor", "without",
 * "except", "non", any word ending in "n't", "cannot", "rather than",
 * "instead of", "as opposed to", "other than").  "not sure" and "not
 * certain" are doubt, not negation.
 */
bool clause_negated(const char *s, size_t len, struct span m);

/*
 * The alternatives around the term at m: its clause split at the word
 * "or" and at '/' (a leading "either" dropped), trimmed.  Writes up to
 * max spans to out and returns how many there are (1 when the term
 * stands alone); *self gets the index of the one holding m.
 */
size_t clause_alternatives(const char *s, size_t len, struct span m,
    struct span *out, size_t max, size_t *self);

/*
 * True when span holds no word that could name a thing: empty, or only
 * fillers (and, with numbers, words with digits such as "L2-L4") such as "so", "thereabouts", "something", "similar", "etc",
 * "maybe", "not sure", "the three of them", "and so on".
 */
bool clause_is_filler(const char *s, struct span sp, bool numbers);

/*
 * True when span is the learner's reason for what went before, not a
 * thing named: it starts with "because" or "since" ("diabetes, HIV,
 * because infection spreads more easily").
 */
bool clause_is_reason(const char *s, struct span sp);

#endif
