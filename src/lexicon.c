/*
 * Building a course's vocabulary (lexicon.h): every word a learner might
 * mean is a word the course itself uses, in its lesson text, its quiz
 * text, its answer patterns and its glossary.
 */
#include "config.h"

#include <stdlib.h>

#include "lesson.h"
#include "lexicon.h"
#include "qkind.h"
#include "quiz.h"
#include "xmalloc.h"

struct lexicon *
lexicon_new(void)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);

	lx->spell = spell_new();
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	spell_free(lx->spell);
	glossary_destroy(&lx->glossary);
	free(lx);
}

static void
add_blocks(struct spell *sp, const struct block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (b[i].text != NULL)
			spell_add_text(sp, b[i].text);
		if (b[i].description != NULL)
			spell_add_text(sp, b[i].description);
		add_blocks(sp, b[i].children, b[i].nchildren);
	}
}

void
lexicon_add_lesson(struct lexicon *lx, const struct lesson *l)
{
	spell_add_text(lx->spell, l->title);
	for (size_t i = 0; i < l->npages; i++) {
		spell_add_text(lx->spell, l->pages[i].title);
		add_blocks(lx->spell, l->pages[i].blocks, l->pages[i].nblocks);
	}
}

void
lexicon_add_quiz(struct lexicon *lx, const struct quiz *q)
{
	struct spell *sp = lx->spell;

	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];

		if (qu->prompt != NULL)
			spell_add_text(sp, qu->prompt);
		if (qu->explain != NULL)
			spell_add_text(sp, qu->explain);
		for (size_t k = 0; k < qu->nhints; k++)
			spell_add_text(sp, qu->hints[k]);
		/*
		 * Not the examples: authors write typos into them on purpose
		 * ("@example+ lesser trochantor"), and a typo in the
		 * vocabulary would never be corrected.
		 */
		qkind_vocabulary(qu, sp);
	}
}

void
lexicon_add_glossary(struct lexicon *lx)
{
	for (size_t i = 0; i < lx->glossary.n; i++) {
		spell_add_text(lx->spell, lx->glossary.entries[i].term);
		spell_add_text(lx->spell, lx->glossary.entries[i].meaning);
	}
}
