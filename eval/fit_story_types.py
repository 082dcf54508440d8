"""A learned form of the story's person rule (src/facts/story_names.c): for
each article's role-less person of a name, whether it stays a person or
becomes an organisation, from what the story's articles say of the name
(counts of its mentions by type, roles, articles, words). Every ECB+ article
is ingested into one store as eval/facts.py does; each article's own names
are read with `facts --text` on its stored text, and labelled where they
stand in ECB+'s scored sentences (right: over a gold person or place).
Fitted on topics 1-20, the threshold chosen there by the one-store F1;
topics 21-35 reported. Prints the weights to paste.
Tried on 2026-12-05 (branch names12) and not kept: docs/eval.md "The
twelfth names round".
Usage: fit_story_types.py --bin B --db D --data DATASETS [--short]"""
import argparse
import collections
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
import stories  # noqa: E402
from facts_common import extract  # noqa: E402

FEATURES = ("bias", "other_organizations", "other_persons", "other_titled", "other_places",
            "own_persons", "own_organizations", "words", "other_articles")
# --short: how often the name is shortened ("Holt" of "Ada Holt") in the
# article and elsewhere, and how often it is a quote's speaker
SHORT_FEATURES = ("own_short", "other_short", "quoted")


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


def own_names(binary, db, articles):
    """Each stored article's own entities (no story typing)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for a in articles:
            p = os.path.join(tmp, "%d.txt" % a["id"])
            with open(p, "w", encoding="utf-8") as f:
                f.write(a["text"])
            paths.append(p)
        facts = extract(binary, db + ".facts.db", paths)
    return ({a["id"]: f["entities"] for a, f in zip(articles, facts)},
            {a["id"]: f["quotes"] for a, f in zip(articles, facts)})


def features(story_counts, own, name, short):
    """The features of an article's role-less persons of `name`: log counts
    of the story's other articles' mentions, and the article's own."""
    other = collections.Counter({t: story_counts[name][t] - own[name][t]
                                 for t in story_counts[name]})
    return [1.0, math.log1p(other["organization"]), math.log1p(other["person"]),
            math.log1p(other["titled"]), math.log1p(other["place"]),
            math.log1p(own[name]["person"]), math.log1p(own[name]["organization"]),
            float(name.count(" ") + 1 >= 2), math.log1p(other["articles"])] + \
        ([math.log1p(own[name]["short"]), math.log1p(other["short"]),
          math.log1p(story_counts[name]["quoted"])] if short else [])


def counts_of(ents):
    c = collections.defaultdict(lambda: collections.Counter())
    for e in ents:
        c[e["name"]][e["type"]] += 1
        c[e["name"]]["titled"] += e["type"] == "person" and bool(e["role"])
        c[e["name"]]["short"] += e["text"] != e["name"]
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--short", action="store_true", help="with the short-form features")
    args = ap.parse_args()
    store = args.db + ".fit_story_types.db"
    export, texts = ingest(args.bin, store, args.data)
    own, quotes = own_names(args.bin, store, export["articles"])
    exported = collections.defaultdict(list)
    for e in export["entities"]:
        exported[e["article"]].append(e)
    by_story = collections.defaultdict(list)
    for a in export["articles"]:
        by_story[a["story"]].append(a["id"])
    # candidates: (article, name) of role-less persons, with their features
    cands = {}
    for ids in by_story.values():
        story = collections.defaultdict(collections.Counter)
        owns = {}
        for i in ids:
            owns[i] = counts_of(own[i])
            for name, c in owns[i].items():
                story[name].update(c)
                story[name]["articles"] += 1
            for q in quotes[i]:
                if q.get("speaker"):
                    story[q["speaker"]]["quoted"] += 1
        for i in ids:
            for name, c in owns[i].items():
                if c["person"] and not c["titled"]:
                    o = owns[i][name]
                    o["articles"] = 1
                    cands[(i, name)] = features(story, owns[i], name, args.short)
    base = os.path.join(args.data, "clustering/ecbplus")
    annotated = fe.annotated_sentences(base)
    topic_of = {a["id"]: int(a["key"].split("_")[0]) for a in export["articles"]}
    # labels: a candidate's person mentions in scored sentences, right or not
    labels = label_mentions(export, own, texts, base, annotated, cands)
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    rows = [(cands[k], y) for k, ys in labels.items() for y in ys if topic_of[k[0]] <= 20]
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=1000).fit(x, y)
    w = model.coef_[0]
    print("fitted on %d person mentions of topics 1-20 (%.3f right)" % (len(y), y.mean()))
    print("weights:", ", ".join("%s %.4f" % (f, v) for f, v in zip(FEATURES + SHORT_FEATURES, w)))
    print("static const double person_weights[] = {%s};" % ", ".join("%.4f" % v for v in w))
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        typed = retyped(export, own, exported, cands, w, threshold, texts)
        for label, topics in (("tuned 1-20", fe.TUNED_TOPICS), ("held out 21-35",
                                                                 fe.HELD_OUT_TOPICS)):
            p, r, t, n, g = fe.story_scores(typed, base, annotated, topics)
            print("threshold %.2f %s: P %.4f R %.4f F1 %.4f (%d)"
                  % (threshold, label, p, r, 2 * p * r / (p + r), n))


def probability(w, x):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))


def retyped(export, own, exported, cands, w, threshold, texts):
    """The export's names, each candidate's persons typed by the model
    (organisation below the threshold, else person); threshold 0 keeps the
    library's types."""
    typed = {}
    for a in export["articles"]:
        where = fe.line_map(a["text"].encode("utf-8"), texts[a["key"]].encode("utf-8"))
        own_by_span = {tuple(e["span"]): e for e in own[a["id"]]}
        ents = []
        for e in exported[a["id"]]:
            mine = own_by_span.get(tuple(e["span"]))
            key = (a["id"], mine["name"]) if mine else None
            if threshold and key in cands and mine["type"] == "person":
                e = dict(e, type="person" if probability(w, cands[key]) >= threshold
                         else "organization")
            ents.append(dict(e, span=[where(e["span"][0]), where(e["span"][1])]))
        typed[a["key"]] = {"entities": [e for e in ents if None not in e["span"]]}
    return typed


def label_mentions(export, own, texts, base, annotated, cands):
    """{(article, name): [1 or 0 per person mention in a scored sentence]}."""
    docs = {}
    for topic in range(1, 36):
        names = []
        for d, n in zip(fe.load_topics(base, annotated, {topic}, names), names):
            docs[n] = d
    from facts_common import char_offsets
    labels = collections.defaultdict(list)
    for a in export["articles"]:
        if a["key"] not in docs:
            continue
        text, gold, scored = docs[a["key"]]
        gold = [(g0, g1) for g0, g1, _, tag in gold if fe.person_or_place(tag)]
        where = fe.line_map(a["text"].encode("utf-8"), texts[a["key"]].encode("utf-8"))
        c = char_offsets(text.encode("utf-8"))
        for e in own[a["id"]]:
            key = (a["id"], e["name"])
            s0, s1 = where(e["span"][0]), where(e["span"][1])
            if key not in cands or e["type"] != "person" or None in (s0, s1):
                continue
            p0, p1 = c[s0], c[s1]
            if any(x <= p0 < y for x, y in scored):
                labels[key].append(int(any(p0 < g1 and g0 < p1 for g0, g1 in gold)))
    return labels


if __name__ == "__main__":
    main()
