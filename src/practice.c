/*
 * A practice drill (practice.h).  The questions wait in a queue: a right
 * answer takes one off, any other puts it back at the end, after its
 * answer and explanation are shown, so the learner meets it again once
 * the others have been asked (the way a typing tutor repeats a line
 * until it is typed right).  Hints are free here but make the try count
 * as "hard" for spaced review.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "flag.h"
#include "grade.h"
#include "msg.h"
#include "outcome.h"
#include "practice.h"
#include "qkind.h"
#include "qline.h"
#include "xmalloc.h"

struct practice {
	struct srs_item *items;
	size_t n;
	size_t *queue;		/* indexes into items; ring of size n */
	size_t head, len;
	int *misses;		/* per item, this drill */
	int hints;		/* revealed on the current question */
	size_t asked;		/* questions asked so far, for the heading */
	struct progress *progress;
	struct render_opts o;
	FILE *out;
	bool ended, warned;
	char *where;
	struct flag_record last;	/* the verdict just given, for 'flag' */
};

struct drill_command {
	const char *name;
	const char *help;
	void (*run)(struct practice *);
};

static void cmd_hint(struct practice *);
static void cmd_skip(struct practice *);
static void cmd_repeat(struct practice *);
static void cmd_leave(struct practice *);
static void cmd_help(struct practice *);

/* The words of qline.h, in its order, and its flag. */
static const struct drill_command commands[] = {
	{ "hint", "show the next hint (free here)", cmd_hint },
	{ "skip", "drop this question from this drill", cmd_skip },
	{ "repeat", "show the question again", cmd_repeat },
	{ "leave", "stop practising (every try so far is kept)", cmd_leave },
	/* Typed "flag [REASON]": read by qline.h, run by practice_input. */
	{ QLINE_FLAG_WORD, "the verdict just given is wrong (type flag and "
	    "your reason); your instructor sees it", NULL },
	{ "help", "list these commands", cmd_help },
};

static void
put_wrapped(struct practice *d, const char *indent, const char *hang,
    char *text)
{
	render_put(d->out, &d->o, text, indent, hang);
	free(text);
}

#define say(d, ...) put_wrapped((d), "", "", xasprintf(__VA_ARGS__))

static void
put_styled(struct practice *d, const char *style, const char *s)
{
	char *t = render_style(&d->o, style, s);

	fprintf(d->out, "%s\n", t);
	free(t);
}

static const struct srs_item *
current(const struct practice *d)
{
	return &d->items[d->queue[d->head]];
}

static struct qshow
show_to(const struct practice *d)
{
	struct qshow s = { &d->o, d->out };

	return s;
}

static void
show_question(struct practice *d)
{
	const struct srs_item *it = current(d);
	struct qshow s = show_to(d);
	char *head = xasprintf("Practice: %s, question %s (%zu to go)",
	    it->quiz->id, it->question->id, d->len);

	fputc('\n', d->out);
	put_styled(d, "bold", head);
	free(head);
	say(d, "%s", it->question->prompt);
	qkind_of(it->question->kind)->show(&s, it->question);
}

static void
finish(struct practice *d)
{
	size_t again = 0;

	for (size_t i = 0; i < d->n; i++)
		again += d->misses[i] > 0;
	d->ended = true;
	fputc('\n', d->out);
	if (again > 0)
		say(d, "Practice done: every question answered right; %zu "
		    "needed more than one go. Your quiz scores are unchanged.",
		    again);
	else
		say(d, "Practice done: every question answered right the "
		    "first time. Your quiz scores are unchanged.");
}

/* Take the current question off the queue (back = put it at the end). */
static void
advance(struct practice *d, bool back)
{
	size_t it = d->queue[d->head];

	d->head = (d->head + 1) % d->n;
	d->len--;
	if (back) {
		d->queue[(d->head + d->len) % d->n] = it;
		d->len++;
	}
	d->hints = 0;
	if (d->len == 0)
		finish(d);
	else
		show_question(d);
}

static void
record(struct practice *d, const char *verdict, const char *answer)
{
	struct practice_record rec = {
		.quiz = current(d)->quiz->id,
		.question = current(d)->question->id,
		.verdict = (char *)verdict,
		.answer = (char *)(answer != NULL ? answer : ""),
		.hints = d->hints,
		.when = clock_now(),
	};
	char *cause = NULL;

	if (d->progress == NULL)
		return;
	if (progress_record_practice(d->progress, &rec, &cause) != 0 &&
	    !d->warned) {
		msg_warning("your practice could not be saved (%s)",
		    cause != NULL ? cause : "unknown error");
		d->warned = true;
	}
	free(cause);
}

