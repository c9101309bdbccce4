/*
 * Flags on verdicts (flag.h): the sitting's memory of the verdict just
 * given, the learner's flag, and the instructor's report of every flag,
 * laid out as marked responses waiting for their marks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flag.h"
#include "qkind.h"
#include "responses.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define SHOWN_ANSWER 60		/* bytes of the answer quoted back */

void
flag_clear(struct flag_record *last)
{
	free(last->quiz);
	free(last->attempt);
	free(last->question);
	free(last->verdict);
	free(last->answer);
	free(last->reason);
	memset(last, 0, sizeof *last);
}

void
flag_set(struct flag_record *last, const char *quiz, const char *attempt,
    const char *question, int try_no, const char *verdict,
    const char *answer)
{
	flag_clear(last);
	last->quiz = xstrdup(quiz);
	last->attempt = xstrdup(attempt != NULL ? attempt : "");
	last->question = xstrdup(question);
	last->try_no = try_no;
	last->verdict = xstrdup(verdict);
	last->answer = xstrdup(answer != NULL ? answer : "");
}

bool
flag_has(const struct flag_record *last)
{
	return last->quiz != NULL;
}

char *
flag_verdict(struct progress *p, const struct flag_record *last,
    const char *reason)
{
	struct flag_record f = *last;
	char *cause = NULL, *msg, *answer;

	if (!flag_has(last))
		return xstrdup("Nothing to flag yet: 'flag' marks the verdict "
		    "just given as wrong, right after an answer is graded.");
	if (p == NULL)
		return xstrdup("This session keeps no progress, so the flag "
		    "cannot be kept.");
	f.reason = (char *)(reason != NULL ? reason : "");
	if (progress_record_flag(p, &f, &cause) != 0) {
		msg = xasprintf("The flag was not saved: %s.", cause);
		free(cause);
		return msg;
	}
	answer = text_quoted(last->answer, SHOWN_ANSWER);
	msg = xasprintf("Flagged for your instructor: your answer %s, graded "
	    "%s. No try was used, and the score stands unless the course's "
	    "rules are corrected and your answers graded again.", answer,
	    last->verdict);
	free(answer);
	return msg;
}

char *
flag_verdict_here(struct progress *p, const struct flag_record *last,
    const char *reason)
{
	if (!flag_has(last))
		return xstrdup("There is no verdict to flag yet for this "
		    "question: 'flag' marks a graded answer's verdict as "
		    "wrong, and an answer that used no try was not graded.");
	return flag_verdict(p, last, reason);
}

/* ------------------------------------------------------------ report */

/* One flag of one learner, to sort and group. */
struct item {
	const struct flag_record *f;
	const struct progress *p;
	size_t quiz, question;	/* positions in the course; past the end
				 * when no longer there */
};

static int
cmp_items(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	int c;

	if (a->quiz != b->quiz)
		return a->quiz < b->quiz ? -1 : 1;
	if ((c = strcmp(a->f->quiz, b->f->quiz)) != 0)
		return c;
	if (a->question != b->question)
		return a->question < b->question ? -1 : 1;
	if ((c = strcmp(a->f->question, b->f->question)) != 0)
		return c;
	return strcmp(a->f->answer, b->f->answer);
}

/* Where f's quiz and question are in c (past the end when gone). */
static void
place(const struct course *c, struct item *it)
{
	const struct quiz *q = course_quiz_by_id(c, it->f->quiz, &it->quiz);

	it->question = (size_t)-1;
	if (q == NULL) {
		it->quiz = c->nquizzes;
		return;
	}
	for (size_t k = 0; k < q->nquestions; k++)
		if (strcmp(q->questions[k].id, it->f->question) == 0)
			it->question = k;
}

/*
 * A later flag on the same try replaces the earlier (the learner said it
 * again, maybe with a reason): keep the last one only.
 */
static bool
superseded(const struct progress *p, const struct flag_record *f)
{
	return progress_flag_of(p, f->quiz, f->attempt, f->question,
	    f->try_no) != f;
}

/* The file a quiz's marked responses live in: NN-name.quiz -> .responses. */
static char *
responses_name(const struct quiz *q)
{
	const char *base = strrchr(q->path, '/');
	size_t n;

	base = base != NULL ? base + 1 : q->path;
	n = strlen(base);
	if (text_has_suffix(base, ".quiz"))
		n -= strlen(".quiz");
	return xasprintf("quizzes/%.*s.responses", (int)n, base);
}

