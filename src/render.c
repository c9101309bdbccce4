/*
 * The renderer: lays a lesson out for the learner's terminal.  Text is
 * wrapped by display columns (not bytes, not code points), so accented
 * and wide characters line up and a UTF-8 sequence is never split.  This
 * is the only module that writes escape codes, and it writes none unless
 * render_opts says colour; plain mode also drops box drawing and swaps
 * figures for their text descriptions, for screen readers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "defaults.h"
#include "layout.h"
#include "render.h"
#include "text.h"
#include "strbuf.h"
#include "xmalloc.h"

#define SGR_BOLD "\033[1m"
#define SGR_NORMAL "\033[22m"	/* ends bold without ending a colour */
#define SGR_RESET "\033[0m"

/* --------------------------------------------------------------- lines */

/* One output line and the columns it shows (escape codes excluded). */
struct line {
	char *s;
	size_t width;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void
lines_push(struct lines *ls, char *s, size_t width)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 16;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	ls->v[ls->n].s = s;
	ls->v[ls->n].width = width;
	ls->n++;
}

static void
lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].s);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

static void
lines_append(struct strbuf *b, const struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		strbuf_puts(b, ls->v[i].s);
		strbuf_add(b, "\n", 1);
	}
}

/* ---------------------------------------------------------- options */

static int
clamp_width(long w)
{
	if (w < MIN_WIDTH)
		return MIN_WIDTH;
	if (w > MAX_WIDTH)
		return MAX_WIDTH;
	return (int)w;
}

static bool
env_is(const char *name, const char *value)
{
	const char *v = getenv(name);

	return v != NULL && strcmp(v, value) == 0;
}

void
render_opts_detect(struct render_opts *o, bool no_color, bool plain)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	const char *nc = getenv("NO_COLOR");
	bool dumb = env_is("TERM", "dumb");
	long w = DEFAULT_WIDTH;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		w = ws.ws_col;
	} else if (cols != NULL && *cols != '\0') {
		char *end;
		long v = strtol(cols, &end, 10);

		if (*end == '\0' && v > 0)
			w = v;
	}
	o->width = clamp_width(w);
	o->plain = plain || dumb;
	o->color = isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0') &&
	    !dumb && !no_color && !o->plain;
}

/* ------------------------------------------------------------ styles */

static const struct {
	const char *name;
	const char *code;
} styles[] = {
	{"bold", "1"}, {"dim", "2"}, {"red", "31"}, {"green", "32"},
	{"yellow", "33"}, {"magenta", "35"}, {"cyan", "36"},
};

char *
render_style(const struct render_opts *o, const char *style, const char *s)
{
	struct strbuf b = {0};
	const char *p = style;
	bool any = false;

	if (!o->color || style == NULL)
		return xstrdup(s);
	/* style may combine names: "bold red". */
	strbuf_puts(&b, "\033[");
	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
			if (strlen(styles[i].name) == len &&
			    strncmp(styles[i].name, p, len) == 0) {
				if (any)
					strbuf_puts(&b, ";");
				strbuf_puts(&b, styles[i].code);
				any = true;
			}
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	if (!any) {
		strbuf_destroy(&b);
		return xstrdup(s);
	}
	strbuf_puts(&b, "m");
	strbuf_puts(&b, s);
	strbuf_puts(&b, SGR_RESET);
	return strbuf_take(&b);
}

/* ---------------------------------------------------------- emphasis */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/*
 * "*" opens emphasis at the start of a word (after space or opening
 * punctuation) before a non-space, and closes it at the end of a word.
 * That leaves "5 * 3", "2*3*4" and a lone "*" alone.
 */
static bool
can_open(const char *s, size_t i)
{
	unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : ' ';
	char next = s[i + 1];

	return (is_space((char)prev) || strchr("([{\"'/-", prev) != NULL) &&
	    next != '\0' && !is_space(next) && next != '*';
}

static bool
can_close(const char *s, size_t i)
{
	char prev = s[i - 1];
	unsigned char next = (unsigned char)s[i + 1];

	return !is_space(prev) && prev != '*' && (next == '\0' ||
	    (!is_alnum(next) && next != '*'));
}

/*
 * Strip the emphasis markers from text: *out gets the text without
 * them and *bold (same length) says which bytes are emphasised.
 */
