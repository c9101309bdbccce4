#!/bin/sh
# The certificate a board accepts, end to end on a copy of the fixture
# course given a manifest: a learner completes the course, the completion
# is recorded with a certificate number, the evaluation opens; the text
# certificate and the PDF (read back with pdftotext) carry every field;
# and neither a changed manifest nor a new name changes a certificate
# already issued.
. "$top_srcdir/tests/cli/lib.sh"


# The course has CE rules: pages must be on screen long enough to be read.
# Each line a scripted learner types takes 60 s on the injected clock,
# from 01:00 UTC today (so dates on the certificate are today's).
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+60"
export PSOAS_TUTOR_NOW

command -v pdftotext >/dev/null 2>&1 ||
    skip_all "pdftotext (poppler-utils) is not installed"

course="$SCRATCH/course"
ce_course "$course"
sed -i 's/^@hours .*/@hours 1.5/' "$course/course.manifest"
cat >>"$course/course.manifest" <<'EOF'
@approval Maine Board of Massage Therapy: ME-CE-0042
@approval Texas Department of Licensing and Regulation: TX-7788
@evaluation likert objectives The course met its objectives.
@evaluation likert relevance It is relevant to my practice.
@evaluation text comments Anything else?
EOF

tutor() {
	"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" \
	    --learner erin --plain --width 72 "$@"
}
journal="$SCRATCH/data/learners/erin.journal"

# 1. Complete the course: both lessons, then the post-test; the
# evaluation opens at once: one rating, one skip, then leave.
{ echo 'name Erin Example'; honest_work | grep -vx leave
  printf '%s\n' 5 skip leave progress quit; } |
    tutor >"$SCRATCH/s1" 2>"$SCRATCH/s1.err"
check "the session ends cleanly" test ! -s "$SCRATCH/s1.err"
tr '\n' ' ' <"$SCRATCH/s1" | sed 's/  */ /g' >"$SCRATCH/s1.joined"
check "completing the course announces a recorded certificate" \
    grep -Eq 'Certificate SAMPLE-CE-[0-9]{8}-[2-9A-Z]{10} is recorded' \
    "$SCRATCH/s1.joined"
check "the evaluation opens by itself" \
    contains "$SCRATCH/s1.joined" "1. The course met its objectives."
check "leaving it says how to come back" \
    contains "$SCRATCH/s1.joined" "type 'evaluate' to finish it"
check "the journal holds one completion record" \
    test "$(grep -c '^completion	' "$journal")" -eq 1
check "and one evaluation answer (the skipped item is not recorded)" \
    test "$(grep -c '^evaluation	' "$journal")" -eq 1
number=$(grep -Eo 'SAMPLE-CE-[0-9]{8}-[2-9A-Z]{10}' "$SCRATCH/s1" | head -n 1)
check "a pass that completes the course does not say lessons are left" \
    lacks "$SCRATCH/s1.joined" "Once every lesson is read"
echo quit | tutor 2>&1 | tr '\n' ' ' | sed 's/  */ /g' >"$SCRATCH/back"
check "the greeting after completion says the course is completed" \
    contains "$SCRATCH/back" "You have completed the course: type 'certificate'"
check "and that the course evaluation is not finished" \
    contains "$SCRATCH/back" "The course evaluation is not finished"

# 2. The text certificate: every field, from the record.
tutor --certificate >"$SCRATCH/c1" 2>"$SCRATCH/c1.err"
check "--certificate exits 0" test $? -eq 0
tr '\n' ' ' <"$SCRATCH/c1" | sed 's/  */ /g' >"$SCRATCH/c1.joined"
today=$(date -u +%Y-%m-%d)
fields() {
	cat <<EOF
CERTIFICATE OF COMPLETION
Continuing education: home study
Erin Example
Licence:
Sample Course as Approved
(course sample-ce, version 3.1)
CE hours: 1.5
Course type: home study
Course version: 3.1
Completion date: $today (UTC)
Post-test score: 100% (pass mark 75%)
Time on task:
Attestation: the participant attested on $today
that the work is their own
Clock: a test clock (PSOAS_TUTOR_NOW): dates and times are not real
Certificate number: $number
Provider: Harbour Bodywork Education
Address: 12 Quay Road, Portsmouth, ME 03801
E-mail: ce@harbour.example
Provider number: NCBTMB-451122
State approval: Maine Board of Massage Therapy: ME-CE-0042
State approval: Texas Department of Licensing and Regulation: TX-7788
SELF-REPORTED: these results were recorded on the learner's own computer and have not been verified by the provider.
Provider signature
Learner id: erin
EOF
}
missing() {
	fields | while IFS= read -r f; do
		grep -qF -- "$f" "$1" || echo "$f"
	done
}
m=$(missing "$SCRATCH/c1.joined")
if [ -z "$m" ]; then ok "the text certificate has every field"
else not_ok "the text certificate has every field" "missing: $m"; fi

