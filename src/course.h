/*
 * A course: the lessons and quizzes of one course folder, in file-name
 * order (doc/FORMATS.md "Course folder"), with ids resolved across files.
 */
#ifndef PSOAS_COURSE_H
#define PSOAS_COURSE_H

#include <stddef.h>

#include "diag.h"
#include "lesson.h"
#include "manifest.h"
#include "lexicon.h"
#include "quiz.h"
#include "responses.h"

struct course {
	char *dir;
	struct lesson **lessons;
	size_t nlessons;
	size_t nreference;	/* trailing lessons only there for reference */
	struct quiz **quizzes;
	size_t nquizzes;
	struct manifest *manifest;	/* course.manifest, or NULL: none */
	struct responses **responses;	/* quizzes/NN-name.responses */
	size_t nresponses;
	/*
	 * Vocabulary and glossary (GLOSSARY_FILE at the course root), made
	 * by course_link and lent to every question as question.lex.
	 */
	struct lexicon *lex;
};

/*
 * Load every lesson and quiz in dir.  A file with errors is reported to d
 * and left out, so a learner can still use the rest; cross-file problems
 * (duplicate ids, a quiz following an unknown lesson, a folder with no
 * lessons) are reported too.  Returns the number of errors added to d.
 */
size_t course_load(struct course *c, const char *dir, struct diag *d);

/*
 * Add every lesson and quiz of the course folder dir to c, without the
 * cross-file checks (course_link does those once, over everything added).
 * Returns the number of errors added to d.
 */
size_t course_add_dir(struct course *c, const char *dir, struct diag *d);

/*
 * Add one lesson, quiz, manifest or marked-responses file (by its
 * suffix) to c, as
 * --check FILE does.
 * Returns the number of errors added to d.
 */
size_t course_add_file(struct course *c, const char *path, struct diag *d);

/*
 * Cross-file checks (ids unique, quiz lessons exist, the manifest's
 * post-test is a quiz of the course); errors to d.  Then the course's
 * vocabulary is built from everything added and lent to every question.
 */
size_t course_link(struct course *c, struct diag *d);

void course_destroy(struct course *c);

/*
 * Find by id, as course files name lessons and quizzes; *index (when not
 * NULL) gets the 0-based index.
 */
const struct lesson *course_lesson_by_id(const struct course *c,
    const char *id, size_t *index);
const struct quiz *course_quiz_by_id(const struct course *c, const char *id,
    size_t *index);

/*
 * Find what a learner typed: an id, or a 1-based number ("3") when no
 * id is that; *index gets the 0-based index.
 */
const struct lesson *course_find_lesson(const struct course *c,
    const char *key, size_t *index);
const struct quiz *course_find_quiz(const struct course *c, const char *key,
    size_t *index);
/*
 * Whether lesson i is course content, which counts toward completion: not
 * the orientation (00-welcome) nor a trailing reference lesson.
 */
bool course_lesson_counts(const struct course *c, size_t i);
/* The first quiz that follows lesson_id, or NULL. */
const struct quiz *course_quiz_for_lesson(const struct course *c,
    const char *lesson_id);

#endif
