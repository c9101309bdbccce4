/*
 * Publishing a learner edition (publish.h).  Every file is created with
 * openat(O_CREAT | O_EXCL | O_NOFOLLOW) under a folder opened with
 * O_NOFOLLOW, so nothing planted in OUTDIR is followed or overwritten.
 * The post-test is written again from the parsed quiz rather than
 * filtered line by line, so no comment, continuation line or directive
 * the filter did not know can carry a key into the edition.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "defaults.h"
#include "digest.h"
#include "lexicon.h"
#include "publish.h"
#include "qkind.h"
#include "seal.h"
#include "slurp.h"
#include "strbuf.h"
#include "xmalloc.h"

#define FILE_MODE 0644
#define DIR_MODE 0755

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* Create name in dirfd with bytes; -1 with *cause. */
static int
put_file(int dirfd, const char *shown, const char *name, const char *bytes,
    size_t len, char **cause)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, FILE_MODE);
	size_t done = 0;

	if (fd == -1 || fchmod(fd, FILE_MODE) != 0)
		goto fail;
	while (done < len) {
		ssize_t n = write(fd, bytes + done, len - done);

		if (n <= 0)
			goto fail;
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	*cause = xasprintf("%s/%s: %s", shown, name, strerror(errno ? errno :
	    EIO));
	if (fd != -1)
		close(fd);
	return -1;
}

