/*
 * The free-text kinds, "short" (one answer) and "list" (name N of the
 * items): their directives, the checks a whole question needs, how they
 * are shown, and the examples --check wants of them.  Their grading
 * rules are in grade_text.c (with concept.c and grade_list.c).  Every answer pattern is compiled as it is
 * read, so a bad pattern fails the load with its line and column.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "defaults.h"
#include "grade_text.h"
#include "lexicon.h"
#include "qkind.h"
#include "qkind_text.h"
#include "xmalloc.h"

/* ---------------------------------------------------------------- parse */

static void
init_text(struct question *qu)
{
	qu->data = xcalloc(1, sizeof(struct qtext));
}

/*
 * A bad pattern fails the load with its line and column.  Nothing is
 * kept: the pattern is compiled for grading when first needed
 * (grade_text_code), with the question's @case.
 */
static void
check_pattern(struct qparse *p, struct pattern *pat)
{
	char *err;
	size_t off;

	if (!grade_text_valid(pat, &err, &off)) {
		qparse_error(p, pat->lineno, pat->col + (long)off,
		    "bad pattern: %s", err);
		free(err);
	}
}

/*
 * Grading an answer tries every pattern of its question, so their number
 * bounds the time one answer can take: a question with more is an error.
 */
static struct pattern *
add_pattern(struct qparse *p, struct question *qu, struct pattern **arr,
    unsigned *n, const char *src, long line, long col, enum pattern_role role)
{
	struct qtext *qt = qtext_of(qu);
	struct pattern *pat;

	/* Reported once, at the first pattern past the limit. */
	if (qt->npatterns <= QUIZ_MAX_PATTERNS &&
	    ++qt->npatterns == QUIZ_MAX_PATTERNS + 1)
		qparse_error(p, line, col, "question '%s' has more than %d "
		    "patterns (accept, concept, fine and misconception lines "
		    "together)", qu->id != NULL ? qu->id : "?",
		    QUIZ_MAX_PATTERNS);

	*arr = xreallocarray(*arr, *n + 1, sizeof **arr);
	pat = &(*arr)[(*n)++];
	memset(pat, 0, sizeof *pat);
	pat->role = role;
	pat->src = xstrdup(src);
	pat->lineno = (int)line;
	pat->col = (int)col;
	return pat;
}

/* @accept and @concept: the question's, or the last @item's in a list. */
static void
add_answer_pattern(struct qparse *p, struct question *qu, const char *arg,
    long line, long col, enum pattern_role role)
{
	struct qtext *qt = qtext_of(qu);
	const char *name = role == ROLE_ACCEPT ? "accept" : "concept";
	struct pattern **arr = role == ROLE_ACCEPT ? &qt->accept :
	    &qt->concepts;
	unsigned *n = role == ROLE_ACCEPT ? &qt->naccept : &qt->nconcepts;

	if (qu->kind == Q_LIST) {
		struct list_item *it;

		if (qt->nitems == 0) {
			qparse_error(p, line, 0, "'@%s' in a list question "
			    "must follow an '@item'", name);
			return;
		}
		it = &qt->items[qt->nitems - 1];
		arr = role == ROLE_ACCEPT ? &it->accept : &it->concepts;
		n = role == ROLE_ACCEPT ? &it->naccept : &it->nconcepts;
	}
	check_pattern(p, add_pattern(p, qu, arr, n, arg, line, col, role));
}

static char **
d_accept(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	add_answer_pattern(p, qu, arg, line, col, ROLE_ACCEPT);
	return NULL;
}

static char **
d_concept(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	add_answer_pattern(p, qu, arg, line, col, ROLE_CONCEPT);
	return NULL;
}

static char **
d_fine(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);

	check_pattern(p, add_pattern(p, qu, &qt->fine, &qt->nfine, arg, line,
	    col, ROLE_FINE));
	return NULL;
}

static char **
d_unlisted(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);

	if (strcmp(arg, "ignore") == 0)
		qt->unlisted_ignore = true;
	else if (strcmp(arg, "wrong") != 0)
		qparse_error(p, line, col, "bad '@unlisted' value '%s': "
		    "expected 'wrong' or 'ignore'", arg);
	return NULL;
}

static char **
d_item(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);
	struct list_item *it;

	(void)p, (void)col;
	qt->items = xreallocarray(qt->items, qt->nitems + 1, sizeof *qt->items);
	it = &qt->items[qt->nitems++];
	memset(it, 0, sizeof *it);
	it->label = xstrdup(arg);
	it->lineno = (int)line;
	return &it->label;
}

