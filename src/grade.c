/*
 * Grading one answer.  Everything a learner types goes through one
 * normalisation so that typing habits (curly quotes, a trailing full
 * stop, two spaces) never cost marks, and every match runs under one set
 * of PCRE2 limits so that a badly written pattern makes an answer
 * "not graded" instead of hanging the tutor.  The rules are the contract
 * in doc/FORMATS.md "Grading semantics"; keep the two in step.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defaults.h"
#include "grade.h"
#include "qkind.h"
#include "text.h"
#include "xmalloc.h"

/* ------------------------------------------------------------ normalise */

#define SUBJECT_PAD 32		/* bytes after a subject, see normalise() */

/*
 * Unicode White_Space, plus the other control characters: a learner never
 * means a control character, and treating it as a space is kinder than
 * refusing the answer.
 */
static bool
is_space_cp(uint32_t cp)
{
	if (cp == 0x20 || text_cp_is_cc(cp))
		return true;
	return cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000;
}

/* Invisible characters that come along with pasted text. */
static bool
is_dropped_cp(uint32_t cp)
{
	return (cp >= 0x200b && cp <= 0x200d) || cp == 0xfeff;
}

/* The one-byte replacement of a dash or curly quote, or 0. */
static char
ascii_for(uint32_t cp)
{
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
		return '-';
	if (cp == 0x2018 || cp == 0x2019)
		return '\'';
	if (cp == 0x201c || cp == 0x201d)
		return '"';
	return 0;
}

/*
 * A Latin letter with a diacritic (U+00C0..U+017F) as the plain letters it
 * is read as ("femoral" for "fémoral", "ss" for "ß"), or NULL.  Each is
 * two bytes in UTF-8 and becomes at most two, so normalising never grows
 * the answer.
 */
static const char *
fold_letter(uint32_t cp, char buf[3])
{
	static const char latin1[] =	/* U+00C0..U+00FF; '*' two letters */
	    "AAAAAA*CEEEEIIIIDNOOOOO.OUUUUY**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";
	static const char ext_a[] =	/* U+0100..U+017F; '*' two letters */
	    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**"
	    "JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSsSsSsTtTtTt"
	    "UuUuUuUuUuUuWwYyYZzZzZzs";
	static const struct { uint32_t cp; const char *s; } pairs[] = {
		{0xc6, "AE"}, {0xde, "Th"}, {0xdf, "ss"}, {0xe6, "ae"},
		{0xfe, "th"}, {0x132, "IJ"}, {0x133, "ij"}, {0x152, "OE"},
		{0x153, "oe"},
	};
	char c;

	if (cp < 0xc0 || cp > 0x17f)
		return NULL;
	c = cp < 0x100 ? latin1[cp - 0xc0] : ext_a[cp - 0x100];
	if (c == '.')
		return NULL;	/* the multiplication and division signs */
	if (c != '*') {
		buf[0] = c;
		buf[1] = '\0';
		return buf;
	}
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (pairs[i].cp == cp)
			return pairs[i].s;
	return NULL;
}

/*
 * The normalisation of doc/FORMATS.md.  With keep_newlines, a run of
 * white space that holds a newline becomes '\n' rather than ' ', because
 * a newline separates the parts of a list answer.
 */
static char *
normalise(const char *s, size_t len, bool keep_newlines, char **why)
{
	size_t bad, n = 0, i = 0;
	bool space = false, newline = false;
	char *out;

	if (!text_utf8_valid(s, len, &bad)) {
		*why = xasprintf("This answer is not valid UTF-8 text (bad byte "
		    "at position %zu), so it was not graded: please type it "
		    "again.", bad + 1);
		return NULL;
	}
	/*
	 * Every rule maps a sequence to one no longer than itself.  The
	 * zeroed padding is for PCRE2's JIT, which reads the subject in
	 * aligned 16-byte blocks that can run past its end: harmless, but
	 * memory checkers (valgrind) would report it on every answer.
	 */
	out = xcalloc(len + 1 + SUBJECT_PAD, 1);
	while (i < len) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, len - i, &cp);
		const char *folded;
		char c, buf[3];

		if (is_space_cp(cp)) {
			space = true;
			if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
				newline = true;
		} else if (!is_dropped_cp(cp)) {
			if (space && n > 0)
				out[n++] = newline && keep_newlines ? '\n' : ' ';
			space = newline = false;
			if ((c = ascii_for(cp)) != 0) {
				out[n++] = c;
			} else if ((folded = fold_letter(cp, buf)) != NULL) {
				memcpy(out + n, folded, strlen(folded));
				n += strlen(folded);
			} else {
				memcpy(out + n, s + i, k);
				n += k;
			}
		}
		i += k;
	}
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == '!' ||
	    out[n - 1] == ' ' || out[n - 1] == '\n'))
		n--;
	out[n] = '\0';
	if (n > GRADE_MAX_ANSWER) {
		*why = xasprintf("this answer is too long to grade (%zu bytes; "
		    "the limit is %d), so it was not graded: please shorten it",
		    n, GRADE_MAX_ANSWER);
		free(out);
		return NULL;
	}
	return out;
}

