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
# (open connections, default 32), THREADS (server threads, default 2),
# BENCH_DIR (default build/bench). The base store is made once and kept
# (BENCH_DIR/serve/base-N.db); each run works on a copy of it. The server
# runs with --rate 0: the per-client limit would otherwise answer most of
# wrk's requests with 429.
cd "$(dirname "$0")/.." || exit 2
BIN=${STORYLINE:-build/storyline}
N=${N:-100000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
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
# Articles for the ingests that run during the measures: other keys, other seed.
for e in list story search; do
  [ -f "$DIR/live-$e.jsonl" ] ||
    python3 tests/gen_articles.py 1000 --seed "$(printf '%s' "$e" | cksum | cut -c1-6)" |
      sed "s/\"gen-/\"live-$e-/" >"$DIR/live-$e.jsonl" || exit 2
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

# measure NAME PATH: wrk on PATH while an ingest of 1,000 articles writes.
measure() {
  rm -f "$DIR/ingest-end"
  t0=$(date +%s)
  { "$BIN" --db "$DB" --quiet ingest "$DIR/live-$1.jsonl" >/dev/null 2>&1; echo "$? $(date +%s)" >"$DIR/ingest-end"; } &
  ingest=$!
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$URL$2" >"$DIR/wrk-$1.txt" 2>&1
  t1=$(date +%s)
  wait "$ingest"
  read -r rc end <"$DIR/ingest-end"
  if [ "$end" -ge "$t1" ]; then writing="all ${DURATION} s"; else writing="first $((end - t0)) s"; fi
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$DIR/wrk-$1.txt")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$DIR/wrk-$1.txt")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$DIR/wrk-$1.txt")")
  errs=$(awk '/Non-2xx/ {printf "%s non-2xx ", $NF} /Socket errors/ {sub(/^ +/, ""); printf "%s ", $0}' "$DIR/wrk-$1.txt")
  printf '| %-6s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p99" "$writing" \
    "${errs:-none}$([ "$rc" -ne 0 ] && echo " (ingest exit $rc)")"
}

echo "bench-serve: $N articles, $TOTAL stories; story $STORY has $SIZE articles; search word \"$WORD\""
echo "bench-serve: wrk -t2 -c$CONNS -d${DURATION}s, server --threads $THREADS, $(nproc) cores"
echo
echo "| what | path | requests/s | median ms | p99 ms | ingest writing | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
measure list "/api/stories"
measure story "/api/stories/$STORY"
measure search "/api/search?q=$WORD"
