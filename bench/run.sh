#!/bin/sh
# make bench: ingest speed and memory on the Reuters-21578 scale seed
# (../shared/datasets/scale/reuters21578, read at run time, never copied here).
#
#   sh bench/run.sh            # from the repository root (make bench does this)
#
# Environment: STORYLINE (binary, default build/storyline), RUNS (timed runs per
# corpus, default 3), BENCH_DIR (scratch folder, default build/bench; it holds
# the generated JSONL, text files and stores, and is emptied first), DATASETS
# (the shared datasets, default ../shared/datasets; bench/floor.py and
# bench/curve.py read it too).
#
# Measures, each on a fresh store, with --quiet:
#   reuters.jsonl   every story with a body (19,043) as one JSONL file
#   first 1,000     the first 1,000 lines of it (shows how cost grows with size)
#   txt folder      5,000 stories as plain-text files (title, blank line, body)
# and a baseline run of 100 articles per format for the memory figure:
#   KB/article = (peak RSS - peak RSS of the 100-article run) / articles stored.
# Seconds and articles/s are medians over RUNS runs: wall clock, and CPU
# (user + sys) which is less disturbed by other jobs on a shared machine.
# Peak RSS is the largest over the runs. Prints a table; exit 0 unless a run
# fails outright (storyline's exit 1, "some inputs were rejected", is fine).
# Then the time of each stage per article (bench/stages.sh) on the first
# 1,000 Reuters stories and on the zyte HTML pages (extraction), the other
# benches (GoogleNews headlines beside a Python single pass:
# bench/googlenews.py), the floor (bench/floor.py) and the cost curve
# (bench/curve.py).
cd "$(dirname "$0")/.." || exit 2
DATASETS=${DATASETS:-../shared/datasets}
export DATASETS
DATA=$DATASETS/scale/reuters21578
BIN=${STORYLINE:-build/storyline}
RUNS=${RUNS:-3}
OUT=${BENCH_DIR:-build/bench}
TXT_COUNT=5000
BASE_COUNT=100

sh bench/stories.sh || exit 1   # story assignment speed and memory (no dataset needed)

if [ ! -d "$DATA" ]; then
  echo "bench: skipped: $DATA not found (the shared datasets are not on this machine)"
  exit 0
fi
if [ ! -x "$BIN" ]; then
  echo "bench: $BIN not found; run make first" >&2
  exit 2
fi

rm -rf "$OUT"
mkdir -p "$OUT/txt" "$OUT/txt100" || exit 2
RESULTS="$OUT/results.txt"
: >"$RESULTS"

echo "bench: converting $DATA to $OUT/reuters.jsonl and $TXT_COUNT text files"
python3 bench/reuters_to_jsonl.py "$DATA" "$OUT/reuters.jsonl" \
  --txt-dir "$OUT/txt" --txt-count "$TXT_COUNT" || exit 2
head -n 1000 "$OUT/reuters.jsonl" >"$OUT/first1000.jsonl"
head -n "$BASE_COUNT" "$OUT/reuters.jsonl" >"$OUT/base.jsonl"
for f in $(ls "$OUT/txt" | head -n "$BASE_COUNT"); do
  cp "$OUT/txt/$f" "$OUT/txt100/$f"
done

# measure FILE CMD...: runs CMD, appends "wall user sys maxrss_kb status" to FILE.
if [ -x /usr/bin/time ]; then
  measure() {
    m_out=$1; shift
    /usr/bin/time -o "$OUT/time.tmp" -f '%e %U %S %M %x' "$@" 2>"$OUT/stderr.tmp" >/dev/null
    tail -n 1 "$OUT/time.tmp" >>"$m_out"
  }
else   # no GNU time: the same figures from wait4()
  measure() {
    m_out=$1; shift
    python3 -c '
import os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1)
    err = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC); os.dup2(err, 2)
    os.execvp(sys.argv[2], sys.argv[2:])
_, st, ru = os.wait4(pid, 0)
print("%.2f %.2f %.2f %d %d" % (time.perf_counter() - t, ru.ru_utime, ru.ru_stime,
      ru.ru_maxrss, os.waitstatus_to_exitcode(st)))' "$OUT/stderr.tmp" "$@" >>"$m_out"
  }
fi

# stored DB: number of articles in the store (sum of story sizes).
stored() {
  "$BIN" --db "$1" stories --json | python3 -c '
import json, sys
print(sum(s["size"] for s in json.load(sys.stdin)["stories"]))'
}

# bench NAME INPUT INPUTS RUNS: times RUNS ingests of INPUT into fresh stores.
bench() {
  b_name=$1 b_in=$2 b_inputs=$3 b_runs=$4
  : >"$OUT/$b_name.runs"
  i=0
  while [ "$i" -lt "$b_runs" ]; do
    i=$((i + 1))
    db="$OUT/$b_name.db"
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    measure "$OUT/$b_name.runs" "$BIN" --db "$db" --quiet ingest "$b_in"
    st=$(tail -n 1 "$OUT/$b_name.runs" | awk '{print $5}')
    if [ "$st" != 0 ] && [ "$st" != 1 ]; then
      echo "bench: $b_name: storyline exited with status $st:" >&2
      cat "$OUT/stderr.tmp" >&2
      exit 1
    fi
    echo "  $b_name run $i: $(tail -n 1 "$OUT/$b_name.runs" | awk '{printf "%s s wall, %.2f s CPU, %d KB peak", $1, $2 + $3, $4}')"
  done
  rejected=$(grep -c . "$OUT/stderr.tmp")
  dbsize=$(cat "$db" "$db-wal" 2>/dev/null | wc -c | tr -d ' ')
  echo "$b_name $b_inputs $(stored "$db") $rejected $dbsize $(tr '\n' ' ' <"$OUT/$b_name.runs")" >>"$RESULTS"
}

