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
      terms, and those tables and recent_cycle gone (schema 13 had none);
      and as before16
  store_forms.py before16 STORE   the facts' whole values back as 8-byte
      doubles and their words of the list (src/store/fact_items.c, read from
      the source) back as strings, the form of schemas 13 to 15; and as
      before17
  store_forms.py before17 STORE   the articles' vectors back with their
      terms' 8-byte hashes, sorted by hash (the split's own form,
      src/stories/split.c), instead of ids in term_dict (src/store/
      article_terms.c), and term_dict and the terms' dict_id gone: the
      form of schemas 10 to 16
      (in articles.terms when a test has moved them back there); and as
      before18
  store_forms.py before18 STORE   the rows of story_terms keyed by their
      terms' 8-byte hashes again, not by their ids in term_dict (src/store/
      story_terms.c), and the copy keys with their four low bits set again
      (src/store/copy_keys.c), and the articles' lists of short lines by
      the high 32 bits of each fingerprint again, not 16 (found in
      line_articles and line_articles_recent, src/store/line_articles.c):
      the form of schemas 9 to 17; and as before19
  store_forms.py before19 STORE   the stories' centroids back in
      sl_centroid_pack's form, 12 bytes a term sorted by hash, instead of
      naming the terms term_dict has by their ids (src/store/centroids.c),
      and the copy sketches' keys back as 4 bytes each instead of their
      ranks among the sketch's codes (src/copies/sketch.c): the form of
      schemas 13 to 18
  store_forms.py before20 STORE   the rows of copy_keys and copy_keys_recent
      with the article's number of keys in a column n again, not in the
      low five bits of the article column (src/store/copy_keys.c): the
      form of schemas 8 to 19; and as before21
  store_forms.py before21 STORE   the copy sketches' sentence lists back in
      the form of schemas 11 to 20 (each code where it first comes, a
      repeat by the rank of its first coming) instead of their distinct
      codes sorted and Rice-coded (src/copies/sketch_pack.c), and their
      keys ranked in that order again (a store whose version says older is
      left as it is); and as before23
  store_forms.py before23 STORE   the chrome lines' reasons back as their
      words instead of one byte, their place in src/store/removed_lines.c's
      list (read from the source): the form of schemas 1 to 22; and as
      before24
  store_forms.py before24 STORE   terms and terms_recent back as tables
      keyed by rowid, not WITHOUT ROWID (src/store/migrate.c, migration
      24), the same rows: the form of schemas 1 to 23; and as before25
  store_forms.py before25 STORE   the stories' centroids naming the terms
      term_dict has by their ids again (src/store/centroids.c), not
      sl_centroid_pack's form, 12 bytes a term sorted by hash: the form
      of schemas 19 to 24; and as before26 first
  store_forms.py before26 STORE   story_terms' rows without their terms'
      weights and no story_norms (src/store/story_terms.c,
      story_norms.c): the form of schemas 18 to 25; and as before27 first
  store_forms.py before27 STORE   the facts' items back in the form of
      schemas 16 to 26 (src/store/fact_items.c: kind, flags, approximation mark
      and six offsets each, every value, string and word written) instead
      of a head an item that leaves out what repeats, is none or is in the
      article's text; and as before28 first
  store_forms.py before28 STORE   every article's path back in its row
      (src/store/paths.c), articles.path_id and paths gone: the form of
      schemas 1 to 27; and as before29 first
  store_forms.py before29 STORE   every article's source and published
      date back as texts where they are empty blobs (the source its
      identity gives, the ISO day of published_day): the form of schemas
      1 to 28; and as before30 first
  store_forms.py before30 STORE   the lines of line_articles and
      line_articles_recent back as 64-bit fingerprints instead of their
      high 47 bits (src/store/line_articles.c): each the key shifted back,
      its low 17 bits zero, which migration 30 cuts to the same key: the
      form of schemas 1 to 29; and as before31 first
  store_forms.py before31 STORE   copy_keys without the marks of its full
      keys (rows (key, 0), src/store/copy_keys.c): the form of schemas 1
      to 30; and as before32 first
  store_forms.py before32 STORE   articles_hash and articles_source on the
      whole hashes instead of their high 32 bits (src/store/articles.c):
      the form of schemas 1 to 31
  store_forms.py centroid_terms STORE   the number of terms of every
      centroid, in the form of schema 25
  store_forms.py sketch_keys STORE   the number of keys of every copy
      sketch, in the form of schema 21
