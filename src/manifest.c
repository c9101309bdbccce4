/*
 * The course manifest parser.  Each directive is one row of a table that
 * says how its value is read and where it goes, so the rules for a value
 * (an id, a whole number in a range, yes/no, "BOARD: NUMBER") each live
 * in one reader.  Like the lesson and quiz parsers it reports every
 * problem with its line and returns nothing when anything was wrong: a
 * certificate must never be built from half a manifest.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "manifest.h"
#include "srcfile.h"
#include "text.h"
#include "xmalloc.h"

#define MANIFEST_MAX_HOURS10 1000	/* tenths of an hour: at most 100 hours */
#define MANIFEST_MAX_ATTEMPTS 100
#define MANIFEST_MAX_WAIT_HOURS 8760	/* a year */

/* How a directive's value is read. */
enum value_kind {
	V_TEXT,		/* any non-empty text */
	V_ID,		/* a course id */
	V_EMAIL,	/* one address: local@domain.tld */
	V_SITE,		/* a web address: https://host[/path] */
	V_HOURS,	/* N or N.N */
	V_PERCENT,	/* whole number 1..100 */
	V_ATTEMPTS,	/* whole number 1..MANIFEST_MAX_ATTEMPTS */
	V_WAIT,		/* whole number 0..MANIFEST_MAX_WAIT_HOURS */
	V_YESNO,	/* yes or no */
	V_APPROVAL,	/* BOARD: NUMBER (repeatable) */
	V_AUTHOR,	/* NAME, CREDENTIALS (repeatable) */
	V_EVAL,		/* likert|text ID TEXT (repeatable) */
	V_DIGEST,	/* a course digest: 64 lowercase hex digits */
	V_EDITION,	/* learner */
	V_FILENAME,	/* a plain file name in the course root */
};

/* A row of the table: the rules (srcfile.h), then how the value is read. */
struct directive {
	struct srcdir dir;
	enum value_kind kind;
	size_t field;		/* offsetof the char * / int / bool in manifest */
	size_t line_field;	/* offsetof a long for the line, or 0 */
};

#define F(member) offsetof(struct manifest, member)
/* Required, at most once, with a value: most of the manifest. */
#define ONE (SRCDIR_VALUE | SRCDIR_ONCE | SRCDIR_REQUIRED)
#define MANY (SRCDIR_VALUE)

static const struct directive directives[] = {
	{{"course", ONE}, V_ID, F(course), 0},
	{{"title", ONE}, V_TEXT, F(title), 0},
	{{"version", ONE}, V_TEXT, F(version), 0},
	{{"type", ONE}, V_TEXT, F(type), 0},
	{{"hours", ONE}, V_HOURS, F(hours), F(hours_line)},
	{{"provider-name", ONE}, V_TEXT, F(provider_name), 0},
	{{"provider-address", ONE}, V_TEXT, F(provider_address), 0},
	{{"provider-email", ONE}, V_EMAIL, F(provider_email), 0},
	{{"provider-number", ONE}, V_TEXT, F(provider_number), 0},
	{{"provider-site", SRCDIR_VALUE | SRCDIR_ONCE}, V_SITE,
	    F(provider_site), 0},
	{{"approval", MANY}, V_APPROVAL, 0, 0},
	{{"author", MANY | SRCDIR_REQUIRED}, V_AUTHOR, 0, 0},
	{{"posttest", ONE}, V_ID, F(posttest), F(posttest_line)},
	{{"pass", ONE}, V_PERCENT, F(pass), F(pass_line)},
	{{"attempts", ONE}, V_ATTEMPTS, F(attempts), 0},
	{{"wait-hours", ONE}, V_WAIT, F(wait_hours), 0},
	{{"require-practice", ONE}, V_YESNO, F(require_practice), 0},
	{{"evaluation", MANY}, V_EVAL, 0, 0},
	{{"edition", SRCDIR_VALUE | SRCDIR_ONCE}, V_EDITION,
	    F(learner_edition), 0},
	{{"digest", SRCDIR_VALUE | SRCDIR_ONCE}, V_DIGEST, F(digest),
	    F(digest_line)},
	{{"public-key", SRCDIR_VALUE | SRCDIR_ONCE}, V_FILENAME,
	    F(public_key), 0},
};

#define NDIRECTIVES (sizeof directives / sizeof directives[0])

