/*
 * The learner's session: what each line means.  One command table drives
 * dispatch, `help` and tab completion; lessons are read a page (and, on a
 * terminal, a screen) at a time; a quiz takes over the lines while it
 * runs.  Lines arrive through lineio.c, from readline or a script, and
 * what is printed does not depend on which, so scripted sessions show
 * exactly what a learner sees, minus prompts and colour.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "certify.h"
#include "clock.h"
#include "cursor.h"
#include "defaults.h"
#include "digest.h"
#include "draw.h"
#include "evalrun.h"
#include "flag.h"
#include "gate.h"
#include "grade.h"
#include "idrun.h"
#include "lineio.h"
#include "msg.h"
#include "pager.h"
#include "practice.h"
#include "qline.h"
#include "quizrun.h"
#include "repl.h"
#include "rescore.h"
#include "report.h"
#include "srcfile.h"
#include "srs.h"
#include "study.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"
#include "xmalloc.h"

/*
 * What the pager is showing, kept so that it can be made again at another
 * width: a lesson page (after the lesson's front matter when intro), the
 * end of a lesson, a command's output, or what a quiz or a drill wrote
 * (text: it cannot be written again, so it keeps its width).  The tail
 * holds what was said while it was being paged, as said (unwrapped).
 */
enum view_kind { VIEW_NONE, VIEW_PAGE, VIEW_FINISH, VIEW_COMMAND, VIEW_TEXT };

struct view {
	enum view_kind kind;
	const struct lesson *lesson;
	size_t page;
	bool intro;
	const struct command *cmd;
	char *arg;
	char *text;
	char **tail;
	size_t ntail;
	int width;			/* the width it was laid out at */
};

struct repl {
	const struct course *course;
	struct progress *progress;
	struct render_opts ro;
	bool fixed_width;
	bool interactive;
	FILE *out;

	struct cursor cur;		/* the lesson being read, and where */
	bool paging;			/* long output a screen at a time */
	struct pager more;		/* rest of a text taller than the
					 * screen */
	struct view view;		/* what the pager shows, to lay it
					 * out again after a resize */
	struct pager held;		/* the rest of a lesson page paging
					 * stopped on ('q'), for 'next' */
	struct view held_view;		/* and its view */
	bool capturing;			/* r->out is a view being made */
	/*
	 * When paging, quizzes and drills write here, and what a line made
	 * them write is taken after it and paged like any text.
	 */
	struct {
		FILE *fp;
		char *buf;
		size_t len, taken;
	} run;
	const char *more_note;		/* said at the next more-prompt */
	bool eval_offered;		/* an empty line opens the evaluation */
	bool eval_waits;		/* the evaluation opens once paging
					 * ends */

	/*
	 * The course digest, computed at the first quiz start (reading every
	 * course file) and kept: the course in use is the one loaded at the
	 * start of the session and never changes during it, so reading the
	 * files again could only name files the session is not using.
	 */
	char digest[DIGEST_HEX_LEN + 1];	/* "" until computed */

	struct quizrun *quiz;		/* quiz being sat, or NULL */
	struct practice *drill;		/* practice under way, or NULL */
	struct evalrun *eval;		/* evaluation being answered, or NULL */
	struct idrun *id;		/* identity being asked, or NULL */
	const struct quiz *after_id;	/* post-test to start after it */

	time_t last_activity;
	char *news;			/* a regrade's news, for the greeting */
	struct flag_record flaggable;	/* the last verdict of a quiz or
					 * drill just ended, until the next
					 * command: 'flag' names it */
	bool save_warned;
	bool asking_name;		/* the next line is the learner's name */
	bool quit;
	char *prompt;
	const char **cands;		/* completion candidates (borrowed words) */
	size_t ncands;
	void (*safe_point)(void *arg);	/* repl_config's */
	void *safe_arg;
};

/* A command's needs: when one is missing the command is not run. */
#define NEEDS_PROGRESS	(1u << 0)	/* progress kept in this session */
#define NEEDS_LESSON	(1u << 1)	/* a lesson open */
/*
 * How its output is shown: a screen at a time on a terminal.  It is run
 * again to lay it out at a new width after a resize, so it must change
 * nothing; PAGED_BARE only when given no argument (with one it writes).
 */
#define PAGED		(1u << 2)
#define PAGED_BARE	(1u << 3)

struct command {
	const char *name;
	const char *args;
	const char *summary;
	const char *help;
	void (*run)(struct repl *r, const char *arg);
	enum { COMPLETE_NONE, COMPLETE_LESSON, COMPLETE_QUIZ,
		COMPLETE_COMMAND, COMPLETE_NUMBER, COMPLETE_PRACTICE } complete;
	/*
	 * Runs during a quiz: it shows where the learner stands and never a
	 * question's answer, and leaves the quiz where it is.  The others
	 * are answered "leave the quiz first".
	 */
	bool in_quiz;
	/*
	 * What it needs, checked once before it runs (run_command), and
	 * whether its output is PAGED.
	 */
	unsigned needs;
};

static void cmd_help(struct repl *r, const char *arg);
static const struct command *lookup_command(const char *name, bool aliases);

/* ------------------------------------------------------------ output */

static void
say(struct repl *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Wrap text to the width and print it. */
static void
say_wrapped(struct repl *r, const char *text)
{
	char *w = render_wrap(&r->ro, text, "", "");

	fputs(w, r->out);
	free(w);
}

/* A message as say shows it: each '\n'-ended line wrapped. */
static char *
said_text(struct repl *r, const char *text)
{
	struct strbuf b = {0};
	const char *line = text;

	while (*line != '\0') {
		size_t len = strcspn(line, "\n");
		char *one = xstrndup(line, len), *w;

		if (len == 0) {
			strbuf_add(&b, "\n", 1);
		} else {
			w = render_wrap(&r->ro, one, "", "");
			strbuf_puts(&b, w);
			free(w);
		}
		free(one);
		line += len + (line[len] == '\n');
	}
	return strbuf_take(&b);
}

/* Whether what is said now waits at the end of the text being paged. */
static bool
tailing(const struct repl *r)
{
	return pager_pending(&r->more) && !r->capturing;
}

/* The message as it waits at the end of the text being paged. */
static void
tail_layout(struct repl *r, const char *msg, struct layout *out)
{
	char *w = said_text(r, msg);

	render_text_layout(w, false, out);
	free(w);
}

/*
 * Print a message: each '\n'-ended line of it is wrapped to the width, so
 * no message runs past the edge of a narrow terminal (or --width 20) and
 * gets broken mid-word there.  While a text is being paged the message
 * waits at its end instead of landing in its middle.
 */
static void
say(struct repl *r, const char *fmt, ...)
{
	va_list ap;
	char *text, *w;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	if (tailing(r)) {
		struct layout t = {0};

		tail_layout(r, text, &t);
		pager_append(&r->more, &t);
		r->view.tail = xreallocarray(r->view.tail, r->view.ntail + 1,
		    sizeof *r->view.tail);
		r->view.tail[r->view.ntail++] = text;
		return;
	}
	w = said_text(r, text);
	fputs(w, r->out);
	free(w);
	free(text);
}

static void
warn_unsaved(struct repl *r, char *cause)
{
	if (cause == NULL)
		return;
	if (!r->save_warned) {
		msg_warning("%s", cause);
		msg_warning("progress from now on is kept in memory only "
		    "until you quit");
	}
	r->save_warned = true;
	free(cause);
}

/*
 * The terminal may have been resized since the last line: wrap what comes
 * next to its width now (readline has already followed the SIGWINCH).
 */
static void
follow_resize(struct repl *r)
{
	struct render_opts now;

	if (!r->interactive || r->fixed_width)
		return;
	render_opts_detect(&now, true, r->ro.plain);
	r->ro.width = now.width;
}

/* ------------------------------------------------------------ paging */

static void view_make(struct repl *r, struct layout *out);
static void start_evaluation(struct repl *r);

/* The screen now: rows for text (the more-prompt takes one), columns. */
static void
measure_screen(struct repl *r)
{
	struct winsize ws;

	r->more.rows = DEFAULT_HEIGHT - 1;
	r->more.cols = (size_t)r->ro.width;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
		if (ws.ws_row > 4)
			r->more.rows = ws.ws_row - 1u;
		if (ws.ws_col > 0)
			r->more.cols = ws.ws_col;
	}
}

static void
view_clear(struct repl *r)
{
	free(r->view.arg);
	free(r->view.text);
	for (size_t i = 0; i < r->view.ntail; i++)
		free(r->view.tail[i]);
	free(r->view.tail);
	memset(&r->view, 0, sizeof r->view);
}

static void
drop_more(struct repl *r)
{
	pager_drop(&r->more);
	view_clear(r);
}

/* Start showing a new view of kind (its fields are set next). */
static struct view *
view_start(struct repl *r, enum view_kind kind)
{
	drop_more(r);
	r->view.kind = kind;
	return &r->view;
}

