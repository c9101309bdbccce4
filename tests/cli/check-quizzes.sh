#!/bin/sh
# The author's checker against malformed quizzes: each file under
# tests/data/bad-quizzes/ must fail --check with exit status 1 (never a
# crash) and exactly the diagnostics in its .expected file.  Then the
# good sample quiz passes, and --show-matches names the rule each
# example hit.  TAP output; POSIX sh.

. "$top_srcdir/tests/cli/lib.sh"

# Paths in the diagnostics are as given, so run from the source tree.
cd "$top_srcdir" || exit 99
BAD=tests/data/bad-quizzes
COURSE=tests/data/course
SAMPLE=$COURSE/quizzes/01-sample.quiz

for q in "$BAD"/*.quiz; do
	name=${q##*/}
	expected=${q%.quiz}.expected
	"$TUTOR" --course "$COURSE" --check "$q" >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	if [ "$status" -eq 1 ]; then
		ok "$name: --check exits 1"
	else
		not_ok_files \
		    "$name: --check exits 1 (got $status; >= 128 is a crash)" \
		    "$SCRATCH/err"
	fi
	if [ -f "$expected" ] && diff -u "$expected" "$SCRATCH/err" \
	    >"$SCRATCH/diff"; then
		ok "$name: exact diagnostics"
	else
		not_ok_files "$name: exact diagnostics" "$SCRATCH/diff"
	fi
done

# Answers given away (issue 13 item 4): warnings, so --check still passes.
for q in tests/data/giveaway/*.quiz; do
	name=${q##*/}
	"$TUTOR" --course "$COURSE" --check "$q" >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	grep -v '^psoas-tutor: ' "$SCRATCH/err" >"$SCRATCH/warnings"
	if [ "$status" -eq 0 ] && diff -u "${q%.quiz}.expected" \
	    "$SCRATCH/warnings" >"$SCRATCH/diff"; then
		ok "$name: give-aways are warned at their lines"
	else
		not_ok_files \
		    "$name: give-aways are warned at their lines (status $status)" \
		    "$SCRATCH/diff" "$SCRATCH/err"
	fi
done

"$TUTOR" --course "$COURSE" --check "$SAMPLE" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 0 ] && [ ! -s "$SCRATCH/err" ]; then
	ok "sample quiz passes --check with no diagnostics"
else
	not_ok_files "sample quiz passes --check (status $status)" "$SCRATCH/err"
fi

"$TUTOR" --course "$COURSE" --check --show-matches sample-quiz \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 0 ]; then
	ok "--show-matches exits 0"
else
	not_ok_files "--show-matches exits 0 (got $status)" "$SCRATCH/err"
fi

# has TEXT: the --show-matches output holds TEXT as a whole line.
has() { grep -qxF "$1" "$SCRATCH/show"; }

if has "  + \"lesser trochanter\" -> correct (accept $SAMPLE:11)"; then
	ok "--show-matches names the accept rule"
else
	not_ok_files "--show-matches names the accept rule" "$SCRATCH/show"
fi
if has "  - \"not the lesser but the greater trochanter\" -> incorrect (misconception $SAMPLE:12: The greater trochanter is where the gluteal muscles attach, not the iliopsoas.)"; then
	ok "--show-matches names the misconception and its feedback"
else
	not_ok_files "--show-matches names the misconception and its feedback" \
	    "$SCRATCH/show"
fi
if has "      \"iliacus\": accept $SAMPLE:33 (item 'iliacus')"; then
	ok "--show-matches shows the item each list part was credited to"
else
	not_ok_files "--show-matches shows list parts" "$SCRATCH/show"
fi

"$TUTOR" --course "$COURSE" --check --show-matches sample-quiz:palpate \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
if [ $? -eq 0 ] && [ "$(grep -c '^question ' "$SCRATCH/show")" -eq 1 ] &&
    has "question 'palpate' (order, line 86)"; then
	ok "--show-matches QUIZ:QUESTION shows only that question"
else
	not_ok_files "--show-matches QUIZ:QUESTION shows only that question" \
	    "$SCRATCH/show" "$SCRATCH/err"
fi

"$TUTOR" --course "$COURSE" --check --show-matches no-such-quiz \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 1 ]; then
	ok "--show-matches of an unknown quiz exits 1"
else
	not_ok_files "--show-matches of an unknown quiz exits 1 (got $status)" \
	    "$SCRATCH/err"
fi
done_testing
