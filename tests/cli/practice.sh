#!/bin/sh
# Practice until right with spaced review (issue 13 items 5 and 6), on an
# injected clock (PSOAS_TUTOR_NOW): a quiz schedules each question; two
# days on, start-up says what is due, 'due' lists it, 'practice' drills it
# and brings a wrong answer back until it is right; every try is a
# 'practice' record; quiz scores and the certificate never change; the
# post-test is never practised; 'stats' draws bars and '--plain' numbers.
. "$top_srcdir/tests/cli/lib.sh"

TZ=UTC; export TZ
T=1796040000	# 2026-11-30 12:40 UTC
journal="$SCRATCH/data/learners/default.journal"
at() { _t=$1; shift; PSOAS_TUTOR_NOW=$_t session "$@"; }

# Day 0: the practice quiz, question 1 wrong then right, the rest right.
printf '%s\n' 'quiz sample-quiz' 'greater trochanter' 'lesser trochanter' \
    'psoas major, iliacus' b 'a c' true 'b a d c' due quit | at $T "$SCRATCH/d0"
check "the same day nothing is due" contains "$SCRATCH/d0" "Nothing is due for review today."
check "due says when the next fall due" contains "$SCRATCH/d0" "Next: 1 on 2026-12-01, 5 on 2026-12-04."
grep '^quiz-end' "$journal" >"$SCRATCH/ends0"
grep -c '^quiz-\|^answer\|^try' "$journal" >"$SCRATCH/quizrecs0"

# Day 2: the missed question is due.
printf '%s\n' due list 'practice final' 'practice nosuch' 'practice missed' \
    leave quit |
    at $((T + 2 * 86400)) "$SCRATCH/d2"
check "start-up says how many are due" \
    contains "$SCRATCH/d2" "1 question is due for review today"
check "due lists it by quiz" contains "$SCRATCH/d2" "sample-quiz (1): insertion"
check "the post-test is never practised" \
    contains "$SCRATCH/d2" "The post-test is never practised"
check "an unknown quiz is named" contains "$SCRATCH/d2" "There is no quiz 'nosuch'"
check "practice missed drills what was not right the first time" \
    contains "$SCRATCH/d2" "1 question: the questions you missed"

printf '%s\n' practice progress 'femur' 'lesser trochanter' 'lesser trochanter' quit |
    at $((T + 2 * 86400)) "$SCRATCH/p"
check "practice drills the due question" \
    contains "$SCRATCH/p" "Practice: sample-quiz, question insertion (1 to go)"
check "a command in practice is run, not graded" \
    contains "$SCRATCH/p" "Back to practice, 1 to go"
check "a wrong answer shows the answer" contains "$SCRATCH/p" "The answer: lesser trochanter"
check "and it comes back until it is right" \
    contains "$SCRATCH/p" "It comes back once the others are done."
check "the drill ends when it is right" \
    contains "$SCRATCH/p" "1 needed more than one go."
check "every graded try is a practice record (2), commands none" \
    test "$(grep -c '^practice' "$journal")" -eq 2
check "practice adds no quiz attempt or answer" \
    test "$(grep -c '^quiz-\|^answer\|^try' "$journal")" -eq "$(cat "$SCRATCH/quizrecs0")"
grep '^quiz-end' "$journal" >"$SCRATCH/ends2"
check "quiz scores are unchanged" cmp -s "$SCRATCH/ends0" "$SCRATCH/ends2"
check "after practice nothing is due today" \
    sh -c "printf 'due\nquit\n' | PSOAS_TUTOR_NOW=$((T + 2 * 86400)) '$TUTOR' --course '$FIXTURE' --data-dir '$SCRATCH/data' | grep -q 'Nothing is due for review today.'"

printf '%s\n' 'practice sample-quiz' leave 'practice missed' quit |
    at $((T + 2 * 86400)) "$SCRATCH/all"