static char **
d_need(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);

	qparse_number(p, "need", arg, line, col, 1, 100, &qt->need);
	return NULL;
}

static char **
d_misconception(struct qparse *p, struct question *qu, const char *arg,
    long line, long col)
{
	struct qtext *qt = qtext_of(qu);

	check_pattern(p, add_pattern(p, qu, &qt->misconceptions,
	    &qt->nmisconceptions, arg, line, col, ROLE_MISCONCEPTION));
	return NULL;
}

static char **
d_feedback(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);
	static const char *const targets[] = {"misconception"};
	struct pattern *m;

	(void)col;
	if (!qparse_feedback_allowed(p, targets, 1, "'@misconception'", line))
		return NULL;
	m = &qt->misconceptions[qt->nmisconceptions - 1];
	m->feedback = xstrdup(arg);
	return &m->feedback;
}

static char **
d_case(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	struct qtext *qt = qtext_of(qu);

	(void)p, (void)arg, (void)line, (void)col;
	qt->case_sensitive = true;
	return NULL;
}

static const struct qdirective short_directives[] = {
	{{"concept", QKIND_DIR}, d_concept},
	{{"fine", QKIND_DIR}, d_fine},
	{{"accept", QKIND_DIR}, d_accept},
	{{"misconception", QKIND_DIR}, d_misconception},
	{{"feedback", QKIND_DIR}, d_feedback},
	{{"case", QKIND_BARE | SRCDIR_ONCE}, d_case},
};

static const struct qdirective list_directives[] = {
	{{"concept", QKIND_DIR}, d_concept},
	{{"fine", QKIND_DIR}, d_fine},
	{{"unlisted", QKIND_DIR | SRCDIR_ONCE}, d_unlisted},
	{{"accept", QKIND_DIR}, d_accept},
	{{"item", QKIND_DIR}, d_item},
	{{"need", QKIND_DIR | SRCDIR_ONCE}, d_need},
	{{"misconception", QKIND_DIR}, d_misconception},
	{{"feedback", QKIND_DIR}, d_feedback},
	{{"case", QKIND_BARE | SRCDIR_ONCE}, d_case},
};

/* Compile (when first needed, so with the question's @case) and JIT. */
static void
jit_patterns(const struct question *qu, const struct pattern *arr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		grade_jit(grade_text_code(qu, &arr[i], NULL, NULL));
}

static void
prepare_text(const struct question *qu)
{
	const struct qtext *qt = qtext_of(qu);

	jit_patterns(qu, qt->accept, qt->naccept);
	jit_patterns(qu, qt->concepts, qt->nconcepts);
	jit_patterns(qu, qt->misconceptions, qt->nmisconceptions);
	jit_patterns(qu, qt->fine, qt->nfine);
	for (size_t t = 0; t < qt->nitems; t++) {
		jit_patterns(qu, qt->items[t].accept, qt->items[t].naccept);
		jit_patterns(qu, qt->items[t].concepts,
		    qt->items[t].nconcepts);
	}
}

static void
finish_short(struct qparse *p, struct question *qu)
{
	struct qtext *qt = qtext_of(qu);

	if (qt->naccept == 0 && qt->nconcepts == 0 && !p->keyless)
		qparse_missing(p, qu, "concept' or '@accept");
}

static void
finish_list(struct qparse *p, struct question *qu)
{
	struct qtext *qt = qtext_of(qu);
	long need_line = qparse_seen(p, qu, "need");

	if (qt->nitems == 0 && !p->keyless)
		qparse_missing(p, qu, "item");
	if (need_line == 0)
		qparse_missing(p, qu, "need");
	else if (qt->need > 0 && (size_t)qt->need > qt->nitems &&
	    qt->nitems > 0)
		qparse_error(p, need_line, 0, "'@need %d' is more than the %u "
		    "item%s of the question", qt->need, qt->nitems,
		    qt->nitems == 1 ? "" : "s");
	for (size_t i = 0; i < qt->nitems; i++)
		if (qt->items[i].naccept == 0 && qt->items[i].nconcepts == 0)
			qparse_error(p, qt->items[i].lineno, 0, "item '%s' has "
			    "no '@concept' or '@accept'", qt->items[i].label);
}