static void
parse_emphasis(const char *text, char **out, bool **bold)
{
	size_t len = strlen(text), o = 0;
	char *s = xmalloc(len + 1);
	bool *b = xcalloc(len + 1, sizeof *b);

	for (size_t i = 0; i < len; i++) {
		if (text[i] == '*' && can_open(text, i)) {
			size_t j = i + 2;

			while (j < len && !(text[j] == '*' &&
			    can_close(text, j)))
				j++;
			if (j < len) {
				for (size_t k = i + 1; k < j; k++) {
					s[o] = text[k];
					b[o++] = true;
				}
				i = j;
				continue;
			}
		}
		s[o++] = text[i];
	}
	s[o] = '\0';
	*out = s;
	*bold = b;
}

/* -------------------------------------------------------------- wrap */

/* Builds one output line at a time, tracking bold and width. */
struct wrapper {
	const struct render_opts *o;
	struct lines *out;
	const char *indent, *hang;
	size_t width;		/* columns available, including the prefix */
	struct strbuf cur;
	size_t cur_width;
	size_t words;		/* words on the current line */
	bool bold;		/* bold is switched on in cur */
	bool whole_addresses;	/* never cut a web address */
};

static void
wrapper_begin_line(struct wrapper *w)
{
	const char *prefix = w->out->n == 0 ? w->indent : w->hang;

	strbuf_puts(&w->cur, prefix);
	w->cur_width = text_width(prefix, strlen(prefix));
	w->words = 0;
	w->bold = false;
}

static void
wrapper_end_line(struct wrapper *w)
{
	/* A prefix of spaces on an empty line leaves trailing blanks. */
	while (w->cur.len > 0 && w->cur.s[w->cur.len - 1] == ' ') {
		w->cur.s[--w->cur.len] = '\0';
		w->cur_width--;
	}
	if (w->bold)
		strbuf_puts(&w->cur, SGR_NORMAL);
	lines_push(w->out, strbuf_take(&w->cur), w->cur_width);
	w->cur_width = 0;
}

static void
wrapper_set_bold(struct wrapper *w, bool on)
{
	if (!w->o->color || on == w->bold)
		return;
	strbuf_puts(&w->cur, on ? SGR_BOLD : SGR_NORMAL);
	w->bold = on;
}

/* Append bytes [i, j) of a word (whole code points) to the line. */
static void
wrapper_put(struct wrapper *w, const char *s, const bool *bold, size_t i,
    size_t j)
{
	while (i < j) {
		size_t k = i + 1;

		while (k < j && bold[k] == bold[i])
			k++;
		wrapper_set_bold(w, bold[i]);
		strbuf_add(&w->cur, s + i, k - i);
		i = k;
	}
}

/*
 * Place one word s[i, j).  It goes on the current line if it fits, else
 * on a new line; a word wider than a whole line is cut between code
 * points (never inside a UTF-8 sequence) over as many lines as it needs.
 */
/*
 * A web address (or DOI) cut over two lines cannot be copied or followed,
 * so outside a box it goes whole on a line of its own when it is wider
 * than a line: the terminal folds it, and copying it still works.
 * Inside a box it is cut like any long word, to keep the box whole.
 */
static bool
is_address(const char *s, size_t len)
{
	static const char *const marks[] = { "://", "www.", "doi:" };

	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
		size_t k = strlen(marks[m]);

		for (size_t i = 0; i + k <= len; i++)
			if (strncmp(s + i, marks[m], k) == 0)
				return true;
	}
	return false;
}

static void
wrapper_word(struct wrapper *w, const char *s, const bool *bold, size_t i,
    size_t j)
{
	size_t ww = text_width(s + i, j - i);

	if (w->whole_addresses && ww > w->width - w->cur_width &&
	    is_address(s + i, j - i)) {
		if (w->words > 0) {
			wrapper_end_line(w);
			wrapper_begin_line(w);
		}
		wrapper_put(w, s, bold, i, j);
		w->cur_width += ww;
		w->words++;
		return;
	}

	if (w->words > 0 && w->cur_width + 1 + ww > w->width) {
		wrapper_end_line(w);
		wrapper_begin_line(w);
	}
	if (w->words > 0) {
		/* The space between two emphasised words is emphasised. */
		wrapper_set_bold(w, bold[i] && bold[i - 1]);
		strbuf_add(&w->cur, " ", 1);
		w->cur_width++;
	}
	while (i < j) {
		size_t k = i, cw = 0;
		size_t avail = w->width > w->cur_width ?
		    w->width - w->cur_width : 0;

		while (k < j) {
			uint32_t cp;
			size_t n = text_utf8_decode(s + k, j - k, &cp);
			size_t cpw = (size_t)text_cp_width(cp);

			/* On an empty line take one anyway, to progress. */
			if (cw + cpw > avail && !(k == i && w->words == 0))
				break;
			cw += cpw;
			k += n;
		}
		if (k > i) {
			wrapper_put(w, s, bold, i, k);
			w->cur_width += cw;
			w->words++;
			i = k;
		}
		if (i < j) {
			wrapper_end_line(w);
			wrapper_begin_line(w);
		}
	}
}

