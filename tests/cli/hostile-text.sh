#!/bin/sh
# Hostile text never reaches a terminal or a file raw: an escape sequence
# or a text-direction override in a full name written into a journal by
# hand is refused on replay (the record is skipped, with a warning), and
# answers holding escape bytes or U+202E are shown escaped by 'review'
# and in the class summary, and neutralised in exports.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --plain "$@"
}

# A learner with an honest name, and one whose journal was edited by hand
# to hold a name that clears the screen and overwrites the next row.
printf 'name Ann Honest\nquit\n' | tutor --learner ann >/dev/null 2>&1
printf 'quit\n' | tutor --learner eve >/dev/null 2>&1
python3 "$top_srcdir/tests/cli/journal-chain.py" append \
    "$data/learners/eve.journal" \
    "name\\t$(date +%s)\\t$(printf '\033[2J\033[1AEve \342\200\256liveD')"
tutor --learner eve --progress >"$SCRATCH/eve" 2>"$SCRATCH/eve.err"
check "a hand-edited name with escapes is skipped on replay" \
    contains "$SCRATCH/eve.err" "a full name that cannot be used: it contains control or text-direction characters"
check "and no escape byte reaches the report" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/eve'"
# A zero width space edited into an identity record, and into a name.
printf 'quit\n' | tutor --learner zed >/dev/null 2>&1
python3 "$top_srcdir/tests/cli/journal-chain.py" append \
    "$data/learners/zed.journal" \
    "identity\\t$(date +%s)\\tZed$(printf '\342\200\213') Doe\\tLMT-1\\tME"
python3 "$top_srcdir/tests/cli/journal-chain.py" append \
    "$data/learners/zed.journal" \
    "name\\t$(date +%s)\\t$(printf '\357\273\277')Zed Doe"
tutor --learner zed --progress >"$SCRATCH/zed" 2>"$SCRATCH/zed.err"
check "a hand-edited identity with U+200B is skipped on replay" \
    contains "$SCRATCH/zed.err" "an identity that cannot be used: it contains U+200B"
check "a hand-edited name with U+FEFF is skipped on replay" \
    contains "$SCRATCH/zed.err" "a full name that cannot be used: it contains U+FEFF"
check "and neither reaches the report" \
    sh -c "! grep -q 'Zed' '$SCRATCH/zed'"
tutor --progress --all-learners >"$SCRATCH/all" 2>"$SCRATCH/all.err"
check "the class summary has no escape byte" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/all'"
check "and still shows the honest learner" contains "$SCRATCH/all" "Ann Honest"

# Answers with an escape sequence and a right-to-left override.
printf 'quiz sample-quiz\n\033[31mred \342\200\256 answer\n\033[31mred \342\200\256 answer\nskip\nskip\nskip\nskip\nskip\nskip\nreview sample-quiz\nquit\n' |
    tutor --learner cy >"$SCRATCH/cy" 2>&1
check "review shows no raw escape byte" sh -c "! grep -q \"$(printf '\033')\" '$SCRATCH/cy'"
check "review shows the escape as text" contains "$SCRATCH/cy" '\x1b[31mred'
check "review shows the override as text" contains "$SCRATCH/cy" '<U+202E>'
tutor --learner cy --export csv >"$SCRATCH/cy.csv" 2>&1
check "the export shows the override as text" contains "$SCRATCH/cy.csv" '<U+202E>'
check "and no raw override" sh -c "! grep -q \"$(printf '\342\200\256')\" '$SCRATCH/cy.csv'"
done_testing
