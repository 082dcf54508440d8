#!/bin/sh
# stage_clock.sh — the per-stage timing `make bench` prints (bench/stages.sh):
# with SL_STAGE_TIMES set, an ingest appends the article count and one line
# per stage (wall and CPU seconds); without it, nothing is written.
NAME=stage_clock
. "$SL_TESTS/e2e/lib.sh"
ROOT=$(cd "$SL_TESTS/.." && pwd)

section "clock on"
SL_STAGE_TIMES="$T/times.txt" expect_exit 0 "$STORYLINE" --db "$T/a.db" --quiet ingest "$ROOT/examples"
check "the totals are written" [ -s "$T/times.txt" ]
# 15 articles: 11 text files, one page, a JSONL file of 3 (README.md is skipped)
check "every example article counted" grep -qx 'articles 15' "$T/times.txt"
for stage in extraction text language chrome copies stories facts store; do
  check "a line for $stage" grep -qE "^$stage [0-9]+\.[0-9]{6} [0-9]+\.[0-9]{6}\$" "$T/times.txt"
done
check "the text stage took some time" \
  awk '$1 == "text" && $2 > 0 && $3 > 0 { ok = 1 } END { exit !ok }' "$T/times.txt"
check "the HTML example took extraction time" \
  awk '$1 == "extraction" && $2 > 0 { ok = 1 } END { exit !ok }' "$T/times.txt"

section "clock off"
expect_exit 0 env -u SL_STAGE_TIMES "$STORYLINE" --db "$T/b.db" --quiet ingest "$ROOT/examples"
check "nothing new is written" [ "$(grep -c '^articles' "$T/times.txt")" = 1 ]

section "bench/stages.sh prints the breakdown"
run env STORYLINE="$STORYLINE" BENCH_DIR="$T/bench" sh "$ROOT/bench/stages.sh" "$ROOT/examples" examples
check "exit 0" [ "$RC" -eq 0 ]
check "a row per stage and a total" [ "$(grep -cE '^  (extraction|text|language|chrome|copies|stories|facts|store|all) ' "$OUT")" = 9 ]

finish
