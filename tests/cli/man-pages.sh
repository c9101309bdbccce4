#!/bin/sh
# The man pages describe what the program does: every option of --help
# and every command of 'help' is in psoas-tutor(1), and psoas-tutor(5) is
# the current doc/FORMATS.md (checked when pandoc is installed).
. "$top_srcdir/tests/cli/lib.sh"

man1="$top_srcdir/man/psoas-tutor.1"
# groff escapes hyphens: compare against the page with '\-' made '-'.
sed 's/\\-/-/g' "$man1" >"$SCRATCH/man1"

missing=
for opt in $("$TUTOR" --help | grep -o -- '--[a-z-]*' | sort -u); do
	grep -q -- "$opt" "$SCRATCH/man1" || missing="$missing $opt"
done
check "psoas-tutor(1) documents every option of --help${missing:+ (missing:$missing)}" \
    test -z "$missing"

missing=
printf 'help\nquit\n' | "$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/d" \
    >"$SCRATCH/help"
for cmd in $(awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' "$SCRATCH/help"); do
	grep -q "^\.B[RI]* $cmd\b" "$SCRATCH/man1" || missing="$missing $cmd"
done
check "psoas-tutor(1) documents every REPL command${missing:+ (missing:$missing)}" \
    test -z "$missing"

if command -v pandoc >/dev/null 2>&1; then
	mkdir -p "$SCRATCH/tree/man" "$SCRATCH/tree/doc"
	cp "$top_srcdir/configure.ac" "$SCRATCH/tree/"
	cp "$top_srcdir/doc/FORMATS.md" "$SCRATCH/tree/doc/"
	(cd "$SCRATCH/tree" && sh "$top_srcdir/man/gen-man5.sh" >/dev/null)
	same "psoas-tutor(5) is generated from the current doc/FORMATS.md" \
	    "$top_srcdir/man/psoas-tutor.5" "$SCRATCH/tree/man/psoas-tutor.5"
else
	skip "pandoc is not installed"
fi
done_testing
