/*
 * Ed25519 keys, the canonical fields of a certificate, and the seal that
 * carries them and their signatures at the end of a text or PDF
 * certificate (the contract is in seal.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certfields.h"
#include "journal.h"
#include "ownfile.h"
#include "seal.h"
#include "strbuf.h"
#include "xmalloc.h"

#define SECRET_HEADER "psoas-tutor provider secret key 1"
#define PUBLIC_HEADER "psoas-tutor provider public key 1"
#define SEAL_BEGIN "-----BEGIN PSOAS-TUTOR SEAL-----"
#define SEAL_END "-----END PSOAS-TUTOR SEAL-----"
#define SEAL_MAX_FILE (16L << 20)

static void
need_sodium(void)
{
	/* Only fails when no random source can be had at all. */
	if (sodium_init() < 0) {
		fputs("psoas-tutor: libsodium cannot start\n", stderr);
		abort();
	}
}

/* ---------------------------------------------------------------- keys */

static int
write_new_file(const char *path, mode_t mode, const char *text, char **cause)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, mode);
	size_t len = strlen(text);

	if (fd == -1) {
		*cause = errno == EEXIST ? xasprintf("%s already exists: a "
		    "provider key is never overwritten (certificates it signed "
		    "must stay checkable); move it away first if you mean it",
		    path) : xasprintf("cannot create %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno ? errno : EIO));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return 0;
}

int
seal_keygen(const char *dir, char **cause)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	char pkhex[2 * sizeof pk + 1], skhex[2 * sizeof sk + 1];
	char *secret = xasprintf("%s/%s", dir, SEAL_SECRET_FILE);
	char *public = xasprintf("%s/%s", dir, SEAL_PUBLIC_FILE);
	char *text;
	int rc = -1;

	need_sodium();
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		*cause = xasprintf("cannot create folder %s: %s", dir,
		    strerror(errno));
		goto out;
	}
	if (access(public, F_OK) == 0) {
		*cause = xasprintf("%s already exists: a provider key is never "
		    "overwritten", public);
		goto out;
	}
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
	sodium_bin2hex(skhex, sizeof skhex, sk, sizeof sk);
	text = xasprintf("%s\n%s\n", SECRET_HEADER, skhex);
	rc = write_new_file(secret, 0600, text, cause);
	sodium_memzero(text, strlen(text));
	free(text);
	if (rc == 0) {
		text = xasprintf("%s\n%s\n", PUBLIC_HEADER, pkhex);
		rc = write_new_file(public, 0644, text, cause);
		free(text);
		if (rc != 0)
			unlink(secret);
	}
out:
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(skhex, sizeof skhex);
	free(secret);
	free(public);
	return rc;
}

/* Read a small key file: HEADER\nHEX\n, HEX of exactly len bytes. */
static int
read_key_file(const char *path, const char *header, unsigned char *out,
    size_t len, char **cause)
{
	char buf[512], *nl;
	size_t hlen = strlen(header), got;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);

	if (fd == -1) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 0) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	buf[n] = '\0';
	if ((size_t)n <= hlen || memcmp(buf, header, hlen) != 0 ||
	    buf[hlen] != '\n' || (nl = strchr(buf + hlen + 1, '\n')) == NULL ||
	    (size_t)(nl - buf - hlen - 1) != 2 * len ||
	    sodium_hex2bin(out, len, buf + hlen + 1, 2 * len, NULL, &got,
	    NULL) != 0 || got != len) {
		*cause = xasprintf("%s: not a psoas-tutor key (line 1 must be "
		    "\"%s\", line 2 the key in hex)", path, header);
		sodium_memzero(buf, sizeof buf);
		return -1;
	}
	sodium_memzero(buf, sizeof buf);
	return 0;
}

