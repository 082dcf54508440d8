#!/usr/bin/env python3
"""thread_features.py - does evidence beyond the cosine tell a thread link
from a wrong one? Measured on the ECB+ traces of eval/fit_threads.py (the
"W" and "V" lines of src/stories/thread_trace.c: each article's vector with
its name features, each story's centroid after each article).

    /usr/bin/python3 eval/thread_features.py [--data ../shared/datasets] [--orders N]

For every thread decision of the engine (a new story's first article against
its candidates; a story at RELINK_ARTICLES against its centroid's
candidates), each candidate pair gets, beside the engine's cosine:
  story_idf    the cosine with each term weighed again by its rarity across
               stories, ln((S + 1) / (s + 1)) + 1 (S stories so far, s of
               them holding the term in their centroid), not across articles
  subject      the cosine over the terms that are not names
  subject_idf  the same with the story IDF
  names        the cosine over the name features only
  actors       main actors shared: of the MAIN_ACTORS heaviest name
               features of each side
  subject_terms  main subject terms shared: of the MAIN_TERMS heaviest
               terms that are not names, of each side
Printed: (1) each feature's AUC for "same topic" over the pairs, and how
often its best candidate is of the right topic, on topics 1-20 and 21-35;
(2) the pairs that share a main actor, or main subject terms; (3) replays
of rules that use them (a score (1 - w) cosine + w feature in place of the
cosine, at every decision or at the link again only; other thresholds for
pairs that share a main actor, or SHARED_TERMS main subject terms, than
for pairs that do not; threads merged when a grown story shares a main
actor with a story of another thread), each chosen on one half and reported on the other, both
ways; the means are over ECB+ ingest orders 1..--orders (3). None was
kept (docs/stories.md "Threads by main actors and rare terms"). numpy
needed (/usr/bin/python3).
"""
import collections
import itertools
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_stories import fit_arguments  # noqa: E402
from fit_threads import (RELINK_ARTICLES, RELINK_THRESHOLD, THREAD_THRESHOLD,  # noqa: E402
                         auc, rule_birth, rule_relink, thread_link, thread_scores, traced_runs)

MAIN_ACTORS = 3
MAIN_TERMS = 5
SHARED_TERMS = 2
FEATURES = ("cosine", "story_idf", "subject", "subject_idf", "names", "actors", "subject_terms")
WEIGHTS = (-0.5, -0.25, 0.25, 0.5, 0.75, 1.0)
BIRTH_CUTS = (0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13)
RELINK_CUTS = (0.07, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.15)


# ---- the features of a pair ----

def cosine(a, b):
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    if not na or not nb:
        return 0.0
    return sum(w * b[t] for t, w in a.items() if t in b) / (na * nb)


def heaviest(vector, keep, n):
    return set(sorted((t for t in vector if keep(t)), key=lambda t: (-vector[t], t))[:n])


def pair_features(query, story, holding, stories, names):
    """The features of a query vector against a story's centroid;
    holding: term -> stories whose centroid holds it, of `stories`."""
    def idf(t):
        return math.log((stories + 1) / (holding.get(t, 0) + 1)) + 1

    def part(v, keep, weigh):
        return {t: w * (idf(t) if weigh else 1) for t, w in v.items() if keep(t)}

    def subject(t):
        return t not in names
    return dict(story_idf=cosine(part(query, bool, 1), part(story, bool, 1)),
                subject=cosine(part(query, subject, 0), part(story, subject, 0)),
                subject_idf=cosine(part(query, subject, 1), part(story, subject, 1)),
                names=cosine(part(query, names.__contains__, 0),
                             part(story, names.__contains__, 0)),
                actors=len(heaviest(query, names.__contains__, MAIN_ACTORS) &
                           heaviest(story, names.__contains__, MAIN_ACTORS)),
                subject_terms=len(heaviest(query, subject, MAIN_TERMS) &
                                  heaviest(story, subject, MAIN_TERMS)))


