#!/bin/sh
# Two sessions of the same learner at once (two terminals, or a terminal
# and a script) append to one journal: every answer of both is kept, whole,
# in its own attempt, and the journal replays without a warning.  Each
# session says once that the other wrote; a torn line one cuts, or records
# removed under one, are said once too.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
journal="$data/learners/pat.journal"
TAB=$(printf '\t')
trap '' PIPE

# The right answer to question K: session a types it in lower case,
# session b in upper case, so each answer shows whose it is.
answer_for() {
	case $1 in
	1) _a="lesser trochanter" ;;
	2) _a="psoas major, iliacus" ;;
	3) _a="b" ;;
	4) _a="a c" ;;
	5) _a="true" ;;
	6) _a="b a d c" ;;
	esac
	if [ "$2" = b ]; then
		printf '%s\n' "$_a" | tr '[:lower:]' '[:upper:]'
	else
		printf '%s\n' "$_a"
	fi
}

# wait_more WHO PATTERN N: until more than N lines of WHO's output match.
wait_more() {
	_t=0
	# The output file may not exist yet: the session opens it after its
	# FIFO, so a missing file is no match (not an error that ends the wait).
	while [ "$(grep -c -- "$2" "$SCRATCH/out.$1" 2>/dev/null || true)" -le "$3" ] 2>/dev/null ||
	    [ ! -s "$SCRATCH/out.$1" ]; do
		_t=$((_t + 1))
		[ $_t -gt 1000 ] && return 1
		sleep 0.01
	done
}

points() { grep -c '^Points: ' "$SCRATCH/out.$1" || true; }

# --- lockstep: a and b each start an attempt, then answer in turn, so
# their records alternate in the file.  Both have read the journal before
# either starts a quiz (else the later one would resume the other's open
# attempt, as a learner's second terminal should).
# start WHO: a session of pat reading from the FIFO in.WHO (in the
# background: $! is its pid).
start() {
	mkfifo "$SCRATCH/in.$1" || exit 99
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner pat \
	    <"$SCRATCH/in.$1" >"$SCRATCH/out.$1" 2>"$SCRATCH/err.$1" &
}
start a; pid_a=$!
start b; pid_b=$!
exec 4>"$SCRATCH/in.a" 5>"$SCRATCH/in.b"
echo list >&4
echo list >&5
lost=0
wait_more a '^Lessons:' 0 || lost=$((lost + 1))
wait_more b '^Lessons:' 0 || lost=$((lost + 1))
echo "quiz sample-quiz" >&4
echo "quiz sample-quiz" >&5
for k in 1 2 3 4 5 6; do
	for who in a b; do
		p0=$(points $who)
		if [ $who = a ]; then answer_for $k a >&4; else answer_for $k b >&5; fi
		wait_more $who '^Points: ' "$p0" || lost=$((lost + 1))
	done
done
check "both sessions acknowledged all their answers in turn ($lost not)" \
    test $lost -eq 0

awk -F '\t' '$1 == "answer" { print $4 "\t" $5 + 1 "\t" $12 }' "$journal" \
    >"$SCRATCH/answers"
attempts=$(cut -f 1 "$SCRATCH/answers" | sort -u | wc -l)
check "each session answered in its own attempt ($attempts attempts)" \
    test "$attempts" -eq 2
: >"$SCRATCH/want"
for who in a b; do
	for k in 1 2 3 4 5 6; do
		printf '%s\t%s\n' $k "$(answer_for $k $who)" >>"$SCRATCH/want"
	done
done
cut -f 2- "$SCRATCH/answers" | sort >"$SCRATCH/got"
sort "$SCRATCH/want" >"$SCRATCH/want.sorted"
same "all 12 answers of both sessions are in the journal" \
    "$SCRATCH/want.sorted" "$SCRATCH/got"

# --- free running: the same two sessions race through five more sittings.
for who in a b; do
	{
		for round in 1 2 3 4 5; do
			echo "quiz sample-quiz"
			for k in 1 2 3 4 5 6; do answer_for $k $who; done
		done
		echo quit
	} >"$SCRATCH/script.$who"
done
cat "$SCRATCH/script.a" >&4 &
cat_a=$!
cat "$SCRATCH/script.b" >&5 &
wait $cat_a $!
exec 4>&- 5>&-
wait $pid_a; st_a=$?
wait $pid_b; st_b=$?
check "both sessions exit 0 ($st_a, $st_b)" test $st_a -eq 0 -a $st_b -eq 0
# Each shows only what it read at its start and its own records, so each
# says so, once, at its first append after the other's (and nothing else).
for who in a b; do
	check "session $who said once that another session wrote, and nothing else" \
	    test "$(grep -c 'another session of this learner (or a regrade) wrote to it while this one ran' "$SCRATCH/err.$who")" -eq 1 \
	    -a "$(wc -l <"$SCRATCH/err.$who")" -eq 1
