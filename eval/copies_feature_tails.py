#!/usr/bin/env python3
"""copies_feature_tails.py - how well each feature of the rewrite decision
parts true rewrites from same-event reports, one feature at a time (issue
19): reads the labelled pairs `fit_copies.py --dump FILE` writes.

    python3 eval/fit_copies.py --data ../shared/datasets --dump /tmp/pairs.tsv
    python3 eval/copies_feature_tails.py /tmp/pairs.tsv [--short] [FEATURE ...]

Only the pairs the model judges are read: whole texts (cut ones with
--short), worth aligning (fit_copies.worth), not decided by a rule kind
(near, contains, excerpt). For each feature (all by default; a dump of a
tool with more features than fit_copies.FEATURES names the extra ones f17,
f18, ...) it prints the quartiles of the true rewrites of each fold, of
BASIL same-event pairs, of other distractor (ECB+) pairs and of false
pairs, and the share of each fold's rewrites above BASIL's 90th and 99th
percentile and its highest: a feature that sets a fold apart from BASIL
is above the highest for many of its rewrites. The tails are read on
every fold at once: they describe the features, they choose nothing.
Standard library only.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_copies as fc  # noqa: E402


def read(path, short):
    groups = collections.defaultdict(list)
    width = 0
    with open(path) as f:
        for line in f:
            y, cls, fold, a, b, kind, values = line.rstrip("\n").split("\t")
            x = [float(v) for v in values.split()]
            width = max(width, len(x))
            row = (a, b, kind, x)
            if a.startswith("lead") != short or kind in fc.RULE_KINDS or not fc.worth(row):
                continue
            groups["rewrite " + fold if y == "1" else cls].append(x)
    return groups, width


def quantile(values, q):
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("features", nargs="*", help="feature names (default: all)")
    ap.add_argument("--short", action="store_true", help="the texts cut to their leads instead")
    args = ap.parse_args()
    groups, width = read(args.dump, args.short)
    names = fc.FEATURES + ["f%d" % k for k in range(len(fc.FEATURES), width)]
    unknown = [n for n in args.features if n not in names]
    if unknown:
        sys.exit("copies_feature_tails.py: no feature %s (known: %s)" % (", ".join(unknown), ", ".join(names)))
    basil = groups.get("basil", [])
    for name in args.features or names:
        k = names.index(name)
        print("== %s" % name)
        tail = sorted(x[k] for x in basil)
        cuts = [quantile(tail, 0.9), quantile(tail, 0.99), tail[-1]] if tail else []
        for g in sorted(groups):
            v = sorted(x[k] for x in groups[g])
            line = "  %-26s %5d  %.3f %.3f %.3f" % (g, len(v), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75))
            if g.startswith("rewrite") and cuts:
                line += "  above BASIL p90/p99/max %s" % " ".join(
                    "%.2f" % (sum(x > c for x in v) / len(v)) for c in cuts)
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
