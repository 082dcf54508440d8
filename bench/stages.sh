#!/bin/sh
# stages.sh — where one article's time goes: ingests INPUT (a file or a
# folder) into a fresh store with the engine's stage clock on
# (SL_STAGE_TIMES, src/engine/stage_clock.h) and prints, per stage, the
# milliseconds per stored article, wall clock and CPU (user + sys; steadier
# on a shared machine, but without waits such as fsync), and the share of
# the CPU total. One run; the clock costs nothing when off, so `make
# bench`'s throughput runs are timed without it.
#
#   sh bench/stages.sh INPUT [LABEL]     (STORYLINE: binary, BENCH_DIR: scratch)
cd "$(dirname "$0")/.." || exit 2
BIN=${STORYLINE:-build/storyline}
OUT=${BENCH_DIR:-build/bench}
IN=$1
LABEL=${2:-$1}
if [ -z "$IN" ] || [ ! -e "$IN" ]; then
  echo "bench stages: no input '$IN'" >&2
  exit 2
fi
mkdir -p "$OUT" || exit 2
db="$OUT/stages.db"
times="$OUT/stages.txt"
rm -f "$db" "$db-wal" "$db-shm" "$times"
SL_STAGE_TIMES="$times" "$BIN" --db "$db" --quiet ingest "$IN" 2>/dev/null
st=$?
if [ "$st" -ne 0 ] && [ "$st" -ne 1 ] || [ ! -s "$times" ]; then
  echo "bench stages: $LABEL: storyline exited with status $st" >&2
  exit 1
fi
python3 - "$times" "$LABEL" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1])]
articles = int(lines[0][1])
stages = [(l[0], float(l[1]), float(l[2])) for l in lines[1:]]
n = max(articles, 1)
wall = sum(s[1] for s in stages) or 1.0
cpu = sum(s[2] for s in stages) or 1.0
print("stage times: %s (%d articles stored, one run)" % (sys.argv[2], articles))
print("  %-11s %14s %13s %10s" % ("stage", "wall ms/art.", "CPU ms/art.", "CPU share"))
for name, w, c in stages:
    print("  %-11s %14.3f %13.3f %9.1f%%" % (name, 1000 * w / n, 1000 * c / n, 100 * c / cpu))
print("  %-11s %14.3f %13.3f" % ("all", 1000 * wall / n, 1000 * cpu / n))
PY
