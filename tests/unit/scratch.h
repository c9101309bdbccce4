/*
 * A scratch working directory for a cmocka test group: made with mkdtemp
 * under $TMPDIR (tests never write to the source tree, which is read-only
 * under make distcheck), entered so file names in messages stay short,
 * and removed afterwards with everything made in it, folders included.
 */
#ifndef PSOAS_TEST_SCRATCH_H
#define PSOAS_TEST_SCRATCH_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch_dir[4096];
static char *scratch_old_cwd;

static int
scratch_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(scratch_dir, sizeof scratch_dir, "%s/psoas-unit.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	scratch_old_cwd = getcwd(NULL, 0);
	if (scratch_old_cwd == NULL || mkdtemp(scratch_dir) == NULL ||
	    chdir(scratch_dir) != 0)
		return -1;
	return 0;
}

/* Remove one entry of the scratch tree (nftw, depth first, no links). */
static int
scratch_remove(const char *path, const struct stat *sb, int type,
    struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static int
scratch_teardown(void **state)
{
	(void)state;
	if (chdir(scratch_old_cwd) != 0)
		return -1;
	free(scratch_old_cwd);
	return nftw(scratch_dir, scratch_remove, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
