/*
 * A course's words: its vocabulary for spelling tolerance (spell.h) and
 * its glossary of lay terms and abbreviations (glossary.h).  The course
 * owns one lexicon; every free-text question borrows it, so an answer is
 * read with the words of the whole course.
 */
#ifndef PSOAS_LEXICON_H
#define PSOAS_LEXICON_H

#include "glossary.h"
#include "spell.h"

struct lesson;
struct quiz;

struct lexicon {
	struct spell *spell;
	struct glossary glossary;
};

/* An empty lexicon (no glossary, no vocabulary yet). */
struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lx);

/* Add the words of a lesson, or of a quiz and its patterns. */
void lexicon_add_lesson(struct lexicon *lx, const struct lesson *l);
void lexicon_add_quiz(struct lexicon *lx, const struct quiz *q);

/* Add the glossary's terms and meanings (after glossary_load). */
void lexicon_add_glossary(struct lexicon *lx);

#endif
