/*
 * Turning lessons into what a learner sees: wrapping to the terminal
 * width, colour and emphasis on a terminal only, box-drawn callouts, and a
 * plain mode for screen readers and braille displays.  All terminal escape
 * codes in the program come from here.
 */
#ifndef PSOAS_RENDER_H
#define PSOAS_RENDER_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

#include "layout.h"
#include "lesson.h"

struct render_opts {
	int width;	/* columns, >= 20 */
	bool color;	/* emit SGR escape codes */
	bool plain;	/* --plain: no colour, no box drawing, figures as text */
};

/*
 * Decide the options for output on stdout: width from the terminal (80
 * when unknown), colour only on a tty, never with NO_COLOR set and
 * non-empty, --no-color, TERM=dumb or plain; plain with --plain or
 * TERM=dumb.
 */
void render_opts_detect(struct render_opts *o, bool no_color, bool plain);

/*
 * Wrap text (UTF-8, may hold *emphasis*) to o->width columns, each line
 * prefixed with indent (first line) or hang (the rest).  Returns a new
 * string of '\n'-terminated lines; the caller frees it.
 */
char *render_wrap(const struct render_opts *o, const char *text,
    const char *indent, const char *hang);

/* render_wrap, printed to out: the one "wrap and print" of the program. */
void render_put(FILE *out, const struct render_opts *o, const char *text,
    const char *indent, const char *hang);

/*
 * Render page (0-based) of l: its title line, blocks, figures numbered
 * from the start of the lesson.  Returns a new string of '\n'-terminated
 * lines; the caller frees it.
 */
char *render_page(const struct render_opts *o, const struct lesson *l,
    size_t page);

/*
 * The same page as blocks appended to out, for the pager: the title
 * line with the heading, then each paragraph, bullet, figure and callout
 * a block (figures and callouts kept whole), each blank line a block.
 */
void render_page_layout(const struct render_opts *o, const struct lesson *l,
    size_t page, struct layout *out);

/*
 * Text already rendered ('\n'-ended lines, may hold our colour codes)
 * appended to out, a block per paragraph (lines between blank lines),
 * each marked keep when keep is true; each blank line a block of its own.
 */
void render_text_layout(const char *text, bool keep, struct layout *out);

/* What takes the cursor back to the start of its line and clears it. */
const char *render_erase_line(void);

/*
 * The lesson's front matter: title, topic, minutes, objectives, and how
 * many sources it cites.  Returns a new string the caller frees.
 */
char *render_lesson_intro(const struct render_opts *o, const struct lesson *l);

/* The lesson's numbered list of sources.  Returns a new string. */
char *render_lesson_sources(const struct render_opts *o,
    const struct lesson *l);

/*
 * A bar of cells columns, pct percent of it filled: block characters, or
 * '#' and '.' in plain mode.  Returns a new string.
 */
char *render_bar(const struct render_opts *o, int pct, int cells);

/* Wrap SGR codes around s when o->color: style is "bold", "red", "green", "yellow", "cyan", "dim". */
char *render_style(const struct render_opts *o, const char *style,
    const char *s);

#endif
