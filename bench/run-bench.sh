#!/bin/sh
# Build and run the benchmarks on the shipped course; print their figures.
# Usage: bench/run-bench.sh [ROUNDS]   (from a configured build folder:
#        make bench  does the same)
set -e
rounds=${1:-20}
make -s bench/bench_grade bench/bench_replay bench/bench_floor bench/bench_study src/psoas-tutor
echo "psoas-tutor benchmark, $(date -u +%Y-%m-%d), $(uname -m), rounds=$rounds"
./bench/bench_grade "${top_srcdir:-$(dirname "$0")/..}" "$rounds"
./bench/bench_replay 100000
./bench/bench_study "${top_srcdir:-$(dirname "$0")/..}" 100000
sh "${top_srcdir:-$(dirname "$0")/..}/bench/startup.sh" ./src/psoas-tutor \
    ./bench/bench_floor "${top_srcdir:-$(dirname "$0")/..}"
sh "${top_srcdir:-$(dirname "$0")/..}/bench/provider-grade.sh" ./src/psoas-tutor \
    "${top_srcdir:-$(dirname "$0")/..}"
