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
	if (cp <= 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
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
		*why = xasprintf("this answer is not valid UTF-8 text (bad byte "
		    "at position %zu), so it was not graded: please type it "
		    "again", bad + 1);
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
		char c;

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
	/*
	 * JIT is only a speed-up: PCRE2_ERROR_JIT_BADOPTION (no JIT in this
	 * build) or any other failure leaves the interpreter in charge.
	 */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

/*
 * One match context for every match, made on first use and kept for the
 * life of the process.  The match limit applies under JIT too; the depth
 * limit only to the interpreter, hence the heap limit as well.
 */
static pcre2_match_context *
match_context(void)
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

static void
set_ungradable(const struct question *q, const struct pattern *p, int rc,
    struct grade_result *r)
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
	    "this answer could not be graded (checking it took too long), so "
	    "no try was used: please rephrase it" :
	    "this answer could not be graded (a fault in the quiz, reported to "
	    "its author), so no try was used: please rephrase it");
	free(r->author_warning);
	if (is_limit_error(rc))
		r->author_warning = xasprintf("%s:%ld:%ld: warning: pattern hit "
		    "the match limit (%s); simplify it (nested repeats such "
		    "as (a+)+ backtrack without end)",
		    q->path ? q->path : "(quiz)", p->lineno, p->col, (char *)msg);
	else
		r->author_warning = xasprintf("%s:%ld:%ld: warning: pattern "
		    "could not be matched (%s)",
		    q->path ? q->path : "(quiz)", p->lineno, p->col, (char *)msg);
}

enum match_status { M_NOMATCH, M_MATCH, M_ERROR };

/* Match p against the normalised subject; an error sets r ungradable. */
static enum match_status
match(const struct question *q, const struct pattern *p, const char *subject,
    struct grade_result *r)
{
	pcre2_match_data *md;
	int rc;

	md = pcre2_match_data_create_from_pattern(p->code, NULL);
	if (md == NULL) {
		fprintf(stderr, "psoas-tutor: out of memory (PCRE2 match data)\n");
		abort();
	}
	/* Subjects are validated by normalise(): skip PCRE2's own check. */
	rc = pcre2_match(p->code, (PCRE2_SPTR)subject, strlen(subject), 0,
	    PCRE2_NO_UTF_CHECK, md, match_context());
	pcre2_match_data_free(md);
	if (rc >= 0)
		return M_MATCH;
	if (rc == PCRE2_ERROR_NOMATCH)
		return M_NOMATCH;
	set_ungradable(q, p, rc, r);
	return M_ERROR;
}

/* --------------------------------------------------------------- kinds */

static void
grade_short(const struct question *q, const char *a, struct grade_result *r)
{
	for (size_t i = 0; i < q->nmisconceptions; i++) {
		const struct pattern *p = &q->misconceptions[i];

		switch (match(q, p, a, r)) {
		case M_ERROR:
			return;
		case M_MATCH:
			r->verdict = GRADE_INCORRECT;
			r->feedback = p->feedback;
			r->rule = p;
			return;
		case M_NOMATCH:
			break;
		}
	}
	for (size_t i = 0; i < q->naccept; i++) {
		switch (match(q, &q->accept[i], a, r)) {
		case M_ERROR:
			return;
		case M_MATCH:
			r->verdict = GRADE_CORRECT;
			r->fraction = 1;
			r->rule = &q->accept[i];
			return;
		case M_NOMATCH:
			break;
		}
	}
	r->verdict = GRADE_INCORRECT;
}

static bool
is_sep_char(char c)
{
	return c == ',' || c == ';' || c == '/' || c == '&' || c == '+' ||
	    c == '\n' || c == '\0';
}

static bool
word_is(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 0x20) != word[i])
			return false;
	return true;
}

/*
 * Split a normalised list answer in place at , ; / newline and the words
 * "and" / "or"; returns the trimmed, non-empty parts (pointers into s).
 */
static size_t
split_list(char *s, char ***parts)
{
	size_t len = strlen(s), n = 0, start = 0;

	*parts = xcalloc(len / 2 + 2, sizeof **parts);
	for (size_t i = 0; i <= len; i++) {
		bool cut = is_sep_char(s[i]);
		size_t skip = 1;

		if (!cut && (i == 0 || s[i - 1] == ' ' || is_sep_char(s[i - 1]))) {
			size_t w = i;

			while (s[w] != '\0' && s[w] != ' ' && !is_sep_char(s[w]))
				w++;
			if (word_is(s + i, w - i, "and") ||
			    word_is(s + i, w - i, "or")) {
				cut = true;
				skip = w - i;
			}
		}
		if (!cut)
			continue;
		{
			size_t b = start, e = i;

			while (b < e && s[b] == ' ')
				b++;
			while (e > b && s[e - 1] == ' ')
				e--;
			if (e > b) {
				s[e] = '\0';
				(*parts)[n++] = s + b;
			}
		}
		for (size_t k = 0; k < skip && i + k < len; k++)
			s[i + k] = '\0';
		i += skip - 1;
		start = i + 1;
	}
	return n;
}

