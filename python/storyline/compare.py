"""Whether two stores hold the same answer (docs/scale.md): the store a Dask
run made against the one `storyline ingest` made of the same inputs.

    python3 -m storyline.compare single.db dask.db [--json]

Articles are matched by what they are, not by id: identity (key, path, URL),
version, source, date, title and clean text. Printed: articles in both and
in one only, the pair F1 of copy relations (copy, original, kind) and the B³
precision, recall and F1 of the stories of the second against the first.
Exit status 0 when the two are equal (every figure 1), 1 when not, 2 on trouble.
"""
import argparse
import json
import sys

from storyline import lib as sl


def _articles_and_stories(engine):
    """{article id: what it is}, {article id: story id}."""
    doc = json.loads(engine.json("sl_stories_json", None))
    story_of = {a: s["id"] for s in doc["stories"] for a in s["articles"]}
    what = {}
    for aid in sorted(story_of):
        a = json.loads(engine.json("sl_article_json", aid))["article"]
        what[aid] = tuple(a.get(k) for k in ("key", "path", "url", "version", "source", "published",
                                             "title", "text"))
    return what, story_of


def _copies(engine, what):
    doc = json.loads(engine.json("sl_copies_json", 0))
    return {(what[c["article"]], what[c["of"]], c["kind"]) for c in doc["copies"]}


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def _b_cubed(gold, found):
    """B³ of clusterings given as {item: cluster}, over the items of both."""
    items = [i for i in gold if i in found]
    if not items:
        return 1.0, 1.0, 1.0
    by_gold, by_found = {}, {}
    for i in items:
        by_gold.setdefault(gold[i], set()).add(i)
        by_found.setdefault(found[i], set()).add(i)
    p = r = 0.0
    for i in items:
        both = len(by_gold[gold[i]] & by_found[found[i]])
        p += both / len(by_found[found[i]])
        r += both / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, _f1(p, r)


def compare(first_db, second_db, lib_path=None):
    """The figures as a dict."""
    sides = []
    for db in (first_db, second_db):
        engine = sl.Engine(db, read_only=True, lib=lib_path)
        try:
            what, story_of = _articles_and_stories(engine)
            copies = _copies(engine, what)
        finally:
            engine.close()
        stories = {}
        for aid, sid in story_of.items():
            stories[what[aid]] = sid
        sides.append((set(what.values()), copies, stories))
    (a1, c1, s1), (a2, c2, s2) = sides
    both = len(c1 & c2)
    cp = both / len(c2) if c2 else 1.0
    cr = both / len(c1) if c1 else 1.0
    bp, br, bf = _b_cubed(s1, s2)
    return {"articles": len(a1), "articles_second": len(a2), "articles_both": len(a1 & a2),
            "copies": len(c1), "copies_second": len(c2), "copies_precision": cp, "copies_recall": cr,
            "copies_f1": _f1(cp, cr) if c1 or c2 else 1.0,
            "stories": len(set(s1.values())), "stories_second": len(set(s2.values())),
            "stories_b3_precision": bp, "stories_b3_recall": br, "stories_b3_f1": bf}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m storyline.compare", description=__doc__.split("\n")[0])
    ap.add_argument("first", help="the reference store (storyline ingest)")
    ap.add_argument("second", help="the store to check (the Dask run)")
    ap.add_argument("--json", action="store_true", help="the figures as one JSON object")
    ap.add_argument("--lib", help="libstoryline.so")
    args = ap.parse_args(argv)
    try:
        r = compare(args.first, args.second, args.lib)
    except (OSError, sl.StoreError) as ex:
        print("storyline.compare: %s" % ex, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(r, sort_keys=True))
    else:
        print("articles: %d and %d, %d in both" % (r["articles"], r["articles_second"], r["articles_both"]))
        print("copies: %d and %d; pair precision %.4f recall %.4f F1 %.4f"
              % (r["copies"], r["copies_second"], r["copies_precision"], r["copies_recall"], r["copies_f1"]))
        print("stories: %d and %d; B3 precision %.4f recall %.4f F1 %.4f"
              % (r["stories"], r["stories_second"], r["stories_b3_precision"], r["stories_b3_recall"],
                 r["stories_b3_f1"]))
    equal = (r["articles"] == r["articles_second"] == r["articles_both"] and r["copies_f1"] == 1.0
             and r["stories_b3_f1"] == 1.0)
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
