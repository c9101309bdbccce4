/*
 * Grading free text: short answers and lists (doc/FORMATS.md "Grading
 * semantics").  The answer comes normalised (grade.c); a misconception
 * pattern wins over an accepted one, and a list answer is split into
 * parts, each credited to at most one item.  These are the rules of the
 * "short" and "list" rows of qkind_text.c, apart so that new rule forms
 * for free text grow here.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "qkind.h"
#include "xmalloc.h"

void
grade_text_short(const struct question *q, char *a, struct grade_result *r)
{
	for (size_t i = 0; i < q->nmisconceptions; i++) {
		const struct pattern *p = &q->misconceptions[i];

		switch (grade_match(q, p, a, r)) {
		case GRADE_MATCH_ERROR:
			return;
		case GRADE_MATCH:
			r->verdict = GRADE_INCORRECT;
			r->feedback = p->feedback;
			r->rule = p;
			return;
		case GRADE_NOMATCH:
			break;
		}
	}
	for (size_t i = 0; i < q->naccept; i++) {
		switch (grade_match(q, &q->accept[i], a, r)) {
		case GRADE_MATCH_ERROR:
			return;
		case GRADE_MATCH:
			r->verdict = GRADE_CORRECT;
			r->fraction = 1;
			r->rule = &q->accept[i];
			return;
		case GRADE_NOMATCH:
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
			if (grade_word_is(s + i, w - i, "and") ||
			    grade_word_is(s + i, w - i, "or")) {
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

void
grade_text_list(const struct question *q, char *a, struct grade_result *r)
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
			enum grade_match s =
			    grade_match(q, &q->misconceptions[m], part, r);

			if (s == GRADE_MATCH_ERROR)
				goto out;
			if (s == GRADE_MATCH)
				wrong = &q->misconceptions[m];
		}
		if (wrong != NULL) {
			nwrong++;
			if (misconception == NULL)
				misconception = wrong;
			grade_add_detail(r, xasprintf("\"%s\": misconception "
			    "%s:%ld", part, q->path ? q->path : "(quiz)",
			    wrong->lineno));
			continue;
		}
		/* The first item not yet credited that this part names. */
		for (size_t t = 0; t < q->nitems && !done; t++) {
			if (credited[t])
				continue;
			for (size_t k = 0; k < q->items[t].naccept && !done; k++) {
				enum grade_match s = grade_match(q,
				    &q->items[t].accept[k], part, r);

				if (s == GRADE_MATCH_ERROR)
					goto out;
				if (s == GRADE_MATCH) {
					credited[t] = true;
					ncredited++;
					done = true;
					grade_add_detail(r, xasprintf("\"%s\": "
					    "accept %s:%ld (item '%s')", part,
					    q->path ? q->path : "(quiz)",
					    q->items[t].accept[k].lineno,
					    q->items[t].label));
				}
			}
		}
		if (!done)
			grade_add_detail(r, xasprintf("\"%s\": no rule (or an item "
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
