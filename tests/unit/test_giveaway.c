/*
 * Unit tests of the give-away check between questions (src/giveaway.c),
 * as tables: each row is one question that asks and one that may give its
 * answer away, drawn into one post-test or asked one after the other in
 * a practice quiz; the give-aways a reader learns the answer from are
 * warned, and the noise (a common key word, or a right choice's words,
 * met in a sentence about something else) is not.
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

#include "diag.h"
#include "giveaway.h"
#include "quiz.h"
#include "xmalloc.h"

/* The questions that ask: free text keyed on one word, and lettered. */
#define ASK_INSERTION "@question short\n@id asker\n" \
	"@prompt Where does the iliopsoas tendon attach on the femur?\n" \
	"@concept lesser\\s+trochanter\n"
#define ASK_SIDE "@question short\n@id asker\n" \
	"@prompt On which side of the lower psoas major does iliacus lie?\n" \
	"@concept lateral\\w*\n"
#define ASK_ROLE "@question short\n@id asker\n" \
	"@prompt The lesson sums up the massage therapist's role as: " \
	"recognise, stop, and what?\n@concept refer\\w*\n"
#define ASK_ACTION "@question choice\n@id asker\n" \
	"@prompt What does iliacus do?\n@choice* Flexes the hip\n" \
	"@choice Extends the hip\n"
#define ASK_LOCAL "@question multi\n@id asker\n" \
	"@prompt Which of these mean leaving out deep abdominal work while " \
	"other massage goes ahead after clearance?\n" \
	"@choice* Recent abdominal surgery\n@choice A known aneurysm\n"

static const struct row {
	const char *name;
	const char *asker;
	const char *giver;
	bool warned;
} rows[] = {
	{"a sentence stating the keyed fact about its subject", ASK_INSERTION,
	 "@question truefalse\n@id giver\n@prompt True or false: the tendon "
	 "of psoas major ends on the lesser trochanter.\n@answer true\n",
	 true},
	{"a sentence naming the right choice about its subject", ASK_ACTION,
	 "@question truefalse\n@id giver\n@prompt True or false: iliacus "
	 "flexes the hip and never moves the lumbar spine.\n@answer true\n",
	 true},
	{"a step stating the verb the question asks for", ASK_ROLE,
	 "@question order\n@id giver\n@prompt Put these in order.\n"
	 "@step Stop the work\n"
	 "@step Recognise the pattern and refer the client\n"
	 "@step Write down what you saw\n", true},
	{"the key word in a sentence about something else", ASK_SIDE,
	 "@question multi\n@id giver\n@prompt Which nerves leave the lumbar "
	 "plexus?\n@choice* The lateral femoral cutaneous nerve\n"
	 "@choice The sciatic nerve\n", false},
	{"the key's letters inside another word, about something else", ASK_ROLE,
	 "@question truefalse\n@id giver\n@prompt True or false: when you "
	 "check a reference, a wrong volume is strong evidence.\n"
	 "@answer true\n", false},
	{"the right choice's words in a sentence about something else",
	 ASK_ACTION, "@question truefalse\n@id giver\n@prompt True or false: "
	 "a muscle that flexes the hip shortens when the thigh rises.\n"
	 "@answer true\n", false},
	{"the key word and the subject in two different sentences",
	 ASK_SIDE, "@question choice\n@id giver\n@prompt Iliacus fills the "
	 "iliac fossa. A lateral pelvic tilt is common. Which is true?\n"
	 "@choice* Both\n@choice Neither\n", false},
	{"a false statement naming the right choice", ASK_LOCAL,
	 "@question truefalse\n@id giver\n@prompt True or false: after "
	 "recent abdominal surgery, no massage anywhere until clearance.\n"
	 "@answer false\n", false},
	{"a sentence tied to the subject by a function word only", ASK_SIDE,
	 "@question short\n@id giver\n@prompt Which side of the pulse is "
	 "lateral?\n@concept x\n", false},
};

/* Questions that ask, from the shipped practice quizzes. */
#define ASK_MINOR_END "@question short\n@id asker\n" \
	"@prompt Where does psoas minor end, when it is present?\n" \
	"@concept pecten|pelvic\\s+brim|iliopubic\n"
#define ASK_FRONT "@question short\n@id asker\n" \
	"@prompt Which nerve pierces psoas and runs down on its front " \
	"surface?\n@concept genito-?femoral\n"
#define ASK_MOST_LATERAL "@question choice\n@id asker\n" \
	"@prompt Of the femoral nerve, artery and vein just below the " \
	"inguinal ligament, which lies most lateral?\n" \
	"@choice* The femoral nerve\n@choice The femoral vein\n"
#define ASK_ILIACUS_NERVE "@question choice\n@id asker\n" \
	"@prompt Which nerve supplies iliacus?\n" \
	"@choice* The femoral nerve\n@choice The obturator nerve\n"

/*
 * In a practice quiz the giver is answered first, and what it shows
 * after the answer (feedback, explanation) or on request (hints) is read
 * before the asker is asked.  Each giver carries its own explanation.
 */
