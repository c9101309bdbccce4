/*
 * The author's checker.  A quiz carries its own test cases (@example+ and
 * @example-), so the checker grades each one exactly as a learner's
 * answer would be graded and reports every example that lands on the
 * wrong side, with the rule that decided it: the author then knows which
 * pattern to fix.  It also checks that each question points at a lesson
 * page that exists.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "check.h"
#include "giveaway.h"
#include "grade_text.h"
#include "grade.h"
#include "msg.h"
#include "qkind.h"
#include "xmalloc.h"

/* Which kind of rule a pattern is: "accept", "concept", ... */
static const char *
rule_kind(const struct pattern *p)
{
	static const char *const names[] = {
		[ROLE_ACCEPT] = "accept", [ROLE_CONCEPT] = "concept",
		[ROLE_MISCONCEPTION] = "misconception", [ROLE_FINE] = "fine",
	};

	return names[p->role];
}

/* "accept FILE:LINE", "misconception FILE:LINE", "answer key", "no rule". */
static char *
describe_rule(const struct question *q, const struct grade_result *r)
{
	if (r->rule != NULL)
		return xasprintf("%s %s:%d", rule_kind(r->rule), q->path,
		    r->rule->lineno);
	if (qkind_of(q->kind)->decided_by != NULL &&
	    r->verdict != GRADE_UNGRADABLE)
		return xstrdup(qkind_of(q->kind)->decided_by);
	return xstrdup("no rule");
}

/*
 * Grade ex as a learner's answer: r (to destroy) and *rule (to free) say
 * what happened; returns true when it landed on the wrong side.
 */
static bool
run_example(const struct question *q, const struct example *ex,
    struct grade_result *r, char **rule)
{
	grade_answer(q, ex->text, strlen(ex->text), r);
	*rule = describe_rule(q, r);
	/* An example that cannot be graded proves nothing either way. */
	return ex->accept ? r->verdict != GRADE_CORRECT :
	    r->verdict == GRADE_CORRECT || r->verdict == GRADE_UNGRADABLE;
}

/*
 * A wrong answer was graded correct: name each glossary entry without
 * which it would not have been, so the author sees the entry to fix.
 */
static void
blame_glossary(const struct question *q, const char *answer,
    const char *where, long lineno, struct diag *d)
{
	const struct glossary *g = q->lex != NULL ? &q->lex->glossary : NULL;
	char *why = NULL, *norm = grade_normalise(answer, strlen(answer), &why);

	for (size_t i = 0; g != NULL && norm != NULL && i < g->n; i++) {
		struct grade_opts opts = {false, i};
		struct grade_result r;

		if (!glossary_occurs(g, i, norm))
			continue;
		grade_answer_opts(q, answer, strlen(answer), &opts, &r);
		if (r.verdict != GRADE_CORRECT)
			diag_add(d, DIAG_ERROR, g->path, g->entries[i].lineno, 0,
			    "glossary entry '%s = %s' makes the wrong answer "
			    "\"%s\" (%s:%ld) correct", g->entries[i].term,
			    g->entries[i].meaning, answer, where, lineno);
		grade_result_destroy(&r);
	}
	free(norm);
	free(why);
}

static void
check_examples(const struct quiz *qz, const struct question *q,
    struct diag *d)
{
	for (size_t i = 0; i < q->nexamples; i++) {
		const struct example *ex = &q->examples[i];
		struct grade_result r;
		char *rule;
		bool wrong = run_example(q, ex, &r, &rule);

		if (wrong)
			diag_add(d, DIAG_ERROR, qz->path, ex->lineno, 0,
			    "quiz '%s' question '%s': example should be %s but "
			    "was %s (rule: %s)", qz->id, q->id,
			    ex->accept ? "accepted" : "rejected",
			    grade_verdict_name(r.verdict), rule);
		if (r.author_warning != NULL && r.rule != NULL)
			diag_add(d, DIAG_WARNING, qz->path, ex->lineno, 0,
			    "quiz '%s' question '%s': example hit the match "
			    "limit of the pattern at line %d, column %d",
			    qz->id, q->id, r.rule->lineno, r.rule->col);
		if (!ex->accept && r.verdict == GRADE_CORRECT)
			blame_glossary(q, ex->text, qz->path, ex->lineno, d);
		free(rule);
		grade_result_destroy(&r);
	}
}

