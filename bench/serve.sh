#!/bin/sh
# bench/serve.sh — storyline serve under load (issue 14): wrk on loopback
# against a store of N generated articles (tests/gen_articles.py, invented
# words, default 100,000), while an ingest writes 1,000 more into the same
# store: requests/s and latency (median, p99) for the story list, one story
# and a search. Aim: >= 2,000 requests/s and p99 < 50 ms for the list and the
# story, on this machine, while an ingest writes.
#
#   sh bench/serve.sh     (from the repository root, after make)
#
# Environment: STORYLINE (binary, default build/storyline), N (articles,
# default 100000), DURATION (seconds of wrk per endpoint, default 10), CONNS
# (open connections, default 32), THREADS (server threads, default 2), RUNS
# (wrk runs per path, each with its own ingest; the median run by requests/s
# is reported, default 3), BENCH_DIR (default build/bench). The base store is made once and kept
# (BENCH_DIR/serve/base-N.db); each run works on a copy of it. The server
# runs with --rate 0: the per-client limit would otherwise answer most of
# wrk's requests with 429.
cd "$(dirname "$0")/.." || exit 2
BIN=${STORYLINE:-build/storyline}
N=${N:-100000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-build/bench}/serve
[ -x "$BIN" ] || { echo "bench-serve: $BIN not found; run make first" >&2; exit 2; }
sh scripts/bootstrap.sh bench || exit 2
mkdir -p "$DIR" || exit 2

BASE="$DIR/base-$N.db"
if [ ! -f "$BASE" ]; then
  echo "bench-serve: making a store of $N articles (once; kept as $BASE)" >&2
  python3 tests/gen_articles.py "$N" --seed 14 --jsonl "$DIR/base.jsonl" || exit 2
  start=$(date +%s)
  "$BIN" --db "$BASE.tmp" --quiet ingest "$DIR/base.jsonl" || exit 2
  echo "bench-serve: ingested $N articles in $(($(date +%s) - start)) s" >&2
  mv "$BASE.tmp" "$BASE" && rm -f "$DIR/base.jsonl" "$BASE.tmp-wal" "$BASE.tmp-shm"
fi
# Articles for the ingests that run during the measures: other keys, other seeds.
for e in list story search; do
  r=1
  while [ $r -le "$RUNS" ]; do
    [ -f "$DIR/live-$e-$r.jsonl" ] ||
      python3 tests/gen_articles.py 1000 --seed "$(printf '%s%s' "$e" "$r" | cksum | cut -c1-6)" |
        sed "s/\"gen-/\"live-$e-$r-/" >"$DIR/live-$e-$r.jsonl" || exit 2
    r=$((r + 1))
  done
done

DB="$DIR/run.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$BASE" "$DB" || exit 2
"$BIN" --db "$DB" serve --port 0 --rate 0 --threads "$THREADS" >"$DIR/serve.out" 2>"$DIR/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
i=0
while [ $i -lt 100 ] && ! grep -q 'http://' "$DIR/serve.out"; do sleep 0.1; i=$((i + 1)); done
URL=$(sed -n 's|.* at \(http://[^ ]*\)/$|\1|p' "$DIR/serve.out")
[ -n "$URL" ] || { cat "$DIR/serve.err" >&2; exit 2; }

# The story: the newest one of the list; the search word: its title's first.
curl -s "$URL/api/stories?limit=1" >"$DIR/first.json"
STORY=$(jq -r '.stories[0].id' "$DIR/first.json")
SIZE=$(jq -r '.stories[0].size' "$DIR/first.json")
TOTAL=$(jq -r '.total' "$DIR/first.json")
WORD=$(jq -r '.stories[0].title | split(" ")[0] | ascii_downcase' "$DIR/first.json")

# ms VALUE: wrk's "12.34ms" / "850.00us" / "1.20s" in milliseconds.
ms() { echo "$1" | awk '/us$/ {printf "%.2f", $1 / 1000; next} /ms$/ {printf "%.2f", $1 + 0; next} /s$/ {printf "%.2f", $1 * 1000}'; }

# run_once NAME PATH RUN: one wrk run on PATH while an ingest of 1,000 articles
# writes; prints "requests/s median_ms p99_ms writing errors".
run_once() {
  rm -f "$DIR/ingest-end"
  t0=$(date +%s)
  { "$BIN" --db "$DB" --quiet ingest "$DIR/live-$1-$3.jsonl" >/dev/null 2>&1; echo "$? $(date +%s)" >"$DIR/ingest-end"; } &
  ingest=$!
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$URL$2" >"$DIR/wrk-$1-$3.txt" 2>&1
  t1=$(date +%s)
  wait "$ingest"
  read -r rc end <"$DIR/ingest-end"
  if [ "$end" -ge "$t1" ]; then writing="all_${DURATION}_s"; else writing="first_$((end - t0))_s"; fi
  w="$DIR/wrk-$1-$3.txt"
  errs=$(awk '/Non-2xx/ {printf "%s_non-2xx_", $NF} /Socket errors/ {gsub(/[ ,]+/, "_"); printf "%s", $0}' "$w")
  [ "$rc" -ne 0 ] && errs="${errs}ingest_exit_$rc"
  echo "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$w") $(ms "$(awk '$1 == "50%" {print $2}' "$w")")" \
    "$(ms "$(awk '$1 == "99%" {print $2}' "$w")") $writing ${errs:-none}"
}

# measure NAME PATH: RUNS runs; the table row of the median run (by requests/s)
# and every run's requests/s and p99.
measure() {
  r=1
  : >"$DIR/runs-$1"
  while [ $r -le "$RUNS" ]; do
    run_once "$1" "$2" "$r" >>"$DIR/runs-$1"
    r=$((r + 1))
  done
  sort -n "$DIR/runs-$1" | awk -v name="$1" -v path="$2" -v n="$RUNS" '
    { rps[NR] = $1; line[NR] = $0; all = all (all ? ", " : "") $1 " (p99 " $3 ")" }
    END { split(line[int((n + 1) / 2)], m, " "); gsub(/_/, " ", m[4]); gsub(/_/, " ", m[5])
          printf "| %-6s | `%s` | %s | %s | %s | %s | %s | %s |\n", name, path, m[1], m[2], m[3], m[4], m[5], all }'
}

echo "bench-serve: $N articles, $TOTAL stories; story $STORY has $SIZE articles; search word \"$WORD\""
echo "bench-serve: wrk -t2 -c$CONNS -d${DURATION}s, $RUNS runs a path (the median shown), server --threads $THREADS, $(nproc) cores"
echo
echo "| what | path | requests/s | median ms | p99 ms | ingest writing | errors | every run: requests/s (p99 ms) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
measure list "/api/stories"
measure story "/api/stories/$STORY"
measure search "/api/search?q=$WORD"
