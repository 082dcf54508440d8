#!/usr/bin/env python3
"""gen_articles.py — N synthetic news articles from an invented vocabulary.

The words, places, people and outlets are made up from syllables, so the
output resembles no real text. The same seed always gives the same bytes.

    python3 tests/gen_articles.py N [--seed S] [--jsonl FILE | --dir FOLDER]

Without --jsonl/--dir the JSONL goes to standard output. One JSONL record per
article: id, source, published, title, text (paragraphs separated by blank
lines). With --dir each article is a plain text file: headline, blank line,
paragraphs. Articles come in events of about ten, so a story engine has
stories to find.
"""
import argparse
import json
import os
import random
import sys

ONSETS = ["b", "br", "d", "dr", "f", "g", "gl", "h", "k", "kr", "l", "m", "n", "p",
          "pr", "r", "s", "st", "t", "tr", "v", "w", "z", "sk", "th"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
CODAS = ["", "", "n", "r", "l", "m", "s", "th", "nd", "rk", "st", "x"]

FUNCTION = ["the", "a", "of", "in", "on", "and", "to", "with", "for", "after", "before",
            "near", "from", "by", "at", "over", "under", "while", "as", "its", "their"]


def word(rng, syllables):
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                   for _ in range(syllables))


def vocabulary(rng, n, lo, hi):
    seen = set()
    out = []
    while len(out) < n:
        w = word(rng, rng.randint(lo, hi))
        if len(w) >= 4 and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def sentence(rng, event, common, min_words=12, max_words=24):
    n = rng.randint(min_words, max_words)
    words = []
    for i in range(n):
        r = rng.random()
        if r < 0.30:
            words.append(rng.choice(event["terms"]))
        elif r < 0.38:
            words.append(rng.choice(event["names"]))
        elif r < 0.60:
            words.append(rng.choice(FUNCTION))
        elif r < 0.66:
            words.append(str(rng.randint(2, 990)))
        else:
            words.append(rng.choice(common))
    first = words[0]
    words[0] = first[:1].upper() + first[1:]
    if n > 8 and rng.random() < 0.5:
        words[n // 2] += ","
    return " ".join(words) + "."


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=20260417)
    ap.add_argument("--jsonl")
    ap.add_argument("--dir")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    common = vocabulary(rng, 600, 1, 3)
    outlets = [" ".join(w.capitalize() for w in vocabulary(rng, 2, 2, 2)) for _ in range(6)]
    n_events = max(1, args.n // 10)
    events = []
    for e in range(n_events):
        terms = vocabulary(rng, 14, 2, 3)
        names = [w.capitalize() for w in vocabulary(rng, 5, 2, 3)]
        month = 1 + (e * 12) // n_events
        events.append({"terms": terms, "names": names,
                       "day": (2026, month, 1 + rng.randint(0, 24))})

    out = None
    if args.dir:
        os.makedirs(args.dir, exist_ok=True)
    elif args.jsonl:
        out = open(args.jsonl, "w", encoding="utf-8")
    else:
        out = sys.stdout

    for i in range(args.n):
        ev = events[rng.randrange(n_events)]
        y, m, d = ev["day"]
        d += rng.randint(0, 3)
        title_words = [rng.choice(ev["names"])] + [
            rng.choice(ev["terms"] if rng.random() < 0.6 else common)
            for _ in range(rng.randint(5, 8))]
        title = " ".join(title_words)
        title = title[:1].upper() + title[1:]
        paragraphs = [" ".join(sentence(rng, ev, common) for _ in range(rng.randint(2, 4)))
                      for _ in range(rng.randint(3, 6))]
        # A unique marker so that no two articles are ever identical.
        paragraphs.append("Report %d of the %s desk, filed %04d-%02d-%02d in %s, ends here." % (
            i + 1, rng.choice(outlets), y, m, d, rng.choice(ev["names"])))
        text = "\n\n".join(paragraphs)
        rec = {"id": "gen-%05d" % (i + 1), "source": rng.choice(outlets),
               "published": "%04d-%02d-%02d" % (y, m, d), "title": title, "text": text}
        if args.dir:
            path = os.path.join(args.dir, "gen-%05d.txt" % (i + 1))
            with open(path, "w", encoding="utf-8") as f:
                f.write(title + "\n\n" + text + "\n")
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not None and out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
