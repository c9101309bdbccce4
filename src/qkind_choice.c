/*
 * The kinds answered from a fixed set: "choice" (one right letter),
 * "multi" (every right letter, partial credit for some) and "truefalse".
 * Choices are shown under letters in an order fixed at load (qkind.h
 * qparse_set_shown), so a letter means the same choice in every session.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qkind.h"
#include "strbuf.h"
#include "xmalloc.h"

struct choice {
	char *text;
	bool correct;
	char *feedback;		/* may be NULL */
	long lineno;		/* of @choice */
};

/* A choice, multi or truefalse question's own data (question.data). */
struct qchoice {
	struct choice *choices;		/* choice, multi: as written */
	size_t nchoices;
	bool answer_true;		/* truefalse */
};

static struct qchoice *
choices_of(const struct question *qu)
{
	return qu->data;
}

static void
init_choices(struct question *qu)
{
	qu->data = xcalloc(1, sizeof(struct qchoice));
}

/* ---------------------------------------------------------------- parse */

static char **
add_choice(struct question *qu, const char *arg, long line, bool correct)
{
	struct qchoice *k = choices_of(qu);
	struct choice *c;

	k->choices = xreallocarray(k->choices, k->nchoices + 1,
	    sizeof *k->choices);
	c = &k->choices[k->nchoices++];
	memset(c, 0, sizeof *c);
	c->text = xstrdup(arg);
	c->correct = correct;
	c->lineno = line;
	return &c->text;
}

static char **
d_choice(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	(void)p, (void)col;
	return add_choice(qu, arg, line, false);
}

static char **
d_choice_star(struct qparse *p, struct question *qu, const char *arg,
    long line, long col)
{
	(void)p, (void)col;
	return add_choice(qu, arg, line, true);
}

static char **
d_feedback(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	static const char *const targets[] = {"choice", "choice*"};
	struct qchoice *k = choices_of(qu);
	struct choice *c;

	(void)col;
	if (!qparse_feedback_allowed(p, targets, 2, "'@choice'", line))
		return NULL;
	c = &k->choices[k->nchoices - 1];
	c->feedback = xstrdup(arg);
	return &c->feedback;
}

static char **
d_answer(struct qparse *p, struct question *qu, const char *arg, long line,
    long col)
{
	if (strcmp(arg, "true") == 0)
		choices_of(qu)->answer_true = true;
	else if (strcmp(arg, "false") == 0)
		choices_of(qu)->answer_true = false;
	else
		qparse_error(p, line, col, "bad '@answer' value '%s': expected "
		    "'true' or 'false'", arg);
	return NULL;
}

static const struct qdirective choice_directives[] = {
	{{"choice", QKIND_DIR}, d_choice},
	{{"choice*", QKIND_DIR}, d_choice_star},
	{{"feedback", QKIND_DIR}, d_feedback},
};

static const struct qdirective truefalse_directives[] = {
	{{"answer", QKIND_DIR | SRCDIR_ONCE}, d_answer},
};

static void
finish_choices(struct qparse *p, struct question *qu, bool one)
{
	const char *kind = quiz_kind_name(qu->kind);
	const struct qchoice *k = choices_of(qu);
	size_t ncorrect = 0;

	for (size_t i = 0; i < k->nchoices; i++)
		ncorrect += k->choices[i].correct;
	if (k->nchoices < 2)
		qparse_error(p, qu->lineno, 0, "%s question '%s' needs at least "
		    "2 '@choice' lines (has %zu)", kind, qu->id, k->nchoices);
	else if (k->nchoices > QKIND_MAX_LETTERS)
		qparse_error(p, qu->lineno, 0, "%s question '%s' has more than "
		    "26 '@choice' lines (%zu)", kind, qu->id, k->nchoices);
	/* A keyless post-test has no key to count. */
	if (!p->keyless && one && ncorrect != 1)
		qparse_error(p, qu->lineno, 0, "%s question '%s' needs exactly "
		    "one correct '@choice*' (has %zu)", kind, qu->id, ncorrect);
	else if (!p->keyless && !one && ncorrect == 0)
		qparse_error(p, qu->lineno, 0, "%s question '%s' needs at least "
		    "one correct '@choice*' (has %zu)", kind, qu->id, ncorrect);
	qparse_set_shown(p, qu, k->nchoices, p->shuffle, false);
}

static void
finish_choice(struct qparse *p, struct question *qu)
{
	finish_choices(p, qu, true);
}

static void
finish_multi(struct qparse *p, struct question *qu)
{
	finish_choices(p, qu, false);
}

static void
finish_truefalse(struct qparse *p, struct question *qu)
{
	if (qparse_seen(p, qu, "answer") == 0 && !p->keyless)
		qparse_missing(p, qu, "answer");
}

