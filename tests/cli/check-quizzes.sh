#!/bin/sh
# The author's checker against malformed quizzes: each file under
# tests/data/bad-quizzes/ must fail --check with exit status 1 (never a
# crash) and exactly the diagnostics in its .expected file.  Then the
# good sample quiz passes, and --show-matches names the rule each
# example hit.  TAP output; POSIX sh.

set -u
: "${TUTOR:?TUTOR must name the built psoas-tutor (make check sets it)}"
: "${top_srcdir:?top_srcdir must be set (make check sets it)}"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/check-quizzes.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
HOME="$SCRATCH/home"; export HOME
mkdir -p "$HOME"
unset XDG_DATA_HOME NO_COLOR PSOAS_TUTOR_COURSE PSOAS_TUTOR_LEARNER

# Paths in the diagnostics are as given, so run from the source tree.
cd "$top_srcdir" || exit 99
BAD=tests/data/bad-quizzes
COURSE=tests/data/course
SAMPLE=$COURSE/quizzes/01-sample.quiz

n=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
	n=$((n + 1)); echo "not ok $n - $1"; shift
	for f in "$@"; do [ -f "$f" ] && sed 's/^/#   /' "$f"; done
}


for q in "$BAD"/*.quiz; do
	name=${q##*/}
	expected=${q%.quiz}.expected
	"$TUTOR" --course "$COURSE" --check "$q" >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	if [ "$status" -eq 1 ]; then
		pass "$name: --check exits 1"
	else
		fail "$name: --check exits 1 (got $status; >= 128 is a crash)" \
		    "$SCRATCH/err"
	fi
	if [ -f "$expected" ] && diff -u "$expected" "$SCRATCH/err" \
	    >"$SCRATCH/diff"; then
		pass "$name: exact diagnostics"
	else
		fail "$name: exact diagnostics" "$SCRATCH/diff"
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
		pass "$name: give-aways are warned at their lines"
	else
		fail "$name: give-aways are warned at their lines (status $status)" \
		    "$SCRATCH/diff" "$SCRATCH/err"
	fi
done

"$TUTOR" --course "$COURSE" --check "$SAMPLE" >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 0 ] && [ ! -s "$SCRATCH/err" ]; then
	pass "sample quiz passes --check with no diagnostics"
else
	fail "sample quiz passes --check (status $status)" "$SCRATCH/err"
fi

"$TUTOR" --course "$COURSE" --check --show-matches sample-quiz \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 0 ]; then
	pass "--show-matches exits 0"
else
	fail "--show-matches exits 0 (got $status)" "$SCRATCH/err"
fi

# has TEXT: the --show-matches output holds TEXT as a whole line.
has() { grep -qxF "$1" "$SCRATCH/show"; }

if has "  + \"lesser trochanter\" -> correct (accept $SAMPLE:11)"; then
	pass "--show-matches names the accept rule"
else
	fail "--show-matches names the accept rule" "$SCRATCH/show"
fi
if has "  - \"not the lesser but the greater trochanter\" -> incorrect (misconception $SAMPLE:12: The greater trochanter is where the gluteal muscles attach, not the iliopsoas.)"; then
	pass "--show-matches names the misconception and its feedback"
else
	fail "--show-matches names the misconception and its feedback" \
	    "$SCRATCH/show"
fi
if has "      \"iliacus\": accept $SAMPLE:33 (item 'iliacus')"; then
	pass "--show-matches shows the item each list part was credited to"
else
	fail "--show-matches shows list parts" "$SCRATCH/show"
fi

"$TUTOR" --course "$COURSE" --check --show-matches sample-quiz:palpate \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
if [ $? -eq 0 ] && [ "$(grep -c '^question ' "$SCRATCH/show")" -eq 1 ] &&
    has "question 'palpate' (order, line 86)"; then
	pass "--show-matches QUIZ:QUESTION shows only that question"
else
	fail "--show-matches QUIZ:QUESTION shows only that question" \
	    "$SCRATCH/show" "$SCRATCH/err"
fi

"$TUTOR" --course "$COURSE" --check --show-matches no-such-quiz \
    >"$SCRATCH/show" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 1 ]; then
	pass "--show-matches of an unknown quiz exits 1"
else
	fail "--show-matches of an unknown quiz exits 1 (got $status)" \
	    "$SCRATCH/err"
fi
# The plan, counted (TAP allows it last).
echo "1..$n"
