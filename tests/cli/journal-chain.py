#!/usr/bin/env python3
"""Write journal records as a hand-editor would, with the version 2
checksum chain computed (src/journal.h), so tests can show what the chain
does not stop and what the provider's grading still refuses.

  journal-chain.py append PATH BODY...   append records; in BODY, \\t is a TAB
  journal-chain.py rechain PATH          recompute every checksum in PATH
"""
import sys


def fnv(data):
    h = 2166136261
    for c in data:
        h = ((h ^ c) * 16777619) & 0xffffffff
    return h


def tail(lines):
    prev = b"00000000"
    for line in lines:
        if len(line) > 9 and line[-9:-8] == b"\t":
            prev = line[-8:]
    return prev


def seal(body, prev):
    s = ("%08x" % fnv(prev + b"\t" + body)).encode()
    return body + b"\t" + s, s


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    lines = open(path, "rb").read().split(b"\n")
    if cmd == "append":
        prev = tail(lines[1:])
        with open(path, "ab") as f:
            for arg in sys.argv[3:]:
                body = arg.encode("utf-8", "surrogateescape")
                line, prev = seal(body.replace(b"\\t", b"\t"), prev)
                f.write(line + b"\n")
    elif cmd == "rechain":
        out, prev = [lines[0]], b"00000000"
        for line in lines[1:]:
            if line:
                sealed, prev = seal(line.rsplit(b"\t", 1)[0], prev)
                out.append(sealed)
        open(path, "wb").write(b"\n".join(out) + b"\n")
    else:
        sys.exit("unknown command " + cmd)


main()
