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
done_testing
