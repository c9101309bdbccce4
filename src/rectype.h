/*
 * The types of progress records (doc/FORMATS.md "Progress journal"): the
 * one table of their words, the first field of every record, and of how
 * many fields each has.  progress.c gives them their meaning and xapi.c
 * turns them into statements and back; both read the shape from here.
 */
#ifndef PSOAS_RECTYPE_H
#define PSOAS_RECTYPE_H

#include <stdbool.h>
#include <stddef.h>

enum rectype {
	REC_NAME,
	REC_PAGE,
	REC_DONE,
	REC_TIME,
	REC_READ,
	REC_IDENTITY,
	REC_ATTEST,
	REC_CLOCK,
	REC_COURSE,
	REC_QUIZ_START,
	REC_QUIZ_DRAW,
	REC_TRY,
	REC_ANSWER,
	REC_HINT,
	REC_QUIZ_END,
	REC_COMPLETION,
	REC_EVALUATION,
	REC_PRACTICE,
	REC_REGRADE,
	REC_RESCORE,
	REC_FLAG,
	REC_NTYPES
};

/* The word of t ("page", "quiz-start", ...); "" for a value out of range. */
const char *rectype_name(enum rectype t);

/*
 * The type whose word is word (exactly) in *t; false for any other word
 * (a newer tutor's record type, or damage), with *t left alone.
 */
bool rectype_parse(const char *word, enum rectype *t);

/*
 * The fields a record of type t has, its type and time included; 0 for
 * a record of key/value pairs after them (completion).
 */
size_t rectype_fields(enum rectype t);

/* Whether n fields (type and time included) make a record of type t. */
bool rectype_fits(enum rectype t, size_t n);

#endif
