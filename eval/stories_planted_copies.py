"""stories_planted_copies.py — ECB+ with copies planted (a fraction f of
articles given k exact or lightly edited copies, the original's event as
gold), ingested by two storyline binaries; story B3 F1 over the originals
and over all, per half (topics 1-20 / 21-35), and the events split. It
measured the thirty-seventh round's stories9 (reverted: docs/eval.md,
"Thirty-seventh round: stories whatever the order, reverted").

    /usr/bin/python3 eval/stories_planted_copies.py --old OLD_BIN --new build/storyline \
        --data ../shared/datasets --out build/eval/planted --log build/eval/planted.jsonl
"""
import argparse
import collections
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories as S  # noqa: E402

def perturb(text, rnd):
    sents = [s for s in text.split("\n")]
    if len(sents) > 2:                       # drop one sentence (not the first)
        del sents[rnd.randrange(1, len(sents))]
    words = "\n".join(sents).split(" ")
    idx = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3]
    for i in rnd.sample(idx, min(4, len(idx))):   # change four words
        words[i] = rnd.choice(["reportedly", "officials", "Tuesday", "local", "several",
                               "according", "statement", "later"])
    return " ".join(words)

def variant(data, f, k, kind, seed):
    docs = S.ecbplus(data, 1)
    rnd = random.Random("%s-%s-%s-%s" % (f, k, kind, seed))
    out = []
    for d in docs:
        d = dict(d, orig=True, group=d["key"])
        out.append(d)
        if rnd.random() < f:
            for j in range(k):
                c = dict(d, key="%s#copy%d" % (d["key"], j), orig=False,
                         source="copyoutlet%d" % j)
                if kind == "edit":
                    c["text"] = perturb(d["text"], random.Random(c["key"] + str(seed)))
                out.append(c)
    return out

def run(binary, out, name, docs):
    args = argparse.Namespace(bin=binary, out=out, granularity=0)
    st, _, _ = S.run_storyline(args, name, docs, 0)
    return st

def measure(docs, st):
    res = {}
    for half, cond in (("lo", lambda d: d["topic"] <= 20), ("hi", lambda d: d["topic"] > 20)):
        for sub, c2 in (("orig", lambda d: d["orig"]), ("all", lambda d: True)):
            keep = [cond(d) and c2(d) for d in docs]
            res[half + "_" + sub] = S.bcubed(S.subset(st, keep), S.subset([d["story"] for d in docs], keep))[2]
    ev = collections.defaultdict(set); ev_all = collections.defaultdict(set)
    for d, s in zip(docs, st):
        ev_all[d["story"]].add(s)
        if d["orig"]: ev[d["story"]].add(s)
    res["split_orig"] = sum(len(v) > 1 for v in ev.values())
    res["nstories_orig"] = sum(len(v) for v in ev.values())
    res["split_all"] = sum(len(v) > 1 for v in ev_all.values())
    res["nstories_all"] = sum(len(v) for v in ev_all.values())
    st_of = {d["key"]: s for d, s in zip(docs, st)}
    cop = [d for d in docs if not d["orig"]]
    res["copy_with_orig"] = sum(st_of[d["key"]] == st_of[d["group"]] for d in cop) / max(1, len(cop))
    return res

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--f", type=float, nargs="+", default=[0.1, 0.3, 0.5])
    ap.add_argument("--k", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--kind", nargs="+", default=["exact", "edit"])
    ap.add_argument("--seed", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--order", nargs="+", default=["file", "shuf"])
    ap.add_argument("--base", action="store_true")
    ap.add_argument("--old", required=True, help="the binary to compare against")
    ap.add_argument("--new", required=True)
    ap.add_argument("--data", default="../shared/datasets")
    ap.add_argument("--out", default="build/eval/planted")
    ap.add_argument("--log", default="build/eval/planted.jsonl")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    combos = [(0.0, 0, "none", 0)] if a.base else [(f, k, kind, seed) for seed in a.seed for f in a.f for k in a.k for kind in a.kind]
    for f, k, kind, seed in combos:
        docs = variant(a.data, f, k, kind, seed)
        for order in a.order:
            dd = list(docs)
            if order == "shuf":
                random.Random(1000 + seed).shuffle(dd)
            name = "v_%s_%s_%s_%s_%s" % (f, k, kind, seed, order)
            row = dict(f=f, k=k, kind=kind, seed=seed, order=order, n=len(dd))
            for b, binary in (("old", a.old), ("new", a.new)):
                t = time.time()
                row[b] = measure(dd, run(binary, a.out, name + "_" + b, dd))
                row[b]["sec"] = round(time.time() - t, 1)
            with open(a.log, "a") as fh:
                fh.write(json.dumps(row) + "\n")
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
