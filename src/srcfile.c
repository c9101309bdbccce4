/*
 * Byte-level checks of course files.  Authors write these in any editor,
 * so we accept what editors produce (a BOM, CR LF) and reject with a
 * precise location what no editor should (NUL, invalid UTF-8, control
 * characters, absurdly long lines), without ever holding more than one
 * bounded file in memory.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "srcfile.h"
#include "text.h"
#include "xmalloc.h"

/*
 * Bad lines reported before giving up on a file: a binary or non-UTF-8
 * file would otherwise bury the author in one error per line.
 */
#define MAX_BAD_LINES 10

/* Line no is the len bytes at s, in f->text: ended there by a NUL. */
static void
add_line(struct srcfile *f, size_t *cap, char *s, size_t len, long no)
{
	if (f->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		f->lines = xreallocarray(f->lines, *cap, sizeof *f->lines);
	}
	s[len] = '\0';
	f->lines[f->n].text = s;
	f->lines[f->n].len = len;
	f->lines[f->n].lineno = no;
	f->n++;
}

/* Returns false (and reports) when the line breaks a byte-level rule. */
static bool
check_line(const struct srcfile *f, const char *s, size_t len, long no,
    struct diag *d)
{
	size_t bad;

	if (len > SRCFILE_MAX_LINE) {
		diag_add(d, DIAG_ERROR, f->path, no, 0,
		    "line is longer than %d bytes", SRCFILE_MAX_LINE);
		return false;
	}
	if (!text_utf8_valid(s, len, &bad)) {
		diag_add(d, DIAG_ERROR, f->path, no, (long)bad + 1,
		    "invalid UTF-8 (byte 0x%02x)", (unsigned char)s[bad]);
		return false;
	}
	for (size_t i = 0, n; i < len; i += n) {
		uint32_t cp;

		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0) {
			diag_add(d, DIAG_ERROR, f->path, no, (long)i + 1,
			    "NUL byte (is this a binary file?)");
			return false;
		}
		/* A tab is the one control an editor puts in a course file. */
		if (cp != '\t' && text_cp_is_cc(cp)) {
			diag_add(d, DIAG_ERROR, f->path, no, (long)i + 1,
			    cp < 0x80 ? "control character 0x%02x" :
			    "control character U+%04X", (unsigned)cp);
			return false;
		}
	}
	return true;
}

/* Forget every line read so far: a file given up on has none. */
static void
drop_lines(struct srcfile *f)
{
	free(f->lines);
	free(f->text);
	f->lines = NULL;
	f->text = NULL;
	f->n = 0;
}

int
srcfile_parse(struct srcfile *f, const char *name, const char *buf,
    size_t size, struct diag *d)
{
	size_t cap = 0, start = 0, nbad = 0;
	long no = 0;

	memset(f, 0, sizeof *f);
	f->path = xstrdup(name);
	if (size > SRCFILE_MAX_SIZE) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
		    "file is larger than %d bytes", SRCFILE_MAX_SIZE);
		return -1;
	}
	if (size >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	/* A file that is mostly NULs is binary: say so once, not per line. */
	if (memchr(buf + start, '\0', size - start) != NULL &&
	    memchr(buf + start, '\n', size - start) == NULL) {
		diag_add(d, DIAG_ERROR, name, 1, 0,
		    "binary file (contains NUL bytes)");
		return -1;
	}
	/* Room for the NUL that ends a last line without a newline. */
	f->text = xmalloc(size + 1);
	memcpy(f->text, buf, size);
	while (start < size) {
		const char *nl = memchr(buf + start, '\n', size - start);
		size_t end = nl ? (size_t)(nl - buf) : size;
		size_t len = end - start;

		no++;
		if (len > 0 && buf[start + len - 1] == '\r')
			len--;
		if (check_line(f, buf + start, len, no, d)) {
			add_line(f, &cap, f->text + start, len, no);
		} else if (++nbad == MAX_BAD_LINES) {
			diag_add(d, DIAG_ERROR, name, no, 0, "too many bad "
			    "lines, giving up (is this a binary file, or not "
			    "UTF-8?)");
			drop_lines(f);
			return -1;
		} else {
			add_line(f, &cap, f->text + start, 0, no);
		}
		start = end + 1;
	}
	return 0;
}

