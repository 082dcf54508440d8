#!/bin/sh
# bench/dask.sh — ingest on a local Dask cluster (python3 -m storyline.dask,
# docs/scale.md) against one `storyline ingest` process, on 1, 2 and 4
# workers: articles/s, the speed-up, the map's and the merge's cost per
# article, and whether the stores are the same (python3 -m storyline.compare).
#
#   sh bench/dask.sh          # WORKERS="1 2 4" PARTITION=1000 BENCH_DIR=build/bench
#
# Corpora, read at run time from ../shared/datasets, or $SL_DATASETS (nothing is kept here):
#   reuters  Reuters-21578 as JSONL (bench/reuters_to_jsonl.py), 19,043 stories
#   bbc      BBC News 2004-05, scale/bbc/bbc_articles.jsonl.gz as it is, 2,225
#   wcxb     the 1,358 WCXB dev pages as 4 WARC shards (HTML: the map extracts)
# A corpus whose data is missing is left out. The machine's cores are
# printed: on 2 cores, 4 workers share them.
cd "$(dirname "$0")/.." || exit 2
DATA=${SL_DATASETS:-${DATASETS:-../shared/datasets}}
BIN=${STORYLINE:-build/storyline}
OUT=${BENCH_DIR:-build/bench}/dask
WORKERS=${WORKERS:-"1 2 4"}
PARTITION=${PARTITION:-1000}
PY=python3
$PY -c 'import distributed' 2>/dev/null || PY=/usr/bin/python3
if ! $PY -c 'import distributed' 2>/dev/null; then
  echo "bench dask: skipped: no python3-distributed (sh scripts/bootstrap.sh dask)"
  exit 0
fi
[ -x "$BIN" ] && [ -f build/libstoryline.so ] || { echo "bench dask: make first" >&2; exit 2; }
export PYTHONPATH="$PWD/python${PYTHONPATH:+:$PYTHONPATH}" STORYLINE_LIB="$PWD/build/libstoryline.so"
rm -rf "$OUT" && mkdir -p "$OUT/wcxb" || exit 2

CORPORA=""
if [ -d "$DATA/scale/reuters21578" ]; then
  python3 bench/reuters_to_jsonl.py "$DATA/scale/reuters21578" "$OUT/reuters.jsonl" >/dev/null || exit 2
  CORPORA="$CORPORA reuters=$OUT/reuters.jsonl"
fi
[ -f "$DATA/scale/bbc/bbc_articles.jsonl.gz" ] && CORPORA="$CORPORA bbc=$DATA/scale/bbc/bbc_articles.jsonl.gz"
if [ -d "$DATA/extraction/wcxb/dev/html" ]; then
  python3 - "$DATA/extraction/wcxb/dev/html" "$OUT/wcxb" <<'EOF' || exit 2
import gzip, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(src))
for shard in range(4):
    with open(os.path.join(out, "shard-%d.warc.gz" % shard), "wb") as f:
        for name in names[shard::4]:
            body = gzip.open(os.path.join(src, name)).read()
            payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://wcxb.invalid/%s\r\n"
                    "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Length: %d\r\n\r\n"
                    % (name, len(payload))).encode()
            f.write(gzip.compress(head + payload + b"\r\n\r\n"))
EOF
  CORPORA="$CORPORA wcxb=$(ls "$OUT"/wcxb/*.warc.gz | tr '\n' ',')"
fi
[ -n "$CORPORA" ] || { echo "bench dask: skipped: no corpus in $DATA"; exit 0; }

echo "bench dask: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
$PY - "$BIN" "$OUT" "$PARTITION" "$PY" $WORKERS -- $CORPORA <<'EOF'
import json, os, re, subprocess, sys, time
binary, out, partition, py = sys.argv[1:5]
rest = sys.argv[5:]
workers = [int(w) for w in rest[:rest.index("--")]]
corpora = [c.split("=", 1) for c in rest[rest.index("--") + 1:]]


def timed(cmd):
    """wall seconds, CPU seconds of the process and its children, stderr."""
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit("bench dask: %s failed (%d):\n%s" % (cmd[0], p.returncode, p.stderr[-2000:]))
    return wall, p.stderr


