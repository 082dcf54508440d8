"""What typing a name by the other reports of its story does to the ECB+
person and place names (issue 18, names7; the rules compared on each
article's own extraction, `facts --text`; the library keeps "majority"
with a share of 0.25, src/facts/story_names.c, chosen here on topics
1-20 (--share), and eval/facts.py scores it as the library gives it): each ECB+ topic stands for a story. A person named in an
article without a role there is taken for an organisation where the
topic's other articles type the name an organisation more often than a
person ("majority"); or every mention takes the type `storyline entities
N` gives the name over the story's mentions ("story rows": a role makes a
person, else the place or organisation most mentions say wins over a
role-less person). Scored as eval/facts_entities.py scores persons and
places. With --out FOLDER, the stories are storyline's own instead of the
topics: all 35 topics' articles ingested into a fresh store as
eval/stories.py ingests them (order 1), each article's story read back.
With --library, both the stories and each article's names are the store's
(facts_entities.story_typed: all ECB+ articles in one store, names read
back with `export --json`); run it with a build whose library does not
type names by their story (main before branch names8) to compare the
rules on what the library stores.
Usage: /usr/bin/python3 eval/entities_across_articles.py --bin B --db D --data DATASETS
       [--out FOLDER | --library] [--k K ...] [--share S ...]"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
import stories as st  # noqa: E402
from facts_common import extract, make_store  # noqa: E402


def system_stories(args):
    """{ECB+ file name: storyline's story} over all topics' articles."""
    docs = st.ecbplus(args.data, 1)
    stories, _, _ = st.run_storyline(args, "ecbplus_names", docs, None)
    return {d["key"]: s for d, s in zip(docs, stories)}


def run(binary, db, data, topics, story_of=None):
    """[(story, text, gold, scored, facts)] of the topics' annotated
    articles; the story is the topic, or story_of[file name]."""
    base = os.path.join(data, "clustering/ecbplus")
    annotated = fe.annotated_sentences(base)
    docs, tops = [], []
    for topic in sorted(topics):
        folder = os.path.join(base, "ECB+", str(topic))
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            m = re.match(r"(\d+)_(\w+)\.xml$", name)
            if m and (topic, m.group(2)) in annotated:
                docs.append(fe.load_doc(os.path.join(folder, name), annotated[(topic, m.group(2))]))
                tops.append(story_of.get(name, "rejected " + name) if story_of else topic)
    make_store(binary, db)
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(binary, db, fe.write_docs(docs, tmp))
    return [(t, text, gold, scored, facts) for t, (text, gold, scored), facts in
            zip(tops, docs, preds)]


def library(binary, db, data, topics):
    """run()'s rows with the stories and the names of one store."""
    base = os.path.join(data, "clustering/ecbplus")
    typed = fe.story_typed(binary, db, data)
    out = subprocess.run([binary, "--db", db + ".ecbplus_stories.db", "export", "--json"],
                         check=True, capture_output=True).stdout
    story = {a["key"]: a["story"] for a in json.loads(out)["articles"]}
    names = []
    docs = fe.load_topics(base, fe.annotated_sentences(base), topics, names)
    return [(story.get(n, "rejected " + n),) + d + (typed.get(n, {"entities": []}),)
            for d, n in zip(docs, names)]


def counts(entities):
    """Per name: mentions by type, and persons with a role."""
    out = collections.defaultdict(collections.Counter)
    for e in entities:
        out[e["name"]][e["type"]] += 1
        out[e["name"]]["titled"] += e["type"] == "person" and bool(e["role"])
    return out


def story_row_type(c, fallback, k=0.0):
    """The type `storyline entities` gives a name (src/cli/entities.c; k =
    0): a role makes a person, else places or organisations win over
    role-less persons, here only where their mentions reach k times those."""
    others = c["place"] + c["organization"]
    if c["titled"] or not others or others < k * c["person"]:
        return "person" if c["person"] else fallback
    return "place" if c["place"] >= c["organization"] else "organization"


def typer(arts, mode, k=0.0, share=1.0):
    """A function (article index, entity) -> the type it is scored as;
    "majority" with `share`: the other articles' organisation mentions
    must pass `share` times their person mentions (1: the majority rule,
    0.25: the library's, src/facts/story_names.c)."""
    topic = collections.defaultdict(list)
    for i, (t, _, _, _, facts) in enumerate(arts):
        topic[t] += facts["entities"]
    all_counts = {t: counts(ents) for t, ents in topic.items()}
    own_counts = [counts(facts["entities"]) for _, _, _, _, facts in arts]

    def majority(i, e):
        t, own = arts[i][0], own_counts[i][e["name"]]
        every = all_counts[t][e["name"]]
        orgs, persons = (every[x] - own[x] for x in ("organization", "person"))
        if e["type"] == "person" and not own["titled"] and orgs > 0 and orgs > share * persons:
            return "organization"
        return e["type"]

    def rows(i, e):
        return story_row_type(all_counts[arts[i][0]][e["name"]], e["type"], k)

    def votes(i, e):
        c = all_counts[arts[i][0]][e["name"]]
        if c["titled"]:
            return "person"
        return max(("person", "place", "organization"), key=lambda k: c[k])

    return {"article": lambda i, e: e["type"], "majority": majority, "story rows": rows,
            "story votes": votes}[mode]


def measure(arts, type_of):
    """The scorer's precision, recall, F1 and count of persons and places
    (facts_entities.measure) with every entity typed by type_of."""
    docs = [(text, gold, scored) for _, text, gold, scored, _ in arts]
    preds = [{"entities": [dict(e, type=type_of(i, e)) for e in facts["entities"]]}
             for i, (_, _, _, _, facts) in enumerate(arts)]
    p, r, _, predicted, _ = fe.measure(docs, preds, ("person", "place"), fe.person_or_place,
                                       fe.gold_type)
    return p, r, 2 * p * r / max(p + r, 1e-9), predicted


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", help="a folder for the store of storyline's own stories")
    ap.add_argument("--share", type=float, action="append", default=[],
                    help="the majority rule with organisations passing SHARE times the"
                    " persons (repeatable)")
    ap.add_argument("--library", action="store_true",
                    help="the stories and names of one store (see above)")
    ap.add_argument("--k", type=float, action="append", default=[],
                    help="story rows where places and organisations must reach K times the"
                    " role-less persons' mentions (repeatable; tuned topics only)")
    args = ap.parse_args()
    story_of = system_stories(args) if args.out else None
    for label, topics in (("tuned 1-20", fe.TUNED_TOPICS), ("held out 21-35", fe.HELD_OUT_TOPICS)):
        arts = (library(args.bin, args.db, args.data, topics) if args.library else
                run(args.bin, args.db, args.data, topics, story_of))
        for mode in ("article", "majority", "story rows", "story votes"):
            print("%s %-10s P %.3f R %.3f F1 %.3f (%d predicted)" %
                  ((label, mode) + measure(arts, typer(arts, mode))))
        for share in args.share:
            print("%s majority share=%g P %.3f R %.3f F1 %.4f (%d predicted)" %
                  ((label, share) + measure(arts, typer(arts, "majority", share=share))))
        for k in args.k if topics == fe.TUNED_TOPICS else []:
            print("%s story rows k=%g P %.3f R %.3f F1 %.3f (%d predicted)" %
                  ((label, k) + measure(arts, typer(arts, "story rows", k))))


if __name__ == "__main__":
    main()
