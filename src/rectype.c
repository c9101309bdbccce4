/*
 * Progress record types and their shapes (rectype.h).  The words and
 * field counts are the journal format: a record type is only ever added.
 */
#include "config.h"

#include <string.h>

#include "rectype.h"

static const struct {
	const char *name;
	size_t nfields;		/* type and time included; 0: pairs */
} types[REC_NTYPES] = {
	[REC_NAME] = { "name", 3 },
	[REC_PAGE] = { "page", 5 },
	[REC_DONE] = { "done", 3 },
	[REC_TIME] = { "time", 4 },
	[REC_READ] = { "read", 5 },
	[REC_IDENTITY] = { "identity", 5 },
	[REC_ATTEST] = { "attest", 3 },
	[REC_CLOCK] = { "clock", 3 },
	[REC_COURSE] = { "course", 3 },
	[REC_QUIZ_START] = { "quiz-start", 5 },
	[REC_QUIZ_DRAW] = { "quiz-draw", 7 },
	[REC_TRY] = { "try", 12 },
	[REC_ANSWER] = { "answer", 12 },
	[REC_HINT] = { "hint", 7 },
	[REC_QUIZ_END] = { "quiz-end", 7 },
	[REC_COMPLETION] = { "completion", 0 },
	[REC_EVALUATION] = { "evaluation", 7 },
	[REC_PRACTICE] = { "practice", 7 },
	[REC_REGRADE] = { "regrade", 11 },
	[REC_RESCORE] = { "rescore", 7 },
	[REC_FLAG] = { "flag", 9 },
};

const char *
rectype_name(enum rectype t)
{
	return (size_t)t < REC_NTYPES ? types[t].name : "";
}

bool
rectype_parse(const char *word, enum rectype *t)
{
	for (size_t i = 0; i < REC_NTYPES; i++)
		if (strcmp(word, types[i].name) == 0) {
			*t = (enum rectype)i;
			return true;
		}
	return false;
}

size_t
rectype_fields(enum rectype t)
{
	return (size_t)t < REC_NTYPES ? types[t].nfields : 0;
}

bool
rectype_fits(enum rectype t, size_t n)
{
	size_t want = rectype_fields(t);

	return want == 0 ? n >= 2 && n % 2 == 0 : n == want;
}
