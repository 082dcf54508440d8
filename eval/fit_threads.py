#!/usr/bin/env python3
"""fit_threads.py - the thread decision of src/stories/grouper.c replayed on
ECB+ under other rules, and a learned one fitted and reported on topics it
was not fitted on.

    /usr/bin/python3 eval/fit_threads.py [--data ../shared/datasets] [--reverse]
    /usr/bin/python3 eval/fit_threads.py --rule-grid | --merge-grid | --oracle

Threads change no story: the stories of an ingest, and the candidates of
each thread decision, are the same under any thread rule. So ECB+ is
ingested once per order (1..ORDERS, as eval/stories.py shuffles it) with
build/stories-features, whose thread lines (src/stories/thread_trace.c) say
each new story's candidates seen from its first article ("T"), each
article added and its story's candidates seen from its centroid ("A",
"R"), and each split ("S"), with each article's vector ("W") and each
story's centroid after an add ("V") for eval/thread_features.py, which
measures other features on the same traces (traced_runs), and each
article's event-kind vector ("K") for eval/thread_kinds.py --engine. Replaying them
under the engine's own rule gives the engine's threads exactly (checked on
every run); under another rule, the threads that rule would give. Gold thread = topic; a candidate
story's topic is the majority of its final articles'.

Default: a logistic model of "same topic" over the pairs of a new story's
first article and its candidates (cosine, its part over names, shared
terms, the candidate's size, the margin over the next candidate) and of a
grown story's centroid and its candidates (cosine, shared terms, both
sizes, margin), fitted on topics 1-20 (--reverse: 21-35); the link goes to
the candidate of highest probability when it reaches a cut, and the cuts
and the sizes at which a story is linked again are chosen by replay on the
fitted topics (mean thread B3 F1 of the orders). Printed: the chosen rule
on both halves beside the engine's, and the weights. It did worse than the
hand-set rule on the held-out topics, both ways, so the rule stays
(docs/stories.md "A learned thread link").

--rule-grid replays the hand-set rule with other sizes and thresholds for
the link again; --merge-grid with threads that merge when a grown story's
nearest story is in another thread; --oracle the links gold would choose
among the same candidates (what better decisions could reach). numpy needed
(/usr/bin/python3).
"""
import argparse
import collections
import json
import math
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_stories import fit, fit_arguments  # noqa: E402
from stories import ecbplus, fresh_db, scores, subset, write_jsonl  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ORDERS = 3
# The engine's rule (src/stories/grouper.h); the replay of it is checked
# against the engine's threads on every run.
THREAD_THRESHOLD = 0.09
JOIN_THRESHOLD = 0.225
WINDOW_DAYS = 7
THREAD_WINDOW_DAYS = 120
THREAD_MIN_SHARED = 4
RELINK_ARTICLES = 5
RELINK_THRESHOLD = 0.11
CUTS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
CHECKPOINTS = ((5,), (3, 5), (5, 8), (3, 5, 8))


# ---- the trace ----

