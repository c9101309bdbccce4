/*
 * Name-based UUIDs, version 5 (RFC 9562 section 5.5: SHA-1 over a
 * namespace UUID and a name), for xAPI statement ids that are the same
 * every time the same journal record is turned into a statement, so a
 * statement sent twice is one statement to a Learning Record Store.
 * SHA-1 is used only because version 5 is defined with it; nothing here
 * relies on it resisting collisions made on purpose.
 */
#ifndef PSOAS_UUID_H
#define PSOAS_UUID_H

#include <stddef.h>

#define UUID_TEXT_LEN 36	/* 8-4-4-4-12 lower-case hex */

/* SHA-1 (FIPS 180-4) of s[0..len) into out. */
void uuid_sha1(const void *s, size_t len, unsigned char out[20]);

/*
 * The version 5 UUID of name[0..len) in namespace ns (a UUID in text
 * form), written to out as 36 characters and a NUL.  Returns 0, or -1
 * when ns is not a UUID.
 */
int uuid_v5(const char *ns, const void *name, size_t len,
    char out[UUID_TEXT_LEN + 1]);

#endif
