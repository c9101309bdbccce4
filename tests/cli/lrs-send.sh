#!/bin/sh
# Statements sent to a Learning Record Store as a session goes, against a
# small local STAND-IN for an LRS (tests/cli/lrs-standin.py on 127.0.0.1,
# a random port; no real LRS is installed here): the settings file must
# be the user's own and mode 0600; statements are queued on disk while
# the LRS answers 500, is down, or hangs, and the session never waits;
# once it is back every statement arrives exactly once, also when a
# batch is sent again after a lost acknowledgement, and a 409 counts as
# delivered.
. "$top_srcdir/tests/cli/lib.sh"

course="$SCRATCH/course"
ce_course "$course"
PSOAS_TUTOR_NOW="$(date -u -d 'today 01:00' +%s)+60"
export PSOAS_TUTOR_NOW
data="$SCRATCH/data"
lrs="$SCRATCH/lrs"
mkdir -p "$data" "$lrs"

tutor() {	# tutor ARGS...: on the course, erin's data
	"$TUTOR" --course "$course" --data-dir "$data" --learner erin "$@"
}
start_lrs() {	# start_lrs [PORT]
	rm -f "$lrs/port"
	python3 "$top_srcdir/tests/cli/lrs-standin.py" "$lrs" "$@" &
	lrs_pid=$!
	for _i in $(seq 1 100); do
		[ -s "$lrs/port" ] && break
		sleep 0.1
	done
	port=$(cat "$lrs/port")
}
stop_lrs() {
	kill "$lrs_pid" 2>/dev/null
	wait "$lrs_pid" 2>/dev/null
}
trap 'stop_lrs; rm -rf "$SCRATCH"' EXIT
stored() { [ -f "$lrs/stored" ] && wc -l <"$lrs/stored" || echo 0; }
unique() { [ -f "$lrs/stored" ] && sort -u "$lrs/stored" | wc -l || echo 0; }
wait_for() {	# wait_for COMMAND...: up to 20 s for it to succeed
	for _i in $(seq 1 200); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

start_lrs
conf="$data/lrs.conf"
cat >"$conf" <<EOF
# The provider's LRS (a stand-in in this test).
endpoint http://127.0.0.1:$port/xapi
key test-key
secret test-secret
EOF

# The settings hold a secret: only the user's own file, mode 0600.
chmod 644 "$conf"
printf 'quit\n' | tutor --plain >"$SCRATCH/s0" 2>&1
check "a settings file others can read is refused with a clear error" contains "$SCRATCH/s0" "lrs.conf: error: it holds the LRS secret, so it must be mode 0600 (it is 0644): chmod 600"
tutor --send >"$SCRATCH/send0" 2>&1
st=$?
check "--send refuses it too (status $st)" test $st -eq 1
check "nothing was queued" test ! -e "$data/learners/erin.xapi-queue"
mv "$conf" "$SCRATCH/real.conf"
ln -s "$SCRATCH/real.conf" "$conf"
chmod 600 "$SCRATCH/real.conf"
tutor --send >"$SCRATCH/send1" 2>&1
check "a settings file that is a symbolic link is refused" contains "$SCRATCH/send1" "symbolic link"
rm "$conf"
printf 'endpoint ftp://x/\nkey k\nsecret s\n' >"$conf"
chmod 600 "$conf"
tutor --send >"$SCRATCH/send2" 2>&1
check "a bad endpoint is refused with its line" contains "$SCRATCH/send2" "lrs.conf:1: error: the endpoint must be an http:// or https:// address"
mv "$SCRATCH/real.conf" "$conf"
chmod 600 "$conf"

# The LRS answers 500 to everything: the session goes on, statements wait.
echo 500 >"$lrs/mode"
{ echo 'name Erin Example'; honest_work; echo quit; } |
    tutor --plain >"$SCRATCH/s1" 2>&1
st=$?
check "the session runs while the LRS fails (status $st)" test $st -eq 0
check "it says nothing of the LRS to the learner" lacks "$SCRATCH/s1" "LRS"
tutor --submit "$SCRATCH/erin.json" >/dev/null 2>&1
python3 -c 'import json,sys; [print(s["id"]) for s in json.load(open(sys.argv[1]))["statements"]]' \
    "$SCRATCH/erin.json" | sort >"$SCRATCH/ids"
total=$(wc -l <"$SCRATCH/ids")
check "every statement of the journal is queued on disk ($total)" test "$(wc -l <"$data/learners/erin.xapi-queue")" -eq "$total"
check "the queue is the learner's own, mode 0600" test "$(stat -c %a "$data/learners/erin.xapi-queue")" = 600
check "a background sender tried the LRS" wait_for grep -q '^500 ' "$lrs/posts"
check "and stored nothing" test "$(stored)" -eq 0
check "the failure set a back-off" wait_for test -s "$data/learners/erin.xapi-retry"

# The LRS goes down: --send fails in good time, nothing is lost.
stop_lrs
echo ok >"$lrs/mode"
tutor --send >"$SCRATCH/down" 2>&1
st=$?
check "--send with the LRS down fails (status $st)" test $st -eq 1
check "and says all still wait" contains "$SCRATCH/down" "0 statements sent to the LRS, $total waiting"

# A crash tore the queue's last line: the next fill starts a new line.
printf '%s\t{"id":"torn' "$total" >>"$data/learners/erin.xapi-queue"

# Up again on the same port: everything arrives, once.
start_lrs "$port"
tutor --send >"$SCRATCH/up" 2>&1
st=$?
check "--send with the LRS up succeeds (status $st)" test $st -eq 0
check "and says so" contains "$SCRATCH/up" "$total statements sent to the LRS, 0 waiting"
check "the LRS stored every statement" test "$(stored)" -eq "$total"
check "each exactly once" test "$(unique)" -eq "$total"
sort "$lrs/stored" >"$SCRATCH/stored-ids"
same "the ids stored are the submission's" "$SCRATCH/ids" "$SCRATCH/stored-ids"
check "the torn line was never sent" lacks "$lrs/posts" "torn"
check "the back-off is cleared" test ! -e "$data/learners/erin.xapi-retry"

# The acknowledgement of a batch is lost (a crash before it was noted):
# the batch goes again, and the LRS keeps one of each.
rm "$data/learners/erin.xapi-sent"
tutor --send >"$SCRATCH/again" 2>&1
check "statements sent again" contains "$SCRATCH/again" "$total statements sent to the LRS, 0 waiting"
check "are still stored once each" test "$(stored)" -eq "$total"

# More work in a session: sent in the background as it happens.
tutor --plain >"$SCRATCH/s2" 2>&1 <<'IN'
open sample-one
next
quit
IN
tutor --submit "$SCRATCH/erin2.json" >/dev/null 2>&1
total2=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["statements"]))' "$SCRATCH/erin2.json")
check "new statements reach the LRS from the session itself ($total2)" wait_for test "$(stored)" -eq "$total2"
check "each exactly once" test "$(unique)" -eq "$total2"