# A narrow screen: the same certificate wrapped to 40 columns (values
# below their labels when need be), every field still there; to a pipe
# with no --width it is the 72-column text a provider signs, unchanged.
widest() { LC_ALL=C.UTF-8 wc -L <"$1"; }
tutor --certificate --width 40 >"$SCRATCH/c40" 2>&1
check "--certificate --width 40: no line is wider than 40 columns ($(widest "$SCRATCH/c40"))" \
    test "$(widest "$SCRATCH/c40")" -le 40
tr '\n' ' ' <"$SCRATCH/c40" | sed 's/  */ /g' >"$SCRATCH/c40.joined"
m=$(missing "$SCRATCH/c40.joined")
if [ -z "$m" ]; then ok "and it has every field"
else not_ok "and it has every field" "missing: $m"; fi
check "a value too long for its label's line goes below it" \
    sh -c "grep -A1 -x '  State approval:' '$SCRATCH/c40' | grep -q '^    Maine Board of Massage'"
"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner erin \
    --certificate | cat >"$SCRATCH/cpipe"
same "to a pipe, --certificate is the 72-column text" "$SCRATCH/c1" "$SCRATCH/cpipe"
printf 'certificate\nquit\n' | tutor --width 40 >"$SCRATCH/r40" 2>&1
check "'certificate' in a session at --width 40 fits 40 columns ($(widest "$SCRATCH/r40"))" \
    test "$(widest "$SCRATCH/r40")" -le 40
check "and shows it" contains "$SCRATCH/r40" "CERTIFICATE OF COMPLETION"

# 3. The PDF: written, a real PDF, every field read back by pdftotext.
tutor --certificate --pdf "$SCRATCH/cert.pdf" >"$SCRATCH/c2" 2>"$SCRATCH/c2.err"
check "--certificate --pdf exits 0" test $? -eq 0
check "and says where it wrote it" \
    contains "$SCRATCH/c2" "Certificate $number written to $SCRATCH/cert.pdf"
check "the file is a PDF" test "$(head -c 5 "$SCRATCH/cert.pdf")" = "%PDF-"
check "of one page" \
    sh -c "pdfinfo '$SCRATCH/cert.pdf' 2>/dev/null | grep -Eq '^Pages: +1\$' || ! command -v pdfinfo >/dev/null"
pdftotext -enc UTF-8 "$SCRATCH/cert.pdf" - | tr '\n\f' '  ' | sed 's/  */ /g' \
    >"$SCRATCH/pdf.joined"
m=$(missing "$SCRATCH/pdf.joined")
if [ -z "$m" ]; then ok "the PDF certificate has every field"
else not_ok "the PDF certificate has every field" "missing: $m"; fi
check "no temporary file is left beside it" \
    test "$(ls "$SCRATCH" | grep -c '^cert\.pdf\.')" -eq 0

# 4. Issued means issued: new course files and a new name change nothing.
sed -i 's/^@title .*/@title A Renamed Course/; s/^@version .*/@version 9.9/; s/^@hours .*/@hours 12/' \
    "$course/course.manifest"
printf 'name Someone Else\nquit\n' | tutor >/dev/null 2>&1
tutor --certificate >"$SCRATCH/c3" 2>"$SCRATCH/c3.err"
check "--certificate still exits 0" test $? -eq 0
same "the certificate is exactly as issued" "$SCRATCH/c1" "$SCRATCH/c3"
check "a later session records no second completion" \
    test "$(grep -c '^completion	' "$journal")" -eq 1

# 5. 'evaluate' asks only what is left; answers of any bytes are kept.
tutor >"$SCRATCH/s2" 2>"$SCRATCH/s2.err" <<'EOF'
evaluate
6
4
=HYPERLINK("x") and, "quotes"
progress
quit
EOF
tr '\n' ' ' <"$SCRATCH/s2" | sed 's/  */ /g' >"$SCRATCH/s2.joined"
check "'evaluate' skips the answered item" \
    lacks "$SCRATCH/s2.joined" "The course met its objectives."