int
seal_load_secret(const char *dir, struct seal_key *k, char **cause)
{
	char *path = xasprintf("%s/%s", dir, SEAL_SECRET_FILE);
	struct stat st;
	int rc = -1;

	need_sodium();
	memset(k, 0, sizeof *k);
	if (lstat(path, &st) == 0 && (st.st_mode & 077) != 0) {
		*cause = xasprintf("%s: the secret key is readable by others "
		    "(mode %03o); make it 0600 (chmod 600) and consider it "
		    "leaked", path, (unsigned)(st.st_mode & 0777));
		goto out;
	}
	if (read_key_file(path, SECRET_HEADER, k->sk, sizeof k->sk,
	    cause) != 0)
		goto out;
	crypto_sign_ed25519_sk_to_pk(k->pk, k->sk);
	sodium_bin2hex(k->hex, sizeof k->hex, k->pk, sizeof k->pk);
	rc = 0;
out:
	free(path);
	return rc;
}

int
seal_load_public(const char *path, struct seal_key *k, char **cause)
{
	need_sodium();
	memset(k, 0, sizeof *k);
	if (read_key_file(path, PUBLIC_HEADER, k->pk, sizeof k->pk,
	    cause) != 0)
		return -1;
	sodium_bin2hex(k->hex, sizeof k->hex, k->pk, sizeof k->pk);
	return 0;
}

static char *
sign_hex(const struct seal_key *k, const char *s, size_t len)
{
	unsigned char sig[crypto_sign_BYTES];
	char *hex = xmalloc(2 * sizeof sig + 1);

	crypto_sign_detached(sig, NULL, (const unsigned char *)s, len, k->sk);
	sodium_bin2hex(hex, 2 * sizeof sig + 1, sig, sizeof sig);
	return hex;
}

void
seal_certificate(struct certificate *c, const struct seal_key *k)
{
	char *canon = certfields_text(c, k->hex);

	c->signature = sign_hex(k, canon, strlen(canon));
	c->signer = xstrdup(k->hex);
	free(canon);
}

char *
seal_fields(const struct certificate *c, const struct seal_key *k)
{
	return certfields_text(c, k->hex);
}

void
seal_certificate_done(struct certificate *c)
{
	free((char *)c->signature);
	free((char *)c->signer);
	c->signature = c->signer = NULL;
}

/*
 * body (the certificate as drawn) followed by its seal, each seal line
 * behind prefix ("" for text, "%" for a PDF).
 */
static char *
sealed(const char *body, size_t blen, const struct certificate *c,
    const struct seal_key *k, const char *prefix, size_t *len)
{
	struct strbuf b = {0};
	char *canon = certfields_text(c, k->hex), *line, *next, *doc;

	strbuf_add(&b, body, blen);
	if (blen > 0 && body[blen - 1] != '\n')
		strbuf_add(&b, "\n", 1);
	strbuf_addf(&b, "%s%s\n", prefix, SEAL_BEGIN);
	for (line = canon; *line != '\0'; line = next) {
		next = strchr(line, '\n') + 1;
		strbuf_addf(&b, "%s%.*s", prefix, (int)(next - line), line);
	}
	strbuf_addf(&b, "%ssignature: %s\n", prefix, c->signature);
	doc = sign_hex(k, b.s, b.len);
	strbuf_addf(&b, "%sdocument-signature: %s\n%s%s\n", prefix, doc,
	    prefix, SEAL_END);
	free(doc);
	free(canon);
	*len = b.len;
	return strbuf_take(&b);
}

int
seal_write_text(FILE *out, const struct certificate *c,
    const struct seal_key *k)
{
	char *body = NULL, *all;
	size_t blen = 0, len;
	FILE *mem = open_memstream(&body, &blen);
	int rc;

	if (mem == NULL)
		return -1;
	rc = certificate_write_text(mem, c, CERTIFICATE_TEXT_WIDTH);
	if (fclose(mem) != 0 || rc != 0) {
		free(body);
		return -1;
	}
	all = sealed(body, blen, c, k, "", &len);
	rc = fwrite(all, 1, len, out) == len ? 0 : -1;
	free(all);
	free(body);
	return rc;
}

