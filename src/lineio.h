/*
 * Reading the learner's lines: GNU readline on a terminal, bounded lines
 * from a script otherwise.  The session (repl.c) decides what a line
 * means; this module only delivers lines, prompts, completion and the
 * signals that end a session, so both input paths behave the same.
 *
 * Signals: Ctrl-C (SIGINT) at a terminal prompt cancels the line being
 * typed and nothing else, and so does Ctrl-\ (SIGQUIT), which would
 * otherwise end the session with a core dump (from a script it is
 * ignored); SIGTERM and SIGHUP end the session between
 * lines, through the caller's normal exit; SIGWINCH resizes; SIGTSTP
 * (Ctrl-Z) hands the terminal back to the shell until fg.  Handlers only
 * set flags: nothing runs inside them.
 */
#ifndef PSOAS_LINEIO_H
#define PSOAS_LINEIO_H

#include <stdbool.h>

struct lineio {
	void *ctx;			/* passed back to every hook */
	/* One line, without its newline; the hook may modify it. */
	void (*handle)(void *ctx, char *line);
	/* True when the session is over (quit). */
	bool (*finished)(void *ctx);
	/* Terminal only: the prompt to show for the next line (borrowed). */
	const char *(*prompt)(void *ctx);
	/*
	 * Terminal only: the words that may complete the word starting at
	 * byte start of line, as a NULL-terminated array that stays valid
	 * until the next call; NULL for none.
	 */
	const char *const *(*candidates)(void *ctx, const char *line,
	    int start);
	/*
	 * Terminal only, may be NULL: true when the next line is free text
	 * (an answer, a name), where several lines pasted at once are one
	 * line with their breaks read as spaces.  Elsewhere a pasted line
	 * break ends the line, and a line holding breaks (a bracketed paste
	 * accepted with Enter) is refused with a message, not delivered.
	 */
	bool (*joins_lines)(void *ctx);
	/* Terminal only, may be NULL: true to keep the next line out of history. */
	bool (*private_line)(void *ctx);
	/*
	 * Terminal only, may be NULL: true when the next input is one key
	 * (the pager's more-prompt), not a line.  The prompt hook gives what
	 * to print for it; the line is not echoed and no Enter is awaited.
	 */
	bool (*wants_key)(void *ctx);
	/*
	 * The key pressed, as the bytes it sent: "\r", " ", "q", "\033[6~"
	 * (Page Down), "\003" for Ctrl-C.  Ctrl-D is the end of input here
	 * as at a prompt, and is not passed on.
	 */
	void (*key)(void *ctx, const char *key);
	const char *history_path;	/* readline history file, or NULL */
};

/*
 * Read lines from the terminal with readline until end of input, the
 * finished hook says so, or SIGTERM/SIGHUP.  Returns 0, or the number of
 * the signal that ended the session.
 */
int lineio_run_terminal(const struct lineio *io);

/*
 * Read lines from standard input, with no prompt, until end of input,
 * finished, or SIGTERM/SIGHUP.  A line longer than MAX_INPUT_LINE bytes
 * or holding a NUL byte is refused with a message on stdout and not
 * delivered (it costs no memory).  Returns 0 or the ending signal.
 */
int lineio_run_script(const struct lineio *io);

/*
 * True while a Ctrl-C or a signal that ends the session is waiting to be
 * handled: long work inside a hook (grading) asks this to stop early.
 */
bool lineio_stop_pending(void);

#endif
