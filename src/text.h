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

/* The value of hex digit c (either case), or -1 when it is none. */
int text_hex_digit(char c);

/*
 * The control-character rule, its one home: C0 controls (U+0000..U+001F),
 * DEL (U+007F) and C1 controls (U+0080..U+009F), where terminal escape
 * sequences start (U+009B is CSI).  Course files refuse them (but a tab),
 * a terminal gives them no column, and the grader reads them as a space.
 */
bool text_cp_is_cc(uint32_t cp);

/* Columns a code point takes on a terminal: 0 (combining), 1 or 2 (wide). */
int text_cp_width(uint32_t cp);

/* Columns s[0..len) takes on a terminal (no escape codes allowed in s). */
size_t text_width(const char *s, size_t len);

/* Number of code points in s[0..len). */
size_t text_cp_count(const char *s, size_t len);

/*
 * Code points that must never reach a terminal, a certificate or an
 * exported cell raw: C0 and C1 controls, DEL, and the bidirectional
 * marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069), which make text read differently from
 * what it is.  The one rule for learner text: names are refused when
 * text_has_control says so, and every learner text we print goes through
 * text_escape_controls.
 */
bool text_cp_is_control(uint32_t cp);
bool text_has_control(const char *s, size_t len);

/*
 * Code points that cannot be seen, or look like an ordinary space, so two
 * names that print alike could differ: every format character (Unicode
 * category Cf: U+200B zero width space, U+200E, U+2060 word joiner, U+FEFF
 * byte order mark, U+00AD soft hyphen, the tags...), the other default
 * ignorable code points (variation selectors, U+034F, the Hangul fillers),
 * the line and paragraph separators, U+2800 (a blank braille cell), and
 * every space but U+0020 (U+00A0 no-break space, U+2000..U+200A,
 * U+202F, U+205F, U+3000).  The first one in s[0..len), or 0 for none.
 */
uint32_t text_first_invisible(const char *s, size_t len);

/*
 * s with each such code point shown as a visible escape (\t \n \r,
 * \xNN for other C0/C1 controls and DEL and for each byte of invalid
 * UTF-8, <U+202E> for bidirectional controls), and backslash doubled when
 * escape_backslash (so an export can be read back exactly).  New string.
 */
char *text_escape_controls(const char *s, bool escape_backslash);

/*
 * Learner text to quote in a message: at most max bytes of s (cut on a
 * character boundary, then "..."), controls escaped as above, in double
 * quotes.  New string.
 */
char *text_quoted(const char *s, size_t max);

/*
 * s (len bytes) without the spaces and tabs around it, as a new string:
 * how every course file trims a value.
 */
char *text_trimmed(const char *s, size_t len);

/*
 * Whether name ends in suffix and has something before it: ".quiz" alone
 * is no quiz, and "x.journal" names learner x.
 */
bool text_has_suffix(const char *name, const char *suffix);

#endif
