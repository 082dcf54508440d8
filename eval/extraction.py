#!/usr/bin/env python3
"""extraction.py - article extraction quality on the Zyte and WCXB benchmarks.

    python3 eval/extraction.py --bin build/storyline --data ../shared/datasets/extraction \
        [--only zyte|wcxb] [--limit N] [--dump DIR] [--peers DIR]

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
        folded, curly quotes and dashes as ASCII, NFKC), author (the same), date (the YYYY-MM-DD of the page's date).

A page the extractor rejects counts as an empty prediction; an HTML page
without article text (status no_body) has an empty body and its metadata is
scored. Only the dev split
of WCXB is on this machine (its test split is held back). The block model
(src/ingest/blocks.c) is fitted on the WCXB dev article pages of even id, so
Zyte and the odd ids are the held-out figures (printed apart:
extraction_wcxb_article_heldout_f1) and the even ids the tuned one
(eval/fit_extraction.py reports the reverse fit). Metadata rules: chosen on the WCXB pages of even id, the odd
ones held out (both printed; the misses listed are even ids' only).

Peers: readability-lxml (Debian python3-readability) and Readability.js
(@mozilla/readability with jsdom, installed under build/bench/readability-js
by scripts/extraction_peers.sh, which make eval runs first) run on the same
pages of every set; F1 and pages per CPU second side by side, and `..._over_peers` = storyline less the best peer.
Their output is kept in --peers (default $EVAL_DIR/peers): they do not change
between runs; bench/extraction.sh times all three in one run. A peer that is
not installed is reported as skipped. Standard library only.
"""
import argparse
import collections
import concurrent.futures
import glob
import gzip
import json
import os
import resource
import shutil
import re
import subprocess
import sys
import time
import unicodedata

WORD = re.compile(r"\w+")
CHUNK = 200   # pages per storyline call