/* Append line (taken over) to r->detail. */
static void
add_detail(struct grade_result *r, char *line)
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

static void
grade_list(const struct question *q, char *a, struct grade_result *r)
{
	bool *credited = xcalloc(q->nitems ? q->nitems : 1, sizeof *credited);
	const struct pattern *misconception = NULL;
	size_t ncredited = 0, nwrong = 0, nparts, earned;
	size_t need = q->need > 0 ? (size_t)q->need : 1;
	char **parts;

	nparts = split_list(a, &parts);
	for (size_t i = 0; i < nparts; i++) {
		const char *part = parts[i];
		const struct pattern *wrong = NULL;
		bool done = false;

		for (size_t m = 0; m < q->nmisconceptions && !wrong; m++) {
			enum match_status s =
			    match(q, &q->misconceptions[m], part, r);

			if (s == M_ERROR)
				goto out;
			if (s == M_MATCH)
				wrong = &q->misconceptions[m];
		}
		if (wrong != NULL) {
			nwrong++;
			if (misconception == NULL)
				misconception = wrong;
			add_detail(r, xasprintf("\"%s\": misconception %s:%ld",
			    part, q->path ? q->path : "(quiz)", wrong->lineno));
			continue;
		}
		/* The first item not yet credited that this part names. */
		for (size_t t = 0; t < q->nitems && !done; t++) {
			if (credited[t])
				continue;
			for (size_t k = 0; k < q->items[t].naccept && !done; k++) {
				enum match_status s =
				    match(q, &q->items[t].accept[k], part, r);

				if (s == M_ERROR)
					goto out;
				if (s == M_MATCH) {
					credited[t] = true;
					ncredited++;
					done = true;
					add_detail(r, xasprintf("\"%s\": "
					    "accept %s:%ld (item '%s')", part,
					    q->path ? q->path : "(quiz)",
					    q->items[t].accept[k].lineno,
					    q->items[t].label));
				}
			}
		}
		if (!done)
			add_detail(r, xasprintf("\"%s\": no rule (or an item "
			    "already credited)", part));
	}
	/*
	 * Strict about facts: each part naming a known wrong thing cancels one
	 * credited item, so "femoral, obturator and sciatic" cannot score full
	 * marks by listing extra guesses.
	 */
	earned = ncredited < need ? ncredited : need;
	earned = earned > nwrong ? earned - nwrong : 0;
	r->fraction = (double)earned / (double)need;
	if (ncredited >= need && nwrong == 0)
		r->verdict = GRADE_CORRECT;
	else if (earned > 0)
		r->verdict = GRADE_PARTIAL;
	else
		r->verdict = GRADE_INCORRECT;
	if (misconception != NULL) {
		r->feedback = misconception->feedback;
		r->rule = misconception;
	}
	/* Say how many, never which: the labels are the answer. */
	if (r->verdict != GRADE_CORRECT)
		r->message = nwrong > 0 ?
		    xasprintf("items credited: %zu of the %zu needed, less one "
		    "for each wrong item (%zu)", ncredited < need ? ncredited :
		    need, need, nwrong) :
		    xasprintf("items credited: %zu of the %zu needed",
		    ncredited < need ? ncredited : need, need);
out:
	free(parts);
	free(credited);
}

static void
letters_ungradable(const struct question *q, struct grade_result *r)
{
	size_t n = q->kind == Q_ORDER ? q->nsteps : q->nchoices;
	char last = (char)('a' + (n > 0 ? n - 1 : 0));

	r->verdict = GRADE_UNGRADABLE;
	switch (q->kind) {
	case Q_CHOICE:
		r->message = xasprintf("type the letter of one choice, a to %c",
		    last);
		break;
	case Q_MULTI:
		r->message = xasprintf("type the letters of every choice you "
		    "pick, a to %c, separated by spaces or commas", last);
		break;
	default:
		r->message = xasprintf("type all %zu letters, a to %c, each "
		    "once, in the right order", n, last);
		break;
	}
}

