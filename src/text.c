/*
 * Locale-independent UTF-8 handling.  We validate and measure text
 * ourselves instead of using mbrtowc/wcwidth because those depend on the
 * locale the learner happens to run under, and course files are UTF-8
 * whatever the locale says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

bool
text_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = p[i];
		size_t need;
		uint32_t cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			need = 1, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3, cp = c & 0x07, min = 0x10000;
		} else {
			goto fail;
		}
		if (len - i <= need)
			goto fail;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += need + 1;
	}
	return true;
fail:
	if (bad != NULL)
		*bad = i;
	return false;
}

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	size_t bad;
	size_t n;
	const unsigned char *p = (const unsigned char *)s;

	if (len == 0) {
		*cp = 0xfffd;
		return 1;
	}
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0)
		n = 2;
	else if ((p[0] & 0xf0) == 0xe0)
		n = 3;
	else if ((p[0] & 0xf8) == 0xf0)
		n = 4;
	else
		n = 0;
	if (n == 0 || n > len || !text_utf8_valid(s, n, &bad)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = p[0] & (0xff >> (n + 1));
	for (size_t k = 1; k < n; k++)
		*cp = (*cp << 6) | (p[k] & 0x3f);
	return n;
}

struct cp_range {
	uint32_t lo, hi;
};

/*
 * Combining marks and zero-width characters a course is likely to use
 * (Hangul medial vowels and final consonants join the initial before
 * them into one syllable).
 */
static const struct cp_range zero_width[] = {
	{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
	{0x064b, 0x065f}, {0x1160, 0x11ff}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff},
	{0x200b, 0x200f}, {0x202a, 0x202e}, {0x2060, 0x2064}, {0x20d0, 0x20ff},
	{0xfe00, 0xfe0f}, {0xfe20, 0xfe2f}, {0xfeff, 0xfeff},
};

/*
 * East Asian wide and fullwidth blocks, and the emoji that Unicode's
 * EastAsianWidth.txt makes wide (terminals draw them in two columns;
 * symbols like U+26A0 WARNING SIGN stay narrow).
 */
static const struct cp_range double_width[] = {
	{0x1100, 0x115f}, {0x231a, 0x231b}, {0x23e9, 0x23ec}, {0x23f0, 0x23f0},
	{0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653},
	{0x267f, 0x267f}, {0x2693, 0x2693}, {0x26a1, 0x26a1}, {0x26aa, 0x26ab},
	{0x26bd, 0x26be}, {0x26c4, 0x26c5}, {0x26ce, 0x26ce}, {0x26d4, 0x26d4},
	{0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5}, {0x26fa, 0x26fa},
	{0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b}, {0x2728, 0x2728},
	{0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2795, 0x2797}, {0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c},
	{0x2b50, 0x2b50}, {0x2b55, 0x2b55}, {0x2e80, 0x303e}, {0x3041, 0x33ff},
	{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf}, {0xac00, 0xd7a3},
	{0xf900, 0xfaff}, {0xfe30, 0xfe4f}, {0xff00, 0xff60}, {0xffe0, 0xffe6},
	{0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e},
	{0x1f191, 0x1f19a}, {0x1f200, 0x1f2ff}, {0x1f300, 0x1f64f},
	{0x1f680, 0x1f6ff}, {0x1f7e0, 0x1f7eb}, {0x1f900, 0x1f9ff},
	{0x1fa70, 0x1faff}, {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

static bool
in_ranges(uint32_t cp, const struct cp_range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= r[i].lo && cp <= r[i].hi)
			return true;
	return false;
}

bool
text_cp_is_cc(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

int
text_cp_width(uint32_t cp)
{
	if (text_cp_is_cc(cp))
		return 0;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, double_width,
	    sizeof double_width / sizeof double_width[0]))
		return 2;
	return 1;
}

size_t
text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;

	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

size_t
text_cp_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

