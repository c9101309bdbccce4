/*
 * The journal file: creating it durably, appending whole records that
 * survive kill -9 and concurrent sessions, and replaying it while skipping
 * damage instead of giving up on the records around it.  What a record
 * means is progress.c's business; this module only knows lines, fields,
 * escapes and checksums (the contract is in journal.h).
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "ownfile.h"
#include "strbuf.h"
#include "xmalloc.h"

/* What an append can find changed under it (journal_take_notice). */
enum notice { NOTICE_GREW, NOTICE_CHANGED, NOTICE_CUT, NOTICES };

struct journal {
	char *path;
	int fd;			/* O_APPEND, or -1 when read-only */
	char *fail;		/* why we cannot write, or NULL */
	unsigned long appends;	/* journal_append calls so far */
	unsigned long fault_at;	/* test hook: fail from this append on; 0 = off */
	int version;		/* the file's format: 1 unchained, 2 chained */
	off_t known;		/* bytes of the file that tail accounts for */
	char tail[9];		/* checksum text of the last line, the chain's end */
	/*
	 * A torn last line (the file does not end in '\n'): where it starts,
	 * its line number and the chain's end before it; torn_at is -1 when
	 * the last line is whole.
	 */
	off_t torn_at;
	long torn_line;
	char torn_prev[9];
	char *notice[NOTICES];	/* not yet taken, by kind */
	bool told[NOTICES];	/* each kind is told once */
};

/* Where a chain starts: the "previous checksum" of the first record. */
#define CHAIN_START "00000000"


uint32_t
journal_fnv1a_more(uint32_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

uint32_t
journal_fnv1a(const char *s, size_t len)
{
	return journal_fnv1a_more(2166136261u, s, len);
}

uint32_t
journal_record_sum(int version, const char *prev, const char *s, size_t len)
{
	if (version < 2)
		return journal_fnv1a(s, len);
	return journal_fnv1a_more(journal_fnv1a_more(journal_fnv1a(prev, 8),
	    "\t", 1), s, len);
}

static void
escape_into(struct strbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': strbuf_add(b, "\\\\", 2); break;
		case '\t': strbuf_add(b, "\\t", 2); break;
		case '\n': strbuf_add(b, "\\n", 2); break;
		case '\r': strbuf_add(b, "\\r", 2); break;
		default: strbuf_add(b, s, 1); break;
		}
	}
}

char *
journal_escape(const char *s)
{
	struct strbuf b = { 0 };

	strbuf_add(&b, "", 0);
	escape_into(&b, s);
	return b.s;
}

