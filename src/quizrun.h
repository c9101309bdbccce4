/*
 * One sitting of a quiz, as a state machine fed one line at a time, so the
 * REPL (readline on a terminal, or lines from a script) and the tests drive
 * it the same way.  It asks "Question k of N", grades answers, reveals
 * hints, allows retries as the quiz file says, records every graded answer
 * in the learner's progress the moment it is graded, and at the end prints
 * the score, pass or fail, and the missed questions with explanations.
 * A post-test gives only the verdict after each answer, and its review
 * names the lesson page to re-read instead of showing the answer.
 */
#ifndef PSOAS_QUIZRUN_H
#define PSOAS_QUIZRUN_H

#include <stdbool.h>
#include <stdio.h>

#include "progress.h"
#include "quiz.h"
#include "render.h"

struct quizrun;

/*
 * Start a sitting of q, writing to out.  With progress p (may be NULL),
 * an unfinished attempt of q is resumed at its next question when resume
 * is true; otherwise a new attempt is started.  Prints the quiz heading
 * and the first question.  Returns a new quizrun (free with quizrun_free).
 */
struct quizrun *quizrun_start(const struct quiz *q, struct progress *p,
    const struct render_opts *o, FILE *out, bool resume);

/*
 * Handle one line the learner typed: an answer, or one of the quiz
 * commands "hint", "skip", "repeat", "leave" (stop now, resume later),
 * "help", or "answer TEXT" (TEXT is the answer, whatever it says).  Returns true while the sitting goes on, false once it has
 * ended (finished or left).
 */
bool quizrun_input(struct quizrun *r, const char *line);

/*
 * The name of quiz command i ("hint", "skip", ...), or NULL past the
 * last: the one table a sitting dispatches on, for completion and help.
 */
const char *quizrun_command_name(size_t i);

/* Leave the sitting now (Ctrl-D, quit): what is answered stays saved. */
void quizrun_leave(struct quizrun *r);

/*
 * True once the sitting has ended.  quizrun_start can end it at once (a
 * resumed attempt whose questions were all answered is scored there), so
 * the caller checks this before handing it the first line.
 */
bool quizrun_done(const struct quizrun *r);

/* "anatomy-quiz 3/10" for the prompt; borrowed until the next call. */
const char *quizrun_where(struct quizrun *r);

/* The quiz being sat. */
const struct quiz *quizrun_quiz(const struct quizrun *r);

/*
 * Study aid: print the review of q's latest finished attempt in p (the
 * questions missed, with the learner's answer, the right answer and why,
 * or for a post-test only the lesson page to re-read) without starting a
 * sitting.  Returns false when q has no finished attempt to review (or
 * the quiz file has changed since it).
 */
bool quizrun_review(const struct quiz *q, const struct progress *p,
    const struct render_opts *o, FILE *out);

/*
 * The questions attempt a of q asked: q itself or, for a drawn attempt,
 * a view built from its recorded draw (*view, free with draw_view_free;
 * NULL otherwise).  NULL when a does not fit q as it is now: another
 * number of questions, or an answer whose question was renamed, moved or
 * dropped since, so no answer is ever credited to another question.
 */
const struct quiz *quizrun_attempt_quiz(const struct quiz *q,
    const struct quiz_attempt *a, struct quiz **view);

/*
 * The verdict the sitting gave last (flag.h), for 'flag' typed once the
 * sitting has ended; NULL when none.  Borrowed until quizrun_free.
 */
const struct flag_record *quizrun_last_verdict(const struct quizrun *r);

void quizrun_free(struct quizrun *r);

#endif
