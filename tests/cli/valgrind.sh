#!/bin/sh
# Memory errors and leaks in real runs: the checker on the shipped course,
# and a scripted session that reads, takes a quiz with every kind of
# answer and prints the reports.  Skipped when valgrind is not installed.
. "$top_srcdir/tests/cli/lib.sh"

command -v valgrind >/dev/null 2>&1 || skip_all "valgrind is not installed"
# A sanitizer build checks itself; valgrind cannot run it.
ldd "$TUTOR" 2>/dev/null | grep -q 'libasan' && skip_all "built with AddressSanitizer"

vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "$@"
}

vg "$TUTOR" --check >/dev/null 2>"$SCRATCH/check.vg"
st=$?
check "--check on the shipped course: no memory errors or leaks (status $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/check.vg" | head -n 30

printf '%s\n' list 'open sample-one' next back 'quiz sample-quiz' \
    'greater trochanter' hint 'lesser trochanter' skip 'a' 'b c' true skip \
    leave progress 'quiz sample-quiz' skip skip skip skip skip skip skip \
    certificate quit |
    vg "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" \
    >/dev/null 2>"$SCRATCH/session.vg"
st=$?
check "a scripted session: no memory errors or leaks (status $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/session.vg" | head -n 30

vg "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" --export csv \
    >/dev/null 2>"$SCRATCH/export.vg"
st=$?
check "--export after the session: no memory errors or leaks (status $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/export.vg" | head -n 30
done_testing
