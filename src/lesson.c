/*
 * The lesson parser: a line-driven state machine over the checked lines
 * of srcfile.c that builds the page/block tree of lesson.h.  Authors fix
 * a lesson with `--check`, so the parser keeps going after an error and
 * reports every problem it can with its line (and column where one makes
 * sense), but returns no lesson at all when anything was wrong: a learner
 * never sees half a lesson.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "srcfile.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

#define LESSON_MAX_MINUTES 600
#define FIGURE_MAX_WIDTH 76		/* columns, so figures fit 80 */
#define FIGURE_TAB_STOP 8		/* columns between tab stops */

enum directive {
	D_LESSON, D_TITLE, D_TOPIC, D_MINUTES, D_OBJECTIVE, D_SOURCE,
	D_ORIENTATION, D_PAGE, D_FIGURE, D_DESCRIBE, D_END,
	D_CAUTION, D_PALPATION, D_NOTE, D_MISCONCEPTION,
	D_COUNT
};

/* The directives, in enum order: their rules (srcfile.h). */
#define HEAD (SRCDIR_VALUE | SRCDIR_HEADER | SRCDIR_REQUIRED)
static const struct srcdir directives[D_COUNT] = {
	[D_LESSON] = {"lesson", HEAD | SRCDIR_ONCE | SRCDIR_FIRST},
	[D_TITLE] = {"title", HEAD | SRCDIR_ONCE},
	[D_TOPIC] = {"topic", HEAD | SRCDIR_ONCE},
	[D_MINUTES] = {"minutes", HEAD | SRCDIR_ONCE},
	[D_OBJECTIVE] = {"objective", HEAD},
	[D_SOURCE] = {"source", HEAD},
	[D_ORIENTATION] = {"orientation", SRCDIR_BARE | SRCDIR_ONCE |
	    SRCDIR_HEADER},
	[D_PAGE] = {"page", SRCDIR_VALUE},
	[D_FIGURE] = {"figure", SRCDIR_VALUE},
	[D_DESCRIBE] = {"describe", 0},
	[D_END] = {"end", SRCDIR_BARE},
	[D_CAUTION] = {"caution", 0},
	[D_PALPATION] = {"palpation", 0},
	[D_NOTE] = {"note", 0},
	[D_MISCONCEPTION] = {"misconception", 0},
};

enum state {
	S_HEADER,	/* before the first @page */
	S_PAGE,		/* in a page, outside any block */
	S_FIG_BODY,	/* verbatim figure lines, up to @describe */
	S_FIG_DESC,	/* figure description, up to @end */
	S_CALLOUT,	/* callout body, up to @end */
};

/* A growable array of blocks: a page's body or a callout's. */
struct blocks {
	struct block *v;
	size_t n, cap;
};

struct parser {
	struct lesson *l;
	struct diag *d;
	const char *path;
	enum state state;
	bool byte_errors;	/* srcfile blanked some lines */
	struct srcdirs dirs;	/* the rules of directives/seen */
	long stray_line;	/* last line of text before the first page */
	bool unknown_open;	/* an unknown directive may have opened a block */
	long seen[D_COUNT];	/* first line of each directive, or 0 */
	size_t objcap, srccap, pagecap;
	bool *cited;		/* per source: some [@ID] cites it */

	struct blocks page;		/* body of the open page */
	bool in_page;
	bool page_dropped;	/* a broken block was left out of it */

	/* The open figure or callout (state S_FIG_* / S_CALLOUT). */
	struct block blk;
	size_t linecap;
	long describe_line;
	/*
	 * Figure lines too wide, reported only once the body turns out to
	 * end: without @describe or @end the "body" is the rest of the file.
	 */
	struct wide { long lineno, col; size_t width; } *wide;
	size_t nwide, widecap;
	struct blocks callout;

	/*
	 * The text block being collected (paragraph, bullet, description),
	 * or none.  Text is joined with single spaces as lines arrive.
	 */
	char *text;
	size_t textlen;
	enum block_kind text_kind;
	long text_line;
};