check "and asks the skipped one" \
    contains "$SCRATCH/s2.joined" "It is relevant to my practice."
check "a rating out of range is refused with what it takes" \
    contains "$SCRATCH/s2.joined" "Please type a number from 1"
check "the last answer thanks the learner" \
    contains "$SCRATCH/s2.joined" "Thank you: your evaluation is saved."
check "three evaluation answers are recorded" \
    test "$(grep -c '^evaluation	' "$journal")" -eq 3
printf 'evaluate\nquit\n' | tutor >"$SCRATCH/s3" 2>&1
check "with nothing left, 'evaluate' says so" \
    contains "$SCRATCH/s3" "There is no evaluation left to answer."

# 6. Refusals.
ln -s "$SCRATCH/victim" "$SCRATCH/link.pdf"
echo keep >"$SCRATCH/victim"
tutor --certificate --pdf "$SCRATCH/link.pdf" >/dev/null 2>"$SCRATCH/l.err"
check "--pdf onto a symbolic link exits 1" test $? -eq 1
check "and names the file" contains "$SCRATCH/l.err" "link.pdf: not a regular file"
check "the link's target is untouched" test "$(cat "$SCRATCH/victim")" = keep
tutor --progress --pdf x.pdf >/dev/null 2>"$SCRATCH/u.err"
check "--pdf without --certificate is a usage error" test $? -eq 1
check "that says so" contains "$SCRATCH/u.err" "--pdf goes with --certificate"
tutor --certificate --pdf "$SCRATCH/no/such/dir/c.pdf" >/dev/null 2>"$SCRATCH/d.err"
check "--pdf into a missing folder exits 1" test $? -eq 1
check "naming the path" contains "$SCRATCH/d.err" "no/such/dir/c.pdf: "

# 7. In the session: 'certificate FILE' writes the PDF too.
printf 'certificate %s\nquit\n' "$SCRATCH/s.pdf" | tutor >"$SCRATCH/s4" 2>&1
check "'certificate FILE' writes a PDF" test "$(head -c 5 "$SCRATCH/s.pdf")" = "%PDF-"
check "and says so" contains "$SCRATCH/s4" "written to $SCRATCH/s.pdf"

# 7b. The PDF is drawn by psoas-tutor-pdf, the one program that links
# cairo: found beside the tutor (here, a copy of the tutor in a folder of
# its own), never through a symbolic link or a file others can change,
# and without it the tutor says so and writes nothing.
mkdir "$SCRATCH/bin"
cp "$TUTOR" "$SCRATCH/bin/psoas-tutor"
alone() {
	"$SCRATCH/bin/psoas-tutor" --course "$course" --data-dir "$SCRATCH/data" \
	    --learner erin --plain "$@"
}
check "the tutor links no cairo" sh -c "! readelf -d '$TUTOR' | grep -q 'libcairo'"
alone --certificate --pdf "$SCRATCH/none.pdf" >/dev/null 2>"$SCRATCH/h1.err"
st=$?
check "without the helper, --pdf exits 1 (status $st)" test $st -eq 1
check "and says which program is missing" \
    contains "$SCRATCH/h1.err" "psoas-tutor-pdf is not installed beside this program"
check "and writes no file" test ! -e "$SCRATCH/none.pdf"
printf '#!/bin/sh\ntouch "%s/planted"\n' "$SCRATCH" >"$SCRATCH/evil"
chmod 755 "$SCRATCH/evil"
ln -s "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-pdf"
alone --certificate --pdf "$SCRATCH/link-helper.pdf" >/dev/null 2>&1
check "a helper that is a symbolic link is not run" test ! -e "$SCRATCH/planted"
rm "$SCRATCH/bin/psoas-tutor-pdf"
cp "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-pdf"
chmod 777 "$SCRATCH/bin/psoas-tutor-pdf"
alone --certificate --pdf "$SCRATCH/open-helper.pdf" >/dev/null 2>&1
check "nor one that others can change" test ! -e "$SCRATCH/planted"
rm "$SCRATCH/bin/psoas-tutor-pdf"
cp "$(dirname "$TUTOR")/psoas-tutor-pdf" "$SCRATCH/bin/psoas-tutor-pdf"
alone --certificate --pdf "$SCRATCH/beside.pdf" >/dev/null 2>"$SCRATCH/h2.err"
check "the helper beside the tutor draws the PDF" \
    test "$(head -c 5 "$SCRATCH/beside.pdf" 2>/dev/null)" = "%PDF-"
