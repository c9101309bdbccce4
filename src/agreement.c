/*
 * Agreement between the grader and human markers (agreement.h).  A mark
 * is a number of items: "credit" is all the question needs (1 for a
 * short question), "partial N" is N, "nocredit" is 0; the grader's mark
 * is its fraction of the same.  More than the marker is a false credit,
 * less a false refusal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "grade.h"
#include "qkind.h"
#include "xmalloc.h"

enum outcome { AGREED, FALSE_CREDIT, FALSE_REFUSAL, NOT_GRADED, NOUTCOMES };

static const char *const outcome_names[] = {
	[AGREED] = "agreed", [FALSE_CREDIT] = "false credit",
	[FALSE_REFUSAL] = "false refusal", [NOT_GRADED] = "not graded",
};

struct tally {
	char *name;			/* question "quiz:id" or rule text */
	size_t n[NOUTCOMES];
};

struct tallies {
	struct tally *t;
	size_t n;
};

static struct tally *
tally_of(struct tallies *ts, const char *name)
{
	for (size_t i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].name, name) == 0)
			return &ts->t[i];
	ts->t = xreallocarray(ts->t, ts->n + 1, sizeof *ts->t);
	memset(&ts->t[ts->n], 0, sizeof ts->t[0]);
	ts->t[ts->n].name = xstrdup(name);
	return &ts->t[ts->n++];
}

static void
tallies_destroy(struct tallies *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->t[i].name);
	free(ts->t);
}

static int
need_of(const struct question *q)
{
	return qkind_need(q);
}

static int
marker_items(const struct question *q, const struct response *r)
{
	switch (r->mark) {
	case MARK_CREDIT:
		return need_of(q);
	case MARK_PARTIAL:
		return r->items;
	case MARK_NOCREDIT:
		break;
	}
	return 0;
}

static const char *const mark_names[] = {
	[MARK_CREDIT] = "credit", [MARK_PARTIAL] = "partial",
	[MARK_NOCREDIT] = "no credit",
};

/*
 * "concept FILE:LINE", "misconception FILE:LINE", or, when no pattern
 * decided, "list items (QUIZ:QUESTION)" or "no rule (QUIZ:QUESTION)".
 */
static char *
rule_of(const struct quiz *qz, const struct question *q,
    const struct grade_result *g)
{
	static const char *const roles[] = {
		[ROLE_ACCEPT] = "accept", [ROLE_CONCEPT] = "concept",
		[ROLE_MISCONCEPTION] = "misconception", [ROLE_FINE] = "fine",
	};

	if (g->rule != NULL)
		return xasprintf("%s %s:%d", roles[g->rule->role], q->path,
		    g->rule->lineno);
	return xasprintf("%s (%s:%s)", qkind_of(q->kind)->list_answer ?
	    "list items" : "no rule", qz->id, q->id);
}

struct run {
	const struct course *c;
	struct diag *d;			/* or NULL */
	struct tallies questions, rules;
	size_t credited, credited_ok, refused, refused_ok;
};

static void
grade_one(struct run *run, const struct responses *rs, const struct quiz *qz,
    const struct question *q, const struct response *resp)
{
	struct grade_result g;
	enum outcome o;
	int want = marker_items(q, resp), got;
	char *rule, *qname;

	grade_answer(q, resp->answer, strlen(resp->answer), &g);
	got = g.verdict == GRADE_CORRECT ? need_of(q) :
	    (int)(g.fraction * need_of(q) + 1e-9);
	o = g.verdict == GRADE_UNGRADABLE ? NOT_GRADED : got == want ? AGREED :
	    got > want ? FALSE_CREDIT : FALSE_REFUSAL;
	rule = rule_of(qz, q, &g);
	qname = xasprintf("%s:%s", qz->id, q->id);
	tally_of(&run->questions, qname)->n[o]++;
	tally_of(&run->rules, rule)->n[o]++;
	if (resp->mark == MARK_CREDIT) {
		run->credited++;
		run->credited_ok += g.verdict == GRADE_CORRECT;
	} else {
		run->refused++;
		run->refused_ok += g.verdict != GRADE_CORRECT;
	}
	if (o != AGREED && run->d != NULL)
		diag_add(run->d, DIAG_ERROR, rs->path, resp->lineno, 0,
		    "quiz '%s' question '%s': marked %s%s but graded %d of %d "
		    "(%s; rule: %s): \"%s\"", qz->id, q->id,
		    mark_names[resp->mark], resp->mark == MARK_PARTIAL ?
		    " (some items)" : "", got, need_of(q), outcome_names[o],
		    rule, resp->answer);
	free(qname);
	free(rule);
	grade_result_destroy(&g);
}

