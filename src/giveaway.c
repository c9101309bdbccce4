/*
 * Give-away checks (giveaway.h).  Free-text questions are asked the
 * question directly: the text is graded by the question's own rules, so
 * a warning means a learner who copied it would be credited.  Lettered
 * questions have no rules for text, so there the test is whether the text
 * names a right choice: the choice's words, in order, as whole words,
 * ignoring case and punctuation.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "giveaway.h"
#include "grade.h"
#include "qkind.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Lower-case words separated by single spaces, with a space at each end. */
static char *
words_of(const char *s)
{
	struct strbuf b = {0};
	bool gap = true;

	strbuf_puts(&b, " ");
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c >= 0x80) {
			strbuf_addf(&b, "%c", (char)tolower(c));
			gap = false;
		} else if (!gap) {
			strbuf_puts(&b, " ");
			gap = true;
		}
	}
	if (!gap)
		strbuf_puts(&b, " ");
	return strbuf_take(&b);
}

/* Whether text names choice: all of the choice's words, in order. */
static bool
names_choice(const char *text_words, const char *choice)
{
	char *w = words_of(choice);
	bool found = strlen(w) > 1 && strstr(text_words, w) != NULL;

	free(w);
	return found;
}

static bool
free_text(const struct question *q)
{
	return q->kind == Q_SHORT || q->kind == Q_LIST;
}

static bool
lettered(const struct question *q)
{
	return q->kind == Q_CHOICE || q->kind == Q_MULTI;
}

/* Whether q would credit text: graded correct, or naming a right choice. */
static bool
credits(const struct question *q, const char *text, const char **which)
{
	*which = NULL;
	if (free_text(q)) {
		struct grade_result r;
		bool right;

		grade_answer(q, text, strlen(text), &r);
		right = r.verdict == GRADE_CORRECT;
		grade_result_destroy(&r);
		return right;
	}
	if (lettered(q)) {
		char *w = words_of(text);

		for (size_t i = 0; i < qkind_letters(q) && *which == NULL; i++) {
			bool right;
			const char *choice = qkind_letter(q, i, &right);

			if (right && names_choice(w, choice))
				*which = choice;
		}
		free(w);
		return *which != NULL;
	}
	return false;
}

/* What feedback_warning reports on. */
struct feedback_of {
	const struct quiz *qz;
	const struct question *q;
	struct diag *d;
};

static void
feedback_warning(void *arg, const char *feedback, long line)
{
	const struct feedback_of *f = arg;
	const struct quiz *qz = f->qz;
	const struct question *q = f->q;
	struct diag *d = f->d;
	const char *which;

	if (!credits(q, feedback, &which))
		return;
	if (which != NULL)
		diag_add(d, DIAG_WARNING, qz->path, line, 0, "quiz '%s' question "
		    "'%s': feedback shown before a retry names the right "
		    "choice \"%s\"; keep the answer for the explanation",
		    qz->id, q->id, which);
	else
		diag_add(d, DIAG_WARNING, qz->path, line, 0, "quiz '%s' question "
		    "'%s': feedback shown before a retry would itself be "
		    "credited as the answer; keep the answer for the "
		    "explanation", qz->id, q->id);
}

void
giveaway_check_feedback(const struct quiz *qz, struct diag *d)
{
	/* With one try, feedback comes after the last try: it may teach. */
	if (qz->tries < 2 || qz->keyless)
		return;
	for (size_t k = 0; k < qz->nquestions; k++) {
		struct feedback_of f = {qz, &qz->questions[k], d};

		qkind_each_feedback(f.q, feedback_warning, &f);
	}
}

/* What a learner reads of q before answering it: prompt and choices. */
static char *
shown_text(const struct question *q)
{
	struct strbuf b = {0};

	strbuf_puts(&b, q->prompt != NULL ? q->prompt : "");
	for (size_t i = 0; i < qkind_letters(q); i++)
		strbuf_addf(&b, "\n%s", qkind_letter(q, i, NULL));
	return strbuf_take(&b);
}

void
giveaway_check_pool(const struct quiz *qz, struct diag *d)
{
	if (!qz->posttest || qz->keyless)
		return;
	for (size_t a = 0; a < qz->nquestions; a++) {
		const struct question *qa = &qz->questions[a];
		char *text = shown_text(qa);

		for (size_t b = 0; b < qz->nquestions; b++) {
			const struct question *qb = &qz->questions[b];
			const char *which;

			if (a == b || !credits(qb, text, &which))
				continue;
			diag_add(d, DIAG_WARNING, qz->path, qa->lineno, 0,
			    "quiz '%s' question '%s': its prompt or choices "
			    "give away the answer to question '%s' (line %ld)"
			    "%s%s%s, and one attempt can ask both",
			    qz->id, qa->id, qb->id, qb->lineno,
			    which != NULL ? ": they name its right choice \"" :
			    "", which != NULL ? which : "",
			    which != NULL ? "\"" : "");
		}
		free(text);
	}
}
