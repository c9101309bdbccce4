/*
 * An append-only, crash-tolerant journal file: the storage under a
 * learner's progress (progress.h gives the records their meaning).
 *
 * FORMAT (version 2; doc/FORMATS.md "Progress journal" is the reference)
 *
 *   psoas-tutor journal 2\n                         header, line 1
 *   TYPE \t FIELD \t ... \t CHECKSUM \n             one record per line
 *
 * Every field is text.  In a field, backslash, tab, newline and carriage
 * return are written as the two-byte escapes \\ \t \n \r; every other byte
 * (UTF-8 included) is written as is.  A line only counts once its '\n' is
 * there.  CHECKSUM is 8 lower-case hex digits of FNV-1a 32 over
 *   PREV \t BODY
 * where BODY is every byte of the line before the tab that precedes the
 * checksum and PREV the checksum text of the nearest earlier line that ends
 * in a tab and 8 hex digits (intact or not), "00000000" for the first.  So
 * the records form a chain: changing, inserting or removing a record in
 * the middle breaks the checksum of the record after it, which replay
 * skips and names.  It proves no more than that: FNV is no secret, anyone
 * can rewrite the chain from the edit on, and a record appended at the end
 * shows nothing.  Only a provider's grading makes evidence.
 *
 * Version 1 journals (checksum = FNV-1a 32 over BODY alone, no chain) are
 * read and appended to as version 1: a file keeps the format it began
 * with, and a new journal is always version 2.
 *
 * WRITING
 *
 * journal_append builds the whole line first and writes it with ONE
 * write() on an O_APPEND descriptor while holding flock(LOCK_EX), then
 * fsync()s the file before unlocking and returning 0.  So once it returns
 * 0 the record survives a crash or kill -9, and two processes appending to
 * the same journal interleave whole records, never bytes.  If the file
 * does not end in '\n' (an earlier writer died mid-record, or a disk
 * filled up), that torn last line is cut off first (see TORN LINES).
 * Creating the file (and any folder on the way, mode 0700) is followed by
 * an fsync() of the folder that holds it, so the file itself survives a
 * crash.  Apart from cutting a torn last line we never rewrite, truncate
 * or rename a journal: damage is skipped by readers, not repaired.
 *
 * TORN LINES
 *
 * kill -9 can stop the one write() of a record part way (Linux stops a
 * write between pages of the file for a fatal signal), leaving a last line
 * without its '\n'.  That record was never acknowledged, but skipping it
 * would cost a warning at every later start.  So whoever next takes the
 * lock to write (journal_open of a writable journal, or journal_append)
 * first appends the torn line's bytes, as they were, plus '\n', to
 * PATH.torn (never through a link: ownfile.h), syncs that copy, and only
 * then cuts the journal back to its last whole line; journal_open says so
 * once, as "PATH:LINE: warning: damaged record cut off (...); its N bytes
 * are kept in PATH.torn".  When the copy cannot be made the torn line
 * stays, is skipped with a warning, and a new record starts on a line of
 * its own.  Read-only opens never cut anything.  A file holding only a
 * header cut short is cut the same way by journal_open ("damaged header
 * cut off"), which then writes a whole header.
 *
 * Before writing, an append compares the file with what this journal
 * last read or wrote.  When another session appended meanwhile, it finds
 * the chain's end again and goes on; when what it knew of is no longer
 * there as it was, it goes on too.  Either way, and when it cut a torn
 * line, it leaves a notice for the caller (journal_take_notice), once of
 * each kind, since the session's picture of the file is out of date.
 *
 * An append also fails when the path no longer names the file opened
 * (another program renamed a file over it, or removed it): records
 * written on to the old file would be read by no one.
 *
 * After one failed append the journal stops writing (a later record might
 * depend on the lost one, e.g. answers on their quiz start) and every
 * later journal_append fails at once, with the first cause.
 *
 * READING
 *
 * journal_open replays every intact record, in file order, while holding
 * the lock (so it never sees a record that is half written).  A record
 * that is damaged (no '\n' at the end of the file and not cut off, a
 * bad checksum, a bad escape, a NUL byte) is reported to the diag as
 *   "PATH:LINE: warning: damaged record skipped (WHY)"
 * and skipped; every intact record, before or after it, is kept.  The
 * journal does not follow what other processes append after it was opened:
 * a reader's state may lag, and the next journal_open catches up.
 *
 * Locks are advisory (flock(2)) and O_APPEND is not atomic on NFS
 * (open(2)); keep data folders on a local file system.
 *
 * TEST HOOK: when the environment variable PSOAS_TUTOR_FAULT_WRITE is a
 * number N >= 1 at journal_open, the Nth and every later journal_append
 * through that journal fails with ENOSPC before writing anything, as a
 * full disk would.  (The header of a new file does not count.)
 */
