/*
 * JSON (RFC 8259), both ways, for xAPI statements (xapi.h): a writer of
 * strings that turns any bytes into valid JSON, and a strict reader into
 * a small tree for the provider, who reads files a learner made.
 *
 * Writing: json_put_string escapes '"', '\\' and every control character
 * (as \uXXXX or the short escapes) and copies valid UTF-8 as is; a byte
 * that is not part of valid UTF-8 becomes U+FFFD, so the output is valid
 * JSON whatever the input.  It returns false when that happened, so a
 * caller that must keep the exact bytes can keep them some other way.
 *
 * Reading: json_parse accepts exactly one JSON text (whitespace around
 * it), refuses anything else with a reason and a byte offset: bad syntax,
 * invalid UTF-8, a lone surrogate escape, a NUL in a string (our strings
 * are C strings), nesting deeper than JSON_MAX_DEPTH, a duplicate key in
 * an object, more than JSON_MAX_MEMBERS keys in one object.  Numbers keep their text and a double.
 */
#ifndef PSOAS_JSON_H
#define PSOAS_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define JSON_MAX_DEPTH 64
#define JSON_MAX_MEMBERS 1000	/* keys in one object (each is checked for a twin) */

enum json_type { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING,
	JSON_ARRAY, JSON_OBJECT };

struct json {
	enum json_type type;
	char *s;		/* string (UTF-8, no NUL), or a number's text */
	double num;		/* a number's value */
	struct json **items;	/* array elements, or object values */
	char **keys;		/* object keys, beside items */
	size_t n;
};

/* Append s[0..len) to b as a JSON string, quotes included. */
bool json_put_string(struct strbuf *b, const char *s, size_t len);

/*
 * Parse s[0..len).  Returns a new tree (json_free), or NULL with *cause
 * set to a new message "byte N: WHY".
 */
struct json *json_parse(const char *s, size_t len, char **cause);
void json_free(struct json *j);

/* Member key of object j, or NULL (also when j is NULL or no object). */
const struct json *json_get(const struct json *j, const char *key);
/* Member key's string, or NULL when it is missing or not a string. */
const char *json_get_string(const struct json *j, const char *key);

#endif
