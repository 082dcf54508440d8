#!/usr/bin/env python3
"""floor.py - storyline's ingest against the floor of merely storing the
same rows, and where the store's bytes go (issue 11).

    python3 bench/floor.py [--bin build/storyline] [--out build/bench/floor]
                           [--input FILE.jsonl] [--runs 3]

The input is Reuters-21578 as JSONL (bench/reuters_to_jsonl.py, built at run
time from DATASETS/scale/reuters21578 unless --input names a file).

1. The floor: a Python sqlite3 program that reads the same JSONL and
   inserts each record (identity, source, date, title, text) into an
   articles table with an FTS5 index over title and text (external content,
   the tokenizer storyline uses), all in one transaction, WAL mode and
   synchronous=NORMAL like storyline's store. CPU seconds of the process.
2. storyline: `storyline --quiet ingest FILE` into a fresh store, the whole
   pipeline (copies, stories, facts), CPU seconds of the process.
Both median of --runs, alternated in the same run so that the ratio holds on
a shared machine; the aim is a ratio <= 3.5.
3. The store: bytes on disk per article beyond its text (file + WAL, less
   the bytes of the stored titles and texts, per stored article; the aim is
   < 2 KB), and the share of each table and index (SQLite's dbstat).
Standard library only; DATASETS names the shared datasets folder (default
../shared/datasets).
"""
import argparse
import os
import sqlite3
import statistics
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATASETS = os.environ.get("DATASETS", os.path.join(ROOT, "../shared/datasets"))

FLOOR = r'''
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.executescript("""
PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
CREATE TABLE articles(id INTEGER PRIMARY KEY, identity TEXT UNIQUE, source TEXT,
  published TEXT, title TEXT, text TEXT NOT NULL);
CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles',
  content_rowid='id', tokenize='unicode61 remove_diacritics 2');
""")
db.execute("BEGIN")
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    cur = db.execute("INSERT INTO articles(identity, source, published, title, text)"
                     " VALUES(?, ?, ?, ?, ?)", ("key:%s/%s" % (d.get("source"), d.get("id")),
                     d.get("source"), d.get("published"), d.get("title"), d["text"]))
    db.execute("INSERT INTO article_fts(rowid, title, text) VALUES(?, ?, ?)",
               (cur.lastrowid, d.get("title"), d["text"]))
db.execute("COMMIT")
'''


def spawn_quiet(cmd):
    """Starts cmd with its output dropped; its process id (the caller reaps it)."""
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execvp(cmd[0], cmd)
    return pid


def cpu(cmd):
    """CPU seconds (user + sys) of one run of cmd, output dropped, and its exit status."""
    _, st, ru = os.wait4(spawn_quiet(cmd), 0)
    return ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(st)


def fresh(db):
    for s in ("", "-wal", "-shm"):
        if os.path.exists(db + s):
            os.remove(db + s)


def size(db):
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/storyline"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build/bench/floor"))
    ap.add_argument("--input")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    src = args.input
    if not src:
        data = os.path.join(DATASETS, "scale/reuters21578")
        if not os.path.isdir(data):
            print("bench floor: skipped: %s not found" % data)
            return 0
        src = os.path.join(args.out, "reuters.jsonl")
        if not os.path.exists(src):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/reuters_to_jsonl.py"),
                            data, src], check=True, stdout=subprocess.DEVNULL)
    n_in = sum(1 for _ in open(src, encoding="utf-8"))
    floor_db = os.path.join(args.out, "floor.db")
    ours_db = os.path.join(args.out, "storyline.db")
    floor_cpu, ours_cpu = [], []
    for _ in range(args.runs):
        fresh(floor_db)
        c, st = cpu([sys.executable, "-c", FLOOR, src, floor_db])
        if st:
            sys.exit("bench floor: the Python floor failed")
        floor_cpu.append(c)
        fresh(ours_db)
        c, st = cpu([args.bin, "--db", ours_db, "--quiet", "ingest", src])
        if st not in (0, 1):
            sys.exit("bench floor: storyline ingest exited with status %d" % st)
        ours_cpu.append(c)
    f, o = statistics.median(floor_cpu), statistics.median(ours_cpu)
    print("floor (bench/floor.py): %s, %d records, median of %d runs, CPU s (user + sys)"
          % (os.path.basename(src), n_in, args.runs))
    print("  Python sqlite3 insert + FTS5, one transaction: %6.2f s  %6.0f articles/CPU s"
          % (f, n_in / f))
    print("  storyline ingest (whole pipeline):             %6.2f s  %6.0f articles/CPU s"
          % (o, n_in / o))
    print("  storyline / floor: x%.2f (aim <= x3.5)" % (o / f))

    for label, path in (("storyline", ours_db), ("floor", floor_db)):
        c = sqlite3.connect(path)
        n, text = c.execute("SELECT count(*), coalesce(sum(length(CAST(text AS BLOB))), 0)"
                            " + coalesce(sum(length(CAST(title AS BLOB))), 0) FROM articles").fetchone()
        total = size(path)
        print("  %-9s store: %.1f MB for %d articles: %.2f KB/article, of which text and title"
              " %.2f KB, beyond them %.2f KB (aim < 2 KB)"
              % (label, total / 1048576, n, total / 1024 / n, text / 1024 / n,
                 (total - text) / 1024 / n))
        if label == "storyline":
            rows = c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                             " ORDER BY 2 DESC").fetchall()
            print("    by table and index, bytes/article: " +
                  ", ".join("%s %.0f" % (name, b / n) for name, b in rows if b / n >= 5))
        c.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
