/*
 * Grading a list answer (grade_list.h): split into parts, each part read
 * for the items it names (concept.h), a part that names nothing read
 * again with a word its neighbours share ("femoral and obturator
 * nerves"), and the items counted by the course's rule: each wrong part
 * cancels one right item.  doc/FORMATS.md "Concepts" documents it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "concept.h"
#include "grade_list.h"
#include "strbuf.h"
#include "xmalloc.h"

#define MAX_PARTS 200		/* list parts looked at */

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
completed_items(struct concept_ctx *c, const char *s,
    const struct concept_view *v, struct span lent, bool head,
    bool *credited, size_t *right)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct concept_view l = {.s = s + lent.start,
	    .len = lent.end - lent.start};
	struct concept_view w = {0};
	char *joined = head ?
	    xasprintf("%.*s%.*s", (int)v->len, v->s, (int)l.len, l.s) :
	    xasprintf("%.*s%.*s", (int)l.len, l.s, (int)v->len, v->s);
	int n = 0, rc = 0;

	w.len = strlen(joined);
	w.s = concept_padded(joined, w.len);
	w.fine = xcalloc(CONCEPT_MAX_FINE, sizeof *w.fine);
	if (concept_find_fine(c, &w) < 0 ||
	    concept_misconception(c, &w) != NULL ||
	    c->failed)
		goto out;
	for (size_t t = 0; t < qt->nitems; t++) {
		const struct pattern *by = NULL;

		rc = concept_names_item(c, &qt->items[t], &w, true, &by);
		if (rc > 0)
			rc = concept_names_item(c, &qt->items[t], &l, false,
			    NULL) == 0;
		if (rc < 0 || c->failed)
			break;
		if (rc == 0)
			continue;
		n++;
		grade_add_detail(c->r, xasprintf("\"%.*s\" read as \"%s\": %s "
		    "%s:%d (item '%s')%s", (int)v->len, v->s, joined,
		    concept_rule_text(by), q->path ? q->path : "(quiz)",
		    by->lineno, qt->items[t].label,
		    credited[t] ? ", already counted" : ""));
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
complete_part(struct concept_ctx *c, const char *s, const struct span *parts,
    size_t nparts, size_t first, size_t i, const struct concept_view *v,
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

void
grade_list(struct concept_ctx *c, const char *text)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct grade_result *r = c->r;
	const char *path = q->path ? q->path : "(quiz)";
	bool *credited = xcalloc(qt->nitems + 1, sizeof *credited);
	struct span *parts = xcalloc(MAX_PARTS, sizeof *parts);
	struct concept_view *v = xcalloc(1, sizeof *v);
	struct span *fine = xcalloc(CONCEPT_MAX_FINE, sizeof *fine);
	struct strbuf counted = {0}, unknown = {0}, wrongs = {0}, ignored = {0};
	size_t nparts, nlead, right = 0, nwrong = 0, count;
	size_t need = qt->need > 0 ? (size_t)qt->need : 1;
	const struct pattern *first_wrong = NULL;

	nparts = split_parts(text, parts, MAX_PARTS, &nlead);
	for (size_t i = 0; i < nparts && !c->failed; i++) {
		const struct pattern *wrong;
		size_t named = 0;

		v->s = text + parts[i].start;
		v->len = parts[i].end - parts[i].start;
		v->fine = fine;
		if (concept_find_fine(c, v) < 0)
			break;
		if ((wrong = concept_misconception(c, v)) != NULL) {
			nwrong++;
			if (first_wrong == NULL)
				first_wrong = wrong;
			add_quoted(&wrongs, text, parts[i]);
			grade_add_detail(r, xasprintf("\"%.*s\": misconception "
			    "%s:%d", (int)v->len, v->s, path, wrong->lineno));
			continue;
		}
		for (size_t t = 0; t < qt->nitems && !c->failed; t++) {
			const struct pattern *by = NULL;
			int rc = concept_names_item(c, &qt->items[t], v, true,
			    &by);

			if (rc <= 0)
				continue;
			named++;
			grade_add_detail(r, xasprintf("\"%.*s\": %s %s:%d "
			    "(item '%s')%s", (int)v->len, v->s,
			    concept_rule_text(by), path, by->lineno,
			    qt->items[t].label,
			    credited[t] ? ", already counted" : ""));
			if (!credited[t])
				right++;
			credited[t] = true;
		}
		if (named == 0 && i >= nlead && !c->failed) {
			int k = complete_part(c, text, parts, nparts, nlead,
			    i, v, credited, &right);

			named = k > 0 ? (size_t)k : 0;
		}
		if (c->failed)
			break;
		if (named > 0) {
			add_quoted(&counted, text, parts[i]);
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
				add_quoted(&unknown, text, parts[i]);
			} else if (!filler) {
				add_quoted(&ignored, text, parts[i]);
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
