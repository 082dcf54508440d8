#!/usr/bin/env python3
"""copies_seeds.py - copy relations among the five seed reports (issue 3).

    python3 eval/copies_seeds.py --bin build/storyline --db build/eval/copies_seeds.db \
        --seeds ../shared/datasets/seeds

Ingests seeds/*.txt (undated) into a fresh store and reads the copy relations
back (`storyline --json export`). The target: exactly one relation, a rewrite,
between the two reports that reword one text, with at least five aligned
sentence pairs as evidence, and none among the other nine pairs.

Which two reports reword one text is not written down anywhere, and no file is
named here. The script decides it from the raw files with its own measure,
independent of the engine: sentences are split at . ! ? and compared by the
Dice overlap of their content words (4+ letters, lower-cased); a monotone
(order-keeping) alignment counts the sentence pairs with Dice >= DICE. The
pair with the most aligned sentences is the expected one; it must lead the
runner-up clearly (by MARGIN aligned sentences) for the check to be decisive.

Scores:
  seeds_copy_relations          relations among the five seeds (target exactly 1)
  seeds_copy_pair_right         1 when the one relation is a rewrite between the
                                expected pair, else 0
  seeds_rewrite_evidence_pairs  evidence pairs of that relation (0 when there is none)
Standard library only.
"""
import argparse
import glob
import itertools
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copylib  # noqa: E402

DICE = 0.5          # two sentences share half their content words
MARGIN = 3          # aligned sentences the expected pair must lead by
SENT_RE = re.compile(r"[^.!?\n]+[.!?]*")
CONTENT_RE = re.compile(r"[^\W\d_]{4,}")


def sentences(text):
    out = []
    for s in SENT_RE.findall(text):
        ws = set(CONTENT_RE.findall(s.lower()))
        if len(ws) >= 3:
            out.append(ws)
    return out


def dice(a, b):
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def aligned(sa, sb):
    """Sentence pairs in the best monotone alignment with Dice >= DICE."""
    prev = [0] * (len(sb) + 1)
    for x in sa:
        cur = [0] * (len(sb) + 1)
        for j, y in enumerate(sb, 1):
            hit = 1 if dice(x, y) >= DICE else 0
            cur[j] = max(prev[j], cur[j - 1], prev[j - 1] + hit)
        prev = cur
    return prev[-1]


def jaccard(a, b):
    a, b = set().union(*a) if a else set(), set().union(*b) if b else set()
    return len(a & b) / len(a | b) if a | b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--db", required=True)
    ap.add_argument("--seeds", default="../shared/datasets/seeds")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.seeds, "*.txt")))
    if len(files) < 2:
        copylib.die("copies_seeds: fewer than two .txt files in %s" % args.seeds)
    copylib.fresh_db(args.db)
    copylib.run(args.bin, ["--db", args.db, "--quiet", "ingest"] + files, "copies_seeds")
    arts, copies = copylib.export(args.bin, args.db, "copies_seeds")
    by_path = {os.path.realpath(a.get("path") or ""): a["id"] for a in arts.values()}
    ids = {f: by_path.get(os.path.realpath(f)) for f in files}
    if None in ids.values():
        copylib.die("copies_seeds: not every seed was stored: %s" % ids)
    name = {ids[f]: os.path.basename(f) for f in files}

    sents = {f: sentences(open(f, encoding="utf-8").read()) for f in files}
    print("== independent measure: aligned sentences (content-word Dice >= %.2f, in order),"
          " content-word Jaccard" % DICE)
    measure = []
    for fa, fb in itertools.combinations(files, 2):
        n = aligned(sents[fa], sents[fb])
        measure.append((n, jaccard(sents[fa], sents[fb]), ids[fa], ids[fb]))
    measure.sort(key=lambda m: (-m[0], -m[1]))
    for n, j, a, b in measure:
        print("  %-26s %-26s aligned %3d  jaccard %.3f" % (name[a], name[b], n, j))
    expected = {measure[0][2], measure[0][3]}
    decisive = measure[0][0] - measure[1][0] >= MARGIN
    print("expected pair: %s + %s (%s: leads the next pair by %d aligned sentences)"
          % (name[measure[0][2]], name[measure[0][3]], "decisive" if decisive else "NOT decisive",
             measure[0][0] - measure[1][0]))

    print("\n== relations reported by the engine")
    seed_ids = set(ids.values())
    rels = [c for c in copies if c["article"] in seed_ids and c["of"] in seed_ids]
    for c in rels:
        ev = c.get("evidence") or []
        print("  %s copies %s: kind %s, score %.3f, same_origin %s, credit %s, %d evidence pairs"
              % (name[c["article"]], name[c["of"]], c.get("kind"), c.get("score", 0),
                 c.get("same_origin"), c.get("credit"), len(ev)))
        for e in ev:
            print("      %.2f  %s\n            %s" % (e.get("similarity", 0),
                                                  copylib.snippet(e.get("article_text"), 90),
                                                  copylib.snippet(e.get("of_text"), 90)))
    if not rels:
        print("  none")

    right = (len(rels) == 1 and decisive and rels[0].get("kind") == "rewrite"
             and {rels[0]["article"], rels[0]["of"]} == expected)
    evidence = len(rels[0].get("evidence") or []) if len(rels) == 1 else 0
    print()
    print("SCORE seeds_copy_relations %d" % len(rels))
    print("SCORE seeds_copy_pair_right %d" % right)
    print("SCORE seeds_rewrite_evidence_pairs %d" % evidence)


if __name__ == "__main__":
    main()
