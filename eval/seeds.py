#!/usr/bin/env python3
"""seeds.py - the spine's quality checks on the five seed reports.

    python3 eval/seeds.py --bin build/storyline --db build/eval/seeds.db \
        --seeds ../shared/datasets/seeds

Ingests every seeds/*.txt into the (fresh) store, reads each article back with
`storyline article ID --json`, and prints what it finds, then one line
`SCORE name value` per score (eval/run.sh compares them with eval/floors.txt):

  seeds_articles_stored        articles stored from the seed files
  seeds_titles_right           reports whose title is what the text says it is:
                               the headline line, or none when the report opens
                               with a paragraph (see expected_title)
  seeds_lines_removed          lines removed as page chrome, in all
  seeds_chrome_removed         removed lines that do not look like body text
  seeds_body_lines_removed     removed lines that look like body text: more than
                               20 words, or ending with a period and more than 8
  seeds_removed_over_20_words  removed lines of more than 20 words
  seeds_removed_mid_body       removed lines lying between two kept paragraphs
                               of more than 20 words, unless they have no
                               letters or are interface text
  seeds_largest_story          seed articles in the largest story

There are no labels for the seeds: the expected values (which line is a
title, which lines are chrome) are decided here from the text at run time by
simple, general rules that do not name any file. The seeds' text stays in
../shared; nothing of it is written into the project.
Standard library only.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

import copylib

LONG = 20           # words: a line longer than this is a paragraph
PARAGRAPH_FIRST = LONG  # a first line ending with a period and longer is a paragraph
WORD_RE = re.compile(r"\S+")
LETTERS_RE = re.compile(r"[^\W\d_]")
CONTENT_RE = re.compile(r"[^\W\d_]{4,}")
# Generic web-page interface phrases (navigation, comments, sharing, footers).
# Only used to excuse a removed line that sits between two body paragraphs.
INTERFACE_RE = re.compile(
    r"^\W*(related\b|read (next|more|also)\b|see also\b|advertisement\b|"
    r"leave a (comment|reply)\b|click (to|here)\b|comments?\b|share\b|tweet\b|print\b|"
    r"e-?mail\b|subscribe\b|sign (up|in)\b|log ?in\b|follow us\b|newsletter\b|"
    r"(scroll|back) to top\b|skip to\b|menu\b|home\b|(previous|next)( (article|story|post|page))?\W*$|"
    r"all rights reserved|copyright\b|©|cookies?\b|privacy\b|terms of\b)",
    re.I)


def words(s):
    return WORD_RE.findall(s)


def norm(s):
    return " ".join(s.split()) if s else s


def storyline(args, *cmd):
    p = subprocess.run([args.bin, "--db", args.db] + list(cmd),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def expected_title(lines):
    """The headline of a report as its text shows it, or None.

    The candidate is the first non-blank line at least two of whose content
    words (4+ letters) come back in the rest of the text: this passes over
    site navigation such as a section name or "connect with us" above the
    headline. When that candidate is a paragraph - it ends with a period and
    has more than PARAGRAPH_FIRST words - the report has no headline."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        rest = set(CONTENT_RE.findall(" ".join(lines[i + 1:]).lower()))
        shared = set(CONTENT_RE.findall(line.lower())) & rest
        if len(shared) < 2:
            continue
        if line.rstrip().endswith(".") and len(words(line)) > PARAGRAPH_FIRST:
            return None, i + 1
        return norm(line), i + 1
    return None, 0