static void
free_patterns(struct pattern *arr, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(arr[i].src);
		pcre2_code_free(arr[i].code);
		free(arr[i].feedback);
	}
	free(arr);
}

static void
free_text(struct question *qu)
{
	struct qtext *qt = qtext_of(qu);

	free_patterns(qt->accept, qt->naccept);
	free_patterns(qt->concepts, qt->nconcepts);
	free_patterns(qt->misconceptions, qt->nmisconceptions);
	free_patterns(qt->fine, qt->nfine);
	for (size_t i = 0; i < qt->nitems; i++) {
		free(qt->items[i].label);
		free_patterns(qt->items[i].accept, qt->items[i].naccept);
		free_patterns(qt->items[i].concepts, qt->items[i].nconcepts);
	}
	free(qt->items);
	free(qt);
}

/* ----------------------------------------------------------------- show */

/*
 * While the learner reads and types, the spelling dictionaries load in
 * the background (spell.h), so the first answer does not wait for them.
 */
static void
preload_dictionaries(const struct question *qu)
{
	const struct qtext *qt = qtext_of(qu);

	if (qu->lex != NULL && !qt->case_sensitive)
		spell_preload(qu->lex->spell);
}

static void
show_short(const struct qshow *s, const struct question *qu)
{
	(void)s;
	preload_dictionaries(qu);
}

static void
show_list(const struct qshow *s, const struct question *qu)
{
	const struct qtext *qt = qtext_of(qu);

	preload_dictionaries(qu);
	qshow_say(s, "", "", "Name %d, separated by commas.", qt->need);
}

/* Patterns are not for learners; the first accepted example is. */
static void
show_short_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	char *hang = xasprintf("%s  ", indent);

	for (size_t i = 0; i < qu->nexamples; i++)
		if (qu->examples[i].accept) {
			qshow_say(s, indent, hang, "The answer: %s",
			    qu->examples[i].text);
			break;
		}
	free(hang);
}

static void
show_list_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	const struct qtext *qt = qtext_of(qu);
	char *hang = xasprintf("%s  ", indent);
	size_t size = 1;
	char *labels;

	for (size_t i = 0; i < qt->nitems; i++)
		size += strlen(qt->items[i].label) + 2;
	labels = xcalloc(size, 1);
	for (size_t i = 0; i < qt->nitems; i++) {
		if (i > 0)
			strcat(labels, "; ");
		strcat(labels, qt->items[i].label);
	}
	if ((size_t)qt->need >= qt->nitems)
		qshow_say(s, indent, hang, "The answer: %s", labels);
	else
		qshow_say(s, indent, hang, "The answer (any %d of these): %s",
		    qt->need, labels);
	free(labels);
	free(hang);
}

/* ---------------------------------------------------------------- check */

/*
 * --check compiles every pattern as grading will (the load only proved
 * each compiles as written): the compiled code, or NULL after a report.
 */
static pcre2_code *
compiled(const struct quiz *qz, const struct question *q,
    const struct pattern *p, struct diag *d)
{
	char *err;
	size_t off;
	pcre2_code *code = grade_text_code(q, p, &err, &off);

	if (code == NULL) {
		diag_add(d, DIAG_ERROR, qz->path, p->lineno,
		    p->col + (long)off, "bad pattern: %s", err);
		free(err);
	}
	return code;
}

/*
 * A rule that matches an empty answer credits anything ('@accept .*'),
 * whatever the examples say when a misconception happens to catch them.
 */
static void
check_empty_matches(const struct quiz *qz, const struct question *q,
    const struct pattern *pats, size_t n, struct diag *d)
{
	for (size_t i = 0; i < n; i++) {
		pcre2_match_data *md;
		pcre2_code *code = compiled(qz, q, &pats[i], d);
		int rc;

		if (code == NULL)
			continue;
		md = pcre2_match_data_create_from_pattern(code, NULL);
		rc = pcre2_match(code, (PCRE2_SPTR)"", 0, 0, 0, md, NULL);
		pcre2_match_data_free(md);
		if (rc >= 0)
			diag_add(d, DIAG_ERROR, qz->path, pats[i].lineno,
			    pats[i].col, "quiz '%s' question '%s': this rule "
			    "matches an empty answer, so it would credit "
			    "anything", qz->id, q->id);
	}
}

static void
check_rules_credit_something(const struct quiz *qz, const struct question *q,
    struct diag *d)
{
	const struct qtext *qt = qtext_of(q);

