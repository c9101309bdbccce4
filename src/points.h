/*
 * How points are written as text and read back: the one home of the rule.
 * Points are written in fixed point, rounded half away from zero, with a
 * '.' whatever LC_NUMERIC says, and never in exponent form.  Three forms
 * differ only in their decimals, each kept because text already written
 * in it must stay as it is:
 *
 *   POINTS_SHOWN   what a learner or author reads: at most 3 decimals,
 *                  no trailing zeros ("2", "0.5", "0.333").
 *   POINTS_RECORD  journal records: at most 6 decimals, no trailing zeros
 *                  ("0.75"); points_parse reads every such text back.
 *   POINTS_EXPORT  exported CSV and JSON columns: always 3 decimals
 *                  ("2.000", "0.750"), as auditors' tools already read them.
 *
 * A value that is not finite or not within +-POINTS_MAX is written as 0.
 */
#ifndef PSOAS_POINTS_H
#define PSOAS_POINTS_H

#include <stdbool.h>
#include <stddef.h>

#define POINTS_MAX 1e12		/* points and scores: sanity bound */
#define POINTS_BUF 32		/* bytes that hold any points text */

enum points_form { POINTS_SHOWN, POINTS_RECORD, POINTS_EXPORT };

void points_format(char *buf, size_t size, double v, enum points_form form);

/*
 * Read points as POINTS_RECORD writes them (at most 12 digits before the
 * '.', at most 6 after it, an optional '-').  False, *out untouched, for
 * anything else.
 */
bool points_parse(const char *s, double *out);

#endif