static void
free_choices(struct question *qu)
{
	struct qchoice *k = choices_of(qu);

	for (size_t i = 0; i < k->nchoices; i++) {
		free(k->choices[i].text);
		free(k->choices[i].feedback);
	}
	free(k->choices);
	free(k);
}

/* ---------------------------------------------------------------- grade */

static void
grade_choices(const struct question *q, char *a, struct grade_result *r)
{
	const struct qchoice *k = choices_of(q);
	size_t n = k->nchoices;
	size_t *letters = xcalloc(n, sizeof *letters);
	bool *seen = xcalloc(n, sizeof *seen);
	size_t nl, right = 0, ncorrect = 0;
	const char *wrong_feedback = NULL;
	bool wrong = false;
	size_t nwrong = 0;

	if (!grade_parse_letters(a, n, letters, &nl) ||
	    (q->kind == Q_CHOICE && nl != 1)) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = q->kind == Q_CHOICE ?
		    xasprintf("Type the letter of one choice, a to %c.",
		    (char)('a' + n - 1)) :
		    xasprintf("Type the letters of every choice you pick, a to "
		    "%c, separated by spaces or commas.", (char)('a' + n - 1));
		goto out;
	}
	for (size_t i = 0; i < nl; i++)
		seen[letters[i]] = true;
	for (size_t i = 0; i < n; i++) {
		const struct choice *c = &k->choices[q->shown[i]];

		if (c->correct)
			ncorrect++;
		if (!seen[i])
			continue;
		if (c->correct) {
			right++;
		} else {
			wrong = true;
			nwrong++;
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
			r->feedback = k->choices[q->shown[letters[0]]].feedback;
	} else {
		r->verdict = GRADE_PARTIAL;
		r->fraction = (double)right / ncorrect;
		r->message = xasprintf("Correct choices picked: %zu of %zu.",
		    right, ncorrect);
	}
	/* By count only: the letters would be a post-test's answer. */
	if (q->kind == Q_MULTI && r->verdict != GRADE_CORRECT)
		r->missing = right < ncorrect && nwrong > 0 ?
		    xasprintf("%zu of the %zu right choices not picked, and "
		    "%zu wrong choice%s picked", ncorrect - right, ncorrect,
		    nwrong, nwrong == 1 ? "" : "s") : nwrong > 0 ?
		    xasprintf("%zu wrong choice%s picked", nwrong,
		    nwrong == 1 ? "" : "s") :
		    xasprintf("%zu of the %zu right choices not picked",
		    ncorrect - right, ncorrect);
out:
	free(letters);
	free(seen);
}

static void
grade_truefalse(const struct question *q, char *a, struct grade_result *r)
{
	static const char *const yes[] = {"true", "t", "yes", "y"};
	static const char *const no[] = {"false", "f", "no", "n"};
	size_t n = strlen(a);
	int said = -1;

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (grade_word_is(a, n, yes[i]))
			said = 1;
		if (grade_word_is(a, n, no[i]))
			said = 0;
	}
	if (said < 0) {
		r->verdict = GRADE_UNGRADABLE;
		r->message = xstrdup("Answer true or false.");
		return;
	}
	if ((said == 1) == choices_of(q)->answer_true) {
		r->verdict = GRADE_CORRECT;
		r->fraction = 1;
	} else {
		r->verdict = GRADE_INCORRECT;
	}
}

/* ----------------------------------------------------------------- show */

/* The choices' texts, by index; the caller frees the array only. */
static const char **
choice_texts(const struct question *qu)
{
	const struct qchoice *k = choices_of(qu);
	const char **texts = xcalloc(k->nchoices + 1, sizeof *texts);

	for (size_t i = 0; i < k->nchoices; i++)
		texts[i] = k->choices[i].text;
	return texts;
}

/*
 * A multi's candidate examples, as a set of letters (bit i: letter i):
 * the pairs a b, a c, ..., b c, ... of its n letters; with two letters,
 * a, b and a b, so that both being right still leaves one.
 */
static uint32_t
multi_candidate(size_t idx, size_t n)
{
	if (n == 2)
		return (uint32_t)idx + 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (idx-- == 0)
				return 1u << i | 1u << j;
	return 0;
}

/*
 * How to answer a multi, shown with it: "e.g. a c", never the letters
 * that are right (a learner who copies the example must not be given the
 * point), and from no fixed first choice (qshow_example_start).
 */
static char *
multi_example(const struct question *qu)
{
	const struct qchoice *k = choices_of(qu);
	size_t n = k->nchoices, ncand = n == 2 ? 3 : n * (n - 1) / 2, start;
	uint32_t right = 0, set = 0;
	struct strbuf b = {0};

	for (size_t l = 0; l < n; l++)
		if (k->choices[qu->shown != NULL ? qu->shown[l] : l].correct)
			right |= 1u << l;
	start = qshow_example_start(qu, ncand);
	for (size_t t = 0; t < ncand && (set == 0 || set == right); t++)
		set = multi_candidate((start + t) % ncand, n);
	for (size_t l = 0; l < n; l++)
		if (set & 1u << l)
			strbuf_addf(&b, "%s%c", b.len > 0 ? " " : "",
			    (char)('a' + l));
	return strbuf_take(&b);
}

