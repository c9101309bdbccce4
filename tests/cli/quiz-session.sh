#!/bin/sh
# A scripted quiz sitting on the fixture course's sample-quiz: hints, a
# misconception, partial answers, retries, a skip, repeat and help, then
# the post-test `final` (verdicts only, a review without answers), with
# the whole output compared to tests/data/expected/quiz-session.out and
# every graded try checked in the journal; then a retake, leaving and
# resuming (also after a wrong try), and answers the grader refuses.
. "$top_srcdir/tests/cli/lib.sh"


expected="$top_srcdir/tests/data/expected/quiz-session.out"

# The REPL's own banner comes before "quiz": compare from the quiz on.
from_quiz() { sed -n '/^Sample practice quiz$/,$p' "$1"; }

# 1. A whole sitting.  Points: q1 right on try 2 after a hint (1 - 25% -
# 50% = 0.25), q2 right on try 2 (0.5), q3 skipped after its only hint
# (0), q4 half right on
# both tries (0.5 x 50% = 0.25), q5 right (1), q6 wrong twice (0): 2 of 6.
# Then the post-test: q1 a misconception, q2 a misconception after a
# hint, q3 skipped, q4 right: 1 of 4.
session "$SCRATCH/s1" --learner ana --width 72 <<'EOF'
quiz sample-quiz
hint
not the lesser but the greater trochanter
lesser trochanter
psoas major
repeat
psoas major, iliacus
help
hint
hint
skip
a
a
true
a b c d
a b c d
quiz final
greater trochanter
hint
psoas minor and iliacus
skip
true
quit
EOF
check "a sitting ends with status 0" test $? -eq 0
from_quiz "$SCRATCH/s1" >"$SCRATCH/s1.quiz"
same "the whole sitting prints what the expected file says" \
    "$expected" "$SCRATCH/s1.quiz"
check "the score line adds up hint, retry and partial costs" \
    contains "$SCRATCH/s1" "Score: 2 of 6 points (33%)."
check "2 of 6 is a fail against a 75% pass mark" \
    contains "$SCRATCH/s1" "FAIL (pass mark 75%)."
check "nothing goes to stderr" test ! -s "$SCRATCH/s1.err"

# Every graded try is in the journal, in order: a "try" for each that
# left a try to go (earning 0), an "answer" for each that closed its
# question.  Fields: type, question, try, verdict, points, hints, answer.
awk -F '\t' '$1 == "try" || $1 == "answer" {
	print $1, $6, $7, $8, $9, $11, $12 }' \
    "$SCRATCH/data/learners/ana.journal" >"$SCRATCH/tries"
cat >"$SCRATCH/tries.want" <<'EOF'
try insertion 1 incorrect 0 1 not the lesser but the greater trochanter
answer insertion 2 correct 0.25 1 lesser trochanter
try parts 1 partial 0 0 psoas major
answer parts 2 correct 0.5 0 psoas major, iliacus
answer action 1 skipped 0 1 
try nerves 1 partial 0 0 a
answer nerves 2 partial 0.25 0 a
answer lumbar 1 correct 1 0 true
try palpate 1 incorrect 0 0 a b c d
answer palpate 2 incorrect 0 0 a b c d
answer insertion 1 incorrect 0 0 greater trochanter
answer parts 1 incorrect 0 1 psoas minor and iliacus
answer action 1 skipped 0 0 
answer lumbar 1 correct 1 0 true
EOF
same "every graded try is recorded; the one closing a question as an answer" \
    "$SCRATCH/tries.want" "$SCRATCH/tries"

# The post-test gives nothing away, during the quiz or in its review.
sed -n '/^Final test$/,$p' "$SCRATCH/s1" >"$SCRATCH/post"
check "the post-test says the verdicts" \
    test "$(grep -c '^Not correct\.$' "$SCRATCH/post")" -eq 2
check "the post-test shows no right answer" lacks "$SCRATCH/post" "The answer"
check "nor an explanation" lacks "$SCRATCH/post" "Why:"
check "nor a misconception's feedback" lacks "$SCRATCH/post" "gluteal"
check "nor points per question while it is sat" \
    sh -c "! sed '/^Review:/,\$d' '$SCRATCH/post' | grep -q 'Points:'"
check "its review gives points and how many items were missing, not which" \
    sh -c "grep -q '^  Points: 0 of 1\.' '$SCRATCH/post' && grep -q 'Missing: 2 more of the 2 items needed' '$SCRATCH/post'"
