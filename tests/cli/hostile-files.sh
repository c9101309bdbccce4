#!/bin/sh
# Files planted in a data folder that learners (or anyone) can write: a
# symbolic link, a FIFO or a look-alike where a journal or a history
# belongs, or a link in place of the learners folder, is refused, never followed, created through, cut or chmodded;
# and the read-only reports (--progress, --export, --certificate,
# --all-learners) never create a folder, a file or a phantom learner.
. "$top_srcdir/tests/cli/lib.sh"


data="$SCRATCH/data"
mkdir -p "$data/learners"
tutor() {
	"$TUTOR" --course "$FIXTURE" --data-dir "$data" "$@"
}

# --- a journal link to a missing file: nothing is created through it
ln -s "$SCRATCH/created-by-link" "$data/learners/ann.journal"
printf 'open sample-one\nquit\n' | tutor --learner ann >"$SCRATCH/a" 2>"$SCRATCH/a.err"
check "a journal that is a dangling link: the session exits 1 ($?)" \
    test "$(printf 'open sample-one\nquit\n' | tutor --learner ann >/dev/null 2>&1; echo $?)" -eq 1
check "and says it will not follow the link" \
    contains "$SCRATCH/a.err" "ann.journal is a symbolic link; refusing to follow it"
check "and nothing was created where the link points" test ! -e "$SCRATCH/created-by-link"

# --- a journal link to an empty file: the file stays empty
: >"$SCRATCH/victim"
ln -s "$SCRATCH/victim" "$data/learners/bob.journal"
printf 'open sample-one\nquit\n' | tutor --learner bob >/dev/null 2>"$SCRATCH/b.err"
check "a journal linked to an empty file is refused" \
    contains "$SCRATCH/b.err" "bob.journal is a symbolic link"
check "and the linked file gets no header and no record" test ! -s "$SCRATCH/victim"

# --- the learners folder itself a link: nothing is made or read through it
mkdir -p "$SCRATCH/d2" "$SCRATCH/elsewhere"
ln -s "$SCRATCH/elsewhere" "$SCRATCH/d2/learners"
printf 'open sample-one\nquit\n' | "$TUTOR" --course "$FIXTURE" \
    --data-dir "$SCRATCH/d2" --learner dee >/dev/null 2>"$SCRATCH/d.err"
st=$?
check "a learners folder that is a link: the session exits 1 ($st)" test $st -eq 1
check "and says it will not follow the link" contains "$SCRATCH/d.err" \
    "$SCRATCH/d2/learners is a symbolic link; refusing to follow it"
check "and nothing was created where the link points" \
    test -z "$(ls -A "$SCRATCH/elsewhere")"

