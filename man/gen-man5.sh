#!/bin/sh
# Regenerate man/psoas-tutor.5 from doc/FORMATS.md, so the man page and
# the format contract can never disagree.  Needs pandoc (Debian: pandoc);
# the generated page is committed, so building never needs pandoc.
# Usage: man/gen-man5.sh   (from the top of the source tree)
set -e
version=$(sed -n 's/^AC_INIT(\[psoas-tutor\], \[\([^]]*\)\].*/\1/p' configure.ac)
{
	printf '%% PSOAS-TUTOR(5) psoas-tutor %s | File Formats\n\n' "$version"
	printf '# NAME\n\npsoas-tutor - course, quiz and progress file formats of psoas-tutor\n\n'
	printf '# DESCRIPTION\n\n'
	printf 'A course for **psoas-tutor**(1) is a folder of plain UTF-8 text files that an author writes in any editor and checks with `psoas-tutor --check`. This page describes the lesson, quiz, glossary and marked-responses formats, exactly how answers are graded, and the progress journal the program keeps for each learner.\n\n'
	# Drop the Markdown title and its preamble; shift ## sections to #.
	sed -e '1,/^## /{/^## /!d}' -e 's/^## /# /' -e 's/^### /## /' doc/FORMATS.md
	printf '\n# SEE ALSO\n\n**psoas-tutor**(1), **pcre2pattern**(3), **pcre2syntax**(3)\n'
} | pandoc --standalone --from markdown+pipe_tables+backtick_code_blocks-smart --to man -o man/psoas-tutor.5
echo "man/psoas-tutor.5 regenerated from doc/FORMATS.md"