struct parser {
	struct manifest *m;
	struct diag *d;
	const char *path;
	struct srcdirs dirs;
	long seen[NDIRECTIVES];		/* 0 until the directive is seen */
	long line, col;			/* of the value being read */
};

#define error(p, col, ...) \
	diag_add((p)->d, DIAG_ERROR, (p)->path, (p)->line, (col), __VA_ARGS__)

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* "2" -> 20, "1.5" -> 15; -1 when not N[.N] or zero or too many. */
static int
parse_hours(const char *s)
{
	const char *dot = strchr(s, '.');
	long whole, tenth = 0;
	char *w;

	if (dot != NULL) {
		if (dot[1] < '0' || dot[1] > '9' || dot[2] != '\0')
			return -1;
		tenth = dot[1] - '0';
	}
	w = xstrndup(s, dot != NULL ? (size_t)(dot - s) : strlen(s));
	whole = srcfile_whole_number(w, 0, MANIFEST_MAX_HOURS10 / 10);
	free(w);
	if (whole < 0 || whole * 10 + tenth == 0 ||
	    whole * 10 + tenth > MANIFEST_MAX_HOURS10)
		return -1;
	return (int)(whole * 10 + tenth);
}

/* One address, no spaces: something@domain.with.dot. */
static bool
valid_email(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strpbrk(s, " \t<>,;") != NULL)
		return false;
	at = strchr(at + 1, '.');
	return at != NULL && at[1] != '\0' && at[-1] != '@';
}

/*
 * A web address the xAPI statements can build IRIs on: http(s)://, a
 * host of letters, digits, dots and hyphens, an optional path of the
 * same and '/', '_', '~'; no query, fragment or space.
 */
