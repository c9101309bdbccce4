#!/bin/sh
# Build a libFuzzer harness with clang (ASan + UBSan) and run it.
# Usage: fuzz/run-fuzz.sh [SECONDS] [TARGET]   from the top of the source
# tree, after ./configure has made config.h (any build folder: set
# BUILD=DIR).  TARGET is parse (course files and answers, the default),
# journal (journal replay and every report) or render (lesson rendering).
set -e
secs=${1:-60}
target=${2:-parse}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top}
out=$(mktemp -d "${TMPDIR:-/tmp}/psoas-fuzz.XXXXXX")
[ -f "$top/fuzz/fuzz_$target.c" ] || { echo "run-fuzz: no target '$target'" >&2; exit 2; }
# Every module but main.c, and the libraries configure found.
set --
for f in "$top"/src/*.c; do
	[ "$(basename "$f")" = main.c ] || set -- "$@" "$f"
done
mods=
for m in libpcre2-8 readline hunspell cairo fontconfig libsodium sqlite3; do
	pkg-config --exists "$m" 2>/dev/null && mods="$mods $m"
done
# shellcheck disable=SC2086
clang -g -O1 -std=c17 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
    -I"$build" -I"$top/src" -DPKGDATADIR='"/nonexistent"' \
    -DBUILD_SRCDIR='"/nonexistent"' -DBUILD_BINDIR='"/nonexistent"' \
    -DPKGLIBEXECDIR='"/nonexistent"' \
    $(pkg-config --cflags $mods) "$top/fuzz/fuzz_$target.c" "$@" \
    $(pkg-config --libs $mods) -o "$out/fuzz_$target"
# Seed corpus from the test data: course files, and for journals the
# journal of a scripted session on the test course when the program is built.
mkdir -p "$out/corpus"
case $target in
journal)
	if [ -x "$build/src/psoas-tutor" ]; then
		printf '%s\n' 'name Seed Learner' 'open sample-one' next next \
		    'quiz sample-quiz' 'greater trochanter' hint 'lesser trochanter' \
		    'psoas major, iliacus' b 'a c' true 'b a d c' quit |
		    "$build/src/psoas-tutor" --course "$top/tests/data/course" \
		    --data-dir "$out/seed" --learner s >/dev/null 2>&1 || true
		cp "$out/seed/learners/s.journal" "$out/corpus/" 2>/dev/null || true
	fi
	printf 'psoas-tutor journal 1\n' >"$out/corpus/empty" ;;
*)
	cp "$top"/tests/data/course/lessons/*.lesson "$top"/tests/data/course/quizzes/*.quiz \
	    "$out/corpus/" 2>/dev/null || true ;;
esac
cd "$top"
FUZZ_COURSE="$top/tests/data/course" "$out/fuzz_$target" -max_total_time="$secs" \
    -max_len=65536 -rss_limit_mb=2048 "$out/corpus"
echo "fuzz: $target: no crash in $secs s; work folder $out"
