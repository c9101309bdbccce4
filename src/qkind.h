/*
 * Question kinds as one table.  Everything that differs between "short",
 * "list", "choice", "multi", "truefalse" and "order" is a row here: the
 * directives the kind takes, finishing and validating a parsed question,
 * grading it, showing it and its answer, the checks of --check, and
 * what other modules may ask of a kind (accessors and flags).  The parser
 * (quiz.c), the grader (grade.c), the quiz sitting (quizrun.c), the
 * checker (check.c) and the rest (flag.c, agreement.c, giveaway.c...)
 * look the row up and never ask which kind a question is.  Each family
 * of kinds has files of its own:
 *
 *   qkind_text.c    short, list: parsing, showing, checking
 *   grade_text.c    short, list: the free-text grading rules, reading
 *                   the answer (spelling, glossary)
 *   concept.c       short, list: finding a term (negation, hedges)
 *   grade_list.c    list: parts, a shared word, the count
 *   qkind_text.h    short, list: their data, shared by those files
 *   qkind_choice.c  choice, multi, truefalse
 *   qkind_order.c   order
 *
 * doc/HACKING.md "How to add a question kind" says what a new kind needs.
 */
#ifndef PSOAS_QKIND_H
#define PSOAS_QKIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "grade.h"
#include "quiz.h"
#include "render.h"
#include "srcfile.h"
#include "strbuf.h"

struct spell;

#define QKIND_MAX_LETTERS 26	/* choices and steps are lettered a..z */
#define QKIND_MAX_DIRECTIVES 16	/* of one kind, beyond the common ones */
#define QKIND_DIR (SRCDIR_VALUE | SRCDIR_BODY)
#define QKIND_BARE (SRCDIR_BARE | SRCDIR_BODY)

/*
 * What a kind's directive handler and finish function may use of the
 * parser: where to report, and what the question has seen so far.
 */
struct qparse {
	const char *path;
	struct diag *d;
	const char *quiz_id;	/* "" until @quiz */
	bool shuffle;		/* the quiz's @shuffle */
	/*
	 * A learner edition's post-test (quiz.keyless): no key is given, so
	 * none is required, and steps are written in their shown order.
	 */
	bool keyless;
	const char *last;	/* the previous directive of this question
				 * (its name without '@'), or NULL */
	long seen[QKIND_MAX_DIRECTIVES];	/* line the kind's directive
						 * i was first seen on, or 0 */
};

