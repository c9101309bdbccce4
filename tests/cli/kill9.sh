#!/bin/sh
# kill -9 at a random moment of a quiz sitting, over and over: every answer
# whose feedback the learner saw is in the journal exactly once, wrong
# tries that leave a try to go included, at most the one answer in flight
# is there unacknowledged, tries are numbered on across sittings, and the
# next start replays the journal without a word.  KILL9_SEED repeats a
# run; KILL9_ITERATIONS changes its length (default 100).
. "$top_srcdir/tests/cli/lib.sh"

iterations=${KILL9_ITERATIONS:-100}
seed=${KILL9_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# seed $seed (set KILL9_SEED=$seed to repeat this run)"

data="$SCRATCH/data"
journal="$data/learners/k.journal"
fifo="$SCRATCH/in"
mkfifo "$fifo" || exit 99
TAB=$(printf '\t')
trap '' PIPE	# a dead session must not kill the test when we write to it

# Per iteration: answers to acknowledge, delay before the kill (ms),
# whether the kill lands while an answer is in flight, and a bit mask of
# which answers are wrong (about a third).  In-flight delays are mostly a
# few ms, so some kills come before the answer is saved.
awk -v seed="$seed" -v n="$iterations" 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++) {
		mid = rand() < 0.4
		r = rand()
		wrong = 0
		for (b = 0; b < 9; b++)
			if (rand() < 0.35)
				wrong += 2 ^ b
		printf "%d %d %d %d\n", int(rand() * 8),
		    mid ? int(r * r * r * 30) : int(r * 150), mid, wrong
	}
}' >"$SCRATCH/schedule"

# answer_for K V [wrong]: a right answer to question K of sample-quiz,
# or with "wrong" a wrong or partly right one, written a different way
# each time (V picks the way), so the recorded text is checked for real.
answer_for() {
	case ${3:-right}$1 in
	right1) set -- "$2" "lesser trochanter" "The Lesser Trochanter" \
	    "LESSER TROCHANTER of the femur" ;;
	right2) set -- "$2" "psoas major, iliacus" "iliacus and psoas" \
	    "Psoas Major; Iliacus" ;;
	right3) set -- "$2" "b" "B" "b" ;;
	right4) set -- "$2" "a c" "c,a" "AC" ;;
	right5) set -- "$2" "true" "t" "yes" ;;
	right6) set -- "$2" "b a d c" "b,a,d,c" "badc" ;;
	wrong1) set -- "$2" "greater trochanter" "the femoral head" \
	    "Greater Trochanter" ;;
	wrong2) set -- "$2" "psoas minor" "psoas major" "quadratus lumborum" ;;
	wrong3) set -- "$2" "a" "c" "A" ;;
	wrong4) set -- "$2" "b" "a" "a b c" ;;
	wrong5) set -- "$2" "false" "f" "no" ;;
	wrong6) set -- "$2" "a b c d" "abcd" "d c b a" ;;
	esac
	_v=$(($1 % 3 + 2))
	eval "printf '%s\n' \"\${$_v}\""
}

# count PATTERN: lines of the output that match; 0 before the session has
# opened its output (it opens the fifo first, so that can come late).
count() {
	_c=$(grep -c -- "$1" "$out" 2>/dev/null)
	echo "${_c:-0}"
}

# wait_more PATTERN N: until more than N lines of the output match, or the
# session dies, or 10 s pass.
wait_more() {
	_t=0
	while [ "$(count "$1")" -le "$2" ]; do
		kill -0 "$pid" 2>/dev/null || return 1
		_t=$((_t + 1))
		[ $_t -gt 1000 ] && return 1
		sleep 0.01
	done
}

# Graded tries in the journal: "try" (a try is left) and "answer" (final).
# A record counts only when whole (it ends in its checksum). A kill -9 can
# cut the one write() of the record in flight where it crosses a page of
# the file (Linux stops a write between pages for a fatal signal): that
# torn answer is the one in flight, which the standard lets us lose; the
# next session cuts it off with a warning naming its line.
whole='[0-9a-f]{8}$'
answers_in_journal() {
	if [ -f "$journal" ]; then grep -Ec "^(try|answer)$TAB.*$TAB$whole" "$journal"
	else echo 0; fi
}

