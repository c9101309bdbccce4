#!/bin/sh
# xAPI submissions end to end on a copy of the fixture course with a
# manifest: real sessions (one honest, one with hostile text typed and
# bytes no terminal sends planted in its journal) written with --submit;
# every statement checked by Learning Locker's validation library
# (tests/xapi, npm); the honest submission certified by provider grade;
# and the forgeries of tests/cli/provider-grade.sh made on submissions
# instead of journals, each refused with its reason.
real_home=${HOME:-}	# lib.sh gives the test a HOME of its own
. "$top_srcdir/tests/cli/lib.sh"

course="$SCRATCH/course"
ce_course "$course" https://harbour.example/ce
echo '@evaluation likert objectives The course met its objectives.' \
    >>"$course/course.manifest"
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+60"
export PSOAS_TUTOR_NOW
pdir="$SCRATCH/provider"
data="$SCRATCH/data"
chain="$top_srcdir/tests/cli/journal-chain.py"
"$TUTOR" provider --dir "$pdir" keygen >/dev/null

learn() {	# learn LEARNER: a session from standard input
	"$TUTOR" --course "$course" --data-dir "$data" --learner "$1" --plain \
	    --width 72 >"$SCRATCH/$1.out" 2>"$SCRATCH/$1.err"
}
submit() {	# submit LEARNER FILE
	"$TUTOR" --course "$course" --data-dir "$data" --learner "$1" \
	    --submit "$2" >"$SCRATCH/$1.submit" 2>&1
}
grade() {	# grade NAME FILE...: output in $SCRATCH/NAME.grade
	_n=$1; shift
	"$TUTOR" provider --dir "$pdir" --course "$course" grade "$@" \
	    >"$SCRATCH/$_n.grade" 2>&1
}
edit() {	# edit IN OUT PYTHON: the submission as d, statements as s
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["statements"]
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))
PY
}

long=$(printf 'x%.0s' $(seq 1 3000))
learn erin <<IN
name Erin "Q" O'Brien \\ Example
practice sample-quiz
the "greater" trochanter \\ or <b>lesser</b> & 'so on' é 😀
skip
leave
$(honest_work)
evaluate
4
leave
practice sample-quiz
$long
leave
quit
IN
submit erin "$SCRATCH/erin.json"
st=$?
check "--submit writes the submission (status $st)" test $st -eq 0
check "and says where to send it" contains "$SCRATCH/erin.submit" "send this file to your provider (e-mail or upload)"
check "the file is mode 0600" test "$(stat -c %a "$SCRATCH/erin.json")" = 600
check "it carries the raw answers" contains "$SCRATCH/erin.json" '"response":"the \"greater\" trochanter \\ or <b>lesser</b> & '"'so on' é 😀\""
check "and the attestation" contains "$SCRATCH/erin.json" '"attestation": {"text": "I did the work of this course myself"'
check "and the identity" contains "$SCRATCH/erin.json" '"licence": "ME-LMT-2231", "state": "ME"'
check "and the post-test's draw" contains "$SCRATCH/erin.json" '"https://harbour.example/ce/courses/sample-ce/ext/attempt":'
check "practice is graded here, so it has success" contains "$SCRATCH/erin.json" '"success":false'
cp "$SCRATCH/erin.json" "$SCRATCH/before.json"
submit erin "$SCRATCH/erin.json"
st=$?
check "--submit never writes over a file (status $st)" test $st -eq 1
check "and says so" contains "$SCRATCH/erin.submit" "is never written over a file"
check "the file is left as it was" cmp -s "$SCRATCH/erin.json" "$SCRATCH/before.json"
ln -s "$SCRATCH/target" "$SCRATCH/link.json"
submit erin "$SCRATCH/link.json"
check "--submit never follows a symbolic link" test ! -e "$SCRATCH/target"
submit erin "$SCRATCH/again.json"
check "the same journal gives the same statements, ids and all" cmp -s "$SCRATCH/erin.json" "$SCRATCH/again.json"