static bool
valid_site(const char *s)
{
	static const char host[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";
	size_t n;

	if (strncmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncmp(s, "http://", 7) == 0)
		s += 7;
	else
		return false;
	if ((n = strspn(s, host)) == 0 || s[0] == '.' || s[0] == '-')
		return false;
	s += n;
	return *s == '\0' || (*s == '/' &&
	    strspn(s, "/_~abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == strlen(s));
}

static void
read_approval(struct parser *p, const char *arg)
{
	struct manifest *m = p->m;
	const char *colon = strrchr(arg, ':');
	struct manifest_approval *a;
	char *board, *number;

	if (colon == NULL) {
		error(p, p->col, "'@approval' needs 'BOARD: NUMBER'");
		return;
	}
	board = text_trimmed(arg, (size_t)(colon - arg));
	number = text_trimmed(colon + 1, strlen(colon + 1));
	if (*board == '\0' || *number == '\0') {
		error(p, p->col, "'@approval' needs 'BOARD: NUMBER' (%s is "
		    "empty)", *board == '\0' ? "the board" : "the number");
		free(board);
		free(number);
		return;
	}
	m->approvals = xreallocarray(m->approvals, m->napprovals + 1,
	    sizeof *m->approvals);
	a = &m->approvals[m->napprovals++];
	a->board = board;
	a->number = number;
	a->lineno = p->line;
}

static void
read_author(struct parser *p, const char *arg)
{
	struct manifest *m = p->m;
	const char *comma = strchr(arg, ',');
	char *cred;

	if (comma == NULL || comma == arg) {
		error(p, p->col, "'@author' needs 'NAME, CREDENTIALS'");
		return;
	}
	cred = text_trimmed(comma + 1, strlen(comma + 1));
	if (*cred == '\0')
		error(p, p->col, "'@author' needs 'NAME, CREDENTIALS' (no "
		    "credentials after the comma)");
	free(cred);
	m->authors = xreallocarray(m->authors, m->nauthors + 1,
	    sizeof *m->authors);
	m->authors[m->nauthors++] = xstrdup(arg);
}

static void
read_eval(struct parser *p, const char *arg)
{
	static const char *const kinds[] = {
		[MANIFEST_LIKERT] = "likert", [MANIFEST_TEXT] = "text",
	};
	struct manifest *m = p->m;
	const char *s = arg, *id;
	size_t klen, idlen;
	struct manifest_eval e;
	int kind = -1;

	klen = strcspn(s, " \t");
	for (int i = 0; i < 2; i++)
		if (strlen(kinds[i]) == klen && strncmp(s, kinds[i], klen) == 0)
			kind = i;
	if (kind < 0) {
		error(p, p->col, "'@evaluation' needs 'likert ID TEXT' or "
		    "'text ID TEXT'");
		return;
	}
	for (s += klen; is_space(*s); s++)
		;
	id = s;
	idlen = strcspn(s, " \t");
	for (s += idlen; is_space(*s); s++)
		;
	memset(&e, 0, sizeof e);
	e.kind = (enum manifest_eval_kind)kind;
	e.id = xstrndup(id, idlen);
	e.text = xstrdup(s);
	e.lineno = p->line;
	if (!srcfile_valid_id(e.id) || *s == '\0') {
		error(p, p->col + (long)(id - arg), *s == '\0' ?
		    "'@evaluation %s' needs an id and the text shown" :
		    "bad evaluation id '%s' (use a-z, 0-9 and '-', not '-' "
		    "first)", *s == '\0' ? kinds[kind] : e.id);
		free(e.id);
		free(e.text);
		return;
	}
	for (size_t i = 0; i < m->nevals; i++)
		if (strcmp(m->evals[i].id, e.id) == 0) {
			error(p, p->col + (long)(id - arg), "duplicate "
			    "evaluation id '%s' (first given at line %ld)",
			    e.id, m->evals[i].lineno);
			free(e.id);
			free(e.text);
			return;
		}
	m->evals = xreallocarray(m->evals, m->nevals + 1, sizeof *m->evals);
	m->evals[m->nevals++] = e;
}

/* Read arg as dir's kind into the manifest; errors at p->line, p->col. */
static void
read_value(struct parser *p, const struct directive *dir, const char *arg)
{
	char *base = (char *)p->m;
	char **str = (char **)(void *)(base + dir->field);
	int *num = (int *)(void *)(base + dir->field);
	long v;

	if (dir->line_field != 0)
		*(long *)(void *)(base + dir->line_field) = p->line;
	switch (dir->kind) {
	case V_ID:
		if (!srcfile_valid_id(arg)) {
			error(p, p->col, "bad id '%s' (use a-z, 0-9 and '-', "
			    "not '-' first, at most %d bytes)", arg,
			    SRCFILE_MAX_ID);
			return;
		}
		*str = xstrdup(arg);
		return;
	case V_EMAIL:
		if (!valid_email(arg)) {
			error(p, p->col, "bad e-mail address '%s' (one "
			    "address, like name@example.org)", arg);
			return;
		}
		*str = xstrdup(arg);
		return;
	case V_SITE:
		if (!valid_site(arg)) {
			error(p, p->col, "bad '@provider-site' value '%s' (the "
			    "provider's web address, like "
			    "https://ce.example.org)", arg);
			return;
		}
		*str = xstrdup(arg);
		return;
	case V_TEXT:
		*str = xstrdup(arg);
		return;
	case V_HOURS:
		p->m->hours10 = parse_hours(arg);
		if (p->m->hours10 < 0) {
			error(p, p->col, "bad '@hours' value '%s' (a number "
			    "of hours like 2 or 1.5, more than 0, at most "
			    "%d)", arg, MANIFEST_MAX_HOURS10 / 10);
			return;
		}
		*str = xstrdup(arg);
		return;
	case V_PERCENT:
	case V_ATTEMPTS:
	case V_WAIT: {
		long lo = dir->kind == V_WAIT ? 0 : 1;
		long hi = dir->kind == V_PERCENT ? 100 :
		    dir->kind == V_ATTEMPTS ? MANIFEST_MAX_ATTEMPTS :
		    MANIFEST_MAX_WAIT_HOURS;

		v = srcfile_whole_number(arg, lo, hi);
		if (v < 0)
			error(p, p->col, "bad '@%s' value '%s' (a whole number "
			    "from %ld to %ld)", dir->dir.name, arg, lo, hi);
		else
			*num = (int)v;
		return;
	}
	case V_YESNO:
		if (strcmp(arg, "yes") != 0 && strcmp(arg, "no") != 0) {
			error(p, p->col, "bad '@%s' value '%s' (yes or no)",
			    dir->dir.name, arg);
			return;
		}
		*(bool *)(void *)(base + dir->field) = strcmp(arg, "yes") == 0;
		return;
	case V_APPROVAL:
		read_approval(p, arg);
		return;
	case V_AUTHOR:
		read_author(p, arg);
		return;
	case V_EVAL:
		read_eval(p, arg);
		return;
	case V_DIGEST:
		if (!digest_valid_hex(arg)) {
			error(p, p->col, "bad '@digest' value (the course "
			    "digest: %d lowercase hex digits)", DIGEST_HEX_LEN);
			return;
		}
		*str = xstrdup(arg);
		return;
	case V_EDITION:
		if (strcmp(arg, "learner") != 0) {
			error(p, p->col, "bad '@edition' value '%s' (only "
			    "'learner': a full course has no '@edition')", arg);
			return;
		}
		*(bool *)(void *)(base + dir->field) = true;
		return;
	case V_FILENAME:
		if (arg[0] == '.' || strspn(arg, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != strlen(arg)) {
			error(p, p->col, "bad '@%s' value '%s' (a file name in "
			    "the course folder: letters, digits, '.', '_', "
			    "'-', not '.' first)", dir->dir.name, arg);
			return;
		}
		*str = xstrdup(arg);
		return;
	}
}

static void
line(struct parser *p, const struct srcline *sl)
{
	const char *arg;
	long argcol;
	const struct srcdir *row;

	if (srcline_is_comment(sl) || srcline_is_blank(sl))
		return;
	p->line = sl->lineno;
	if (sl->text[0] != '@' || sl->text[1] == '@') {
		error(p, 1, "text outside a directive (manifest lines are "
		    "'@name value' or '#' comments)");
		return;
	}
	row = srcdirs_take(&p->dirs, sl, &arg, &argcol);
	if (row == NULL)
		return;
	p->col = argcol;
	read_value(p, (const struct directive *)(const void *)row, arg);
}

/* A srcfile_parser: the manifest of f's checked lines, or NULL. */
static void *
parse_lines(const char *path, struct srcfile *f, bool read, size_t errors,
    struct diag *d)
{
	struct parser p;
	bool byte_errors;

	if (!read) {
		srcfile_destroy(f);
		return NULL;
	}
	byte_errors = d->errors > errors;
	memset(&p, 0, sizeof p);
	p.m = xcalloc(1, sizeof *p.m);
	p.m->path = xstrdup(path);
	p.d = d;
	p.path = path;
	p.dirs = (struct srcdirs){ .path = path, .d = d, .rows = directives,
	    .n = NDIRECTIVES, .stride = sizeof directives[0], .seen = p.seen };
	for (size_t i = 0; i < f->n; i++)
		line(&p, &f->lines[i]);
	/* A blanked (bad) line may have held the directive: don't guess. */
	if (!byte_errors)
		srcdirs_missing(&p.dirs, 1, "course manifest");
	p.line = 1;
	if (p.m->digest != NULL)
		p.line = p.m->digest_line;
	if (!byte_errors && p.m->learner_edition != (p.m->digest != NULL))
		error(&p, 0, p.m->digest != NULL ? "'@digest' belongs in a "
		    "learner edition: add '@edition learner' or remove it" :
		    "a learner edition ('@edition learner') needs the '@digest' "
		    "of the full course it was published from");
	srcfile_destroy(f);
	if (d->errors > errors) {
		manifest_free(p.m);
		return NULL;
	}
	return p.m;
}

struct manifest *
manifest_load(const char *path, struct diag *d)
{
	return srcfile_load(path, parse_lines, d);
}

struct manifest *
manifest_parse(const char *name, const char *buf, size_t size,
    struct diag *d)
{
	return srcfile_load_mem(name, buf, size, parse_lines, d);
}

void
manifest_free(struct manifest *m)
{
	if (m == NULL)
		return;
	free(m->path);
	free(m->course);
	free(m->title);
	free(m->version);
	free(m->type);
	free(m->hours);
	free(m->provider_name);
	free(m->provider_address);
	free(m->provider_email);
	free(m->provider_number);
	free(m->provider_site);
	for (size_t i = 0; i < m->napprovals; i++) {
		free(m->approvals[i].board);
		free(m->approvals[i].number);
	}
	free(m->approvals);
	for (size_t i = 0; i < m->nauthors; i++)
		free(m->authors[i]);
	free(m->authors);
	free(m->posttest);
	for (size_t i = 0; i < m->nevals; i++) {
		free(m->evals[i].id);
		free(m->evals[i].text);
	}
	free(m->evals);
	free(m->digest);
	free(m->public_key);
	free(m);
}
