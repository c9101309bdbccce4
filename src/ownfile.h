/*
 * The one rule for opening a file we keep for a learner (the journal, the
 * readline history): never through a symbolic link, never blocking on a
 * FIFO, and only a regular file owned by the user.  A link planted at
 * learners/NAME.journal by someone who can write the data folder must not
 * make us create, read, append to, cut or chmod the file it points to.
 */
#ifndef PSOAS_OWNFILE_H
#define PSOAS_OWNFILE_H

#include <sys/types.h>

/*
 * open(2) path with flags and mode under that rule.  Returns the fd, or -1
 * with errno set; *cause gets a new message for anything but a missing
 * file or folder (errno ENOENT or ENOTDIR): "PATH is a symbolic link; refusing
 * to follow it", "PATH is not a regular file owned by you; ...".
 */
int ownfile_open(const char *path, int flags, mode_t mode, char **cause);

#endif
