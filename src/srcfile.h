/*
 * Reading a course file (lesson or quiz) into checked lines.  Both file
 * kinds share one line syntax (doc/FORMATS.md "Common line syntax"), so
 * the byte-level checks and the directive splitting live here once.
 *
 * After srcfile_read every line is valid UTF-8 with no NUL, no control
 * characters other than TAB, no CR, and at most SRCFILE_MAX_LINE bytes;
 * a line that broke one of these rules is reported to the diag and kept
 * as an empty line, so parsers still see correct line numbers.
 */
#ifndef PSOAS_SRCFILE_H
#define PSOAS_SRCFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define SRCFILE_MAX_LINE 4096		/* bytes in one line */
#define SRCFILE_MAX_SIZE (1024 * 1024)	/* bytes in one file */

struct srcline {
	char *text;	/* NUL-terminated, no newline; in its file's text */
	size_t len;
	long lineno;	/* 1-based */
};

struct srcfile {
	char *path;	/* owned copy of the path as given */
	/*
	 * One owned copy of the file, each line ended by a NUL where its
	 * newline was: a line is not an allocation of its own.
	 */
	char *text;
	struct srcline *lines;
	size_t n;
};

/*
 * Read path into f.  Returns 0 when the file could be read (even if some
 * lines were bad: those errors are in d), -1 when it could not be read at
 * all (missing, unreadable, a directory, too large, binary); then f is
 * empty but still safe to destroy.
 */
int srcfile_read(struct srcfile *f, const char *path, struct diag *d);

/*
 * The same from memory: size bytes of buf, reported under name (as the
 * path would be).  srcfile_read is this after reading the file, so
 * tests and fuzzers give text directly.
 */
int srcfile_parse(struct srcfile *f, const char *name, const char *buf,
    size_t size, struct diag *d);

/*
 * A parser of checked lines: it gets f (read is false when the file
 * could not be read at all) and the error count before reading (so
 * byte-level errors fail it too), destroys f, and returns what it built
 * or NULL.  srcfile_load and srcfile_load_mem run one on a file or on
 * text in memory, so a parser is written once for both.
 */
typedef void *srcfile_parser(const char *name, struct srcfile *f, bool read,
    size_t before, struct diag *d);
void *srcfile_load(const char *path, srcfile_parser *parse, struct diag *d);
void *srcfile_load_mem(const char *name, const char *buf, size_t size,
    srcfile_parser *parse, struct diag *d);
void srcfile_destroy(struct srcfile *f);

/*
 * A directive line starts with '@' but not "@@".  On success *name points
 * just past the '@' with *namelen bytes of name ([a-z0-9+*-]), and *arg
 * points to the trimmed argument (possibly ""), *argcol to its 1-based
 * column in the line.
 */
bool srcline_directive(const struct srcline *l, const char **name,
    size_t *namelen, const char **arg, long *argcol);

/* True for a comment line ('#' first) or a blank line (only white space). */
bool srcline_is_comment(const struct srcline *l);
bool srcline_is_blank(const struct srcline *l);

/*
 * The text of a non-directive line with the "@@" -> "@" and "\#" -> "#"
 * escapes undone (borrowed pointer into the line, advanced by one byte
 * when the line starts with an escape).
 */
const char *srcline_text(const struct srcline *l);

#define SRCFILE_MAX_ID 40	/* bytes in a lesson, quiz or question id */

/*
 * The id rule every course file shares: [a-z0-9][a-z0-9-]*, at most
 * SRCFILE_MAX_ID bytes, so ids are safe in file names, journals and
 * completion.
 */
bool srcfile_valid_id(const char *s);

/*
 * Directives.  Every course file that has them (lesson, quiz, manifest,
 * marked responses) describes them as a table, one row per directive,
 * whose flags name the rules below; the rules are checked here, once,
 * with one wording for each mistake, so the parsers only apply values.
 */
#define SRCDIR_VALUE	0x01	/* needs a value */
#define SRCDIR_BARE	0x02	/* takes no value */
#define SRCDIR_ONCE	0x04	/* at most once in its scope */
#define SRCDIR_HEADER	0x08	/* only before the body opens */
#define SRCDIR_BODY	0x10	/* only once the body is open */
#define SRCDIR_FIRST	0x20	/* the file's first directive */
#define SRCDIR_REQUIRED	0x40	/* srcdirs_missing reports it when unseen */

struct srcdir {
	const char *name;	/* without '@' */
	unsigned flags;
};

/*
 * A parser's directives and the state the rules need.  seen has one slot
 * per row: the line the row was first seen on in its scope, or 0 (a
 * parser clears the slots of a scope when a new one starts, as the quiz
 * does at each @question).  The body opens with the parser's opener
 * directive ("page", "question"), when it sets in_body.
 */
struct srcdirs {
	const char *path;
	struct diag *d;
	/*
	 * n rows, stride bytes apart (0: sizeof (struct srcdir)), so a
	 * parser's own row type may begin with a struct srcdir and carry
	 * what it needs to apply the directive.
	 */
	const void *rows;
	size_t n, stride;
	long *seen;
	const char *header;	/* in messages: "header", "quiz header" */
	const char *opener;	/* the directive that opens the body, or NULL */
	bool in_body;
	bool any;		/* some directive was taken already */
};

/*
 * The row of s named by name (len bytes, as srcline_directive gives it),
 * or NULL.  The name must end at white space or at the end of the line:
 * "@titlefoo" and "@title:" are unknown.  srcdirs_row is row i; the
 * index of a row is row - rows when stride is 0, srcdirs_index always.
 */
const struct srcdir *srcdirs_find(const struct srcdirs *s, const char *name,
    size_t len);
const struct srcdir *srcdirs_row(const struct srcdirs *s, size_t i);
size_t srcdirs_index(const struct srcdirs *s, const struct srcdir *row);

/*
 * Check a found row's rules on line: the first-directive rule, header
 * versus body, only-once (recording the line in *seen), then the value
 * (arg at argcol: needed or refused).  Reports each broken rule at
 * s->path:line and returns whether the directive may be applied.
 */
bool srcdirs_check(struct srcdirs *s, const struct srcdir *row, long *seen,
    const char *arg, long argcol, long line);

/*
 * srcdirs_find and srcdirs_check (with s's own seen slot) on the
 * directive line l; NULL after reporting why not.
 */
const struct srcdir *srcdirs_take(struct srcdirs *s, const struct srcline *l,
    const char **arg, long *argcol);

/*
 * Report the directive line l as unknown: "unknown directive '@WORD';
 * did you mean '@NAME'?" with the nearest of names[0..n) when one is
 * close (case ignored), else without; WORD is what was written, up to
 * white space.  srcdirs_unknown suggests from s's own rows.
 */
void srcfile_unknown_directive(struct diag *d, const char *path,
    const struct srcline *l, const char *const *names, size_t n);
void srcdirs_unknown(const struct srcdirs *s, const struct srcline *l);

/* "missing '@NAME' in the WHERE" for every required row not seen, at line. */
void srcdirs_missing(const struct srcdirs *s, long line, const char *where);

/* Levenshtein-nearest of candidates[0..n) to word, or NULL if none close. */
const char *srcfile_nearest(const char *word, const char *const *candidates,
    size_t n);

/*
 * A whole number written in decimal digits only (no sign, no space), from
 * lo to hi: the value, or -1 when s is anything else or out of range.
 */
long srcfile_whole_number(const char *s, long lo, long hi);

#endif