static void
grade_letters(const struct question *q, const char *a, struct grade_result *r)
{
	size_t n = q->kind == Q_ORDER ? q->nsteps : q->nchoices;
	size_t *letters = xcalloc(n ? n : 1, sizeof *letters);
	bool *seen = xcalloc(n ? n : 1, sizeof *seen);
	size_t nl, chosen = 0, right = 0, ncorrect = 0;
	const char *wrong_feedback = NULL;
	bool wrong = false, dup = false;

	if (!grade_parse_letters(a, n, letters, &nl)) {
		letters_ungradable(q, r);
		goto out;
	}
	for (size_t i = 0; i < nl; i++) {
		if (seen[letters[i]])
			dup = true;
		seen[letters[i]] = true;
	}
	if ((q->kind == Q_CHOICE && nl != 1) ||
	    (q->kind == Q_ORDER && (dup || nl != n))) {
		letters_ungradable(q, r);
		goto out;
	}
	if (q->kind == Q_ORDER) {
		bool ok = true;

		for (size_t i = 0; i < n; i++)
			if (q->shown[letters[i]] != i)
				ok = false;
		r->verdict = ok ? GRADE_CORRECT : GRADE_INCORRECT;
		r->fraction = ok ? 1 : 0;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct choice *c = &q->choices[q->shown[i]];

		if (c->correct)
			ncorrect++;
		if (!seen[i])
			continue;
		chosen++;
		if (c->correct) {
			right++;
		} else {
			wrong = true;
			if (wrong_feedback == NULL)
				wrong_feedback = c->feedback;
		}
	}
	if (wrong) {
		r->verdict = GRADE_INCORRECT;
		r->feedback = wrong_feedback;
	} else if (right == ncorrect) {
		r->verdict = GRADE_CORRECT;
		r->fraction = 1;
		/* Feedback on a correct choice says why it is right. */
		if (q->kind == Q_CHOICE)
			r->feedback = q->choices[q->shown[letters[0]]].feedback;
	} else {
		r->verdict = GRADE_PARTIAL;
		r->fraction = (double)right / ncorrect;
		r->message = xasprintf("correct choices picked: %zu of %zu",
		    right, ncorrect);
	}
	(void)chosen;
out:
	free(letters);
	free(seen);
}

static void
grade_truefalse(const struct question *q, const char *a,
    struct grade_result *r)
{
	static const char *const yes[] = {"true", "t", "yes", "y"};
	static const char *const no[] = {"false", "f", "no", "n"};
	size_t n = strlen(a);
	int said = -1;

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (word_is(a, n, yes[i]))
			said = 1;
		if (word_is(a, n, no[i]))
			said = 0;
	}
	if (said < 0) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = xstrdup("answer true or false");
		return;
	}
	if ((said == 1) == q->answer_true) {
		r->verdict = GRADE_CORRECT;
		r->fraction = 1;
	} else {
		r->verdict = GRADE_INCORRECT;
	}
}

void
grade_answer(const struct question *q, const char *answer, size_t len,
    struct grade_result *r)
{
	char *why = NULL, *a;

	memset(r, 0, sizeof *r);
	r->verdict = GRADE_INCORRECT;
	a = normalise(answer, len, q->kind == Q_LIST, &why);
	if (a == NULL) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = why;
		return;
	}
	if (a[0] == '\0') {
		r->verdict = GRADE_UNGRADABLE;
		r->message = xstrdup("there is no answer to grade: type one, "
		    "or 'skip'");
		free(a);
		return;
	}
	switch (q->kind) {
	case Q_SHORT:
		grade_short(q, a, r);
		break;
	case Q_LIST:
		grade_list(q, a, r);
		break;
	case Q_CHOICE:
	case Q_MULTI:
	case Q_ORDER:
		grade_letters(q, a, r);
		break;
	case Q_TRUEFALSE:
		grade_truefalse(q, a, r);
		break;
	}
	free(a);
}

void
grade_result_destroy(struct grade_result *r)
{
	free(r->message);
	free(r->author_warning);
	free(r->detail);
	memset(r, 0, sizeof *r);
}

bool
grade_parse_letters(const char *answer, size_t nletters, size_t *out,
    size_t *nout)
{
	const char *p = answer;

	*nout = 0;
	while (*p != '\0') {
		const char *t;

		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',') {
			p++;
			continue;
		}
		t = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != ',')
			p++;
		if (word_is(t, (size_t)(p - t), "and"))
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

int
grade_whole_percent(double part, double whole)
{
	if (whole <= 0)
		return 0;
	/* The epsilon keeps 3 of 4 from becoming 74.999... and so 74. */
	return (int)(part * 100.0 / whole + 1e-9);
}
