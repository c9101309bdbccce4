#!/bin/sh
# An instructor's view of a classroom computer: --all-learners with
# --progress (one summary line per learner) and --export (one file).
. "$top_srcdir/tests/cli/lib.sh"

printf '%s\n' 'name Ana Real' 'quiz sample-quiz' 'lesser trochanter' quit |
    session "$SCRATCH/a" --learner ana
printf '%s\n' 'open sample-one' next next 'quiz sample-quiz' \
    'greater trochanter' 'greater trochanter' quit |
    session "$SCRATCH/b" --learner bob

"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" --progress \
    --all-learners >"$SCRATCH/class" 2>&1
check "the class summary exits 0" test $? -eq 0
check "it has a header line" contains "$SCRATCH/class" "learner"
check "one line per learner, with the full name" \
    sh -c "grep -q '^ana .*Ana Real\$' '$SCRATCH/class' && grep -q '^bob ' '$SCRATCH/class'"
check "bob's finished lesson is counted" sh -c "grep '^bob ' '$SCRATCH/class' | grep -q ' 1/2 '"

"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" --export csv \
    --all-learners >"$SCRATCH/all.csv" 2>&1
check "the export exits 0" test $? -eq 0
check "one header row for everyone" test "$(grep -c '^learner,' "$SCRATCH/all.csv")" -eq 1
check "rows of both learners (ana 1, bob 2 tries)" \
    sh -c "test \$(grep -c '^ana,' '$SCRATCH/all.csv') -eq 1 && test \$(grep -c '^bob,' '$SCRATCH/all.csv') -eq 2"

"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" --all-learners \
    </dev/null >/dev/null 2>&1
check "--all-learners alone is a usage error" test $? -eq 1
done_testing