/*
 * The objective a question is linked to must exist, so that stats counts
 * its tries where they belong; a question linked to none is counted
 * nowhere, which the author should know.
 */
static void
check_objective(const struct course *c, const struct quiz *qz,
    const struct question *q, struct diag *d)
{
	const char *id = quiz_objective_lesson(qz, q);
	const struct lesson *l;

	if (id == NULL) {
		if (!qz->keyless)
			diag_add(d, DIAG_WARNING, qz->path, q->lineno, 0,
			    "quiz '%s' question '%s' names no lesson objective "
			    "('@objective N'), so stats cannot count it under "
			    "one", qz->id, q->id);
		return;
	}
	l = course_lesson_by_id(c, id, NULL);
	if (l == NULL)
		diag_add(d, DIAG_ERROR, qz->path, q->objective_lineno, 0,
		    "quiz '%s' question '%s': '@objective' names lesson '%s', "
		    "which is not in the course", qz->id, q->id, id);
	else if ((size_t)q->objective > l->nobjectives)
		diag_add(d, DIAG_ERROR, qz->path, q->objective_lineno, 0,
		    "quiz '%s' question '%s': '@objective' names objective %d "
		    "of lesson '%s', which has %zu", qz->id, q->id,
		    q->objective, id, l->nobjectives);
}

static void
check_question(const struct course *c, const struct quiz *qz,
    const struct question *q, struct diag *d)
{
	/* A keyless post-test has nothing to prove: its keys are the provider's. */
	if (!qz->keyless) {
		qkind_of(q->kind)->check(qz, q, d);
	}
	if (q->taught_lesson != NULL) {
		const struct lesson *l = NULL;

		for (size_t i = 0; i < c->nlessons; i++)
			if (strcmp(c->lessons[i]->id, q->taught_lesson) == 0)
				l = c->lessons[i];
		if (l == NULL)
			diag_add(d, DIAG_ERROR, qz->path, q->taught_lineno, 0,
			    "quiz '%s' question '%s': '@taught' names lesson "
			    "'%s', which is not in the course", qz->id, q->id,
			    q->taught_lesson);
		else if ((size_t)q->taught_page > l->npages)
			diag_add(d, DIAG_ERROR, qz->path, q->taught_lineno, 0,
			    "quiz '%s' question '%s': '@taught' names page %d "
			    "of lesson '%s', which has %zu page%s", qz->id,
			    q->id, q->taught_page, q->taught_lesson, l->npages,
			    l->npages == 1 ? "" : "s");
	}
	check_objective(c, qz, q, d);
	if (!qz->keyless)
		check_examples(qz, q, d);
}

size_t
check_quiz(const struct quiz *qz, struct diag *d)
{
	size_t before = d->errors;

	for (size_t j = 0; j < qz->nquestions && !qz->keyless; j++) {
		qkind_of(qz->questions[j].kind)->check(qz, &qz->questions[j], d);
		check_examples(qz, &qz->questions[j], d);
	}
	return d->errors - before;
}

size_t
check_course(const struct course *c, struct diag *d)
{
	size_t before = d->errors;

	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz *qz = c->quizzes[i];

		for (size_t j = 0; j < qz->nquestions; j++)
			check_question(c, qz, &qz->questions[j], d);
		giveaway_check_feedback(qz, d);
		giveaway_check_between(qz, d);
	}
	agreement_check(c, d);
	return d->errors - before;
}