static char *
slurp(const char *path, size_t *len, char **cause)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	char *s;
	size_t got = 0;

	if (fd == -1 || fstat(fd, &st) == -1) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > SEAL_MAX_FILE) {
		*cause = xasprintf("%s: not a certificate (not a regular file "
		    "of at most 16 MiB)", path);
		close(fd);
		return NULL;
	}
	s = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, s + got, (size_t)st.st_size - got);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	s[got] = '\0';
	*len = got;
	return s;
}

int
seal_write_pdf(const char *path, const struct certificate *c,
    const struct seal_key *k, char **cause)
{
	char *body, *all, *tmp;
	size_t blen, len;
	int fd, rc = -1;

	if (certificate_write_pdf(path, c, cause) != 0)
		return -1;
	/* Read back what cairo wrote, seal it, and replace it whole. */
	if ((body = slurp(path, &blen, cause)) == NULL)
		return -1;
	all = sealed(body, blen, c, k, "%", &len);
	tmp = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd == -1 || write(fd, all, len) != (ssize_t)len || fsync(fd) != 0 ||
	    fchmod(fd, 0644) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno ? errno : EIO));
		if (fd != -1)
			unlink(tmp);
	} else {
		rc = 0;
	}
	free(tmp);
	free(all);
	free(body);
	return rc;
}

/* ------------------------------------------------------------- verify */

static bool
verify_hex(const struct seal_key *k, const char *hex, size_t hexlen,
    const char *s, size_t len)
{
	unsigned char sig[crypto_sign_BYTES];
	size_t got;

	if (hexlen != 2 * sizeof sig || sodium_hex2bin(sig, sizeof sig, hex,
	    hexlen, NULL, &got, NULL) != 0 || got != sizeof sig)
		return false;
	return crypto_sign_verify_detached(sig, (const unsigned char *)s, len,
	    k->pk) == 0;
}

bool
seal_fields_valid(const struct seal_key *k, const char *fields,
    const char *signature)
{
	return verify_hex(k, signature, strlen(signature), fields,
	    strlen(fields));
}

/* The parts of a seal, as offsets into the file's text. */
struct seal_parts {
	const char *prefix;	/* "" or "%" */
	struct strbuf canon;	/* field lines without the prefix */
	char *signature;	/* hex, new */
	const char *doc;	/* document-signature hex, in the text */
	size_t doclen;
	size_t signed_len;	/* bytes the document signature covers */
	char *number, *name, *course, *version, *key;	/* new */
	char *reissued;		/* new, or NULL: not a reissue */
};

static char *
line_value(const char *line, size_t len, const char *key)
{
	size_t klen = strlen(key);

	if (len < klen + 2 || memcmp(line, key, klen) != 0 ||
	    line[klen] != ':' || line[klen + 1] != ' ')
		return NULL;
	return journal_unescape(line + klen + 2, len - klen - 2);
}

static const char *
find_seal(const char *s, size_t len, const char **prefix)
{
	static const char *const prefixes[] = { "\n", "\n%" };
	const char *found = NULL;

	for (size_t i = 0; i < 2; i++) {
		char *needle = xasprintf("%s%s\n", prefixes[i], SEAL_BEGIN);
		const char *p = memmem(s, len, needle, strlen(needle));

		if (p == NULL && i == 0 && len >= strlen(needle) - 1 &&
		    memcmp(s, needle + 1, strlen(needle) - 1) == 0)
			p = s - 1;	/* a seal alone, at the very start */
		free(needle);
		if (p != NULL) {
			*prefix = i == 0 ? "" : "%";
			found = p + 1;
			break;
		}
	}
	return found;
}

