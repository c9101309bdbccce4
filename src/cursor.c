/*
 * The lesson cursor of cursor.h.  Lessons follow one another in the
 * order of the course's list, as 'list' numbers them.
 */
#include "config.h"

#include <stdlib.h>

#include "cursor.h"

void
cursor_init(struct cursor *c, const struct course *course)
{
	c->course = course;
	c->lesson = NULL;
	c->page = 0;
	c->finished = false;
}

void
cursor_open(struct cursor *c, const struct lesson *l, size_t page)
{
	c->lesson = l;
	c->page = page < l->npages ? page : 0;
	c->finished = false;
}

enum cursor_move
cursor_next(struct cursor *c)
{
	size_t index;

	if (c->lesson == NULL)
		return CURSOR_NO_LESSON;
	if (c->finished) {
		if (course_lesson_by_id(c->course, c->lesson->id, &index) ==
		    NULL || index + 1 >= c->course->nlessons)
			return CURSOR_LAST_LESSON;
		cursor_open(c, c->course->lessons[index + 1], 0);
		return CURSOR_OPENED;
	}
	if (c->page + 1 < c->lesson->npages) {
		c->page++;
		return CURSOR_PAGE;
	}
	c->finished = true;
	return CURSOR_FINISHED;
}

enum cursor_move
cursor_back(struct cursor *c)
{
	if (c->lesson == NULL)
		return CURSOR_NO_LESSON;
	if (c->finished) {
		c->finished = false;
		return CURSOR_PAGE;
	}
	if (c->page == 0)
		return CURSOR_FIRST_PAGE;
	c->page--;
	return CURSOR_PAGE;
}

enum cursor_move
cursor_page(struct cursor *c, const char *number)
{
	char *end;
	long n;

	if (c->lesson == NULL)
		return CURSOR_NO_LESSON;
	n = strtol(number, &end, 10);
	if (*number == '\0' || *end != '\0' || n < 1 ||
	    (size_t)n > c->lesson->npages)
		return CURSOR_BAD_PAGE;
	c->page = (size_t)n - 1;
	c->finished = false;
	return CURSOR_PAGE;
}
