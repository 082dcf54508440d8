#!/usr/bin/env python3
"""bytes_written.py — the bytes an ingest writes (wchar, read as
bench/curve.py reads it) for each binary, into a fresh store or into a
copy of a grown one, the binaries alternated run by run.

  python3 bench/bytes_written.py --input X.jsonl [--store S.db] [--runs 3] BIN...
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import curve  # noqa: E402


def one(binary, store, data, scratch):
    db = os.path.join(scratch, "s.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    if store:  # with its WAL, if the store was left with one: the .db alone may lack pages
        for suffix in ("", "-wal"):
            if os.path.exists(store + suffix):
                shutil.copyfile(store + suffix, db + suffix)
    r = curve.run([binary, "--db", db, "--quiet", "ingest", data], os.path.join(scratch, "rss"))
    if r[4] != 0:
        sys.exit(f"{binary} failed: {r[4]}")
    return r[3]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--store", help="a grown store, copied for each run (else fresh)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("bins", nargs="+")
    a = p.parse_args()
    data = os.path.abspath(a.input)
    written = {b: [] for b in a.bins}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(a.runs):
            for b in a.bins:
                written[b].append(one(os.path.abspath(b), a.store, data, scratch))
    for b in a.bins:
        print(f"{b}: median {statistics.median(written[b]):,} bytes written ({written[b]})")


if __name__ == "__main__":
    main()