static void
run_all(struct run *run)
{
	const struct course *c = run->c;

	for (size_t i = 0; i < c->nresponses; i++) {
		const struct responses *rs = c->responses[i];
		const struct quiz *qz = course_quiz_by_id(c, rs->quiz, NULL);

		if (qz == NULL) {
			if (run->d != NULL)
				diag_add(run->d, DIAG_ERROR, rs->path,
				    rs->quiz_lineno, 0, "no quiz '%s' in the "
				    "course", rs->quiz);
			continue;
		}
		for (size_t k = 0; k < rs->ngroups; k++) {
			const struct response_group *grp = &rs->groups[k];
			const struct question *q = NULL;

			for (size_t j = 0; j < qz->nquestions; j++)
				if (strcmp(qz->questions[j].id, grp->question) == 0)
					q = &qz->questions[j];
			if (q == NULL || !qkind_is_free_text(q)) {
				if (run->d != NULL)
					diag_add(run->d, DIAG_ERROR, rs->path,
					    grp->lineno, 0, "quiz '%s' has no "
					    "free-text question '%s'", qz->id,
					    grp->question);
				continue;
			}
			for (size_t r = 0; r < grp->n; r++)
				grade_one(run, rs, qz, q, &grp->r[r]);
		}
	}
}

size_t
agreement_check(const struct course *c, struct diag *d)
{
	struct run run = {.c = c, .d = d};
	size_t before = d->errors;

	if (c->lex != NULL && c->nresponses > 0 && !spell_load(c->lex->spell))
		diag_add(d, DIAG_WARNING, c->dir ? c->dir : ".", 0, 0, "%s",
		    spell_problem(c->lex->spell));
	run_all(&run);
	tallies_destroy(&run.questions);
	tallies_destroy(&run.rules);
	return d->errors - before;
}

static void
print_tallies(const struct tallies *ts, const char *title, FILE *out)
{
	fprintf(out, "%s\n", title);
	for (size_t i = 0; i < ts->n; i++) {
		const size_t *n = ts->t[i].n;

		fprintf(out, "  %-44s %4zu: %zu agreed, %zu false credit, %zu "
		    "false refusal%s\n", ts->t[i].name, n[AGREED] +
		    n[FALSE_CREDIT] + n[FALSE_REFUSAL] + n[NOT_GRADED],
		    n[AGREED], n[FALSE_CREDIT], n[FALSE_REFUSAL],
		    n[NOT_GRADED] ? ", some not graded" : "");
	}
}

static double
percent(size_t part, size_t whole)
{
	return whole == 0 ? 100.0 : 100.0 * (double)part / (double)whole;
}

void
agreement_print(const struct course *c, bool full, FILE *out)
{
	struct run run = {.c = c};

	if (c->nresponses == 0)
		return;
	run_all(&run);
	if (full) {
		print_tallies(&run.questions, "Agreement per question "
		    "(responses: agreed, false credit, false refusal):", out);
		print_tallies(&run.rules, "Agreement per deciding rule:", out);
	}
	fprintf(out, "psoas-tutor: marked responses: %zu; credited %zu of the "
	    "%zu a marker credited (%.1f%%), refused %zu of the %zu a marker "
	    "refused (%.1f%%)\n", run.credited + run.refused, run.credited_ok,
	    run.credited, percent(run.credited_ok, run.credited),
	    run.refused_ok, run.refused, percent(run.refused_ok, run.refused));
	tallies_destroy(&run.questions);
	tallies_destroy(&run.rules);
}
