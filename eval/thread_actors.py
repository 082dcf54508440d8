#!/usr/bin/env python3
"""thread_actors.py - where ECB+'s thread decisions go wrong, and whether the
stories' actors (the facts stage's person and organisation names) would
right them. Measured on the exact replay of eval/fit_threads.py.

    /usr/bin/python3 eval/thread_actors.py [--data ../shared/datasets] [--orders N]

(1) Errors. Every thread decision the engine's rule makes (a new story's
first article against its candidates; a story that opened its own thread,
at RELINK_ARTICLES, against its centroid's candidates) is classed by the
gold topic of the story (its first article's at birth, its final
majority's at the link again): `right` (linked into a story of its topic),
`wrong` (linked into another topic's), `missed` (not linked, a story of
its topic among the candidates), `no candidate` (not linked, a story of
its topic in another thread but not among the candidates), `alone` (not
linked, rightly). Printed by half (topics 1-20 / 21-35): the counts, the
cosine of the best candidate of its topic and of another, the final size
of the story (what an error weighs in B3), and the actors shared; then
the thread B3 F1 with the wrong links undone, with the missed links made
(to the topic's nearest candidate), and both.

(2) Actors. An article's actors are the names of the entities the facts
stage types person or organisation (`storyline export --json`, its
`entities`; `--types person` for persons alone); a story's, those of its articles so far (the trace's order).
`--main` (all three by default): `any` every name; `twice` a name named
twice in the article, or in two articles of the story; `top3` the three
most named. Rules replayed (thread B3 F1, mean of orders 1..N): the
engine's, and also a link to the best candidate sharing K main actors from
a cosine LOW when the engine's rule links none, and/or a link the engine
makes refused when the two share no actor and the cosine is under VETO;
at the birth, at the link again, or both; each chosen on one half and
reported on the other. None was kept (docs/stories.md "Thirty-first
round"). numpy needed (/usr/bin/python3).
"""
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_stories import fit_arguments  # noqa: E402
from fit_threads import (RELINK_ARTICLES, RELINK_THRESHOLD, ROOT, THREAD_MIN_SHARED,  # noqa: E402
                         THREAD_THRESHOLD, THREAD_WINDOW_DAYS, WINDOW_DAYS, Threads,
                         rule_birth, rule_relink, thread_link, thread_scores, traced_runs)
from thread_features import cosine  # noqa: E402

ACTOR_TYPES = ("person", "organization")
MAINS = ("any", "twice", "top3")
LOWS = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, None)
VETOS = (0.0, 0.10, 0.12, 0.15, 0.20)


# ---- actors ----

def article_actors(run, db, types):
    """doc index -> Counter of its actors' names (lower case), entities of `types`."""
    exported = json.loads(subprocess.run([os.path.join(ROOT, "build/storyline"), "--db", db,
                                          "export", "--json"], capture_output=True, text=True,
                                         check=True).stdout)
    doc_of_key = {d["key"]: i for i, d in enumerate(run["docs"])}
    doc_of = {a["id"]: doc_of_key[a["key"]] for a in exported["articles"]}
    actors = collections.defaultdict(collections.Counter)
    for e in exported["entities"]:
        if e["type"] in types:
            actors[doc_of[e["article"]]][e["name"].lower()] += 1
    return actors


def main_actors(counts, main):
    """The main names of a Counter (name -> mentions, or articles naming it)."""
    if main == "any":
        return set(counts)
    if main == "twice":
        return {n for n, k in counts.items() if k >= 2}
    return {n for n, _ in counts.most_common(3)}


def story_actors(docs, actors, main):
    """A story's main actors: its one article's, or named in its articles."""
    if len(docs) == 1:
        return main_actors(actors[docs[0]], main)
    counts = collections.Counter(n for d in docs for n in actors[d])
    return main_actors(counts, main)


def decisions(run):
    """The engine's thread decisions in a trace, in order: the deciding
    side's articles (the article at birth, the story's so far at the link
    again), the candidates it weighed, and every story's articles so far."""
    members = collections.defaultdict(list)
    for e in run["events"]:
        if e["kind"] != "A":
            continue
        if "article" in e:
            members[e["story"]].append(e["article"])
        if e["articles"] == 1 and "article" in e:
            yield [e["article"]], e["links"], members
        elif e["articles"] == RELINK_ARTICLES:
            yield members[e["story"]], e["candidates"], members


def annotate(run, actors, main):
    """Each decision's candidates get `actors`: the main actors shared with
    the deciding side (article at birth, story at the link again)."""
    for side, candidates, members in decisions(run):
        mine = story_actors(side, actors, main)
        for c in candidates:
            theirs = members.get(c["story"])
            c["actors"] = len(mine & story_actors(theirs, actors, main)) if theirs else 0


# ---- (1) the errors ----

