#!/bin/sh
# The course manifest under --check: the shipped one passes; every kind of
# mistake in a manifest is reported as file:line[:col] with exit status 1
# (unknown directive with its "did you mean", a missing required field, a
# bad value of each kind, a duplicate); the manifest must agree with the
# course (its post-test is a quiz of the course, with the same pass mark);
# and --check proves the CE hours from the content lessons' words and each
# lesson's @minutes from its own (12,000 words a CE hour, 200 a minute);
# and lesson text quoting {attempts}, {wait-hours}, {pass} or {posttest}
# shows the manifest's values (an unknown name is an error).
. "$top_srcdir/tests/cli/lib.sh"


good() {
	cat <<'END'
@course test-ce
@title A test course
@version 1.0
@type home study
@hours 1.5
@provider-name Example Provider
@provider-address 1 Example Street
@provider-email ce@example.org
@provider-number EX-1
@approval Example Board: EX-2
@author Ann Example, LMT
@posttest final
@pass 75
@attempts 3
@wait-hours 24
@require-practice no
@evaluation likert useful The course was useful.
@evaluation text comments Comments?
END
}

# expect NAME FILE EXPECTED: --check FILE fails with exactly EXPECTED.
expect() {
	(cd "$SCRATCH" && "$TUTOR" --check "$2") >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	grep -v '^psoas-tutor: [0-9][0-9]* errors*$' "$SCRATCH/err" \
	    >"$SCRATCH/diags"
	printf '%s\n' "$3" >"$SCRATCH/expected"
	if [ "$status" -ne 1 ]; then
		not_ok "$1: exit status $status, expected 1" \
		    "$(cat "$SCRATCH/err")"
	else
		same "$1" "$SCRATCH/expected" "$SCRATCH/diags"
	fi
}

(cd "$top_srcdir" && "$TUTOR" --check course.manifest) \
    >"$SCRATCH/out" 2>"$SCRATCH/err"
check "the shipped course.manifest passes --check" test $? -eq 0

good | sed -e 's/^@provider-email/@provder-email/' \
    -e 's/^@wait-hours 24/@Wait-hours 24/' >"$SCRATCH/typo.manifest"
expect "an unknown directive is named, with the one meant" typo.manifest \
"typo.manifest:8:1: error: unknown directive '@provder-email'; did you mean '@provider-email'?
typo.manifest:15:1: error: unknown directive '@Wait-hours'; did you mean '@wait-hours'?
typo.manifest:1: error: missing '@provider-email' in the course manifest
typo.manifest:1: error: missing '@wait-hours' in the course manifest"

good | sed -e 's/^@hours 1.5/@hours 1.55/' -e 's/^@pass 75/@pass 101/' \
    -e 's/^@attempts 3/@attempts 0/' -e 's/^@wait-hours 24/@wait-hours -1/' \
    -e 's/^@require-practice no/@require-practice maybe/' \
    -e 's/^@course test-ce/@course Test_CE/' \
    -e 's/^@provider-email .*/@provider-email ce at example.org/' \
    >"$SCRATCH/values.manifest"
expect "every bad value is reported at its column" values.manifest \
"values.manifest:1:9: error: bad id 'Test_CE' (use a-z, 0-9 and '-', not '-' first, at most 40 bytes)
values.manifest:5:8: error: bad '@hours' value '1.55' (a number of hours like 2 or 1.5, more than 0, at most 100)
values.manifest:8:17: error: bad e-mail address 'ce at example.org' (one address, like name@example.org)
values.manifest:13:7: error: bad '@pass' value '101' (a whole number from 1 to 100)
values.manifest:14:11: error: bad '@attempts' value '0' (a whole number from 1 to 100)
values.manifest:15:13: error: bad '@wait-hours' value '-1' (a whole number from 0 to 8760)
values.manifest:16:19: error: bad '@require-practice' value 'maybe' (yes or no)"

{ good; printf '@title Again\n@approval No number\n@approval Board:\n'
  printf '@author Nobody\n@evaluation likert useful Twice\n'
  printf '@evaluation scale x Y\n@evaluation text\n@hours\nstray text\n'; } \
    >"$SCRATCH/repeat.manifest"
expect "duplicates, malformed repeatable values and stray text" \
    repeat.manifest \
