#!/bin/sh
# Grade held-out marked responses (by default tests/heldout/set4, the
# newest set) with a build's
# grader and the course of this source tree, and print the two rates:
# of the answers the marker credited, the share credited; of those the
# marker refused (or gave partial credit), the share refused.
# The course is copied: its own marked responses are left out (they are
# the development set) and the held-out ones put in their place, keeping
# only free-text questions that still exist. Nothing in the tree changes.
# Usage: bench/heldout.sh [BUILD_DIR]   (default: the current directory)
# HELDOUT=DIR grades another folder of QUIZ-ID.responses files (such
# as tests/heldout/set2 or set3);
# VERBOSE=1 also prints each disagreement.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-.}
tutor=$(cd "$build" && pwd)/src/psoas-tutor
held=${HELDOUT:-$top/tests/heldout/set4}
[ -x "$tutor" ] || { echo "heldout.sh: no $tutor (build first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/psoas-heldout.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -R "$top/lessons" "$top/quizzes" "$top/course.manifest" "$top/glossary" "$work/"
chmod -R u+w "$work"
rm -f "$work"/quizzes/*.responses
for f in "$held"/*.responses; do
	qid=$(basename "$f" .responses)
	qf=$(grep -l "^@quiz $qid\$" "$work"/quizzes/*.quiz | head -n 1) || true
	[ -n "$qf" ] || { echo "skipped: no quiz '$qid' any more" >&2; continue; }
	# Free-text question ids of the quiz as it is now.
	ids=$(awk '/^@question /{k=$2} /^@id /{if (k=="short"||k=="list") print $2; k=""}' "$qf")
	awk -v ids="$ids" '
		BEGIN { n = split(ids, a, "\n"); for (i = 1; i <= n; i++) keep_id[a[i]] = 1; keep = 1 }
		/^@question / { keep = ($2 in keep_id); if (!keep) skipped[$2] = 1 }
		keep || /^#/ || /^@responses / || /^@origin / { print }
		END { for (q in skipped) printf "skipped: %s:%s (no such free-text question now)\n", FILENAME, q > "/dev/stderr" }
	' "$f" >"${qf%.quiz}.responses"
done
"$tutor" --check --agreement "$work" >"$work/agree.txt" 2>&1 || true
[ -n "${VERBOSE:-}" ] && grep ': error: ' "$work/agree.txt" | sed "s|$work/||g"
line=$(grep 'marked responses: ' "$work/agree.txt" | sed 's/^psoas-tutor: //')
[ -n "$line" ] || { sed "s|$work/||g" "$work/agree.txt" >&2; exit 1; }
echo "held-out set ${HELDOUT:-tests/heldout/set4} graded at $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo 'this tree'):"
echo "$line"
