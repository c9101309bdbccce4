/*
 * A learner's progress: the in-memory state the REPL asks about, kept
 * durable by an append-only journal (journal.h).  Every progress_record_*
 * call first appends and fsyncs one journal record, then applies it to the
 * state with the same code that replays the journal at start-up, so what
 * the learner sees is always what a restart will rebuild.
 *
 * Record functions return 0, or -1 when the record could not be saved (a
 * full disk, a read-only data folder); then *cause (if not NULL) gets a new
 * message, the state in memory is still updated so the session goes on,
 * and progress_is_durable() turns false.
 */
#ifndef PSOAS_PROGRESS_H
#define PSOAS_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

#define PROGRESS_IDLE_LIMIT 300	/* seconds; a longer gap is not time on task */

struct lesson_progress {
	char *lesson;		/* lesson id */
	int page;		/* last page viewed, 1-based; 0 = not opened */
	int pages;		/* page count when last viewed */
	int max_page;		/* furthest page reached */
	bool done;
	long seconds;		/* active time on task */
	long *page_seconds;	/* time each page was shown, [page - 1] */
	int npage_seconds;
};

/*
 * One graded try at a question, or a skip.  A final answer closes the
 * question (it was right, the tries ran out, or it was skipped); a try
 * that is not final leaves a try to go, earns nothing (points 0) and does
 * not move the attempt on.
 */
struct answer_record {
	char *question;		/* question id */
	char *answer;		/* as typed */
	char *verdict;		/* a word of outcome.h, kept as written */
	double points, max;
	int hints;		/* hints revealed on the question so far */
	int try_no;		/* 1-based */
	bool final;		/* closed the question; else a try remains */
	time_t when;
	size_t qindex;		/* 0-based position of the question in the
				 * quiz when recorded; set on replay
				 * (progress_record_answer takes it apart) */
	size_t graded_by;	/* in an attempt's answers: 0, or after a
				 * regrade that closed the question at
				 * another try, 1 + that try's index in
				 * the attempt's tries (answer, try_no and
				 * hints stay as recorded: see
				 * progress_deciding_try) */
};

struct quiz_attempt {
	char *id;		/* unique attempt id (time + pid) */
	time_t started, finished;	/* finished 0 while in progress */
	size_t next;		/* index of the next question to ask */
	size_t nquestions;
	struct answer_record *answers;	/* final answer per question asked */
	size_t nanswers;
	struct answer_record *tries;	/* every graded try and skip, final
					 * or not, in the order recorded */
	size_t ntries;
	double score, max;	/* points, when finished */
	bool passed;
	bool ungraded;		/* a learner edition's post-test: answers
				 * recorded for the provider, not graded */
	char *seed;		/* drawn from a pool: the seed (16 hex) */
	char *draw;		/* and the questions drawn (draw.h), else NULL */
	char *digest;		/* the course's digest (digest.h) when the
				 * attempt began, or NULL: none recorded */
	struct shown_hints {
		char *question;	/* question id */
		int count;	/* hints shown on it so far */
	} *hints;		/* from "hint" records, one per question */
	size_t nhints;
	time_t regraded;	/* when a regrade last changed its score
				 * or result; 0: never */
};

struct quiz_progress {
	char *quiz;		/* quiz id */
	struct quiz_attempt *attempts;
	size_t nattempts;
	double best_pct;	/* best finished score, percent as a quotient
				 * (shown as grade_whole_percent(best_pct,
				 * 100)); -1 if none */
	bool passed;		/* any finished attempt passed */
	bool awaiting;		/* an attempt awaits the provider's grading */
};

/*
 * A course completion as recorded the moment it happened (certify.h says
 * which keys it holds): key/value pairs in record order, a key may repeat
 * (one "approval" per state approval).  Kept as recorded so a certificate
 * printed later shows what was true then, whatever the course files or the
 * learner's name say today.
 */
struct completion {
	time_t when;
	char **keys, **values;
	size_t n;
};

/*
 * One answer to a participant-evaluation item, given after the post-test
 * was passed; the item's prompt is recorded with it so an export says
 * what was asked, not what the manifest asks today.
 */
struct evaluation_answer {
	char *certificate;	/* number of the completion it evaluates */
	char *item;		/* item id from the manifest */
	char *kind;		/* "likert" (answer "1".."5") or "text" */
	char *answer;
	char *prompt;
	time_t when;
};

