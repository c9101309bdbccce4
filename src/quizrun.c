/*
 * One sitting of a quiz.  The REPL hands every line the learner types to
 * quizrun_input, which either runs a quiz command (from the table below)
 * or grades the line as an answer to the current question.  The text it
 * prints never holds a time or a random number, so a scripted session
 * always prints the same thing and tests can compare it whole.
 *
 * Every graded try is recorded, and fsynced, before its verdict is shown:
 * a try that leaves another to go as a non-final one, and the answer that
 * closes the question (right, out of tries, or skipped) as final.  Only a
 * final answer moves the journal's "next question", so a sitting left
 * after a wrong try resumes at that question, with the tries and hints
 * already used still counted.
 *
 * A post-test (@kind posttest) tests what was learnt, so it gives nothing
 * away: after an answer only the verdict, and in the review only the
 * learner's answer and the lesson page to re-read, never the right answer
 * or its explanation.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "clock.h"
#include "draw.h"
#include "flag.h"
#include "grade.h"
#include "msg.h"
#include "outcome.h"
#include "points.h"
#include "qkind.h"
#include "qline.h"
#include "quizrun.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

struct result {
	enum outcome outcome;	/* OUTCOME_NONE while still open */
	char *answer;		/* as typed; NULL when skipped */
	double points;		/* earned */
	int tries, hints;	/* used on it */
};

struct quizrun {
	const struct quiz *quiz;	/* the quiz, or this attempt's view */
	struct quiz *view;		/* owned: the drawn questions (draw.h) */
	size_t base_size;		/* questions in the quiz file */
	struct progress *progress;	/* may be NULL */
	struct render_opts o;
	FILE *out;
	size_t cur;		/* index of the question being asked */
	int tries;		/* graded tries used on it */
	int hints;		/* hints revealed on it */
	bool ended;
	bool warned;		/* told once that a record was not saved */
	struct result *results;	/* one per question */
	char *where;
	char *attempt;		/* the attempt's id, or NULL */
	const struct progress *flags;	/* where flags are looked up */
	struct flag_record last;	/* the verdict just given, for 'flag' */
};

struct quiz_command {
	const char *name;
	const char *help;
	void (*run)(struct quizrun *);
};

static void cmd_hint(struct quizrun *);
static void cmd_skip(struct quizrun *);
static void cmd_repeat(struct quizrun *);
static void cmd_leave(struct quizrun *);
static void cmd_help(struct quizrun *);

static const struct quiz_command commands[] = {
	{ "hint", "show the next hint (it costs some of the points)", cmd_hint },
	{ "skip", "skip this question (no points)", cmd_skip },
	{ "repeat", "show the question again", cmd_repeat },
	{ "leave", "stop for now; your answers are kept and you go on from "
	    "this question next time", cmd_leave },
	/* Typed "flag [REASON]": read by qline.h, run by quizrun_input. */
	{ QLINE_FLAG_WORD, "the verdict just given is wrong (type flag and "
	    "your reason); your instructor sees it, and no try is used",
	    NULL },
	{ "help", "list these commands", cmd_help },
};

static void
put(struct quizrun *r, const char *s)
{
	fputs(s, r->out);
}

static void
put_styled(struct quizrun *r, const char *style, const char *s)
{
	char *styled = render_style(&r->o, style, s);

	fputs(styled, r->out);
	free(styled);
}

/*
 * A heading in bold: the quiz title and what follows it, wrapped to the
 * width like any text (a long title at 40 columns was cut mid-word by
 * the terminal), each line styled on its own.
 */
static void
put_heading(struct quizrun *r, const char *title, const char *after)
{
	char *text = xasprintf("%s%s", title, after);
	char *w = render_wrap(&r->o, text, "", ""), *line = w;

	while (*line != '\0') {
		size_t len = strcspn(line, "\n");
		char *one = xstrndup(line, len);

		put_styled(r, "bold", one);
		put(r, "\n");
		free(one);
		line += len + (line[len] == '\n');
	}
	free(w);
	free(text);
}

/* Wrap text (taken over) to the width with indent and hang, and print it. */
static void
put_wrapped(struct quizrun *r, const char *indent, const char *hang,
    char *text)
{
	char *wrapped;

	if (text[0] != '\0') {
		wrapped = render_wrap(&r->o, text, indent, hang);
		fputs(wrapped, r->out);
		free(wrapped);
	}
	free(text);
}