/* Show the view just set: a screen at a time when paging, else whole. */
static void
show_view(struct repl *r)
{
	struct layout t = {0};

	r->view.width = r->ro.width;
	view_make(r, &t);
	if (!r->paging) {
		char *s = layout_join(&t);

		fputs(s, r->out);
		free(s);
		layout_destroy(&t);
		view_clear(r);
		return;
	}
	measure_screen(r);
	if (!pager_show(&r->more, r->out, &t))
		view_clear(r);
}

/*
 * At the more-prompt the terminal may have been resized: what is still
 * to come is made again at the new width (boxes drawn to it), from the
 * same place; what was shown stays as it is.
 */
static void
follow_resize_paged(struct repl *r)
{
	struct layout text = {0}, tail = {0};

	follow_resize(r);
	measure_screen(r);
	if (!pager_pending(&r->more) || r->view.width == r->ro.width)
		return;
	r->view.width = r->ro.width;
	view_make(r, &text);
	for (size_t i = 0; i < r->view.ntail; i++)
		tail_layout(r, r->view.tail[i], &tail);
	pager_relayout(&r->more, &text, &tail);
}

/*
 * The more-prompt: where the reader is and the keys, as much of it as
 * fits on one line of the terminal.
 */
static char *
more_prompt(struct repl *r)
{
	static const char *const forms[] = {
		"-- %s (%d%%) -- Enter: more, b: back, q: stop",
		"-- %s (%d%%) -- Enter, b, q",
		"-- %s (%d%%) --",
	};
	const char *what = r->more_note != NULL ? r->more_note : "more";
	char *line = NULL, *styled, *prompt;

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		free(line);
		line = xasprintf(forms[i], what, pager_percent(&r->more));
		if (strlen(line) < r->more.cols)
			break;
	}
	styled = render_style(&r->ro, "dim", line);
	prompt = xasprintf("%s%s", render_erase_line(), styled);
	free(styled);
	free(line);
	return prompt;
}

/* Where a quiz, drill, evaluation or identity run starting now writes. */
static FILE *
run_out(struct repl *r)
{
	if (!r->paging)
		return r->out;
	if (r->run.fp == NULL)
		r->run.fp = open_memstream(&r->run.buf, &r->run.len);
	return r->run.fp != NULL ? r->run.fp : r->out;
}

/*
 * Show what the quiz, drill, evaluation or identity questions wrote since
 * the last call: paged, or whole when the session is ending (no key will
 * come).  Once none runs, the stream is closed, so its memory lasts one
 * of them.
 */
static void
show_run_output(struct repl *r, bool whole)
{
	char *text;

	if (r->run.fp == NULL)
		return;
	fflush(r->run.fp);
	if (r->run.len > r->run.taken) {
		text = xstrndup(r->run.buf + r->run.taken,
		    r->run.len - r->run.taken);
		r->run.taken = r->run.len;
		if (whole) {
			fputs(text, r->out);
			free(text);
		} else {
			view_start(r, VIEW_TEXT)->text = text;
			show_view(r);
		}
	}
	if (r->quiz == NULL && r->drill == NULL && r->eval == NULL &&
	    r->id == NULL) {
		fclose(r->run.fp);
		free(r->run.buf);
		memset(&r->run, 0, sizeof r->run);
	}
}

/* Forget the rest of a page paging stopped on. */
static void
drop_held(struct repl *r)
{
	struct view v = r->view;

	pager_drop(&r->held);
	r->view = r->held_view;
	view_clear(r);
	r->view = v;
}

/*
 * Stop paging ('q'): on a lesson page the rest is kept, so that 'next'
 * (or Enter) shows it before the next page, as the welcome lesson says.
 */
static void
stop_paging(struct repl *r)
{
	if (r->view.kind != VIEW_PAGE ||
	    !pager_hold(&r->more, r->out, &r->held)) {
		pager_stop(&r->more, r->out);
		return;
	}
	/* The tail was shown: only the page is laid out again. */
	for (size_t i = 0; i < r->view.ntail; i++)
		free(r->view.tail[i]);
	free(r->view.tail);
	r->view.tail = NULL;
	r->view.ntail = 0;
	r->held_view = r->view;
	memset(&r->view, 0, sizeof r->view);
}

/*
 * 'next' after paging stopped on the page still open: the rest of it,
 * laid out at the width now, from where it stopped.  Returns false (the
 * rest dropped if the learner has moved on) when there is none.
 */
static bool
resume_held(struct repl *r)
{
	if (!pager_pending(&r->held))
		return false;
	if (r->held_view.lesson != r->cur.lesson || r->cur.finished ||
	    r->held_view.page != r->cur.page) {
		drop_held(r);
		return false;
	}
	drop_more(r);
	r->more = r->held;
	r->view = r->held_view;
	memset(&r->held, 0, sizeof r->held);
	memset(&r->held_view, 0, sizeof r->held_view);
	follow_resize_paged(r);
	if (!pager_more(&r->more, r->out))
		view_clear(r);
	return true;
}

/* A key at the more-prompt (pager.h says which does what). */
static void
more_key(struct repl *r, const char *key)
{
	enum pager_action a = pager_key(key);

	fputs(render_erase_line(), r->out);
	r->more_note = NULL;
	follow_resize_paged(r);
	if (a == PAGER_MORE)
		pager_more(&r->more, r->out);
	else if (a == PAGER_BACK && !pager_back(&r->more, r->out))
		r->more_note = "first screen";
	else if (a == PAGER_STOP)
		stop_paging(r);
	if (!pager_pending(&r->more)) {
		view_clear(r);
		if (r->eval_waits) {
			r->eval_waits = false;
			start_evaluation(r);
		}
	}
}

/* ------------------------------------------------------ time on task */

/*
 * Count the time since the last command toward the lesson being read, and
 * record it at once.  A gap longer than PROGRESS_IDLE_LIMIT is a learner
 * who walked away: it is not time on task and is not counted at all, so
 * the record an auditor reads never overstates study time.
 */
static void
note_activity(struct repl *r)
{
	time_t now = clock_now();
	char *cause = NULL;

	if (r->cur.lesson != NULL && r->last_activity != 0 &&
	    now > r->last_activity && r->progress != NULL) {
		long gap = (long)(now - r->last_activity);

		/* On a page, the time is that page's reading time too. */
		bool reading = r->quiz == NULL && r->eval == NULL &&
		    r->id == NULL && !r->cur.finished;

		if (gap <= PROGRESS_IDLE_LIMIT && (reading ?
		    progress_record_reading(r->progress, r->cur.lesson->id,
		    (int)r->cur.page + 1, gap, &cause) :
		    progress_record_time(r->progress, r->cur.lesson->id, gap,
		    &cause)) != 0)
			warn_unsaved(r, cause);
	}
	r->last_activity = now;
}

/* ----------------------------------------------------------- lessons */

/*
 * Show the current page, after intro (the lesson's front matter, or NULL)
 * so that both are paged together and the top of a page never scrolls
 * away unseen.
 */
static void
show_page_after(struct repl *r, bool intro)
{
	struct view *v;
	char *cause = NULL;

	drop_held(r);
	if (r->progress != NULL &&
	    progress_record_page(r->progress, r->cur.lesson->id,
	    (int)r->cur.page + 1, (int)r->cur.lesson->npages, &cause) != 0)
		warn_unsaved(r, cause);
	v = view_start(r, VIEW_PAGE);
	v->lesson = r->cur.lesson;
	v->page = r->cur.page;
	v->intro = intro;
	show_view(r);
}

/* The page as the view shows it: a blank line, front matter, the page. */
static void
make_page(struct repl *r, struct layout *out)
{
	layout_begin(out, false);
	layout_push(out, xstrdup(""), 0);
	if (r->view.intro) {
		char *intro = render_lesson_intro(&r->ro, r->view.lesson);

		render_text_layout(intro, false, out);
		free(intro);
		layout_begin(out, false);
		layout_push(out, xstrdup(""), 0);
	}
	render_page_layout(&r->ro, r->view.lesson, r->view.page, out);
}

static void
show_page(struct repl *r)
{
	show_page_after(r, false);
}

/* Show the lesson just opened: its front matter, then its page. */
static void
show_opened(struct repl *r, bool intro)
{
	show_page_after(r, intro);
}

static void
open_lesson_at(struct repl *r, const struct lesson *l, size_t page,
    bool intro)
{
	cursor_open(&r->cur, l, page);
	show_opened(r, intro);
}

/* Append msg (taken over) to b, wrapped to the width. */
static void
strbuf_take_wrapped(struct repl *r, struct strbuf *b, char *msg)
{
	char *w = render_wrap(&r->ro, msg, "", "");

	strbuf_puts(b, w);
	free(w);
	free(msg);
}

/*
 * The end of a lesson with pages not on screen long enough to have been
 * read: the lesson is not done, and the learner is told which pages.
 */
static void
not_yet_read(struct repl *r)
{
	struct strbuf pages = {0};
	size_t n = gate_unread_pages(r->progress, r->cur.lesson, &pages);

	say(r, "\nThis is the end of \"%s\", but it is not done yet: "
	    "page%s %s %s not been on screen long enough to have been read. "
	    "A page counts once it has been shown for at least half the time "
	    "its words take at %d words a minute. Type 'page N' to go back "
	    "and read %s.\n", r->cur.lesson->title, n == 1 ? "" : "s", pages.s,
	    n == 1 ? "has" : "have", WORDS_PER_MINUTE, n == 1 ? "it" : "them");
	strbuf_destroy(&pages);
}

