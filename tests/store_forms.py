"""Older stores' forms, written from a store this storyline made, for the
end-to-end tests that fake an older store (tests/e2e/migrate.sh,
tests/e2e/stories_split.sh), and the varint both read.

  store_forms.py before13 STORE   the stories' centroids, the articles'
      sentences, the facts' offsets and the articles' lists of short lines
      back in the forms of schema 12 and before: 16 bytes a centroid term
      (its 4 bytes of padding zero), two uint32 a sentence, each offset a
      varint of itself, each line's whole fingerprint (found in
      line_articles by the high 32 bits the list keeps); and as before14
  store_forms.py before14 STORE   the rows of line_articles_recent,
      copy_keys_recent and terms_recent back in line_articles, copy_keys and
      terms, and those tables and recent_cycle gone (schema 13 had none)
"""
import sqlite3
import struct
import sys

M = 0xFFFFFFFF


def varint(b, i):
    """The varint at b[i] (7 bits a byte, lowest first) and the index past it."""
    v = shift = 0
    while True:
        v |= (b[i] & 0x7F) << shift
        shift += 7
        i += 1
        if not b[i - 1] & 0x80:
            return v, i


def put_varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    return bytes(out) + bytes([v])


def unzigzag(v):
    return (v >> 1) ^ (-(v & 1) & M)


def centroid_before13(c):
    return b"".join(c[k:k + 12] + bytes(4) for k in range(0, len(c), 12))


def sentences_before13(b):
    i, spans, end = 0, [], 0
    while i < len(b):
        gap, i = varint(b, i)
        length, i = varint(b, i)
        start = (end + gap) & M
        end = (start + length) & M
        spans += [start, end]
    return struct.pack("<%dI" % len(spans), *spans)


def facts_before13(b):
    """Each item: kind, flags, approximation mark, six offsets, then what the
    flags say (two doubles, four strings) as it is (src/store/facts.c)."""
    i, out, prev = 0, bytearray(), 0
    while i < len(b):
        j = i
        _, i = varint(b, i)
        flags, i = varint(b, i)
        i += 1
        out += b[j:i]
        v = []
        for _ in range(6):
            x, i = varint(b, i)
            v.append(x)
        start = (prev + unzigzag(v[0])) & M
        end = (start + v[1]) & M
        prev = start
        offsets = [start, end, (start - unzigzag(v[2])) & M, (end + unzigzag(v[3])) & M,
                   v[4], (v[4] + v[5]) & M]
        out += b"".join(put_varint(x) for x in offsets)
        j = i
        i += 8 * (bool(flags & 1) + bool(flags & 2))
        for present in (not flags & 4, not flags & 8, True, True):
            if present:
                n, i = varint(b, i)
                i += max(n - 1, 0)
        out += b[j:i]
    return bytes(out)


# The recent tables of schema 14 (src/store/recent.c): their rows into
# the large tables, a term's count added to its row there.
FOLD = {
    "line_articles_recent": ("line_articles",
                             "INSERT INTO line_articles SELECT line, article_id FROM line_articles_recent"),
    "copy_keys_recent": ("copy_keys", "INSERT INTO copy_keys SELECT key, article_id, n FROM copy_keys_recent"),
    "terms_recent": ("terms", "INSERT INTO terms SELECT id, df FROM terms_recent WHERE true"
                              " ON CONFLICT(id) DO UPDATE SET df = df + excluded.df"),
}


def fold_recent(db):
    """Schema 13 and before: every row in the large tables (or in none, when
    a test dropped one to fake an older store)."""
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    for recent, (large, move) in FOLD.items():
        if recent not in names:
            continue
        if large in names:
            db.execute(move)
        db.execute("DROP TABLE %s" % recent)
    if "recent_cycle" in names:
        db.execute("DROP TABLE recent_cycle")


def before14(path):
    db = sqlite3.connect(path)
    fold_recent(db)
    db.commit()


def before13(path):
    db = sqlite3.connect(path)
    fold_recent(db)
    for sid, c in db.execute("SELECT id, centroid FROM stories WHERE length(centroid) > 0").fetchall():
        db.execute("UPDATE stories SET centroid = ? WHERE id = ?", (centroid_before13(c), sid))
    for aid, b in db.execute("SELECT id, sentences FROM articles").fetchall():
        db.execute("UPDATE articles SET sentences = ? WHERE id = ?", (sentences_before13(b or b""), aid))
    # facts packed one row an article from schema 7 on
    if "items" in [r[1] for r in db.execute("PRAGMA table_info(facts)")]:
        for aid, b in db.execute("SELECT article_id, items FROM facts").fetchall():
            db.execute("UPDATE facts SET items = ? WHERE article_id = ?", (facts_before13(b), aid))
    # lines listed in each article's row from schema 7 on
    listed = "lines" in [r[1] for r in db.execute("PRAGMA table_info(articles)")]
    query = "SELECT id, lines FROM articles WHERE lines IS NOT NULL"
    for aid, b in db.execute(query).fetchall() if listed else []:
        mine = [line for (line,) in db.execute("SELECT line FROM line_articles WHERE article_id = ?", (aid,))]
        full = [line for (p,) in struct.iter_unpack("<I", b) for line in mine if (line >> 32) & M == p]
        db.execute("UPDATE articles SET lines = ? WHERE id = ?", (struct.pack("<%dq" % len(full), *full), aid))
    db.commit()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("before13", "before14"):
        sys.exit(__doc__)
    (before13 if sys.argv[1] == "before13" else before14)(sys.argv[2])
