#!/bin/sh
# Provider grading end to end on a copy of the fixture course with a
# manifest: an honest learner's journal, graded again on the provider's
# machine, yields a signed certificate, text and PDF, that --verify and
# 'provider verify' accept; each forgery of issue 12 is refused with its
# reason: a pass line appended, a fake course with the real ids, a journal
# copied under another name, an edited score, a changed byte in a
# certificate.  The registry is a real SQLite file, read back.
. "$top_srcdir/tests/cli/lib.sh"

command -v pdftotext >/dev/null 2>&1 ||
    skip_all "pdftotext (poppler-utils) is not installed"

course="$SCRATCH/course"
ce_course "$course"
# Each line a scripted learner types takes 60 s on the injected clock, so
# pages are on screen long enough to count as read; the provider grades on
# an injected clock too (a test), and its certificates say so.
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+60"
export PSOAS_TUTOR_NOW
pdir="$SCRATCH/provider"
data="$SCRATCH/data"
"$TUTOR" provider --dir "$pdir" keygen >/dev/null

learn() {	# learn LEARNER COURSE: a session from standard input
	"$TUTOR" --course "$2" --data-dir "$data" --learner "$1" --plain \
	    --width 72 >"$SCRATCH/$1.out" 2>"$SCRATCH/$1.err"
}
grade() {	# grade NAME FILE...: output in $SCRATCH/NAME.grade
	_n=$1; shift
	"$TUTOR" provider --dir "$pdir" --course "$course" grade "$@" \
	    >"$SCRATCH/$_n.grade" 2>&1
}

{ echo 'name Erin Example'; honest_work; echo quit; } | learn erin "$course"
grade honest "$data/learners/erin.journal"
st=$?
digest=$(sed -n 's/^Grading against .*, course digest //p' "$SCRATCH/honest.grade")
check "grading names the digest of the course it grades against" test ${#digest} -eq 64
check "the journal records it before the attempt" grep -q "^course	[0-9]*	$digest	" "$data/learners/erin.journal"
check "an honest submission is certified (status $st)" test $st -eq 0
check "with the score graded again" contains "$SCRATCH/honest.grade" "certified: Erin Example, 100% (pass mark 75%)"
number=$(grep -Eo 'SAMPLE-CE-[0-9]{8}-[2-9A-Z]{10}' "$SCRATCH/honest.grade" | head -n 1)
txt="$pdir/certificates/$number.txt"
pdf="$pdir/certificates/$number.pdf"
check "the text certificate is written" test -s "$txt"
check "and the PDF" test -s "$pdf"
"$TUTOR" --verify "$txt" --key "$pdir/provider.pub" >"$SCRATCH/v.txt" 2>&1
check "the text certificate verifies" contains "$SCRATCH/v.txt" "valid: certificate $number for Erin Example"
"$TUTOR" --verify "$pdf" --key "$pdir/provider.pub" >"$SCRATCH/v.pdf" 2>&1
check "the PDF verifies" contains "$SCRATCH/v.pdf" "valid: certificate $number"
pdftotext "$pdf" - >"$SCRATCH/pdf.txt" 2>/dev/null
check "the PDF shows its number" contains "$SCRATCH/pdf.txt" "$number"
check "and its signature" contains "$SCRATCH/pdf.txt" "Signed by the provider"
check "a signed certificate does not call itself self-reported" lacks "$txt" "SELF-REPORTED"
check "a certificate made on a test clock says so" contains "$txt" "TEST CLOCK"
tr '\n' ' ' <"$SCRATCH/pdf.txt" | sed 's/  */ /g' >"$SCRATCH/pdf.joined"
check "the PDF prints the attestation" grep -Eq "Attestation: the participant attested on [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC that the work is their own" "$SCRATCH/pdf.joined"
check "and the clock it was recorded on" contains "$SCRATCH/pdf.joined" "Clock: a test clock (PSOAS_TUTOR_NOW)"
check "the text certificate prints the attestation" contains "$txt" "the participant attested on"
check "and the clock" contains "$txt" "a test clock"
check "both are signed fields" grep -q "^attested: [0-9]" "$txt"
PSOAS_TUTOR_NOW= "$TUTOR" provider --dir "$pdir" --course "$course" grade \
    "$data/learners/erin.journal" >"$SCRATCH/realclock.grade" 2>&1
check "a provider on a real clock refuses work done on a test clock" \
    contains "$SCRATCH/realclock.grade" "REFUSED: the journal was recorded on a clock set for testing"

"$TUTOR" provider --dir "$pdir" verify "$number" >"$SCRATCH/pv" 2>&1
check "provider verify finds it in the registry" contains "$SCRATCH/pv" "$number: valid"
check "the registry is SQLite in WAL mode" test "$(sqlite3 "$pdir/registry.sqlite3" 'PRAGMA journal_mode' 2>/dev/null || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])" "$pdir/registry.sqlite3")" = wal

