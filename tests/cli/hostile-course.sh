#!/bin/sh
# A hostile or broken course cannot make grading meaningless or slow: a
# quiz whose rules accept anything ('@accept .*') is refused when a
# learner starts it, with the checker's first complaint, and nothing is
# graded or recorded; a question with more patterns than the limit is an
# error at the line that passes it.
. "$top_srcdir/tests/cli/lib.sh"

course="$SCRATCH/course"
cp -r "$FIXTURE" "$course"
chmod -R u+w "$course"
quiz="$course/quizzes/01-sample.quiz"

# --- '@accept .*' in a learner's session
sed 's/^@accept (?:on.*$/@accept .*/' "$FIXTURE/quizzes/01-sample.quiz" >"$quiz"
check "the hostile rule is in place" grep -qx '@accept .\*' "$quiz"
printf 'quiz sample-quiz\nanything at all\nquit\n' |
    "$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner ann \
    --plain --width 400 >"$SCRATCH/a" 2>&1
check "the quiz is refused" contains "$SCRATCH/a" \
    "This quiz cannot be taken: its answer rules fail the course checker"
check "naming the rule that credits anything, with file and line" \
    contains "$SCRATCH/a" "01-sample.quiz:11:9: error: quiz 'sample-quiz' question 'insertion': this rule matches an empty answer"
check "nothing is graded" sh -c "! grep -q '^Points' '$SCRATCH/a'"
check "and no answer is recorded" sh -c \
    "! grep -q 'anything at all' '$SCRATCH/data/learners/ann.journal'"

# --- too many patterns in one question
{
	sed -n '1,/^@misconception/p' "$FIXTURE/quizzes/01-sample.quiz"
	i=0
	while [ $i -lt 200 ]; do echo "@misconception \\bwrong$i\\b"; i=$((i + 1)); done
	sed -n '/^@feedback The greater/,$p' "$FIXTURE/quizzes/01-sample.quiz"
} >"$quiz"
"$TUTOR" --check "$course" >"$SCRATCH/c" 2>&1
check "--check fails on a question over the pattern limit ($?)" test $? -eq 1
line=$(grep -n 'wrong198' "$quiz" | cut -d: -f1)
check "at the line of the 201st pattern" contains "$SCRATCH/c" \
    "01-sample.quiz:$line:16: error: question 'insertion' has more than 200 patterns"
done_testing
