/*
 * The provider's side that the tutor itself runs (provider.h): where the
 * provider's folder is, --verify and --publish.  The provider commands
 * are a program of their own (provider/main.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "course.h"
#include "diag.h"
#include "digest.h"
#include "manifest.h"
#include "msg.h"
#include "options.h"
#include "provider.h"
#include "publish.h"
#include "seal.h"
#include "xmalloc.h"

char *
provider_dir(const char *dir)
{
	const char *env = getenv("PSOAS_TUTOR_PROVIDER_DIR");
	struct options none;
	char *data, *cause = NULL, *out;

	if (dir != NULL)
		return xstrdup(dir);
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	memset(&none, 0, sizeof none);
	data = options_data_dir(&none, &cause);
	if (data == NULL) {
		msg_error("%s", cause);
		free(cause);
		return NULL;
	}
	out = xasprintf("%s/provider", data);
	free(data);
	return out;
}

/*
 * The public key --verify uses, and where it came from: --key; else the
 * key the course's manifest names with @public-key (a learner edition
 * carries the provider's key that way); else provider.pub in the course
 * folder; else the provider folder's.  Returns a new path, with *from
 * (static text) saying which.
 */
static char *
verify_key(const struct options *o, const char *course_dir,
    const char **from)
{
	char *path = xasprintf("%s/%s", course_dir, MANIFEST_NAME), *key = NULL;
	char *dir;
	struct manifest *m;
	struct diag d;

	if (o->key_path != NULL) {
		*from = "given with --key";
		free(path);
		return xstrdup(o->key_path);
	}
	/* Errors elsewhere in the manifest are --check's to report. */
	diag_init(&d);
	m = access(path, F_OK) == 0 ? manifest_load(path, &d) : NULL;
	if (m != NULL && m->public_key != NULL) {
		key = xasprintf("%s/%s", course_dir, m->public_key);
		*from = "named by @public-key in the course manifest";
	}
	manifest_free(m);
	diag_destroy(&d);
	free(path);
	if (key != NULL)
		return key;
	key = xasprintf("%s/%s", course_dir, SEAL_PUBLIC_FILE);
	*from = "the course's " SEAL_PUBLIC_FILE;
	if (access(key, F_OK) != 0 && (dir = provider_dir(NULL)) != NULL) {
		free(key);
		key = xasprintf("%s/%s", dir, SEAL_PUBLIC_FILE);
		*from = "the provider folder's";
		free(dir);
	}
	return key;
}

int
provider_verify(const struct options *o, const char *course_dir)
{
	char *key, *cause = NULL, *report = NULL;
	const char *from = NULL;
	struct seal_key k;
	int rc;

	key = verify_key(o, course_dir, &from);
	if (seal_load_public(key, &k, &cause) != 0) {
		msg_error("%s (give the provider's public key with --key FILE)",
		    cause);
		free(cause);
		free(key);
		return EXIT_FAILURE;
	}
	rc = seal_verify_file(o->verify_path, &k, &report);
	fprintf(rc == 0 ? stdout : stderr, "%s%s\nKey: %s (%s).\n",
	    rc == 0 ? "" : "psoas-tutor: ", report, key, from);
	free(report);
	free(key);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
provider_publish(const struct options *o, const char *course_dir)
{
	char *key, *cause = NULL, *dir, hex[DIGEST_HEX_LEN + 1];
	struct course c;
	struct diag d;
	int status = EXIT_FAILURE;

	if (o->key_path != NULL)
		key = xstrdup(o->key_path);
	else if ((dir = provider_dir(NULL)) == NULL)
		return EXIT_FAILURE;
	else {
		key = xasprintf("%s/%s", dir, SEAL_PUBLIC_FILE);
		free(dir);
	}
	diag_init(&d);
	course_load(&c, course_dir, &d);
	if (d.errors > 0) {
		diag_print(&d, stderr);
		msg_error("%s: publish only a course that passes --check",
		    course_dir);
	} else if (publish_edition(&c, key, o->publish_dir, &cause) != 0) {
		msg_error("%s", cause);
	} else if (course_digest(course_dir, hex) == 0) {
		printf("Learner edition of %s written to %s.\n"
		    "Course digest %s (the post-test's answers are graded "
		    "against this course only).\nGive learners the folder; keep "
		    "this full course to grade with 'psoas-tutor provider "
		    "grade'.\n", course_dir, o->publish_dir, hex);
		status = EXIT_SUCCESS;
	}
	free(cause);
	free(key);
	diag_destroy(&d);
	course_destroy(&c);
	return status;
}
