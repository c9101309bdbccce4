/*
 * The course digest: one SHA-256 (libsodium crypto_hash_sha256) naming the
 * exact text of a provider's full course, so a submission can say which
 * course it was taken from and the provider can refuse one from any other.
 *
 * Input: the course's files, in byte order of their path relative to the
 * course root: course.manifest, glossary (if present), lessons/NAME.lesson,
 * quizzes/NAME.quiz (marked .responses are not part of it; names starting
 * with '.' are skipped, as the course loader skips them).  Each file adds
 * "PATH\0" + its length in decimal + "\0" + its bytes.  Files are read
 * without following symbolic links.  Shown as 64 lowercase hex digits.
 *
 * A learner edition (publish.h) holds no answer keys, so its own files
 * cannot give the full course's digest: its manifest carries it as
 * "@digest HEX", and course_digest_in_use takes it from there and never
 * computes one.
 */
#ifndef PSOAS_DIGEST_H
#define PSOAS_DIGEST_H

#include <stdbool.h>

#include "course.h"

#define DIGEST_HEX_LEN 64

/*
 * The digest of the full course at course_dir into hex (NUL-terminated).
 * Returns 0, or -1 with errno set (ENOENT: no course.manifest; ELOOP: a
 * course file is a symbolic link; EINVAL: one is not a regular file).
 */
int course_digest(const char *course_dir, char hex[DIGEST_HEX_LEN + 1]);

/*
 * The digest of the course in use: the manifest's @digest in a learner
 * edition, computed from c->dir otherwise.  Returns 0, or -1 with errno.
 */
int course_digest_in_use(const struct course *c,
    char hex[DIGEST_HEX_LEN + 1]);

/* Whether s is a digest as shown: exactly 64 lowercase hex digits. */
bool digest_valid_hex(const char *s);

#endif