def annotate(run):
    """Sets c["f"] on the candidates of every birth and of every link again
    at RELINK_ARTICLES, from the centroids as they were then."""
    centroids, holding, born = {}, collections.Counter(), set()

    def measure(query, candidates, own):
        for c in candidates:
            if c["story"] != own and c["story"] in centroids:
                c["f"] = pair_features(query, centroids[c["story"]], holding, len(centroids),
                                       run["names"])
    for e in run["events"]:
        if e["kind"] != "A":
            continue
        if e["articles"] == 1 and e["story"] not in born and e["vector"]:
            measure(e["vector"], e["links"], 0)
        born.add(e["story"])
        holding.subtract(centroids.get(e["story"], {}).keys())
        centroids[e["story"]] = e["centroid"]
        holding.update(e["centroid"].keys())
        if e["articles"] == RELINK_ARTICLES:
            measure(e["centroid"], e["candidates"], e["story"])


def value(c, feature):
    return c["cosine"] if feature == "cosine" else c["f"][feature]


# ---- (1) and (2): the pairs ----

def decisions(runs, low):
    """[(kind, [(candidate, same topic)])] of the decisions of the stories
    whose topic is in the half (low: 1-20)."""
    out = []
    for run in runs:
        docs, topic = run["docs"], run["topic"]
        for e in run["events"]:
            if e["kind"] != "A":
                continue
            if e["articles"] == 1 and "article" in e:
                kind, t, cands = "birth", docs[e["article"]]["topic"], e["links"]
            elif e["articles"] == RELINK_ARTICLES:
                kind, t, cands = "link again", topic.get(e["story"]), e["candidates"]
            else:
                continue
            pairs = [(c, topic.get(c["story"]) == t) for c in cands if "f" in c]
            if t is not None and pairs and (t <= 20) == low:
                out.append((kind, pairs))
    return out


def pair_tables(runs):
    print("(1) same topic among the candidate pairs: AUC / right best candidate of the "
          "decisions with both kinds, per feature")
    for kind in ("birth", "link again"):
        for low in (True, False):
            decs = [p for k, p in decisions(runs, low) if k == kind]
            flat = [x for p in decs for x in p]
            y = np.array([s for _, s in flat], float)
            mixed = [p for p in decs if any(s for _, s in p) and not all(s for _, s in p)]
            cells = []
            for f in FEATURES:
                right = sum(max(p, key=lambda x: value(x[0], f))[1] for p in mixed)
                cells.append("%s %.3f %d" % (f, auc(np.array([value(c, f) for c, _ in flat]), y),
                                             right))
            print("  %-10s %-5s %4d pairs, %3d mixed decisions: %s" % (
                kind, "1-20" if low else "21-35", len(flat), len(mixed), "  ".join(cells)))
    for f, need in (("actors", 1), ("subject_terms", SHARED_TERMS)):
        counts = collections.Counter()
        for low in (True, False):
            for _, pairs in decisions(runs, low):
                counts.update((c["f"][f] >= need, same) for c, same in pairs)
        print("(2) pairs sharing %d or more %s: %d of the same topic, %d not; the others: %d "
              "and %d" % (need, f, counts[True, True], counts[True, False], counts[False, True],
                          counts[False, False]))


# ---- (3) rules replayed ----

def scored_rule(score):
    """The engine's birth and link again with score(c, kind) -> (score, the
    cut it must reach) in place of (cosine, threshold); kind "birth" or
    "link again". A candidate without features is left out."""
    def best(candidates, kind, keep, later):
        top, story = 0.0, 0
        for c in candidates:
            if "f" not in c or not keep(c):
                continue
            x, need = score(c, kind)
            if thread_link(c, need, x) and (x > top or (later and x == top)):
                top, story = x, c["story"]
        return story

    def birth(e, threads):
        return best(e["links"], "birth", lambda c: True, False)

    def relink(e, threads):
        if e["articles"] != RELINK_ARTICLES or threads.of(e["story"]) != e["story"]:
            return 0
        return best(e["candidates"], "link again",
                    lambda c: c["story"] != e["story"] and threads.of(c["story"]) != e["story"],
                    True)
    return birth, relink


