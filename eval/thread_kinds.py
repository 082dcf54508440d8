#!/usr/bin/env python3
"""thread_kinds.py - whether what kind of event two ECB+ stories tell (the
words of their leads that say what happened, not who or where) would tell
the thread links the engine misses. Measured on the exact replay of
eval/fit_threads.py.

    /usr/bin/python3 eval/thread_kinds.py [--data ../shared/datasets] [--orders N] [--part lead|all]
                                          [--engine] [--mixed W,BIRTH,AGAIN]

An article's event-kind terms are the content words of its lead (its first
LEAD_LINES lines with a letter that are not a URL; --part all: every line)
that the article also writes in lower case somewhere (so not a name or a
place, which are written capitalised), that are not stop words of
src/text/stopword_list.c (read from it), of 3 letters or more, lightly
stemmed; weighed tf-idf (df over the collection's articles). A
story's kind vector is the sum of its articles' (normalised), in the
trace's order. --engine: the engine's own kind vectors in place of these
(the trace's "K" lines, src/stories/kinds.c: libstemmer stems, the
grouper's idf of the counts so far, lines as the body text has them);
kind_idf is then not measured. --mixed also replays one rule cosine + W
kind at the given cuts. For each candidate of each thread decision (a new story's
first article at birth; a story that opened its own thread at its
RELINK_ARTICLES-th article), `kind` is the cosine of the two kind vectors
and `kind_idf` the highest IDF of a term both hold.

Printed: (0) the AUC of "same topic" over every candidate pair, by half:
the cosine, the two kind scores and the cosine plus w kind. (1) The
distributions of both on the engine's right links, its wrong links, and
its missed links (the best candidate of the story's own topic), and of
the other topics' best candidate, on topics 1-20 (the tuning half;
21-35's errors are not printed). (2) Rules replayed (thread B3 F1, mean of
orders 1..N): a link to the best candidate whose kind score reaches K
from a cosine LOW when the engine links none, and/or a link the engine
makes refused when its kind score is under V and its cosine under VETO;
at the birth, the link again or both; each chosen on one half and
reported on the other. (3) The same for a score cosine + w kind in place
of the cosine in the thread rule (the cuts of the birth and of the link
again chosen with w). None was kept (docs/stories.md "Thirty-second
round"; with --engine, "Thirty-third round"). numpy needed (/usr/bin/python3).
"""
import collections
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_stories import fit_arguments  # noqa: E402
import numpy as np  # noqa: E402
from fit_threads import (RELINK_ARTICLES, RELINK_THRESHOLD, ROOT, THREAD_THRESHOLD,  # noqa: E402
                         THREAD_WINDOW_DAYS, auc, rule_birth, rule_relink, thread_link,
                         thread_scores, traced_runs)
from thread_actors import classify, decisions, near, print_chosen  # noqa: E402

LEAD_LINES = 3
SCORES = ("kind", "kind_idf")
LOWS = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, None)
VETOS = (0.0, 0.10, 0.12, 0.15, 0.20)
MIX_WEIGHTS = (0.1, 0.25, 0.5)
MIX_CUTS = tuple(round(0.07 + 0.01 * i, 2) for i in range(12))
KIND_CUTS = {"kind": (0.05, 0.1, 0.15, 0.2, 0.3), "kind_idf": (2.0, 3.0, 4.0, 5.0)}


# ---- event-kind terms ----

def english_stop_words():
    """The English stop words of src/text/stopword_list.c."""
    with open(os.path.join(ROOT, "src", "text", "stopword_list.c"), encoding="utf-8") as f:
        return {m.group(1) for m in re.finditer(r'W\("([^"]+)",([^)]*)\)', f.read())
                if "EN" in re.split(r"[\s|]+", m.group(2))}