# An LRS that answers 409 (it holds those ids already) has them.
echo 409 >"$lrs/mode"
rm "$data/learners/erin.xapi-sent"
tutor --send >"$SCRATCH/conflict" 2>&1
st=$?
check "a 409 counts as delivered (status $st)" test $st -eq 0

# An answer that means "try later" (429) keeps the statements queued
# with a back-off, as a failure does.
echo 429 >"$lrs/mode"
rm "$data/learners/erin.xapi-sent"
tutor --send >"$SCRATCH/later" 2>&1
st=$?
check "a 429 is a failure for now (status $st)" test $st -eq 1
check "with a back-off" test -s "$data/learners/erin.xapi-retry"
check "and no refusal" test ! -e "$data/learners/erin.xapi-refused"

# An answer that trying again will not change (403 here; a wrong secret
# gives 401): the background sender records it and stops, the learner
# is told, and nothing more is sent by itself.
echo 403 >"$lrs/mode"
rm "$data/learners/erin.xapi-retry"
tutor --plain >"$SCRATCH/s4" 2>&1 <<'IN'
open sample-one
IN
check "the background sender records a refusal" wait_for test -s "$data/learners/erin.xapi-refused"
check "with the LRS's answer and the first statement refused" test "$(cut -d' ' -f1,2 "$data/learners/erin.xapi-refused")" = "403 0"
tries=$(grep -c '^403 ' "$lrs/posts")
check "it tried once ($tries)" test "$tries" -eq 1
tutor --plain >"$SCRATCH/s5" 2>&1 <<'IN'
open sample-two
progress
quit
IN
check "the next session tells the learner" contains "$SCRATCH/s5" "the LRS refused the statements (HTTP 403 on "
check "and what to do" contains "$SCRATCH/s5" "tell your provider"
tutor --send=due >"$SCRATCH/due" 2>&1
st=$?
check "--send=due does not try again (status $st)" test $st -eq 2
sleep 1
check "no statement was sent by itself since" test "$(grep -c '^403 ' "$lrs/posts")" -eq "$tries"
tutor --send >"$SCRATCH/refused" 2>&1
st=$?
check "--send tries again, and is refused (status $st)" test $st -eq 2
check "it says so" contains "$SCRATCH/refused" "the LRS refused the statements with HTTP 403, which trying again will not change"
check "and that none were sent" grep -q '^0 statements sent to the LRS, [1-9][0-9]* waiting$' "$SCRATCH/refused"
echo ok >"$lrs/mode"
tutor --send >"$SCRATCH/fixed" 2>&1
st=$?
check "once the LRS takes them, --send sends them (status $st)" test $st -eq 0
check "the refusal is cleared" test ! -e "$data/learners/erin.xapi-refused"
check "each stored exactly once" test "$(stored)" -eq "$(unique)"

# The sender is never taken from a symbolic link or a file others can
# change planted beside the tutor (a copy of it, here).
mkdir "$SCRATCH/bin"
cp "$TUTOR" "$SCRATCH/bin/psoas-tutor"
printf '#!/bin/sh\ntouch "%s/planted"\n' "$SCRATCH" >"$SCRATCH/evil"
chmod 755 "$SCRATCH/evil"
ln -s "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-send"
"$SCRATCH/bin/psoas-tutor" --course "$course" --data-dir "$data" \
    --learner erin --send >"$SCRATCH/planted-link" 2>&1
check "a sender that is a symbolic link is not run" test ! -e "$SCRATCH/planted"
rm "$SCRATCH/bin/psoas-tutor-send"
cp "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-send"
chmod 777 "$SCRATCH/bin/psoas-tutor-send"
"$SCRATCH/bin/psoas-tutor" --course "$course" --data-dir "$data" \
    --learner erin --send >"$SCRATCH/planted-file" 2>&1
check "nor one that others can change" test ! -e "$SCRATCH/planted"

# An LRS that never answers does not hold up the learner.
echo hang >"$lrs/mode"
rm "$data/learners/erin.xapi-sent"
timeout 20 "$TUTOR" --course "$course" --data-dir "$data" --learner erin \
    --plain >"$SCRATCH/s3" 2>&1 <<'IN'
open sample-two
progress
quit
IN
st=$?
check "a session ends at once while the LRS hangs (status $st)" test $st -eq 0
check "and it was shown its lesson" contains "$SCRATCH/s3" "sample"
done_testing