# --- a history file linked to someone's long file: not cut, not chmodded
seq 1 1500 >"$SCRATCH/notes"
chmod 0644 "$SCRATCH/notes"
cp "$SCRATCH/notes" "$SCRATCH/notes.before"
ln -s "$SCRATCH/notes" "$data/learners/cy.history"
printf 'list\nquit\n' | tutor --learner cy >/dev/null 2>&1
check "a session runs beside a linked history" test -f "$data/learners/cy.journal"
# paste LEARNER OUT: on a real terminal, type 'list', paste a 100 KB line,
# then quit; the screen goes to OUT.
paste() {
	PYTHONPATH="$top_srcdir/tests/pty" python3 - "$TUTOR" "$FIXTURE" "$data" "$1" \
	    >"$2" 2>&1 <<'PY'
import os, sys
from ptylib import Tutor
tutor, fixture, data, learner = sys.argv[1:]
env = dict(os.environ, TERM="xterm")
t = Tutor([tutor, "--course", fixture, "--data-dir", data, "--learner", learner], env)
seen = b""
def upto(rx, timeout=20):
    global seen
    got = t.expect(rx, timeout)
    seen += got or b""
    return got
if upto(rb"Full name: |psoas-tutor> ") and b"Full name" in seen:
    t.send("\r")          # no full name at the first-run question
    upto(rb"psoas-tutor> ")
t.send("list\r")
upto(rb"psoas-tutor> ")
# Paste without ever blocking: the echo must be read while we write, or
# both sides wait on a full terminal buffer.
import fcntl
fcntl.fcntl(t.fd, fcntl.F_SETFL, fcntl.fcntl(t.fd, fcntl.F_GETFL) | os.O_NONBLOCK)
left = b"y" * 100000
while left:
    try:
        n = os.write(t.fd, left[:1024])
        left = left[n:]
    except BlockingIOError:
        pass
    while t._read(0.001):
        pass
seen += t.buf
t.buf = b""
fcntl.fcntl(t.fd, fcntl.F_SETFL, fcntl.fcntl(t.fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
t.send("\r")
upto(rb"it was ignored", 60)
t.send("quit\r")
if t.wait(20) is None:
    t.kill()
seen += t.buf
sys.stdout.write(seen.decode("utf-8", "replace"))
PY
}
paste cy "$SCRATCH/pty.out"
check "on a terminal the linked history is refused with a warning" \
    contains "$SCRATCH/pty.out" "cy.history is a symbolic link; refusing to follow it"
check "the linked file keeps its 1,500 lines" cmp -s "$SCRATCH/notes" "$SCRATCH/notes.before"
check "and its mode" test "$(stat -c %a "$SCRATCH/notes")" = 644
check "a pasted 100 KB line is refused on a terminal" \
    contains "$SCRATCH/pty.out" "That line is longer than 4096 bytes; it was ignored."

# --- a history that is a real file: a huge pasted line never reaches it
paste dee "$SCRATCH/dee.out"
check "the history keeps ordinary lines" grep -qx list "$data/learners/dee.history"
check "and not the over-long one" test "$(wc -c <"$data/learners/dee.history")" -lt 100
check "nor does the journal" test "$(wc -c <"$data/learners/dee.journal")" -lt 5000

# --- a FIFO where a journal belongs: refused at once, no hang
mkfifo "$data/learners/fifo.journal"
timeout 5 "$TUTOR" --course "$FIXTURE" --data-dir "$data" --learner fifo \
    --progress >/dev/null 2>"$SCRATCH/f.err"
check "a FIFO journal is refused at once (status $?)" test $? -eq 1
check "as not a regular file" contains "$SCRATCH/f.err" \
    "fifo.journal is not a regular file owned by you"

# --- a file whose first line is blank is no journal, and is not appended to
printf '\nhello\n' >"$data/learners/blank.journal"
cp "$data/learners/blank.journal" "$SCRATCH/blank.before"
printf 'open sample-one\nquit\n' | tutor --learner blank >/dev/null 2>"$SCRATCH/bl.err"
check "a journal with a blank first line is refused" contains "$SCRATCH/bl.err" \
    "not a psoas-tutor journal"
check "and left exactly as it was" cmp -s "$data/learners/blank.journal" "$SCRATCH/blank.before"

# --- reports create nothing
"$TUTOR" --course "$FIXTURE" --data-dir "$SCRATCH/nonexistent/zzz" --progress \
    >/dev/null 2>"$SCRATCH/n.err"
check "--progress on a missing data folder exits 1" test $? -eq 1
check "and creates no folder" test ! -e "$SCRATCH/nonexistent"
for mode in "--export csv" "--certificate" "--progress"; do
	tutor --learner typo $mode >/dev/null 2>"$SCRATCH/t.err"
	st=$?
	check "$mode for an unknown learner exits 1 ($st) and names it" \
	    sh -c "test $st -eq 1 && grep -qF \"no learner 'typo'\" '$SCRATCH/t.err'"
done
check "no phantom journal was created" test ! -e "$data/learners/typo.journal"

# --- the instructor's view over a folder with a planted link
cp "$SCRATCH/notes.before" "$SCRATCH/notes2"
tutor --progress --all-learners >"$SCRATCH/all" 2>"$SCRATCH/all.err"
check "the class summary names the refused journals" \
    contains "$SCRATCH/all.err" "ann.journal is a symbolic link"
check "and lists the learners it could read" contains "$SCRATCH/all" "dee"
check "and changes nothing it was pointed at" test ! -e "$SCRATCH/created-by-link"
done_testing
