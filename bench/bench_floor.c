/*
 * The floor for the start-up benchmark: the least a program can do to
 * load a course's quizzes.  It reads every lesson and quiz file of a
 * course folder and compiles every answer pattern (@accept, @concept,
 * @misconception, @fine) with the tutor's options but without JIT,
 * keeping them all until it exits, and does nothing else.  Measured
 * beside psoas-tutor in the same run (bench/startup.sh).
 *
 * It also times the tutor: "bench_floor --run PROGRAM ARGS..." runs the
 * program with "quit" on its standard input and prints its wall time and
 * peak memory, the same figures "bench_floor --self COURSE-DIR" prints
 * for the floor, so both are measured the same way.
 *
 * Usage: bench_floor --self COURSE-DIR | --run PROGRAM [ARGS...]
 * Prints "SECONDS KIB".
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <sys/resource.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const directives[] = {
	"@accept ", "@concept ", "@misconception ", "@fine ",
};

static size_t npatterns;

static void
compile(const char *src, bool anchored)
{
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
	    PCRE2_NEVER_BACKSLASH_C;
	PCRE2_SIZE off;
	int err;

	if (anchored)
		options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	/* Kept (never freed) so the memory counts as it does in the tutor. */
	if (pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, options, &err,
	    &off, NULL) != NULL)
		npatterns++;
}

static void
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		for (size_t i = 0; i < sizeof directives / sizeof directives[0];
		    i++) {
			size_t len = strlen(directives[i]);

			if (strncmp(line, directives[i], len) == 0)
				compile(line + len, i == 0);
		}
	}
	free(line);
	fclose(f);
}

static void
read_dir(const char *course, const char *sub)
{
	char *dir;
	struct dirent *e;
	DIR *d;

	if (asprintf(&dir, "%s/%s", course, sub) < 0)
		return;
	d = opendir(dir);
	while (d != NULL && (e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.' ||
		    asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			continue;
		read_file(path);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Run argv with "quit" on its stdin and its output thrown away; print
 * its wall time and peak resident memory.
 */
static int
run(char **argv)
{
	int in[2], status;
	struct rusage ru;
	double t0 = now();
	pid_t pid;

	if (pipe(in) != 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(in[0], STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		close(in[0]);
		close(in[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	if (write(in[1], "quit\n", 5) != 5)
		perror("bench_floor: write");
	close(in[1]);
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
		return 1;
	printf("%.4f %ld\n", now() - t0, ru.ru_maxrss);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--run") == 0)
		return run(argv + 2);
	if (argc == 3 && strcmp(argv[1], "--self") == 0) {
		char *self[] = {argv[0], argv[2], NULL};

		return run(self);
	}
	if (argc != 2) {
		fprintf(stderr, "usage: bench_floor --self COURSE-DIR | "
		    "--run PROGRAM [ARGS...]\n");
		return 2;
	}
	read_dir(argv[1], "lessons");
	read_dir(argv[1], "quizzes");
	return npatterns > 0 ? 0 : 1;
}
