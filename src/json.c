/*
 * JSON writing and strict reading (json.h).  The reader is a plain
 * recursive descent over the grammar of RFC 8259 with a depth limit, so a
 * hostile file can neither overflow the stack nor sneak bytes past it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "xmalloc.h"

/* ------------------------------------------------------------- writing */

bool
json_put_string(struct strbuf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	bool exact = true;
	size_t i = 0;

	strbuf_add(b, "\"", 1);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };

			strbuf_add(b, e, 2);
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			const char *sh = c == '\n' ? "\\n" : c == '\t' ? "\\t" :
			    c == '\r' ? "\\r" : NULL;
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4],
			    hex[c & 15], 0 };

			strbuf_puts(b, sh != NULL ? sh : u);
			i++;
			continue;
		}
		if (c < 0x80) {
			strbuf_add(b, s + i, 1);
			i++;
			continue;
		}
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1) {
			/* Not UTF-8: say so visibly, never pass the byte on. */
			strbuf_puts(b, "\\ufffd");
			exact = false;
		} else {
			strbuf_add(b, s + i, n);
		}
		i += n;
	}
	strbuf_add(b, "\"", 1);
	return exact;
}

/* ------------------------------------------------------------- reading */

struct reader {
	const char *s;
	size_t len, at;
	char *cause;
};

static bool
fail(struct reader *r, const char *why)
{
	if (r->cause == NULL)
		r->cause = xasprintf("byte %zu: %s", r->at, why);
	return false;
}

static void
skip_ws(struct reader *r)
{
	while (r->at < r->len && strchr(" \t\r\n", r->s[r->at]) != NULL &&
	    r->s[r->at] != '\0')
		r->at++;
}

static struct json *
node(enum json_type t)
{
	struct json *j = xcalloc(1, sizeof *j);

	j->type = t;
	return j;
}

static bool value(struct reader *r, struct json **out, int depth);

/* Four hex digits after "\u" at r->at. */
static bool
read_u4(struct reader *r, uint32_t *v)
{
	*v = 0;
	if (r->len - r->at < 4)
		return fail(r, "a \\u escape needs four hex digits");
	for (int k = 0; k < 4; k++) {
		int h = text_hex_digit(r->s[r->at + (size_t)k]);

		if (h < 0)
			return fail(r, "a \\u escape needs four hex digits");
		*v = *v << 4 | (uint32_t)h;
	}
	r->at += 4;
	return true;
}

static void
put_utf8(struct strbuf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	strbuf_add(b, u, n);
}

/* One escape after the backslash at r->at - 1. */
static bool
read_escape(struct reader *r, struct strbuf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;
	uint32_t cp, lo;

	if (r->at >= r->len)
		return fail(r, "unterminated string");
	if (r->s[r->at] != 'u') {
		if (r->s[r->at] == '\0' ||
		    (e = strchr(from, r->s[r->at])) == NULL)
			return fail(r, "bad escape in a string");
		strbuf_add(b, &to[e - from], 1);
		r->at++;
		return true;
	}
	r->at++;
	if (!read_u4(r, &cp))
		return false;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return fail(r, "a lone low surrogate escape");
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (r->len - r->at < 2 || r->s[r->at] != '\\' ||
		    r->s[r->at + 1] != 'u')
			return fail(r, "a lone high surrogate escape");
		r->at += 2;
		if (!read_u4(r, &lo))
			return false;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail(r, "a high surrogate escape without its "
			    "low half");
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (cp == 0)
		return fail(r, "a NUL character in a string");
	put_utf8(b, cp);
	return true;
}

static bool
read_string(struct reader *r, char **out)
{
	struct strbuf b = {0};

	r->at++;		/* the opening quote */
	strbuf_add(&b, "", 0);
	for (;;) {
		unsigned char c;
		size_t start = r->at, bad;

		while (r->at < r->len && (c = (unsigned char)r->s[r->at]) !=
		    '"' && c != '\\' && c >= 0x20)
			r->at++;
		if (!text_utf8_valid(r->s + start, r->at - start, &bad)) {
			r->at = start + bad;
			strbuf_destroy(&b);
			return fail(r, "invalid UTF-8 in a string");
		}
		strbuf_add(&b, r->s + start, r->at - start);
		if (r->at >= r->len) {
			strbuf_destroy(&b);
			return fail(r, "unterminated string");
		}
		c = (unsigned char)r->s[r->at++];
		if (c == '"')
			break;
		if (c != '\\') {
			r->at--;
			strbuf_destroy(&b);
			return fail(r, "a control character in a string");
		}
		if (!read_escape(r, &b)) {
			strbuf_destroy(&b);
			return false;
		}
	}
	*out = strbuf_take(&b);
	return true;
}

