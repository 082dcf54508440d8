# story_names.sh — names typed by their story (src/facts/story_names.c):
# three invented reports of one storm; the first names a ferry firm only by
# its person-shaped name, the other two call it a company. Read back from
# the store, the first report's mentions are the organisation the story
# says (export, show --json, entities, show); extracted alone, a person.
NAME=story_names
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
DB="$T/storm.db"
cat > "$T/a.txt" <<'TXT'
Ferry crossings to Velby cancelled after storm
Corvel Marsh cancelled twelve ferry crossings to the island of Velby on Tuesday after a storm damaged the harbour wall. Passengers waited for hours at the terminal in Dunmore, and the harbour master Tilda Roan said repairs would take a week.
Corvel Marsh expects to run a reduced service from Friday.
TXT
cat > "$T/b.txt" <<'TXT'
Storm damages Velby harbour wall, ferries halted
A storm damaged the harbour wall at Velby on Tuesday and halted the ferry service. Shares in Corvel Marsh fell after the ferry company cancelled twelve crossings, and the workers of Corvel Marsh were sent home. Harbour master Tilda Roan said repairs to the wall would take a week.
Passengers stranded in Dunmore were offered hotel rooms.
TXT
cat > "$T/c.txt" <<'TXT'
Velby ferry service halted by storm damage
The ferry service to Velby was halted on Tuesday after a storm damaged the harbour wall. The operator, Corvel Marsh, cancelled twelve crossings. A stake in Corvel Marsh was sold last year, and the company said it would run a reduced service from Friday. Harbour master Tilda Roan said repairs would take a week.
TXT

section "one report alone"
expect_exit 0 "$S" --db "$T/bare.db" facts --text "$T/a.txt"
check "alone, the first report takes the firm for a person" python3 -c "
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert {e['type'] for e in d['entities'] if e['name'] == 'Corvel Marsh'} == {'person'}, d" "$OUT"

section "the story's reports together"
expect_exit 0 "$S" --quiet --db "$DB" ingest "$T/a.txt" "$T/b.txt" "$T/c.txt"
expect_exit 0 "$S" --db "$DB" --json export
cp "$OUT" "$T/export.json"
check "one story of three reports" py "$T/export.json" '
assert len(d["stories"]) == 1 and len(d["articles"]) == 3, d["stories"]'
check "export: every mention of the firm an organisation, in the first report too" py "$T/export.json" '
first = [a["id"] for a in d["articles"] if a["path"].endswith("a.txt")][0]
firm = [e for e in d["entities"] if e["name"] == "Corvel Marsh"]
assert {e["type"] for e in firm} == {"organization"}, firm
assert [e for e in firm if e["article"] == first], firm'
check "export: the harbour master stays a person" py "$T/export.json" '
assert {e["type"] for e in d["entities"] if e["name"] == "Tilda Roan"} == {"person"}'
STORY=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['stories'][0]['id'])" "$T/export.json")
expect_exit 0 "$S" --db "$DB" --json show "$STORY"
check "show --json: the same types as the export" py "$OUT" '
e = json.load(open(sys.argv[2]))
pick = lambda x: sorted((i["article"], i["span"], i["type"]) for i in x["entities"])
assert pick(d) == pick(e), (pick(d), pick(e))' "$T/export.json"
expect_exit 0 "$S" --db "$DB" entities "$STORY"
check "entities: the firm an organisation" out_has "^organization .*Corvel Marsh"
check "entities: no person named Corvel Marsh" out_lacks "^person .*Corvel Marsh"
expect_exit 0 "$S" --db "$DB" show "$STORY"
check "show: its entities line names the firm first" out_has "entities: Corvel Marsh, "
finish
