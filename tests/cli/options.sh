#!/bin/sh
# The command line by GNU conventions, and running from the build tree.
. "$top_srcdir/tests/cli/lib.sh"

"$TUTOR" --help >"$SCRATCH/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help starts with a usage line" sh -c "head -n 1 '$SCRATCH/help' | grep -q '^Usage: psoas-tutor'"
for opt in --course --data-dir --learner --check --show-matches --progress \
    --export --certificate --plain --no-color --width; do
	grep -q -- "$opt" "$SCRATCH/help" || missing="${missing:-} $opt"
done
check "--help documents every option${missing:-}" test -z "${missing:-}"

"$TUTOR" --version >"$SCRATCH/version"
check "--version names the program and version" grep -q '^psoas-tutor [0-9]' "$SCRATCH/version"

"$TUTOR" --frobnicate >"$SCRATCH/bad" 2>&1
check "an unknown option exits 1" test $? -eq 1
check "an unknown option is named, with a --help hint" \
    sh -c "grep -q \"unknown option '--frobnicate'\" '$SCRATCH/bad' && grep -q -- '--help' '$SCRATCH/bad'"

"$TUTOR" --learner '../etc' </dev/null >"$SCRATCH/learner" 2>&1
check "a learner name that is not a plain name is refused" test $? -eq 1

"$TUTOR" --width 5 </dev/null >/dev/null 2>&1
check "a silly --width is refused" test $? -eq 1

"$TUTOR" --check >"$SCRATCH/shipped" 2>&1
check "run uninstalled, --check finds the shipped course and passes" test $? -eq 0

"$TUTOR" --help >/dev/full 2>/dev/null
check "a write error on stdout is an exit error" test $? -eq 1

"$TUTOR" --course "$SCRATCH/nowhere" --data-dir "$SCRATCH/d" </dev/null >/dev/null 2>"$SCRATCH/nocourse"
check "a missing course folder exits 1" test $? -eq 1
check "a missing course folder is named" contains "$SCRATCH/nocourse" "$SCRATCH/nowhere"

XDG_DATA_HOME="$SCRATCH/xdg" "$TUTOR" --course "$FIXTURE" </dev/null >/dev/null 2>&1
check "progress goes under \$XDG_DATA_HOME/psoas-tutor" test -d "$SCRATCH/xdg/psoas-tutor"

"$TUTOR" --course "$FIXTURE" --check --coverage >"$SCRATCH/coverage" 2>&1
check "--coverage maps each question to its lesson page" \
    contains "$SCRATCH/coverage" 'sample-quiz:insertion -> sample-one page 1 "Parts of the muscle"'
check "--coverage names the lesson objective each question tests, last" \
    contains "$SCRATCH/coverage" 'sample-quiz:insertion -> sample-one page 1 "Parts of the muscle"; objective sample-one 1'
check "--coverage counts the pages questions test" \
    contains "$SCRATCH/coverage" "3 of 3 lesson pages are tested"

"$TUTOR" --co </dev/null >"$SCRATCH/ambig" 2>&1
check "an ambiguous abbreviation exits 1" test $? -eq 1
check "and lists the options it could be" \
    contains "$SCRATCH/ambig" "option '--co' is ambiguous (--course, --coverage)"
done_testing
