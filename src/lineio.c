/*
 * Line input for the session.  On a terminal we use readline's callback
 * interface and wait in pselect() with our signals blocked except while
 * waiting, so a signal can only arrive between keystrokes and is handled
 * as a flag: Ctrl-C clears the line as a shell does, SIGTERM and SIGHUP
 * end the session through the caller's normal exit.  From a script we
 * read bounded lines ourselves, so no input, however long or strange,
 * can exhaust memory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "defaults.h"
#include "lineio.h"
#include "msg.h"
#include "ownfile.h"
#include "xmalloc.h"

/* got_sigint: SIGINT or SIGQUIT, whichever came last, or 0. */
static volatile sig_atomic_t got_sigint, got_sigwinch, got_sigtstp;
static volatile sig_atomic_t got_exit_signal;

static void
on_signal(int sig)
{
	if (sig == SIGINT || sig == SIGQUIT)
		got_sigint = sig;
	else if (sig == SIGWINCH)
		got_sigwinch = 1;
	else if (sig == SIGTSTP)
		got_sigtstp = 1;
	else
		got_exit_signal = sig;
}

/*
 * On a terminal our signals are blocked while a line is handled, so a
 * Ctrl-C or SIGTERM during a slow grading waits, pending, until the
 * handler returns: ask the kernel too, so grading stops between two
 * matches (grade.h) and the signal is taken as soon as it returns.
 */
bool
lineio_stop_pending(void)
{
	static struct timespec asked;
	struct timespec now;
	sigset_t pending;

	if (got_sigint || got_exit_signal != 0)
		return true;
	/* Grading asks before every match: one system call a few ms is plenty. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - asked.tv_sec) * 1000L +
	    (now.tv_nsec - asked.tv_nsec) / 1000000L < STOP_ASK_MS)
		return false;
	asked = now;
	if (sigpending(&pending) != 0)
		return false;
	return sigismember(&pending, SIGINT) == 1 ||
	    sigismember(&pending, SIGQUIT) == 1 ||
	    sigismember(&pending, SIGTERM) == 1 ||
	    sigismember(&pending, SIGHUP) == 1;
}

/* No SA_RESTART: a signal must interrupt a blocking read or wait. */
static void
catch_signals(const int *sigs, size_t n, sigset_t *set)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(set);
	for (size_t i = 0; i < n; i++) {
		sigaction(sigs[i], &sa, NULL);
		sigaddset(set, sigs[i]);
	}
}

/* ------------------------------------------------ terminal (readline) */

/* Readline's hooks take no context pointer: the one session in progress. */
static const struct lineio *active;
static const char *const *matches;
static char *pending_line;
static bool pending_eof;

/* Readline's generator protocol: state 0 restarts the walk. */
static char *
complete_generator(const char *text, int state)
{
	static size_t i;
	size_t len = strlen(text);

	if (state == 0)
		i = 0;
	for (; matches != NULL && matches[i] != NULL; i++)
		if (strncmp(matches[i], text, len) == 0)
			return xstrdup(matches[i++]);
	return NULL;
}

static char **
complete(const char *text, int start, int end)
{
	(void)end;
	/* Never fall back to completing file names. */
	rl_attempted_completion_over = 1;
	if (active->candidates == NULL)
		return NULL;
	matches = active->candidates(active->ctx, rl_line_buffer, start);
	if (matches == NULL)
		return NULL;
	return rl_completion_matches(text, complete_generator);
}

static void
on_line(char *line)
{
	if (line == NULL)
		pending_eof = true;
	else
		pending_line = line;
	/* Out of readline's hands until the line is handled. */
	rl_callback_handler_remove();
}

/*
 * The history file is ours, not readline's: read_history, append_history
 * and history_truncate_file follow symbolic links and chmod what they
 * find, so a link planted at learners/NAME.history could cut or expose any
 * file of the learner's.  We open it by ownfile's rule, read it into
 * readline's list, append each line with one write(), and keep only the
 * last HISTORY_LIMIT lines by writing a new file and renaming it over the
 * old one (rename replaces the name; it never writes through a link).
 */
static int history_fd = -1;
static size_t history_lines;	/* lines in the file now */