/* One learner's flag, as a comment line: who, which try, why. */
static void
put_who(FILE *out, const struct item *it)
{
	const struct flag_record *f = it->f;
	char *reason = text_escape_controls(f->reason, false);

	fprintf(out, "# flagged by %s (%s, try %d, graded %s): %s%s%s\n",
	    progress_learner(it->p), f->attempt[0] != '\0' ? f->attempt :
	    "practice", f->try_no, f->verdict, reason[0] != '\0' ? "\"" : "",
	    reason[0] != '\0' ? reason : "no reason given",
	    reason[0] != '\0' ? "\"" : "");
	free(reason);
}

static void
put_heading(FILE *out, const struct course *c, const struct item *it)
{
	const struct quiz *q = it->quiz < c->nquizzes ?
	    c->quizzes[it->quiz] : NULL;
	char *file;

	if (q == NULL) {
		fprintf(out, "\n# quiz %s is not in this course\n", it->f->quiz);
		return;
	}
	file = responses_name(q);
	fprintf(out, "\n# %s (@responses %s)\n", file, q->id);
	free(file);
}

static void
put_question(FILE *out, const struct course *c, const struct item *it)
{
	const struct quiz *q = it->quiz < c->nquizzes ?
	    c->quizzes[it->quiz] : NULL;
	const struct question *qn = q != NULL && it->question != (size_t)-1 ?
	    &q->questions[it->question] : NULL;

	if (qn == NULL)
		fprintf(out, "# question %s is not in this quiz now\n",
		    it->f->question);
	else if (!qkind_is_free_text(qn))
		fprintf(out, "# question %s (%s): marked responses are for "
		    "free-text questions; check its key\n", qn->id,
		    quiz_kind_name(qn->kind));
	else
		fprintf(out, "@question %s\n", qn->id);
}

/* A free-text question of the course: its answers take a mark. */
static bool
markable(const struct course *c, const struct item *it)
{
	const struct quiz *q = it->quiz < c->nquizzes ?
	    c->quizzes[it->quiz] : NULL;

	return q != NULL && it->question != (size_t)-1 &&
	    qkind_is_free_text(&q->questions[it->question]);
}

size_t
flag_report(FILE *out, const struct course *c, struct progress *const *ps,
    size_t n)
{
	struct item *items = NULL;
	size_t nitems = 0, answers = 0, learners = 0;

	for (size_t i = 0; i < n; i++) {
		size_t nf;
		const struct flag_record *fs = progress_flags(ps[i], &nf);
		bool any = false;

		for (size_t k = 0; k < nf; k++) {
			if (superseded(ps[i], &fs[k]))
				continue;
			items = xreallocarray(items, nitems + 1,
			    sizeof *items);
			items[nitems] = (struct item){ .f = &fs[k], .p = ps[i] };
			place(c, &items[nitems++]);
			any = true;
		}
		learners += any;
	}
	if (items != NULL)
		qsort(items, nitems, sizeof *items, cmp_items);
	for (size_t i = 0; i < nitems; i++)
		answers += i + 1 == nitems || cmp_items(&items[i],
		    &items[i + 1]) != 0;
	fprintf(out, "# %zu flagged answer%s from %zu learner%s.%s\n",
	    answers, answers == 1 ? "" : "s", learners,
	    learners == 1 ? "" : "s", answers == 0 ? "" :
	    " Mark each one by reading the lesson, not the\n"
	    "# patterns: replace '@" RESPONSES_UNMARKED "' with '@credit', "
	    "'@partial N' or '@nocredit',\n# then add the lines to the "
	    "responses file named before them.\n# --check refuses a line "
	    "left '@" RESPONSES_UNMARKED "'.");
	for (size_t i = 0; i < nitems; i++) {
		const struct item *it = &items[i], *prev = i > 0 ?
		    &items[i - 1] : NULL;
		bool new_quiz = prev == NULL || prev->quiz != it->quiz ||
		    strcmp(prev->f->quiz, it->f->quiz) != 0;
		bool new_question = new_quiz ||
		    strcmp(prev->f->question, it->f->question) != 0;
		char *a;

		if (new_quiz)
			put_heading(out, c, it);
		if (new_question)
			put_question(out, c, it);
		put_who(out, it);
		if (i + 1 < nitems && cmp_items(it, &items[i + 1]) == 0)
			continue;
		/* The answer once, after everyone who flagged it. */
		a = text_escape_controls(it->f->answer, false);
		if (markable(c, it))
			fprintf(out, "@%s %s\n", RESPONSES_UNMARKED, a);
		else
			fprintf(out, "#   answer: %s\n", a);
		free(a);
	}
	free(items);
	return answers;
}