check "practice QUIZ drills every question of it" \
    contains "$SCRATCH/all" "6 questions: all of sample-quiz."
check "a question practised until right is no longer missed" \
    contains "$SCRATCH/all" "Nothing to practise: no question is missed or due."
check "leaving practice says what is kept" contains "$SCRATCH/all" "You left practice"

# stats, drawn (on a terminal type) and plain
before=$(grep -vc "^clock" "$journal")
printf '%s\n' stats quit | TERM=xterm at $((T + 2 * 86400)) "$SCRATCH/st"
printf '%s\n' 'stats --plain' quit | TERM=xterm at $((T + 2 * 86400)) "$SCRATCH/sp"
check "stats shows accuracy per topic" contains "$SCRATCH/st" "Accuracy by topic"
check "as bars" grep -q 'sample-one *\[█*░*\]  71%  7 tries' "$SCRATCH/st"
check "week by week" grep -q 'weeks ·······▆' "$SCRATCH/st"
check "per lesson too" contains "$SCRATCH/st" "Accuracy by lesson"
check "and per lesson objective, with its text" \
    grep -A1 -E '^  sample-one 1 +\[█*░*\] +[0-9]+%' "$SCRATCH/st" | grep -q 'Name the'
check "days studied as a calendar strip" \
    grep -q '^  2026-11-05 ······· ······· ······· ····█·█ 2026-12-02$' "$SCRATCH/st"
check "time on task" contains "$SCRATCH/st" "Time on task in the lessons: 0 min"
check "and what is due" contains "$SCRATCH/st" "Spaced review: 0 due today, 6 in review, 0 not tried yet"
check "stats --plain gives numbers" contains "$SCRATCH/sp" "sample-one: 71% right (5 of 7 tries)"
check "week by week" contains "$SCRATCH/sp" "by week, oldest first: - - - - - - - 71%"
check "and the days studied as dates" contains "$SCRATCH/sp" "  2026-11-30, 2026-12-02"
check "each lesson objective is one row over all its questions" \
    test "$(grep -c '^  objective sample-one 1:' "$SCRATCH/sp")" -eq 1
check "its accuracy counts every graded try of its three questions" \
    contains "$SCRATCH/sp" "objective sample-one 1: 66% right (4 of 6 tries)"
check "one row per objective, drawn too" \
    test "$(grep -c '^  sample-one 1 ' "$SCRATCH/st")" -eq 1
check "one try is '1 try'" contains "$SCRATCH/sp" "objective sample-one 2: 100% right (1 try)"
check "and never '1 of 1 tries'" lacks "$SCRATCH/sp" "of 1 tries"
# Columns of the widest line of FILE (UTF-8).
widest() { python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$1"; }
printf '%s\n' stats quit | TERM=xterm at $((T + 2 * 86400)) "$SCRATCH/st40" --width 40
printf '%s\n' 'stats --plain' quit | at $((T + 2 * 86400)) "$SCRATCH/sp40" --width 40
check "at --width 40 no line of stats is wider than 40" test "$(widest "$SCRATCH/st40")" -le 40
check "bars included, whole on their line" grep -q '^  sample-one 1 *\[█*░*\]  66%  6 tries$' "$SCRATCH/st40"
check "the calendar strip too" grep -q '^  ······· ······· ······· ····█·█$' "$SCRATCH/st40"
check "and stats --plain" test "$(widest "$SCRATCH/sp40")" -le 40
check "stats records nothing (but the test clock)" test "$(grep -vc "^clock" "$journal")" -eq "$before"

# The greeting counts what is due without building the deck (srs.h):
# a month on, with quiz and practice tries behind them, it says what
# 'due' says.
printf '%s\n' due quit | at $((T + 30 * 86400)) "$SCRATCH/m"
check "a month on, start-up says 6 questions are due" \
    contains "$SCRATCH/m" "6 questions are due for review today"
check "as 'due' does" contains "$SCRATCH/m" "Due for review today: 6 questions."
done_testing
