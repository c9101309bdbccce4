/*
 * The table of question kinds, and the output helpers their files share.
 * A kind's own behaviour lives in its family's file (qkind.h), and the
 * parser's helpers for kinds (qparse_*) in quiz.c: this file only knows
 * the rows.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "qkind.h"
#include "xmalloc.h"

/* One row per kind: adding a kind adds its row here. */
static const struct qkind *const kinds[] = {
	[Q_SHORT] = &qkind_short,
	[Q_LIST] = &qkind_list,
	[Q_CHOICE] = &qkind_choice,
	[Q_MULTI] = &qkind_multi,
	[Q_TRUEFALSE] = &qkind_truefalse,
	[Q_ORDER] = &qkind_order,
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

const struct qkind *
qkind_of(enum question_kind kind)
{
	return kinds[kind];
}

const struct qkind *
qkind_find(const char *name, enum question_kind *kind)
{
	for (size_t k = 0; k < NKINDS; k++)
		if (strcmp(kinds[k]->name, name) == 0) {
			*kind = (enum question_kind)k;
			return kinds[k];
		}
	return NULL;
}

const char *const *
qkind_names(size_t *n)
{
	static const char *names[NKINDS];

	for (size_t k = 0; k < NKINDS; k++)
		names[k] = kinds[k]->name;
	*n = NKINDS;
	return names;
}

const char *
quiz_kind_name(enum question_kind kind)
{
	return kinds[kind]->name;
}

static bool
name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(want, name, len) == 0;
}

const struct qdirective *
qkind_directive(enum question_kind kind, const char *name, size_t len,
    size_t *index)
{
	const struct qkind *k = kinds[kind];

	for (size_t i = 0; i < k->ndirectives; i++)
		if (name_is(name, len, k->directives[i].dir.name)) {
			*index = i;
			return &k->directives[i];
		}
	return NULL;
}

const struct qdirective *
qkind_any_directive(const char *name, size_t len)
{
	const struct qdirective *d;
	size_t i;

	for (size_t k = 0; k < NKINDS; k++)
		if ((d = qkind_directive((enum question_kind)k, name, len,
		    &i)) != NULL)
			return d;
	return NULL;
}

size_t
qkind_directive_names(const char **names, size_t max)
{
	size_t n = 0;

	for (size_t k = 0; k < NKINDS; k++)
		for (size_t i = 0; i < kinds[k]->ndirectives; i++) {
			const char *name = kinds[k]->directives[i].dir.name;
			bool have = false;

			for (size_t j = 0; j < n; j++)
				have |= strcmp(names[j], name) == 0;
			if (!have && n < max)
				names[n++] = name;
		}
	return n;
}

/* ------------------------------------------------------------ accessors */

bool
qkind_is_free_text(const struct question *qu)
{
	return kinds[qu->kind]->free_text;
}

size_t
qkind_letters(const struct question *qu)
{
	const struct qkind *k = kinds[qu->kind];

	return k->letters != NULL ? k->letters(qu) : 0;
}

const char *
qkind_letter(const struct question *qu, size_t i, bool *right)
{
	if (right != NULL)
		*right = false;
	if (i >= qkind_letters(qu))
		return NULL;
	return kinds[qu->kind]->letter(qu, i, right);
}

bool
qkind_one_try(const struct question *qu)
{
	const struct qkind *k = kinds[qu->kind];

	return k->one_try != NULL && k->one_try(qu);
}

bool
qkind_prompt_is_false(const struct question *qu)
{
	const struct qkind *k = kinds[qu->kind];

	return k->prompt_is_false != NULL && k->prompt_is_false(qu);
}

int
qkind_need(const struct question *qu)
{
	const struct qkind *k = kinds[qu->kind];

	return k->need != NULL ? k->need(qu) : 1;
}

void
qkind_each_feedback(const struct question *qu,
    void (*fn)(void *arg, const char *feedback, long line), void *arg)
{
	const struct qkind *k = kinds[qu->kind];

	if (k->each_feedback != NULL)
		k->each_feedback(qu, fn, arg);
}

void
qkind_vocabulary(const struct question *qu, struct spell *sp)
{
	const struct qkind *k = kinds[qu->kind];

	if (k->vocabulary != NULL)
		k->vocabulary(qu, sp);
}

void
qkind_keyless(struct strbuf *b, const struct question *qu)
{
	const struct qkind *k = kinds[qu->kind];

	if (k->keyless != NULL)
		k->keyless(b, qu);
}

/* ----------------------------------------------------------------- show */

void
qshow_say(const struct qshow *s, const char *indent, const char *hang,
    const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	if (text[0] != '\0')
		render_put(s->out, s->o, text, indent, hang);
	free(text);
}

static char
letter(size_t i)
{
	return i < QKIND_MAX_LETTERS ? (char)('a' + i) : '?';
}

/* Index into texts of what is shown as letter i. */
static size_t
shown_index(const size_t *shown, size_t i)
{
	return shown != NULL ? shown[i] : i;
}

size_t
qshow_example_start(const struct question *qu, size_t n)
{
	uint64_t state = quiz_hash_ids("e.g.", qu->id);

	return n > 0 ? (size_t)(quiz_random(&state) % n) : 0;
}

void
qshow_lettered(const struct qshow *s, const char *const *texts,
    const size_t *shown, size_t n)
{
	char indent[8];

	for (size_t i = 0; i < n; i++) {
		snprintf(indent, sizeof indent, "  %c) ", letter(i));
		qshow_say(s, indent, "     ", "%s", texts[shown_index(shown, i)]);
	}
}

void
qshow_lettered_answer(const struct qshow *s, const char *indent,
    const char *const *texts, const size_t *shown, size_t n,
    const bool *in_answer)
{
	size_t *pos = xreallocarray(NULL, n > 0 ? n : 1, sizeof *pos);
	char *letters = xcalloc(2 * n + 1, 1);
	size_t npos = 0;
	char *hang = xasprintf("%s  ", indent);
	char *subhang = xasprintf("%s     ", indent);

	/* In index order: the right order of steps, choices as written. */
	for (size_t idx = 0; idx < n; idx++) {
		if (in_answer != NULL && !in_answer[idx])
			continue;
		pos[npos] = idx;
		for (size_t i = 0; i < n; i++)
			if (shown_index(shown, i) == idx)
				pos[npos] = i;
		npos++;
	}
	for (size_t i = 0; i < npos; i++) {
		letters[2 * i] = letter(pos[i]);
		letters[2 * i + 1] = i + 1 < npos ? ' ' : '\0';
	}
	qshow_say(s, indent, hang, "The answer: %s", letters);
	for (size_t i = 0; i < npos; i++) {
		char *sub = xasprintf("%s  %c) ", indent, letter(pos[i]));

		qshow_say(s, sub, subhang, "%s",
		    texts[shown_index(shown, pos[i])]);
		free(sub);
	}
	free(subhang);
	free(hang);
	free(letters);
	free(pos);
}

/* ---------------------------------------------------------------- check */

void
qkind_check_key_example(const struct quiz *qz, const struct question *qu,
    struct diag *d)
{
	size_t plus = 0;

	for (size_t i = 0; i < qu->nexamples; i++)
		plus += qu->examples[i].accept;
	if (plus == 0)
		diag_add(d, DIAG_ERROR, qz->path, qu->lineno, 0,
		    "quiz '%s' question '%s': a %s question needs an "
		    "'@example+' giving the right answer as typed", qz->id,
		    qu->id, quiz_kind_name(qu->kind));
}