bad_ack=0 bad_extra=0 stuck=0 acks=0 wrongs=0 inflight=0 unacked_kept=0
v=0 i=0
start=$(date +%s)
while read -r nans delay mid wrong; do
	i=$((i + 1))
	out="$SCRATCH/out.$i"
	err="$SCRATCH/err.$i"
	acked="$SCRATCH/acked.$i"
	: >"$acked"
	before=$(answers_in_journal)
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner k \
	    <"$fifo" >"$out" 2>"$err" &
	pid=$!
	exec 3>"$fifo"
	in_quiz=no
	j=0
	while [ $j -lt "$nans" ] || [ "$mid" = 1 ]; do
		if [ $in_quiz = no ]; then
			q0=$(count '^Question [0-9]* of')
			f0=$(count ': finished\.$')
			echo "quiz sample-quiz" >&3
			while [ "$(count '^Question [0-9]* of')" -le "$q0" ] &&
			    [ "$(count ': finished\.$')" -le "$f0" ]; do
				kill -0 "$pid" 2>/dev/null || break 2
				sleep 0.01
			done
			# An attempt whose last answer was saved just before a
			# kill ends at once; then start the next one.
			[ "$(count '^Question [0-9]* of')" -le "$q0" ] && continue
			in_quiz=yes
		fi
		k=$(grep '^Question [0-9]* of' "$out" | tail -n 1 |
		    sed 's/^Question \([0-9]*\) of.*/\1/')
		v=$((v + 1))
		if [ $(((wrong >> j) & 1)) = 1 ]; then
			text=$(answer_for "$k" "$v" wrong)
		else
			text=$(answer_for "$k" "$v")
		fi
		p0=$(count '^Points: ')
		t0=$(count '^Try again (')
		q0=$(count '^Question [0-9]* of')
		if [ $j -ge "$nans" ]; then
			# Kill mid-answer: the answer may or may not be saved.
			printf '%s\n' "$text" >&3
			inflight=$((inflight + 1))
			[ "$delay" -gt 0 ] &&
			    sleep "0.$(printf '%03d' "$delay")"
			break
		fi
		printf '%s\n' "$text" >&3
		# Feedback is "Points:" for a closed question, "Try again" else.
		_t=0
		while [ "$(count '^Points: ')" -le "$p0" ] &&
		    [ "$(count '^Try again (')" -le "$t0" ]; do
			kill -0 "$pid" 2>/dev/null && [ $_t -le 1000 ] || break
			_t=$((_t + 1))
			sleep 0.01
		done
		if [ "$(count '^Points: ')" -le "$p0" ] &&
		    [ "$(count '^Try again (')" -le "$t0" ]; then
			stuck=$((stuck + 1))
			echo "# iteration $i: no feedback for answer to question $k"
			break
		fi
		# The feedback is on screen: this answer is acknowledged.
		printf '%s\t%s\n' "$k" "$text" >>"$acked"
		acks=$((acks + 1))
		j=$((j + 1))
		if [ "$(count '^Points: ')" -le "$p0" ]; then
			# A wrong try with a try left: the same question again.
			wrongs=$((wrongs + 1))
		elif [ "$k" = 6 ]; then
			in_quiz=no
		elif ! wait_more '^Question [0-9]* of' "$q0"; then
			stuck=$((stuck + 1))
			break
		fi
	done
	[ "$mid" = 1 ] || [ "$delay" -eq 0 ] ||
	    sleep "0.$(printf '%03d' "$delay")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	exec 3>&-

	# What this session added to the journal, as "K<TAB>TEXT".
	awk -F '\t' '$1 == "try" || $1 == "answer" { print $5 + 1 "\t" $12 }' \
	    "$journal" |
	    sed -n "$((before + 1)),\$p" >"$SCRATCH/new.$i"
	nacked=$(wc -l <"$acked")
	nnew=$(wc -l <"$SCRATCH/new.$i")
	if ! head -n "$nacked" "$SCRATCH/new.$i" | cmp -s - "$acked"; then
		bad_ack=$((bad_ack + 1))
		echo "# iteration $i: acknowledged answers missing or changed:"
		diff "$acked" "$SCRATCH/new.$i" | sed 's/^/#   /' | head -n 10
	fi
	extra=$((nnew - nacked))
	if [ $extra -lt 0 ] || [ $extra -gt "$mid" ]; then
		bad_extra=$((bad_extra + 1))
		echo "# iteration $i: $nacked acknowledged, $nnew recorded"
	fi
	unacked_kept=$((unacked_kept + extra))