static void
answer(struct practice *d, const char *line)
{
	const struct question *qn = current(d)->question;
	struct qshow s = show_to(d);
	struct grade_result g;
	const char *verdict;
	bool right;

	grade_answer(qn, line, strlen(line), &g);
	if (g.verdict == GRADE_UNGRADABLE) {
		say(d, "%s", g.message != NULL ? g.message :
		    "This answer could not be graded.");
		say(d, "Please answer again.");
		grade_result_destroy(&g);
		/* 'flag' now must not name the question before's verdict. */
		flag_clear(&d->last);
		return;
	}
	right = g.verdict == GRADE_CORRECT;
	verdict = outcome_name(outcome_of_grade(g.verdict));
	record(d, verdict, line);
	flag_set(&d->last, current(d)->quiz->id, "", qn->id, 1, verdict, line);
	put_styled(d, right ? "green" : g.verdict == GRADE_PARTIAL ? "yellow" :
	    "red", right ? "Correct." : g.verdict == GRADE_PARTIAL ?
	    "Partly correct." : "Not correct.");
	if (g.feedback != NULL)
		say(d, "%s", g.feedback);
	if (g.message != NULL)
		say(d, "%s", g.message);
	if (!right) {
		qkind_of(qn->kind)->show_answer(&s, qn, "");
		d->misses[d->queue[d->head]]++;
	}
	if (qn->explain != NULL)
		put_wrapped(d, "", "  ", xasprintf("Why: %s", qn->explain));
	if (!right)
		say(d, "It comes back once the others are done.");
	grade_result_destroy(&g);
	advance(d, !right);
}

static void
cmd_hint(struct practice *d)
{
	const struct question *qn = current(d)->question;
	char *indent;

	if ((size_t)d->hints >= qn->nhints) {
		say(d, qn->nhints == 0 ? "This question has no hints." :
		    "No more hints.");
		return;
	}
	d->hints++;
	indent = xasprintf("Hint %d of %zu: ", d->hints, qn->nhints);
	put_wrapped(d, indent, "  ", xstrdup(qn->hints[d->hints - 1]));
	free(indent);
}

static void
cmd_skip(struct practice *d)
{
	record(d, outcome_name(OUTCOME_SKIPPED), NULL);
	say(d, "Skipped: it is dropped from this drill.");
	advance(d, false);
}

static void
cmd_repeat(struct practice *d)
{
	show_question(d);
}

static void
cmd_leave(struct practice *d)
{
	practice_leave(d);
}

static void
cmd_help(struct practice *d)
{
	char indent[32];

	fputs("Practice commands:\n", d->out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		snprintf(indent, sizeof indent, "  %-8s", commands[i].name);
		put_wrapped(d, indent, "          ",
		    xstrdup(commands[i].help));
	}
	say(d, "Anything else you type is your answer ('answer list' gives a "
	    "command word as one). Practice never changes a quiz score.");
}

struct practice *
practice_start(const struct srs_item *items, size_t n, const char *what,
    struct progress *p, const struct render_opts *o, FILE *out)
{
	struct practice *d = xcalloc(1, sizeof *d);

	d->items = xcalloc(n > 0 ? n : 1, sizeof *d->items);
	if (n > 0)
		memcpy(d->items, items, n * sizeof *items);
	d->n = n;
	d->queue = xcalloc(n > 0 ? n : 1, sizeof *d->queue);
	d->misses = xcalloc(n > 0 ? n : 1, sizeof *d->misses);
	for (size_t i = 0; i < n; i++)
		d->queue[i] = i;
	d->len = n;
	d->progress = p;
	d->o = *o;
	d->out = out;
	fputc('\n', out);
	put_styled(d, "bold", "Practice");
	say(d, "%zu question%s: %s. A question answered wrong comes back "
	    "until you answer it right. Practice never changes your quiz "
	    "scores or your certificate; it schedules each question's next "
	    "review (type 'due').", n, n == 1 ? "" : "s", what);
	if (n == 0)
		finish(d);
	else
		show_question(d);
	return d;
}

bool
practice_input(struct practice *d, const char *line)
{
	struct qline q;

	if (d->ended)
		return false;
	qline_read(line, &q);
	if (q.kind == QLINE_EMPTY)
		say(d, "Type your answer, or help for the practice commands.");
	else if (q.kind == QLINE_WORD) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(commands[i].name, q.word) == 0 &&
			    commands[i].run != NULL)
				commands[i].run(d);
	} else if (q.kind == QLINE_FLAG)
		put_wrapped(d, "", "", flag_verdict_here(d->progress, &d->last,
		    q.answer));
	else
		answer(d, q.answer);
	qline_destroy(&q);
	return !d->ended;
}

void
practice_leave(struct practice *d)
{
	if (d->ended)
		return;
	d->ended = true;
	fputc('\n', d->out);
	say(d, "You left practice with %zu question%s to go. Every try is "
	    "kept for spaced review.", d->len, d->len == 1 ? "" : "s");
}

const char *
practice_where(struct practice *d)
{
	free(d->where);
	d->where = xasprintf("practice, %zu to go", d->len);
	return d->where;
}

const struct flag_record *
practice_last_verdict(const struct practice *d)
{
	return flag_has(&d->last) ? &d->last : NULL;
}

void
practice_free(struct practice *d)
{
	if (d == NULL)
		return;
	free(d->items);
	free(d->queue);
	free(d->misses);
	free(d->where);
	flag_clear(&d->last);
	free(d);
}
