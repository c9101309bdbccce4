"""The pager in a real terminal (issue 13 item 2): a figure or a box that
fits on a screen is never cut; Enter and space page on, 'b' shows the
screen before again, 'q' and Ctrl-C stop paging (the session goes on),
Ctrl-D and a closed terminal end it cleanly with progress kept; help and
progress page on a small terminal; a resize at the more-prompt lays out
what is still to come at the new width; --plain on a terminal pages
nothing.  Screens are told apart by the more-prompt that ends each."""
import os
import re
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, screen_text as text  # noqa: E402

tutor = os.environ["TUTOR"]
shipped = os.environ["top_srcdir"]
scratch = tempfile.mkdtemp(prefix="psoas-pager.")
env = dict(os.environ, TERM="xterm", HOME=scratch, INPUTRC="/dev/null")
env.pop("NO_COLOR", None)

MORE = r"-- (?:more|first screen) \(\d+%\) --(?: Enter[^\r\n\x1b]*)?"
LESSON_PROMPT = r"\[anatomy \d+/\d+\] > "
t = Tap()


def start(learner, rows, cols, extra=()):
    data = os.path.join(scratch, learner)
    p = Tutor([tutor, "--course", shipped, "--data-dir", data,
               "--learner", learner] + list(extra), env, rows=rows, cols=cols)
    return p


def greet(p):
    """Answer the first-run name question, wait for the tutor prompt."""
    seen = p.expect(r"Full name: |psoas-tutor> ")
    if seen is not None and seen.endswith(b"Full name: "):
        p.send("Pat Pager\r")
        p.expect(r"psoas-tutor> ")


def screens(raw):
    """The screens shown, as lists of lines (the command typed dropped)."""
    # Split where the \r of the prompt's erasing still ends it.
    parts = re.split(MORE, text(raw, cr=True))
    out = []
    for i, part in enumerate(parts):
        lines = part.replace("\r", "").split("\n")
        if i == 0:
            # Up to the line the command was typed on (a prompt redrawn
            # after the first resize may come before it).
            typed = [k for k, ln in enumerate(lines) if re.search(r"> \S", ln)]
            lines = lines[typed[-1] + 1:] if typed else lines[1:]
        if lines and re.search(r"\] > $|psoas-tutor> $", lines[-1]):
            lines = lines[:-1]
        if lines and lines[-1] == "":
            lines = lines[:-1]
        out.append(lines)
    return out