static bool
read_number(struct reader *r, struct json **out)
{
	size_t start = r->at;
	const char *s = r->s;

#define DIGITS(at) ((at) < r->len && s[at] >= '0' && s[at] <= '9')
	if (r->at < r->len && s[r->at] == '-')
		r->at++;
	if (!DIGITS(r->at))
		return fail(r, "not a JSON value");
	if (s[r->at] == '0')
		r->at++;
	else
		while (DIGITS(r->at))
			r->at++;
	if (r->at < r->len && s[r->at] == '.') {
		r->at++;
		if (!DIGITS(r->at))
			return fail(r, "a digit must follow the decimal point");
		while (DIGITS(r->at))
			r->at++;
	}
	if (r->at < r->len && (s[r->at] == 'e' || s[r->at] == 'E')) {
		r->at++;
		if (r->at < r->len && (s[r->at] == '+' || s[r->at] == '-'))
			r->at++;
		if (!DIGITS(r->at))
			return fail(r, "a digit must follow the exponent");
		while (DIGITS(r->at))
			r->at++;
	}
#undef DIGITS
	*out = node(JSON_NUMBER);
	(*out)->s = xstrndup(s + start, r->at - start);
	(*out)->num = strtod((*out)->s, NULL);
	return true;
}

/* An array or object after its opening bracket. */
static bool
read_members(struct reader *r, struct json *j, bool object, int depth)
{
	char close = object ? '}' : ']';
	size_t cap = 0;

	r->at++;
	skip_ws(r);
	if (r->at < r->len && r->s[r->at] == close) {
		r->at++;
		return true;
	}
	for (;;) {
		char *key = NULL;
		struct json *v = NULL;

		skip_ws(r);
		if (object) {
			if (r->at >= r->len || r->s[r->at] != '"')
				return fail(r, "an object key must be a string");
			if (!read_string(r, &key))
				return false;
			if (json_get(j, key) != NULL) {
				free(key);
				return fail(r, "a key given twice in one object");
			}
			skip_ws(r);
			if (r->at >= r->len || r->s[r->at] != ':') {
				free(key);
				return fail(r, "':' must follow an object key");
			}
			r->at++;
		}
		if (!value(r, &v, depth + 1)) {
			json_free(v);
			free(key);
			return false;
		}
		if (object && j->n >= JSON_MAX_MEMBERS) {
			json_free(v);
			free(key);
			return fail(r, "too many members in one object");
		}
		if (j->n == cap) {
			cap = cap ? 2 * cap : 8;
			j->items = xreallocarray(j->items, cap, sizeof *j->items);
			if (object)
				j->keys = xreallocarray(j->keys, cap,
				    sizeof *j->keys);
		}
		if (object)
			j->keys[j->n] = key;
		j->items[j->n++] = v;
		skip_ws(r);
		if (r->at < r->len && r->s[r->at] == ',') {
			r->at++;
			continue;
		}
		if (r->at < r->len && r->s[r->at] == close) {
			r->at++;
			return true;
		}
		return fail(r, object ? "',' or '}' expected" :
		    "',' or ']' expected");
	}
}

static bool
value(struct reader *r, struct json **out, int depth)
{
	static const struct { const char *word; enum json_type t; } words[] = {
		{ "null", JSON_NULL }, { "false", JSON_FALSE },
		{ "true", JSON_TRUE },
	};
	char c;

	*out = NULL;
	if (depth > JSON_MAX_DEPTH)
		return fail(r, "nested too deeply");
	skip_ws(r);
	if (r->at >= r->len)
		return fail(r, "a value expected, found the end");
	c = r->s[r->at];
	if (c == '"') {
		*out = node(JSON_STRING);
		return read_string(r, &(*out)->s);
	}
	if (c == '[' || c == '{') {
		*out = node(c == '{' ? JSON_OBJECT : JSON_ARRAY);
		return read_members(r, *out, c == '{', depth);
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].word);

		if (r->len - r->at >= n &&
		    memcmp(r->s + r->at, words[i].word, n) == 0) {
			r->at += n;
			*out = node(words[i].t);
			return true;
		}
	}
	return read_number(r, out);
}

struct json *
json_parse(const char *s, size_t len, char **cause)
{
	struct reader r = { .s = s, .len = len };
	struct json *j = NULL;

	if (value(&r, &j, 0)) {
		skip_ws(&r);
		if (r.at == r.len)
			return j;
		fail(&r, "something follows the JSON value");
	}
	json_free(j);
	*cause = r.cause;
	return NULL;
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	for (size_t i = 0; i < j->n; i++) {
		json_free(j->items[i]);
		if (j->keys != NULL)
			free(j->keys[i]);
	}
	free(j->items);
	free(j->keys);
	free(j->s);
	free(j);
}

const struct json *
json_get(const struct json *j, const char *key)
{
	if (j == NULL || j->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->keys[i], key) == 0)
			return j->items[i];
	return NULL;
}

const char *
json_get_string(const struct json *j, const char *key)
{
	const struct json *v = json_get(j, key);

	return v != NULL && v->type == JSON_STRING ? v->s : NULL;
}
