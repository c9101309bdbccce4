/*
 * Collects course-file diagnostics in GNU "file:line:col: level: text"
 * form.  Keeping them in memory lets one pass report every problem and
 * lets tests compare the exact wording.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xmalloc.h"

static const char *const level_names[] = {
	[DIAG_ERROR] = "error",
	[DIAG_WARNING] = "warning",
	[DIAG_NOTE] = "note",
};

void
diag_init(struct diag *d)
{
	memset(d, 0, sizeof *d);
}

void
diag_destroy(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	memset(d, 0, sizeof *d);
}

static void
diag_push(struct diag *d, char *msg)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->msgs = xreallocarray(d->msgs, d->cap, sizeof *d->msgs);
	}
	d->msgs[d->n++] = msg;
}

void
diag_add(struct diag *d, enum diag_level level, const char *path, long line,
    long col, const char *fmt, ...)
{
	va_list ap;
	char *text, *where, *msg;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);

	if (line > 0 && col > 0)
		where = xasprintf("%s:%ld:%ld", path, line, col);
	else if (line > 0)
		where = xasprintf("%s:%ld", path, line);
	else
		where = xstrdup(path);
	msg = xasprintf("%s: %s: %s", where, level_names[level], text);
	free(where);
	free(text);

	if (level == DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	diag_push(d, msg);
}

void
diag_print(const struct diag *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(fp, "%s\n", d->msgs[i]);
}

void
diag_move(struct diag *dst, struct diag *src)
{
	for (size_t i = 0; i < src->n; i++)
		diag_push(dst, src->msgs[i]);
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->msgs);
	memset(src, 0, sizeof *src);
}
