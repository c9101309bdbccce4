/*
 * psoas-tutor-send: sends a learner's queued xAPI statements to the
 * provider's LRS (send/sender.h).  It is the tutor's helper, not a
 * command for people: psoas-tutor starts it for --send and, in the
 * background, for a session (lrs.h), after queueing from the journal.
 * Keeping libcurl here keeps it out of every tutor start-up.
 *
 *   psoas-tutor-send [--due] DATA-DIR LEARNER
 *
 * Prints "N statements sent to the LRS, M waiting" and, when something
 * went wrong, why; exits with an LRS_EXIT_* status (lrsfiles.h).
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lrsfiles.h"
#include "msg.h"
#include "progress.h"
#include "send/sender.h"

int
main(int argc, char **argv)
{
	bool due = argc > 1 && strcmp(argv[1], "--due") == 0;
	char *cause = NULL;
	size_t sent, left;
	int status;

	signal(SIGPIPE, SIG_IGN);
	argv += due ? 2 : 1;
	argc -= due ? 2 : 1;
	/* The learner's name becomes a file name: the tutor's rule holds. */
	if (argc != 2 || !progress_valid_learner(argv[1])) {
		msg_error("usage: psoas-tutor-send [--due] DATA-DIR LEARNER "
		    "(started by psoas-tutor --send)");
		return EXIT_FAILURE;
	}
	status = sender_run(argv[0], argv[1], due, &sent, &left, &cause);
	printf("%zu statement%s sent to the LRS, %zu waiting\n", sent,
	    sent == 1 ? "" : "s", left);
	if (fflush(stdout) != 0 || ferror(stdout))
		status = LRS_EXIT_WAITING;
	if (cause != NULL)
		msg_error("%s", cause);
	free(cause);
	return status;
}
