"""Ctrl-C and SIGTERM during a slow grading, in a real terminal (issue 9
item 11): a course made here has a list question whose hundred item
patterns backtrack on a crafted answer, so grading it runs into the
answer's time budget.  Ctrl-C in the middle stops the grading (no try
used) and the quiz goes on; SIGTERM in the middle ends the session with
everything answered before kept.  The bound checked is generous (the
grading budget itself, GRADE_BUDGET_MS): this is a correctness test, and
the latency is printed as a comment only."""
import os
import re
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor  # noqa: E402

BUDGET = 1.0    # seconds: GRADE_BUDGET_MS in src/defaults.h

tutor = os.environ["TUTOR"]
fixture = os.path.join(os.environ["top_srcdir"], "tests", "data", "course")
scratch = tempfile.mkdtemp(prefix="psoas-slow.")
course = os.path.join(scratch, "course")
data = os.path.join(scratch, "data")
shutil.copytree(os.path.join(fixture, "lessons"), os.path.join(course, "lessons"))
os.makedirs(os.path.join(course, "quizzes"))
items = "".join("@item thing%d\n@accept (?:x+x+)+y|thing%d\n" % (k, k)
                for k in range(100))
with open(os.path.join(course, "quizzes", "01-slow.quiz"), "w") as f:
    f.write("""@quiz slow-quiz
@title Slow quiz
@lesson sample-one
@pass 50

@question short
@id first
@prompt Where does the iliopsoas tendon insert on the femur?
@accept (?:the\\s+)?lesser\\s+trochanter
@explain The lesser trochanter.
@example+ lesser trochanter
@example+ the lesser trochanter
@example- greater trochanter
@example- the femur
@taught sample-one 1

@question list
@id slow
@prompt Name two things.
@need 2
%s@explain Any two things.
@example+ thing1 and thing2
@example+ thing3, thing4
@example- thing1
@example- nothing
@taught sample-one 2
""" % items)
# Parts of 15 x's: each item pattern backtracks a long way on each part,
# just under the match limit, so every match costs and none fails.
slow = ", ".join(["x" * 15] * 58)

env = dict(os.environ, TERM="xterm", HOME=scratch, INPUTRC="/dev/null")
args = [tutor, "--course", course, "--data-dir", data, "--learner", "slow"]
journal = os.path.join(data, "learners", "slow.journal")

t = Tap()
p = None
try:
    p = Tutor(args, env, rows=40, cols=200)
    p.expect(r"Full name: ")
    p.send("Sam Slow\r")
    p.expect(r"> ")
    p.send("quiz slow-quiz\r")
    p.expect(r"Question 1 of 2")
    p.expect(r"answer> ")
    p.send("lesser trochanter\r")
    seen = p.expect(r"(?s)Correct\..*Question 2 of 2.*answer> ")
    t.check("the first question is answered", seen is not None, p.buf)

    p.send(slow + "\r")
    time.sleep(0.3)
    t0 = time.time()
    p.send("\x03")
    seen = p.expect(r"Grading was interrupted", timeout=5)
    dt = time.time() - t0
    print("# Ctrl-C answered in %.0f ms" % (dt * 1e3), flush=True)
    t.check("Ctrl-C during a slow grading stops it, no try used",
            seen is not None and b"took too long" not in seen, p.buf)
    t.check("well within the grading budget", seen is not None and dt < BUDGET, dt)
    seen = p.expect(r"answer> ")
    t.check("and the quiz goes on at the same question",
            seen is not None and p.expect(r"x", timeout=0.2) is None, p.buf)

    p.send(slow + "\r")
    time.sleep(0.3)
    t0 = time.time()
    os.kill(p.pid, signal.SIGTERM)
    st = p.wait(10)
    dt = time.time() - t0
    print("# SIGTERM answered in %.0f ms" % (dt * 1e3), flush=True)
    t.check("SIGTERM during a slow grading ends the session cleanly",
            st is not None and os.WIFEXITED(st) and
            os.WEXITSTATUS(st) == 128 + signal.SIGTERM, st)
    t.check("well within the grading budget", dt < BUDGET, dt)
    text = open(journal, encoding="utf-8", errors="replace").read()
    t.check("the answer before is kept",
            re.search(r"\nanswer\t\d+\tslow-quiz\t[^\n]*\tfirst\t1\tcorrect\t", text)
            is not None, text[-400:])
    t.check("the answer being graded was not recorded",
            re.search(r"\tslow\t\d+\t", text) is None, text[-400:])

    p = Tutor(args, env, rows=40, cols=200)
    seen = p.expect(r"You were on question 2 of 2")
    t.check("the next session resumes at the question being graded",
            seen is not None, p.buf)
    p.send("quit\r")
    p.wait(10)
finally:
    if p is not None and p.status is None:
        p.kill()
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
