/*
 * The program's own voice on stderr, in one place: "psoas-tutor: TEXT"
 * for an error and "psoas-tutor: warning: TEXT" for a warning.  Library
 * code does not call these: it returns a cause (a new string) and the
 * caller at the top decides where the text goes, here or, in a session,
 * to the learner's screen.
 */
#ifndef PSOAS_MSG_H
#define PSOAS_MSG_H

void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