def trace(tool, out, data, order):
    """docs, events, the final story of each doc and the engine's thread."""
    docs = ecbplus(data, order)
    jsonl = os.path.join(out, "ecbplus%d.jsonl" % order)
    db = fresh_db(argparse.Namespace(out=out), "ecbplus%d" % order)
    write_jsonl(jsonl, docs)
    lines = subprocess.run([tool, db, jsonl], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    events, links, added, vector, kind, names = [], [], None, None, None, set()
    for line in lines:
        cols = line.split("\t")
        if cols[0] == "W":
            vector = {int(t): float(w) for t, w, _ in (c.split(":") for c in cols[1:])}
            names.update(int(c.split(":")[0]) for c in cols[1:] if c.endswith(":1"))
        elif cols[0] == "K":
            kind = {int(t): float(w) for t, w in (c.split(":") for c in cols[1:])}
        elif cols[0] == "V":
            added["centroid"] = {int(t): float(w) for t, w in (c.split(":") for c in cols[2:])}
        elif cols[0] == "T":
            links.append(dict(story=int(cols[1]), cosine=float(cols[2]), names=float(cols[3]),
                              shared=int(cols[4]), gap=int(cols[5]), day_dated=int(cols[6]),
                              story_dated=int(cols[7]), articles=int(cols[8])))
        elif cols[0] == "A":
            added = dict(kind="A", story=int(cols[1]), articles=int(cols[2]),
                         thread=int(cols[3]), links=links, candidates=[], vector=vector,
                         kind_terms=kind)
            links, vector, kind = [], None, None
            events.append(added)
        elif cols[0] == "R":
            added["candidates"].append(dict(story=int(cols[1]), cosine=float(cols[2]),
                                            shared=int(cols[3]), articles=int(cols[4]),
                                            gap=int(cols[5]), day_dated=int(cols[6]),
                                            story_dated=int(cols[7])))
        elif cols[0] == "S":
            events.append(dict(kind="S", story=int(cols[1]), new=int(cols[2])))
        elif line.startswith("= "):
            index = int(line.rsplit(":", 1)[1]) - 1
            for e in reversed(events):
                if e["kind"] == "A" and "article" not in e:
                    e["article"] = index
                    break
            links, vector, kind = [], None, None
    exported = json.loads(subprocess.run([os.path.join(ROOT, "build/storyline"), "--db", db,
                                          "export", "--json"], capture_output=True, text=True,
                                         check=True).stdout)
    thread_of = {s["id"]: s["thread"] or s["id"] for s in exported["stories"]}
    story_by_key = {a["key"]: a["story"] for a in exported["articles"]}
    final = [story_by_key.get(d["key"]) for d in docs]
    return dict(docs=docs, events=events, final=final, names=names, topic=story_topics(
        docs, events, final), engine=[thread_of.get(s, s) for s in final])


def story_topics(docs, events, final):
    """story -> the majority topic of its final articles (of its first
    article for a story left empty)."""
    counts = collections.defaultdict(collections.Counter)
    for d, s in zip(docs, final):
        counts[s][d["topic"]] += 1
    topic = {e["story"]: docs[e["article"]]["topic"] for e in events
             if e["kind"] == "A" and e["articles"] == 1 and "article" in e}
    topic.update({s: c.most_common(1)[0][0] for s, c in counts.items()})
    return topic


# ---- the replay ----

class Threads:
    """Each story's thread and the threads moved into others, as the grouper keeps them."""

    def __init__(self):
        self.thread, self.moves = {}, {}

    def of(self, story):
        t = self.thread.get(story, story)
        while t in self.moves:
            t = self.moves[t]
        return t


def replay(run, birth, relink):
    """The thread of each doc under the rule (birth, relink)."""
    threads = Threads()
    for e in run["events"]:
        if e["kind"] == "S":
            threads.thread[e["new"]] = threads.of(e["story"])
            continue
        if e["articles"] == 1 and e["story"] not in threads.thread:
            linked = birth(e, threads)
            threads.thread[e["story"]] = threads.of(linked) if linked else e["story"]
        target = relink(e, threads)
        if target:
            threads.moves[e["story"]] = threads.of(target)
    return [threads.of(s) for s in run["final"]]


def thread_link(c, near, score=None):
    """The engine's thread rule (grouper.h thread_link): within
    THREAD_WINDOW_DAYS, THREAD_MIN_SHARED terms and a cosine (or `score`,
    eval/thread_features.py) of `near` within the story window with both
    dated or both undated, else of the join threshold."""
    if c["gap"] > THREAD_WINDOW_DAYS or c["shared"] < THREAD_MIN_SHARED:
        return False
    close = c["gap"] <= WINDOW_DAYS and c["day_dated"] == c["story_dated"]
    return (c["cosine"] if score is None else score) >= (near if close else JOIN_THRESHOLD)


def rule_birth(e, threads):
    """The engine's link of a new story: its first article's nearest
    candidate that the thread rule links, at the thread threshold."""
    best, story = 0.0, 0
    for c in e["links"]:
        if thread_link(c, THREAD_THRESHOLD) and c["cosine"] > best:
            best, story = c["cosine"], c["story"]
    return story


def rule_relink(checkpoints=(RELINK_ARTICLES,), threshold=RELINK_THRESHOLD):
    """The engine's link again of a story that opened its own thread, at
    `checkpoints` articles: its centroid's nearest story of another thread
    that the thread rule links, at `threshold` (the later of equals)."""
    def relink(e, threads):
        if e["articles"] not in checkpoints or threads.of(e["story"]) != e["story"]:
            return 0
        best, story = 0.0, 0
        for c in e["candidates"]:
            if threads.of(c["story"]) != e["story"] and thread_link(c, threshold) and \
                    c["cosine"] >= best:
                best, story = c["cosine"], c["story"]
        return story
    return relink


def thread_scores(runs, rule):
    """Thread B3 F1 on topics 1-20, 21-35 and all, mean of the runs."""
    rows = []
    for run in runs:
        threads = replay(run, *rule)
        gold = [d["thread"] for d in run["docs"]]
        low = [d["topic"] <= 20 for d in run["docs"]]
        high = [not k for k in low]
        rows.append((scores(subset(threads, low), subset(gold, low))["b3_f1"],
                     scores(subset(threads, high), subset(gold, high))["b3_f1"],
                     scores(threads, gold)["b3_f1"]))
    return tuple(sum(r[i] for r in rows) / len(rows) for i in range(3))


# ---- the learned link ----

def margin(c, others):
    return c["cosine"] - max((o["cosine"] for o in others if o is not c), default=0.0)


def birth_features(c, e):
    return [c["cosine"], c["names"], math.log1p(c["shared"]), math.log1p(c["articles"]),
            margin(c, e["links"])]


def relink_features(c, e):
    return [c["cosine"], math.log1p(c["shared"]), math.log1p(c["articles"]),
            math.log(e["articles"]), margin(c, e["candidates"])]


BIRTH_FEATURES = ["cosine", "names", "ln(1+shared)", "ln(1+candidate articles)", "margin"]
RELINK_FEATURES = ["cosine", "ln(1+shared)", "ln(1+candidate articles)", "ln(articles)", "margin"]


def pairs(runs, fitted, counts):
    """(birth x, y), (relink x, y): every candidate of a new story's first
    article, and of a story's centroid at `counts` articles, of the stories
    whose topic is `fitted`; y: the candidate is of the same topic."""
    bx, by, rx, ry = [], [], [], []
    for run in runs:
        topic, docs = run["topic"], run["docs"]
        for e in run["events"]:
            if e["kind"] != "A":
                continue
            if e["articles"] == 1 and "article" in e and fitted(docs[e["article"]]["topic"]):
                for c in e["links"]:
                    if c["gap"] <= THREAD_WINDOW_DAYS:
                        bx.append(birth_features(c, e))
                        by.append(topic.get(c["story"]) == docs[e["article"]]["topic"])
            if e["articles"] in counts and topic.get(e["story"]) is not None and \
                    fitted(topic[e["story"]]):
                for c in e["candidates"]:
                    rx.append(relink_features(c, e))
                    ry.append(topic.get(c["story"]) == topic[e["story"]])
    return (np.array(bx), np.array(by, float)), (np.array(rx), np.array(ry, float))


def probability(beta, x):
    return 1 / (1 + math.exp(-(beta[0] + sum(a * b for a, b in zip(x, beta[1:])))))


def most_probable(candidates, keep, beta, features, cut):
    """The story of the candidate passing `keep` whose probability is the
    highest from `cut` on (the later of equals); 0 when none."""
    best, story = cut, 0
    for c in candidates:
        if keep(c):
            p = probability(beta, features(c))
            if p >= best:
                best, story = p, c["story"]
    return story


def learned_birth(beta, cut):
    return lambda e, threads: most_probable(
        e["links"], lambda c: c["gap"] <= THREAD_WINDOW_DAYS, beta,
        lambda c: birth_features(c, e), cut)


def learned_relink(beta, cut, checkpoints):
    def relink(e, threads):
        if e["articles"] not in checkpoints or threads.of(e["story"]) != e["story"]:
            return 0
        return most_probable(e["candidates"], lambda c: threads.of(c["story"]) != e["story"],
                             beta, lambda c: relink_features(c, e), cut)
    return relink


def auc(score, y):
    """The chance that a same-topic pair scores above another pair (ties half)."""
    pos, neg = score[y > 0.5], score[y < 0.5]
    return float(np.mean([(p > neg).mean() + 0.5 * (p == neg).mean() for p in pos]))


def fit_learned(runs, reverse):
    fitted = (lambda t: t > 20) if reverse else (lambda t: t <= 20)
    counts = set(k for cps in CHECKPOINTS for k in cps)
    (bx, by), (rx, ry) = pairs(runs, fitted, counts)
    birth_beta = fit(bx, by, np.ones(len(by)))
    relink_beta = fit(rx, ry, np.ones(len(ry)))
    (hbx, hby), (hrx, hry) = pairs(runs, lambda t: not fitted(t), counts)
    for name, beta, x, y in (("birth", birth_beta, hbx, hby),
                             ("link again", relink_beta, hrx, hry)):
        print("held-out %s pairs %d: AUC of the model %.4f, of the cosine alone %.4f"
              % (name, len(y), auc(beta[0] + x @ beta[1:], y), auc(x[:, 0], y)))
    side = 1 if reverse else 0
    best = None
    for cb in CUTS:
        for cr in CUTS:
            for cps in CHECKPOINTS:
                s = thread_scores(runs, (learned_birth(birth_beta, cb),
                                         learned_relink(relink_beta, cr, cps)))
                if best is None or s[side] > best[0][side]:
                    best = (s, cb, cr, cps)
    rule = thread_scores(runs, (rule_birth, rule_relink()))
    print("fitted on topics %s: %d pairs at a new story's birth (%.1f%% same topic), %d of "
          "grown stories (%.1f%%)" % ("21-35" if reverse else "1-20", len(by), 100 * by.mean(),
                                      len(ry), 100 * ry.mean()))
    print("chosen on them: birth cut %.1f, link-again cut %.1f at %s articles"
          % (best[1], best[2], best[3]))
    print("thread B3 F1, mean of orders 1-%d:  1-20 %.4f  21-35 %.4f  all %.4f  (learned)"
          % ((len(runs),) + best[0]))
    print("                                 1-20 %.4f  21-35 %.4f  all %.4f  (the engine's rule)"
          % rule)
    for name, beta, features in (("birth", birth_beta, BIRTH_FEATURES),
                                 ("link again", relink_beta, RELINK_FEATURES)):
        print("%s: bias %.3f, %s" % (name, beta[0], ", ".join(
            "%s %.3f" % (f, b) for f, b in zip(features, beta[1:]))))


# ---- the hand-set rule's grid and the ceiling ----

def rule_grid(runs):
    print("the engine's rule with the link again at other sizes and thresholds "
          "(thread B3 F1 1-20 / 21-35, mean of orders 1-%d):" % len(runs))
    for cps in ((5,), (2, 5), (3, 5), (4,), (6,), (5, 8), (3, 5, 8), (2, 3, 5, 8, 12, 16)):
        cells = []
        for threshold in (0.09, 0.10, 0.11, 0.12, 0.13, 0.15):
            s = thread_scores(runs, (rule_birth, rule_relink(cps, threshold)))
            cells.append("%.2f %.4f / %.4f" % (threshold, s[0], s[1]))
        print("  at %-22s %s" % (",".join(map(str, cps)), "   ".join(cells)))


def merge_relink(checkpoints, threshold):
    """The engine's link again, and also, for a story in a thread it did not
    open, at `checkpoints` articles: its centroid's nearest story of another
    thread that the thread rule links at `threshold` takes the story's whole
    thread into its own (threads that merge, story against story)."""
    own = rule_relink()

    def relink(e, threads):
        target = own(e, threads)
        if target or e["articles"] not in checkpoints:
            return target
        mine, best, story = threads.of(e["story"]), 0.0, 0
        for c in e["candidates"]:
            if threads.of(c["story"]) != mine and thread_link(c, threshold) and c["cosine"] >= best:
                best, story = c["cosine"], c["story"]
        if story:
            threads.moves[mine] = threads.of(story)
        return 0
    return relink


def merge_grid(runs):
    print("threads that merge when a grown story's nearest is in another thread "
          "(thread B3 F1 1-20 / 21-35, mean of orders 1-%d):" % len(runs))
    for cps in ((5,), (8,), (5, 8), (5, 8, 12, 16)):
        cells = []
        for threshold in (0.09, 0.10, 0.12, 0.15, 0.2, 0.3):
            s = thread_scores(runs, (rule_birth, merge_relink(cps, threshold)))
            cells.append("%.2f %.4f / %.4f" % (threshold, s[0], s[1]))
        print("  at %-12s %s" % (",".join(map(str, cps)), "   ".join(cells)))


def oracle(runs):
    """The links gold picks among the same candidates: a new story's first
    article to its topic's nearest candidate; a story that opened its own
    thread to its topic's nearest story of another thread."""
    def birth(run):
        def pick(e, threads):
            t = run["docs"][e["article"]]["topic"] if "article" in e else None
            same = [c for c in e["links"] if run["topic"].get(c["story"]) == t]
            return max(same, key=lambda c: c["cosine"])["story"] if same else 0
        return pick

    def relink(run, counts):
        def pick(e, threads):
            if e["articles"] not in counts or threads.of(e["story"]) != e["story"]:
                return 0
            t = run["topic"].get(e["story"])
            same = [c for c in e["candidates"] if run["topic"].get(c["story"]) == t and
                    threads.of(c["story"]) != e["story"]]
            return max(same, key=lambda c: c["cosine"])["story"] if same else 0
        return pick

    for name, counts in (("at 5 articles", (5,)), ("at every size", range(2, 1000))):
        rows = [thread_scores([run], (birth(run), relink(run, counts))) for run in runs]
        print("gold links among the candidates, link again %s: 1-20 %.4f  21-35 %.4f  all %.4f"
              % ((name,) + tuple(sum(r[i] for r in rows) / len(rows) for i in range(3))))


def traced_runs(args, orders=ORDERS):
    """ECB+ traced in orders 1..orders (a fresh build), each checked: the
    replay of the engine's rule gives the engine's threads."""
    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["make", "-s", "-C", ROOT, "-j2", "build/stories-features", "build/storyline"],
                   check=True)
    tool = os.path.join(ROOT, "build", "stories-features")
    runs = [trace(tool, args.out, args.data, order) for order in range(1, orders + 1)]
    for order, run in enumerate(runs, 1):
        if replay(run, rule_birth, rule_relink()) != run["engine"]:
            sys.exit("order %d: the replay of the engine's rule differs from its threads" % order)
    print("the replay of the engine's rule gives its threads in orders 1-%d" % orders)
    return runs


def main():
    ap = fit_arguments("fit_threads")
    ap.add_argument("--rule-grid", action="store_true", help="the hand-set rule at other values")
    ap.add_argument("--oracle", action="store_true", help="gold's links among the candidates")
    ap.add_argument("--merge-grid", action="store_true", help="threads that merge, story to story")
    args = ap.parse_args()
    runs = traced_runs(args)
    if args.rule_grid:
        return rule_grid(runs)
    if args.oracle:
        return oracle(runs)
    if args.merge_grid:
        return merge_grid(runs)
    fit_learned(runs, args.reverse)


if __name__ == "__main__":
    main()
