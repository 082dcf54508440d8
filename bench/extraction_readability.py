#!/usr/bin/python3
"""Runs Debian's readability-lxml (python3-readability) over pages for
bench/extraction.sh: prints one JSON object {path: text} and, on stderr, the
CPU seconds spent in parsing and extraction (file reading excluded). Pages
named *.gz are gunzipped first (eval/extraction.py passes the datasets' files).

    /usr/bin/python3 bench/extraction_readability.py PAGE.html...
"""
import gzip
import json
import sys
import time

import lxml.html
from readability import Document

pages = [(p, (gzip.open if p.endswith(".gz") else open)(p, "rb").read().decode("utf-8", "replace"))
         for p in sys.argv[1:]]
out = {}
t = time.process_time()
for path, html in pages:
    try:
        summary = Document(html).summary(html_partial=True)
        out[path] = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:
        out[path] = ""
secs = time.process_time() - t
json.dump(out, sys.stdout)
sys.stderr.write("cpu %.3f\n" % secs)
