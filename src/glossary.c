/*
 * The course glossary (glossary.h): a plain list of "TERM = MEANING"
 * lines, read once at load and applied to each answer by a left-to-right
 * scan that tries the longest term first at each word, so "rec fem"
 * wins over "rec" and a rewritten part is never rewritten again.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "glossary.h"
#include "srcfile.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

static bool
is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * A term starts with a letter or digit and ends with one, or with a '.'
 * after one: an abbreviation ("n." for nerve), whose full stop is what
 * tells it from a word ("a" the article, "a." the artery).
 */
static bool
valid_term(const char *t)
{
	size_t n = strlen(t);

	if (n > 1 && t[n - 1] == '.')
		n--;
	if (!is_word_char(t[0]) || !is_word_char(t[n - 1]))
		return false;
	for (const char *p = t; *p != '\0'; p++)
		if (!is_word_char(*p) && *p != ' ' && *p != '-' && *p != '.' &&
		    *p != '\'')
			return false;
	return true;
}

static void
add_entry(struct glossary *g, const struct srcline *l, struct diag *d)
{
	const char *text = l->text, *eq = strchr(text, '=');
	char *term, *meaning;

	if (eq == NULL) {
		diag_add(d, DIAG_ERROR, g->path, l->lineno, 1, "expected "
		    "'TERM = COURSE TERM' (e.g. 'belly button = umbilicus')");
		return;
	}
	term = text_trimmed(text, (size_t)(eq - text));
	meaning = text_trimmed(eq + 1, l->len - (size_t)(eq + 1 - text));
	for (char *p = term; *p != '\0'; p++)
		*p = lower(*p);
	if (term[0] == '\0' || meaning[0] == '\0' || !valid_term(term)) {
		diag_add(d, DIAG_ERROR, g->path, l->lineno, 1, "%s",
		    meaning[0] == '\0' ? "no course term after '='" :
		    "a term is words (letters, digits, spaces, '-', '.' and "
		    "''') before the '='");
		goto out;
	}
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->entries[i].term, term) == 0) {
			diag_add(d, DIAG_ERROR, g->path, l->lineno, 1,
			    "'%s' is already in the glossary (line %ld)", term,
			    g->entries[i].lineno);
			goto out;
		}
	g->entries = xreallocarray(g->entries, g->n + 1, sizeof *g->entries);
	g->entries[g->n].term = term;
	g->entries[g->n].meaning = meaning;
	g->entries[g->n].lineno = l->lineno;
	g->n++;
	return;
out:
	free(term);
	free(meaning);
}

/*
 * Add the entries of f's checked lines (none when the file could not be
 * read) and destroy f.  Returns the errors since before.
 */
static size_t
add_lines(struct glossary *g, struct srcfile *f, bool read, size_t before,
    struct diag *d)
{
	g->path = xstrdup(f->path);
	for (size_t i = 0; read && i < f->n; i++)
		if (!srcline_is_comment(&f->lines[i]) &&
		    !srcline_is_blank(&f->lines[i]))
			add_entry(g, &f->lines[i], d);
	srcfile_destroy(f);
	return d->errors - before;
}

size_t
glossary_load(struct glossary *g, const char *path, struct diag *d)
{
	struct srcfile f;
	struct stat st;
	size_t before = d->errors;

	if (stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	return add_lines(g, &f, srcfile_read(&f, path, d) == 0, before, d);
}

size_t
glossary_parse(struct glossary *g, const char *name, const char *buf,
    size_t size, struct diag *d)
{
	struct srcfile f;
	size_t before = d->errors;

	return add_lines(g, &f, srcfile_parse(&f, name, buf, size, d) == 0,
	    before, d);
}

void
glossary_destroy(struct glossary *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->entries[i].term);
		free(g->entries[i].meaning);
	}
	free(g->entries);
	free(g->path);
	memset(g, 0, sizeof *g);
}

/*
 * Length of text at s matched by term (0: no match).  An abbreviation's
 * final '.' also matches the end of the answer, whose last full stop
 * normalisation removed ("femoral n., femoral v." arrives as "...
 * femoral v").
 */
static size_t
match_at(const char *term, const char *s)
{
	size_t i = 0;

	for (; term[i] != '\0'; i++) {
		char t = term[i], c = lower(s[i]);

		if ((t == ' ' || t == '-') && (c == ' ' || c == '-'))
			continue;
		if (t == '.' && term[i + 1] == '\0' && c == '\0' && i > 0)
			return i;
		if (c != t)
			return 0;
	}
	return is_word_char(s[i]) ? 0 : i;
}

/* The longest entry (not skip) matching at s; its length in *n. */
static const struct gloss_entry *
longest_at(const struct glossary *g, const char *s, size_t skip, size_t *n)
{
	const struct gloss_entry *best = NULL;

	*n = 0;
	for (size_t i = 0; i < g->n; i++) {
		size_t k;

		if (i == skip || lower(s[0]) != g->entries[i].term[0])
			continue;
		k = match_at(g->entries[i].term, s);
		if (k > *n) {
			*n = k;
			best = &g->entries[i];
		}
	}
	return best;
}

char *
glossary_apply(const struct glossary *g, const char *text, size_t skip)
{
	struct strbuf b = {0};
	const char *done = text;

	if (g == NULL || g->n == 0)
		return NULL;
	for (const char *p = text; *p != '\0'; p++) {
		const struct gloss_entry *e;
		size_t n;

		if (p > text && is_word_char(p[-1]))
			continue;
		if ((e = longest_at(g, p, skip, &n)) == NULL)
			continue;
		strbuf_add(&b, done, (size_t)(p - done));
		strbuf_puts(&b, e->meaning);
		done = p + n;
		p = done - 1;
	}
	if (done == text)
		return NULL;
	strbuf_puts(&b, done);
	return strbuf_take(&b);
}

bool
glossary_occurs(const struct glossary *g, size_t i, const char *text)
{
	for (const char *p = text; *p != '\0'; p++)
		if ((p == text || !is_word_char(p[-1])) &&
		    match_at(g->entries[i].term, p) > 0)
			return true;
	return false;
}