# 1. A pass line appended to a journal with no answers (chain recomputed).
printf 'quit\n' | learn eve "$course"
chain="$top_srcdir/tests/cli/journal-chain.py"
python3 "$chain" append "$data/learners/eve.journal" \
    'quiz-start\t1796000000\tfinal\t1796000000-1-1\t4' \
    'quiz-end\t1796000100\tfinal\t1796000000-1-1\t4\t4\tpass' \
    'time\t1796000200\tsample-one\t57600'
grade appended "$data/learners/eve.journal"
check "an appended pass line is refused" contains "$SCRATCH/appended.grade" "REFUSED: post-test attempt 1796000000-1-1: no course digest recorded"
# The same with a course record forged in front of it: graded, it has no answers.
printf 'quit\n' | learn ewan "$course"
python3 "$chain" append "$data/learners/ewan.journal" \
    "course\t1796000300\t$digest" \
    'quiz-start\t1796000400\tfinal\t1796000400-1-1\t4' \
    'quiz-end\t1796000500\tfinal\t1796000400-1-1\t4\t4\tpass'
grade appended2 "$data/learners/ewan.journal"
check "an appended pass line with the course digest is refused" contains "$SCRATCH/appended2.grade" "REFUSED: no post-test attempt reaches the pass mark of 75% when its answers are graded again (best 0%, from 0 answers)"

# 2. A fake course with the real ids: one easy question as 'final'.
fake="$SCRATCH/fake"
cp -R "$course" "$fake"
cat >"$fake/quizzes/99-final.quiz" <<'QUIZ'
@quiz final
@title Final quiz
@lesson none
@kind posttest
@pass 1

@question truefalse
@id insertion
@prompt Is this easy?
@answer true
@explain It is.
@taught sample-one 1
QUIZ
sed -i 's/^@pass 75/@pass 1/' "$fake/course.manifest"
learn faye "$fake" <<'IN'
open sample-one
next
next
open sample-two
next
quiz final
Faye Fake
ME-LMT-1
ME
I did the work of this course myself
true
leave
quit
IN
grade fake "$data/learners/faye.journal"
check "a fake course's attempt is refused" contains "$SCRATCH/fake.grade" "was taken from another course (course digest "

# 3. The honest journal copied under another name, with a new name.
cp "$data/learners/erin.journal" "$data/learners/mallory.journal"
printf 'name Mallory Copy\nquit\n' | learn mallory "$course"
grade copied "$data/learners/mallory.journal"
check "a copied journal is refused" contains "$SCRATCH/copied.grade" "already certified, as certificate $number for learner erin"

# 4. A failing learner edits the score and verdicts (chain recomputed).
failing_work | learn finn "$course"
sed -i -e 's/\tincorrect\t0\t/\tcorrect\t1\t/' \
    -e 's/^\(quiz-end\t[^\t]*\t[^\t]*\t[^\t]*\t\)[^\t]*\t\([^\t]*\)\tfail\t/\1\2\t\2\tpass\t/' \
    "$data/learners/finn.journal"
python3 "$chain" rechain "$data/learners/finn.journal"
check "the edited journal claims a pass" grep -q "	pass	" "$data/learners/finn.journal"
grade edited "$data/learners/finn.journal"
check "an edited score is refused" contains "$SCRATCH/edited.grade" "REFUSED: no post-test attempt reaches the pass mark of 75% when its answers are graded again (best 0%"

# A record changed in the middle without recomputing the chain.
n=$(grep -n '^page' "$data/learners/erin.journal" | head -n 1 | cut -d: -f1)
sed "${n}s/sample-one/sample-two/" "$data/learners/erin.journal" >"$SCRATCH/gus.journal"
grade middle "$SCRATCH/gus.journal"
check "a record changed in the middle is refused" contains "$SCRATCH/middle.grade" "REFUSED: the journal was changed after it was written (record $n:"