"repeat.manifest:19:1: error: duplicate '@title' (first given at line 2)
repeat.manifest:20:11: error: '@approval' needs 'BOARD: NUMBER'
repeat.manifest:21:11: error: '@approval' needs 'BOARD: NUMBER' (the number is empty)
repeat.manifest:22:9: error: '@author' needs 'NAME, CREDENTIALS'
repeat.manifest:23:20: error: duplicate evaluation id 'useful' (first given at line 17)
repeat.manifest:24:13: error: '@evaluation' needs 'likert ID TEXT' or 'text ID TEXT'
repeat.manifest:25:17: error: '@evaluation text' needs an id and the text shown
repeat.manifest:26:1: error: duplicate '@hours' (first given at line 5)
repeat.manifest:27:1: error: text outside a directive (manifest lines are '@name value' or '#' comments)"

: >"$SCRATCH/empty.manifest"
(cd "$SCRATCH" && "$TUTOR" --check empty.manifest) >/dev/null 2>"$SCRATCH/err"
check "an empty manifest lacks every required field" \
    test "$(grep -c "^empty.manifest:1: error: missing '@" "$SCRATCH/err")" -eq 15

# A copy of the fixture course (134 words in two lessons) with a long
# lesson of 2,400 words and a manifest at its root.
cp -R "$FIXTURE" "$SCRATCH/course"
long() {
	printf '@lesson long\n@title Long\n@topic x\n@minutes %s\n' "$1"
	printf '@objective O\n@source s S\n%s\n@page Long page\n' "${2:-}"
	i=0
	while [ $i -lt 2398 ]; do
		i=$((i + 1))
		if [ $((i % 100)) -eq 0 ]; then echo word; else printf 'word '; fi
	done
	printf '[@s]\n'
}
long 12 >"$SCRATCH/course/lessons/03-long.lesson"
good | sed 's/^@hours 1.5/@hours 0.2/' >"$SCRATCH/good.manifest"

sed 's/^@posttest final/@posttest finale/' "$SCRATCH/good.manifest" \
    >"$SCRATCH/course/course.manifest"
expect "the post-test must be a quiz of the course" course \
"course/course.manifest:12: error: the post-test 'finale' is not a quiz of the course"
sed 's/^@pass 75/@pass 60/' "$SCRATCH/good.manifest" \
    >"$SCRATCH/course/course.manifest"
expect "the pass mark must agree with the post-test quiz's" course \
"course/course.manifest:13: error: '@pass 60' disagrees with the post-test's '@pass 75' in course/quizzes/99-final.quiz"

cp "$SCRATCH/good.manifest" "$SCRATCH/course/course.manifest"
(cd "$SCRATCH" && "$TUTOR" --check course) >"$SCRATCH/out" 2>"$SCRATCH/err"
check "2,534 words of content prove 0.2 CE hours" test $? -eq 0
check "and --check says so, with the line of @hours" contains "$SCRATCH/out" \
    "course/course.manifest:5: '@hours 0.2' holds: 3 content lessons, 2,534 words, 0.2 CE hours at 12,000 words an hour (@orientation lessons not counted)"

sed 's/^@hours 0.2/@hours 0.3/' "$SCRATCH/good.manifest" \
    >"$SCRATCH/course/course.manifest"
expect "they do not prove 0.3 hours" course \
"course/course.manifest:5: error: '@hours 0.3' needs 3,600 words of content lessons at 12,000 words a CE hour; the 3 content lessons hold 2,534 (0.2 hours; @orientation lessons do not count)"

cp "$SCRATCH/good.manifest" "$SCRATCH/course/course.manifest"
long 12 @orientation >"$SCRATCH/course/lessons/03-long.lesson"
expect "an @orientation lesson's words do not count" course \
"course/course.manifest:5: error: '@hours 0.2' needs 2,400 words of content lessons at 12,000 words a CE hour; the 2 content lessons hold 134 (0.0 hours; @orientation lessons do not count)"

rm "$SCRATCH/course/course.manifest"
long 14 >"$SCRATCH/course/lessons/03-long.lesson"
(cd "$SCRATCH" && "$TUTOR" --check course/lessons/03-long.lesson) \
    >/dev/null 2>&1
check "@minutes within 20% of words / 200 passes" test $? -eq 0
long 9 >"$SCRATCH/course/lessons/03-long.lesson"
expect "@minutes outside it is an error at its line" course/lessons/03-long.lesson \
"course/lessons/03-long.lesson:4: error: '@minutes 9' does not match the lesson's 2,400 words (at 200 words a minute: 10 to 14 minutes)"

# A learner edition's lines: a digest only with '@edition learner', and
# one is needed there; each value checked.
{ good; echo '@digest 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'; } \
    >"$SCRATCH/digest.manifest"
expect "a digest outside a learner edition" digest.manifest \
"digest.manifest:19: error: '@digest' belongs in a learner edition: add '@edition learner' or remove it"
{ good; echo '@edition learner'; } >"$SCRATCH/edition.manifest"
expect "a learner edition without its digest" edition.manifest \
"edition.manifest:1: error: a learner edition ('@edition learner') needs the '@digest' of the full course it was published from"
{ good; echo '@edition full'; echo '@digest 0123ABC'; echo '@public-key ../provider.pub'; } \
    >"$SCRATCH/values.manifest"
