/*
 * Clauses, negation and alternatives in a learner's answer.  Learners
 * write "not the greater trochanter, the lesser one", "T12 rather than
 * L1" and "greater or lesser trochanter": a term found anywhere in the
 * answer means what its clause says about it.  The rules are small word
 * lists on purpose: an author can predict them, and doc/FORMATS.md lists
 * them all.
 */
#include "config.h"

#include <string.h>

#include "clause.h"

/* Words that end the clause before them. */
static const char *const boundary_words[] = {
	"but", "because", "although", "though", "whereas", "while", "however",
	"yet", "and", "so", "since", "which", "who", "whereby", "then",
};

/* Words that start a new statement, unless a thinking verb precedes. */
static const char *const statement_words[] = {
	"it", "it's", "its", "they", "they're", "this", "that's", "there",
	"there's", "i", "i'm", "i'd", "we", "you",
};

static const char *const thinking_words[] = {
	"think", "believe", "guess", "say", "suppose", "sure", "certain",
	"know", "that", "if", "whether", "mean",
};

static const char *const negation_words[] = {
	"not", "no", "never", "neither", "nor", "without", "except", "non",
	"cannot", "none", "nothing", "excluding",
};

/* Two-word cues: "rather than", "instead of", ... */
static const char *const negation_pairs[][2] = {
	{"rather", "than"}, {"instead", "of"}, {"opposed", "to"},
	{"other", "than"}, {"apart", "from"}, {"far", "from"},
};

/* After "not" or "no" these mean doubt or emphasis, not negation. */
static const char *const doubt_words[] = {
	"sure", "certain", "positive", "100%", "doubt", "only", "just",
	"entirely", "completely", "quite", "exactly",
};

static const char *const filler_words[] = {
	"so", "thereabouts", "something", "similar", "etc", "maybe", "perhaps",
	"not", "sure", "like", "that", "the", "a", "an", "other", "others",
	"else", "around", "there", "about", "i", "think", "guess", "all",
	"both", "them", "these", "those", "of", "two", "three", "four", "five",
	"together", "each", "on", "forth", "more",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80 || c == '\'' || c == '%';
}

/*
 * Does a clause end at s[i] (of len bytes)?  At punctuation, "=" and ">"
 * ("no change = refer", "->"), and at a dash with a space on each side
 * ("No - it is the lesser"), not at a hyphen ("T12-L1").
 */
static bool
is_boundary_at(const char *s, size_t len, size_t i)
{
	if (s[i] == '-')
		return i > 0 && i + 1 < len && s[i - 1] == ' ' && s[i + 1] == ' ';
	return s[i] != '\0' && strchr(",;:.!?()[]{}\"\n=>", s[i]) != NULL;
}

