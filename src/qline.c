/*
 * Reading a line typed at a question (qline.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qline.h"
#include "xmalloc.h"

static const char *const words[] = { QLINE_WORDS };

/* Where line's text starts and ends, without line ends and blanks. */
static void
span(const char *line, size_t *start, size_t *end, size_t *len)
{
	size_t n = strlen(line), b = 0, e;

	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	while (b < n && (line[b] == ' ' || line[b] == '\t'))
		b++;
	e = n;
	while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t'))
		e--;
	*start = b;
	*end = e;
	*len = n;
}

static const char *
find_word(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == len &&
		    strncasecmp(words[i], s, len) == 0)
			return words[i];
	return NULL;
}

/* In "WORD TEXT", where TEXT starts; else NULL. */
static const char *
after_word(const char *s, size_t len, const char *word)
{
	size_t k = strlen(word);

	if (len <= k || strncasecmp(s, word, k) != 0 ||
	    (s[k] != ' ' && s[k] != '\t'))
		return NULL;
	while (s[k] == ' ' || s[k] == '\t')
		k++;
	return s + k;
}

/* In "answer TEXT", where TEXT starts; else NULL. */
static const char *
escape(const char *s, size_t len)
{
	return after_word(s, len, "answer");
}

/* "flag" alone (reason "") or "flag REASON": where the reason starts. */
static const char *
flag(const char *s, size_t len)
{
	size_t k = strlen(QLINE_FLAG_WORD);

	if (len == k && strncasecmp(s, QLINE_FLAG_WORD, k) == 0)
		return s + k;
	return after_word(s, len, QLINE_FLAG_WORD);
}

void
qline_read(const char *line, struct qline *q)
{
	size_t start, end, len;
	const char *text;

	memset(q, 0, sizeof *q);
	span(line, &start, &end, &len);
	if (start == end)
		return;
	if ((q->word = find_word(line + start, end - start)) != NULL) {
		q->kind = QLINE_WORD;
		return;
	}
	if ((text = flag(line + start, end - start)) != NULL) {
		q->kind = QLINE_FLAG;
		q->answer = xstrndup(text, (size_t)(line + end - text));
		return;
	}
	q->kind = QLINE_ANSWER;
	/* The answer as typed, blanks and all. */
	text = escape(line + start, end - start);
	q->answer = text != NULL ? xstrndup(text, (size_t)(line + end - text)) :
	    xstrndup(line, len);
}

void
qline_destroy(struct qline *q)
{
	free(q->answer);
	q->answer = NULL;
}

bool
qline_is_own(const char *line)
{
	size_t start, end, len;

	span(line, &start, &end, &len);
	return find_word(line + start, end - start) != NULL ||
	    flag(line + start, end - start) != NULL ||
	    escape(line + start, end - start) != NULL;
}