def rows_of(lines, cols):
    return sum(max(1, -(-len(ln) // cols)) for ln in lines)


def page_through(p, done, limit=40):
    """Enter at every more-prompt until done; all the output."""
    raw = b""
    for _ in range(limit):
        seen = p.expect(MORE + "|" + done)
        if seen is None:
            return None
        raw += seen
        if re.search(done.encode(), seen[-60:]):
            return raw
        p.send("\r")
    return None


def boxes_whole(shown):
    """Every box top on a screen has its bottom on the same screen."""
    for s in shown:
        depth = 0
        for ln in s:
            if ln.startswith("\u250c"):
                depth += 1
            elif ln.startswith("\u2514"):
                depth -= 1
        if depth != 0:
            return False
    return True


def quit_(p):
    p.send("quit\r")
    if p.wait(10) is None:
        p.kill()


try:
    # --- 80x34: Figure 1 (29 rows) fits, so it is never cut.
    p = start("tall", 34, 80)
    greet(p)
    p.send("open anatomy\r")
    raw = page_through(p, LESSON_PROMPT)
    shown = screens(raw)
    fig = [s for s in shown if any("FRONT VIEW" in ln for ln in s)]
    t.check("80x34: the page stops at more-prompts", raw is not None and len(shown) > 2, text(raw)[-800:])
    t.check("80x34: Figure 1 is on one screen, art and caption",
            len(fig) == 1 and any(ln.startswith("Figure 1:") for ln in fig[0]), shown)
    t.check("80x34: the misconception box is never cut", boxes_whole(shown), shown)
    t.check("80x34: no screen is taller than the terminal (less the prompt)",
            all(rows_of(s, 80) <= 33 for s in shown), [rows_of(s, 80) for s in shown])
    quit_(p)

    # --- 80x24: the box is whole; Figure 1, taller than a screen, starts one.
    p = start("std", 24, 80)
    greet(p)
    p.send("open anatomy\r")
    raw = page_through(p, LESSON_PROMPT)
    shown = screens(raw)
    fig = [s for s in shown if any("FRONT VIEW" in ln for ln in s)]
    t.check("80x24: every box is on one screen", raw is not None and boxes_whole(shown), shown)
    t.check("80x24: Figure 1, taller than the screen, starts a screen of its own",
            len(fig) == 1 and "FRONT VIEW" in fig[0][0], fig)
    t.check("80x24: no screen is taller than 23 rows",
            all(rows_of(s, 80) <= 23 for s in shown),
            [s for s in shown if rows_of(s, 80) > 23])
    t.check("80x24: the more-prompt says how far and the keys",
            b"-- more (" in raw and b"%) -- Enter: more, b: back, q: stop" in raw, raw[-300:])

    # 'b' shows the screen before again; 'q' stops and the session goes on.
    p.send("open anatomy\r")
    first = p.expect(MORE)
    p.send("\r")
    second = p.expect(MORE)
    p.send(" ")
    p.expect(MORE)
    p.send("b")
    again = p.expect(MORE)
    t.check("space pages on like Enter", second is not None and again is not None, p.buf)
    t.check("'b' shows the screen before again",
            again is not None and second is not None and
            screens(b"x\n" + again)[0] == screens(b"x\n" + second)[0],
            (screens(b"x\n" + (second or b"")), screens(b"x\n" + (again or b""))))
    p.send("q")
    seen = p.expect(r"\[anatomy 1/9\] > ")
    t.check("'q' at the more-prompt stops paging and gives the tutor prompt", seen is not None, p.buf)
    p.send("list\r")
    seen = p.expect(r"Lessons:")
    t.check("and the session goes on ('q' never quits)", seen is not None and p.wait(0.2) is None, p.buf)
    p.send("q")
    p.expect(MORE + "|" + LESSON_PROMPT)

    # Ctrl-C at the more-prompt stops paging too.
    p.send("page 1\r")
    p.expect(MORE)
    p.send("\x03")
    seen = p.expect(LESSON_PROMPT)
    t.check("Ctrl-C at the more-prompt stops paging, the session goes on",
            seen is not None and p.wait(0.2) is None, p.buf)

    # After 'q' on a page, 'next' (or Enter) shows the rest of that page
    # first, from where paging stopped, as the welcome lesson promises.
    p.send("page 2\r")
    p.expect(MORE)
    p.send("\r")
    rest = p.expect(MORE + "|" + LESSON_PROMPT)
    p.send("q")
    p.expect(LESSON_PROMPT)
    p.send("page 2\r")
    p.expect(MORE)
    p.send("q")
    p.expect(LESSON_PROMPT)
    p.send("next\r")
    resumed = p.expect(MORE + "|" + LESSON_PROMPT)
    t.check("after 'q', 'next' shows the rest of the page, not the next page",
            rest is not None and resumed is not None and
            screens(resumed)[0] == screens(b"x\n" + rest)[0] and
            b"page 3 of" not in resumed,
            (screens(b"x\n" + (rest or b"")), screens(resumed or b"")))
    p.send("q")
    p.expect(LESSON_PROMPT)
    p.send("\r")
    again = p.expect(MORE + "|" + LESSON_PROMPT)
    t.check("and Enter after a second 'q' goes on from there too",
            again is not None and b"page 3 of" not in again and
            b"page 2 of" not in again, again)
    if again is not None and re.search(MORE.encode(), again[-80:]):
        p.send("q")
        p.expect(LESSON_PROMPT)

    # Ctrl-D at the more-prompt ends the session cleanly, progress kept.
    p.send("page 3\r")
    p.expect(MORE)
    p.send("\x04")
    st = p.wait(20)
    t.check("Ctrl-D at the more-prompt leaves with status 0",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st)
    p = start("std", 24, 80)
    seen = p.expect(r"stopped at page 3 of")
    t.check("and the place reached is kept", seen is not None, p.buf)

    # A closed terminal at the more-prompt: status 129, as anywhere.
    p.expect(r"> ")
    p.send("page 1\r")
    p.expect(MORE)
    st = p.hang_up()
    t.check("a terminal closed at the more-prompt ends the session with status 129",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 129, st)

    # --- 40x20: boxes drawn at 40 are whole; art lines fold and count double.
    p = start("narrow", 20, 40)
    greet(p)
    p.send("open anatomy\r")
    raw = page_through(p, LESSON_PROMPT)
    shown = screens(raw)
    t.check("40x20: every box is on one screen", raw is not None and boxes_whole(shown), shown)
    t.check("40x20: no screen is taller than 19 rows, folded lines counted",
            all(rows_of(s, 40) <= 19 for s in shown),
            [s for s in shown if rows_of(s, 40) > 19])
    t.check("40x20: the more-prompt fits on one line",
            all(len(m) < 40 for m in re.findall(MORE, text(raw, cr=True))),
            re.findall(MORE, text(raw, cr=True)))

    # help and progress are paged on a small terminal.
    p.send("help\r")
    seen = p.expect(MORE)
    t.check("help is paged on a small terminal", seen is not None and b"Commands:" in seen, p.buf)
    p.send("q")
    p.expect(LESSON_PROMPT)
    p.send("progress\r")
    seen = p.expect(MORE)
    t.check("progress is paged on a small terminal", seen is not None, p.buf)
    p.send("q")
    p.expect(LESSON_PROMPT)

    # In a quiz, a paged command's "back to the question" waits for its end.
    p.send("quiz anatomy-quiz\r")
    p.expect(r"answer> ")
    p.send("list\r")
    seen = p.expect(MORE)
    p.send("q")
    back = p.expect(r"(?s)Back to anatomy-quiz 1/\d+:.*answer> ")
    t.check("in a quiz, list is paged and 'q' still says where the quiz stands",
            seen is not None and back is not None, p.buf)
    p.send("leave\r")
    p.expect(LESSON_PROMPT)
    quit_(p)

    # --- A resize at the more-prompt: what is still to come is laid out at
    # the new width, boxes redrawn to it.
    p = start("resize", 24, 100)
    greet(p)
    p.send("open anatomy\r")
    p.expect(MORE)
    p.resize(24, 50)
    time.sleep(0.3)
    p.send("\r")
    raw = page_through(p, LESSON_PROMPT)
    lines = [ln for s in screens(b"x\n" + (raw or b"")) for ln in s]
    tops = [ln for ln in lines if ln.startswith("\u250c")]
    prose = [ln for ln in lines if ln and not ln.startswith(" ")]
    t.check("after a resize the box is redrawn at the new width",
            tops and all(len(ln) == 50 for ln in tops), tops)
    t.check("after a resize the text is wrapped to the new width",
            prose and all(len(ln) <= 50 for ln in prose), [ln for ln in prose if len(ln) > 50])
    quit_(p)

    # --- --plain on a terminal: everything at once, no more-prompt.
    p = start("plain", 20, 80, ["--plain"])
    greet(p)
    p.send("open anatomy\r")
    seen = p.expect(LESSON_PROMPT)
    t.check("--plain on a terminal pages nothing",
            seen is not None and b"-- more" not in seen and b"Figure 1:" in seen, p.buf)
    quit_(p)

    # --- Output to a pipe (keys still from the terminal): no more-prompt.
    data = os.path.join(scratch, "pipe")
    cmd = " ".join("'%s'" % a for a in [tutor, "--course", shipped, "--data-dir",
                                        data, "--learner", "pipe"]) + " | cat"
    p = Tutor(["/bin/sh", "-c", cmd], env, rows=20, cols=80)
    greet(p)
    p.send("open anatomy\r")
    seen = p.expect(r"side \(schematic, not to scale\)")
    p.send("help\r")
    more = p.expect(r"Type 'help COMMAND' for more about one command\.")
    t.check("on a pipe everything is printed, with no more-prompt",
            seen is not None and more is not None and b"-- more" not in seen + more, p.buf)
    quit_(p)

    # --- Completing the course while its last output is paged: the score
    # and "You have completed the course" are kept, then the evaluation
    # opens at Enter (not at once, below the score).
    ce = os.path.join(scratch, "ce")
    shutil.copytree(os.path.join(shipped, "tests", "data", "course"), ce)
    with open(os.path.join(ce, "course.manifest"), "w") as f:
        f.write("@course sample-ce\n@title Sample Course as Approved\n@version 3.1\n"
                "@type home study\n@hours 1.5\n@provider-name Harbour Bodywork Education\n"
                "@provider-address 12 Quay Road, Portsmouth, ME 03801\n"
                "@provider-email ce@harbour.example\n@provider-number NCBTMB-451122\n"
                "@approval Maine Board of Massage Therapy: ME-CE-0042\n"
                "@author Ann Example, LMT\n@posttest final\n@pass 75\n@attempts 3\n"
                "@wait-hours 0\n@require-practice no\n"
                "@evaluation likert objectives The course met its objectives.\n")
    cenv = dict(env, PSOAS_TUTOR_NOW="%d+60" % (int(time.time()) // 86400 * 86400 + 3600))
    p = Tutor([tutor, "--course", ce, "--data-dir", os.path.join(scratch, "ced"),
               "--learner", "erin"], cenv, rows=8, cols=80)
    said = b""

    def line(typed):
        global said
        p.send(typed + "\r")
        for _ in range(30):
            while p._read(0.4):
                pass
            said += p.buf
            tail = text(p.buf[-120:], cr=True).rstrip(" ")
            p.buf = b""
            if re.search(MORE + r"[^\n]*$", tail):
                p.send("\r")
                continue
            break

    p.expect(r"Full name: ")
    for ln in ["Erin Example", "open sample-one", "next", "next", "open sample-two",
               "next", "quiz final", "", "ME-LMT-2231", "ME",
               "I did the work of this course myself", "lesser trochanter",
               "psoas major and iliacus", "b", "true"]:
        line(ln)
    before = text(said, cr=True)
    t.check("a passed post-test's score is paged and the evaluation waits for Enter",
            "PASS" in before and "Score:" in before and
            "Press Enter to begin the course evaluation" in before and
            "The course met its objectives" not in before,
            before[before.find("quiz final"):][-1500:])
    line("")
    plain_said = text(said, cr=True)
    done = plain_said.find("You have completed the course")
    ev = plain_said.find("The course met its objectives")
    t.check("completing the course while paging keeps its message, then the evaluation opens",
            0 <= done < ev, plain_said[plain_said.find("quiz final"):][:1500])
    p.send("leave\r")
    quit_(p)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