static const struct row practice_rows[] = {
	{"an explanation stating the later question's key",
	 ASK_MINOR_END, "@question truefalse\n@id giver\n@prompt True or "
	 "false: psoas minor helps to flex the hip.\n@answer false\n"
	 "@explain False. Psoas minor runs from T12-L1 to the pecten pubis, "
	 "ending at the pelvic brim.\n", true},
	{"feedback on a wrong choice stating the later key", ASK_FRONT,
	 "@question choice\n@id giver\n@prompt Which nerve leaves psoas at "
	 "its lateral border?\n@choice* The femoral nerve\n"
	 "@choice The genitofemoral nerve\n@feedback The genitofemoral "
	 "nerve pierces psoas and runs down on its front surface.\n"
	 "@explain The femoral nerve.\n", true},
	{"feedback naming the later right choice", ASK_ILIACUS_NERVE,
	 "@question choice\n@id giver\n@prompt Which nerve supplies psoas "
	 "major?\n@choice* Direct branches of the lumbar plexus\n"
	 "@choice The femoral nerve only\n@feedback The femoral nerve "
	 "supplies iliacus, after it has left psoas.\n@explain Branches of "
	 "the plexus.\n", true},
	{"a hint stating the later key", ASK_MINOR_END,
	 "@question truefalse\n@id giver\n@prompt True or false: psoas "
	 "minor is missing in many people.\n@answer true\n@hint Psoas "
	 "minor stops at the pelvic brim.\n@explain True.\n", true},
	{"the key word in an explanation about something else", ASK_SIDE,
	 "@question truefalse\n@id giver\n@prompt True or false: the thigh "
	 "skin has its own nerve.\n@answer true\n@explain True. The "
	 "lateral femoral cutaneous nerve supplies the outer thigh.\n",
	 false},
	{"the right choice's words in an explanation about something else",
	 ASK_ACTION, "@question truefalse\n@id giver\n@prompt True or "
	 "false: rectus femoris crosses two joints.\n@answer true\n"
	 "@explain True. Rectus femoris flexes the hip and extends the "
	 "knee.\n", false},
	{"a right choice the later question's own prompt names",
	 ASK_MOST_LATERAL, "@question truefalse\n@id giver\n@prompt True or "
	 "false: a nerve lies on the iliopsoas in the groin.\n@answer true\n"
	 "@explain True. The femoral nerve lies on the iliopsoas, beside the "
	 "femoral artery, below the inguinal ligament.\n", false},
	{"the key and the subject in two sentences of an explanation",
	 ASK_MINOR_END, "@question truefalse\n@id giver\n@prompt True or "
	 "false: psoas minor is missing in many people.\n@answer true\n"
	 "@explain True. Psoas minor is absent in about half of people. "
	 "The inguinal ligament runs above the pelvic brim.\n", false},
};

/* Every question is taught by the one lesson; topic is the draw's topic. */
static const char tail[] = "@explain Why.\n@taught sample-one 1\n";

/* The warnings of the check between questions on the quiz text. */
static size_t
warnings_of(char *text)
{
	struct diag d;
	struct quiz *qz;
	size_t n;

	diag_init(&d);
	qz = quiz_parse("t.quiz", text, strlen(text), &d);
	if (d.errors != 0)
		diag_print(&d, stderr);
	assert_non_null(qz);
	assert_int_equal(d.errors, 0);
	giveaway_check_between(qz, &d);
	n = d.warnings;
	quiz_free(qz);
	diag_destroy(&d);
	free(text);
	return n;
}

static size_t
warnings(const struct row *r, const char *draw, const char *topic)
{
	return warnings_of(xasprintf("@quiz t\n@title T\n@lesson none\n"
	    "@kind posttest\n@pass 75\n@tries 1\n%s%s%s%s%s%s%s",
	    draw, r->asker, tail, topic, r->giver, tail, topic));
}

static void
give_aways_are_warned_and_noise_is_not(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t n = warnings(&rows[i], "", "");

		if ((n != 0) != rows[i].warned)
			fail_msg("%s: %zu warnings, expected %s", rows[i].name,
			    n, rows[i].warned ? "one" : "none");
	}
}

static void
questions_never_drawn_together_are_not_warned(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(warnings(&rows[i], "@draw 1 apart\n",
		    "@topic apart\n"), 0);
	/* Drawn two at a time, the pair can meet again. */
	assert_int_equal(warnings(&rows[0], "@draw 2 apart\n",
	    "@topic apart\n"), 1);
}

/*
 * Warnings for a practice quiz asking r's giver before its asker (or
 * after it), drawn or in file order.
 */
static size_t
practice_warnings(const struct row *r, bool giver_first, const char *draw)
{
	static const char taught[] = "@taught sample-one 1\n";

	return warnings_of(xasprintf("@quiz t\n@title T\n"
	    "@lesson sample-one\n@pass 75\n%s%s%s%s%s", draw,
	    giver_first ? r->giver : r->asker, giver_first ? taught : tail,
	    giver_first ? r->asker : r->giver, giver_first ? tail : taught));
}

static void
practice_give_aways_are_warned_and_noise_is_not(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof practice_rows /
	    sizeof practice_rows[0]; i++) {
		const struct row *r = &practice_rows[i];
		size_t n = practice_warnings(r, true, "");

		if ((n != 0) != r->warned)
			fail_msg("%s: %zu warnings, expected %s", r->name, n,
			    r->warned ? "one" : "none");
	}
}

static void
practice_text_after_the_question_gives_nothing_away(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof practice_rows /
	    sizeof practice_rows[0]; i++)
		if (practice_warnings(&practice_rows[i], false, "") != 0)
			fail_msg("%s: warned when asked first",
			    practice_rows[i].name);
	/* A drawn practice quiz asks in any order. */
	assert_int_equal(practice_warnings(&practice_rows[0], false,
	    "@draw 2 sample-one\n"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(give_aways_are_warned_and_noise_is_not),
		cmocka_unit_test(questions_never_drawn_together_are_not_warned),
		cmocka_unit_test(
		    practice_give_aways_are_warned_and_noise_is_not),
		cmocka_unit_test(
		    practice_text_after_the_question_gives_nothing_away),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
