/*
 * Counting the words a learner reads, and the CE time rules on them.  A
 * word is a run of non-blank characters holding at least one letter or
 * digit, so dashes, bullets and the "[3]" of a citation are not words;
 * figure art is a picture, not words, but its caption and text
 * description are read like any paragraph.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"
#include "words.h"

/* Letters and digits: ASCII, Latin-1 and Latin Extended, Greek. */
static bool
is_wordy(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0x24f &&
	    cp != 0xd7 && cp != 0xf7) || (cp >= 0x370 && cp <= 0x3ff);
}

static bool
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xa0;
}

/* "[12]" at s: its length, else 0.  A citation's number is not a word. */
static size_t
citation_len(const char *s)
{
	size_t i = 1;

	if (s[0] != '[' || s[1] < '0' || s[1] > '9')
		return 0;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	return s[i] == ']' ? i + 1 : 0;
}

static size_t
count(const char *s)
{
	size_t n = 0, len;
	bool counted = false;	/* the word being read was counted */

	if (s == NULL)
		return 0;
	len = strlen(s);
	for (size_t i = 0; i < len;) {
		size_t cite = citation_len(s + i);
		uint32_t cp;
		size_t k;

		if (cite > 0) {
			i += cite;
			continue;
		}
		k = text_utf8_decode(s + i, len - i, &cp);
		i += k;
		if (is_blank(cp)) {
			counted = false;
			continue;
		}
		if (is_wordy(cp) && !counted) {
			n++;
			counted = true;
		}
	}
	return n;
}

static size_t
count_blocks(const struct block *b, size_t n)
{
	size_t words = 0;

	for (size_t i = 0; i < n; i++) {
		words += count(b[i].text);
		words += count(b[i].description);
		words += count_blocks(b[i].children, b[i].nchildren);
	}
	return words;
}

size_t
words_page(const struct page *pg)
{
	return count(pg->title) + count_blocks(pg->blocks, pg->nblocks);
}

size_t
words_lesson(const struct lesson *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->npages; i++)
		n += words_page(&l->pages[i]);
	return n;
}

long
words_read_seconds(const struct page *pg)
{
	long s = (long)(words_page(pg) * 60 * WORDS_READ_PERCENT /
	    (WORDS_PER_MINUTE * 100));

	return s < WORDS_READ_MIN_SECONDS ? WORDS_READ_MIN_SECONDS : s;
}

/* 24310 -> "24,310" (the way the docs and messages write big counts). */
static void
thousands(char *buf, size_t size, size_t n)
{
	if (n >= 1000)
		snprintf(buf, size, "%zu,%03zu", n / 1000, n % 1000);
	else
		snprintf(buf, size, "%zu", n);
}

/*
 * @minutes is within WORDS_MINUTES_SLACK percent of words / 200, or is
 * words / 200 rounded (at least 1), which a short lesson needs because
 * minutes are whole.
 */
static size_t
check_minutes(const struct lesson *l, struct diag *d)
{
	size_t words = words_lesson(l);
	/* Everything in hundredths of a word-minute: minutes * 200 * 100. */
	unsigned long long have = (unsigned long long)l->minutes *
	    WORDS_PER_MINUTE * 100;
	unsigned long long lo = (unsigned long long)words *
	    (100 - WORDS_MINUTES_SLACK);
	unsigned long long hi = (unsigned long long)words *
	    (100 + WORDS_MINUTES_SLACK);
	long rounded = (long)((words + WORDS_PER_MINUTE / 2) /
	    WORDS_PER_MINUTE);
	long min, max;
	char w[32], range[64];

	if (rounded < 1)
		rounded = 1;
	if ((have >= lo && have <= hi) || l->minutes == rounded)
		return 0;
	min = (long)((lo + WORDS_PER_MINUTE * 100 - 1) /
	    (WORDS_PER_MINUTE * 100));
	max = (long)(hi / (WORDS_PER_MINUTE * 100));
	if (min > max)
		min = max = rounded;
	thousands(w, sizeof w, words);
	if (min == max)
		snprintf(range, sizeof range, "%ld minute%s", min,
		    min == 1 ? "" : "s");
	else
		snprintf(range, sizeof range, "%ld to %ld minutes", min, max);
	diag_add(d, DIAG_ERROR, l->path, l->minutes_line, 0, "'@minutes %d' "
	    "does not match the lesson's %s words (at %d words a minute: "
	    "%s)", l->minutes, w, WORDS_PER_MINUTE, range);
	return 1;
}

static size_t
check_hours(const struct course *c, size_t nlessons, struct diag *d,
    FILE *proof)
{
	const struct manifest *m = c->manifest;
	size_t words = 0, ncontent = 0;
	char w[32], need[32], per[32];

	for (size_t i = 0; i < nlessons; i++)
		if (!c->lessons[i]->orientation) {
			words += words_lesson(c->lessons[i]);
			ncontent++;
		}
	thousands(w, sizeof w, words);
	thousands(per, sizeof per, WORDS_PER_CE_HOUR);
	/* hours10 tenths of an hour need hours10 * 1,200 words. */
	thousands(need, sizeof need, (size_t)m->hours10 *
	    (WORDS_PER_CE_HOUR / 10));
	if (words * 10 < (size_t)m->hours10 * WORDS_PER_CE_HOUR) {
		diag_add(d, DIAG_ERROR, m->path, m->hours_line, 0, "'@hours "
		    "%s' needs %s words of content lessons at %s words a CE "
		    "hour; the %zu content lessons hold %s (%zu.%zu hours; "
		    "@orientation lessons do not count)", m->hours, need,
		    per, ncontent, w,
		    words / WORDS_PER_CE_HOUR,
		    words % WORDS_PER_CE_HOUR * 10 / WORDS_PER_CE_HOUR);
		return 1;
	}
	if (proof != NULL)
		fprintf(proof, "%s:%ld: '@hours %s' holds: %zu content "
		    "lessons, %s words, %zu.%zu CE hours at %s words an hour "
		    "(@orientation lessons not counted)\n", m->path,
		    m->hours_line, m->hours, ncontent, w,
		    words / WORDS_PER_CE_HOUR,
		    words % WORDS_PER_CE_HOUR * 10 / WORDS_PER_CE_HOUR, per);
	return 0;
}

size_t
words_check_course(const struct course *c, struct diag *d, FILE *proof)
{
	/* Trailing reference lessons are not the checked files. */
	size_t nlessons = c->nlessons - c->nreference, errors = 0;

	for (size_t i = 0; i < nlessons; i++)
		errors += check_minutes(c->lessons[i], d);
	if (c->manifest != NULL && nlessons > 0)
		errors += check_hours(c, nlessons, d, proof);
	return errors;
}
