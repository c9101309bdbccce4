#!/bin/sh
# Undefined behaviour in real runs: the program built again with clang's
# UndefinedBehaviorSanitizer (every module, as src/psoas-tutor is) runs
# the checker, --coverage and --show-matches of every quiz on the shipped
# course, and a scripted session on the test course; none may print a
# "runtime error".  valgrind (valgrind.sh) cannot see these: NULL + 0, a
# signed overflow or a misaligned load are undefined but touch no bad
# memory.  Skipped without clang.
. "$top_srcdir/tests/cli/lib.sh"

command -v clang >/dev/null 2>&1 || skip_all "clang is not installed"
: "${SAN_CFLAGS:?make check sets SAN_CFLAGS}"

# The libraries the program links, without the gcc-built libtutor.a; the
# warning flags stay out too (they are gcc's job, under --enable-werror).
libs=
for w in $SAN_LIBS; do
	case $w in *.a) ;; *) libs="$libs $w" ;; esac
done
cflags=
for w in $SAN_CFLAGS; do
	case $w in -W*|-pedantic) ;; *) cflags="$cflags $w" ;; esac
done
bin="$SCRATCH/psoas-tutor-ubsan"
# shellcheck disable=SC2086
if ! clang -O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined \
    -I"$top_builddir" -I"$top_srcdir/src" -DPKGDATADIR='"/nonexistent"' \
    -DBUILD_SRCDIR='"/nonexistent"' -DBUILD_BINDIR='"/nonexistent"' \
    -DPKGLIBEXECDIR='"/nonexistent"' \
    $cflags "$top_srcdir"/src/*.c $libs -o "$bin" 2>"$SCRATCH/cc.err"; then
	not_ok "the program builds with clang -fsanitize=undefined"
	sed 's/^/#   /' "$SCRATCH/cc.err" | head -n 20
	done_testing
fi

# run NAME ARGS...: no runtime error on stderr (the exit status is the
# command's business: --check of a course with errors exits 1).
run() {
	_name=$1; shift
	"$bin" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err" </dev/null
	if grep -q 'runtime error' "$SCRATCH/err"; then
		not_ok "$_name: no undefined behaviour"
		grep 'runtime error' "$SCRATCH/err" | head -n 5 | sed 's/^/#   /'
	else
		ok "$_name: no undefined behaviour"
	fi
}

course="$top_srcdir"
run "--check of the shipped course" --course "$course" --check
run "--coverage of the shipped course" --course "$course" --coverage
for f in "$course"/quizzes/*.quiz; do
	id=$(sed -n 's/^@quiz[ 	]*//p' "$f" | head -n 1)
	run "--show-matches $id" --course "$course" --show-matches "$id"
done
run "--check of every malformed quiz" --check "$top_srcdir"/tests/data/bad-quizzes/*.quiz
printf '%s\n' list 'open sample-one' next back 'quiz sample-quiz' \
    'greater trochanter' hint 'lesser trochanter' skip a 'b c' true skip \
    leave progress quit >"$SCRATCH/in"
"$bin" --course "$FIXTURE" --data-dir "$SCRATCH/data" <"$SCRATCH/in" \
    >"$SCRATCH/out" 2>"$SCRATCH/err"
if grep -q 'runtime error' "$SCRATCH/err"; then
	not_ok "a scripted session: no undefined behaviour"
	grep 'runtime error' "$SCRATCH/err" | head -n 5 | sed 's/^/#   /'
else
	ok "a scripted session: no undefined behaviour"
fi
done_testing