/* Append text wrapped to width columns (prefixes included) to out. */
static void
wrap_lines(const struct render_opts *o, const char *text, const char *indent,
    const char *hang, size_t width, struct lines *out)
{
	struct lines tmp = {0};
	struct wrapper w;
	char *s;
	bool *bold;
	size_t i = 0, len;

	memset(&w, 0, sizeof w);
	w.o = o;
	w.out = &tmp;	/* so the first line of this text gets indent */
	w.indent = indent;
	w.hang = hang;
	w.width = width;
	w.whole_addresses = width >= (size_t)o->width;
	parse_emphasis(text, &s, &bold);
	len = strlen(s);
	wrapper_begin_line(&w);
	while (i < len) {
		size_t j;

		while (i < len && is_space(s[i]))
			i++;
		for (j = i; j < len && !is_space(s[j]); j++)
			;
		if (j > i)
			wrapper_word(&w, s, bold, i, j);
		i = j;
	}
	wrapper_end_line(&w);
	for (size_t k = 0; k < tmp.n; k++)
		lines_push(out, tmp.v[k].s, tmp.v[k].width);
	free(tmp.v);
	free(s);
	free(bold);
}

void
render_put(FILE *out, const struct render_opts *o, const char *text,
    const char *indent, const char *hang)
{
	char *w = render_wrap(o, text, indent, hang);

	fputs(w, out);
	free(w);
}

char *
render_wrap(const struct render_opts *o, const char *text,
    const char *indent, const char *hang)
{
	struct lines ls = {0};
	struct strbuf b = {0};

	wrap_lines(o, text, indent != NULL ? indent : "",
	    hang != NULL ? hang : "", (size_t)o->width, &ls);
	lines_append(&b, &ls);
	lines_free(&ls);
	return strbuf_take(&b);
}

/* ------------------------------------------------------------- pages */

static void
add_blank(struct lines *ls)
{
	lines_push(ls, xstrdup(""), 0);
}

/* Apply style to lines [from, ls->n); their widths do not change. */
static void
style_lines(const struct render_opts *o, const char *style,
    struct lines *ls, size_t from)
{
	for (size_t i = from; i < ls->n; i++) {
		char *s = render_style(o, style, ls->v[i].s);

		free(ls->v[i].s);
		ls->v[i].s = s;
	}
}

static size_t
max_width(const struct lines *ls, size_t from)
{
	size_t w = 0;

	for (size_t i = from; i < ls->n; i++)
		if (ls->v[i].width > w)
			w = ls->v[i].width;
	return w;
}

/* n copies of the UTF-8 string unit. */
static char *
repeat(const char *unit, size_t n)
{
	struct strbuf b = {0};

	while (n-- > 0)
		strbuf_puts(&b, unit);
	return strbuf_take(&b);
}

/* A heading: wrapped, bold, and underlined unless plain. */
static void
heading(const struct render_opts *o, const char *text, struct lines *ls)
{
	size_t from = ls->n, w;

	wrap_lines(o, text, "", "", (size_t)o->width, ls);
	w = max_width(ls, from);
	style_lines(o, "bold", ls, from);
	if (!o->plain) {
		char *rule = repeat("\xe2\x94\x80", w);	/* U+2500 ─ */

		lines_push(ls, render_style(o, "dim", rule), w);
		free(rule);
	}
}

static const char *
bullet_mark(const struct render_opts *o)
{
	return o->plain ? "- " : "\xe2\x80\xa2 ";	/* U+2022 • */
}

static const struct {
	const char *label;
	const char *color;
} callouts[] = {
	[CALLOUT_CAUTION] = {"CAUTION", "red"},
	[CALLOUT_PALPATION] = {"PALPATION CUE", "cyan"},
	[CALLOUT_NOTE] = {"NOTE", "yellow"},
	[CALLOUT_MISCONCEPTION] = {"COMMON MISCONCEPTION", "magenta"},
};

