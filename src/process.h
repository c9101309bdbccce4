/*
 * What each of the tutor's programs that talks to people (psoas-tutor,
 * psoas-tutor-provider) does first: closed standard descriptors filled,
 * the locale set with numbers in English, a closed pipe or a file-size
 * limit turned into a failed write, and a failed write of standard output
 * turned into exit status 1 at exit ("psoas-tutor: write error: ...").
 */
#ifndef PSOAS_PROCESS_H
#define PSOAS_PROCESS_H

void process_start(void);

/* The terminal hung up (SIGHUP): output lost to it is no error at exit. */
void process_terminal_gone(void);

#endif
