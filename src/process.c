/*
 * The start of every program of the tutor that talks to people
 * (process.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "process.h"

/*
 * As GNU hello says, even exiting has subtleties: a full disk or a closed
 * pipe must not turn into a silent success.
 */
/* Set after SIGHUP: the terminal is gone, so writes to it must fail. */
static bool terminal_gone;

static void
close_stdout(void)
{
	if (terminal_gone)
		return;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE)
			fprintf(stderr, "psoas-tutor: write error: %s\n",
			    strerror(errno ? errno : EIO));
		_exit(EXIT_FAILURE);
	}
}

/*
 * A closed standard descriptor would be handed to the next open(), so the
 * learner's journal could become "stdout" and take in the lesson text.
 * Fill each gap with /dev/null opened the wrong way round (as gnulib's
 * stdopen does): using it then fails, and a write fails as a write error.
 */
static void
fill_standard_fds(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lower ones are open, so this takes exactly fd. */
		if (open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
		    != fd)
			_exit(EXIT_FAILURE);
	}
}

void
process_start(void)
{
	fill_standard_fds();
	setlocale(LC_ALL, "");
	/* The text is English: numbers too ("0.25", never "0,25"). */
	setlocale(LC_NUMERIC, "C");
	atexit(close_stdout);
	signal(SIGPIPE, SIG_IGN);
	/* Past a file-size limit a write must fail with EFBIG and be reported
	 * like a full disk, not kill the program mid-record. */
	signal(SIGXFSZ, SIG_IGN);
}

void
process_terminal_gone(void)
{
	terminal_gone = true;
}
