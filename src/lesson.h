/*
 * Lesson files: parse a .lesson file (doc/FORMATS.md, psoas-tutor(5))
 * into a tree of pages and blocks that the renderer walks.  The structs
 * are public because the renderer and checker read them; only lesson.c
 * builds or frees them.
 */
#ifndef PSOAS_LESSON_H
#define PSOAS_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum block_kind {
	BLOCK_PARA,	/* text: joined paragraph */
	BLOCK_BULLET,	/* text: one bullet item */
	BLOCK_FIGURE,	/* text: caption; lines: verbatim body; description */
	BLOCK_CALLOUT,	/* text: title or NULL; children: paras and bullets */
};

enum callout_kind {
	CALLOUT_CAUTION,
	CALLOUT_PALPATION,
	CALLOUT_NOTE,
	CALLOUT_MISCONCEPTION,
};

struct block {
	enum block_kind kind;
	long lineno;
	char *text;
	char **lines;		/* figure body */
	size_t nlines;
	char *description;	/* figure text description */
	enum callout_kind callout;
	struct block *children;	/* callout body */
	size_t nchildren;
};

struct page {
	char *title;
	long lineno;
	struct block *blocks;
	size_t nblocks;
};

/*
 * A source a lesson cites: "@source ID TEXT".  Page text cites it as
 * "[@ID]", which the parser turns into "[N]", N being its 1-based place
 * in the lesson's sources.
 */
struct source {
	char *id;
	char *text;
	long lineno;
};

struct lesson {
	char *path;
	char *id;
	char *title;
	char *topic;
	int minutes;
	long minutes_line;
	bool orientation;	/* @orientation: not CE content (00-welcome) */
	char **objectives;
	size_t nobjectives;
	struct source *sources;
	size_t nsources;
	struct page *pages;
	size_t npages;
};

/*
 * Parse path.  Every problem goes to d as "path:line[:col]: error: ...".
 * Returns a new lesson the caller frees with lesson_free, or NULL when the
 * file had any error.
 */
struct lesson *lesson_load(const char *path, struct diag *d);

/* The same from size bytes of buf, reported under name (srcfile.h). */
struct lesson *lesson_parse(const char *name, const char *buf, size_t size,
    struct diag *d);
void lesson_free(struct lesson *l);

#endif
