#!/bin/sh
# The learner reports on the fixture course: --progress before and after
# a session (statuses, bars, overall completion), --export csv and tsv
# (header, one row per graded try with its try number and whether it was
# final, RFC 4180 quoting of an answer with a comma and quotes), and
# --certificate refused before the post-test is passed and printed after.
. "$top_srcdir/tests/cli/lib.sh"


tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/data" \
	    --learner erin --plain --width 72 "$@"
}

# 1. Nothing done yet.  A report only reads: for a learner with no
# journal it is an error, and it creates nothing.
tutor --progress >"$SCRATCH/p0" 2>"$SCRATCH/p0.err"
check "--progress for a learner with no journal exits 1" test $? -eq 1
check "and says there is no such learner" \
    contains "$SCRATCH/p0.err" "no learner 'erin' in $SCRATCH/data: nothing recorded yet"
check "and creates no data folder" test ! -e "$SCRATCH/data"
printf 'quit\n' | tutor >/dev/null 2>&1
tutor --progress >"$SCRATCH/p0" 2>"$SCRATCH/p0.err"
check "--progress after a first session exits 0" test $? -eq 0
check "a lesson never opened is not started" \
    contains "$SCRATCH/p0" "[............]   0%  not started, 0 min"
check "a quiz never sat is not taken" \
    contains "$SCRATCH/p0" "[............]   0%  not taken yet"
check "overall completion starts at 0%" \
    contains "$SCRATCH/p0" "0 of 2 lessons done, 0 of 2 quizzes passed"

# 2. Certificate before the post-test.
tutor --certificate >"$SCRATCH/c0" 2>"$SCRATCH/c0.err"
check "--certificate before the post-test exits 1" test $? -eq 1
check "and prints no certificate" test ! -s "$SCRATCH/c0"
check "and says the post-test must be passed first" \
    contains "$SCRATCH/c0.err" "pass the post-test (quiz final"

# 3. A session: a name, one lesson read to the end, the practice quiz
# passed with one question wrong (5 of 6 = 83%).  The wrong answer holds
# a comma and double quotes, for the csv quoting below.
tutor >"$SCRATCH/s1" 2>"$SCRATCH/s1.err" <<'EOF'
name Erin "Q" Example
open sample-one
next
next
quiz sample-quiz
the "greater" trochanter, surely
the "greater" trochanter, surely
psoas major, iliacus
b
a c
true
b a d c
quit
EOF
check "the session passes the practice quiz" \
    contains "$SCRATCH/s1" "Score: 5 of 6 points (83%)."

tutor --progress >"$SCRATCH/p1" 2>"$SCRATCH/p1.err"
check "--progress after a session exits 0" test $? -eq 0
check "it names the learner" \
    contains "$SCRATCH/p1" 'Progress of Erin "Q" Example (erin)'
check "a lesson read to the end is done with a full bar" \
    contains "$SCRATCH/p1" "[############] 100%  done,"
check "the lesson not opened is still not started" \
    contains "$SCRATCH/p1" "[............]   0%  not started, 0 min"
check "the quiz shows its best score as a bar, attempts and passed" \
    contains "$SCRATCH/p1" \
    "[#########...]  83%  best of 1 attempt, passed (pass mark 75%)"
check "overall = (1 lesson + 1 quiz) of 4 = 50%" \
    contains "$SCRATCH/p1" \
    "[######......]  50%  1 of 2 lessons done, 1 of 2 quizzes passed"

# 4. Export for auditors.
tutor --export csv >"$SCRATCH/e.csv" 2>"$SCRATCH/e.err"
check "--export csv exits 0" test $? -eq 0
printf 'learner,full_name,quiz,attempt,question,answer,verdict,points,max,hints,try,final,time,objective\r\n' \
    >"$SCRATCH/head.csv"
head -n 1 "$SCRATCH/e.csv" >"$SCRATCH/got-head.csv"
same "the csv header names the columns, CR LF ended" \
    "$SCRATCH/head.csv" "$SCRATCH/got-head.csv"
n=$(wc -l <"$SCRATCH/e.csv")
check "one csv row per graded try (7: a retry and 6 final) after the header" \
    test "$n" -eq 8
check "a field with a comma and quotes is quoted, quotes doubled" \
    contains "$SCRATCH/e.csv" \
    ',insertion,"the ""greater"" trochanter, surely",incorrect,0.000,1.000,0,2,yes,'
check "the first try is there too, not final" \
    contains "$SCRATCH/e.csv" \
    ',insertion,"the ""greater"" trochanter, surely",incorrect,0.000,1.000,0,1,no,'
