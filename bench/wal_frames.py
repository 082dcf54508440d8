#!/usr/bin/env python3
"""wal_frames.py - the WAL frames a command writes into a store, by table.

    python3 bench/wal_frames.py STORE BIN ARGS...

Runs BIN ARGS (e.g. `storyline --db STORE --quiet ingest new.jsonl`, on a
copy: the store is changed) while holding a read transaction on STORE, so
that no checkpoint backfills or resets the WAL; then names each frame of
the WAL by the owner of its page (its header's page number) in dbstat
after the run, `free` for a page no table or index holds, and prints the
total and the largest owners. Standard library only (SQLite with dbstat).
"""
import collections
import sqlite3
import struct
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    db = sys.argv[1]
    hold = sqlite3.connect(db, isolation_level=None)
    hold.execute("BEGIN")
    hold.execute("SELECT count(*) FROM sqlite_master").fetchone()
    run = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if run.returncode != 0:
        sys.exit("wal_frames: %s exited with status %d" % (sys.argv[2], run.returncode))
    hold.execute("COMMIT")
    owner = dict(hold.execute("SELECT pageno, name FROM dbstat"))
    frames = collections.Counter()
    with open(db + "-wal", "rb") as f:
        header = f.read(32)
        page_size = struct.unpack(">I", header[8:12])[0]
        salt = header[16:24]
        while True:
            frame = f.read(24)
            if len(frame) < 24 or frame[8:16] != salt:
                break
            f.seek(page_size, 1)
            frames[owner.get(struct.unpack(">I", frame[:4])[0], "free")] += 1
    print("frames", sum(frames.values()), " ".join("%s=%d" % kv for kv in frames.most_common(16)))


if __name__ == "__main__":
    main()