static void
finish_lesson(struct repl *r)
{
	char *cause = NULL;

	if (r->progress != NULL && gate_ce(r->course) &&
	    gate_unread_pages(r->progress, r->cur.lesson, NULL) > 0) {
		not_yet_read(r);
		return;
	}
	if (r->progress != NULL &&
	    progress_record_lesson_done(r->progress, r->cur.lesson->id,
	    &cause) != 0)
		warn_unsaved(r, cause);
	view_start(r, VIEW_FINISH)->lesson = r->cur.lesson;
	show_view(r);
}

/* The end of a lesson: one text, so a long source list pages with it. */
static void
make_finish(struct repl *r, struct layout *out)
{
	const struct lesson *l = r->view.lesson;
	const struct quiz *q = course_quiz_for_lesson(r->course, l->id);
	struct strbuf text = {0};
	char *msg, *sources;

	strbuf_puts(&text, "\n");
	msg = xasprintf("You have finished \"%s\".", l->title);
	strbuf_take_wrapped(r, &text, msg);
	strbuf_puts(&text, "\n");
	sources = render_lesson_sources(&r->ro, l);
	strbuf_puts(&text, sources);
	free(sources);
	strbuf_puts(&text, "\n");
	msg = q != NULL ? xasprintf("Type 'quiz' to take %s, or 'next' for "
	    "the next lesson.", q->id) : xstrdup("Type 'next' for the next "
	    "lesson, or 'list' to choose.");
	strbuf_take_wrapped(r, &text, msg);
	msg = strbuf_take(&text);
	render_text_layout(msg, false, out);
	free(msg);
}

static void
cmd_next(struct repl *r, const char *arg)
{
	(void)arg;
	if (resume_held(r))
		return;
	switch (cursor_next(&r->cur)) {
	case CURSOR_NO_LESSON: {
		const struct resume_point rp = r->progress ?
		    progress_resume(r->progress) : (struct resume_point){0};

		if (rp.kind == RESUME_NONE && r->course->nlessons > 0) {
			open_lesson_at(r, r->course->lessons[0], 0, true);
			return;
		}
		say(r, "No lesson is open. Type 'continue' to pick up where you "
		    "stopped, or 'open ID'.\n");
		break;
	}
	case CURSOR_OPENED:
		show_opened(r, true);
		break;
	case CURSOR_LAST_LESSON:
		say(r, "That was the last lesson. Type 'list' to see the "
		    "quizzes and the post-test.\n");
		break;
	case CURSOR_FINISHED:
		finish_lesson(r);
		break;
	default:
		show_page(r);
		break;
	}
}

static void
cmd_back(struct repl *r, const char *arg)
{
	(void)arg;
	switch (cursor_back(&r->cur)) {
	case CURSOR_FIRST_PAGE:
		say(r, "This is the first page.\n");
		break;
	default:
		show_page(r);
		break;
	}
}

static void
cmd_page(struct repl *r, const char *arg)
{
	switch (cursor_page(&r->cur, arg)) {
	case CURSOR_BAD_PAGE:
		say(r, "Give a page number from 1 to %zu.\n",
		    r->cur.lesson->npages);
		break;
	default:
		show_page(r);
		break;
	}
}

/* "There is no lesson 'anatomyy'. Did you mean 'anatomy'?" */
static void
no_such_lesson(struct repl *r, const char *arg)
{
	const char **ids = xcalloc(r->course->nlessons + 1, sizeof *ids);
	const char *near;

	for (size_t i = 0; i < r->course->nlessons; i++)
		ids[i] = r->course->lessons[i]->id;
	near = srcfile_nearest(arg, ids, r->course->nlessons);
	if (near != NULL)
		say(r, "There is no lesson '%s'. Did you mean '%s'?\n", arg,
		    near);
	else
		say(r, "There is no lesson '%s'. Type 'list' to see the "
		    "lessons.\n", arg);
	free(ids);
}

static void
cmd_open(struct repl *r, const char *arg)
{
	const struct lesson *l;
	const struct lesson_progress *lp;

	if (*arg == '\0') {
		say(r, "Which lesson? Type 'open ID' or 'open NUMBER'; 'list' "
		    "shows them.\n");
		return;
	}
	l = course_find_lesson(r->course, arg, NULL);
	if (l == NULL) {
		const struct quiz *q = course_find_quiz(r->course, arg, NULL);

		if (q != NULL)
			say(r, "'%s' is a quiz: type 'quiz %s'.\n", arg, q->id);
		else
			no_such_lesson(r, arg);
		return;
	}
	open_lesson_at(r, l, 0, true);
	lp = r->progress ? progress_lesson(r->progress, l->id) : NULL;
	if (lp != NULL && lp->max_page > 1 && !lp->done)
		say(r, "(You had reached page %d; type 'page %d' to go there.)\n",
		    lp->max_page, lp->max_page);
}

static const char *
lesson_status(struct repl *r, const struct lesson *l, char *buf, size_t size)
{
	return progress_lesson_status(r->progress ?
	    progress_lesson(r->progress, l->id) : NULL, l->npages, buf, size);
}

static const char *
quiz_status(struct repl *r, const struct quiz *q, char *buf, size_t size)
{
	const struct quiz_progress *qp =
	    r->progress ? progress_quiz(r->progress, q->id) : NULL;
	const struct quiz_attempt *open =
	    r->progress ? progress_open_attempt(r->progress, q->id) : NULL;

	if (open != NULL)
		snprintf(buf, size, "at question %zu/%zu",
		    open->next + 1, open->nquestions);
	else if (qp != NULL && qp->awaiting && !qp->passed)
		snprintf(buf, size, "answers sent, awaiting the provider");
	else if (qp == NULL || qp->best_pct < 0)
		snprintf(buf, size, "not taken");
	else
		snprintf(buf, size, "best %d%%, %s",
		    grade_whole_percent(qp->best_pct, 100),
		    qp->passed ? "passed" : "not passed");
	return buf;
}

/* One entry of 'list': number, id and title, then details beneath. */
static void
list_entry(struct repl *r, size_t number, const char *id, const char *title,
    const char *details)
{
	char *head = xasprintf("%s - %s", id, title);
	char *num = xasprintf("%3zu. ", number);
	char *w = render_wrap(&r->ro, head, num, "     ");

	fputs(w, r->out);
	free(w);
	w = render_wrap(&r->ro, details, "     ", "     ");
	fputs(w, r->out);
	free(w);
	free(num);
	free(head);
}

static void
cmd_list(struct repl *r, const char *arg)
{
	char status[80], *details;

	(void)arg;
	say(r, "Lessons:\n");
	for (size_t i = 0; i < r->course->nlessons; i++) {
		const struct lesson *l = r->course->lessons[i];

		details = xasprintf("%d min, %zu pages: %s", l->minutes, l->npages,
		    lesson_status(r, l, status, sizeof status));
		list_entry(r, i + 1, l->id, l->title, details);
		free(details);
	}
	if (r->course->nquizzes > 0)
		say(r, "Quizzes:\n");
	for (size_t i = 0; i < r->course->nquizzes; i++) {
		const struct quiz *q = r->course->quizzes[i];

		details = xasprintf("%s%zu questions, pass mark %d%%: %s",
		    q->posttest ? "post-test, " : "", draw_size(q), q->pass,
		    quiz_status(r, q, status, sizeof status));
		list_entry(r, i + 1, q->id, q->title, details);
		free(details);
	}
	say(r, "Type 'open ID' to read a lesson, 'quiz ID' to take a quiz.\n");
}

static void
cmd_sources(struct repl *r, const char *arg)
{
	const struct lesson *l = r->cur.lesson;
	char *text;

	if (*arg != '\0') {
		l = course_find_lesson(r->course, arg, NULL);
		if (l == NULL) {
			no_such_lesson(r, arg);
			return;
		}
	}
	if (l == NULL) {
		say(r, "Which lesson? Type 'sources ID'.\n");
		return;
	}
	text = render_lesson_sources(&r->ro, l);
	fputs(text, r->out);
	free(text);
}

/* ----------------------------------------------------------- quizzes */

/*
 * Record which course this is (its digest, digest.h) before an attempt
 * starts, so a provider can tell the attempt came from its course.  A
 * failure to save shows with the attempt's own record, just after; a
 * failure to compute is tried again at the next start.
 */
static void
note_course(struct repl *r)
{
	char *cause = NULL;

	if (r->progress == NULL)
		return;
	if (r->digest[0] == '\0' &&
	    course_digest_in_use(r->course, r->digest) != 0)
		r->digest[0] = '\0';
	if (r->digest[0] != '\0')
		progress_record_course(r->progress, r->digest, &cause);
	free(cause);
}

