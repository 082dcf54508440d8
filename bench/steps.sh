#!/bin/sh
# steps.sh — the statements the store runs per stored article: ingests
# INPUT into a fresh store with bench/sqlite_steps.c preloaded (a counter
# of sqlite3_step calls by SQL text) and prints the steps per article,
# largest first. One run; the counts are deterministic.
#
#   sh bench/steps.sh INPUT        (STORYLINE: binary, BENCH_DIR: scratch)
cd "$(dirname "$0")/.." || exit 2
BIN=${STORYLINE:-build/storyline}
OUT=${BENCH_DIR:-build/bench}
IN=$1
if [ -z "$IN" ] || [ ! -e "$IN" ]; then
  echo "bench steps: no input '$IN'" >&2
  exit 2
fi
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
${CC:-cc} -shared -fPIC -O2 -o "$OUT/sqlite_steps.so" bench/sqlite_steps.c -ldl || exit 2
db="$OUT/steps.db"
rm -f "$db" "$db-wal" "$db-shm"
LD_PRELOAD="$OUT/sqlite_steps.so" "$BIN" --db "$db" --quiet ingest "$IN" 2>"$OUT/steps.txt"
st=$?
if [ "$st" -ne 0 ] && [ "$st" -ne 1 ]; then
  echo "bench steps: storyline exited with status $st" >&2
  exit 1
fi
stored=$("$BIN" --db "$db" stories --json | python3 -c '
import json, sys
print(sum(s["size"] for s in json.load(sys.stdin)["stories"]))')
python3 - "$OUT/steps.txt" "$stored" <<'PY'
import sys
rows, n = [], int(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("STEPS "):
        _, count, sql = line.rstrip("\n").split(" ", 2)
        rows.append((int(count), sql))
rows.sort(reverse=True)
total = sum(c for c, _ in rows)
print("statements (sqlite3_step calls) per stored article: %.1f over %d articles" % (total / max(n, 1), n))
for c, sql in rows:
    if c / max(n, 1) >= 0.05:
        print("  %6.2f  %s" % (c / max(n, 1), sql[:100]))
PY
