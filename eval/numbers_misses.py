"""The tuned (even) half of NewsQuant's value+unit misses, by kind: missed
values, false alarms, and unit errors (value right, unit not). Only the
even-numbered sentences are read; the odd half, held out, is never
printed. Usage: numbers_misses.py --bin B --db D --data DATASETS"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import extract, make_store  # noqa: E402
from facts_numbers import parse_value, sentence_files, unit_of, value_match  # noqa: E402


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    make_store(args.bin, args.db)
    data = json.load(open(os.path.join(args.data, "numbers/newsquant/NewsQuant.json"),
                          encoding="utf-8"))[0::2]
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(args.bin, args.db, sentence_files(data, tmp))
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
