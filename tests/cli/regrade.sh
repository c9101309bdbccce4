#!/bin/sh
# --regrade (issue 9 item 9): a learner failed by a bad answer rule is
# graded again once the rule is fixed.  The new verdicts are appended,
# never written over; a second run appends nothing; progress, review, the
# export and the completion use the latest grading; the learner's next
# session says what changed; --all-learners does every journal.
. "$top_srcdir/tests/cli/lib.sh"

good="$SCRATCH/good"
bad="$SCRATCH/bad"
cp -R "$FIXTURE" "$good"
chmod -R u+w "$good"
cp -R "$good" "$bad"
# The bad rule: only the bare "lesser trochanter" is right (still passing
# --check, so a session grades with it).
for f in "$bad/quizzes/99-final.quiz" "$bad/quizzes/01-sample.quiz"; do
	sed -e 's/^@accept (?:on\\s+|at\\s+)?(?:the\\s+)?lesser\\s+trochanter(?:\\s+of\\s+the\\s+femur)?$/@accept lesser\\s+trochanter/' \
	    -e 's/^@example+ [Tt]he lesser trochanter of the femur\.\{0,1\}$/@example+ Lesser Trochanter/' \
	    "$f" >"$f.new" && mv "$f.new" "$f"
done
check "the bad course passes --check" "$TUTOR" --check "$bad"

data="$SCRATCH/data"
journal="$data/learners/ann.journal"
run() { "$TUTOR" --data-dir "$data" --learner ann "$@"; }

# Read both lessons; fail the post-test (2 of 4) on the bad rule; in the
# practice quiz, a right answer refused, then the bare one taken on try 2.
printf '%s\n' 'open sample-one' next next 'open sample-two' next \
    'quiz final' 'the lesser trochanter' 'psoas and iliacus' a true \
    'quiz sample-quiz' 'the lesser trochanter of the femur' \
    'lesser trochanter' skip b skip true skip quit |
    run --course "$bad" >"$SCRATCH/s1" 2>&1
check "the post-test failed on the bad rule" contains "$SCRATCH/s1" "Score: 2 of 4 points (50%)."
check "no completion yet" lacks "$journal" "completion	"

run --course "$bad" --regrade >"$SCRATCH/r0" 2>&1
check "regrading with the same rules changes nothing" \
    contains "$SCRATCH/r0" "ann: nothing changed"
check "and appends nothing" lacks "$journal" "regrade	"

cp "$journal" "$SCRATCH/before"
run --course "$good" --regrade >"$SCRATCH/r1" 2>"$SCRATCH/r1.err"
check "the regrade exits 0" test $? -eq 0
check "it says how many answers changed" \
    contains "$SCRATCH/r1" "ann: 2 answers graded differently, 2 attempts rescored"
check "the post-test answer now right, with the answer" \
    contains "$SCRATCH/r1" 'question 1 (insertion): incorrect -> correct, 0 -> 1 of 1 point: "the lesser trochanter"'
check "and the pass it makes" contains "$SCRATCH/r1" "score 50% -> 75%: FAIL -> PASS"
check "the first try of a practice question now closes it, in full" \
    contains "$SCRATCH/r1" 'question 1 (insertion): correct -> correct, 0.5 -> 1 of 1 point: "the lesser trochanter of the femur"'
check "a score that changes no result says so" \
    contains "$SCRATCH/r1" "still FAIL"
check "nothing on standard error" test ! -s "$SCRATCH/r1.err"
check "every record before is kept byte for byte" \
    sh -c "head -c $(wc -c <"$SCRATCH/before") '$journal' | cmp -s - '$SCRATCH/before'"
check "the new verdicts are appended" contains "$journal" "regrade	"
check "the try after the one now right is superseded" \
    contains "$journal" "superseded	0	1	no	"
check "the attempt's new score is appended" contains "$journal" "pass	"
check "the journal replays without a warning" \
    sh -c "'$TUTOR' --course '$good' --data-dir '$data' --learner ann --progress >/dev/null 2>'$SCRATCH/p.err' && test ! -s '$SCRATCH/p.err'"

lines=$(wc -l <"$journal")
run --course "$good" --regrade >"$SCRATCH/r2" 2>&1
check "a second regrade says nothing changed" contains "$SCRATCH/r2" "ann: nothing changed"
check "and appends nothing" test "$(wc -l <"$journal")" -eq "$lines"

# The learner's next start says it, and records the completion.
printf '%s\n' list review quit | run --course "$good" >"$SCRATCH/s2" 2>&1
tr '\n' ' ' <"$SCRATCH/s2" >"$SCRATCH/s2.flat"
check "the next start says the post-test now passes" \
    contains "$SCRATCH/s2.flat" "Final test now scores 75%, a pass; it was 50%, not a pass."
check "the course is complete now" contains "$SCRATCH/s2" "You have completed the course."
check "list shows the new best" contains "$SCRATCH/s2" "best 75%, passed"
check "review shows the latest grading" \
    contains "$SCRATCH/s2" "Final test: your last attempt scored 75% (passed)."
check "the completion records the regraded score" \
    sh -c "grep '^completion	' '$journal' | grep -q '	score	75	.*	regraded	'"
run --course "$good" --certificate >"$SCRATCH/cert" 2>&1
check "the certificate is there" test $? -eq 0
check "with the regraded score" contains "$SCRATCH/cert" "75%"

printf '%s\n' quit | run --course "$good" >"$SCRATCH/s3" 2>&1
check "the news is said once" lacks "$SCRATCH/s3" "graded again"

run --course "$good" --export csv >"$SCRATCH/x.csv" 2>&1
check "the export shows the try now right" \
    contains "$SCRATCH/x.csv" "the lesser trochanter of the femur,correct,1.000"
check "and the superseded one, earning nothing" \
    contains "$SCRATCH/x.csv" "lesser trochanter,superseded,0.000"
run --course "$good" --export attempts-csv >"$SCRATCH/a.csv" 2>&1
check "the attempts export has the new score" contains "$SCRATCH/a.csv" ",75,yes"
printf '%s\n' due stats quit | run --course "$good" >"$SCRATCH/s4" 2>&1
check "spaced review and stats still work" test $? -eq 0

# A lowered grade never withdraws a completion already recorded.
run --course "$bad" --regrade >"$SCRATCH/r3" 2>&1
check "the bad rule again takes the pass away" \
    contains "$SCRATCH/r3" "score 75% -> 50%: PASS -> FAIL"
run --course "$bad" --certificate >"$SCRATCH/cert2" 2>&1
check "the certificate recorded stands" cmp -s "$SCRATCH/cert" "$SCRATCH/cert2"

# An open attempt is left alone; --all-learners does every journal.
printf '%s\n' 'quiz final' 'the lesser trochanter' quit |
    "$TUTOR" --course "$bad" --data-dir "$data" --learner bo >/dev/null 2>&1
"$TUTOR" --course "$good" --data-dir "$data" --regrade --all-learners \
    >"$SCRATCH/all" 2>&1
check "--all-learners regrades every learner" test $? -eq 0
check "each under its name" contains "$SCRATCH/all" "ann: "
check "an open attempt is left alone" \
    contains "$SCRATCH/all" "final, attempt 1: not finished"

"$TUTOR" --course "$good" --data-dir "$data" --learner nobody --regrade \
    >"$SCRATCH/none" 2>&1
check "a learner without a journal is an error" test $? -eq 1
check "named" contains "$SCRATCH/none" "no learner 'nobody'"
check "and no journal is made" test ! -e "$data/learners/nobody.journal"
done_testing
