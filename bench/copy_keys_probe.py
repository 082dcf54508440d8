#!/usr/bin/env python3
"""copy_keys_probe.py - what reading a full copy-index posting costs (issue 11).

    python3 bench/copy_keys_probe.py STORE.db [--keys 2000] [--rounds 3]

Of the keys with at least 128 rows in copy_keys, times (wall, one process,
alternated rounds) the read the copy stage makes today (128 newest rows of
copy_keys and copy_keys_recent), a count probe of 128 rows plus the 8 newest,
and the 8 newest alone. Opens the store read-only; an indication of the
saving the probe would bring, to be confirmed by instruction counts.
From schema 31 a full key's mark, the row (key, 0) (src/store/copy_keys.c),
is not a posting: neither the keys' choice nor the count probe counts it."""
import argparse
import sqlite3
import time

READ = ("SELECT article_id FROM copy_keys WHERE key = ?1 UNION ALL"   # schema 20: article << 5 | n
        " SELECT article_id FROM copy_keys_recent WHERE key = ?1"
        " ORDER BY article_id DESC LIMIT ?2")
PROBE = ("SELECT (SELECT count(*) FROM (SELECT 1 FROM copy_keys WHERE key = ?1 AND article_id > 0"
         " LIMIT 128))"
         " + (SELECT count(*) FROM (SELECT 1 FROM copy_keys_recent WHERE key = ?1 LIMIT 128))")


def per_key(keys, read):
    t = time.perf_counter()
    for k in keys:
        read(k)
    return 1e6 * (time.perf_counter() - t) / len(keys)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--keys", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % args.store, uri=True)
    keys = [k for (k,) in db.execute(
        "SELECT key FROM copy_keys WHERE article_id > 0 GROUP BY key HAVING count(*) >= 128"
        " LIMIT ?", (args.keys,))]
    if not keys:
        raise SystemExit("copy_keys_probe: no key has 128 rows")
    ways = {
        "read 128": lambda k: db.execute(READ, (k, 128)).fetchall(),
        "probe + read 8": lambda k: (db.execute(PROBE, (k,)).fetchone(),
                                     db.execute(READ, (k, 8)).fetchall()),
        "read 8": lambda k: db.execute(READ, (k, 8)).fetchall(),
    }
    print("%d keys with 128 rows or more" % len(keys))
    for _ in range(args.rounds):
        print("  ".join("%s %.1f us a key" % (name, per_key(keys, f)) for name, f in ways.items()))


if __name__ == "__main__":
    main()
