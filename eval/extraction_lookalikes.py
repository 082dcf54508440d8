#!/usr/bin/env python3
"""extraction_lookalikes.py - body P / R / F1 on the dev pages that look like
issue 18's hidden set (2010 news pages with reader comments, old layouts).

    /usr/bin/python3 eval/extraction_lookalikes.py --bin build/storyline \\
        --data ../shared/datasets/extraction [--peers DIR]

Each Zyte page and WCXB dev article page is put in cohorts read from its HTML
alone (never from its gold body or from storyline's output):

  comments   a reader-comment section: 3 or more entry cues (" says:",
             " wrote:", "Posted by", "said...", a link or button whose text
             is Reply) or a comment count ("12 Comments", "8 Responses")
             beside an element whose class or id names comments
  oldlayout  no HTML5 section (article, main, section, header, footer, nav),
             and 3 or more tables or any <font>
  all        every page of the part

and scored with the benchmark's own metric (eval/extraction.py: Zyte
shingles, macro P and R; WCXB bag of words, mean per page), storyline and
readability-lxml (from the peers' cache eval/extraction.py writes) side by
side, per part: Zyte and WCXB odd ids (held out), WCXB even ids (tuning).
The pages whose storyline body is empty are counted apart. Standard library
only.
"""
import argparse
import gzip
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extraction import bow_f1, extract, zyte_page  # noqa: E402

ENTRY = re.compile(r" says:| wrote:|posted by|said\.\.\.|>\s*reply\s*<", re.I)
COUNT = re.compile(r"\b\d+\s+(comments?|responses?|replies)\b", re.I)
NAMED = re.compile(r"(class|id)\s*=\s*[\"'][^\"']*(comment|talkback|respon)", re.I)
HTML5 = re.compile(r"<(article|main|section|header|footer|nav)[\s>]", re.I)
TABLE = re.compile(r"<table[\s>]", re.I)
FONT = re.compile(r"<font[\s>]", re.I)


def cohorts(html):
    """The cohorts a page's HTML puts it in ("all" always)."""
    out = ["all"]
    if len(ENTRY.findall(html)) >= 3 or (COUNT.search(html) and NAMED.search(html)):
        out.append("comments")
    if not HTML5.search(html) and (len(TABLE.findall(html)) >= 3 or FONT.search(html)):
        out.append("oldlayout")
    return out


def read(path):
    return gzip.open(path, "rb").read().decode("utf-8", "replace")


def pages(root):
    """(part, path, gold body, page scorer) of Zyte and WCXB dev articles."""
    z = os.path.join(root, "zyte")
    gold = json.load(open(os.path.join(z, "ground-truth.json")))
    for i in sorted(gold):
        yield "zyte", os.path.join(z, "html", i + ".html.gz"), gold[i]["articleBody"], "zyte"
    w = os.path.join(root, "wcxb")
    meta = json.load(open(os.path.join(w, "metadata.dev.json")))["files"]
    for i in sorted(meta):
        if meta[i]["page_type"] != "article":
            continue
        g = json.load(gzip.open(os.path.join(w, "dev", "ground-truth", i + ".json.gz")))["ground_truth"]
        part = "wcxb_odd" if int(i) % 2 else "wcxb_even"
        yield part, os.path.join(w, "dev", "html", i + ".html.gz"), g.get("main_content"), "wcxb"


def score(rows):
    """Macro P, R, F1 of (metric, pred, gold) rows, each set's own way."""
    ps, rs, fs = [], [], []
    for metric, pred, gold in rows:
        if metric == "zyte":
            p, r, has_pred, has_gold = zyte_page(pred, gold)
            if has_pred:
                ps.append(p)
            if has_gold:
                rs.append(r)
        else:
            f, p, r = bow_f1(pred, gold)
            ps.append(p)
            rs.append(r)
            fs.append(f)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    if rows and rows[0][0] == "wcxb":
        return sum(fs) / len(fs), P, R
    return (2 * P * R / (P + R) if P + R else 0.0), P, R


def peer_texts(peer_dir):
    """path -> readability-lxml's text, from eval/extraction.py's cache."""
    out = {}
    for name in ("zyte", "wcxb"):
        f = os.path.join(peer_dir, "%s-readability-lxml.json" % name)
        if os.path.exists(f):
            out.update(json.load(open(f))["texts"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--peers", default=os.path.join(os.environ.get("EVAL_DIR", "build/eval"), "peers"))
    ap.add_argument("--list", help="write part, cohorts, F1, P, R, path of every page to this file")
    a = ap.parse_args()
    rows = list(pages(a.data))
    ours = extract(a.bin, [path for _, path, _, _ in rows])
    theirs = peer_texts(a.peers)
    groups = {}
    listing = []
    for part, path, gold, metric in rows:
        pred = ours.get(path, {}).get("text") or ""
        for c in cohorts(read(path)):
            g = groups.setdefault((part, c), {"us": [], "peer": [], "empty": 0})
            g["us"].append((metric, pred, gold))
            g["peer"].append((metric, theirs.get(path) or "", gold))
            g["empty"] += not pred.strip()
        f, p, r = score([(metric, pred, gold)])
        listing.append("%s\t%s\t%.3f\t%.3f\t%.3f\t%s" % (part, ",".join(cohorts(read(path))[1:]), f, p, r, path))
    print("%-10s %-10s %5s %6s | %-20s | %-20s" % ("part", "cohort", "pages", "empty",
                                                "storyline F1 P R", "readability-lxml F1 P R"))
    for part in ("zyte", "wcxb_odd", "wcxb_even"):
        for c in ("all", "comments", "oldlayout"):
            g = groups.get((part, c))
            if not g:
                continue
            us, peer = score(g["us"]), score(g["peer"]) if theirs else (0.0, 0.0, 0.0)
            print("%-10s %-10s %5d %6d | %.4f %.3f %.3f | %.4f %.3f %.3f"
                  % (part, c, len(g["us"]), g["empty"], us[0], us[1], us[2], peer[0], peer[1], peer[2]))
            key = "extraction_lookalikes_%s_%s" % (part, c)
            print("SCORE %s_f1 %.4f" % (key, us[0]))
    if a.list:
        open(a.list, "w").write("\n".join(listing) + "\n")


if __name__ == "__main__":
    main()