static void
start_quiz(struct repl *r, const struct quiz *q)
{
	drop_more(r);
	/* A sitting already started passed the gate when it began. */
	if (r->progress != NULL && gate_is_posttest(r->course, q) &&
	    progress_open_attempt(r->progress, q->id) == NULL) {
		struct strbuf why = {0};

		if (!gate_posttest_open(r->course, r->progress, q, clock_now(),
		    &why)) {
			say(r, "%s", why.s);
			strbuf_destroy(&why);
			return;
		}
		strbuf_destroy(&why);
		if (gate_ce(r->course) && !idrun_complete(r->progress)) {
			r->id = idrun_start(r->progress, false, &r->ro,
			    run_out(r));
			r->after_id = q;
			show_run_output(r, false);
			return;
		}
	}
	note_course(r);
	r->quiz = quizrun_start(q, r->progress, &r->ro, run_out(r), true);
	if (quizrun_done(r->quiz)) {
		quizrun_free(r->quiz);
		r->quiz = NULL;
	}
	show_run_output(r, false);
}

static void
cmd_quiz(struct repl *r, const char *arg)
{
	const struct quiz *q = NULL;

	if (*arg != '\0') {
		q = course_find_quiz(r->course, arg, NULL);
		if (q == NULL) {
			const struct lesson *l =
			    course_find_lesson(r->course, arg, NULL);

			if (l != NULL)
				q = course_quiz_for_lesson(r->course, l->id);
		}
		if (q == NULL) {
			say(r, "There is no quiz '%s'. Type 'list' to see the "
			    "quizzes.\n", arg);
			return;
		}
	} else if (r->cur.lesson != NULL) {
		q = course_quiz_for_lesson(r->course, r->cur.lesson->id);
		if (q == NULL) {
			say(r, "This lesson has no quiz. Type 'list' to see the "
			    "quizzes.\n");
			return;
		}
	} else {
		say(r, "Which quiz? Type 'quiz ID'; 'list' shows them.\n");
		return;
	}
	start_quiz(r, q);
}

static void
cmd_continue(struct repl *r, const char *arg)
{
	struct resume_point rp;

	(void)arg;
	if (r->progress == NULL) {
		say(r, "Nothing to continue.\n");
		return;
	}
	rp = progress_resume(r->progress);
	if (rp.kind == RESUME_LESSON) {
		const struct lesson *l =
		    course_lesson_by_id(r->course, rp.id, NULL);

		if (l != NULL) {
			open_lesson_at(r, l, (size_t)(rp.page > 0 ? rp.page - 1 : 0),
			    false);
			return;
		}
	} else if (rp.kind == RESUME_QUIZ) {
		const struct quiz *q = course_quiz_by_id(r->course, rp.id, NULL);

		if (q != NULL) {
			start_quiz(r, q);
			return;
		}
	}
	say(r, "Nothing to continue yet. Type 'next' to start the first "
	    "lesson, or 'list'.\n");
}

/*
 * Study aid: the questions missed in the latest finished attempt of one
 * quiz, or of every quiz taken, with the right answers and why.
 */
static void
cmd_review(struct repl *r, const char *arg)
{
	bool any = false;

	if (*arg != '\0') {
		const struct quiz *q = course_find_quiz(r->course, arg, NULL);

		if (q == NULL) {
			say(r, "There is no quiz '%s'. Type 'list' to see the "
			    "quizzes.\n", arg);
			return;
		}
		if (!quizrun_review(q, r->progress, &r->ro, r->out))
			say(r, "You have not finished %s yet: type 'quiz %s'.\n",
			    q->id, q->id);
		return;
	}
	for (size_t i = 0; i < r->course->nquizzes; i++)
		any |= quizrun_review(r->course->quizzes[i], r->progress, &r->ro,
		    r->out);
	if (!any)
		say(r, "Nothing to review yet: finish a quiz first ('list' shows "
		    "them).\n");
}

/* ---------------------------------------------------------- practice */

static void
end_drill(struct repl *r)
{
	practice_free(r->drill);
	r->drill = NULL;
}

/* "practice [QUIZ | missed | due]": drill until right (practice.h). */
static void
cmd_practice(struct repl *r, const char *arg)
{
	struct srs_deck deck;
	struct srs_item *items = NULL;
	size_t n = 0;
	char *what = NULL, *why = NULL;

	srs_deck_build(&deck, r->course, r->progress);
	if (study_pick(&deck, r->course, arg, clock_now(), &items, &n, &what,
	    &why) != 0) {
		say(r, "%s\n", why);
	} else {
		drop_more(r);
		r->drill = practice_start(items, n, what, r->progress, &r->ro,
		    run_out(r));
		show_run_output(r, false);
	}
	free(items);
	free(what);
	free(why);
	srs_deck_destroy(&deck);
}

static void
cmd_due(struct repl *r, const char *arg)
{
	char *text;

	(void)arg;
	text = study_due(&r->ro, r->course, r->progress, clock_now());
	fputs(text, r->out);
	free(text);
}

static void
cmd_stats(struct repl *r, const char *arg)
{
	struct render_opts o = r->ro;
	char *text;

	if (strcmp(arg, "--plain") == 0)
		o.plain = true;
	else if (*arg != '\0') {
		say(r, "Type 'stats', or 'stats --plain' for plain numbers.\n");
		return;
	}
	text = study_stats(&o, r->course, r->progress, clock_now());
	fputs(text, r->out);
	free(text);
}

/* ----------------------------------------------------------- reports */

static void
cmd_progress(struct repl *r, const char *arg)
{
	(void)arg;
	report_progress(r->out, r->course, r->progress, &r->ro);
}

/*
 * The completion to evaluate: the first recorded; in a learner edition,
 * where only the provider completes the course, the first post-test
 * attempt sent to the provider (its id); or NULL.
 */
static const char *
completion_number(struct repl *r)
{
	size_t n = 0;
	const struct completion *c = r->progress != NULL ?
	    progress_completions(r->progress, &n) : NULL;
	const struct manifest *m = r->course->manifest;
	const struct quiz_progress *qp;

	if (n > 0)
		return completion_get(&c[0], "number");
	if (r->progress == NULL || m == NULL || !m->learner_edition ||
	    (qp = progress_quiz(r->progress, m->posttest)) == NULL)
		return NULL;
	for (size_t i = 0; i < qp->nattempts; i++)
		if (qp->attempts[i].ungraded)
			return qp->attempts[i].id;
	return NULL;
}

static void
start_evaluation(struct repl *r)
{
	const char *number = completion_number(r);

	if (number == NULL) {
		say(r, "The course evaluation opens once you have completed the "
		    "course.\n");
		return;
	}
	/*
	 * Completing the course ends a line whose output may still be paged
	 * (a quiz's score, "You have completed the course"): the evaluation
	 * waits until that text is done with, instead of dropping it.
	 */
	if (tailing(r)) {
		r->eval_waits = true;
		return;
	}
	drop_more(r);
	r->eval = evalrun_start(r->course->manifest, r->progress, number,
	    &r->ro, run_out(r));
	show_run_output(r, false);
}

/*
 * The evaluation that follows completing the course.  On a terminal that
 * pages, the learner first reads the end of what the line said (the
 * score, the review, the completion) in peace: the evaluation opens at
 * Enter, not at once below it, where its questions would push the score
 * off the screen.
 */
static void
offer_evaluation(struct repl *r)
{
	if (!r->paging || completion_number(r) == NULL) {
		start_evaluation(r);
		return;
	}
	say(r, "Press Enter to begin the course evaluation, or type "
	    "'evaluate' later.\n");
	r->eval_offered = true;
}

static void
cmd_evaluate(struct repl *r, const char *arg)
{
	(void)arg;
	start_evaluation(r);
}

/*
 * After every line: the moment the course becomes complete, record the
 * completion (certify.h), tell the learner, and ask the evaluation.
 */
static void
note_completion(struct repl *r)
{
	const char *number = NULL;
	char *cause = NULL;
	int rc;

	if (r->progress == NULL || r->quiz != NULL || r->eval != NULL ||
	    r->id != NULL || r->drill != NULL)
		return;
	rc = certify_record(r->progress, r->course, &number, &cause);
	if (rc == 0)
		return;
	if (rc < 0)
		warn_unsaved(r, cause);
	say(r, "You have completed the course. Certificate %s is recorded: "
	    "type 'certificate' to see it, or 'certificate FILE.pdf' to save "
	    "it as a PDF.\n", number != NULL ? number : "");
	if (r->course->manifest != NULL && r->course->manifest->nevals > 0)
		offer_evaluation(r);
}

/*
 * A message whose lines after the first are the items of a list (two
 * spaces before each): every line wrapped, the items kept indented.
 */
static void
say_list(struct repl *r, const char *text)
{
	char *copy = xstrdup(text), *line = copy, *nl;

	for (; line != NULL; line = nl != NULL ? nl + 1 : NULL) {
		char *w;

		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		w = strncmp(line, "  ", 2) == 0 ?
		    render_wrap(&r->ro, line + 2, "  ", "    ") :
		    render_wrap(&r->ro, line, "", "");
		fputs(w, r->out);
		free(w);
	}
	free(copy);
}

/* "certificate" shows it; "certificate FILE" saves it as a PDF. */
static void
cmd_certificate(struct repl *r, const char *arg)
{
	char *cause = NULL;

	/* What is still to do is for the learner: on screen, wrapped. */
	if (certify_print(r->out, *arg != '\0' ? arg : NULL, r->ro.width,
	    r->course, r->progress, &cause) != 0 && cause != NULL)
		say_list(r, cause);
	free(cause);
}