mkdir "$SCRATCH/ro"
chmod 555 "$SCRATCH/ro"
if [ "$(id -u)" -eq 0 ]; then
	ok "# SKIP root writes to read-only folders"
	ok "# SKIP root writes to read-only folders"
else
	alone --certificate --pdf "$SCRATCH/ro/c.pdf" >/dev/null 2>"$SCRATCH/h3.err"
	check "a read-only folder: --pdf exits 1 (status $?)" test $? -eq 1
	check "with the helper's reason, naming the path" \
	    contains "$SCRATCH/h3.err" "ro/c.pdf: Permission denied"
fi
check "and leaves nothing there" test -z "$(ls -A "$SCRATCH/ro")"

# 8. Another learner who has not finished gets no certificate, and no record.
printf 'quit\n' | "$TUTOR" --course "$course" --data-dir "$SCRATCH/data" \
    --learner fred >/dev/null 2>&1
"$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner fred \
    --certificate --pdf "$SCRATCH/fred.pdf" >"$SCRATCH/f" 2>"$SCRATCH/f.err"
check "an unfinished learner's --certificate --pdf exits 1" test $? -eq 1
check "and writes no file" test ! -e "$SCRATCH/fred.pdf"
check "it says the post-test must be passed first" \
    contains "$SCRATCH/f.err" "pass the post-test (quiz final"
printf 'open sample-one\nnext\nnext\nopen sample-two\nnext\nquiz final\nFred Example\nME-2\nME\nI did the work of this course myself\nlesser trochanter\nwrong\na\nfalse\nevaluate\nquit\n' |
    "$TUTOR" --course "$course" --data-dir "$SCRATCH/data" --learner fred \
    >"$SCRATCH/f2" 2>&1
check "a failed post-test records no completion" \
    test "$(grep -c '^completion	' "$SCRATCH/data/learners/fred.journal")" -eq 0
check "and the evaluation is not open" \
    contains "$SCRATCH/f2" "The course evaluation opens once you have completed"

# 9. The record is text anyone can read: the pass mark and score as then.
check "the completion record holds the pass mark" \
    grep -q '	pass	75	' "$journal"
check "and the course version as then" \
    grep -q '	version	3\.1	' "$journal"
check "and says it is self-reported" \
    grep -q '	self-reported	yes	' "$journal"

# 10. No memory errors or leaks drawing the PDF (in the tutor, and in
# psoas-tutor-pdf given fields as the tutor gives them) or asking the
# evaluation.
if command -v valgrind >/dev/null 2>&1 && ! ldd "$TUTOR" | grep -q libasan; then
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "$TUTOR" --course "$course" \
	    --data-dir "$SCRATCH/data" --learner erin --certificate \
	    --pdf "$SCRATCH/vg.pdf" >/dev/null 2>"$SCRATCH/vg1"
	st=$?
	check "--certificate --pdf under valgrind (status $st)" test "$st" -eq 0
	[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/vg1" | head -n 20
	sed -i 's/^@evaluation text comments .*/@evaluation text more One more question?/' \
	    "$course/course.manifest"
	printf 'evaluate\nsome words\ncertificate\nquit\n' |
	    valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "$TUTOR" --course "$course" \
	    --data-dir "$SCRATCH/data" --learner erin >/dev/null 2>"$SCRATCH/vg2"
	st=$?
	check "an evaluation session under valgrind (status $st)" test "$st" -eq 0
	[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/vg2" | head -n 20
	printf '%s\n' 'format: psoas-tutor certificate 1' 'name: Erin Example' \
	    'approval: ME: 42' 'self-reported: yes' 'signature: 0123abcd' |
	    valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    "$(dirname "$TUTOR")/psoas-tutor-pdf" "$SCRATCH/vg3.pdf" \
	    >/dev/null 2>"$SCRATCH/vg3"
	st=$?
	check "psoas-tutor-pdf under valgrind (status $st)" test "$st" -eq 0
	[ "$st" -eq 0 ] || sed 's/^/#   /' "$SCRATCH/vg3" | head -n 20
else
	ok "# SKIP valgrind is not installed"
	ok "# SKIP valgrind is not installed"
	ok "# SKIP valgrind is not installed"
fi

done_testing
