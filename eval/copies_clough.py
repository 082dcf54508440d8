#!/usr/bin/env python3
"""copies_clough.py - degrees of reuse on the Clough & Stevenson corpus (issue 3).

    python3 eval/copies_clough.py --bin build/storyline \
        --csv "../shared/datasets/rewrite/clough-stevenson/plagiarism-clough&stevenson.csv"

Each of the 95 short answers is compared with its Wikipedia source through
`storyline --json compare --pairs` (a = the answer, b = the source). Reported:
the mean copy `score` per level (0 none, 1 heavy revision, 2 light revision,
3 cut & paste), the kinds the engine gave per level, and the ROC AUC of
copied (levels 1-3) against not copied (level 0), computed here
(Mann-Whitney). For reference the same is printed for word-3-gram
containment of the answer in its source, the measure Clough & Stevenson
found strong, computed here.

Scores: clough_order_ok (1 when mean score orders 3 > 2 > 1 > 0, else 0),
clough_auc (ROC AUC of `score`, copied vs not), clough_order_overlap_auc (of
the words-in-order measure, which is graded where `score` is 0 for texts not
called copies), clough_similarity_auc (the
same for `sentence_similarity`). Standard library only.
"""
import argparse
import collections
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copylib  # noqa: E402

LEVELS = {0: "none", 1: "heavy", 2: "light", 3: "cut&paste"}


def containment3(a, b):
    sa, sb = copylib.shingles(a, 3), copylib.shingles(b, 3)
    return len(sa & sb) / len(sa) if sa else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--csv", default="../shared/datasets/rewrite/clough-stevenson/"
                                     "plagiarism-clough&stevenson.csv")
    args = ap.parse_args()

    with open(args.csv, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    bad = [i for i, r in enumerate(rows, 1) if len(r) != 3 or r[2].strip() not in ("0", "1", "2", "3")]
    if bad:
        copylib.die("copies_clough: rows %s are not (answer, source, 0-3)" % bad[:10])
    levels = [int(r[2]) for r in rows]
    res = copylib.compare_pairs(args.bin, [(i, r[0], r[1]) for i, r in enumerate(rows)], "copies_clough")
    score = [float(r.get("score") or 0.0) for r in res]
    sim = [float(r.get("sentence_similarity") or 0.0) for r in res]
    c3 = [containment3(r[0], r[1]) for r in rows]

    print("Clough & Stevenson: %d answers (%s)" % (len(rows), ", ".join(
        "%s %d" % (LEVELS[k], n) for k, n in sorted(collections.Counter(levels).items()))))
    print("\n%-10s %4s %11s %10s %11s  %s" % ("level", "n", "mean score", "mean sim", "mean C3", "engine kinds"))
    means = {}
    for lv in sorted(LEVELS, reverse=True):
        idx = [i for i, x in enumerate(levels) if x == lv]
        mean = lambda v: sum(v[i] for i in idx) / len(idx) if idx else 0.0
        means[lv] = mean(score)
        kinds = collections.Counter(res[i].get("kind") or "none" for i in idx)
        print("%-10s %4d %11.3f %10.3f %11.3f  %s" % (LEVELS[lv], len(idx), means[lv], mean(sim), mean(c3),
                                                    ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    order_ok = means[3] > means[2] > means[1] > means[0]

    def auc(v):
        return copylib.roc_auc([x for x, lv in zip(v, levels) if lv > 0],
                               [x for x, lv in zip(v, levels) if lv == 0])

    print("\norder cut&paste > light > heavy > none by mean score: %s" % ("yes" if order_ok else "NO"))
    print("ROC AUC copied (1-3) vs not (0): score %.3f, sentence_similarity %.3f, reference C3 %.3f"
          % (auc(score), auc(sim), auc(c3)))
    print()
    print("SCORE clough_order_ok %d" % order_ok)
    print("SCORE clough_auc %.4f" % auc(score))
    print("SCORE clough_similarity_auc %.4f" % auc(sim))
    order = [float(r.get("order_overlap") or 0.0) for r in res]
    print("ROC AUC of order_overlap (words kept in order, the measure rewrites are decided on): %.3f"
          % auc(order))
    print("SCORE clough_order_overlap_auc %.4f" % auc(order))


if __name__ == "__main__":
    main()
