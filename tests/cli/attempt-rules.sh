#!/bin/sh
# The rules of an attempt hold against a learner working around them: a
# hint is recorded (and costs its points) the moment it is shown, even if
# the learner leaves before answering; and an open attempt belongs to one
# session, so a second session of the same learner cannot answer its
# questions again.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
journal="$data/learners/hal.journal"
tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --plain --learner hal "$@"
}

# --- hint, leave, come back: the hint was recorded and is still charged
printf 'quiz sample-quiz\nhint\nleave\nquit\n' | tutor >"$SCRATCH/h1" 2>&1
check "the hint is on record before any answer" \
    grep -q "^hint$(printf '\t')[0-9]*$(printf '\t')sample-quiz$(printf '\t')" "$journal"
printf 'quiz sample-quiz\nlesser trochanter\nleave\nquit\n' | tutor >"$SCRATCH/h2" 2>&1
check "coming back shows the hint already seen" contains "$SCRATCH/h2" "Hint 1 of"
check "and the right answer is charged for it" contains "$SCRATCH/h2" "Points: 0.75 of 1"

# --- two sessions of one learner on one attempt
mkfifo "$SCRATCH/in"
tutor <"$SCRATCH/in" >"$SCRATCH/a" 2>&1 &
pid=$!
exec 3>"$SCRATCH/in"
printf 'quiz sample-quiz\n' >&3
# wait until session a has resumed the attempt (and so holds it)
i=0
while ! grep -q "Question 2 of 6" "$SCRATCH/a" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
printf 'quiz sample-quiz\npsoas major, iliacus\nquit\n' | tutor >"$SCRATCH/b" 2>&1
check "a second session is told the attempt is open elsewhere" \
    contains "$SCRATCH/b" "this attempt of sample-quiz is open in another session of hal"
check "and its line is not taken as an answer" sh -c \
    "! grep -q 'psoas major, iliacus' '$journal'"
printf 'psoas major, iliacus\nleave\nquit\n' >&3
exec 3>&-
wait $pid
check "the first session answers as usual" contains "$SCRATCH/a" "Points: 1 of 1"
printf 'quiz sample-quiz\nleave\nquit\n' | tutor >"$SCRATCH/c" 2>&1
check "once it has left, the attempt can be resumed elsewhere" \
    contains "$SCRATCH/c" "Resuming"
done_testing