# 5. One byte changed in a signed certificate.
sed 's/100% (pass mark/900% (pass mark/' "$txt" >"$SCRATCH/forged.txt"
"$TUTOR" --verify "$SCRATCH/forged.txt" --key "$pdir/provider.pub" >"$SCRATCH/vf" 2>&1
st=$?
check "a changed byte in a certificate fails --verify (status $st)" test $st -eq 1
check "and says it was changed" contains "$SCRATCH/vf" "NOT VALID: the certificate was changed after signing"

# A reissue: a new signed copy from the registry, same number, dated.
"$TUTOR" provider --dir "$pdir" reissue "$number" >"$SCRATCH/reissue" 2>&1
st=$?
check "a certificate is reissued (status $st)" test $st -eq 0
rtxt=$(ls "$pdir/certificates/$number-reissue-"*.txt)
rpdf=$(ls "$pdir/certificates/$number-reissue-"*.pdf)
"$TUTOR" --verify "$rpdf" --key "$pdir/provider.pub" >"$SCRATCH/vr" 2>&1
check "the reissued copy verifies, and says it is a reissue" \
    grep -Eq "valid: certificate $number for Erin Example.*a copy reissued on [0-9-]{10}" "$SCRATCH/vr"
pdftotext "$rpdf" - 2>/dev/null | tr '\n' ' ' | sed 's/  */ /g' >"$SCRATCH/rpdf.txt"
check "the reissued PDF says so, with the same number" grep -Eq "Certificate number: $number .*Reissued: [0-9-]{10} \(UTC\), a new copy" "$SCRATCH/rpdf.txt"
check "the reissue keeps the score as issued" contains "$rtxt" "100% (pass mark 75%)"
"$TUTOR" --verify "$txt" --key "$pdir/provider.pub" >"$SCRATCH/v.orig" 2>&1
check "the original still verifies" contains "$SCRATCH/v.orig" "valid: certificate $number"
"$TUTOR" provider --dir "$pdir" reissue SAMPLE-CE-20000101-NOSUCHCERT >"$SCRATCH/reissue-bad" 2>&1
st=$?
check "an unknown number is not reissued (status $st)" test $st -eq 1
check "saying why" contains "$SCRATCH/reissue-bad" "no such certificate: nothing reissued"

"$TUTOR" provider --dir "$pdir" report >"$SCRATCH/report" 2>&1
check "the report lists the certificate" contains "$SCRATCH/report" "$number"
check "and counts every submission" contains "$SCRATCH/report" "1 submission certified, 7 refused"
check "and the reissue" grep -Eq "^reissued: $number on [0-9-]{10}$" "$SCRATCH/report"

# A registry of version 1 (before evaluations) is brought up to date.
old="$SCRATCH/old"
mkdir "$old"
python3 - "$old/registry.sqlite3" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript('''
CREATE TABLE submissions (id INTEGER PRIMARY KEY, received INTEGER NOT NULL,
  learner TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('certified', 'refused')),
  reason TEXT, attempt TEXT, score INTEGER);
CREATE TABLE certificates (number TEXT PRIMARY KEY,
  submission INTEGER NOT NULL REFERENCES submissions(id),
  learner TEXT NOT NULL, name TEXT NOT NULL, licence TEXT,
  course TEXT NOT NULL, version TEXT NOT NULL, hours TEXT NOT NULL,
  completed TEXT NOT NULL, score INTEGER NOT NULL,
  attempt TEXT NOT NULL UNIQUE, fields TEXT NOT NULL,
  signature TEXT NOT NULL, key TEXT NOT NULL, issued INTEGER NOT NULL);
INSERT INTO submissions VALUES (1, 1700000000, 'old', 'old.journal', 'x',
  'refused', 'kept', NULL, 0);
PRAGMA user_version = 1;
''')
PY
"$TUTOR" provider --dir "$old" report >"$SCRATCH/old.report" 2>&1
check "a version 1 registry opens" contains "$SCRATCH/old.report" "0 submissions certified, 1 refused"
check "and is migrated to version 2, its rows kept" test "$(python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute('PRAGMA user_version').fetchone()[0],
      db.execute('SELECT count(*) FROM submissions').fetchone()[0],
      db.execute('SELECT count(*) FROM evaluations').fetchone()[0])" "$old/registry.sqlite3")" = "2 1 0"
"$TUTOR" provider --dir "$pdir" report csv >"$SCRATCH/audit.csv" 2>&1
check "the audit export is CSV with the certificate" grep -q "^\"$number\",\"erin\",\"Erin Example\"" "$SCRATCH/audit.csv"
done_testing
