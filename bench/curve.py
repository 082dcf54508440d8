#!/usr/bin/env python3
"""curve.py - the cost of one more article as the store grows (issue 11).

    python3 bench/curve.py [--bin build/storyline] [--out build/bench/curve]
                           [--sizes 10000,50000,100000,200000] [--sample 2000] [--keep]

The articles are bench/copies.py's scale tier (Reuters-21578 and BBC News,
each pass of the corpus with its content words replaced by pseudo-words, so
that the articles are distinct with the statistics of real news; ids and
dates vary), built at run time; nothing is kept in the repository.

The tier is ingested into one store, and at each size S of --sizes:
  - open cost: `storyline ingest` of one new article into the store of S
    articles, wall seconds, CPU seconds and peak RSS (the aim at 200k:
    < 0.2 s and < 30 MB);
  - the next --sample articles in one `storyline ingest` run: CPU µs per
    article (user + system, and the system part alone: SQLite's page reads
    and writes are system time), bytes written per article (what the
    process passed to its write calls, wchar of /proc/PID/io: the WAL,
    then the checkpoints into the store), and the store's size per article.
    Not the block output (rusage ru_oublock): it counts a page of the
    OS's cache when it turns dirty, so a page rewritten before the OS
    wrote it back counts once, and the same run on the same store read
    53.0 or 328.2 KB an article as the store's pages were dirty or not
    (docs/history/benchmarks-rounds.md, "Twelfth round");
  - the bytes written per article by the runs that filled the store from
    the last size to this one: the recent tables' merges (src/store/recent.c)
    come every few thousand articles, so a sample of 2,000 may hold one or
    none, and only the fill's average counts them fairly.
Then the ratio of the last size's CPU per article to the first's (the aim:
within x1.2). The runs between sizes fill the store and are not timed.
Prints a table. Standard library only; DATASETS names the shared datasets
folder (default ../shared/datasets).
"""
import argparse
import collections
import itertools
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copies  # noqa: E402  (the tier builder, shared with the copies bench)
import floor  # noqa: E402  (a store's size and removal, a quiet child, shared with the floor bench)

DATASETS = os.environ.get("DATASETS", os.path.join(ROOT, "../shared/datasets"))
copies.DATA = os.path.join(DATASETS, "scale")


TIME = "/usr/bin/time"


def written_bytes(pid):
    """The bytes an exited, unreaped process passed to its write calls."""
    with open("/proc/%d/io" % pid) as f:
        return next(int(line.split()[1]) for line in f if line.startswith("wchar:"))


def run(cmd, rss_file):
    """Runs cmd, output dropped; returns (wall s, CPU s, peak RSS KB, bytes
    written, status, system CPU s). The peak RSS is GNU time's: a child
    forked from this process would carry this process's own peak through
    exec (Linux keeps it in ru_maxrss). The bytes written are read from the
    child's /proc/PID/io before it is reaped (a reaped grandchild's, the
    storyline under GNU time, are in its parent's)."""
    if os.access(TIME, os.X_OK):
        cmd = [TIME, "-o", rss_file, "-f", "%M"] + cmd
    t = time.perf_counter()
    pid = floor.spawn_quiet(cmd)
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    wall = time.perf_counter() - t
    written = written_bytes(pid)
    _, st, ru = os.wait4(pid, 0)
    rss = float("nan")
    if cmd[0] == TIME:
        rss = int(open(rss_file).read().split()[-1])
    return (wall, ru.ru_utime + ru.ru_stime, rss, written, os.waitstatus_to_exitcode(st),
            ru.ru_stime)