"""
import os
import re
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
    flags say (two doubles, four strings) as it is (src/store/fact_items.c)."""
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


def fact_words():
    """The words of src/store/fact_items.c's list, in their order."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "store", "fact_items.c")
    text = open(src, encoding="utf-8").read()
    body = text[text.index("fact_words[] = {"):]
    body = body[:body.index("};")]
    return [w.encode("utf-8") for w in re.findall(r'W\("((?:[^"\\]|\\.)*)"\)', body)]


def facts_before16(b, words):
    """Each item's flags less the whole-value ones (16, 32), its whole
    values as doubles, its strings as length + 1 and bytes."""
    i, out = 0, bytearray()
    while i < len(b):
        j = i
        _, i = varint(b, i)
        out += b[j:i]
        flags, i = varint(b, i)
        out += put_varint(flags & 15)
        j = i
        i += 1
        for _ in range(6):
            _, i = varint(b, i)
        out += b[j:i]
        for has, whole in ((1, 16), (2, 32)):
            if flags & has and flags & whole:
                v, i = varint(b, i)
                out += struct.pack("<d", float((v >> 1) ^ -(v & 1)))
            elif flags & has:
                out += b[i:i + 8]
                i += 8
        for present in (not flags & 4, not flags & 8, True, True):
            if present:
                n, i = varint(b, i)
                s = words[n >> 1] if n & 1 else None if not n else b[i:i + (n >> 1) - 1]
                i += 0 if n & 1 or not n else (n >> 1) - 1
                out += put_varint(0) if s is None else put_varint(len(s) + 1) + s
    return bytes(out)


def member_before17(b, terms):
    """A stored vector of schema 17 back in the split's packed form."""
    n, counts = b[0], b[1]
    day, i = varint(b, 2)
    n_inline, i = varint(b, i)
    ids, last = [], 0
    for _ in range(n - n_inline):
        gap, i = varint(b, i)
        last += gap
        ids.append(terms[last] & 0xFFFFFFFFFFFFFFFF)
    for _ in range(n_inline):
        ids.append(struct.unpack_from("<Q", b, i)[0])
        i += 8
    pairs = sorted((t, b[i + 2 * k:i + 2 * k + 2]) for k, t in enumerate(ids))
    signed = (day >> 1) ^ -(day & 1)
    return struct.pack("<qBB", signed, counts, n) + b"".join(struct.pack("<Q", t) + w for t, w in pairs)


def centroid_read19(b, terms):
    """A centroid of schema 19 as its (hash, weight bytes) pairs, sorted."""
    n_ids, i = varint(b, 0)
    ids, last = [], 0
    for _ in range(n_ids):
        gap, i = varint(b, i)
        last += gap
        ids.append(terms[last] & 0xFFFFFFFFFFFFFFFF)
    n = n_ids + (len(b) - i - 4 * n_ids) // 12
    hashes = [struct.unpack_from("<Q", b, i + 8 * k)[0] for k in range(n - n_ids)]
    at = i + 8 * (n - n_ids)
    return sorted((t, b[at + 4 * k:at + 4 * k + 4]) for k, t in enumerate(ids + hashes))


def centroid_ids19(b, ids):
    """A centroid of sl_centroid_pack's form (12 bytes a term, sorted by
    hash) in the form of schemas 19 to 24: the terms with an id in `ids`
    by it, ascending, as varints of their differences, the others' hashes
    in their order, then the weights in that order."""
    pairs = [(struct.unpack_from("<q", b, k)[0], b[k + 8:k + 12]) for k in range(0, len(b), 12)]
    known = sorted((ids[t], w) for t, w in pairs if t in ids)
    rest = [(t, w) for t, w in pairs if t not in ids]
    gaps = [i - (known[k - 1][0] if k else 0) for k, (i, _) in enumerate(known)]
    return (put_varint(len(known)) + b"".join(put_varint(g) for g in gaps) +
            b"".join(struct.pack("<q", t) for t, _ in rest) + b"".join(w for _, w in known + rest))


