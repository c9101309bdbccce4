/*
 * Finding and starting the tutor's helper programs, each the one program
 * that links a heavy library so the tutor itself does not: psoas-tutor-send
 * talks to the provider's LRS with libcurl (send/sender.h),
 * psoas-tutor-pdf draws certificates with cairo (pdf/certpdf.h), and
 * psoas-tutor-provider runs `psoas-tutor provider ...` with its SQLite
 * registry (provider/registry.h).  A
 * helper is looked for beside the running program first (the build
 * tree's src/, or a bindir it was installed into), then in the
 * configured PKGLIBEXECDIR, where `make install` puts it.  Never through
 * $PATH, which a learner could plant, and never through a symbolic link:
 * the candidate is opened without following one and must be a regular,
 * executable file owned by root or the user that nobody else can write;
 * the file so opened is the one started (through /proc/self/fd), so it
 * cannot be swapped between the check and the start.
 */
#ifndef PSOAS_HELPER_H
#define PSOAS_HELPER_H

#include <stdbool.h>
#include <sys/types.h>

struct helper {
	const char *name;	/* its file name */
	const char *without;	/* what cannot be done without it */
};

extern const struct helper helper_send, helper_pdf, helper_provider;

/*
 * Start h with args (NULL-terminated, after argv[0]).  Its standard
 * input is in_fd and its standard error err_fd when they are not -1;
 * the rest of its standard streams are ours, or /dev/null in the
 * background.  Returns its pid, or -1 with *cause.
 */
pid_t helper_start(const struct helper *h, const char *const args[],
    int in_fd, int err_fd, bool background, char **cause);

/* Start it in the foreground and wait: its exit status, or -1 with
 * *cause. */
int helper_run(const struct helper *h, const char *const args[], int in_fd,
    int err_fd, char **cause);

/*
 * Run h in this process's place with argv (NULL-terminated; argv[0] is
 * set to h's name): its output, input and exit status are ours.  Returns
 * only when that failed, with *cause.
 */
void helper_exec(const struct helper *h, char *argv[], char **cause);

#endif
