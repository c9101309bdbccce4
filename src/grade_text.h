/*
 * Grading free text ("short" and "list" questions) by concepts: an answer
 * is read with the course's words (spelling, glossary), then each term a
 * pattern finds anywhere in it means what its clause says about it
 * (clause.h): a negated term names nothing, a term hedged with "or"
 * names nothing, a misconception in a side remark the author marked
 * @fine is not a mistake.  Directives and precedence: doc/FORMATS.md
 * "Concepts"; keep the two in step.  The graders themselves are the
 * "short" and "list" rows' grade_text_short and grade_text_list (qkind.h).
 */
#ifndef PSOAS_GRADE_TEXT_H
#define PSOAS_GRADE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "grade.h"
#include "quiz.h"

#define GRADE_NO_GLOSSARY ((size_t)-2)	/* grade_opts.glossary */

/* How to read answers; the checker changes them, learners never do. */
struct grade_opts {
	bool no_spelling;	/* leave misspellings as typed */
	size_t glossary;	/* GLOSSARY_ALL (glossary.h), an entry to
				 * leave out, or GRADE_NO_GLOSSARY */
};

/*
 * Compile a @concept, @misconception or @fine pattern: matched anywhere,
 * but only as whole words (no letter or digit right before or after it).
 * Errors as grade_compile, with the offset in src.
 */
pcre2_code *grade_text_compile(const char *src, bool case_sensitive,
    char **err, size_t *erroffset);

#endif
