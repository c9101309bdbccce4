#!/bin/sh
# The licence on a CE certificate: the issuing state is one of a list (US
# states, DC, the inhabited US territories, Canadian provinces and
# territories), typed as code or name in any case, and recorded as its
# postal code; anything else is refused with a message and asked again.
# The licence number is ASCII letters, digits and - . / # and spaces.
. "$top_srcdir/tests/cli/lib.sh"

data="$SCRATCH/data"
tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" --plain "$@"
}
# identity LEARNER LINES: the identity questions answered with LINES (one
# per line, then leave); the output with its lines joined, for messages
# wrapped anywhere, in $SCRATCH/LEARNER.joined.
identity() {
	printf 'identity\n%s\nleave\n' "$2" | tutor --learner "$1" 2>&1 |
	    tr '\n' ' ' | tr -s ' ' >"$SCRATCH/$1.joined"
}
# times LEARNER TEXT: how many times TEXT was said to LEARNER.
times() { grep -oF -- "$2" "$SCRATCH/$1.joined" | wc -l; }
journal_states() {
	sed -n 's/^identity	[0-9]*	[^	]*	[^	]*	\([^	]*\)	.*/\1/p' \
	    "$data/learners/$1.journal" | tr '\n' ' '
}

# Each line typed as the state, and the code recorded for it.
for pair in "me:ME" "Maine:ME" "MAINE:ME" "new  york:NY" "N.Y.:NY" \
    "district of columbia:DC" "Washington D.C.:DC" "U.S. Virgin Islands:VI" \
    "puerto rico:PR" "Guam:GU" "ontario:ON" "Québec:QC" "bc:BC" \
    "newfoundland and labrador:NL" "north-carolina:NC"; do
	typed=${pair%:*} code=${pair##*:}
	printf 'identity\nAnn Example\nLMT-1\n%s\nleave\n' "$typed" |
	    tutor --learner ann >"$SCRATCH/ann.out" 2>&1
	got=$(journal_states ann | awk '{print $NF}')
	check "'$typed' is recorded as $code" test "$got" = "$code"
done

identity bo "$(printf 'Bo Example\nLMT-2\nother\nXX\nMaineland\nEngland\nFL FL\nfl')"
check "anything else is refused, saying which licences a certificate can name" \
    test "$(times bo 'it is not a US state or territory or a Canadian province or territory')" -eq 5
check "and says whom to ask about a licence from elsewhere" \
    contains "$SCRATCH/bo.joined" "(for one from elsewhere, ask your provider)"
check "then the state is asked again, and 'fl' is recorded as FL" \
    test "$(journal_states bo)" = "FL "
check "the identity on record shows the code" \
    sh -c "printf 'identity\nleave\n' | \"$TUTOR\" --course '$FIXTURE' --data-dir '$data' --plain --learner bo | grep -q 'Bo Example, licence LMT-2 (FL)'"

# The licence number.
identity cy "$(printf 'Cy Example\nLMT\342\200\22112\nLMT 12\320\220\nLMT<12>\n%s\nMA.12/34 #5\nMA' \
    "$(head -c 41 /dev/zero | tr '\0' 1)")"
check "a licence number with a non-ASCII letter or a symbol is refused" \
    test "$(times cy 'a licence number holds only the letters A to Z, digits, spaces and - . / #')" -eq 3
check "one longer than 40 characters is refused" \
    contains "$SCRATCH/cy.joined" "it is longer than 40 characters"
check "letters, digits, spaces and - . / # are kept as typed" \
    sh -c "grep -q '^identity	[0-9]*	Cy Example	MA.12/34 #5	MA	' '$data/learners/cy.journal'"

# A record from before the list: a known name is read as its code, any
# other text is kept as it was recorded.
printf 'quit\n' | tutor --learner dee >/dev/null 2>&1
for state in "maine" "Board of Massage"; do
	python3 "$top_srcdir/tests/cli/journal-chain.py" append \
	    "$data/learners/dee.journal" \
	    "identity\\t$(date +%s)\\tDee Example\\tLMT-4\\t$state"
	printf 'identity\nleave\n' | tutor --learner dee >"$SCRATCH/dee.out" 2>&1
	cp "$SCRATCH/dee.out" "$SCRATCH/dee.$state"
done
check "an older record saying 'maine' is read as ME" \
    contains "$SCRATCH/dee.maine" "Dee Example, licence LMT-4 (ME)"
check "an older record naming none of the list is kept as recorded" \
    contains "$SCRATCH/dee.Board of Massage" "Dee Example, licence LMT-4 (Board of Massage)"
done_testing
