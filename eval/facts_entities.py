"""Entities: recall and precision of person and place names, and of ECB+'s
entity mentions of any type.

ECB+ (clustering/ecbplus): the dev topics 2 5 12 18 21 23 34 35 (the scores
kept since issue 4), then topics 1-20, on which the rules are tuned, and
21-35, held out (the figure that counts). The text is the
tokens joined by spaces, a line per sentence, the whole article; only what
lies in the sentences listed as fully annotated is scored. Gold names are
HUMAN_PART_PER, HUMAN_PART_GPE (a country or city acting: "India said") and
LOC_* mentions with a capitalised token that is not a pronoun nor capitalised
only by its place: a sentence's first word, or any word of a title-case or
all-capitals headline, counts only if the document capitalises it
mid-sentence in a sentence that is no headline ("Teen" in "Fatal Shooting
Of Brooklyn Teen" is no name). A predicted person or place in those
sentences is right when it shares a token with a gold person or place
mention (names or not: "the actress" is annotated, and so is its name);
recall counts gold names a prediction of either type overlaps. ECB+ marks
only event participants, so some right names count against precision.

Entity mentions (`..._mentions_*`, the issue's "ECB+ entity mentions"):
every HUMAN_PART*, NON_HUMAN_PART* and LOC_* mention is gold, every
predicted entity of any type is scored; a prediction is right when it
overlaps one, and of type when it overlaps one its type maps to (person:
HUMAN_PART_PER, organization: HUMAN_PART_ORG, place: GPE and LOC_*; works
and things, NON_HUMAN_PART, map to none of ours).

Seeds: hand-listed names are not kept in the repository (no dataset text in
it); the seeds part checks instead that every quote's speaker is a person
the entity pass found in the same report."""
import collections
import csv
import json
import os
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import copylib
from facts_common import char_offsets, extract

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "its", "it", "we", "i", "you",
            "who", "whom", "their", "our", "us", "me", "himself", "herself", "themselves"}