rows = []
for name, inputs in corpora:
    paths = [p for p in inputs.split(",") if p]
    single = os.path.join(out, name + "-single.db")
    before = os.times()
    wall, _ = timed([binary, "--db", single, "--quiet", "ingest"] + paths)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    n = sum(s["size"] for s in json.loads(subprocess.run([binary, "--db", single, "stories", "--json"],
                                                         capture_output=True, text=True).stdout)["stories"])
    rows.append(dict(corpus=name, mode="one process", stored=n, wall=wall, run=wall, cpu=cpu))
    print("  %s: one process %.1f s, %d stored" % (name, wall, n), flush=True)
    for w in workers:
        db = os.path.join(out, "%s-dask%d.db" % (name, w))
        wall, err = timed([py, "-m", "storyline.dask", "--local", str(w), "--partition", partition,
                           "--db", db] + paths)
        m = re.search(r"dask: (\d+) items: (\d+) new.*?; ([\d.]+) s \(\d+ items/s\), of which ([\d.]+) s "
                      r"starting the cluster; map ([\d.]+) CPU s, merge ([\d.]+) CPU s", err)
        if not m:
            sys.exit("bench dask: no summary from the run:\n" + err[-2000:])
        items, new, run_wall, ready, map_cpu, merge = (float(x) for x in m.groups())
        cmp = json.loads(subprocess.run([py, "-m", "storyline.compare", "--json", single, db],
                                        capture_output=True, text=True).stdout)
        rows.append(dict(corpus=name, mode="dask, %d worker%s" % (w, "s" if w > 1 else ""), workers=w,
                         items=items, stored=int(new), wall=wall, run=run_wall - ready, map_cpu=map_cpu,
                         merge=merge, cmp=cmp))
        print("  %s: %d workers %.1f s (%.1f s starting the cluster)" % (name, w, wall, ready), flush=True)

print()
hdr = ("corpus", "run", "stored", "wall s", "run s", "articles/s", "speed-up", "map CPU ms/art",
       "writer CPU ms/art", "ceiling", "same answer: articles, copies F1, stories B3 F1")
table = [hdr]
for r in rows:
    base = next(x for x in rows if x["corpus"] == r["corpus"] and x["mode"] == "one process")
    one = next((x for x in rows if x["corpus"] == r["corpus"] and x.get("workers") == 1), None)
    speed = "%.2f / %.2f" % (base["run"] / r["run"], one["run"] / r["run"]) if one and "workers" in r else "1.00"
    c = r.get("cmp")
    same = ("%s, %.4f, %.4f" % ("equal" if c["articles"] == c["articles_second"] == c["articles_both"] else
                                "%d of %d" % (c["articles_both"], c["articles"]), c["copies_f1"], c["stories_b3_f1"])
            if c else "(reference)")
    table.append((r["corpus"], r["mode"], "%d" % r["stored"], "%.2f" % r["wall"], "%.2f" % r["run"],
                  "%.0f" % (r["stored"] / r["run"]), speed,
                  "%.3f" % (1000 * r["map_cpu"] / r["items"]) if c else "-",
                  "%.3f" % (1000 * r["merge"] / r["items"]) if c else "%.3f" % (1000 * r["cpu"] / r["stored"]),
                  "%.2f" % (base["cpu"] / r["merge"]) if c else "-", same))
w = [max(len(row[i]) for row in table) for i in range(len(hdr))]
for i, row in enumerate(table):
    print("  ".join(x.ljust(w[j]) if j in (0, 1, 10) else x.rjust(w[j]) for j, x in enumerate(row)))
    if i == 0:
        print("  ".join("-" * x for x in w))
print("run s = wall less the cluster's start; speed-up = one process's run s / this run s, then 1 worker's / "
      "this;\nmap CPU = the map tasks' on the workers; writer CPU = the merge's (one process: all of its CPU);\n"
      "ceiling = one process's CPU / the writer's: the speed-up with workers enough to keep the writer busy")
EOF
echo "bench dask: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
