/*
 * The sending of queued statements with libcurl (sender.h).  Only one
 * sender works at a time: it holds the flock of the sent file, and a
 * second one waits for it.
 */
#include "config.h"

#include <sys/file.h>

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "defaults.h"
#include "lrsfiles.h"
#include "ownfile.h"
#include "send/sender.h"
#include "strbuf.h"
#include "xapi.h"
#include "xmalloc.h"

/* What an answer from the LRS means for the statements sent. */
enum answer { ACCEPTED, TRY_LATER, REFUSED };

/* Answers that say "not now" (timeout, too early, too many requests);
 * every 5xx says so too. */
static const long later_statuses[] = { 408, 425, 429 };

static enum answer
answer_of(long status)
{
	/* 409: the LRS holds these ids already: they arrived before. */
	if ((status >= 200 && status <= 299) || status == 409)
		return ACCEPTED;
	if (status >= 500 && status <= 599)
		return TRY_LATER;
	for (size_t i = 0; i < sizeof later_statuses /
	    sizeof later_statuses[0]; i++)
		if (status == later_statuses[i])
			return TRY_LATER;
	return REFUSED;
}

static size_t
discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/*
 * POST statements[0..n) as one array.  No answer counts as TRY_LATER;
 * otherwise *status gets the HTTP status.  *cause says why when the
 * statements were not accepted.
 */
static enum answer
post(const struct lrs_config *cfg, char **statements, size_t n,
    long *status, char **cause)
{
	struct curl_slist *hdr = NULL;
	struct strbuf body = {0};
	char *url = xasprintf("%sstatements", cfg->endpoint);
	CURL *h = curl_easy_init();
	enum answer a = TRY_LATER;
	CURLcode rc;

	*status = 0;
	strbuf_add(&body, "[", 1);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&body, "%s%s", i > 0 ? "," : "", statements[i]);
	strbuf_add(&body, "]", 1);
	hdr = curl_slist_append(hdr, "Content-Type: application/json");
	hdr = curl_slist_append(hdr, "X-Experience-API-Version: " XAPI_VERSION);
	if (h == NULL) {
		*cause = xstrdup("libcurl could not start");
		goto out;
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)LRS_CONNECT_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)LRS_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	curl_easy_setopt(h, CURLOPT_USERNAME, cfg->key);
	curl_easy_setopt(h, CURLOPT_PASSWORD, cfg->secret);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.s);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)body.len);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK) {
		*cause = xasprintf("%s: %s", url, curl_easy_strerror(rc));
		goto out;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	a = answer_of(*status);
	if (a == TRY_LATER)
		*cause = xasprintf("%s: the LRS answered HTTP %ld", url,
		    *status);
	else if (a == REFUSED)
		*cause = xasprintf("%s: the LRS refused the statements with "
		    "HTTP %ld, which trying again will not change, so they "
		    "are no longer sent by themselves: once the provider has "
		    "corrected the LRS or lrs.conf, 'psoas-tutor --send' sends "
		    "them", url, *status);
out:
	curl_easy_cleanup(h);
	curl_slist_free_all(hdr);
	strbuf_destroy(&body);
	free(url);
	return a;
}

/* The next wait after a failure: doubled, within the bounds. */
static long long
next_delay(long long delay)
{
	if (delay <= 0)
		return LRS_BACKOFF_FIRST;
	return delay * 2 > LRS_BACKOFF_MAX ? LRS_BACKOFF_MAX : delay * 2;
}

/*
 * Send what the queue holds past what was accepted, batch by batch, each
 * accepted batch recorded before the next.
 */
static int
send_queue(const struct lrs_paths *p, const struct lrs_config *cfg,
    bool due_only, size_t *sent, size_t *left, char **cause)
{
	char *text = NULL, **lines = NULL;
	size_t len, n, done;
	long long next, delay, now = (long long)clock_now();
	struct lrs_refusal refusal;
	bool torn, refused;
	int sfd, qfd, rc = LRS_EXIT_WAITING;

	sfd = ownfile_open(p->sent, O_RDWR | O_CREAT | O_APPEND, 0600, cause);
	if (sfd == -1) {
		if (*cause == NULL)
			*cause = xasprintf("%s: %s", p->sent, strerror(errno));
		return LRS_EXIT_WAITING;
	}
	/* Another sender at work: wait for it (bounded by its timeouts),
	 * then send what it left, such as what a session queued as it
	 * ended while that sender had already read the queue. */
	while (flock(sfd, LOCK_EX) != 0)
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", p->sent, strerror(errno));
			close(sfd);
			return LRS_EXIT_WAITING;
		}
	qfd = ownfile_open(p->queue, O_RDONLY, 0, cause);
	if (qfd == -1) {
		close(sfd);
		/* No queue yet: nothing to send. */
		return *cause != NULL ? LRS_EXIT_WAITING : LRS_EXIT_SENT;
	}
	text = lrs_slurp(qfd, &len);
	close(qfd);
	n = lrs_queue_lines(text, len, &lines);
	done = lrs_sent_count(sfd, &torn);
	refused = lrs_refusal_read(p->refused, &refusal);
	lrs_retry_read(p->retry, &next, &delay);
	rc = LRS_EXIT_SENT;
	/* In the background, a refusal or the back-off holds them. */
	if (due_only && done < n && refused) {
		*cause = lrs_refusal_text(&refusal);
		rc = LRS_EXIT_REFUSED;
	} else if (due_only && done < n && now < next)
		rc = LRS_EXIT_WAITING;
	while (rc == LRS_EXIT_SENT && done < n) {
		size_t k = n - done < LRS_BATCH ? n - done : LRS_BATCH;
		enum answer a;
		char count[32];
		long status;
		int w;

		a = post(cfg, lines + done, k, &status, cause);
		if (a == REFUSED) {
			refusal = (struct lrs_refusal){ status, done, now };
			lrs_refusal_write(p->refused, &refusal);
			rc = LRS_EXIT_REFUSED;
			break;
		}
		if (a == TRY_LATER) {
			delay = next_delay(delay);
			lrs_retry_write(p->retry, now + delay, delay);
			rc = LRS_EXIT_WAITING;
			break;
		}
		done += k;
		*sent += k;
		/* After a count torn by a crash, a newline first: a torn
		 * count is a prefix of one whose batch was accepted. */
		w = snprintf(count, sizeof count, "%s%zu\n", torn ? "\n" : "",
		    done);
		torn = false;
		if (lrs_write_all(sfd, count, (size_t)w) != 0) {
			*cause = xasprintf("%s: %s", p->sent, strerror(errno));
			rc = LRS_EXIT_WAITING;
			break;
		}
	}
	if (rc == LRS_EXIT_SENT && done == n) {
		if (delay > 0)
			unlink(p->retry);
		if (refused)
			unlink(p->refused);
	}
	*left = n - done;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(text);
	close(sfd);
	return rc;
}

int
sender_run(const char *data_dir, const char *learner, bool due_only,
    size_t *sent, size_t *left, char **cause)
{
	struct lrs_config cfg;
	struct lrs_paths p;
	int rc;

	*sent = *left = 0;
	if (lrs_config_need(data_dir, &cfg, cause) != 0)
		return LRS_EXIT_WAITING;
	lrs_paths_init(&p, data_dir, learner);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = send_queue(&p, &cfg, due_only, sent, left, cause);
	curl_global_cleanup();
	lrs_paths_destroy(&p);
	lrs_config_destroy(&cfg);
	return rc;
}
