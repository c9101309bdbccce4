/*
 * A course's glossary: the lay terms and abbreviations learners use, each
 * mapped to the course's own term ("belly button = umbilicus",
 * "ASIS = anterior superior iliac spine").  Answers are rewritten with it
 * before any pattern is matched, so patterns name course terms only.
 * Format and rules: doc/FORMATS.md "Glossary".
 */
#ifndef PSOAS_GLOSSARY_H
#define PSOAS_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct gloss_entry {
	char *term;		/* as written, lower case */
	char *meaning;		/* the course term it stands for */
	long lineno;
};

struct glossary {
	char *path;		/* NULL when the course has none */
	struct gloss_entry *entries;
	size_t n;
};

#define GLOSSARY_ALL ((size_t)-1)	/* apply every entry */

/*
 * Read path into g (which the caller zeroed).  A course without a
 * glossary is fine: a missing file leaves g empty and returns 0.  Errors
 * go to d as "path:line: error: ...".  Returns the number of errors.
 */
size_t glossary_load(struct glossary *g, const char *path, struct diag *d);
/*
 * The same for size bytes of buf, reported under name (glossary_load is
 * this after reading the file).
 */
size_t glossary_parse(struct glossary *g, const char *name, const char *buf,
    size_t size, struct diag *d);
void glossary_destroy(struct glossary *g);

/*
 * text with every glossary term replaced by its meaning: terms match
 * whole words, caselessly, a space or hyphen in a term matching either,
 * longest term first.  The entry with index skip is left out
 * (GLOSSARY_ALL applies all).  Returns a new string, or NULL when no
 * term occurs in text.
 */
char *glossary_apply(const struct glossary *g, const char *text, size_t skip);

/* True when entry i's term occurs in text. */
bool glossary_occurs(const struct glossary *g, size_t i, const char *text);

#endif
