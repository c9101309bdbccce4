/*
 * Reports built from learners' progress: the progress summary a learner
 * reads, and the class summary an instructor or provider reads, with the
 * participant evaluations summed up.  They only read the progress, so the
 * same journals always give the same report.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "defaults.h"
#include "export.h"
#include "grade.h"
#include "report.h"
#include "xmalloc.h"

/* "12 min", "1 h 5 min": time on task is rounded to the nearest minute. */
static void
format_minutes(char *buf, size_t size, long seconds)
{
	long min = (seconds + 30) / 60;

	if (min < 60)
		snprintf(buf, size, "%ld min", min);
	else
		snprintf(buf, size, "%ld h %ld min", min / 60, min % 60);
}

/* ------------------------------------------------------------ progress */

static void
put_bar(FILE *out, const struct render_opts *o, int pct)
{
	char *bar = render_bar(o, pct, REPORT_BAR_WIDTH);

	fprintf(out, "    [%s] %3d%%  ", bar, pct);
	free(bar);
}

static void
put_wrapped(FILE *out, const struct render_opts *o, const char *indent,
    const char *hang, char *text)
{
	render_put(out, o, text, indent, hang);
	free(text);
}

static void
put_heading(FILE *out, const struct render_opts *o, const char *text)
{
	char *styled = render_style(o, "bold", text);

	fprintf(out, "\n%s\n", styled);
	free(styled);
}

static void
report_lesson(FILE *out, const struct render_opts *o,
    const struct lesson *l, const struct lesson_progress *lp)
{
	char status[64], spent[32];
	int pct = 0;

	put_wrapped(out, o, "  ", "    ", xasprintf("%s: %s", l->id,
	    l->title));
	progress_lesson_status(lp, l->npages, status, sizeof status);
	if (lp != NULL && lp->done)
		pct = 100;
	else if (lp != NULL && lp->pages > 0)
		pct = grade_whole_percent(lp->max_page, lp->pages);
	format_minutes(spent, sizeof spent, lp != NULL ? lp->seconds : 0);
	put_bar(out, o, pct);
	fprintf(out, "%s, %s\n", status, spent);
}

/* A quiz's best finished score as a whole percent, rounded down. */
static int
best_percent(const struct quiz_progress *qp)
{
	return qp != NULL && qp->best_pct > 0 ?
	    grade_whole_percent(qp->best_pct, 100) : 0;
}

static void
report_quiz(FILE *out, const struct render_opts *o, const struct quiz *q,
    const struct quiz_progress *qp, const struct quiz_attempt *open)
{
	size_t finished = 0;

	put_wrapped(out, o, "  ", "    ", xasprintf("%s: %s%s", q->id,
	    q->title, q->posttest ? " (post-test)" : ""));
	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++)
		if (qp->attempts[i].finished != 0)
			finished++;
	put_bar(out, o, best_percent(qp));
	if (finished == 0)
		fputs("not taken yet", out);
	else if (q->keyless && !qp->passed)
		fprintf(out, "%zu attempt%s, awaiting the provider: your "
		    "answers go to your provider for grading", finished,
		    finished == 1 ? "" : "s");
	else
		fprintf(out, "best of %zu attempt%s, %s (pass mark %d%%)",
		    finished, finished == 1 ? "" : "s",
		    qp->passed ? "passed" : "not passed yet", q->pass);
	if (open != NULL)
		fprintf(out, "; in progress at question %zu of %zu",
		    open->next < open->nquestions ? open->next + 1 :
		    open->nquestions, open->nquestions);
	fputc('\n', out);
}

int
report_progress(FILE *out, const struct course *c, const struct progress *p,
    const struct render_opts *o)
{
	const char *full = progress_full_name(p);
	size_t done = 0, passed = 0, counted = 0;
	long seconds = 0;
	char spent[32];
	char *title;

	if (full != NULL && full[0] != '\0')
		title = xasprintf("Progress of %s (%s)", full,
		    progress_learner(p));
	else
		title = xasprintf("Progress of %s", progress_learner(p));
	put_wrapped(out, o, "", "  ", title);

	put_heading(out, o, "Lessons");
	for (size_t i = 0; i < c->nlessons; i++) {
		const struct lesson_progress *lp =
		    progress_lesson(p, c->lessons[i]->id);

		report_lesson(out, o, c->lessons[i], lp);
		/* Time on task is all reading; done counts course lessons. */
		if (lp != NULL)
			seconds += lp->seconds;
		if (course_lesson_counts(c, i)) {
			counted++;
			done += lp != NULL && lp->done;
		}
	}
	if (c->nquizzes > 0)
		put_heading(out, o, "Quizzes");
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz_progress *qp =
		    progress_quiz(p, c->quizzes[i]->id);

		report_quiz(out, o, c->quizzes[i], qp,
		    progress_open_attempt(p, c->quizzes[i]->id));
		if (qp != NULL)
			passed += qp->passed;
	}

	put_heading(out, o, "Overall");
	put_bar(out, o, grade_whole_percent((double)(done + passed),
	    (double)(counted + c->nquizzes)));
	fprintf(out, "%zu of %zu lesson%s done, %zu of %zu quiz%s passed\n",
	    done, counted, counted == 1 ? "" : "s", passed,
	    c->nquizzes, c->nquizzes == 1 ? "" : "zes");
	format_minutes(spent, sizeof spent, seconds);
	fprintf(out, "    Time on task in the lessons: %s\n", spent);
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------- class summary */