/*
 * One graded try in practice (practice.h): for spaced review only, it
 * changes no quiz attempt, score or certificate.
 */
struct practice_record {
	char *quiz;		/* quiz id */
	char *question;		/* question id */
	char *verdict;		/* as in struct answer_record */
	char *answer;		/* as typed */
	int hints;		/* hints revealed on it in this drill */
	time_t when;		/* 0 when recording: now */
};

/*
 * A verdict the learner flagged as wrong, right after it was given (the
 * quiz command 'flag'): the try as graded then, and the learner's reason.
 */
struct flag_record {
	char *quiz;		/* quiz id */
	char *attempt;		/* attempt id; "" for a practice try */
	char *question;		/* question id */
	int try_no;		/* the try flagged (1 in practice) */
	char *verdict;		/* its verdict when flagged */
	char *answer;		/* as typed */
	char *reason;		/* learner text, at most FLAG_REASON_MAX bytes;
				 * may be "" */
	time_t when;
};

#define FLAG_REASON_MAX 300	/* bytes of a flag's reason */

/*
 * A regrade that changed a finished attempt's score or result, kept for
 * the learner's next start-up: the records since the learner last did
 * anything (any other record ends the news).
 */
struct regrade_news {
	char *quiz;		/* quiz id */
	char *attempt;		/* attempt id */
	double old_score, old_max, score, max;
	bool old_passed, passed;
	time_t when;
};

enum resume_kind { RESUME_NONE, RESUME_LESSON, RESUME_QUIZ };

struct resume_point {
	enum resume_kind kind;
	const char *id;		/* borrowed */
	int page;		/* lesson: 1-based page */
	size_t question;	/* quiz: 0-based index of next question */
};

struct progress;

/*
 * Open the journal of learner (a short name: [A-Za-z0-9._-], 1..64 bytes)
 * under data_dir, creating folders as needed, and replay it.  Damaged
 * records go to d as "path:line: warning: ..." and are skipped; intact ones
 * are kept.  Returns NULL with *cause when the journal cannot be used at
 * all (newer format version, unreadable).  When the folder cannot be
 * written the progress is still returned, read-only, with *cause set to a
 * warning and progress_is_durable() false.
 */
struct progress *progress_open(const char *data_dir, const char *learner,
    struct diag *d, char **cause);
/*
 * The same for readers that must change nothing (--progress, --export,
 * --certificate, --all-learners): no folder or file is ever created, a
 * learner without a journal is an error, and every record function fails.
 */
struct progress *progress_open_readonly(const char *data_dir,
    const char *learner, struct diag *d, char **cause);
/*
 * The same from memory: buf[0..size) is the text of a journal named name
 * (LEARNER.journal, after any folder, gives the learner), replayed as
 * progress_open_readonly replays a file.
 */
struct progress *progress_open_buffer(const char *name, const char *buf,
    size_t size, struct diag *d, char **cause);
void progress_close(struct progress *p);

bool progress_is_durable(const struct progress *p);
/* Records applied so far: those replayed, then those written. */
unsigned long progress_records(const struct progress *p);
const char *progress_journal_path(const struct progress *p);
const char *progress_learner(const struct progress *p);	/* short name */
const char *progress_full_name(const struct progress *p);	/* or NULL */

int progress_record_name(struct progress *p, const char *full_name,
    char **cause);
int progress_record_page(struct progress *p, const char *lesson, int page,
    int pages, char **cause);
int progress_record_lesson_done(struct progress *p, const char *lesson,
    char **cause);
/* Active time: call on each command; gaps > PROGRESS_IDLE_LIMIT don't count. */
int progress_record_time(struct progress *p, const char *lesson,
    long seconds, char **cause);
/*
 * The same, while page (1-based) of lesson was on screen: the time counts
 * toward the lesson and toward that page's reading time.
 */
int progress_record_reading(struct progress *p, const char *lesson, int page,
    long seconds, char **cause);

/*
 * Identity for a certificate: legal name, licence number and the state
 * (or board) that issued it; the name becomes the full name too.  Each
 * change is a new dated record: a certificate copies what was in force
 * when it was issued.
 */
int progress_record_identity(struct progress *p, const char *legal_name,
    const char *licence, const char *state, char **cause);
