/*
 * The course digest (digest.h): the course's files listed and sorted by
 * relative path, each fed to one SHA-256 as "PATH\0LENGTH\0BYTES".  The
 * length makes the framing unambiguous: no file's end can pass for the
 * next file's name.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "defaults.h"
#include "digest.h"
#include "manifest.h"
#include "slurp.h"
#include "text.h"
#include "xmalloc.h"

struct names {
	char **v;
	size_t n, cap;
};

static void
names_add(struct names *ns, char *name)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 32;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof *ns->v);
	}
	ns->v[ns->n++] = name;
}

static void
names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add "sub/NAME" for every NAME ending in suffix in root/sub. */
static void
list_sub(const char *root, const char *sub, const char *suffix,
    struct names *ns)
{
	char *path = xasprintf("%s/%s", root, sub);
	DIR *dp = opendir(path);
	struct dirent *de;

	free(path);
	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.' &&
		    text_has_suffix(de->d_name, suffix))
			names_add(ns, xasprintf("%s/%s", sub, de->d_name));
	closedir(dp);
}

/* Feed root/rel to st as "rel\0LENGTH\0BYTES"; -1 with errno. */
static int
hash_file(crypto_hash_sha256_state *st, const char *root, const char *rel)
{
	char *path = xasprintf("%s/%s", root, rel), len[32], *bytes;
	size_t have;

	bytes = slurp_at(AT_FDCWD, path, &have);
	free(path);
	if (bytes == NULL)
		return -1;
	snprintf(len, sizeof len, "%zu", have);
	crypto_hash_sha256_update(st, (const unsigned char *)rel,
	    strlen(rel) + 1);
	crypto_hash_sha256_update(st, (const unsigned char *)len,
	    strlen(len) + 1);
	crypto_hash_sha256_update(st, (const unsigned char *)bytes, have);
	free(bytes);
	return 0;
}

int
course_digest(const char *course_dir, char hex[DIGEST_HEX_LEN + 1])
{
	unsigned char out[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	struct names ns = {0};
	struct stat sb;
	char *glossary;
	int rc = 0, saved;

	if (sodium_init() < 0) {
		errno = EIO;
		return -1;
	}
	names_add(&ns, xstrdup(MANIFEST_NAME));
	glossary = xasprintf("%s/%s", course_dir, GLOSSARY_FILE);
	if (lstat(glossary, &sb) == 0)
		names_add(&ns, xstrdup(GLOSSARY_FILE));
	free(glossary);
	list_sub(course_dir, "lessons", ".lesson", &ns);
	list_sub(course_dir, "quizzes", ".quiz", &ns);
	qsort(ns.v, ns.n, sizeof *ns.v, compare_names);
	crypto_hash_sha256_init(&st);
	for (size_t i = 0; i < ns.n && rc == 0; i++)
		rc = hash_file(&st, course_dir, ns.v[i]);
	saved = errno;
	names_free(&ns);
	if (rc != 0) {
		errno = saved;
		return -1;
	}
	crypto_hash_sha256_final(&st, out);
	sodium_bin2hex(hex, DIGEST_HEX_LEN + 1, out, sizeof out);
	return 0;
}

int
course_digest_in_use(const struct course *c, char hex[DIGEST_HEX_LEN + 1])
{
	if (c->manifest != NULL && c->manifest->learner_edition) {
		memcpy(hex, c->manifest->digest, DIGEST_HEX_LEN + 1);
		return 0;
	}
	if (c->dir == NULL) {
		errno = ENOENT;
		return -1;
	}
	return course_digest(c->dir, hex);
}

bool
digest_valid_hex(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n == DIGEST_HEX_LEN && s[n] == '\0';
}
