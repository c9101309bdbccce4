/*
 * Laid-out text (layout.h): two growing arrays, lines and the blocks that
 * group them.  A block records a range of lines, so moving blocks from
 * one layout to another only shifts the ranges.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "strbuf.h"
#include "xmalloc.h"

void
layout_begin(struct layout *t, bool keep)
{
	if (t->nblocks == t->bcap) {
		t->bcap = t->bcap ? t->bcap * 2 : 16;
		t->blocks = xreallocarray(t->blocks, t->bcap,
		    sizeof *t->blocks);
	}
	t->blocks[t->nblocks].first = t->nlines;
	t->blocks[t->nblocks].n = 0;
	t->blocks[t->nblocks].keep = keep;
	t->nblocks++;
}

void
layout_push(struct layout *t, char *s, size_t width)
{
	if (t->nblocks == 0)
		layout_begin(t, false);
	if (t->nlines == t->lcap) {
		t->lcap = t->lcap ? t->lcap * 2 : 64;
		t->lines = xreallocarray(t->lines, t->lcap, sizeof *t->lines);
	}
	t->lines[t->nlines].s = s;
	t->lines[t->nlines].width = width;
	t->nlines++;
	t->blocks[t->nblocks - 1].n++;
}

void
layout_move(struct layout *dst, struct layout *src)
{
	for (size_t b = 0; b < src->nblocks; b++) {
		const struct layout_block *blk = &src->blocks[b];

		layout_begin(dst, blk->keep);
		for (size_t i = 0; i < blk->n; i++)
			layout_push(dst, src->lines[blk->first + i].s,
			    src->lines[blk->first + i].width);
	}
	free(src->lines);
	free(src->blocks);
	memset(src, 0, sizeof *src);
}

char *
layout_join(const struct layout *t)
{
	struct strbuf b = {0};

	for (size_t i = 0; i < t->nlines; i++) {
		strbuf_puts(&b, t->lines[i].s);
		strbuf_add(&b, "\n", 1);
	}
	return strbuf_take(&b);
}

void
layout_destroy(struct layout *t)
{
	for (size_t i = 0; i < t->nlines; i++)
		free(t->lines[i].s);
	free(t->lines);
	free(t->blocks);
	memset(t, 0, sizeof *t);
}