expect "bad edition, digest and key-file values" values.manifest \
"values.manifest:19:10: error: bad '@edition' value 'full' (only 'learner': a full course has no '@edition')
values.manifest:20:9: error: bad '@digest' value (the course digest: 64 lowercase hex digits)
values.manifest:21:13: error: bad '@public-key' value '../provider.pub' (a file name in the course folder: letters, digits, '.', '_', '-', not '.' first)"


# Course values: a lesson that writes {attempts}, {wait-hours}, {pass} or
# {posttest} shows the manifest's values, so the welcome lesson's rules
# cannot disagree with the ones the tutor enforces; an unknown name in
# braces is an error at its line.
rm -rf "$SCRATCH/course"
cp -R "$FIXTURE" "$SCRATCH/course"
long 12 >"$SCRATCH/course/lessons/03-long.lesson"
sed -e 's/^@attempts 3/@attempts 5/' -e 's/^@wait-hours 24/@wait-hours 48/' \
    "$SCRATCH/good.manifest" >"$SCRATCH/course/course.manifest"
printf '%s\n' '@lesson rules' '@title Rules' '@topic x' '@orientation' \
    '@minutes 1' '@objective O' '@source s S' '@page The post-test' \
    'Type *quiz {posttest}*: {attempts} attempts, {wait-hours} hours apart,' \
    'pass mark {pass}%.' '- {attempts} in a bullet, and {not a value}. [@s]' \
    >"$SCRATCH/course/lessons/00-rules.lesson"
printf 'open rules\nquit\n' | "$TUTOR" --plain --course "$SCRATCH/course" \
    --data-dir "$SCRATCH/values-data" >"$SCRATCH/out" 2>"$SCRATCH/err"
check "lesson text shows the manifest's post-test rules" contains "$SCRATCH/out" \
    "Type quiz final: 5 attempts, 48 hours apart, pass mark 75%."
check "in bullets too, and other braces stay as written" contains \
    "$SCRATCH/out" "5 in a bullet, and {not a value}. [1]"
sed -i 's/{attempts} attempts/{atempts} attempts/' \
    "$SCRATCH/course/lessons/00-rules.lesson"
expect "an unknown course value is an error at its line" course \
"course/lessons/00-rules.lesson:9: error: unknown course value '{atempts}' (the manifest gives {attempts}, {wait-hours}, {pass} and {posttest})"

# A number with its noun: singular for exactly 1, plural otherwise.
printf '%s\n' '@lesson rules' '@title Rules' '@topic x' '@orientation' \
    '@minutes 1' '@objective O' '@source s S' '@page The post-test' \
    'You have {attempts|attempt|attempts}, {wait-hours|hour|hours} apart. [@s]' \
    >"$SCRATCH/course/lessons/00-rules.lesson"
printf 'open rules\nquit\n' | "$TUTOR" --plain --course "$SCRATCH/course" \
    --data-dir "$SCRATCH/values-data" >"$SCRATCH/out" 2>"$SCRATCH/err"
check "more than one takes the plural" contains "$SCRATCH/out" \
    "You have 5 attempts, 48 hours apart."
sed -i -e 's/^@attempts 5/@attempts 1/' -e 's/^@wait-hours 48/@wait-hours 1/' \
    "$SCRATCH/course/course.manifest"
printf 'open rules\nquit\n' | "$TUTOR" --plain --course "$SCRATCH/course" \
    --data-dir "$SCRATCH/values-data" >"$SCRATCH/out" 2>"$SCRATCH/err"
check "one takes the singular (status $?)" contains "$SCRATCH/out" \
    "You have 1 attempt, 1 hour apart."
check "the shipped welcome lesson names its numbers with their nouns" \
    grep -q "allows {attempts|attempt|attempts}, at" "$top_srcdir/lessons/00-welcome.lesson"
sed -i 's/{attempts|attempt|attempts}, {wait-hours|hour|hours}/{attempts|attempts}, {posttest|quiz|quizzes}/' \
    "$SCRATCH/course/lessons/00-rules.lesson"
expect "noun forms must be two, and only after a number" course \
"course/lessons/00-rules.lesson:9: error: course value '{attempts|attempts}' needs two noun forms, singular then plural, as in {attempts|attempt|attempts}
course/lessons/00-rules.lesson:9: error: course value '{posttest|quiz|quizzes}' is a name, not a number: it takes no noun forms"

done_testing