/* Each line of text, indented under its example. */
static void
print_indented(const char *text, FILE *out)
{
	while (*text != '\0') {
		size_t n = strcspn(text, "\n");

		fprintf(out, "      %.*s\n", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static void
show_question(const struct question *q, FILE *out)
{
	fprintf(out, "question '%s' (%s, line %d)\n", q->id,
	    quiz_kind_name(q->kind), q->lineno);
	if (q->nexamples == 0)
		fprintf(out, "  (no examples)\n");
	for (size_t i = 0; i < q->nexamples; i++) {
		const struct example *ex = &q->examples[i];
		struct grade_result r;
		char *rule;
		bool wrong = run_example(q, ex, &r, &rule);

		fprintf(out, "  %c \"%s\" -> %s", ex->accept ? '+' : '-',
		    ex->text, grade_verdict_name(r.verdict));
		if (r.verdict == GRADE_PARTIAL)
			fprintf(out, " %.0f%%", r.fraction * 100);
		fprintf(out, " (%s", rule);
		if (r.feedback != NULL)
			fprintf(out, ": %s", r.feedback);
		if (r.message != NULL)
			fprintf(out, "; %s", r.message);
		fprintf(out, ")%s\n", wrong ? ex->accept ?
		    "  <- MISMATCH: should be accepted" :
		    "  <- MISMATCH: should be rejected" : "");
		if (r.detail != NULL)
			print_indented(r.detail, out);
		if (r.author_warning != NULL)
			fprintf(out, "      %s\n", r.author_warning);
		free(rule);
		grade_result_destroy(&r);
	}
}

int
check_show_matches(const struct course *c, const char *quiz,
    const char *question, FILE *out)
{
	const struct quiz *qz = course_find_quiz(c, quiz, NULL);
	bool found = false;

	if (qz == NULL) {
		msg_error("no quiz '%s' in the course", quiz);
		return 1;
	}
	for (size_t i = 0; i < qz->nquestions; i++)
		if (question == NULL || strcmp(qz->questions[i].id, question) == 0)
			found = true;
	if (!found) {
		msg_error("quiz '%s' has no question '%s'", qz->id, question);
		return 1;
	}
	fprintf(out, "quiz '%s' (%s)\n", qz->id, qz->path);
	for (size_t i = 0; i < qz->nquestions; i++)
		if (question == NULL || strcmp(qz->questions[i].id, question) == 0)
			show_question(&qz->questions[i], out);
	return 0;
}

int
check_print_coverage(const struct course *c, FILE *out)
{
	size_t npages = 0, untested = 0;

	fprintf(out, "Questions, the lesson pages that teach them and the "
	    "lesson objectives they test:\n");
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz *qz = c->quizzes[i];

		for (size_t k = 0; k < qz->nquestions; k++) {
			const struct question *q = &qz->questions[k];
			const struct lesson *l = q->taught_lesson == NULL ? NULL :
			    course_lesson_by_id(c, q->taught_lesson, NULL);
			const char *ol = quiz_objective_lesson(qz, q);

			if (l == NULL || q->taught_page < 1 ||
			    (size_t)q->taught_page > l->npages)
				fprintf(out, "  %s:%s -> (no lesson page)", qz->id,
				    q->id);
			else
				fprintf(out, "  %s:%s -> %s page %d \"%s\"", qz->id,
				    q->id, l->id, q->taught_page,
				    l->pages[q->taught_page - 1].title);
			/* Last, so a reader of the part before it still works. */
			if (ol != NULL)
				fprintf(out, "; objective %s %d\n", ol,
				    q->objective);
			else
				fprintf(out, "; no objective\n");
		}
	}
	fprintf(out, "Lesson pages and how many questions test them:\n");
	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson *l = c->lessons[i];

		for (size_t p = 0; p < l->npages; p++) {
			size_t n = 0;

			for (size_t k = 0; k < c->nquizzes; k++)
				for (size_t m = 0; m < c->quizzes[k]->nquestions; m++) {
					const struct question *q =
					    &c->quizzes[k]->questions[m];

					n += q->taught_lesson != NULL &&
					    strcmp(q->taught_lesson, l->id) == 0 &&
					    q->taught_page == (int)p + 1;
				}
			fprintf(out, "  %s page %zu \"%s\": %zu question%s\n", l->id,
			    p + 1, l->pages[p].title, n, n == 1 ? "" : "s");
			npages++;
			untested += n == 0;
		}
	}
	fprintf(out, "%zu of %zu lesson pages are tested by at least one "
	    "question.\n", npages - untested, npages);
	return 0;
}