/* Returns NULL when the seal is whole, or why it is not (static). */
static const char *
parse_seal(const char *s, size_t len, struct seal_parts *sp)
{
	const char *p = find_seal(s, len, &sp->prefix), *end = s + len;
	size_t plen;
	bool ended = false;

	if (p == NULL)
		return "it carries no provider signature";
	plen = strlen(sp->prefix);
	p = strchr(p, '\n') + 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *l = p + plen;
		size_t n;
		char *v;

		if (nl == NULL || (size_t)(nl - p) < plen ||
		    memcmp(p, sp->prefix, plen) != 0)
			return "its seal is damaged";
		n = (size_t)(nl - l);
		if (n == strlen(SEAL_END) && memcmp(l, SEAL_END, n) == 0) {
			ended = nl + 1 == end;
			break;
		}
		if ((v = line_value(l, n, "document-signature")) != NULL) {
			free(v);
			sp->doc = l + strlen("document-signature: ");
			sp->doclen = (size_t)(nl - sp->doc);
			sp->signed_len = (size_t)(p - s);
		} else if ((v = line_value(l, n, "signature")) != NULL) {
			free(sp->signature);
			sp->signature = v;
		} else if (sp->signature != NULL || sp->doc != NULL) {
			return "its seal has lines after its signature";
		} else {
			char **slot = NULL;

			strbuf_add(&sp->canon, l, n + 1);
			if ((v = line_value(l, n, "number")) != NULL)
				slot = &sp->number;
			else if ((v = line_value(l, n, "name")) != NULL)
				slot = &sp->name;
			else if ((v = line_value(l, n, "course")) != NULL)
				slot = &sp->course;
			else if ((v = line_value(l, n, "version")) != NULL)
				slot = &sp->version;
			else if ((v = line_value(l, n, "key")) != NULL)
				slot = &sp->key;
			else if ((v = line_value(l, n, "reissued")) != NULL)
				slot = &sp->reissued;
			if (slot != NULL) {
				free(*slot);
				*slot = v;
			}
		}
		p = nl + 1;
	}
	if (!ended)
		return "its seal is cut short or has something after it";
	if (sp->signature == NULL || sp->doc == NULL || sp->key == NULL ||
	    sp->canon.len < strlen(CERTFIELDS_FORMAT) ||
	    memcmp(sp->canon.s, CERTFIELDS_FORMAT "\n", strlen(CERTFIELDS_FORMAT) + 1) != 0)
		return "its seal is incomplete or of an unknown format";
	return NULL;
}

static const char *
or_none(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "(not stated)";
}

static void
parts_destroy(struct seal_parts *sp)
{
	strbuf_destroy(&sp->canon);
	free(sp->signature);
	free(sp->number);
	free(sp->name);
	free(sp->course);
	free(sp->version);
	free(sp->key);
	free(sp->reissued);
}

int
seal_verify_file(const char *path, const struct seal_key *k, char **report)
{
	struct seal_parts sp = {0};
	const char *why;
	size_t len;
	char *s = slurp(path, &len, report);
	int rc = 1;

	if (s == NULL)
		return -1;
	if ((why = parse_seal(s, len, &sp)) != NULL) {
		*report = xasprintf("%s: NOT VALID: %s", path, why);
	} else if (strcmp(sp.key, k->hex) != 0) {
		*report = xasprintf("%s: NOT VALID: it was signed with another "
		    "key (%.16s...), not the provider's key (%.16s...)", path,
		    sp.key, k->hex);
	} else if (!verify_hex(k, sp.signature, strlen(sp.signature),
	    sp.canon.s, sp.canon.len)) {
		*report = xasprintf("%s: NOT VALID: its fields do not match the "
		    "provider's signature: a field was changed after signing",
		    path);
	} else if (!verify_hex(k, sp.doc, sp.doclen, s, sp.signed_len)) {
		*report = xasprintf("%s: NOT VALID: the certificate was changed "
		    "after signing (its text or drawing differs from what the "
		    "provider signed)", path);
	} else {
		*report = xasprintf("%s: valid: certificate %s for %s, course "
		    "%s version %s, signed by the provider's key %.16s...%s%s",
		    path, or_none(sp.number), or_none(sp.name),
		    or_none(sp.course), or_none(sp.version), k->hex,
		    sp.reissued != NULL ? "; a copy reissued on " : "",
		    sp.reissued != NULL ? sp.reissued : "");
		rc = 0;
	}
	parts_destroy(&sp);
	free(s);
	return rc;
}
