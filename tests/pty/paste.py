"""Several lines pasted at once, as a terminal sends them: with bracketed
paste (readline's default) and without it (keystrokes, the line breaks
as Enter, all in one write).  At an answer or name prompt the paste is
one line, its breaks read as spaces; at the command prompt a bracketed
paste holding breaks is refused and nothing is run."""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, scratch_session, screen_text  # noqa: E402

scratch, data, env, args = scratch_session("psoas-paste.")
journal = os.path.join(data, "learners", "pty.journal")
BEGIN, END = "\x1b[200~", "\x1b[201~"


def recorded(event, cell):
    """One cell of every record of an event, in journal order."""
    out = []
    with open(journal, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells[0] == event:
                out.append(cells[cell])
    return out


t = Tap()
try:
    p = Tutor(args, env, rows=50, cols=80)
    p.expect(r"Full name: ")
    p.send(BEGIN + "Jane Q.\rLearner" + END + "\r")
    seen = p.expect(r"psoas-tutor> ")
    names = recorded("name", 2) if seen is not None else None
    t.check("a name pasted over two lines is one name",
            names == ["Jane Q. Learner"], names)

    p.send("quiz sample-quiz\r")
    p.expect(r"\[sample-quiz 1/6\] answer> ")
    # Without bracketed paste: one write, the breaks as Enter.
    p.send("the lesser\rtrochanter\r")
    seen = p.expect(r"\[sample-quiz 2/6\] answer> ")
    t.check("an answer pasted over two lines (no bracketed paste) is one answer",
            seen is not None and b"Correct." in seen, p.buf)
    t.check("and the question after it got nothing",
            seen is not None and b"[sample-quiz 2/6] answer> " not in seen[:-30],
            p.buf)

    # Bracketed paste: the text waits in the line until Enter.
    p.send(BEGIN + "psoas major,\riliacus\r" + END)
    seen = p.expect(r"iliacus", timeout=2)
    p.send("\r")
    seen = p.expect(r"\[sample-quiz 3/6\] answer> ")
    t.check("a bracketed paste of two lines is one answer once Enter is pressed",
            seen is not None and b"Correct." in seen, p.buf)

    rec = recorded("answer", 11)
    t.check("the journal holds each pasted answer as one line with spaces",
            rec == ["the lesser trochanter", "psoas major, iliacus"], rec)

    p.send("leave\r")
    p.expect(r"psoas-tutor> ")
    p.send(BEGIN + "list\rprogress" + END + "\r")
    seen = p.expect(r"psoas-tutor> ")
    text = screen_text(seen)
    t.check("at the command prompt a multi-line paste is refused, saying why",
            seen is not None and "That was 2 lines pasted at once; nothing was run."
            in text.replace("\n", " ").replace("  ", " "), text)
    t.check("and neither command ran",
            seen is not None and "Lessons:" not in text and "Overall" not in text,
            text)

    # Without bracketed paste, commands pasted at the prompt run in turn.
    p.send("sources sample-one\rlist\r")
    seen = p.expect(r"(?s)Lessons:.*psoas-tutor> ")
    t.check("several commands pasted without bracketed paste run one by one",
            seen is not None, p.buf)

    p.send("quit\r")
    st = p.wait(20)
    t.check("the session ends normally",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
