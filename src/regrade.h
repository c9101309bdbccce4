/*
 * A provider's grading of a learner's submission (today: the learner's
 * journal file) against the provider's own full course.  Nothing the
 * learner's machine concluded is believed: recorded verdicts, points,
 * scores, "quiz-end" and "completion" records are ignored.  What is used
 * is what the learner did: the raw answers as typed, the hints shown, the
 * pages reached, and each post-test attempt's seed, whose draw from the
 * provider's course must give exactly the questions the learner answered.
 *
 * Rules, each with a plain reason when it fails:
 *   - each post-test attempt graded was taken from the provider's course:
 *     its recorded course digest (digest.h) is the provider's; an attempt
 *     with none recorded (an older journal) is refused, never assumed;
 *   - the post-test (the manifest's @posttest) has an attempt, within the
 *     manifest's @attempts, whose questions are the ones its seed draws
 *     (a different course, or an edited record, fails here), and whose
 *     answers, graded again, reach the pass mark;
 *   - every content lesson was read to its end and every page reached;
 *   - the learner typed the attestation that the work is their own;
 *   - no session ran on a clock injected for testing (clock.h), unless
 *     the provider's own clock is injected too: a test, whose certificate
 *     then says so.
 * Time on task is reported, never trusted for more: it is self-reported.
 */
#ifndef PSOAS_REGRADE_H
#define PSOAS_REGRADE_H

#include <stdbool.h>

#include "course.h"
#include "progress.h"

struct regrade {
	bool passed;			/* every rule holds */
	char *why;			/* new: the reasons, one a line, when not */
	const struct quiz_attempt *attempt;	/* the passing attempt */
	int score;			/* its percent, graded again */
	int pass;			/* the pass mark */
	long seconds;			/* time on task in the lessons */
	size_t answered;		/* answers graded again, all attempts */
};

/*
 * Grade p against c, whose course digest is digest (course_digest of the
 * provider's folder, computed once per run), into g (regrade_destroy
 * frees it).
 */
void regrade_progress(const struct course *c, const char *digest,
    const struct progress *p, struct regrade *g);
void regrade_destroy(struct regrade *g);

#endif