/* Report an error at path:line[:col] of the file being parsed. */
void qparse_error(struct qparse *p, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A whole number lo..hi as the value of @name, or an error. */
void qparse_number(struct qparse *p, const char *name, const char *arg,
    long line, long col, int lo, int hi, int *out);

/* "KIND question 'ID' has no '@NAME'", at the question's line. */
void qparse_missing(struct qparse *p, const struct question *qu,
    const char *name);

/*
 * The line a directive of the question's kind was first seen on in this
 * question, or 0.
 */
long qparse_seen(const struct qparse *p, const struct question *qu,
    const char *name);

/*
 * @feedback is for the directive just before it, one of targets (names
 * without '@'); what names them in messages ("'@choice'").  Returns true
 * when the feedback may be taken, after reporting why not otherwise.
 */
bool qparse_feedback_allowed(struct qparse *p, const char *const *targets,
    size_t ntargets, const char *what, long line);

/*
 * Fix which choice or step is shown as letter 'a' + i (qu->shown), the
 * same in every session: shuffled when shuffle, seeded from the quiz and
 * question ids.  With never_in_order, a shuffle that left everything in
 * place is rotated by one (steps shown in order give the answer away).
 */
void qparse_set_shown(struct qparse *p, struct question *qu, size_t n,
    bool shuffle, bool never_in_order);

/* One directive a kind takes beyond those every question takes. */
struct qdirective {
	/*
	 * Its name and rules (srcfile.h): QKIND_DIR (a value, in a
	 * question), with SRCDIR_ONCE, or QKIND_BARE (no value: @case).
	 */
	struct srcdir dir;
	/*
	 * Apply it to qu.  Returns where continuation lines of this
	 * directive are appended, or NULL when it takes none.
	 */
	char **(*apply)(struct qparse *p, struct question *qu,
	    const char *arg, long line, long col);
};

/* Where a kind shows a question or its answer. */
struct qshow {
	const struct render_opts *o;
	FILE *out;
};

/* printf, then wrap to the width with indent and hang, and print. */
void qshow_say(const struct qshow *s, const char *indent, const char *hang,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Lettered lines "  a) text" for texts[shown[i]], i < n; and "The
 * answer: a c" with the texts of the answer below, the answer being
 * every index idx with in_answer[idx] (in index order; NULL: all).
 */
void qshow_lettered(const struct qshow *s, const char *const *texts,
    const size_t *shown, size_t n);
void qshow_lettered_answer(const struct qshow *s, const char *indent,
    const char *const *texts, const size_t *shown, size_t n,
    const bool *in_answer);

/*
 * Where a lettered question's "e.g." starts among its n candidate
 * examples (an order's turned letters, a multi's pairs): a number from
 * the question's id, so the example looks the same in every session but
 * has no usual value; the kind takes the next candidate, round, when that
 * one is the right answer.  So an example is never the answer, and which
 * one is shown says nothing more (a fixed first choice, moved only when
 * it was the answer, would give the answer away).
 */
size_t qshow_example_start(const struct question *qu, size_t n);

struct qkind {
	const char *name;		/* as written after @question */
	const struct qdirective *directives;
	size_t ndirectives;
	/*
	 * Give qu its kind's own data (question.data), empty, before the
	 * first directive; free frees it with all it holds.  No one but
	 * the kind's file looks inside.
	 */
	void (*init)(struct question *qu);
	void (*free)(struct question *qu);
	/* Validate what needs the whole question; fix its shown order. */
	void (*finish)(struct qparse *p, struct question *qu);
	/*
	 * Make qu fast to grade before a sitting asks it (JIT its
	 * patterns: grade_jit); NULL when there is nothing to do.
	 */
	void (*prepare)(const struct question *qu);
	/*
	 * Answers are free text, the learner's own words graded by rules
	 * (not a pick from a key): they can be marked by hand (responses.h),
	 * which is what settles a flag on one, and a right one may give
	 * another question away.
	 */
	bool free_text;
	/*
	 * Grade answer, already normalised (grade.h) and not empty; with
	 * list_answer, newlines in it separate parts.  answer may be
	 * changed in place.
	 */
	bool list_answer;
	void (*grade)(const struct question *qu, char *answer,
	    struct grade_result *r);
	/* After the prompt: what to choose from, what to type. */
	void (*show)(const struct qshow *s, const struct question *qu);
	/* The right answer, as the learner would type or recognise it. */
	void (*show_answer)(const struct qshow *s, const struct question *qu,
	    const char *indent);
	/*
	 * --check of one question, beyond running its examples (check.c
	 * runs every '@example+' and '@example-'): the examples the kind
	 * requires (free text: two each way; a key: one '@example+',
	 * qkind_check_key_example) and, for free text, that each rule
	 * compiles and cannot credit an empty answer.  Not called for a
	 * keyless post-test, which has no key to prove.
	 */
	void (*check)(const struct quiz *qz, const struct question *qu,
	    struct diag *d);
	/*
	 * --check and --show-matches: what decided a verdict no pattern
	 * decided ("answer key", "items below"), or NULL for "no rule".
	 */
	const char *decided_by;

	/*
	 * What other modules may read of the kind's data, through the
	 * qkind_* accessors below; NULL where the kind has none.
	 *
	 * Lettered kinds: how many choices or steps are shown under
	 * letters, and the i-th of them in file order (question.shown maps
	 * letters to these); *right, when not NULL, gets whether it is a
	 * right choice on its own.
	 */
	size_t (*letters)(const struct question *qu);
	const char *(*letter)(const struct question *qu, size_t i, bool *right);
	/* Whether a second try proves nothing (two possible answers). */
	bool (*one_try)(const struct question *qu);
	/* Whether the prompt is a statement the key says is false. */
	bool (*prompt_is_false)(const struct question *qu);
	/* How many parts a fully credited answer names (at least 1). */
	int (*need)(const struct question *qu);
	/* Call fn with each feedback a wrong answer may show, and its line. */
	void (*each_feedback)(const struct question *qu,
	    void (*fn)(void *arg, const char *feedback, long line), void *arg);
	/* The spelling vocabulary the kind's data adds (lexicon.h). */
	void (*vocabulary)(const struct question *qu, struct spell *sp);
	/*
	 * A learner edition's post-test (publish.h): the kind's directives
	 * that give no key away, one a line.
	 */
	void (*keyless)(struct strbuf *b, const struct question *qu);
};

/*
 * The accessors for modules outside the kinds' files: each asks the row,
 * with the answer for a kind that has no such data.
 */
bool qkind_is_free_text(const struct question *qu);	/* row's free_text */
size_t qkind_letters(const struct question *qu);		/* 0 */
const char *qkind_letter(const struct question *qu, size_t i, bool *right);
bool qkind_one_try(const struct question *qu);			/* false */
bool qkind_prompt_is_false(const struct question *qu);		/* false */
int qkind_need(const struct question *qu);			/* 1 */
void qkind_each_feedback(const struct question *qu,
    void (*fn)(void *arg, const char *feedback, long line), void *arg);
void qkind_vocabulary(const struct question *qu, struct spell *sp);
void qkind_keyless(struct strbuf *b, const struct question *qu);

/*
 * --check of the kinds answered by a key: an '@example+' gives the right
 * answer as typed, letters as shown, which proves any shuffle too.
 */
void qkind_check_key_example(const struct quiz *qz, const struct question *qu,
    struct diag *d);

/* The row of a kind, by enum or by name (NULL when none). */
const struct qkind *qkind_of(enum question_kind kind);
const struct qkind *qkind_find(const char *name, enum question_kind *kind);

/* Every kind's name, for "did you mean"; n gets how many. */
const char *const *qkind_names(size_t *n);

/*
 * The directive name (len bytes) if kind takes it, else NULL; *index
 * gets its position in the kind's list (for struct qparse seen).
 */
const struct qdirective *qkind_directive(enum question_kind kind,
    const char *name, size_t len, size_t *index);

/*
 * The directive name (len bytes) of the first kind that takes it, or
 * NULL.  Kinds that share a directive name give it the same rules.
 */
const struct qdirective *qkind_any_directive(const char *name, size_t len);

/*
 * Every kind's directive name, each once, into names (room for max);
 * returns how many.
 */
size_t qkind_directive_names(const char **names, size_t max);

/* The free-text grading rules (grade_text.c) of the "short" and "list" rows. */
void grade_text_short(const struct question *qu, char *answer,
    struct grade_result *r);
void grade_text_list(const struct question *qu, char *answer,
    struct grade_result *r);

/* The rows, one per kind, defined in the family files. */
extern const struct qkind qkind_short, qkind_list;
extern const struct qkind qkind_choice, qkind_multi, qkind_truefalse;
extern const struct qkind qkind_order;

#endif