char *
journal_unescape(const char *s, size_t len)
{
	char *out = xmalloc(len + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0')
			goto bad;
		if (s[i] != '\\') {
			*o++ = s[i];
			continue;
		}
		if (++i == len)
			goto bad;
		switch (s[i]) {
		case '\\': *o++ = '\\'; break;
		case 't': *o++ = '\t'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		default: goto bad;
		}
	}
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

/* The header line of a new journal, newline included. */
static char *
header_line(void)
{
	return xasprintf("%s %d\n", JOURNAL_MAGIC, JOURNAL_VERSION);
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * A new directory entry is only durable once the folder holding it is
 * fsync'd (fsync(2)).  File systems that cannot fsync a folder say EINVAL;
 * there is nothing more we can do there, so that is not an error.
 */
static int
fsync_dir(const char *dir)
{
	int fd, rc, saved;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	saved = errno;
	close(fd);
	if (rc == -1 && saved == EINVAL)
		rc = 0;
	errno = saved;
	return rc;
}

/* mkdir -p with mode 0700; on failure *cause names the folder. */
static int
make_dirs(const char *dir, char **cause)
{
	char *copy = xstrdup(dir), *p = copy;
	struct stat st;
	int rc = -1;

	for (;;) {
		while (*p == '/')
			p++;
		p = strchr(p, '/');
		if (p != NULL)
			*p = '\0';
		if (mkdir(copy, 0700) == 0) {
			char *parent = dir_of(copy);

			if (fsync_dir(parent) == -1) {
				*cause = xasprintf("cannot sync folder %s: %s",
				    parent, strerror(errno));
				free(parent);
				goto out;
			}
			free(parent);
		} else if (errno != EEXIST || stat(copy, &st) == -1 ||
		    !S_ISDIR(st.st_mode)) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			*cause = xasprintf("cannot create folder %s: %s", copy,
			    strerror(errno));
			goto out;
		}
		if (p == NULL)
			break;
		*p++ = '/';
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

static void
lock(int fd, int how)
{
	/*
	 * Locks are advisory; where flock is not supported (ENOLCK) we go on
	 * without it, since O_APPEND alone still keeps whole lines together
	 * on a local file system.
	 */
	while (flock(fd, how) == -1 && errno == EINTR)
		continue;
}

static int
write_all_once(struct journal *j, const char *s, size_t len, char **cause)
{
	ssize_t n;

	do
		n = write(j->fd, s, len);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		*cause = xasprintf("cannot write %s: %s", j->path,
		    strerror(errno));
		return -1;
	}
	if ((size_t)n != len) {
		/* The file size limit or a full disk cut the record short. */
		*cause = xasprintf("cannot write %s: only %zd of %zu bytes "
		    "written (disk full or file too large)", j->path, n, len);
		return -1;
	}
	/* A signal may interrupt the wait; the record is not safe until done. */
	while (fsync(j->fd) == -1) {
		if (errno == EINTR)
			continue;
		*cause = xasprintf("cannot sync %s: %s", j->path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Parse the header; returns the version, 0 if line is not a header. */
static long
header_version(const char *line, size_t len)
{
	const char *magic = JOURNAL_MAGIC " ";
	size_t mlen = strlen(magic);
	long v = 0;

	if (len <= mlen || memcmp(line, magic, mlen) != 0)
		return 0;
	for (size_t i = mlen; i < len; i++) {
		if (line[i] < '0' || line[i] > '9' || v > 100000)
			return 0;
		v = v * 10 + (line[i] - '0');
	}
	return v;
}

static bool
is_hex8(const char *s, size_t len)
{
	if (len != 8)
		return false;
	for (size_t i = 0; i < 8; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/*
 * The chain's rule, one home for writer and reader: whatever line (or last
 * line still without its '\n') ends in TAB and 8 hex digits moves the
 * chain's end to those digits, intact or not; so a damaged record costs
 * itself and, when its checksum changed, the record after it; no more.
 */
static void
chain_note(char tail[9], const char *line, size_t len)
{
	if (len > 9 && line[len - 9] == '\t' && is_hex8(line + len - 8, 8))
		memcpy(tail, line + len - 8, 8);
}

/*
 * Check one complete line (without its '\n') and split it into new,
 * unescaped fields.  Returns NULL with *why (static text) when damaged.
 * prev is the chain's end before this line (version 2).
 */
static char **
split_record(const char *line, size_t len, int version, const char *prev,
    size_t *nfields, const char **why)
{
	size_t tab = len, n = 0, start;
	char **fields = NULL, hex[9];

	if (len == 0) {
		*why = "empty line";
		return NULL;
	}
	if (memchr(line, '\0', len) != NULL) {
		*why = "NUL byte";
		return NULL;
	}
	while (tab > 0 && line[tab - 1] != '\t')
		tab--;
	if (tab == 0 || !is_hex8(line + tab, len - tab)) {
		*why = "no checksum";
		return NULL;
	}
	snprintf(hex, sizeof hex, "%08x",
	    journal_record_sum(version, prev, line, tab - 1));
	if (memcmp(hex, line + tab, 8) != 0) {
		*why = version < 2 ? "checksum mismatch" :
		    "checksum mismatch: this record, or the one before it, "
		    "was changed, inserted or removed";
		return NULL;
	}
	start = 0;
	for (size_t i = 0; i < tab; i++) {
		char *f;

		if (line[i] != '\t')
			continue;
		f = journal_unescape(line + start, i - start);
		if (f == NULL) {
			*why = "bad escape";
			goto bad;
		}
		fields = xreallocarray(fields, n + 2, sizeof *fields);
		fields[n++] = f;
		fields[n] = NULL;
		start = i + 1;
	}
	*nfields = n;
	return fields;
bad:
	for (size_t i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
	return NULL;
}

static void
note_torn(struct journal *j, off_t at, long lineno, const char prev[9])
{
	j->torn_at = at;
	j->torn_line = lineno;
	memcpy(j->torn_prev, prev, sizeof j->torn_prev);
}

/*
 * Copy the torn last line [torn_at, size) to PATH.torn (one line per cut,
 * its bytes as they were, then '\n'), make the copy durable, then cut the
 * journal (jfd, writable) back to its last whole record and move the
 * chain's end back before the fragment.  Called with the lock held.
 * Returns 0 when the journal now ends in a whole record, -1 with *why (a
 * new message) when it was left as it was.
 */
static int
cut_torn(struct journal *j, int jfd, off_t size, char **why)
{
	char *copy = xasprintf("%s" JOURNAL_TORN_SUFFIX, j->path), buf[8192];
	char *dir = dir_of(j->path);
	struct stat st;
	off_t at = j->torn_at;
	int fd = -1, rc = -1;

	*why = NULL;
	fd = ownfile_open(copy, O_WRONLY | O_APPEND | O_CREAT, 0600, why);
	if (fd == -1 || fstat(fd, &st) == -1)
		goto fail;
	while (at < size) {
		ssize_t n = pread(jfd, buf, sizeof buf, at), w;

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		do
			w = write(fd, buf, (size_t)n);
		while (w == -1 && errno == EINTR);
		if (w != n)
			goto fail;
		at += n;
	}
	if (write(fd, "\n", 1) != 1 || fsync(fd) == -1 ||
	    (st.st_size == 0 && fsync_dir(dir) == -1))
		goto fail;
	/* The copy is safe: only now may the journal lose the bytes. */
	if (ftruncate(jfd, j->torn_at) == -1 || fsync(jfd) == -1)
		goto fail;
	j->known = j->torn_at;
	memcpy(j->tail, j->torn_prev, sizeof j->tail);
	j->torn_at = -1;
	rc = 0;
	goto out;
fail:
	if (*why != NULL) {
		char *inner = *why;

		*why = xasprintf("cannot keep a copy: %s", inner);
		free(inner);
	} else
		*why = xasprintf("cannot keep a copy in %s: %s", copy,
		    strerror(errno));
out:
	if (fd != -1)
		close(fd);
	free(dir);
	free(copy);
	return rc;
}

/*
 * Hand the intact records of buf[0..size) (a whole journal, from its
 * header on) to replay.  Returns -1 with *cause when the text is not a
 * journal we may use; damage inside it is only warned about.
 */
static int
replay_buffer(struct journal *j, const char *buf, size_t size,
    journal_replay_fn replay, void *arg, struct diag *d, char **cause)
{
	char *hdr = header_line(), prev[9];
	long lineno = 0, version;
	size_t at = 0;
	int rc = -1;

	j->known = 0;
	j->torn_at = -1;
	memcpy(j->tail, CHAIN_START, sizeof j->tail);
	while (at < size) {
		const char *line = buf + at;
		const char *nl = memchr(line, '\n', size - at);
		bool complete = nl != NULL;
		size_t n = complete ? (size_t)(nl - line) : size - at;
		size_t len = complete ? n + 1 : n;
		const char *why = NULL;
		char **fields, *reason = NULL;
		size_t nfields;
		int r;

		lineno++;
		at += len;
		j->known += (off_t)len;
		if (lineno == 1) {
			version = complete ? header_version(line, n) : 0;
			if (version > JOURNAL_VERSION) {
				*cause = xasprintf("%s: journal format version "
				    "%ld is newer than this program supports "
				    "(%d); refusing to touch it", j->path,
				    version, JOURNAL_VERSION);
				goto out;
			}
			if (version >= 1) {
				/* Older journals stay as they began: unchained. */
				j->version = (int)version;
				continue;
			}
			/*
			 * A header cut short by a crash or a full disk while
			 * the file was being created: the rest is ours.  That
			 * includes the whole header without its '\n' (a complete
			 * header line was taken as version 1 above).
			 */
			if (n > 0 && n <= strlen(hdr) - 1 &&
			    memcmp(line, hdr, n) == 0 && !complete) {
				/* All the file holds: torn_warn's to handle. */
				note_torn(j, 0, lineno, CHAIN_START);
				continue;
			}
			if (n > 0 && n <= strlen(hdr) - 1 &&
			    memcmp(line, hdr, n) == 0) {
				diag_add(d, DIAG_WARNING, j->path, lineno, 0,
				    "damaged header skipped (assuming "
				    "version %d)", JOURNAL_VERSION);
				continue;
			}
			*cause = xasprintf("%s: not a psoas-tutor journal "
			    "(line 1 is not \"%s %d\")", j->path,
			    JOURNAL_MAGIC, JOURNAL_VERSION);
			goto out;
		}
		memcpy(prev, j->tail, sizeof prev);
		chain_note(j->tail, line, n);
		if (!complete) {
			/* Only the last line can lack its '\n'; the caller
			 * cuts it off or warns (torn_warn). */
			note_torn(j, j->known - (off_t)len, lineno, prev);
			continue;
		}
		fields = split_record(line, n, j->version, prev, &nfields, &why);
		if (fields == NULL) {
			diag_add(d, DIAG_WARNING, j->path, lineno, 0,
			    "damaged record skipped (%s)", why);
			continue;
		}
		r = replay(arg, (const char *const *)fields, nfields, &reason);
		if (r < 0)
			diag_add(d, DIAG_WARNING, j->path, lineno, 0,
			    "damaged record skipped (%s)", reason);
		else if (r > 0)
			diag_add(d, DIAG_WARNING, j->path, lineno, 0,
			    "%s; record skipped", reason);
		free(reason);
		for (size_t i = 0; i < nfields; i++)
			free(fields[i]);
		free(fields);
	}
	rc = 0;
out:
	free(hdr);
	return rc;
}

/*
 * Read all of fd (the lock is held, so no writer adds to it meanwhile)
 * and replay it from memory.  *size is the file's size from fstat and
 * becomes what was read.
 */
static int
replay_file(struct journal *j, int fd, off_t *size, journal_replay_fn replay,
    void *arg, struct diag *d, char **cause)
{
	size_t cap = (size_t)*size + 1, got = 0;
	char *buf = xmalloc(cap);
	ssize_t n;
	int rc;

	for (;;) {
		if (got == cap)
			buf = xreallocarray(buf, cap *= 2, 1);
		n = pread(fd, buf + got, cap - got, (off_t)got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (n == -1) {
		*cause = xasprintf("cannot read %s: %s", j->path,
		    strerror(errno));
		free(buf);
		return -1;
	}
	*size = (off_t)got;
	rc = replay_buffer(j, buf, got, replay, arg, d, cause);
	free(buf);
	return rc;
}

static unsigned long
fault_setting(void)
{
	const char *s = getenv(JOURNAL_FAULT_ENV);
	char *end;
	unsigned long n;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return 0;
	return n;
}

/* Write the header of an empty journal and make the file's name durable. */
static int
start_file(struct journal *j, char **cause)
{
	char *hdr = header_line(), *dir = dir_of(j->path);
	int rc;

	rc = write_all_once(j, hdr, strlen(hdr), cause);
	j->version = JOURNAL_VERSION;
	j->known = rc == 0 ? (off_t)strlen(hdr) : 0;
	memcpy(j->tail, CHAIN_START, sizeof j->tail);
	if (rc == 0 && fsync_dir(dir) == -1) {
		*cause = xasprintf("cannot sync folder %s: %s", dir,
		    strerror(errno));
		rc = -1;
	}
	free(dir);
	free(hdr);
	return rc;
}

/* What is said of a torn last line cut off (a new string). */
static char *
cut_said(const struct journal *j, const char *what, off_t bytes)
{
	return xasprintf("damaged %s cut off (truncated: no end of line; a "
	    "session was stopped while writing it); its %lld bytes are kept "
	    "in %s" JOURNAL_TORN_SUFFIX, what, (long long)bytes, j->path);
}

/*
 * The torn last line replay found: a writer (fd != -1, lock held) cuts it
 * off and says so once; a reader, or a writer that cannot keep a copy,
 * skips it with a warning at every start, as any damage.
 */
static void
torn_warn(struct journal *j, int fd, off_t *size, struct diag *d)
{
	off_t bytes = *size - j->torn_at;
	long line = j->torn_line;
	/* Torn at line 1: a header cut short is all the file holds. */
	const char *what = line == 1 ? "header" : "record";
	char *why = NULL;

	if (fd == -1) {
		diag_add(d, DIAG_WARNING, j->path, line, 0,
		    "damaged %s skipped (truncated: no end of line)", what);
		return;
	}
	if (cut_torn(j, fd, *size, &why) == 0) {
		char *said = cut_said(j, what, bytes);

		diag_add(d, DIAG_WARNING, j->path, line, 0, "%s", said);
		free(said);
		*size = j->known;
	} else
		diag_add(d, DIAG_WARNING, j->path, line, 0, "damaged %s "
		    "skipped (truncated: no end of line; not cut off: %s)",
		    what, why);
	free(why);
}

/* A journal with nothing read yet, not open for writing. */
static struct journal *
new_journal(const char *path)
{
	struct journal *j = xcalloc(1, sizeof *j);

	j->path = xstrdup(path);
	j->fd = -1;
	j->version = JOURNAL_VERSION;
	j->torn_at = -1;
	memcpy(j->tail, CHAIN_START, sizeof j->tail);
	return j;
}

static struct journal *
open_journal(const char *path, bool create, journal_replay_fn replay,
    void *arg, struct diag *d, char **cause)
{
	struct journal *j = new_journal(path);
	char *dir = dir_of(path), *warning = NULL, *fatal = NULL;
	int fd = -1, rfd = -1;
	struct stat st, dst;

	memset(&st, 0, sizeof st);
	j->fault_at = fault_setting();

	/*
	 * The folder that holds the journal (learners/) holds every file
	 * kept for the learner: a link planted there must not lead them
	 * elsewhere either.  (The data folder itself is the user's to place.)
	 */
	if (lstat(dir, &dst) == 0 && S_ISLNK(dst.st_mode)) {
		fatal = xasprintf("%s is a symbolic link; refusing to follow "
		    "it", dir);
		goto fail;
	}
	if (create && make_dirs(dir, &warning) == 0) {
		fd = ownfile_open(path, O_RDWR | O_APPEND | O_CREAT,
		    0600, &fatal);
		if (fd == -1 && (errno == EACCES || errno == EROFS ||
		    errno == ENOENT || errno == ENOTDIR)) {
			/* Not ours to write: read what is there, if anything. */
			warning = xasprintf("cannot write %s: %s", path,
			    strerror(errno));
			free(fatal);
			fatal = NULL;
		} else if (fd == -1)
			goto fail;
	}
	if (fd != -1) {
		rfd = fd;
		lock(fd, LOCK_EX);
	} else {
		rfd = ownfile_open(path, O_RDONLY, 0, &fatal);
		if (rfd == -1 && fatal != NULL)
			goto fail;
		if (rfd == -1 && !create) {
			fatal = xasprintf("%s: no such journal", path);
			goto fail;
		}
		if (rfd != -1)
			lock(rfd, LOCK_SH);
	}

	if (rfd != -1 && fstat(rfd, &st) == -1) {
		fatal = xasprintf("cannot read %s: %s", path, strerror(errno));
		goto fail;
	}
	if (rfd != -1 && st.st_size > 0 &&
	    replay_file(j, rfd, &st.st_size, replay, arg, d, &fatal) == -1)
		goto fail;
	if (j->torn_at >= 0)
		torn_warn(j, fd, &st.st_size, d);
	if (fd != -1) {
		j->fd = fd;
		/* Whoever finds the file empty writes the header. */
		if (st.st_size == 0 && start_file(j, &warning) == -1) {
			j->fd = -1;
			close(fd);
		} else
			lock(fd, LOCK_UN);
	} else if (rfd != -1)
		close(rfd);

	if (warning != NULL) {
		j->fail = warning;
		*cause = xstrdup(warning);
	}
	free(dir);
	return j;

fail:
	if (rfd != -1)
		close(rfd);
	free(warning);
	free(dir);
	*cause = fatal;
	free(j->path);
	free(j);
	return NULL;
}

struct journal *
journal_open(const char *path, journal_replay_fn replay, void *arg,
    struct diag *d, char **cause)
{
	return open_journal(path, true, replay, arg, d, cause);
}

struct journal *
journal_open_readonly(const char *path, journal_replay_fn replay, void *arg,
    struct diag *d, char **cause)
{
	struct journal *j = open_journal(path, false, replay, arg, d, cause);

	if (j != NULL && j->fail == NULL)
		j->fail = xstrdup("journal is open read-only");
	return j;
}

struct journal *
journal_open_buffer(const char *name, const char *buf, size_t size,
    journal_replay_fn replay, void *arg, struct diag *d, char **cause)
{
	struct journal *j = new_journal(name);
	off_t known = (off_t)size;

	if (replay_buffer(j, buf, size, replay, arg, d, cause) == -1) {
		journal_close(j);
		return NULL;
	}
	if (j->torn_at >= 0)
		torn_warn(j, -1, &known, d);
	j->fail = xstrdup("journal is read from memory");
	return j;
}

void
journal_close(struct journal *j)
{
	if (j == NULL)
		return;
	if (j->fd != -1)
		close(j->fd);
	for (int k = 0; k < NOTICES; k++)
		free(j->notice[k]);
	free(j->fail);
	free(j->path);
	free(j);
}

bool
journal_is_writable(const struct journal *j)
{
	return j->fd != -1 && j->fail == NULL;
}

const char *
journal_path(const struct journal *j)
{
	return j->path;
}

/*
 * Another session appended since we last looked (or the file shrank):
 * find the chain's end again by the reader's rule, over the whole file.
 * *kept says whether what we knew is still the file's beginning: a line
 * ends where our last whole line did, and the chain there is ours (FNV
 * over every line: an edit before it shows).  Called with the lock held.
 */
static int
resync_tail(struct journal *j, off_t size, bool *kept, char **failed)
{
	struct strbuf cur = { 0 };
	char buf[8192], prev[9], mark_tail[9];
	off_t at = 0, mark = j->torn_at >= 0 ? j->torn_at : j->known;
	long lineno = 1;
	bool header = true;

	memcpy(mark_tail, j->torn_at >= 0 ? j->torn_prev : j->tail,
	    sizeof mark_tail);
	*kept = false;
	memcpy(j->tail, CHAIN_START, sizeof j->tail);
	strbuf_add(&cur, "", 0);
	while (at < size) {
		ssize_t n = pread(j->fd, buf, sizeof buf, at);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			*failed = xasprintf("cannot read %s: %s", j->path,
			    n == 0 ? "file shrank while locked" :
			    strerror(errno));
			strbuf_destroy(&cur);
			return -1;
		}
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				strbuf_add(&cur, buf + i, 1);
				continue;
			}
			if (!header)
				chain_note(j->tail, cur.s, cur.len);
			header = false;
			cur.len = 0;
			lineno++;
			if (at + i + 1 == mark)
				*kept = memcmp(j->tail, mark_tail, 8) == 0;
		}
		at += n;
	}
	j->torn_at = -1;
	if (!header && cur.len > 0) {
		memcpy(prev, j->tail, sizeof prev);
		chain_note(j->tail, cur.s, cur.len);
		note_torn(j, size - (off_t)cur.len, lineno, prev);
	}
	j->known = size;
	strbuf_destroy(&cur);
	return 0;
}

/*
 * Whether the journal's path still names the file we write (st is its
 * fstat).  A sync tool, a backup restore or an editor can put another file
 * there (rename over it), or someone can remove it, while a session runs;
 * our records would then go to a file no one reads again.  So that is an
 * append failure, said plainly (*failed), not a silent loss; the next
 * start reads whatever the path names then.
 */
static bool
still_at_path(const struct journal *j, const struct stat *st, char **failed)
{
	struct stat now;

	if (lstat(j->path, &now) == 0 && now.st_dev == st->st_dev &&
	    now.st_ino == st->st_ino)
		return true;
	*failed = xasprintf("cannot write %s: it was %s while this session "
	    "ran, so nothing more is saved in this session; what was saved "
	    "before is in the file that was there", j->path,
	    errno == ENOENT ? "removed" : "replaced by another file");
	return false;
}

/* Leave a notice of kind k, unless one was left before. */
static void
notify(struct journal *j, enum notice k, char *msg)
{
	if (j->told[k]) {
		free(msg);
		return;
	}
	j->told[k] = true;
	j->notice[k] = msg;
}

/*
 * The file is not as this session left it (appended to, or kept false:
 * cut, emptied or rewritten).  It goes on, but what it shows is what it
 * read at its start and its own records since.
 */
static void
changed_under_us(struct journal *j, bool kept)
{
	if (kept)
		notify(j, NOTICE_GREW, xasprintf("%s: another session of this "
		    "learner (or a regrade) wrote to it while this one ran; "
		    "every record of both is kept, but this one shows the "
		    "other's only once it is started again", j->path));
	else
		notify(j, NOTICE_CHANGED, xasprintf("%s: records this session "
		    "had read or written are no longer there as they were (the "
		    "file was cut, emptied or rewritten while it ran); it goes "
		    "on saving, but what it shows may not match the file until "
		    "it is started again", j->path));
}

/*
 * The file ends in a torn line (someone died mid-record): cut it off (a
 * copy is kept, and the learner told) or, failing that, never glue ours
 * onto theirs.  Called with the lock held.
 */
static void
end_torn_line(struct journal *j, struct stat *st, struct strbuf *out)
{
	off_t bytes = st->st_size - j->torn_at;
	long line = j->torn_line;
	char *why = NULL, *said;

	if (j->torn_at > 0 && cut_torn(j, j->fd, st->st_size, &why) == 0) {
		st->st_size = j->known;
		said = cut_said(j, "record", bytes);
		notify(j, NOTICE_CUT, xasprintf("%s:%ld: %s", j->path, line,
		    said));
		free(said);
	} else
		strbuf_add(out, "\n", 1);
	free(why);
}

char *
journal_take_notice(struct journal *j)
{
	for (int k = 0; k < NOTICES; k++)
		if (j->notice[k] != NULL) {
			char *msg = j->notice[k];

			j->notice[k] = NULL;
			return msg;
		}
	return NULL;
}

static void
set_cause(char **cause, const char *msg)
{
	if (cause != NULL)
		*cause = xstrdup(msg);
}

int
journal_append(struct journal *j, const char *const *fields, size_t nfields,
    char **cause)
{
	struct strbuf line = { 0 }, out = { 0 };
	char sum[16], last, *failed = NULL, *hdr;
	struct stat st;
	bool moved, kept = false;
	int rc = -1;

	if (j->fail != NULL || j->fd == -1) {
		set_cause(cause, j->fail != NULL ? j->fail : "journal is read-only");
		return -1;
	}
	j->appends++;
	if (j->fault_at != 0 && j->appends >= j->fault_at) {
		j->fail = xasprintf("cannot write %s: %s (%s test hook)",
		    j->path, strerror(ENOSPC), JOURNAL_FAULT_ENV);
		set_cause(cause, j->fail);
		return -1;
	}

	/* The whole line is built first, so it goes out in one write(). */
	strbuf_add(&line, "", 0);
	for (size_t i = 0; i < nfields; i++) {
		if (i > 0)
			strbuf_add(&line, "\t", 1);
		escape_into(&line, fields[i] != NULL ? fields[i] : "");
	}

	lock(j->fd, LOCK_EX);
	strbuf_add(&out, "", 0);
	if (fstat(j->fd, &st) == -1) {
		failed = xasprintf("cannot write %s: %s", j->path,
		    strerror(errno));
		goto out;
	}
	if (!still_at_path(j, &st, &failed))
		goto out;
	if (st.st_size == 0) {
		/* Emptied behind our back: make it a journal again. */
		hdr = header_line();
		strbuf_puts(&out, hdr);
		free(hdr);
		j->version = JOURNAL_VERSION;
		memcpy(j->tail, CHAIN_START, sizeof j->tail);
		changed_under_us(j, false);
	} else if ((moved = st.st_size != j->known) &&
	    resync_tail(j, st.st_size, &kept, &failed) == -1) {
		goto out;
	} else if (pread(j->fd, &last, 1, st.st_size - 1) != 1) {
		failed = xasprintf("cannot read %s: %s", j->path,
		    strerror(errno));
		goto out;
	} else {
		if (moved)
			changed_under_us(j, kept);
		if (last != '\n')
			end_torn_line(j, &st, &out);
	}
	/* The checksum chains to the file's last line, as it is now. */
	snprintf(sum, sizeof sum, "\t%08x\n", journal_record_sum(j->version,
	    j->tail, line.s, line.len));
	strbuf_add(&out, line.s, line.len);
	strbuf_puts(&out, sum);
	if (write_all_once(j, out.s, out.len, &failed) == 0) {
		rc = 0;
		j->known = st.st_size + (off_t)out.len;
		j->torn_at = -1;
		memcpy(j->tail, sum + 1, 8);
	}
out:
	lock(j->fd, LOCK_UN);
	if (failed != NULL) {
		j->fail = failed;
		set_cause(cause, failed);
	}
	strbuf_destroy(&line);
	strbuf_destroy(&out);
	return rc;
}

/* Where a claim's byte lives: beyond 2^40, where no journal ever reaches. */
static off_t
claim_offset(const char *key)
{
	return ((off_t)1 << 40) + (off_t)(journal_fnv1a(key, strlen(key)) &
	    0xffffff);
}

static int
claim_lock(struct journal *j, const char *key, short type)
{
	struct flock fl;

	if (j->fd == -1)
		return 0;
	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = claim_offset(key);
	fl.l_len = 1;
	if (fcntl(j->fd, F_OFD_SETLK, &fl) == 0)
		return 0;
	/* Only a lock held elsewhere refuses; no lock support is no claim. */
	return errno == EAGAIN || errno == EACCES ? -1 : 0;
}

int
journal_claim(struct journal *j, const char *key)
{
	return claim_lock(j, key, F_WRLCK);
}

void
journal_release(struct journal *j, const char *key)
{
	(void)claim_lock(j, key, F_UNLCK);
}
