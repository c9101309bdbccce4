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
 * This file compiles the patterns, reads the answer (1), grades a short
 * answer and tells the learner about a spelling that decided the
 * verdict.  Finding a term (negation, hedges, @fine, the time budget) is
 * concept.c's; a list answer's parts and count are grade_list.c's.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "concept.h"
#include "grade_list.h"
#include "grade_text.h"
#include "qkind_text.h"
#include "glossary.h"
#include "lexicon.h"
#include "strbuf.h"
#include "xmalloc.h"

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

/* ------------------------------------------------------------- reading */

static char *
padded(const char *s)
{
	return concept_padded(s, strlen(s));
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

/* ----------------------------------------------------------------- short */

static void
grade_short(struct concept_ctx *c, const char *a, const struct reading *rd)
{
	const struct question *q = c->q;
	const struct qtext *qt = qtext_of(q);
	struct grade_result *r = c->r;
	struct concept_view *v = xcalloc(1, sizeof *v);
	const struct pattern *wrong;
	int rc;

	v->fine = xcalloc(CONCEPT_MAX_FINE, sizeof *v->fine);
	v->s = rd->text;
	v->len = strlen(rd->text);
	r->verdict = GRADE_INCORRECT;
	if (concept_find_fine(c, v) < 0)
		goto out;
	if ((wrong = concept_misconception(c, v)) != NULL) {
		r->feedback = wrong->feedback;
		r->rule = wrong;
		goto out;
	}
	if (c->failed)
		goto out;
	for (size_t i = 0; i < qt->naccept; i++) {
		if ((rc = concept_accepts(c, &qt->accept[i], rd->text)) == 0 &&
		    strcmp(a, rd->text) != 0)
			rc = concept_accepts(c, &qt->accept[i], a);
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
		rc = concept_found(c, &qt->concepts[i], v);
		if (rc <= 0) {
			if (rc == 0)
				grade_add_detail(r, xasprintf("concept %s:%d "
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


static const struct grade_opts normal = {false, GLOSSARY_ALL};

/* Grade a into r with opts; kind_fn is grade_short or grade_list. */
static void
grade_read(const struct question *q, const char *a,
    const struct grade_opts *opts, struct grade_result *r, bool list,
    struct reading *rd)
{
	struct concept_ctx c;

	read_answer(q, a, opts, rd);
	concept_ctx_init(&c, q, r);
	if (list)
		grade_list(&c, rd->text);
	else
		grade_short(&c, a, rd);
	concept_ctx_destroy(&c);
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
