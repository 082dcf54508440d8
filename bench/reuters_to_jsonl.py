#!/usr/bin/env python3
"""reuters_to_jsonl.py - turn the Reuters-21578 SGML files into storyline input.

Reads the 22 gzipped SGML files (reut2-NNN.sgm.gz, Latin-1, not strict XML)
from SRC and writes one JSON object per story that has a <BODY>:

    {"id": NEWID, "title": TITLE, "text": BODY, "published": "YYYY-MM-DD",
     "source": "Reuters"}

Options:
    --txt-dir DIR --txt-count N   also write the first N of those stories as
                                  plain-text files DIR/NNNNN.txt (title line,
                                  blank line, body)
    --limit N                     stop after N stories

Prints one summary line (stories, bytes) on standard error. Standard library
only. The data itself is read at run time and never stored in the project.
"""
import argparse
import glob
import gzip
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

DOC_RE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID_RE = re.compile(r'NEWID="(\d+)"')
DATE_RE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})")
TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
BODY_RE = re.compile(r"<BODY>(.*?)(?:</BODY>|</TEXT>)", re.S)
# Control characters appear as numeric references (&#2; &#3; ...): drop them
# after unescaping, keeping newlines and tabs.
CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(s):
    s = CTRL_RE.sub("", html.unescape(s))
    return s.strip()


def iso_date(doc):
    m = DATE_RE.search(doc)
    if not m:
        return None
    day, mon, year = int(m.group(1)), MONTHS.get(m.group(2).upper()), int(m.group(3))
    if not mon or not 1 <= day <= 31:
        return None
    return "%04d-%02d-%02d" % (year, mon, day)


def stories(src):
    files = sorted(glob.glob(os.path.join(src, "reut2-*.sgm.gz")))
    if not files:
        sys.exit("reuters_to_jsonl: no reut2-*.sgm.gz files in %s" % src)
    for path in files:
        with gzip.open(path, "rb") as f:
            data = f.read().decode("latin-1")
        for m in DOC_RE.finditer(data):
            attrs, doc = m.group(1), m.group(2)
            body = BODY_RE.search(doc)
            if not body:
                continue          # briefs (title only) and unprocessed text
            text = clean(body.group(1))
            if not text:
                continue
            newid = NEWID_RE.search(attrs)
            title = TITLE_RE.search(doc)
            rec = {"id": newid.group(1) if newid else None,
                   "title": clean(title.group(1)) if title else None,
                   "text": text,
                   "published": iso_date(doc),
                   "source": "Reuters"}
            yield {k: v for k, v in rec.items() if v is not None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", help="folder with reut2-*.sgm.gz")
    ap.add_argument("out", help="JSONL file to write")
    ap.add_argument("--txt-dir")
    ap.add_argument("--txt-count", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    if a.txt_dir:
        os.makedirs(a.txt_dir, exist_ok=True)
    n = nbytes = ntxt = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for rec in stories(a.src):
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            n += 1
            nbytes += len(rec["text"].encode("utf-8"))
            if a.txt_dir and ntxt < a.txt_count:
                ntxt += 1
                with open(os.path.join(a.txt_dir, "%05d.txt" % int(rec.get("id", ntxt))),
                          "w", encoding="utf-8") as t:
                    t.write("%s\n\n%s\n" % (rec.get("title", ""), rec["text"]))
            if a.limit and n >= a.limit:
                break
    print("reuters_to_jsonl: %d stories, %d body bytes, %d text files" % (n, nbytes, ntxt),
          file=sys.stderr)


if __name__ == "__main__":
    main()
