/*
 * Whole-file reads (slurp.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "slurp.h"
#include "xmalloc.h"

char *
slurp_at(int dirfd, const char *path, size_t *len)
{
	int fd = openat(dirfd, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK);
	char *bytes = NULL;
	size_t have = 0, cap = 0;
	struct stat sb;
	ssize_t n = 0;
	int saved;

	if (fd == -1)
		return NULL;
	if (fstat(fd, &sb) != 0)
		goto fail;
	if (!S_ISREG(sb.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	for (;;) {
		if (cap - have < 2) {
			cap = cap ? cap * 2 : (size_t)sb.st_size + 2;
			bytes = xreallocarray(bytes, cap, 1);
		}
		n = read(fd, bytes + have, cap - have - 1);
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	if (n < 0)
		goto fail;
	close(fd);
	bytes[have] = '\0';
	*len = have;
	return bytes;
fail:
	saved = errno;
	free(bytes);
	close(fd);
	errno = saved;
	return NULL;
}