/*
 * Paragraphs and bullets at one indentation, each paragraph (and each
 * run of bullets) separated by a blank line.
 */
static void
text_blocks(const struct render_opts *o, const struct block *b, size_t n,
    const char *indent, size_t width, struct lines *ls)
{
	for (size_t i = 0; i < n; i++) {
		char *first, *hang;

		if (i > 0 && !(b[i].kind == BLOCK_BULLET &&
		    b[i - 1].kind == BLOCK_BULLET))
			add_blank(ls);
		if (b[i].kind != BLOCK_BULLET) {
			wrap_lines(o, b[i].text, indent, indent, width, ls);
			continue;
		}
		first = xasprintf("%s  %s", indent, bullet_mark(o));
		hang = xasprintf("%s    ", indent);
		wrap_lines(o, b[i].text, first, hang, width, ls);
		free(first);
		free(hang);
	}
}

/* Append s to b in style. */
static void
put_styled(struct strbuf *b, const struct render_opts *o, const char *style,
    const char *s)
{
	char *styled = render_style(o, style, s);

	strbuf_puts(b, styled);
	free(styled);
}

/* A box-drawn callout, the full width, its label in the top border. */
static void
callout_box(const struct render_opts *o, const struct block *b,
    struct lines *ls)
{
	const char *label = callouts[b->callout].label;
	const char *color = callouts[b->callout].color;
	size_t width = (size_t)o->width, inner = width - 4;
	size_t lw = strlen(label);
	struct lines body = {0};
	struct strbuf line = {0};
	char *s, *bar, *side;
	size_t sep = 0;

	/* The label goes inside when the border is too short for it. */
	if (lw + 6 > width) {
		wrap_lines(o, label, "", "", inner, &body);
		style_lines(o, color, &body, 0);
	}
	if (b->text != NULL) {
		size_t from = body.n;

		wrap_lines(o, b->text, "", "", inner, &body);
		style_lines(o, "bold", &body, from);
	}
	sep = body.n;
	text_blocks(o, b->children, b->nchildren, "", inner, &body);

	/* ┌─ LABEL ───┐ */
	if (lw + 6 <= width) {
		bar = repeat("\xe2\x94\x80", width - 5 - lw);
		put_styled(&line, o, color, "\xe2\x94\x8c\xe2\x94\x80 ");
		s = xasprintf("bold %s", color);
		put_styled(&line, o, s, label);
		free(s);
		s = xasprintf(" %s\xe2\x94\x90", bar);
		put_styled(&line, o, color, s);
		free(s);
		free(bar);
	} else {
		bar = repeat("\xe2\x94\x80", width - 2);
		s = xasprintf("\xe2\x94\x8c%s\xe2\x94\x90", bar);
		put_styled(&line, o, color, s);
		free(s);
		free(bar);
	}
	lines_push(ls, strbuf_take(&line), width);

	side = render_style(o, color, "\xe2\x94\x82");	/* │ */
	for (size_t i = 0; i < body.n; i++) {
		if (i == sep && sep != 0 && b->nchildren > 0) {
			/* ├───┤ between the title and the text */
			bar = repeat("\xe2\x94\x80", width - 2);
			s = xasprintf("\xe2\x94\x9c%s\xe2\x94\xa4", bar);
			lines_push(ls, render_style(o, color, s), width);
			free(s);
			free(bar);
		}
		strbuf_puts(&line, side);
		strbuf_add(&line, " ", 1);
		strbuf_puts(&line, body.v[i].s);
		if (body.v[i].width < inner)
			strbuf_spaces(&line, inner - body.v[i].width);
		strbuf_add(&line, " ", 1);
		strbuf_puts(&line, side);
		lines_push(ls, strbuf_take(&line), width);
	}
	free(side);

	bar = repeat("\xe2\x94\x80", width - 2);
	s = xasprintf("\xe2\x94\x94%s\xe2\x94\x98", bar);	/* └───┘ */
	lines_push(ls, render_style(o, color, s), width);
	free(s);
	free(bar);
	lines_free(&body);
}

