#!/bin/sh
# The README's example lesson and quiz are a course that passes --check,
# so what an author copies from the README works.
. "$top_srcdir/tests/cli/lib.sh"

mkdir -p "$SCRATCH/c/lessons" "$SCRATCH/c/quizzes"
awk -v dir="$SCRATCH/c" '
	/^## File formats/ { on = 1 }
	on && /^```$/ && !inb { inb = 1; n++; next }
	on && /^```$/ && inb { inb = 0; next }
	on && inb && n == 1 { print > (dir "/lessons/01-example.lesson") }
	on && inb && n == 2 { print > (dir "/quizzes/01-example.quiz") }
' "$top_srcdir/README.md"
check "the README holds an example lesson and quiz" \
    test -s "$SCRATCH/c/lessons/01-example.lesson" -a -s "$SCRATCH/c/quizzes/01-example.quiz"
"$TUTOR" --check "$SCRATCH/c" >"$SCRATCH/out" 2>&1
st=$?
check "they pass --check (status $st)" test "$st" -eq 0
[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/out"
done_testing