/* The learner's typed attestation that they did the work themselves. */
int progress_record_attestation(struct progress *p, const char *text,
    char **cause);
/* A session ran on a clock injected by PSOAS_TUTOR_NOW (the value). */
int progress_record_clock(struct progress *p, const char *value,
    char **cause);
const char *progress_licence(const struct progress *p);		/* or NULL */
const char *progress_licence_state(const struct progress *p);	/* or NULL */
time_t progress_identity_time(const struct progress *p);	/* 0: none */
time_t progress_attested(const struct progress *p);		/* 0: not yet */
bool progress_clock_injected(const struct progress *p);
/*
 * The course in use is the one with this digest (digest.h): a "course"
 * record, written only when it differs from the last one, so each attempt
 * started after it carries the digest (quiz_attempt.digest).  The last
 * one recorded, or NULL.
 */
int progress_record_course(struct progress *p, const char *digest,
    char **cause);
const char *progress_course(const struct progress *p);
/*
 * Starts a new attempt and returns it (borrowed).  When the record could
 * not be saved the attempt is still returned, with *cause set, so the
 * sitting goes on in memory like any other record function's.  NULL (with
 * *cause) only for a bad argument: no quiz id, or too many questions.
 */
const struct quiz_attempt *progress_record_quiz_start(struct progress *p,
    const char *quiz, size_t nquestions, char **cause);
/*
 * The same for a quiz whose questions are drawn from a pool: the attempt
 * keeps the seed and the questions drawn (draw_format), both recorded in
 * the same record as the start, so no attempt exists without its draw.
 */
const struct quiz_attempt *progress_record_quiz_draw(struct progress *p,
    const char *quiz, size_t nquestions, const char *seed, const char *draw,
    char **cause);
/*
 * Record one graded try (a->final false: a try remains) or the final
 * answer to question qindex of the open attempt of quiz (a->final true:
 * right, out of tries, or skipped).  Only a final answer moves the
 * attempt's next question and counts in its answers; every one is kept
 * in its tries.
 */
int progress_record_answer(struct progress *p, const char *quiz,
    size_t qindex, const struct answer_record *a, char **cause);
/*
 * Record that the learner has now seen `shown` hints on question qindex
 * (id question) of the open attempt of quiz: a hint counts from the
 * moment it is shown, whether or not an answer follows, so leaving and
 * coming back never makes a hint free.
 */
int progress_record_hint(struct progress *p, const char *quiz,
    size_t qindex, const char *question, int shown, char **cause);
/* Hints recorded as shown on question in attempt a (0 if none). */
int progress_hints_shown(const struct quiz_attempt *a, const char *question);

/*
 * An attempt belongs to one session at a time: claim the open attempt of
 * quiz for this session before asking its questions.  Returns 0, or -1
 * with *cause when another session (of this learner, on this machine or
 * any sharing the folder with working locks) has it open.  A session
 * holds one claim at a time (claiming another releases the first); it
 * ends with progress_release_attempt, progress_close, or when the process
 * ends however it ends (an open file description lock, fcntl(2)).
 */
int progress_claim_attempt(struct progress *p, const char *quiz,
    char **cause);
void progress_release_attempt(struct progress *p);

int progress_record_quiz_end(struct progress *p, const char *quiz,
    double score, double max, bool passed, char **cause);
/*
 * End the open attempt of a learner edition's post-test without a grade:
 * its answers are recorded for the provider ("quiz-end ... ungraded").
 */
int progress_record_quiz_sent(struct progress *p, const char *quiz,
    double max, char **cause);

/*
 * Record a completion made of npairs key/value pairs (kv[2i] is a key:
 * [a-z0-9-]+, kv[2i+1] its value).
 */
int progress_record_completion(struct progress *p, const char *const *kv,
    size_t npairs, char **cause);
/* A later answer to the same item of the same completion replaces it. */
int progress_record_evaluation(struct progress *p,
    const struct evaluation_answer *a, char **cause);

int progress_record_practice(struct progress *p,
    const struct practice_record *r, char **cause);

/*
 * A regrade (rescore.h) of finished attempt `attempt` of quiz: try t
 * (its question, qindex and try_no name it; verdict, points, max and
 * final are the new grading) graded again with today's rules.  The try's
 * answer, try number and hints never change: only its grading.  When
 * t->final, the try now closes its question, whose final answer takes
 * its verdict and points.
 */
