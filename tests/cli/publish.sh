#!/bin/sh
# The learner edition of the shipped course (psoas-tutor --publish): files
# 0644 and folders 0755; a non-empty folder or a symbolic link refused;
# lessons and practice quizzes as they are, no marked responses; the
# post-test with questions and choices only: no key directive, no example
# answer a learner is not shown anyway, no order question in its right
# order; the manifest names the full course's digest.  A learner takes the
# post-test in the edition: nothing is graded there, progress and
# certificate say it awaits the provider; the provider grades it against
# the full course and the certificate --verifies with the edition's key.
# A keyless post-test is refused outside an edition, a key inside one.
. "$top_srcdir/tests/cli/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"

PSOAS_TUTOR_PROVIDER_DIR="$SCRATCH/provider"
export PSOAS_TUTOR_PROVIDER_DIR
"$TUTOR" provider keygen >/dev/null
full="$top_srcdir"
ed="$SCRATCH/edition"

umask 077
"$TUTOR" --course "$full" --publish "$ed" >"$SCRATCH/pub" 2>&1
st=$?
umask 022
check "the shipped course is published (status $st)" test $st -eq 0
check "files are 0644 whatever the umask" \
    test -z "$(find "$ed" -type f ! -perm 0644)"
check "folders 0755" test -z "$(find "$ed" -type d ! -perm 0755)"
check "the provider's public key is in it" \
    cmp -s "$ed/provider.pub" "$PSOAS_TUTOR_PROVIDER_DIR/provider.pub"
check "no marked responses (they hold answers)" \
    test -z "$(find "$ed" -name '*.responses')"
