/*
 * Flagging a verdict (issue 9 item 10): right after an answer is graded
 * in a quiz or in practice, the learner types "flag" and maybe a reason;
 * no try is used and no score changes.  The flag is a journal record
 * (progress.h struct flag_record) holding the try as it was graded, so
 * 'review' shows it, and an instructor's report (--flagged) gathers the
 * flagged answers of every learner per question, printed in the marked
 * responses format (doc/FORMATS.md) with a placeholder mark that --check
 * refuses until the instructor marks each one.
 */
#ifndef PSOAS_FLAG_H
#define PSOAS_FLAG_H

#include <stdio.h>

#include "course.h"
#include "progress.h"

/*
 * The verdict just given, kept by a sitting so that "flag" can name it:
 * set it after every graded try (copies of every string), clear it with
 * flag_clear (also frees).  attempt is "" in practice.
 */
void flag_set(struct flag_record *last, const char *quiz,
    const char *attempt, const char *question, int try_no,
    const char *verdict, const char *answer);
void flag_clear(struct flag_record *last);
/* True when last holds a verdict. */
bool flag_has(const struct flag_record *last);

/*
 * The learner flags last with reason (learner text, any bytes; cut to
 * FLAG_REASON_MAX).  Records it in p (may be NULL) and returns what to
 * tell the learner (new string, one paragraph).
 */
char *flag_verdict(struct progress *p, const struct flag_record *last,
    const char *reason);

/*
 * flag_verdict for "flag" typed at a question of a quiz or drill, where
 * an empty last means the answer just typed used no try (or none has
 * been typed): it says there is no verdict to flag yet for this
 * question.  A sitting clears last when an answer is not graded, so a
 * flag never lands on the verdict of the question before.
 */
char *flag_verdict_here(struct progress *p, const struct flag_record *last,
    const char *reason);

/*
 * The instructor's report: every flag of the n learners in ps, grouped
 * by quiz (course order) and question, the same answer once with each
 * learner's reason, as lines to paste into the quiz's responses file.
 * Returns the number of flagged answers printed.
 */
size_t flag_report(FILE *out, const struct course *c,
    struct progress *const *ps, size_t n);

#endif
