#!/bin/sh
# Scripted sessions through standard input: the REPL commands a learner
# uses to read lessons, with the output a script can rely on.
. "$top_srcdir/tests/cli/lib.sh"

# --- reading a lesson
printf 'list\nopen sample-one\nnext\nback\n\nquit\n' | session "$SCRATCH/read"
check "a session exits 0 on quit" test $? -eq 0
check "list shows both fixture lessons" \
    sh -c "grep -q 'sample-one' '$SCRATCH/read' && grep -q 'sample-two' '$SCRATCH/read'"
check "list shows the quiz with its pass mark" contains "$SCRATCH/read" "pass mark 75%"
check "open shows page 1 of the lesson" contains "$SCRATCH/read" "page 1 of"
check "next then shows page 2" contains "$SCRATCH/read" "page 2 of"
check "scripted output has no escape codes" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/read'"
check "nothing on stderr" test ! -s "$SCRATCH/read.err"

# --- 'certificate' before completion: what is left, on screen and wrapped
printf 'certificate\nquit\n' | session "$SCRATCH/cert" --width 40
check "certificate says what is left on stdout" \
    contains "$SCRATCH/cert" "No certificate yet for default; still to"
check "and nothing on stderr" test ! -s "$SCRATCH/cert.err"
check "wrapped to the width" \
    sh -c "! awk 'length > 40' '$SCRATCH/cert' | grep -q ."

# --- a command's needs are checked once, from its row
printf 'back\npage 2\nquit\n' | session "$SCRATCH/needs"
check "back and page with no lesson open both say to open one" \
    test "$(grep -c "^No lesson is open. Type 'open ID' first.$" "$SCRATCH/needs")" -eq 2

# --- one lesson status: going back to re-read undoes no reading
printf 'open sample-one\nnext\nback\nlist\nprogress\nquit\n' |
    session "$SCRATCH/status"
check "after next and back, list says page 2 of 2" \
    contains "$SCRATCH/status" "1 min, 2 pages: page 2 of 2"
check "and progress says page 2 of 2 as well" \
    grep -q "%  page 2 of 2, " "$SCRATCH/status"

# --- one best score: list and progress round it by the same rule.  A
# finished attempt of 0.58 of 1 point is 57.999...% as a quotient: 58%.
printf 'quiz sample-quiz\nleave\nquit\n' |
    session "$SCRATCH/best" --learner best
att=$(cut -f4 "$SCRATCH/data/learners/best.journal" | tail -n 1)
python3 "$top_srcdir/tests/cli/journal-chain.py" append \
    "$SCRATCH/data/learners/best.journal" \
    "quiz-end\\t$(date +%s)\\tsample-quiz\\t$att\\t0.58\\t1\\tfail"
printf 'list\nprogress\nquit\n' |
    session "$SCRATCH/best" --learner best --plain
check "list shows the best score as 58%" \
    contains "$SCRATCH/best" "pass mark 75%: best 58%, not passed"
check "and progress shows 58% as well" \
    contains "$SCRATCH/best" "58%  best of 1 attempt"

# --- a lesson opened by number, Enter advancing, the end of a lesson
n=$(awk '/^@page/ {n++} END {print n}' "$FIXTURE/lessons/02-sample-two.lesson")
{ echo "open 2"; i=1; while [ $i -le "$n" ]; do echo; i=$((i + 1)); done; } |
    session "$SCRATCH/enter"
check "open NUMBER opens the second lesson" contains "$SCRATCH/enter" "page 1 of $n"
check "Enter alone walks to the last page" contains "$SCRATCH/enter" "page $n of $n"
check "the end of a lesson says so" contains "$SCRATCH/enter" "You have finished"

# --- mistakes get help, not a crash
printf 'nxet\nopen nosuch\nopen\nhelp next\nhelp nosuch\nopen sample-one\npage 99\n' |
    session "$SCRATCH/typo"
check "an unknown command suggests the nearest" contains "$SCRATCH/typo" "Did you mean 'next'?"
check "an unknown lesson is named" contains "$SCRATCH/typo" "There is no lesson 'nosuch'"
check "help CMD explains one command" contains "$SCRATCH/typo" "Shows the next page"
check "a bad page number gets the range" contains "$SCRATCH/typo" "Give a page number from 1 to"

# --- any bytes, any length
{ printf 'open sample-one\n'; head -c 200000 /dev/zero | tr '\0' 'x'; printf '\n'
  printf '\377\376garbage\n'; printf 'a\000b\n'; printf 'list\n'; } |
    session "$SCRATCH/junk"
st=$?
check "junk input does not crash (status $st)" test "$st" -eq 0
check "an over-long line is refused" contains "$SCRATCH/junk" "longer than 4096 bytes"
check "a NUL byte is refused" contains "$SCRATCH/junk" "NUL byte"
check "the session goes on after junk" contains "$SCRATCH/junk" "Lessons:"

# --- end of input without quit is a clean exit
printf 'open sample-one' | session "$SCRATCH/eof"
check "a last line without newline still runs" contains "$SCRATCH/eof" "page 1 of"

# --- resume from an earlier session
printf 'open sample-one\nnext\nquit\n' | session "$SCRATCH/r1" --learner ana
printf 'continue\nquit\n' | session "$SCRATCH/r2" --learner ana
check "a new session greets with where the learner stopped" contains "$SCRATCH/r2" "You stopped at page 2"
check "continue returns to that page" contains "$SCRATCH/r2" "page 2 of"

