"""A study, not in the library: whether the context of a name's mentions
across its story (quotation marks around it, "the" before it, a verb of
speech or a lower-case word after it, "to"/"by"/"with" before it, its
possessive, its role, its capitals) tells ECB+'s persons and places from
the organisations and works typed as them, beyond the story's type counts
that src/facts/story_names.c uses. Every ECB+ article is ingested into one
store as eval/facts.py does; each person or place the library gives is
labelled where it stands in ECB+'s scored sentences (right: over a gold
person or place); a logistic model is fitted on topics 1-20 and the names
below a threshold are taken as organisations; both splits are scored as
eval/facts.py scores the one store. Prints the weights and, per threshold,
1-20 and 21-35 P / R. docs/facts.md "Twenty-first round: names".
Usage: fit_context_types.py --bin B --db D --data DATASETS"""
import argparse
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
import stories  # noqa: E402
from facts_common import char_offsets  # noqa: E402

FEATURES = ("bias", "quoted", "the_before", "speech_after", "lower_after", "to_before",
            "possessive", "role", "capitals", "log_mentions", "words", "person_share",
            "place_share", "organization_share")
SPEECH = {b"said", b"says", b"told", b"added", b"who", b"tweeted", b"confirmed"}
TO = {b"to", b"by", b"with", b"told", b"from"}
OPEN = (b'"', b"\xe2\x80\x9c", b"\xe2\x80\x98", b"'", b"`")
CLOSE = (b'"', b"\xe2\x80\x9d", b"\xe2\x80\x99", b"'")


def ingest(binary, db, data_dir):
    docs = stories.ecbplus(data_dir, 1)
    for d in docs:
        d["title"] = d["text"].split("\n", 1)[0]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "ecbplus.jsonl")
        stories.write_jsonl(jsonl, docs)
        subprocess.run([binary, "--quiet", "--db", db, "ingest", jsonl], check=False)
    out = subprocess.run([binary, "--db", db, "export", "--json"], check=True,
                         capture_output=True).stdout
    return json.loads(out), {d["key"]: d["text"] for d in docs}


def context(text, s0, s1):
    """The context features of one mention, bytes [s0, s1) of text."""
    before = re.findall(rb"\S+", text[max(0, s0 - 40):s0])
    after = re.findall(rb"\S+", text[s1:s1 + 40])
    prev = before[-1].lower() if before else b""
    nxt = after[0] if after else b""
    quoted = text[s0 - 3:s0].rstrip().endswith(OPEN) and text[s1:s1 + 4].lstrip().startswith(CLOSE)
    return [float(quoted), float(prev == b"the"), float(nxt.lower() in SPEECH),
            float(nxt[:1].islower() and nxt.lower() not in SPEECH), float(prev in TO),
            float(nxt in (b"'s", b"\xe2\x80\x99s") or text[s1:s1 + 2] == b"'s")]


def candidates(export):
    """{(story, name): features} over the story's mentions of the name."""
    story_of = {a["id"]: a["story"] for a in export["articles"]}
    text_of = {a["id"]: a["text"].encode("utf-8") for a in export["articles"]}
    ctx = collections.defaultdict(list)
    types = collections.defaultdict(collections.Counter)
    for e in export["entities"]:
        key = (story_of[e["article"]], e["name"])
        s0, s1 = e["span"]
        ctx[key].append(context(text_of[e["article"]], s0, s1) +
                        [float(bool(e["role"])), float(e["text"].isupper() and len(e["text"]) > 3)])
        types[key][e["type"]] += 1
    out = {}
    for key, rows in ctx.items():
        n = len(rows)
        means = [sum(r[i] for r in rows) / n for i in range(len(rows[0]))]
        t = types[key]
        out[key] = [1.0] + means + [math.log1p(n), float(" " in key[1]),
                                    t["person"] / n, t["place"] / n, t["organization"] / n]
    return out


def labelled(export, texts, base, annotated):
    """[(article, span, label)] of the person and place mentions in scored
    sentences: 1 over a gold person or place."""
    docs, names = {}, []
    for d, n in zip(fe.load_topics(base, annotated, set(range(1, 36)), names), names):
        docs[n] = d
    by_article = collections.defaultdict(list)
    for e in export["entities"]:
        by_article[e["article"]].append(e)
    out = []
    for a in export["articles"]:
        if a["key"] not in docs:
            continue
        text, gold, scored = docs[a["key"]]
        gold = [(g0, g1) for g0, g1, _, tag in gold if fe.person_or_place(tag)]
        where = fe.line_map(a["text"].encode("utf-8"), texts[a["key"]].encode("utf-8"))
        c = char_offsets(text.encode("utf-8"))
        for e in by_article[a["id"]]:
            s0, s1 = where(e["span"][0]), where(e["span"][1])
            if e["type"] not in ("person", "place") or None in (s0, s1):
                continue
            p0, p1 = c[s0], c[s1]
            if any(x <= p0 < y for x, y in scored):
                out.append((a, e, int(any(p0 < g1 and g0 < p1 for g0, g1 in gold))))
    return out


def typed_by(export, texts, cands, w, threshold):
    """The export's names with the model's organisations, spans mapped."""
    story_of = {a["id"]: a["story"] for a in export["articles"]}
    by_article = collections.defaultdict(list)
    for e in export["entities"]:
        key = (story_of[e["article"]], e["name"])
        if threshold and e["type"] in ("person", "place") and probability(w, cands[key]) < threshold:
            e = dict(e, type="organization")
        by_article[e["article"]].append(e)
    typed = {}
    for a in export["articles"]:
        where = fe.line_map(a["text"].encode("utf-8"), texts[a["key"]].encode("utf-8"))
        ents = [dict(e, span=[where(e["span"][0]), where(e["span"][1])])
                for e in by_article[a["id"]]]
        typed[a["key"]] = {"entities": [e for e in ents if None not in e["span"]]}
    return typed


def probability(w, x):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    export, texts = ingest(args.bin, args.db + ".fit_context_types.db", args.data)
    cands = candidates(export)
    base = os.path.join(args.data, "clustering/ecbplus")
    annotated = fe.annotated_sentences(base)
    story_of = {a["id"]: a["story"] for a in export["articles"]}
    rows = [(cands[(story_of[a["id"]], e["name"])], y)
            for a, e, y in labelled(export, texts, base, annotated)
            if int(a["key"].split("_")[0]) <= 20]
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    w = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(x, y).coef_[0]
    print("fitted on %d person and place mentions of topics 1-20 (%.3f right)" % (len(y), y.mean()))
    print("weights:", ", ".join("%s %.4f" % (f, v) for f, v in zip(FEATURES, w)))
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        typed = typed_by(export, texts, cands, w, threshold)
        for label, topics in (("tuned 1-20", fe.TUNED_TOPICS), ("held out 21-35",
                                                                 fe.HELD_OUT_TOPICS)):
            p, r, t, n, g = fe.story_scores(typed, base, annotated, topics)
            print("threshold %.2f %s: P %.4f R %.4f F1 %.4f (%d)"
                  % (threshold, label, p, r, 2 * p * r / (p + r), n))


if __name__ == "__main__":
    main()
