#!/usr/bin/python3
"""fit_extraction.py - fits the HTML extractor's block model (src/ingest/blocks.c).

    /usr/bin/python3 eval/fit_extraction.py [--data ../shared/datasets/extraction] [--write]

Dumps every page's blocks with their features (build/extraction-features, made
here when missing), labels each block by how much of it is in the page's gold
body (the share of its 4-word shingles, lower-cased, found in the gold), and
fits a logistic regression (scikit-learn) with each page weighing the same.
The decision threshold is chosen on the fitting set by its own metric.

Two fits, each reported on the other set:
  - fitted on WCXB dev (all page types), reported on Zyte   <- the shipped weights
  - fitted on Zyte, reported on WCXB dev
Both figures are printed for both sets (tuned / held out). --write puts the
WCXB-fitted weights into src/ingest/blocks.c between its WEIGHTS markers.
The scores here are computed from the dumped blocks as the extractor joins
them (before its Unicode normalisation), so they match make eval to about
the third decimal.
"""
import argparse
import gzip
import importlib.util
import json
import os
import re
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ex", os.path.join(HERE, "extraction.py"))
ex = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ex)

WORD = re.compile(r"\w+")
WRITTEN = 2          # SL_PATH_WRITTEN: what the container writer kept
CHUNK = 100
FEATURES = 48        # SL_BLOCK_FEATURES


def dump(tool, paths, cache):
    if os.path.exists(cache):
        return [json.loads(line) for line in open(cache).read().split("\n") if line]
    pages = []
    with open(cache + ".tmp", "w") as out:
        for i in range(0, len(paths), CHUNK):
            proc = subprocess.run([tool] + paths[i:i + CHUNK], capture_output=True, text=True, check=True)
            out.write(proc.stdout)
            pages += [json.loads(line) for line in proc.stdout.split("\n") if line]
    os.rename(cache + ".tmp", cache)
    return pages


def shingle_set(tokens):
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def label(text, gold_tokens, gold_shingles, gold_joined):
    toks = WORD.findall(text.lower())
    if not toks:
        return 0.0
    if len(toks) < 4:
        return 1.0 if (" " + " ".join(toks) + " ") in gold_joined else 0.0
    sh = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
    return sum(s in gold_shingles for s in sh) / len(sh)


def load_set(name, root, tool, cache_dir):
    """[(page blocks, gold text, metric)]"""
    if name == "zyte":
        gold = json.load(open(os.path.join(root, "zyte", "ground-truth.json")))
        ids = sorted(gold)
        paths = [os.path.join(root, "zyte", "html", i + ".html.gz") for i in ids]
        golds = [gold[i]["articleBody"] for i in ids]
    else:
        meta = json.load(open(os.path.join(root, "wcxb", "metadata.dev.json")))["files"]
        ids = sorted(meta)
        paths = [os.path.join(root, "wcxb", "dev", "html", i + ".html.gz") for i in ids]
        golds = []
        for i in ids:
            gt = json.load(gzip.open(os.path.join(root, "wcxb", "dev", "ground-truth", i + ".json.gz")))
            golds.append(gt["ground_truth"].get("main_content") or "")
    pages = dump(tool, paths, os.path.join(cache_dir, name + ".jsonl"))
    kinds = [None] * len(ids) if name == "zyte" else [meta[i]["page_type"] for i in ids]
    out = []
    for page, g, kind in zip(pages, golds, kinds):
        gt = WORD.findall(g.lower())
        gs, gj = shingle_set(gt), " " + " ".join(gt) + " "
        blocks = page["blocks"]
        X = np.array([b["x"] for b in blocks], dtype=float).reshape(len(blocks), FEATURES)
        y = np.array([label(b["text"], gt, gs, gj) for b in blocks])
        ntok = np.array([len(WORD.findall(b["text"])) for b in blocks], dtype=float)
        written = np.array([(b["path"] & WRITTEN) != 0 for b in blocks], dtype=bool)
        out.append({"X": X, "y": y, "ntok": ntok, "written": written, "texts": [b["text"] for b in blocks],
                    "gold": g, "kind": kind})
    return out


def page_text(p, keep):
    """The extractor's join, with its fallbacks (blocks.c sl_blocks_text)."""
    if not keep.any():
        keep = p["written"] if p["written"].any() else np.ones(len(p["texts"]), dtype=bool)
    return "\n\n".join(t for t, k in zip(p["texts"], keep) if k)


