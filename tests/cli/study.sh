#!/bin/sh
# Studying without traps (issue 13): a tutor command typed in a quiz is a
# command, never a graded try nor a recorded answer ('answer WORD' gives a
# command word as the answer); two-option questions have one try; review
# shows every question that lost points; and the smaller items: command
# and lesson suggestions, 'c)' as a letter, a greeting that does not offer
# a finished lesson, web addresses whole at --width 40, 'quit' saying
# progress is saved, and 'certificate' naming the learner and every
# requirement still unmet.
. "$top_srcdir/tests/cli/lib.sh"

journal="$SCRATCH/data/learners/default.journal"
answers() { awk -F '\t' '$1 == "try" || $1 == "answer"' "$journal" | wc -l; }

# --- commands in a quiz
printf '%s\n' 'quiz sample-quiz' list progress 'help review' LIST \
    'open sample-one' 'review sample-quiz' 'back muscles' quit |
    session "$SCRATCH/cmd"
check "list in a quiz lists the lessons" contains "$SCRATCH/cmd" "Lessons:"
check "progress in a quiz shows the report" contains "$SCRATCH/cmd" "Progress of default"
check "help COMMAND in a quiz explains the command" \
    contains "$SCRATCH/cmd" "review [QUIZ]"
check "after a command the quiz says where it waits" \
    contains "$SCRATCH/cmd" "Back to sample-quiz 1/6"
check "a command that would leave the quiz says to leave first" \
    contains "$SCRATCH/cmd" "That is a command: type 'leave' to leave the quiz first"
check "and how to give the word as an answer" \
    contains "$SCRATCH/cmd" "type 'answer open sample-one'"
check "review (which shows answers) is refused in a quiz" \
    contains "$SCRATCH/cmd" "To give 'review sample-quiz' as your answer"
check "an answer that starts with a command word is still an answer" \
    contains "$SCRATCH/cmd" "Not correct."
check "only that answer was recorded: commands use no try" test "$(answers)" -eq 1
check "no command is recorded as an answer" \
    sh -c "! awk -F '\t' '\$1 == \"try\" || \$1 == \"answer\"' '$journal' | grep -qE 'list|progress|help|LIST|open|review sample'"

printf '%s\n' 'quiz sample-quiz' 'answer list' quit | session "$SCRATCH/esc"
check "'answer list' grades the word list" \
    sh -c "awk -F '\t' '(\$1 == \"try\" || \$1 == \"answer\") && \$12 == \"list\"' '$journal' | grep -q ."
check "the quiz's help says how to answer with a command word" \
    sh -c "printf 'quiz sample-quiz\nhelp\nquit\n' | '$TUTOR' --course '$FIXTURE' --data-dir '$SCRATCH/d2' | grep -q 'as in answer list'"

# --- two options: one try; review shows partial credit
rm -rf "$SCRATCH/data"
printf '%s\n' 'quiz sample-quiz' 'lesser trochanter' 'psoas major' \
    'psoas major' b 'a' 'a' false 'b a d c' quit | session "$SCRATCH/tf"
check "a true/false question gets no second try" \
    sh -c "sed -n '/Question 5 of 6/,\$p' '$SCRATCH/tf' | grep -q 'The answer: true'"
check "and never says 'Try again' there" \
    sh -c "! sed -n '/Question 5 of 6/,\$p' '$SCRATCH/tf' | grep -q 'Try again'"
printf '%s\n' 'review sample-quiz' quit | session "$SCRATCH/rv"
check "review shows a question answered partly right" \
    contains "$SCRATCH/rv" "Question 2: Name the two muscles"
check "with its points" contains "$SCRATCH/rv" "Points: 0.25 of 1; 2 tries."
check "and what was missing, by name where the answer is shown" \
    contains "$SCRATCH/rv" "Missing: 1 more of the 2 items needed: 'iliacus'."
check "a multi answered in part says how many right choices were not picked" \
    contains "$SCRATCH/rv" "Missing: 1 of the 2 right choices not picked."
printf '%s\n' 'quiz final' 'lesser trochanter' 'psoas major' b true quit |
    session "$SCRATCH/pt"
check "the post-test review shows a partial answer's points" \
    contains "$SCRATCH/pt" "Points: 0.5 of 1."
check "and how many items were missing" \
    contains "$SCRATCH/pt" "Missing: 1 more of the 2 items needed."
check "but never which: its answers stay secret" lacks "$SCRATCH/pt" "iliacus'"
check "a question right on the first try is left out" lacks "$SCRATCH/rv" "Question 1:"

# --- smaller items
printf '%s\n' LIST LIZT 'open sample-on' 'sources smaple-two' quit |
    session "$SCRATCH/sug"
check "commands are read in any case: LIST lists" contains "$SCRATCH/sug" "Lessons:"
check "and is no unknown command" lacks "$SCRATCH/sug" "Unknown command 'LIST'"
check "LIZT gets a suggestion" contains "$SCRATCH/sug" "Unknown command 'LIZT'. Did you mean 'list'?"
check "open with a typo names the nearest lesson" \
    contains "$SCRATCH/sug" "There is no lesson 'sample-on'. Did you mean 'sample-one'?"
check "quit says progress is saved" contains "$SCRATCH/sug" "Your progress is saved."