static void
open_history(const char *path)
{
	char *cause = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;
	int fd;

	stifle_history(HISTORY_LIMIT);
	history_fd = ownfile_open(path, O_RDWR | O_APPEND | O_CREAT, 0600,
	    &cause);
	if (history_fd == -1) {
		msg_warning("%s; line history is not kept",
		    cause != NULL ? cause : strerror(errno));
		free(cause);
		return;
	}
	fd = dup(history_fd);
	if (fd == -1 || (fp = fdopen(fd, "r")) == NULL) {
		if (fd != -1)
			close(fd);
		return;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		history_lines++;
		/* A line we would refuse to read is not offered again. */
		if (len > 0 && len <= MAX_INPUT_LINE &&
		    strlen(line) == (size_t)len)
			add_history(line);
	}
	free(line);
	fclose(fp);
}

static void
append_history_line(const char *line)
{
	char *rec;

	if (history_fd == -1)
		return;
	rec = xasprintf("%s\n", line);
	/* One write: a crash leaves whole lines; a failure only costs history. */
	if (write(history_fd, rec, strlen(rec)) == (ssize_t)strlen(rec))
		history_lines++;
	free(rec);
}

static void
close_history(const char *path)
{
	HIST_ENTRY **list;
	char *tmp;
	FILE *fp;
	int fd;

	if (history_fd == -1)
		return;
	close(history_fd);
	history_fd = -1;
	if (history_lines <= HISTORY_LIMIT)
		return;
	tmp = xasprintf("%s.new", path);
	(void)unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		free(tmp);
		return;
	}
	list = history_list();
	for (size_t i = 0; list != NULL && list[i] != NULL; i++)
		fprintf(fp, "%s\n", list[i]->line);
	if (fflush(fp) == 0 && fsync(fileno(fp)) == 0 && !ferror(fp)) {
		fclose(fp);
		if (rename(tmp, path) == -1)
			(void)unlink(tmp);
	} else {
		fclose(fp);
		(void)unlink(tmp);
	}
	free(tmp);
}

/* ---------------------------------------------- pasted line breaks */

static bool
joins_lines(const struct lineio *io)
{
	return io->joins_lines != NULL && io->joins_lines(io->ctx);
}

/* True when more input is waiting, or arrives within ms milliseconds. */
static bool
input_follows(int ms)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};

	return poll(&p, 1, ms) > 0 && (p.revents & POLLIN) != 0;
}

/*
 * Enter (Return or Ctrl-J).  A terminal without bracketed paste sends a
 * paste as keystrokes, its line breaks as Enter, all at once: at a
 * free-text prompt a break with more input right behind it is part of
 * the paste, so it is a space and the line goes on.  Otherwise, and for
 * a learner's own Enter (nothing follows it so soon), the line ends.
 * Without this the second line of a pasted answer went to the next try
 * or the next question.
 */
static int
enter_key(int count, int key)
{
	if (joins_lines(active) && input_follows(PASTE_GAP_MS)) {
		rl_insert_text(" ");
		return 0;
	}
	return rl_newline(count, key);
}

static void
bind_enter(void)
{
	Keymap maps[] = {emacs_standard_keymap, vi_insertion_keymap};

	/* After the inputrc is read, so the binding stands. */
	rl_initialize();
	for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) {
		rl_bind_key_in_map('\r', enter_key, maps[i]);
		rl_bind_key_in_map('\n', enter_key, maps[i]);
	}
}

/*
 * A bracketed paste keeps its line breaks in the line.  Where lines join
 * they become spaces; at a command prompt the line is refused, since
 * running only its first command, or all of them unseen, would both
 * surprise.  False when the line is not to be delivered.
 */
static bool
take_breaks(const struct lineio *io, char *line)
{
	size_t lines = 1;

	if (joins_lines(io)) {
		for (char *p = line; (p = strpbrk(p, "\r\n")) != NULL; p++)
			*p = ' ';
		return true;
	}
	for (const char *p = line; (p = strpbrk(p, "\r\n")) != NULL; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			lines++;	/* CR LF is one break */
	printf("That was %zu lines pasted at once; nothing was run. Paste "
	    "or type one command at a time.\n", lines);
	return false;
}

/* Ctrl-C, or Ctrl-\ (SIGQUIT) which does the same: never an end. */
static void
cancel_line(int sig)
{
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	fputs(sig == SIGQUIT ? "^\\\n" : "^C\n", stdout);
	rl_on_new_line();
	rl_redisplay();
}

/*
 * Ctrl-Z.  Readline is not catching signals (we are), so do what it would:
 * give the shell its terminal modes back, stop for real, and once
 * continued (fg) take the terminal again and redraw the prompt with the
 * line being typed.  Without this the learner came back to a terminal
 * that echoed arrow keys and sent nothing before Enter.
 */
static void
stop_until_continued(void)
{
	struct sigaction dfl, ours;
	sigset_t tstp;

	fflush(stdout);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &ours);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	raise(SIGTSTP);
	/* Pending while blocked: unblocking stops us here until SIGCONT. */
	sigprocmask(SIG_UNBLOCK, &tstp, NULL);
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &ours, NULL);
}