/* printf, then wrap: a macro so xasprintf checks the format. */
#define say(r, indent, hang, ...) \
	put_wrapped((r), (indent), (hang), xasprintf(__VA_ARGS__))

static const struct question *
current(const struct quizrun *r)
{
	return &r->quiz->questions[r->cur];
}

/*
 * The tries at qn.  Where only two answers are possible (true/false, a
 * choice of two) a second try is won by picking the other one, so it
 * proves nothing: such a question has one try, whatever @tries says.
 */
static int
tries_at(const struct quiz *quiz, const struct question *qn)
{
	return qkind_one_try(qn) ? 1 : quiz->tries;
}

static void
save_failed(struct quizrun *r, char *cause)
{
	if (!r->warned)
		msg_warning("your quiz answers could not be saved (%s); you "
		    "can finish this quiz, but it will not count after you "
		    "quit", cause != NULL ? cause : "unknown error");
	r->warned = true;
	free(cause);
}

static void
show_heading(struct quizrun *r)
{
	const struct quiz *quiz = r->quiz;
	int total = quiz_total_points(quiz);

	put(r, "\n");
	put_heading(r, quiz->title, "");
	say(r, "", "", "%zu question%s, %d point%s. Pass mark %d%%.",
	    quiz->nquestions, quiz->nquestions == 1 ? "" : "s", total,
	    total == 1 ? "" : "s", quiz->pass);
	if (r->view != NULL)
		say(r, "", "", "The questions are drawn for this attempt from a "
		    "pool of %zu, with the choices in a new order; a retake "
		    "draws again.", r->base_size);
	if (quiz->tries > 1)
		say(r, "", "", "You have %d tries at each question (one at "
		    "true/false and two-choice questions); each extra try "
		    "costs %d%% of its points.", quiz->tries,
		    quiz->retry_cost);
	else
		say(r, "", "", "You have one try at each question.");
	if (quiz->keyless)
		say(r, "", "", "This learner edition records your answers and "
		    "grades nothing: your answers go to your provider for "
		    "grading. It has no hints.");
	else if (quiz->hint_cost > 0)
		say(r, "", "", "Each hint costs %d%% of the question's points.",
		    quiz->hint_cost);
	else
		say(r, "", "", "Hints are free.");
	say(r, "", "", "Type help for the quiz commands.");
}

/* Where the question kinds (qkind.h) print. */
static struct qshow
show_to(const struct quizrun *r)
{
	struct qshow s = { &r->o, r->out };

	return s;
}

static void
show_question(struct quizrun *r)
{
	const struct question *qn = current(r);
	struct qshow s = show_to(r);
	char *head;

	head = xasprintf("Question %zu of %zu (%d point%s)", r->cur + 1,
	    r->quiz->nquestions, qn->points, qn->points == 1 ? "" : "s");
	put(r, "\n");
	put_styled(r, "bold", head);
	put(r, "\n");
	free(head);
	say(r, "", "", "%s", qn->prompt);
	qkind_of(qn->kind)->show(&s, qn);
}

/* The right answer, as the learner would type or recognise it. */
static void
show_answer(struct quizrun *r, const struct question *qn, const char *indent)
{
	struct qshow s = show_to(r);

	qkind_of(qn->kind)->show_answer(&s, qn, indent);
}

static void
show_why(struct quizrun *r, const struct question *qn, const char *indent)
{
	char *hang = xasprintf("%s  ", indent);

	if (qn->explain != NULL)
		say(r, indent, hang, "Why: %s", qn->explain);
	free(hang);
}

static void finish_quiz(struct quizrun *r);

/*
 * Save one graded try, or the final answer to the current question,
 * before the learner sees its verdict: what was acknowledged is on disk.
 */
static void
record(struct quizrun *r, enum outcome outcome, const char *answer,
    double points, bool final)
{
	const struct question *qn = current(r);
	struct answer_record a;
	char *cause = NULL;

	if (r->progress == NULL)
		return;
	memset(&a, 0, sizeof a);
	a.question = qn->id;
	a.answer = answer != NULL ? (char *)answer : "";
	a.verdict = (char *)outcome_name(outcome);
	a.points = points;
	a.max = qn->points;
	a.hints = r->hints;
	/* A skip counts as the try the learner gave up on. */
	a.try_no = outcome == OUTCOME_SKIPPED ? r->tries + 1 : r->tries;
	a.final = final;
	a.when = clock_now();
	if (progress_record_answer(r->progress, r->quiz->id, r->cur, &a,
	    &cause) != 0)
		save_failed(r, cause);
	else
		free(cause);
}

