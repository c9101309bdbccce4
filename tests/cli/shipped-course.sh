#!/bin/sh
# The shipped course, end to end, as a new learner takes it: every page of
# every lesson, then every quiz answered with its author's first accepted
# example, which must pass each one, then the progress report and the
# certificate.  This is what "a learner can go through the whole course"
# means, tested.
. "$top_srcdir/tests/cli/lib.sh"

course="$top_srcdir"
nquiz=$(ls "$course"/quizzes/*.quiz | wc -l)
# Lessons the course must ship (issue 10: the clinical-reasoning cases and
# the evidence lesson),
# each read to its last page and followed by its practice quiz.
required="clinical-reasoning evidence"
nreq=$(echo $required | wc -w)
plan $((nquiz + 6 + 2 * nreq))

# The first @example+ of each question of a quiz file, one per line.
answers() {
	awk '/^@question/ { if (q && !done) print "MISSING"; q = 1; done = 0 }
	     /^@example\+/ && !done { sub(/^@example\+[ \t]*/, ""); print; done = 1 }
	     END { if (q && !done) print "MISSING" }' "$1"
}

{
	echo "name Ada Lovelace-Byron"
	for f in "$course"/lessons/*.lesson; do
		id=$(sed -n 's/^@lesson[ \t]*//p' "$f")
		pages=$(grep -c '^@page' "$f")
		echo "open $id"
		i=0
		while [ $i -lt "$pages" ]; do echo; i=$((i + 1)); done
	done
	for f in "$course"/quizzes/*.quiz; do
		echo "quiz $(sed -n 's/^@quiz[ \t]*//p' "$f")"
		answers "$f"
	done
	# Completing the course opens the manifest's evaluation.
	sed -n 's/^@evaluation[ \t]*likert.*/4/p; s/^@evaluation[ \t]*text.*/Clear, practical cases./p' \
	    "$course/course.manifest"
	echo progress
	echo quit
} >"$SCRATCH/script"

check "every question has an accepted example to answer with" \
    lacks "$SCRATCH/script" "MISSING"

"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner ada \
    <"$SCRATCH/script" >"$SCRATCH/out" 2>"$SCRATCH/err"
st=$?
check "the whole course runs to the end (status $st)" test "$st" -eq 0
check "nothing on stderr" test ! -s "$SCRATCH/err"
[ -s "$SCRATCH/err" ] && sed 's/^/#   /' "$SCRATCH/err" | head -n 10

for f in "$course"/quizzes/*.quiz; do
	title=$(sed -n 's/^@title[ \t]*//p' "$f")
	# The score line that follows this quiz's "finished." line.
	score=$(awk -v t="$title: finished." '$0 == t { getline; print; exit }' "$SCRATCH/out")
	case "$score" in
	*"(100%)"*) ok "$(basename "$f"): every keyed answer scores 100%" ;;
	*) not_ok "$(basename "$f"): keyed answers did not score 100%" "got: $score" ;;
	esac
done

# Messages are wrapped to the width, so look for them in the output as one line.
tr '\n' ' ' <"$SCRATCH/out" | tr -s ' ' >"$SCRATCH/flat"
for id in $required; do
	f=$(grep -l "^@lesson[ \t]*$id\$" "$course"/lessons/*.lesson | head -n 1)
	title=$(sed -n 's/^@title[ \t]*//p' "$f" 2>/dev/null)
	check "lesson $id ships and is finished" \
	    contains "$SCRATCH/flat" "You have finished \"$title\""
	q=$(grep -l "^@lesson[ \t]*$id\$" "$course"/quizzes/*.quiz | head -n 1)
	check "lesson $id has a practice quiz" test -n "$q"
done

n=$(ls "$course"/lessons/*.lesson | wc -l)
check "progress shows all $n lessons done" \
    test "$(grep -c 'done' "$SCRATCH/out")" -ge "$n"

"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner ada \
    --certificate >"$SCRATCH/cert" 2>&1
st=$?
check "the certificate is issued (status $st)" test "$st" -eq 0
check "it carries the learner's full name" contains "$SCRATCH/cert" "Ada Lovelace-Byron"
