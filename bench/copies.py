#!/usr/bin/env python3
"""copies.py - speed and memory of the copies stage (make bench runs it).

    python3 bench/copies.py [--bin build/storyline] [--out build/bench/copies]
                            [--articles 200000] [--chunk 10000] [--runs 3]

1. Scale tier: a corpus of --articles articles built at run time from the
   real corpora in ../shared/datasets/scale (Reuters-21578 and BBC News):
   copy k of the corpus has every content word replaced by a pseudo-word
   drawn for that copy (stop words, numbers, punctuation and the sentence
   structure stay), so the copies are distinct articles with the statistics
   of real news. The bench plants its own copies: 2% of the articles get an
   exact copy and 3% a near copy (a sentence dropped and a word changed),
   placed some hundred articles later.
2. Ingest of the tier into one store, --chunk articles per `storyline
   ingest` run: CPU seconds per article for each chunk, i.e. as the store
   grows from 0 to --articles articles (the curve the issue asks for); the
   planted copies found (exact / near).
3. The copy index's memory per article, loaded from the finished store as
   the engine loads it (build/copy-index-memory).
4. `storyline dedup` as a stream filter: MB/s of JSONL on one core over the
   Reuters JSONL and over the first 50,000 tier articles, median of --runs.

Prints a table. Standard library only.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "eval"))
import copylib  # noqa: E402  (eval/copylib.py: fresh_db)

DATA = os.path.join(os.environ.get("DATASETS", os.path.join(ROOT, "../shared/datasets")), "scale")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Kept as they are in every copy of the corpus: the words that give a text its
# language (the stop-word profile reads them) and its grammar.
STOP = set("""a about after again against all also an and any are as at be because been before
being between both but by can could did do does during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not
now of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your said says say mr mrs ms vs pct mln dlrs
reuter reuters""".split())
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def reuters_articles(bin_dir):
    """Reuters-21578 through bench/reuters_to_jsonl.py (title, text)."""
    out = os.path.join(bin_dir, "reuters.jsonl")
    if not os.path.exists(out):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/reuters_to_jsonl.py"),
                        os.path.join(DATA, "reuters21578"), out], check=True)
    for line in open(out, encoding="utf-8"):
        d = json.loads(line)
        yield d.get("title") or "", d["text"]


def bbc_articles():
    with gzip.open(os.path.join(DATA, "bbc/bbc_articles.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d.get("text") or d.get("article") or ""
            head, _, body = text.partition("\n")
            yield head.strip(), body.strip()


def pseudo_word(word, copy):
    """The stand-in for `word` in copy `copy`: stable, pronounceable, cased alike."""
    h = hashlib.blake2b(("%d:%s" % (copy, word.lower())).encode(), digest_size=8).digest()
    n = 2 + h[0] % 3
    w = "".join(SYLLABLES[h[1 + k] % len(SYLLABLES)] for k in range(n))
    if word.isupper() and len(word) > 1:
        return w.upper()
    return w.capitalize() if word[0].isupper() else w


def disguise(text, copy):
    if copy == 0:
        return text
    return WORD.sub(lambda m: m.group(0) if m.group(0).lower() in STOP
                    else pseudo_word(m.group(0), copy), text)


def near_copy(text, rng):
    """A sentence dropped and one word changed."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    if len(parts) > 3:
        del parts[rng.randrange(1, len(parts))]
    text = " ".join(parts)
    words = text.split(" ")
    if len(words) > 10:
        k = rng.randrange(len(words))
        words[k] = "indeed"
    return " ".join(words)


