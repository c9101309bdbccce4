#!/bin/sh
# Build the libFuzzer harness with clang (ASan + UBSan) and run it.
# Usage: fuzz/run-fuzz.sh [SECONDS]   from the top of the source tree,
# after ./configure has made config.h (any build folder: set BUILD=DIR).
set -e
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top}
out=$(mktemp -d "${TMPDIR:-/tmp}/psoas-fuzz.XXXXXX")
# The modules the harness reaches; main.c, repl.c and the rest are not needed.
srcs="diag msg text srcfile strbuf xmalloc lesson quiz qkind qkind_text qkind_choice qkind_order grade grade_text render"
set --
for m in $srcs; do set -- "$@" "$top/src/$m.c"; done
clang -g -O1 -std=c17 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
    -I"$build" -I"$top/src" $(pkg-config --cflags libpcre2-8) \
    "$top/fuzz/fuzz_parse.c" "$@" $(pkg-config --libs libpcre2-8) \
    -o "$out/fuzz_parse"
mkdir -p "$out/corpus"
cp "$top"/tests/data/course/lessons/*.lesson "$top"/tests/data/course/quizzes/*.quiz \
    "$out/corpus/" 2>/dev/null || true
"$out/fuzz_parse" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
    "$out/corpus"
echo "fuzz: no crash in $secs s; work folder $out"
