#!/bin/sh
# A scripted quiz sitting on the fixture course's sample-quiz: hints, a
# misconception, partial answers, retries, a skip, repeat and help, with
# the whole output compared to tests/data/expected/quiz-session.out; then
# a retake, leaving and resuming, and answers the grader refuses.
. "$top_srcdir/tests/cli/lib.sh"

plan 23

expected="$top_srcdir/tests/data/expected/quiz-session.out"

# The REPL's own banner comes before "quiz": compare from the quiz on.
from_quiz() { sed -n '/^Sample practice quiz$/,$p' "$1"; }

# 1. A whole sitting.  Points: q1 right on try 2 after a hint (1 - 25% -
# 50% = 0.25), q2 right on try 2 (0.5), q3 skipped after its only hint
# (0), q4 half right on
# both tries (0.5 x 50% = 0.25), q5 right (1), q6 wrong twice (0): 2 of 6.
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

done_testing
