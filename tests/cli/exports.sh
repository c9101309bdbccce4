#!/bin/sh
# A post-test drawn from a pool, and what auditors and providers get out
# of the journals: the draw recorded with its seed and resumed on the same
# questions, the drawn questions, lesson completion with time on task and
# evaluation answers exported, formulas and control characters in learners'
# text neutralised in every export, and the provider's evaluation summary.
. "$top_srcdir/tests/cli/lib.sh"


# The course has CE rules: pages must be on screen long enough to be read.
# Each line a scripted learner types takes 200 s on the injected clock
# (sample-two has 1,236 words here: at least 185 s to read).
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+200"
export PSOAS_TUTOR_NOW

course="$SCRATCH/course"
mkdir -p "$course/lessons" "$course/quizzes"
cp "$FIXTURE"/lessons/*.lesson "$course/lessons/"
# 1,200 more words on the last page of sample-two, so the content proves
# the manifest's 0.1 CE hour (12,000 words an hour), and 6 minutes for it.
sed -i 's/^@minutes 1$/@minutes 6/' "$course/lessons/02-sample-two.lesson"
i=0
while [ $i -lt 1200 ]; do
	i=$((i + 1))
	if [ $((i % 100)) -eq 0 ]; then echo word; else printf 'word '; fi
done >>"$course/lessons/02-sample-two.lesson"
echo '[@sample-c]' >>"$course/lessons/02-sample-two.lesson"
cp "$FIXTURE"/quizzes/01-sample.quiz "$course/quizzes/"
cat >"$course/quizzes/99-final.quiz" <<'EOF'
# A pool of five: each attempt draws two of sample-one and one of sample-two.
@quiz final
@title Final test (drawn)
@lesson none
@kind posttest
@pass 75
@draw 2 sample-one
@draw 1 sample-two

@question choice
@id p1
@prompt Pool question one: pick the first choice.
@choice* first one
@choice second one
@choice third one
@choice fourth one
@explain The first.
@example+ a
@taught sample-one 1
@objective sample-one 1

@question choice
@id p2
@prompt Pool question two: pick the first choice.
@choice* alpha
@choice beta
@choice gamma
@explain The first.
@example+ a
@taught sample-one 2
@objective sample-one 2

@question truefalse
@id p3
@prompt Pool question three: say true.
@answer true
@explain True.
@example+ true
@topic sample-one
@taught sample-two 1

@question choice
@id p4
@prompt Pool question four: pick the first choice.
@choice* one
@choice two
@explain The first.
@example+ a
@taught sample-two 1

@question truefalse
@id p5
@prompt Pool question five: say true.
@answer true
@explain True.
@example+ true
@taught sample-two 1
EOF
cat >"$course/course.manifest" <<'EOF'
@course pool-ce
@title Pool Course
@version 1.0
@type home study
@hours 0.1
@provider-name P
@provider-address A
@provider-email e@example.org
@provider-number N
@author Ann Author, LMT
@posttest final
@pass 75
@attempts 3
@wait-hours 0
@require-practice no
@evaluation likert useful It was useful.
@evaluation text comments Comments?
EOF

tutor() {
	"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --plain \
	    --width 72 "$@"
}
journal="$SCRATCH/data/learners/ann.journal"

"$TUTOR" --course "$course" --check >"$SCRATCH/check" 2>&1
check "--check accepts the pool" test $? -eq 0
check "and counts the five of the pool" contains "$SCRATCH/check" "11 questions"

# 1. Read the lessons, give the identity the post-test asks for, start
# the post-test and leave at once: the draw is in the journal.
printf 'open sample-one\n\n\nopen sample-two\n\nquiz final\nAnn Example\nL-1\nME\nI did the work of this course myself\nleave\nquit\n' |
    tutor --learner ann >"$SCRATCH/s1" 2>&1
check "the sitting asks three questions" contains "$SCRATCH/s1" "Question 1 of 3"
check "one quiz-draw record starts the attempt" \
    test "$(grep -c '^quiz-draw	' "$journal")" -eq 1
draw=$(grep '^quiz-draw	' "$journal" | cut -f 7)
seed=$(grep '^quiz-draw	' "$journal" | cut -f 6)
check "its seed is 16 hex digits" sh -c "echo '$seed' | grep -Eqx '[0-9a-f]{16}'"
n1=$(echo "$draw" | tr ' ' '\n' | grep -Ec '^p[123](/|$)')
n2=$(echo "$draw" | tr ' ' '\n' | grep -Ec '^p[45](/|$)')
check "it drew two of sample-one and one of sample-two ($draw)" \
    test "$n1" -eq 2 -a "$n2" -eq 1
first=$(echo "$draw" | cut -d ' ' -f 1 | cut -d / -f 1)
num=${first#p}
names="one two three four five"
word=$(echo $names | cut -d ' ' -f "$num")
check "the first question asked is the first drawn ($first)" \
    contains "$SCRATCH/s1" "Pool question $word"

# 2. The answers, from the recorded letters: the first choice in file
# order is right; true/false questions are true.
answers() {
	for w in $draw; do
		case $w in
		*/*) letters=${w#*/}
		     i=0
		     while [ "$(printf %s "$letters" | cut -c $((i + 1)))" != a ]; do
			     i=$((i + 1))
		     done
		     printf "\\$(printf %03o $((97 + i)))\n" ;;
		*) echo true ;;
		esac
	done
}
{
	echo "open sample-one"; echo; echo
	echo "open sample-two"; echo
	echo "quiz final"
	answers
	echo "5"
	echo '=HYPERLINK("http://evil.example","x") -2+3 @cmd'
	echo "quit"
} | tutor --learner ann >"$SCRATCH/s2" 2>&1
check "the sitting resumes on the same questions" \
    contains "$SCRATCH/s2" "Resuming Final test (drawn) at question 1 of 3"