char *
grade_normalise(const char *answer, size_t len, char **why)
{
	return normalise(answer, len, false, why);
}

/* ------------------------------------------------------------- patterns */

pcre2_code *
grade_compile(const char *src, bool case_sensitive, bool anchored,
    char **err, size_t *erroffset)
{
	/*
	 * Anchoring is a compile option, not a match option: given to
	 * pcre2_match, PCRE2_ANCHORED/ENDANCHORED disable JIT (pcre2api).
	 * \C could split a UTF-8 character, so it is refused.
	 */
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *code;
	int errcode;

	if (!case_sensitive)
		options |= PCRE2_CASELESS;
	if (anchored)
		options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, options,
	    &errcode, &off, NULL);
	if (code == NULL) {
		if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "error %d", errcode);
		*err = xstrdup((char *)msg);
		*erroffset = off;
		return NULL;
	}
	/* No JIT here: grade_jit does it when a quiz starts (grade.h). */
	return code;
}

void
grade_jit(pcre2_code *code)
{
	size_t size = 0;

	if (code == NULL ||
	    (pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) == 0 &&
	    size > 0))
		return;
	/*
	 * JIT is only a speed-up: PCRE2_ERROR_JIT_BADOPTION (no JIT in this
	 * build) or any other failure leaves the interpreter in charge.
	 */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
}

/*
 * One match context for every match, made on first use and kept for the
 * life of the process.  The match limit applies under JIT too; the depth
 * limit only to the interpreter, hence the heap limit as well.
 */
pcre2_match_context *
grade_match_context(void)
{
	static pcre2_match_context *ctx;

	if (ctx == NULL) {
		ctx = pcre2_match_context_create(NULL);
		if (ctx == NULL) {
			fprintf(stderr, "psoas-tutor: out of memory (PCRE2 "
			    "match context)\n");
			abort();
		}
		pcre2_set_match_limit(ctx, GRADE_MATCH_LIMIT);
		pcre2_set_depth_limit(ctx, GRADE_DEPTH_LIMIT);
		pcre2_set_heap_limit(ctx, GRADE_HEAP_LIMIT);
	}
	return ctx;
}

static bool
is_limit_error(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	    rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

void
grade_set_ungradable(const struct question *q, const struct pattern *p,
    int rc, struct grade_result *r)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", rc);
	r->verdict = GRADE_UNGRADABLE;
	r->fraction = 0;
	r->feedback = NULL;
	r->rule = p;
	free(r->message);
	r->message = xstrdup(is_limit_error(rc) ?
	    "This answer could not be graded (checking it took too long), so "
	    "no try was used: please rephrase it." :
	    "This answer could not be graded (a fault in the quiz, reported to "
	    "its author), so no try was used: please rephrase it.");
	free(r->author_warning);
	if (is_limit_error(rc))
		r->author_warning = xasprintf("%s:%d:%d: warning: pattern hit "
		    "the match limit (%s); simplify it (nested repeats such "
		    "as (a+)+ backtrack without end)",
		    q->path ? q->path : "(quiz)", p->lineno, p->col, (char *)msg);
	else
		r->author_warning = xasprintf("%s:%d:%d: warning: pattern "
		    "could not be matched (%s)",
		    q->path ? q->path : "(quiz)", p->lineno, p->col, (char *)msg);
}

static bool (*stop_check)(void);

void
grade_set_stop_check(bool (*stop)(void))
{
	stop_check = stop;
}

bool
grade_stop_requested(void)
{
	return stop_check != NULL && stop_check();
}