def sketch_first(b):
    """A sketch of schemas 11 to 20: its sentences' numbers of terms, its
    terms and its distinct codes in order of first coming."""
    n, i = varint(b, 0)
    nt, i = varint(b, i)
    counts, terms, codes = [], [], []
    for _ in range(n):
        c, i = varint(b, i)
        counts.append(c)
    for _ in range(nt):
        x, i = varint(b, i)
        if x:
            terms.append(codes[x - 1])
        else:
            codes.append(struct.unpack_from("<I", b, i)[0])
            terms.append(codes[-1])
            i += 4
    return counts, terms, codes


def sketch_sorted(b):
    """A sketch of schema 21 (src/copies/sketch_pack.c): its sentences'
    numbers of terms, its terms and its distinct codes ascending."""
    n, i = varint(b, 0)
    nt, i = varint(b, i)
    nd, i = varint(b, i)
    k = b[i]
    i += 1
    counts = []
    for _ in range(n):
        c, i = varint(b, i)
        counts.append(c)
    bits = int.from_bytes(b[i:], "little")
    at, code, codes = 0, 0, []
    for _ in range(nd):
        q = 0
        while not bits >> at & 1:
            q, at = q + 1, at + 1
        at += 1
        code += q << k | (bits >> at & ((1 << k) - 1))
        at += k
        codes.append(code)
    width = (nd - 1).bit_length() if nd > 1 else 0
    terms = []
    for _ in range(nt):
        terms.append(codes[bits >> at & ((1 << width) - 1)])
        at += width
    return counts, terms, codes


def pack_first(counts, terms):
    """A sketch's sentence lists in the form of schemas 11 to 20."""
    out, rank = put_varint(len(counts)) + put_varint(len(terms)), {}
    out += b"".join(put_varint(c) for c in counts)
    for t in terms:
        if t in rank:
            out += put_varint(rank[t])
        else:
            rank[t] = len(rank) + 1
            out += b"\0" + struct.pack("<I", t)
    return out


def keys_before19(keys, codes):
    """A sketch's keys of schema 19 (each its rank among the sketch's codes
    `codes`, or 0 and itself) back as 4 bytes each."""
    out, i = [], 0
    while i < len(keys):
        rank, i = varint(keys, i)
        if rank:
            out.append(codes[rank - 1] & ~15)
        else:
            out.append(struct.unpack_from("<I", keys, i)[0])
            i += 4
    return struct.pack("<%dI" % len(out), *out)


def keys_ranked(keys, codes):
    """4-byte keys by their ranks among `codes` (the first code that is
    the key but for its four flag bits), else 0 and the key."""
    out = b""
    for (key,) in struct.iter_unpack("<I", keys):
        rank = next((r + 1 for r, c in enumerate(codes) if c & ~15 == key), 0)
        out += put_varint(rank) + (b"" if rank else struct.pack("<I", key))
    return out