int progress_record_regrade(struct progress *p, const char *quiz,
    const char *attempt, const struct answer_record *t, char **cause);
/* The regraded score and result of finished attempt `attempt` of quiz. */
int progress_record_rescore(struct progress *p, const char *quiz,
    const char *attempt, double score, double max, bool passed,
    char **cause);
/*
 * The learner flags a verdict (see struct flag_record; f->when is ignored:
 * now).  The reason is cut to FLAG_REASON_MAX bytes on a character
 * boundary.
 */
int progress_record_flag(struct progress *p, const struct flag_record *f,
    char **cause);

/* Queries: NULL when nothing is recorded yet. */
const struct lesson_progress *progress_lesson(const struct progress *p,
    const char *lesson);
const struct quiz_progress *progress_quiz(const struct progress *p,
    const char *quiz);

/*
 * A lesson's status, the one rule for 'list', 'progress' and the
 * reports: "not started", "done", or "page N of M" with N the furthest
 * page reached (going back to re-read undoes no reading) and M the
 * lesson's pages now (npages).  lp may be NULL.  Written to buf, which
 * is returned.
 */
const char *progress_lesson_status(const struct lesson_progress *lp,
    size_t npages, char *buf, size_t size);
/* The unfinished attempt of quiz, or NULL. */
const struct quiz_attempt *progress_open_attempt(const struct progress *p,
    const char *quiz);
/* The completions recorded, oldest first (*n of them). */
const struct completion *progress_completions(const struct progress *p,
    size_t *n);
/* The first value of key in c, or NULL. */
const char *completion_get(const struct completion *c, const char *key);
/* Evaluation answers, one per item and completion, in record order. */
const struct evaluation_answer *progress_evaluations(const struct progress *p,
    size_t *n);
/*
 * The try whose grading decides final answer r of attempt a: r itself,
 * unless a regrade closed the question at another try.
 */
const struct answer_record *progress_deciding_try(
    const struct quiz_attempt *a, const struct answer_record *r);
/*
 * True for a try a regrade found would not have been asked (graded
 * again, an earlier try at its question is right and closes it): its
 * verdict is OUTCOME_SUPERSEDED; it earns nothing and counts nowhere
 * (spaced review, stats).
 */
bool progress_try_superseded(const struct answer_record *t);
/* Flags, in record order (*n of them). */
const struct flag_record *progress_flags(const struct progress *p, size_t *n);
/*
 * The latest flag on try try_no (0: any try) of question in attempt (of
 * quiz), or NULL.
 */
const struct flag_record *progress_flag_of(const struct progress *p,
    const char *quiz, const char *attempt, const char *question, int try_no);
/* Regrades since the learner last did anything (*n of them). */
const struct regrade_news *progress_regrade_news(const struct progress *p,
    size_t *n);
/* Practice tries, in record order (*n of them). */
const struct practice_record *progress_practice(const struct progress *p,
    size_t *n);
/*
 * The hours (unix time / 3600) in which anything was recorded, in record
 * order, a run of records in one hour given once (*n of them; an hour
 * may come again after another): the days studied, without keeping a
 * time for every page.
 */
const long long *progress_active_hours(const struct progress *p, size_t *n);
/* Where the learner was last. */
struct resume_point progress_resume(const struct progress *p);

/*
 * The rule for a learner's short name, which becomes a file name:
 * [A-Za-z0-9._-], 1..64 bytes, not starting with '.' or '-'.
 */
bool progress_valid_learner(const char *s);

/* Why s is not a learner's short name, as a new string (the rule's one wording). */
char *progress_learner_problem(const char *s);

/*
 * The learner a journal's file name NAME.journal is for (the file name
 * only, or a path), as a new string; NULL when it names none.
 */
char *progress_learner_of_file(const char *path);

/*
 * The rule for a full name, which goes on certificates and into exports,
 * and for the other identity fields (idrun.h): valid UTF-8 of at most
 * MAX_FULL_NAME bytes with no control or text-direction character and
 * nothing invisible (text.h).  NULL when name is fine, else why not
 * (static, valid until the next call).  Checked when typed and again on
 * replay.
 */
const char *progress_full_name_problem(const char *name);

/* Names of learners with a journal under data_dir (new array of new strings). */
char **progress_list_learners(const char *data_dir, size_t *n);

#endif
