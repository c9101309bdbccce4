/*
 * Finding and loading a course folder.  Order comes from file names so an
 * author controls it by renaming, with no list of files to keep in step;
 * ids, and the manifest's post-test, are checked across files here
 * because no single parser can see them all.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "course.h"
#include "coursevalues.h"
#include "defaults.h"
#include "text.h"
#include "xmalloc.h"

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in dir ending in suffix, sorted; a new array of new strings.
 * Returns -1 when dir cannot be read (a missing folder is not an error
 * here: the caller decides whether it needs one).
 */
static int
list_files(const char *dir, const char *suffix, char ***out, size_t *n)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (dp == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' ||
		    !text_has_suffix(de->d_name, suffix))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[(*n)++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	if (*n > 0)
		qsort(*out, *n, sizeof **out, compare_names);
	return 0;
}

static void
free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

size_t
course_add_file(struct course *c, const char *path, struct diag *d)
{
	size_t before = d->errors;

	if (text_has_suffix(path, ".lesson")) {
		struct lesson *l = lesson_load(path, d);

		if (l != NULL) {
			c->lessons = xreallocarray(c->lessons, c->nlessons + 1,
			    sizeof *c->lessons);
			c->lessons[c->nlessons++] = l;
		}
	} else if (text_has_suffix(path, ".quiz")) {
		/* A learner edition's post-test has no keys (publish.h). */
		struct quiz *q = c->manifest != NULL &&
		    c->manifest->learner_edition ? quiz_load_edition(path, d) :
		    quiz_load(path, d);

		if (q != NULL) {
			c->quizzes = xreallocarray(c->quizzes, c->nquizzes + 1,
			    sizeof *c->quizzes);
			c->quizzes[c->nquizzes++] = q;
		}
	} else if (text_has_suffix(path, ".manifest")) {
		struct manifest *m;

		if (c->manifest != NULL) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "a second course "
			    "manifest (the course has %s)", c->manifest->path);
			return d->errors - before;
		}
		m = manifest_load(path, d);
		if (m != NULL)
			c->manifest = m;
	} else if (text_has_suffix(path, ".responses")) {
		struct responses *rs = responses_load(path, d);

		if (rs != NULL) {
			c->responses = xreallocarray(c->responses,
			    c->nresponses + 1, sizeof *c->responses);
			c->responses[c->nresponses++] = rs;
		}
	} else {
		diag_add(d, DIAG_ERROR, path, 0, 0, "not a course file "
		    "(expected a name ending in .lesson, .quiz, .manifest or "
		    ".responses)");
	}
	return d->errors - before;
}

/* The glossary at the root of course folder dir, if it has one. */
static void
load_glossary(struct course *c, const char *dir, struct diag *d)
{
	char *path = xasprintf("%s/%s", dir, GLOSSARY_FILE);

	glossary_load(&c->lex->glossary, path, d);
	free(path);
}

