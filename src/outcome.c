/*
 * Outcomes of tries and their words in progress records (outcome.h).
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

const char *
outcome_name(enum outcome o)
{
	return (size_t)o < NWORDS ? words[o] : "";
}

bool
outcome_parse(const char *word, enum outcome *o)
{
	for (size_t i = OUTCOME_NONE + 1; i < NWORDS; i++)
		if (strcmp(word, words[i]) == 0) {
			*o = (enum outcome)i;
			return true;
		}
	*o = OUTCOME_NONE;
	return false;
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
