/*
 * Tunables, in one place, with their units.
 */
#ifndef PSOAS_DEFAULTS_H
#define PSOAS_DEFAULTS_H

#define DEFAULT_WIDTH 80		/* columns when the terminal width is unknown */
#define MIN_WIDTH 20			/* narrowest width we wrap to */
#define MAX_WIDTH 100			/* widest; longer lines are hard to read */
#define HELP_MIN_SUMMARY 24		/* columns 'help' leaves for a summary
					 * beside its command, else below it */
#define DEFAULT_HEIGHT 24		/* rows when the terminal height is unknown */
#define MAX_INPUT_LINE 4096		/* bytes in one typed or scripted line; longer is refused */
#define QUIZ_MAX_PATTERNS 200		/* patterns in one question (grading time bound) */
#define PASTE_GAP_MS 20			/* input arriving this soon after Enter
					 * is the rest of a paste (lineio.c) */
#define HISTORY_LIMIT 1000		/* lines of readline history kept */
#define DEFAULT_LEARNER "default"	/* learner of a session with no --learner */
#define REPORT_BAR_WIDTH 12		/* characters inside a progress bar's [] */
#define MAX_FULL_NAME 200		/* bytes in a learner's full name */
#define MAX_FULL_NAME_TEXT "200"
#define LICENCE_NUMBER_MAX 40		/* bytes in a licence number (boards' are ~15) */
#define LICENCE_NUMBER_MAX_TEXT "40"
#define COURSE_TITLE "The Iliopsoas for Manual Therapists"

#define GRADE_MATCH_LIMIT 100000	/* PCRE2 match() calls per answer */
#define GRADE_DEPTH_LIMIT 10000		/* PCRE2 backtracking depth (interpreter) */
#define GRADE_HEAP_LIMIT 10240		/* PCRE2 heap, KiB */
#define GRADE_BUDGET_MS 1000		/* grading time per answer, all patterns */
#define STOP_ASK_MS 5			/* ms between two looks for a signal
					 * pending while grading (lineio.c) */
#define SPELL_DICT_DIR "/usr/share/hunspell"	/* en_US.aff/.dic, en_med_glut.dic */
#define SPELL_DICT_ENV "PSOAS_TUTOR_DICT_DIR"	/* overrides SPELL_DICT_DIR (tests) */
#define GLOSSARY_FILE "glossary"	/* at the course root */

#define LRS_CONNECT_TIMEOUT 5		/* seconds to reach the LRS */
#define LRS_TIMEOUT 30			/* seconds for one batch, all told */
#define LRS_BATCH 50			/* statements in one POST */
#define LRS_BACKOFF_FIRST 5		/* seconds before the first retry */
#define LRS_BACKOFF_MAX 3600		/* seconds: the longest wait between tries */

#endif
