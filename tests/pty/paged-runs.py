"""The greeting, the identity questions and the end-of-course evaluation
page like every long output (issue 13 item 2): on a small terminal each
stops at the more-prompt before its text scrolls away, and the session
goes on to their own prompt; with --plain on a terminal, or with output
to a pipe, nothing is paged."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, screen_text as text  # noqa: E402

tutor = os.environ["TUTOR"]
top = os.environ["top_srcdir"]
scratch = tempfile.mkdtemp(prefix="psoas-paged-runs.")
env = dict(os.environ, TERM="xterm", HOME=scratch, INPUTRC="/dev/null")
env.pop("NO_COLOR", None)
# Pages must be on screen long enough to be read: each line is a minute.
env["PSOAS_TUTOR_NOW"] = "%d+60" % (int(time.time()) // 86400 * 86400 + 3600)

MORE = r"-- (?:more|first screen) \(\d+%\) --"
TOP = r"psoas-tutor> "
EVAL = r"\[evaluation 1/\d+\] > "
IDENT = r"\[identity 1/4\] > "
t = Tap()

# A copy of the fixture course with CE rules and an evaluation.
course = os.path.join(scratch, "course")
shutil.copytree(os.path.join(top, "tests", "data", "course"), course)
with open(os.path.join(course, "course.manifest"), "w") as f:
    f.write("@course sample-ce\n@title Sample Course as Approved\n@version 3.1\n"
            "@type home study\n@hours 1.5\n@provider-name Harbour Bodywork Education\n"
            "@provider-address 12 Quay Road, Portsmouth, ME 03801\n"
            "@provider-email ce@harbour.example\n@provider-number NCBTMB-451122\n"
            "@author Ann Example, LMT\n@posttest final\n@pass 75\n@attempts 3\n"
            "@wait-hours 0\n@require-practice no\n"
            "@evaluation likert objectives The course met its objectives.\n"
            "@evaluation text comments Anything else?\n")


def learner(name):
    """A learner who completed the course in a scripted session (output
    to a pipe) and left the evaluation that opened; their data folder."""
    data = os.path.join(scratch, name)
    lines = ["name Erin Example", "open sample-one", "next", "next",
             "open sample-two", "next", "quiz final", "", "ME-LMT-2231", "ME",
             "I did the work of this course myself", "lesser trochanter",
             "psoas major and iliacus", "b", "true", "leave", "quit"]
    subprocess.run([tutor, "--course", course, "--data-dir", data,
                    "--learner", name], input="\n".join(lines) + "\n",
                   env=env, capture_output=True, text=True, timeout=60)
    return data


def start(name, data, rows, cols, extra=()):
    return Tutor([tutor, "--course", course, "--data-dir", data,
                  "--learner", name] + list(extra), env, rows=rows, cols=cols)


def page_to(p, done, limit=20):
    """Enter at every more-prompt until done; (output, more-prompts)."""
    raw, stops = b"", 0
    for _ in range(limit):
        seen = p.expect(MORE + "|" + done)
        if seen is None:
            return None, stops
        raw += seen
        if re.search(done.encode(), seen):
            return raw, stops
        stops += 1
        p.send("\r")
    return None, stops


def quit_(p):
    p.send("quit\r")
    if p.wait(10) is None:
        p.kill()


try:
    data = learner("erin")

    # --- A small terminal: 7 rows (6 for text), 40 columns.
    p = start("erin", data, 7, 40)
    raw, stops = page_to(p, TOP)
    said = text(raw)
    t.check("the greeting stops at a more-prompt on a small terminal",
            raw is not None and stops >= 1, said)
    t.check("and all of it is shown, up to the tutor prompt",
            raw is not None and "Education, not medical advice" in said
            and "Welcome back, Erin Example" in said, said)

    p.send("evaluate\r")
    raw, stops = page_to(p, EVAL)
    said = text(raw)
    t.check("the evaluation's questions stop at a more-prompt",
            raw is not None and stops >= 1, said)
    t.check("and page through to the evaluation's own prompt",
            raw is not None and "Course evaluation:" in said
            and "The course met its objectives." in said, said)
    p.send("leave\r")
    left = p.expect(TOP)
    t.check("leaving the evaluation gives the tutor prompt back",
            left is not None and b"Evaluation left for now" in left, p.buf)

    p.send("identity\r")
    raw, stops = page_to(p, IDENT)
    said = text(raw)
    t.check("the identity questions stop at a more-prompt",
            raw is not None and stops >= 1, said)
    t.check("and page through to the identity prompt",
            raw is not None and "A CE certificate names you" in said, said)
    p.send("leave\r")
    left = p.expect(TOP)
    t.check("leaving the identity questions gives the tutor prompt back",
            left is not None and b"nothing more was recorded" in left, p.buf)
    quit_(p)

    # --- --plain on the same small terminal: everything at once.
    p = start("erin", data, 7, 40, ["--plain"])
    seen = p.expect(TOP)
    p.send("evaluate\r")
    ev = p.expect(EVAL)
    p.send("leave\r")
    p.expect(TOP)
    p.send("identity\r")
    ident = p.expect(IDENT)
    t.check("--plain pages neither the greeting, the evaluation nor the identity questions",
            None not in (seen, ev, ident)
            and b"-- more" not in seen + ev + ident
            and b"Course evaluation:" in ev and b"A CE certificate" in ident,
            (seen, ev, ident))
    p.send("leave\r")
    quit_(p)

    # --- Output to a pipe (keys from the terminal): nothing paged.
    cmd = " ".join("'%s'" % a for a in [tutor, "--course", course, "--data-dir",
                                        data, "--learner", "erin"]) + " | cat"
    p = Tutor(["/bin/sh", "-c", cmd], env, rows=7, cols=40)
    p.expect(r"Welcome back")
    p.send("evaluate\r")
    ev = p.expect(r"Rate it from 1")
    p.send("leave\r")
    # Typed at once after it, 'identity' would join the pasted-looking
    # answer 'leave identity' (lineio.h): wait for the prompt, as a
    # learner does.
    p.expect(TOP)
    p.send("identity\r")
    ident = p.expect(r"Your legal name")
    t.check("on a pipe the evaluation and identity questions are printed whole",
            None not in (ev, ident) and b"-- more" not in ev + ident, (ev, ident, p.buf))
    p.send("leave\r")
    quit_(p)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
