/*
 * Finding psoas-tutor-send without trusting anything a learner could
 * plant, and starting it (sendprog.h).
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sendprog.h"
#include "xmalloc.h"

extern char **environ;

/* The most arguments a caller passes. */
#define SENDPROG_MAX_ARGS 8

/*
 * path opened for starting: a regular executable file, not a link,
 * owned by root or us, writable by nobody else.  Returns the fd or -1.
 */
static int
open_trusted(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd == -1)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (st.st_uid != 0 && st.st_uid != geteuid()) ||
	    (st.st_mode & (S_IWGRP | S_IWOTH)) != 0 ||
	    (st.st_mode & S_IXUSR) == 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The sender beside the running program, else in PKGLIBEXECDIR: an fd
 * of it, or -1 with *cause. */
static int
find_sender(char **cause)
{
	char exe[PATH_MAX], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int fd = -1;

	/* The kernel's own name for our file: no link in it to follow. */
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			slash[1] = '\0';
			path = xasprintf("%s%s", exe, SENDPROG_NAME);
			fd = open_trusted(path);
			free(path);
		}
	}
	if (fd == -1) {
		path = xasprintf("%s/%s", PKGLIBEXECDIR, SENDPROG_NAME);
		fd = open_trusted(path);
		free(path);
	}
	if (fd == -1)
		*cause = xasprintf("%s is not installed beside this program "
		    "or in %s (or it is not a regular file of root's or "
		    "yours that only its owner can change): statements "
		    "cannot be sent", SENDPROG_NAME, PKGLIBEXECDIR);
	return fd;
}

pid_t
sendprog_start(const char *const args[], bool background, char **cause)
{
	char *argv[SENDPROG_MAX_ARGS + 2], self[32];
	posix_spawn_file_actions_t fa;
	size_t n = 0;
	pid_t pid = -1;
	int fd, err;

	if ((fd = find_sender(cause)) == -1)
		return -1;
	argv[n++] = (char *)SENDPROG_NAME;
	while (n <= SENDPROG_MAX_ARGS && args[n - 1] != NULL) {
		argv[n] = (char *)args[n - 1];
		n++;
	}
	argv[n] = NULL;
	snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
	posix_spawn_file_actions_init(&fa);
	if (background) {
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
		    O_RDONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null",
		    O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null",
		    O_WRONLY, 0);
	}
	/* The child starts the very file checked: fd stays open in it
	 * until its exec. */
	err = posix_spawn(&pid, self, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd);
	if (err != 0) {
		*cause = xasprintf("%s: %s", SENDPROG_NAME, strerror(err));
		return -1;
	}
	return pid;
}

int
sendprog_run(const char *const args[], char **cause)
{
	pid_t pid;
	int wstatus;

	fflush(stdout);
	if ((pid = sendprog_start(args, false, cause)) == -1)
		return -1;
	while (waitpid(pid, &wstatus, 0) == -1)
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", SENDPROG_NAME,
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	*cause = xasprintf("%s ended by signal %d", SENDPROG_NAME,
	    WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0);
	return -1;
}