static void
show_choices(const struct qshow *s, const struct question *qu)
{
	const char **texts = choice_texts(qu);
	char *example;

	qshow_lettered(s, texts, qu->shown, choices_of(qu)->nchoices);
	free(texts);
	if (qu->kind == Q_CHOICE) {
		qshow_say(s, "", "", "Type one letter.");
		return;
	}
	example = multi_example(qu);
	qshow_say(s, "", "", "Type every letter that applies, e.g. %s.",
	    example);
	free(example);
}

static void
show_truefalse(const struct qshow *s, const struct question *qu)
{
	(void)qu;
	qshow_say(s, "", "", "Type true or false.");
}

static void
show_choices_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	const struct qchoice *k = choices_of(qu);
	const char **texts = choice_texts(qu);
	bool *right = xcalloc(k->nchoices + 1, sizeof *right);

	for (size_t i = 0; i < k->nchoices; i++)
		right[i] = k->choices[i].correct;
	qshow_lettered_answer(s, indent, texts, qu->shown, k->nchoices, right);
	free(right);
	free(texts);
}

static void
show_truefalse_answer(const struct qshow *s, const struct question *qu,
    const char *indent)
{
	char *hang = xasprintf("%s  ", indent);

	qshow_say(s, indent, hang, "The answer: %s",
	    choices_of(qu)->answer_true ? "true" : "false");
	free(hang);
}

/* ------------------------------------------------------------- accessors */

static size_t
choice_letters(const struct question *qu)
{
	return choices_of(qu)->nchoices;
}

static const char *
choice_letter(const struct question *qu, size_t i, bool *right)
{
	const struct choice *c = &choices_of(qu)->choices[i];

	if (right != NULL)
		*right = c->correct;
	return c->text;
}

/* Of two choices, a second try is won by picking the other one. */
static bool
choice_one_try(const struct question *qu)
{
	return choices_of(qu)->nchoices <= 2;
}

static bool
truefalse_one_try(const struct question *qu)
{
	(void)qu;
	return true;
}

static bool
truefalse_prompt_is_false(const struct question *qu)
{
	return !choices_of(qu)->answer_true;
}

static void
choice_each_feedback(const struct question *qu,
    void (*fn)(void *arg, const char *feedback, long line), void *arg)
{
	const struct qchoice *k = choices_of(qu);

	for (size_t i = 0; i < k->nchoices; i++)
		if (!k->choices[i].correct && k->choices[i].feedback != NULL)
			fn(arg, k->choices[i].feedback, k->choices[i].lineno);
}

/* Choices in file order: the same letters as the full course. */
static void
keyless_choices(struct strbuf *b, const struct question *qu)
{
	const struct qchoice *k = choices_of(qu);

	for (size_t i = 0; i < k->nchoices; i++)
		strbuf_addf(b, "@choice %s\n", k->choices[i].text);
}

const struct qkind qkind_choice = {
	.name = "choice",
	.directives = choice_directives,
	.ndirectives = sizeof choice_directives / sizeof choice_directives[0],
	.init = init_choices,
	.free = free_choices,
	.finish = finish_choice,
	.grade = grade_choices,
	.show = show_choices,
	.show_answer = show_choices_answer,
	.check = qkind_check_key_example,
	.decided_by = "answer key",
	.letters = choice_letters,
	.letter = choice_letter,
	.one_try = choice_one_try,
	.each_feedback = choice_each_feedback,
	.keyless = keyless_choices,
};

const struct qkind qkind_multi = {
	.name = "multi",
	.directives = choice_directives,
	.ndirectives = sizeof choice_directives / sizeof choice_directives[0],
	.init = init_choices,
	.free = free_choices,
	.finish = finish_multi,
	.grade = grade_choices,
	.show = show_choices,
	.show_answer = show_choices_answer,
	.check = qkind_check_key_example,
	.decided_by = "answer key",
	.letters = choice_letters,
	.letter = choice_letter,
	.each_feedback = choice_each_feedback,
	.keyless = keyless_choices,
};

const struct qkind qkind_truefalse = {
	.name = "truefalse",
	.directives = truefalse_directives,
	.ndirectives = 1,
	.init = init_choices,
	.free = free_choices,
	.finish = finish_truefalse,
	.grade = grade_truefalse,
	.show = show_truefalse,
	.show_answer = show_truefalse_answer,
	.check = qkind_check_key_example,
	.decided_by = "answer key",
	.one_try = truefalse_one_try,
	.prompt_is_false = truefalse_prompt_is_false,
};
