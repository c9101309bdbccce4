/*
 * Quiz files: parse a .quiz file (doc/FORMATS.md, psoas-tutor(5)) into
 * questions whose answer patterns are proved to compile, so a bad pattern
 * fails the load with its file, line and column.  A pattern is compiled
 * for grading when its quiz starts or it is first needed
 * (grade_text_code), so a course of many quizzes holds none at start-up.
 */
#ifndef PSOAS_QUIZ_H
#define PSOAS_QUIZ_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct lexicon;

enum question_kind {
	Q_SHORT,
	Q_LIST,
	Q_CHOICE,
	Q_MULTI,
	Q_TRUEFALSE,
	Q_ORDER,
};

/* What a pattern is for in its question (doc/FORMATS.md "Concepts"). */
enum pattern_role {
	ROLE_ACCEPT,		/* @accept: the whole answer (or list part) */
	ROLE_CONCEPT,		/* @concept: a required term, anywhere */
	ROLE_MISCONCEPTION,	/* @misconception: a wrong term, anywhere */
	ROLE_FINE,		/* @fine: a side remark that is not wrong */
};

struct pattern {
	enum pattern_role role;
	/*
	 * The load proves src compiles; code is compiled when first needed
	 * (grade_text_code) and kept, owned; broken when that failed.
	 */
	bool broken;
	/* Where it was written (col of the pattern): ints, as a course
	 * file is at most SRCFILE_MAX_SIZE bytes, so a course of many
	 * patterns spends 40 bytes on each, not 48. */
	int lineno, col;
	char *src;		/* the pattern as written */
	pcre2_code *code;
	char *feedback;		/* misconceptions: what to tell the learner */
};

struct example {
	char *text;
	bool accept;		/* @example+ (true) or @example- */
	long lineno;
};

/*
 * A question: what every kind has.  What only some kinds have (patterns,
 * choices, steps, a true/false key) is the kind's own data, made, read
 * and freed by its file alone (qkind.h); other modules ask the kind's
 * row through the qkind_* accessors.
 */
struct question {
	/*
	 * The ints in pairs, so a course of many questions wastes no
	 * padding.  Line numbers are ints: a course file is at most
	 * SRCFILE_MAX_SIZE bytes.
	 */
	enum question_kind kind;
	int points;
	int lineno;		/* of @question */
	int topic_lineno;	/* of @topic, or 0 */
	void *data;		/* owned by the kind's row (qkind.h) */
	char *id;
	const char *path;	/* borrowed: the quiz's path, for warnings */
	char *prompt;

	/*
	 * The course's vocabulary and glossary (borrowed), or NULL: lent to
	 * every question by course_link; the free-text kinds read answers
	 * with it.
	 */
	struct lexicon *lex;

	/*
	 * Lettered kinds (choice, multi, order): shown[i] is the index (into
	 * the choices or steps, qkind_letter) of what is shown as letter
	 * 'a' + i.  Fixed at load (shuffled only as the file says, seeded
	 * from the quiz and question ids) so the letters are the same in
	 * every session, in examples and on resume.  Here, not in the
	 * kind's data, because an attempt's drawn view (draw_view) letters
	 * a shallow copy of the question anew.
	 */
	size_t *shown;

	char **hints;
	size_t nhints;
	char *explain;

	struct example *examples;
	size_t nexamples;

	/*
	 * Ids many questions share, so borrowed from the quiz's pool of
	 * them (struct quiz words), not one copy per question.
	 */
	const char *topic;		/* @topic, else taught_lesson's id
					 * (topic_lineno above) */

	const char *taught_lesson;	/* @taught LESSON PAGE */
	int taught_lineno;
	int taught_page;		/* 1-based */

	/*
	 * @objective: the objective-th (1-based; 0 for none) @objective of
	 * lesson objective_lesson, or of the quiz's lesson when that is NULL
	 * (quiz_objective_lesson says which); borrowed from the quiz's words.
	 */
	int objective;
	int objective_lineno;
	const char *objective_lesson;
};

/* "@draw N TOPIC": each attempt asks N questions of that topic. */
struct draw_rule {
	char *topic;
	int count;
	long lineno;
};

struct quiz {
	char *path;
	char *id;
	char *title;
	char *lesson;		/* lesson id, or NULL for "none" */
	long lesson_line;	/* of @lesson */
	bool posttest;
	int pass;		/* percent */
	int tries;
	int retry_cost;		/* percent */
	int hint_cost;		/* percent */
	bool shuffle;
	/*
	 * With @draw rules the questions are a pool: each attempt draws
	 * count questions of each rule's topic (draw.h); otherwise every
	 * attempt asks every question in file order.
	 */
	struct draw_rule *draws;
	size_t ndraws;
	struct question *questions;
	size_t nquestions;
	/*
	 * A learner edition's post-test (publish.h): questions and choices
	 * only, no key, nothing that grades; order steps are written in the
	 * order shown.  Its answers are recorded for the provider to grade.
	 */
	bool keyless;
	char **words;		/* owned: the ids questions borrow */
	size_t nwords;
};

/*
 * Parse path and check every pattern compiles.  Problems go to d as
 * "path:line[:col]: error: ...".  Returns a new quiz (free with quiz_free)
 * or NULL when the file had any error.  Examples are not run here: that is
 * the checker's job (check.h), so a learner is never blocked by it.
 */
struct quiz *quiz_load(const char *path, struct diag *d);

/*
 * The same for a learner edition (manifest "@edition learner"): there a
 * post-test must be keyless, and a keyless post-test is accepted nowhere
 * else.
 */
struct quiz *quiz_load_edition(const char *path, struct diag *d);

/*
 * The directives a keyless post-test must not hold (they give an answer
 * away), NULL-terminated: the publisher leaves them out, the parser
 * refuses them.
 */
extern const char *const quiz_key_directives[];

/* The same from size bytes of buf, reported under name (srcfile.h). */
struct quiz *quiz_parse(const char *name, const char *buf, size_t size,
    struct diag *d);
void quiz_free(struct quiz *q);

/* "short", "list", ... as written after @question. */
const char *quiz_kind_name(enum question_kind kind);

/* Total points of all questions. */
int quiz_total_points(const struct quiz *q);

/*
 * Make q's questions fast to grade (JIT their patterns, grade_jit):
 * done when a sitting starts, not at load, so start-up compiles without
 * JIT and only the quizzes taken pay for it.  Calling it again does
 * nothing more.
 */
void quiz_prepare(const struct quiz *q);

/* The id of the lesson whose objective qu tests, or NULL when it names none. */
const char *quiz_objective_lesson(const struct quiz *q,
    const struct question *qu);

/*
 * FNV-1a 64 of two ids, as a seed for quiz_random: whatever must be the
 * same in every session (a shown order, an example) is derived from the
 * ids alone.
 */
uint64_t quiz_hash_ids(const char *quiz_id, const char *question_id);

/*
 * The quiz's reproducible random stream (splitmix64): the same state
 * gives the same numbers with every C library, which rand() does not.
 */
uint64_t quiz_random(uint64_t *state);

#endif