# Bytes no terminal lets through, planted in a journal by hand: invalid
# UTF-8, control characters, a bidi override, in a name and answers.
printf 'quit\n' | learn hal
python3 "$chain" append "$data/learners/hal.journal" \
    "$(printf 'name\t1796000000\tHal \377\376 \001\033[31m\342\200\256 Bad')" \
    "$(printf 'practice\t1796000001\tsample-quiz\tinsertion\tincorrect\t0\tless\377er \001 \\\\ "tro" \033[2J')" \
    "$(printf 'evaluation\t1796000002\tX\tcomments\ttext\t\300\257 \355\240\200\tAny?')"
submit hal "$SCRATCH/hal.json"
st=$?
check "a journal with bytes that are not UTF-8 still gives a submission (status $st)" test $st -eq 0
check "and it is valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$SCRATCH/hal.json"
check "with the exact bytes of the answer kept in hex" contains "$SCRATCH/hal.json" '/ext/response-hex":"6c657373ff6572200120'

# Every statement through Learning Locker's validator (npm, test-only).
if ! command -v node >/dev/null 2>&1; then
	skip "node is not installed: the statements were not checked by the xAPI validator (see the README test command: nodejs, npm, then cd tests/xapi && npm ci)"
else
	vdir="$top_srcdir/tests/xapi"
	if [ ! -d "$vdir/node_modules/@learninglocker/xapi-validation" ]; then
		# A copy of the tree (make check-sanitizers) has no
		# node_modules: install it from the user's npm cache, which
		# the README's 'npm ci' filled, offline.
		mkdir -p "$SCRATCH/xapi"
		cp "$vdir/package.json" "$vdir/package-lock.json" \
		    "$vdir/validate.js" "$SCRATCH/xapi/"
		cache=$(HOME="$real_home" npm config get cache 2>/dev/null)
		(cd "$SCRATCH/xapi" && npm ci --offline --no-audit --no-fund \
		    --cache "$cache") >"$SCRATCH/npm.out" 2>&1
		vdir="$SCRATCH/xapi"
	fi
	node "$vdir/validate.js" "$SCRATCH/erin.json" "$SCRATCH/hal.json" \
	    >"$SCRATCH/validate.out" 2>&1
	st=$?
	if [ $st -eq 0 ] && contains "$SCRATCH/validate.out" " with problems"; then
		ok "every statement passes @learninglocker/xapi-validation ($(tail -n 1 "$SCRATCH/validate.out"))"
	else
		not_ok "every statement passes @learninglocker/xapi-validation (install it: cd tests/xapi && npm ci)" \
		    "$(cat "$SCRATCH/validate.out" "$SCRATCH/npm.out" 2>/dev/null | head -n 20)"
	fi
fi

# The provider grades the submission, not the learner's journal.
grade honest "$SCRATCH/erin.json"
st=$?
check "an honest xAPI submission is certified (status $st)" test $st -eq 0
check "with the score graded again" contains "$SCRATCH/honest.grade" "certified: Erin \"Q\" O'Brien \\ Example, 100% (pass mark 75%)"
check "and the evaluation answer goes to the registry" contains "$SCRATCH/honest.grade" "1 evaluation answer recorded"
number=$(grep -Eo 'SAMPLE-CE-[0-9]{8}-[2-9A-Z]{10}' "$SCRATCH/honest.grade" | head -n 1)
"$TUTOR" --verify "$pdir/certificates/$number.txt" --key "$pdir/provider.pub" >"$SCRATCH/v" 2>&1
check "its certificate verifies" contains "$SCRATCH/v" "valid: certificate $number"

