/*
 * The pager of pager.h.  Lines are split once, when the text is shown,
 * and each is freed as it goes out, so a long page kept for later costs
 * only what is still to be seen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pager.h"
#include "xmalloc.h"

void
pager_drop(struct pager *pg)
{
	for (size_t i = pg->at; i < pg->n; i++)
		free(pg->lines[i]);
	free(pg->lines);
	memset(pg, 0, sizeof *pg);
}

bool
pager_pending(const struct pager *pg)
{
	return pg->at < pg->n;
}

bool
pager_more(struct pager *pg, FILE *out, size_t rows)
{
	for (size_t shown = 0; pg->at < pg->n && shown < rows; shown++) {
		fprintf(out, "%s\n", pg->lines[pg->at]);
		free(pg->lines[pg->at]);
		pg->at++;
	}
	if (pager_pending(pg))
		return true;
	pager_drop(pg);
	return false;
}

bool
pager_show(struct pager *pg, FILE *out, const char *text, size_t rows)
{
	const char *p = text;

	pager_drop(pg);
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		pg->lines = xreallocarray(pg->lines, pg->n + 1,
		    sizeof *pg->lines);
		pg->lines[pg->n++] = xstrndup(p, len);
		p += len + (nl != NULL);
	}
	return pager_more(pg, out, rows);
}