def removed_reasons():
    """The reasons of src/store/removed_lines.c's list, in their order."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "store", "removed_lines.c")
    text = open(src, encoding="utf-8").read()
    body = text[text.index("reasons[] = {"):]
    return re.findall(r'"([^"]*)",', body[:body.index("};")])


def unzigzag32(v):
    return ((v >> 1) ^ -(v & 1)) & M


def is_whole(v):
    return abs(v) <= 2 ** 53 and v == int(v) and not (v == 0 and str(v).startswith("-"))


def facts_before27(b, text):
    """A row of heads (src/store/fact_items.c, heads_put) back in the form of
    schemas 16 to 26: kind, flags, approximation mark, the six offsets as
    differences, the values, the strings and words as they were."""
    i, out, prev, sentence = 0, bytearray(), 0, (0, 0)

    def string(i):
        n, j = varint(b, i)
        return b[i:j + (0 if n & 1 or not n else (n >> 1) - 1)], j + (0 if n & 1 or not n else (n >> 1) - 1)

    def value(form, i, hi, v):
        if form == 0:
            return (v if hi else b"\0" * 8), i
        if form == 3:
            return b[i:i + 8], i + 8
        if hi and form == 2:
            return b"\0" * 8, i
        x, i = varint(b, i)
        if form == 1:
            return struct.pack("<d", float((x >> 1) ^ -(x & 1))), i
        m = x >> 4
        return struct.pack("<d", ((m >> 1) ^ -(m & 1)) / 10 ** (x & 15)), i

    while i < len(b):
        head, i = varint(b, i)
        kind = (head & 3) | (head >> 14) << 2
        d, i = varint(b, i)
        start = (prev + unzigzag32(d)) & M
        n, i = varint(b, i)
        end = (start + n) & M
        if head & 64:
            x, i = varint(b, i)
            y, i = varint(b, i)
            sentence = ((start - unzigzag32(x)) & M, (end + unzigzag32(y)) & M)
        source = (0, 0)
        if head & (1 << 12):
            x, i = varint(b, i)
            y, i = varint(b, i)
            source = (x, (x + y) & M)
        approx = (b"=", b"~", b">")[head >> 10 & 3] if head >> 10 & 3 < 3 else b[i:i + 1]
        i += head >> 10 & 3 == 3
        v, i = value(head >> 4 & 3, i, 0, None)
        hi, i = value(head >> 8 & 3, i, 1, v)
        text_written = b""
        if head & 128:
            text_written, i = string(i)
        about_form, about = head >> 2 & 3, b""
        if about_form == 2:
            x, i = varint(b, i)
            n, i = varint(b, i)
            at = (start + unzigzag32(x)) & M
            about = put_varint(2 * (n + 1)) + text[at:at + n]
        elif about_form == 1:
            about, i = string(i)
        detail, i = string(i)
        role = put_varint(0)
        if head & (1 << 13):
            role, i = string(i)
        flags = (4 if not head & 128 else 0) | (8 if about_form == 0 else 0)
        values = b""
        for has, whole, bits in ((1, 16, v), (2, 32, hi)):
            if bits != b"\0" * 8:
                f = struct.unpack("<d", bits)[0]
                flags |= has | (whole if is_whole(f) else 0)
                values += put_varint(((int(f) << 1) ^ -(int(f) < 0)) & 0xFFFFFFFFFFFFFFFF) if is_whole(f) else bits
        out += put_varint(kind) + put_varint(flags) + approx
        out += b"".join(put_varint(x) for x in (
            ((start - prev) & M) << 1 & M ^ (M if (start - prev) & 0x80000000 else 0), (end - start) & M,
            ((start - sentence[0]) & M) << 1 & M ^ (M if (start - sentence[0]) & 0x80000000 else 0),
            ((sentence[1] - end) & M) << 1 & M ^ (M if (sentence[1] - end) & 0x80000000 else 0),
            source[0], (source[1] - source[0]) & M))
        out += values + text_written + about + detail + role
        prev = start
    return bytes(out)


def before32(path):
    db = sqlite3.connect(path)
    if db.execute("PRAGMA user_version").fetchone()[0] < 32:
        return  # faked older already
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    for index, column in (("articles_hash", "content_hash"), ("articles_source", "source_hash")):
        if index not in names:
            continue  # dropped by a test faking an older store
        db.execute("DROP INDEX %s" % index)
        db.execute("CREATE INDEX %s ON articles(%s)" % (index, column))
    db.commit()


def before31(path):
    before32(path)
    db = sqlite3.connect(path)
    if db.execute("PRAGMA user_version").fetchone()[0] < 31:
        return  # faked older already
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    if "copy_keys" in names:  # not dropped by a test faking an older store
        db.execute("DELETE FROM copy_keys WHERE article_id = 0")
    db.commit()


def before30(path):
    before31(path)
    db = sqlite3.connect(path)
    if db.execute("PRAGMA user_version").fetchone()[0] < 30:
        return  # faked older already
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    for table in ("line_articles", "line_articles_recent"):
        if table not in names:
            continue  # dropped by a test faking an older store
        rows = db.execute("SELECT line, article_id FROM %s" % table).fetchall()
        if any(not 0 <= line < 1 << 47 for line, _ in rows):
            return  # already whole fingerprints
        db.execute("DELETE FROM %s" % table)
        db.executemany("INSERT INTO %s VALUES(?, ?)" % table,
                       [(((line << 17) ^ 1 << 63) - (1 << 63), aid) for line, aid in rows])
    db.commit()


def before29(path):
    before30(path)
    db = sqlite3.connect(path)
    db.execute("UPDATE articles SET source = substr(identity, 5, length(identity) - 5 - length(key))"
               " WHERE typeof(source) = 'blob'")
    db.execute("UPDATE articles SET published = date(published_day * 86400, 'unixepoch')"
               " WHERE typeof(published) = 'blob'")
    db.commit()


def before28(path):
    before29(path)
    db = sqlite3.connect(path)
    if "path_id" not in [r[1] for r in db.execute("PRAGMA table_info(articles)")]:
        return  # faked older already
    db.execute("UPDATE articles SET path = (SELECT p.path FROM paths p WHERE p.id = articles.path_id)"
               " WHERE path_id IS NOT NULL")
    db.execute("ALTER TABLE articles DROP COLUMN path_id")
    db.execute("DROP TABLE paths")
    db.commit()


def before27(path):
    before28(path)
    db = sqlite3.connect(path)
    if (db.execute("PRAGMA user_version").fetchone()[0] < 27
            or "items" not in [r[1] for r in db.execute("PRAGMA table_info(facts)")]):
        return  # faked older already: its facts are in an older form
    for aid, b, text in db.execute("SELECT f.article_id, f.items, CAST(a.text AS BLOB) FROM facts f"
                                   " JOIN articles a ON a.id = f.article_id").fetchall():
        db.execute("UPDATE facts SET items = ? WHERE article_id = ?", (facts_before27(b, text), aid))
    db.commit()


def before26(path):
    before27(path)
    db = sqlite3.connect(path)
    db.execute("DROP TABLE IF EXISTS story_norms")
    if "weight" not in [r[1] for r in db.execute("PRAGMA table_info(story_terms)")]:
        db.commit()
        return  # faked older already, or dropped: no weights
    db.executescript("CREATE TEMP TABLE rows_old AS SELECT term, story FROM story_terms;"
                     "DROP TABLE story_terms;"
                     "CREATE TABLE story_terms(term INTEGER NOT NULL, story INTEGER NOT NULL,"
                     "  PRIMARY KEY(term, story)) WITHOUT ROWID;"
                     "INSERT INTO story_terms SELECT * FROM rows_old ORDER BY term, story;"
                     "DROP TABLE rows_old;")
    db.commit()


def before25(path):
    before26(path)
    db = sqlite3.connect(path)
    if db.execute("PRAGMA user_version").fetchone()[0] < 25:
        return  # faked older already: its centroids are in an older form
    ids = {t: i for i, t in db.execute("SELECT id, term FROM term_dict")}
    for sid, c in db.execute("SELECT id, centroid FROM stories WHERE length(centroid) > 0").fetchall():
        db.execute("UPDATE stories SET centroid = ? WHERE id = ?", (centroid_ids19(c, ids), sid))
    db.commit()


def before24(path):
    before25(path)
    db = sqlite3.connect(path)
    for table in ("terms", "terms_recent"):
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone() or ("",)
        if "WITHOUT ROWID" not in sql:
            continue
        cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % table)]
        made = sql[:sql.rindex(")") + 1]  # the CREATE TABLE without its WITHOUT ROWID
        db.executescript("CREATE TEMP TABLE rows_old AS SELECT * FROM %s; DROP TABLE %s; %s;"
                         "INSERT INTO %s(%s) SELECT * FROM rows_old; DROP TABLE rows_old;"
                         % (table, table, made, table, ", ".join(cols)))
    db.commit()


def before23(path):
    before24(path)
    db = sqlite3.connect(path)
    for k, words in enumerate(removed_reasons()):
        db.execute("UPDATE removed_lines SET reason = ? WHERE reason = ?", (words, bytes([k])))
    db.commit()


def before21(path):
    before23(path)
    db = sqlite3.connect(path)
    if db.execute("PRAGMA user_version").fetchone()[0] < 21:
        return  # faked older already: its sketches are in the older form
    for aid, k, b in db.execute("SELECT article_id, keys, sentences FROM copy_sketches").fetchall():
        counts, terms, codes = sketch_sorted(b)
        first = pack_first(counts, terms)
        keys = keys_ranked(keys_before19(k, codes), sketch_first(first)[2])
        db.execute("UPDATE copy_sketches SET keys = ?, sentences = ? WHERE article_id = ?", (keys, first, aid))
    db.commit()


def before20(path):
    before21(path)
    db = sqlite3.connect(path)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    for table in ("copy_keys", "copy_keys_recent"):
        if table in names and "n" not in [r[1] for r in db.execute("PRAGMA table_info(%s)" % table)]:
            db.executescript("CREATE TABLE keys_old(key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
                             " n INTEGER NOT NULL, PRIMARY KEY(key, article_id)) WITHOUT ROWID;"
                             "INSERT INTO keys_old SELECT key, article_id >> 5, article_id & 31 FROM %s;"
                             "DROP TABLE %s; ALTER TABLE keys_old RENAME TO %s;" % (table, table, table))
    db.commit()


def before19(path):
    before20(path)
    db = sqlite3.connect(path)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    for aid, k, b in db.execute("SELECT article_id, keys, sentences FROM copy_sketches").fetchall():
        db.execute("UPDATE copy_sketches SET keys = ? WHERE article_id = ?",
                   (keys_before19(k, sketch_first(b)[2]), aid))
    if "term_dict" in names:
        terms = dict(db.execute("SELECT id, term FROM term_dict"))
        for sid, c in db.execute("SELECT id, centroid FROM stories WHERE length(centroid) > 0").fetchall():
            old = b"".join(struct.pack("<Q", t) + w for t, w in centroid_read19(c, terms))
            db.execute("UPDATE stories SET centroid = ? WHERE id = ?", (old, sid))
    db.commit()


def sketch_keys(path):
    db = sqlite3.connect(path)
    print(sum(len(keys_before19(k, sketch_sorted(b)[2])) // 4
              for k, b in db.execute("SELECT keys, sentences FROM copy_sketches")))


def centroid_terms(path):
    db = sqlite3.connect(path)
    print(sum(len(c) // 12 for (c,) in db.execute("SELECT centroid FROM stories WHERE length(centroid) > 0")))


def before18(path):
    before19(path)
    db = sqlite3.connect(path)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    if "term_dict" in names and "story_terms" in names:
        rows = db.execute("SELECT d.term, s.story FROM story_terms s JOIN term_dict d ON d.id = s.term"
                          " WHERE s.term BETWEEN 0 AND 4294967295").fetchall()
        db.execute("DELETE FROM story_terms WHERE term BETWEEN 0 AND 4294967295")
        db.executemany("INSERT INTO story_terms VALUES(?, ?)", rows)
    for table in ("copy_keys", "copy_keys_recent"):
        if table in names:
            db.execute("UPDATE %s SET key = key << 4 | 15" % table)
    listed = "lines" in [r[1] for r in db.execute("PRAGMA table_info(articles)")]
    if listed and "line_articles_recent" in names:
        lines_before18(db)
    db.commit()


def lines_before18(db):
    """Each article's 16-bit line prefixes back as 32-bit ones, each taken
    from one of its pairs under that prefix."""
    mine = {}
    for table in ("line_articles", "line_articles_recent"):
        for line, aid in db.execute("SELECT line, article_id FROM %s ORDER BY line" % table):
            mine.setdefault(aid, []).append(line & 0xFFFFFFFFFFFFFFFF)
    for aid, b in db.execute("SELECT id, lines FROM articles WHERE lines IS NOT NULL").fetchall():
        left, out = list(mine.get(aid, [])), []
        for (p,) in struct.iter_unpack("<H", b):
            line = next(x for x in left if x >> 48 == p)
            left.remove(line)
            out.append(line >> 32)
        db.execute("UPDATE articles SET lines = ? WHERE id = ?", (struct.pack("<%dI" % len(out), *out), aid))


def before17(path):
    before18(path)
    db = sqlite3.connect(path)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master")}
    if "term_dict" in names:
        terms = dict(db.execute("SELECT id, term FROM term_dict"))
        table, key, col = ("article_terms", "article_id", "terms") if "article_terms" in names \
            else ("articles", "id", "terms")
        rows = db.execute("SELECT %s, %s FROM %s WHERE %s IS NOT NULL" % (key, col, table, col)).fetchall()
        for aid, b in rows:
            db.execute("UPDATE %s SET %s = ? WHERE %s = ?" % (table, col, key), (member_before17(b, terms), aid))
        db.execute("DROP TABLE term_dict")
        db.execute("ALTER TABLE terms DROP COLUMN dict_id")
        db.execute("ALTER TABLE terms_recent DROP COLUMN dict_id")
    db.commit()


def facts_rewrite(db, convert):
    """Each packed facts row through convert (none before schema 7's packing)."""
    if "items" not in [r[1] for r in db.execute("PRAGMA table_info(facts)")]:
        return
    for aid, b in db.execute("SELECT article_id, items FROM facts").fetchall():
        db.execute("UPDATE facts SET items = ? WHERE article_id = ?", (convert(b), aid))


def before16(path):
    before17(path)
    db = sqlite3.connect(path)
    words = fact_words()
    facts_rewrite(db, lambda b: facts_before16(b, words))
    db.commit()


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
    before16(path)
    db = sqlite3.connect(path)
    fold_recent(db)
    db.commit()


def before13(path):
    before14(path)
    db = sqlite3.connect(path)
    for sid, c in db.execute("SELECT id, centroid FROM stories WHERE length(centroid) > 0").fetchall():
        db.execute("UPDATE stories SET centroid = ? WHERE id = ?", (centroid_before13(c), sid))
    for aid, b in db.execute("SELECT id, sentences FROM articles").fetchall():
        db.execute("UPDATE articles SET sentences = ? WHERE id = ?", (sentences_before13(b or b""), aid))
    facts_rewrite(db, facts_before13)
    # lines listed in each article's row from schema 7 on
    listed = "lines" in [r[1] for r in db.execute("PRAGMA table_info(articles)")]
    query = "SELECT id, lines FROM articles WHERE lines IS NOT NULL"
    for aid, b in db.execute(query).fetchall() if listed else []:
        mine = [line for (line,) in db.execute("SELECT line FROM line_articles WHERE article_id = ?", (aid,))]
        full = [line for (p,) in struct.iter_unpack("<I", b) for line in mine if (line >> 32) & M == p]
        db.execute("UPDATE articles SET lines = ? WHERE id = ?", (struct.pack("<%dq" % len(full), *full), aid))
    db.commit()


if __name__ == "__main__":
    forms = {"before13": before13, "before14": before14, "before16": before16, "before17": before17, "before18": before18,
             "before19": before19, "before20": before20, "before21": before21, "before23": before23,
             "before24": before24, "before25": before25, "before26": before26, "before27": before27,
             "before28": before28, "before29": before29, "before30": before30, "before31": before31,
             "before32": before32,
             "centroid_terms": centroid_terms,
             "sketch_keys": sketch_keys}
    if len(sys.argv) != 3 or sys.argv[1] not in forms:
        sys.exit(__doc__)
    forms[sys.argv[1]](sys.argv[2])