check "the recorded letters answer it fully" contains "$SCRATCH/s2" "(100%)"
check "still one draw: the resumed attempt drew nothing new" \
    test "$(grep -c '^quiz-draw	' "$journal")" -eq 1
check "the course is completed" contains "$SCRATCH/s2" "You have completed the course"

# 3. The drawn questions, exported.
tutor --learner ann --export draws-tsv >"$SCRATCH/d.tsv" 2>"$SCRATCH/d.err"
check "--export draws-tsv exits 0" test $? -eq 0
check "its header names the columns" test "$(head -n 1 "$SCRATCH/d.tsv")" = \
    "$(printf 'learner\tfull_name\tquiz\tattempt\tstarted\tseed\tposition\tquestion\ttopic\tletters\tverdict\tpoints\tobjective')"
check "each drawn question's lesson objective is the last column (p1, p2 name one)" \
    awk -F '\t' 'NR > 1 { want = $8 == "p1" ? "sample-one 1" : $8 == "p2" ? \
	"sample-one 2" : ""; if (NF != 13 || $13 != want) bad = 1 } END { exit bad }' \
    "$SCRATCH/d.tsv"
check "one row per drawn question" test "$(sed 1d "$SCRATCH/d.tsv" | wc -l)" -eq 3
check "with the seed" test "$(sed 1d "$SCRATCH/d.tsv" | cut -f 6 | sort -u)" = "$seed"
check "in the order asked" test "$(sed 1d "$SCRATCH/d.tsv" | cut -f 7 | tr '\n' ' ')" = "1 2 3 "
got=$(sed 1d "$SCRATCH/d.tsv" | awk -F '\t' '{ printf "%s%s%s", (NR > 1 ? " " : ""), $8, ($10 != "" ? "/" $10 : "") }')
check "the questions and letters are the recorded draw" test "$got" = "$draw"
check "each with its topic (p3 by @topic)" \
    test "$(sed 1d "$SCRATCH/d.tsv" | awk -F '\t' '$8 == "p3" || $8 == "p1" || $8 == "p2" { if ($9 != "sample-one") bad = 1 } $8 == "p4" || $8 == "p5" { if ($9 != "sample-two") bad = 1 } END { print bad + 0 }')" -eq 0
check "and its verdict" test "$(sed 1d "$SCRATCH/d.tsv" | cut -f 11 | sort -u)" = correct

