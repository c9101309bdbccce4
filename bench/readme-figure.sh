#!/bin/sh
# Measure provider grading on the shipped course (bench/provider-grade.sh)
# and write the figure into README.md's speed table, so the number there
# is this script's, from one run, beside its floor.
# Usage: bench/readme-figure.sh TUTOR SRCDIR [N]   (N: 10,000)
set -e
n=${3:-10000}
line=$(sh "$2/bench/provider-grade.sh" "$1" "$2" "$n")
echo "$line"
python3 - "$2/README.md" "$line" <<'PY'
import re, sys
readme, line = sys.argv[1], sys.argv[2]
m = re.match(r"provider grade: (\d+) submissions of the shipped course, "
             r"(\d+) certified, in (\d+) s: ([\d.]+) submissions/s "
             r"\(floor: sha256sum of the same files, ([\d.]+) s", line)
if not m or m.group(1) != m.group(2):
    sys.exit("readme-figure: not every submission was certified: " + line)
n, _, secs, rate, floor = m.groups()
row = ("| `provider grade`, %s generated honest submissions of the shipped "
       "course (its learner edition taken, the drawn post-test answered), "
       "each graded again against the full course and certified (signed "
       "text and PDF, registry row): `bench/readme-figure.sh` | %s s, %s "
       "submissions/s (floor, sha256sum of the same files: %s s) |\n"
       % ("{:,}".format(int(n)), secs, rate, floor))
text = open(readme, encoding="utf-8").read().splitlines(keepends=True)
rows = [i for i, t in enumerate(text) if t.startswith("| `provider grade`")]
if len(rows) != 1:
    sys.exit("readme-figure: README.md has %d provider grade rows" % len(rows))
text[rows[0]] = row
open(readme, "w", encoding="utf-8").write("".join(text))
PY
