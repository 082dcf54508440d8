#!/usr/bin/env python3
"""fit_names.py - fits the keep model of src/facts/name_keep.c (whether a
person or place entities.c is about to list is listed) on ECB+ topics 1-20
(never on 21-35, held out), and reports it on both.

    /usr/bin/python3 eval/fit_names.py [--data ../shared/datasets]

Builds build/facts-features and build/storyline (make) and runs
`facts-features names` and `storyline facts --text` on every article of the
two splits (eval/facts_entities.py's texts). A traced name in a fully
annotated sentence is a positive when it overlaps a gold person or place
mention of ECB+ (which marks the events' participants only, so many real
names are negatives). Fits an L2 logistic regression (scikit-learn) on
topics 1-20 and picks the probability threshold that maximises F1 there;
prints the weights to paste into name_keep.c (the threshold folded into the
bias), precision / recall on both splits for: all kept, the fitted model,
and the weights pasted in name_keep.c (what `storyline` runs), and the
precision / recall of both splits at thresholds 0.40-0.70 (the trade-off).
--by-entity: each mention's features are the maximum and the mean of its
entity's mentions in the article (a test of the model; name_keep.c reads
one mention).
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import char_offsets, extract, make_store  # noqa: E402
from facts_entities import (HELD_OUT_TOPICS, TUNED_TOPICS, annotated_sentences,  # noqa: E402
                            load_topics, tally, write_docs)

FEATURES = ["person", "place", "one", "two", "role", "seen", "mentions", "gazetteer", "caps",
            "possessive", "opens", "the", "at", "said", "noun", "of", "lead", "position",
            "weak", "org", "comma", "lower"]


def traced(tool, paths):
    """Per path: {name's first byte: features}."""
    out = subprocess.run([tool, "names"] + paths, check=True,
                         capture_output=True).stdout.decode("utf-8")
    per = []
    for line in out.splitlines():
        if line.startswith("# "):
            per.append({})
            continue
        start, _, _, *f = line.split("\t")
        per[-1][int(start)] = [float(v) for v in f]
    return per


def by_entity(facts, feats):
    """Each traced mention's features: the maximum, then the mean, of those
    of its entity's traced mentions in the article."""
    out = []
    for f, fs in zip(facts, feats):
        name = {e["span"][0]: e["name"] for e in f["entities"]}
        group = {}
        for a, v in fs.items():
            group.setdefault(name.get(a), []).append(v)
        out.append({a: list(np.max(group[name.get(a)], 0)) + list(np.mean(group[name.get(a)], 0))
                    for a in fs})
    return out


def split(binary, tool, db, docs, entity):
    """The docs' entities as storyline lists them, their traced features,
    and the (X, y) of the traced ones in scored sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_docs(docs, tmp)
        facts = extract(binary, db, paths)
        preds = [[(e["span"][0], e["span"][1], e["type"]) for e in f["entities"]] for f in facts]
        feats = traced(tool, paths)
    if entity:
        feats = by_entity(facts, feats)
    X, y = [], []
    for (text, gold, scored), found, fs in zip(docs, preds, feats):
        c = char_offsets(text.encode("utf-8"))
        for a, b, t in found:
            if a not in fs or not any(s <= c[a] < e for s, e in scored):
                continue
            X.append(fs[a])
            y.append(any(c[a] < g[1] and g[0] < c[b] for g in gold))
    return preds, feats, np.array(X), np.array(y)


def kept(preds, feats, w):
    """The predictions a linear model w (bias last) keeps."""
    out = []
    for found, fs in zip(preds, feats):
        out.append([p for p in found
                    if p[0] not in fs or np.dot(w[:-1], fs[p[0]]) + w[-1] >= 0])
    return out


def at_threshold(w, t):
    """w with the probability threshold t folded into its bias."""
    out = w.copy()
    out[-1] -= math.log(t / (1 - t))
    return out


def pasted(path):
    """The weights pasted in name_keep.c."""
    src = open(os.path.join(ROOT, path), encoding="utf-8").read()
    m = re.search(r"weights\[F_N \+ 1\] = \{([^}]*)\}", src)
    vals = [float(v) for v in re.findall(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?", m.group(1))]
    return np.array(vals if len(vals) == len(FEATURES) + 1 else [0.0] * (len(FEATURES) + 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets"))
    ap.add_argument("--by-entity", action="store_true")
    args = ap.parse_args()
    subprocess.run(["make", "-s", "-C", ROOT, "build/facts-features", "build/storyline"],
                   check=True)
    binary = os.path.join(ROOT, "build/storyline")
    tool = os.path.join(ROOT, "build/facts-features")
    base = os.path.join(args.data, "clustering/ecbplus")
    annotated = annotated_sentences(base)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "facts.db")
        make_store(binary, db)
        parts = {}
        for label, topics in (("1-20", TUNED_TOPICS), ("21-35", HELD_OUT_TOPICS)):
            docs = load_topics(base, annotated, topics)
            parts[label] = (docs,) + split(binary, tool, db, docs, args.by_entity)
    docs, preds, feats, X, y = parts["1-20"]
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    fitted = np.append(model.coef_[0], model.intercept_[0])
    best = None
    for t in np.arange(0.05, 0.80, 0.01):
        p, r, _, _, _ = tally(docs, kept(preds, feats, at_threshold(fitted, t)))
        f = 2 * p * r / (p + r) if p + r else 0
        if best is None or f > best[0]:
            best = (f, t)
    t = best[1]
    w = at_threshold(fitted, t)
    print("traced names in scored sentences: 1-20 %d (%.3f positive), 21-35 %d (%.3f positive)"
          % (len(y), y.mean(), len(parts["21-35"][4]), parts["21-35"][4].mean()))
    X2, y2 = parts["21-35"][3], parts["21-35"][4]
    print("share right of the names with a feature (not 0), 1-20 / 21-35:")
    for k, name in enumerate(FEATURES):
        on, on2 = X[:, k] != 0, X2[:, k] != 0
        print("  %-12s %4d %.2f / %4d %.2f" % (name, on.sum(), y[on].mean() if on.any() else 0,
                                                on2.sum(), y2[on2].mean() if on2.any() else 0))
    print("threshold %.2f (best F1 on 1-20); weights (paste into src/facts/name_keep.c):" % t)
    print("    " + ", ".join("%.3f" % v for v in w))
    names = (["max " + f for f in FEATURES] + ["mean " + f for f in FEATURES]
             if args.by_entity else FEATURES)
    for name, v in zip(names + ["bias"], w):
        print("  %-12s %+.3f" % (name, v))
    keep_all = np.append(np.zeros(len(w) - 1), 1.0)
    runs = [("all kept", keep_all), ("fitted", w)]
    runs += [("t %.2f" % u, at_threshold(fitted, u)) for u in (0.4, 0.5, 0.55, 0.6, 0.65, 0.7)]
    if not args.by_entity:
        runs.append(("pasted", pasted("src/facts/name_keep.c")))
    for name, weights in runs:
        figs = []
        for label in ("1-20", "21-35"):
            d, pr, fs, _, _ = parts[label]
            p, r, _, _, _ = tally(d, kept(pr, fs, weights))
            figs.append("%s P %.3f R %.3f" % (label, p, r))
        print("%-9s %s" % (name, "; ".join(figs)))


if __name__ == "__main__":
    main()
