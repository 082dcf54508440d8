#!/bin/sh
# open_cost.sh — the cost of opening a given store and of the next articles,
# on a copy of it (the store itself is not changed):
#
#   sh bench/open_cost.sh BIN STORE TIER FROM [N]
#
# BIN is the storyline binary; STORE a store (made by bench/curve.py, say);
# TIER a JSONL file of articles (bench/curve.py's tier.jsonl), of which
# the store holds the first FROM lines. On a copy of STORE, BIN ingests
# first one article (TIER's last line under a new id: the open cost), then
# TIER's lines FROM+1 to FROM+N (N = 2000): CPU per article, less the open,
# and KB written per article (GNU time's %O, blocks of 512 bytes). A store
# of an older schema is migrated by a first, untimed ingest of that article
# under yet another id, so that the figures are those of an open, not of a
# migration. Needs /usr/bin/time (GNU time).
set -e
BIN=$1 STORE=$2 TIER=$3 FROM=$4 N=${5:-2000}
[ -n "$FROM" ] || { echo "usage: sh bench/open_cost.sh BIN STORE TIER FROM [N]" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cp "$STORE" "$W/s.db"
[ -f "$STORE-wal" ] && cp "$STORE-wal" "$W/s.db-wal"
probe() { tail -n 1 "$TIER" | sed "s/\"id\": *\"[^\"]*\"/\"id\": \"open-cost-$1\"/" >"$W/$1.jsonl"; }
probe migrate
probe open
tail -n +"$((FROM + 1))" "$TIER" | head -n "$N" >"$W/next.jsonl"
"$BIN" --db "$W/s.db" --quiet ingest "$W/migrate.jsonl" || [ $? = 1 ]
timed() {   # wall user sys peak-KB blocks-out
  /usr/bin/time -o "$W/t" -f "%e %U %S %M %O" "$BIN" --db "$W/s.db" --quiet ingest "$1" || [ $? = 1 ]
  cat "$W/t"
}
one=$(timed "$W/open.jsonl")
next=$(timed "$W/next.jsonl")
echo "$one $next" | awk -v n="$N" '{
  printf "open + 1 article: %.2f s wall, %.3f s CPU, %.1f MB peak\n", $1, $2 + $3, $4 / 1024
  printf "next %d: %.0f us CPU/article, %.0f less the open, %.1f KB written/article, %.1f MB peak\n",
    n, 1e6 * ($7 + $8) / n, 1e6 * ($7 + $8 - $2 - $3) / n, $10 * 512 / 1024 / n, $9 / 1024 }'
