#!/usr/bin/env python3
"""quotes_backticks.py - quotes written `` ... '' (issue 18): the quotes the
engine reads in the ECB+ documents that write their quotes so, and a hand
check of a sample of them.

    python3 eval/quotes_backticks.py --bin build/storyline --data ../shared/datasets \
        [--seed 2] [--sample 30] [--show]

The documents are those of clustering/ecbplus holding `` (228 of 772),
their tokens joined as eval/copies_rewrites.py joins them (one sentence a
line). All go through one `storyline facts --text` call (no store). The
sample is the `--sample` quotes whose keys (document and the quote's first
byte, "ecb:3_9ecb:627") hash lowest with `--seed`: no rule was chosen on it.
`--show` prints each sampled quote with its line and the line before, to
read; the verdicts go in eval/quotes_backticks_checks.tsv (key, span
verdict, speaker verdict; no text), which this script tallies:
  span right     the quote's text is what the marks quote (a quote the
                 engine joins over its attribution counts as right when
                 both halves are one statement);
  speaker right  the speaker the engine names is who said it (a quote
                 with no speaker counts as wrong).
Standard library only.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

CHECKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quotes_backticks_checks.tsv")


def ecb_backtick_docs(data):
    docs = collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(data, "clustering/ecbplus/ECB+/*/*.xml"))):
        lines = collections.OrderedDict()
        for tok in ET.parse(path).getroot().iter("token"):
            lines.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
        text = "\n".join(" ".join(t) for t in lines.values())
        if "``" in text:
            docs["ecb:" + os.path.basename(path)[:-4]] = text
    return docs


def quotes_of(binary, docs):
    """{doc key: [quote item]} from one `facts --text` call."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for key, text in docs.items():
            p = os.path.join(tmp, key.replace(":", "_") + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append((p, key))
        out = subprocess.run([binary, "facts", "--text"] + [p for p, _ in paths],
                             capture_output=True, text=True, check=False).stdout
    by_input = {}
    for line in out.splitlines():
        d = json.loads(line)
        by_input[os.path.basename(d["input"])] = d.get("quotes", [])
    return {key: by_input.get(os.path.basename(p), []) for p, key in paths}


def read_checks(path):
    checks = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(parts) < 3 or parts[0] == "key":
                    continue
                checks[parts[0]] = (parts[1], parts[2])
    return checks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    docs = ecb_backtick_docs(args.data)
    quotes = quotes_of(args.bin, docs)
    items = [(key, q) for key in docs for q in quotes[key]]
    said = sum(1 for _, q in items if q.get("speaker"))
    print("%d documents with ``; %d quotes (%d with a speaker), %d documents with none"
          % (len(docs), len(items), said, sum(1 for k in docs if not quotes[k])))

    def key_of(item):
        return "%s:%d" % (item[0], item[1]["span"][0])

    def rank(item):
        return hashlib.sha1(("%d %s" % (args.seed, key_of(item))).encode()).hexdigest()

    sample = sorted(items, key=rank)[:args.sample]
    checks = read_checks(CHECKS)
    span_right = speaker_right = checked = 0
    for item in sample:
        key, q = key_of(item), item[1]
        verdict = checks.get(key)
        if verdict:
            checked += 1
            span_right += verdict[0] == "right"
            speaker_right += verdict[1] == "right"
        if args.show:
            text = docs[item[0]]
            a = text.rfind("\n", 0, text.rfind("\n", 0, q["span"][0]) - 1) + 1
            b = text.find("\n", q["span"][1])
            print("\n== %s  speaker: %s (%s)  verdict: %s" % (key, q.get("speaker"), q.get("cue"),
                                                            verdict or "unchecked"))
            print("   quote: %s" % q["text"])
            print("   text:  %s" % text[a:b if b >= 0 else len(text)].replace("\n", "\n          "))
    print("sample (seed %d): %d quotes, %d checked by hand (%s): span right %d, speaker right %d"
          % (args.seed, len(sample), checked, os.path.basename(CHECKS), span_right, speaker_right))
    print("SCORE ecb_backtick_quotes %d" % len(items))
    print("SCORE ecb_backtick_quotes_said %d" % said)
    print("SCORE ecb_backtick_sample_checked %d" % checked)
    print("SCORE ecb_backtick_sample_span_right %d" % span_right)
    print("SCORE ecb_backtick_sample_speaker_right %d" % speaker_right)
    return 0


if __name__ == "__main__":
    sys.exit(main())
