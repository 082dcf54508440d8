#!/usr/bin/python3
"""title_misses.py - the WCXB title misses of the pages of even id (the half
title rules are chosen on), by kind.

    /usr/bin/python3 eval/title_misses.py [--bin build/storyline] [--data ../shared/datasets/extraction] [--list]

For every even page whose `storyline extract --json` title is not the gold
(compared as eval/extraction.py compares them), says which candidate the
gold is: one of the nine of titles.c (build/extraction-features --titles,
as eval/fit_titles.py reads them) or, when none, where else the page holds
it (a JSON-LD headline or name, an <h1>-<h3>, an element whose class names
a title, a part of <title> between separators, the visible text); what we
gave instead (its source); and how the two differ (one inside the other,
the gold keeping or dropping a site's name, the same letters spelled
otherwise, worded otherwise). Prints the counts of each kind and, with
--list, every miss. Only even ids are read.
"""
import argparse
import collections
import gzip
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("title_probes", os.path.join(HERE, "title_probes.py"))
tp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tp)
ft, ex = tp.ft, tp.ex

NAMES = ("picked", "h1", "title", "title_first", "title_head", "og", "og_first", "og_head", "twitter")


def family(srcs):
    """The candidates' sources as a reader groups them: the headline first,
    then a head of <title> or og:title, then either whole, then twitter:title."""
    for name, members in (("the headline (picked or first <h1>)", ("picked", "h1")),
                          ("a head of <title> or og:title", ("title_first", "title_head", "og_first", "og_head")),
                          ("<title> or og:title whole", ("title", "og")), ("twitter:title", ("twitter",))):
        if any(s in members for s in srcs):
            return name
    return None


def ours(binary, paths):
    """storyline extract --json's title for each path ("" when none)."""
    titles = {}
    for i in range(0, len(paths), ft.CHUNK):
        proc = subprocess.run([binary, "extract", "--json"] + paths[i:i + ft.CHUNK], capture_output=True, text=True)
        for line in proc.stdout.split("\n"):
            if line:
                d = json.loads(line)
                titles[d.get("input") or d.get("path") or ""] = d.get("title") or ""
    return [titles.get(p, "") for p in paths]


def parts(title):
    """A title's parts between the separators titles.c knows."""
    out = [title]
    for sep in tp.SEPARATORS:
        out = [q for p in out for q in p.split(sep)]
    return [p.strip() for p in out if p.strip()]


def where(gold, facts, title):
    """Where the page holds a gold title that no candidate is."""
    g = tp.key(gold)
    if g in facts["ld"]:
        return "json-ld headline/name"
    for h in ("h1", "h2", "h3"):
        if g in facts["heads"][h]:
            return "an <%s> (not the first <h1>)" % h
    if g in facts["named"]:
        return "an element of a title class"
    if title and g in [tp.key(p) for p in parts(title)]:
        return "a middle part of <title>"
    if g and g in facts["visible"]:
        return "inside a longer visible text"
    return "nowhere as it is"


def relation(gold, got, site):
    """How the title we gave differs from the gold."""
    g, o = tp.key(gold), tp.key(got)
    if not o:
        return "no title given"
    if tp.letters(gold) == tp.letters(got):
        return "same letters, spelled otherwise"
    if g in o:
        rest = tp.letters(o.replace(g, " "))
        return "ours adds the site's name" if site and site in rest else "ours adds other words"
    if o in g:
        rest = tp.letters(g.replace(o, " "))
        return "gold adds the site's name" if site and site in rest else "gold adds other words"
    shared = tp.words_of(gold) & tp.words_of(got)
    return "worded otherwise, words shared" if shared else "another text altogether"


def site_key(facts_url, path):
    """The site's name as titles.c reads it from the domain (letters only)."""
    gt_host = facts_url.split("://")[-1].split("/")[0].lower().replace("www.", "")
    labels = [x for x in gt_host.split(".") if x]
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov", "edu"):
        labels = labels[:-1]
    return tp.letters(labels[-2]) if len(labels) >= 2 else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--build", default="build")
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--list", action="store_true", help="print every miss")
    a = ap.parse_args()
    tool = os.path.join(a.build, "extraction-features")
    subprocess.run(["make", "-s", "BUILD=" + a.build, tool], check=True)
    root = os.path.join(a.data, "wcxb")
    pages = [p for p in ft.load(root, tool) if ft.half(p[0]) == "even"]
    paths = [os.path.join(root, "dev", "html", i + ".html.gz") for i, _, _ in pages]
    got = ours(a.bin, paths)
    kinds, gave, rels, pairs = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    misses = 0
    for (i, gold, cands), path, title in zip(pages, paths, got):
        if ex.fold(title) == ex.fold(gold):
            continue
        misses += 1
        meta = json.load(gzip.open(os.path.join(root, "dev", "ground-truth", i + ".json.gz")))
        facts = tp.page_facts(path)
        srcs = [NAMES[tp.source(x)] for t, x in cands if ex.fold(t) == ex.fold(gold)]
        whole = next((t for t, x in cands if tp.source(x) == 2), "")
        kind = "candidate: " + family(srcs) if srcs else "no candidate; " + where(gold, facts, whole)
        mine = [NAMES[tp.source(x)] for t, x in cands if ex.fold(t) == ex.fold(title)]
        given = family(mine) if mine else ("none" if not title else "not a candidate")
        rel = relation(gold, title, site_key(meta.get("url") or "", path))
        kinds[kind] += 1
        gave[given] += 1
        rels[rel] += 1
        pairs[(kind.split(":")[0].split(";")[0], rel)] += 1
        if a.list:
            print("%s [%s (%s) | gave %s | %s]\n    gold %r\n    ours %r"
                  % (i, kind, "+".join(srcs), "+".join(mine), rel, gold, title))
    print("even ids: %d pages with a gold title, %d misses (%.4f right)"
          % (len(pages), misses, 1 - misses / len(pages)))
    for name, counter in (("the gold is", kinds), ("we gave", gave), ("ours against the gold", rels),
                          ("(candidate or not, relation)", pairs)):
        print("\n%s:" % name)
        for k, n in counter.most_common():
            print("  %4d  %s" % (n, k if isinstance(k, str) else " / ".join(k)))


if __name__ == "__main__":
    main()