int
srcfile_read(struct srcfile *f, const char *path, struct diag *d)
{
	FILE *fp;
	struct stat st;
	char *buf;
	size_t nread, want;
	int rc;

	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);

	/* Look before opening: opening a FIFO with no writer would block. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "not a regular file");
		return -1;
	}
	fp = fopen(path, "rb");
	if (fp == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "is a directory");
		fclose(fp);
		return -1;
	}
	/*
	 * A buffer of the file's size and a byte (a file that grew while
	 * being read makes it grow), never more than one byte over the
	 * limit, so an oversized file shows.
	 */
	want = st.st_size < SRCFILE_MAX_SIZE ? (size_t)st.st_size + 1 :
	    SRCFILE_MAX_SIZE + 1;
	buf = xmalloc(want);
	nread = 0;
	while ((nread += fread(buf + nread, 1, want - nread, fp)) == want &&
	    want <= SRCFILE_MAX_SIZE) {
		want = want * 2 < SRCFILE_MAX_SIZE + 1 ? want * 2 :
		    SRCFILE_MAX_SIZE + 1;
		buf = xreallocarray(buf, want, 1);
	}
	if (ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "read error: %s",
		    strerror(errno));
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	free(f->path);
	rc = srcfile_parse(f, path, buf, nread, d);
	free(buf);
	return rc;
}

void
srcfile_unknown_directive(struct diag *d, const char *path,
    const struct srcline *l, const char *const *names, size_t n)
{
	const char *word = l->text + 1;
	size_t len = strcspn(word, " \t");
	char *written, *lower;
	const char *near;

	if (len == 0) {
		diag_add(d, DIAG_ERROR, path, l->lineno, 1, "'@' without a "
		    "directive name (write '@@' for a literal '@')");
		return;
	}
	written = xstrndup(word, len);
	lower = xstrndup(word, len);
	for (char *c = lower; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	near = srcfile_nearest(lower, names, n);
	if (near != NULL)
		diag_add(d, DIAG_ERROR, path, l->lineno, 1, "unknown directive "
		    "'@%s'; did you mean '@%s'?", written, near);
	else
		diag_add(d, DIAG_ERROR, path, l->lineno, 1,
		    "unknown directive '@%s'", written);
	free(lower);
	free(written);
}

const struct srcdir *
srcdirs_row(const struct srcdirs *s, size_t i)
{
	size_t stride = s->stride != 0 ? s->stride : sizeof(struct srcdir);

	return (const struct srcdir *)(const void *)
	    ((const char *)s->rows + i * stride);
}

size_t
srcdirs_index(const struct srcdirs *s, const struct srcdir *row)
{
	size_t stride = s->stride != 0 ? s->stride : sizeof(struct srcdir);

	return (size_t)((const char *)row - (const char *)s->rows) / stride;
}

void
srcdirs_unknown(const struct srcdirs *s, const struct srcline *l)
{
	const char **names = xcalloc(s->n + 1, sizeof *names);

	for (size_t i = 0; i < s->n; i++)
		names[i] = srcdirs_row(s, i)->name;
	srcfile_unknown_directive(s->d, s->path, l, names, s->n);
	free(names);
}

const struct srcdir *
srcdirs_find(const struct srcdirs *s, const char *name, size_t len)
{
	if (name[len] != '\0' && name[len] != ' ' && name[len] != '\t')
		return NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct srcdir *row = srcdirs_row(s, i);

		if (strlen(row->name) == len &&
		    memcmp(row->name, name, len) == 0)
			return row;
	}
	return NULL;
}

#define report(s, line, col, ...) \
	diag_add((s)->d, DIAG_ERROR, (s)->path, (line), (col), __VA_ARGS__)

bool
srcdirs_check(struct srcdirs *s, const struct srcdir *row, long *seen,
    const char *arg, long argcol, long line)
{
	bool first = !s->any;

	s->any = true;
	if ((row->flags & SRCDIR_FIRST) && !first && *seen == 0)
		report(s, line, 1, "'@%s' must be the first directive of the "
		    "file", row->name);
	if ((row->flags & SRCDIR_HEADER) && s->in_body) {
		report(s, line, 1, "'@%s' belongs in the %s, before the first "
		    "'@%s'", row->name, s->header, s->opener);
		/* Said once: not "missing" as well. */
		if (*seen == 0)
			*seen = line;
		return false;
	}
	if ((row->flags & SRCDIR_BODY) && !s->in_body) {
		report(s, line, 1, "'@%s' must come after an '@%s'", row->name,
		    s->opener);
		return false;
	}
	if ((row->flags & SRCDIR_ONCE) && *seen != 0) {
		report(s, line, 1, "duplicate '@%s' (first given at line %ld)",
		    row->name, *seen);
		return false;
	}
	if (*seen == 0)
		*seen = line;
	if ((row->flags & SRCDIR_VALUE) && *arg == '\0') {
		report(s, line, 0, "'@%s' needs a value", row->name);
		return false;
	}
	if ((row->flags & SRCDIR_BARE) && *arg != '\0') {
		report(s, line, argcol, "'@%s' takes no value", row->name);
		return false;
	}
	return true;
}

