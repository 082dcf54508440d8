#!/usr/bin/env python3
"""fit_copies_short.py - an experiment of issue 19's fourth round, not kept
(docs/copies.md, "Short texts: a second model"): what a second learned
decision for the pairs below align.c's 32-word gate would do, held out.

    /usr/bin/python3 eval/fit_copies_short.py [--data ../shared/datasets] \
        [--fixture tests/fixtures/stories/stream.jsonl]

Builds fit_copies.py's labelled pairs (whole texts and the texts cut to 2
and 4 sentences) and its held-out decision (the same folds: one generator of
rewrite/l2r or one dataset of rewrite/llmfake out, with a seventh of the
negatives), then fits a second set of boosted trees (fit_copies.py's Trees)
on the pairs the main model never judges: the shorter text of 8 to 31
content words, worth aligning, not taken by the rules, names and figures
agreeing (figures_agree's slack). Each configuration below narrows that
gate further; its threshold is the lowest probability at which the
training pairs keep precision PRECISION (BASIL same-event pairs weighted
BASIL_WEIGHT, ECB+ left out as fit_copies.py leaves it out). Printed: the
held-out figures with and without the second model, and how many of the
stories fixture's pairs (hand-written short reports of one event by several
outlets, no rewrite among them) the model fitted on all folds would call
rewrites. Needs the three extra measures of the experiment's sl_copy_features
(figures one text lacks, sentences of the shorter, names of the text with
fewer), printed by build/similarity-features at this commit.
"""
import argparse
import collections
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_copies as fc  # noqa: E402
import copies_rewrites as cr  # noqa: E402

MAIN_FEATURES = 17                  # decide.c's model reads these only
F_FIGURES_UNMATCHED, F_SENTENCES, F_NAMES = 17, 18, 19
PRECISION = 0.996
BASIL_WEIGHT = fc.BASIL_WEIGHT   # as the main model
# (name, most figures of the text with more that the other lacks, most
# sentences of the shorter, least names and figures shared)
CONFIGS = [("all short pairs", 99, 999, 0),
           ("<= 1 figure lacking", 1, 999, 0),
           ("<= 1 figure lacking, one sentence", 1, 1, 0),
           ("<= 1 figure lacking, one sentence, 1 anchor shared", 1, 1, 1),
           ("no figure lacking, one sentence, 1 anchor shared", 0, 1, 1)]


def count(v):
    return round(math.expm1(5 * v))


def short_gate(row, unmatched, sentences, shared):
    f = row[3]
    anchors = round(f[5] * count(f[F_NAMES])) + round(f[6] * count(f[16]))
    return (fc.worth(row) and fc.COPY_WORDS <= count(f[9]) < fc.MODEL_WORDS and not fc.by_rule(row)
            and f[5] >= 0.6 and (round(f[6] * count(f[16])) + 1) / (count(f[16]) + 1) >= 0.7
            and count(f[F_FIGURES_UNMATCHED]) <= unmatched and count(f[F_SENTENCES]) <= sentences
            and anchors >= shared)


