#!/usr/bin/env python3
"""copies_reuters.py - exact and near copies among the Reuters-21578 wire stories (issue 3).

    python3 eval/copies_reuters.py --bin build/storyline --src ../shared/datasets/scale/reuters21578 \
        --db build/eval/copies_reuters.db [--sample-out build/eval/reuters_copy_sample.txt]

Converts the corpus with bench/reuters_to_jsonl.py (19,043 stories with a
body, their own 1987 dates), ingests it into a fresh store and reads the copy
relations back (export). There are no labels; the script reports:
  - relations by kind, and the groups they form (connected articles);
  - its own independent duplicate measures, as the dataset README describes
    them: exact-duplicate bodies (same lower-cased \\w+ token sequence; the
    README counts 353 groups, 711 stories) and near-duplicate pairs (word
    5-gram Jaccard >= 0.5, ignoring 5-grams found in more than 200 bodies;
    the README re-measured 774 pairs);
  - how many of those the engine joins (two stories are joined when the
    engine links them, or links both to one third story; an exact group
    counts when every two of its stories are joined);
  - how many engine relations pass the README's near-duplicate rule
    (Jaccard >= 0.5 or containment >= 0.8 on those 5-grams), per kind;
  - a seeded pseudo-random sample of 50 relations: those whose pair of ids
    hashes lowest (so a relation the engine keeps stays in the sample when
    others change), each with both titles and
    the first 200 characters of both bodies side by side, written to
    --sample-out for checking by hand;
  - the same for the first 50 rewrite relations in that order, with the
    first 700 characters of both bodies, written to
    reuters_rewrite_sample.txt beside it (issue 19's hand check).

Scores (counts are informational; the floors are loose):
  reuters_relations, reuters_exact_relations, reuters_near_relations,
  reuters_groups, reuters_exact_group_recall, reuters_near_pair_recall,
  reuters_rule_agreement (share of exact/near relations passing the rule),
  reuters_numbers_differ (share of relations, among those with numbers to
  compare, where fewer than half the numbers of the text with fewer numbers
  are found in the other: a copy keeps its facts, so these are suspect).
Standard library only.
"""
import argparse
import collections
import json
import os
import hashlib
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import copylib  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_DF = 200        # 5-grams in more bodies than this are ignored (README)
SAMPLE = 50
SEED = 21578   # the samples' hash seed; --seed draws another sample
NUMBER_RE = re.compile(r"\d+(?:[.,/]\d+)*")


def components(edges):
    """{item: group root} for every item that appears in an edge."""
    groups = copylib.Groups()
    for a, b in edges:
        groups.union(a, b)
    return {x: groups.find(x) for x in list(groups.parent)}


def shingle_ids(docs):
    """key -> set of 5-gram hashes, without 5-grams in more than MAX_DF bodies."""
    sh = {k: {hash(s) for s in copylib.shingles(t)} for k, t in docs.items()}
    df = collections.Counter(h for s in sh.values() for h in s)
    return {k: {h for h in s if df[h] <= MAX_DF} for k, s in sh.items()}


def near_pairs(sh):
    """{(a, b): jaccard} for the pairs with 5-gram Jaccard >= 0.5."""
    out = {}
    for k, o, n in copylib.overlapping_pairs(sh):
        union = len(sh[k]) + len(sh[o]) - n
        if n >= 0.5 * union:
            out[(k, o)] = n / union
    return out


def overlap(sa, sb):
    n = len(sa & sb)
    union = len(sa | sb)
    return (n / union if union else 0.0, n / min(len(sa), len(sb)) if sa and sb else 0.0)


def numbers(text):
    return set(NUMBER_RE.findall(text))