static void
cmd_name(struct repl *r, const char *arg)
{
	char *cause = NULL;
	const char *full, *why;

	if (*arg == '\0') {
		full = progress_full_name(r->progress);
		if (full != NULL)
			say(r, "Your name on the certificate: %s\n", full);
		else
			say(r, "No name recorded yet. Type 'name YOUR FULL NAME'.\n");
		return;
	}
	if ((why = progress_full_name_problem(arg)) != NULL) {
		say(r, "That name cannot be used: %s.\n", why);
		return;
	}
	if (progress_record_name(r->progress, arg, &cause) != 0)
		warn_unsaved(r, cause);
	say(r, "Your name on the certificate: %s\n", arg);
}

static void
cmd_identity(struct repl *r, const char *arg)
{
	char when[40];
	time_t t;

	(void)arg;
	if ((t = progress_identity_time(r->progress)) != 0) {
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		say(r, "On record since %s: %s, licence %s (%s).\n", when,
		    progress_full_name(r->progress),
		    progress_licence(r->progress),
		    progress_licence_state(r->progress));
	}
	r->id = idrun_start(r->progress, true, &r->ro, run_out(r));
	r->after_id = NULL;
	show_run_output(r, false);
}

/* Leaving: whether progress is saved.  Only what is true: a failed save
 * was already reported. */
static void
say_goodbye(struct repl *r)
{
	if (r->progress != NULL && progress_is_durable(r->progress))
		say(r, "Your progress is saved. Goodbye.\n");
	else if (r->progress != NULL)
		say(r, "Goodbye. Progress after the warning above was not "
		    "saved.\n");
}

static void
cmd_quit(struct repl *r, const char *arg)
{
	(void)arg;
	r->quit = true;
	say_goodbye(r);
}

/* "flag [REASON]" right after a quiz or drill ends on a verdict. */
static void
cmd_flag(struct repl *r, const char *arg)
{
	char *msg = flag_verdict(r->progress, &r->flaggable, arg);

	say_wrapped(r, msg);
	free(msg);
}

static const struct command commands[] = {
	{"help", "[COMMAND]", "list the commands, or explain one",
	    "Without a command, lists every command. With one, explains it.",
	    cmd_help, COMPLETE_COMMAND, true, PAGED},
	{"list", "", "lessons and quizzes, with your status",
	    "Lists the lessons in course order with their estimated minutes "
	    "and how far you got, then the quizzes with your best score.",
	    cmd_list, COMPLETE_NONE, true, PAGED},
	{"open", "ID|NUMBER", "start reading a lesson",
	    "Opens a lesson at its first page, by id (see 'list') or by its "
	    "number in the list. Tab completes lesson ids.",
	    cmd_open, COMPLETE_LESSON, false, 0},
	{"next", "", "next page (Enter does the same)",
	    "Shows the next page. After the last page the lesson is marked "
	    "done; 'next' again opens the next lesson. A text taller than the "
	    "screen stops at a more-prompt: Enter or space shows more, 'b' "
	    "the screen before, 'q' stops; after 'q' on a page, 'next' shows "
	    "the rest of it first.", cmd_next, COMPLETE_NONE, false,
	    0},
	{"back", "", "previous page",
	    "Goes back one page in the lesson you are reading.",
	    cmd_back, COMPLETE_NONE, false, NEEDS_LESSON},
	{"page", "N", "go to page N of the lesson",
	    "Jumps to a page of the lesson you are reading.",
	    cmd_page, COMPLETE_NUMBER, false, NEEDS_LESSON},
	{"continue", "", "pick up where you stopped",
	    "Returns to the last lesson page you read, or to the question you "
	    "were on in an unfinished quiz, even from an earlier session.",
	    cmd_continue, COMPLETE_NONE, false, 0},
	{"quiz", "[ID]", "take a quiz (default: this lesson's)",
	    "Starts a quiz, or resumes it at the question you left. Without "
	    "an id, takes the quiz of the lesson you are reading. Once a quiz "
	    "is finished, 'quiz ID' again retakes it. In a quiz, type your "
	    "answer, or 'hint' for a hint (it costs points), 'skip', 'repeat' "
	    "to see the question again, or 'leave' to stop and resume later.",
	    cmd_quiz, COMPLETE_QUIZ, false, 0},
	{"review", "[QUIZ]", "the questions you missed, and why",
	    "Shows, for one quiz or for every quiz you have finished, the "
	    "questions you missed in your latest attempt: your answer, the "
	    "right answer and the explanation (for the post-test, the lesson "
	    "page to re-read). Nothing is graded or recorded.",
	    cmd_review, COMPLETE_QUIZ, false, NEEDS_PROGRESS | PAGED},
	{"practice", "[QUIZ|missed|due]", "drill questions until right",
	    "Asks questions of the practice quizzes (those of one quiz, the "
	    "ones you missed or those due for review; without a word, the due "
	    "ones, else the missed ones) and brings back each one you miss "
	    "until you answer it right. Every try schedules the question's "
	    "next review; practice never changes a quiz score or your "
	    "certificate.", cmd_practice, COMPLETE_PRACTICE, false,
	    NEEDS_PROGRESS},
	{"due", "", "questions due for review today",
	    "Lists the practice questions whose review is due today, by "
	    "quiz, and when the next ones fall due. 'practice due' drills "
	    "them.", cmd_due, COMPLETE_NONE, true, NEEDS_PROGRESS | PAGED},
	{"stats", "[--plain]", "accuracy, days studied, time, what is due",
	    "Shows your accuracy per topic and per lesson week by week as bar "
	    "charts, the days you studied as a calendar strip, your time on "
	    "task and what is due. With --plain, the same as plain numbers.",
	    cmd_stats, COMPLETE_NONE, true, NEEDS_PROGRESS | PAGED},
	{"sources", "[ID]", "the sources a lesson cites",
	    "Lists the published sources of the lesson you are reading, or of "
	    "the lesson ID.", cmd_sources, COMPLETE_LESSON, false, PAGED},
	{"flag", "[REASON]", "the verdict just given is wrong",
	    "Right after an answer is graded in a quiz or in practice (also "
	    "once the quiz has ended on it), flags the verdict for your "
	    "instructor, with your reason if you give one. No try is used "
	    "and no score changes; 'review' shows your flag.",
	    cmd_flag, COMPLETE_NONE, false, 0},
	{"progress", "", "your progress report",
	    "Shows each lesson (not started, page k of n, done) with time "
	    "spent, each quiz with best score and attempts, and overall "
	    "completion.", cmd_progress, COMPLETE_NONE, true,
	    NEEDS_PROGRESS | PAGED},
	{"certificate", "[FILE.pdf]", "your certificate of completion",
	    "Shows your certificate once you have completed the course: every "
	    "lesson read and the post-test passed. With a file name, saves it "
	    "as a PDF there instead.",
	    cmd_certificate, COMPLETE_NONE, false,
	    NEEDS_PROGRESS | PAGED_BARE},
	{"evaluate", "", "the course evaluation for your provider",
	    "Asks the course evaluation questions you have not answered yet "
	    "(once you have completed the course): statements to rate from 1 "
	    "to 5 and a comment. 'skip' passes a question, 'leave' stops.",
	    cmd_evaluate, COMPLETE_NONE, false, 0},
	{"name", "[FULL NAME]", "the name on your certificate",
	    "Shows or sets your full name as it will appear on your "
	    "certificate.", cmd_name, COMPLETE_NONE, true,
	    NEEDS_PROGRESS},
	{"identity", "", "your legal name and licence, for CE",
	    "Shows the legal name, licence number and state on record for a "
	    "CE certificate, and asks for them again to change them. Every "
	    "change is kept with its date; a certificate shows what was on "
	    "record when it was issued.", cmd_identity, COMPLETE_NONE, false,
	    NEEDS_PROGRESS},
	{"quit", "", "leave (your progress is saved)",
	    "Leaves the tutor. Everything is already saved; Ctrl-D does the "
	    "same.", cmd_quit, COMPLETE_NONE, false, 0},
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

static void
cmd_help(struct repl *r, const char *arg)
{
	struct strbuf b = {0};
	const char *word;
	char *words, *hang;
	size_t widest = 0;
	bool below;

	if (*arg != '\0') {
		for (size_t i = 0; i < ncommands; i++)
			if (&commands[i] == lookup_command(arg, false)) {
				char *usage = xasprintf("%s%s%s", commands[i].name,
				    commands[i].args[0] ? " " : "", commands[i].args);

				say(r, "%s\n", usage);
				free(usage);
				say_wrapped(r, commands[i].help);
				return;
			}
		say(r, "There is no command '%s'. Type 'help' for the list.\n",
		    arg);
		return;
	}
	/* The quiz's own commands, from its table, but its 'help'. */
	for (size_t i = 0; (word = quizrun_command_name(i)) != NULL; i++)
		if (strcmp(word, "help") != 0) {
			if (b.len > 0)
				strbuf_puts(&b, ", ");
			strbuf_puts(&b, word);
		}
	words = strbuf_take(&b);
	say(r, "Commands:\n");
	for (size_t i = 0; i < ncommands; i++) {
		size_t n = strlen(commands[i].name) + strlen(commands[i].args) +
		    1;

		if (n > widest)
			widest = n;
	}
	/*
	 * The summaries start in one column, after the widest usage; on a
	 * terminal too narrow to leave HELP_MIN_SUMMARY columns for them,
	 * each goes on the line below its usage instead.
	 */
	below = (size_t)r->ro.width < widest + 3 + HELP_MIN_SUMMARY;
	hang = xasprintf("%*s", below ? 6 : (int)widest + 3, "");
	for (size_t i = 0; i < ncommands; i++) {
		char *usage = xasprintf("%s%s%s", commands[i].name,
		    commands[i].args[0] ? " " : "", commands[i].args);
		char *column = below ? xstrdup(hang) :
		    xasprintf("  %-*s ", (int)widest, usage);
		char *w = render_wrap(&r->ro, commands[i].summary, column,
		    hang);

		if (below)
			fprintf(r->out, "  %s\n", usage);
		fputs(w, r->out);
		free(w);
		free(column);
		free(usage);
	}
	free(hang);
	say(r, "Enter on its own shows the next page. During a quiz, type "
	    "your answer, or %s.\n"
	    "Type 'help COMMAND' for more about one command.\n", words);
	free(words);
}


static const char *const command_aliases[][2] = {
	{"exit", "quit"}, {"n", "next"}, {"b", "back"}, {"ls", "list"},
	{"?", "help"}, {"resume", "continue"}, {"q", "quit"},
};

/* ---------------------------------------------------------- dispatch */

static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	return s;
}

