#!/bin/sh
# Issue 9's quoted answers, graded by the shipped course: every answer the
# issue quotes as right (refused before the grading by concepts) is
# credited, and every hedge and guess-list it quotes is refused.  Each is
# a one-line marked-responses file checked with its quiz, so a failure
# names the answer and the rule that decided it.
. "$top_srcdir/tests/cli/lib.sh"

# QUIZ-FILE QUIZ-ID QUESTION MARK ANSWER, one per line (TAB-separated).
cases="$SCRATCH/cases"
tab=$(printf '\t')
cat >"$cases" <<CASES
01-anatomy	anatomy-quiz	iliacus-nerve	credit	Iliacus is supplied by the femoral nerve.
01-anatomy	anatomy-quiz	through-the-front	credit	It's the genitofemoral nerve.
06-contraindications	contraindications-quiz	aaa-risk	credit	Smoking is the strongest risk factor.
01-anatomy	anatomy-quiz	iliacus-nerve	credit	femural nerve
01-anatomy	anatomy-quiz	insertion	credit	lesser trochantor
01-anatomy	anatomy-quiz	highest-level	credit	twelth thoracic
06-contraindications	contraindications-quiz	aaa-risk	credit	smokeing
02-function	function-quiz	lengthening	credit	hip extention
07-self-care	self-care-quiz	hip-extension	credit	hip extention
02-function	function-quiz	lengthening	credit	hip extension, with a slight posterior pelvic tilt
07-self-care	self-care-quiz	hip-extension	credit	hip extension, with a slight posterior pelvic tilt
03-palpation	palpation-quiz	rectus-border	credit	the lateral border of rectus abdominis (the linea semilunaris)
03-palpation	palpation-quiz	halfway-landmarks	credit	belly button and the front point of the hip bone
02-function	function-quiz	thomas-knee	credit	rec fem
06-contraindications	contraindications-quiz	aaa-risk	credit	tobacco use / cigarettes
01-anatomy	anatomy-quiz	highest-level	credit	its the 12th thoracic
01-anatomy	anatomy-quiz	insertion	credit	the lesser trochanter, not the greater trochanter
03-palpation	palpation-quiz	femoral-nerve	credit	the femoral nerve, just lateral to the femoral artery
99-posttest	posttest	iliopsoas-two	credit	psoas major and iliacus; psoas minor is often absent
04-psoas-syndrome	psoas-syndrome-quiz	abscess-triad	nocredit	fever or chills, back pain or headache, limp or rash
06-contraindications	contraindications-quiz	anticoag-risk	nocredit	bleeding or a blood clot
02-function	function-quiz	psoas-actions	nocredit	flexion, extension, side bending, rotation, circumduction
CASES

n=0
while IFS="$tab" read -r file quiz question mark answer; do
	n=$((n + 1))
	printf '@responses %s\n@question %s\n@%s %s\n' "$quiz" "$question" \
	    "$mark" "$answer" >"$SCRATCH/$n.responses"
	if "$TUTOR" --course "$top_srcdir" --check \
	    "$top_srcdir/quizzes/$file.quiz" "$SCRATCH/$n.responses" \
	    >"$SCRATCH/out" 2>&1; then
		ok "$quiz $question: $mark for \"$answer\""
	else
		not_ok "$quiz $question: $mark for \"$answer\"" \
		    "$(grep 'responses' "$SCRATCH/out")"
	fi
done <"$cases"
done_testing
