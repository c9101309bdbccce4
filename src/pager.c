/*
 * The pager of pager.h.  A place in the text is a block and a line of it,
 * not a line number, so the place survives laying the text out again at
 * another width: blocks are the same whatever the width, only their
 * lines change.  Each screen is worked out from where it starts, so going
 * back is only remembering where the screens began.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pager.h"
#include "xmalloc.h"

static const struct {
	const char *key;
	enum pager_action action;
} keys[] = {
	{"\r", PAGER_MORE}, {"\n", PAGER_MORE}, {" ", PAGER_MORE},
	{"\033[B", PAGER_MORE}, {"\033OB", PAGER_MORE}, {"\033[6~", PAGER_MORE},
	{"b", PAGER_BACK}, {"B", PAGER_BACK},
	{"\033[A", PAGER_BACK}, {"\033OA", PAGER_BACK}, {"\033[5~", PAGER_BACK},
	{"q", PAGER_STOP}, {"Q", PAGER_STOP}, {"\033", PAGER_STOP},
	{"\003", PAGER_STOP},
};

enum pager_action
pager_key(const char *key)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].key, key) == 0)
			return keys[i].action;
	return PAGER_NONE;
}

/* Rows a line takes once the terminal folds it at cols columns. */
static size_t
line_rows(const struct pager *pg, const struct layout_line *l)
{
	size_t cols = pg->cols > 0 ? pg->cols : 80;

	return l->width == 0 ? 1 : (l->width + cols - 1) / cols;
}

static const struct layout_line *
line_at(const struct pager *pg, struct pager_pos p)
{
	return &pg->text.lines[pg->text.blocks[p.block].first + p.line];
}

/* Rows of lines [from, n) of block b. */
static size_t
block_rows(const struct pager *pg, size_t b, size_t from)
{
	const struct layout_block *blk = &pg->text.blocks[b];
	size_t rows = 0;

	for (size_t i = from; i < blk->n; i++)
		rows += line_rows(pg, &pg->text.lines[blk->first + i]);
	return rows;
}

/* p moved past blocks it has reached the end of. */
static struct pager_pos
settle(const struct pager *pg, struct pager_pos p)
{
	while (p.block < pg->text.nblocks &&
	    p.line >= pg->text.blocks[p.block].n) {
		p.block++;
		p.line = 0;
	}
	return p;
}

static bool
before(struct pager_pos a, struct pager_pos b)
{
	return a.block < b.block || (a.block == b.block && a.line < b.line);
}

/*
 * Where the screen that starts at p ends.  Whole blocks while they fit;
 * a kept block that does not fit in what is left starts the next screen
 * (if it is taller than a screen it is split there, a screen at a time);
 * other blocks are split between lines.  A screen holds at least one
 * line, however tall, so paging always moves on.
 */
static struct pager_pos
screen_end(const struct pager *pg, struct pager_pos p)
{
	size_t rows = pg->rows > 0 ? pg->rows : 1, used = 0;
	bool shown = false;		/* a line that is not blank so far */

	for (p = settle(pg, p); p.block < pg->text.nblocks;
	    p = settle(pg, p)) {
		const struct layout_block *blk = &pg->text.blocks[p.block];
		size_t need = block_rows(pg, p.block, p.line);

		if (used + need <= rows) {
			for (size_t i = p.line; i < blk->n; i++)
				shown |= pg->text.lines[blk->first + i].width > 0;
			used += need;
			p.line = blk->n;
			continue;
		}
		/*
		 * A kept block starts the next screen; but one taller than a
		 * screen is split anyway, and after nothing but blank lines
		 * a screen of its own would show only them: it starts here.
		 */
		if (blk->keep && p.line == 0 && used > 0 &&
		    (shown || need <= rows))
			break;
		while (p.line < blk->n) {
			size_t r = line_rows(pg, line_at(pg, p));

			if (used > 0 && used + r > rows)
				return p;
			shown |= line_at(pg, p)->width > 0;
			used += r;
			p.line++;
		}
	}
	return p;
}

/* Print the lines from a up to b. */
static void
print_range(const struct pager *pg, FILE *out, struct pager_pos a,
    struct pager_pos b)
{
	for (a = settle(pg, a); before(a, b); a = settle(pg, a)) {
		fprintf(out, "%s\n", line_at(pg, a)->s);
		a.line++;
	}
}

bool
pager_pending(const struct pager *pg)
{
	return settle(pg, pg->at).block < pg->text.nblocks;
}

void
pager_drop(struct pager *pg)
{
	layout_destroy(&pg->text);
	free(pg->screens);
	pg->screens = NULL;
	pg->nscreens = 0;
	pg->tail = 0;
	pg->at = (struct pager_pos){0, 0};
}

bool
pager_more(struct pager *pg, FILE *out)
{
	struct pager_pos end;

	if (!pager_pending(pg)) {
		pager_drop(pg);
		return false;
	}
	end = screen_end(pg, pg->at);
	pg->screens = xreallocarray(pg->screens, pg->nscreens + 1,
	    sizeof *pg->screens);
	pg->screens[pg->nscreens++] = pg->at;
	print_range(pg, out, pg->at, end);
	pg->at = end;
	if (pager_pending(pg))
		return true;
	pager_drop(pg);
	return false;
}

