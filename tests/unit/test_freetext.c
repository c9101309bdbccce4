/*
 * Free-text grading by concepts (doc/FORMATS.md "Concepts"): clauses and
 * negation, "or" hedges, @fine remarks, spelling through the real Hunspell
 * dictionaries, the glossary, list parts and the marked-responses parser.
 * Questions come from small quiz files written to a scratch folder and
 * loaded by quiz_load, so the tests grade exactly what a course builds.
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

#include "clause.h"
#include "glossary.h"
#include "grade.h"
#include "grade_text.h"
#include "lexicon.h"
#include "quiz.h"
#include "verdict.h"
#include "responses.h"
#include "scratch.h"
#include "spell.h"

#define HEADER "@quiz t\n@title T\n@lesson none\n@pass 50\n"

static int nfiles;

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/*
 * A quiz of HEADER and body, read with a lexicon of its own words and
 * the glossary text (may be NULL).
 */
static struct quiz *
load(const char *body, const char *glossary, struct lexicon **lx)
{
	char path[64];
	char *text = malloc(strlen(HEADER) + strlen(body) + 1);
	struct diag d;
	struct quiz *q;

	snprintf(path, sizeof path, "%d.quiz", nfiles++);
	strcpy(text, HEADER);
	strcat(text, body);
	write_file(path, text);
	free(text);
	diag_init(&d);
	q = quiz_load(path, &d);
	if (q == NULL)
		diag_print(&d, stderr);
	assert_non_null(q);
	*lx = lexicon_new();
	if (glossary != NULL) {
		assert_int_equal(glossary_parse(&(*lx)->glossary, "glossary",
		    glossary, strlen(glossary), &d), 0);
		lexicon_add_glossary(*lx);
	}
	lexicon_add_quiz(*lx, q);
	for (size_t i = 0; i < q->nquestions; i++)
		q->questions[i].lex = *lx;
	diag_destroy(&d);
	return q;
}


#define CREDITS(q, a) assert_int_equal(verdict(q, a), GRADE_CORRECT)
#define REFUSES(q, a) assert_int_not_equal(verdict(q, a), GRADE_CORRECT)

/* -------------------------------------------------------------- clauses */

static struct span
find(const char *s, const char *term)
{
	const char *p = strstr(s, term);

	assert_non_null(p);
	return (struct span){(size_t)(p - s), (size_t)(p - s) + strlen(term)};
}

static bool
negated(const char *s, const char *term)
{
	return clause_negated(s, strlen(s), find(s, term));
}

static void
negation_reaches_to_the_end_of_its_clause(void **state)
{
	(void)state;
	assert_true(negated("not the greater trochanter", "greater"));
	assert_true(negated("T12 rather than L1", "L1"));
	assert_true(negated("it isn't the femoral", "femoral"));
	assert_true(negated("instead of the femoral", "femoral"));
	assert_true(negated("neither L1 nor L2", "L2"));
	assert_false(negated("T12 rather than L1", "T12"));
	assert_false(negated("not the greater trochanter, the lesser one",
	    "lesser"));
	assert_false(negated("not the femoral but the genitofemoral",
	    "genitofemoral"));
	assert_false(negated("I'm not sure, T12", "T12"));
	assert_false(negated("not sure if it is T12", "T12"));
	assert_false(negated("no fever and night pain", "night"));
	assert_true(negated("I don't think it's T12", "T12"));
	assert_false(negated("no - the lesser trochanter", "lesser"));
	assert_false(negated("no change = refer", "refer"));
	assert_true(negated("not T12-L1", "L1"));
}

static void
alternatives_split_at_or(void **state)
{
	const char *s = "either greater or lesser trochanter";
	struct span alt[4];
	size_t self, n;

	(void)state;
	n = clause_alternatives(s, strlen(s), find(s, "lesser"), alt, 4, &self);
	assert_int_equal(n, 2);
	assert_int_equal(self, 1);
	assert_memory_equal(s + alt[0].start, "greater", 7);
	assert_int_equal(alt[0].end - alt[0].start, 7);
	s = "lesser trochanter";
	assert_int_equal(clause_alternatives(s, strlen(s), find(s, "lesser"),
	    alt, 4, &self), 1);
	s = "T12 or so";
	n = clause_alternatives(s, strlen(s), find(s, "T12"), alt, 4, &self);
	assert_int_equal(n, 2);
	assert_true(clause_is_filler(s, alt[1], false));
	s = "T12 or L1";
	n = clause_alternatives(s, strlen(s), find(s, "T12"), alt, 4, &self);
	assert_false(clause_is_filler(s, alt[1], false));
	assert_true(clause_is_filler(s, alt[1], true));
}