/*
 * The command named name, aliases too when aliases.  One rule for every
 * command word, at the prompt and in a quiz: any case ("LIST", caps
 * lock on, is 'list').
 */
static const struct command *
lookup_command(const char *name, bool aliases)
{
	for (size_t i = 0; aliases &&
	    i < sizeof command_aliases / sizeof command_aliases[0]; i++)
		if (strcasecmp(name, command_aliases[i][0]) == 0)
			name = command_aliases[i][1];
	for (size_t i = 0; i < ncommands; i++)
		if (strcasecmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static const struct command *
find_command(const char *name)
{
	return lookup_command(name, true);
}

/* "quit" or "exit", which end the session from anywhere. */
static bool
is_quit(const char *line)
{
	const struct command *cmd = find_command(line);

	return cmd != NULL && cmd->run == cmd_quit && strlen(line) > 1;
}

static void
suggest(struct repl *r, const char *word)
{
	const char *names[sizeof commands / sizeof commands[0]];
	const char *near;

	char lower[32];
	size_t n = strlen(word);

	for (size_t i = 0; i < ncommands; i++)
		names[i] = commands[i].name;
	/* "LIST" (caps lock on) is as near to 'list' as "list" is. */
	if (n >= sizeof lower)
		n = sizeof lower - 1;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char)tolower((unsigned char)word[i]);
	lower[n] = '\0';
	near = srcfile_nearest(lower, names, ncommands);
	if (near != NULL)
		say(r, "Unknown command '%s'. Did you mean '%s'?\n", word, near);
	else
		say(r, "Unknown command '%s'. Type 'help' for the commands.\n",
		    word);
}

/* Whether cmd's output, given arg, is a view the pager shows. */
static bool
is_paged(const struct repl *r, const struct command *cmd, const char *arg)
{
	return r->paging && ((cmd->needs & PAGED) ||
	    ((cmd->needs & PAGED_BARE) && *arg == '\0'));
}

/* Run cmd once what it needs is there; say what is missing otherwise. */
static void
run_command(struct repl *r, const struct command *cmd, const char *arg)
{
	struct view *v;

	if ((cmd->needs & NEEDS_PROGRESS) && r->progress == NULL)
		say(r, "No progress is being kept in this session.\n");
	else if ((cmd->needs & NEEDS_LESSON) && r->cur.lesson == NULL)
		say(r, "No lesson is open. Type 'open ID' first.\n");
	else if (!is_paged(r, cmd, arg))
		cmd->run(r, arg);
	else {
		v = view_start(r, VIEW_COMMAND);
		v->cmd = cmd;
		v->arg = xstrdup(arg);
		show_view(r);
	}
}

/*
 * Run run(r, arg) with what it prints caught in *text (the caller frees
 * it; NULL when the stream failed).  Returns false when no stream could
 * be had: then it ran printing to the screen, whole, not paged.
 */
static bool
catch_output(struct repl *r, void (*run)(struct repl *, const char *),
    const char *arg, char **text)
{
	size_t len = 0;
	FILE *screen = r->out, *mem;

	*text = NULL;
	if ((mem = open_memstream(text, &len)) == NULL) {
		run(r, arg);
		return false;
	}
	r->out = mem;
	r->capturing = true;
	run(r, arg);
	r->capturing = false;
	r->out = screen;
	if (fclose(mem) != 0) {
		free(*text);
		*text = NULL;
	}
	return true;
}

/* A command's output, caught as it prints, laid out for the pager. */
static void
make_command(struct repl *r, struct layout *out)
{
	char *buf;

	if (catch_output(r, r->view.cmd->run, r->view.arg, &buf) &&
	    buf != NULL)
		render_text_layout(buf, true, out);
	free(buf);
}

/* Text written once (a quiz's): each paragraph kept whole if it fits. */
static void
make_text(struct repl *r, struct layout *out)
{
	render_text_layout(r->view.text, true, out);
}

static void
view_make(struct repl *r, struct layout *out)
{
	static void (*const makers[])(struct repl *, struct layout *) = {
		[VIEW_PAGE] = make_page,
		[VIEW_FINISH] = make_finish,
		[VIEW_COMMAND] = make_command,
		[VIEW_TEXT] = make_text,
	};

	if (r->view.kind != VIEW_NONE)
		makers[r->view.kind](r, out);
}

static void greet(struct repl *r);

/*
 * Whether arg is what cmd takes, so that "open anatomy" or "help review"
 * typed in a quiz is a command, while an answer that merely starts with
 * a command word ("back muscles", "open chain") is still an answer.
 */
static bool
arg_fits(struct repl *r, const struct command *cmd, const char *arg)
{
	char *end;

	if (*arg == '\0')
		return true;
	switch (cmd->complete) {
	case COMPLETE_LESSON:
		return course_find_lesson(r->course, arg, NULL) != NULL;
	case COMPLETE_QUIZ:
		return course_find_quiz(r->course, arg, NULL) != NULL ||
		    course_find_lesson(r->course, arg, NULL) != NULL;
	case COMPLETE_COMMAND:
		return find_command(arg) != NULL;
	case COMPLETE_NUMBER:
		return strtol(arg, &end, 10) > 0 && *end == '\0';
	case COMPLETE_PRACTICE:
		return strcmp(arg, "missed") == 0 || strcmp(arg, "due") == 0 ||
		    course_find_quiz(r->course, arg, NULL) != NULL;
	default:
		return false;
	}
}

/*
 * In a quiz, a line that is a tutor command (in any case, aliases
 * aside: a single letter is an answer) is never graded or recorded as an
 * answer: it runs, when it leaves the quiz where it is, or the learner
 * is told to leave the quiz first.  The quiz's own words (hint, skip,
 * repeat, leave, help alone, answer TEXT) go to the quiz.  Returns true
 * when the line was taken here.
 */
/*
 * The command line is (aliases aside: a single letter is an answer, or a
 * name's initial) and where its argument starts, or NULL: "open anatomy"
 * is one, "open chain" or "back muscles" are not.
 */
static const struct command *
command_line(struct repl *r, const char *line, const char **argp)
{
	char word[16];
	size_t n = strcspn(line, " \t");
	const char *arg = line + n;
	const struct command *cmd;

	if (n == 0 || n >= sizeof word)
		return NULL;
	memcpy(word, line, n);
	word[n] = '\0';
	while (*arg == ' ' || *arg == '\t')
		arg++;
	cmd = lookup_command(word, false);
	if (cmd == NULL || !arg_fits(r, cmd, arg))
		return NULL;
	*argp = arg;
	return cmd;
}

static bool
quiz_runs_command(struct repl *r, char *line)
{
	const char *arg;
	const struct command *cmd;

	if (qline_is_own(line) || (cmd = command_line(r, line, &arg)) == NULL)
		return false;
	if (!cmd->in_quiz) {
		say(r, "That is a command: type 'leave' to leave the %s first "
		    "(your answers are kept). To give '%s' as your answer, type "
		    "'answer %s'.\n", r->quiz != NULL ? "quiz" : "practice",
		    line, line);
		return true;
	}
	run_command(r, cmd, arg);
	say(r, "Back to %s: type your answer, or 'repeat' to see the question "
	    "again.\n", r->quiz != NULL ? quizrun_where(r->quiz) :
	    practice_where(r->drill));
	return true;
}

/*
 * A new learner on a terminal is asked for the name that goes on the
 * certificate before anything else.  It is asked at the prompt, so Ctrl-C
 * and Ctrl-D behave there as everywhere else.
 */
static void
ask_name(struct repl *r)
{
	say_wrapped(r, "Welcome! Please type your full name as it should appear "
	    "on your certificate (or just press Enter to skip; 'name' sets it "
	    "later).");
	r->asking_name = true;
}

static void
take_name(struct repl *r, const char *name)
{
	char *cause = NULL;
	const char *why;

	const char *arg;

	if (is_quit(name)) {
		r->quit = true;
		return;
	}
	/* "open anatomy" typed before reading the question is no name. */
	if (command_line(r, name, &arg) != NULL) {
		say(r, "'%s' is a tutor command, not a name. Please type your "
		    "full name, or press Enter to skip and then type the "
		    "command.\n", name);
		return;
	}
	if ((why = progress_full_name_problem(name)) != NULL) {
		say(r, "That name cannot be used: %s. Please type it again, or "
		    "press Enter to skip.\n", why);
		return;
	}
	r->asking_name = false;
	if (*name != '\0' &&
	    progress_record_name(r->progress, name, &cause) != 0)
		warn_unsaved(r, cause);
	greet(r);
}

/* After an attempt at the post-test: attempts left, the next opening. */
static void
after_posttest(struct repl *r, const struct quiz *q)
{
	struct strbuf out = {0};

	const struct quiz_progress *qp;

	if (r->progress == NULL || q == NULL || !gate_is_posttest(r->course, q))
		return;
	qp = progress_quiz(r->progress, q->id);
	/*
	 * Once passed, the course is complete (note_completion says so next)
	 * unless lessons are left; failed, the gate says when the next
	 * attempt opens, and a course without rules that it is open now.
	 */
	if (qp != NULL && qp->passed && !q->keyless) {
		if (gate_lessons_left(r->course, r->progress) > 0)
			say(r, "You passed the post-test. Once every lesson is "
			    "read to its end, your certificate of completion is "
			    "ready: type 'list' to see which are left.\n");
	} else if (!q->keyless && !gate_ce(r->course)) {
		say(r, "Type 'quiz %s' to take it again.\n", q->id);
	}
	gate_posttest_after(r->course, r->progress, q, clock_now(), &out);
	if (out.s != NULL)
		say(r, "%s", out.s);
	strbuf_destroy(&out);
	/* A learner edition's course ends here: the provider completes it. */
	if (q->keyless && r->course->manifest->nevals > 0)
		offer_evaluation(r);
}

/* The verdict a quiz or drill ended on, for 'flag' (f may be NULL). */
static void
keep_flaggable(struct repl *r, const struct flag_record *f)
{
	flag_clear(&r->flaggable);
	if (f != NULL)
		flag_set(&r->flaggable, f->quiz, f->attempt, f->question,
		    f->try_no, f->verdict, f->answer);
}

static void
handle_line(struct repl *r, char *raw)
{
	char *line = trim(raw), *arg;
	const struct command *cmd;
	bool offered = r->eval_offered;

	clock_tick();
	note_activity(r);
	follow_resize(r);
	r->eval_offered = false;
	if (r->asking_name) {
		take_name(r, line);
		return;
	}
	if (r->quiz != NULL) {
		if (is_quit(line)) {
			quizrun_leave(r->quiz);
			quizrun_free(r->quiz);
			r->quiz = NULL;
			show_run_output(r, true);
			r->quit = true;
			return;
		}
		if (quiz_runs_command(r, line))
			return;
		if (!quizrun_input(r->quiz, line)) {
			/* A drawn sitting's quiz is the sitting's own copy. */
			const struct quiz *q = course_quiz_by_id(r->course,
			    quizrun_quiz(r->quiz)->id, NULL);

			keep_flaggable(r, quizrun_last_verdict(r->quiz));
			quizrun_free(r->quiz);
			r->quiz = NULL;
			show_run_output(r, false);
			after_posttest(r, q);
		} else {
			show_run_output(r, false);
		}
		note_completion(r);
		return;
	}
	if (r->id != NULL) {
		if (is_quit(line)) {
			idrun_free(r->id);
			r->id = NULL;
			r->quit = true;
			return;
		}
		if (!idrun_input(r->id, line)) {
			const struct quiz *q = r->after_id;

			idrun_free(r->id);
			r->id = NULL;
			r->after_id = NULL;
			/*
			 * The quiz's start is shown with the last answer's
			 * (the stream stays open), or after a refusal.
			 */
			if (q != NULL && idrun_complete(r->progress))
				start_quiz(r, q);
		}
		show_run_output(r, false);
		return;
	}
	if (r->drill != NULL) {
		if (is_quit(line)) {
			practice_leave(r->drill);
			end_drill(r);
			show_run_output(r, true);
			r->quit = true;
			return;
		}
		if (quiz_runs_command(r, line))
			return;
		if (!practice_input(r->drill, line)) {
			keep_flaggable(r, practice_last_verdict(r->drill));
			end_drill(r);
		}
		show_run_output(r, false);
		return;
	}
	if (r->eval != NULL) {
		if (is_quit(line)) {
			evalrun_free(r->eval);
			r->eval = NULL;
			r->quit = true;
			return;
		}
		if (!evalrun_input(r->eval, line)) {
			evalrun_free(r->eval);
			r->eval = NULL;
		}
		show_run_output(r, false);
		return;
	}
	if (*line == '\0') {
		if (offered)
			start_evaluation(r);
		else
			cmd_next(r, "");
		return;
	}
	arg = line + strcspn(line, " \t");
	if (*arg != '\0')
		*arg++ = '\0';
	arg = trim(arg);
	cmd = find_command(line);
	if (cmd == NULL) {
		suggest(r, line);
		return;
	}
	run_command(r, cmd, arg);
	/* 'flag' names the verdict just given, not one from long ago. */
	if (cmd->run != cmd_flag)
		flag_clear(&r->flaggable);
	note_completion(r);
}

/* At start-up: how many questions are due for review today. */
static void
say_due(struct repl *r)
{
	size_t n;

	if (r->progress == NULL)
		return;
	n = srs_count_due_in(r->course, r->progress, clock_now());
	if (n > 0)
		say(r, "%zu question%s due for review today: type 'practice' "
		    "to drill %s, or 'due' to see which.\n", n,
		    n == 1 ? " is" : "s are", n == 1 ? "it" : "them");
}

/* The first lesson after l (in course order, then from the start) not done. */
static const struct lesson *
next_unfinished(struct repl *r, const struct lesson *l)
{
	size_t at = 0, n = r->course->nlessons;

	course_lesson_by_id(r->course, l->id, &at);
	for (size_t k = 1; k < n; k++) {
		const struct lesson *c = r->course->lessons[(at + k) % n];
		const struct lesson_progress *lp =
		    progress_lesson(r->progress, c->id);

		if (lp == NULL || !lp->done)
			return c;
	}
	return NULL;
}

/* The greeting once the course is completed: what is left is said. */
static void
greet_completed(struct repl *r, const char *full)
{
	const char *number = completion_number(r);

	say(r, "Welcome back%s%s. You have completed the course: type "
	    "'certificate' to see your certificate, 'practice' to keep your "
	    "knowledge fresh.\n", full ? ", " : "", full ? full : "");
	if (evalrun_left(r->course->manifest, r->progress, number) > 0)
		say(r, "The course evaluation is not finished: type 'evaluate' "
		    "to finish it.\n");
}

static void
greet_text(struct repl *r)
{
	struct resume_point rp = {0};
	const char *full = NULL;
	size_t ncompleted = 0;

	say(r, "psoas-tutor: %s\n", COURSE_TITLE);
	say(r, "Education, not medical advice: massage therapists recognise "
	    "and refer; they do not diagnose.\n");
	if (r->progress != NULL) {
		rp = progress_resume(r->progress);
		full = progress_full_name(r->progress);
	}
	if (r->progress != NULL)
		progress_completions(r->progress, &ncompleted);
	/* Completed: said first, unless a quiz is waiting half-done. */
	if (ncompleted > 0 && !(rp.kind == RESUME_QUIZ &&
	    progress_open_attempt(r->progress, rp.id) != NULL)) {
		greet_completed(r, full);
	} else if (rp.kind == RESUME_LESSON) {
		const struct lesson *l =
		    course_lesson_by_id(r->course, rp.id, NULL);

		const struct lesson_progress *lp = l != NULL ?
		    progress_lesson(r->progress, l->id) : NULL;
		const struct lesson *after = l != NULL && lp != NULL &&
		    lp->done ? next_unfinished(r, l) : NULL;

		/* A lesson read to its end is not one to continue. */
		if (after != NULL)
			say(r, "Welcome back%s%s. You have finished \"%s\". "
			    "Type 'open %s' for \"%s\", or 'list'.\n",
			    full ? ", " : "", full ? full : "", l->title,
			    after->id, after->title);
		else if (l != NULL && lp != NULL && lp->done)
			say(r, "Welcome back%s%s. Every lesson is read; type "
			    "'list' for the quizzes and the post-test.\n",
			    full ? ", " : "", full ? full : "");
		else if (l != NULL)
			say(r, "Welcome back%s%s. You stopped at page %d of "
			    "\"%s\". Type 'continue' to pick up there.\n",
			    full ? ", " : "", full ? full : "", rp.page, l->title);
	} else if (rp.kind == RESUME_QUIZ) {
		const struct quiz *q = course_quiz_by_id(r->course, rp.id, NULL);
		const struct quiz_attempt *a =
		    progress_open_attempt(r->progress, rp.id);

		if (q != NULL && a != NULL)
			say(r, "Welcome back%s%s. You were on question %zu of %zu "
			    "in \"%s\". Type 'continue' to resume it.\n",
			    full ? ", " : "", full ? full : "", rp.question + 1,
			    a->nquestions, q->title);
	} else {
		say(r, "Type 'next' (or press Enter) to start, 'list' for the "
		    "lessons, 'help' for commands.\n");
	}
	/* A regrade since the last session (rescore.h): said once. */
	if (r->news != NULL)
		say(r, "%s\n", r->news);
	free(r->news);
	r->news = NULL;
	say_due(r);
}

/*
 * The greeting, paged like any long output: on a small terminal its
 * lines (a regrade's news, what is due) must not scroll away unread.  It
 * is said once (the news is dropped when said), so it is caught as text
 * rather than made again after a resize.
 */
static void
greet_run(struct repl *r, const char *arg)
{
	(void)arg;
	greet_text(r);
}

static void
greet(struct repl *r)
{
	char *text;

	if (!r->paging || tailing(r)) {
		greet_text(r);
		return;
	}
	if (catch_output(r, greet_run, "", &text) && text != NULL) {
		view_start(r, VIEW_TEXT)->text = text;
		show_view(r);
	} else {
		free(text);
	}
}

/* ------------------------------------------------------ input hooks */

static void
update_prompt(struct repl *r)
{
	free(r->prompt);
	if (pager_pending(&r->more)) {
		/* Drawn again after a resize: measured, and laid out, anew. */
		follow_resize_paged(r);
		r->prompt = more_prompt(r);
	}
	else if (r->asking_name)
		r->prompt = xstrdup("Full name: ");
	else if (r->quiz != NULL)
		r->prompt = xasprintf("[%s] answer> ", quizrun_where(r->quiz));
	else if (r->drill != NULL)
		r->prompt = xasprintf("[%s] answer> ", practice_where(r->drill));
	else if (r->eval != NULL)
		r->prompt = xasprintf("[%s] > ", evalrun_where(r->eval));
	else if (r->id != NULL)
		r->prompt = xasprintf("[%s] > ", idrun_where(r->id));
	else if (r->cur.lesson != NULL && !r->cur.finished)
		r->prompt = xasprintf("[%s %zu/%zu] > ", r->cur.lesson->id,
		    r->cur.page + 1, r->cur.lesson->npages);
	else if (r->cur.lesson != NULL)
		r->prompt = xasprintf("[%s done] > ", r->cur.lesson->id);
	else
		r->prompt = xstrdup("psoas-tutor> ");
}

static void
hook_handle(void *ctx, char *line)
{
	struct repl *r = ctx;

	handle_line(r, line);
	if (r->safe_point != NULL)
		r->safe_point(r->safe_arg);
}

/*
 * Output that cannot be written (a reader that went away, a full disk)
 * ends the session too: nobody sees it, so going on would only grade and
 * record what no one read, and endless input would never stop.  The exit
 * status comes from main's check of stdout.
 */
static bool
hook_finished(void *ctx)
{
	struct repl *r = ctx;

	return r->quit || ferror(r->out);
}

static const char *
hook_prompt(void *ctx)
{
	struct repl *r = ctx;

	update_prompt(r);
	return r->prompt;
}

static bool
hook_wants_key(void *ctx)
{
	return pager_pending(&((struct repl *)ctx)->more);
}

static void
hook_key(void *ctx, const char *key)
{
	struct repl *r = ctx;

	clock_tick();
	note_activity(r);
	more_key(r, key);
}

/* Every prompt but the command prompt takes free text: answers, names. */
static bool
hook_joins_lines(void *ctx)
{
	struct repl *r = ctx;

	return !pager_pending(&r->more) && (r->asking_name ||
	    r->quiz != NULL || r->drill != NULL || r->eval != NULL ||
	    r->id != NULL);
}

static bool
hook_private_line(void *ctx)
{
	return ((struct repl *)ctx)->asking_name;
}

static void
add_candidate(struct repl *r, const char *word)
{
	r->cands = xreallocarray(r->cands, r->ncands + 2, sizeof *r->cands);
	r->cands[r->ncands++] = word;
	r->cands[r->ncands] = NULL;
}

/* Tab completion: commands first, then what the command takes. */
static const char *const *
hook_candidates(void *ctx, const char *line, int start)
{
	struct repl *r = ctx;
	const char *word;
	int what = COMPLETE_COMMAND;

	r->ncands = 0;
	if (r->asking_name)
		return NULL;
	if (r->quiz != NULL || r->drill != NULL) {
		if (start != 0)
			return NULL;
		for (size_t i = 0; (word = quizrun_command_name(i)) != NULL; i++)
			add_candidate(r, word);
		add_candidate(r, "quit");
		return r->cands;
	}
	if (start != 0) {
		char word[32];
		size_t n = strcspn(line, " \t");
		const struct command *cmd;

		if (n >= sizeof word)
			return NULL;
		memcpy(word, line, n);
		word[n] = '\0';
		cmd = find_command(word);
		if (cmd == NULL || cmd->complete == COMPLETE_NONE)
			return NULL;
		what = (int)cmd->complete;
	}
	if (what == COMPLETE_COMMAND)
		for (size_t i = 0; i < ncommands; i++)
			add_candidate(r, commands[i].name);
	else if (what == COMPLETE_LESSON)
		for (size_t i = 0; i < r->course->nlessons; i++)
			add_candidate(r, r->course->lessons[i]->id);
	else if (what == COMPLETE_QUIZ || what == COMPLETE_PRACTICE)
		for (size_t i = 0; i < r->course->nquizzes; i++)
			add_candidate(r, r->course->quizzes[i]->id);
	if (what == COMPLETE_PRACTICE) {
		add_candidate(r, "missed");
		add_candidate(r, "due");
	}
	return r->ncands > 0 ? r->cands : NULL;
}

int
repl_run(const struct repl_config *cfg)
{
	struct repl r;
	struct lineio io = {
		.ctx = &r,
		.handle = hook_handle,
		.finished = hook_finished,
		.prompt = hook_prompt,
		.candidates = hook_candidates,
		.joins_lines = hook_joins_lines,
		.private_line = hook_private_line,
		.wants_key = hook_wants_key,
		.key = hook_key,
		.history_path = cfg->history_path,
	};
	int sig;
	unsigned long records = 0;

	memset(&r, 0, sizeof r);
	r.course = cfg->course;
	cursor_init(&r.cur, cfg->course);
	r.progress = cfg->progress;
	r.ro = cfg->render;
	r.fixed_width = cfg->fixed_width;
	r.interactive = cfg->interactive;
	/* Paged on a terminal only; never on a pipe, never in plain mode. */
	r.paging = cfg->interactive && isatty(STDOUT_FILENO) && !r.ro.plain;
	r.out = stdout;
	r.last_activity = clock_now();
	/* Before any record of this session ends the news. */
	if (r.progress != NULL)
		r.news = rescore_news(r.course, r.progress);
	r.safe_point = cfg->safe_point;
	r.safe_arg = cfg->safe_arg;
	if (clock_injected() && r.progress != NULL) {
		char *cause = NULL;

		if (progress_record_clock(r.progress, getenv(CLOCK_ENV),
		    &cause) != 0)
			warn_unsaved(&r, cause);
	}

	if (r.progress != NULL)
		records = progress_records(r.progress);
	if (r.interactive && r.progress != NULL &&
	    progress_full_name(r.progress) == NULL)
		ask_name(&r);
	else
		greet(&r);
	/* A completion whose record was lost (or older than the record). */
	note_completion(&r);
	sig = r.interactive ? lineio_run_terminal(&io) : lineio_run_script(&io);

	if (r.quiz != NULL) {
		quizrun_leave(r.quiz);
		quizrun_free(r.quiz);
		r.quiz = NULL;
	}
	if (r.drill != NULL) {
		practice_leave(r.drill);
		end_drill(&r);
	}
	evalrun_free(r.eval);
	r.eval = NULL;
	idrun_free(r.id);
	r.id = NULL;
	show_run_output(&r, true);
	note_activity(&r);
	drop_more(&r);
	drop_held(&r);
	/*
	 * Ctrl-D (end of input) on a terminal is a way out as 'quit' is, and
	 * says the same, once something was recorded; a closed terminal has
	 * no one to tell, and a script's end is no leaving.
	 */
	if (r.interactive && !r.quit && sig == 0 && r.progress != NULL &&
	    progress_records(r.progress) > records) {
		fputs("\n", r.out);
		say_goodbye(&r);
	}
	free(r.prompt);
	free(r.news);
	flag_clear(&r.flaggable);
	free(r.cands);
	fflush(stdout);
	return sig != 0 ? 128 + sig : 0;
}
