"""psoas-tutor in a real terminal: prompt, completion, history, Ctrl-C,
Ctrl-D, the first-run name question, SIGTERM and SIGHUP."""
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["top_srcdir"], "tests", "pty"))
from ptylib import Tap, Tutor, screen_text  # noqa: E402

tutor = os.environ["TUTOR"]
course = os.path.join(os.environ["top_srcdir"], "tests", "data", "course")
scratch = tempfile.mkdtemp(prefix="psoas-pty.")
data = os.path.join(scratch, "data")
env = dict(os.environ, TERM="xterm", HOME=scratch, INPUTRC="/dev/null")
env.pop("NO_COLOR", None)
args = [tutor, "--course", course, "--data-dir", data, "--learner", "pty"]

t = Tap()
try:
    p = Tutor(args, env, rows=20)
    seen = p.expect(r"Full name: ")
    t.check("a first run on a terminal asks for the full name", seen is not None, p.buf)
    p.send("Jane Q. Lear\x03")
    seen = p.expect(r"(?s)\^C.*Full name: ")
    t.check("Ctrl-C at the name question clears the line and asks again",
            seen is not None, p.buf)
    p.send("open sample-one\r")
    seen = p.expect(r"(?s)'open sample-one' is a tutor command, not a name\..*Full name: ")
    t.check("a tutor command line is refused as a name, saying why",
            seen is not None, p.buf)
    p.send("Jane Q. Learner\r")
    seen = p.expect(r"psoas-tutor> ")
    t.check("then a prompt appears", seen is not None, p.buf)
    p.send("LIST\r")
    seen = p.expect(r"(?s)Lessons:.*psoas-tutor> ")
    t.check("commands are read in any case: LIST lists",
            seen is not None and b"Unknown command" not in seen, p.buf)

    p.send("op\t")
    seen = p.expect(r"open ")
    t.check("Tab completes a command name", seen is not None, p.buf)
    p.send("sample-o\t")
    seen = p.expect(r"sample-one ")
    t.check("Tab completes a lesson id after open", seen is not None, p.buf)
    p.send("\r")
    seen = p.expect(r"-- more \(\d+%\) -- Enter: more, b: back, q: stop")
    t.check("a page taller than the screen stops at a screenful", seen is not None, p.buf)
    for _ in range(5):
        p.send("\r")
        seen = p.expect(r"-- more \(\d+%\)|\[sample-one 1/\d+\] > ")
        if seen is None or b"sample-one" in seen[-30:]:
            break
    t.check("then Enter shows the rest and the prompt says which lesson and page",
            seen is not None and b"sample-one 1/" in seen[-30:], p.buf)

    p.send("some half-typed text\x03")
    seen = p.expect(r"\^C")
    t.check("Ctrl-C cancels the line", seen is not None, p.buf)
    p.send("list\r")
    seen = p.expect(r"Lessons:")
    t.check("and the session goes on", seen is not None, p.buf)
    p.expect(r"> ")

    p.send("\x04")
    said = p.expect(r"Your progress is saved\. Goodbye\.")
    st = p.wait(20)
    t.check("Ctrl-D leaves with status 0",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st)
    t.check("and says the progress is saved, as quit does", said is not None, p.buf)

    p = Tutor(args, env)
    seen = p.expect(r"Welcome back, Jane Q\. Learner")
    t.check("the name is remembered and the learner greeted", seen is not None, p.buf)
    p.expect(r"> ")
    p.send("\x1b[A")
    seen = p.expect(r"list")
    t.check("history from the last session comes back with Up", seen is not None, p.buf)
    p.send("\x15quit\r")
    st = p.wait(20)
    t.check("quit leaves with status 0",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st)

    hist = os.path.join(data, "learners", "pty.history")
    t.check("history is kept in the learner's data folder",
            os.path.exists(hist) and "list" in open(hist).read())
    t.check("the learner's name is not kept in the history",
            os.path.exists(hist) and "Jane" not in open(hist).read())

    p = Tutor(args, env)
    p.expect(r"> ")
    p.send("open sample-one\r")
    p.expect(r"> ")
    os.kill(p.pid, signal.SIGTERM)
    st = p.wait(20)
    t.check("SIGTERM ends the session cleanly",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 128 + 15, st)

    # Ctrl-D with nothing recorded (a first run, at the name question):
    # no promise about progress.
    p = Tutor([tutor, "--course", course, "--data-dir", data, "--learner",
               "nobody"], env)
    p.expect(r"Full name: ")
    p.send("\x04")
    st = p.wait(20)
    t.check("Ctrl-D at the first name question says nothing about saving",
            st is not None and b"saved" not in p.buf, p.buf)

    p = Tutor(args, env)
    p.expect(r"> ")
    os.kill(p.pid, signal.SIGHUP)
    st = p.wait(20)
    t.check("SIGHUP (terminal closed) ends the session cleanly",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 128 + 1, st)

    # A terminal really closed: the program gets SIGHUP and every write to
    # the terminal fails from then on; that is no write error of its own.
    p = Tutor(args, env)
    p.expect(r"> ")
    p.send("open sample-one\r")
    p.expect(r"> ")
    st = p.hang_up()
    t.check("a closed terminal ends the session with status 129",
            st is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 128 + 1, st)

    # A terminal made narrower: what is shown next is wrapped to the new width.
    p = Tutor(args, env, rows=200, cols=80)
    p.expect(r"> ")
    p.resize(200, 40)
    p.send("open sample-one\r")
    seen = p.expect(r"\[sample-one 1/\d+\] > ")
    wide = [ln for ln in screen_text(seen).split("\n") if len(ln) > 40]
    t.check("after a resize, text is wrapped to the new width",
            seen is not None and not wide, wide or p.buf)
    p.send("quit\r")
    if p.wait(10) is None:
        p.kill()

    # Ctrl-Z and fg from a job-control shell: the shell gets its own
    # terminal modes back while the tutor is stopped, and the tutor must
    # take line editing back when it is continued.
    bash = shutil.which("bash")
    if bash is None:
        t.check("# SKIP no bash for job control", True)
        t.check("# SKIP no bash for job control", True)
    else:
        benv = dict(env, PS1="shell$ ")
        p = Tutor([bash, "--norc", "--noprofile", "-i"], benv)
        p.expect(r"shell\$ ")
        p.send(" ".join("'%s'" % a for a in args) + "\r")
        p.expect(r"psoas-tutor> ")
        p.send("li")
        p.expect(r"li")
        p.send("\x1a")
        seen = p.expect(r"(?s)Stopped.*shell\$ ")
        t.check("Ctrl-Z stops the tutor and gives the shell back", seen is not None, p.buf)
        p.send("fg\r")
        p.expect(r"fg")
        p.send("\t")
        seen = p.expect(r"list ", timeout=3)
        t.check("after fg, line editing works again (Tab completes at once)",
                seen is not None, p.buf)
        p.send("\x15quit\r")
        p.expect(r"shell\$ ")
        p.send("exit\r")
        if p.wait(10) is None:
            p.kill()
finally:
    shutil.rmtree(scratch, ignore_errors=True)
t.done()
sys.exit(0)
