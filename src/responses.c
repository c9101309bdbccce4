/*
 * The marked-responses parser (responses.h).  The format is the quiz
 * format's directive style, with one directive per mark, so a marker can
 * write it in any editor and a response is one line as the learner typed
 * it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "responses.h"
#include "srcfile.h"
#include "xmalloc.h"

enum dir_id { D_RESPONSES, D_ORIGIN, D_QUESTION, D_CREDIT, D_NOCREDIT,
	D_PARTIAL, D_NOTE, D_UNMARKED, D_COUNT };

/* The rules of each directive (srcfile.h), in enum order. */
#define MARK (SRCDIR_VALUE | SRCDIR_BODY)
static const struct srcdir directives[D_COUNT] = {
	[D_RESPONSES] = {"responses", SRCDIR_VALUE | SRCDIR_ONCE |
	    SRCDIR_HEADER},
	/* Free text for people: who wrote and who marked. */
	[D_ORIGIN] = {"origin", SRCDIR_VALUE},
	[D_QUESTION] = {"question", SRCDIR_VALUE},
	[D_CREDIT] = {"credit", MARK},
	[D_NOCREDIT] = {"nocredit", MARK},
	[D_PARTIAL] = {"partial", MARK},
	[D_NOTE] = {"note", SRCDIR_BODY},
	/* A response still to be marked (flag.h): always an error. */
	[D_UNMARKED] = {RESPONSES_UNMARKED, MARK},
};

struct parser {
	const char *path;
	struct diag *d;
	struct responses *rs;
	struct srcdirs dirs;
	long seen[D_COUNT];
};

/* The group responses now go to (the rules keep them after a @question). */
static struct response_group *
current(struct parser *p)
{
	return &p->rs->groups[p->rs->ngroups - 1];
}

static void
add_response(struct parser *p, enum mark mark, int items, const char *answer,
    long line)
{
	struct response_group *g = current(p);
	struct response *r;

	g->r = xreallocarray(g->r, g->n + 1, sizeof *g->r);
	r = &g->r[g->n++];
	memset(r, 0, sizeof *r);
	r->mark = mark;
	r->items = items;
	r->answer = xstrdup(answer);
	r->lineno = line;
}

/* "@partial N ANSWER": N is 1..99. */
static void
partial(struct parser *p, const char *arg, long line, long col)
{
	int n = 0;
	const char *s = arg;

	while (*s >= '0' && *s <= '9' && n < 100)
		n = n * 10 + (*s++ - '0');
	if (s == arg || n < 1 || n > 99 || (*s != ' ' && *s != '\t')) {
		diag_add(p->d, DIAG_ERROR, p->path, line, col,
		    "expected '@partial N ANSWER' with N, the items credited, "
		    "from 1 to 99");
		return;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	add_response(p, MARK_PARTIAL, n, s, line);
}

static void
directive(struct parser *p, const struct srcline *l)
{
	const char *arg;
	long col, line = l->lineno;
	struct responses *rs = p->rs;
	const struct srcdir *row = srcdirs_take(&p->dirs, l, &arg, &col);
	struct response_group *g;

	switch (row != NULL ? (enum dir_id)(row - directives) : D_COUNT) {
	case D_RESPONSES:
		if (!srcfile_valid_id(arg)) {
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "bad quiz id '%s'", arg);
		} else {
			rs->quiz = xstrdup(arg);
			rs->quiz_lineno = line;
		}
		break;
	case D_QUESTION:
		p->dirs.in_body = true;
		if (!srcfile_valid_id(arg)) {
			diag_add(p->d, DIAG_ERROR, p->path, line, col,
			    "bad question id '%s'", arg);
			break;
		}
		rs->groups = xreallocarray(rs->groups, rs->ngroups + 1,
		    sizeof *rs->groups);
		g = &rs->groups[rs->ngroups++];
		memset(g, 0, sizeof *g);
		g->question = xstrdup(arg);
		g->lineno = line;
		break;
	case D_CREDIT:
		add_response(p, MARK_CREDIT, 0, arg, line);
		break;
	case D_NOCREDIT:
		add_response(p, MARK_NOCREDIT, 0, arg, line);
		break;
	case D_PARTIAL:
		partial(p, arg, line, col);
		break;
	case D_NOTE:
		g = current(p);
		if (g->n == 0 || g->r[g->n - 1].note != NULL)
			diag_add(p->d, DIAG_ERROR, p->path, line, 1,
			    "'@note' must follow the response it is about "
			    "(one note each)");
		else
			g->r[g->n - 1].note = xstrdup(arg);
		break;
	case D_UNMARKED:
		diag_add(p->d, DIAG_ERROR, p->path, line, 1,
		    "response not marked yet: replace '@%s' with '@credit', "
		    "'@partial N' or '@nocredit' once a fair marker has read "
		    "it", RESPONSES_UNMARKED);
		break;
	case D_ORIGIN:
	case D_COUNT:
		break;
	}
}

struct responses *
responses_load(const char *path, struct diag *d)
{
	struct srcfile f;
	struct parser p = {.path = path, .d = d};
	size_t before = d->errors;

	p.rs = xcalloc(1, sizeof *p.rs);
	p.rs->path = xstrdup(path);
	p.path = p.rs->path;
	p.dirs = (struct srcdirs){ .path = p.path, .d = d, .rows = directives,
	    .n = D_COUNT, .seen = p.seen, .header = "header",
	    .opener = "question" };
	if (srcfile_read(&f, path, d) == 0) {
		for (size_t i = 0; i < f.n; i++) {
			const struct srcline *l = &f.lines[i];

			if (srcline_is_comment(l) || srcline_is_blank(l))
				continue;
			if (l->text[0] == '@' && l->text[1] != '@')
				directive(&p, l);
			else
				diag_add(d, DIAG_ERROR, path, l->lineno, 1,
				    "text outside a directive (each response "
				    "is one '@credit', '@partial N' or "
				    "'@nocredit' line)");
		}
		if (p.rs->quiz == NULL && d->errors == before)
			diag_add(d, DIAG_ERROR, path, 1, 0,
			    "missing '@responses QUIZ-ID'");
	}
	srcfile_destroy(&f);
	if (d->errors != before) {
		responses_free(p.rs);
		return NULL;
	}
	return p.rs;
}

void
responses_free(struct responses *rs)
{
	if (rs == NULL)
		return;
	for (size_t i = 0; i < rs->ngroups; i++) {
		for (size_t k = 0; k < rs->groups[i].n; k++) {
			free(rs->groups[i].r[k].answer);
			free(rs->groups[i].r[k].note);
		}
		free(rs->groups[i].r);
		free(rs->groups[i].question);
	}
	free(rs->groups);
	free(rs->quiz);
	free(rs->path);
	free(rs);
}