# help: every summary in one column, after the widest command; wrapped at
# the width, each below its command when the width leaves too little.
echo help | session "$SCRATCH/help80" --width 80
cols=$(for summary in 'list the commands' 'drill questions until right' \
    'your certificate of completion' 'previous page'; do
        awk -v s="$summary" 'index($0, s) { print index($0, s) }' "$SCRATCH/help80"
    done | sort -u)
check "help puts every summary in one column, the longest command's too" \
    test "$(echo "$cols" | wc -l)" -eq 1 -a "$cols" -gt 20
echo help | session "$SCRATCH/help40" --width 40
check "at --width 40 no line of help is wider than 40 columns" \
    sh -c "! awk 'length(\$0) > 40' '$SCRATCH/help40' | grep -q ."

# Narrow terminals: quiz headings wrap at the width; a figure wider than
# the width is described instead, and the learner told so.
printf '%s\n' 'quiz anatomy-quiz' leave 'open anatomy' quit |
    TERM=xterm "$TUTOR" --course "$top_srcdir" --data-dir "$SCRATCH/narrow" --width 40 \
    >"$SCRATCH/narrow.out" 2>&1
check "a quiz heading is wrapped at 40 columns" \
    sh -c "grep -qx 'Functional anatomy of the iliopsoas:' '$SCRATCH/narrow.out' &&
        ! grep -q 'ractice quiz.\{40\}' '$SCRATCH/narrow.out' &&
        ! sed -n '1,/questions, /p' '$SCRATCH/narrow.out' | awk 'length(\$0) > 40' | grep -q ."
check "a figure wider than 40 columns is described, and the learner told" \
    sh -c "grep -qF '(Figure 1 is too wide to draw here.)' '$SCRATCH/narrow.out' &&
        grep -q '^Description:\|Description: ' '$SCRATCH/narrow.out' &&
        ! grep -q 'FRONT VIEW' '$SCRATCH/narrow.out'"

# An order question's "e.g." has as many letters as it has steps and is
# never its right order: every order question of the shipped practice
# quizzes, its right order taken from its own @example+.
for quiz in anatomy-quiz function-quiz; do
    { echo "quiz $quiz"; seq 40 | sed 's/.*/skip/'; echo quit; } |
        "$TUTOR" --course "$top_srcdir" --data-dir "$SCRATCH/orders" \
        --width 200 >>"$SCRATCH/orders.out" 2>&1
done
check "an order question's example fits its steps and is never the answer" \
    python3 - "$top_srcdir/quizzes" "$SCRATCH/orders.out" <<'PY'
import glob, re, sys
qs = {}
for path in glob.glob(sys.argv[1] + "/*.quiz"):
    for block in open(path).read().split("@question ")[1:]:
        if not block.startswith("order"):
            continue
        prompt = re.search(r"^@prompt (.*)$", block, re.M).group(1)
        right = re.search(r"^@example\+ (.*)$", block, re.M).group(1)
        qs[prompt[:40]] = (len(re.findall(r"^@step ", block, re.M)),
                           "".join(right.split()))
seen = 0
for chunk in open(sys.argv[2]).read().split("\nQuestion ")[1:]:
    m = re.search(r"in order, e\.g\. ([a-z ]+)\.", chunk)
    if not m:
        continue
    key = [k for k in qs if k in chunk]
    if len(key) != 1:
        sys.exit("no single question for: " + chunk[:200])
    n, right = qs[key[0]]
    ex = m.group(1).split()
    if len(ex) != n or sorted(ex) != [chr(97 + i) for i in range(n)] or "".join(ex) == right:
        sys.exit("bad example %s (right %s) in: %s" % (ex, right, chunk[:300]))
    seen += 1
sys.exit(0 if seen >= 3 else "only %d order questions seen" % seen)
PY

printf '%s\n' 'quiz sample-quiz' 'c)' quit | session "$SCRATCH/paren"
rm -rf "$SCRATCH/data"
printf '%s\n' 'quiz sample-quiz' skip skip 'c)' quit | session "$SCRATCH/paren"
check "'c)' is read as the letter c" \
    sh -c "sed -n '/Question 3 of 6/,/Question 4 of 6/p' '$SCRATCH/paren' | grep -q 'type the letter\|Not correct'"

rm -rf "$SCRATCH/data"
printf '%s\n' 'open sample-two' next quit | session "$SCRATCH/g1"
printf '%s\n' quit | session "$SCRATCH/g2"
check "the greeting does not offer to continue a finished lesson" \
    lacks "$SCRATCH/g2" "Type 'continue'"
check "it offers the next unread lesson" contains "$SCRATCH/g2" "Type 'open sample-one'"

printf '%s\n' 'sources sample-one' quit | session "$SCRATCH/url" --width 40
check "a web address is never cut at --width 40" \
    grep -q '^ *https://example.org/psoas$' "$SCRATCH/url"

printf '%s\n' 'name Jane Q. Learner' certificate quit | session "$SCRATCH/cert"
check "certificate names the learner by name" \
    contains "$SCRATCH/cert" "No certificate yet for Jane Q. Learner"
check "and lists every requirement still unmet" \
    sh -c "grep -q 'pass the post-test' '$SCRATCH/cert' && grep -q 'read Sample one: the hip flexor (sample-one)' '$SCRATCH/cert'"
done_testing
