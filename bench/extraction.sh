#!/bin/sh
# bench/extraction.sh: article extraction speed and quality on the Zyte pages
# (../shared/datasets/extraction, read at run time), against readability-lxml
# and Mozilla Readability.js on the same pages in the same run; then WARC
# ingest of 10,000 records built from the Zyte and WCXB pages.
#
#   sh bench/extraction.sh        # from the repository root (bench/run.sh calls it)
#
# Environment: STORYLINE (binary, default build/storyline), RUNS (timed runs,
# default 3), BENCH_DIR (scratch folder, default build/bench).
# Installs what the comparison needs when missing (scripts/extraction_peers.sh:
# readability-lxml from Debian, Readability.js from npm into
# $BENCH_DIR/readability-js); a competitor that cannot be installed is skipped.
# Pages/s are over CPU seconds of one process (one core), parsing included;
# storyline's figure is the whole process (start, reading the files, writing
# JSON); the others' exclude reading the files and starting the interpreter.
cd "$(dirname "$0")/.." || exit 2
DATA=${DATASETS:-../shared/datasets}/extraction
BIN=${STORYLINE:-build/storyline}
RUNS=${RUNS:-3}
OUT=${BENCH_DIR:-build/bench}/extraction
JS="${BENCH_DIR:-build/bench}/readability-js"
WARC_RECORDS=10000

if [ ! -d "$DATA/zyte" ]; then
  echo "bench extraction: skipped: $DATA/zyte not found"
  exit 0
fi
mkdir -p "$OUT" || exit 2

sh scripts/extraction_peers.sh "${BENCH_DIR:-build/bench}"

