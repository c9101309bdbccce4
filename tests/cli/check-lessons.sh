#!/bin/sh
# Malformed-lesson canary: every tests/data/bad-lessons/NAME.lesson must
# fail `psoas-tutor --check` with exit status 1 (not a crash: < 128) and
# print exactly the diagnostics in NAME.expected on stderr (the closing
# "psoas-tutor: N errors" summary is the lead's and is left out).  The
# 1 MB line is generated here rather than committed.  The good fixture
# lessons must pass.  POSIX sh, TAP output.

. "$top_srcdir/tests/cli/lib.sh"

BAD="$top_srcdir/tests/data/bad-lessons"
GOOD="$top_srcdir/tests/data/course/lessons"

# check_bad NAME DIR EXPECTED FILE...: run --check on FILEs from DIR.
check_bad() {
	name=$1 dir=$2 expected=$3
	shift 3
	(cd "$dir" && "$TUTOR" --check "$@") >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	grep -v '^psoas-tutor: [0-9][0-9]* errors*$' "$SCRATCH/err" \
	    >"$SCRATCH/diags"
	if [ "$status" -ge 128 ]; then
		not_ok_files "$name: crashed (status $status)" "$SCRATCH/err"
	elif [ "$status" -ne 1 ]; then
		not_ok_files "$name: exit status $status, expected 1" \
		    "$SCRATCH/err"
	elif ! diff -u "$expected" "$SCRATCH/diags" >"$SCRATCH/diff"; then
		not_ok_files "$name: diagnostics differ" "$SCRATCH/diff"
	else
		ok "$name"
	fi
}


for f in "$BAD"/*.lesson; do
	base=${f##*/}
	name=${base%.lesson}
	case $name in
	*-b) continue ;;
	*-a)	# a pair of files that clash with each other
		name=${name%-a}
		check_bad "$name" "$BAD" "$BAD/$name.expected" \
		    "$name-a.lesson" "$name-b.lesson" ;;
	*)	check_bad "$name" "$BAD" "$BAD/$name.expected" "$base" ;;
	esac
done

# A 1 MB line: one clean diagnostic, and the rest of the file is checked.
{
	printf '%s\n' '@lesson huge' '@title Huge' '@topic anatomy' \
	    '@minutes 5' '@objective O' '@source s S' '' '@page One'
	i=0
	line=xxxxxxxxxxxxxxxxxxxxxxxxx				# 25 bytes
	line=$line$line$line$line$line$line$line$line	# 200 bytes
	line=$line$line$line$line$line			# 1000 bytes
	while [ $i -lt 1000 ]; do
		printf '%s' "$line"
		i=$((i + 1))
	done
	printf '\nText.\n'
} >"$SCRATCH/huge.lesson"
echo 'huge.lesson:9: error: line is longer than 4096 bytes' \
    >"$SCRATCH/huge.expected"
check_bad "1 MB line" "$SCRATCH" "$SCRATCH/huge.expected" huge.lesson

# The good fixture lessons pass: status 0, nothing on stderr.
(cd "$GOOD" && "$TUTOR" --check 01-sample-one.lesson 02-sample-two.lesson) \
    >"$SCRATCH/out" 2>"$SCRATCH/err"
status=$?
if [ "$status" -eq 0 ] && [ ! -s "$SCRATCH/err" ] &&
    [ "$(wc -l <"$SCRATCH/out")" -eq 1 ]; then
	ok "fixture lessons pass"
else
	not_ok_files "fixture lessons pass (status $status)" "$SCRATCH/err"
fi
done_testing
