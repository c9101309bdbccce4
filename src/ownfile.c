/*
 * Opening the files we keep for a learner without being led elsewhere by
 * a planted link or device (the rule is in ownfile.h).
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ownfile.h"
#include "xmalloc.h"

int
ownfile_open(const char *path, int flags, mode_t mode, char **cause)
{
	struct stat st;
	int fd, saved;

	fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode);
	if (fd == -1) {
		saved = errno;
		if (saved == ELOOP)
			*cause = xasprintf("%s is a symbolic link; refusing to "
			    "follow it", path);
		else if (saved != ENOENT && saved != ENOTDIR)
			*cause = xasprintf("cannot open %s: %s", path,
			    strerror(saved));
		errno = saved;
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid()) {
		*cause = xasprintf("%s is not a regular file owned by you; "
		    "refusing to use it", path);
		close(fd);
		errno = EPERM;
		return -1;
	}
	/* Back to ordinary blocking I/O (it only mattered for FIFOs). */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}