# A failing learner; then the score and verdicts edited in the statements.
failing_work | learn finn
submit finn "$SCRATCH/finn.json"
edit "$SCRATCH/finn.json" "$SCRATCH/finn-edited.json" '
for st in s:
    if st["verb"]["id"].endswith("/answered"):
        st["result"]["success"] = True
        st["result"]["score"] = {"raw": 1, "min": 0, "max": 1, "scaled": 1}
    if st["verb"]["id"].endswith("/completed") and "/quizzes/" in st["object"]["id"]:
        p = dict(st); p["verb"] = {"id": "http://adlnet.gov/expapi/verbs/passed"}
        p["result"] = {"success": True, "score": {"scaled": 1}}
        s.append(p)
'
check "the edited submission claims the scores" contains "$SCRATCH/finn-edited.json" '"success": true, "score": {"raw": 1'
grade edited "$SCRATCH/finn-edited.json"
check "an edited score in a submission is ignored and it is refused" contains "$SCRATCH/edited.grade" "REFUSED: no post-test attempt reaches the pass mark of 75% when its answers are graded again (best 0%"

# A statement added for a question the attempt did not draw.
edit "$SCRATCH/erin.json" "$SCRATCH/undrawn.json" '
import copy
i = next(k for k, st in enumerate(s) if st["verb"]["id"].endswith("/answered") and "/quizzes/final/" in st["object"]["id"])
extra = copy.deepcopy(s[i])
extra["object"]["id"] = extra["object"]["id"].rsplit("/", 1)[0] + "/nerves"
extra["result"]["response"] = "femoral nerve"
s.insert(i, extra)
'
grade undrawn "$SCRATCH/undrawn.json"
check "a statement for an undrawn question is refused" contains "$SCRATCH/undrawn.grade" "REFUSED: post-test attempt"
check "naming the question" contains "$SCRATCH/undrawn.grade" "is to question nerves, but this course asks insertion there"

# The wrong course digest: in the submission, or in one statement.
edit "$SCRATCH/erin.json" "$SCRATCH/digest.json" 'd["digest"] = "0" * 64'
grade digest "$SCRATCH/digest.json"
check "a submission with another course's digest is refused" contains "$SCRATCH/digest.grade" "REFUSED: it was made from another course: its digest is 0000"
edit "$SCRATCH/erin.json" "$SCRATCH/digest2.json" '
k = next(k for k in s[3]["context"]["extensions"] if k.endswith("/ext/digest"))
s[3]["context"]["extensions"][k] = "f" * 64
'
grade digest2 "$SCRATCH/digest2.json"
check "one statement from another course is refused, by number" contains "$SCRATCH/digest2.grade" "REFUSED: statement 4: it was made from another course (digest ffff"

# A fake course with the real ids: its digest is not the provider's.
fake="$SCRATCH/fake"
cp -R "$course" "$fake"
sed -i 's/^@pass 75/@pass 1/' "$fake/course.manifest"
"$TUTOR" --course "$fake" --data-dir "$data" --learner erin --submit "$SCRATCH/fake.json" >/dev/null 2>&1
grade fake "$SCRATCH/fake.json"
check "a submission from a fake course with the real ids is refused" contains "$SCRATCH/fake.grade" "REFUSED: it was made from another course"

# The honest submission under another learner's name.
edit "$SCRATCH/erin.json" "$SCRATCH/mallory.json" '
d["learner"] = "mallory"; d["name"] = "Mallory Copy"
for st in s:
    st["actor"]["account"]["name"] = "mallory"
'
grade copied "$SCRATCH/mallory.json"
check "a submission copied under another name is refused" contains "$SCRATCH/copied.grade" "already certified, as certificate $number for learner erin"
edit "$SCRATCH/erin.json" "$SCRATCH/mixed.json" 's[2]["actor"]["account"]["name"] = "someone"'
grade mixed "$SCRATCH/mixed.json"
check "a statement about another learner is refused" contains "$SCRATCH/mixed.grade" "REFUSED: statement 3: its actor is not learner erin of https://harbour.example/ce"

