#!/bin/sh
# dask.sh — ingest on a local Dask cluster of 2 worker processes
# (python3 -m storyline.dask, docs/scale.md) gives the store a single
# `storyline ingest` of the same inputs gives: the same articles, copies and
# stories (python3 -m storyline.compare), the same failures reported, a
# damaged shard named and the rest stored, and a worker killed with -9 in
# the middle of the map survived with the store unchanged. Inputs are a few
# hundred synthetic articles (tests/gen_articles.py), copies of some of them,
# and HTML pages in a WARC file, all made here.
NAME=dask
. "$SL_TESTS/e2e/lib.sh"

# A python3 with Dask: the one on PATH, else Debian's (python3-distributed).
PY=python3
$PY -c 'import distributed' 2>/dev/null || PY=/usr/bin/python3
if ! $PY -c 'import distributed' 2>/dev/null || ! use_binding; then
  fail "python3-distributed and the library (sh scripts/bootstrap.sh dask; make shared)"
  finish
fi

section "inputs"
mkdir -p "$T/in/txt"
python3 "$SL_TESTS/gen_articles.py" 240 --seed 15 --jsonl "$T/in/a.jsonl"
python3 "$SL_TESTS/gen_articles.py" 30 --seed 16 --dir "$T/in/txt"
python3 - "$T/in" <<'EOF'
import gzip, json, os, sys
out = sys.argv[1]
src = [json.loads(l) for l in open(os.path.join(out, "a.jsonl"))]
# Copies: exact reposts and reposts with a paragraph added, a day later, other outlets.
with open(os.path.join(out, "b.jsonl"), "w") as f:
    for i, a in enumerate(src[::8]):
        if i == 5:
            f.write("{not json\n")
        c = dict(a, id="copy-%d" % i, source="Repost Daily %d" % (i % 3))
        if i % 2:
            c["text"] = a["text"] + "\n\nThis report first ran elsewhere and is reprinted in full."
        f.write(json.dumps(c) + "\n")
# HTML pages in a WARC file, menus and footers around each article.
def page(a):
    paras = "".join("<p>%s</p>" % p for p in a["text"].split("\n\n"))
    return ("<html><head><title>%s</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a>"
            "</nav><article><h1>%s</h1>%s</article><footer>Copyright the Lantern Post</footer>"
            "</body></html>" % (a["title"], a["title"], paras)).encode()
def record(uri, body):
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2031-02-15T08:00:00Z\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, len(payload))).encode()
    return gzip.compress(head + payload + b"\r\n\r\n")
with open(os.path.join(out, "pages.warc.gz"), "wb") as f:
    for i, a in enumerate(src[3::6]):
        f.write(record("http://lantern.invalid/%d" % i, page(a)))
# A shard that is not gzip inside: unreadable.
open(os.path.join(out, "broken.warc.gz"), "wb").write(b"\x1f\x8b\x08\x00" + bytes(range(200)))
EOF
INPUTS="$T/in/a.jsonl $T/in/b.jsonl $T/in/pages.warc.gz $T/in/broken.warc.gz $T/in/txt $T/in/missing.jsonl"

section "one process"
expect_exit 1 "$STORYLINE" --db "$T/single.db" --quiet ingest $INPUTS
sort "$ERR" >"$T/single.err"
check "some inputs fail in one process" [ "$(wc -l <"$T/single.err")" -ge 3 ]
expect_exit 0 "$STORYLINE" --db "$T/single.db" --json copies
check "the inputs hold copies" [ "$(grep -c '"kind"' "$OUT")" -ge 20 ]

section "options checked before the cluster starts"
expect_exit 2 $PY -m storyline.dask --local 2 --date yesterday --db "$T/bad.db" "$T/in/a.jsonl"
check "a bad date is named" err_has "not an ISO-8601 date"

section "local cluster of 2 workers"
# Partitions of 40 items: a.jsonl alone is cut in six.
expect_exit 1 timeout 300 $PY -m storyline.dask --local 2 --partition 40 --db "$T/dask.db" $INPUTS
grep '^storyline: ' "$ERR" | sort >"$T/dask.err"
check "the same failures are reported" diff "$T/single.err" "$T/dask.err"
check "the unreadable shard is named" grep -q "broken.warc.gz" "$T/dask.err"
check "the summary counts the partitions" grep -q "2 workers, 1[0-9] partitions" "$ERR"
expect_exit 0 $PY -m storyline.compare "$T/single.db" "$T/dask.db"
check "articles, copies and stories equal" grep -q "B3 precision 1.0000 recall 1.0000" "$OUT"
expect_exit 0 "$STORYLINE" --db "$T/dask.db" check
"$STORYLINE" --db "$T/single.db" export --json >"$T/single.json"
"$STORYLINE" --db "$T/dask.db" export --json >"$T/dask.json"
check "the export is the same, ids and all" cmp "$T/single.json" "$T/dask.json"

section "a worker killed with -9 during the map"
# The map runs on the cluster; once the first partition is done, the worker
# that holds the most of the rest is killed. Its partitions run again on the
# other worker (and on the one the nanny starts), and the store is the same.
# (A file with a main guard: the nanny starts the new worker by spawn, which
# imports the main module again.)
cat >"$T/kill_worker.py" <<'EOF'
import os, signal, sys
from distributed import Client, LocalCluster, wait
from storyline import dask as sd, lib as sl


def main(db, inputs):
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)
    client = Client(cluster)
    pids = client.run(os.getpid)
    parts, _ = sd.map_inputs(client, inputs, 20)
    wait([p.future for p in parts], return_when="FIRST_COMPLETED")
    held = client.has_what()
    victim = max(pids, key=lambda w: len(held.get(w, ())))
    os.kill(pids[victim], signal.SIGKILL)
    print("killed worker pid", pids[victim], "holding", len(held.get(victim, ())), "results", flush=True)
    engine = sl.Engine(db)
    merge = sd.Merge(engine)
    for p in parts:
        merge.partition(p)
    engine.close()
    print("merged", merge.report.articles_new, "articles;", merge.failed, "failures")
    # The scheduler may still list the killed worker for a while on a loaded
    # machine: ask every worker that answers, skipping the ones that fail.
    alive = client.run(os.getpid, on_error="ignore")
    print("killed one gone:", pids[victim] not in alive.values())
    client.close()
    cluster.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
EOF
timeout 300 $PY "$T/kill_worker.py" "$T/killed.db" $INPUTS >"$OUT" 2>"$ERR"
RC=$?
check "the run with a killed worker ends" [ $RC -eq 0 ]
check "a worker was killed and its results lost" grep -q "killed one gone: True" "$OUT"
expect_exit 0 $PY -m storyline.compare "$T/single.db" "$T/killed.db"
check "the store is the same after the kill" grep -q "B3 precision 1.0000 recall 1.0000" "$OUT"

finish
