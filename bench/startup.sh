#!/bin/sh
# Start-up benchmark: the time and peak memory (maximum resident set) for
# psoas-tutor to reach its first prompt and quit, on a generated course of
# QUESTIONS short questions and on the shipped course, each beside the
# floor measured in the same run (bench_floor: read the same files and
# compile every pattern, without JIT).  Best of ROUNDS runs each.
# Usage: bench/startup.sh TUTOR FLOOR SRCDIR [QUESTIONS] [ROUNDS]
set -e
tutor=$1 floor=$2 top=$3
n=${4:-10000}
rounds=${5:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/psoas-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
sh "$top/bench/gen-course.sh" "$work/course" "$n"

# best ARGS...: "SECONDS KIB" of bench_floor ARGS, the least of each
# over the rounds.
best() {
	i=0
	while [ $i -lt "$rounds" ]; do
		"$floor" "$@" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
		i=$((i + 1))
	done | sort -n -k1,1 | awk 'NR == 1 {t = $1} {if (m == "" || $2 < m) m = $2}
	    END {printf "%s %s\n", t, m}'
}

# row NAME COURSE: the tutor and the floor on COURSE, and the ratios.
row() {
	set -- "$1" "$2" $(best --run "$tutor" --course "$2" \
	    --data-dir "$work/data") $(best --self "$2")
	awk -v name="$1" -v t="$3" -v m="$4" -v ft="$5" -v fm="$6" 'BEGIN {
		printf "%-26s %7.0f ms %6.1f MiB   floor %5.0f ms %5.1f MiB   x%.1f time, x%.1f memory\n",
		    name, t * 1000, m / 1024, ft * 1000, fm / 1024,
		    (ft > 0 ? t / ft : 0), (fm > 0 ? m / fm : 0)
	}'
}

echo "start-up to the first prompt and quit (best of $rounds runs):"
row "generated, $n questions" "$work/course"
row "shipped course" "$top"