def build_tier(path, n, base_dir):
    """Writes the tier; returns {copy id: (kind, original id)} for the planted copies."""
    corpus = [a for a in reuters_articles(base_dir) if len(a[1].split()) >= 40]
    corpus += [a for a in bbc_articles() if len(a[1].split()) >= 40]
    rng = random.Random(20261122)
    planted, pending = {}, []
    written = 0
    day0 = 20000   # days since 1970: 2024-10-04
    with open(path, "w", encoding="utf-8") as out:
        copy = 0
        while written < n:
            for k, (title, text) in enumerate(corpus):
                if written >= n:
                    break
                while pending and pending[0][0] <= written and written < n:
                    _, kind, orig_id, t, body = pending.pop(0)
                    cid = "p%d" % written
                    out.write(json.dumps({"id": cid, "title": t, "text": body,
                                          "published": day(day0 + written // 2000 + 1)}) + "\n")
                    planted[cid] = (kind, orig_id)
                    written += 1
                if written >= n:
                    break
                aid = "a%d" % written
                t, body = disguise(title, copy), disguise(text, copy)
                out.write(json.dumps({"id": aid, "title": t, "text": body,
                                      "published": day(day0 + written // 2000)}) + "\n")
                written += 1
                r = rng.random()
                if r < 0.05:
                    kind = "exact" if r < 0.02 else "near"
                    copy_body = body if kind == "exact" else near_copy(body, rng)
                    pending.append((written + rng.randrange(50, 500), kind, aid, t, copy_body))
                    pending.sort(key=lambda p: p[0])
            copy += 1
    return planted


def day(days):
    return time.strftime("%Y-%m-%d", time.gmtime(days * 86400))


def cpu_run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall, cpu seconds of the child, exit status)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/storyline"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build/bench/copies"))
    ap.add_argument("--articles", type=int, default=200000)
    ap.add_argument("--chunk", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        print("bench copies: skipped: %s not found" % DATA)
        return 0
    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["make", "-s", "-C", ROOT, "build/copy-index-memory"], check=True)

    tier = os.path.join(args.out, "tier.jsonl")
    t = time.perf_counter()
    planted = build_tier(tier, args.articles, os.path.join(ROOT, "build/bench"))
    print("bench copies: built a tier of %d articles (%d planted copies) in %.0f s"
          % (args.articles, len(planted), time.perf_counter() - t))

    # 2. ingest in chunks
    db = os.path.join(args.out, "tier.db")
    copylib.fresh_db(db)
    lines = open(tier, encoding="utf-8").readlines()
    curve = []
    for start in range(0, len(lines), args.chunk):
        chunk = os.path.join(args.out, "chunk.jsonl")
        with open(chunk, "w", encoding="utf-8") as f:
            f.writelines(lines[start:start + args.chunk])
        wall, cpu, st = cpu_run([args.bin, "--db", db, "--quiet", "ingest", chunk])
        if st not in (0, 1):
            print("bench copies: ingest failed with status %d" % st)
            return 1
        n = min(args.chunk, len(lines) - start)
        curve.append((start + n, n, wall, cpu))
        print("  stored %7d: %6.0f articles/CPU s (%5.0f articles/s wall), %.0f us/article"
              % (start + n, n / cpu, n / wall, 1e6 * cpu / n), flush=True)

    # planted copies found
    out = subprocess.run([args.bin, "--db", db, "--json", "export"], capture_output=True,
                         text=True).stdout
    doc = json.loads(out)
    key = {a["id"]: a["key"] for a in doc["articles"]}
    related = {}   # relations either way: a planted copy's original may itself repeat
    for c in doc["copies"]:   # an earlier article (the corpora hold duplicates)
        a, o = key.get(c["article"]), key.get(c["of"])
        related.setdefault(a, set()).add(o)
        related.setdefault(o, set()).add(a)
    by_kind = {}
    for cid, (kind, orig) in planted.items():
        near = related.get(cid, set())
        hit = orig in near or bool(near & related.get(orig, set()))
        total, ok = by_kind.get(kind, (0, 0))
        by_kind[kind] = (total + 1, ok + hit)

    # 3. index memory
    mem = subprocess.run([os.path.join(ROOT, "build/copy-index-memory"), db], capture_output=True,
                         text=True).stdout.split()

    # 4. dedup
    sources = [("reuters JSONL", os.path.join(ROOT, "build/bench/reuters.jsonl"))]
    tier50 = os.path.join(args.out, "tier50k.jsonl")
    with open(tier50, "w", encoding="utf-8") as f:
        f.writelines(lines[:50000])
    sources.append(("tier, first 50,000", tier50))
    dedup = []
    for label, path in sources:
        size = os.path.getsize(path)
        cpus = []
        for _ in range(args.runs):
            with open(path, "rb") as f:
                _, cpu, st = cpu_run([args.bin, "--quiet", "dedup"], stdin=f)
            cpus.append(cpu)
        dedup.append((label, size, statistics.median(cpus)))

    print()
    first = curve[0]
    last = curve[-1]
    print("ingest with copy detection (and everything else ingest does), CPU time per chunk:")
    print("  first chunk (store 0..%d): %.0f articles/CPU s; last chunk (store ..%d): %.0f articles/CPU s"
          % (first[0], first[1] / first[3], last[0], last[1] / last[3]))
    print("  all: %d articles in %.0f CPU s = %.0f articles/CPU s" %
          (sum(c[1] for c in curve), sum(c[3] for c in curve),
           sum(c[1] for c in curve) / sum(c[3] for c in curve)))
    for kind, (total, ok) in sorted(by_kind.items()):
        print("  planted %-5s copies found: %d of %d (%.3f)" % (kind, ok, total, ok / total))
    if len(mem) == 3:
        print("copy index: %s articles, %.1f MB, %s bytes per article (aim < 1,024)"
              % (mem[0], int(mem[1]) / 1048576, mem[2]))
    for label, size, cpu in dedup:
        print("dedup, %-20s %6.1f MB in %.2f CPU s: %.1f MB/s (aim >= 20 MB/s)"
              % (label + ":", size / 1048576, cpu, size / 1048576 / cpu))
    return 0


if __name__ == "__main__":
    sys.exit(main())
