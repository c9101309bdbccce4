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

#include "draw.h"
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

/*
 * Whether q would credit text: graded correct, or naming a right choice
 * that q's own prompt does not name (one it names, as in "Of the femoral
 * nerve, artery and vein, which lies most lateral?", is no news).
 */
static bool
credits(const struct question *q, const char *text, const char **which)
{
	*which = NULL;
	if (qkind_is_free_text(q)) {
		struct grade_result r;
		bool right;

		grade_answer(q, text, strlen(text), &r);
		right = r.verdict == GRADE_CORRECT;
		grade_result_destroy(&r);
		return right;
	}
	/* Kinds with no choice right on its own (order) name none. */
	if (qkind_letters(q) > 0) {
		char *w = words_of(text);
		char *asked = words_of(q->prompt != NULL ? q->prompt : "");

		for (size_t i = 0; i < qkind_letters(q) && *which == NULL; i++) {
			bool right;
			const char *choice = qkind_letter(q, i, &right);

			if (right && names_choice(w, choice) &&
			    !names_choice(asked, choice))
				*which = choice;
		}
		free(asked);
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

/*
 * A pool give-away is a sentence that answers another question about that
 * question's own subject.  Graded whole, a prompt holding one common key
 * word ("lateral", "doctor", "bed") anywhere is credited by a free-text
 * question keyed on that word, and a prompt that merely mentions "the
 * femoral nerve" names a right choice of another question, though neither
 * tells the reader anything about the other question.  So the text a
 * learner reads of question A is cut into units (each sentence of the
 * prompt, each choice, each step), and A gives question B's answer away
 * when one unit, on its own, is credited by B and shares a subject word
 * with B's prompt: a word of SUBJECT_LETTERS letters or more, not a
 * function word, that the texts of at most SUBJECT_QUESTIONS questions of
 * the pool use ("psoas" or "client" are in most and name no subject).
 * The prompt of a true/false question whose answer is false states
 * nothing as fact, and two questions no attempt draws together cannot
 * give each other away.  A practice quiz shows after each answer the
 * feedback and the explanation, and hints on request, before the next
 * question: there these are units too, and A is compared with the
 * questions asked after it (in file order unless the quiz is drawn).
 */
enum { SUBJECT_LETTERS = 5, SUBJECT_QUESTIONS = 4 };

/* Words of SUBJECT_LETTERS or more that name no subject. */
static const char *const function_words[] = {
	"about", "above", "after", "again", "against", "along", "among",
	"another", "answer", "apply", "around", "because", "before", "below",
	"between", "choose", "could", "during", "every", "false", "first",
	"inside", "other", "really", "should", "since", "still", "their",
	"there", "these", "those", "though", "through", "under", "until",
	"which", "while", "within", "without", "would",
};

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

/*
 * The subject words of text: " word word ... ", those of SUBJECT_LETTERS
 * letters or more that are not function words.
 */
static char *
subject_words(const char *text)
{
	char *w = words_of(text);
	struct strbuf b = {0};

	strbuf_puts(&b, " ");
	for (char *p = w + 1; *p != '\0'; p = strchr(p, ' ') + 1) {
		size_t len = (size_t)(strchr(p, ' ') - p);
		bool function = false;

		for (size_t i = 0; i < sizeof function_words /
		    sizeof function_words[0] && !function; i++)
			function = strlen(function_words[i]) == len &&
			    strncmp(function_words[i], p, len) == 0;
		if (len >= SUBJECT_LETTERS && !function)
			strbuf_addf(&b, "%.*s ", (int)len, p);
	}
	free(w);
	return strbuf_take(&b);
}

/* The subject words of each question's shown text. */
struct pool {
	const struct quiz *qz;
	char **words;
};

/* Whether unit and qb's prompt share a subject word (see above). */
static bool
shares_subject(const struct pool *pl, const char *unit,
    const struct question *qb)
{
	char *u = subject_words(unit);
	char *p = subject_words(qb->prompt != NULL ? qb->prompt : "");
	bool found = false;

	for (char *w = u + 1; *w != '\0' && !found; w = strchr(w, ' ') + 1) {
		char *key = xasprintf(" %.*s ", (int)(strchr(w, ' ') - w), w);
		size_t users = 0;

		if (strstr(p, key) != NULL) {
			for (size_t i = 0; i < pl->qz->nquestions; i++)
				users += strstr(pl->words[i], key) != NULL;
			found = users <= SUBJECT_QUESTIONS;
		}
		free(key);
	}
	free(u);
	free(p);
	return found;
}

/* Whether unit, read before qb, answers qb about qb's own subject. */
static bool
gives_away(const struct pool *pl, const struct question *qb,
    const char *unit, const char **which)
{
	if (credits(qb, unit, which) && shares_subject(pl, unit, qb))
		return true;
	*which = NULL;
	return false;
}

/* The unit of qa's text found to give qb's answer away, and where. */
struct reading {
	const struct pool *pl;
	const struct question *qb;
	const char *part;	/* "its prompt", "its explanation", ... */
	long line;		/* of the giving text */
	char *unit;		/* NULL until found */
	const char *which;	/* the right choice it names, or NULL */
};

/* Whether text, read as one unit, gives rd->qb's answer away. */
static bool
unit_gives_away(struct reading *rd, const char *text, const char *part,
    long line)
{
	if (rd->unit != NULL)
		return true;
	if (!gives_away(rd->pl, rd->qb, text, &rd->which))
		return false;
	rd->part = part;
	rd->line = line;
	rd->unit = xstrdup(text);
	return true;
}

/*
 * Whether one sentence of text gives rd->qb's answer away: sentences are
 * cut after '.', '?', '!' or ';' before a space, a quote or the end.
 */
static bool
sentence_gives_away(struct reading *rd, const char *text, const char *part,
    long line)
{
	const char *p = text != NULL ? text : "";

	while (*p != '\0' && rd->unit == NULL) {
		size_t n = 0;
		char *unit;

		while (p[n] != '\0' && !(strchr(".?!;", p[n]) != NULL &&
		    strchr(" \"'", p[n + 1]) != NULL))
			n++;
		if (p[n] != '\0')
			n++;
		unit = xstrndup(p, n);
		unit_gives_away(rd, unit, part, line);
		free(unit);
		p += n;
		while (*p != '\0' && strchr(" \"'", *p) != NULL)
			p++;
	}
	return rd->unit != NULL;
}

static void
feedback_read(void *arg, const char *feedback, long line)
{
	sentence_gives_away(arg, feedback, "the feedback", line);
}

/*
 * Whether a unit of what a learner has read of qa before answering
 * rd->qb gives its answer away: a sentence of qa's prompt, a choice or a
 * step; in a practice quiz, where qa was answered first, also a sentence
 * of its hints, of the feedback a wrong answer shows, or of its
 * explanation.
 */
static bool
any_unit_gives_away(struct reading *rd, const struct quiz *qz,
    const struct question *qa)
{
	/* A false statement is not read as fact. */
	if (!qkind_prompt_is_false(qa))
		sentence_gives_away(rd, qa->prompt, "its prompt", qa->lineno);
	for (size_t i = 0; i < qkind_letters(qa); i++)
		unit_gives_away(rd, qkind_letter(qa, i, NULL), "a choice or step",
		    qa->lineno);
	if (qz->posttest)
		return rd->unit != NULL;
	for (size_t i = 0; i < qa->nhints; i++)
		sentence_gives_away(rd, qa->hints[i], "a hint", qa->lineno);
	if (rd->unit == NULL)
		qkind_each_feedback(qa, feedback_read, rd);
	sentence_gives_away(rd, qa->explain, "its explanation", qa->lineno);
	return rd->unit != NULL;
}

/* Whether one attempt can ask both: not both of a topic drawn once. */
static bool
drawn_together(const struct quiz *qz, const struct question *qa,
    const struct question *qb)
{
	if (qa->topic == NULL || qb->topic == NULL ||
	    strcmp(qa->topic, qb->topic) != 0)
		return true;
	for (size_t i = 0; i < qz->ndraws; i++)
		if (strcmp(qz->draws[i].topic, qa->topic) == 0)
			return qz->draws[i].count > 1;
	return true;
}

/*
 * Whether a sitting can ask qb once qa has been read: a post-test's
 * questions are a pool compared both ways, and a drawn quiz asks in a
 * random order; any other quiz asks in file order.
 */
static bool
read_before(const struct quiz *qz, size_t a, size_t b)
{
	const struct question *qa = &qz->questions[a];
	const struct question *qb = &qz->questions[b];

	if (a == b || !drawn_together(qz, qa, qb))
		return false;
	return qz->posttest || draw_applies(qz) || a < b;
}

static void
warn_giveaway(const struct quiz *qz, const struct question *qa,
    const struct question *qb, const struct reading *rd, struct diag *d)
{
	diag_add(d, DIAG_WARNING, qz->path, rd->line, 0, "quiz '%s' question "
	    "'%s': %s gives away the answer to question '%s' (line %d), %s: "
	    "\"%s\"%s%s%s", qz->id, qa->id, rd->part, qb->id, qb->lineno,
	    qz->posttest ? "and one attempt can ask both" :
	    "asked after it in the same sitting", rd->unit,
	    rd->which != NULL ? " names its right choice \"" : "",
	    rd->which != NULL ? rd->which : "",
	    rd->which != NULL ? "\"" : "");
}

void
giveaway_check_between(const struct quiz *qz, struct diag *d)
{
	struct pool pl = {qz, NULL};

	if (qz->keyless)
		return;
	pl.words = xcalloc(qz->nquestions, sizeof *pl.words);
	for (size_t i = 0; i < qz->nquestions; i++) {
		char *text = shown_text(&qz->questions[i]);

		pl.words[i] = subject_words(text);
		free(text);
	}
	for (size_t a = 0; a < qz->nquestions; a++) {
		for (size_t b = 0; b < qz->nquestions; b++) {
			struct reading rd = {&pl, &qz->questions[b], NULL, 0,
			    NULL, NULL};

			if (!read_before(qz, a, b) ||
			    !any_unit_gives_away(&rd, qz, &qz->questions[a]))
				continue;
			warn_giveaway(qz, &qz->questions[a], rd.qb, &rd, d);
			free(rd.unit);
		}
	}
	for (size_t i = 0; i < qz->nquestions; i++)
		free(pl.words[i]);
	free(pl.words);
}
