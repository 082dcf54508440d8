"""What tests/crash.sh reads from a store, straight from its SQLite file
(a 20,000-article export takes minutes; these queries take seconds).

  crash_store.py whole STORE SOURCE.jsonl  every stored article whole: its
      title that of its source line, a text, sentences, a story that lists it
  crash_store.py same A B                  the two stores hold the same texts,
      stories (as sets of article keys) and copy relations: a line each,
      "texts ok" or "texts FAIL a vs b"
"""
import json
import sqlite3
import sys


def open_store(path):
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True)


def whole(store, source):
    titles = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            titles[r["id"]] = r["title"]
    db = open_store(store)
    rows = db.execute("SELECT a.key, a.title, length(a.text), a.sentences IS NOT NULL, s.id"
                      " FROM articles a LEFT JOIN stories s ON s.id = a.story_id").fetchall()
    for key, title, text_len, has_sentences, story in rows:
        assert titles.get(key) == title, "title of %s" % key
        assert text_len and has_sentences and story is not None, key
    listed = db.execute("SELECT coalesce(sum(n_articles), 0) FROM stories").fetchone()[0]
    assert listed == len(rows), "stories list %d articles, %d stored" % (listed, len(rows))


def shape(path):
    db = open_store(path)
    texts = set(db.execute("SELECT key, title, text FROM articles"))
    groups = {}
    for story, key in db.execute("SELECT story_id, key FROM articles"):
        groups.setdefault(story, []).append(key)
    stories = sorted(sorted(keys) for keys in groups.values())
    copies = sorted(db.execute("SELECT a.key, o.key, c.kind FROM copies c"
                               " JOIN articles a ON a.id = c.article_id"
                               " JOIN articles o ON o.id = c.of_id"))
    return texts, stories, copies


def same(a, b):
    for name, x, y in zip(("texts", "stories", "copies"), shape(a), shape(b)):
        print(name, "ok" if x == y else "FAIL %d vs %d" % (len(x), len(y)))


if __name__ == "__main__":
    if sys.argv[1] == "whole":
        whole(sys.argv[2], sys.argv[3])
    else:
        same(sys.argv[2], sys.argv[3])