check "nor the answer in any words" lacks "$SCRATCH/post" "lesser trochanter"
check "its review gives the learner's answer" \
    contains "$SCRATCH/post" "  Your answer: psoas minor and iliacus"
check "and where each missed question is taught" \
    test "$(grep -c '^  See lesson sample-' "$SCRATCH/post")" -eq 3

# 2. "quiz sample-quiz" again: a finished attempt is retaken from the start.
session "$SCRATCH/s2" --learner ana --width 72 <<'EOF'
quiz sample-quiz
The lesser trochanter of the femur.
iliacus, psoas
b
c a
TRUE
b,a,d,c
EOF
check "a retake starts at question 1" \
    contains "$SCRATCH/s2" "Question 1 of 6 (1 point)"
check "a retake is not a resume" lacks "$SCRATCH/s2" "Resuming"
check "every answer right scores 100%" \
    contains "$SCRATCH/s2" "Score: 6 of 6 points (100%)."
check "and passes" contains "$SCRATCH/s2" "PASS (pass mark 75%)."
check "with nothing to review" lacks "$SCRATCH/s2" "Review:"

# 3. leave mid-quiz; the next session resumes at the same question.
session "$SCRATCH/s3" --learner carol --width 72 <<'EOF'
quiz sample-quiz
lesser trochanter
leave
EOF
check "leave says where the learner stopped" \
    contains "$SCRATCH/s3" "You left Sample practice quiz at question 2 of 6."
session "$SCRATCH/s4" --learner carol --width 72 <<'EOF'
quiz sample-quiz
EOF
check "a new session resumes at that question" \
    contains "$SCRATCH/s4" "Resuming Sample practice quiz at question 2 of 6."
check "and asks it" contains "$SCRATCH/s4" "Question 2 of 6 (1 point)"
check "end of input in a quiz leaves it too" \
    contains "$SCRATCH/s4" "You left Sample practice quiz at question 2 of 6."
session "$SCRATCH/s5" --learner carol --width 72 <<'EOF'
quiz sample-quiz
psoas major, iliacus
b
a c
true
b a d c
EOF
check "the resumed attempt keeps the answer from the first session" \
    contains "$SCRATCH/s5" "Score: 6 of 6 points (100%)."

# 3b. Leaving after a wrong try: the question is asked again on resume,
# with the try and the hint already used still counted (and the hint
# shown again), so leaving never buys a fresh try.
session "$SCRATCH/s3b" --learner gil --width 72 <<'EOF'
quiz sample-quiz
hint
greater trochanter
leave
EOF
check "leaving after a wrong try stays at that question" \
    contains "$SCRATCH/s3b" "You left Sample practice quiz at question 1 of 6."
session "$SCRATCH/s4b" --learner gil --width 72 <<'EOF'
quiz sample-quiz
greater trochanter
EOF
check "the resumed question says a try is used" \
    contains "$SCRATCH/s4b" "You have used 1 of your 2 tries at it."
check "and shows the hint already paid for" \
    contains "$SCRATCH/s4b" "Hint 1 of 2: It is the smaller of the two trochanters."
check "so a second wrong answer is the last try" \
    contains "$SCRATCH/s4b" "The answer: lesser trochanter"
awk -F '\t' '$1 == "try" || $1 == "answer" { print $1, $6, $7, $11 }' \
    "$SCRATCH/data/learners/gil.journal" >"$SCRATCH/gil"
printf 'try insertion 1 1\nanswer insertion 2 1\n' >"$SCRATCH/gil.want"
same "the tries go on counting across sittings" "$SCRATCH/gil.want" "$SCRATCH/gil"

# 4. Answers the grader will not grade use no try and the session goes on.
printf 'quiz sample-quiz\n\377\376 trochanter\n' >"$SCRATCH/bad.in"
awk 'BEGIN { s = ""; for (i = 0; i < 2000; i++) s = s "x"; print s }' \
    >>"$SCRATCH/bad.in"
printf 'greater trochanter\nlesser trochanter\n' >>"$SCRATCH/bad.in"
session "$SCRATCH/s6" --learner dora --width 72 <"$SCRATCH/bad.in"
check "a session with refused answers ends with status 0" test $? -eq 0
n=$(grep -c "No try was used: please answer again." "$SCRATCH/s6")
check "invalid UTF-8 and a 2000-byte answer are both refused" test "$n" -eq 2
check "the refusal says why" contains "$SCRATCH/s6" "UTF-8"
check "neither used a try: a wrong answer still leaves one" \
    contains "$SCRATCH/s6" "Try again (1 try left) or type skip."