#ifndef PSOAS_JOURNAL_H
#define PSOAS_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define JOURNAL_VERSION 2
#define JOURNAL_MAGIC "psoas-tutor journal"	/* header: MAGIC " " VERSION */
#define JOURNAL_FAULT_ENV "PSOAS_TUTOR_FAULT_WRITE"
#define JOURNAL_TORN_SUFFIX ".torn"	/* PATH.torn: torn lines cut off */

struct journal;

/*
 * Called once per intact record with its unescaped fields (fields[0] is
 * the record type; the checksum is not included).  Return 0 when the
 * record was applied; -1 when it is malformed (wrong field count, a bad
 * number), with *why set to a new message, reported as "damaged record
 * skipped (WHY)"; 1 when it is well formed but not understood (an unknown
 * record type), with *why set to a new message reported as "WHY; record
 * skipped".
 */
typedef int (*journal_replay_fn)(void *arg, const char *const *fields,
    size_t nfields, char **why);

/*
 * Open the journal at path, creating it (with the header) and its folders
 * (mode 0700) when missing, and replay it through replay(arg, ...).
 *
 * Returns NULL with *cause set when the file must not be used: it is not a
 * journal (its first line must be the header, or a non-empty beginning
 * of it cut short by a crash), its format version is newer than
 * JOURNAL_VERSION (the file is left exactly as it was), it cannot be read,
 * or it is not a regular file owned by the user (a symbolic link, a FIFO
 * or someone else's file is never followed, read or written), or the
 * folder that holds it is a symbolic link.  When the journal can be
 * read but not written (a read-only or missing folder that cannot be
 * created, no permission), the journal is returned read-only with *cause
 * set to a warning and journal_is_writable() false.  Otherwise *cause is
 * left alone.
 */
struct journal *journal_open(const char *path, journal_replay_fn replay,
    void *arg, struct diag *d, char **cause);

/*
 * For readers that must change nothing (reports, an instructor's class
 * view): like journal_open, but never creates a folder or a file; a
 * missing journal is an error ("PATH: no such journal") and the journal
 * returned is read-only.
 */
struct journal *journal_open_readonly(const char *path,
    journal_replay_fn replay, void *arg, struct diag *d, char **cause);

/*
 * The same replay from memory: buf[0..size) is the whole text of a
 * journal, and name stands for its path in messages.  The journal
 * returned is read-only, as journal_open_readonly's (a torn last line is
 * skipped with a warning); journal_open and journal_open_readonly read
 * the file and replay it the same way.
 */
struct journal *journal_open_buffer(const char *name, const char *buf,
    size_t size, journal_replay_fn replay, void *arg, struct diag *d,
    char **cause);

/* Close and free j; NULL is fine. */
void journal_close(struct journal *j);

/*
 * Append one record made of nfields fields (fields[0] is its type; a NULL
 * field is written empty), then fsync.  Returns 0 when the record is on
 * disk, -1 with *cause (if not NULL) set to a new message otherwise.
 */
int journal_append(struct journal *j, const char *const *fields,
    size_t nfields, char **cause);

/*
 * What an append found changed in the file since this journal last read
 * or wrote it, as a new message for the learner, or NULL when nothing is
 * left to tell: another session appended records (kept, but this one
 * does not show them until the next journal_open), records this one had
 * read or written are gone or changed (the file was cut, emptied or
 * rewritten), or a torn last line was cut off (kept in PATH.torn).  Each
 * of the three is told once per journal; call until NULL.
 */
char *journal_take_notice(struct journal *j);

/*
 * Claims on named things kept in the journal (an open quiz attempt), so
 * two sessions of one learner cannot both work on it.  A claim is an open
 * file description lock (F_OFD_SETLK) on one byte far past any real
 * record, at an offset hashed from key: it conflicts with any other open
 * of the journal, in this process or another, and ends on release or when
 * the process ends, however it ends.  journal_claim returns 0 when the
 * claim is ours (or locks are not supported here), -1 when another holds
 * it.  A read-only journal claims nothing and always succeeds.
 */
int journal_claim(struct journal *j, const char *key);
void journal_release(struct journal *j, const char *key);

/* False when the journal was opened read-only or an append has failed. */
bool journal_is_writable(const struct journal *j);
const char *journal_path(const struct journal *j);

/*
 * The pieces of the format, for tests and for tools that read journals.
 * journal_escape returns a new string.  journal_unescape decodes
 * s[0..len) into a new string and returns it, or NULL when s has a bad
 * escape or a NUL byte.  journal_fnv1a is FNV-1a 32 over s[0..len);
 * journal_fnv1a_more goes on hashing from h.  journal_record_sum is the
 * checksum of a record BODY s[0..len) in a journal of that version whose
 * chain ends in prev (8 hex digits; ignored by version 1).
 */
char *journal_escape(const char *s);
char *journal_unescape(const char *s, size_t len);
uint32_t journal_fnv1a(const char *s, size_t len);
uint32_t journal_fnv1a_more(uint32_t h, const char *s, size_t len);
uint32_t journal_record_sum(int version, const char *prev, const char *s,
    size_t len);

#endif