done <"$SCRATCH/schedule"
elapsed=$(($(date +%s) - start))
echo "# $i sessions killed in ${elapsed}s: $acks answers acknowledged" \
    "($wrongs of them tries with a try left)," \
    "$inflight kills with an answer in flight ($unacked_kept of those saved)"

check "every kill -9 happened where planned ($stuck sessions stuck)" \
    test "$stuck" -eq 0 -a "$i" -eq "$iterations"
check "the runs acknowledged answers ($acks of them)" test "$acks" -ge "$iterations"
check "and wrong tries that left a try to go ($wrongs of them)" \
    test "$wrongs" -ge $((iterations / 10))
check "every acknowledged answer is in the journal, in order ($bad_ack sessions wrong)" \
    test "$bad_ack" -eq 0
check "only the answer in flight is ever saved unacknowledged ($bad_extra sessions wrong)" \
    test "$bad_extra" -eq 0
dups=$(awk -F '\t' 'length($NF) == 8 && $NF ~ /^[0-9a-f]+$/ && $1 == "answer" && seen[$4 " " $5]++ { n++ } END { print n + 0 }' \
    "$journal")
check "no question of an attempt has two final answers ($dups duplicates)" \
    test "$dups" -eq 0
# Per question of an attempt: tries 1, 2, ... in order, each once, even
# across kills and resumes, and nothing after the final answer.
bad_tries=$(awk -F '\t' '
	length($NF) == 8 && $NF ~ /^[0-9a-f]+$/ && ($1 == "try" || $1 == "answer") {
		key = $4 " " $5
		if (closed[key] || $7 != last[key] + 1)
			n++
		last[key] = $7
		if ($1 == "answer")
			closed[key] = 1
	}
	END { print n + 0 }' "$journal")
check "every try is recorded once, numbered on across sittings ($bad_tries out of order)" \
    test "$bad_tries" -eq 0

# Each start replayed the previous session's journal: nothing to say, but
# for the torn record of an answer in flight (see answers_in_journal),
# which the next session cuts off, once, keeping its bytes in k.journal.torn.
torn=$(awk -F '\t' 'NR > 1 && !(length($NF) == 8 && $NF ~ /^[0-9a-f]+$/) { printf "%s%d", s, NR; s = "|" }' "$journal")
check "no torn line is left in the journal (${torn:-none})" test -z "$torn"
cat "$SCRATCH"/err.* >"$SCRATCH/all.raw"
cuts=$(grep -c "k\.journal:[0-9]*: warning: damaged record cut off (truncated: no end of line; a session was stopped while writing it); its [0-9]* bytes are kept in .*k\.journal\.torn\$" "$SCRATCH/all.raw")
kept=0
[ -f "$journal.torn" ] && kept=$(wc -l <"$journal.torn")
echo "# torn records of answers in flight cut off: $cuts"
check "each torn record was cut off once and kept ($cuts warnings, $kept kept)" \
    test "$cuts" -eq "$kept"
grep -v "warning: damaged record cut off" "$SCRATCH/all.raw" >"$SCRATCH/all.err"
if [ -s "$SCRATCH/all.err" ]; then
	not_ok "every restart replays the journal without a warning (a torn answer in flight aside)"
	head -n 5 "$SCRATCH/all.err" | sed 's/^/#   /'
else
	ok "every restart replays the journal without a warning (a torn answer in flight aside)"
fi

"$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner k --export tsv \
    >"$SCRATCH/export" 2>"$SCRATCH/export.err"
st=$?
rows=$(($(wc -l <"$SCRATCH/export") - 1))
recorded=$(answers_in_journal)
check "--export tsv lists every saved try ($rows rows, $recorded records, status $st)" \
    test "$st" -eq 0 -a "$rows" -eq "$recorded" -a ! -s "$SCRATCH/export.err"
done_testing
