/*
 * The provider's side of the tutor, run on the provider's machine:
 *   psoas-tutor provider [--dir DIR] [--course DIR] COMMAND [ARG]...
 * DIR (default $PSOAS_TUTOR_PROVIDER_DIR, else the data folder's
 * provider/) holds the provider's key pair (seal.h).  Commands:
 *   keygen           make the key pair, once
 *   grade FILE...    grade learners' submissions (submission.h) or
 *                    journals again (regrade.h), issue signed
 *                    certificates, record all in the registry
 *   report [csv]     the registry's certificates (provider/registry.h)
 *   verify NUMBER    a certificate's registry record against its signature
 * and, for anyone, `psoas-tutor --verify CERTIFICATE [--key FILE]`.
 * psoas-tutor(1) PROVIDER documents them for users.  The commands are
 * a program of their own, psoas-tutor-provider (provider/main.c), the
 * one that links SQLite; the tutor runs it for `psoas-tutor provider`
 * (helper.h).  This module is the part the tutor itself runs.
 */
#ifndef PSOAS_PROVIDER_H
#define PSOAS_PROVIDER_H

#include "options.h"

/*
 * The provider's folder (new): dir (--dir) when not NULL, else
 * $PSOAS_TUTOR_PROVIDER_DIR, else the data folder's provider/.  NULL,
 * said on stderr, when there is no data folder.
 */
char *provider_dir(const char *dir);

/*
 * --verify: check the certificate at o->verify_path with o->key_path, else
 * course_dir's provider.pub, else the default provider folder's.  Prints
 * the verdict to stdout (valid) or stderr (not).  Returns the exit status:
 * 0 valid, 1 not valid or not checkable.
 */
int provider_verify(const struct options *o, const char *course_dir);

/*
 * --publish: write the learner edition (publish.h) of the course at
 * course_dir to o->publish_dir, with the public key o->key_path, else the
 * default provider folder's.  Returns the exit status.
 */
int provider_publish(const struct options *o, const char *course_dir);

#endif