same=yes
for f in "$full"/lessons/*.lesson "$full"/quizzes/0*.quiz "$full/glossary"; do
	rel=${f#"$full"/}
	cmp -s "$f" "$ed/$rel" || same="no: $rel"
done
check "lessons, practice quizzes and glossary as they are ($same)" \
    test "$same" = yes
digest=$("$TUTOR" --course "$full" --check 2>/dev/null |
    sed -n 's/^course digest: //p')
check "the manifest names the full course's digest" \
    grep -qx "@digest $digest" "$ed/course.manifest"
check "and says it is a learner edition" \
    grep -qx "@edition learner" "$ed/course.manifest"
"$TUTOR" --course "$ed" --check >"$SCRATCH/edcheck" 2>&1
check "the edition passes --check" test $? -eq 0
check "and --check shows the full course's digest" \
    contains "$SCRATCH/edcheck" "course digest: $digest (of the full course"

# The post-test: nothing that gives an answer away.
python3 - "$full/quizzes/99-posttest.quiz" "$ed/quizzes/99-posttest.quiz" \
    >"$SCRATCH/leaks" <<'PY'
import re, sys
full, ed = sys.argv[1], sys.argv[2]
allowed = {"quiz", "title", "lesson", "kind", "pass", "tries", "retry-cost",
           "hint-cost", "shuffle", "draw", "question", "id", "points",
           "prompt", "need", "choice", "step", "taught", "topic"}
def blocks(path):
    """Each question as (id, kind, [(directive, text)]) with continuations."""
    qs, cur, last = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            last = None
            continue
        m = re.match(r"@(\S+)\s*(.*)", line)
        if m:
            d, t = m.group(1), m.group(2)
            if d == "question":
                cur = {"kind": t, "id": None, "lines": []}
                qs.append(cur)
            elif d == "id" and cur:
                cur["id"] = t
            if cur:
                cur["lines"].append([d, t])
                last = cur["lines"][-1]
        elif last is not None:
            last[1] += " " + line.strip()
    return qs
text = open(ed, encoding="utf-8").read()
for line in text.splitlines():
    m = re.match(r"@(\S+)", line)
    if m and m.group(1) not in allowed:
        print("directive @%s in the edition's post-test" % m.group(1))
fq = blocks(full)
shown = " ".join(t for q in fq for d, t in q["lines"]
                 if d in ("prompt", "choice", "choice*", "step", "title")).lower()
edq = {q["id"]: q for q in blocks(ed)}
for q in fq:
    for d, t in q["lines"]:
        if d == "example+" and q["kind"] in ("short", "list"):
            # An answer in the edition must be text the full course shows too.
            if t.lower() in text.lower() and t.lower() not in shown:
                print("answer '%s' of %s is in the edition" % (t, q["id"]))
    if q["kind"] == "order":
        right = [t for d, t in q["lines"] if d == "step"]
        steps = [t for d, t in edq[q["id"]]["lines"] if d == "step"]
        if steps == right or sorted(steps) != sorted(right):
            print("order question %s: steps in the right order" % q["id"])
    if q["kind"] in ("choice", "multi"):
        a = [t for d, t in q["lines"] if d in ("choice", "choice*")]
        b = [t for d, t in edq[q["id"]]["lines"] if d == "choice"]
        if a != b:
            print("choice question %s: other choices" % q["id"])
if len(edq) != len(fq):
    print("%d questions, not %d" % (len(edq), len(fq)))
PY
check "the post-test gives nothing away" test ! -s "$SCRATCH/leaks"
cat "$SCRATCH/leaks" | sed 's/^/#   /'
check "no answer letter or key directive" \
    test -z "$(grep -E '^@(choice\*|answer|accept|concept|misconception|example[+-]|explain|feedback|hint|item)( |$)' "$ed/quizzes/99-posttest.quiz")"

# Publishing refuses a folder in use, and never follows a link.
"$TUTOR" --course "$full" --publish "$ed" >"$SCRATCH/again" 2>&1
st=$?
check "a non-empty folder is refused (status $st)" test $st -eq 1
check "saying why" contains "$SCRATCH/again" "is not empty"
mkdir "$SCRATCH/target"
ln -s "$SCRATCH/target" "$SCRATCH/link"
"$TUTOR" --course "$full" --publish "$SCRATCH/link" >"$SCRATCH/link.out" 2>&1
st=$?
check "a symbolic link is refused (status $st)" test $st -eq 1
check "and nothing is written through it" test -z "$(ls -A "$SCRATCH/target")"
"$TUTOR" --course "$ed" --publish "$SCRATCH/ed2" >"$SCRATCH/ed2.out" 2>&1
check "an edition is not published again" \
    contains "$SCRATCH/ed2.out" "this is a learner edition already"

# A learner takes the course in the edition.
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+300"
export PSOAS_TUTOR_NOW
study_shipped "$ed" "$SCRATCH/data" ann "Ann Honest"
out="$SCRATCH/data/ann.out2"
check "each answer is recorded, not graded" contains "$out" "Answer recorded."
check "no verdict is shown" lacks "$out" "Correct."
check "the end says who grades" contains "$out" "Your answers go to your provider for grading"
check "no score is shown" lacks "$out" "Score:"
journal="$SCRATCH/data/learners/ann.journal"
check "the journal holds the raw answers, ungraded" \
    grep -q "^answer	.*	ungraded	0	" "$journal"
check "with the draw and its seed" grep -q "^quiz-draw	" "$journal"
check "and the course digest before the attempt" \
    grep -q "^course	[0-9]*	$digest	" "$journal"
check "the attempt ends ungraded" grep -q "	ungraded	[0-9a-f]*$" "$journal"
attempt=$(sed -n 's/^quiz-draw	[0-9]*	posttest	\([^	]*\)	.*/\1/p' "$journal")
check "the evaluation opens once the post-test is sent, for that attempt" \
    test "$(grep -c "^evaluation	[0-9]*	$attempt	" "$journal")" -eq 6
"$TUTOR" --course "$ed" --data-dir "$SCRATCH/data" --learner ann \
    --progress --plain --width 200 >"$SCRATCH/progress" 2>&1
check "progress says the post-test awaits the provider" \
    contains "$SCRATCH/progress" "awaiting the provider"
"$TUTOR" --course "$ed" --data-dir "$SCRATCH/data" --learner ann \
    --certificate >"$SCRATCH/cert" 2>&1
st=$?
check "no local certificate (status $st)" test $st -eq 1
check "the certificate says the post-test awaits the provider" \
    contains "$SCRATCH/cert" "is awaiting the"

"$TUTOR" --course "$ed" --data-dir "$SCRATCH/data" --learner ann \
    --regrade >"$SCRATCH/regrade" 2>&1
check "--regrade in the edition leaves the post-test to the provider" \
    contains "$SCRATCH/regrade" "posttest: graded by your provider, not here"
check "and records no grade for it" test -z "$(grep '^rescore	.*	posttest	' "$journal")"

# The provider grades it against the full course.
"$TUTOR" provider --course "$full" grade "$journal" >"$SCRATCH/grade" 2>&1
st=$?
check "the provider certifies it (status $st)" test $st -eq 0
check "with the score graded again" contains "$SCRATCH/grade" "certified: Ann Honest, 100%"
check "and the evaluation recorded" contains "$SCRATCH/grade" "6 evaluation answers recorded"
"$TUTOR" provider report >"$SCRATCH/report" 2>&1
check "the report sums up the evaluation" contains "$SCRATCH/report" \
    "objectives   1 answer, mean 5.0 of 5 (1:0 2:0 3:0 4:0 5:1)"