check "and comes before the final answer to its question" awk -F , '
	/,insertion,/ { s = s $(NF - 2) } END { exit s != "noyes" }' \
    "$SCRATCH/e.csv"
check "and six final rows, one per question" \
    test "$(grep -c ',yes,[0-9]' "$SCRATCH/e.csv")" -eq 6
check "the full name with quotes is quoted too" \
    contains "$SCRATCH/e.csv" 'erin,"Erin ""Q"" Example",sample-quiz,'
check "times are ISO 8601 UTC" \
    grep -Eq ',[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z,' \
    "$SCRATCH/e.csv"
check "the last column is the lesson objective each question tests" \
    contains "$SCRATCH/e.csv" 'Z,sample-one 1'
tutor --export tsv >"$SCRATCH/e.tsv" 2>"$SCRATCH/e.tsv.err"
tab=$(printf '\t')
check "tsv rows are tab separated and not quoted" \
    contains "$SCRATCH/e.tsv" \
    "insertion${tab}the \"greater\" trochanter, surely${tab}incorrect"
check "tsv rows give the try and whether it was final" \
    test "$(awk -F '\t' '$5 == "insertion" { print $11 $12 }' "$SCRATCH/e.tsv" |
    tr -d '\n')" = 1no2yes
tutor --export attempts-csv >"$SCRATCH/a.csv" 2>"$SCRATCH/a.err"
check "an attempt counts only final answers as answered" \
    grep -q ',6,6,5.000,6.000,83,yes.$' "$SCRATCH/a.csv"

# 4b. Auditors' files read the same in every locale: a decimal comma
# (de_DE) must not turn 5.000 into "5,000".  The locale is compiled into
# the scratch folder, since few machines have it installed.
mkdir -p "$SCRATCH/loc"
localedef -i de_DE -f UTF-8 "$SCRATCH/loc/de_DE.UTF-8" >/dev/null 2>&1
if test -f "$SCRATCH/loc/de_DE.UTF-8/LC_NUMERIC"; then
	LOCPATH="$SCRATCH/loc" LC_ALL=de_DE.UTF-8 tutor --export attempts-csv \
	    >"$SCRATCH/a-de.csv" 2>&1
	same "attempts-csv is the same under a decimal-comma locale" \
	    "$SCRATCH/a.csv" "$SCRATCH/a-de.csv"
	LOCPATH="$SCRATCH/loc" LC_ALL=de_DE.UTF-8 tutor --export tsv \
	    >"$SCRATCH/e-de.tsv" 2>&1
	same "tsv is the same under a decimal-comma locale" \
	    "$SCRATCH/e.tsv" "$SCRATCH/e-de.tsv"
else
	ok "# SKIP no localedef for de_DE"
	ok "# SKIP no localedef for de_DE"
fi

# 5. Pass the post-test; the certificate still waits for every lesson.
tutor >"$SCRATCH/s2" 2>"$SCRATCH/s2.err" <<'EOF'
quiz final
lesser trochanter
psoas major and iliacus
b
true
EOF
tr '\n' ' ' <"$SCRATCH/s2" | sed 's/  */ /g' >"$SCRATCH/s2.joined"
check "passing the post-test points to the certificate" \
    contains "$SCRATCH/s2.joined" "your certificate of completion is ready"
tutor --certificate >"$SCRATCH/c2" 2>"$SCRATCH/c2.err"
check "--certificate with a lesson unread exits 1" test $? -eq 1
check "and names the lesson still to finish" contains "$SCRATCH/c2.err" "(sample-two)"
printf 'open sample-two\nnext\nquit\n' | tutor >/dev/null 2>&1
tutor --certificate >"$SCRATCH/c1" 2>"$SCRATCH/c1.err"
check "--certificate after the post-test exits 0" test $? -eq 0
check "it names the course" \
    contains "$SCRATCH/c1" "The Iliopsoas for Manual Therapists"
check "it names the learner by full name" \
    contains "$SCRATCH/c1" '    Erin "Q" Example'
tr '\n' ' ' <"$SCRATCH/c1" >"$SCRATCH/c1.joined"
check "it gives the post-test, its date and score" \
    grep -Eq 'on [0-9]{4}-[0-9]{2}-[0-9]{2} \(UTC\) and passed its post-test, "Final test", with a score of 100% \(pass mark 75%\)' \
    "$SCRATCH/c1.joined"
check "no certificate line is wider than 72 columns" \
    test "$(awk '{ if (length($0) > 72) n++ } END { print n + 0 }' "$SCRATCH/c1")" -eq 0

done_testing