inputs_jsonl=$(wc -l <"$OUT/reuters.jsonl" | tr -d ' ')
inputs_txt=$(ls "$OUT/txt" | wc -l | tr -d ' ')
echo "bench: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench base_jsonl "$OUT/base.jsonl" "$BASE_COUNT" 1
bench base_txt "$OUT/txt100" "$BASE_COUNT" 1
bench first1000 "$OUT/first1000.jsonl" 1000 "$RUNS"
bench jsonl "$OUT/reuters.jsonl" "$inputs_jsonl" "$RUNS"
bench txt "$OUT/txt" "$inputs_txt" "$RUNS"
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

python3 - "$RESULTS" <<'EOF'
import statistics, sys

rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    name, inputs, stored, rejected, dbsize = f[0], int(f[1]), int(f[2]), int(f[3]), int(f[4])
    rest = f[5:]
    runs = [tuple(float(x) for x in rest[i:i + 5]) for i in range(0, len(rest), 5)]
    rows[name] = dict(inputs=inputs, stored=stored, rejected=rejected, dbsize=dbsize, runs=runs,
                      wall=statistics.median(r[0] for r in runs),
                      cpu=statistics.median(r[1] + r[2] for r in runs),
                      peak=max(r[3] for r in runs))

table = [("reuters JSONL, first 1,000", "first1000", "base_jsonl"),
         ("reuters JSONL, all", "jsonl", "base_jsonl"),
         ("reuters .txt folder", "txt", "base_txt")]
hdr = ("corpus", "articles", "stored", "seconds", "articles/s", "CPU s", "articles/CPU s",
       "peak MB", "KB/article", "store MB")
out = [hdr]
for label, key, base in table:
    r, b = rows[key], rows[base]
    kb = (r["peak"] - b["peak"]) / r["stored"] if r["stored"] else float("nan")
    out.append((label, "%d" % r["inputs"], "%d" % r["stored"], "%.2f" % r["wall"],
                "%.0f" % (r["inputs"] / r["wall"]), "%.2f" % r["cpu"],
                "%.0f" % (r["inputs"] / r["cpu"]), "%.1f" % (r["peak"] / 1024), "%.2f" % kb,
                "%.1f" % (r["dbsize"] / 1048576)))
w = [max(len(row[i]) for row in out) for i in range(len(hdr))]
for i, row in enumerate(out):
    print("  ".join(c.ljust(w[j]) if j == 0 else c.rjust(w[j]) for j, c in enumerate(row)))
    if i == 0:
        print("  ".join("-" * x for x in w))
print()
for key, base in (("base_jsonl", None), ("base_txt", None)):
    r = rows[key]
    print("baseline %-10s %d articles, peak %.1f MB" % (key[5:], r["inputs"], r["peak"] / 1024))
print("medians of %d runs; seconds = wall clock, CPU s = user + sys; articles/s counts every"
      % len(rows["jsonl"]["runs"]))
print("input article (rejected ones too); KB/article = (peak - baseline peak) / stored;")
print("store MB = database file (+ WAL) after the last run")
print("rejected inputs: JSONL %d, txt %d (storyline said why on stderr)"
      % (rows["jsonl"]["rejected"], rows["txt"]["rejected"]))
print()
t = rows["txt"]
txt_rate = t["inputs"] / t["wall"]
kb = (rows["jsonl"]["peak"] - rows["base_jsonl"]["peak"]) / rows["jsonl"]["stored"]
print("aim: >= 5000 articles/s, plain-text ingest, one core: %.0f articles/s (%.0f per CPU s): %s"
      % (txt_rate, t["inputs"] / t["cpu"], "met" if txt_rate >= 5000 else "NOT MET"))
print("aim: < 2 KB per stored article beyond its text:      %.2f KB (all of Reuters): %s"
      % (kb, "met" if kb < 2 else "NOT MET"))
EOF
echo
sh bench/stages.sh "$OUT/first1000.jsonl" "reuters JSONL, first 1,000" || exit 1
sh bench/steps.sh "$OUT/first1000.jsonl" || exit 1   # the store's statements per article
HTML=$DATASETS/extraction/zyte/html
if [ -d "$HTML" ]; then
  echo
  sh bench/stages.sh "$HTML" "zyte HTML pages (extraction)" || exit 1
fi
echo
sh bench/facts.sh || exit 1
sh bench/story.sh || exit 1   # timex MB/s, summary and timeline of a 500-article story
# story assignment on the GoogleNews headlines beside Python's single pass
# (skips when clustering/googlenews is not in the datasets)
python3 bench/googlenews.py --bin "$BIN" --data "$DATASETS" --out "$OUT" || exit 1
python3 bench/lang_bench.py || exit 1   # language id: accuracy and microseconds a call
python3 bench/copies.py || exit 1
# the floor (a Python sqlite3 + FTS5 insert of the same rows) and the store's bytes per article
python3 bench/floor.py --bin "$BIN" --input "$OUT/reuters.jsonl" --runs "$RUNS" || exit 1
python3 bench/curve.py --bin "$BIN" || exit 1   # cost per article and open cost, 10k to 200k stored

echo
sh bench/extraction.sh

echo
sh bench/dask.sh || exit 1   # ingest on a local Dask cluster, 1, 2, 4 workers (docs/scale.md)