# The pages are gunzipped first: every extractor reads the same plain files.
mkdir -p "$OUT/pages"
for f in "$DATA"/zyte/html/*.html.gz; do
  gzip -dc "$f" >"$OUT/pages/$(basename "$f" .gz)"
done
PAGES=$(ls "$OUT"/pages/*.html)
# cpu CMD...: CPU seconds (user + sys) of CMD and its children, stdout to $OUT/stdout.
cpu() {
  /usr/bin/python3 -c '
import os, resource, subprocess, sys
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "wb") as out:
    p = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.buffer.write(p.stderr)
print("%.3f %d" % (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime, r1.ru_maxrss))' "$OUT/stdout" "$@"
}

echo "bench extraction: $(echo "$PAGES" | wc -l) Zyte pages, $RUNS runs each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$OUT/times.txt"
i=0
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  echo "storyline $(cpu "$BIN" extract --json $PAGES 2>/dev/null)" >>"$OUT/times.txt"
  cp "$OUT/stdout" "$OUT/storyline.out"
done
if /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    /usr/bin/python3 bench/extraction_readability.py $PAGES >"$OUT/readability-lxml.out" 2>"$OUT/err" &&
      echo "readability-lxml $(sed -n 's/^cpu //p' "$OUT/err")" >>"$OUT/times.txt"
  done
fi
if [ -d "$JS/node_modules/jsdom" ]; then
  NODE_PATH="$JS/node_modules" node bench/extraction_readability.js $PAGES >"$OUT/readability-js.out" 2>"$OUT/err" &&
    echo "readability.js $(sed -n 's/^cpu //p' "$OUT/err")" >>"$OUT/times.txt"
fi

echo "bench extraction: building a WARC of $WARC_RECORDS records (and one of 1,000) from the Zyte and WCXB pages"
/usr/bin/python3 - "$DATA" "$OUT" "$WARC_RECORDS" <<'PYEOF' || exit 2
import glob, gzip, os, sys
data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = sorted(glob.glob(os.path.join(data, "zyte/html/*.html.gz"))) + sorted(glob.glob(os.path.join(data, "wcxb/dev/html/*.html.gz")))
bodies = [gzip.open(p).read() for p in pages]
def member(i):
    body = bodies[i % len(bodies)]
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://bench.invalid/%d\r\n"
            "WARC-Date: 2031-01-01T00:00:00Z\r\nContent-Length: %d\r\n\r\n" % (i, len(http))).encode()
    return gzip.compress(head + http + b"\r\n\r\n", 1)
with open(os.path.join(out, "big.warc.gz"), "wb") as big, open(os.path.join(out, "small.warc.gz"), "wb") as small:
    for i in range(n):
        m = member(i)
        big.write(m)
        if i < 1000:
            small.write(m)
PYEOF
echo "warc-extract $(cpu "$BIN" extract --json "$OUT/big.warc.gz" 2>/dev/null)" >>"$OUT/times.txt"
for w in small big; do
  rm -f "$OUT/$w.db" "$OUT/$w.db-wal" "$OUT/$w.db-shm"
  echo "warc-$w $(cpu "$BIN" --db "$OUT/$w.db" --quiet ingest "$OUT/$w.warc.gz" 2>/dev/null)" >>"$OUT/times.txt"
done

/usr/bin/python3 - "$OUT" "$DATA/zyte" "$WARC_RECORDS" <<'PYEOF'
import importlib.util, json, os, statistics, sys
out, zyte, n_warc = sys.argv[1], sys.argv[2], int(sys.argv[3])
spec = importlib.util.spec_from_file_location("ex", "eval/extraction.py")
ex = importlib.util.module_from_spec(spec); spec.loader.exec_module(ex)
gold = json.load(open(os.path.join(zyte, "ground-truth.json")))
times = {}
for line in open(os.path.join(out, "times.txt")):
    f = line.split()
    if len(f) >= 2:
        times.setdefault(f[0], []).append((float(f[1]), int(f[2]) if len(f) > 2 else 0))

def f1(texts):
    ps, rs = [], []
    for i, g in gold.items():
        path = os.path.join(out, "pages", i + ".html")
        p, r, has_p, has_g = ex.zyte_page(texts.get(path, ""), g["articleBody"])
        if has_p: ps.append(p)
        if has_g: rs.append(r)
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * P * R / (P + R)

texts = {"storyline": {}}
for line in open(os.path.join(out, "storyline.out")):
    d = json.loads(line); texts["storyline"][d["input"]] = d["text"]
for name in ("readability-lxml", "readability.js"):
    path = os.path.join(out, name.replace(".", "-") + ".out")
    if name in times and os.path.exists(path):
        texts[name] = json.load(open(path))
n = len(gold)
rows = []
for name in ("storyline", "readability-lxml", "readability.js"):
    if name not in texts or name not in times:
        print("%-17s skipped (not installed)" % name); continue
    cpu = statistics.median(t for t, _ in times[name])
    rows.append((name, f1(texts[name]), n / cpu, cpu))
print("%-17s %7s %10s %8s %10s" % ("extractor", "F1", "pages/s", "CPU s", "speed x"))
base = rows[0][2]
for name, f, rate, cpu in rows:
    print("%-17s %7.3f %10.1f %8.2f %10s" % (name, f, rate, cpu, "1" if name == "storyline" else "%.1f" % (base / rate)))
print("speed x = storyline pages/s over the extractor's; CPU seconds, median of the runs, one process")
print("aim: >= 400 pages/s on one core: %.0f pages/s: %s" % (base, "met" if base >= 400 else "NOT MET"))
if "warc-extract" in times:
    cpu, peak = times["warc-extract"][0]
    print("WARC extract (storyline extract --json, read + extract): %d records in %.2f CPU s = %.0f records/s, peak %.1f MB"
          % (n_warc, cpu, n_warc / cpu, peak / 1024))
w = {k: times["warc-" + k][0] for k in ("small", "big") if "warc-" + k in times}
if len(w) == 2:
    print("WARC ingest (extract + clean + store): %d records in %.2f CPU s = %.0f records/s, peak %.1f MB;"
          % (n_warc, w["big"][0], n_warc / w["big"][0], w["big"][1] / 1024))
    print("  1,000 records: peak %.1f MB (memory independent of file size: %s)"
          % (w["small"][1] / 1024, "yes" if w["big"][1] < 1.5 * w["small"][1] + 20480 else "NO"))
PYEOF
