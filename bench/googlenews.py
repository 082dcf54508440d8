#!/usr/bin/env python3
"""googlenews.py - story assignment on the GoogleNews headlines beside a
single-pass TF-IDF clusterer in Python (issue 11's peer), in one run.

    python3 bench/googlenews.py [--bin build/storyline] [--data ../shared/datasets] [--out DIR]

Reads clustering/googlenews/News_Labels.jsonl (11,109 headlines, 152 labelled
stories) at run time and writes them as the JSONL eval/stories.py ingests
({"id", "text"}). Prints, in CPU seconds (user + sys; steadier than the wall
clock on a shared machine):
  - Python's single_pass (eval/stories.py, imported, not copied) at its best
    threshold by NMI, chosen as eval/stories.py chooses it; one timed run;
  - storyline's whole `ingest` of the headlines into a fresh store (one run);
  - storyline's story stage alone, from the stage clock (SL_STAGE_TIMES, a
    second ingest; bench/stages.sh), and its share of the ingest;
and the NMI of both against the labels (eval/stories.py's scorer).
Skips with a message when the dataset is not there. About 30 s on a busy
2-core machine (most of it the single pass's five threshold runs).
"""
import argparse
import os
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "eval"))
import copylib  # noqa: E402  (eval/copylib.py: fresh_db)
import stories  # noqa: E402  (eval/stories.py: the dataset reader, single_pass, the scorer)


def children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def ingest(binary, db, jsonl, env=None):
    """CPU seconds of one `storyline ingest` of jsonl into the fresh store db."""
    copylib.fresh_db(db)
    before = children_cpu()
    p = subprocess.run([binary, "--db", db, "--quiet", "ingest", jsonl],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit("bench googlenews: storyline ingest failed (%d): %s" % (p.returncode, p.stderr))
    return children_cpu() - before


def stage_cpu(times_path):
    """{stage: CPU seconds} and the articles stored, from the stage clock's file."""
    lines = [l.split() for l in open(times_path)]
    return {l[0]: float(l[2]) for l in lines[1:]}, int(lines[0][1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("STORYLINE", "build/storyline"))
    ap.add_argument("--data", default=os.environ.get("DATASETS", "../shared/datasets"))
    ap.add_argument("--out", default=os.environ.get("BENCH_DIR", "build/bench"))
    args = ap.parse_args()
    path = os.path.join(args.data, "clustering/googlenews/News_Labels.jsonl")
    if not os.path.exists(path):
        print("bench googlenews: skipped: %s not found" % path)
        return
    os.makedirs(args.out, exist_ok=True)
    docs = stories.googlenews(args.data)
    gold = [d["story"] for d in docs]
    texts = [d["text"] for d in docs]
    jsonl = os.path.join(args.out, "googlenews.jsonl")
    stories.write_jsonl(jsonl, docs)

    threshold = stories.best_single_pass(texts, gold, "nmi")[0]
    t = time.process_time()
    sp_labels = stories.single_pass(texts, threshold)
    sp_cpu = time.process_time() - t
    sp_nmi = stories.scores(sp_labels, gold)["nmi"]

    db = os.path.join(args.out, "googlenews.db")
    ours_cpu = ingest(args.bin, db, jsonl)
    ours, _ = stories.read_groups(args, db, [d["key"] for d in docs])
    ours_nmi = stories.scores(ours, gold)["nmi"]

    times = os.path.join(args.out, "googlenews_stages.txt")
    if os.path.exists(times):
        os.remove(times)
    ingest(args.bin, os.path.join(args.out, "googlenews_stages.db"), jsonl,
           dict(os.environ, SL_STAGE_TIMES=times))
    stage, stored = stage_cpu(times)
    clocked = sum(stage.values()) or 1.0

    print("bench googlenews: %d headlines, %d stories (file order, undated), CPU seconds, one run"
          % (len(docs), len(set(gold))))
    print("  %-44s %8s %7s" % ("", "CPU s", "NMI"))
    print("  %-44s %8.2f %7.4f" % ("single-pass TF-IDF, Python (threshold %.2f)" % threshold,
                                   sp_cpu, sp_nmi))
    print("  %-44s %8.2f %7.4f" % ("storyline ingest, whole", ours_cpu, ours_nmi))
    print("  %-44s %8.2f %7s   (%.3f ms an article, %.1f%% of the stages' CPU)"
          % ("storyline story stage (stage clock)", stage["stories"], "",
             1000 * stage["stories"] / max(stored, 1), 100 * stage["stories"] / clocked))
    print("  storyline's store stage %.2f s (%.3f ms an article); whole ingest / single-pass %.2f;"
          " NMI storyline - single-pass %+.4f"
          % (stage["store"], 1000 * stage["store"] / max(stored, 1), ours_cpu / sp_cpu,
             ours_nmi - sp_nmi))


if __name__ == "__main__":
    main()
