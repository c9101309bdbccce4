#!/bin/sh
# Files name lessons and quizzes by id only; numbers are for what a
# learner types.  A quiz's '@lesson 1' is an error (the bad quiz
# lesson-number in check-quizzes.sh); here a journal whose records name
# lesson "2" or quiz "1" (no such ids in the fixture course) must not
# resume the second lesson or the first quiz, while 'open 2' and 'quiz 1'
# typed by the learner still work.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
chain="$top_srcdir/tests/cli/journal-chain.py"
tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --plain "$@"
}

# A learner who read page 1 of sample-one; then a record written by hand
# that names lesson "2" at its page 2.
printf 'open sample-one\nquit\n' | tutor --learner ann >/dev/null 2>&1
python3 "$chain" append "$data/learners/ann.journal" \
    "page\\t$(($(date +%s) + 60))\\t2\\t2\\t3"
printf 'continue\nquit\n' | tutor --learner ann >"$SCRATCH/ann" 2>&1
check "a journal's lesson \"2\" is no lesson: no welcome back to lesson 2" \
    lacks "$SCRATCH/ann" 'Sample two'
check "and 'continue' does not open it" \
    contains "$SCRATCH/ann" 'Nothing to continue yet'

# A record naming quiz "1" is not the first quiz.
printf 'quit\n' | tutor --learner bob >/dev/null 2>&1
python3 "$chain" append "$data/learners/bob.journal" \
    "quiz-start\\t$(date +%s)\\t1\\t$(date +%s)-1-1\\t6"
printf 'continue\nquit\n' | tutor --learner bob >"$SCRATCH/bob" 2>&1
check "a journal's quiz \"1\" is no quiz: nothing to resume" \
    lacks "$SCRATCH/bob" 'Sample practice quiz'

# What a learner types may be a number.
printf 'open 2\nquiz 1\nleave\nquit\n' | tutor --learner cy >"$SCRATCH/cy" 2>&1
check "'open 2' typed opens the second lesson" \
    contains "$SCRATCH/cy" 'Sample two: myths, page 1 of 1'
check "'quiz 1' typed starts the first quiz" \
    contains "$SCRATCH/cy" 'You left Sample practice quiz'
done_testing
