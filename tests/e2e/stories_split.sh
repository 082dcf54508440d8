# stories_split.sh — a story that splits (docs/stories.md "Stories that
# split"): twelve invented reports of two crane collapses at two ports,
# worded alike (tests/fixtures/stories/two_cranes.jsonl), ingested coarse
# (--granularity 0.5) one per process. Until the twelfth they are one
# story; at twelve articles (a checkpoint) the story splits, the first
# port's five reports staying together and at least three of the second's
# going to a story of their own, in the same thread. The store stays
# consistent, and the same reports ingested at once end the same. A story
# past the last checkpoint (64 articles) keeps no vectors, and migration 12
# drops those an older store kept.
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

section "past the last checkpoint: no vectors"
# 70 records of one report: every one after the first an exact copy, in its story
head -1 "$IN" | python3 -c 'import json, sys
r = json.loads(sys.stdin.read())
for i in range(70):
    print(json.dumps(dict(r, id="c%d" % i)))' >"$T/copies.jsonl"
tail -2 "$IN" >"$T/other.jsonl"
"$S" --db "$T/big.db" --quiet ingest "$T/copies.jsonl" "$T/other.jsonl"
sql() {
  python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute(sys.argv[2]).fetchall()
c.commit()
print(r[0][0] if r else '')" "$T/big.db" "$1"
}
BIG="(SELECT id FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE key = 'c0'))"
check "one story of 70" [ "$(sql "SELECT count(*) FROM $BIG")" = 70 ]
check "its articles keep no vector" \
  [ "$(sql "SELECT count(*) FROM article_terms WHERE article_id IN $BIG")" = 0 ]
check "the other stories' articles keep theirs" \
  [ "$(sql "SELECT count(*) FROM article_terms WHERE article_id NOT IN $BIG")" = 2 ]
run "$S" --db "$T/big.db" check
check "the store is consistent" test "$RC" = 0
# a schema-11 store kept every vector: migration 12 drops the big story's
forms_before_13 "$T/big.db"
sql "INSERT INTO article_terms SELECT id, x'00' FROM articles WHERE id IN $BIG" >/dev/null
sql "ALTER TABLE stories DROP COLUMN revisited" >/dev/null
sql "PRAGMA user_version = 11" >/dev/null
run "$S" --db "$T/big.db" check
check "migrated to schema $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the big story's vectors are dropped" \
  [ "$(sql "SELECT count(*) FROM article_terms WHERE article_id IN $BIG")" = 0 ]
check "the others are kept" \
  [ "$(sql "SELECT count(*) FROM article_terms WHERE article_id NOT IN $BIG")" = 2 ]

finish
