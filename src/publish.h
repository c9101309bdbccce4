/*
 * The learner edition: what a provider gives learners, written by
 * `psoas-tutor --publish OUTDIR` from the provider's full course.
 *
 *   OUTDIR/course.manifest   the manifest, plus "@edition learner",
 *                            "@digest HEX" (the full course's, digest.h)
 *                            and "@public-key provider.pub"
 *   OUTDIR/glossary          as it is (when the course has one)
 *   OUTDIR/lessons/NAME.lesson  as they are
 *   OUTDIR/quizzes/NAME.quiz  practice quizzes as they are; the post-test
 *                            rewritten keyless (quiz.h): questions and
 *                            choices only, order steps in their shown order
 *   OUTDIR/provider.pub      the provider's public key, for --verify
 *
 * Marked responses are never copied: they hold answers.  OUTDIR must be
 * new or an empty folder and is never reached through a symbolic link;
 * files are made 0644 and folders 0755 whatever the umask.  The edition
 * written is loaded back and must be whole, or publishing fails.
 */
#ifndef PSOAS_PUBLISH_H
#define PSOAS_PUBLISH_H

#include "course.h"

#define PUBLISH_KEY_FILE "provider.pub"	/* the public key in an edition */

/*
 * Write c (a whole full course, loaded from c->dir) as a learner edition
 * at outdir, with the public key file at key_path.  Returns 0, or -1 with
 * *cause (new) saying why.
 */
int publish_edition(const struct course *c, const char *key_path,
    const char *outdir, char **cause);

#endif
