/*
 * The author's checker: everything the loaders check, plus the course
 * proving itself: every example answer is graded and must land on the
 * side the author said, every free-text question has enough examples,
 * and every @taught names a real lesson page.
 */
#ifndef PSOAS_CHECK_H
#define PSOAS_CHECK_H

#include <stdio.h>

#include "course.h"
#include "diag.h"

/* Run the examples and cross-references of c; errors go to d. */
size_t check_course(const struct course *c, struct diag *d);

/*
 * What a learner's session runs before a sitting: the quiz's kind rules
 * and examples, as --check would, so a course whose rules accept anything
 * (an '@accept .*' that takes every wrong example) is refused at the
 * quiz instead of silently passing everyone.  Returns the number of
 * errors added to d.
 */
size_t check_quiz(const struct quiz *qz, struct diag *d);

/*
 * --show-matches: for the quiz (and, if question is not NULL, only that
 * question id), print each example, its verdict and the rule that decided
 * it ("accept file:line", "misconception file:line", "no rule").
 * Returns 0, or 1 (after saying so on stderr) if the quiz or question
 * does not exist.
 */
int check_show_matches(const struct course *c, const char *quiz,
    const char *question, FILE *out);

/*
 * --coverage: for every question, the lesson page its @taught names (id,
 * page number and page title), then every lesson page with how many
 * questions test it, so an author sees both what each question relies on
 * and which pages no question covers.  Returns 0.
 */
int check_print_coverage(const struct course *c, FILE *out);

#endif