def stem(word):
    """A light suffix strip, enough to meet "fired" and "fires"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def kind_terms(text, stop, part):
    """Counter of the event-kind terms of one article (see the docstring)."""
    lines = [ln for ln in text.split("\n") if re.search(r"[A-Za-z]", ln) and
             not ln.lstrip().startswith("http")]
    lowered = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", "\n".join(lines if part == "all"
                                                         else lines[:LEAD_LINES]))
    return collections.Counter(stem(w.lower()) for w in words
                               if len(w) >= 3 and w.lower() in lowered and w.lower() not in stop)


def kind_vectors(docs, part):
    """doc index -> normalised tf-idf kind vector; term -> idf."""
    stop = english_stop_words()
    counts = [kind_terms(d["text"], stop, part) for d in docs]
    df = collections.Counter(t for c in counts for t in c)
    idf = {t: math.log(len(docs) / k) for t, k in df.items()}
    vectors = []
    for c in counts:
        v = {t: (1 + math.log(k)) * idf[t] for t, k in c.items()}
        n = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vectors.append({t: w / n for t, w in v.items()})
    return vectors, idf


def engine_vectors(run):
    """doc index -> the engine's kind vector of the article ("K" lines of
    the trace: libstemmer stems, df so far; src/stories/kinds.c)."""
    vectors = [{} for _ in run["docs"]]
    for e in run["events"]:
        if e["kind"] == "A" and "article" in e and e.get("kind_terms"):
            vectors[e["article"]] = e["kind_terms"]
    return vectors


def story_vector(docs, vectors):
    v = collections.Counter()
    for d in docs:
        v.update(vectors[d])
    return v


def kind_scores(a, b, idf):
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    na, nb = math.sqrt(sum(w * w for w in a.values())), math.sqrt(sum(w * w for w in b.values()))
    best = max((idf[t] for t in a if t in b), default=0.0)
    return (dot / (na * nb) if na and nb else 0.0), best


def annotate(run, vectors, idf):
    """Each decision's candidates get `kind` and `kind_idf` against the
    deciding side (the article at birth, the story at the link again)."""
    for side, candidates, members in decisions(run):
        mine = story_vector(side, vectors)
        for c in candidates:
            theirs = members.get(c["story"])
            c["kind"], c["kind_idf"] = kind_scores(mine, story_vector(theirs, vectors), idf) \
                if theirs else (0.0, 0.0)


# ---- (1) distributions ----

def quartiles(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return "-"
    q = [values[min(len(values) - 1, int(p * len(values)))] for p in (0.0, 0.25, 0.5, 0.75)]
    return "n %d: min %.2f q1 %.2f med %.2f q3 %.2f max %.2f" % ((len(values),) + tuple(q) +
                                                                  (values[-1],))


def print_distributions(runs, score):
    """`score` on topics 1-20's right, wrong and missed decisions (orders summed)."""
    for run in runs:
        for e in run["events"]:
            for c in e.get("links", []) + e.get("candidates", []):
                c["actors"] = c.get(score, 0.0)
    rows = [r for run in runs for r in classify(run)]
    print("%s, topics 1-20 (all orders):" % score)
    for kind in ("birth", "link again"):
        mine = [r for r in rows if r["half"] == 1 and r["kind"] == kind]
        for outcome, field in (("right", "chosen_actors"), ("wrong", "chosen_actors"),
                               ("missed", "same_actors")):
            sel = [r for r in mine if r["outcome"] == outcome]
            print("  %-10s %-7s its link / own topic's best: %s" % (
                kind, outcome, quartiles(r[field] for r in sel)))
        sel = [r for r in mine if r["outcome"] in ("missed", "wrong")]
        print("  %-10s %-7s the other topics' best:       %s" % (
            kind, "errors", quartiles(r["other_actors"] for r in sel)))


def pair_scores(runs):
    """{(half, decision): [(candidate, same topic)]} over every decision."""
    pairs = collections.defaultdict(list)
    for run in runs:
        topic, docs = run["topic"], run["docs"]
        for e in run["events"]:
            if e["kind"] != "A":
                continue
            if e["articles"] == 1 and "article" in e:
                t = docs[e["article"]]["topic"]
                pairs[(1 if t <= 20 else 2, "birth")] += [
                    (c, topic.get(c["story"]) == t) for c in e["links"]
                    if c["gap"] <= THREAD_WINDOW_DAYS]
            if e["articles"] == RELINK_ARTICLES and topic.get(e["story"]) is not None:
                t = topic[e["story"]]
                pairs[(1 if t <= 20 else 2, "link again")] += [
                    (c, topic.get(c["story"]) == t) for c in e["candidates"]
                    if c["story"] != e["story"]]
    return pairs


def print_auc(runs):
    """AUC of "same topic" over the candidate pairs: the cosine, the kind
    scores, and the cosine plus w kind."""
    scores = [("cosine", lambda c: c["cosine"]), ("kind", lambda c: c["kind"]),
              ("kind_idf", lambda c: c["kind_idf"])] + [
        ("cosine+%.2f kind" % w, lambda c, w=w: c["cosine"] + w * c["kind"]) for w in MIX_WEIGHTS]
    for (half, decision), pairs in sorted(pair_scores(runs).items()):
        y = np.array([same for _, same in pairs], float)
        print("AUC, %s, topics %s (%d pairs): %s" % (
            decision, "1-20" if half == 1 else "21-35", len(y), ", ".join(
                "%s %.3f" % (name, auc(np.array([f(c) for c, _ in pairs]), y))
                for name, f in scores)))


# ---- (2) rules ----