/* ------------------------------------------------------------- concepts */

static const char trochanter[] =
    "@question short\n@prompt Where?\n"
    "@concept (?:lesser|small)\\s+troc\\w*\n"
    "@misconception greater(?:\\s+troc\\w*)?\n"
    "@feedback That is for the gluteals.\n"
    "@fine (?:below|smaller\\s+than)\\s+the\\s+greater(?:\\s+troc\\w*)?\n"
    "@explain E\n@taught a 1\n";

static void
concepts_are_found_anywhere_as_words(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(trochanter, NULL, &lx);

	(void)state;
	CREDITS(q, "lesser trochanter");
	CREDITS(q, "It attaches to the lesser trochanter of the femur.");
	CREDITS(q, "I think the small trochanter because it is on the inside");
	CREDITS(q, "the lesser trochanter, below the greater trochanter");
	CREDITS(q, "lesser trochanter, not the greater");
	REFUSES(q, "unlesser trochanter");
	REFUSES(q, "not the lesser trochanter");
	REFUSES(q, "greater or lesser trochanter");
	REFUSES(q, "lesser or greater");
	REFUSES(q, "the lesser or the greater trochanter, not sure");
	REFUSES(q, "not the lesser but the greater trochanter");
	quiz_free(q);
	lexicon_free(lx);
}

static void
a_restated_alternative_is_no_hedge(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load("@question short\n@prompt Risk?\n"
	    "@concept smok\\w*|tobacco|cigarettes?\n"
	    "@explain E\n@taught a 1\n", NULL, &lx);

	(void)state;
	CREDITS(q, "tobacco use / cigarettes");
	CREDITS(q, "smoking or tobacco use");
	CREDITS(q, "smoking, or so I think");
	REFUSES(q, "smoking or high blood pressure");
	quiz_free(q);
	lexicon_free(lx);
}

/*
 * "X or Y Z" reads X as "X Z" when X names nothing alone, unless Y names
 * the thing both in the words it lends (Z) and in the words it keeps.
 */
static void
a_completed_side_restates_only_through_shared_words(void **state)
{
	struct lexicon *lx, *lo;
	struct quiz *q = load("@question short\n@prompt Which syndrome?\n"
	    "@concept cauda|caudal?\\s+equin\\w*|equina|CES\n"
	    "@explain E\n@taught a 1\n", NULL, &lx);
	struct quiz *o = load("@question short\n@prompt Which kind?\n"
	    "@concept opinions?\n@explain E\n@taught a 1\n", NULL, &lo);

	(void)state;
	CREDITS(q, "cauda equina syndrome");
	REFUSES(q, "conus medullaris or cauda equina syndrome");
	REFUSES(q, "cauda equina or conus medullaris syndrome");
	REFUSES(q, "piriformis or cauda equina syndrome");
	CREDITS(o, "anecdotal / expert opinion");
	CREDITS(o, "expert or personal opinion");
	quiz_free(q);
	quiz_free(o);
	lexicon_free(lx);
	lexicon_free(lo);
}

/* ------------------------------------------------------------- spelling */

static const char nerve[] =
    "@question short\n@prompt Which nerve?\n"
    "@concept femoral\\s+nerve|femoral\n"
    "@concept (?:twelfth|last)\\s+thoracic|T12\n"
    "@explain E\n@taught a 1\n";

