#!/usr/bin/env python3
"""fit_speakers.py - fits the speaker chooser of src/facts/speakers.c on
PolNeAR train (never on dev), and reports it on both.

    python3 eval/fit_speakers.py [--data ../shared/datasets/quotes/polnear]

Builds build/facts-features (make) and runs it on the train and dev texts:
for every quote whose speaker mention is no name ("he", "the candidate"),
the persons named before it with their features. A candidate is right when
its name shares a capitalised word with the name the gold Source stands for
(eval/facts_quotes.py, "speaker named"). Fits a conditional logit (softmax
over each quote's candidates, L2, gradient ascent) on the train quotes that
have a right candidate, prints the weights to paste into speakers.c, and the
share of quotes whose top candidate is right on train and on dev, for the
fitted and for the pasted weights. Standard library only.
"""
import argparse
import glob
import math
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import char_offsets  # noqa: E402
from facts_quotes import archive_marks, is_direct, name_words, read_ann, source_names  # noqa: E402

FEATURES = ["rank0", "rank1", "far", "in_quote", "last_speaker", "gender", "other_gender", "subject",
            "count", "same_para", "role", "same_sentence", "prev_sentence", "spoke", "sentences", "possessive", "object"]


def gold_quotes(path, data_dir, split):
    """(start, end, name words) of the direct quotes of one article, in characters."""
    name = os.path.basename(path)[:-4]
    anns = sorted(glob.glob(os.path.join(data_dir, split, "attributions", name + "_*.ann")))
    if not anns:
        return None
    text = archive_marks(open(path, encoding="utf-8").read())
    spans, rels = read_ann(anns[0])
    names = source_names(text, rels, spans)
    out = []
    for r in rels:
        if r.get("Content") in spans and is_direct(text, spans[r["Content"]][1]):
            pieces = spans[r["Content"]][1]
            out.append((pieces[0][0], pieces[-1][1], names.get(r.get("Source"), set())))
    return out


def groups(tool, data_dir, split):
    """Per quote with a known gold name: (features per candidate, right per
    candidate, the article's name)."""
    texts = sorted(glob.glob(os.path.join(data_dir, split, "text", "*.txt")))
    out = []
    for i in range(0, len(texts), 100):
        res = subprocess.run([tool, "speakers"] + texts[i:i + 100], capture_output=True, text=True,
                             check=True).stdout
        path, c, gold, quotes = None, None, None, {}

        def flush():
            for (qa, _), cands in quotes.items():
                g = [q for q in gold or [] if q[0] - 2 <= c[qa] < q[1]]
                if g and g[0][2]:
                    out.append(([f for _, f in cands],
                                [bool(name_words(n) & g[0][2]) for n, _ in cands],
                                os.path.basename(path)[:-4]))
        for line in res.splitlines():
            if line.startswith("# "):
                if path:
                    flush()
                path = line[2:]
                c = char_offsets(open(path, "rb").read())
                gold = gold_quotes(path, data_dir, split)
                quotes = {}
                continue
            parts = line.split("\t")
            key = (int(parts[0]), int(parts[1]))
            quotes.setdefault(key, []).append((parts[2], [float(v) for v in parts[3:]]))
        if path:
            flush()
    return out


def accuracy(w, data):
    """Share of the quotes whose best-scored candidate is right."""
    ok = 0
    for X, y, _ in data:
        scores = [sum(a * b for a, b in zip(w, x)) for x in X]
        ok += y[max(range(len(X)), key=lambda k: scores[k])]
    return ok / len(data) if data else 0.0


def fit(data, l2=0.01, rate=1.0, steps=600):
    """Conditional logit by gradient ascent on the mean log-likelihood."""
    n = len(data[0][0][0])
    w = [0.0] * n
    usable = [(X, y) for X, y, _ in data if any(y)]
    for _ in range(steps):
        grad = [-l2 * v for v in w]
        for X, y in usable:
            scores = [sum(a * b for a, b in zip(w, x)) for x in X]
            m = max(scores)
            e = [math.exp(s - m) for s in scores]
            z = sum(e)
            right = sum(v for v, r in zip(e, y) if r)
            for x, v, r in zip(X, e, y):
                diff = ((v / right) if r else 0.0) - v / z  # P(k | right) - P(k)
                if diff:
                    for j, xj in enumerate(x):
                        if xj:
                            grad[j] += diff * xj / len(usable)
        w = [v + rate * g for v, g in zip(w, grad)]
    return w


def pasted(path="src/facts/speakers.c", array="weights[F_N]"):
    """The weights now in a source file's `static const double ARRAY = {...}`."""
    src = open(os.path.join(ROOT, path), encoding="utf-8").read()
    body = src.split("static const double %s = {" % array, 1)[1].split("};", 1)[0]
    return [float(v) for v in body.replace("\n", " ").split(",") if v.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets/quotes/polnear"))
    args = ap.parse_args()
    subprocess.run(["make", "-s", "-C", ROOT, "build/facts-features"], check=True)
    tool = os.path.join(ROOT, "build/facts-features")
    train = groups(tool, args.data, "train")
    dev = groups(tool, args.data, "dev")
    w = fit(train)
    print("weights (paste into src/facts/speakers.c):")
    print("    " + ", ".join("%.3f" % v for v in w) + ",")
    for name, v in zip(FEATURES, w):
        print("  %-14s %+.3f" % (name, v))
    reach = sum(any(y) for _, y, _ in train) / len(train)
    print("quotes with a no-name speaker mention: train %d, dev %d; right name among the "
          "candidates: train %.3f" % (len(train), len(dev), reach))
    print("top candidate right, fitted weights: train %.3f dev %.3f"
          % (accuracy(w, train), accuracy(w, dev)))
    print("top candidate right, pasted weights: train %.3f dev %.3f"
          % (accuracy(pasted(), train), accuracy(pasted(), dev)))
    print("most recent person (the rule it replaces): train %.3f dev %.3f"
          % (accuracy([1] + [0] * (len(w) - 1), train), accuracy([1] + [0] * (len(w) - 1), dev)))


if __name__ == "__main__":
    main()