bool
text_cp_is_control(uint32_t cp)
{
	if (text_cp_is_cc(cp))
		return true;
	/*
	 * Bidirectional marks, embeddings, overrides and isolates: U+202E
	 * turns "Jane Doe" round on the page while the bytes say otherwise.
	 */
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Unicode 15 general category Cf, the rest of Default_Ignorable_Code_Point
 * (DerivedCoreProperties.txt) and the spaces of categories Zs, Zl and Zp
 * other than U+0020, with U+2800 BRAILLE PATTERN BLANK.
 */
static const struct cp_range invisible[] = {
	{0x00a0, 0x00a0}, {0x00ad, 0x00ad}, {0x034f, 0x034f},
	{0x0600, 0x0605}, {0x061c, 0x061c}, {0x06dd, 0x06dd},
	{0x070f, 0x070f}, {0x0890, 0x0891}, {0x08e2, 0x08e2},
	{0x115f, 0x1160}, {0x1680, 0x1680}, {0x17b4, 0x17b5},
	{0x180b, 0x180f}, {0x2000, 0x200f}, {0x2028, 0x202f},
	{0x205f, 0x206f}, {0x2800, 0x2800}, {0x3000, 0x3000},
	{0x3164, 0x3164}, {0xfe00, 0xfe0f}, {0xfeff, 0xfeff},
	{0xffa0, 0xffa0}, {0xfff0, 0xfffb}, {0x110bd, 0x110bd},
	{0x110cd, 0x110cd}, {0x13430, 0x1343f}, {0x1bca0, 0x1bca3},
	{0x1d173, 0x1d17a}, {0xe0000, 0xe0fff},
};

/* Whether s[0..len) holds a code point is() says yes to; *cp is the first. */
static bool
find_cp(const char *s, size_t len, bool (*is)(uint32_t), uint32_t *cp)
{
	size_t i = 0;

	while (i < len) {
		i += text_utf8_decode(s + i, len - i, cp);
		if (is(*cp))
			return true;
	}
	return false;
}

static bool
is_invisible(uint32_t cp)
{
	return in_ranges(cp, invisible, sizeof invisible / sizeof invisible[0]);
}

uint32_t
text_first_invisible(const char *s, size_t len)
{
	uint32_t cp;

	return find_cp(s, len, is_invisible, &cp) ? cp : 0;
}

bool
text_has_control(const char *s, size_t len)
{
	uint32_t cp;

	return find_cp(s, len, text_cp_is_control, &cp);
}

char *
text_escape_controls(const char *s, bool escape_backslash)
{
	size_t len = strlen(s), i = 0;
	struct strbuf b = {0};

	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		char esc[16];

		if (cp == 0xfffd && n == 1 && (unsigned char)s[i] >= 0x80) {
			/* Not UTF-8: show the byte, never pass it on. */
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)s[i]);
			strbuf_puts(&b, esc);
		} else if (cp == '\\' && escape_backslash)
			strbuf_puts(&b, "\\\\");
		else if (cp == '\t')
			strbuf_puts(&b, "\\t");
		else if (cp == '\n')
			strbuf_puts(&b, "\\n");
		else if (cp == '\r')
			strbuf_puts(&b, "\\r");
		else if (text_cp_is_cc(cp)) {
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
			strbuf_puts(&b, esc);
		} else if (text_cp_is_control(cp)) {
			snprintf(esc, sizeof esc, "<U+%04X>", (unsigned)cp);
			strbuf_puts(&b, esc);
		} else
			strbuf_add(&b, s + i, n);
		i += n;
	}
	return strbuf_take(&b);
}

int
text_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
text_quoted(const char *s, size_t max)
{
	size_t n = strlen(s), len = n;
	char *cut, *esc, *q;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	cut = xstrndup(s, n);
	esc = text_escape_controls(cut, false);
	q = xasprintf("\"%s%s\"", esc, n < len ? "..." : "");
	free(cut);
	free(esc);
	return q;
}

char *
text_trimmed(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return xstrndup(s, len);
}

bool
text_has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}
