/*
 * Unit tests of the word rule (src/words.c): what a learner reads counts,
 * and nothing else: not dashes or bullets, not the [N] of a citation, not
 * figure art; and the least reading time of a page follows its words.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "lesson.h"
#include "words.h"
#include "scratch.h"

static struct lesson *
load(const char *text)
{
	FILE *fp = fopen("t.lesson", "wb");
	struct diag d;
	struct lesson *l;

	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);
	diag_init(&d);
	l = lesson_load("t.lesson", &d);
	assert_int_equal(d.n, 0);
	diag_destroy(&d);
	assert_non_null(l);
	return l;
}

#define HEADER "@lesson t\n@title Not counted\n@topic x\n@minutes 1\n" \
	"@objective Not counted either\n@source s S\n@source t T\n"

static void
words_of_text_count_and_marks_do_not(void **state)
{
	struct lesson *l = load(HEADER "@page Two words\n"
	    "One — two, *three* L2-L4 café [@s][@t] 4.\n"
	    "- • bullet [@s]\n"
	    "@figure Cap tion\n   |  art art  |\n  ---\n@describe Three more "
	    "words.\n@end\n"
	    "@caution Title\nBody [@t] text.\n@end\n");

	(void)state;
	/* 2 title + 6 paragraph + 1 bullet + 2 caption + 3 description
	 * + 1 callout title + 2 callout body. */
	assert_int_equal(words_page(&l->pages[0]), 17);
	assert_int_equal(words_lesson(l), 17);
	lesson_free(l);
}

static void
reading_time_follows_the_words(void **state)
{
	char *text = malloc(8000);
	struct lesson *l;

	(void)state;
	strcpy(text, HEADER "@page P\n");
	for (int i = 0; i < 799; i++)
		strcat(text, i % 20 == 19 ? "w\n" : "w ");
	strcat(text, "[@s][@t]\n@page Q\nShort [@s].\n");
	l = load(text);
	/* 800 words at half of 200 a minute: 120 s; a short page 5 s. */
	assert_int_equal(words_read_seconds(&l->pages[0]), 120);
	assert_int_equal(words_read_seconds(&l->pages[1]), 5);
	lesson_free(l);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_of_text_count_and_marks_do_not),
		cmocka_unit_test(reading_time_follows_the_words),
	};

	return cmocka_run_group_tests(tests, scratch_setup,
	    scratch_teardown);
}
