/*
 * Course values in lesson text (coursevalues.h).  The welcome lesson tells
 * the learner how many post-test attempts there are, how long to wait
 * between them and what the pass mark is; the manifest decides them.
 * Writing the values once, in the manifest, and showing them in the text
 * is simpler and safer than checking prose for numbers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "coursevalues.h"
#include "strbuf.h"
#include "xmalloc.h"

struct course_value {
	const char *name;
	char *(*format)(const struct manifest *m);
};

static char *
fmt_attempts(const struct manifest *m)
{
	return xasprintf("%d", m->attempts);
}

static char *
fmt_wait_hours(const struct manifest *m)
{
	return xasprintf("%d", m->wait_hours);
}

static char *
fmt_pass(const struct manifest *m)
{
	return xasprintf("%d", m->pass);
}

static char *
fmt_posttest(const struct manifest *m)
{
	return xstrdup(m->posttest);
}

static const struct course_value values[] = {
	{"attempts", fmt_attempts},
	{"wait-hours", fmt_wait_hours},
	{"pass", fmt_pass},
	{"posttest", fmt_posttest},
};

/* Length of a value name at s ("wait-hours"), 0 if none starts there. */
static size_t
name_length(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'a' && s[n] <= 'z') || (n > 0 && s[n] == '-'))
		n++;
	return n;
}

static const struct course_value *
find_value(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (strlen(values[i].name) == len &&
		    memcmp(values[i].name, name, len) == 0)
			return &values[i];
	return NULL;
}

/* Expand *text in place; problems are reported at path:line. */
static void
expand(char **text, const struct manifest *m, const char *path, long line,
    struct diag *d)
{
	struct strbuf out = {0};
	const char *s = *text, *open;
	bool changed = false;

	if (s == NULL || strchr(s, '{') == NULL)
		return;
	while ((open = strchr(s, '{')) != NULL) {
		size_t len = name_length(open + 1);
		const struct course_value *v;

		strbuf_add(&out, s, (size_t)(open - s));
		if (len == 0 || open[1 + len] != '}') {
			strbuf_add(&out, open, 1);
			s = open + 1;
			continue;
		}
		v = find_value(open + 1, len);
		if (v == NULL) {
			diag_add(d, DIAG_ERROR, path, line, 0, "unknown course "
			    "value '{%.*s}' (the manifest gives {attempts}, "
			    "{wait-hours}, {pass} and {posttest})", (int)len,
			    open + 1);
			strbuf_add(&out, open, len + 2);
		} else {
			char *value = v->format(m);

			strbuf_puts(&out, value);
			free(value);
			changed = true;
		}
		s = open + len + 2;
	}
	strbuf_puts(&out, s);
	if (changed) {
		free(*text);
		*text = strbuf_take(&out);
	} else {
		strbuf_destroy(&out);
	}
}

static void
expand_block(struct block *b, const struct manifest *m, const char *path,
    struct diag *d)
{
	expand(&b->text, m, path, b->lineno, d);
	expand(&b->description, m, path, b->lineno, d);
	for (size_t i = 0; i < b->nchildren; i++)
		expand_block(&b->children[i], m, path, d);
}

void
coursevalues_expand(struct lesson *l, const struct manifest *m,
    struct diag *d)
{
	for (size_t i = 0; i < l->npages; i++) {
		struct page *p = &l->pages[i];

		expand(&p->title, m, l->path, p->lineno, d);
		for (size_t k = 0; k < p->nblocks; k++)
			expand_block(&p->blocks[k], m, l->path, d);
	}
}
