#!/bin/sh
# Build the libFuzzer harness with clang (ASan + UBSan) and run it.
# Usage: fuzz/run-fuzz.sh [SECONDS]   from the top of the source tree,
# after ./configure has made config.h (any build folder: set BUILD=DIR).
set -e
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top}
out=$(mktemp -d "${TMPDIR:-/tmp}/psoas-fuzz.XXXXXX")
# Every module but main.c, instrumented: the parsers and the grader reach
# most of them, and a list of the few they reach goes stale.
set --
for f in "$top"/src/*.c; do
	case $f in */main.c) ;; *) set -- "$@" "$f" ;; esac
done
pkgs="libpcre2-8 hunspell readline cairo-pdf fontconfig libsodium"
clang -g -O1 -std=c17 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
    -I"$build" -I"$top/src" -DPKGDATADIR='"/nonexistent"' \
    -DBUILD_SRCDIR='"/nonexistent"' -DBUILD_BINDIR='"/nonexistent"' \
    $(pkg-config --cflags $pkgs) "$top/fuzz/fuzz_parse.c" "$@" \
    $(pkg-config --libs $pkgs) -o "$out/fuzz_parse"
mkdir -p "$out/corpus"
cp "$top"/tests/data/course/lessons/*.lesson "$top"/tests/data/course/quizzes/*.quiz \
    "$out/corpus/" 2>/dev/null || true
"$out/fuzz_parse" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
    "$out/corpus"
echo "fuzz: no crash in $secs s; work folder $out"
