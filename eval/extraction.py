#!/usr/bin/env python3
"""extraction.py - article extraction quality on the Zyte and WCXB benchmarks.

    python3 eval/extraction.py --bin build/storyline --data ../shared/datasets/extraction \
        [--only zyte|wcxb] [--limit N] [--dump DIR]

Runs `storyline extract --json` over the pages (gzipped HTML, read in place,
many pages per call) and scores each benchmark with the metric its README
defines:

  Zyte  4-word shingles, case-sensitive Unicode \\w tokens; per-page P and R,
        macro-averaged (P over pages with a non-empty prediction), F1 from the
        averages. Prints extraction_zyte_f1 / _precision / _recall.
  WCXB  lower-cased bag-of-words F1 per page, plain mean over pages; all pages
        and article pages (page_type "article"). Prints extraction_wcxb_f1,
        extraction_wcxb_article_f1, and metadata exact-match accuracy over the
        pages whose gold field is set: title (white space collapsed, case
        folded, curly quotes and dashes as ASCII), author (the same), date (the YYYY-MM-DD of the page's date).

A page the extractor rejects counts as an empty prediction. Only the dev split
of WCXB is on this machine (its test split is held back), and it is the one
tuned on; the Zyte set has no split. Standard library only.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import time

WORD = re.compile(r"\w+")
CHUNK = 200   # pages per storyline call


def extract(binary, paths):
    """path -> page dict (missing when the extractor rejected the page)."""
    out = {}
    for i in range(0, len(paths), CHUNK):
        proc = subprocess.run([binary, "extract", "--json"] + paths[i:i + CHUNK],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit("extraction: storyline failed: " + proc.stderr[-500:])
        for line in proc.stdout.splitlines():
            page = json.loads(line)
            out[page["input"]] = page
    return out


# ---- Zyte metric (README "Metric") -------------------------------------------

def shingles(text):
    toks = WORD.findall(text or "")
    if not toks:
        return collections.Counter()
    if len(toks) < 4:
        return collections.Counter([tuple(toks)])
    return collections.Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def zyte_page(pred, gold):
    p, g = shingles(pred), shingles(gold)
    tp = sum(min(c, g[s]) for s, c in p.items())
    fp = sum(max(0, c - g[s]) for s, c in p.items())
    fn = sum(max(0, c - p[s]) for s, c in g.items())
    if fp == 0 and fn == 0:
        return 1.0, 1.0, tp + fp > 0, tp + fn > 0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, tp + fp > 0, tp + fn > 0


def eval_zyte(binary, root, limit, dump):
    gold = json.load(open(os.path.join(root, "ground-truth.json")))
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    paths = {i: os.path.join(root, "html", i + ".html.gz") for i in ids}
    t = time.time()
    pages = extract(binary, list(paths.values()))
    secs = time.time() - t
    ps, rs, rows = [], [], []
    for i in ids:
        pred = pages.get(paths[i], {}).get("text") or ""
        prec, rec, has_pred, has_gold = zyte_page(pred, gold[i]["articleBody"])
        if has_pred:
            ps.append(prec)
        if has_gold:
            rs.append(rec)
        rows.append((2 * prec * rec / (prec + rec) if prec + rec else 0.0, i, prec, rec))
        if dump:
            open(os.path.join(dump, "zyte-" + i[:12] + ".txt"), "w").write(pred)
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    print("zyte: %d pages in %.1f s; F1 %.3f  P %.3f  R %.3f; empty predictions %d"
          % (len(ids), secs, F, P, R, len(ids) - len(ps)))
    print("  worst pages (F1 P R id):")
    for f, i, prec, rec in sorted(rows)[:8]:
        print("    %.3f %.3f %.3f %s" % (f, prec, rec, i[:16]))
    print("SCORE extraction_zyte_f1 %.4f" % F)
    print("SCORE extraction_zyte_precision %.4f" % P)
    print("SCORE extraction_zyte_recall %.4f" % R)


# ---- WCXB metric (README "Metric") -------------------------------------------

def bow_f1(pred, gold):
    g = collections.Counter(WORD.findall((gold or "").lower()))
    p = collections.Counter(WORD.findall((pred or "").lower()))
    if not g:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return 0.0, 0.0, 0.0
    overlap = sum(min(c, g[w]) for w, c in p.items())
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


TYPO = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                      "\u2014": "-", "\u00a0": " "})


def fold(s):
    """White space collapsed, case folded, typographic quotes and dashes as ASCII."""
    return " ".join((s or "").translate(TYPO).split()).casefold()


def day(s):
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", s or "")
    return m.group(1) if m else None


def rate(pair):
    return pair[0] / pair[1] if pair[1] else 0.0


def eval_wcxb(binary, root, limit, dump):
    meta = json.load(open(os.path.join(root, "metadata.dev.json")))["files"]
    ids = sorted(meta)[:limit] if limit else sorted(meta)
    paths = {i: os.path.join(root, "dev", "html", i + ".html.gz") for i in ids}
    t = time.time()
    pages = extract(binary, list(paths.values()))
    secs = time.time() - t
    by_type = collections.defaultdict(list)
    fields = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    halves = {(name, h): [0, 0] for name in fields for h in ("even", "odd")}
    misses = collections.defaultdict(list)
    for i in ids:
        gt = json.load(gzip.open(os.path.join(root, "dev", "ground-truth", i + ".json.gz")))
        g = gt["ground_truth"]
        page = pages.get(paths[i], {})
        f, prec, rec = bow_f1(page.get("text"), g.get("main_content"))
        kind = meta[i]["page_type"]
        by_type[kind].append((f, prec, rec))
        by_type["all"].append((f, prec, rec))
        checks = (("title", g.get("title"), fold, page.get("title")),
                  ("author", g.get("author") if g.get("author") not in ("", "None") else None, fold,
                   page.get("author")),
                  ("date", g.get("publish_date"), day, page.get("published")))
        for name, want, norm, got in checks:
            if not want or (name == "date" and not day(want)):
                continue
            half = halves[name, "odd" if int(i) % 2 else "even"]
            fields[name][1] += 1
            half[1] += 1
            if norm(got) == norm(want):
                fields[name][0] += 1
                half[0] += 1
            else:
                misses[name].append((i, want, got))
        if dump:
            open(os.path.join(dump, "wcxb-" + i + ".txt"), "w").write(page.get("text") or "")
    print("wcxb dev: %d pages in %.1f s (%.0f pages/s including python)" % (len(ids), secs, len(ids) / secs))
    for kind in sorted(by_type, key=lambda k: (k != "all", k)):
        v = by_type[kind]
        print("  %-14s %4d pages  F1 %.3f  P %.3f  R %.3f" % (kind, len(v), sum(x[0] for x in v) / len(v),
                                                           sum(x[1] for x in v) / len(v),
                                                           sum(x[2] for x in v) / len(v)))
    for name, (ok, n) in fields.items():
        print("  %-6s exact match %d / %d = %.3f  (rules chosen on even ids %.3f, odd ids held out %.3f)"
              % (name, ok, n, ok / n if n else 0, rate(halves[name, "even"]), rate(halves[name, "odd"])))
        for i, want, got in misses[name][:3]:
            print("      %s want %r got %r" % (i, (want or "")[:70], (got or "")[:70]))
    mean = lambda k: sum(x[0] for x in by_type[k]) / len(by_type[k]) if by_type[k] else 0.0
    print("SCORE extraction_wcxb_f1 %.4f" % mean("all"))
    print("SCORE extraction_wcxb_article_f1 %.4f" % mean("article"))
    for name, (ok, n) in fields.items():
        print("SCORE extraction_wcxb_%s_accuracy %.4f" % (name, ok / n if n else 0))
        print("SCORE extraction_wcxb_%s_heldout_accuracy %.4f" % (name, rate(halves[name, "odd"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--only", choices=("zyte", "wcxb"))
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set (for quick runs)")
    ap.add_argument("--dump", help="write each extracted body to this folder")
    a = ap.parse_args()
    if a.dump:
        os.makedirs(a.dump, exist_ok=True)
    if a.only in (None, "zyte"):
        eval_zyte(a.bin, os.path.join(a.data, "zyte"), a.limit, a.dump)
    if a.only in (None, "wcxb"):
        eval_wcxb(a.bin, os.path.join(a.data, "wcxb"), a.limit, a.dump)


if __name__ == "__main__":
    main()
