#!/usr/bin/python3
"""extraction_misses.py - where the body is most wrong on the WCXB dev article
pages of even id (the half the block model is fitted and tuned on).

    /usr/bin/python3 eval/extraction_misses.py [--data ../shared/datasets/extraction] [--worst N]

Dumps the blocks and the shipped trees' scores and decisions as eval/fit_extraction.py
does (into build/extraction-misses, about a minute), labels each
block as that script does, and prints the worst pages by bag-of-words F1
(fit_extraction.py's join) and the words lost, as page shares: blocks kept
and not in the gold by their place against the gold's first and last block
(before / inside / after), by the element that holds them and whether the
container writer kept them; gold blocks left out the same way. Only even ids
are read: rules and features may be chosen on them (docs/extraction.md).
"""
import argparse
import collections

import numpy as np

import fit_extraction as fx

KINDS = ("p", "li", "heading", "cell", "quote", "other")
KIND0 = 11   # the feature index of the first element kind (blocks.c own_features)


def kind(x):
    hits = [k for k in range(5) if x[KIND0 + k]]
    return KINDS[hits[0]] if hits else KINDS[5]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--build", default="build")
    ap.add_argument("--worst", type=int, default=25)
    a = ap.parse_args()
    tool, cache = fx.fresh_dump(a.build, "extraction-misses")
    pages = [p for p in fx.load_set("wcxb", a.data, tool, cache) if p["kind"] == "article" and p["even"]]
    extra, missed, place, rows = collections.Counter(), collections.Counter(), collections.Counter(), []
    for p in pages:
        keep = p["shipped_keep"]
        gold = p["y"] >= 0.5
        f, prec, rec = fx.ex.bow_f1(fx.page_text(p, keep), p["gold"])
        rows.append((f, prec, rec, p["id"]))
        kept_words = max(1.0, p["ntok"][keep].sum())
        gold_words = max(1.0, p["ntok"][gold].sum())
        long_gold = np.flatnonzero(gold & (p["ntok"] >= 8))
        for j in range(len(p["y"])):
            who = ("writer's " if p["written"][j] else "other ") + kind(p["X"][j])
            if keep[j] and not gold[j]:
                extra[who] += p["ntok"][j] / kept_words
                if len(long_gold):
                    place["before" if j < long_gold[0] else "after" if j > long_gold[-1] else "inside"] += \
                        p["ntok"][j] / kept_words
            elif gold[j] and not keep[j]:
                missed[who] += p["ntok"][j] / gold_words
    rows.sort()
    print("%d even-id article pages, F1 %.4f; page-F1 points lost %.1f, %.1f of them on pages with P < R"
          % (len(rows), sum(r[0] for r in rows) / len(rows), sum(1 - r[0] for r in rows),
             sum(1 - r[0] for r in rows if r[1] < r[2])))
    print("kept, not in the gold, by place (page shares):", fmt(place))
    print("kept, not in the gold, by block (page shares):", fmt(extra))
    print("gold, left out, by block (page shares):", fmt(missed))
    print("worst pages (F1 P R id):")
    for f, prec, rec, i in rows[:a.worst]:
        print("  %.3f %.3f %.3f %s" % (f, prec, rec, i))


def fmt(c):
    return ", ".join("%s %.1f" % kv for kv in c.most_common(8))


if __name__ == "__main__":
    main()