static void
suspend(void)
{
	rl_cleanup_after_signal();
	stop_until_continued();
	rl_reset_after_signal();
	rl_resize_terminal();
	rl_on_new_line();
	rl_redisplay();
}

/* Wait for one line (or the end); false when the session must end. */
static bool
wait_for_line(sigset_t *orig)
{
	while (pending_line == NULL && !pending_eof && got_exit_signal == 0) {
		fd_set fds;
		int n;

		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		n = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, orig);
		if (n < 0 && errno != EINTR) {
			pending_eof = true;
			break;
		}
		if (got_sigint) {
			int sig = got_sigint;

			got_sigint = 0;
			cancel_line(sig);
		}
		if (got_sigwinch) {
			got_sigwinch = 0;
			rl_resize_terminal();
		}
		if (got_sigtstp) {
			got_sigtstp = 0;
			suspend();
		}
		if (n > 0)
			rl_callback_read_char();
	}
	return pending_line != NULL;
}

/* ------------------------------------------- one key (more-prompt) */

/*
 * A key is read with the terminal out of line mode (no echo, no waiting
 * for Enter) and put back at once, so the shell, readline and a stopped
 * session always find the modes they expect.  Signals stay on: Ctrl-C
 * still raises SIGINT, and is passed on as the key "\003".
 */
static struct termios key_saved;
static bool key_raw;

static void
key_mode(bool on)
{
	struct termios t;

	if (on && !key_raw && tcgetattr(STDIN_FILENO, &key_saved) == 0) {
		t = key_saved;
		t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
		key_raw = tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
	} else if (!on && key_raw) {
		tcsetattr(STDIN_FILENO, TCSANOW, &key_saved);
		key_raw = false;
	}
}

/* One byte, waiting at most ms milliseconds (forever when negative). */
static int
key_byte(sigset_t *orig, long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
	unsigned char c;
	fd_set fds;
	int n;

	FD_ZERO(&fds);
	FD_SET(STDIN_FILENO, &fds);
	n = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, ms < 0 ? NULL : &ts,
	    orig);
	if (n == 0 || (n < 0 && errno == EINTR))
		return -2;		/* nothing (yet), or a signal */
	if (n < 0 || read(STDIN_FILENO, &c, 1) != 1)
		return -1;		/* the end: closed or unreadable */
	return c;
}

/*
 * The rest of an escape sequence (arrows, Page Up and Down), which comes
 * all at once: ESC [ parameters final, or ESC O letter.  A lone ESC is
 * the Escape key.
 */
static void
key_sequence(sigset_t *orig, char *key, size_t size)
{
	size_t n = 1;
	int c;

	key[0] = '\033';
	while (n + 1 < size && (c = key_byte(orig, 30)) >= 0) {
		key[n++] = (char)c;
		if (n == 2 && c != '[' && c != 'O')
			break;
		if (n > 2 && (key[1] == 'O' || (c >= 0x40 && c <= 0x7e)))
			break;
	}
	key[n] = '\0';
}

/*
 * Print the prompt, wait for one key and pass it on.  Returns false when
 * the session must end: end of input (Ctrl-D, a closed terminal) or a
 * signal that ends it.
 */
static bool
take_key(const struct lineio *io, sigset_t *orig)
{
	char key[16];
	int c = -2;

	/* Keys mode first: a key sent on seeing the prompt is read raw. */
	key_mode(true);
	fputs(io->prompt(io->ctx), stdout);
	fflush(stdout);
	while (c == -2 && got_exit_signal == 0) {
		c = key_byte(orig, -1);
		if (got_sigint) {
			got_sigint = 0;
			c = '\003';
		}
		if (got_sigtstp) {
			got_sigtstp = 0;
			key_mode(false);
			stop_until_continued();
			key_mode(true);
			got_sigwinch = 1;	/* redraw the prompt */
		}
		if (got_sigwinch && c == -2) {
			got_sigwinch = 0;
			rl_reset_screen_size();
			fputs(io->prompt(io->ctx), stdout);
			fflush(stdout);
		}
	}
	if (c == '\033')
		key_sequence(orig, key, sizeof key);
	key_mode(false);
	if (c == -1 || c == 4) {
		pending_eof = true;
		return false;
	}
	if (c < 0)
		return false;
	if (c != '\033') {
		key[0] = (char)c;
		key[1] = '\0';
	}
	io->key(io->ctx, key);
	return true;
}

