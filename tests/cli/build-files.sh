#!/bin/sh
# The build's own files: autotools run without warnings, configure
# checks only for what the code uses, and the test data list is current.
. "$top_srcdir/tests/cli/lib.sh"

ac="$top_srcdir/configure.ac"

# aclocal warns on every autoreconf when the macro folder is missing.
dir=$(sed -n 's/^AC_CONFIG_MACRO_DIRS*(\[\([^]]*\)\]).*/\1/p' "$ac")
if [ -z "$dir" ] || [ -d "$top_srcdir/$dir" ]; then
	ok "configure.ac names no missing macro folder"
else
	not_ok "configure.ac names the macro folder '$dir', which does not exist"
fi

# A HAVE_ macro that no source file reads is a check for nothing.
for f in $(sed -n 's/^AC_CHECK_FUNCS(\[\([^]]*\)\]).*/\1/p' "$ac"); do
	m=HAVE_$(echo "$f" | tr 'a-z' 'A-Z')
	check "configure's check for $f is used ($m)" \
	    grep -rqw "$m" "$top_srcdir/src"
done
# tests/data.mk lists every fixture (automake does not glob), or
# `make dist` would silently drop a test case.
(cd "$top_srcdir" && ./build-aux/list-test-data) >"$SCRATCH/data.mk"
if cmp -s "$SCRATCH/data.mk" "$top_srcdir/tests/data.mk"; then
	ok "tests/data.mk lists exactly the files under tests/data and tests/heldout"
else
	not_ok "tests/data.mk is stale: run 'make update-test-data'"
	diff "$top_srcdir/tests/data.mk" "$SCRATCH/data.mk" | sed 's/^/#   /'
fi
done_testing