def number_agreement(na, nb):
    """Share of the numbers of the text with fewer numbers that the other
    text has too; None when it has fewer than 2 (nothing to compare)."""
    small, other = (na, nb) if len(na) <= len(nb) else (nb, na)
    return len(small & other) / len(small) if len(small) >= 2 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--src", default="../shared/datasets/scale/reuters21578")
    ap.add_argument("--db", required=True)
    ap.add_argument("--jsonl", help="converted input (default: beside the store)")
    ap.add_argument("--sample-out", default=None)
    ap.add_argument("--checks", default=os.path.join(ROOT, "eval", "reuters_rewrite_checks.tsv"),
                    help="rewrite relations checked by hand (copy, of, verdict)")
    ap.add_argument("--seed", type=int, default=SEED,
                    help="hash seed of the samples (another seed: another sample, e.g. a held-out one)")
    ap.add_argument("--also-seeds", default="",
                    help="comma-separated further seeds: each rewrite sample's hand-check count printed "
                         "from the same store (no sample file written)")
    ap.add_argument("--rewrites-out", default=None,
                    help="write every rewrite relation (copy, original, verdict or '-') to this file")
    args = ap.parse_args()
    jsonl = args.jsonl or os.path.splitext(args.db)[0] + ".jsonl"
    sample_out = args.sample_out or os.path.join(os.path.dirname(args.db), "reuters_copy_sample.txt")

    conv = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "reuters_to_jsonl.py"),
                           args.src, jsonl], stderr=subprocess.PIPE, text=True)
    if conv.returncode:
        copylib.die("copies_reuters: conversion failed: " + conv.stderr)
    with open(jsonl, encoding="utf-8") as f:
        recs = {r["id"]: r for r in map(json.loads, f)}
    copylib.fresh_db(args.db)
    copylib.ingest(args.bin, args.db, jsonl, "copies_reuters")
    arts, copies = copylib.export(args.bin, args.db, "copies_reuters")
    key_of = {i: a.get("key") for i, a in arts.items()}
    print("stored %d of %d stories; %d copy relations" % (len(arts), len(recs), len(copies)))

    rels = [(key_of.get(r["article"]), key_of.get(r["of"]), r) for r in copies]
    rels = [t for t in rels if t[0] in recs and t[1] in recs]
    by_kind = collections.Counter(r.get("kind") for _, _, r in rels)
    comp = components((a, b) for a, b, _ in rels)
    groups = collections.Counter(comp.values())
    sizes = collections.Counter(groups.values())
    print("relations by kind: %s" % (", ".join("%s %d" % kv for kv in sorted(by_kind.items())) or "none"))
    print("engine groups (stories joined by any relation): %d, holding %d stories; sizes %s"
          % (len(groups), sum(groups.values()),
             ", ".join("%d×%d" % (n, s) for s, n in sorted(sizes.items()))))
    for kind in sorted(by_kind):
        kc = components((a, b) for a, b, r in rels if r.get("kind") == kind)
        print("  %s: %d groups, %d stories" % (kind, len(set(kc.values())), len(kc)))

    # Independent measures.
    bodies = {k: r["text"] for k, r in recs.items()}
    exact = collections.defaultdict(list)
    for k, t in bodies.items():
        exact[" ".join(copylib.words(t))].append(k)
    exact = [g for g in exact.values() if len(g) > 1]
    sh = shingle_ids(bodies)
    near = near_pairs(sh)
    # Two stories count as joined when the engine links them, or links both to
    # one third story (copies of one original); not through longer chains,
    # which a run of loose relations would make arbitrarily long.
    nbrs = collections.defaultdict(set)
    for a, b, _ in rels:
        nbrs[a].add(b)
        nbrs[b].add(a)
    joined = lambda a, b: b in nbrs[a] or bool(nbrs[a] & nbrs[b])
    ex_ok = sum(all(joined(k, o) for i, k in enumerate(g) for o in g[i + 1:]) for g in exact)
    ex_docs = sum(len(g) for g in exact)
    ex_doc_ok = sum(any(joined(k, o) for o in g if o != k) for g in exact for k in g)
    nr_ok = sum(joined(a, b) for a, b in near)
    nr_direct = sum(b in nbrs[a] for a, b in near)
    print("\n== independent measures (joined: linked directly or through one common story)")
    print("exact-duplicate bodies: %d groups, %d stories; engine joins %d groups whole (%.3f), "
          "%d stories to another of their group (%.3f)"
          % (len(exact), ex_docs, ex_ok, ex_ok / len(exact) if exact else 0, ex_doc_ok,
             ex_doc_ok / ex_docs if ex_docs else 0))
    print("near-duplicate pairs (5-gram Jaccard >= 0.5): %d; engine joins %d (%.3f), %d directly"
          % (len(near), nr_ok, nr_ok / len(near) if near else 0, nr_direct))
    agree = collections.Counter()
    for a, b, r in rels:
        j, c = overlap(sh[a], sh[b])
        agree[(r.get("kind"), j >= 0.5 or c >= 0.8)] += 1
    for kind in sorted(by_kind):
        n = agree[(kind, True)] + agree[(kind, False)]
        print("  %s relations passing Jaccard >= 0.5 or containment >= 0.8: %d of %d"
              % (kind, agree[(kind, True)], n))
    nums = {k: numbers(t) for k, t in bodies.items()}
    checked = collections.Counter()
    differ = collections.Counter()
    for a, b, r in rels:
        agree_n = number_agreement(nums[a], nums[b])
        if agree_n is not None:
            checked[r.get("kind")] += 1
            differ[r.get("kind")] += agree_n < 0.5
    print("numbers (a copy keeps its facts): relations where fewer than half the numbers of the"
          " text with fewer numbers (2 or more) are in the other:")
    for kind in sorted(by_kind):
        print("  %s: %d of %d checked" % (kind, differ[kind], checked[kind]))
    en = [(a, b, r) for a, b, r in rels if r.get("kind") in ("exact", "near")]
    rule_ok = sum(agree[(k, True)] for k in ("exact", "near"))

    def pair_hash(t, seed=args.seed):
        a, b = sorted((t[0], t[1]))
        return hashlib.sha1(("%d:%s:%s" % (seed, a, b)).encode()).hexdigest()

    def write_sample(path, chosen, total, what, chars):
        """The relations in `chosen`, the copy (left) beside its original."""
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("Reuters-21578 %s: %d of %d, those whose ids hash lowest (seed %d), for checking by hand.\n"
                    "Each: kind, score, then the copy (left) and its original (right): id, date, title,\n"
                    "first %d characters of the body.\n\n" % (what, len(chosen), total, args.seed, chars))
            for n, (a, b, r) in enumerate(chosen, 1):
                j, c = overlap(sh[a], sh[b])
                agree_n = number_agreement(nums[a], nums[b])
                f.write("%2d. %s %.3f (5-gram Jaccard %.2f, containment %.2f, numbers shared %s)\n"
                        % (n, r.get("kind"), r.get("score", 0), j, c,
                           "-" if agree_n is None else "%.2f" % agree_n))
                ra, rb = recs[a], recs[b]
                f.write("    %-58s | %s\n" % ("#%s %s" % (a, ra.get("published")), "#%s %s" % (b, rb.get("published"))))
                f.write("    %-58s | %s\n" % (copylib.snippet(ra.get("title"), 58), copylib.snippet(rb.get("title"), 58)))
                f.write("\n".join(copylib.side_by_side(ra["text"], rb["text"], chars)) + "\n\n")
        print("sample of %d %s for checking by hand: %s" % (len(chosen), what, path))

    ranked = sorted(rels, key=pair_hash)
    print()
    write_sample(sample_out, ranked[:SAMPLE], len(rels), "copy relations", 200)
    # Issue 19 asks for 50 rewrite relations checked by hand; a rewrite is
    # judged on more of both texts than an exact or near copy.
    rewrites = [t for t in ranked if t[2].get("kind") == "rewrite"]
    write_sample(os.path.join(os.path.dirname(os.path.abspath(sample_out)), "reuters_rewrite_sample.txt"),
                 rewrites[:SAMPLE], len(rewrites), "rewrite relations", 700)
    checks = copylib.read_checks(args.checks)
    verdicts = [checks.get((a, b)) for a, b, _ in rewrites[:SAMPLE]]
    hand_right = verdicts.count("right")
    hand_checked = len(verdicts) - verdicts.count(None)
    print("rewrite sample checked by hand (%s): %d of %d checked, %d right, %d wrong%s"
          % (os.path.basename(args.checks), hand_checked, len(verdicts), hand_right,
             hand_checked - hand_right,
             "" if hand_checked == len(verdicts) else "; check the rest and add them to the file"))
    for seed in (int(x) for x in args.also_seeds.split(",") if x):
        drawn = sorted(rewrites, key=lambda t, seed=seed: pair_hash(t, seed))[:SAMPLE]
        seen = [checks.get((a, b)) for a, b, _ in drawn]
        unchecked = ", ".join("%s/%s" % (a, b) for (a, b, _), v in zip(drawn, seen) if v is None)
        print("  seed %d: %d of %d checked, %d right%s" % (seed, len(seen) - seen.count(None), len(seen),
              seen.count("right"), "; unchecked " + unchecked if unchecked else ""))
    if args.rewrites_out:
        with open(args.rewrites_out, "w", encoding="utf-8") as f:
            for a, b, _ in sorted(rewrites, key=lambda t: (int(t[0]), int(t[1]))):
                f.write("%s\t%s\t%s\n" % (a, b, checks.get((a, b)) or "-"))

    print()
    print("SCORE reuters_relations %d" % len(rels))
    print("SCORE reuters_exact_relations %d" % by_kind.get("exact", 0))
    print("SCORE reuters_near_relations %d" % by_kind.get("near", 0))
    print("SCORE reuters_groups %d" % len(groups))
    print("SCORE reuters_exact_group_recall %.4f" % (ex_ok / len(exact) if exact else 0))
    print("SCORE reuters_near_pair_recall %.4f" % (nr_ok / len(near) if near else 0))
    print("SCORE reuters_rule_agreement %.4f" % (rule_ok / len(en) if en else 0))
    n_checked = sum(checked.values())
    print("SCORE reuters_rewrite_sample_right %d" % hand_right)
    print("SCORE reuters_rewrite_sample_checked %d" % hand_checked)
    print("SCORE reuters_numbers_differ %.4f" % (sum(differ.values()) / n_checked if n_checked else 0))


if __name__ == "__main__":
    main()
