#!/usr/bin/env python3
"""fit_similarity.py - fits the sentence-similarity model of
src/copies/similarity.c on the MSRP training pairs (never on test).

    python3 eval/fit_similarity.py [--msrp ../shared/datasets/rewrite/msrp] [--cv] [--first N] [--l2 L]

Builds build/similarity-features (make), feeds it the train pairs, fits a
logistic regression (L2, Newton's method) on the features it prints, picks
the probability threshold with the best train accuracy, and prints the
weights and threshold to paste into similarity.c / copies.h. Then it reports
train and test accuracy and F1 at that threshold (test is only reported).
similarity.c holds two models: the paraphrase decision's, over every
feature (the default), and the alignment's, over the first 12
(`--first 12`, SL_ALIGNMENT_FEATURES). --l2 is the penalty per training
pair: the alignment's was fitted with the default 1e-3, the paraphrase
decision's with 1e-7 (chosen by --cv; docs/copies.md). With --cv it first reports 10-fold cross-validated accuracy and F1 within
train (each fold's model and threshold fitted on the other nine): the
figure features are chosen by, test answers unread.
Standard library only.
"""
import argparse
import math
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def read_msrp(path):
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            q, _, _, a, b = line.rstrip("\n").split("\t")
            rows.append((int(q), a.replace("\t", " "), b.replace("\t", " ")))
    return rows


def features(tool, rows):
    data = "".join("%d\t%s\t%s\n" % r for r in rows)
    out = subprocess.run([tool], input=data, capture_output=True, text=True, check=True).stdout
    X, Y = [], []
    for line in out.splitlines():
        parts = line.split()
        Y.append(int(parts[0]))
        X.append([float(v) for v in parts[1:]])
    return X, Y


def solve(A, b):
    """Solves A x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[c][c]:
                f = M[r][c] / M[c][c]
                M[r] = [x - f * y for x, y in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] if M[i][i] else 0.0 for i in range(n)]


def fit(X, Y, steps=25, l2=1e-3):
    """Logistic regression by Newton's method (IRLS) with a small L2 penalty;
    stops early once a step changes no weight by 1e-7."""
    d = len(X[0]) + 1
    Z = [x + [1.0] for x in X]
    w = [0.0] * d
    for _ in range(steps):
        g = [0.0] * d
        H = [[0.0] * d for _ in range(d)]
        for z, y in zip(Z, Y):
            t = sum(wi * zi for wi, zi in zip(w, z))
            p = 1 / (1 + math.exp(-max(-30, min(30, t))))
            r = p * (1 - p)
            for i in range(d):
                g[i] += (p - y) * z[i]
                rz, Hi = r * z[i], H[i]
                for j in range(i + 1):
                    Hi[j] += rz * z[j]
        for i in range(d):
            for j in range(i):
                H[j][i] = H[i][j]
        for i in range(d - 1):
            g[i] += l2 * len(Z) * w[i]
            H[i][i] += l2 * len(Z)
        step = solve(H, g)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-7:
            break
    return w


def prob(w, x):
    z = w[-1] + sum(wi * xi for wi, xi in zip(w, x))
    return 1 / (1 + math.exp(-z))


def scores(P, Y, t):
    tp = sum(1 for p, y in zip(P, Y) if p >= t and y)
    fp = sum(1 for p, y in zip(P, Y) if p >= t and not y)
    fn = sum(1 for p, y in zip(P, Y) if p < t and y)
    acc = (len(Y) - fp - fn) / len(Y)
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return acc, 2 * prec * rec / max(1e-9, prec + rec)


def best_threshold(P, Y):
    return max((scores(P, Y, t / 100)[0], t / 100) for t in range(5, 96))[1]


def cross_validate(X, Y, l2, folds=10):
    """Accuracy and F1 of held-out decisions, each fold decided by a model and
    threshold fitted on the others (pairs dealt to folds in turn)."""
    decided = [0.0] * len(Y)
    for k in range(folds):
        train = [i for i in range(len(Y)) if i % folds != k]
        w = fit([X[i] for i in train], [Y[i] for i in train], l2=l2)
        t = best_threshold([prob(w, X[i]) for i in train], [Y[i] for i in train])
        for i in range(k, len(Y), folds):
            decided[i] = float(prob(w, X[i]) >= t)
    return scores(decided, Y, 0.5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--msrp", default=os.path.join(ROOT, "../shared/datasets/rewrite/msrp"))
    ap.add_argument("--cv", action="store_true", help="report 10-fold cross-validation within train")
    ap.add_argument("--first", type=int, default=0, help="fit on the first N features only")
    ap.add_argument("--l2", type=float, default=1e-3, help="L2 penalty per training pair")
    args = ap.parse_args()
    subprocess.run(["make", "-s", "-C", ROOT, "build/similarity-features"], check=True)
    tool = os.path.join(ROOT, "build/similarity-features")
    Xtr, Ytr = features(tool, read_msrp(os.path.join(args.msrp, "msr_paraphrase_train.txt")))
    Xte, Yte = features(tool, read_msrp(os.path.join(args.msrp, "msr_paraphrase_test.txt")))
    if args.first:
        Xtr, Xte = [x[:args.first] for x in Xtr], [x[:args.first] for x in Xte]
    if args.cv:
        print("train, 10-fold cross-validation: accuracy %.4f F1 %.4f" % cross_validate(Xtr, Ytr, args.l2))
    w = fit(Xtr, Ytr, l2=args.l2)
    Ptr = [prob(w, x) for x in Xtr]
    t = best_threshold(Ptr, Ytr)
    print("weights (features..., intercept):", ", ".join("%.4f" % v for v in w))
    print("threshold (best train accuracy): %.2f" % t)
    print("train: accuracy %.4f F1 %.4f" % scores(Ptr, Ytr, t))
    print("test:  accuracy %.4f F1 %.4f" % scores([prob(w, x) for x in Xte], Yte, t))


if __name__ == "__main__":
    sys.exit(main())