/* The current question is closed: score it and save the final answer. */
static void
close_question(struct quizrun *r, enum outcome outcome, const char *answer,
    double fraction)
{
	const struct question *qn = current(r);
	struct result *res = &r->results[r->cur];

	res->outcome = outcome;
	free(res->answer);
	res->answer = answer != NULL ? xstrdup(answer) : NULL;
	res->points = outcome == OUTCOME_SKIPPED ? 0 :
	    grade_points(r->quiz, qn, fraction, r->hints, r->tries);
	res->tries = r->tries;
	res->hints = r->hints;
	record(r, outcome, res->answer, res->points, true);
}

/* After a closed question: explain it (not in a post-test), move on. */
static void
next_question(struct quizrun *r)
{
	const struct question *qn = current(r);
	const struct result *res = &r->results[r->cur];
	char got[32], max[32];

	if (!r->quiz->posttest) {
		if (res->outcome != OUTCOME_CORRECT)
			show_answer(r, qn, "");
		show_why(r, qn, "");
		points_format(got, sizeof got, res->points, POINTS_SHOWN);
		points_format(max, sizeof max, qn->points, POINTS_SHOWN);
		say(r, "", "", "Points: %s of %s.", got, max);
	}

	r->cur++;
	r->tries = 0;
	r->hints = 0;
	if (r->cur < r->quiz->nquestions)
		show_question(r);
	else
		finish_quiz(r);
}

/* Whether a closed question earned less than its points. */
static bool
lost_points(const struct question *qn, const struct result *res)
{
	return res->outcome != OUTCOME_NONE && res->points + 1e-9 < qn->points;
}

/*
 * What cost the points: the score, the tries and hints it took, and for
 * a list or multi answer what it lacked (graded again: the grader is
 * deterministic).  A post-test says how many, naming nothing of the key
 * (its review must not give the answers to one who will sit it again).
 */
static void
show_lost(struct quizrun *r, const struct question *qn,
    const struct result *res)
{
	char got[32], max[32];
	struct grade_result g;
	struct strbuf why = {0};

	points_format(got, sizeof got, res->points, POINTS_SHOWN);
	points_format(max, sizeof max, qn->points, POINTS_SHOWN);
	strbuf_addf(&why, "Points: %s of %s", got, max);
	if (res->outcome == OUTCOME_CORRECT || res->outcome == OUTCOME_PARTIAL) {
		if (res->tries > 1)
			strbuf_addf(&why, "; %d tries", res->tries);
		if (res->hints > 0)
			strbuf_addf(&why, "; %d hint%s", res->hints,
			    res->hints == 1 ? "" : "s");
	}
	say(r, "  ", "    ", "%s.", why.s);
	free(strbuf_take(&why));
	if (res->outcome == OUTCOME_CORRECT ||
	    res->outcome == OUTCOME_SKIPPED || res->answer == NULL)
		return;
	grade_answer(qn, res->answer, strlen(res->answer), &g);
	if (g.missing != NULL && g.missing_key != NULL && !r->quiz->posttest)
		say(r, "  ", "    ", "Missing: %s: %s.", g.missing,
		    g.missing_key);
	else if (g.missing != NULL)
		say(r, "  ", "    ", "Missing: %s.", g.missing);
	grade_result_destroy(&g);
}

/* The learner's latest flag on a verdict of qn in this attempt, or NULL. */
static const struct flag_record *
flagged(const struct quizrun *r, const struct question *qn)
{
	if (r->flags == NULL || r->attempt == NULL)
		return NULL;
	return progress_flag_of(r->flags, r->quiz->id, r->attempt, qn->id, 0);
}

