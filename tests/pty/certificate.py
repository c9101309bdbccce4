"""The text certificate on a terminal 40 columns wide: wrapped to the
terminal, from --certificate and from 'certificate' in a session, while
the text a provider signs stays 72 columns (tests/cli/certificate.sh)."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, scratch_session, screen_text  # noqa: E402

scratch, data, env, _ = scratch_session("psoas-cert40.", "erin")
course = os.path.join(scratch, "course")
env["PSOAS_TUTOR_NOW"] = "%d+60" % (1796040000)
args = [os.environ["TUTOR"], "--course", course, "--data-dir", data,
        "--learner", "erin"]

t = Tap()
try:
    # The CE copy of the test course, completed by an honest learner.
    subprocess.run(
        ["sh", "-c", '. "$top_srcdir/tests/cli/lib.sh"; ce_course "$1"; '
         '{ echo "name Erin Example"; honest_work; echo quit; } | '
         '"$TUTOR" --course "$1" --data-dir "$2" --learner erin --plain',
         "sh", course, data], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, check=True)

    p = Tutor(args + ["--certificate"], env, rows=100, cols=40)
    st = p.wait(20)
    text = screen_text(p.buf)
    wide = [ln for ln in text.split("\n") if len(ln) > 40]
    t.check("--certificate on a 40-column terminal fits it",
            st is not None and "CERTIFICATE OF COMPLETION" in text and not wide,
            wide or text[-400:])
    t.check("with its rules drawn 40 wide",
            "=" * 40 + "\n" in text and "=" * 41 not in text, text[:200])

    p = Tutor(args, env, rows=100, cols=40)
    p.expect(r"psoas-tutor> ")
    p.send("certificate\r")
    seen = p.expect(r"Learner id: erin(?s:.*)psoas-tutor> ")
    text = screen_text(seen)
    wide = [ln for ln in text.split("\n") if len(ln) > 40]
    t.check("'certificate' in a session on a 40-column terminal fits it",
            seen is not None and "Certificate number:" in text and not wide,
            wide or p.buf[-400:])
    p.finish()
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
