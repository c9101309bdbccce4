#!/usr/bin/env python3
"""Print an honest learner's answers to the open post-test attempt of a
journal, one a line, taken from the FULL course's quiz file: the first
@example+ of each question drawn, its letters moved to the letters this
attempt shows (the quiz-draw record says which file letter each shown
letter takes over, psoas-tutor(5)).  Tests and the benchmark use it to
pass the drawn post-test as a learner who knows the course would.

  posttest-answers.py QUIZ-FILE JOURNAL [QUIZ-ID]
"""
import re
import sys


def examples(path):
    """{question id: (kind, first @example+)} of a quiz file."""
    out, n, qid, kind, first = {}, 0, None, None, None

    def close():
        if kind is not None:
            out[qid or "q%d" % n] = (kind, first)
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@question"):
            close()
            n += 1
            kind, qid, first = line.split()[1], None, None
        elif line.startswith("@id ") and kind is not None:
            qid = line[4:].strip()
        elif line.startswith("@example+ ") and first is None:
            first = line[10:].strip()
    close()
    return out


def last_draw(journal, quiz):
    draw = None
    for line in open(journal, "rb"):
        f = line.decode("utf-8", "replace").rstrip("\n").split("\t")
        if f[0] == "quiz-draw" and f[2] == quiz:
            draw = f[6]
    if draw is None:
        sys.exit("no quiz-draw record of %s in %s" % (quiz, journal))
    return draw


def main():
    quiz_file, journal = sys.argv[1], sys.argv[2]
    quiz = sys.argv[3] if len(sys.argv) > 3 else "posttest"
    ex = examples(quiz_file)
    for word in last_draw(journal, quiz).split(" "):
        qid, _, letters = word.partition("/")
        kind, answer = ex[qid]
        if letters:
            # File letter j is shown as the letter at its position.
            shown = {c: chr(ord("a") + k) for k, c in enumerate(letters)}
            answer = " ".join(shown[c] for c in re.findall(r"[a-z]", answer))
        print(answer)


main()
