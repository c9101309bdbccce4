"""Ctrl-\\ (SIGQUIT) in a real terminal does what Ctrl-C does at every
prompt: it cancels the line being typed (or stops paging) and never ends
the session, so there is no status 131 and no core dump, and nothing
recorded is lost.  From a script it is ignored."""
import os
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, scratch_session  # noqa: E402

QUIT = "\x1c"
scratch, data, env, args = scratch_session("psoas-quitkey.")
journal = os.path.join(data, "learners", "pty.journal")


def records(kind):
    with open(journal, encoding="utf-8") as f:
        return [ln.split("\t") for ln in f if ln.startswith(kind + "\t")]


t = Tap()
try:
    p = Tutor(args, env, rows=12, cols=60)
    p.expect(r"Full name: ")
    p.send("Jane Q" + QUIT)
    seen = p.expect(r"(?s)\^\\.*Full name: ")
    t.check("Ctrl-\\ at the name question clears the line and asks again",
            seen is not None, p.buf)
    p.send("Jane Q. Learner\r")
    t.check("then the name is taken", p.expect(r"psoas-tutor> ") is not None, p.buf)

    p.send("quiz sample-quiz\r")
    p.expect(r"\[sample-quiz 1/6\] answer> ")
    p.send("lesser trochanter")
    p.expect(r"trochanter")
    p.send(QUIT)
    seen = p.expect(r"(?s)\^\\.*\[sample-quiz 1/6\] answer> ")
    t.check("Ctrl-\\ at an answer prompt cancels the answer being typed",
            seen is not None, p.buf)
    t.check("and sends nothing: no try is recorded", records("try") + records("answer") == [],
            records("answer"))
    p.send("lesser trochanter\r")
    seen = p.expect(r"\[sample-quiz 2/6\] answer> ")
    t.check("the same question is still asked, with every try left",
            seen is not None and b"Correct." in seen and b"Points: 1 of 1." in seen, p.buf)
    p.send(QUIT)
    seen = p.expect(r"(?s)\^\\.*\[sample-quiz 2/6\] answer> ")
    t.check("Ctrl-\\ at an empty answer prompt asks again", seen is not None, p.buf)

    p.send("leave\r")
    p.expect(r"psoas-tutor> ")
    p.send("help\r")
    seen = p.expect(r"-- more \(\d+%\) --")
    p.send(QUIT)
    seen2 = p.expect(r"psoas-tutor> ")
    t.check("Ctrl-\\ at a more-prompt stops paging, as q and Ctrl-C do",
            seen is not None and seen2 is not None and b"-- more" not in seen2, p.buf)

    p.send("li" + QUIT)
    seen = p.expect(r"(?s)\^\\.*psoas-tutor> ")
    t.check("Ctrl-\\ at the tutor prompt cancels the line", seen is not None, p.buf)
    p.send("quit\r")
    said = p.expect(r"Your progress is saved\. Goodbye\.")
    st = p.wait(20)
    t.check("the session then ends as usual, status 0, progress saved",
            said is not None and st is not None and os.WIFEXITED(st)
            and os.WEXITSTATUS(st) == 0, st)
    got = [r[11] for r in records("answer")]
    t.check("the journal holds the answer given, once", got == ["lesser trochanter"], got)
    t.check("no core file is left", not any(f.startswith("core")
                                            for f in os.listdir(scratch)),
            os.listdir(scratch))

    # A script: SIGQUIT is ignored, the session goes on to its end.
    proc = subprocess.Popen(args + ["--plain"], env=env, cwd=scratch,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    proc.stdin.write(b"quiz sample-quiz\n")
    proc.stdin.flush()
    proc.stdout.readline()
    os.kill(proc.pid, signal.SIGQUIT)
    out, _ = proc.communicate(b"psoas major, iliacus\nleave\nquit\n", timeout=20)
    t.check("from a script, SIGQUIT ends nothing: the session runs to quit, status 0",
            proc.returncode == 0 and b"Goodbye." in out, (proc.returncode, out[-300:]))
    got = [r[11] for r in records("answer")]
    t.check("and the answer typed after it is recorded",
            got == ["lesser trochanter", "psoas major, iliacus"], got)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
