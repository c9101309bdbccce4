#!/bin/sh
# The provider's key pair and --verify from the command line: keygen makes
# a private key of mode 0600 and never overwrites it; --verify needs the
# provider's public key and refuses a self-reported certificate, which
# carries no provider signature.  (Signing and every tampering are proved
# with real keys in tests/unit/test_seal.c; issuing is provider grade's.)
. "$top_srcdir/tests/cli/lib.sh"

pdir="$SCRATCH/provider"
"$TUTOR" provider --dir "$pdir" keygen >"$SCRATCH/k1" 2>"$SCRATCH/k1.err"
st=$?
check "keygen succeeds (status $st)" test $st -eq 0
check "the secret key is mode 0600" test "$(stat -c %a "$pdir/provider.key")" = 600
check "the public key is there" contains "$pdir/provider.pub" "psoas-tutor provider public key 1"
check "keygen names the key" grep -Eq '^Key [0-9a-f]{64}$' "$SCRATCH/k1"
cp "$pdir/provider.key" "$SCRATCH/key.before"
"$TUTOR" provider --dir "$pdir" keygen >"$SCRATCH/k2" 2>"$SCRATCH/k2.err"
st=$?
check "a second keygen fails (status $st)" test $st -eq 1
check "and says the key is never overwritten" contains "$SCRATCH/k2.err" "never overwritten"
check "the secret key is unchanged" cmp -s "$pdir/provider.key" "$SCRATCH/key.before"
PSOAS_TUTOR_PROVIDER_DIR="$SCRATCH/p2" "$TUTOR" provider keygen >/dev/null 2>&1
check "PSOAS_TUTOR_PROVIDER_DIR chooses the folder" test -f "$SCRATCH/p2/provider.key"

# A self-reported certificate, as --certificate prints it, has no seal.
cat >"$SCRATCH/self.txt" <<'TXT'
CERTIFICATE OF COMPLETION
This certifies that Eve has completed the course with a score of 100%.
TXT
"$TUTOR" --verify "$SCRATCH/self.txt" --key "$pdir/provider.pub" \
    >"$SCRATCH/v1" 2>"$SCRATCH/v1.err"
st=$?
check "--verify refuses a certificate without a seal (status $st)" test $st -eq 1
check "and says why" contains "$SCRATCH/v1.err" "NOT VALID: it carries no provider signature"
"$TUTOR" --course "$FIXTURE" --verify "$SCRATCH/self.txt" \
    >"$SCRATCH/v2" 2>"$SCRATCH/v2.err"
st=$?
check "--verify without any public key fails (status $st)" test $st -eq 1
check "and asks for --key" contains "$SCRATCH/v2.err" "give the provider's public key with --key FILE"
"$TUTOR" --key "$pdir/provider.pub" --progress >/dev/null 2>"$SCRATCH/v3.err"
check "--key alone is a usage error" contains "$SCRATCH/v3.err" "--key goes with --verify"

# The provider's commands are psoas-tutor-provider, the one program that
# links SQLite: the tutor runs it in its place, found beside the tutor
# (here, a copy of the tutor in a folder of its own) or in pkglibexecdir,
# never through a symbolic link or a file others can change.
check "the tutor links no SQLite" sh -c "! readelf -d '$TUTOR' | grep -q 'libsqlite'"
mkdir "$SCRATCH/bin"
cp "$TUTOR" "$SCRATCH/bin/psoas-tutor"
"$SCRATCH/bin/psoas-tutor" provider --dir "$SCRATCH/p3" keygen \
    >"$SCRATCH/h1" 2>"$SCRATCH/h1.err"
st=$?
check "without the helper, provider exits 1 (status $st)" test $st -eq 1
check "and says which program is missing" \
    contains "$SCRATCH/h1.err" "psoas-tutor-provider is not installed beside this program"
check "and makes no key" test ! -e "$SCRATCH/p3"
"$SCRATCH/bin/psoas-tutor" --verify "$SCRATCH/self.txt" --key "$pdir/provider.pub" \
    >/dev/null 2>"$SCRATCH/h2.err"
check "--verify needs no helper" \
    contains "$SCRATCH/h2.err" "NOT VALID: it carries no provider signature"
printf '#!/bin/sh\ntouch "%s/planted"\n' "$SCRATCH" >"$SCRATCH/evil"
chmod 755 "$SCRATCH/evil"
ln -s "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-provider"
"$SCRATCH/bin/psoas-tutor" provider keygen >/dev/null 2>&1
check "a helper that is a symbolic link is not run" test ! -e "$SCRATCH/planted"
rm "$SCRATCH/bin/psoas-tutor-provider"
cp "$SCRATCH/evil" "$SCRATCH/bin/psoas-tutor-provider"
chmod 777 "$SCRATCH/bin/psoas-tutor-provider"
"$SCRATCH/bin/psoas-tutor" provider keygen >/dev/null 2>&1
check "nor one that others can change" test ! -e "$SCRATCH/planted"
rm "$SCRATCH/bin/psoas-tutor-provider"
cp "$(dirname "$TUTOR")/psoas-tutor-provider" "$SCRATCH/bin/"
"$SCRATCH/bin/psoas-tutor" provider --dir "$SCRATCH/p 4" keygen \
    >"$SCRATCH/h3" 2>"$SCRATCH/h3.err"
st=$?
check "the helper beside the tutor runs the command (status $st)" test $st -eq 0
check "with the arguments as typed" test -f "$SCRATCH/p 4/provider.key"
"$SCRATCH/bin/psoas-tutor" provider --dir "$SCRATCH/p 4" keygen \
    >/dev/null 2>"$SCRATCH/h4.err"
st=$?
check "and its exit status is the tutor's (status $st)" test $st -eq 1
check "as its messages are" contains "$SCRATCH/h4.err" "psoas-tutor: "
done_testing
