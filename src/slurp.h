/*
 * Reading a whole file into memory the one careful way: never through a
 * symbolic link, never blocking on a FIFO, a regular file only, and to
 * its end rather than to the size stat reported (a file that grows while
 * read is read as it was read).  For course files and submissions, which
 * the program reads whole.
 */
#ifndef PSOAS_SLURP_H
#define PSOAS_SLURP_H

#include <stddef.h>

/*
 * The bytes of path (NUL-terminated beyond *len, for text) as a new
 * string.  Returns NULL with errno set (ELOOP: a symbolic link; EINVAL:
 * not a regular file).  dirfd is a folder descriptor path is relative
 * to, or AT_FDCWD.
 */
char *slurp_at(int dirfd, const char *path, size_t *len);

#endif