/* Plain mode: "CAUTION: title", then the text indented under it. */
static void
callout_plain(const struct render_opts *o, const struct block *b,
    struct lines *ls)
{
	char *head = xasprintf("%s:%s%s", callouts[b->callout].label,
	    b->text != NULL ? " " : "", b->text != NULL ? b->text : "");

	wrap_lines(o, head, "", "  ", (size_t)o->width, ls);
	free(head);
	text_blocks(o, b->children, b->nchildren, "  ", (size_t)o->width, ls);
}

static bool
ends_sentence(const char *s)
{
	size_t len = strlen(s);

	return len > 0 && strchr(".!?:", s[len - 1]) != NULL;
}

static void
figure(const struct render_opts *o, const struct block *b, size_t number,
    struct lines *ls)
{
	char *text;
	size_t widest = 0;

	for (size_t i = 0; i < b->nlines; i++) {
		size_t w = text_width(b->lines[i], strlen(b->lines[i]));

		if (w > widest)
			widest = w;
	}
	/*
	 * Art cannot wrap, and folded by the terminal it is nonsense: where
	 * it is wider than the width, its text description (as --plain
	 * shows it) is shown instead, and the reader told why.
	 */
	if (o->plain || widest > (size_t)o->width) {
		if (!o->plain) {
			text = xasprintf("(Figure %zu is too wide to draw here.)",
			    number);
			wrap_lines(o, text, "", "", (size_t)o->width, ls);
			free(text);
		}
		text = xasprintf("Figure %zu: %s%s Description: %s", number,
		    b->text, ends_sentence(b->text) ? "" : ".",
		    b->description);
		wrap_lines(o, text, "", "", (size_t)o->width, ls);
		free(text);
		return;
	}
	for (size_t i = 0; i < b->nlines; i++)
		lines_push(ls, xstrdup(b->lines[i]),
		    text_width(b->lines[i], strlen(b->lines[i])));
	add_blank(ls);
	text = xasprintf("*Figure %zu:* %s", number, b->text);
	wrap_lines(o, text, "", "", (size_t)o->width, ls);
	free(text);
}

/* Move the lines of ls (left empty) into a new block of t. */
static void
flush_block(struct lines *ls, struct layout *t, bool keep)
{
	layout_begin(t, keep);
	for (size_t i = 0; i < ls->n; i++)
		layout_push(t, ls->v[i].s, ls->v[i].width);
	ls->n = 0;
}

/* Whether blocks a and b of a page run on without a blank between. */
static bool
same_list(const struct block *a, const struct block *b)
{
	return a->kind == BLOCK_BULLET && b->kind == BLOCK_BULLET;
}

static bool
is_text(const struct block *b)
{
	return b->kind == BLOCK_PARA || b->kind == BLOCK_BULLET;
}

void
render_page_layout(const struct render_opts *o, const struct lesson *l,
    size_t page, struct layout *out)
{
	struct lines ls = {0};
	const struct page *pg;
	size_t figno = 0;
	char *s;

	if (page >= l->npages)
		return;
	pg = &l->pages[page];
	for (size_t i = 0; i < page; i++)
		for (size_t k = 0; k < l->pages[i].nblocks; k++)
			figno += l->pages[i].blocks[k].kind == BLOCK_FIGURE;

	/* The page's title line and heading go together. */
	s = xasprintf("%s, page %zu of %zu", l->title, page + 1, l->npages);
	wrap_lines(o, s, "", "", (size_t)o->width, &ls);
	style_lines(o, "dim", &ls, 0);
	free(s);
	heading(o, pg->title, &ls);
	flush_block(&ls, out, true);

	/*
	 * One block per paragraph, bullet, figure or callout: a figure
	 * or a box is kept whole, text may run on over two screens.  The
	 * blank line before each is a block of its own, so a kept block
	 * never starts a screen with a blank.
	 */
	for (size_t i = 0; i < pg->nblocks; i++) {
		const struct block *blk = &pg->blocks[i];

		if (!(i > 0 && is_text(blk) && same_list(&pg->blocks[i - 1],
		    blk))) {
			add_blank(&ls);
			flush_block(&ls, out, false);
		}
		if (is_text(blk)) {
			text_blocks(o, blk, 1, "", (size_t)o->width, &ls);
			flush_block(&ls, out, false);
			continue;
		}
		if (blk->kind == BLOCK_FIGURE)
			figure(o, blk, ++figno, &ls);
		else if (o->plain)
			callout_plain(o, blk, &ls);
		else
			callout_box(o, blk, &ls);
		flush_block(&ls, out, true);
	}
	free(ls.v);
}

