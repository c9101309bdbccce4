/*
 * A new copy of a certificate already issued, made from the provider's
 * registry (never from a learner's file): the same number and fields as
 * signed then, plus "reissued: DATE", signed again with the provider's
 * key, written as text and PDF beside the original, and recorded in the
 * registry's reissues table.  The original certificate stays valid.
 */
#ifndef PSOAS_REISSUE_H
#define PSOAS_REISSUE_H

#include "provider/registry.h"
#include "seal.h"

/*
 * Reissue certificate number from r with key k into folder outdir.
 * Returns 0 with *txt and *pdf (new) the files written; 1 when r has no
 * such certificate; -1 with *cause (new) when it failed.
 */
int reissue_certificate(struct registry *r, const struct seal_key *k,
    const char *number, const char *outdir, char **txt, char **pdf,
    char **cause);

#endif
