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

# The first @example+ of each question of a quiz file, one per line.
answers() {
	awk '/^@question/ { if (q && !done) print "MISSING"; q = 1; done = 0 }
	     /^@example\+/ && !done { sub(/^@example\+[ \t]*/, ""); print; done = 1 }
	     END { if (q && !done) print "MISSING" }' "$1"
}

# The same for a drawn attempt (quiz file, recorded draw): the drawn
# questions' examples in the order asked, their letters moved to the ones
# this attempt shows ("q/cab": letter a shows the file's c, and so on).
drawn_answers() {
	awk -v draw="$2" '
	/^@question/ { id = "" }
	/^@id/ { id = $2 }
	/^@example\+/ && id != "" && !(id in ex) {
		sub(/^@example\+[ \t]*/, ""); ex[id] = $0 }
	END {
		n = split(draw, tok, " ")
		for (t = 1; t <= n; t++) {
			q = tok[t]; perm = ""
			if (index(q, "/")) { perm = substr(q, index(q, "/") + 1); q = substr(q, 1, index(q, "/") - 1) }
			if (!(q in ex)) { print "MISSING"; continue }
			a = ex[q]
			if (perm == "") { print a; continue }
			out = ""
			for (i = 1; i <= length(a); i++) {
				c = substr(a, i, 1); p = index(perm, c)
				out = out (c ~ /[a-z]/ && p ? sprintf("%c", 96 + p) : c)
			}
			print out
		}
	}' "$1"
}
post=$(ls "$course"/quizzes/*.quiz | while read -r f; do
	grep -q '^@kind[ \t]*posttest' "$f" && echo "$f"; done | head -n 1)
postid=$(sed -n 's/^@quiz[ \t]*//p' "$post")

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
		[ "$f" = "$post" ] && continue
		echo "quiz $(sed -n 's/^@quiz[ \t]*//p' "$f")"
		answers "$f"
	done
	# The post-test draws its questions: start it, and answer them in a
	# second session from the draw recorded in the journal.
	echo "quiz $postid"
	echo leave
	echo quit
} >"$SCRATCH/script"

"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner ada \
    <"$SCRATCH/script" >"$SCRATCH/out" 2>"$SCRATCH/err"
st1=$?
draw=$(grep '^quiz-draw	' "$SCRATCH/data/learners/ada.journal" | cut -f 7)
{
	echo "quiz $postid"
	drawn_answers "$post" "$draw"
	# Completing the course opens the manifest's evaluation.
	sed -n 's/^@evaluation[ \t]*likert.*/4/p; s/^@evaluation[ \t]*text.*/Clear, practical cases./p' \
	    "$course/course.manifest"
	echo progress
	echo quit
} >"$SCRATCH/script2"
cat "$SCRATCH/script2" >>"$SCRATCH/script"
answers "$post" >>"$SCRATCH/script"

check "every question has an accepted example to answer with" \
    lacks "$SCRATCH/script" "MISSING"

"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner ada \
    <"$SCRATCH/script2" >>"$SCRATCH/out" 2>>"$SCRATCH/err"
st=$?
[ "$st1" -eq 0 ] || st=$st1
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
done_testing
