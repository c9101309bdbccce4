/*
 * psoas-tutor-pdf: draws a certificate of completion as a PDF
 * (pdf/certpdf.h).  It is the tutor's helper, not a command for people:
 * psoas-tutor starts it for --certificate --pdf, the session's
 * 'certificate FILE' and a provider's signed copies (certificate.h).
 * Keeping cairo and fontconfig here keeps them out of every tutor
 * start-up.
 *
 *   psoas-tutor-pdf PATH <FIELDS
 *
 * FIELDS is the certificate as certfields_drawing_text writes it
 * (certfields.h).  Exits 0 when PATH holds the whole PDF; otherwise
 * prints why on standard error, leaves PATH as it was, and exits 1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certfields.h"
#include "pdf/certpdf.h"
#include "strbuf.h"
#include "xmalloc.h"

/* The most fields text read: far more than any certificate has. */
#define FIELDS_MAX (1024 * 1024)

/* All of standard input (new), or NULL when it is too long or unread. */
static char *
read_fields(void)
{
	struct strbuf b = {0};
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
		if (b.len + n > FIELDS_MAX || memchr(buf, '\0', n) != NULL) {
			strbuf_destroy(&b);
			return NULL;
		}
		strbuf_add(&b, buf, n);
	}
	if (ferror(stdin)) {
		strbuf_destroy(&b);
		return NULL;
	}
	return strbuf_take(&b);
}

int
main(int argc, char **argv)
{
	struct certfields f;
	char *text, *cause = NULL;
	int rc = EXIT_FAILURE;

	if (argc != 2 || argv[1][0] == '\0') {
		fputs("usage: psoas-tutor-pdf PATH <FIELDS (started by "
		    "psoas-tutor --certificate --pdf)\n", stderr);
		return EXIT_FAILURE;
	}
	if ((text = read_fields()) == NULL) {
		fprintf(stderr, "%s: the certificate's fields could not be "
		    "read\n", argv[1]);
		return EXIT_FAILURE;
	}
	if (certfields_parse(text, &f, &cause) != 0)
		fprintf(stderr, "%s: %s\n", argv[1], cause);
	else if (certpdf_write(argv[1], &f.c, &cause) != 0)
		fprintf(stderr, "%s\n", cause);
	else
		rc = EXIT_SUCCESS;
	certfields_destroy(&f);
	free(cause);
	free(text);
	return rc;
}
