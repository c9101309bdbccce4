/*
 * xAPI statements from journal records: JSON that stays valid whatever
 * bytes a learner typed (control characters, quotes, backslashes, bytes
 * that are not UTF-8), a strict reader that refuses what is not JSON,
 * SHA-1 and version 5 UUIDs against published values, statement ids
 * that are the same every time, and a statement read back to the very
 * record it came from, exact bytes included.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"
#include "text.h"
#include "uuid.h"
#include "xapi.h"
#include "xmalloc.h"

static char *
quoted(const char *s, size_t len, bool *exact)
{
	struct strbuf b = {0};

	*exact = json_put_string(&b, s, len);
	return strbuf_take(&b);
}

static void
any_bytes_give_valid_json_that_reads_back(void **state)
{
	static const char hostile[] = "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 "
	    "\xe2\x80\xae \xff\xfe\xc3 \xed\xa0\x80 end";
	bool exact;
	char *out = quoted(hostile, sizeof hostile - 1, &exact), *cause = NULL;
	struct json *j;

	(void)state;
	assert_false(exact);
	assert_true(text_utf8_valid(out, strlen(out), NULL));
	for (const char *p = out; *p != '\0'; p++)
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
	j = json_parse(out, strlen(out), &cause);
	assert_non_null(j);
	assert_int_equal(j->type, JSON_STRING);
	/* Valid parts come back byte for byte; each bad byte is U+FFFD. */
	assert_string_equal(j->s, "a\"b\\c\n\t\x01\x1f\x7f \xc3\xa9 "
	    "\xe2\x80\xae \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd end");
	json_free(j);
	free(out);
	out = quoted("caf\xc3\xa9", 5, &exact);
	assert_true(exact);
	assert_string_equal(out, "\"caf\xc3\xa9\"");
	free(out);
}

static void
the_reader_refuses_what_is_not_json(void **state)
{
	static const char *bad[] = {
		"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", "-",
		"\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\u0000\"",
		"\"a\nb\"", "\"\xff\"", "[1] 2", "{\"a\":1,\"a\":2}", "tru",
		"\"unterminated", "{1:2}",
	};
	char deep[2 * (JSON_MAX_DEPTH + 2) + 1];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *cause = NULL;
		struct json *j = json_parse(bad[i], strlen(bad[i]), &cause);

		if (j != NULL)
			fail_msg("accepted %s", bad[i]);
		assert_non_null(cause);
		assert_non_null(strstr(cause, "byte "));
		free(cause);
	}
	memset(deep, '[', JSON_MAX_DEPTH + 2);
	memset(deep + JSON_MAX_DEPTH + 2, ']', JSON_MAX_DEPTH + 2);
	deep[sizeof deep - 1] = '\0';
	{
		char *cause = NULL;

		assert_null(json_parse(deep, strlen(deep), &cause));
		assert_non_null(strstr(cause, "nested too deeply"));
		free(cause);
	}
}

static void
the_reader_reads_objects_numbers_and_surrogates(void **state)
{
	static const char text[] = " {\"n\": -1.5e2, \"s\": \"\\u00e9\\ud83d"
	    "\\ude00\\/\", \"a\": [true, false, null, {}], \"z\": 0} ";
	char *cause = NULL;
	struct json *j = json_parse(text, strlen(text), &cause);
	const struct json *a;

	(void)state;
	assert_non_null(j);
	assert_true(json_get(j, "n")->num == -150.0);
	assert_string_equal(json_get_string(j, "s"), "\xc3\xa9\xf0\x9f\x98\x80/");
	a = json_get(j, "a");
	assert_int_equal(a->n, 4);
	assert_int_equal(a->items[0]->type, JSON_TRUE);
	assert_int_equal(a->items[3]->type, JSON_OBJECT);
	assert_null(json_get(j, "missing"));
	assert_null(json_get_string(j, "n"));
	json_free(j);
}