def classify(run):
    """One row per decision of the engine's rule (see the docstring)."""
    docs, topic, finals = run["docs"], run["topic"], set(run["final"])
    size = collections.Counter(run["final"])
    threads, relink, rows, made, centroid = Threads(), rule_relink(), [], [], {}

    def row(e, kind, t, candidates, chosen):
        mine = threads.of(e["story"])
        same = [c for c in candidates if topic.get(c["story"]) == t and threads.of(c["story"]) != mine]
        other = [c for c in candidates if topic.get(c["story"]) != t]
        seen = {c["story"] for c in candidates}
        elsewhere = [s for s in made if topic.get(s) == t and s in finals and
                     threads.of(s) != mine and s not in seen]
        query = centroid.get(e["story"]) if kind == "link again" else e.get("vector")
        if chosen:
            outcome = "right" if topic.get(chosen) == t else "wrong"
        else:
            outcome = "missed" if same else "no candidate" if elsewhere else "alone"
        pick = next((c for c in candidates if c["story"] == chosen), None)
        rows.append(dict(kind=kind, half=1 if t <= 20 else 2, outcome=outcome,
                         same=max((c["cosine"] for c in same), default=None),
                         other=max((c["cosine"] for c in other), default=None),
                         same_actors=max((c.get("actors", 0) for c in same), default=None),
                         other_actors=max((c.get("actors", 0) for c in other), default=None),
                         chosen_actors=pick.get("actors", 0) if pick else None,
                         unseen=max((cosine(query, centroid[s]) for s in elsewhere
                                     if query and s in centroid), default=None),
                         size=size[e["story"]]))

    for e in run["events"]:
        if e["kind"] == "S":
            threads.thread[e["new"]] = threads.of(e["story"])
            made.append(e["new"])
            continue
        if "centroid" in e:
            centroid[e["story"]] = e["centroid"]
        if e["articles"] == 1 and e["story"] not in threads.thread:
            linked = rule_birth(e, threads)
            if "article" in e:
                row(e, "birth", docs[e["article"]]["topic"], e["links"], linked)
            threads.thread[e["story"]] = threads.of(linked) if linked else e["story"]
            made.append(e["story"])
        deciding = e["articles"] == RELINK_ARTICLES and threads.of(e["story"]) == e["story"]
        target = relink(e, threads)
        if deciding and topic.get(e["story"]) is not None:
            row(e, "link again", topic[e["story"]],
                [c for c in e["candidates"] if threads.of(c["story"]) != e["story"]], target)
        if target:
            threads.moves[e["story"]] = threads.of(target)
    return rows


def span(values):
    values = [v for v in values if v is not None]
    return "%.3f-%.3f" % (min(values), max(values)) if values else "-"


def print_errors(rows, orders):
    print("thread decisions of the engine's rule, ECB+ orders 1-%d (all orders summed):" % orders)
    for half, name in ((1, "topics 1-20"), (2, "topics 21-35")):
        for kind in ("birth", "link again"):
            mine = [r for r in rows if r["half"] == half and r["kind"] == kind]
            counts = collections.Counter(r["outcome"] for r in mine)
            print("  %s, %s: %s" % (name, kind, ", ".join(
                "%s %d" % (o, counts[o]) for o in ("right", "wrong", "missed", "no candidate",
                                                   "alone"))))
            for outcome in ("wrong", "missed", "no candidate"):
                sel = [r for r in mine if r["outcome"] == outcome]
                if not sel:
                    continue
                shared = collections.Counter(
                    min(r["chosen_actors" if outcome == "wrong" else "same_actors"] or 0, 2)
                    for r in sel)
                print("    %-12s cosine of its topic's best %s (not a candidate: %s), of "
                      "another's %s; final story size %s; actors shared (0/1/2+) %d/%d/%d" % (
                          outcome, span(r["same"] for r in sel), span(r["unseen"] for r in sel),
                          span(r["other"] for r in sel),
                          "/".join(str(r["size"]) for r in sel), shared[0], shared[1], shared[2]))
            right = [r for r in mine if r["outcome"] == "right"]
            if right:
                shared = collections.Counter(min(r["chosen_actors"] or 0, 2) for r in right)
                print("    %-12s actors shared (0/1/2+) %d/%d/%d" % ("right", shared[0], shared[1],
                                                                    shared[2]))


def corrected(run, undo_wrong, make_missed):
    """The engine's rule with its wrong links undone and/or its missed links
    made to the nearest candidate of the story's topic (gold's hand)."""
    docs, topic, relink = run["docs"], run["topic"], rule_relink()

    def fix(linked, t, candidates, threads, story):
        if linked and undo_wrong and topic.get(linked) != t:
            return 0
        if not linked and make_missed:
            same = [c for c in candidates
                    if topic.get(c["story"]) == t and threads.of(c["story"]) != story]
            return max(same, key=lambda c: c["cosine"])["story"] if same else 0
        return linked

    def birth(e, threads):
        t = docs[e["article"]]["topic"] if "article" in e else None
        return fix(rule_birth(e, threads), t, e["links"], threads, e["story"])

    def again(e, threads):
        linked = relink(e, threads)
        if e["articles"] != RELINK_ARTICLES or threads.of(e["story"]) != e["story"]:
            return linked
        return fix(linked, topic.get(e["story"]), e["candidates"], threads, e["story"])
    return birth, again


