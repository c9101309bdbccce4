/*
 * Reissuing a certificate from the registry (reissue.h).  The fields come
 * from the registry's copy of what was signed, checked against its
 * signature first, so a reissue can only repeat what the provider issued.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "certfields.h"
#include "clock.h"
#include "provider/reissue.h"
#include "xmalloc.h"

static bool
exists(const char *stem, const char *ext)
{
	char *path = xasprintf("%s.%s", stem, ext);
	struct stat st;
	bool yes = lstat(path, &st) == 0;

	free(path);
	return yes;
}

/* OUTDIR/NUMBER-reissue-DATE[-N]: a stem no file has yet. */
static char *
new_stem(const char *outdir, const char *number, const char *date)
{
	char *stem = xasprintf("%s/%s-reissue-%s", outdir, number, date);

	for (int n = 2; exists(stem, "txt") || exists(stem, "pdf"); n++) {
		free(stem);
		stem = xasprintf("%s/%s-reissue-%s-%d", outdir, number, date, n);
	}
	return stem;
}

static int
write_copy(struct certificate *c, const struct seal_key *k, const char *txt,
    const char *pdf, char **cause)
{
	FILE *fp = fopen(txt, "wx");

	if (fp == NULL || seal_write_text(fp, c, k) != 0) {
		*cause = xasprintf("%s: %s", txt, strerror(errno ? errno : EIO));
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0) {
		*cause = xasprintf("%s: %s", txt, strerror(errno));
		return -1;
	}
	return seal_write_pdf(pdf, c, k, cause);
}

int
reissue_certificate(struct registry *r, const struct seal_key *k,
    const char *number, const char *outdir, char **txt, char **pdf,
    char **cause)
{
	char *fields = NULL, *sig = NULL, *key = NULL, *stem = NULL;
	char *signed_fields = NULL, date[16];
	struct certfields f;
	time_t now = clock_now();
	struct tm tm;
	int rc = -1;

	memset(&f, 0, sizeof f);
	*txt = *pdf = NULL;
	if (!registry_certificate(r, number, &fields, &sig, &key))
		return 1;
	if (strcmp(key, k->hex) != 0 || !seal_fields_valid(k, fields, sig)) {
		*cause = xasprintf("%s: its registry record does not match its "
		    "signature by this provider's key: not reissued", number);
		goto out;
	}
	if (certfields_parse(fields, &f, cause) != 0)
		goto out;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	f.c.reissued = date;
	f.c.self_reported = false;
	f.c.signature = f.c.signer = NULL;
	seal_certificate(&f.c, k);
	stem = new_stem(outdir, number, date);
	*txt = xasprintf("%s.txt", stem);
	*pdf = xasprintf("%s.pdf", stem);
	signed_fields = seal_fields(&f.c, k);
	if (write_copy(&f.c, k, *txt, *pdf, cause) == 0 &&
	    registry_add_reissue(r, number, signed_fields, f.c.signature,
	    k->hex, cause) == 0)
		rc = 0;
	seal_certificate_done(&f.c);
out:
	if (rc != 0) {
		free(*txt);
		free(*pdf);
		*txt = *pdf = NULL;
	}
	certfields_destroy(&f);
	free(signed_fields);
	free(stem);
	free(fields);
	free(sig);
	free(key);
	return rc;
}
