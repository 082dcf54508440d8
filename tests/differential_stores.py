#!/usr/bin/env python3
"""Differential run of two storyline builds on stores built the same way: a
change to how the store is read (copy keys, line counts) meant to be exact
must leave every output as it was.

    python3 tests/differential_stores.py OLD_BIN NEW_BIN [REUTERS_JSONL [LINES]]

Stores: the first LINES (5,000) lines of a JSONL file (bench/
reuters_to_jsonl.py's Reuters) ingested as one file, then in runs of 100;
and 1,600 invented articles with the same page furniture, copied sentences
(keys with more than SL_COPY_POSTINGS articles) and shared lines (around
the cap of 3 carriers), ingested in runs of 50 (past the first merge of the
recent tables, recent.c), then new versions of 400 of them (same URL: their
keys and lines taken out and filed again). Each store's export --json,
copies, stories and the show of every story are compared; it prints every
output that differs and exits 1 if any did.
(2026-12-06, branch rev29b; docs/testing.md.)"""
import json
import os
import random
import subprocess
import sys
import tempfile

FURNITURE = ["Subscribe to the Harbour Ledger for daily news.", "Follow us on Mastodon and RSS.",
             "All rights reserved by Ledger Media Group.", "Read more: the week in ports and trade.",
             "Advertisement", "Share this story"]
NAMES = ["Aila Brenn", "Tovara", "Skerrow", "Velmira", "Kessel", "Umbria", "Quillon", "Sorvik"]


def sentence(rnd):
    words = [rnd.choice(NAMES)] + ["".join(rnd.choice("aeioulmnrstkdp") for _ in range(rnd.randint(3, 9)))
                                   for _ in range(rnd.randint(6, 14))]
    return " ".join(words) + " %d percent." % rnd.randint(1, 99)


def invented(rnd, n):
    """n articles: furniture, lines shared by two to five, copied sentences."""
    shared = [sentence(rnd) for _ in range(40)]
    common = [sentence(rnd) for _ in range(3)]   # in most articles: keys past 128 articles
    arts = []
    for i in range(n):
        lines = rnd.sample(FURNITURE, rnd.randint(0, 4))
        lines += [sentence(rnd) for _ in range(rnd.randint(2, 6))]
        lines += rnd.sample(shared, rnd.randint(0, 3)) + rnd.sample(common, rnd.randint(0, 3))
        if arts and rnd.random() < 0.3:   # a copy of an earlier article, or part of one
            lines += rnd.choice(arts)["text"].split("\n")[:rnd.randint(1, 8)]
        if lines and rnd.random() < 0.1:
            lines.append(lines[0])        # a line the article carries twice
        rnd.shuffle(lines)
        arts.append({"url": "https://ledger.example/%d" % i, "title": sentence(rnd)[:50],
                     "text": "\n".join(lines), "published": "2026-03-%02d" % (1 + i % 28)})
    return arts


def write(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")


def runs(lines, size, folder, stem):
    paths = []
    for k in range(0, len(lines), size):
        paths.append(os.path.join(folder, "%s-%05d.jsonl" % (stem, k)))
        write(paths[-1], lines[k:k + size])
    return paths


def store_outputs(binary, db, batches):
    def run(*args):
        p = subprocess.run([binary, "--db", db, "--quiet", *args], capture_output=True)
        return p.stdout, p.returncode
    for paths in batches:
        for path in paths:
            subprocess.run([binary, "--db", db, "--quiet", "ingest", path], check=True)
    out = {"export": run("export", "--json"), "copies": run("copies"), "stories": run("stories")}
    n = out["stories"][0].count(b"\n")
    for k in range(1, n + 1):
        out["show %d" % k] = run("show", str(k))
    return out


def main():
    old, new = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else None
    n_lines = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    differ = 0
    with tempfile.TemporaryDirectory() as folder:
        stores = []
        if corpus:
            with open(corpus) as f:
                lines = [line.rstrip("\n") for _, line in zip(range(n_lines), f)]
            stores += [("corpus whole", [runs(lines, len(lines), folder, "whole")]),
                       ("corpus in runs of 100", [runs(lines, 100, folder, "run")])]
        rnd = random.Random(7)
        arts = invented(rnd, 1600)
        versions = [dict(a, text=a["text"] + "\n" + sentence(rnd)) if rnd.random() < 0.5
                    else dict(a, text="\n".join(a["text"].split("\n")[1:] + FURNITURE[:2]))
                    for a in rnd.sample(arts, 400)]
        stores.append(("invented, then new versions",
                       [runs(arts, 50, folder, "inv"), runs(versions, 50, folder, "ver")]))
        for name, batches in stores:
            a = store_outputs(old, os.path.join(folder, "old.db"), batches)
            b = store_outputs(new, os.path.join(folder, "new.db"), batches)
            for key in sorted(set(a) | set(b)):
                if a.get(key) != b.get(key):
                    differ += 1
                    print("%s: %s differs" % (name, key))
            print("%s: %d outputs compared" % (name, len(a)))
            for db in ("old.db", "new.db"):
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(os.path.join(folder, db + suffix)):
                        os.remove(os.path.join(folder, db + suffix))
    print("%d outputs differ" % differ)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
