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
check "3 injured: three articles, one source (a rewrite of the first, the same outlet's follow-up)" py "$OUT" '
f = [x for x in d["facts"] if x["about"] == "injured"][0]
assert len(f["agree"]) == 3 and len(f["sources"]) == 1, f
assert len(f["disagree"][0]["sources"]) == 1, f'
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
"$S" --db "$DB" --json entities "$TREATY" >"$T/entities.json"
for st in $("$S" --db "$DB" stories | awk 'NR > 1 {print $1}'); do
  "$S" --db "$DB" --json entities "$st" >"$T/entities-$st.json"
  check "story $st: each name listed once, with one type" py "$T/entities-$st.json" '
names = [e["name"] for e in d["entities"]]
assert len(names) == len(set(names)), names'
done
expect_exit 0 "$S" --db "$DB" show "$TREATY"
check "show names the entities that entities lists, most mentioned first" python3 -c '
import json, re, sys
names = [e["name"] for e in json.load(open(sys.argv[1]))["entities"]][:8]
show = open(sys.argv[2]).read()
line = re.search(r"entities: (.*?)\n  thread", show, re.S).group(1)
assert [n.strip() for n in " ".join(line.split()).split(",")] == names, (line, names)' "$T/entities.json" "$OUT"

section "bare-file extraction"
expect_exit 0 "$S" --db "$DB" facts --published 2026-02-10 --text "$SL_TESTS/fixtures/facts/harbour.txt"
check "one JSON line with entities, quotes, numbers, dates" py "$OUT" '
assert len(d["quotes"]) == 3 and d["quotes"][0]["speaker"] == "Ilse Varnholt"
assert any(n["value"] == 2500000 and n["approx"] == "~" for n in d["numbers"])
assert any(x["date"] == "2026-02-09" for x in d["dates"])'
expect_exit 1 "$S" --db "$DB" facts --text "$T/missing.txt"
check "a missing file is named" err_has "missing.txt"

section "facts shown to a journalist (issue 13, item 11)"
expect_exit 0 "$S" --db "$DB" facts "$(story_of tavel-talks-open)"
check "a modifier is no value: the value column reads 'over 30'" out_has "^    over 30 *more than 30 kilometres"
# two independent reports without a publication date, then an exact copy of the first
cat >"$T/quay-a.txt" <<'TXT'
Quay wall collapses at Nerrow harbour

Part of the old quay wall at Nerrow harbour collapsed into the water on the night of October 7. More than 40 boats were moved to the outer basin while engineers inspected the damage to the Nerrow quay.
TXT
cat >"$T/quay-b.txt" <<'TXT'
Nerrow harbour quay wall gives way

Nerrow's harbour master closed the quay to traffic after its wall gave way late on October 7, a council spokeswoman said on Wednesday. Nobody was hurt. Fishing crews spent the next morning shifting their vessels, and a county survey team is expected at the harbour before the weekend to judge whether the rest of the wall is safe.
TXT
cp "$T/quay-a.txt" "$T/quay-copy.txt"
Q="$T/quay.db"
expect_exit 0 "$S" --quiet --db "$Q" ingest "$T/quay-a.txt" "$T/quay-b.txt"
expect_exit 0 "$S" --db "$Q" facts 1
check "a date without a year reads '7 October', not '--10-07'; independent reports agree" out_has "^  7 October \[date\]  (agree"
expect_exit 0 "$S" --db "$Q" --json facts 1
check "JSON: the date as TIMEX XXXX-10-07, agreement true" py "$OUT" '
f = [x for x in d["facts"] if x["unit"] == "date"][0]
assert f["about"] == "XXXX-10-07" and f["agreement"] is True, f'
Q2="$T/quay-copy.db"
expect_exit 0 "$S" --quiet --db "$Q2" ingest "$T/quay-a.txt" "$T/quay-copy.txt"
expect_exit 0 "$S" --db "$Q2" facts 1
check "a copy and its original: 2 reports, 1 source, not 'agree'" sh -c '
grep -q "^  7 October \[date\]  (one source" "$1" && grep -q "\[1 2\]  1 source" "$1" && ! grep -q "agree" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$Q" facts --text "$T/quay-a.txt" --published 2024-10-09
check "facts --text F --published D (the usage's order) anchors the date" py "$OUT" '
assert [x for x in d["dates"] if x["date"] == "2024-10-07"], d["dates"]'
expect_exit 2 "$S" --db "$Q" facts --text --published 2024-10-09
check "--text without files: usage" err_has "wants files"

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
