#!/usr/bin/env python3
"""fit_copies.py - fits the rewrite decision of src/copies/decide.c and
reports it held out (issue 19).

    python3 eval/fit_copies.py [--data ../shared/datasets] [--tool build/similarity-features] \
        [--model FILE] [--dump FILE] [--precision P] [--without FEATURE]...

--without drops a feature (an ablation: the printed figures are what the
decision would do without it; no model is written); --precision sets the
training precision the threshold keeps (PRECISION by default).

The figures are those of the tool's sources, not of any storyline binary:
the default tool is made from this checkout (make), so two binaries
measured from one checkout print the same figures. The fit has no
randomness and reads the pairs in the tool's order: the digest of the
tool's output, printed first, decides every figure (equal digests, equal
figures; issue 19's thirty-first round: the held-out figures that moved
"between runs", 0.9906 / 0.6725 and 0.9888 / 0.6694, were two tools, at
e122178 and after aa9dc64's sentences.c).

eval/copies_rewrites.py runs it (make eval) for the held-out figures.

Builds the corpus of eval/copies_rewrites.py (rewrite/llmfake and rewrite/l2r
originals and rewrites, BASIL and ECB+ as distractors), runs it through
`build/similarity-features --articles`, which plays ingest's copies stage
(each article meets the candidates the copy index proposes among the
articles before it) and prints the features of every compared pair, and
labels each pair as copies_rewrites.py classes it: TP (a rewrite and an
original of its group) 1; FP, BASIL same-event and other distractor pairs 0;
two rewrites or two originals of one group left out. The same corpus cut
to each text's first 2 and first 4 sentences (SHORT_LEADS) is run through
the tool too, each cut on its own, and its pairs join the fit, labelled
the same way: short same-event reports of different outlets are the
negatives the whole articles lack (align.c's gate, MODEL_WORDS, is what
is left of the length rule they replace). The threshold is picked on the
whole texts and the cut negatives the rules leave to the model.

Reported:
  - candidate recall: the share of rewrites whose original is among the
    candidates the index proposes (what the decision can see at all), and
    the candidate stage's cost per article;
  - the decision fitted and held out: folds are the generators of
    rewrite/l2r (GPT-4o, GPT-3.5, Llama, Gemini) and the datasets of
    rewrite/llmfake (politifact, gossipcop, coaid); each fold's pairs are
    decided by a model fitted on the other folds only (weights and
    threshold), negatives without a rewrite spread over the folds by a hash
    of the pair. The held-out figures are the ones that count.
  - the cut texts held out: rewrite recall, and BASIL same-event pairs
    called rewrites (copies_heldout_short_*);
  - the final weights, fitted on all folds, to paste into decide.c.

The model is a few shallow regression trees, gradient-boosted on the log
loss (TREES trees of depth DEPTH, each split on one of BINS quantile cuts of
a feature, Newton leaf values); a logistic regression over the same
features was tried first and held out at recall 0.67 for precision 0.99
(names-and-figures gates before it: 0.70), the trees at 0.86: a rewrite
needs several measures high at once, which a sum of weights does not say.
BASIL same-event pairs weigh BASIL_WEIGHT in the fit and in the threshold:
they are few and are the negatives that matter most. The threshold is the
lowest probability at which the training pairs keep precision >= PRECISION.
Only the pairs the engine aligns (sl_copy_worth_aligning) are fitted.
Standard library only.
"""
import argparse
import collections
import hashlib
import math
import os
import re
import subprocess
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copies_rewrites as cr  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FEATURES = ["order", "terms", "cover_min", "match_min", "match_max", "names", "figures",
            "length_ratio", "best_sentence", "size", "aligned_min", "terms_of_more", "paired",
            "anchor_order", "term_spread", "match_spread", "figures_count"]
