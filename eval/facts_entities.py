"""Entities: recall and precision of person and place names.

ECB+ (clustering/ecbplus): the dev topics 2 5 12 18 21 23 34 35 (the scores
kept since issue 4), then topics 1-20, on which the rules are tuned, and
21-35, held out (the figure that counts). The text is the
tokens joined by spaces, a line per sentence, the whole article; only what
lies in the sentences listed as fully annotated is scored. Gold names are HUMAN_PART_PER and LOC_* mentions with
a capitalised token that is not a pronoun nor only a sentence's first word
(unless the document capitalises it mid-sentence too). A predicted person or place in
those sentences is right when it shares a token with a gold person or place
mention (names or not: "the actress" is annotated, and so is its name);
recall counts gold names a prediction of either type overlaps. ECB+ marks
only event participants, so some right names count against precision.

Seeds: hand-listed names are not kept in the repository (no dataset text in
it); the seeds part checks instead that every quote's speaker is a person
the entity pass found in the same report."""
import csv
import os
import re
import tempfile
import xml.etree.ElementTree as ET

from facts_common import char_offsets, extract, prf

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "its", "it", "we", "i", "you",
            "who", "whom", "their", "our", "us", "me", "himself", "herself", "themselves"}


def name_token(tok, mid_caps):
    """A capitalised word that is a name: not a pronoun, and not merely the
    capital of a sentence start (then it must be capitalised elsewhere too)."""
    _, n, w = tok
    if not w[:1].isupper() or w.lower() in PRONOUNS:
        return False
    return n > 0 or w in mid_caps


def load_doc(path, sentences):
    """The whole article as text (a line per sentence), the gold mentions of
    its annotated sentences, and the character ranges of those sentences."""
    root = ET.parse(path).getroot()
    toks = {}
    for t in root.iter("token"):
        toks[t.get("t_id")] = (int(t.get("sentence")), int(t.get("number")), t.text or "")
    # words written with a capital inside a sentence somewhere in the document
    mid_caps = {w for s, n, w in toks.values() if n > 0 and w[:1].isupper()}
    lines, where, scored = [], {}, []
    offset = 0
    for s in sorted({s for s, _, _ in toks.values()}):
        words = sorted((n, tid, w) for tid, (ss, n, w) in toks.items() if ss == s)
        parts = []
        for n, tid, w in words:
            where[tid] = (offset + sum(len(p) + 1 for p in parts), len(w))
            parts.append(w)
        line = " ".join(parts)
        if s in sentences:
            scored.append((offset, offset + len(line)))
        lines.append(line)
        offset += len(line) + 1
    gold = []
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        if not (m.tag == "HUMAN_PART_PER" or m.tag.startswith("LOC_")):
            continue
        ids = [a.get("t_id") for a in m.iter("token_anchor") if a.get("t_id") in where]
        if not ids or toks[ids[0]][0] not in sentences:
            continue
        name = any(name_token(toks[i], mid_caps) for i in ids)
        spans = [(where[i][0], where[i][0] + where[i][1]) for i in ids]
        gold.append((min(a for a, _ in spans), max(b for _, b in spans), name,
                     "person" if m.tag == "HUMAN_PART_PER" else "place"))
    return "\n".join(lines) + "\n", gold, scored


TUNED_TOPICS = set(range(1, 21))
HELD_OUT_TOPICS = set(range(21, 36))


def load_topics(base, annotated, topics):
    docs = []
    for topic in sorted(topics):
        folder = os.path.join(base, "ECB+", str(topic))
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            m = re.match(r"(\d+)_(\w+)\.xml$", name)
            if m and (topic, m.group(2)) in annotated:
                docs.append(load_doc(os.path.join(folder, name), annotated[(topic, m.group(2))]))
    return docs


def score(binary, db, docs):
    """Precision, recall and right type of the person and place names of docs."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (text, _, _) in enumerate(docs):
            p = os.path.join(tmp, "%04d.txt" % i)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(p)
        preds = extract(binary, db, paths)
    n_pred = n_right = n_names = n_found = n_typed = 0
    for (text, gold, scored), facts in zip(docs, preds):
        c = char_offsets(text.encode("utf-8"))
        pred = [(c[e["span"][0]], c[e["span"][1]], e["type"]) for e in facts["entities"]
                if e["type"] in ("person", "place")]
        pred = [p for p in pred if any(a <= p[0] < b for a, b in scored)]
        for a, b, t in pred:
            n_pred += 1
            hit = [g for g in gold if a < g[1] and g[0] < b]
            n_right += bool(hit)
        for g in gold:
            if not g[2]:
                continue
            n_names += 1
            hit = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
            n_found += bool(hit)
            n_typed += any(p[2] == g[3] for p in hit)
    p = n_right / n_pred if n_pred else 0.0
    r = n_found / n_names if n_names else 0.0
    typed = n_typed / n_found if n_found else 0.0
    return p, r, typed, n_pred, n_names


def evaluate(binary, db, data_dir, split="dev"):
    """dev: the dev topics (the scores kept since issue 4), then topics 1-20
    (the rules are tuned on them) and 21-35 (held out); train: the topics
    that are not dev topics."""
    base = os.path.join(data_dir, "clustering/ecbplus")
    annotated = {}
    with open(os.path.join(base, "ECBplus_coreference_sentences.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (int(row["Topic"]), row["File"])
            annotated.setdefault(key, set()).add(int(row["Sentence Number"]))
    parts = [("dev", DEV_TOPICS, "entities_ecbplus_")] if split == "dev" else \
        [("train", set(range(1, 36)) - DEV_TOPICS, "entities_ecbplus_")]
    if split == "dev":
        parts += [("tuned 1-20", TUNED_TOPICS, "entities_ecbplus_tuned_"),
                  ("held out 21-35", HELD_OUT_TOPICS, "entities_ecbplus_held_out_")]
    scores = {}
    for label, topics, prefix in parts:
        p, r, typed, n_pred, n_names = score(binary, db, load_topics(base, annotated, topics))
        f = 2 * p * r / (p + r) if p + r else 0.0
        print("entities ecbplus %s: precision %.3f recall %.3f F1 %.3f (%d predicted, %d gold "
              "names); right type %.3f" % (label, p, r, f, n_pred, n_names, typed))
        scores.update({prefix + "precision": p, prefix + "recall": r, prefix + "type": typed})
    return scores
