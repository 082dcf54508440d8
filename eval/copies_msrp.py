#!/usr/bin/env python3
"""copies_msrp.py - sentence paraphrase decisions on MSRP (issue 3).

    python3 eval/copies_msrp.py --bin build/storyline --msrp ../shared/datasets/rewrite/msrp

Sends every train and test pair of the Microsoft Research Paraphrase Corpus
through `storyline --json compare --pairs` (no store) and reports, on the
1,725 test pairs:
  - accuracy and F1 (paraphrase class) of the engine's own decision
    (`paraphrase`), whose threshold the engine fitted on train;
  - accuracy and F1 of `sentence_similarity >= t`, with t the threshold of
    best accuracy on the train pairs (fitted here, train only);
  - the same for unigram Jaccard (lower-cased \\w+ tokens, threshold in steps
    of 0.005 on train), the README's baseline, recomputed as a check on this
    script's own arithmetic (README: 0.730 / 0.813).

Scores: msrp_accuracy, msrp_f1 (the engine's decision on test),
msrp_threshold_accuracy, msrp_threshold_f1 (its similarity at the train
threshold), msrp_similarity_auc (ROC AUC of sentence_similarity on test).
Standard library only.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copylib  # noqa: E402


def read_split(path):
    """[(label, s1, s2)] from an MSRP file (UTF-8 with BOM, tab-separated,
    header line; sentences may hold quote marks, so no CSV quoting)."""
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for n, line in enumerate(f, 2):
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) != 5:
                copylib.die("copies_msrp: %s:%d: %d fields, expected 5" % (path, n, len(parts)))
            rows.append((parts[0] == "1", parts[3], parts[4]))
    return rows


def jaccard(a, b):
    x, y = set(copylib.words(a)), set(copylib.words(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def stepped_threshold(scores, gold, step=0.005):
    best = (-1.0, 0.0)
    for i in range(int(1 / step) + 1):
        t = i * step
        acc = copylib.accuracy_f1(gold, [s >= t for s in scores])[0]
        if acc > best[0]:
            best = (acc, t)
    return best[1], best[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--msrp", default="../shared/datasets/rewrite/msrp")
    args = ap.parse_args()

    train = read_split(os.path.join(args.msrp, "msr_paraphrase_train.txt"))
    test = read_split(os.path.join(args.msrp, "msr_paraphrase_test.txt"))
    pairs = ([("train:%d" % i, a, b) for i, (_, a, b) in enumerate(train)]
             + [("test:%d" % i, a, b) for i, (_, a, b) in enumerate(test)])
    res = copylib.compare_pairs(args.bin, pairs, "copies_msrp")
    r_train, r_test = res[:len(train)], res[len(train):]
    g_train, g_test = [g for g, _, _ in train], [g for g, _, _ in test]
    print("MSRP: %d train pairs (%.1f%% paraphrases), %d test pairs (%.1f%%)"
          % (len(train), 100.0 * sum(g_train) / len(train), len(test), 100.0 * sum(g_test) / len(test)))

    def decision(rs):
        return [bool(r.get("paraphrase")) for r in rs]

    def sim(rs):
        return [float(r.get("sentence_similarity") or 0.0) for r in rs]

    lines = []
    acc_tr, f1_tr = copylib.accuracy_f1(g_train, decision(r_train))
    acc, f1 = copylib.accuracy_f1(g_test, decision(r_test))
    lines.append(("engine decision (`paraphrase`)", "-", acc_tr, f1_tr, acc, f1))
    t, _ = copylib.best_threshold(sim(r_train), g_train)
    tacc_tr, tf1_tr = copylib.accuracy_f1(g_train, [s >= t for s in sim(r_train)])
    tacc, tf1 = copylib.accuracy_f1(g_test, [s >= t for s in sim(r_test)])
    lines.append(("sentence_similarity >= t", "%.4f" % t, tacc_tr, tf1_tr, tacc, tf1))
    j_train = [jaccard(a, b) for _, a, b in train]
    j_test = [jaccard(a, b) for _, a, b in test]
    jt, _ = stepped_threshold(j_train, g_train)
    jacc_tr, jf1_tr = copylib.accuracy_f1(g_train, [s >= jt for s in j_train])
    jacc, jf1 = copylib.accuracy_f1(g_test, [s >= jt for s in j_test])
    lines.append(("baseline: unigram Jaccard >= t", "%.3f" % jt, jacc_tr, jf1_tr, jacc, jf1))
    lines.append(("majority (always paraphrase)", "-",
                  *copylib.accuracy_f1(g_train, [True] * len(train)),
                  *copylib.accuracy_f1(g_test, [True] * len(test))))

    print("\n%-34s %8s  %9s %8s  %8s %7s" % ("method", "t", "train acc", "train F1", "test acc", "test F1"))
    for name, th, a1, f1a, a2, f2 in lines:
        print("%-34s %8s  %9.3f %8.3f  %8.3f %7.3f" % (name, th, a1, f1a, a2, f2))
    s_test = sim(r_test)
    auc = copylib.roc_auc([s for s, g in zip(s_test, g_test) if g],
                          [s for s, g in zip(s_test, g_test) if not g])
    print("\nROC AUC of sentence_similarity on test: %.3f; targets: accuracy >= 0.76, F1 >= 0.84" % auc)

    print()
    print("SCORE msrp_accuracy %.4f" % acc)
    print("SCORE msrp_f1 %.4f" % f1)
    print("SCORE msrp_threshold_accuracy %.4f" % tacc)
    print("SCORE msrp_threshold_f1 %.4f" % tf1)
    print("SCORE msrp_similarity_auc %.4f" % auc)


if __name__ == "__main__":
    main()