def print_error_costs(runs):
    """What each kind of error costs: thread B3 F1 with it corrected."""
    for name, undo, make in (("wrong links undone", 1, 0), ("missed links made", 0, 1),
                             ("both (gold among the candidates)", 1, 1)):
        rows = [thread_scores([run], corrected(run, undo, make)) for run in runs]
        print("  %-33s 1-20 %.4f  21-35 %.4f  all %.4f" % (
            (name,) + tuple(sum(r[i] for r in rows) / len(rows) for i in range(3))))


# ---- (2) rules with actors ----

def near(c):
    """The thread rule's conditions but the cosine, within the story window."""
    return c["gap"] <= min(WINDOW_DAYS, THREAD_WINDOW_DAYS) and \
        c["shared"] >= THREAD_MIN_SHARED and c["day_dated"] == c["story_dated"]


def pick(candidates, threshold, k, low, veto):
    """The engine's choice less the vetoed links, else the best candidate
    sharing k actors from `low` (the later of equals, as the link again)."""
    best, story = 0.0, 0
    for c in candidates:
        if thread_link(c, threshold) and c["cosine"] >= best and \
                not (c.get("actors", 0) == 0 and c["cosine"] < veto):
            best, story = c["cosine"], c["story"]
    if story or low is None:
        return story
    for c in candidates:
        if near(c) and c.get("actors", 0) >= k and c["cosine"] >= max(low, best):
            best, story = c["cosine"], c["story"]
    return story


def actor_birth(k, low, veto):
    return lambda e, threads: pick(e["links"], THREAD_THRESHOLD, k, low, veto)


def actor_relink(k, low, veto):
    def relink(e, threads):
        if e["articles"] != RELINK_ARTICLES or threads.of(e["story"]) != e["story"]:
            return 0
        return pick([c for c in e["candidates"] if threads.of(c["story"]) != e["story"]],
                    RELINK_THRESHOLD, k, low, veto)
    return relink


def grid(runs):
    rows = []
    for where in ("both", "birth", "link again"):
        for k in (1, 2):
            for low in LOWS:
                for veto in VETOS:
                    birth = actor_birth(k, low, veto) if where != "link again" else rule_birth
                    relink = actor_relink(k, low, veto) if where != "birth" else rule_relink()
                    rows.append(((where, k, low, veto), thread_scores(runs, (birth, relink))))
    return rows


def describe(rule):
    where, k, low, veto = rule
    return "%s, %d actor%s from %s, veto under %.2f" % (
        where, k, "s" if k > 1 else "", "never" if low is None else "%.2f" % low, veto)


def main():
    ap = fit_arguments("thread_actors")
    ap.add_argument("--orders", type=int, default=3, help="ECB+ ingest orders 1..N")
    ap.add_argument("--main", default=",".join(MAINS), help="which actors are main: any,twice,top3")
    ap.add_argument("--types", default=",".join(ACTOR_TYPES), help="entity types that are actors")
    args = ap.parse_args()
    runs = traced_runs(args, args.orders)
    types = tuple(args.types.split(","))
    actors = [article_actors(run, os.path.join(args.out, "ecbplus%d.db" % order), types)
              for order, run in enumerate(runs, 1)]
    engine = thread_scores(runs, (rule_birth, rule_relink()))
    for n, main in enumerate(args.main.split(",")):
        for run, acts in zip(runs, actors):
            annotate(run, acts, main)
        if n == 0:
            print_errors([r for run in runs for r in classify(run)], len(runs))
            print("the engine's rule: thread B3 F1 1-20 %.4f  21-35 %.4f  all %.4f" % engine)
            print_error_costs(runs)
        print_chosen("actors %-5s" % main, grid(runs), describe)


def print_chosen(what, rows, describe_rule):
    """The rule chosen on each half, its figures, and its ties' other half."""
    for side, name in ((0, "1-20"), (1, "21-35")):
        top = max(r[1][side] for r in rows)
        ties = [r for r in rows if r[1][side] > top - 1e-9]
        other = [r[1][1 - side] for r in ties]
        print("%s chosen on %-5s: %s: 1-20 %.4f  21-35 %.4f  all %.4f; "
              "%d rules tie, the other half %.4f-%.4f" % (
                  (what, name, describe_rule(ties[0][0])) + ties[0][1] +
                  (len(ties), min(other), max(other))))


if __name__ == "__main__":
    main()