static void
sha1_and_uuid5_match_published_values(void **state)
{
	unsigned char md[20];
	char hex[41], id[UUID_TEXT_LEN + 1];
	static const char million[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	(void)state;
	uuid_sha1("abc", 3, md);
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	assert_string_equal(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
	uuid_sha1(million, strlen(million), md);	/* two blocks */
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	assert_string_equal(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	/* RFC 9562's DNS namespace and the name "python.org". */
	assert_int_equal(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	    "python.org", 10, id), 0);
	assert_string_equal(id, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	assert_int_equal(uuid_v5("not-a-uuid", "x", 1, id), -1);
}

static const struct xapi_course course = {
	.site = "https://ce.example.org", .course = "sample-ce",
	.version = "3.1", .digest = "3b70be05a42ad34c5572edddefe16991"
	"fff8cb5e17ac135cd755f63936543aa4",
	.iri = "https://ce.example.org/courses/sample-ce",
	.posttest = "final", .learner_edition = true,
};

/* The statements of a few records, fed to a fresh converter. */
static void
convert(struct xapi *x, const char *learner)
{
	static const char *const page[] = { "page", "1796000580",
		"sample one", "1", "2" };
	static const char *const draw[] = { "quiz-draw", "1796001120",
		"final", "1796001120-1-1", "2", "00000000000000ff",
		"insertion parts" };
	static const char *const answer[] = { "answer", "1796001240", "final",
		"1796001120-1-1", "0", "insertion", "1", "correct", "1", "1",
		"0", "lesser \"tro\xff\"\\chanter" };

	xapi_init(x, &course, learner);
	xapi_add_record(x, page, 5);
	xapi_add_record(x, draw, 7);
	xapi_add_record(x, answer, 12);
}

/*
 * result.score is written as the journal writes points: fixed point,
 * never an exponent (%.6g once gave 1.5e+06), and no score at all from
 * points that are not the journal's form or not within 0..max.
 */
static void
a_score_is_written_in_the_journals_form_or_not_at_all(void **state)
{
	static const struct {
		const char *points, *max, *want;
	} cases[] = {
		{"0.5", "3", "\"score\":{\"raw\":0.5,\"min\":0,\"max\":3,"
		    "\"scaled\":0.166667}"},
		{"2", "3", "\"raw\":2,\"min\":0,\"max\":3,\"scaled\":0.666667}"},
		{"1500000", "3000000", "\"raw\":1500000,\"min\":0,\"max\":"
		    "3000000,\"scaled\":0.5}"},
		{"0.000001", "1", "\"raw\":0.000001,\"min\":0,\"max\":1,"
		    "\"scaled\":0.000001}"},
		{"1e2", "100", NULL},
		{"2", "1", NULL},
		{"-1", "1", NULL},
		{"0", "0", NULL},
		{"", "1", NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *const answer[] = { "answer", "1796001240",
			"sample-quiz", "1796001120-1-1", "0", "insertion", "1",
			"partial", cases[i].points, cases[i].max, "0", "text" };
		struct xapi x;

		xapi_init(&x, &course, "erin");
		xapi_add_record(&x, answer, 12);
		assert_int_equal(x.n, 1);
		assert_non_null(strstr(x.statements[0], "\"success\":false"));
		if (cases[i].want == NULL)
			assert_null(strstr(x.statements[0], "\"score\""));
		else if (strstr(x.statements[0], cases[i].want) == NULL)
			fail_msg("%s of %s: %s", cases[i].points, cases[i].max,
			    x.statements[0]);
		xapi_destroy(&x);
	}
}

static void
statement_ids_are_stable_and_per_learner(void **state)
{
	struct xapi a, b, c;
	char *cause = NULL;

	(void)state;
	convert(&a, "erin");
	convert(&b, "erin");
	convert(&c, "mallory");
	assert_int_equal(a.n, 4);	/* page, lesson attempted, quiz, answer */
	for (size_t i = 0; i < a.n; i++) {
		struct json *j = json_parse(a.statements[i],
		    strlen(a.statements[i]), &cause);
		const char *id = json_get_string(j, "id");

		assert_non_null(j);
		assert_string_equal(a.statements[i], b.statements[i]);
		assert_int_equal(strlen(id), UUID_TEXT_LEN);
		assert_int_equal(id[14], '5');
		assert_null(strstr(c.statements[i], id));
		for (size_t k = 0; k < i; k++)
			assert_null(strstr(a.statements[k], id));
		json_free(j);
	}
	xapi_destroy(&a);
	xapi_destroy(&b);
	xapi_destroy(&c);
}

static void
an_answer_reads_back_to_its_record_exact_bytes_and_all(void **state)
{
	struct xapi x;
	struct json *st;
	char *f[XAPI_MAX_FIELDS], *why = NULL, *cause = NULL;
	size_t n;

	(void)state;
	convert(&x, "erin");
	st = json_parse(x.statements[3], strlen(x.statements[3]), &cause);
	assert_non_null(st);
	/* A learner edition's post-test is graded by the provider only. */
	assert_null(strstr(x.statements[3], "\"success\""));
	assert_null(strstr(x.statements[3], "\"score\""));
	assert_non_null(strstr(x.statements[3], "\"response\":\"lesser "
	    "\\\"tro\\ufffd\\\"\\\\chanter\""));
	assert_int_equal(xapi_statement_record(&course, "erin", st, f, &n,
	    &why), 0);
	assert_int_equal(n, 12);
	assert_string_equal(f[0], "answer");
	assert_string_equal(f[1], "1796001240");
	assert_string_equal(f[5], "insertion");
	assert_string_equal(f[11], "lesser \"tro\xff\"\\chanter");
	for (size_t i = 0; i < n; i++)
		free(f[i]);
	/* Another learner's statement, or another course's, is refused. */
	assert_int_equal(xapi_statement_record(&course, "mallory", st, f, &n,
	    &why), -1);
	assert_non_null(strstr(why, "actor"));
	free(why);
	json_free(st);
	/* The page's lesson id has a space: percent-encoded and back. */
	st = json_parse(x.statements[0], strlen(x.statements[0]), &cause);
	assert_non_null(strstr(x.statements[0], "/lessons/sample%20one/"
	    "pages/1\""));
	assert_int_equal(xapi_statement_record(&course, "erin", st, f, &n,
	    &why), 0);
	assert_int_equal(n, 5);
	assert_string_equal(f[2], "sample one");
	for (size_t i = 0; i < n; i++)
		free(f[i]);
	json_free(st);
	xapi_destroy(&x);
}

static void
timestamps_round_trip_in_utc(void **state)
{
	char ts[32];

	(void)state;
	xapi_timestamp(1796000580, ts);
	assert_string_equal(ts, "2026-11-30T01:03:00Z");
	assert_int_equal(xapi_parse_timestamp(ts), 1796000580);
	assert_int_equal(xapi_parse_timestamp("2026-11-30T01:03:00+01:00"),
	    -1);
	assert_int_equal(xapi_parse_timestamp("yesterday"), -1);
	assert_int_equal(xapi_parse_timestamp(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(any_bytes_give_valid_json_that_reads_back),
		cmocka_unit_test(the_reader_refuses_what_is_not_json),
		cmocka_unit_test(the_reader_reads_objects_numbers_and_surrogates),
		cmocka_unit_test(sha1_and_uuid5_match_published_values),
		cmocka_unit_test(statement_ids_are_stable_and_per_learner),
		cmocka_unit_test(a_score_is_written_in_the_journals_form_or_not_at_all),
		cmocka_unit_test(an_answer_reads_back_to_its_record_exact_bytes_and_all),
		cmocka_unit_test(timestamps_round_trip_in_utc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
