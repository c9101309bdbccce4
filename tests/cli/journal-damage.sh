#!/bin/sh
# A damaged journal (a record cut short by a crash, a byte flipped on disk)
# costs only the damaged records: each is named by file and line, the rest
# is kept; a reader changes nothing, and the next session cuts a torn last
# line off once (kept in NAME.journal.torn), never rewriting the rest.
# A journal from a newer program is refused and left byte for byte alone.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
journal="$data/learners/k.journal"
TAB=$(printf '\t')

tutor() { "$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner k "$@"; }

printf 'open sample-one\nnext\nquiz sample-quiz\nlesser trochanter\npsoas major, iliacus\nb\nquit\n' |
    tutor >"$SCRATCH/s1" 2>"$SCRATCH/s1.err"
check "a first session saves its answers" test "$(grep -c "^answer$TAB" "$journal")" -eq 3

# Flip a byte in the first answer and cut the last one short.
bad=$(grep -n "^answer$TAB.*${TAB}insertion$TAB" "$journal" | cut -d: -f1)
last=$(wc -l <"$journal")
sed "${bad}s/lesser/lesXer/" "$journal" >"$SCRATCH/j"
size=$(wc -c <"$SCRATCH/j")
dd if="$SCRATCH/j" of="$journal" bs=1 count=$((size - 5)) 2>/dev/null
cp "$journal" "$SCRATCH/damaged"

tutor --export tsv >"$SCRATCH/e1" 2>"$SCRATCH/e1.err"
st=$?
check "export of a damaged journal still succeeds (status $st)" test $st -eq 0
check "the flipped record is named by file and line" contains "$SCRATCH/e1.err" \
    "$journal:$bad: warning: damaged record skipped (checksum mismatch: this record, or the one before it, was changed, inserted or removed)"
check "the cut-short record is named by file and line" contains "$SCRATCH/e1.err" \
    "$journal:$last: warning: damaged record skipped (truncated"
check "only those two are reported" test "$(wc -l <"$SCRATCH/e1.err")" -eq 2
check "the intact answer between them is kept" grep -q "${TAB}parts${TAB}psoas major, iliacus$TAB" "$SCRATCH/e1"
check "the damaged answers are left out" test "$(($(wc -l <"$SCRATCH/e1") - 1))" -eq 1
check "reading never changes the file" cmp -s "$journal" "$SCRATCH/damaged"

# A scripted session warns up front, cuts the torn last line off (its
# bytes kept beside the journal), and resumes the quiz after the kept answer.
printf 'quiz sample-quiz\nb\nquit\n' | tutor >"$SCRATCH/s2" 2>"$SCRATCH/s2.err"
st=$?
check "a session on a damaged journal runs (status $st)" test $st -eq 0
check "the session warns about the damage on stderr" contains "$SCRATCH/s2.err" \
    "$journal:$bad: warning: damaged record skipped"
whole=$(($(wc -c <"$SCRATCH/damaged") - $(tail -n 1 "$SCRATCH/damaged" | wc -c)))
check "and says once that it cut the torn line off, and where its bytes are" \
    contains "$SCRATCH/s2.err" \
    "$journal:$last: warning: damaged record cut off (truncated: no end of line; a session was stopped while writing it); its $(($(wc -c <"$SCRATCH/damaged") - whole)) bytes are kept in $journal.torn"
{ tail -n 1 "$SCRATCH/damaged"; echo; } >"$SCRATCH/torn"
same "the torn line is kept, byte for byte, in NAME.journal.torn" \
    "$SCRATCH/torn" "$journal.torn"
dd if="$SCRATCH/damaged" of="$SCRATCH/whole" bs=1 count="$whole" 2>/dev/null
dd if="$journal" of="$SCRATCH/prefix" bs=1 count="$whole" 2>/dev/null
check "every whole line before it is untouched" cmp -s "$SCRATCH/prefix" "$SCRATCH/whole"
dd if="$journal" of="$SCRATCH/rest" bs=1 skip="$whole" 2>/dev/null
check "the new answer follows the last whole line" awk '
	NR == 1 && !/^answer\t.*\taction\t/ { bad = 1 }
	END { exit bad || NR != 1 }' "$SCRATCH/rest"
tutor --export tsv >"$SCRATCH/e2" 2>"$SCRATCH/e2.err"
echo "$journal:$bad" >"$SCRATCH/e2.want"
sed 's/: warning: .*//' "$SCRATCH/e2.err" >"$SCRATCH/e2.lines"
same "the next start reports only the changed line, nothing new" \
    "$SCRATCH/e2.want" "$SCRATCH/e2.lines"
check "and keeps the new answer" grep -q "${TAB}action${TAB}b$TAB" "$SCRATCH/e2"
check "and the intact one before" grep -q "${TAB}parts${TAB}psoas major, iliacus$TAB" "$SCRATCH/e2"

# --- a journal written by a newer program
printf 'psoas-tutor journal 3\nsomething\tnew\t00000000\n' >"$journal"
cp "$journal" "$SCRATCH/newer"
msg="$journal: journal format version 3 is newer than this program supports (2); refusing to touch it"
tutor --export tsv >"$SCRATCH/n1" 2>"$SCRATCH/n1.err"
st=$?
check "--export refuses a newer journal with status 1 ($st)" test $st -eq 1
check "and says why" contains "$SCRATCH/n1.err" "$msg"
printf 'open sample-one\nnext\nquiz sample-quiz\nlesser trochanter\nquit\n' |
    tutor >"$SCRATCH/n2" 2>"$SCRATCH/n2.err"
st=$?
check "a session leaves a newer journal byte for byte as it was" \
    cmp -s "$journal" "$SCRATCH/newer"
if [ $st -eq 1 ] && contains "$SCRATCH/n2.err" "$msg"; then
	ok "a session refuses a newer journal with status 1"
else
	not_ok "a session refuses a newer journal with status 1 (status $st)"
	sed 's/^/#   /' "$SCRATCH/n2.err"
fi
done_testing
