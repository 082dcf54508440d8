# stories_split.sh — a story that splits (docs/stories.md "Stories that
# split"): twelve invented reports of two crane collapses at two ports,
# worded alike (tests/fixtures/stories/two_cranes.jsonl), ingested coarse
# (--granularity 0.5) one per process. Until the twelfth they are one
# story; at twelve articles (a checkpoint) the story splits, the first
# port's five reports staying together and at least three of the second's
# going to a story of their own, in the same thread. The store stays
# consistent, and the same reports ingested at once end the same.
NAME=stories_split
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
IN="$SL_TESTS/fixtures/stories/two_cranes.jsonl"


section "one report per process"
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s\n' "$line" >"$T/one.jsonl"
  "$S" --db "$T/one.db" --granularity 0.5 --quiet ingest "$T/one.jsonl" || echo "$n" >>"$T/err"
  [ "$n" = 11 ] && story_groups "$T/one.db" "$T/eleven"
done <"$IN"
story_groups "$T/one.db" "$T/twelve"
check "every report stored" test ! -e "$T/err"
check "eleven reports: one story" test "$(cut -d' ' -f2 "$T/eleven" | sort -u | wc -l)" -eq 1
check "twelve reports: two stories" test "$(cut -d' ' -f2 "$T/twelve" | sort -u | wc -l)" -eq 2
check "the first port's reports stay together" \
  test "$(grep '^a' "$T/twelve" | cut -d' ' -f2 | sort -u)" = 1
check "three or more of the second port's leave" \
  test "$(grep -c '^b[0-9]* 2 ' "$T/twelve")" -ge 3
check "both stories in one thread" test "$(cut -d' ' -f3 "$T/twelve" | sort -u)" = 1
run "$S" --db "$T/one.db" check
check "the store is consistent after the split" test "$RC" = 0
run "$S" --db "$T/one.db" stories
check "the new story has a title" grep -q "crane\|Velmira\|Ostrava\|Tessin\|Corlane" "$OUT"

section "all at once"
"$S" --db "$T/all.db" --granularity 0.5 --quiet ingest "$IN"
story_groups "$T/all.db" "$T/all"
check "the same stories as one per process" cmp -s "$T/all" "$T/twelve"
run "$S" --db "$T/all.db" --granularity 0.5 --quiet ingest "$IN"
story_groups "$T/all.db" "$T/again"
check "ingesting again changes nothing" cmp -s "$T/again" "$T/twelve"

finish