static void
show_flag(struct quizrun *r, const struct flag_record *f)
{
	char *reason = text_escape_controls(f->reason, false);

	/* Not wrapped: render_wrap would read asterisks as emphasis. */
	if (reason[0] != '\0')
		fprintf(r->out, "  You flagged the verdict on try %d (%s): "
		    "%s\n", f->try_no, f->verdict, reason);
	else
		fprintf(r->out, "  You flagged the verdict on try %d (%s).\n",
		    f->try_no, f->verdict);
	free(reason);
}

static void
show_review(struct quizrun *r)
{
	bool any = false;

	for (size_t i = 0; i < r->quiz->nquestions; i++) {
		const struct question *qn = &r->quiz->questions[i];
		const struct result *res = &r->results[i];
		const struct flag_record *fl = flagged(r, qn);
		char *head, *answer;

		if (!lost_points(qn, res) && fl == NULL)
			continue;
		if (!any) {
			put(r, "\n");
			put_styled(r, "bold", "Review:");
			put(r, "\n");
			if (r->quiz->posttest)
				say(r, "", "", "A post-test does not show its "
				    "answers; the pages named below teach them.");
			any = true;
		} else
			put(r, "\n");
		head = xasprintf("Question %zu: ", i + 1);
		say(r, head, "  ", "%s", qn->prompt);
		free(head);
		/* Not wrapped: render_wrap would read asterisks as emphasis. */
		if (res->outcome == OUTCOME_SKIPPED || res->answer == NULL)
			put(r, "  Your answer: (skipped)\n");
		else {
			/* Learner text never reaches the terminal raw (text.h). */
			answer = text_escape_controls(res->answer, false);
			fprintf(r->out, "  Your answer: %s\n", answer);
			free(answer);
		}
		show_lost(r, qn, res);
		if (fl != NULL)
			show_flag(r, fl);
		/* A post-test's answers stay secret: say what to re-read. */
		if (!r->quiz->posttest) {
			show_answer(r, qn, "  ");
			show_why(r, qn, "  ");
		}
		if (qn->taught_lesson != NULL)
			say(r, "  ", "    ", "See lesson %s, page %d.",
			    qn->taught_lesson, qn->taught_page);
	}
}

/*
 * The end of a keyless post-test (a learner edition's): the answers are
 * recorded, and only the provider can grade them.
 */
static void
finish_sent(struct quizrun *r)
{
	char *cause = NULL;

	r->ended = true;
	if (r->progress != NULL) {
		if (progress_record_quiz_sent(r->progress, r->quiz->id,
		    quiz_total_points(r->quiz), &cause) != 0)
			save_failed(r, cause);
		else
			free(cause);
	}
	put(r, "\n");
	put_heading(r, r->quiz->title, ": finished.");
	say(r, "", "", "Your answers are recorded. Your answers go to your "
	    "provider for grading: this learner edition holds no answer key, "
	    "so it shows no score. The provider grades them against the full "
	    "course and issues your certificate.");
}

static void
finish_quiz(struct quizrun *r)
{
	const struct quiz *quiz = r->quiz;
	double earned = 0, total = quiz_total_points(quiz);
	char got[32], max[32];
	int pct;
	bool passed;
	char *cause = NULL;

	if (quiz->keyless) {
		finish_sent(r);
		return;
	}
	for (size_t i = 0; i < quiz->nquestions; i++)
		earned += r->results[i].points;
	pct = grade_whole_percent(earned, total);
	passed = grade_passed(earned, total, quiz->pass);
	r->ended = true;
	if (r->progress != NULL) {
		if (progress_record_quiz_end(r->progress, quiz->id, earned,
		    total, passed, &cause) != 0)
			save_failed(r, cause);
		else
			free(cause);
	}

	points_format(got, sizeof got, earned, POINTS_SHOWN);
	points_format(max, sizeof max, total, POINTS_SHOWN);
	put(r, "\n");
	put_heading(r, quiz->title, ": finished.");
	say(r, "", "", "Score: %s of %s points (%d%%).", got, max, pct);
	put_styled(r, passed ? "green" : "red", passed ? "PASS" : "FAIL");
	fprintf(r->out, " (pass mark %d%%).\n", quiz->pass);
	show_review(r);
	put(r, "\n");
	/* After a post-test the session says what comes next (repl.c). */
	if (!passed && !quiz->posttest)
		say(r, "", "", "Type quiz %s to take it again.", quiz->id);
}

