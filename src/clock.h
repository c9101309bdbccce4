/*
 * "Now", in one place.  Every time the tutor records or compares (journal
 * records, time on task, reading time, post-test waiting periods,
 * certificate dates) comes from clock_now, so a test can take a course
 * honestly on an injected clock instead of waiting hours.
 *
 * TEST HOOK: the environment variable PSOAS_TUTOR_NOW=T (unix seconds)
 * fixes now at T; PSOAS_TUTOR_NOW=T+S starts at T and moves the clock S
 * seconds on each time clock_tick is called, which the session does once
 * per line the learner types, so a scripted learner spends S seconds on
 * each command.  A session on an injected clock says so, and the journal
 * records it (progress_record_clock), so no record made that way passes
 * for a real one.
 */
#ifndef PSOAS_CLOCK_H
#define PSOAS_CLOCK_H

#include <stdbool.h>
#include <time.h>

#define CLOCK_ENV "PSOAS_TUTOR_NOW"

time_t clock_now(void);

/* One line typed: an injected "T+S" clock moves S seconds on. */
void clock_tick(void);

/* True when PSOAS_TUTOR_NOW set the clock (validly). */
bool clock_injected(void);

#endif