def score(name, pages, keeps):
    if name == "zyte":
        ps, rs = [], []
        for p, k in zip(pages, keeps):
            prec, rec, has_p, has_g = ex.zyte_page(page_text(p, k), p["gold"])
            if has_p:
                ps.append(prec)
            if has_g:
                rs.append(rec)
        P, R = sum(ps) / len(ps), sum(rs) / len(rs)
        return {"f1": 2 * P * R / (P + R) if P + R else 0.0}
    f = {"all": [], "article": []}
    for p, k in zip(pages, keeps):
        v = ex.bow_f1(page_text(p, k), p["gold"])[0]
        f["all"].append(v)
        if p["kind"] == "article":
            f["article"].append(v)
    return {"f1": sum(f["all"]) / len(f["all"]), "article_f1": sum(f["article"]) / len(f["article"])}


def fit(pages):
    X = np.vstack([p["X"] for p in pages if len(p["y"])])
    y = np.concatenate([p["y"] for p in pages if len(p["y"])]) >= 0.5
    # each page weighs the same; within it a block by its words
    w = np.concatenate([p["ntok"] / max(1.0, p["ntok"].sum()) for p in pages if len(p["y"])])
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit((X - mu) / sd, y, sample_weight=w * len(pages))
    coef = model.coef_[0] / sd
    bias = model.intercept_[0] - (model.coef_[0] * mu / sd).sum()
    return coef, bias


def keeps(pages, coef, bias, shift=0.0):
    return [(p["X"] @ coef + bias > shift) if len(p["y"]) else np.zeros(0, dtype=bool) for p in pages]


def fit_and_tune(name, pages):
    coef, bias = fit(pages)
    best = None
    for shift in np.arange(-2.0, 2.01, 0.25):
        s = score(name, pages, keeps(pages, coef, bias, shift))["f1"]
        if best is None or s > best[0]:
            best = (s, shift)
    return coef, bias - best[1]


def write_weights(coef, bias, path):
    src = open(path).read()
    vals = ["%.4g" % v for v in list(coef) + [bias]]
    lines, line = [], "   "
    for v in vals:
        if len(line) + len(v) + 2 > 100:
            lines.append(line.rstrip())
            line = "   "
        line += " " + v + ","
    lines.append(line.rstrip())
    body = "    /* BEGIN WEIGHTS */\n" + "\n".join(lines) + "\n    /* END WEIGHTS */"
    src = re.sub(r"    /\* BEGIN WEIGHTS \*/.*?/\* END WEIGHTS \*/", lambda m: body, src, flags=re.S)
    open(path, "w").write(src)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--build", default="build")
    ap.add_argument("--reuse", action="store_true", help="reuse the last dump (same code only)")
    ap.add_argument("--write", action="store_true", help="write the WCXB-fitted weights into blocks.c")
    a = ap.parse_args()
    tool = os.path.join(a.build, "extraction-features")
    subprocess.run(["make", "-s", "BUILD=" + a.build, tool], check=True)
    cache = os.path.join(a.build, "fit-extraction")
    os.makedirs(cache, exist_ok=True)
    for f in [] if a.reuse else os.listdir(cache):   # the features change with the code: never reuse a stale dump
        os.remove(os.path.join(cache, f))
    sets = {n: load_set(n, a.data, tool, cache) for n in ("wcxb", "zyte")}
    for n, pages in sets.items():
        base = score(n, pages, [p["written"] for p in pages])
        print("%-5s container writer alone (before the model): %s" % (n, fmt(base)))
    fitted = {}
    for train, test in (("wcxb", "zyte"), ("zyte", "wcxb")):
        coef, bias = fit_and_tune(train, sets[train])
        fitted[train] = (coef, bias)
        tuned = score(train, sets[train], keeps(sets[train], coef, bias))
        held = score(test, sets[test], keeps(sets[test], coef, bias))
        print("fitted on %-5s tuned   %-5s %s" % (train, train, fmt(tuned)))
        print("fitted on %-5s HELD OUT %-5s %s" % (train, test, fmt(held)))
        print("SCORE extraction_fit_%s_heldout_%s_f1 %.4f" % (train, test, held["f1"]))
        if "article_f1" in held:
            print("SCORE extraction_fit_%s_heldout_%s_article_f1 %.4f" % (train, test, held["article_f1"]))
    coef, bias = fitted["wcxb"]
    if a.write:
        write_weights(coef, bias, os.path.join(HERE, "..", "src", "ingest", "blocks.c"))
        print("weights fitted on WCXB dev written to src/ingest/blocks.c")
    else:
        print("weights (WCXB fit): " + " ".join("%.4g" % v for v in list(coef) + [bias]))


def fmt(s):
    return "  ".join("%s %.4f" % kv for kv in s.items())


if __name__ == "__main__":
    main()