# --- colour and plain mode
printf 'open sample-one\n' | NO_COLOR=1 session "$SCRATCH/nc"
check "NO_COLOR output has no escape codes" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/nc'"
printf 'open sample-one\nnext\nnext\nnext\n' | session "$SCRATCH/plain" --plain
check "--plain output has no box drawing" sh -c "! grep -q '[┌┐└┘│─]' '$SCRATCH/plain'"
check "--plain output has no escape codes" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/plain'"

# --- a closed standard descriptor must not become the learner's journal
printf 'open sample-one\nquit\n' |
    "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/fds" >&- 2>"$SCRATCH/fds.err"
check "a closed stdout is a write error" test $? -eq 1
printf 'quit\n' | session "$SCRATCH/fds2" --data-dir "$SCRATCH/fds"
check "a closed stdout leaves the journal undamaged" test ! -s "$SCRATCH/fds2.err"
printf 'damaged\n' >>"$SCRATCH/fds/learners/default.journal"
printf 'quit\n' |
    "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/fds" >/dev/null 2>&-
printf 'quit\n' | session "$SCRATCH/fds3" --data-dir "$SCRATCH/fds"
check "a closed stderr takes no warnings into the journal" \
    test "$(grep -c 'damaged record' "$SCRATCH/fds3.err")" -eq 1
"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/fds" <&- >"$SCRATCH/fds4" 2>&1
check "a closed stdin is the end of input" test $? -eq 0

# --- a reader that went away ends the session (yes | psoas-tutor | head)
{ yes list | timeout 30 "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/gone" \
    2>/dev/null; echo $? >"$SCRATCH/gone.status"; } | head -n 1 >/dev/null
check "output to a closed pipe ends the session with status 1" \
    test "$(cat "$SCRATCH/gone.status")" = 1

# --- every message fits the width (no line but a figure runs past it)
printf 'help\nopen 2\nnext\nnext\nlist\nopen nosuch\nreview\nname\nnxet\n' |
    session "$SCRATCH/narrow" --width 30
check "at --width 30 no message is wider than 30 columns" \
    test "$(LC_ALL=C.UTF-8 wc -L <"$SCRATCH/narrow")" -le 30

printf 'sources nosuch\n' | session "$SCRATCH/nosources"
check "sources with an unknown lesson names it" \
    contains "$SCRATCH/nosources" "There is no lesson 'nosuch'"

# --- the name on a certificate is printable text of a sensible length
long=$(head -c 300 /dev/zero | tr '\0' x)
printf 'name Ann\001B\nname %s\nname Jane \342\200\256eoD\nname Zoë Müller\nname\n' "$long" |
    session "$SCRATCH/names" --learner names
check "a name with control characters is refused" \
    contains "$SCRATCH/names" "That name cannot be used: it contains control or text-direction characters."
check "a name with U+202E (right-to-left override) is refused" \
    test "$(grep -c 'it contains control or text-direction characters' "$SCRATCH/names")" -eq 2
check "a name over 200 bytes is refused" \
    contains "$SCRATCH/names" "That name cannot be used: it is longer than 200 bytes."
check "a name with accents is kept" \
    test "$(grep -c 'Your name on the certificate: Zoë Müller' "$SCRATCH/names")" -eq 2

# --- invisible characters and unusual spaces (Unicode Cf, Zs): two names
# printed alike must be alike.  U+200B zero width space, U+FEFF byte
# order mark, U+2060 word joiner, U+00AD soft hyphen, U+00A0 no-break
# space; U+200E (left-to-right mark) is a text-direction character.
printf 'name Jane\342\200\213Doe\nname \357\273\277Jane Doe\nname Jane Doe\342\201\240\nname Ja\302\255ne Doe\nname Jane\302\240Doe\nname Jane\342\200\216 Doe\nname\n' |
    session "$SCRATCH/invisible" --learner invisible
tr '\n' ' ' <"$SCRATCH/invisible" >"$SCRATCH/invisible.joined"
for cp in 200B FEFF 2060 00AD 00A0; do
	check "a name with U+$cp is refused, naming it" \
	    contains "$SCRATCH/invisible.joined" "That name cannot be used: it contains U+$cp, an invisible character or an unusual space"
done
check "a name with U+200E is refused as a text-direction character" \
    test "$(grep -c 'it contains control or text-direction characters' "$SCRATCH/invisible")" -eq 1
check "and no name was recorded" \
    contains "$SCRATCH/invisible" "No name recorded yet."
printf 'identity\nJane\342\200\213Doe\nJane Doe\nLMT\302\2401\nLMT-1\nM\342\201\240E\nME\nleave\n' |
    session "$SCRATCH/invid" --learner invid
tr '\n' ' ' <"$SCRATCH/invid" >"$SCRATCH/invid.joined"
for cp in 200B 00A0 2060; do
	check "an identity field with U+$cp is refused and asked again" \
	    contains "$SCRATCH/invid.joined" "That cannot be used: it contains U+$cp"
done
check "the identity without them is recorded" \
    sh -c "grep -q '^identity	[0-9]*	Jane Doe	LMT-1	ME	' '$SCRATCH/data/learners/invid.journal'"
done_testing