static void
cmd_hint(struct quizrun *r)
{
	const struct question *qn = current(r);
	char *indent;

	if (qn->nhints == 0) {
		say(r, "", "", "This question has no hints.");
		return;
	}
	if ((size_t)r->hints >= qn->nhints) {
		say(r, "", "", "No more hints: you have seen all %zu.",
		    qn->nhints);
		return;
	}
	r->hints++;
	/* Recorded before it is shown: leaving cannot make a hint free. */
	if (r->progress != NULL) {
		char *cause = NULL;

		if (progress_record_hint(r->progress, r->quiz->id, r->cur,
		    qn->id, r->hints, &cause) != 0)
			save_failed(r, cause);
	}
	/* The cost goes after the hint: an indent that long breaks narrow wraps. */
	indent = xasprintf("Hint %d of %zu: ", r->hints, qn->nhints);
	if (r->quiz->hint_cost > 0)
		say(r, indent, "  ", "%s (This hint costs %d%% of the "
		    "question's points.)", qn->hints[r->hints - 1],
		    r->quiz->hint_cost);
	else
		say(r, indent, "  ", "%s", qn->hints[r->hints - 1]);
	free(indent);
}

static void
cmd_skip(struct quizrun *r)
{
	close_question(r, OUTCOME_SKIPPED, NULL, 0);
	put(r, "Skipped.\n");
	next_question(r);
}

static void
cmd_repeat(struct quizrun *r)
{
	show_question(r);
}

static void
cmd_leave(struct quizrun *r)
{
	quizrun_leave(r);
}

static void
cmd_help(struct quizrun *r)
{
	char indent[32];

	put(r, "Quiz commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		snprintf(indent, sizeof indent, "  %-8s", commands[i].name);
		say(r, indent, "          ", "%s", commands[i].help);
	}
	say(r, "", "", "Anything else you type is your answer. Tutor commands "
	    "such as list or progress are commands, never answers; to give "
	    "a command word as your answer, type answer and then it, as in "
	    "answer list.");
}

static void
answer(struct quizrun *r, const char *line, size_t len)
{
	const struct question *qn = current(r);
	struct grade_result g;
	enum outcome outcome;
	bool final;
	int left;

	grade_answer(qn, line, len, &g);
	if (g.verdict == GRADE_UNGRADABLE) {
		say(r, "", "", "%s", g.message != NULL ? g.message :
		    "This answer could not be graded.");
		say(r, "", "", "No try was used: please answer again.");
		if (g.author_warning != NULL)
			fprintf(stderr, "%s\n", g.author_warning);
		grade_result_destroy(&g);
		/* 'flag' now must not name the question before's verdict. */
		flag_clear(&r->last);
		return;
	}
	r->tries++;
	if (r->quiz->keyless) {
		/* Letters and true/false were read; nothing else is judged. */
		close_question(r, OUTCOME_UNGRADED, line, 0);
		put(r, "Answer recorded.\n");
		next_question(r);
		grade_result_destroy(&g);
		return;
	}
	outcome = outcome_of_grade(g.verdict);
	left = tries_at(r->quiz, qn) - r->tries;
	final = outcome == OUTCOME_CORRECT || left <= 0;
	/* On disk first: feedback on screen means the try is saved. */
	if (final)
		close_question(r, outcome, line, g.fraction);
	else
		record(r, outcome, line, 0, false);
	flag_set(&r->last, r->quiz->id, r->attempt, qn->id, r->tries,
	    outcome_name(outcome), line);

	switch (outcome) {
	case OUTCOME_CORRECT:
		put_styled(r, "green", "Correct.");
		break;
	case OUTCOME_PARTIAL:
		put_styled(r, "yellow", "Partly correct.");
		break;
	default:
		put_styled(r, "red", "Not correct.");
		break;
	}
	put(r, "\n");
	/* A post-test says the verdict and nothing that hints at the answer. */
	if (!r->quiz->posttest) {
		if (g.feedback != NULL)
			say(r, "", "", "%s", g.feedback);
		if (g.message != NULL)
			say(r, "", "", "%s", g.message);
	}
	if (g.author_warning != NULL)
		fprintf(stderr, "%s\n", g.author_warning);
	if (!final)
		say(r, "", "", "Try again (%d %s left) or type skip.", left,
		    left == 1 ? "try" : "tries");
	else
		next_question(r);
	grade_result_destroy(&g);
}