/* Copy the file at path, as it is, to name in dirfd. */
static int
copy_file(int dirfd, const char *shown, const char *path, char **cause)
{
	size_t len;
	char *bytes = slurp_at(AT_FDCWD, path, &len);
	int rc;

	if (bytes == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = put_file(dirfd, shown, base_name(path), bytes, len, cause);
	free(bytes);
	return rc;
}

/* A folder name in dirfd, 0755, opened without following a link. */
static int
make_dir(int dirfd, const char *shown, const char *name, char **cause)
{
	int fd;

	if (mkdirat(dirfd, name, DIR_MODE) != 0 ||
	    (fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s/%s: %s", shown, name, strerror(errno));
		return -1;
	}
	if (fchmod(fd, DIR_MODE) != 0) {
		*cause = xasprintf("%s/%s: %s", shown, name, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* OUTDIR: new, or an empty folder that is no symbolic link. */
static int
open_outdir(const char *outdir, char **cause)
{
	struct stat st;
	int fd;

	if (lstat(outdir, &st) == 0) {
		DIR *dp;
		struct dirent *de;
		bool empty = true;

		if (S_ISLNK(st.st_mode)) {
			*cause = xasprintf("%s is a symbolic link; refusing to "
			    "follow it", outdir);
			return -1;
		}
		if (!S_ISDIR(st.st_mode)) {
			*cause = xasprintf("%s exists and is not a folder",
			    outdir);
			return -1;
		}
		if ((dp = opendir(outdir)) == NULL) {
			*cause = xasprintf("%s: %s", outdir, strerror(errno));
			return -1;
		}
		while (empty && (de = readdir(dp)) != NULL)
			empty = strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0;
		closedir(dp);
		if (!empty) {
			*cause = xasprintf("%s is not empty: publish into a new "
			    "or empty folder, so nothing of an older edition "
			    "(or anything else) is mixed in", outdir);
			return -1;
		}
	} else if (errno != ENOENT || mkdir(outdir, DIR_MODE) != 0) {
		*cause = xasprintf("%s: %s", outdir, strerror(errno));
		return -1;
	}
	fd = open(outdir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || fchmod(fd, DIR_MODE) != 0) {
		*cause = xasprintf("%s: %s", outdir, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	return fd;
}

/* --------------------------------------------------- the keyless post-test */

static void
question_text(struct strbuf *b, const struct question *qu)
{
	strbuf_addf(b, "\n@question %s\n@id %s\n", quiz_kind_name(qu->kind),
	    qu->id);
	if (qu->points != 1)
		strbuf_addf(b, "@points %d\n", qu->points);
	strbuf_addf(b, "@prompt %s\n", qu->prompt);
	qkind_keyless(b, qu);
	strbuf_addf(b, "@taught %s %d\n", qu->taught_lesson, qu->taught_page);
	if (qu->topic_lineno != 0)
		strbuf_addf(b, "@topic %s\n", qu->topic);
}

static char *
keyless_text(const struct quiz *q)
{
	struct strbuf b = {0};

	strbuf_addf(&b, "# The post-test of this learner edition: questions "
	    "and choices only.\n# Your answers go to your provider for "
	    "grading.\n@quiz %s\n@title %s\n@lesson %s\n@kind posttest\n"
	    "@pass %d\n@tries %d\n@retry-cost %d\n@hint-cost %d\n", q->id,
	    q->title, q->lesson != NULL ? q->lesson : "none", q->pass,
	    q->tries, q->retry_cost, q->hint_cost);
	if (q->shuffle)
		strbuf_puts(&b, "@shuffle yes\n");
	for (size_t i = 0; i < q->ndraws; i++)
		strbuf_addf(&b, "@draw %d %s\n", q->draws[i].count,
		    q->draws[i].topic);
	for (size_t i = 0; i < q->nquestions; i++)
		question_text(&b, &q->questions[i]);
	return strbuf_take(&b);
}

/* ------------------------------------------------------------ the manifest */

/* The manifest's text without edition lines, then this edition's. */
static char *
manifest_text(const struct manifest *m, const char *digest, char **cause)
{
	static const char *const drop[] = { "@edition", "@digest",
	    "@public-key" };
	size_t len;
	char *src = slurp_at(AT_FDCWD, m->path, &len), *line, *next;
	struct strbuf b = {0};

	if (src == NULL) {
		*cause = xasprintf("%s: %s", m->path, strerror(errno));
		return NULL;
	}
	strbuf_add(&b, "", 0);
	for (line = src; *line != '\0'; line = next) {
		bool keep = true;

		next = line + strcspn(line, "\n");
		next += *next == '\n';
		for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
			size_t n = strlen(drop[i]);

			if (strncmp(line, drop[i], n) == 0 &&
			    strchr(" \t\r\n", line[n]) != NULL)
				keep = false;
		}
		if (keep)
			strbuf_add(&b, line, (size_t)(next - line));
	}
	if (b.len > 0 && b.s[b.len - 1] != '\n')
		strbuf_puts(&b, "\n");
	strbuf_addf(&b, "\n# Learner edition (psoas-tutor --publish): no answer "
	    "keys; the post-test\n# goes to the provider for grading.\n"
	    "@edition learner\n@digest %s\n@public-key %s\n", digest,
	    PUBLISH_KEY_FILE);
	free(src);
	return strbuf_take(&b);
}

/* ------------------------------------------------------------- publishing */

static int
write_quizzes(const struct course *c, int qfd, const char *shown,
    char **cause)
{
	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz *q = c->quizzes[i];
		char *text;
		int rc;

		if (!q->posttest) {
			if (copy_file(qfd, shown, q->path, cause) != 0)
				return -1;
			continue;
		}
		text = keyless_text(q);
		rc = put_file(qfd, shown, base_name(q->path), text,
		    strlen(text), cause);
		free(text);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* The edition just written must load whole, as a learner's tutor will. */
static int
load_back(const char *outdir, char **cause)
{
	struct course e;
	struct diag d;
	int rc = 0;

	diag_init(&d);
	course_load(&e, outdir, &d);
	if (d.errors > 0 || e.manifest == NULL ||
	    !e.manifest->learner_edition) {
		*cause = xasprintf("the edition written in %s does not load "
		    "whole (%s): remove it and report this", outdir,
		    d.n > 0 ? d.msgs[0] : "no learner-edition manifest");
		rc = -1;
	}
	diag_destroy(&d);
	course_destroy(&e);
	return rc;
}

int
publish_edition(const struct course *c, const char *key_path,
    const char *outdir, char **cause)
{
	char digest[DIGEST_HEX_LEN + 1], *text = NULL, *shown = NULL;
	int out = -1, lfd = -1, qfd = -1, rc = -1;
	struct seal_key k;
	size_t len;

	if (c->manifest == NULL || c->manifest->learner_edition) {
		*cause = xasprintf("%s: %s", c->dir, c->manifest == NULL ?
		    "a course without course.manifest has no provider to "
		    "grade it" : "this is a learner edition already: publish "
		    "from the full course");
		return -1;
	}
	if (seal_load_public(key_path, &k, cause) != 0)
		return -1;
	if (course_digest(c->dir, digest) != 0) {
		*cause = xasprintf("%s: cannot compute the course digest: %s",
		    c->dir, strerror(errno));
		return -1;
	}
	if ((out = open_outdir(outdir, cause)) == -1)
		return -1;
	shown = xstrdup(outdir);
	if ((lfd = make_dir(out, shown, "lessons", cause)) == -1 ||
	    (qfd = make_dir(out, shown, "quizzes", cause)) == -1)
		goto out;
	for (size_t i = 0; i < c->nlessons; i++)
		if (copy_file(lfd, shown, c->lessons[i]->path, cause) != 0)
			goto out;
	if (write_quizzes(c, qfd, shown, cause) != 0)
		goto out;
	if (c->lex != NULL && c->lex->glossary.path != NULL &&
	    copy_file(out, shown, c->lex->glossary.path, cause) != 0)
		goto out;
	if ((text = manifest_text(c->manifest, digest, cause)) == NULL ||
	    put_file(out, shown, MANIFEST_NAME, text, strlen(text), cause) != 0)
		goto out;
	free(text);
	/* The key file as the provider made it (checked above). */
	if ((text = slurp_at(AT_FDCWD, key_path, &len)) == NULL) {
		*cause = xasprintf("%s: %s", key_path, strerror(errno));
		goto out;
	}
	if (put_file(out, shown, PUBLISH_KEY_FILE, text, len, cause) != 0)
		goto out;
	rc = load_back(outdir, cause);
out:
	free(text);
	free(shown);
	if (lfd != -1)
		close(lfd);
	if (qfd != -1)
		close(qfd);
	close(out);
	return rc;
}
