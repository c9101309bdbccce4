/*
 * Messages from the program itself (msg.h).  Each is one write of a
 * whole line, so messages of two processes sharing stderr do not mix
 * mid-line.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "xmalloc.h"

static void
emit(const char *level, const char *fmt, va_list ap)
{
	char *text = xvasprintf(fmt, ap);

	fprintf(stderr, "psoas-tutor: %s%s\n", level, text);
	free(text);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

void
msg_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("warning: ", fmt, ap);
	va_end(ap);
}