	check_empty_matches(qz, q, qt->accept, qt->naccept, d);
	check_empty_matches(qz, q, qt->concepts, qt->nconcepts, d);
	for (size_t i = 0; i < qt->nmisconceptions; i++)
		(void)compiled(qz, q, &qt->misconceptions[i], d);
	for (size_t i = 0; i < qt->nfine; i++)
		(void)compiled(qz, q, &qt->fine[i], d);
	for (size_t i = 0; i < qt->nitems; i++) {
		check_empty_matches(qz, q, qt->items[i].accept,
		    qt->items[i].naccept, d);
		check_empty_matches(qz, q, qt->items[i].concepts,
		    qt->items[i].nconcepts, d);
	}
}

/*
 * Free text proves its patterns both ways, two answers each side, and
 * each rule compiles as grading will and credits something.
 */
static void
check_text(const struct quiz *qz, const struct question *qu, struct diag *d)
{
	size_t plus = 0, minus = 0;

	for (size_t i = 0; i < qu->nexamples; i++) {
		if (qu->examples[i].accept)
			plus++;
		else
			minus++;
	}
	if (plus < 2 || minus < 2)
		diag_add(d, DIAG_ERROR, qz->path, qu->lineno, 0,
		    "quiz '%s' question '%s': a %s question needs at least 2 "
		    "'@example+' and 2 '@example-' (has %zu and %zu)", qz->id,
		    qu->id, quiz_kind_name(qu->kind), plus, minus);
	check_rules_credit_something(qz, qu, d);
}

/* ------------------------------------------------------------ accessors */

static int
list_need(const struct question *qu)
{
	const struct qtext *qt = qtext_of(qu);

	return qt->need > 0 ? qt->need : 1;
}

static void
text_each_feedback(const struct question *qu,
    void (*fn)(void *arg, const char *feedback, long line), void *arg)
{
	const struct qtext *qt = qtext_of(qu);

	for (size_t i = 0; i < qt->nmisconceptions; i++)
		if (qt->misconceptions[i].feedback != NULL)
			fn(arg, qt->misconceptions[i].feedback,
			    qt->misconceptions[i].lineno);
}

static void
add_patterns(struct spell *sp, const struct pattern *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		spell_add_pattern(sp, p[i].src);
}

/* The words of every pattern and item label. */
static void
text_vocabulary(const struct question *qu, struct spell *sp)
{
	const struct qtext *qt = qtext_of(qu);

	add_patterns(sp, qt->accept, qt->naccept);
	add_patterns(sp, qt->concepts, qt->nconcepts);
	add_patterns(sp, qt->misconceptions, qt->nmisconceptions);
	add_patterns(sp, qt->fine, qt->nfine);
	for (size_t t = 0; t < qt->nitems; t++) {
		spell_add_text(sp, qt->items[t].label);
		add_patterns(sp, qt->items[t].accept, qt->items[t].naccept);
		add_patterns(sp, qt->items[t].concepts, qt->items[t].nconcepts);
	}
}

static void
keyless_list(struct strbuf *b, const struct question *qu)
{
	const struct qtext *qt = qtext_of(qu);

	strbuf_addf(b, "@need %d\n", qt->need);
}

const struct qkind qkind_short = {
	.name = "short",
	.directives = short_directives,
	.ndirectives = sizeof short_directives / sizeof short_directives[0],
	.init = init_text,
	.free = free_text,
	.finish = finish_short,
	.prepare = prepare_text,
	.free_text = true,
	.list_answer = false,
	.grade = grade_text_short,
	.show = show_short,
	.show_answer = show_short_answer,
	.check = check_text,
	.decided_by = NULL,
	.each_feedback = text_each_feedback,
	.vocabulary = text_vocabulary,
};

const struct qkind qkind_list = {
	.name = "list",
	.directives = list_directives,
	.ndirectives = sizeof list_directives / sizeof list_directives[0],
	.init = init_text,
	.free = free_text,
	.finish = finish_list,
	.prepare = prepare_text,
	.free_text = true,
	.list_answer = true,
	.grade = grade_text_list,
	.show = show_list,
	.show_answer = show_list_answer,
	.check = check_text,
	.decided_by = "items below",
	.need = list_need,
	.each_feedback = text_each_feedback,
	.vocabulary = text_vocabulary,
	.keyless = keyless_list,
};