/* Caseless: does s[0..n) spell word (lower-case ASCII)? */
static bool
word_eq(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static bool
word_in(const char *s, size_t n, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (word_eq(s, n, list[i]))
			return true;
	return false;
}

/* The words of s[from..to), as spans; returns how many (at most max). */
static size_t
words(const char *s, size_t from, size_t to, struct span *out, size_t max)
{
	size_t n = 0, i = from;

	while (i < to && n < max) {
		size_t b;

		while (i < to && !is_word_byte((unsigned char)s[i]))
			i++;
		b = i;
		while (i < to && is_word_byte((unsigned char)s[i]))
			i++;
		/* A quote mark is part of "isn't", not of "'femoral'". */
		while (b < i && s[b] == '\'')
			b++;
		if (i > b) {
			size_t e = i;

			while (e > b && s[e - 1] == '\'')
				e--;
			out[n].start = b;
			out[n].end = e;
			n++;
		}
	}
	return n;
}

#define MAX_WORDS 400		/* an answer is at most 1000 bytes */

static bool
ends_nt(const char *s, struct span w)
{
	size_t n = w.end - w.start;

	return n >= 4 && (s[w.end - 1] | 0x20) == 't' && s[w.end - 2] == '\'' &&
	    (s[w.end - 3] | 0x20) == 'n';
}

/* Is word i of w a clause boundary (the clause starts at it)? */
static bool
starts_clause(const char *s, const struct span *w, size_t i)
{
	const char *p = s + w[i].start;
	size_t n = w[i].end - w[i].start;

	if (word_in(p, n, boundary_words, NELEM(boundary_words)))
		return true;
	if (!word_in(p, n, statement_words, NELEM(statement_words)) || i == 0)
		return false;
	return !word_in(s + w[i - 1].start, w[i - 1].end - w[i - 1].start,
	    thinking_words, NELEM(thinking_words)) && !ends_nt(s, w[i - 1]);
}

struct span
clause_of(const char *s, size_t len, size_t pos)
{
	struct span c = {0, len};
	struct span w[MAX_WORDS];
	size_t nw;

	if (pos > len)
		pos = len;
	for (size_t i = pos; i > 0; i--)
		if (is_boundary_at(s, len, i - 1)) {
			c.start = i;
			break;
		}
	for (size_t i = pos; i < len; i++)
		if (is_boundary_at(s, len, i)) {
			c.end = i;
			break;
		}
	/* Boundary words: the last one at or before pos, the first after. */
	nw = words(s, c.start, c.end, w, MAX_WORDS);
	for (size_t i = 0; i < nw; i++) {
		if (!starts_clause(s, w, i))
			continue;
		if (w[i].start <= pos)
			c.start = w[i].start;
		else if (w[i].start > pos) {
			c.end = w[i].start;
			break;
		}
	}
	return c;
}

bool
clause_negated(const char *s, size_t len, struct span m)
{
	struct span c = clause_of(s, len, m.start);
	struct span w[MAX_WORDS];
	size_t nw = words(s, c.start, m.start, w, MAX_WORDS);

	for (size_t i = 0; i < nw; i++) {
		const char *p = s + w[i].start;
		size_t n = w[i].end - w[i].start;
		bool doubt = i + 1 < nw && word_in(s + w[i + 1].start,
		    w[i + 1].end - w[i + 1].start, doubt_words,
		    NELEM(doubt_words));

		if (word_in(p, n, negation_words, NELEM(negation_words)) &&
		    !doubt)
			return true;
		if (ends_nt(s, w[i]) && !doubt)
			return true;
		if (i + 1 < nw)
			for (size_t k = 0; k < NELEM(negation_pairs); k++)
				if (word_eq(p, n, negation_pairs[k][0]) &&
				    word_eq(s + w[i + 1].start, w[i + 1].end -
				    w[i + 1].start, negation_pairs[k][1]))
					return true;
	}
	return false;
}

static struct span
trim(const char *s, struct span sp)
{
	while (sp.start < sp.end && (s[sp.start] == ' ' || s[sp.start] == '-'))
		sp.start++;
	while (sp.end > sp.start && (s[sp.end - 1] == ' ' || s[sp.end - 1] == '-'))
		sp.end--;
	return sp;
}

size_t
clause_alternatives(const char *s, size_t len, struct span m,
    struct span *out, size_t max, size_t *self)
{
	struct span c = clause_of(s, len, m.start);
	struct span w[MAX_WORDS];
	size_t nw = words(s, c.start, c.end, w, MAX_WORDS);
	size_t n = 0, from = c.start;

	*self = 0;
	/* Cuts: the word "or" and '/', outside the term itself. */
	for (size_t i = c.start, k = 0; i <= c.end; i++) {
		size_t cut_end = 0;
		bool cut = i == c.end;

		if (!cut && s[i] == '/' && (i < m.start || i >= m.end)) {
			cut = true;
			cut_end = i + 1;
		}
		while (!cut && k < nw && w[k].start < i)
			k++;
		if (!cut && k < nw && w[k].start == i &&
		    word_eq(s + i, w[k].end - w[k].start, "or") &&
		    (i < m.start || i >= m.end)) {
			cut = true;
			cut_end = w[k].end;
		}
		if (!cut)
			continue;
		{
			struct span a = trim(s, (struct span){from, i});

			/* "either X or Y": the "either" is not part of X. */
			if (a.end - a.start >= 7 &&
			    word_eq(s + a.start, 6, "either") &&
			    s[a.start + 6] == ' ')
				a.start += 7;
			if (m.start >= from && m.start < (i == c.end ? c.end + 1 : i))
				*self = n;
			if (n < max)
				out[n] = a;
			n++;
		}
		if (i < c.end) {
			from = cut_end;
			i = cut_end - 1;
		}
	}
	return n;
}

bool
clause_is_reason(const char *s, struct span sp)
{
	static const char *const reasons[] = {"because", "since"};
	struct span w[1];

	return words(s, sp.start, sp.end, w, 1) == 1 &&
	    word_in(s + w[0].start, w[0].end - w[0].start, reasons,
	    NELEM(reasons));
}

bool
clause_is_filler(const char *s, struct span sp, bool numbers)
{
	struct span w[MAX_WORDS];
	size_t nw = words(s, sp.start, sp.end, w, MAX_WORDS);

	for (size_t i = 0; i < nw; i++) {
		const char *p = s + w[i].start;
		size_t n = w[i].end - w[i].start;

		/* "L2-L4", "T12": levels and numbers name nothing alone. */
		if (numbers && strpbrk(p, "0123456789") != NULL &&
		    (size_t)(strpbrk(p, "0123456789") - p) < n)
			continue;
		if (!word_in(p, n, filler_words, NELEM(filler_words)))
			return false;
	}
	return true;
}