def extract(binary, paths):
    """path -> page dict (missing when the extractor rejected the page)."""
    out = {}
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    for i in range(0, len(paths), CHUNK):
        proc = subprocess.run([binary, "extract", "--json"] + paths[i:i + CHUNK],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit("extraction: storyline failed: " + proc.stderr[-500:])
        for line in proc.stdout.splitlines():
            page = json.loads(line)
            out[page["input"]] = page
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    extract.cpu = cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime
    return out


# ---- peers: readability-lxml and Readability.js on the same pages -------------

PEERS = (("readability-lxml", ["/usr/bin/python3", "bench/extraction_readability.py"]),
         ("readability.js", ["node", "bench/extraction_readability.js"]))
JS_MODULES = "build/bench/readability-js/node_modules"   # scripts/extraction_peers.sh installs them


def peer_available(name):
    if name == "readability-lxml":
        return subprocess.run(["/usr/bin/python3", "-c", "import readability"], capture_output=True).returncode == 0
    return shutil.which("node") is not None and os.path.isdir(os.path.join(JS_MODULES, "jsdom"))


PEER_CHUNK = 100   # pages per peer process: jsdom holding 1,358 WCXB pages ran out of heap


def run_peer(name, cmd, paths, cache):
    """path -> text and the CPU seconds of the peer's extraction; kept in
    `cache` (the peers do not change between runs, storyline does)."""
    if os.path.exists(cache):
        d = json.load(open(cache))
        if sorted(d["texts"]) == sorted(paths):
            return d["texts"], d["cpu"]
    env = dict(os.environ, NODE_PATH=os.path.abspath(JS_MODULES))

    def chunk(i):
        return subprocess.run(cmd + paths[i:i + PEER_CHUNK], capture_output=True, text=True, env=env)

    texts, cpu = {}, 0.0
    # chunks on every core (the first run of a machine; the cache serves the rest)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for proc in pool.map(chunk, range(0, len(paths), PEER_CHUNK)):
            m = re.search(r"cpu ([0-9.]+)", proc.stderr)
            if proc.returncode or not m:
                sys.exit("extraction: %s failed: %s" % (name, proc.stderr[-500:]))
            texts.update(json.loads(proc.stdout))
            cpu += float(m.group(1))
    json.dump({"texts": texts, "cpu": cpu}, open(cache, "w"))
    return texts, cpu


def peers(paths, set_name, cache_dir, score, ours, our_cpu):
    """Prints storyline and the peers side by side on one set; returns the
    best peer's scores (None without peers)."""
    rows = [("storyline", ours, len(paths) / our_cpu if our_cpu else 0.0)]
    for name, cmd in PEERS:
        if name in peers.skip:
            print("  %-17s skipped (--skip-peer)" % name)
            continue
        if not cache_dir or not peer_available(name):
            print("  %-17s skipped (not installed; scripts/extraction_peers.sh installs it)" % name)
            continue
        texts, cpu = run_peer(name, cmd, paths, os.path.join(cache_dir, "%s-%s.json" % (set_name, name)))
        rows.append((name, score(texts), len(paths) / cpu if cpu else 0.0))
    keys = list(ours)
    print("  %-17s %s %12s" % ("extractor", " ".join("%12s" % k for k in keys), "pages/s CPU"))
    for name, sc, rate in rows:
        print("  %-17s %s %12.0f" % (name, " ".join("%12.3f" % sc[k] for k in keys), rate))
        if name != "storyline":
            for k in keys:
                print("SCORE extraction_%s_%s_%s %.4f" % (set_name, name.replace(".", "_").replace("-", "_"), k, sc[k]))
    if len(rows) > 1:
        for k in keys:
            best = max(sc[k] for name, sc, _ in rows[1:])
            print("SCORE extraction_%s_%s_over_peers %.4f" % (set_name, k, ours[k] - best))
        slowest_ratio = min(rows[0][2] / rate for _, _, rate in rows[1:] if rate)
        print("  storyline is %.1fx the fastest peer's pages/s (CPU seconds, one process; peers"
              " exclude reading and start-up)" % slowest_ratio)


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


def eval_zyte(binary, root, limit, dump, peer_dir):
    gold = json.load(open(os.path.join(root, "ground-truth.json")))
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    paths = {i: os.path.join(root, "html", i + ".html.gz") for i in ids}
    t = time.time()
    pages = extract(binary, list(paths.values()))
    secs = time.time() - t
    cpu = extract.cpu
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
    print("  held out: the block model is fitted on WCXB dev articles (eval/fit_extraction.py)")
    print("  peers on the same pages:")
    plist = [paths[i] for i in ids]
    peers(plist, "zyte", peer_dir, lambda texts: {"f1": zyte_f1(ids, gold, paths, texts)}, {"f1": F}, cpu)


def zyte_f1(ids, gold, paths, texts):
    ps, rs = [], []
    for i in ids:
        prec, rec, has_pred, has_gold = zyte_page(texts.get(paths[i]) or "", gold[i]["articleBody"])
        if has_pred:
            ps.append(prec)
        if has_gold:
            rs.append(rec)
    P, R = sum(ps) / len(ps) if ps else 0.0, sum(rs) / len(rs)
    return 2 * P * R / (P + R) if P + R else 0.0


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
    """White space collapsed, case folded, typographic quotes and dashes as
    ASCII, compatibility characters as their plain forms (NFKC: a full-width
    "？" is "?", "…" is "...")."""
    return " ".join(unicodedata.normalize("NFKC", (s or "").translate(TYPO)).split()).casefold()


def day(s):
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", s or "")
    return m.group(1) if m else None


def rate(pair):
    return pair[0] / pair[1] if pair[1] else 0.0


def eval_wcxb(binary, root, limit, dump, peer_dir):
    meta = json.load(open(os.path.join(root, "metadata.dev.json")))["files"]
    ids = sorted(meta)[:limit] if limit else sorted(meta)
    paths = {i: os.path.join(root, "dev", "html", i + ".html.gz") for i in ids}
    t = time.time()
    pages = extract(binary, list(paths.values()))
    secs, cpu = time.time() - t, extract.cpu
    golds = {}
    by_type = collections.defaultdict(list)
    parity = collections.defaultdict(list)   # (article?, odd id?) -> F1s: the block model is fitted on even ids
    fields = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    halves = {(name, h): [0, 0] for name in fields for h in ("even", "odd")}
    misses = collections.defaultdict(list)
    for i in ids:
        gt = json.load(gzip.open(os.path.join(root, "dev", "ground-truth", i + ".json.gz")))
        g = gt["ground_truth"]
        golds[i] = g.get("main_content")
        page = pages.get(paths[i], {})
        f, prec, rec = bow_f1(page.get("text"), g.get("main_content"))
        kind = meta[i]["page_type"]
        by_type[kind].append((f, prec, rec))
        by_type["all"].append((f, prec, rec))
        parity[kind == "article", int(i) % 2].append(f)
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
            elif not int(i) % 2:   # only the misses rules may be chosen on are shown
                misses[name].append((i, want, got))
        if dump:
            open(os.path.join(dump, "wcxb-" + i + ".txt"), "w").write(page.get("text") or "")
    print("wcxb dev: %d pages in %.1f s (%.0f pages/s including python)" % (len(ids), secs, len(ids) / secs))
    for kind in sorted(by_type, key=lambda k: (k != "all", k)):
        v = by_type[kind]
        print("  %-14s %4d pages  F1 %.3f  P %.3f  R %.3f" % (kind, len(v), sum(x[0] for x in v) / len(v),
                                                           sum(x[1] for x in v) / len(v),
                                                           sum(x[2] for x in v) / len(v)))
    for kind, flag in (("article", True), ("all", None)):
        f = {odd: [v for (art, o), vs in parity.items() if o == odd and (flag is None or art) for v in vs]
             for odd in (0, 1)}
        print("  %-14s F1 even ids (block model fitted on them) %.4f, odd ids held out %.4f"
              % (kind, sum(f[0]) / max(1, len(f[0])), sum(f[1]) / max(1, len(f[1]))))
    for name, (ok, n) in fields.items():
        print("  %-6s exact match %d / %d = %.3f  (rules chosen on even ids %.3f, odd ids held out %.3f)"
              % (name, ok, n, ok / n if n else 0, rate(halves[name, "even"]), rate(halves[name, "odd"])))
        for i, want, got in misses[name][:3]:
            print("      %s want %r got %r" % (i, (want or "")[:70], (got or "")[:70]))
    mean = lambda k: sum(x[0] for x in by_type[k]) / len(by_type[k]) if by_type[k] else 0.0
    print("SCORE extraction_wcxb_f1 %.4f" % mean("all"))
    print("SCORE extraction_wcxb_article_f1 %.4f" % mean("article"))
    held = parity[True, 1]
    print("SCORE extraction_wcxb_article_heldout_f1 %.4f" % (sum(held) / len(held) if held else 0.0))
    for name, (ok, n) in fields.items():
        print("SCORE extraction_wcxb_%s_accuracy %.4f" % (name, ok / n if n else 0))
        print("SCORE extraction_wcxb_%s_heldout_accuracy %.4f" % (name, rate(halves[name, "odd"])))
    print("  tuned on: the block model is fitted on these pages' articles (eval/fit_extraction.py"
          " reports the reverse fit, on Zyte, held out here)")
    print("  peers on the same pages:")

    def wcxb_scores(texts):
        f = {"f1": [], "article_f1": []}
        for i in ids:
            v = bow_f1(texts.get(paths[i]) or "", golds[i])[0]
            f["f1"].append(v)
            if meta[i]["page_type"] == "article":
                f["article_f1"].append(v)
        return {k: sum(v) / len(v) if v else 0.0 for k, v in f.items()}
    peers([paths[i] for i in ids], "wcxb", peer_dir, wcxb_scores,
          {"f1": mean("all"), "article_f1": mean("article")}, cpu)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--only", choices=("zyte", "wcxb"))
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set (for quick runs)")
    ap.add_argument("--dump", help="write each extracted body to this folder")
    ap.add_argument("--peers", default=os.path.join(os.environ.get("EVAL_DIR", "build/eval"), "peers"),
                    help="folder keeping the peers' output (readability-lxml, Readability.js); '' to skip them")
    ap.add_argument("--skip-peer", action="append", default=[], choices=[n for n, _ in PEERS],
                    help="leave this peer out (Readability.js takes about 0.25 s a page)")
    a = ap.parse_args()
    peers.skip = a.skip_peer
    for d in (a.dump, a.peers):
        if d:
            os.makedirs(d, exist_ok=True)
    if a.only in (None, "zyte"):
        eval_zyte(a.bin, os.path.join(a.data, "zyte"), a.limit, a.dump, a.peers)
    if a.only in (None, "wcxb"):
        eval_wcxb(a.bin, os.path.join(a.data, "wcxb"), a.limit, a.dump, a.peers)


if __name__ == "__main__":
    main()
