/*
 * Outcomes of tries and results of quiz attempts, and their words in
 * progress records (outcome.h).
 * The words are part of the journal format: changing one would make old
 * journals read differently, so they only ever grow.
 */
#include "config.h"

#include <string.h>

#include "outcome.h"

static const char *const words[] = {
	[OUTCOME_NONE] = "",
	[OUTCOME_CORRECT] = "correct",
	[OUTCOME_PARTIAL] = "partial",
	[OUTCOME_INCORRECT] = "incorrect",
	[OUTCOME_SKIPPED] = "skipped",
	[OUTCOME_UNGRADED] = "ungraded",
	[OUTCOME_SUPERSEDED] = "superseded",
};

#define NWORDS (sizeof words / sizeof words[0])

static const char *const results[] = {
	[ATTEMPT_PASS] = "pass",
	[ATTEMPT_FAIL] = "fail",
	[ATTEMPT_UNGRADED] = "ungraded",
};

#define NRESULTS (sizeof results / sizeof results[0])

/* The index of word in table[from..n), or n. */
static size_t
find(const char *const *table, size_t from, size_t n, const char *word)
{
	for (size_t i = from; i < n; i++)
		if (strcmp(word, table[i]) == 0)
			return i;
	return n;
}

const char *
outcome_name(enum outcome o)
{
	return (size_t)o < NWORDS ? words[o] : "";
}

bool
outcome_parse(const char *word, enum outcome *o)
{
	size_t i = find(words, OUTCOME_NONE + 1, NWORDS, word);

	*o = i < NWORDS ? (enum outcome)i : OUTCOME_NONE;
	return i < NWORDS;
}

bool
outcome_is(const char *word, enum outcome o)
{
	return o != OUTCOME_NONE && strcmp(word, outcome_name(o)) == 0;
}

enum outcome
outcome_of_grade(enum grade_verdict v)
{
	static const enum outcome of[] = {
		[GRADE_CORRECT] = OUTCOME_CORRECT,
		[GRADE_PARTIAL] = OUTCOME_PARTIAL,
		[GRADE_INCORRECT] = OUTCOME_INCORRECT,
		[GRADE_UNGRADABLE] = OUTCOME_NONE,
	};

	return (size_t)v < sizeof of / sizeof of[0] ? of[v] : OUTCOME_NONE;
}

const char *
outcome_attempt_name(enum attempt_result r)
{
	return (size_t)r < NRESULTS ? results[r] : "";
}

bool
outcome_attempt_parse(const char *word, enum attempt_result *r)
{
	size_t i = find(results, 0, NRESULTS, word);

	if (i < NRESULTS)
		*r = (enum attempt_result)i;
	return i < NRESULTS;
}
