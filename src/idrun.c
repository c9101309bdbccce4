/*
 * Asking for the identity and the attestation (idrun.h).  Nothing is
 * recorded until the identity is complete, so leaving half-way leaves the
 * record as it was; the attestation is recorded when it is typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "idrun.h"
#include "licence.h"
#include "xmalloc.h"

enum step { ASK_NAME, ASK_LICENCE, ASK_STATE, ASK_ATTEST, ASK_DONE };

static const char *const questions[] = {
	[ASK_NAME] = "Your legal name, as it appears on your licence:",
	[ASK_LICENCE] = "Your massage therapy licence number:",
	[ASK_STATE] = "The state or province that issued the licence (its "
	    "code or name, e.g. FL or Florida):",
	[ASK_ATTEST] = "Type this statement to attest that the work is "
	    "yours: " IDRUN_ATTESTATION,
};

struct idrun {
	struct progress *p;
	struct render_opts ro;
	FILE *out;
	enum step step;
	char *answers[ASK_ATTEST];	/* name, licence, state */
	char where[32];
};

static void
say(struct idrun *r, const char *text)
{
	render_put(r->out, &r->ro, text, "", "");
}

bool
idrun_complete(const struct progress *p)
{
	return progress_licence(p) != NULL && progress_attested(p) != 0;
}

static void
ask(struct idrun *r)
{
	say(r, questions[r->step]);
	if (r->step == ASK_NAME && progress_full_name(r->p) != NULL) {
		char *s = xasprintf("(Enter keeps \"%s\".)",
		    progress_full_name(r->p));

		say(r, s);
		free(s);
	}
}

struct idrun *
idrun_start(struct progress *p, bool change, const struct render_opts *o,
    FILE *out)
{
	struct idrun *r = xcalloc(1, sizeof *r);

	r->p = p;
	r->ro = *o;
	r->out = out;
	r->step = change || progress_licence(p) == NULL ? ASK_NAME :
	    ASK_ATTEST;
	say(r, r->step == ASK_NAME ? "\nA CE certificate names you and your "
	    "licence. Each answer is kept, dated, in your record; a "
	    "certificate shows what was on record when it was issued. Type "
	    "'leave' to stop." : "\nBefore the post-test:");
	ask(r);
	return r;
}

/* The statement as typed: case and runs of spaces aside, and a final '.'. */
static bool
attests(const char *line)
{
	const char *want = IDRUN_ATTESTATION;

	while (*line != '\0' || *want != '\0') {
		if (*line == ' ' && *want == ' ') {
			while (*line == ' ')
				line++;
			want++;
			continue;
		}
		if (*want == '\0')
			return strcmp(line, ".") == 0;
		if (*line == '\0' || (*line | 0x20) != (*want | 0x20))
			return false;
		line++;
		want++;
	}
	return true;
}

static void
saved_or_not(struct idrun *r, int rc, char *cause)
{
	if (rc != 0) {
		say(r, cause != NULL ? cause : "Not saved.");
		free(cause);
	}
}

bool
idrun_input(struct idrun *r, const char *line)
{
	char *cause = NULL;
	const char *why = NULL, *code = NULL;

	if (strcmp(line, "leave") == 0) {
		say(r, "Left: nothing more was recorded. The post-test asks "
		    "again.");
		return false;
	}
	if (r->step == ASK_ATTEST) {
		if (!attests(line)) {
			say(r, "That is not the statement. Type it exactly: "
			    IDRUN_ATTESTATION " (or 'leave').");
			return true;
		}
		saved_or_not(r, progress_record_attestation(r->p,
		    IDRUN_ATTESTATION, &cause), cause);
		say(r, "Thank you: your attestation is recorded.");
		r->step = ASK_DONE;
		return false;
	}
	if (r->step == ASK_NAME && *line == '\0' &&
	    progress_full_name(r->p) != NULL)
		line = progress_full_name(r->p);
	if (*line == '\0')
		why = "it is empty";
	else if ((why = progress_full_name_problem(line)) == NULL &&
	    r->step == ASK_LICENCE)
		why = licence_number_problem(line);
	else if (why == NULL && r->step == ASK_STATE &&
	    (code = licence_state_code(line)) == NULL)
		why = "it is not a US state or territory or a Canadian "
		    "province or territory, the licences this certificate "
		    "can name (for one from elsewhere, ask your provider)";
	if (why != NULL) {
		char *s = xasprintf("That cannot be used: %s. %s", why,
		    questions[r->step]);

		say(r, s);
		free(s);
		return true;
	}
	/* The state in one form, its postal code, whatever was typed. */
	r->answers[r->step] = xstrdup(r->step == ASK_STATE ? code : line);
	r->step++;
	if (r->step == ASK_ATTEST) {
		saved_or_not(r, progress_record_identity(r->p,
		    r->answers[ASK_NAME], r->answers[ASK_LICENCE],
		    r->answers[ASK_STATE], &cause), cause);
		if (progress_attested(r->p) != 0) {
			say(r, "Your identity is recorded.");
			return false;
		}
	}
	ask(r);
	return true;
}

const char *
idrun_where(struct idrun *r)
{
	snprintf(r->where, sizeof r->where, "identity %d/4", (int)r->step + 1);
	return r->where;
}

void
idrun_free(struct idrun *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < ASK_ATTEST; i++)
		free(r->answers[i]);
	free(r);
}
