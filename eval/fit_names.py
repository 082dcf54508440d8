"""Experiment (reverted in the next commit): a learned keep decision over the
persons and places storyline lists, a logistic regression over features read
from the text (type, word count, mentions, capitals, possessive, line start,
the word before and after, sentence position, words the text writes in lower
case, headline line, named before), fitted on ECB+ topics 1-20 and reported
on 21-35 with eval/facts_entities.py's gold. Prints the thresholds' figures.
Usage: /usr/bin/python3 eval/fit_names.py --bin B --db D --data DATASETS"""
import argparse
import collections
import math
import os
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
from facts_common import char_offsets, extract, make_store  # noqa: E402

AT = {"in", "at", "from", "near", "across", "to", "into", "outside"}
SAID = {"said", "says", "told", "added", "stated", "explained"}
STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from",
        "as", "is", "was", "has", "had", "that", "who", "which", ",", ".", "'s"}


def features(text, a, b, t, counts, lower_words, first_at):
    name = text[a:b]
    before = text[:a].rstrip(" ").split(" ")[-1].split("\n")[-1] if text[a - 1:a] == " " else ""
    after = text[b:].lstrip(" ").split("\n")[0].split(" ")
    nxt = after[0] if after else ""
    line_start = text.rfind("\n", 0, a) + 1
    words = name.split()
    sentence, sentences = text.count("\n", 0, a), max(text.count("\n"), 1)
    return [t == "person", t == "place", len(words) == 1, len(words) == 2,
            math.log1p(counts[name]), name.isupper() and len(name) > 1,
            nxt in ("'s", "'", "’"), a == line_start, before.lower() == "the",
            before.lower() in AT, nxt in SAID, nxt[:1].islower() and nxt.lower() not in STOP,
            before.lower() == "of", sentence <= 1, sentence / sentences, nxt == ",",
            sum(w.lower() in lower_words for w in words) / len(words),
            fe.headline(text[line_start:text.find("\n", a)].split()), first_at[name] < a]


def rows(binary, db, base, topics):
    """The docs, their predictions, and per listed person or place in the scored
    sentences: features, right (overlaps a gold person or place), (doc, span)."""
    docs = fe.load_topics(base, fe.annotated_sentences(base), topics)
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(binary, db, fe.write_docs(docs, tmp))
    X, y, where = [], [], []
    for i, ((text, gold, scored), facts) in enumerate(zip(docs, preds)):
        c = char_offsets(text.encode("utf-8"))
        ents = [(c[e["span"][0]], c[e["span"][1]], e["type"]) for e in facts["entities"]]
        counts = collections.Counter(text[a:b] for a, b, _ in ents)
        first_at = {}
        for a, b, _ in ents:
            first_at.setdefault(text[a:b], a)
        lower_words = {w for w in text.split() if w[:1].islower()}
        for a, b, t in ents:
            if t in ("person", "place") and any(x <= a < z for x, z in scored):
                X.append(features(text, a, b, t, counts, lower_words, first_at))
                y.append(any(a < g[1] and g[0] < b and fe.gold_type(g[3]) for g in gold))
                where.append((i, a, b))
    return docs, preds, np.array(X, float), np.array(y), where


def score(docs, preds, dropped):
    """Precision and recall of the person and place names without `dropped`."""
    n_pred = n_right = n_names = n_found = 0
    for i, ((text, gold, scored), facts) in enumerate(zip(docs, preds)):
        c = char_offsets(text.encode("utf-8"))
        pred = [(c[e["span"][0]], c[e["span"][1]]) for e in facts["entities"]
                if e["type"] in ("person", "place")]
        pred = [(a, b) for a, b in pred if any(x <= a < z for x, z in scored)
                and (i, a, b) not in dropped]
        names = [g for g in gold if fe.gold_type(g[3])]
        for a, b in pred:
            n_pred += 1
            n_right += any(a < g[1] and g[0] < b for g in names)
        for g in names:
            if g[2]:
                n_names += 1
                n_found += any(a < g[1] and g[0] < b for a, b in pred)
    return n_right / n_pred, n_found / n_names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    make_store(args.bin, args.db)
    base = os.path.join(args.data, "clustering/ecbplus")
    tuned = rows(args.bin, args.db, base, set(range(1, 21)))
    held = rows(args.bin, args.db, base, set(range(21, 36)))
    model = LogisticRegression(max_iter=2000).fit(tuned[2], tuned[3])
    print("fitted on %d names of 1-20 (%.3f right), reported on %d of 21-35 (%.3f right)"
          % (len(tuned[3]), tuned[3].mean(), len(held[3]), held[3].mean()))
    print("weights", " ".join("%.2f" % w for w in model.coef_[0]), "bias %.2f" % model.intercept_[0])
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7):
        figures = []
        for docs, preds, X, _, where in (tuned, held):
            keep = model.predict_proba(X)[:, 1] >= threshold
            figures += score(docs, preds, {w for w, k in zip(where, keep) if not k})
        f1 = 2 * figures[0] * figures[1] / (figures[0] + figures[1])
        print("threshold %.2f  1-20 P %.3f R %.3f F1 %.3f  21-35 P %.3f R %.3f" %
              (threshold, figures[0], figures[1], f1, figures[2], figures[3]))


if __name__ == "__main__":
    main()