/*
 * Whether attempt a was made on this version of the quiz: the same number
 * of questions, and each final answer at the position and id it was given
 * for.  A question renamed, moved or dropped since would otherwise leave
 * its answer unmatched and the question skipped over, counting 0, or
 * credit one question with another's answer.
 */
static bool
attempt_fits(const struct quiz *q, const struct quiz_attempt *a)
{
	if (a->nquestions != q->nquestions)
		return false;
	for (size_t k = 0; k < a->nanswers; k++) {
		const struct answer_record *rec = &a->answers[k];

		if (rec->qindex >= q->nquestions ||
		    strcmp(q->questions[rec->qindex].id, rec->question) != 0)
			return false;
	}
	return true;
}

/* Fill in the questions an earlier sitting of this attempt finished. */
static void
restore(struct quizrun *r, const struct quiz_attempt *a)
{
	for (size_t k = 0; k < a->nanswers; k++) {
		const struct answer_record *rec = &a->answers[k];
		/* After a regrade, the try that now closes the question. */
		const struct answer_record *by = progress_deciding_try(a, rec);
		struct result *res = &r->results[rec->qindex];

		/* A word this version does not know counts as incorrect. */
		if (!outcome_parse(rec->verdict, &res->outcome))
			res->outcome = OUTCOME_INCORRECT;
		free(res->answer);
		res->answer = res->outcome == OUTCOME_SKIPPED ? NULL :
		    xstrdup(by->answer);
		res->points = rec->points;
		res->tries = by->try_no;
		res->hints = by->hints;
	}
	r->cur = a->next < r->quiz->nquestions ? a->next :
	    r->quiz->nquestions;
	if (r->cur == r->quiz->nquestions)
		return;
	/*
	 * Tries at the question to ask that did not close it still count,
	 * so leaving and coming back never buys fresh tries or free hints.
	 */
	for (size_t k = 0; k < a->ntries; k++) {
		const struct answer_record *t = &a->tries[k];

		if (!t->final && t->try_no > r->tries &&
		    strcmp(t->question, current(r)->id) == 0) {
			r->tries = t->try_no;
			r->hints = t->hints;
		}
	}
	/* Hints count from the moment they were shown (hint records). */
	if (progress_hints_shown(a, current(r)->id) > r->hints)
		r->hints = progress_hints_shown(a, current(r)->id);
	/* The quiz file may have changed: leave at least one try. */
	if (r->tries >= tries_at(r->quiz, current(r)))
		r->tries = tries_at(r->quiz, current(r)) - 1;
	if ((size_t)r->hints > current(r)->nhints)
		r->hints = (int)current(r)->nhints;
}

/*
 * The questions attempt a asked: for a drawn attempt, a view of q built
 * from its recorded draw (NULL when that no longer fits q); else q.
 */
static const struct quiz *
attempt_quiz(const struct quiz *q, const struct quiz_attempt *a,
    struct quiz **view)
{
	struct draw d;
	uint64_t seed;

	*view = NULL;
	if (a->draw == NULL)
		return draw_applies(q) ? NULL : q;
	if (!draw_seed_parse(a->seed, &seed) ||
	    draw_parse(q, seed, a->draw, &d) != 0)
		return NULL;
	*view = draw_view(q, &d);
	draw_destroy(&d);
	return *view;
}

const struct quiz *
quizrun_attempt_quiz(const struct quiz *q, const struct quiz_attempt *a,
    struct quiz **view)
{
	const struct quiz *asked = attempt_quiz(q, a, view);

	if (asked != NULL && attempt_fits(asked, a))
		return asked;
	draw_view_free(*view);
	*view = NULL;
	return NULL;
}

