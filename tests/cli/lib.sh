# Shared helpers for the TAP shell tests: plan, ok/not ok with a reason,
# a scratch folder removed at exit, and the fixture course's location.
# Sourced by tests/cli/*.sh; POSIX sh.

set -u
: "${TUTOR:?TUTOR must name the built psoas-tutor (make check sets it)}"
: "${top_srcdir:?top_srcdir must be set (make check sets it)}"

FIXTURE="$top_srcdir/tests/data/course"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/psoas-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
HOME="$SCRATCH/home"; export HOME
mkdir -p "$HOME"
unset XDG_DATA_HOME NO_COLOR PSOAS_TUTOR_COURSE PSOAS_TUTOR_LEARNER

_tap_n=0
_tap_failed=0

# The plan is counted, not written by hand: done_testing prints "1..N"
# after the last test (TAP allows the plan last).

ok() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $1"
}

not_ok() {
	_tap_n=$((_tap_n + 1))
	_tap_failed=$((_tap_failed + 1))
	echo "not ok $_tap_n - $1"
	shift
	for _l in "$@"; do printf '#   %s\n' "$_l"; done
}

# skip REASON: a test not run here, counted in the plan.
skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n # SKIP $1"
}

# not_ok_files NAME FILE...: not ok, with each FILE that exists shown.
not_ok_files() {
	not_ok "$1"
	shift
	for _f in "$@"; do [ -f "$_f" ] && sed 's/^/#   /' "$_f"; done
	return 0
}

# check NAME COMMAND...: ok when the command succeeds.
check() {
	_name=$1; shift
	if "$@"; then ok "$_name"; else not_ok "$_name"; fi
}

# contains FILE TEXT: the file has TEXT as a fixed string.
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# same NAME EXPECTED-FILE ACTUAL-FILE: files equal, with a diff on failure.
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff -u "$2" "$3" | head -n 40 | sed 's/^/#   /'
	fi
}

# session OUT [ARGS...] < commands: a scripted session on the fixture
# course with its own data folder; stdout to OUT, stderr to OUT.err.
session() {
	_out=$1; shift
	"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" "$@" \
	    >"$_out" 2>"$_out.err"
}

# lesson_lines COURSE: what a learner types to read every lesson of
# COURSE to its end ("open ID", then "next" once a page).
lesson_lines() {
	for _f in "$1"/lessons/*.lesson; do
		sed -n 's/^@lesson[ 	]*//p' "$_f" | sed 's/^/open /'
		grep '^@page' "$_f" | sed 's/.*/next/'
	done
}

# study_shipped COURSE DATA LEARNER NAME: a learner reads every lesson of
# COURSE (the shipped course, or its learner edition), starts the
# post-test with identity and attestation, and leaves at its first
# question; then, in a second session, answers every drawn question as
# the full course's examples do (tests/cli/posttest-answers.py), and then
# the evaluation if it opens (ratings 5 4 5 4 3, one comment).  The
# clock must be injected (PSOAS_TUTOR_NOW) with a step of at least 300 s
# a line, so every page counts as read.  Output in DATA/LEARNER.out{1,2}.
study_shipped() {
	mkdir -p "$2"
	{ echo "name $4"; lesson_lines "$1"; echo "quiz posttest"; echo "$4"
	  echo "LMT-$3"; echo ME; echo "I did the work of this course myself"
	  echo leave; echo quit; } |
	    "$TUTOR" --course "$1" --data-dir "$2" --learner "$3" --plain \
	    >"$2/$3.out1" 2>&1
	{ echo "quiz posttest"
	  python3 "$top_srcdir/tests/cli/posttest-answers.py" \
	      "$top_srcdir/quizzes/99-posttest.quiz" "$2/learners/$3.journal"
	  printf '5\n4\n5\n4\n3\nClear and useful.\nquit\n'; } |
	    "$TUTOR" --course "$1" --data-dir "$2" --learner "$3" --plain \
	    >"$2/$3.out2" 2>&1
}

# done_testing: the end of a script, with its counted plan.
done_testing() {
	echo "1..$_tap_n"
	exit 0
}

# skip_all REASON: skip the whole script (when a tool it needs is missing).
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# ce_course DIR [SITE]: a copy of the fixture course at DIR with a CE
# manifest naming the provider's site (default https://harbour.example),
# for the tests of submissions and statements.
ce_course() {
	cp -R "$FIXTURE" "$1"
	chmod -R u+w "$1"
	cat >"$1/course.manifest" <<MAN
@course sample-ce
@title Sample Course as Approved
@version 3.1
@type home study
@hours 0.1
@provider-name Harbour Bodywork Education
@provider-address 12 Quay Road, Portsmouth, ME 03801
@provider-email ce@harbour.example
@provider-number NCBTMB-451122
@provider-site ${2:-https://harbour.example}
@author Ann Example, LMT
@posttest final
@pass 75
@attempts 3
@wait-hours 0
@require-practice no
MAN
}

# honest_work: what an honest learner types on that course, from opening
# the first lesson to leaving the passed post-test (identity, attestation
# and four right answers); one line each.
honest_work() {
	printf '%s\n' 'open sample-one' next next 'open sample-two' next \
	    'quiz final' '' ME-LMT-2231 ME \
	    'I did the work of this course myself' 'lesser trochanter' \
	    'psoas major and iliacus' b true leave
}

# failing_work: the same way through the course by Finn Fail, who then
# fails the post-test (identity, attestation and wrong answers); one line
# each, ending with quit.
failing_work() {
	printf '%s\n' 'open sample-one' next next 'open sample-two' next \
	    'quiz final' 'Finn Fail' ME-LMT-2 ME \
	    'I did the work of this course myself' 'greater trochanter' \
	    'quadratus lumborum' a false leave quit
}
