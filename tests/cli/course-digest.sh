#!/bin/sh
# The course digest a session records before each quiz start names the
# course as --check computes it, and is the same at every start of that
# session: the session uses the course it loaded, so an edit made on disk
# meanwhile is named only by the next session (the digest is computed once
# per session, src/repl.c).  A learner edition records its manifest's
# @digest (publish.sh).
. "$top_srcdir/tests/cli/lib.sh"

course="$SCRATCH/course"
ce_course "$course"
data="$SCRATCH/data"
journal="$data/learners/k.journal"
TAB=$(printf '\t')
# The digest by its definition (src/digest.h), built here by hand: each
# course file in byte order of its path, as "PATH\0LENGTH\0BYTES".
digest_of() {
	(cd "$course" && for f in $(LC_ALL=C ls -d course.manifest glossary \
	    lessons/*.lesson quizzes/*.quiz 2>/dev/null | LC_ALL=C sort); do
		printf '%s\0%s\0' "$f" "$(wc -c <"$f" | tr -d ' ')"
		cat "$f"
	done) | sha256sum | cut -d ' ' -f 1
}
before=$(digest_of)

# One session: a quiz started, left, the course edited on disk, the quiz
# started again and left.
{
	printf 'quiz sample-quiz\nlesser trochanter\nleave\n'
	sleep 1
	echo '# an edit made while the session runs' \
	    >>"$course/lessons/01-sample-one.lesson"
	printf 'quiz sample-quiz\nleave\nquit\n'
} | "$TUTOR" --course "$course" --data-dir "$data" --learner k \
    >"$SCRATCH/s1" 2>"$SCRATCH/s1.err"
st=$?
after=$(digest_of)
check "the session ran (status $st)" test $st -eq 0 -a ! -s "$SCRATCH/s1.err"
check "the edit changed the digest" test "$after" != "$before"
check "the quiz was started twice" \
    test "$(grep -c '^Question 2 of 6' "$SCRATCH/s1")" -eq 2
grep "^course$TAB" "$journal" | cut -f 3 >"$SCRATCH/recorded"
echo "$before" >"$SCRATCH/want"
same "the session records the digest of the course it loaded, once" \
    "$SCRATCH/want" "$SCRATCH/recorded"
check "before the attempt starts" \
    test "$(grep -E "^(course|quiz-start)$TAB" "$journal" | head -n 1 | cut -f 1)" = course

# The next session loads the edited course and names it.
printf 'quiz sample-quiz\nleave\nquit\n' |
    "$TUTOR" --course "$course" --data-dir "$data" --learner k \
    >"$SCRATCH/s2" 2>"$SCRATCH/s2.err"
grep "^course$TAB" "$journal" | cut -f 3 >"$SCRATCH/recorded"
printf '%s\n%s\n' "$before" "$after" >"$SCRATCH/want"
same "the next session records the edited course's digest" \
    "$SCRATCH/want" "$SCRATCH/recorded"
done_testing