bool
quizrun_review(const struct quiz *base, const struct progress *p,
    const struct render_opts *o, FILE *out)
{
	const struct quiz_progress *qp = progress_quiz(p, base->id);
	const struct quiz_attempt *last = NULL;
	const struct quiz *q;
	struct quiz *view;
	struct quizrun r;
	char pct[16];
	bool missed = false;

	for (size_t i = 0; qp != NULL && i < qp->nattempts; i++)
		if (qp->attempts[i].finished != 0)
			last = &qp->attempts[i];
	if (last == NULL)
		return false;
	if (last->ungraded) {
		fprintf(out, "\n%s: your answers are with your provider for "
		    "grading; this learner edition has no key to review them "
		    "by.\n", base->title);
		return true;
	}
	q = quizrun_attempt_quiz(base, last, &view);
	if (q == NULL)
		return false;
	memset(&r, 0, sizeof r);
	r.quiz = q;
	r.o = *o;
	r.out = out;
	r.results = xcalloc(q->nquestions, sizeof *r.results);
	r.flags = p;
	r.attempt = last->id;
	restore(&r, last);
	for (size_t i = 0; i < q->nquestions; i++)
		missed |= lost_points(&q->questions[i], &r.results[i]) ||
		    flagged(&r, &q->questions[i]) != NULL;
	snprintf(pct, sizeof pct, "%d%%", grade_whole_percent(last->score,
	    last->max));
	put(&r, "\n");
	say(&r, "", "", "%s: your last attempt scored %s (%s).", q->title, pct,
	    last->passed ? "passed" : "not passed");
	if (missed)
		show_review(&r);
	else
		say(&r, "", "", "Every question earned all its points: nothing "
		    "to review.");
	for (size_t i = 0; i < q->nquestions; i++)
		free(r.results[i].answer);
	free(r.results);
	draw_view_free(view);
	return true;
}

/*
 * A new attempt of q: for a pool, draw its questions (r->view) and
 * record the draw with the start.  Returns why it was not saved, or NULL.
 */
static char *
start_attempt(struct quizrun *r, const struct quiz *q)
{
	struct progress *p = r->progress;
	char *cause = NULL, *text = NULL, seed[17];
	struct draw d;

	if (draw_applies(q)) {
		draw_make(q, draw_new_seed(), &d);
		r->view = draw_view(q, &d);
		r->quiz = r->view;
		text = draw_format(q, &d);
		draw_seed_format(d.seed, seed);
		draw_destroy(&d);
	}
	if (p != NULL && text != NULL)
		progress_record_quiz_draw(p, q->id, r->quiz->nquestions, seed,
		    text, &cause);
	else if (p != NULL)
		progress_record_quiz_start(p, q->id, q->nquestions, &cause);
	free(text);
	return cause;
}

/*
 * A learner's session never runs --check, so a course with broken rules
 * (say '@accept .*') would grade every answer right.  The quiz's own
 * examples are its proof: if any lands on the wrong side, refuse the
 * sitting and say why, pointing at the first problem.
 */
static bool
quiz_rules_fit(struct quizrun *r, const struct quiz *q)
{
	struct diag d;
	bool fit;

	diag_init(&d);
	fit = check_quiz(q, &d) == 0;
	if (!fit) {
		const char *first = d.msgs[0];

		for (size_t i = d.n; i-- > 0;)
			if (strstr(d.msgs[i], ": error: ") != NULL)
				first = d.msgs[i];
		say(r, "", "", "This quiz cannot be taken: its answer rules fail "
		    "the course checker (%s). Please tell your course provider; "
		    "psoas-tutor --check shows every problem.", first);
	}
	diag_destroy(&d);
	return fit;
}

