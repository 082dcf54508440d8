#!/usr/bin/env python3
"""story_seeds.py - the summary and the timeline on the seed reports (issue 12).

    python3 eval/story_seeds.py --bin build/storyline --out build/eval/story_seeds \
        --seeds ../shared/datasets/seeds --june tests/fixtures/story

1. Summary. The five seeds (undated) go into a fresh store; `summary --json`
   of the story holding most of them (the August 2024 trip) must cite the
   reworded pair - the one rewrite relation `export --json` reports - as one
   source: every sentence citing both counts them once.
2. Timeline. A second store gets the seeds with --date 2024-08-19 (the Monday
   of the August trip) and the project's own two reports of a June trip
   (tests/fixtures/story/june_trip_*.txt, --date 2024-06-11); the seeds tell
   no June trip, so the June side is ours. `timeline --json` of every story:
   events told by the June reports must fall in June 2024 (their "Monday",
   "Tuesday", "last week"), those told by the seeds in August 2024, save for
   what either states outright of another month ("in May", "October 7").

Scores:
  seeds_summary_pair_cited       sentences citing both reports of the pair (>= 1)
  seeds_summary_pair_one_source  1 when each of them counts the pair once
  seeds_timeline_june_events     June-report events dated June 2024
  seeds_timeline_august_events   seed events dated August 2024
  seeds_timeline_misplaced       June-report events in August or seed events in June (0)
Standard library only.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

import copylib


def run(binary, db, *args):
    res = subprocess.run([binary, "--db", db, "--quiet"] + list(args), capture_output=True)
    if res.returncode not in (0, 1):
        sys.exit("storyline %s failed: %s" % (" ".join(args), res.stderr.decode()))
    return res.stdout.decode("utf-8")


def check_summary(binary, db, seeds):
    copylib.fresh_db(db)
    run(binary, db, "ingest", *seeds)
    export = json.loads(run(binary, db, "--json", "export"))
    story = max(export["stories"], key=lambda s: len(s["articles"]))
    rewrites = [c for c in export["copies"] if c["kind"] == "rewrite"]
    if len(rewrites) != 1:
        print("summary: %d rewrite relations among the seeds (expected 1)" % len(rewrites))
        return 0, 0
    pair = {rewrites[0]["article"], rewrites[0]["of"]}
    summary = json.loads(run(binary, db, "--json", "summary", str(story["id"])))
    cited, once = 0, 1
    for s in summary["sentences"]:
        docs = set(s["docs"])
        print("  [%s] %d source(s): %s" % (" ".join(map(str, s["docs"])), s["sources"],
                                          s["text"][:70]))
        if pair <= docs:
            cited += 1
            if s["sources"] > len(docs) - 1:
                once = 0
    print("summary of story %d: the reworded pair %s cited together by %d sentence(s)"
          % (story["id"], sorted(pair), cited))
    return cited, once if cited else 0


def check_timeline(binary, db, seeds, june):
    copylib.fresh_db(db)
    run(binary, db, "ingest", "--date", "2024-08-19", *seeds)
    run(binary, db, "ingest", "--date", "2024-06-11", *june)
    export = json.loads(run(binary, db, "--json", "export"))
    is_june = {a["id"]: "june_trip" in (a["path"] or "") for a in export["articles"]}
    in_june = in_august = misplaced = 0
    for story in export["stories"]:
        timeline = json.loads(run(binary, db, "--json", "timeline", str(story["id"])))
        for ev in timeline["events"]:
            month = ev["date"][:7]
            if "-W" in ev["date"]:  # ISO weeks 22-26 are June 2024, 31-35 August
                week = int(ev["date"][6:8])
                month = "2024-06" if 22 <= week <= 26 else "2024-08" if 31 <= week <= 35 else ""
            for doc in ev["docs"]:
                june_doc = is_june.get(doc, False)
                in_june += june_doc and month == "2024-06"
                in_august += (not june_doc) and month == "2024-08"
                misplaced += (june_doc and month == "2024-08") or (not june_doc and month == "2024-06")
            print("  %-10s %s [%s] %s" % (ev["date"], "~" if ev["from_published"] else " ",
                                         " ".join(map(str, ev["docs"])), ev["text"][:60]))
    print("timeline: %d June-report events in June 2024, %d seed events in August 2024, "
          "%d misplaced" % (in_june, in_august, misplaced))
    return in_june, in_august, misplaced


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--out", default="build/eval/story_seeds")
    ap.add_argument("--seeds", default="../shared/datasets/seeds")
    ap.add_argument("--june", default="tests/fixtures/story")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    seeds = sorted(glob.glob(os.path.join(a.seeds, "*.txt")))
    june = sorted(glob.glob(os.path.join(a.june, "june_trip_*.txt")))
    if len(seeds) != 5 or len(june) != 2:
        sys.exit("expected 5 seeds and 2 June reports, found %d and %d" % (len(seeds), len(june)))
    cited, once = check_summary(a.bin, os.path.join(a.out, "summary.db"), seeds)
    in_june, in_august, misplaced = check_timeline(a.bin, os.path.join(a.out, "timeline.db"),
                                                   seeds, june)
    print("SCORE seeds_summary_pair_cited %d" % cited)
    print("SCORE seeds_summary_pair_one_source %d" % once)
    print("SCORE seeds_timeline_june_events %d" % in_june)
    print("SCORE seeds_timeline_august_events %d" % in_august)
    print("SCORE seeds_timeline_misplaced %d" % misplaced)
    shutil.rmtree(a.out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
