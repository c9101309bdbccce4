"""Drive psoas-tutor in a real pseudo-terminal, as a learner would.

A tiny expect: spawn the program on a pty, send keys, and wait until the
screen output matches, with a timeout so a hang fails instead of blocking
the suite.  Results are printed as TAP.
"""
import os
import pty
import re
import select
import signal
import sys
import time


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen_text(raw, cr=False):
    """What the output shows as text: escape sequences dropped, and
    carriage returns too unless cr."""
    s = ESCAPES.sub("", (raw or b"").decode("utf-8", "replace"))
    return s if cr else s.replace("\r", "")


def scratch_session(prefix, learner="pty"):
    """A scratch home for one test, on the test course: returns the
    scratch folder (the caller removes it), the data folder, a terminal
    environment with no inputrc and colour allowed, and the command line
    of a session for learner."""
    import tempfile
    top = os.environ["top_srcdir"]
    scratch = tempfile.mkdtemp(prefix=prefix)
    data = os.path.join(scratch, "data")
    env = dict(os.environ, TERM="xterm", HOME=scratch, INPUTRC="/dev/null")
    env.pop("NO_COLOR", None)
    args = [os.environ["TUTOR"], "--course",
            os.path.join(top, "tests", "data", "course"),
            "--data-dir", data, "--learner", learner]
    return scratch, data, env, args


class Tutor:
    def __init__(self, args, env=None, rows=24, cols=80):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(args[0], args, env or os.environ)
        self.resize(rows, cols)
        self.buf = b""
        self.status = None

    def resize(self, rows, cols):
        """Set the terminal size; the kernel sends SIGWINCH."""
        import fcntl
        import struct
        import termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        self.buf += chunk
        return True

    def expect(self, pattern, timeout=5.0):
        """Wait for pattern (regex on bytes); consume output up to it."""
        rx = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        end = time.time() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                seen = self.buf[:m.end()]
                self.buf = self.buf[m.end():]
                return seen
            left = end - time.time()
            if left <= 0 or self._read(left) is None:
                return None

    def _reap(self, timeout, pause):
        end = time.time() + timeout
        while time.time() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return status
            pause()
        return None

    def wait(self, timeout=10.0):
        return self._reap(timeout, lambda: self._read(0.05))

    def hang_up(self, timeout=10.0):
        """Close the terminal, as a learner closing its window does, and
        wait for the program to end; its wait status, or None (killed)."""
        os.close(self.fd)
        status = self._reap(timeout, lambda: time.sleep(0.05))
        if status is None:
            self.kill()
        return status

    def finish(self, line="quit\r", timeout=10.0):
        """Type line (quit) and wait for the end; kill what hangs."""
        self.send(line)
        if self.wait(timeout) is None:
            self.kill()

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


class Tap:
    """TAP output with the plan counted: done() prints "1..N" last."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def done(self):
        print("1..%d" % self.n, flush=True)

    def check(self, name, cond, detail=None):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, name), flush=True)
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, name), flush=True)
            if detail is not None:
                for line in repr(detail)[-600:].split("\\n"):
                    print("#   " + line, flush=True)