const struct srcdir *
srcdirs_take(struct srcdirs *s, const struct srcline *l, const char **arg,
    long *argcol)
{
	const char *name;
	size_t len;
	const struct srcdir *row;

	if (!srcline_directive(l, &name, &len, arg, argcol))
		return NULL;
	row = srcdirs_find(s, name, len);
	if (row == NULL) {
		srcdirs_unknown(s, l);
		return NULL;
	}
	if (!srcdirs_check(s, row, &s->seen[srcdirs_index(s, row)], *arg,
	    *argcol, l->lineno))
		return NULL;
	return row;
}

void
srcdirs_missing(const struct srcdirs *s, long line, const char *where)
{
	for (size_t i = 0; i < s->n; i++)
		if ((srcdirs_row(s, i)->flags & SRCDIR_REQUIRED) &&
		    s->seen[i] == 0)
			report(s, line, 0, "missing '@%s' in the %s",
			    srcdirs_row(s, i)->name, where);
}

void *
srcfile_load(const char *path, srcfile_parser *parse, struct diag *d)
{
	struct srcfile f;
	size_t before = d->errors;
	bool read = srcfile_read(&f, path, d) == 0;

	return parse(path, &f, read, before, d);
}

void *
srcfile_load_mem(const char *name, const char *buf, size_t size,
    srcfile_parser *parse, struct diag *d)
{
	struct srcfile f;
	size_t before = d->errors;
	bool read = srcfile_parse(&f, name, buf, size, d) == 0;

	return parse(name, &f, read, before, d);
}

void
srcfile_destroy(struct srcfile *f)
{
	free(f->text);
	free(f->lines);
	free(f->path);
	memset(f, 0, sizeof *f);
}

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '+' || c == '*';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

bool
srcline_directive(const struct srcline *l, const char **name,
    size_t *namelen, const char **arg, long *argcol)
{
	const char *s = l->text, *p, *end;

	if (s[0] != '@' || s[1] == '@')
		return false;
	p = s + 1;
	while (is_name_char(*p))
		p++;
	*name = s + 1;
	*namelen = (size_t)(p - (s + 1));
	while (is_space(*p))
		p++;
	end = s + l->len;
	while (end > p && is_space(end[-1]))
		end--;
	/* Arguments are read in place: trim by terminating the copy. */
	*(char *)end = '\0';
	*arg = p;
	*argcol = (long)(p - s) + 1;
	return true;
}

bool
srcfile_valid_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > SRCFILE_MAX_ID)
		return false;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

bool
srcline_is_comment(const struct srcline *l)
{
	return l->text[0] == '#';
}

bool
srcline_is_blank(const struct srcline *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (!is_space(l->text[i]))
			return false;
	return true;
}

const char *
srcline_text(const struct srcline *l)
{
	if ((l->text[0] == '@' && l->text[1] == '@') ||
	    (l->text[0] == '\\' && l->text[1] == '#'))
		return l->text + 1;
	return l->text;
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row, prev, result;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	result = row[lb];
	free(row);
	return result;
}

const char *
srcfile_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	/* Two edits catch a swapped pair ("nxet"); one is enough for "ls". */
	size_t limit = strlen(word) <= 3 ? 1 : 2;

	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, candidates[i]);

		if (dist < best_d) {
			best_d = dist;
			best = candidates[i];
		}
	}
	/* A prefix ("ne" for "next") is a good suggestion too. */
	if (best_d > limit) {
		for (size_t i = 0; i < n; i++)
			if (word[0] != '\0' &&
			    strncmp(candidates[i], word, strlen(word)) == 0)
				return candidates[i];
		return NULL;
	}
	return best;
}

long
srcfile_whole_number(const char *s, long lo, long hi)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		/* Stop at once past hi: no overflow, however many digits. */
		if (v > hi)
			return -1;
	}
	return v >= lo ? v : -1;
}