bool
pager_show(struct pager *pg, FILE *out, struct layout *text)
{
	pager_drop(pg);
	layout_move(&pg->text, text);
	pg->tail = pg->text.nblocks;
	return pager_more(pg, out);
}

bool
pager_back(struct pager *pg, FILE *out)
{
	struct pager_pos start, end;

	if (pg->nscreens < 2)
		return false;
	pg->nscreens--;
	start = pg->screens[pg->nscreens - 1];
	end = screen_end(pg, start);
	print_range(pg, out, start, end);
	pg->at = end;
	return true;
}

void
pager_stop(struct pager *pg, FILE *out)
{
	struct pager_pos from = {pg->tail, 0};

	if (pager_pending(pg)) {
		if (before(from, pg->at))
			from = pg->at;
		print_range(pg, out, from, (struct pager_pos){
		    pg->text.nblocks, 0});
	}
	pager_drop(pg);
}

/* Cut the tail off the text: its blocks and their lines are freed. */
static void
cut_tail(struct pager *pg)
{
	size_t first;

	if (pg->tail >= pg->text.nblocks)
		return;
	first = pg->text.blocks[pg->tail].first;
	for (size_t i = first; i < pg->text.nlines; i++)
		free(pg->text.lines[i].s);
	pg->text.nlines = first;
	pg->text.nblocks = pg->tail;
}

bool
pager_hold(struct pager *pg, FILE *out, struct pager *held)
{
	struct pager_pos at = settle(pg, pg->at);
	bool kept = at.block < pg->tail;

	pager_drop(held);
	if (!kept) {
		pager_stop(pg, out);
		return false;
	}
	print_range(pg, out, (struct pager_pos){pg->tail, 0},
	    (struct pager_pos){pg->text.nblocks, 0});
	cut_tail(pg);
	held->rows = pg->rows;
	held->cols = pg->cols;
	held->text = pg->text;
	held->tail = pg->tail;
	held->at = at;
	held->screens = pg->screens;
	held->nscreens = pg->nscreens;
	memset(&pg->text, 0, sizeof pg->text);
	pg->screens = NULL;
	pager_drop(pg);
	return true;
}

void
pager_append(struct pager *pg, struct layout *tail)
{
	layout_move(&pg->text, tail);
}

/*
 * Columns of text in a line, its indent left out, and one for the space
 * the line's end stands for: lines laid out again at another width hold
 * the same text, so the sum over a block's first lines says how far into
 * it they reach, whatever the width.
 */
static size_t
text_cols(const struct layout_line *l)
{
	size_t lead = strspn(l->s, " ");

	return (l->width > lead ? l->width - lead : 0) + 1;
}

/*
 * Where p of the old text is in the new one: the same block, at the new
 * line that holds the first text not yet shown (so nothing is skipped,
 * and a line is shown again only when the old place fell inside it).
 */
static struct pager_pos
map_pos(struct pager_pos p, const struct layout *old, size_t old_tail,
    const struct layout *text, size_t new_tail)
{
	struct pager_pos q;
	size_t reached = 0, at = 0;

	if (p.block >= old->nblocks)
		return (struct pager_pos){text->nblocks, 0};
	if (p.block >= old_tail)
		q.block = p.block - old_tail + new_tail;
	else
		q.block = p.block < new_tail ? p.block : new_tail;
	q.line = 0;
	if (q.block >= text->nblocks ||
	    (q.block != p.block && p.block < old_tail))
		return q;
	for (size_t i = 0; i < p.line && i < old->blocks[p.block].n; i++)
		reached += text_cols(&old->lines[old->blocks[p.block].first + i]);
	while (q.line + 1 < text->blocks[q.block].n) {
		size_t next = at + text_cols(&text->lines[
		    text->blocks[q.block].first + q.line]);

		if (next > reached)
			break;
		at = next;
		q.line++;
	}
	if (p.line >= old->blocks[p.block].n)
		q.line = text->blocks[q.block].n;
	return q;
}

void
pager_relayout(struct pager *pg, struct layout *text, struct layout *tail)
{
	struct layout next = {0};
	size_t new_tail;

	layout_move(&next, text);
	new_tail = next.nblocks;
	layout_move(&next, tail);
	pg->at = map_pos(pg->at, &pg->text, pg->tail, &next, new_tail);
	for (size_t i = 0; i < pg->nscreens; i++)
		pg->screens[i] = map_pos(pg->screens[i], &pg->text, pg->tail,
		    &next, new_tail);
	layout_destroy(&pg->text);
	pg->text = next;
	pg->tail = new_tail;
}

int
pager_percent(const struct pager *pg)
{
	size_t total = 0, shown = 0;
	struct pager_pos at = settle(pg, pg->at);

	for (size_t b = 0; b < pg->text.nblocks; b++) {
		size_t r = block_rows(pg, b, 0);

		total += r;
		if (b < at.block)
			shown += r;
		else if (b == at.block)
			shown += r - block_rows(pg, b, at.line);
	}
	return total == 0 ? 100 : (int)(shown * 100 / total);
}
