#!/usr/bin/env python3
"""pages_changed.py - which pages of a store an ingest changed, by table.

    python3 bench/pages_changed.py BEFORE.db AFTER.db

BEFORE and AFTER are copies of one store (each closed, its WAL checkpointed)
before and after an ingest. Prints the number of pages whose bytes differ,
in all and by the table or index owning each page in AFTER (SQLite's
dbstat), beside that table's pages: a table keyed by hashes shows nearly
all of its pages changed by one batch (docs/store.md, "Recent rows").
Standard library only.
"""
import collections
import sqlite3
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = sys.argv[1], sys.argv[2]
    db = sqlite3.connect("file:%s?mode=ro" % after, uri=True)
    size = db.execute("PRAGMA page_size").fetchone()[0]
    owner = dict((page, name) for name, page in db.execute("SELECT name, pageno FROM dbstat"))
    old, new = open(before, "rb").read(), open(after, "rb").read()
    changed, pages = collections.Counter(), collections.Counter()
    for no in range(1, len(new) // size + 1):
        name = owner.get(no, "(free or other)")
        pages[name] += 1
        at = (no - 1) * size
        if old[at:at + size] != new[at:at + size]:
            changed[name] += 1
    print("pages changed: %d of %d" % (sum(changed.values()), len(new) // size))
    for name, n in changed.most_common():
        print("  %-30s %7d of %7d" % (name, n, pages[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
