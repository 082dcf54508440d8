# facts.sh — the facts commands end to end on the project's demo corpus
# (examples/, invented articles with planted disagreements: 3 vs 5 injured
# in the mill fire, a treaty of 25 vs 30 years): facts, --conflicts, quotes,
# entities, JSON, and bare-file extraction; bad arguments and missing stories.
NAME=facts
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
DB="$T/demo.db"
EX="$SL_TESTS/../examples"

section "the demo corpus"
for f in "$EX"/*.txt; do
  b=$(basename "$f" .txt); d=${b%%_*}; o=${b#*_}; o=${o%%_*}
  case $o in harbour-herald) s="Harbour Herald";; valley-courier) s="Valley Courier";; *) s=Northwire;; esac
  "$S" --quiet --db "$DB" ingest --source "$s" --date "$d" "$f" || fail "ingest $f"
done
expect_exit 0 "$S" --quiet --db "$DB" ingest "$EX"/*.jsonl "$EX"/*.html
expect_exit 0 "$S" --db "$DB" --json stories
# story ids of the fire and the treaty signing, by their articles' files and keys
story_of() {
  "$S" --db "$DB" --json export | python3 -c "
import json, sys
d = json.load(sys.stdin)
for a in d['articles']:
    if sys.argv[1] in ((a.get('path') or '') + (a.get('key') or '')):
        print(a['story']); break" "$1"
}
FIRE=$(story_of eskmoor-mill-fire)
TREATY=$(story_of tavel-treaty-signed)
check "the fire and the treaty are stories ($FIRE, $TREATY)" test -n "$FIRE" -a -n "$TREATY"

section "planted conflicts"
expect_exit 0 "$S" --db "$DB" facts "$FIRE" --conflicts
check "fire: the injured count is in conflict" out_has "injured.*CONFLICT"
check "fire: both sides shown with their sentences" sh -c 'grep -q "Three workers were injured" "$1" && grep -q "Five workers were injured" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" facts "$TREATY" --conflicts
check "treaty: 25 vs 30 years in conflict" sh -c 'grep -q "25 years" "$1" && grep -q "30 years" "$1" && grep -q CONFLICT "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" --json facts "$FIRE"
check "facts JSON: the fact table with agree, sources, disagree" py "$OUT" '
f = [x for x in d["facts"] if x["about"] == "injured"][0]
assert f["conflict"] and f["value"] == 3 and len(f["agree"]) >= 2, f
assert f["disagree"][0]["value"] == 5 and f["disagree"][0]["articles"], f
assert all(len(s) == 2 for s in f["values"][0]["sentences"])
assert 0 < f["confidence"] <= 1
assert not [x for x in d["facts"] if x["conflict"] and x["about"] != "injured"], "false conflicts"'
expect_exit 0 "$S" --db "$DB" facts "$FIRE"
check "the full table also lists facts the sources agree on" out_has "agree"

section "quotes and entities"
expect_exit 0 "$S" --db "$DB" quotes "$FIRE"
check "quotes: speakers with their roles" out_has "^Hanna Roek (Station Commander)$"
check "quotes: the managing director is named" out_has "^Peter Brennick"
check "quotes: each quote with its articles and sources" out_has "^    \[[0-9][0-9]*\] said, 1 source:$"
expect_exit 0 "$S" --db "$DB" entities "$TREATY"
check "entities: people with roles" out_has "person .*Ines Caldor (.*Minister)"
check "entities: places" out_has "place .*Lindholt"

section "bare-file extraction"
expect_exit 0 "$S" --db "$DB" facts --published 2026-02-10 --text "$SL_TESTS/fixtures/facts/harbour.txt"
check "one JSON line with entities, quotes, numbers, dates" py "$OUT" '
assert len(d["quotes"]) == 3 and d["quotes"][0]["speaker"] == "Ilse Varnholt"
assert any(n["value"] == 2500000 and n["approx"] == "~" for n in d["numbers"])
assert any(x["date"] == "2026-02-09" for x in d["dates"])'
expect_exit 1 "$S" --db "$DB" facts --text "$T/missing.txt"
check "a missing file is named" err_has "missing.txt"

section "bad arguments"
expect_exit 2 "$S" --db "$DB" facts
check "facts without a story: usage" err_has "usage: storyline"
expect_exit 2 "$S" --db "$DB" facts abc
expect_exit 2 "$S" --db "$DB" quotes
expect_exit 2 "$S" --db "$DB" entities 1 2
expect_exit 1 "$S" --db "$DB" facts 9999
check "a missing story is named" err_has "9999"
expect_exit 1 "$S" --db "$DB" quotes 9999
finish