RULE_KINDS = ("near", "contains", "excerpt")   # decided by rules, not by the model
PRECISION = 0.996
TREES, DEPTH, BINS, RATE, L2, MIN_HESSIAN = 40, 3, 32, 0.3, 1.0, 1.0
BASIL_WEIGHT = 40.0
ECB_WEIGHT = 0.3
WORTH_ORDER, WORTH_TERMS = 0.15, 0.30    # sl_copy_worth_aligning (decide.c)
MODEL_WORDS = 32                          # align.c
# Short reports: every text of the corpus cut to its first LEADS sentences
# (each cut a corpus of its own), so that the fit sees short same-event
# reports of different outlets as negatives and short rewrites as positives
SHORT_LEADS = (2, 4)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def worth(row):
    return row[3][0] >= WORTH_ORDER or row[3][1] >= WORTH_TERMS


def kept_wording(row):
    """align.c's rule beside the model: 0.4 of the wording in order, 20 words
    at least, 0.8 of the names and figures."""
    f = row[3]
    fewer = round(math.expm1(5 * f[9]))
    return f[0] >= 0.40 and f[0] * fewer >= 20 and f[5] >= 0.8 and f[6] >= 0.8


def anchors(row):
    """align.c's names and figures agreement for the model's rewrites
    (COPY_NAMES, figures_agree): Reuters wire items on one subject share
    wording and differ in their figures. Of the figures one more counts as
    kept (2 of 3 agree, 1 of 2 does not). The model judges texts of
    MODEL_WORDS content words at least (the shorter; align.c)."""
    fewer = round(math.expm1(5 * row[3][9]))
    figures = round(math.expm1(5 * row[3][16]))
    kept = round(row[3][6] * figures)
    return row[3][5] >= 0.6 and (kept + 1) / (figures + 1) >= 0.7 and fewer >= MODEL_WORDS


def by_rule(row):
    return row[2] in RULE_KINDS or (worth(row) and kept_wording(row))


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


