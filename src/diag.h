/*
 * Diagnostics about course files, collected rather than printed, so the
 * checker can report every problem in a file (not just the first), the
 * REPL can show them at start-up, and unit tests can assert their text.
 *
 * Each message is already formatted GNU style:
 *   "lessons/01-anatomy.lesson:12:3: error: unterminated figure block"
 * (the column is left out when it is 0).
 */
#ifndef PSOAS_DIAG_H
#define PSOAS_DIAG_H

#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	char **msgs;		/* owned, formatted messages in report order */
	size_t n, cap;
	size_t errors;		/* how many of msgs are errors */
	size_t warnings;
};

void diag_init(struct diag *d);
void diag_destroy(struct diag *d);

/* Add one message; line and col are 1-based, 0 leaves them out. */
void diag_add(struct diag *d, enum diag_level level, const char *path,
    long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Write every message, one per line, to fp. */
void diag_print(const struct diag *d, FILE *fp);

/* Move all messages of src onto the end of dst, leaving src empty. */
void diag_move(struct diag *dst, struct diag *src);

#endif