# Statements that claim a pass with no answers at all.
printf 'quit\n' | learn eve
submit eve "$SCRATCH/eve.json"
python3 - "$SCRATCH/erin.json" "$SCRATCH/eve-pass.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["learner"] = "eve"
keep = [st for st in d["statements"] if not st["verb"]["id"].endswith("/answered")]
for st in keep:
    st["actor"]["account"]["name"] = "eve"
d["statements"] = keep
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))
PY
grade appended "$SCRATCH/eve-pass.json"
check "statements of a finished post-test with no answers are refused" contains "$SCRATCH/appended.grade" "REFUSED: no post-test attempt reaches the pass mark of 75% when its answers are graded again (best 0%, from 0 answers)"

for bad in 'not json' '{"format": "psoas-tutor submission 1", "learner": "x", "statements": [' '{"format": "something else"}'; do
	printf '%s' "$bad" >"$SCRATCH/bad.json"
	grade bad "$SCRATCH/bad.json"
	check "a broken submission is refused, not a crash: $(echo "$bad" | cut -c1-20)" contains "$SCRATCH/bad.grade" "REFUSED: "
done

# The whole way as issue 12 means it: the provider publishes a learner
# edition, the learner sits the post-test there (nothing graded on the
# learner's machine), submits, and the provider certifies.
PSOAS_TUTOR_PROVIDER_DIR="$pdir" "$TUTOR" --course "$course" \
    --publish "$SCRATCH/edition" >"$SCRATCH/publish" 2>&1
{ echo 'name Ed Learner'; honest_work; echo quit; } |
    "$TUTOR" --course "$SCRATCH/edition" --data-dir "$data" --learner ed \
    --plain >"$SCRATCH/ed.out" 2>&1
"$TUTOR" --course "$SCRATCH/edition" --data-dir "$data" --learner ed \
    --submit "$SCRATCH/ed.json" >"$SCRATCH/ed.submit" 2>&1
st=$?
check "a learner edition writes a submission (status $st)" test $st -eq 0
check "whose post-test answers carry no verdict of the learner's machine" \
    python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["statements"]; a=[x for x in s if "/quizzes/final/" in x["object"]["id"] and x["verb"]["id"].endswith("/answered")]; sys.exit(not a or any("success" in x["result"] or "score" in x["result"] for x in a))' "$SCRATCH/ed.json"
grade edition "$SCRATCH/ed.json"
check "and the provider certifies it against the full course" contains "$SCRATCH/edition.grade" "certified: Ed Learner, 100% (pass mark 75%)"
if [ -n "${vdir:-}" ]; then
	node "$vdir/validate.js" "$SCRATCH/ed.json" >"$SCRATCH/validate-ed.out" 2>&1
	check "the edition's statements pass the xAPI validator too" test $? -eq 0
fi

# Memory errors and leaks writing and grading a submission (valgrind).
if command -v valgrind >/dev/null 2>&1 && ! ldd "$TUTOR" 2>/dev/null | grep -q libasan; then
	vg() {
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite,indirect "$@"
	}
	vg "$TUTOR" --course "$course" --data-dir "$data" --learner hal \
	    --submit "$SCRATCH/hal-vg.json" >/dev/null 2>"$SCRATCH/submit.vg"
	check "--submit of hostile bytes: no memory errors or leaks" test $? -eq 0
	vg "$TUTOR" provider --dir "$pdir" --course "$course" grade \
	    "$SCRATCH/undrawn.json" "$SCRATCH/bad.json" >/dev/null 2>"$SCRATCH/grade.vg"
	check "grading submissions: no memory errors or leaks" test $? -ne 99
	# The tutor runs psoas-tutor-provider in its place, where valgrind
	# does not follow: the grading itself under valgrind.
	vg "$(dirname "$TUTOR")/psoas-tutor-provider" --dir "$pdir" \
	    --course "$course" grade "$SCRATCH/undrawn.json" "$SCRATCH/bad.json" \
	    >/dev/null 2>"$SCRATCH/grade2.vg"
	check "psoas-tutor-provider grading: no memory errors or leaks" test $? -ne 99
fi
done_testing