# 4. A second attempt draws again.
printf 'quiz final\nleave\nquit\n' | tutor --learner ann >/dev/null 2>&1
check "a new attempt is a new draw with its own seed" \
    test "$(grep '^quiz-draw	' "$journal" | cut -f 6 | sort -u | wc -l)" -eq 2

# 5. Lesson completion with time on task.
tutor --learner ann --export lessons-csv >"$SCRATCH/l.csv" 2>"$SCRATCH/l.err"
check "--export lessons-csv exits 0" test $? -eq 0
check "its header" test "$(head -n 1 "$SCRATCH/l.csv" | tr -d '\r')" = \
    "learner,full_name,lesson,title,pages,furthest_page,done,seconds,minutes"
check "a row per lesson, done, with pages and minutes" \
    grep -q '^ann,Ann Example,sample-one,[^,]*,2,2,yes,[0-9][0-9]*,1' "$SCRATCH/l.csv"
check "rows end in CR LF" test "$(tr -cd '\r' <"$SCRATCH/l.csv" | wc -c)" -eq 3

# 6. Evaluations, exported and neutralised.
tutor --learner ann --export evaluations-csv >"$SCRATCH/e.csv" 2>"$SCRATCH/e.err"
check "--export evaluations-csv exits 0" test $? -eq 0
check "the rating is exported with its prompt" \
    grep -q '^ann,Ann Example,POOL-CE-[0-9]*-[2-9A-Z]*,useful,likert,5,It was useful\.,' "$SCRATCH/e.csv"
check "a comment starting with '=' gets a leading quote" \
    contains "$SCRATCH/e.csv" "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") -2+3 @cmd\""

# 7. The same neutralising in every export: answers with formulas and
# control characters.
printf 'quiz sample-quiz\n+1 cmd\n@SUM(1)\n-x\n\001\033[31mred\nskip\nskip\nskip\nskip\nquit\n' |
    tutor --learner bob >/dev/null 2>&1
tutor --learner bob --export csv >"$SCRATCH/a.csv" 2>/dev/null
tutor --learner bob --export tsv >"$SCRATCH/a.tsv" 2>/dev/null
for f in "$SCRATCH/a.csv" "$SCRATCH/a.tsv"; do
	check "$(basename "$f"): no cell starts with = + - @" \
	    test "$(tr ',\t' '\n\n' <"$f" | tr -d '\r"' | grep -c '^[=+@-]')" -eq 0
done
check "an answer '+1 cmd' is written '+1 cmd after a quote" contains "$SCRATCH/a.csv" "'+1 cmd"
check "control characters are escaped" contains "$SCRATCH/a.tsv" '\x01\x1b[31mred'
check "no raw control character is left" \
    test "$(tr -d '\t\r\n' <"$SCRATCH/a.tsv" | tr -d '[:print:]' | wc -c)" -eq 0

# 8. The provider's summary across learners.
printf 'quiz final\nleave\nquit\n' | tutor --learner cy >/dev/null 2>&1
tutor --progress --all-learners >"$SCRATCH/c" 2>"$SCRATCH/c.err"
check "--progress --all-learners exits 0" test $? -eq 0
check "it sums up the evaluation" contains "$SCRATCH/c" "Course evaluation (1 learner answered)"
check "a rating: answers, mean and spread" \
    contains "$SCRATCH/c" "1 answer, mean 5.0   1:0  2:0  3:0  4:0  5:1"
check "a comment with its learner, neutralised" contains "$SCRATCH/c" "ann: '=HYPERLINK"
check "unknown formats are named" sh -c "'$TUTOR' --export nope-csv 2>&1 | grep -q 'evaluations-csv'"

# 9. No memory errors or leaks in a drawn sitting, its review and resume.
if command -v valgrind >/dev/null 2>&1 && ! ldd "$TUTOR" | grep -q libasan; then
	printf 'quiz final\nb\nleave\nquiz final\na\na\nreview final\nquit\n' |
	    valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "$TUTOR" --course "$course" \
	    --data-dir "$SCRATCH/data" --learner vg >/dev/null 2>"$SCRATCH/vg"
	st=$?
	check "a drawn sitting under valgrind (status $st)" test "$st" -eq 0
	[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/vg" | head -n 20
else
	ok "# SKIP valgrind is not installed"
fi

done_testing