def headline(words):
    """A title-case or all-capitals headline: 4+ words, 7 in 10 capitalised
    (the first of the finder's tests of a title-case line, docs/facts.md
    "Entities")."""
    words = [w for w in words if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def name_token(tok, mid_caps, headlines):
    """A capitalised word that is a name: not a pronoun, and not capitalised
    only by its place (a sentence start, a headline's words): then the
    document must capitalise it mid-sentence outside headlines too."""
    s, n, w = tok
    if not w[:1].isupper() or w.lower() in PRONOUNS:
        return False
    if s in headlines:
        return w in mid_caps or w.title() in mid_caps
    return n > 0 or w in mid_caps


ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
GOLD_TYPES = {"HUMAN_PART_PER": "person", "HUMAN_PART_GPE": "place"}
MENTION_TYPES = dict(GOLD_TYPES, HUMAN_PART_ORG="organization")


def gold_type(tag):
    """The person or place type of an ECB+ mention tag, else None."""
    return "place" if tag.startswith("LOC_") else GOLD_TYPES.get(tag)


def mention_type(tag):
    """Our type of any ECB+ entity mention tag, None for works and things."""
    return "place" if tag.startswith("LOC_") else MENTION_TYPES.get(tag)


def load_doc(path, sentences):
    """The whole article as text (a line per sentence), the gold mentions of
    its annotated sentences, and the character ranges of those sentences."""
    root = ET.parse(path).getroot()
    toks = {}
    for t in root.iter("token"):
        toks[t.get("t_id")] = (int(t.get("sentence")), int(t.get("number")), t.text or "")
    by_sentence = {}
    for tid, (s, n, w) in toks.items():
        by_sentence.setdefault(s, []).append((n, tid, w))
    headlines = {s for s, words in by_sentence.items() if headline([w for _, _, w in words])}
    # words written with a capital inside a sentence somewhere in the document
    mid_caps = {w for s, n, w in toks.values()
                if n > 0 and w[:1].isupper() and s not in headlines}
    lines, where, scored = [], {}, []
    offset = 0
    for s in sorted(by_sentence):
        parts = []
        for n, tid, w in sorted(by_sentence[s]):
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
        if not m.tag.startswith(ENTITY_TAGS):
            continue
        ids = [a.get("t_id") for a in m.iter("token_anchor") if a.get("t_id") in where]
        if not ids or toks[ids[0]][0] not in sentences:
            continue
        name = any(name_token(toks[i], mid_caps, headlines) for i in ids)
        spans = [(where[i][0], where[i][0] + where[i][1]) for i in ids]
        gold.append((min(a for a, _ in spans), max(b for _, b in spans), name, m.tag))
    return "\n".join(lines) + "\n", gold, scored


TUNED_TOPICS = set(range(1, 21))
HELD_OUT_TOPICS = set(range(21, 36))


def annotated_sentences(base):
    """{(topic, file): the numbers of its fully annotated sentences}."""
    annotated = {}
    with open(os.path.join(base, "ECBplus_coreference_sentences.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (int(row["Topic"]), row["File"])
            annotated.setdefault(key, set()).add(int(row["Sentence Number"]))
    return annotated


def write_docs(docs, folder):
    """Writes each doc's text to a file of folder; their paths, in order."""
    paths = []
    for i, (text, _, _) in enumerate(docs):
        p = os.path.join(folder, "%04d.txt" % i)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(p)
    return paths


def load_topics(base, annotated, topics, names=None):
    """The annotated docs of the topics (load_doc); their file names are
    appended to `names` when given."""
    docs = []
    for topic in sorted(topics):
        folder = os.path.join(base, "ECB+", str(topic))
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            m = re.match(r"(\d+)_(\w+)\.xml$", name)
            if m and (topic, m.group(2)) in annotated:
                docs.append(load_doc(os.path.join(folder, name), annotated[(topic, m.group(2))]))
                if names is not None:
                    names.append(name)
    return docs


def measure(docs, preds, kinds, is_gold, type_of):
    """Precision, recall and right type of the predictions of types `kinds`
    (None: any) against the gold mentions of the tags `is_gold` takes; a
    found gold name is of type when a prediction of `type_of(tag)` finds it."""
    n_pred = n_right = n_names = n_found = n_typed = 0
    for (text, gold, scored), facts in zip(docs, preds):
        c = char_offsets(text.encode("utf-8"))
        gold = [(a, b, name, type_of(tag)) for a, b, name, tag in gold if is_gold(tag)]
        pred = [(c[e["span"][0]], c[e["span"][1]], e["type"]) for e in facts["entities"]
                if kinds is None or e["type"] in kinds]
        pred = [p for p in pred if any(a <= p[0] < b for a, b in scored)]
        for a, b, t in pred:
            n_pred += 1
            n_right += any(a < g[1] and g[0] < b for g in gold)
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


def person_or_place(tag):
    return gold_type(tag) is not None


def entity_mention(tag):
    return tag.startswith(ENTITY_TAGS)


def score(binary, db, docs):
    """The person and place names of docs, then their entity mentions of any
    type: (score name infix, precision, recall, right type, predicted, gold
    names) each."""
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(binary, db, write_docs(docs, tmp))
    return [("", *measure(docs, preds, ("person", "place"), person_or_place, gold_type)),
            ("mentions_", *measure(docs, preds, None, entity_mention, mention_type))]


def story_typed(binary, db, data_dir):
    """{ECB+ file name: its entities as the library gives them, spans in the
    text load_doc scores} with every ECB+ article (all 35 topics) ingested
    into one fresh store as eval/stories.py ingests them (order 1), each
    record titled by its first line so that the line stays in the text: the
    names of each article typed by its story (`export --json`,
    src/facts/story_names.c)."""
    import stories
    docs = stories.ecbplus(data_dir, 1)
    for d in docs:
        d["title"] = d["text"].split("\n", 1)[0]
    store = db + ".ecbplus_stories.db"
    copylib.fresh_db(store)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "ecbplus.jsonl")
        stories.write_jsonl(jsonl, docs)
        subprocess.run([binary, "--quiet", "--db", store, "ingest", jsonl], check=False)
    out = subprocess.run([binary, "--db", store, "export", "--json"], check=True,
                         capture_output=True).stdout
    export = json.loads(out)
    by_article = collections.defaultdict(list)
    for e in export["entities"]:
        by_article[e["article"]].append(e)
    texts = {d["key"]: d["text"] for d in docs}
    typed = {}
    for a in export["articles"]:
        where = line_map(a["text"].encode("utf-8"), texts[a["key"]].encode("utf-8"))
        ents = [dict(e, span=[where(e["span"][0]), where(e["span"][1])])
                for e in by_article[a["id"]]]
        typed[a["key"]] = {"entities": [e for e in ents if None not in e["span"]]}
    return typed


def line_map(stored, text):
    """A function from a byte offset of the stored text to the same byte of
    `text` (None where the store changed the line): each non-empty stored
    line is found among text's lines in order (page chrome the store
    removed is an empty line or gone)."""
    def starts(b):
        out, at = [], 0
        for line in b.split(b"\n"):
            out.append((at, line))
            at += len(line) + 1
        return out
    theirs, j, pairs = starts(text), 0, []
    for at, line in starts(stored):
        k = j
        while line and k < len(theirs) and theirs[k][1] != line:
            k += 1
        if line and k < len(theirs):
            pairs.append((at, len(line), theirs[k][0]))
            j = k + 1

    def where(offset):
        for at, n, to in pairs:
            if at <= offset <= at + n:
                return to + offset - at
        return None
    return where


def story_scores(typed, base, annotated, topics):
    """score()'s person and place line for the topics' articles as the
    library types them in their stories (story_typed)."""
    names = []
    docs = load_topics(base, annotated, topics, names)
    preds = [typed.get(n, {"entities": []}) for n in names]
    return measure(docs, preds, ("person", "place"), person_or_place, gold_type)


def evaluate(binary, db, data_dir, split="dev"):
    """dev: the dev topics (the scores kept since issue 4), then topics 1-20
    (the rules are tuned on them) and 21-35 (held out); train: the topics
    that are not dev topics."""
    base = os.path.join(data_dir, "clustering/ecbplus")
    annotated = annotated_sentences(base)
    parts = [("dev", DEV_TOPICS, "entities_ecbplus_")] if split == "dev" else \
        [("train", set(range(1, 36)) - DEV_TOPICS, "entities_ecbplus_")]
    if split == "dev":
        parts += [("tuned 1-20", TUNED_TOPICS, "entities_ecbplus_tuned_"),
                  ("held out 21-35", HELD_OUT_TOPICS, "entities_ecbplus_held_out_")]
    scores = {}
    for label, topics, prefix in parts:
        for kind, p, r, typed, n_pred, n_names in score(binary, db,
                                                        load_topics(base, annotated, topics)):
            f = 2 * p * r / (p + r) if p + r else 0.0
            print("entities ecbplus %s%s: precision %.3f recall %.3f F1 %.3f (%d predicted, %d "
                  "gold names); right type %.3f" % (label, kind and " (entity mentions, any type)",
                                                    p, r, f, n_pred, n_names, typed))
            scores.update({prefix + kind + "precision": p, prefix + kind + "recall": r,
                           prefix + kind + "type": typed})
    if split == "dev":
        scores.update(evaluate_story_typed(binary, db, data_dir, base, annotated))
    return scores


def evaluate_story_typed(binary, db, data_dir, base, annotated):
    """The person and place names of topics 1-20 and 21-35 as the library
    gives them to every reader: each article's names typed by its story,
    all ECB+ articles ingested into one store (the lines above score each
    article's own extraction, `facts --text`)."""
    typed = story_typed(binary, db, data_dir)
    scores = {}
    for label, topics, prefix in (("tuned 1-20", TUNED_TOPICS, "entities_ecbplus_tuned_story_"),
                                  ("held out 21-35", HELD_OUT_TOPICS,
                                   "entities_ecbplus_held_out_story_")):
        p, r, typed_right, n_pred, n_names = story_scores(typed, base, annotated, topics)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print("entities ecbplus %s (typed by their stories, one store): precision %.3f recall "
              "%.3f F1 %.3f (%d predicted, %d gold names); right type %.3f"
              % (label, p, r, f, n_pred, n_names, typed_right))
        scores.update({prefix + "precision": p, prefix + "recall": r, prefix + "type": typed_right})
    return scores
