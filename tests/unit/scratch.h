/*
 * A scratch working directory for a cmocka test group: made with mkdtemp
 * under $TMPDIR (tests never write to the source tree, which is read-only
 * under make distcheck), entered so file names in messages stay short,
 * and emptied and removed afterwards.
 */
#ifndef PSOAS_TEST_SCRATCH_H
#define PSOAS_TEST_SCRATCH_H

#include <dirent.h>
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

static int
scratch_teardown(void **state)
{
	DIR *dir;
	struct dirent *e;

	(void)state;
	if ((dir = opendir(".")) != NULL) {
		while ((e = readdir(dir)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				unlink(e->d_name);
		closedir(dir);
	}
	if (chdir(scratch_old_cwd) != 0)
		return -1;
	free(scratch_old_cwd);
	return rmdir(scratch_dir);
}

#endif
