#!/bin/sh
# Flagging a verdict (issue 9 item 10): 'flag [REASON]' right after an
# answer is graded, in a quiz, in practice, and once a quiz has ended on
# it; no try used; recorded; shown by review; gathered by --flagged for
# the instructor as marked responses whose placeholder --check refuses.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
run() { "$TUTOR" --course "$FIXTURE" --data-dir "$data" "$@"; }
esc=$(printf '\033')

# ann: a wrong try flagged with a reason carrying an escape sequence,
# then the last question of the post-test flagged once the test ended.
printf '%s\n' 'quiz sample-quiz' flag 'the femur bump' \
    "flag I meant the lesser one ${esc}[31mred" 'lesser trochanter' \
    skip b skip true skip \
    'quiz final' 'lesser trochanter' 'psoas and iliacus' b false \
    'flag the lesson says lumbar' review quit |
    run --learner ann >"$SCRATCH/ann" 2>&1
journal="$data/learners/ann.journal"
check "flag before any verdict has nothing to flag" \
    contains "$SCRATCH/ann" "There is no verdict to flag yet for this question"
check "a flag is acknowledged" \
    contains "$SCRATCH/ann" 'Flagged for your instructor: your answer "the femur bump", graded'
check "and uses no try: the second try is still there" \
    contains "$SCRATCH/ann" "Try again (1 try left) or type skip."
check "the flag is recorded with the try and reason" \
    contains "$journal" "	insertion	1	incorrect	the femur bump	I meant the lesser one ${esc}[31mred	"
check "flag right after the quiz ended flags its last verdict" \
    contains "$journal" "	lumbar	1	incorrect	false	the lesson says lumbar	"
check "review shows the flag, its escape made harmless" \
    contains "$SCRATCH/ann" 'You flagged the verdict on try 1 (incorrect): I meant the lesser one \x1b[31mred'
check "no raw escape reaches the terminal" lacks "$SCRATCH/ann" "$esc"

# After any other command there is nothing to flag any more.
printf '%s\n' list 'flag too late' quit | run --learner ann >"$SCRATCH/late" 2>&1
check "a flag long after the verdict is refused" \
    contains "$SCRATCH/late" "Nothing to flag yet"

# cy: an answer that uses no try (a letter out of range) is no verdict:
# 'flag' then names none, never the question before's.
printf '%s\n' 'quiz sample-quiz' 'lesser trochanter' 'psoas major, iliacus' \
    z flag leave 'practice sample-quiz' 'lesser trochanter' \
    'psoas major, iliacus' z 'flag wrong' leave quit |
    run --learner cy >"$SCRATCH/cy" 2>&1
check "flag after an answer that used no try says there is no verdict yet" \
    test "$(grep -c 'There is no verdict to flag yet for this question' "$SCRATCH/cy")" -eq 2
check "and flags nothing: not the question before" \
    sh -c "! grep -q '^flag' '$data/learners/cy.journal'"

# bo: the same wrong answer flagged, and one in practice.
printf '%s\n' 'quiz sample-quiz' 'the femur bump' 'flag' leave \
    'practice sample-quiz' 'psoas minor' 'flag iliacus and psoas are right' \
    leave quit | run --learner bo >"$SCRATCH/bo" 2>&1
check "practice takes a flag too" \
    contains "$data/learners/bo.journal" "flag	"

lines=$(wc -l <"$journal")
run --flagged --all-learners >"$SCRATCH/report" 2>"$SCRATCH/report.err"
check "--flagged --all-learners exits 0" test $? -eq 0
check "it counts the answers and learners" \
    contains "$SCRATCH/report" "flagged answers from 2 learners"
check "it names the responses file of each quiz" \
    contains "$SCRATCH/report" "# quizzes/01-sample.responses (@responses sample-quiz)"
check "an answer flagged by two learners is listed once" \
    test "$(grep -c '^@unmarked the femur bump$' "$SCRATCH/report")" -eq 1
check "with each learner's reason" \
    contains "$SCRATCH/report" '# flagged by ann ('
check "a flag without a reason says so" contains "$SCRATCH/report" "no reason given"
check "the learner's escape is escaped" lacks "$SCRATCH/report" "$esc"
check "a practice flag is marked as practice" \
    contains "$SCRATCH/report" "(practice, try 1, graded"
check "a true/false question is listed as comments only" \
    contains "$SCRATCH/report" "# question lumbar (truefalse)"
check "the report changes no journal" test "$(wc -l <"$journal")" -eq "$lines"

# Pasted into the quiz's responses unmarked, --check refuses it.
course="$SCRATCH/course"
cp -R "$FIXTURE" "$course"
chmod -R u+w "$course"
{
	echo "@responses sample-quiz"
	sed -n '/^# quizzes\/01-sample.responses/,/^$/p' "$SCRATCH/report" |
	    grep -v '^# quizzes'
} >"$course/quizzes/01-sample.responses"
"$TUTOR" --check "$course" >"$SCRATCH/check" 2>&1
check "--check fails on an unmarked response" test $? -eq 1
check "naming the line and what to do" \
    grep -q "01-sample.responses:[0-9]*:1: error: response not marked yet" "$SCRATCH/check"
# Marked, it passes the parser (and is graded like any other response).
sed -e 's/^@unmarked /@nocredit /' "$course/quizzes/01-sample.responses" \
    >"$SCRATCH/marked" && mv "$SCRATCH/marked" "$course/quizzes/01-sample.responses"
"$TUTOR" --check "$course" >"$SCRATCH/check2" 2>&1
check "marked, --check accepts it" test $? -eq 0

run --learner ann --flagged >"$SCRATCH/own" 2>&1
check "--flagged alone reports the learner's own flags" \
    contains "$SCRATCH/own" "from 1 learner."
done_testing