char *
render_page(const struct render_opts *o, const struct lesson *l, size_t page)
{
	struct layout t = {0};
	char *s;

	render_page_layout(o, l, page, &t);
	s = layout_join(&t);
	layout_destroy(&t);
	return s;
}

char *
render_lesson_intro(const struct render_opts *o, const struct lesson *l)
{
	struct lines ls = {0};
	struct strbuf b = {0};
	size_t width = (size_t)o->width, from;
	char *s, *first;

	heading(o, l->title, &ls);
	s = xasprintf("Topic: %s", l->topic);
	wrap_lines(o, s, "", "  ", width, &ls);
	free(s);
	s = xasprintf("Estimated time: %d minute%s, %zu page%s", l->minutes,
	    l->minutes == 1 ? "" : "s", l->npages, l->npages == 1 ? "" : "s");
	wrap_lines(o, s, "", "  ", width, &ls);
	free(s);

	add_blank(&ls);
	from = ls.n;
	wrap_lines(o, "Objectives:", "", "", width, &ls);
	style_lines(o, "bold", &ls, from);
	first = xasprintf("  %s", bullet_mark(o));
	for (size_t i = 0; i < l->nobjectives; i++)
		wrap_lines(o, l->objectives[i], first, "    ", width, &ls);
	free(first);

	/* The list itself closes the lesson: here only how many, and where. */
	add_blank(&ls);
	s = xasprintf("Sources: %zu, listed at the end of the lesson "
	    "('sources' shows them at any time).", l->nsources);
	wrap_lines(o, s, "", "  ", width, &ls);
	free(s);
	lines_append(&b, &ls);
	lines_free(&ls);
	return strbuf_take(&b);
}

char *
render_lesson_sources(const struct render_opts *o, const struct lesson *l)
{
	struct lines ls = {0};
	struct strbuf b = {0};
	size_t width = (size_t)o->width, from;
	char *s, *first, *hang;
	int digits = 1;

	from = ls.n;
	s = xasprintf("Sources for \"%s\":", l->title);
	wrap_lines(o, s, "", "  ", width, &ls);
	free(s);
	style_lines(o, "bold", &ls, from);
	/* "[N]", as the citations in the pages show it. */
	for (size_t n = l->nsources; n >= 10; n /= 10)
		digits++;
	hang = xasprintf("%*s", digits + 5, "");
	for (size_t i = 0; i < l->nsources; i++) {
		char num[24];

		snprintf(num, sizeof num, "[%zu]", i + 1);
		first = xasprintf("  %-*s ", digits + 2, num);
		wrap_lines(o, l->sources[i].text, first, hang, width, &ls);
		free(first);
	}
	free(hang);
	lines_append(&b, &ls);
	lines_free(&ls);
	return strbuf_take(&b);
}

char *
render_bar(const struct render_opts *o, int pct, int cells)
{
	struct strbuf b = {0};
	int filled = pct * cells / 100;

	if (filled > cells)
		filled = cells;
	if (filled < 0)
		filled = 0;
	for (int i = 0; i < cells; i++)
		strbuf_puts(&b, o->plain ? (i < filled ? "#" : ".") :
		    (i < filled ? "\u2588" : "\u2591"));
	return strbuf_take(&b);
}

/* Columns s shows on a terminal: its SGR codes (ours) take none. */
static size_t
visible_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;

	while (i < len) {
		size_t j = i;

		while (j < len && s[j] != '\033')
			j++;
		w += text_width(s + i, j - i);
		if (j < len && j + 1 < len && s[j + 1] == '[') {
			j += 2;
			while (j < len && !((unsigned char)s[j] >= 0x40 &&
			    (unsigned char)s[j] <= 0x7e))
				j++;
		}
		i = j < len ? j + 1 : j;
	}
	return w;
}

void
render_text_layout(const char *text, bool keep, struct layout *out)
{
	const char *p = text;
	bool in_para = false;

	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		bool blank = len == 0;

		if (blank || !in_para)
			layout_begin(out, keep && !blank);
		in_para = !blank;
		layout_push(out, xstrndup(p, len), visible_width(p, len));
		p += len + (p[len] == '\n');
	}
}

const char *
render_erase_line(void)
{
	/* Carriage return, then erase to the end of the line (EL). */
	return "\r\033[K";
}