/* Every parser error is about p's file. */
#define error(p, line, col, ...) \
	diag_add((p)->d, DIAG_ERROR, (p)->path, (line), (col), __VA_ARGS__)

static void
blocks_push(struct blocks *b, const struct block *blk)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	b->v[b->n++] = *blk;
}

static void
block_destroy(struct block *b)
{
	free(b->text);
	for (size_t i = 0; i < b->nlines; i++)
		free(b->lines[i]);
	free(b->lines);
	free(b->description);
	for (size_t i = 0; i < b->nchildren; i++)
		block_destroy(&b->children[i]);
	free(b->children);
}

static void
blocks_destroy(struct blocks *b)
{
	for (size_t i = 0; i < b->n; i++)
		block_destroy(&b->v[i]);
	free(b->v);
	memset(b, 0, sizeof *b);
}

static void
push_string(char ***v, size_t *n, size_t *cap, char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = s;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* ---------------------------------------------------------- text blocks */

/* Finish the paragraph, bullet or description being collected. */
static void
text_flush(struct parser *p)
{
	struct block b;

	if (p->text == NULL)
		return;
	if (p->state == S_FIG_DESC) {
		/* A description is one text: later paragraphs join it. */
		if (p->blk.description == NULL) {
			p->blk.description = p->text;
		} else {
			char *s = xasprintf("%s %s", p->blk.description,
			    p->text);

			free(p->blk.description);
			free(p->text);
			p->blk.description = s;
		}
		p->text = NULL;
		return;
	}
	memset(&b, 0, sizeof b);
	b.kind = p->text_kind;
	b.lineno = p->text_line;
	b.text = p->text;
	p->text = NULL;
	if (p->state == S_CALLOUT)
		blocks_push(&p->callout, &b);
	else if (p->in_page)
		blocks_push(&p->page, &b);
	else
		block_destroy(&b);	/* text outside a page: reported */
}

static void
text_start(struct parser *p, enum block_kind kind, long line, const char *s)
{
	text_flush(p);
	p->text = text_trimmed(s, strlen(s));
	p->textlen = strlen(p->text);
	p->text_kind = kind;
	p->text_line = line;
}

static void
text_append(struct parser *p, const char *s)
{
	char *t = text_trimmed(s, strlen(s));
	size_t len = strlen(t);

	if (len > 0) {
		p->text = xreallocarray(p->text, p->textlen + len + 2, 1);
		if (p->textlen > 0)
			p->text[p->textlen++] = ' ';
		memcpy(p->text + p->textlen, t, len + 1);
		p->textlen += len;
	}
	free(t);
}

/*
 * Citations: "[@ID]" in text becomes "[N]", N being the place of source ID
 * in the header's @source list (all of which come before the first page,
 * so the list is complete here).  An id the lesson does not define is an
 * error at its column; col0 is the column of s[0] in its line.  Returns
 * a new string.
 */
static char *
cite(struct parser *p, const char *s, long line, long col0)
{
	const struct lesson *l = p->l;
	struct strbuf out = {0};
	size_t i = 0;

	while (s[i] != '\0') {
		const char *id = s + i + 2;
		size_t idlen, k;

		if (s[i] != '[' || s[i + 1] != '@') {
			strbuf_add(&out, s + i++, 1);
			continue;
		}
		idlen = strcspn(id, "] \t");
		if (id[idlen] != ']') {
			error(p, line, col0 + (long)i, "citation '[@' is not "
			    "closed by ']' (cite a source as '[@ID]')");
			strbuf_add(&out, s + i++, 1);
			continue;
		}
		for (k = 0; k < l->nsources; k++)
			if (strlen(l->sources[k].id) == idlen &&
			    memcmp(l->sources[k].id, id, idlen) == 0)
				break;
		if (k == l->nsources) {
			error(p, line, col0 + (long)i, "citation '[@%.*s]' "
			    "names no '@source' of this lesson", (int)idlen,
			    id);
		} else {
			char num[24];

			snprintf(num, sizeof num, "[%zu]", k + 1);
			strbuf_puts(&out, num);
			p->cited[k] = true;
		}
		i += idlen + 3;
	}
	return strbuf_take(&out);
}

/*
 * A text line in a page, callout or description.  "- " starts a bullet;
 * an indented line continues the bullet before it; anything else starts
 * or continues a paragraph.
 */
static void
text_line(struct parser *p, const struct srcline *sl)
{
	const char *raw = srcline_text(sl);
	bool escaped = raw != sl->text;
	char *s = cite(p, raw, sl->lineno, (long)(raw - sl->text) + 1);

	if (p->state != S_FIG_DESC && !escaped && s[0] == '-' &&
	    (is_space(s[1]) || s[1] == '\0'))
		text_start(p, BLOCK_BULLET, sl->lineno, s + 1);
	else if (p->text != NULL && (p->text_kind == BLOCK_PARA ||
	    p->state == S_FIG_DESC || is_space(s[0])))
		text_append(p, s);
	else
		text_start(p, BLOCK_PARA, sl->lineno, s);
	free(s);
}

/* -------------------------------------------------------------- header */

/* "@source ID TEXT": the id is how page text cites it ("[@ID]"). */
static void
add_source(struct parser *p, const char *arg, long line, long argcol)
{
	struct lesson *l = p->l;
	size_t idlen = strcspn(arg, " \t");
	const char *text = arg + idlen;
	struct source *src;
	char *id;

	while (is_space(*text))
		text++;
	id = xstrndup(arg, idlen);
	if (!srcfile_valid_id(id) || *text == '\0') {
		error(p, line, argcol, "'@source' needs an id and the "
		    "citation: '@source ID TEXT' (ID: a-z, 0-9 and '-', not "
		    "'-' first, at most %d bytes)", SRCFILE_MAX_ID);
		free(id);
		return;
	}
	for (size_t i = 0; i < l->nsources; i++)
		if (strcmp(l->sources[i].id, id) == 0) {
			error(p, line, argcol, "duplicate source id '%s' "
			    "(first given at line %ld)", id,
			    l->sources[i].lineno);
			free(id);
			return;
		}
	if (l->nsources == p->srccap) {
		p->srccap = p->srccap ? p->srccap * 2 : 8;
		l->sources = xreallocarray(l->sources, p->srccap,
		    sizeof *l->sources);
		p->cited = xreallocarray(p->cited, p->srccap,
		    sizeof *p->cited);
	}
	p->cited[l->nsources] = false;
	src = &l->sources[l->nsources++];
	src->id = id;
	src->text = xstrdup(text);
	src->lineno = line;
}

/* A source that nothing in the lesson cites supports no claim. */
static void
uncited_sources(struct parser *p)
{
	const struct lesson *l = p->l;

	for (size_t i = 0; i < l->nsources; i++)
		if (!p->cited[i])
			error(p, l->sources[i].lineno, 0, "source '%s' is not "
			    "cited: no '[@%s]' in the lesson", l->sources[i].id,
			    l->sources[i].id);
}

static void
header_directive(struct parser *p, enum directive dir, const char *arg,
    long line, long argcol)
{
	struct lesson *l = p->l;

	switch (dir) {
	case D_LESSON:
		if (!srcfile_valid_id(arg))
			error(p, line, argcol, "bad lesson id '%s' (use "
			    "a-z, 0-9 and '-', not '-' first, at most %d "
			    "bytes)", arg, SRCFILE_MAX_ID);
		l->id = xstrdup(arg);
		break;
	case D_TITLE:
		l->title = xstrdup(arg);
		break;
	case D_TOPIC:
		l->topic = xstrdup(arg);
		break;
	case D_MINUTES:
		l->minutes = (int)srcfile_whole_number(arg, 1,
		    LESSON_MAX_MINUTES);
		l->minutes_line = line;
		if (l->minutes < 0)
			error(p, line, argcol, "bad '@minutes' value '%s' "
			    "(a whole number from 1 to %d)", arg,
			    LESSON_MAX_MINUTES);
		break;
	case D_OBJECTIVE:
		push_string(&l->objectives, &l->nobjectives, &p->objcap,
		    xstrdup(arg));
		break;
	case D_SOURCE:
		add_source(p, arg, line, argcol);
		break;
	case D_ORIENTATION:
		if (*arg != '\0')
			error(p, line, argcol, "'@orientation' takes no value");
		l->orientation = true;
		break;
	default:
		break;
	}
}

/* Missing header directives, reported at the first @page (or line 1). */
static void
header_check(struct parser *p, long line)
{
	/* A blanked (bad) line may have held the directive: don't guess. */
	if (!p->byte_errors)
		srcdirs_missing(&p->dirs, line, "lesson header");
}

/* --------------------------------------------------------------- pages */

static void
page_close(struct parser *p)
{
	struct lesson *l = p->l;
	struct page *pg;

	text_flush(p);
	if (!p->in_page)
		return;
	pg = &l->pages[l->npages - 1];
	pg->blocks = p->page.v;
	pg->nblocks = p->page.n;
	memset(&p->page, 0, sizeof p->page);
	p->in_page = false;
	if (pg->nblocks == 0 && !p->byte_errors && !p->page_dropped)
		error(p, pg->lineno, 0, "page '%s' has no content", pg->title);
}

static void
page_open(struct parser *p, const char *title, long line)
{
	struct lesson *l = p->l;

	if (p->state == S_HEADER)
		header_check(p, line);
	page_close(p);
	if (l->npages == p->pagecap) {
		p->pagecap = p->pagecap ? p->pagecap * 2 : 8;
		l->pages = xreallocarray(l->pages, p->pagecap,
		    sizeof *l->pages);
	}
	memset(&l->pages[l->npages], 0, sizeof l->pages[0]);
	l->pages[l->npages].title = xstrdup(title);
	l->pages[l->npages].lineno = line;
	l->npages++;
	p->in_page = true;
	p->dirs.in_body = true;
	p->page_dropped = false;
	p->state = S_PAGE;
}

/* -------------------------------------------------------------- blocks */

static const char *
block_name(const struct block *b)
{
	static const char *const callouts[] = {
		[CALLOUT_CAUTION] = "caution",
		[CALLOUT_PALPATION] = "palpation",
		[CALLOUT_NOTE] = "note",
		[CALLOUT_MISCONCEPTION] = "misconception",
	};

	return b->kind == BLOCK_FIGURE ? "figure" : callouts[b->callout];
}

static void
block_open(struct parser *p, enum directive dir, const char *arg, long line,
    long argcol)
{
	text_flush(p);
	p->unknown_open = false;
	if (!p->in_page)
		error(p, line, 1, "'@%s' before the first '@page'",
		    directives[dir].name);
	memset(&p->blk, 0, sizeof p->blk);
	p->blk.lineno = line;
	p->blk.text = *arg != '\0' ? cite(p, arg, line, argcol) : NULL;
	p->linecap = 0;
	p->describe_line = 0;
	if (dir == D_FIGURE) {
		p->blk.kind = BLOCK_FIGURE;
		p->state = S_FIG_BODY;
		return;
	}
	p->blk.kind = BLOCK_CALLOUT;
	p->blk.callout = dir == D_CAUTION ? CALLOUT_CAUTION :
	    dir == D_PALPATION ? CALLOUT_PALPATION :
	    dir == D_NOTE ? CALLOUT_NOTE : CALLOUT_MISCONCEPTION;
	p->state = S_CALLOUT;
}

/*
 * Close the open block.  complete is false when something other than
 * @end ended it: then it is reported as unterminated, at its opening
 * line, and nothing else about it (the rest is likely a consequence).
 */
static void
block_close(struct parser *p, bool complete)
{
	struct block *b = &p->blk;
	bool ok = true;

	text_flush(p);
	p->nwide = 0;
	if (!complete) {
		error(p, b->lineno, 1, "unterminated %s block (no '@end')",
		    block_name(b));
		ok = false;
	} else if (b->kind == BLOCK_FIGURE) {
		/* Trailing blank lines of a body are not part of the art. */
		while (b->nlines > 0 && b->lines[b->nlines - 1][0] == '\0')
			free(b->lines[--b->nlines]);
		if (b->nlines == 0 && !p->byte_errors) {
			error(p, b->lineno, 0, "figure has no body");
			ok = false;
		}
		if (p->describe_line == 0) {
			error(p, b->lineno, 0, "figure has no '@describe' "
			    "(a text description is required)");
			ok = false;
		} else if (b->description == NULL && !p->byte_errors) {
			error(p, p->describe_line, 0,
			    "figure description is empty");
			ok = false;
		}
	} else {
		b->children = p->callout.v;
		b->nchildren = p->callout.n;
		memset(&p->callout, 0, sizeof p->callout);
		if (b->nchildren == 0 && !p->byte_errors) {
			error(p, b->lineno, 0, "%s block has no text",
			    block_name(b));
			ok = false;
		}
	}
	blocks_destroy(&p->callout);
	p->state = p->in_page ? S_PAGE : S_HEADER;
	if (ok && p->in_page)
		blocks_push(&p->page, b);
	else
		block_destroy(b);
	p->page_dropped |= !ok;
	memset(&p->blk, 0, sizeof p->blk);
}

/*
 * Expand tabs to the next tab stop so the width we check is the width a
 * terminal shows, then check it fits.
 */
static void
figure_line(struct parser *p, const struct srcline *sl)
{
	struct block *b = &p->blk;
	size_t ntabs = 0, cols = 0, width = 0, o = 0, i = 0;
	long bad_col = 0;
	char *s;

	for (size_t k = 0; k < sl->len; k++)
		ntabs += sl->text[k] == '\t';
	s = xmalloc(sl->len + ntabs * FIGURE_TAB_STOP + 1);
	while (i < sl->len) {
		size_t start = i;

		if (sl->text[i] == '\t') {
			do
				s[o++] = ' ';
			while (++cols % FIGURE_TAB_STOP != 0);
			i++;
		} else {
			uint32_t cp;
			size_t n = text_utf8_decode(sl->text + i,
			    sl->len - i, &cp);

			cols += (size_t)text_cp_width(cp);
			memcpy(s + o, sl->text + i, n);
			o += n;
			i += n;
			if (cp == ' ')
				continue;
			/* Trailing white space is not part of the art. */
			width = cols;
			if (width > FIGURE_MAX_WIDTH && bad_col == 0)
				bad_col = (long)start + 1;
		}
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	if (bad_col != 0) {
		if (p->nwide == p->widecap) {
			p->widecap = p->widecap ? p->widecap * 2 : 4;
			p->wide = xreallocarray(p->wide, p->widecap,
			    sizeof *p->wide);
		}
		p->wide[p->nwide].lineno = sl->lineno;
		p->wide[p->nwide].col = bad_col;
		p->wide[p->nwide].width = width;
		p->nwide++;
	}
	/* Leading blank lines of a body are not part of the art either. */
	if (b->nlines == 0 && o == 0) {
		free(s);
		return;
	}
	push_string(&b->lines, &b->nlines, &p->linecap, s);
}

/* The figure body has ended properly: its wide lines are real errors. */
static void
figure_body_end(struct parser *p)
{
	for (size_t i = 0; i < p->nwide; i++)
		error(p, p->wide[i].lineno, p->wide[i].col, "figure line is "
		    "%zu columns wide (at most %d)", p->wide[i].width,
		    FIGURE_MAX_WIDTH);
	p->nwide = 0;
}

/* ---------------------------------------------------------- directives */

/*
 * In a figure body: if the line is "@name" plus an optional argument,
 * return the argument (untrimmed), else NULL.  The line is only read,
 * because a body line that merely looks like a directive is verbatim.
 */
static const char *
body_directive(const struct srcline *sl, const char *name)
{
	size_t n = strlen(name);
	const char *s = sl->text + 1 + n;

	if (sl->text[0] != '@' || strncmp(sl->text + 1, name, n) != 0 ||
	    (*s != '\0' && !is_space(*s)))
		return NULL;
	return s;
}

static bool
is_bare(const struct srcline *sl, const char *name)
{
	const char *s = body_directive(sl, name);

	if (s == NULL)
		return false;
	while (is_space(*s))
		s++;
	return *s == '\0';
}

static void line(struct parser *p, const struct srcline *sl);

static void
directive(struct parser *p, const struct srcline *sl, enum directive dir,
    const char *arg, long argcol)
{
	long no = sl->lineno;
	bool in_block = p->state == S_FIG_DESC || p->state == S_CALLOUT;
	bool ok;

	/*
	 * Inside a block only @end (and @describe in a figure) belong;
	 * anything else means the author forgot the @end.
	 */
	if (in_block && dir != D_END && dir != D_DESCRIBE) {
		block_close(p, false);
		in_block = false;
	}
	ok = srcdirs_check(&p->dirs, &directives[dir], &p->seen[dir], arg,
	    argcol, no);
	if (in_block) {
		if (dir == D_END)
			block_close(p, true);
		else
			error(p, no, 1, p->state == S_FIG_DESC ?
			    "'@describe' given twice in one figure" :
			    "'@describe' outside a figure");
		return;
	}
	/*
	 * A page or figure without its value still opens, to keep the
	 * structure; "@end x" still ends.
	 */
	if (!ok && dir != D_END && dir != D_PAGE && dir != D_FIGURE)
		return;

	switch (dir) {
	case D_LESSON: case D_TITLE: case D_TOPIC: case D_MINUTES:
	case D_OBJECTIVE: case D_SOURCE: case D_ORIENTATION:
		header_directive(p, dir, arg, no, argcol);
		break;
	case D_PAGE:
		page_open(p, arg, no);
		break;
	case D_FIGURE: case D_CAUTION: case D_PALPATION: case D_NOTE:
	case D_MISCONCEPTION:
		block_open(p, dir, arg, no, argcol);
		break;
	case D_DESCRIBE:
		error(p, no, 1, "'@describe' outside a figure");
		break;
	case D_END:
		/* "@cuation ... @end": the typo is reported already. */
		if (!p->unknown_open)
			error(p, no, 1, "'@end' with no open block");
		p->unknown_open = false;
		break;
	case D_COUNT:
		break;
	}
}

static void
line(struct parser *p, const struct srcline *sl)
{
	const char *name, *arg;
	size_t namelen;
	long argcol;
	const struct srcdir *row;

	/* A figure body is verbatim: only @describe and @end end it. */
	if (p->state == S_FIG_BODY) {
		if (is_bare(sl, "end")) {
			figure_body_end(p);
			block_close(p, true);
		} else if ((arg = body_directive(sl, "describe")) != NULL) {
			figure_body_end(p);
			p->state = S_FIG_DESC;
			p->describe_line = sl->lineno;
			if (!is_bare(sl, "describe")) {
				char *t = cite(p, arg, sl->lineno,
				    (long)(arg - sl->text) + 1);

				text_start(p, BLOCK_PARA, sl->lineno, t);
				free(t);
			}
		} else {
			figure_line(p, sl);
		}
		return;
	}
	if (srcline_is_comment(sl))
		return;
	if (srcline_is_blank(sl)) {
		text_flush(p);
		return;
	}
	if (srcline_directive(sl, &name, &namelen, &arg, &argcol)) {
		row = srcdirs_find(&p->dirs, name, namelen);
		if (row == NULL) {
			text_flush(p);
			srcdirs_unknown(&p->dirs, sl);
			p->unknown_open = p->state == S_PAGE ||
			    p->state == S_HEADER;
			return;
		}
		directive(p, sl, (enum directive)(row - directives), arg,
		    argcol);
		return;
	}
	if (p->state == S_HEADER && !p->in_page) {
		/* Once per run of lines: a stray paragraph is one mistake. */
		if (p->stray_line == 0 || p->stray_line != sl->lineno - 1)
			error(p, sl->lineno, 1, "text before the first "
			    "'@page' (header lines are directives or '#' "
			    "comments)");
		p->stray_line = sl->lineno;
		return;
	}
	text_line(p, sl);
}

/*
 * Parse the lines of f (read == false: the file could not be read at
 * all); errors is the error count before reading, so byte-level errors
 * fail the load too.  f is destroyed.
 */
static void *
parse_lines(const char *path, struct srcfile *f, bool read, size_t errors,
    struct diag *d)
{
	struct parser p;
	bool empty = true;

	if (!read) {
		srcfile_destroy(f);
		return NULL;
	}
	memset(&p, 0, sizeof p);
	p.l = xcalloc(1, sizeof *p.l);
	p.l->path = xstrdup(path);
	p.l->minutes = -1;
	p.d = d;
	p.path = path;
	p.byte_errors = d->errors > errors;
	p.dirs = (struct srcdirs){ .path = path, .d = d, .rows = directives,
	    .n = D_COUNT, .seen = p.seen, .header = "header",
	    .opener = "page" };

	for (size_t i = 0; i < f->n; i++) {
		if (!srcline_is_blank(&f->lines[i]) &&
		    !srcline_is_comment(&f->lines[i]))
			empty = false;
		line(&p, &f->lines[i]);
	}
	if (p.state == S_FIG_BODY || p.state == S_FIG_DESC ||
	    p.state == S_CALLOUT)
		block_close(&p, false);
	if (empty && !p.byte_errors) {
		error(&p, 1, 0, "empty lesson file (it needs a header and "
		    "at least one '@page')");
	} else if (!empty && p.state == S_HEADER && !p.in_page &&
	    p.l->npages == 0) {
		header_check(&p, 1);
		if (!p.byte_errors)
			error(&p, 1, 0, "lesson has no '@page'");
	}
	page_close(&p);
	/* With errors, a citation may have been on a line not understood. */
	if (d->errors == errors)
		uncited_sources(&p);
	free(p.text);
	free(p.wide);
	free(p.cited);
	srcfile_destroy(f);
	if (d->errors > errors) {
		lesson_free(p.l);
		return NULL;
	}
	return p.l;
}

struct lesson *
lesson_load(const char *path, struct diag *d)
{
	return srcfile_load(path, parse_lines, d);
}

struct lesson *
lesson_parse(const char *name, const char *buf, size_t size, struct diag *d)
{
	return srcfile_load_mem(name, buf, size, parse_lines, d);
}

void
lesson_free(struct lesson *l)
{
	if (l == NULL)
		return;
	free(l->path);
	free(l->id);
	free(l->title);
	free(l->topic);
	for (size_t i = 0; i < l->nobjectives; i++)
		free(l->objectives[i]);
	free(l->objectives);
	for (size_t i = 0; i < l->nsources; i++) {
		free(l->sources[i].id);
		free(l->sources[i].text);
	}
	free(l->sources);
	for (size_t i = 0; i < l->npages; i++) {
		struct page *pg = &l->pages[i];

		free(pg->title);
		for (size_t k = 0; k < pg->nblocks; k++)
			block_destroy(&pg->blocks[k]);
		free(pg->blocks);
	}
	free(l->pages);
	free(l);
}