class Trees:
    """Gradient-boosted regression trees on the log loss. A node is
    (feature, cut, left, right) with x[feature] <= cut going left, or a leaf
    (-1, value, 0, 0); `trees` holds each tree's root index."""

    def __init__(self):
        self.nodes, self.trees, self.base = [], [], 0.0

    def raw(self, x):
        z = self.base
        for root in self.trees:
            n = root
            while self.nodes[n][0] >= 0:
                f, cut, left, right = self.nodes[n]
                n = left if x[f] <= cut else right
            z += self.nodes[n][1]
        return z

    def prob(self, x):
        return sigmoid(self.raw(x))

    def fit(self, X, Y, W):
        nf = len(X[0])
        cuts = []
        for f in range(nf):
            vals = sorted({x[f] for x in X})
            step = max(1, len(vals) // BINS)
            cuts.append(vals[step - 1:-1:step] if len(vals) > 1 else [])
        bins = [[sum(1 for c in cuts[f] if x[f] > c) for f in range(nf)] for x in X]
        pos = sum(w for y, w in zip(Y, W) if y)
        tot = sum(W)
        self.base = math.log(max(pos, 1e-9) / max(tot - pos, 1e-9))
        F = [self.base] * len(X)
        for _ in range(TREES):
            P = [sigmoid(z) for z in F]
            G = [w * (p - y) for p, y, w in zip(P, Y, W)]
            H = [w * p * (1 - p) for p, w in zip(P, W)]
            root = self.grow(list(range(len(X))), bins, cuts, G, H, DEPTH)
            self.trees.append(root)
            for i, x in enumerate(X):
                n = root
                while self.nodes[n][0] >= 0:
                    n = self.nodes[n][2] if x[self.nodes[n][0]] <= self.nodes[n][1] else self.nodes[n][3]
                F[i] += self.nodes[n][1]
        return self

    def grow(self, idx, bins, cuts, G, H, depth):
        g, h = sum(G[i] for i in idx), sum(H[i] for i in idx)
        best = None
        if depth > 0 and h >= 2 * MIN_HESSIAN:
            parent = g * g / (h + L2)
            for f in range(len(cuts)):
                nb = len(cuts[f]) + 1
                hg, hh = [0.0] * nb, [0.0] * nb
                for i in idx:
                    b = bins[i][f]
                    hg[b] += G[i]
                    hh[b] += H[i]
                gl = hl = 0.0
                for b in range(nb - 1):
                    gl += hg[b]
                    hl += hh[b]
                    gr, hr = g - gl, h - hl
                    if hl < MIN_HESSIAN or hr < MIN_HESSIAN:
                        continue
                    gain = gl * gl / (hl + L2) + gr * gr / (hr + L2) - parent
                    if best is None or gain > best[0]:
                        best = (gain, f, b)
        if best is None or best[0] <= 1e-9:
            self.nodes.append((-1, -RATE * g / (h + L2), 0, 0))
            return len(self.nodes) - 1
        _, f, b = best
        at = len(self.nodes)
        self.nodes.append(None)
        left = self.grow([i for i in idx if bins[i][f] <= b], bins, cuts, G, H, depth - 1)
        right = self.grow([i for i in idx if bins[i][f] > b], bins, cuts, G, H, depth - 1)
        self.nodes[at] = (f, cuts[f][b], left, right)
        return at

    def c_source(self):
        lines = ["static const double model_base = %.6f;" % self.base,
                 "static const uint16_t model_trees[%d] = {%s};" % (len(self.trees), ", ".join(map(str, self.trees))),
                 "static const tree_node model_nodes[%d] = {" % len(self.nodes)]
        for f, v, l, r in self.nodes:
            lines.append("    {%d, %.6f, %d, %d}," % (f, v, l, r))
        lines.append("};")
        return "\n".join(lines)


def fit(rows, labels, weights):
    return Trees().fit([r[3] for r in rows], labels, weights)


def corpus(data, sample=0):
    c = cr.Corpus()
    cr.add_llmfake(c, os.path.join(data, "rewrite/llmfake/llmfake_pairs.jsonl.gz"), sample)
    cr.add_l2r(c, os.path.join(data, "rewrite/l2r/pairs.jsonl.gz"), sample)
    cr.add_basil(c, os.path.join(data, "stories/basil"), sample)
    cr.add_ecb(c, os.path.join(data, "clustering/ecbplus"), sample)
    cr.group_originals(c)
    return c


def run_tool(tool, c, gold_pairs, digest):
    """The tool's candidates and compared pairs for corpus c, and its
    listed gold pairs; its output goes into `digest` as well."""
    lines = []
    for r in c.records:
        t = r["text"].replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ").replace("\r", " ")
        lines.append("%s\t%s\n" % (r["id"], t))
    lines.append("--\n")
    lines.extend("%s\t%s\n" % p for p in gold_pairs)
    p = subprocess.run([tool, "--articles"], input="".join(lines), capture_output=True, text=True,
                       check=True)
    digest.update(p.stdout.encode())
    cands, pairs, gold = {}, [], {}
    for line in p.stdout.splitlines():
        parts = line.split(" ")
        if parts[0] == "C":
            cands[parts[1]] = parts[2:]
        elif parts[0] in "PG":
            bar = parts.index("|")   # the decision's features | the degree's other measure
            row = (parts[1], parts[2], parts[3], [float(v) for v in parts[4:bar]],
                   [float(v) for v in parts[bar + 1:]])
            (pairs.append(row) if parts[0] == "P" else gold.__setitem__((parts[1], parts[2]), row))
    return cands, pairs, gold, p.stderr.strip()


def short_corpus(c, leads):
    """The corpus cut to each text's first `leads` sentences, keys prefixed
    "leadN:", and the pairs to compare besides the index's candidates: each
    rewrite with its originals, and BASIL same-event reports of different
    outlets."""
    s = cr.Corpus()
    for k, m in c.meta.items():
        sentences = [x for x in SENTENCE_END.split(m["text"]) if x.strip()]
        if len(sentences) <= 1:
            continue
        meta = dict(m)
        key = "lead%d:%s" % (leads, k)
        s.records.append({"id": key, "text": " ".join(sentences[:leads])})
        meta["text"] = s.records[-1]["text"]
        s.meta[key] = meta
    originals, events = collections.defaultdict(list), collections.defaultdict(list)
    for k, m in s.meta.items():
        if m["role"] == "original":
            originals[m["group"]].append(k)
        elif m["role"] == "basil":
            events[m["event"]].append(k)
    listed = [(k, o) for k, m in s.meta.items() if m["role"] == "rewrite" for o in originals[m["group"]]]
    listed += [(k, o) for ks in events.values() for k in ks for o in ks if k < o]
    return s, listed


def short_pairs(tool, c, digest):
    """Compared pairs of the short corpora: the index's candidates and the
    listed pairs, each pair once."""
    out, meta = [], {}
    for leads in SHORT_LEADS:
        s, listed = short_corpus(c, leads)
        _, pairs, gold, _ = run_tool(tool, s, listed, digest)
        seen = {frozenset(r[:2]) for r in pairs}
        out.extend(pairs + [r for r in gold.values() if frozenset(r[:2]) not in seen])
        meta.update(s.meta)
    c.meta.update(meta)
    return out


def fold_of(c, ka, kb):
    for k in (ka, kb):
        m = c.meta[k]
        if m["role"] == "rewrite":
            s = m["subset"]
            return s.split("/")[1] if s.startswith("llmfake") else s
    return None


def label_pairs(c, pairs):
    """The compared pairs the fit learns from, with their labels (1 a
    rewrite and an original of its group), weights, folds (a rewrite's
    generator or dataset; a negative's BASIL event or ECB+ topic, else the
    pair, hashed into one of 7) and whether they are cut texts."""
    rows, labels, folds, weights, shorts = [], [], [], [], []
    for r in pairs:
        cls = cr.classify(c.meta[r[0]], c.meta[r[1]])
        # two rewrites or two originals of one group say nothing; ECB+ holds
        # real wire copies, which the rules call near, contains or excerpt:
        # the other ECB+ pairs are same-topic reports, negatives
        if cls == "ignored" or (cls == "distractor" and r[2] in RULE_KINDS):
            continue
        rows.append(r)
        shorts.append(r[0].startswith("lead"))
        labels.append(1 if cls == "tp" else 0)
        weights.append({"basil": BASIL_WEIGHT, "distractor": ECB_WEIGHT}.get(cls, 1.0))
        m = c.meta[r[0]]
        unit = m.get("event") or m.get("topic") or "%s %s" % r[:2]
        folds.append(fold_of(c, r[0], r[1]) or "neg%d" % (zlib.crc32(unit.encode()) % 7))
    return rows, labels, folds, weights, shorts


def decide(model, t, row):
    return by_rule(row) or (worth(row) and anchors(row) and model.prob(row[3]) >= t)


def pick_threshold(model, rows, labels, weights):
    """Lowest t at which the rules and the model together keep (weighted)
    precision >= PRECISION on these rows, ECB+ pairs left out (as
    copies_rewrites.py leaves them out of precision)."""
    ruled = [(y, w) for r, y, w in zip(rows, labels, weights) if by_rule(r) and w != ECB_WEIGHT]
    scored = sorted(((model.prob(r[3]), y, w) for r, y, w in zip(rows, labels, weights)
                     if not by_rule(r) and anchors(r) and w != ECB_WEIGHT), key=lambda x: -x[0])
    tp = float(sum(y for y, _ in ruled))
    fp = float(sum((not y) * w for y, w in ruled))
    best = scored[0][0] + 1e-9 if scored else 0.5
    for p, y, w in scored:
        tp += y
        fp += (not y) * w
        if tp and tp / (tp + fp) >= PRECISION:
            best = p
    return best


def fit_with_threshold(rows, labels, weights, shorts, tr):
    """The trees fitted on rows tr and their threshold, picked on the whole
    texts and the short negatives the rules leave to the model (short
    rewrites are no reason to lower it, nor the rules' own errors on cut
    texts a reason to raise it)."""
    model = fit([rows[k] for k in tr], [labels[k] for k in tr], [weights[k] for k in tr])
    th = [k for k in tr if not (shorts[k] and (labels[k] or by_rule(rows[k])))]
    return model, pick_threshold(model, [rows[k] for k in th], [labels[k] for k in th], [weights[k] for k in th])


def report_short(c, rows, labels, shorts, fitted, held):
    """The short reports (texts cut to their leads): rewrites found, and
    same-event pairs of different outlets called rewrites."""
    print("\n== short reports (the first %s sentences of each text)" % " or ".join(map(str, SHORT_LEADS)))
    sel = [k for k in range(len(rows)) if shorts[k]]
    keys = {r[0] for k in sel for r in [rows[k]] if c.meta[r[0]]["role"] == "rewrite"}
    keys |= {r[1] for k in sel for r in [rows[k]] if c.meta[r[1]]["role"] == "rewrite"}
    for name, dec in (("fitted", fitted), ("held out", held)):
        f = figures(c, [rows[k] for k in sel], [labels[k] for k in sel], [dec[k] for k in sel], keys)
        print("%-9s rewrite recall %.3f (precision %.3f), BASIL same-event pairs called rewrites %d of %d,"
              " ECB+ same-topic %d" % (name, f["r"], f["p"], f["basil"],
                                       sum(cr.classify(c.meta[rows[k][0]], c.meta[rows[k][1]]) == "basil"
                                           for k in sel), f["ecb"]))
    print("SCORE copies_heldout_short_basil_pairs %d" % f["basil"])
    print("SCORE copies_heldout_short_recall %.4f" % f["r"])


def figures(c, rows, labels, decisions, rewrites):
    found = set()
    tp = fp = basil = ecb = 0
    for r, y, d in zip(rows, labels, decisions):
        if not d:
            continue
        cls = cr.classify(c.meta[r[0]], c.meta[r[1]])
        if cls == "tp":
            tp += 1
            found.update(k for k in r[:2] if c.meta[k]["role"] == "rewrite")
        elif cls == "fp":
            fp += 1
        elif cls == "basil":
            basil += 1
        elif cls == "distractor":
            ecb += 1
    rec = len(found & rewrites) / len(rewrites) if rewrites else 0.0
    return dict(tp=tp, fp=fp, basil=basil, ecb=ecb, p=tp / (tp + fp) if tp + fp else 0.0, r=rec)


def main():
    global PRECISION
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets"))
    ap.add_argument("--tool", default=os.path.join(ROOT, "build/similarity-features"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--dump", help="write the labelled pairs here (TSV)")
    ap.add_argument("--model", help="write the model fitted on all folds here, as C for decide.c")
    ap.add_argument("--precision", type=float, default=PRECISION,
                    help="training precision the threshold keeps (default %(default)s)")
    ap.add_argument("--without", action="append", default=[], choices=FEATURES,
                    help="fit without this feature (an ablation: the model is not for decide.c)")
    args = ap.parse_args()
    PRECISION = args.precision
    if args.tool == os.path.join(ROOT, "build/similarity-features"):
        subprocess.run(["make", "-s", "-C", ROOT, "build/similarity-features"], check=True)
    c = corpus(args.data, args.sample)
    rewrites = [k for k, m in c.meta.items() if m["role"] == "rewrite"]
    originals = collections.defaultdict(list)
    for k, m in c.meta.items():
        if m["role"] == "original":
            originals[m["group"]].append(k)
    gold_pairs = [(k, o) for k in rewrites for o in originals[c.meta[k]["group"]]]
    digest = hashlib.sha1()
    cands, pairs, gold, cost = run_tool(args.tool, c, gold_pairs, digest)
    short = short_pairs(args.tool, c, digest)
    if args.without:
        keep = [k for k, name in enumerate(FEATURES) if name not in args.without]
        pairs, short = ([r[:3] + ([r[3][k] for k in keep],) for r in rows] for rows in (pairs, short))
        if args.model:
            sys.exit("fit_copies.py: --model with --without would not fit decide.c's features")

    # what the figures below are a function of: the fit has no randomness
    # and reads the pairs in the tool's order, so one digest, one result
    print("== features: %s, output digest %s" % (args.tool, digest.hexdigest()[:16]))
    print("== candidate stage: %s" % cost)
    by_fold = collections.defaultdict(lambda: [0, 0])
    missed = []
    for k in rewrites:
        hit = any(c.meta[o]["role"] == "original" and c.meta[o]["group"] == c.meta[k]["group"]
                  for o in cands.get(k, []))
        f = by_fold[fold_of(c, k, k)]
        f[0] += hit
        f[1] += 1
        if not hit:
            missed.append(k)
    tot = sum(v[0] for v in by_fold.values()), sum(v[1] for v in by_fold.values())
    print("candidate recall (original among the rewrite's candidates): %.4f (%d of %d)"
          % (tot[0] / tot[1], tot[0], tot[1]))
    for f, (h, n) in sorted(by_fold.items()):
        print("  %-22s %.4f (%d of %d)" % (f, h / n, h, n))
    print("missed (rewrites whose original the index does not propose): %s" % " ".join(sorted(missed)))
    print("SCORE copies_candidate_recall %.4f" % (tot[0] / tot[1]))

    rows, labels, folds, weights, shorts = label_pairs(c, pairs + short)
    if args.dump:
        with open(args.dump, "w") as f:
            for r, y, fo in zip(rows, labels, folds):
                cls = cr.classify(c.meta[r[0]], c.meta[r[1]])
                f.write("%d\t%s\t%s\t%s\t%s\t%s\t%s\n" % (y, cls, fo, r[0], r[1], r[2],
                                                          " ".join("%.4f" % v for v in r[3])))
    gens = sorted({f for f in folds if not f.startswith("neg")})
    neg_folds = sorted({f for f in folds if f.startswith("neg")})
    print("\n== %d compared pairs (%d TP), folds: %s" % (len(rows), sum(labels), ", ".join(gens)))

    held = [None] * len(rows)
    for i, g in enumerate(gens):
        out = {g, neg_folds[i % len(neg_folds)]} if neg_folds else {g}
        tr = [k for k in range(len(rows)) if folds[k] not in out and worth(rows[k])]
        model, t = fit_with_threshold(rows, labels, weights, shorts, tr)
        for k in range(len(rows)):
            if folds[k] in out:
                held[k] = decide(model, t, rows[k])
    # pairs of negative folds left out of every generator's fold: decided by the last model
    held = [h if h is not None else decide(model, t, rows[k]) for k, h in enumerate(held)]
    model, t = fit_with_threshold(rows, labels, weights, shorts, [k for k in range(len(rows)) if worth(rows[k])])
    fitted = [decide(model, t, r) for r in rows]

    print("\n%-22s %6s %6s %6s %6s  %6s %6s %6s %6s %6s" % ("subset", "rewr", "fitP", "fitR", "fitFP",
                                                            "heldP", "heldR", "heldFP", "BASIL", "ECB+"))
    subsets = [("all", set(rewrites))] + [
        (g, {k for k in rewrites if fold_of(c, k, k) == g}) for g in gens]
    for name, keys in subsets:
        sel = [k for k in range(len(rows)) if not shorts[k] and (name == "all" or folds[k] == name)]
        fa = figures(c, [rows[k] for k in sel], [labels[k] for k in sel], [fitted[k] for k in sel], keys)
        ho = figures(c, [rows[k] for k in sel], [labels[k] for k in sel], [held[k] for k in sel], keys)
        print("%-22s %6d %6.3f %6.3f %6d  %6.3f %6.3f %6d %6d %6d"
              % (name, len(keys), fa["p"], fa["r"], fa["fp"], ho["p"], ho["r"], ho["fp"], ho["basil"], ho["ecb"]))
        tag = "" if name == "all" else "_" + cr.slug(name)
        print("SCORE copies_heldout_recall%s %.4f" % (tag, ho["r"]))
        if name == "all":
            print("SCORE copies_heldout_precision %.4f" % ho["p"])
            print("SCORE copies_heldout_basil_pairs %d" % ho["basil"])
            print("SCORE copies_heldout_ecb_pairs %d" % ho["ecb"])
            print("SCORE copies_fitted_recall %.4f" % fa["r"])
            print("SCORE copies_fitted_precision %.4f" % fa["p"])
    report_short(c, rows, labels, shorts, fitted, held)
    if args.model:
        with open(args.model, "w") as f:
            f.write("/* features: %s */\n%s\nconst double sl_copy_rewrite_threshold = %.6f;\n"
                    % (", ".join(FEATURES), model.c_source(), t))
        print("\nmodel (%d trees, %d nodes, threshold %.4f) written to %s"
              % (len(model.trees), len(model.nodes), t, args.model))


if __name__ == "__main__":
    sys.exit(main())