def body_like(text):
    n = len(words(text))
    return n > LONG or (text.rstrip().endswith(".") and n > 8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--db", required=True)
    ap.add_argument("--seeds", default="../shared/datasets/seeds")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.seeds, "*.txt")))
    if not files:
        sys.exit("seeds: no .txt files in %s" % args.seeds)
    copylib.fresh_db(args.db)
    rc, out, err = storyline(args, "--quiet", "ingest", *files)
    print("ingest of %d seed files: exit status %d%s" % (len(files), rc, err and ":\n" + err.rstrip() or ""))
    if rc not in (0, 1):
        sys.exit("seeds: storyline ingest failed")

    rc, out, err = storyline(args, "stories", "--json")
    if rc:
        sys.exit("seeds: storyline stories failed: " + err)
    ids = sorted(a for s in json.loads(out)["stories"] for a in s["articles"])
    by_file = {}
    for aid in ids:
        rc, out, err = storyline(args, "article", str(aid), "--json")
        if rc:
            sys.exit("seeds: storyline article %d failed: %s" % (aid, err))
        a = json.loads(out)["article"]
        by_file[os.path.realpath(a["path"] or "")] = a

    scores = collections.OrderedDict()
    stored = [by_file.get(os.path.realpath(f)) for f in files]
    scores["seeds_articles_stored"] = sum(a is not None for a in stored)

    # (b) titles
    print("\n== titles (expected: the headline line, or none when the report opens with a paragraph)")
    right = 0
    for f, a in zip(files, stored):
        lines = open(f, encoding="utf-8").read().split("\n")
        want, at = expected_title(lines)
        got = norm(a["title"]) if a else None
        ok = a is not None and got == want
        right += ok
        what = ("none (line %d is a paragraph of %d words)" % (at, len(words(lines[at - 1])))
                if want is None else "line %d" % at)
        print("%-4s %s: expected %s; got %s" % ("ok" if ok else "FAIL", os.path.basename(f), what,
                                               "none" if got is None else json.dumps(got, ensure_ascii=False)))
        if not ok and want is not None:
            print("       expected %s" % json.dumps(want, ensure_ascii=False))
    scores["seeds_titles_right"] = right

    # (c) chrome
    print("\n== removed lines (line, words, reason, text); flags: BODY = looks like body text,"
          " LONG = over %d words, MID = between two kept long paragraphs" % LONG)
    total = body = over = mid = 0
    per_article = []
    for f, a in zip(files, stored):
        if a is None:
            continue
        lines = open(f, encoding="utf-8").read().split("\n")
        removed = a.get("removed") or []
        per_article.append(len(removed))
        gone = {r["line"] for r in removed}
        long_kept = [i + 1 for i, l in enumerate(lines)
                     if i + 1 not in gone and len(words(l)) > LONG]
        print("%s: %d removed" % (os.path.basename(f), len(removed)))
        for r in removed:
            text, n = r["text"], len(words(r["text"]))
            flags = []
            if body_like(text):
                flags.append("BODY")
                body += 1
            if n > LONG:
                flags.append("LONG")
                over += 1
            between = (any(k < r["line"] for k in long_kept) and any(k > r["line"] for k in long_kept))
            if between and LETTERS_RE.search(text) and not INTERFACE_RE.search(text):
                flags.append("MID")
                mid += 1
            src = lines[r["line"] - 1] if 0 < r["line"] <= len(lines) else None
            if src is None or norm(src) != norm(text):
                flags.append("LINE-MISMATCH")
            total += 1
            print("  %3d %3dw %-34s %s%s" % (r["line"], n, (r.get("reason") or "")[:34],
                                            json.dumps(text, ensure_ascii=False),
                                            "  [" + " ".join(flags) + "]" if flags else ""))
    print("removed per article: %s; total %d" % (sorted(per_article), total))
    scores["seeds_lines_removed"] = total
    scores["seeds_chrome_removed"] = total - body
    scores["seeds_body_lines_removed"] = body
    scores["seeds_removed_over_20_words"] = over
    scores["seeds_removed_mid_body"] = mid

    # (d) grouping
    stories = collections.Counter(a["story"] for a in stored if a)
    print("\n== grouping: seed articles per story: %s" %
          ", ".join("story %s: %d" % (s, n) for s, n in stories.most_common()))
    scores["seeds_largest_story"] = max(stories.values()) if stories else 0

    print()
    for k, v in scores.items():
        print("SCORE %s %s" % (k, v))


if __name__ == "__main__":
    main()
