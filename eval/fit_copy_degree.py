#!/usr/bin/env python3
"""fit_copy_degree.py - fits the degree of copying of src/copies/degree.c,
the score every copy relation and `storyline compare` report (issue 19).

    /usr/bin/python3 eval/fit_copy_degree.py [--data ../shared/datasets] \
        [--tool build/similarity-features]

The degree is P(copy) x (order + literal) / 2: P(copy) a logistic
regression whose weights are held at zero or above (so that no measure of
kept wording lowers the degree when it rises), over a few of the measures
decide.c weighs; order the share of the shorter text's words the other has
in order; literal the share of its three-word runs the other has as they
are (literal.c). The pairs are eval/fit_copies.py's, whole texts only
(LLM rewrites with their originals as copies; wrong originals, BASIL
same-event pairs weighted BASIL_WEIGHT and ECB+ same-topic pairs weighted
ECB_WEIGHT as not), every compared pair, worth aligning or not (a thorough
comparer grades them all).

Each candidate feature set in FEATURE_SETS is scored by the ROC AUC of
the degree, copies against not, held out: each generator of rewrite/l2r
and dataset of rewrite/llmfake (with a seventh of the negatives) scored by
a model fitted without it. The set with the best held-out AUC is fitted on
all the pairs and printed as C for degree.c. The Clough-Stevenson answers,
on which the degree is reported (eval/copies_clough.py), play no part.
The product's form is not chosen by this AUC: the labels here say copy or
not, nothing of how much, and P(copy) alone ranks them as well (printed);
but a probability is near 1 for every sure copy, cut and paste or heavy
rewrite alike: the wording kept is what grades the degree.
Needs numpy.
"""
import argparse
import collections
import hashlib
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copylib  # noqa: E402
import fit_copies as fc  # noqa: E402

ROOT = fc.ROOT
# Measures of kept wording, names and figures (decide.c's features), each
# one more sign of copying as it rises; chosen among by held-out AUC
FEATURE_SETS = [
    ["order"],
    ["order", "terms"],
    ["order", "terms", "match_max"],
    ["order", "terms", "aligned_min", "paired"],
    ["order", "terms", "aligned_min", "names", "figures"],
    ["order", "terms", "aligned_min", "names", "figures", "anchor_order"],
    ["order", "terms", "aligned_min", "names", "figures", "match_max", "cover_min"],
]
L2 = 1.0
STEPS = 50


def fit(X, y, w):
    """Weighted logistic regression by projected Newton steps: after each
    step the feature weights below zero are set to zero (the intercept is
    free). Returns the feature weights and the intercept last."""
    Z = np.hstack([X, np.ones((len(X), 1))])
    b = np.zeros(Z.shape[1])
    penalty = L2 * np.r_[np.ones(Z.shape[1] - 1), 0.0]
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(Z @ b)))
        g = Z.T @ (w * (p - y)) + penalty * b
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(penalty)
        b = b - np.linalg.solve(H, g)
        b[:-1] = np.maximum(b[:-1], 0.0)
    return b


def degree(b, X, kept):
    return kept / (1 + np.exp(-(np.hstack([X, np.ones((len(X), 1))]) @ b)))


def held_out(X, y, w, folds, kept):
    """Each rewrite fold (and one negative fold with it) scored by a model
    fitted on the others, as fit_copies.py holds its decision out."""
    gens = sorted({f for f in folds if not f.startswith("neg")})
    negs = sorted({f for f in folds if f.startswith("neg")})
    out, done = np.zeros(len(y)), np.zeros(len(y), bool)
    for i, g in enumerate(gens):
        test = np.isin(folds, [g, negs[i % len(negs)]])
        b = fit(X[~test], y[~test], w[~test])
        out[test] = degree(b, X[test], kept[test])
        done |= test
    out[~done] = degree(b, X[~done], kept[~done])   # negative folds no generator took: the last model
    return out


def auc(scores, y):
    return copylib.roc_auc(list(scores[y == 1]), list(scores[y == 0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets"))
    ap.add_argument("--tool", default=os.path.join(ROOT, "build/similarity-features"))
    args = ap.parse_args()
    if args.tool == os.path.join(ROOT, "build/similarity-features"):
        subprocess.run(["make", "-s", "-C", ROOT, "build/similarity-features"], check=True)
    c = fc.corpus(args.data)
    originals = collections.defaultdict(list)
    for k, m in c.meta.items():
        if m["role"] == "original":
            originals[m["group"]].append(k)
    gold = [(k, o) for k, m in c.meta.items() if m["role"] == "rewrite" for o in originals[m["group"]]]
    _, pairs, _, _ = fc.run_tool(args.tool, c, gold, hashlib.sha256())
    rows, labels, folds, weights, _ = fc.label_pairs(c, pairs)
    features = np.array([r[3] for r in rows])
    literal = np.array([r[4][0] for r in rows])
    y, w, folds = np.array(labels, float), np.array(weights), np.array(folds)
    kept = (features[:, fc.FEATURES.index("order")] + literal) / 2
    print("%d compared pairs of whole texts (%d copies)" % (len(y), int(y.sum())))
    print("ROC AUC, copies against not, of the measures alone (nothing fitted): order %.4f, "
          "literal %.4f, the wording kept (their mean) %.4f" % (auc(features[:, 0], y), auc(literal, y), auc(kept, y)))
    print("held-out ROC AUC of the degree, P(copy) over each feature set:")
    best = None
    for names in FEATURE_SETS:
        X = features[:, [fc.FEATURES.index(n) for n in names]]
        a = auc(held_out(X, y, w, folds, kept), y)
        print("  %.4f  %s" % (a, ", ".join(names)))
        if best is None or a > best[0]:
            best = (a, names)
    a, names = best
    X = features[:, [fc.FEATURES.index(n) for n in names]]
    b = fit(X, y, w)
    print("the same held out without the wording kept, P(copy) alone: %.4f"
          % auc(held_out(X, y, w, folds, np.ones(len(y))), y))
    print("SCORE copies_degree_heldout_auc %.4f" % a)
    print("SCORE copies_degree_fitted_auc %.4f" % auc(degree(b, X, kept), y))
    print("\n/* features: %s */" % ", ".join(names))
    print("static const int degree_features[] = {%s};"
          % ", ".join(str(fc.FEATURES.index(n)) for n in names))
    print("static const double degree_weights[] = {%s};" % ", ".join("%.4f" % v for v in b[:-1]))
    print("static const double degree_base = %.4f;" % b[-1])


if __name__ == "__main__":
    sys.exit(main())