size_t
course_add_dir(struct course *c, const char *dir, struct diag *d)
{
	size_t before = d->errors;
	char *lessons_dir, *quizzes_dir, *manifest;
	char **files;
	size_t n;
	struct stat st;

	if (stat(dir, &st) != 0) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot open course folder: %s",
		    strerror(errno));
		return d->errors - before;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "not a folder");
		return d->errors - before;
	}
	/* The manifest is optional: a course without one has no CE rules. */
	manifest = xasprintf("%s/%s", dir, MANIFEST_NAME);
	if (lstat(manifest, &st) == 0)
		course_add_file(c, manifest, d);
	free(manifest);
	lessons_dir = xasprintf("%s/lessons", dir);
	quizzes_dir = xasprintf("%s/quizzes", dir);
	if (list_files(lessons_dir, ".lesson", &files, &n) != 0 || n == 0)
		diag_add(d, DIAG_ERROR, dir, 0, 0,
		    "no lessons: expected files named lessons/NN-name.lesson");
	for (size_t i = 0; i < n; i++)
		course_add_file(c, files[i], d);
	free_list(files, n);
	if (list_files(quizzes_dir, ".quiz", &files, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			course_add_file(c, files[i], d);
		free_list(files, n);
	}
	if (list_files(quizzes_dir, ".responses", &files, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			course_add_file(c, files[i], d);
		free_list(files, n);
	}
	if (c->lex == NULL)
		c->lex = lexicon_new();
	if (c->lex->glossary.path == NULL)
		load_glossary(c, dir, d);
	free(lessons_dir);
	free(quizzes_dir);
	return d->errors - before;
}

size_t
course_load(struct course *c, const char *dir, struct diag *d)
{
	size_t before = d->errors;

	memset(c, 0, sizeof *c);
	c->dir = xstrdup(dir);
	if (course_add_dir(c, dir, d) == 0 || c->nlessons + c->nquizzes > 0)
		course_link(c, d);
	return d->errors - before;
}

/* Every id in the course, lessons first, with the file that declared it. */
struct id_owner {
	const char *id;
	const char *path;
};

/*
 * The manifest names the post-test and its pass mark; the quiz file has
 * a pass mark too, and a learner must never be graded by one and
 * certified by the other, so they must agree.
 */
static void
link_manifest(const struct course *c, struct diag *d)
{
	const struct manifest *m = c->manifest;
	const struct quiz *q = course_quiz_by_id(c, m->posttest, NULL);

	if (q == NULL)
		diag_add(d, DIAG_ERROR, m->path, m->posttest_line, 0, "the "
		    "post-test '%s' is not a quiz of the course", m->posttest);
	else if (q->pass != m->pass)
		diag_add(d, DIAG_ERROR, m->path, m->pass_line, 0, "'@pass %d' "
		    "disagrees with the post-test's '@pass %d' in %s", m->pass,
		    q->pass, q->path);
}

size_t
course_link(struct course *c, struct diag *d)
{
	size_t before = d->errors;
	size_t n = c->nlessons + c->nquizzes;
	struct id_owner *ids = xcalloc(n, sizeof *ids);
	size_t k = 0;

	for (size_t i = 0; i < c->nlessons; i++)
		ids[k++] = (struct id_owner){c->lessons[i]->id, c->lessons[i]->path};
	for (size_t i = 0; i < c->nquizzes; i++)
		ids[k++] = (struct id_owner){c->quizzes[i]->id, c->quizzes[i]->path};
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(ids[i].id, ids[j].id) == 0) {
				diag_add(d, DIAG_ERROR, ids[i].path, 1, 0,
				    "duplicate id '%s' (also used by %s)",
				    ids[i].id, ids[j].path);
				break;
			}
	free(ids);

	for (size_t i = 0; i < c->nquizzes; i++) {
		const struct quiz *q = c->quizzes[i];

		const struct lesson *typed;

		if (q->lesson == NULL ||
		    course_lesson_by_id(c, q->lesson, NULL) != NULL)
			continue;
		/* A learner may type "open 1"; files name lessons by id. */
		typed = course_find_lesson(c, q->lesson, NULL);
		if (typed != NULL)
			diag_add(d, DIAG_ERROR, q->path, q->lesson_line, 0,
			    "quiz '%s' follows lesson '%s': name the lesson by "
			    "its id ('@lesson %s'), not its number", q->id,
			    q->lesson, typed->id);
		else
			diag_add(d, DIAG_ERROR, q->path, q->lesson_line, 0,
			    "quiz '%s' follows lesson '%s', which is not in the "
			    "course", q->id, q->lesson);
	}
	if (c->manifest != NULL && c->nquizzes > 0)
		link_manifest(c, d);
	/* Rules the manifest sets, quoted in lesson text, come from it. */
	if (c->manifest != NULL)
		for (size_t i = 0; i < c->nlessons; i++)
			coursevalues_expand(c->lessons[i], c->manifest, d);
	if (c->lex == NULL)
		c->lex = lexicon_new();
	/* Files checked on their own are read with their course's glossary. */
	if (c->lex->glossary.path == NULL && c->dir != NULL)
		load_glossary(c, c->dir, d);
	lexicon_add_glossary(c->lex);
	for (size_t i = 0; i < c->nlessons; i++)
		lexicon_add_lesson(c->lex, c->lessons[i]);
	for (size_t i = 0; i < c->nquizzes; i++) {
		lexicon_add_quiz(c->lex, c->quizzes[i]);
		for (size_t k = 0; k < c->quizzes[i]->nquestions; k++)
			c->quizzes[i]->questions[k].lex = c->lex;
	}
	return d->errors - before;
}

void
course_destroy(struct course *c)
{
	for (size_t i = 0; i < c->nlessons; i++)
		lesson_free(c->lessons[i]);
	for (size_t i = 0; i < c->nquizzes; i++)
		quiz_free(c->quizzes[i]);
	for (size_t i = 0; i < c->nresponses; i++)
		responses_free(c->responses[i]);
	free(c->lessons);
	free(c->quizzes);
	manifest_free(c->manifest);
	free(c->responses);
	lexicon_free(c->lex);
	free(c->dir);
	memset(c, 0, sizeof *c);
}

/* "3" -> 2 when 1 <= 3 <= n; otherwise -1. */
static long
parse_number(const char *key, size_t n)
{
	char *end;
	long v;

	if (key[0] < '0' || key[0] > '9')
		return -1;
	errno = 0;
	v = strtol(key, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || (size_t)v > n)
		return -1;
	return v - 1;
}

const struct lesson *
course_lesson_by_id(const struct course *c, const char *id, size_t *index)
{
	for (size_t i = 0; i < c->nlessons; i++)
		if (strcmp(c->lessons[i]->id, id) == 0) {
			if (index != NULL)
				*index = i;
			return c->lessons[i];
		}
	return NULL;
}

const struct quiz *
course_quiz_by_id(const struct course *c, const char *id, size_t *index)
{
	for (size_t i = 0; i < c->nquizzes; i++)
		if (strcmp(c->quizzes[i]->id, id) == 0) {
			if (index != NULL)
				*index = i;
			return c->quizzes[i];
		}
	return NULL;
}

const struct lesson *
course_find_lesson(const struct course *c, const char *key, size_t *index)
{
	const struct lesson *l = course_lesson_by_id(c, key, index);
	long num = parse_number(key, c->nlessons);

	if (l == NULL && num >= 0) {
		l = c->lessons[num];
		if (index != NULL)
			*index = (size_t)num;
	}
	return l;
}

const struct quiz *
course_find_quiz(const struct course *c, const char *key, size_t *index)
{
	const struct quiz *q = course_quiz_by_id(c, key, index);
	long num = parse_number(key, c->nquizzes);

	if (q == NULL && num >= 0) {
		q = c->quizzes[num];
		if (index != NULL)
			*index = (size_t)num;
	}
	return q;
}

bool
course_lesson_counts(const struct course *c, size_t i)
{
	return i < c->nlessons - c->nreference && !c->lessons[i]->orientation;
}

const struct quiz *
course_quiz_for_lesson(const struct course *c, const char *lesson_id)
{
	for (size_t i = 0; i < c->nquizzes; i++)
		if (c->quizzes[i]->lesson != NULL &&
		    strcmp(c->quizzes[i]->lesson, lesson_id) == 0)
			return c->quizzes[i];
	return NULL;
}