check "and the next answer is graded" \
    contains "$SCRATCH/s6" "Question 2 of 6 (1 point)"

# 5. A journal that cannot grow (a file-size limit stands in for a full
# disk): the learner is warned once per sitting and both sittings finish.
right='lesser trochanter
psoas major, iliacus
b
a c
true
b a d c'
printf 'quiz sample-quiz\n%s\nquiz sample-quiz\n%s\n' "$right" "$right" \
    >"$SCRATCH/full.in"
(
	trap '' XFSZ
	ulimit -f 1
	exec "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" \
	    --learner fred --width 72 <"$SCRATCH/full.in" 2>&1
) | cat >"$SCRATCH/s7"
n=$(grep -c "could not be saved" "$SCRATCH/s7")
check "a failed save is reported" test "$n" -ge 1
check "at most once per sitting" test "$n" -le 2
n=$(grep -c "^Score: 6 of 6 points (100%)." "$SCRATCH/s7")
check "and both sittings still finish" test "$n" -eq 2

# A quiz start that cannot be saved is said at once, before question 1,
# even when the learner leaves before answering, and only once.
printf 'quiz sample-quiz\nleave\n' | PSOAS_TUTOR_FAULT_WRITE=1 \
    "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" \
    --learner hana --width 72 >"$SCRATCH/s8" 2>&1
check "an unsaved quiz start is reported once" \
    test "$(grep -c "could not be saved" "$SCRATCH/s8")" -eq 1
check "before the first question" awk '
	/could not be saved/ { warned = 1 }
	/^Question 1 of 6/ { exit !warned }' "$SCRATCH/s8"
check "and leaving then does not promise the answers are kept" \
    lacks "$SCRATCH/s8" "Your answers so far are kept"

# 6. The quiz file changed between sittings.  Answers are matched to
# questions by id and position; an answered question renamed (or moved)
# must not be skipped over and counted as 0, nor credit another question.
mkdir -p "$SCRATCH/course6"
cp -R "$FIXTURE/lessons" "$FIXTURE/quizzes" "$SCRATCH/course6/"
chmod -R u+w "$SCRATCH/course6"
q6="$SCRATCH/course6/quizzes/01-sample.quiz"
tutor6() {
	"$TUTOR" --course "$SCRATCH/course6" --data-dir "$SCRATCH/data" \
	    --learner hal --width 72 >"$1" 2>"$1.err"
}
printf 'quiz sample-quiz\nlesser trochanter\npsoas major, iliacus\nleave\n' |
    tutor6 "$SCRATCH/s8a"
check "two answers given, then left" \
    contains "$SCRATCH/s8a" "You left Sample practice quiz at question 3 of 6."
sed 's/^@id insertion$/@id insertion-site/' "$q6" >"$q6.new" && mv "$q6.new" "$q6"
printf 'quiz sample-quiz\nleave\n' | tutor6 "$SCRATCH/s8b"
check "a renamed answered question restarts the attempt" \
    contains "$SCRATCH/s8b" "This quiz has changed since your last sitting"
check "from question 1" contains "$SCRATCH/s8b" "Question 1 of 6 (1 point)"
check "not resumed past the renamed question" \
    lacks "$SCRATCH/s8b" "Resuming Sample practice quiz at question 3"
# Same ids, two questions swapped: each answer belongs to its id.
printf 'quiz sample-quiz\nlesser trochanter\npsoas major, iliacus\nleave\n' |
    tutor6 "$SCRATCH/s8c"
awk 'BEGIN { n = 0 } /^@question/ { n++ } { b[n] = b[n] $0 "\n" }
    END { printf "%s%s%s", b[0], b[2], b[1]; for (i = 3; i <= n; i++) printf "%s", b[i] }' \
    "$q6" >"$q6.new" && mv "$q6.new" "$q6"
printf 'quiz sample-quiz\nleave\n' | tutor6 "$SCRATCH/s8d"
check "reordered answered questions restart the attempt too" \
    contains "$SCRATCH/s8d" "This quiz has changed since your last sitting"

done_testing