def blended(feature, w, birth_cut, relink_cut, at_birth=True):
    """(1 - w) cosine + w feature, at birth too or only at the link again
    (the engine's birth then)."""
    def score(c, kind):
        if kind == "birth":
            return (1 - w) * c["cosine"] + w * value(c, feature) if at_birth else c["cosine"], \
                birth_cut
        return (1 - w) * c["cosine"] + w * value(c, feature), relink_cut
    return scored_rule(score)


def by_shared(feature, need, birth_cut, relink_cut):
    """Pairs that share `need` main actors or subject terms (`feature`) are
    linked from their own cuts, the others from the engine's."""
    def score(c, kind):
        shared = c["f"][feature] >= need
        if kind == "birth":
            return c["cosine"], birth_cut if shared else THREAD_THRESHOLD
        return c["cosine"], relink_cut if shared else RELINK_THRESHOLD
    return scored_rule(score)


def actor_merges(cut):
    """The engine's rule, and a story at RELINK_ARTICLES in a thread of
    others whose centroid shares a main actor with a story of another
    thread (cosine from `cut`) takes its thread into that one."""
    own = rule_relink()

    def relink(e, threads):
        target = own(e, threads)
        if target or e["articles"] != RELINK_ARTICLES:
            return target
        mine = threads.of(e["story"])
        for c in sorted(e["candidates"], key=lambda c: -c["cosine"]):
            if "f" in c and c["f"]["actors"] and threads.of(c["story"]) != mine and \
                    thread_link(c, cut):
                threads.moves[mine] = threads.of(c["story"])
                break
        return 0
    return rule_birth, relink


def chosen(runs, name, grid):
    """The rule of `grid` ((label, rule) pairs) best on each half, reported on both."""
    rows = [(thread_scores(runs, rule), label) for label, rule in grid]
    for side, half in ((0, "1-20"), (1, "21-35")):
        s, label = max(rows, key=lambda r: r[0][side])
        print("  %-20s chosen on %-5s (%s): 1-20 %.4f  21-35 %.4f"
              % (name, half, label, s[0], s[1]))


def replays(runs):
    print("(3) thread B3 F1, mean of orders 1-%d; the engine's rule: 1-20 %.4f  21-35 %.4f"
          % ((len(runs),) + thread_scores(runs, (rule_birth, rule_relink()))[:2]))
    cuts = list(itertools.product(BIRTH_CUTS, RELINK_CUTS))
    for f in FEATURES[:5]:
        weights = (1.0,) if f == "cosine" else WEIGHTS
        chosen(runs, f, [("w %.2f, cuts %.2f %.2f" % (w, b, r), blended(f, w, b, r))
                         for w in weights for b, r in cuts])
    for f in FEATURES[1:5]:
        chosen(runs, f + ", again", [("w %.2f, cut %.2f" % (w, r),
                                      blended(f, w, THREAD_THRESHOLD, r, at_birth=False))
                                     for w in WEIGHTS for r in RELINK_CUTS])
    low = (0.03, 0.05, 0.07)
    for f, need in (("actors", 1), ("subject_terms", SHARED_TERMS)):
        chosen(runs, f, [("sharing: cuts %.2f %.2f" % (b, r), by_shared(f, need, b, r))
                         for b in low for r in low])
    chosen(runs, "actor merges", [("from %.2f" % cut, actor_merges(cut))
                                  for cut in (0.03, 0.05, 0.07, 0.09)])


def main():
    ap = fit_arguments("thread_features")
    ap.add_argument("--orders", type=int, default=3, help="ECB+ ingest orders 1..N")
    args = ap.parse_args()
    runs = traced_runs(args, args.orders)
    for run in runs:
        annotate(run)
    pair_tables(runs)
    replays(runs)


if __name__ == "__main__":
    main()
