#!/bin/sh
# Provider grading benchmark: N generated submissions (default 10,000),
# each an honest learner's journal of the fixture course with its own
# attempt id and learner name (checksum chain recomputed), graded in one
# 'provider grade' run: every answer graded again, a signed certificate
# (text and PDF) issued and recorded in the SQLite registry for each.
# Printed beside the floor measured in the same run: reading and hashing
# the same files (sha256sum), the least any grader does.
# Usage: bench/provider-grade.sh TUTOR SRCDIR [N]
set -e
tutor=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") top=$2
n=${3:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/psoas-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -R "$top/tests/data/course" "$work/course"
chmod -R u+w "$work/course"
cat >"$work/course/course.manifest" <<'MAN'
@course bench-ce
@title Benchmark Course
@version 1.0
@type home study
@hours 0.1
@provider-name Bench Provider
@provider-address 1 Bench Road, Springfield
@provider-email ce@bench.example
@provider-number BENCH-1
@author A. Bench, LMT
@posttest final
@pass 75
@attempts 3
@wait-hours 0
@require-practice no
MAN
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+60"
export PSOAS_TUTOR_NOW
"$tutor" --course "$work/course" --data-dir "$work/data" --learner l0 \
    --plain >/dev/null 2>&1 <<'IN'
name Lee Zero
open sample-one
next
next
open sample-two
next
quiz final
Lee Zero
LMT-0
ME
I did the work of this course myself
lesser trochanter
psoas major and iliacus
b
true
leave
quit
IN
mkdir "$work/subs"
python3 - "$work/data/learners/l0.journal" "$work/subs" "$n" <<'PY'
import sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xffffffff
    return h
lines = open(src, "rb").read().split(b"\n")
attempt = [l.split(b"\t")[3] for l in lines if l.startswith(b"quiz-")][0]
for i in range(n):
    new = attempt + b"-" + str(i).encode()
    out_lines, prev = [lines[0]], b"00000000"
    for l in lines[1:]:
        if not l:
            continue
        body = l.rsplit(b"\t", 1)[0].replace(attempt, new)
        s = ("%08x" % fnv(prev + b"\t" + body)).encode()
        out_lines.append(body + b"\t" + s)
        prev = s
    open("%s/l%d.journal" % (out, i), "wb").write(b"\n".join(out_lines) + b"\n")
PY
"$tutor" provider --dir "$work/provider" keygen >/dev/null
now() { date +%s.%N; }
t0=$(now)
(cd "$work/subs" && ls | xargs sha256sum >/dev/null)
t1=$(now)
(cd "$work/subs" && ls | xargs "$tutor" provider --dir "$work/provider" \
    --course "$work/course" grade) >"$work/grade.out" 2>&1 || true
t2=$(now)
certified=$(grep -c '^  certified: ' "$work/grade.out" || true)
awk -v n="$n" -v c="$certified" -v f="$t0 $t1" -v g="$t1 $t2" 'BEGIN {
	split(f, a, " "); split(g, b, " ")
	fl = a[2] - a[1]; gr = b[2] - b[1]
	printf "provider grade: %d submissions, %d certified, in %.2f s: " \
	    "%.0f submissions/s (floor: sha256sum of the same files, " \
	    "%.3f s, %.0f/s)\n", n, c, gr, n / gr, fl, n / fl
}'
