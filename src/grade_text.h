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
 * Whether p's source compiles (as written, without the wrapper that
 * makes it match whole words): the load's check, which keeps nothing,
 * so a course of many quizzes holds no compiled pattern until one of its
 * quizzes is used.  Errors as grade_compile, with the offset in p->src.
 */
bool grade_text_valid(const struct pattern *p, char **err, size_t *erroffset);

/*
 * p's compiled code: compiled on first use with qu's @case (a @accept
 * matching the whole answer, the others only as whole words: no letter
 * or digit right before or after) and kept in p until the quiz is
 * freed.  NULL when it does not compile (p is then marked broken; err,
 * when not NULL, gets why, and *erroffset where in p->src).
 */
pcre2_code *grade_text_code(const struct question *qu,
    const struct pattern *p, char **err, size_t *erroffset);

#endif
