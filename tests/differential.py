#!/usr/bin/env python3
"""Differential run of two storyline builds on generated hostile texts: a
change meant to be exact (a fast path) must leave every output as it was.

    python3 tests/differential.py OLD_BIN NEW_BIN [ROUNDS] [--with-changes]

Each round writes 300 texts (JSONL lines, and 40 of them as files with raw
bytes: NUL, cut UTF-8) and runs both builds through dedup, ingest + export
--json, facts --text, summarize --json and timex --json; it prints every
output that differs and exits 1 if any did. "c." and the Unicode spaces
(changed on purpose by qa4) are left out unless --with-changes.
(2026-12-06, branch rev28b; docs/testing.md.)"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
STOPS = ["the", "and", "of", "would", "although", "der", "und", "zwischen", "les", "dans", "comme",
         "del", "della", "pelo", "het", "también", "però", "à", "über", "wouldn't"]
PIECES = ["é", "ß", "É", "Ω", "привет", "Москва", "北京", "東京都", "e\u0301", "a\u0308", "\u200d",
          "'", "’", "-", "‐", ".", ",", ";", ":", "!", "?", "…", '"', "“", "”", "«", "»", "(", ")",
          "—", "–", "U.S.", "a.m.", "p.m.", "Ph.D.", "Dr.", "Mr.", "No.", "St.", "etc.", "vs.",
          "1990s", "21st", "COVID-19", "3.5", "1,200", "$4", "%", "\t", "\n", "\n\n", "  ", "\r",
          "\x01", "\x7f", "\x1b", "@", "&", "/", "_", "。", "！", "？", "\u2028", "ﬁ", "İ", "ı",
          "\U0001F600", "O'Brien", "rock-and-roll", "don't", "5 March 2024", "at 9 p.m.", "Friday"]
CHANGED = ["\u00a0", "\u202f", "\u2009", "\u3000", "c.", "c. 300"]


def word(rnd, with_changes):
    r = rnd.random()
    if r < 0.3:
        w = rnd.choice(STOPS)
        return rnd.choice([w, w.upper(), w.capitalize()])
    if r < 0.75:
        return "".join(rnd.choice(LETTERS if rnd.random() < 0.2 else LETTERS[:26])
                       for _ in range(rnd.randint(1, 20)))
    if r < 0.85:   # a word with a letter past ASCII at any offset
        w = "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 16)))
        k = rnd.randint(0, len(w))
        return w[:k] + rnd.choice(PIECES[:11]) + w[k:]
    return rnd.choice(PIECES + (CHANGED if with_changes else []))


def text(rnd, with_changes):
    parts = []
    for _ in range(rnd.randint(0, 120)):
        parts += [word(rnd, with_changes), rnd.choice([" ", " ", " ", "", ". ", ", ", ".\n", "  "])]
    t = "".join(parts)
    t = t[:rnd.randint(0, len(t))] if rnd.random() < 0.3 else t
    return t if with_changes else re.sub(r"c(?=\W{0,2}\.)", "cc", t)   # "c\u200d." too


def write_round(rnd, folder, with_changes):
    files = []
    with open(os.path.join(folder, "in.jsonl"), "w") as out:
        for i in range(300):
            t = text(rnd, with_changes)
            out.write(json.dumps({"id": "d%d" % i, "title": text(rnd, with_changes)[:60], "text": t,
                                  "published": "2026-03-0%d" % rnd.randint(1, 9)}) + "\n")
            if i < 40:
                b = t.encode()
                if rnd.random() < 0.3:   # raw bytes: NUL, a cut sequence, a lone continuation
                    k = rnd.randint(0, len(b))
                    b = b[:k] + rnd.choice([b"\x00", b"\xc3", b"\xe2\x80", b"\x80", b"\xff"]) + b[k:]
                files.append(os.path.join(folder, "t%02d.txt" % i))
                with open(files[-1], "wb") as f:
                    f.write(b)
    return files


def outputs(binary, folder, files):
    def run(*args):
        p = subprocess.run([binary, *args], capture_output=True)
        return p.stdout, p.stderr, p.returncode
    db = os.path.join(folder, "store-%d.db" % abs(hash(binary)))
    jsonl = os.path.join(folder, "in.jsonl")
    ingest = run("--db", db, "ingest", jsonl)
    return {
        "dedup": run("dedup", jsonl),
        "ingest": (re.sub(rb" in [0-9.]+ s:", b":", ingest[1]), ingest[2]),
        "export": run("--db", db, "export", "--json"),
        "facts": run("facts", "--text", *files),
        "summarize": run("summarize", *files, "--json"),
        "timex": run("timex", *files, "--json"),
    }


def main():
    args = [a for a in sys.argv[1:] if a != "--with-changes"]
    with_changes = "--with-changes" in sys.argv
    old, new, rounds = args[0], args[1], int(args[2]) if len(args) > 2 else 10
    differ = 0
    for n in range(rounds):
        rnd = random.Random(n)
        with tempfile.TemporaryDirectory() as folder:
            files = write_round(rnd, folder, with_changes)
            a, b = outputs(old, folder, files), outputs(new, folder, files)
            for name in a:
                if a[name] != b[name]:
                    differ += 1
                    print("round %d: %s differs" % (n, name))
    print("%d rounds of 300 texts, %d outputs differ" % (rounds, differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
