/*
 * Canonical certificate fields (certfields.h): one table says each key,
 * where its value lives in struct certificate and how it is written, and
 * both writing and reading back walk it.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "certfields.h"
#include "journal.h"
#include "strbuf.h"
#include "xmalloc.h"

enum kind {
	F_TEXT,		/* const char * */
	F_OPTIONAL,	/* const char *, its line only when not NULL */
	F_INT,		/* int */
	F_LONG,		/* long */
	F_YESNO,	/* bool */
	F_LIST,		/* approvals: one line each */
	F_KEY,		/* the signing key, given apart */
};

/* Who reads a field: everyone, or only the program drawing the PDF. */
enum scope { SIGNED, DRAWING };

#define M(member) offsetof(struct certificate, member)

static const struct field {
	const char *key;
	enum kind kind;
	size_t at;
	enum scope scope;
} fields[] = {
	{ "number", F_TEXT, M(number), SIGNED },
	{ "name", F_TEXT, M(participant), SIGNED },
	{ "learner", F_TEXT, M(learner), SIGNED },
	{ "licence", F_TEXT, M(licence), SIGNED },
	{ "licence-state", F_TEXT, M(licence_state), SIGNED },
	{ "title", F_TEXT, M(title), SIGNED },
	{ "course", F_TEXT, M(course), SIGNED },
	{ "version", F_TEXT, M(version), SIGNED },
	{ "type", F_TEXT, M(type), SIGNED },
	{ "hours", F_TEXT, M(hours), SIGNED },
	{ "completed", F_TEXT, M(completed), SIGNED },
	{ "provider-name", F_TEXT, M(provider_name), SIGNED },
	{ "provider-address", F_TEXT, M(provider_address), SIGNED },
	{ "provider-email", F_TEXT, M(provider_email), SIGNED },
	{ "provider-number", F_TEXT, M(provider_number), SIGNED },
	{ "approval", F_LIST, M(approvals), SIGNED },
	{ "posttest", F_TEXT, M(posttest), SIGNED },
	{ "attempt", F_TEXT, M(attempt), SIGNED },
	{ "score", F_INT, M(score), SIGNED },
	{ "pass", F_INT, M(pass), SIGNED },
	{ "seconds", F_LONG, M(seconds), SIGNED },
	{ "test-clock", F_YESNO, M(test_clock), SIGNED },
	{ "attested", F_TEXT, M(attested), SIGNED },
	{ "reissued", F_OPTIONAL, M(reissued), SIGNED },
	{ "key", F_KEY, 0, SIGNED },
	/* Not signed: what the seal adds, and what the drawing shows. */
	{ "self-reported", F_YESNO, M(self_reported), DRAWING },
	{ "signature", F_OPTIONAL, M(signature), DRAWING },
};

#define NFIELDS (sizeof fields / sizeof fields[0])

static void
line(struct strbuf *b, const char *key, const char *value)
{
	char *v = journal_escape(value != NULL ? value : "");

	strbuf_addf(b, "%s: %s\n", key, v);
	free(v);
}

static char *
text_of(const struct certificate *c, const char *keyhex, enum scope upto)
{
	const char *base = (const char *)c;
	struct strbuf b = {0};
	char num[32];

	strbuf_puts(&b, CERTFIELDS_FORMAT "\n");
	for (size_t i = 0; i < NFIELDS; i++) {
		const struct field *f = &fields[i];
		const void *at = base + f->at;

		if (f->scope > upto)
			continue;
		switch (f->kind) {
		case F_OPTIONAL:
			if (*(const char *const *)at == NULL)
				break;
			/* FALLTHROUGH */
		case F_TEXT:
			line(&b, f->key, *(const char *const *)at);
			break;
		case F_INT:
			snprintf(num, sizeof num, "%d", *(const int *)at);
			line(&b, f->key, num);
			break;
		case F_LONG:
			snprintf(num, sizeof num, "%ld", *(const long *)at);
			line(&b, f->key, num);
			break;
		case F_YESNO:
			line(&b, f->key, *(const bool *)at ? "yes" : "no");
			break;
		case F_LIST:
			for (size_t k = 0; k < c->napprovals; k++)
				line(&b, f->key, c->approvals[k]);
			break;
		case F_KEY:
			line(&b, f->key, keyhex);
			break;
		}
	}
	return strbuf_take(&b);
}

char *
certfields_text(const struct certificate *c, const char *keyhex)
{
	return text_of(c, keyhex, SIGNED);
}

char *
certfields_drawing_text(const struct certificate *c)
{
	return text_of(c, c->signer, DRAWING);
}

static char *
own(struct certfields *f, char *s)
{
	f->owned = xreallocarray(f->owned, f->nowned + 1, sizeof *f->owned);
	return f->owned[f->nowned++] = s;
}

/* Set field fd of f->c from value (new, handed over). */
static void
set(struct certfields *f, const struct field *fd, char *value)
{
	char *base = (char *)&f->c;
	void *at = base + fd->at;

	switch (fd->kind) {
	case F_TEXT:
	case F_OPTIONAL:
		*(const char **)at = own(f, value);
		return;
	case F_INT:
		*(int *)at = atoi(value);
		break;
	case F_LONG:
		*(long *)at = atol(value);
		break;
	case F_YESNO:
		*(bool *)at = strcmp(value, "yes") == 0;
		break;
	case F_LIST: {
		const char **v = (const char **)f->c.approvals;

		v = xreallocarray(v, f->c.napprovals + 1, sizeof *v);
		v[f->c.napprovals++] = own(f, value);
		f->c.approvals = v;
		return;
	}
	case F_KEY:
		f->c.signer = own(f, value);
		return;
	}
	free(value);
}

int
certfields_parse(const char *text, struct certfields *f, char **cause)
{
	const char *p = text;
	size_t n = strcspn(p, "\n");

	memset(f, 0, sizeof *f);
	if (n != strlen(CERTFIELDS_FORMAT) ||
	    memcmp(p, CERTFIELDS_FORMAT, n) != 0) {
		*cause = xstrdup("the fields are not of a known format");
		return -1;
	}
	for (p += n + (p[n] == '\n'); *p != '\0'; p += n + (p[n] == '\n')) {
		const char *colon;
		size_t i;

		n = strcspn(p, "\n");
		colon = memchr(p, ':', n);
		for (i = 0; colon != NULL && i < NFIELDS; i++)
			if (strlen(fields[i].key) == (size_t)(colon - p) &&
			    memcmp(p, fields[i].key, (size_t)(colon - p)) == 0)
				break;
		if (colon == NULL || i == NFIELDS || colon[1] != ' ') {
			*cause = xasprintf("unknown field line '%.*s'", (int)n,
			    p);
			return -1;
		}
		set(f, &fields[i], journal_unescape(colon + 2,
		    n - (size_t)(colon + 2 - p)));
	}
	return 0;
}

void
certfields_destroy(struct certfields *f)
{
	for (size_t i = 0; i < f->nowned; i++)
		free(f->owned[i]);
	free(f->owned);
	free((void *)f->c.approvals);
	memset(f, 0, sizeof *f);
}