static void
misspellings_are_read_as_course_words(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(nerve, NULL, &lx);
	struct grade_result r;

	(void)state;
	if (!spell_load(lx->spell)) {
		print_message("no dictionaries: %s\n", spell_problem(lx->spell));
		skip();
	}
	CREDITS(q, "femoral nerve and T12");
	CREDITS(q, "femural nerve, twelth thoracic");
	grade_answer(&q->questions[0], "femural T12", 11, &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	assert_non_null(strstr(r.message, "femoral (you typed 'femural')"));
	grade_result_destroy(&r);
	/* A correction that decided nothing is not mentioned. */
	grade_answer(&q->questions[0], "femoral T12 nerv", 16, &r);
	assert_null(r.message);
	grade_result_destroy(&r);
	quiz_free(q);
	lexicon_free(lx);
}

static void
a_tie_goes_to_the_word_the_question_names(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load("@question short\n@prompt Which movement?\n"
	    "@concept exten[st]ion\n@hint Not the extensor muscles.\n"
	    "@explain Extension.\n@taught a 1\n", NULL, &lx);

	(void)state;
	if (!spell_load(lx->spell))
		skip();
	/* "extenson" is one edit from "extension" and from "extensor". */
	CREDITS(q, "extenson");
	quiz_free(q);
	lexicon_free(lx);
}

static void
real_words_are_never_changed(void **state)
{
	struct spell *sp = spell_new();
	struct spell_fix *fixes;
	size_t n;
	char *t;

	(void)state;
	spell_add_text(sp, "ilium lateral peroneal trochanter");
	if (!spell_load(sp)) {
		spell_free(sp);
		skip();
	}
	assert_null(spell_correct(sp, "ileum literal perineal", NULL, &fixes, &n));
	t = spell_correct(sp, "trochantor", NULL, &fixes, &n);
	assert_string_equal(t, "trochanter");
	assert_int_equal(n, 1);
	assert_string_equal(fixes[0].typed, "trochantor");
	free(t);
	spell_fixes_free(fixes, n);
	spell_free(sp);
}

static void
preloaded_dictionaries_correct_the_same(void **state)
{
	struct spell *sp = spell_new();
	struct spell_fix *fixes;
	size_t n;
	char *t;

	(void)state;
	spell_add_text(sp, "trochanter");
	spell_preload(sp);
	spell_preload(sp);
	t = spell_correct(sp, "trochantor", NULL, &fixes, &n);
	if (spell_problem(sp) == NULL) {
		assert_true(spell_loaded(sp));
		assert_string_equal(t, "trochanter");
	}
	free(t);
	spell_fixes_free(fixes, n);
	/* Freed while a preload may still run: it is waited for. */
	spell_free(sp);
	sp = spell_new();
	spell_preload(sp);
	spell_free(sp);
}

static void
an_ambiguous_or_far_word_is_left_alone(void **state)
{
	struct spell *sp = spell_new();
	struct spell_fix *fixes;
	size_t n;

	(void)state;
	spell_add_text(sp, "ilium ileum trochanter");
	if (!spell_load(sp)) {
		spell_free(sp);
		skip();
	}
	/* "ilaum" is as near ilium as ileum; "trxxhantor" is too far. */
	assert_null(spell_correct(sp, "ilaum trxxhantor", NULL, &fixes, &n));
	spell_free(sp);
}

static void
a_french_que_ending_is_read_as_c(void **state)
{
	struct spell *sp = spell_new();
	struct spell_fix *fixes;
	size_t n;
	char *out;

	(void)state;
	spell_add_text(sp, "concentric eccentric iliac technical unicorn");
	if (!spell_load(sp)) {
		spell_free(sp);
		skip();
	}
	out = spell_correct(sp, "from concentrique to excentrique, iliaque",
	    NULL, &fixes, &n);
	assert_non_null(out);
	assert_string_equal(out, "from concentric to eccentric, iliac");
	assert_int_equal(n, 3);
	assert_string_equal(fixes[0].typed, "concentrique");
	free(out);
	spell_fixes_free(fixes, n);
	/* Real words ending in "que" stay as typed. */
	assert_null(spell_correct(sp, "technique, unique, oblique", NULL,
	    &fixes, &n));
	spell_free(sp);
}

static void
a_missing_dictionary_corrects_nothing(void **state)
{
	struct spell *sp = spell_new();
	struct spell_fix *fixes;
	size_t n;

	(void)state;
	setenv("PSOAS_TUTOR_DICT_DIR", "/nonexistent", 1);
	spell_add_text(sp, "trochanter");
	assert_null(spell_correct(sp, "trochantor", NULL, &fixes, &n));
	assert_non_null(spell_problem(sp));
	assert_non_null(strstr(spell_problem(sp), "hunspell-en-us"));
	unsetenv("PSOAS_TUTOR_DICT_DIR");
	spell_free(sp);
}

/* ------------------------------------------------------------- glossary */

static void
glossary_terms_become_course_terms(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load("@question short\n@prompt Which two?\n"
	    "@concept umbilicus\n"
	    "@concept anterior\\s+superior\\s+iliac\\s+spine\n"
	    "@explain E\n@taught a 1\n",
	    "# lay terms\nbelly button = umbilicus\nASIS = anterior superior "
	    "iliac spine\nrec fem = rectus femoris\n", &lx);
	char *t;

	(void)state;
	CREDITS(q, "Belly-button and ASIS");
	CREDITS(q, "the ASIS, the belly button");
	REFUSES(q, "belly and ASIS");
	t = glossary_apply(&lx->glossary, "rec fem or recfem", GLOSSARY_ALL);
	assert_string_equal(t, "rectus femoris or recfem");
	free(t);
	assert_null(glossary_apply(&lx->glossary, "basis", GLOSSARY_ALL));
	quiz_free(q);
	lexicon_free(lx);
}

/* Answers with anatomists' abbreviations are graded as read (test_glossary). */
static void
glossary_abbreviations_keep_their_full_stop(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load("@question short\n@prompt Which nerve?\n"
	    "@concept femoral\\s+nerve\n@explain E\n@taught a 1\n",
	    "n. = nerve\na. = artery\n", &lx);

	(void)state;
	CREDITS(q, "the femoral n.");
	CREDITS(q, "femoral n");
	REFUSES(q, "femoral n, not the obturator");
	quiz_free(q);
	lexicon_free(lx);
}

/* ----------------------------------------------------------------- lists */

static const char triad[] =
    "@question list\n@prompt Name the triad.\n@need 3\n"
    "@item fever\n@concept fever|temperature\n"
    "@item back pain\n@concept (?:back|flank)\\s+pain\n"
    "@item limp\n@concept limp\\w*\n"
    "@misconception rash\n@feedback Not part of it.\n"
    "@explain E\n@taught a 1\n";

static void
a_hedge_names_neither_item(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(triad, NULL, &lx);

	(void)state;
	CREDITS(q, "fever, back pain, limp");
	CREDITS(q, "The triad is fever, back or flank pain and a limp.");
	CREDITS(q, "fever, back pain (not always), limping");
	REFUSES(q, "fever or chills, back pain or headache, limp or rash");
	REFUSES(q, "fever, back pain or headache, limp");
	quiz_free(q);
	lexicon_free(lx);
}

static void
wrong_parts_cancel_credited_items(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(triad, NULL, &lx);
	struct grade_result r;
	const char *a = "fever, back pain, limp, rash, headache";

	(void)state;
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_true(r.fraction > 0.33 && r.fraction < 0.34);
	assert_string_equal(r.message, "Items credited: 1 of the 3 needed; "
	    "counted: 'fever', 'back pain', 'limp'; wrong, each cancelling one "
	    "counted: 'rash'; not recognised, each cancelling one counted: "
	    "'headache'.");
	grade_result_destroy(&r);
	quiz_free(q);
	lexicon_free(lx);
}

static void
a_reason_after_the_items_costs_nothing(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(triad, NULL, &lx);

	(void)state;
	CREDITS(q, "fever, back pain, limp, because pus irritates the muscle");
	CREDITS(q, "fever, back pain and a limp, since the psoas is inflamed");
	/* Unrecognised, not a reason: still costs an item. */
	REFUSES(q, "fever, back pain, limp, headache");
	/* A reason holding a known wrong term is a wrong part. */
	REFUSES(q, "fever, back pain, limp, because of a rash");
	quiz_free(q);
	lexicon_free(lx);
}

/* Items that need a word the learner writes once for several parts. */
static const char vessels[] =
    "@question list\n@prompt Name them.\n@need 3\n"
    "@item obturator nerve\n@concept obturator\\s+nerves?\n"
    "@item obturator artery\n@concept obturator\\s+arter(?:y|ies)\n"
    "@item obturator vein\n@concept obturator\\s+veins?\n"
    "@item femoral nerve\n@concept femoral(?:\\s+nerves?)?\n"
    "@misconception sciatic\n@feedback Not there.\n"
    "@explain E\n@taught a 1\n";

static void
list_parts_share_a_word_with_their_neighbours(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(vessels, NULL, &lx);
	struct grade_result r;
	const char *a = "femoral nerve, artery and vein";

	(void)state;
	CREDITS(q, "obturator nerve, artery, vein");
	CREDITS(q, "the obturator nerve, artery and vein");
	CREDITS(q, "obturator artery and vein, femoral nerve");
	CREDITS(q, "femoral and obturator nerves, obturator artery");
	/* Nothing to share: single words name nothing. */
	REFUSES(q, "nerve, artery, vein");
	/* A wrong part lends nothing that names an item. */
	REFUSES(q, "sciatic nerve, artery, vein");
	/* "femoral" lent alone names the femoral nerve: not again. */
	grade_answer(&q->questions[0], a, strlen(a), &r);
	assert_int_equal(r.verdict, GRADE_INCORRECT);
	assert_non_null(strstr(r.message, "not recognised, each cancelling "
	    "one counted: 'artery', 'vein'"));
	grade_result_destroy(&r);
	quiz_free(q);
	lexicon_free(lx);
}

/* ------------------------------------------------------------ responses */

static void
responses_parse_every_mark(void **state)
{
	struct responses *rs;
	struct diag d;

	(void)state;
	write_file("ok.responses", "# marked\n@responses anatomy-quiz\n"
	    "@origin two writers, one marker\n\n@question insertion\n"
	    "@credit lesser trochantor\n@note typo kept\n"
	    "@nocredit greater trochanter\n@question lateral-border\n"
	    "@partial 2 femoral, obturator, LFCN\n");
	diag_init(&d);
	rs = responses_load("ok.responses", &d);
	assert_non_null(rs);
	assert_string_equal(rs->quiz, "anatomy-quiz");
	assert_int_equal(rs->ngroups, 2);
	assert_int_equal(rs->groups[0].n, 2);
	assert_int_equal(rs->groups[0].r[0].mark, MARK_CREDIT);
	assert_string_equal(rs->groups[0].r[0].answer, "lesser trochantor");
	assert_string_equal(rs->groups[0].r[0].note, "typo kept");
	assert_int_equal(rs->groups[1].r[0].mark, MARK_PARTIAL);
	assert_int_equal(rs->groups[1].r[0].items, 2);
	assert_string_equal(rs->groups[1].r[0].answer, "femoral, obturator, LFCN");
	responses_free(rs);
	diag_destroy(&d);
}

static void
responses_errors_name_their_line(void **state)
{
	struct diag d;

	(void)state;
	write_file("bad.responses", "@responses q\n@credit before a question\n"
	    "@question x\n@partial many femoral\n@mark 1\nstray text\n");
	diag_init(&d);
	assert_null(responses_load("bad.responses", &d));
	assert_int_equal(d.errors, 4);
	assert_non_null(strstr(d.msgs[0], "bad.responses:2:1: error:"));
	assert_non_null(strstr(d.msgs[1], "bad.responses:4:"));
	assert_non_null(strstr(d.msgs[2], "bad.responses:5:1: error: unknown "
	    "directive '@mark'"));
	assert_non_null(strstr(d.msgs[3], "bad.responses:6:1: error:"));
	diag_destroy(&d);
}

/* ---------------------------------------------------------------- budget */

static bool
always_stop(void)
{
	return true;
}

static void
a_stop_request_ends_grading_without_a_verdict(void **state)
{
	struct lexicon *lx;
	struct quiz *q = load(trochanter, NULL, &lx);
	struct grade_result r;

	(void)state;
	grade_set_stop_check(always_stop);
	grade_answer(&q->questions[0], "lesser trochanter", 17, &r);
	grade_set_stop_check(NULL);
	assert_int_equal(r.verdict, GRADE_UNGRADABLE);
	assert_string_equal(r.message, "Grading was interrupted, so no try "
	    "was used.");
	grade_result_destroy(&r);
	quiz_free(q);
	lexicon_free(lx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(negation_reaches_to_the_end_of_its_clause),
		cmocka_unit_test(alternatives_split_at_or),
		cmocka_unit_test(concepts_are_found_anywhere_as_words),
		cmocka_unit_test(a_restated_alternative_is_no_hedge),
		cmocka_unit_test(a_completed_side_restates_only_through_shared_words),
		cmocka_unit_test(misspellings_are_read_as_course_words),
		cmocka_unit_test(a_tie_goes_to_the_word_the_question_names),
		cmocka_unit_test(real_words_are_never_changed),
		cmocka_unit_test(preloaded_dictionaries_correct_the_same),
		cmocka_unit_test(an_ambiguous_or_far_word_is_left_alone),
		cmocka_unit_test(a_french_que_ending_is_read_as_c),
		cmocka_unit_test(a_missing_dictionary_corrects_nothing),
		cmocka_unit_test(glossary_terms_become_course_terms),
		cmocka_unit_test(glossary_abbreviations_keep_their_full_stop),
		cmocka_unit_test(a_hedge_names_neither_item),
		cmocka_unit_test(wrong_parts_cancel_credited_items),
		cmocka_unit_test(a_reason_after_the_items_costs_nothing),
		cmocka_unit_test(list_parts_share_a_word_with_their_neighbours),
		cmocka_unit_test(responses_parse_every_mark),
		cmocka_unit_test(responses_errors_name_their_line),
		cmocka_unit_test(a_stop_request_ends_grading_without_a_verdict),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
