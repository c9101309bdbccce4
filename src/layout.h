/*
 * Text laid out for a terminal: lines, each with the columns it shows,
 * grouped into blocks.  A block marked keep is one the reader should see
 * whole (a figure, a callout box): the pager never splits it when it fits
 * on a screen.  The renderer makes layouts; the pager shows them.  The
 * caller owns the struct: start from a zeroed one, layout_destroy it.
 */
#ifndef PSOAS_LAYOUT_H
#define PSOAS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct layout_line {
	char *s;		/* may hold colour codes */
	size_t width;		/* columns shown, codes excluded */
};

struct layout_block {
	size_t first, n;	/* lines [first, first + n) */
	bool keep;		/* never split when it fits on a screen */
};

struct layout {
	struct layout_line *lines;
	size_t nlines, lcap;
	struct layout_block *blocks;
	size_t nblocks, bcap;
};

/* Start a new block; the lines pushed next go into it. */
void layout_begin(struct layout *t, bool keep);

/* Add line s (taken over), width columns wide, to the last block. */
void layout_push(struct layout *t, char *s, size_t width);

/* Move every block of src (left empty) to the end of dst. */
void layout_move(struct layout *dst, struct layout *src);

/* The lines as one string of '\n'-ended lines; the caller frees it. */
char *layout_join(const struct layout *t);

/* Free the lines; the struct is zeroed and reusable. */
void layout_destroy(struct layout *t);

#endif
