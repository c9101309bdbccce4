/*
 * Finding and starting psoas-tutor-send, the program that talks to the
 * provider's LRS (send/sender.h), so the tutor itself links no network
 * library.  It is looked for beside the running program first (the build
 * tree's src/, or a bindir it was installed into), then in the configured
 * PKGLIBEXECDIR, where `make install` puts it.  Never through $PATH,
 * which a learner could plant, and never through a symbolic link: the
 * candidate is opened without following one and must be a regular,
 * executable file owned by root or the user that nobody else can write;
 * the file so opened is the one started (through /proc/self/fd), so it
 * cannot be swapped between the check and the start.
 */
#ifndef PSOAS_SENDPROG_H
#define PSOAS_SENDPROG_H

#include <stdbool.h>
#include <sys/types.h>

#define SENDPROG_NAME "psoas-tutor-send"

/*
 * Start the sender with args (NULL-terminated, after argv[0]).  In the
 * background its standard streams are /dev/null; otherwise they are
 * ours.  Returns its pid, or -1 with *cause.
 */
pid_t sendprog_start(const char *const args[], bool background,
    char **cause);

/* Start it in the foreground and wait: its exit status, or -1 with
 * *cause. */
int sendprog_run(const char *const args[], char **cause);

#endif