def pick(candidates, threshold, score, k, low, v, veto):
    """The engine's choice less the links whose `score` is under v with a
    cosine under `veto`; else the best candidate with `score` >= k from a
    cosine `low` (the later of equals)."""
    best, story = 0.0, 0
    for c in candidates:
        if thread_link(c, threshold) and c["cosine"] >= best and \
                not (c[score] < v and c["cosine"] < veto):
            best, story = c["cosine"], c["story"]
    if story or low is None:
        return story
    for c in candidates:
        if near(c) and c[score] >= k and c["cosine"] >= max(low, best):
            best, story = c["cosine"], c["story"]
    return story


def kind_rule(where, score, k, low, v, veto):
    def birth(e, threads):
        return pick(e["links"], THREAD_THRESHOLD, score, k, low, v, veto)

    def relink(e, threads):
        if e["articles"] != RELINK_ARTICLES or threads.of(e["story"]) != e["story"]:
            return 0
        return pick([c for c in e["candidates"] if threads.of(c["story"]) != e["story"]],
                    RELINK_THRESHOLD, score, k, low, v, veto)
    return (birth if where != "link again" else rule_birth,
            relink if where != "birth" else rule_relink())


def grid(runs, score):
    rows = []
    for where in ("both", "birth", "link again"):
        for k in KIND_CUTS[score]:
            for low in LOWS:
                for veto in VETOS:
                    rule = (where, score, k, low, k if veto else 0.0, veto)
                    rows.append((rule, thread_scores(runs, kind_rule(*rule))))
    return rows


def mixed(candidates, threshold, w):
    """The candidate of highest cosine + w kind that the thread rule links
    with that score in place of the cosine (the later of equals)."""
    best, story = 0.0, 0
    for c in candidates:
        score = c["cosine"] + w * c["kind"]
        if thread_link(c, threshold, score) and score >= best:
            best, story = score, c["story"]
    return story


def mixed_rule(where, w, birth_cut, relink_cut):
    def birth(e, threads):
        return mixed(e["links"], birth_cut, w)

    def relink(e, threads):
        if e["articles"] != RELINK_ARTICLES or threads.of(e["story"]) != e["story"]:
            return 0
        return mixed([c for c in e["candidates"] if threads.of(c["story"]) != e["story"]],
                     relink_cut, w)
    return (birth if where != "link again" else rule_birth,
            relink if where != "birth" else rule_relink())


def mixed_grid(runs):
    """cosine + w kind in place of the cosine, at other cuts."""
    rows = []
    for where in ("both", "birth", "link again"):
        for w in MIX_WEIGHTS:
            for b in MIX_CUTS if where != "link again" else (THREAD_THRESHOLD,):
                for r in MIX_CUTS if where != "birth" else (RELINK_THRESHOLD,):
                    rule = (where, w, b, r)
                    rows.append((rule, thread_scores(runs, mixed_rule(*rule))))
    return rows


def describe_mixed(rule):
    return "%s, cosine + %.2f kind from %.3f at birth, %.3f at the link again" % rule


def describe(rule):
    where, score, k, low, v, veto = rule
    return "%s, %s >= %.2f links from %s, veto under %.2f with cosine under %.2f" % (
        where, score, k, "never" if low is None else "%.2f" % low, v, veto)


def main():
    ap = fit_arguments("thread_kinds")
    ap.add_argument("--orders", type=int, default=3, help="ECB+ ingest orders 1..N")
    ap.add_argument("--part", default="lead", choices=("lead", "all"),
                    help="the lines the kind terms are read from")
    ap.add_argument("--engine", action="store_true",
                    help="the engine's kind vectors (trace's K lines) in place of the script's")
    ap.add_argument("--mixed", metavar="W,BIRTH,AGAIN",
                    help="also replay cosine + W kind at these cuts (both decisions)")
    args = ap.parse_args()
    runs = traced_runs(args, args.orders)
    for run in runs:
        if args.engine:
            annotate(run, engine_vectors(run), collections.defaultdict(float))
        else:
            annotate(run, *kind_vectors(run["docs"], args.part))
    engine = thread_scores(runs, (rule_birth, rule_relink()))
    print("the engine's rule: thread B3 F1 1-20 %.4f  21-35 %.4f  all %.4f" % engine)
    print_auc(runs)
    for score in SCORES[:1] if args.engine else SCORES:
        print_distributions(runs, score)
        print_chosen(score, grid(runs, score), describe)
    print_chosen("cosine + w kind", mixed_grid(runs), describe_mixed)
    if args.mixed:
        rule = ("both",) + tuple(float(x) for x in args.mixed.split(","))
        print("%s: 1-20 %.4f  21-35 %.4f  all %.4f" % ((describe_mixed(rule),) +
                                                       thread_scores(runs, mixed_rule(*rule))))


if __name__ == "__main__":
    main()