done

# Every attempt holds six answers, all typed by one session.
bad=$(awk -F '\t' '
	$1 == "answer" {
		n[$4]++
		who = ($12 ~ /[a-z]/) ? "a" : "b"
		if ($4 in by && by[$4] != who) mixed++
		by[$4] = who
	}
	$1 == "quiz-end" { ended[$4] = 1 }
	END {
		for (a in n) {
			total++
			if (n[a] != 6 || !(a in ended)) bad++
			count[by[a]]++
		}
		print (bad + mixed) " " total " " count["a"] " " count["b"]
	}' "$journal")
set -- $bad
check "12 finished attempts, 6 answers each, one session each ($1 bad of $2)" \
    test "$1" -eq 0 -a "$2" -eq 12 -a "$3" -eq 6 -a "$4" -eq 6

switches=$(awk -F '\t' '$1 == "answer" { w = ($12 ~ /[a-z]/); if (NR > 2 && w != last) n++; last = w } END { print n + 0 }' "$journal")
echo "# the sessions took turns in the journal $switches times"

# Whole lines only: every record ends in its checksum, and replay agrees.
torn=$(awk 'NR > 1 && !/\t[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]$/ { n++ } END { print n + 0 }' "$journal")
check "no torn or glued records ($torn)" test "$torn" -eq 0
"$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner pat --export tsv \
    >"$SCRATCH/export" 2>"$SCRATCH/export.err"
rows=$(($(wc -l <"$SCRATCH/export") - 1))
check "the journal replays cleanly and exports all 72 answers ($rows)" \
    test "$rows" -eq 72 -a ! -s "$SCRATCH/export.err"

# --- the file changed under a session in other ways: a torn last line
# (a third session killed mid-record) is cut by whichever session appends
# next, which says so once; records removed under a session are said once.
start c; pid_c=$!
start d; pid_d=$!
exec 4>"$SCRATCH/in.c" 5>"$SCRATCH/in.d"
said() { grep -c -- "$2" "$SCRATCH/err.$1" || true; }
names() { grep -c '^Your name on the certificate: ' "$SCRATCH/out.$1" || true; }
# name: a session records a name and has acknowledged it.
name() {
	_n=$(names "$1")
	if [ "$1" = c ]; then echo "name $2" >&4; else echo "name $2" >&5; fi
	_t=0
	while [ "$(names "$1")" -le "$_n" ]; do
		_t=$((_t + 1)); [ $_t -gt 1000 ] && return 1; sleep 0.01
	done
}
name c "Cal One"; name d "Dee One"
torn=$(printf 'answer\t1796000000\tsample-quiz\tkil')
printf '%s' "$torn" >>"$journal"
name c "Cal Two"
check "the session that appends next cuts the torn line and says so, naming the copy" \
    test "$(said c "damaged record cut off (truncated: no end of line; a session was stopped while writing it); its ${#torn} bytes are kept in $journal.torn")" -eq 1
check "the torn bytes are in the copy" \
    sh -c "tail -n 1 '$journal.torn' | grep -q 'sample-quiz	kil\$'"
name d "Dee Two"
printf '%s' "$torn" >>"$journal"
name c "Cal Three"
check "a second cut is not said again" \
    test "$(said c 'damaged record cut off')" -eq 1
# Records removed under d: the file is cut back before d's last record.
name d "Dee Three"
size=$(($(wc -c <"$journal") - $(tail -n 1 "$journal" | wc -c)))
truncate -s "$size" "$journal"
name d "Dee Four"; name d "Dee Five"
check "records removed under a session are said once" \
    test "$(said d 'records this session had read or written are no longer there as they were')" -eq 1
check "but for them the session goes on saving" \
    sh -c "tail -n 2 '$journal' | grep -q 'Dee Four' && tail -n 1 '$journal' | grep -q 'Dee Five'"
exec 4>&- 5>&-
wait $pid_c $pid_d
check "each of the two said once that the other wrote" \
    test "$(said c 'another session of this learner (or a regrade) wrote')" -eq 1 \
    -a "$(said d 'another session of this learner (or a regrade) wrote')" -eq 1
done_testing
