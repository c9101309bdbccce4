#!/bin/sh
# Provider grading benchmark on the SHIPPED course: one honest learner
# takes its learner edition (every lesson read, the drawn post-test
# answered as the full course's examples do: tests/cli/lib.sh
# study_shipped); N generated submissions (default 10,000) are that
# journal under N learner names and attempt ids, checksum chain
# recomputed; one 'provider grade' run against the full course grades
# every answer again and issues a signed certificate (text and PDF) with
# its registry row for each.  Printed beside the floor measured in the
# same run: reading and hashing the same files (sha256sum), the least any
# grader does.
# Usage: bench/provider-grade.sh TUTOR SRCDIR [N]
set -e
TUTOR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top_srcdir=$(cd "$2" && pwd)
n=${3:-10000}
export TUTOR top_srcdir
. "$top_srcdir/tests/cli/lib.sh"
set -e
work=$SCRATCH
PSOAS_TUTOR_PROVIDER_DIR="$work/provider"
export PSOAS_TUTOR_PROVIDER_DIR
"$TUTOR" provider keygen >/dev/null
"$TUTOR" --course "$top_srcdir" --publish "$work/edition" >/dev/null
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+300"
export PSOAS_TUTOR_NOW
study_shipped "$work/edition" "$work/data" l0 "Lee Zero"
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
attempt = [l.split(b"\t")[3] for l in lines if l.startswith(b"quiz-draw")][0]
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
now() { date +%s.%N; }
t0=$(now)
(cd "$work/subs" && ls | xargs sha256sum >/dev/null)
t1=$(now)
(cd "$work/subs" && ls | xargs "$TUTOR" provider --course "$top_srcdir" \
    grade) >"$work/grade.out" 2>&1 || true
t2=$(now)
certified=$(grep -c '^  certified: ' "$work/grade.out" || true)
if [ "$certified" -ne "$n" ]; then
	echo "provider grade: only $certified of $n certified:" >&2
	grep -m 3 'REFUSED' "$work/grade.out" >&2 || true
fi
awk -v n="$n" -v c="$certified" -v f="$t0 $t1" -v g="$t1 $t2" 'BEGIN {
	split(f, a, " "); split(g, b, " ")
	fl = a[2] - a[1]; gr = b[2] - b[1]
	printf "provider grade: %d submissions of the shipped course, %d " \
	    "certified, in %.0f s: %.1f submissions/s (floor: sha256sum of " \
	    "the same files, %.2f s, %.0f/s)\n", n, c, gr, n / gr, fl, n / fl
}'
