"""The tuned (even) half of NewsQuant's value+unit misses, by kind: missed
values, false alarms, and unit errors (value right, unit not); with
--concepts, its concept misses (value right, no concept word shared) by
kind: none named where gold names one, one named where gold names none,
another phrase named. Only the even-numbered sentences are read; the odd
half, held out, is never printed.
Usage: numbers_misses.py --bin B --db D --data DATASETS [--concepts]"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import extract, make_store  # noqa: E402
from facts_numbers import (concept_of, concept_words, parse_value, sentence_files,  # noqa: E402
                          unit_of, value_match)


def misses(item, facts):
    """(kind, gold, predicted) for one sentence, matched as `score` does."""
    gold = [(parse_value(q["value"]), q["normalized_unit"].lower()) for q in item["quantities"]]
    pred = [((q["value"], q.get("value_hi", q["value"])), unit_of(q), q["text"])
            for q in facts["numbers"] if not q.get("ordinal")]
    out = []
    used_pred = set()
    left = []
    for g in gold:
        k = next((k for k, p in enumerate(pred)
                  if k not in used_pred and value_match(g[0], p[0]) and g[1] == p[1]), None)
        if k is None:
            left.append(g)
        else:
            used_pred.add(k)
    for g in left:
        k = next((k for k, p in enumerate(pred) if k not in used_pred and value_match(g[0], p[0])), None)
        if k is None:
            out.append(("missed", g, None))
        else:
            used_pred.add(k)
            out.append(("unit", g, pred[k]))
    out += [("false", None, p) for k, p in enumerate(pred) if k not in used_pred]
    return out


def concept_misses(item, facts):
    """(kind, gold concept, our number's text, our concept) for each gold
    quantity whose value we read (the same unit first, as `score` pairs
    them) and whose concept shares no word with ours."""
    pred = [q for q in facts["numbers"] if not q.get("ordinal")]
    used = set()
    out = []
    for g in item["quantities"]:
        gv, gu = parse_value(g["value"]), g["normalized_unit"].lower()
        fits = [k for k, q in enumerate(pred)
                if k not in used and value_match(gv, (q["value"], q.get("value_hi", q["value"])))]
        fits.sort(key=lambda k: unit_of(pred[k]) != gu)
        if not fits:
            continue
        used.add(fits[0])
        q = pred[fits[0]]
        gc, pc = concept_words(g["referred_concepts"]), concept_words(concept_of(q))
        if (not gc and not pc) or gc & pc:
            continue
        kind = "none named" if not pc else "named, gold none" if not gc else "another phrase"
        out.append((kind, g["referred_concepts"], q["text"], concept_of(q)))
    return out


def print_concepts(data, preds):
    found = {"none named": [], "named, gold none": [], "another phrase": []}
    for i, (item, facts) in enumerate(zip(data, preds)):
        for kind, g, text, ours in concept_misses(item, facts):
            found[kind].append((2 * i, item["text"], g, text, ours))
    for kind, rows in found.items():
        print("=== concept, %s: %d" % (kind, len(rows)))
        for n, text, g, qt, ours in rows:
            print("[%d] %s" % (n, text))
            print("    %r  gold %r   ours %r" % (qt, g, ours))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--concepts", action="store_true")
    args = ap.parse_args()
    make_store(args.bin, args.db)
    data = json.load(open(os.path.join(args.data, "numbers/newsquant/NewsQuant.json"),
                          encoding="utf-8"))[0::2]
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(args.bin, args.db, sentence_files(data, tmp))
    if args.concepts:
        print_concepts(data, preds)
        return
    found = {"missed": [], "unit": [], "false": []}
    for i, (item, facts) in enumerate(zip(data, preds)):
        for kind, g, p in misses(item, facts):
            found[kind].append((2 * i, item["text"], g, p))
    for kind, rows in found.items():
        print("=== %s: %d" % (kind, len(rows)))
        for n, text, g, p in rows:
            print("[%d] %s" % (n, text))
            print("    gold %s   ours %s" % (g and "%s %s" % g, p and "%s %s %r" % p))


if __name__ == "__main__":
    main()