int
lineio_run_terminal(const struct lineio *io)
{
	static const int sigs[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH,
	    SIGTSTP};
	sigset_t blocked, orig;

	active = io;
	rl_readline_name = "psoas-tutor";
	rl_attempted_completion_function = complete;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	bind_enter();
	catch_signals(sigs, sizeof sigs / sizeof sigs[0], &blocked);
	sigprocmask(SIG_BLOCK, &blocked, &orig);
	if (io->history_path != NULL)
		open_history(io->history_path);

	while (!io->finished(io->ctx) && got_exit_signal == 0) {
		char *line;

		fflush(stdout);
		if (io->wants_key != NULL && io->wants_key(io->ctx)) {
			if (take_key(io, &orig))
				continue;
			if (pending_eof)
				fputc('\n', stdout);
			break;
		}
		rl_callback_handler_install(io->prompt(io->ctx), on_line);
		if (!wait_for_line(&orig)) {
			rl_callback_handler_remove();
			if (pending_eof)
				fputc('\n', stdout);
			break;
		}
		line = pending_line;
		pending_line = NULL;
		if (strlen(line) > MAX_INPUT_LINE) {
			/* Refused before it reaches history or the journal. */
			printf("That line is longer than %d bytes; it was "
			    "ignored.\n", MAX_INPUT_LINE);
			free(line);
			continue;
		}
		if (strpbrk(line, "\r\n") != NULL && !take_breaks(io, line)) {
			free(line);
			continue;
		}
		if (*line != '\0' &&
		    (io->private_line == NULL || !io->private_line(io->ctx))) {
			add_history(line);
			append_history_line(line);
		}
		io->handle(io->ctx, line);
		free(line);
	}
	if (io->history_path != NULL)
		close_history(io->history_path);
	sigprocmask(SIG_SETMASK, &orig, NULL);
	active = NULL;
	return got_exit_signal;
}

/* --------------------------------------------------- scripts (stdin) */

/*
 * Read one line of at most MAX_INPUT_LINE bytes into a new string.
 * Longer lines are read to their end and dropped (*too_long set), so a
 * huge line costs no memory.  Returns NULL at end of input or on a signal
 * that ends the session.
 */
static char *
read_script_line(bool *too_long, bool *has_nul)
{
	static char buf[4096];
	static size_t have, at;
	char *line = xmalloc(MAX_INPUT_LINE + 1);
	size_t len = 0;
	bool any = false;

	*too_long = *has_nul = false;
	for (;;) {
		char c;

		if (at == have) {
			ssize_t n = read(STDIN_FILENO, buf, sizeof buf);

			if (n < 0 && errno == EINTR) {
				if (got_exit_signal)
					break;
				continue;
			}
			if (n <= 0)
				break;
			have = (size_t)n;
			at = 0;
		}
		any = true;
		c = buf[at++];
		if (c == '\n') {
			line[len] = '\0';
			return line;
		}
		if (c == '\0')
			*has_nul = true;
		if (len < MAX_INPUT_LINE)
			line[len++] = c;
		else
			*too_long = true;
	}
	if (any && len > 0 && !got_exit_signal) {
		line[len] = '\0';
		return line;
	}
	free(line);
	return NULL;
}

int
lineio_run_script(const struct lineio *io)
{
	static const int sigs[] = {SIGTERM, SIGHUP};
	sigset_t unused;

	catch_signals(sigs, sizeof sigs / sizeof sigs[0], &unused);
	/* Ctrl-\ in the terminal a script runs in: no core dump, no end. */
	signal(SIGQUIT, SIG_IGN);
	while (!io->finished(io->ctx) && got_exit_signal == 0) {
		bool too_long, has_nul;
		char *line;

		fflush(stdout);
		line = read_script_line(&too_long, &has_nul);
		if (line == NULL)
			break;
		if (too_long)
			printf("That line is longer than %d bytes; it was ignored.\n",
			    MAX_INPUT_LINE);
		else if (has_nul)
			printf("That line contains a NUL byte; it was ignored.\n");
		else
			io->handle(io->ctx, line);
		free(line);
	}
	return got_exit_signal;
}
