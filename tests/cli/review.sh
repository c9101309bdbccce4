#!/bin/sh
# The 'review' study aid: the questions missed in the latest finished
# attempt, with the right answer and why; nothing graded or recorded.
. "$top_srcdir/tests/cli/lib.sh"

printf '%s\n' 'review' 'review sample-quiz' | session "$SCRATCH/none"
check "before any quiz, review says there is nothing yet" \
    contains "$SCRATCH/none" "Nothing to review yet"
check "review QUIZ names the quiz to finish first" \
    contains "$SCRATCH/none" "You have not finished sample-quiz yet"

# Miss question 1 (a misconception, twice), get 3 right, skip the rest.
printf '%s\n' 'quiz sample-quiz' 'greater trochanter' 'greater trochanter' \
    skip b skip true skip quit | session "$SCRATCH/q"
before=$(wc -l <"$SCRATCH/data/learners/default.journal")
printf '%s\n' review 'review nosuch' quit | session "$SCRATCH/r"
check "review gives the last attempt's score" \
    contains "$SCRATCH/r" "your last attempt scored"
check "it shows the answer given" contains "$SCRATCH/r" "Your answer: greater trochanter"
check "and the right one" contains "$SCRATCH/r" "The answer: lesser trochanter"
check "and the lesson page to re-read" contains "$SCRATCH/r" "See lesson sample-one, page 1."
check "questions answered right are left out" \
    lacks "$SCRATCH/r" "What is the main action of the iliopsoas"
check "an unknown quiz is named" contains "$SCRATCH/r" "There is no quiz 'nosuch'"
after=$(wc -l <"$SCRATCH/data/learners/default.journal")
check "reviewing records nothing" test "$before" -eq "$after"
done_testing
