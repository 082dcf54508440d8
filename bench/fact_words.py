#!/usr/bin/env python3
"""fact_words.py - the words of the store's facts dictionary (issue 11).

    python3 bench/fact_words.py STORE [--min 20] [--max 63]

Reads the facts of STORE, a store of schema 13 to 15 (its items packed as
src/store/fact_items.c wrote them before the dictionary), and prints as a C
initializer the `detail` and `role` strings used at least --min times, most
used first, at most --max of them (one byte a word in the packed form).
The list in src/store/fact_items.c came from a store of the first 5,000 Reuters
stories made by main at ae05b85:

    python3 bench/reuters_to_jsonl.py ../shared/datasets/scale/reuters21578 R.jsonl
    head -5000 R.jsonl > first5000.jsonl
    storyline --db S.db --quiet ingest first5000.jsonl
    python3 bench/fact_words.py S.db

It is frozen there: a stored word is its place in the list, so the list may
only grow at its end. Standard library only.
"""
import argparse
import collections
import sqlite3

HAS_VALUE, HAS_VALUE_HI, TEXT_IS_SPAN, ABOUT_IS_TEXT = 1, 2, 4, 8


def varint(blob, i):
    value, shift = 0, 0
    while True:
        byte = blob[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, i


def strings(blob):
    """Yields (field, bytes) of each string of the packed items."""
    i = 0
    while i < len(blob):
        _, i = varint(blob, i)  # kind
        flags, i = varint(blob, i)
        i += 1  # approximation mark
        for _ in range(6):  # offsets
            _, i = varint(blob, i)
        i += 8 * bool(flags & HAS_VALUE) + 8 * bool(flags & HAS_VALUE_HI)
        fields = ([] if flags & TEXT_IS_SPAN else ["text"]) + \
            ([] if flags & ABOUT_IS_TEXT else ["about"]) + ["detail", "role"]
        for field in fields:
            n, i = varint(blob, i)
            if n:
                yield field, blob[i:i + n - 1]
                i += n - 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--min", type=int, default=20)
    ap.add_argument("--max", type=int, default=63)
    args = ap.parse_args()
    db = sqlite3.connect(args.store)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if not 13 <= version <= 15:
        raise SystemExit("fact_words: schema %d; this reads schemas 13 to 15" % version)
    uses = collections.Counter()
    for (blob,) in db.execute("SELECT items FROM facts"):
        for field, s in strings(blob):
            if field in ("detail", "role"):
                uses[s.decode("utf-8")] += 1
    words = [w for w, n in sorted(uses.items(), key=lambda x: (-x[1], x[0])) if n >= args.min]
    for w in words[:args.max]:
        print('    "%s",' % w.replace("\\", "\\\\").replace('"', '\\"'))


if __name__ == "__main__":
    main()
