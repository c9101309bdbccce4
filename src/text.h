/*
 * UTF-8 text primitives shared by the parsers, the renderer and the
 * grader.  They never depend on the locale, so a test run under LANG=C
 * measures and validates text exactly as a learner's UTF-8 terminal does.
 */
#ifndef PSOAS_TEXT_H
#define PSOAS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Check that s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF).  On failure, *bad (if not NULL) gets the byte offset of
 * the first bad sequence.
 */
bool text_utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * Decode one code point at s (at most len bytes).  Returns its length in
 * bytes (1..4) and stores it in *cp; an invalid sequence yields U+FFFD and
 * length 1, so callers can always make progress.
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Columns a code point takes on a terminal: 0 (combining), 1 or 2 (wide). */
int text_cp_width(uint32_t cp);

/* Columns s[0..len) takes on a terminal (no escape codes allowed in s). */
size_t text_width(const char *s, size_t len);

/* Number of code points in s[0..len). */
size_t text_cp_count(const char *s, size_t len);

#endif
