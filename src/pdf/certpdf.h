/*
 * Drawing a certificate as a one-page PDF (US Letter, landscape) with
 * cairo: the work of psoas-tutor-pdf alone (pdf/main.c), so that only it
 * links cairo and fontconfig.  The tutor asks for it through
 * certificate_write_pdf (certificate.h).
 */
#ifndef PSOAS_CERTPDF_H
#define PSOAS_CERTPDF_H

#include "certificate.h"

/*
 * c drawn at path.  The file is written beside path and renamed over it
 * only when complete, and a symbolic link at path is refused.  Returns 0,
 * or -1 with *cause set to a new message.
 */
int certpdf_write(const char *path, const struct certificate *c,
    char **cause);

#endif