struct quizrun *
quizrun_start(const struct quiz *q, struct progress *p,
    const struct render_opts *o, FILE *out, bool resume)
{
	struct quizrun *r = xcalloc(1, sizeof *r);
	const struct quiz_attempt *a = NULL;
	const struct quiz *base = q;
	bool changed = false;
	char *cause = NULL, *claim = NULL;

	/* A drawn view shares the whole quiz's compiled patterns. */
	quiz_prepare(base);
	r->quiz = q;
	r->base_size = q->nquestions;
	r->progress = p;
	r->o = *o;
	r->out = out;

	if (p != NULL && resume) {
		a = progress_open_attempt(p, q->id);
		/* Answers to a quiz file that has since changed don't fit. */
		if (a != NULL && (q = quizrun_attempt_quiz(base, a, &r->view))
		    != NULL)
			r->quiz = q;
		else if (a != NULL) {
			r->quiz = q = base;
			a = NULL;
			changed = true;
		}
	}
	if (a == NULL)
		cause = start_attempt(r, base);
	q = r->quiz;
	r->flags = p;
	if (p != NULL && progress_open_attempt(p, base->id) != NULL)
		r->attempt = xstrdup(progress_open_attempt(p, base->id)->id);
	r->results = xcalloc(q->nquestions > 0 ? q->nquestions : 1,
	    sizeof *r->results);
	/* Rules the checker refuses must not grade anyone. */
	if (!quiz_rules_fit(r, base)) {
		free(cause);
		r->ended = true;
		return r;
	}
	/* Two sessions on one attempt could answer a question twice. */
	if (p != NULL && progress_claim_attempt(p, base->id, &claim) != 0) {
		say(r, "", "", "%s.", claim);
		free(claim);
		free(cause);
		r->ended = true;
		return r;
	}
	show_heading(r);
	if (a != NULL) {
		restore(r, a);
		put(r, "\n");
		if (r->cur < q->nquestions) {
			say(r, "", "", "Resuming %s at question %zu of %zu.",
			    q->title, r->cur + 1, q->nquestions);
			if (r->tries > 0)
				say(r, "", "", "You have used %d of your %d "
				    "tries at it.", r->tries, q->tries);
		} else
			say(r, "", "", "Resuming %s: every question is "
			    "answered.", q->title);
	} else {
		if (changed)
			say(r, "", "", "This quiz has changed since your last "
			    "sitting, so it starts again.");
		/* Not saved, the attempt still runs in memory: say so once. */
		if (cause != NULL)
			save_failed(r, cause);
	}
	if (r->cur < q->nquestions) {
		show_question(r);
		/* Hints paid for in an earlier sitting are shown again, free. */
		for (int i = 0; i < r->hints; i++) {
			char *indent = xasprintf("Hint %d of %zu: ", i + 1,
			    current(r)->nhints);

			say(r, indent, "  ", "%s", current(r)->hints[i]);
			free(indent);
		}
	} else
		finish_quiz(r);
	return r;
}

const char *
quizrun_command_name(size_t i)
{
	return i < sizeof commands / sizeof commands[0] ? commands[i].name :
	    NULL;
}

bool
quizrun_input(struct quizrun *r, const char *line)
{
	struct qline q;

	if (r->ended)
		return false;
	qline_read(line, &q);
	if (q.kind == QLINE_EMPTY)
		say(r, "", "", "Type your answer, or help for the quiz "
		    "commands.");
	else if (q.kind == QLINE_WORD) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(commands[i].name, q.word) == 0 &&
			    commands[i].run != NULL)
				commands[i].run(r);
	} else if (q.kind == QLINE_FLAG)
		put_wrapped(r, "", "", flag_verdict_here(r->progress, &r->last,
		    q.answer));
	else
		answer(r, q.answer, strlen(q.answer));
	qline_destroy(&q);
	return !r->ended;
}

void
quizrun_leave(struct quizrun *r)
{
	if (r->ended)
		return;
	r->ended = true;
	put(r, "\n");
	/* After a failed save nothing more is saved: promise nothing. */
	if (r->progress != NULL && !r->warned)
		say(r, "", "", "You left %s at question %zu of %zu. Your "
		    "answers so far are kept: type quiz %s to go on from "
		    "there.", r->quiz->title, r->cur + 1,
		    r->quiz->nquestions, r->quiz->id);
	else
		say(r, "", "", "You left %s at question %zu of %zu.",
		    r->quiz->title, r->cur + 1, r->quiz->nquestions);
}

bool
quizrun_done(const struct quizrun *r)
{
	return r->ended;
}

const char *
quizrun_where(struct quizrun *r)
{
	size_t n = r->quiz->nquestions;

	free(r->where);
	r->where = xasprintf("%s %zu/%zu", r->quiz->id,
	    r->cur < n ? r->cur + 1 : n, n);
	return r->where;
}

const struct quiz *
quizrun_quiz(const struct quizrun *r)
{
	return r->quiz;
}

void
quizrun_free(struct quizrun *r)
{
	if (r == NULL)
		return;
	if (r->progress != NULL)
		progress_release_attempt(r->progress);
	for (size_t i = 0; i < r->quiz->nquestions; i++)
		free(r->results[i].answer);
	free(r->results);
	free(r->where);
	free(r->attempt);
	flag_clear(&r->last);
	draw_view_free(r->view);
	free(r);
}

const struct flag_record *
quizrun_last_verdict(const struct quizrun *r)
{
	return flag_has(&r->last) ? &r->last : NULL;
}
