#!/bin/sh
# course.mk must list every shipped lesson and quiz (automake does not
# glob), or `make install` and `make dist` would silently drop one.
. "$top_srcdir/tests/cli/lib.sh"

(cd "$top_srcdir" && ./build-aux/list-course) >"$SCRATCH/course.mk"
if cmp -s "$SCRATCH/course.mk" "$top_srcdir/course.mk"; then
	ok "course.mk lists exactly the lessons and quizzes in the tree"
else
	not_ok "course.mk is stale: run 'make update-course-list'"
	diff "$top_srcdir/course.mk" "$SCRATCH/course.mk" | sed 's/^/#   /'
fi
done_testing
