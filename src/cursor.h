/*
 * The lesson cursor: which lesson is being read and where, and how
 * 'next', 'back' and 'page N' move through it and on to the next lesson
 * of the course.  It only moves; what to show, record or say about each
 * move is the REPL's (the result says which move happened).
 */
#ifndef PSOAS_CURSOR_H
#define PSOAS_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

struct cursor {
	const struct course *course;
	const struct lesson *lesson;	/* being read, or NULL */
	size_t page;			/* 0-based page of lesson */
	bool finished;			/* 'next' went past its last page */
};

enum cursor_move {
	CURSOR_PAGE,		/* now on another page of the lesson */
	CURSOR_OPENED,		/* now on the first page of the next lesson */
	CURSOR_FINISHED,	/* past the lesson's last page: it is read */
	CURSOR_NO_LESSON,	/* nothing moved: no lesson is open */
	CURSOR_FIRST_PAGE,	/* nothing moved: already on the first page */
	CURSOR_LAST_LESSON,	/* nothing moved: that was the last lesson */
	CURSOR_BAD_PAGE,	/* nothing moved: no such page */
};

/* Start with no lesson open in course. */
void cursor_init(struct cursor *c, const struct course *course);

/* Open l at page (0-based; the first page when out of range). */
void cursor_open(struct cursor *c, const struct lesson *l, size_t page);

/*
 * 'next': the next page; past the last page the lesson is finished;
 * after that, the next lesson of the course.
 */
enum cursor_move cursor_next(struct cursor *c);

/* 'back': the page before; from a finished lesson, its last page again. */
enum cursor_move cursor_back(struct cursor *c);

/* 'page N': page number (1-based, as typed) of the open lesson. */
enum cursor_move cursor_page(struct cursor *c, const char *number);

#endif