def fit_short(rows, labels, weights, cls, tr):
    model = fc.Trees().fit([rows[k][3] for k in tr], [labels[k] for k in tr], [weights[k] for k in tr])
    scored = sorted(((model.prob(rows[k][3]), labels[k], weights[k]) for k in tr if cls[k] != "distractor"),
                    key=lambda x: -x[0])
    tp = fp = 0.0
    best = scored[0][0] + 1e-9
    for p, y, w in scored:
        tp += y
        fp += (not y) * w
        if tp and tp / (tp + fp) >= PRECISION:
            best = p
    return model, best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(fc.ROOT, "../shared/datasets"))
    ap.add_argument("--tool", default=os.path.join(fc.ROOT, "build/similarity-features"))
    ap.add_argument("--fixture", default=os.path.join(fc.ROOT, "tests/fixtures/stories/stream.jsonl"))
    args = ap.parse_args()
    fc.COPY_WORDS = 8   # align.c: below this only exact copies
    c = fc.corpus(args.data)
    rewrites = [k for k, m in c.meta.items() if m["role"] == "rewrite"]
    originals = collections.defaultdict(list)
    for k, m in c.meta.items():
        if m["role"] == "original":
            originals[m["group"]].append(k)
    _, pairs, _, _ = fc.run_tool(args.tool, c, [(k, o) for k in rewrites for o in originals[c.meta[k]["group"]]])
    rows, labels, folds, weights, shorts, cls = [], [], [], [], [], []
    for r in pairs + fc.short_pairs(args.tool, c):
        cl = cr.classify(c.meta[r[0]], c.meta[r[1]])
        if cl == "ignored" or (cl == "distractor" and r[2] in fc.RULE_KINDS):
            continue
        rows.append(r)
        cls.append(cl)
        shorts.append(r[0].startswith("lead"))
        labels.append(1 if cl == "tp" else 0)
        weights.append({"basil": fc.BASIL_WEIGHT, "distractor": fc.ECB_WEIGHT}.get(cl, 1.0))
        m = c.meta[r[0]]
        unit = m.get("event") or m.get("topic") or "%s %s" % r[:2]
        folds.append(fc.fold_of(c, r[0], r[1]) or "neg%d" % (__import__("zlib").crc32(unit.encode()) % 7))
    main_rows = [r[:3] + (r[3][:MAIN_FEATURES],) for r in rows]
    n = len(rows)
    gens = sorted({f for f in folds if not f.startswith("neg")})
    neg_folds = sorted({f for f in folds if f.startswith("neg")})
    outs = [{g, neg_folds[i % len(neg_folds)]} for i, g in enumerate(gens)]
    held = [None] * n
    for out in outs:
        tr = [k for k in range(n) if folds[k] not in out and fc.worth(rows[k])]
        model, t = fc.fit_with_threshold(main_rows, labels, weights, shorts, tr)
        for k in range(n):
            if folds[k] in out:
                held[k] = fc.decide(model, t, main_rows[k])
    held = [h if h is not None else fc.decide(model, t, main_rows[k]) for k, h in enumerate(held)]

    fixture = []
    if os.path.exists(args.fixture):
        lines = []
        with open(args.fixture, encoding="utf-8") as f:
            for i, line in enumerate(f):
                text = json.loads(line).get("text", "").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ")
                lines.append("fx%d\t%s\n" % (i, text))
        out = subprocess.run([args.tool, "--articles"], input="".join(lines) + "--\n", capture_output=True,
                             text=True, check=True).stdout
        for line in out.splitlines():
            p = line.split(" ")
            if p[0] == "P":
                fixture.append((p[1], p[2], p[3], [float(v) for v in p[4:]]))

    def report(name, dec):
        found, tp, fp, basil, sbasil = set(), 0, 0, 0, 0
        by_fold = collections.Counter()
        for k in range(n):
            if not dec[k]:
                continue
            if shorts[k]:
                sbasil += cls[k] == "basil"
                continue
            if cls[k] == "tp":
                tp += 1
                found.update(x for x in rows[k][:2] if c.meta[x]["role"] == "rewrite")
            fp += cls[k] == "fp"
            basil += cls[k] == "basil"
        for x in found:
            by_fold[fc.fold_of(c, x, x)] += 1
        total = collections.Counter(fc.fold_of(c, x, x) for x in rewrites)
        print("%-52s P %.4f R %.4f FP %3d BASIL %d short BASIL %d | %s"
              % (name, tp / (tp + fp), len(found) / len(rewrites), fp, basil, sbasil,
                 " ".join("%s %.3f" % (g.split("/")[-1], by_fold[g] / total[g]) for g in gens)), flush=True)

    weights_short = [BASIL_WEIGHT if cl == "basil" else w for cl, w in zip(cls, weights)]
    report("main model only (fit_copies.py)", held)
    for name, unmatched, sentences, shared in CONFIGS:
        gated = [k for k in range(n) if short_gate(rows[k], unmatched, sentences, shared)]
        dec = list(held)
        for out in outs:
            model, t = fit_short(rows, labels, weights_short, cls, [k for k in gated if folds[k] not in out])
            for k in gated:
                if folds[k] in out:
                    dec[k] = dec[k] or model.prob(rows[k][3]) >= t
        left = set(neg_folds) - set().union(*outs)
        for k in gated:
            if folds[k] in left:
                dec[k] = dec[k] or model.prob(rows[k][3]) >= t
        report("+ short model: " + name, dec)
        model, t = fit_short(rows, labels, weights_short, cls, gated)
        false = sum(short_gate(r, unmatched, sentences, shared) and model.prob(r[3]) >= t for r in fixture)
        print("    stories fixture: %d of %d compared pairs called rewrites (fitted on all folds)"
              % (false, len(fixture)))


if __name__ == "__main__":
    sys.exit(main())
