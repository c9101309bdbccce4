/*
 * Grading one answer to one question: normalisation, the PCRE2 match
 * rules (anchoring, misconception precedence, list items) and the limits
 * that keep a catastrophic pattern from hanging the tutor.  The rules are
 * documented in psoas-tutor(5) GRADING and doc/FORMATS.md.
 */
#ifndef PSOAS_GRADE_H
#define PSOAS_GRADE_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

#define GRADE_MAX_ANSWER 1000	/* bytes after normalisation */

enum grade_verdict {
	GRADE_CORRECT,
	GRADE_PARTIAL,
	GRADE_INCORRECT,
	GRADE_UNGRADABLE,	/* not graded: no try used, ask again */
};

/* "correct", "partly correct", "incorrect", "not graded": one table. */
const char *grade_verdict_name(enum grade_verdict v);

struct grade_result {
	enum grade_verdict verdict;
	double fraction;		/* 0..1 of the question's points */
	const char *feedback;		/* borrowed from the quiz, or NULL */
	char *message;			/* owned; what to tell the learner
					 * beyond feedback (e.g. which list
					 * items were missed, why ungradable),
					 * or NULL */
	const struct pattern *rule;	/* the pattern that decided, or NULL */
	char *author_warning;		/* owned; "file:line: warning: ..."
					 * when a match limit was hit */
	/* In: how to read free text (grade_text.h), set by grade_answer_opts. */
	const struct grade_opts *opts;
	/*
	 * Owned, or NULL; set for a list or multi answer that is not right.
	 * missing: what it lacked by count only, naming nothing of the key
	 * ("1 more of the 2 items needed"), so a post-test's review may
	 * show it; missing_key: the key's items not credited, by label, for
	 * a review that shows the answer anyway.
	 */
	char *missing;
	char *missing_key;
	char *detail;			/* owned; list questions: one line per
					 * part of the answer saying which rule
					 * it hit, for the author's checker
					 * only (it names the items), or NULL */
};

/*
 * Normalise an answer as the grading rules say.  Returns a new string, or
 * NULL with *why set to a new message when the answer is not valid UTF-8
 * or too long.
 */
char *grade_normalise(const char *answer, size_t len, char **why);

/* Grade answer (raw bytes as typed) against q; r must be destroyed. */
void grade_answer(const struct question *q, const char *answer, size_t len,
    struct grade_result *r);

/*
 * The same, reading free text as opts says (grade_text.h; NULL:
 * normally): the checker grades without one glossary entry or without
 * spelling correction to find what decided a verdict.
 */
struct grade_opts;
void grade_answer_opts(const struct question *q, const char *answer,
    size_t len, const struct grade_opts *opts, struct grade_result *r);
void grade_result_destroy(struct grade_result *r);

/*
 * Compile one pattern for q's rules (caseless unless q->case_sensitive,
 * UTF+UCP, anchored to the whole answer when anchored).  On failure
 * returns NULL and sets *err (new string, PCRE2's message) and *erroffset
 * (0-based byte offset in src).
 */
pcre2_code *grade_compile(const char *src, bool case_sensitive,
    bool anchored, char **err, size_t *erroffset);

/*
 * JIT-compile code, once (a second call does nothing).  grade_compile
 * does not: JIT takes far more time and memory than compiling, so a
 * course's patterns are JIT-compiled only when a sitting of their quiz
 * starts (quiz_prepare), and --check matches its examples with the
 * interpreter.  A pattern JIT cannot take is matched by the interpreter.
 */
void grade_jit(pcre2_code *code);

/*
 * part/whole as a whole percent, rounded down, so a 69.9% fail is never
 * shown as a 70% pass mark.  0 when whole is 0.
 */
int grade_whole_percent(double part, double whole);

/*
 * The pass rule, the one place it is decided: part of whole points is a
 * pass of a quiz with pass mark pass (percent) when its whole percent,
 * rounded down, reaches the mark (so 69.9% never passes at 70).
 */
bool grade_passed(double part, double whole, int pass);

/*
 * The points an answer to qn of quiz earns (doc/FORMATS.md "Points"): the
 * fraction of its points the grader gave, less quiz->hint_cost percent a
 * hint shown and quiz->retry_cost percent a try after the first, never
 * below 0.  The one rule for a sitting and for a regrade (rescore.h).
 */
double grade_points(const struct quiz *quiz, const struct question *qn,
    double fraction, int hints, int tries);

/*
 * Letters typed for choice/multi/order, e.g. "a, c" -> {0, 2}, in the
 * order typed, repeats kept (the caller decides what a repeat means).
 * Separators are white space, commas, the marks letters are written with
 * ("c)", "(c)", "c.") and the word "and"; letters are
 * case-insensitive.  out must have room for nletters entries.  Returns
 * false when there is no letter, a letter is out of range, something
 * else was typed, or more than nletters letters were typed.
 */
bool grade_parse_letters(const char *answer, size_t nletters, size_t *out,
    size_t *nout);

/* ------------------------------------------ for the kinds' rules (qkind.h) */

/*
 * A request to stop (Ctrl-C, SIGTERM) ends grading between two pattern
 * matches: stop is asked before each match (NULL: never stop).  The
 * answer is then "not graded", and no try is used.
 */
void grade_set_stop_check(bool (*stop)(void));
bool grade_stop_requested(void);

/* The one PCRE2 match context, with the grading limits. */
pcre2_match_context *grade_match_context(void);

/* Make r "not graded": pattern p of q failed to match with PCRE2 code rc. */
void grade_set_ungradable(const struct question *q, const struct pattern *p,
    int rc, struct grade_result *r);

/*
 * Make r "not graded" because grading stopped: the answer's time budget
 * (GRADE_BUDGET_MS) was spent (late), or a stop was requested.
 */
void grade_set_unfinished(const struct question *q, struct grade_result *r,
    bool late);

/* Whether s (n bytes) is word, ignoring ASCII case. */
bool grade_word_is(const char *s, size_t n, const char *word);

/* Append line (taken over) to r->detail, one line per call. */
void grade_add_detail(struct grade_result *r, char *line);

#endif