void
grade_set_unfinished(const struct question *q, struct grade_result *r,
    bool late)
{
	r->verdict = GRADE_UNGRADABLE;
	r->fraction = 0;
	r->feedback = NULL;
	r->rule = NULL;
	free(r->message);
	r->message = xstrdup(late ?
	    "This answer could not be graded (checking it took too long), so "
	    "no try was used: please rephrase it." :
	    "Grading was interrupted, so no try was used.");
	free(r->author_warning);
	r->author_warning = late ? xasprintf("%s:%d: warning: grading an "
	    "answer to question '%s' took more than %d ms; simplify its "
	    "patterns", q->path ? q->path : "(quiz)", q->lineno, q->id,
	    GRADE_BUDGET_MS) : NULL;
}

bool
grade_word_is(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 0x20) != word[i])
			return false;
	return true;
}

void
grade_add_detail(struct grade_result *r, char *line)
{
	char *joined;

	if (r->detail == NULL) {
		r->detail = line;
		return;
	}
	joined = xasprintf("%s\n%s", r->detail, line);
	free(r->detail);
	free(line);
	r->detail = joined;
}

void
grade_answer(const struct question *q, const char *answer, size_t len,
    struct grade_result *r)
{
	grade_answer_opts(q, answer, len, NULL, r);
}

void
grade_answer_opts(const struct question *q, const char *answer, size_t len,
    const struct grade_opts *opts, struct grade_result *r)
{
	const struct qkind *kind;
	char *why = NULL, *a;

	memset(r, 0, sizeof *r);
	r->verdict = GRADE_INCORRECT;
	r->opts = opts;
	kind = qkind_of(q->kind);
	a = normalise(answer, len, kind->list_answer, &why);
	if (a == NULL) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = why;
		return;
	}
	if (a[0] == '\0') {
		r->verdict = GRADE_UNGRADABLE;
		r->message = xstrdup("There is no answer to grade: type one, "
		    "or 'skip'.");
		free(a);
		return;
	}
	kind->grade(q, a, r);
	free(a);
}

void
grade_result_destroy(struct grade_result *r)
{
	free(r->message);
	free(r->missing);
	free(r->missing_key);
	free(r->author_warning);
	free(r->detail);
	memset(r, 0, sizeof *r);
}

/*
 * Between letters: blanks, commas, and the marks letters are written
 * with, "c)", "(c)" and "C." alike.
 */
static bool
is_letter_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ')' ||
	    c == '(' || c == '.';
}

bool
grade_parse_letters(const char *answer, size_t nletters, size_t *out,
    size_t *nout)
{
	const char *p = answer;

	*nout = 0;
	while (*p != '\0') {
		const char *t;

		if (is_letter_separator(*p)) {
			p++;
			continue;
		}
		t = p;
		while (*p != '\0' && !is_letter_separator(*p))
			p++;
		if (grade_word_is(t, (size_t)(p - t), "and"))
			continue;
		for (; t < p; t++) {
			char c = (char)(*t | 0x20);

			if (c < 'a' || c > 'z' || (size_t)(c - 'a') >= nletters ||
			    *nout == nletters)
				return false;
			out[(*nout)++] = (size_t)(c - 'a');
		}
	}
	return *nout > 0;
}

const char *
grade_verdict_name(enum grade_verdict v)
{
	static const char *const names[] = {
		[GRADE_CORRECT] = "correct",
		[GRADE_PARTIAL] = "partly correct",
		[GRADE_INCORRECT] = "incorrect",
		[GRADE_UNGRADABLE] = "not graded",
	};

	return (size_t)v < sizeof names / sizeof names[0] ? names[v] :
	    "not graded";
}

bool
grade_passed(double part, double whole, int pass)
{
	return whole > 0 && grade_whole_percent(part, whole) >= pass;
}

double
grade_points(const struct quiz *quiz, const struct question *qn,
    double fraction, int hints, int tries)
{
	long keep = 100L - (long)quiz->hint_cost * hints -
	    (long)quiz->retry_cost * (tries > 1 ? tries - 1 : 0);

	if (keep < 0)
		keep = 0;
	return fraction * qn->points * (double)keep / 100.0;
}

int
grade_whole_percent(double part, double whole)
{
	if (whole <= 0)
		return 0;
	/* The epsilon keeps 3 of 4 from becoming 74.999... and so 74. */
	return (int)(part * 100.0 / whole + 1e-9);
}
