/*
 * Asking the participant evaluation (evalrun.h): a cursor over the
 * manifest's items that skips those already answered, records each
 * answer before saying thank you for it, and never rejects a line
 * without saying what it takes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "evalrun.h"
#include "xmalloc.h"

struct evalrun {
	const struct manifest *m;
	struct progress *p;
	char *certificate;
	struct render_opts ro;
	FILE *out;
	size_t next;		/* index of the item being asked */
	size_t asked, total;	/* for "evaluation 2/6" */
	char where[64];
};

/* text wrapped to the width, its first line after indent, the rest after hang. */
static void
say_at(struct evalrun *e, const char *indent, const char *hang,
    const char *text)
{
	render_put(e->out, &e->ro, text, indent, hang);
}

static void
say(struct evalrun *e, const char *text)
{
	say_at(e, "", "", text);
}

static bool
answered_for(const struct progress *p, const char *certificate,
    const char *item)
{
	size_t n;
	const struct evaluation_answer *a = progress_evaluations(p, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].certificate, certificate) == 0 &&
		    strcmp(a[i].item, item) == 0)
			return true;
	return false;
}

static bool
answered(const struct evalrun *e, const char *item)
{
	return answered_for(e->p, e->certificate, item);
}

size_t
evalrun_left(const struct manifest *m, const struct progress *p,
    const char *certificate)
{
	size_t n = 0;

	for (size_t i = 0; m != NULL && i < m->nevals; i++)
		n += !answered_for(p, certificate, m->evals[i].id);
	return n;
}

/* Move to the next unanswered item at or after e->next; false if none. */
static bool
seek(struct evalrun *e)
{
	while (e->next < e->m->nevals && answered(e, e->m->evals[e->next].id))
		e->next++;
	return e->next < e->m->nevals;
}

/* The item, then on lines of their own what it takes. */
static void
ask(struct evalrun *e)
{
	const struct manifest_eval *it = &e->m->evals[e->next];
	char *s = xasprintf("%zu. %s", ++e->asked, it->text);

	fputc('\n', e->out);
	say_at(e, "", "   ", s);
	free(s);
	say_at(e, "   ", "   ", it->kind == MANIFEST_LIKERT ?
	    "Rate it from 1 (strongly disagree) to 5 (strongly agree), or "
	    "skip." : "Type your answer on one line (or press Enter "
	    "to skip).");
}

struct evalrun *
evalrun_start(const struct manifest *m, struct progress *p,
    const char *certificate, const struct render_opts *o, FILE *out)
{
	struct evalrun *e = xcalloc(1, sizeof *e);

	e->m = m;
	e->p = p;
	e->certificate = xstrdup(certificate);
	e->ro = *o;
	e->out = out;
	for (size_t i = 0; m != NULL && i < m->nevals; i++)
		e->total += !answered(e, m->evals[i].id);
	if (m == NULL || !seek(e)) {
		say(e, "There is no evaluation left to answer. Thank you.");
		evalrun_free(e);
		return NULL;
	}
	say(e, "Course evaluation: your provider asks every participant these "
	    "questions to improve the course. Your answers are saved with your "
	    "record; type 'leave' to stop and 'evaluate' to come back later.");
	ask(e);
	return e;
}

static bool
likert_answer(const char *line)
{
	return line[0] >= '1' && line[0] <= '5' && line[1] == '\0';
}

bool
evalrun_input(struct evalrun *e, const char *line)
{
	const struct manifest_eval *it = &e->m->evals[e->next];
	struct evaluation_answer a;
	char *cause = NULL;

	if (strcmp(line, "leave") == 0) {
		say(e, "Evaluation left for now: type 'evaluate' to finish it.");
		return false;
	}
	if (strcmp(line, "skip") == 0 ||
	    (it->kind == MANIFEST_TEXT && line[0] == '\0')) {
		e->next++;
	} else if (it->kind == MANIFEST_LIKERT && !likert_answer(line)) {
		say(e, "Please type a number from 1 (strongly disagree) to 5 "
		    "(strongly agree), or skip.");
		return true;
	} else {
		a = (struct evaluation_answer){
			.certificate = e->certificate,
			.item = it->id,
			.kind = it->kind == MANIFEST_LIKERT ? "likert" : "text",
			.answer = (char *)line,
			.prompt = it->text,
		};
		if (progress_record_evaluation(e->p, &a, &cause) != 0) {
			char *s = xasprintf("Warning: %s", cause);

			say(e, s);
			free(s);
			free(cause);
		}
		e->next++;
	}
	if (!seek(e)) {
		fputc('\n', e->out);
		say(e, "Thank you: your evaluation is saved.");
		return false;
	}
	ask(e);
	return true;
}

const char *
evalrun_where(struct evalrun *e)
{
	snprintf(e->where, sizeof e->where, "evaluation %zu/%zu", e->asked,
	    e->total);
	return e->where;
}

void
evalrun_free(struct evalrun *e)
{
	if (e == NULL)
		return;
	free(e->certificate);
	free(e);
}
