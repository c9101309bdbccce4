/*
 * Finding the tutor's helper programs without trusting anything a
 * learner could plant, and starting them (helper.h).
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

#include "helper.h"
#include "xmalloc.h"

extern char **environ;

/* The most arguments a caller passes. */
#define HELPER_MAX_ARGS 8

const struct helper helper_send = {
	"psoas-tutor-send", "statements cannot be sent",
};
const struct helper helper_pdf = {
	"psoas-tutor-pdf", "the certificate cannot be drawn as a PDF",
};
const struct helper helper_provider = {
	"psoas-tutor-provider", "the provider's commands cannot be run",
};

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

/* h beside the running program, else in PKGLIBEXECDIR: an fd of it,
 * or -1 with *cause. */
static int
find_helper(const struct helper *h, char **cause)
{
	char exe[PATH_MAX], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int fd = -1;

	/* The kernel's own name for our file: no link in it to follow. */
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			slash[1] = '\0';
			path = xasprintf("%s%s", exe, h->name);
			fd = open_trusted(path);
			free(path);
		}
	}
	if (fd == -1) {
		path = xasprintf("%s/%s", PKGLIBEXECDIR, h->name);
		fd = open_trusted(path);
		free(path);
	}
	if (fd == -1)
		*cause = xasprintf("%s is not installed beside this program "
		    "or in %s (or it is not a regular file of root's or "
		    "yours that only its owner can change): %s", h->name,
		    PKGLIBEXECDIR, h->without);
	return fd;
}

pid_t
helper_start(const struct helper *h, const char *const args[], int in_fd,
    int err_fd, bool background, char **cause)
{
	char *argv[HELPER_MAX_ARGS + 2], self[32];
	posix_spawn_file_actions_t fa;
	size_t n = 0;
	pid_t pid = -1;
	int fd, err;

	if ((fd = find_helper(h, cause)) == -1)
		return -1;
	argv[n++] = (char *)h->name;
	while (n <= HELPER_MAX_ARGS && args[n - 1] != NULL) {
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
	if (in_fd != -1)
		posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	if (err_fd != -1)
		posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
	/* The child starts the very file checked: fd stays open in it
	 * until its exec. */
	err = posix_spawn(&pid, self, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd);
	if (err != 0) {
		*cause = xasprintf("%s: %s", h->name, strerror(err));
		return -1;
	}
	return pid;
}

int
helper_run(const struct helper *h, const char *const args[], int in_fd,
    int err_fd, char **cause)
{
	pid_t pid;
	int wstatus;

	fflush(stdout);
	if ((pid = helper_start(h, args, in_fd, err_fd, false, cause)) == -1)
		return -1;
	while (waitpid(pid, &wstatus, 0) == -1)
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", h->name,
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	*cause = xasprintf("%s ended by signal %d", h->name,
	    WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0);
	return -1;
}

void
helper_exec(const struct helper *h, char *argv[], char **cause)
{
	char self[32];
	int fd, err;

	if ((fd = find_helper(h, cause)) == -1)
		return;
	argv[0] = (char *)h->name;
	snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
	fflush(NULL);
	/* The path is resolved before fd is closed on exec: the file
	 * started is the one checked. */
	execve(self, argv, environ);
	err = errno;
	close(fd);
	*cause = xasprintf("%s: %s", h->name, strerror(err));
}
