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

/*
 * A value is a count (shown as a number, and the only kind a noun can
 * follow, "{attempts|attempt|attempts}") or a text.
 */
struct course_value {
	const char *name;
	int (*count)(const struct manifest *m);
	char *(*text)(const struct manifest *m);
};

static int
count_attempts(const struct manifest *m)
{
	return m->attempts;
}

static int
count_wait_hours(const struct manifest *m)
{
	return m->wait_hours;
}

static int
count_pass(const struct manifest *m)
{
	return m->pass;
}

static char *
text_posttest(const struct manifest *m)
{
	return xstrdup(m->posttest);
}

static const struct course_value values[] = {
	{"attempts", count_attempts, NULL},
	{"wait-hours", count_wait_hours, NULL},
	{"pass", count_pass, NULL},
	{"posttest", NULL, text_posttest},
};

/*
 * The value of v, with its noun when forms ("SINGULAR|PLURAL", flen
 * bytes; NULL when the braces hold the name alone) are given: the
 * singular for exactly 1, the plural otherwise.  NULL with *why (static
 * text) when the forms are wrong for v.
 */
static char *
value_text(const struct course_value *v, const struct manifest *m,
    const char *forms, size_t flen, const char **why)
{
	const char *bar;
	int n;

	if (v->count == NULL) {
		if (forms == NULL)
			return v->text(m);
		*why = "is a name, not a number: it takes no noun forms";
		return NULL;
	}
	n = v->count(m);
	if (forms == NULL)
		return xasprintf("%d", n);
	bar = memchr(forms, '|', flen);
	if (bar == NULL || bar == forms || bar == forms + flen - 1 ||
	    memchr(bar + 1, '|', flen - (size_t)(bar + 1 - forms)) != NULL) {
		*why = "needs two noun forms, singular then plural, as in "
		    "{attempts|attempt|attempts}";
		return NULL;
	}
	if (n == 1)
		return xasprintf("%d %.*s", n, (int)(bar - forms), forms);
	return xasprintf("%d %.*s", n, (int)(flen - (size_t)(bar + 1 - forms)),
	    bar + 1);
}

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
		size_t len = name_length(open + 1), flen = 0;
		const char *forms = NULL, *why = NULL;
		const struct course_value *v;
		char *value;

		strbuf_add(&out, s, (size_t)(open - s));
		if (len > 0 && open[1 + len] == '|') {
			forms = open + 2 + len;
			flen = strcspn(forms, "{}\n");
		}
		if (len == 0 || (forms == NULL && open[1 + len] != '}') ||
		    (forms != NULL && forms[flen] != '}')) {
			strbuf_add(&out, open, 1);
			s = open + 1;
			continue;
		}
		v = find_value(open + 1, len);
		value = v != NULL ? value_text(v, m, forms, flen, &why) : NULL;
		if (v == NULL)
			diag_add(d, DIAG_ERROR, path, line, 0, "unknown course "
			    "value '{%.*s}' (the manifest gives {attempts}, "
			    "{wait-hours}, {pass} and {posttest})", (int)len,
			    open + 1);
		else if (value == NULL)
			diag_add(d, DIAG_ERROR, path, line, 0, "course value "
			    "'{%.*s}' %s", (int)(len + (forms != NULL ?
			    flen + 1 : 0)), open + 1, why);
		if (value == NULL) {
			strbuf_add(&out, open, len + 2 +
			    (forms != NULL ? flen + 1 : 0));
		} else {
			strbuf_puts(&out, value);
			free(value);
			changed = true;
		}
		s = open + len + 2 + (forms != NULL ? flen + 1 : 0);
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
