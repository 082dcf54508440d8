#!/usr/bin/env python3
"""callgrind_growth.py - the functions whose cost grows with the store (issue 11).

    python3 bench/callgrind_growth.py OUT1 OUT2 ... [--functions f,g,...]

Each OUT is a callgrind output of one `storyline ingest` of the same articles
into a copy of a store of another size (docs/history/benchmarks-rounds.md, "Twenty-first
round"). Prints a Markdown table: the program's total, then each function's
inclusive instructions and its calls (summed over its callers) in each run,
from `callgrind_annotate --inclusive=yes --tree=calling`. A function not
named in a run shows 0. Standard library only; needs callgrind_annotate.
"""
import argparse
import os
import re
import subprocess
import sys

# The stages and the store reads that grew from 10,000 to 200,000 stored
# articles in the twenty-first round, and a few that did not.
FUNCTIONS = [
    "sl_pipeline_ingest_extracted", "sl_grouper_place", "fetch_postings", "sl_store_story_state",
    "sl_store_centroid_read", "sl_store_dict_term", "sl_store_story_terms_recent", "save_df",
    "sqlite3VtabSavepoint", "sl_copy_check_find", "sl_store_copy_keys_recent",
    "sl_comparer_compare", "sl_store_sketch_get", "sl_batch_commit", "sl_story_split_check",
    "sl_facts_run",
]

TOTAL = re.compile(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS")
# "  1,234 ( 5.00%)  *  file.c:function [obj]" (the function itself) or
# "  1,234 ( 5.00%)  >   file.c:function (12x) [obj]" (a call it makes).
LINE = re.compile(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+([*>])\s+\S*?:(\S+?)(?:\.part\.\d+)?"
                  r"(?: \(([\d,]+)x\))? \[")


def number(text):
    return int(text.replace(",", ""))


def profile(path):
    """(total, {function: inclusive}, {function: calls}) of one output."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling",
                          "--threshold=100", path], capture_output=True, text=True, check=True).stdout
    total = TOTAL.search(out)
    inclusive, calls = {}, {}
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        if m.group(2) == "*":
            inclusive.setdefault(m.group(3), number(m.group(1)))
        elif m.group(4):
            calls[m.group(3)] = calls.get(m.group(3), 0) + number(m.group(4))
    return (number(total.group(1)) if total else 0), inclusive, calls


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outputs", nargs="+", help="callgrind outputs, smallest store first")
    ap.add_argument("--functions", default=",".join(FUNCTIONS))
    args = ap.parse_args()
    runs = [profile(p) for p in args.outputs]
    print("| function | " + " | ".join(os.path.basename(p) for p in args.outputs) + " |")
    print("| --- |" + " ---: |" * len(runs))
    print("| total | " + " | ".join("%.1f M" % (t / 1e6) for t, _, _ in runs) + " |")
    for f in args.functions.split(","):
        cells = ("%.1f M (%s)" % (inc.get(f, 0) / 1e6, format(calls.get(f, 0), ","))
                 for _, inc, calls in runs)
        print("| `%s` | " % f + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