check "with the written answers counted" contains "$SCRATCH/report" \
    "comments     1 written answer"
"$TUTOR" provider --course "$full" grade "$journal" >/dev/null 2>&1
"$TUTOR" provider report >"$SCRATCH/report2" 2>&1
check "a submission sent again adds no evaluation" contains "$SCRATCH/report2" \
    "objectives   1 answer, mean 5.0 of 5"
"$TUTOR" provider --course "$ed" grade "$journal" >"$SCRATCH/grade-ed" 2>&1
check "grading against the edition is refused" \
    contains "$SCRATCH/grade-ed" "is a learner edition, without answer keys"
cert=$(ls "$PSOAS_TUTOR_PROVIDER_DIR"/certificates/*.pdf)
"$TUTOR" --course "$ed" --verify "$cert" >"$SCRATCH/verify" 2>&1
check "the certificate verifies with the edition's key" \
    contains "$SCRATCH/verify" "valid: certificate"

# --verify takes the key the manifest names with @public-key, and says so.
ed2="$SCRATCH/edition2"
cp -R "$ed" "$ed2"
chmod -R u+w "$ed2"
mv "$ed2/provider.pub" "$ed2/acme.pub"
sed -i 's/^@public-key .*/@public-key acme.pub/' "$ed2/course.manifest"
named="Key: $ed2/acme.pub (named by @public-key in the course manifest)."
txt=$(ls "$PSOAS_TUTOR_PROVIDER_DIR"/certificates/*.txt)
"$TUTOR" --course "$ed2" --verify "$txt" >"$SCRATCH/v-good" 2>&1
st=$?
check "a certificate verifies with the key @public-key names (status $st)" \
    test $st -eq 0 -a "$(grep -c 'valid: certificate' "$SCRATCH/v-good")" -eq 1
check "and the key used is named" contains "$SCRATCH/v-good" "$named"
sed 's/ 100% (pass mark/ 99% (pass mark/' "$txt" >"$SCRATCH/forged.txt"
"$TUTOR" --course "$ed2" --verify "$SCRATCH/forged.txt" >"$SCRATCH/v-forged" 2>&1
st=$?
check "a forged certificate fails with that key (status $st)" test $st -eq 1
check "saying it was changed, and with which key" \
    test "$(grep -cF -e "NOT VALID: the certificate was changed after signing" \
    -e "$named" "$SCRATCH/v-forged")" -eq 2
PSOAS_TUTOR_PROVIDER_DIR="$SCRATCH/other" "$TUTOR" provider keygen >/dev/null
cp "$SCRATCH/other/provider.pub" "$ed2/acme.pub"
"$TUTOR" --course "$ed2" --verify "$txt" >"$SCRATCH/v-wrong" 2>&1
st=$?
check "a manifest naming another provider's key fails (status $st)" test $st -eq 1
check "saying it was signed with another key, and which key was used" \
    test "$(grep -cF -e "NOT VALID: it was signed with another" \
    -e "$named" "$SCRATCH/v-wrong")" -eq 2
"$TUTOR" --course "$ed2" --verify "$txt" --key "$ed/provider.pub" \
    >"$SCRATCH/v-key" 2>&1
st=$?
check "--key given wins over @public-key (status $st)" test $st -eq 0
check "and is named as given" contains "$SCRATCH/v-key" \
    "Key: $ed/provider.pub (given with --key)."

# The parser: a keyless post-test only in an edition, no key inside one.
bad="$SCRATCH/bad"
cp -R "$ed" "$bad"
chmod -R u+w "$bad"
sed -i '0,/^@choice /s//@choice* /' "$bad/quizzes/99-posttest.quiz"
"$TUTOR" --course "$bad" --check >"$SCRATCH/bad.out" 2>&1
check "a key in an edition's post-test is an error" \
    contains "$SCRATCH/bad.out" "'@choice*' gives an answer away: a learner edition's post-test holds questions and choices only"
sed -i -e '/^@edition/d' -e '/^@digest/d' "$bad/course.manifest"
"$TUTOR" --course "$bad" --check >"$SCRATCH/bad2.out" 2>&1
check "a keyless post-test outside an edition is an error" \
    grep -q "99-posttest.quiz:[0-9]*: error: short question 'femur-landmark' has no '@concept' or '@accept'" "$SCRATCH/bad2.out"
done_testing
