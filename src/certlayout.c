/*
 * What both forms of a certificate lay out the same way (certificate.h):
 * its sentences, its labelled rows, one table built once, and the line
 * breaking both use.  The text form is drawn in the tutor
 * (certificate.c), the PDF in psoas-tutor-pdf (pdf/draw.c), so the two
 * cannot drift apart and a test finds every field in either under the
 * same label.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "certificate.h"
#include "certlayout.h"
#include "xmalloc.h"

const char certificate_self_reported_text[] =
    "SELF-REPORTED: these results were recorded on the learner's own "
    "computer and have not been verified by the provider. This is not a "
    "provider-verified certificate until the provider checks the record "
    "and signs it.";

const char certificate_test_clock_text[] =
    "TEST CLOCK: this completion was recorded with a clock set for testing "
    "(PSOAS_TUTOR_NOW); its dates and times are not real, and it is not a "
    "certificate of completion.";
const char certificate_verify_text[] =
    "Anyone can check this certificate offline: psoas-tutor --verify FILE, "
    "with the provider's public key.";

const char *
cert_or_unstated(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "not stated";
}

/* "12 min", "2 h 5 min": time on task, rounded to the minute. */
static char *
minutes_text(long seconds)
{
	long min = (seconds + 30) / 60;

	if (min < 60)
		return xasprintf("%ld min in the lessons", min);
	return xasprintf("%ld h %ld min in the lessons", min / 60, min % 60);
}

/* ------------------------------------------------------------- fields */

/* A new copy of s, or of "not stated". */
static char *
stated(const char *s)
{
	return xstrdup(cert_or_unstated(s));
}

static void
add_row(struct rows *r, const char *label, char *value)
{
	if (r->n < sizeof r->v / sizeof r->v[0]) {
		r->v[r->n].label = label;
		r->v[r->n++].value = value;
	} else {
		free(value);
	}
}

/* The course facts a board checks, in the order they are printed. */
void
cert_course_rows(const struct certificate *c, struct rows *r)
{
	add_row(r, "CE hours", stated(c->hours));
	add_row(r, "Course type", stated(c->type));
	add_row(r, "Course version", stated(c->version));
	add_row(r, "Completion date", xasprintf("%s (UTC)",
	    cert_or_unstated(c->completed)));
	add_row(r, "Post-test score", xasprintf("%d%% (pass mark %d%%)",
	    c->score, c->pass));
	add_row(r, "Time on task", minutes_text(c->seconds));
	add_row(r, "Attestation", c->attested != NULL && c->attested[0] != '\0'
	    ? xasprintf("the participant attested on %s that the work is "
	    "their own", c->attested) : xstrdup("none recorded"));
	add_row(r, "Clock", xstrdup(c->test_clock ? "a test clock "
	    "(PSOAS_TUTOR_NOW): dates and times are not real" :
	    "the real clock"));
	add_row(r, "Certificate number", stated(c->number));
	if (c->reissued != NULL)
		add_row(r, "Reissued", xasprintf("%s (UTC), a new copy of the "
		    "certificate as issued, same number", c->reissued));
}

void
cert_provider_rows(const struct certificate *c, struct rows *r)
{
	add_row(r, "Provider", stated(c->provider_name));
	add_row(r, "Address", stated(c->provider_address));
	add_row(r, "E-mail", stated(c->provider_email));
	add_row(r, "Provider number", stated(c->provider_number));
	if (c->napprovals == 0)
		add_row(r, "State approval", xstrdup("none stated"));
	for (size_t i = 0; i < c->napprovals; i++)
		add_row(r, "State approval", stated(c->approvals[i]));
}

void
cert_rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].value);
	r->n = 0;
}

char *
cert_licence_text(const struct certificate *c)
{
	if (c->licence_state != NULL && c->licence_state[0] != '\0')
		return xasprintf("Licence: %s (%s)",
		    cert_or_unstated(c->licence), c->licence_state);
	return xasprintf("Licence: %s", cert_or_unstated(c->licence));
}

char *
cert_completion_sentence(const struct certificate *c)
{
	return xasprintf("on %s (UTC) and passed its post-test, \"%s\", with "
	    "a score of %d%% (pass mark %d%%).",
	    cert_or_unstated(c->completed), cert_or_unstated(c->posttest),
	    c->score, c->pass);
}

/* ------------------------------------------------------------- wrapping */

/*
 * Break text at spaces into lines no wider than width as measure() says
 * (columns for text, points for the PDF); a word wider than a line gets a
 * line of its own.  Returns the number of lines put in out[0..max).
 */

size_t
cert_wrap(const char *text, double width, cert_measure_fn measure, void *arg,
    char **out, size_t max)
{
	size_t n = 0;
	const char *p = text;

	while (*p == ' ')
		p++;
	while (*p != '\0' && n < max) {
		const char *end = p, *fit = NULL;

		for (;;) {
			const char *w = end;

			while (*w == ' ')
				w++;
			while (*w != ' ' && *w != '\0')
				w++;
			if (fit != NULL && measure(arg, p, (size_t)(w - p)) > width)
				break;
			fit = end = w;
			if (*w == '\0')
				break;
		}
		out[n++] = xstrndup(p, (size_t)(fit - p));
		p = fit;
		while (*p == ' ')
			p++;
	}
	return n;
}
