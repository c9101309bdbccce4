/*
 * A growable NUL-terminated byte string, for building output a piece at
 * a time.  Start from a zeroed struct; strbuf_take hands the string to the
 * caller and leaves the buffer empty and reusable.
 */
#ifndef PSOAS_STRBUF_H
#define PSOAS_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;	/* NULL until the first byte is added */
	size_t len, cap;
};

void strbuf_add(struct strbuf *b, const char *s, size_t len);
void strbuf_puts(struct strbuf *b, const char *s);
/* printf onto the end. */
void strbuf_addf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_spaces(struct strbuf *b, size_t n);

/* The finished string (never NULL), now the caller's to free. */
char *strbuf_take(struct strbuf *b);

/* Free what was built, when it is not wanted after all. */
void strbuf_destroy(struct strbuf *b);

#endif
