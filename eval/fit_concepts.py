#!/usr/bin/env python3
"""fit_concepts.py - fits the concept chooser of src/facts/counted.c (which
phrase of its sentence a number states a value of) on NewsQuant's even half
(never on the odd, held-out one), and reports it on both.

    python3 eval/fit_concepts.py [--data ../shared/datasets/numbers/newsquant]

Builds build/facts-features (make) and runs it and `storyline facts --text`
on every sentence: for each number the chooser reads (one no phrase follows),
the candidate phrases of its sentence and "none", with their features. The
number is paired with the first gold quantity of its sentence of equal
value; a candidate is right when it shares a word with that quantity's
referred concept, "none" when the gold names no concept. Fits a conditional
logit (eval/fit_speakers.py's fit) on the even numbers that have a right
candidate, prints the weights to paste into counted.c, and the share of
numbers whose top candidate is right on each half, for the fitted and the
pasted weights and for the rule alone. Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import extract, make_store  # noqa: E402
from facts_numbers import concept_words, parse_value, sentence_files, value_match  # noqa: E402
from fit_speakers import accuracy, fit, pasted  # noqa: E402

FEATURES = ["none", "none_bare", "none_time", "dist", "between", "first", "nearest", "prep", "det",
            "verb_after", "capital", "comma", "rule", "len", "plural"]


def candidates(tool, paths):
    """Per path: {item first byte: [(words, features), ...]}."""
    out = subprocess.run([tool, "concepts"] + paths, check=True, capture_output=True).stdout.decode("utf-8")
    per = []
    for line in out.splitlines():
        if line.startswith("# "):
            per.append({})
            continue
        start, words, *f = line.split("\t")
        per[-1].setdefault(int(start), []).append((words, [float(v) for v in f]))
    return per


def groups(data, facts, cands):
    """(X, y) per number the chooser read whose value is a gold quantity's."""
    out = []
    for item, found, per in zip(data, facts, cands):
        for q in found["numbers"]:
            if q["span"][0] not in per:
                continue
            v = (q["value"], q.get("value_hi", q["value"]))
            gold = [g for g in item["quantities"] if value_match(parse_value(g["value"]), v)]
            if not gold:
                continue
            concept = concept_words(gold[0]["referred_concepts"])
            X, y = [], []
            for words, f in per[q["span"][0]]:
                X.append(f)
                w = {x for x in re.split(r"[\s,]+", words.lower()) if x and x != "-"}
                y.append(bool(w & concept) if words != "-" else not concept)
            out.append((X, y, None))  # fit_speakers' groups carry a third field
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets/numbers/newsquant"))
    args = ap.parse_args()
    subprocess.run(["make", "-s", "-C", ROOT, "build/facts-features", "build/storyline"],
                   check=True)
    data = json.load(open(os.path.join(args.data, "NewsQuant.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = sentence_files(data, tmp)
        db = os.path.join(tmp, "facts.db")
        make_store(os.path.join(ROOT, "build/storyline"), db)
        facts = extract(os.path.join(ROOT, "build/storyline"), db, paths)
        cands = candidates(os.path.join(ROOT, "build/facts-features"), paths)
    even = groups(data[0::2], facts[0::2], cands[0::2])
    odd = groups(data[1::2], facts[1::2], cands[1::2])
    w = fit(even)
    print("weights (paste into src/facts/counted.c):")
    print("    " + ", ".join("%.3f" % v for v in w) + ",")
    for name, v in zip(FEATURES, w):
        print("  %-12s %+.3f" % (name, v))
    print("numbers the chooser reads, paired with a gold quantity: even %d, odd %d; a right "
          "candidate among them: even %.3f" % (len(even), len(odd),
                                              sum(any(y) for _, y, _ in even) / len(even)))
    rule = [0.5] + [0] * (len(FEATURES) - 1)
    rule[FEATURES.index("rule")] = 1
    for name, weights in (("fitted", w), ("pasted", pasted("src/facts/counted.c", "weights[N_FEATURES]")), ("the rule alone", rule)):
        print("top candidate right, %s: even %.3f odd %.3f"
              % (name, accuracy(weights, even), accuracy(weights, odd)))


if __name__ == "__main__":
    main()