def ingest(args, db, lines, path):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    r = run([args.bin, "--db", db, "--quiet", "ingest", path], path + ".rss")
    if r[4] not in (0, 1):
        sys.exit("bench curve: storyline ingest exited with status %d" % r[4])
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/storyline"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build/bench/curve"))
    ap.add_argument("--sizes", default="10000,50000,100000,200000")
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--keep", action="store_true",
                    help="copy the store at each size, before its probe, to OUT/keepSIZE.db,"
                         " for runs on copies of one store")
    args = ap.parse_args()
    if not os.path.isdir(copies.DATA):
        print("bench curve: skipped: %s not found" % copies.DATA)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    os.makedirs(args.out, exist_ok=True)
    tier = os.path.join(args.out, "tier.jsonl")
    need = sizes[-1] + args.sample + 1
    t = time.perf_counter()
    # The tier is deterministic: one of the same length is kept from an earlier run.
    if not os.path.exists(tier) or sum(1 for _ in open(tier, encoding="utf-8")) != need:
        copies.build_tier(tier, need, args.out)
    # Read as it goes (this process stays small); the last article is the
    # one-article probe, ingested at every size under a new id so that it
    # is never the same input twice.
    tier_in = open(tier, encoding="utf-8")
    probe = json.loads(collections.deque(open(tier, encoding="utf-8"), maxlen=1)[0])
    print("bench curve: a tier of %d articles (built or found in %.0f s); sample %d articles per size"
          % (need, time.perf_counter() - t, args.sample), flush=True)

    db = os.path.join(args.out, "curve.db")
    chunk = os.path.join(args.out, "chunk.jsonl")
    floor.fresh(db)
    rows, stored = [], 0
    for size in sizes:
        step = 20000   # fill in runs of at most this many articles
        fill_bytes, fill_n = 0, size - stored
        while stored < size:
            n = min(step, size - stored)
            fill_bytes += ingest(args, db, itertools.islice(tier_in, n), chunk)[3]
            stored += n
        if args.keep:
            floor.fresh(os.path.join(args.out, "keep%d.db" % size))
            shutil.copyfile(db, os.path.join(args.out, "keep%d.db" % size))
        probe["id"] = "probe%d" % size
        one = ingest(args, db, [json.dumps(probe) + "\n"], chunk)
        r = ingest(args, db, itertools.islice(tier_in, args.sample), chunk)
        stored += args.sample
        fill = fill_bytes / 1024 / fill_n if fill_n > 0 else float("nan")
        rows.append((size, one, r, floor.size(db), fill))
        print("  %7d stored: open + 1 article %.3f s wall, %.3f s CPU, %.1f MB peak;"
              " next %d: %.0f us CPU/article (%.0f system), %.1f KB written/article,"
              " store %.2f KB/article; the fill before: %.1f KB written/article"
              % (size, one[0], one[1], one[2] / 1024, args.sample, 1e6 * r[1] / args.sample,
                 1e6 * r[5] / args.sample, r[3] / 1024 / args.sample,
                 floor.size(db) / 1024 / stored, fill), flush=True)

    print()
    print("cost curve (bench/curve.py): one store growing; at each size, one article alone"
          " (open cost), then %d more" % args.sample)
    # The sample's run opens the store too: less that open (the one-article
    # run's CPU), what is left is the cost of one more article.
    hdr = ("stored", "open s wall", "open s CPU", "open peak MB", "us CPU/article",
           "of it system", "less open", "articles/CPU s", "KB written/article", "store KB/article",
           "fill KB written/article")
    out = [hdr]
    for size, one, r, after, fill in rows:
        n = size + 1 + args.sample
        out.append(("%d" % size, "%.3f" % one[0], "%.3f" % one[1], "%.1f" % (one[2] / 1024),
                    "%.0f" % (1e6 * r[1] / args.sample), "%.0f" % (1e6 * r[5] / args.sample),
                    "%.0f" % (1e6 * (r[1] - one[1]) / args.sample), "%.0f" % (args.sample / r[1]),
                    "%.1f" % (r[3] / 1024 / args.sample), "%.2f" % (after / 1024 / n),
                    "%.1f" % fill))
    w = [max(len(row[i]) for row in out) for i in range(len(hdr))]
    for row in out:
        print("  " + "  ".join(c.rjust(w[j]) for j, c in enumerate(row)))
    first, last = rows[0][2][1], rows[-1][2][1]
    print("  CPU per article at %d / at %d: x%.2f (aim <= x1.2)" % (rows[-1][0], rows[0][0], last / first))
    first, last = rows[0][2][1] - rows[0][1][1], rows[-1][2][1] - rows[-1][1][1]
    print("  the same less the open: x%.2f" % (last / first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
