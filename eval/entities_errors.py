"""The ECB+ person and place names' errors by kind, for a range of topics:
false positives by what ECB+ marks where they stand (another entity mention,
or none: in a headline, a possessor, a name qualifying a
lower-case word) and misses by what was predicted there. Counts only unless
--show, which lists the spans: read only the tuning topics' (1-20) so.
With --library, the names are those the library gives (every ECB+ article
in one store, each article's names typed by its story: the figures
eval/facts.py prints "typed by their stories").
--by-type splits the false positives' counts by the type given.
Usage: entities_errors.py --bin B --db D --data DATASETS --topics 1-20 [--show] [--library] [--by-type]"""
import argparse
import collections
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
from facts_common import char_offsets, extract, make_store  # noqa: E402

POSSESSIVE = ("'s", "'", "’")


def line_at(text, a):
    return text[text.rfind("\n", 0, a) + 1:text.find("\n", a)]


def false_positive_kind(text, a, b, gold):
    """What ECB+ marks where a wrong person or place stands."""
    tags = [g[3] for g in gold if a < g[1] and g[0] < b]
    if "HUMAN_PART_ORG" in tags:
        return "another entity mention: an organisation"
    if tags:
        return "another entity mention: a work, thing or vehicle"
    following = text[b:].split("\n")[0].split()
    if fe.headline(line_at(text, a).split()):
        return "unmarked: in a headline"
    if following and following[0] in POSSESSIVE:
        return "unmarked: a possessor"
    if following and following[0][:1].islower():
        return "unmarked: qualifies a lower-case word"
    return "unmarked: other"


def in_context(text, a, b):
    """The span bracketed in the words around it on its line."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    before, after = text[max(line_start, a - 60):a], text[b:min(line_end, b + 60)]
    return "%s[%s]%s" % (before, text[a:b], after)


def miss_kind(text, g, pred):
    """What was predicted where a gold name was missed."""
    hit = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
    if hit:
        return "found, typed " + hit[0][2]
    if fe.headline(line_at(text, g[0]).split()):
        return "missed: in a headline"
    if not text[g[0]:g[0] + 1].isupper():
        return "missed: a description holding a name"
    return "missed: other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--topics", default="1-20", help="first-last")
    ap.add_argument("--show", action="store_true", help="list the spans (tuning topics only)")
    ap.add_argument("--library", action="store_true",
                    help="the names as the library gives them (one store, typed by story)")
    ap.add_argument("--by-type", action="store_true",
                    help="count false positives by kind and by the type given (person or place)")
    args = ap.parse_args()
    first, last = (int(x) for x in args.topics.split("-"))
    base = os.path.join(args.data, "clustering/ecbplus")
    names = []
    docs = fe.load_topics(base, fe.annotated_sentences(base), set(range(first, last + 1)), names)
    if args.library:
        typed = fe.story_typed(args.bin, args.db, args.data)
        preds = [typed.get(n, {"entities": []}) for n in names]
    else:
        make_store(args.bin, args.db)
        with tempfile.TemporaryDirectory() as tmp:
            preds = extract(args.bin, args.db, fe.write_docs(docs, tmp))
    kinds = {"false positives": collections.Counter(), "misses": collections.Counter()}
    for (text, gold, scored), facts in zip(docs, preds):
        c = char_offsets(text.encode("utf-8"))
        pred = [(c[e["span"][0]], c[e["span"][1]], e["type"]) for e in facts["entities"]]
        pred = [p for p in pred if any(a <= p[0] < b for a, b in scored)]
        names = [g for g in gold if fe.gold_type(g[3])]
        for a, b, t in pred:
            if t in ("person", "place") and not any(a < g[1] and g[0] < b for g in names):
                kind = false_positive_kind(text, a, b, gold)
                kinds["false positives"][kind + (", typed " + t if args.by_type else "")] += 1
                if args.show:
                    print("FP\t%s\t%s\t%s\t%s" % (kind, t, text[a:b], in_context(text, a, b)))
        for g in names:
            found = [p for p in pred if p[2] in ("person", "place") and p[0] < g[1] and g[0] < p[1]]
            if g[2] and not found:
                kind = miss_kind(text, g, pred)
                kinds["misses"][kind] += 1
                if args.show:
                    print("FN\t%s\t%s\t%s" % (kind, text[g[0]:g[1]], in_context(text, g[0], g[1])))
    for label, counts in kinds.items():
        print("%s: %d" % (label, sum(counts.values())))
        for kind, n in counts.most_common():
            print("  %4d  %s" % (n, kind))


if __name__ == "__main__":
    main()