/* One evaluation item's answers across learners. */
struct item_summary {
	const char *id, *prompt, *kind;
	size_t count[6];	/* likert: answers of 1..5 */
	size_t n;
};

static struct item_summary *
summary_of(struct item_summary **items, size_t *nitems,
    const struct evaluation_answer *e)
{
	for (size_t i = 0; i < *nitems; i++)
		if (strcmp((*items)[i].id, e->item) == 0)
			return &(*items)[i];
	*items = xreallocarray(*items, *nitems + 1, sizeof **items);
	(*items)[*nitems] = (struct item_summary){ .id = e->item,
	    .prompt = e->prompt, .kind = e->kind };
	return &(*items)[(*nitems)++];
}

/* A learner's text, escaped as in the exports: nothing reaches a terminal raw. */
static void
put_text_answer(FILE *out, const char *learner, const char *answer)
{
	char *cell = export_cell(answer);

	fprintf(out, "      %s: %s\n", learner, cell);
	free(cell);
}

/*
 * The participant evaluations for a provider: per item, how many
 * answered, the mean and the spread of the ratings, and every comment
 * with the learner who wrote it.
 */
static void
report_evaluations(FILE *out, struct progress *const *p, size_t n)
{
	struct item_summary *items = NULL;
	size_t nitems = 0, nlearners = 0;

	for (size_t k = 0; k < n; k++) {
		size_t m;
		const struct evaluation_answer *e = progress_evaluations(p[k], &m);

		nlearners += m > 0;
		for (size_t i = 0; i < m; i++) {
			struct item_summary *s = summary_of(&items, &nitems, &e[i]);

			s->n++;
			if (strcmp(e[i].kind, "likert") == 0)
				s->count[e[i].answer[0] - '0']++;
		}
	}
	if (nitems == 0) {
		free(items);
		return;
	}
	fprintf(out, "\nCourse evaluation (%zu learner%s answered)\n",
	    nlearners, nlearners == 1 ? "" : "s");
	for (size_t i = 0; i < nitems; i++) {
		const struct item_summary *s = &items[i];
		char *prompt = export_cell(s->prompt);

		fprintf(out, "  %s: %s\n", s->id, prompt);
		free(prompt);
		if (strcmp(s->kind, "likert") == 0) {
			size_t sum = 0;

			for (int v = 1; v <= 5; v++)
				sum += (size_t)v * s->count[v];
			/* Tenths (rounded down), never a decimal comma. */
			fprintf(out, "      %zu answer%s, mean %zu.%zu   1:%zu  2:%zu  "
			    "3:%zu  4:%zu  5:%zu\n", s->n, s->n == 1 ? "" : "s",
			    sum * 10 / s->n / 10, sum * 10 / s->n % 10,
			    s->count[1], s->count[2], s->count[3], s->count[4],
			    s->count[5]);
			continue;
		}
		fprintf(out, "      %zu answer%s:\n", s->n, s->n == 1 ? "" : "s");
		for (size_t k = 0; k < n; k++) {
			size_t m;
			const struct evaluation_answer *e =
			    progress_evaluations(p[k], &m);

			for (size_t j = 0; j < m; j++)
				if (strcmp(e[j].item, s->id) == 0)
					put_text_answer(out, progress_learner(p[k]),
					    e[j].answer);
		}
	}
	free(items);
}

int
report_class(FILE *out, const struct course *c, struct progress *const *p,
    size_t n)
{
	size_t npractice = 0;

	for (size_t i = 0; i < c->nquizzes; i++)
		npractice += !c->quizzes[i]->posttest;
	fprintf(out, "%-16s %7s %9s %10s %5s %8s  %s\n", "learner", "lessons",
	    "quizzes", "post-test", "done", "time", "full name");
	for (size_t k = 0; k < n; k++) {
		const char *full = progress_full_name(p[k]);
		size_t done = 0, passed = 0, quizzes_passed = 0;
		long seconds = 0;
		char lessons[16], quizzes[16], post[16], spent[32];

		strcpy(post, "-");
		for (size_t i = 0; i < c->nlessons; i++) {
			const struct lesson_progress *lp =
			    progress_lesson(p[k], c->lessons[i]->id);

			if (lp != NULL) {
				done += lp->done;
				seconds += lp->seconds;
			}
		}
		for (size_t i = 0; i < c->nquizzes; i++) {
			const struct quiz_progress *qp =
			    progress_quiz(p[k], c->quizzes[i]->id);

			if (qp == NULL)
				continue;
			passed += qp->passed;
			if (!c->quizzes[i]->posttest)
				quizzes_passed += qp->passed;
			else if (qp->best_pct >= 0)
				snprintf(post, sizeof post, "%d%% %s",
				    best_percent(qp), qp->passed ? "pass" : "fail");
		}
		snprintf(lessons, sizeof lessons, "%zu/%zu", done, c->nlessons);
		snprintf(quizzes, sizeof quizzes, "%zu/%zu", quizzes_passed,
		    npractice);
		format_minutes(spent, sizeof spent, seconds);
		fprintf(out, "%-16s %7s %9s %10s %4d%% %8s  %s\n",
		    progress_learner(p[k]), lessons, quizzes, post,
		    grade_whole_percent((double)(done + passed),
		    (double)(c->nlessons + c->nquizzes)), spent,
		    full != NULL ? full : "");
	}
	if (n == 0)
		fprintf(out, "(no learners yet)\n");
	report_evaluations(out, p, n);
	return ferror(out) ? -1 : 0;
}
