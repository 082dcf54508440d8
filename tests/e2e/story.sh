# story.sh — telling a story end to end (issue 12): timex on a bare file
# (values, code-point offsets, JSON), summarize without a store (budgets, the
# DUC cut, sources), and summary / timeline over a stored story: a copy and
# its original cited as one source, dated events in date order with the
# publication date marked where a text states none; show opening with both;
# bad arguments.
NAME=story
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
FX="$SL_TESTS/fixtures/story"

section "timex"
printf 'Talks in Zürich failed on Tuesday after 10 months of war; they resume every week.\n' >"$T/t.txt"
expect_exit 0 "$S" timex --published 2024-08-19 --json "$T/t.txt"
check "timex JSON: Tuesday, 10 months, every week with values and code points" python3 -c '
import json, sys
xs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = [(26, 33, "Tuesday", "DATE", "2024-08-13"), (40, 49, "10 months", "DURATION", "P10M"),
        (70, 80, "every week", "SET", "P1W")]
got = [(x["start"], x["end"], x["text"], x["type"], x["value"]) for x in xs]
assert got == want, got' "$OUT"
expect_exit 0 "$S" timex "$T/t.txt"
check "timex without a date: X for what is unknown" out_has "XXXX-XX-XX"
expect_exit 2 "$S" timex
expect_exit 2 "$S" timex --bogus "$T/t.txt"
expect_exit 1 "$S" timex "$T/missing.txt"

section "summarize (no store)"
expect_exit 0 "$S" summarize --json --words 30 "$FX"/june_trip_a.txt "$FX"/june_trip_b.txt
check "summarize: within 30 words, each sentence with its files" py "$OUT" '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sentences"]
assert s and sum(len(x["text"].split()) for x in s) <= 30, s
assert all(x["docs"] and 1 <= x["sources"] <= len(x["docs"]) for x in s), s'
expect_exit 0 "$S" summarize --bytes 200 "$FX"/june_trip_a.txt "$FX"/june_trip_b.txt
check "summarize --bytes: the text fits in 200 bytes" python3 -c '
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1]) if not l.startswith("   [")]
assert 100 < len(" ".join(lines).encode()) <= 200, lines' "$OUT"
expect_exit 2 "$S" summarize --bytes 0 "$FX"/june_trip_a.txt
expect_exit 2 "$S" summarize

section "summary and timeline of a stored story"
DB="$T/s.db"
# b is a reworded copy of a's lead: one source between them
cp "$FX/june_trip_a.txt" "$T/a.txt"
sed -e 's/arrived in Cairo on Monday/landed in Cairo on Monday/' -e 's/narrowed the gaps/narrowed gaps/' \
  "$FX/june_trip_a.txt" >"$T/a_copy.txt"
expect_exit 0 "$S" --quiet --db "$DB" ingest --date 2024-06-11 "$T/a.txt" "$T/a_copy.txt" "$FX/june_trip_b.txt"
expect_exit 0 "$S" --db "$DB" --json export
cp "$OUT" "$T/export.json"
STORY=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(max(d["stories"], key=lambda s: len(s["articles"]))["id"])' "$OUT")
check "the copy is linked to its original" py "$T/export.json" 'assert len(d["copies"]) == 1, d["copies"]'
check "one story holds the reports ($STORY)" test -n "$STORY"
expect_exit 0 "$S" --db "$DB" --json summary "$STORY"
check "summary: a copy and its original are one source" py "$OUT" '
c = json.load(open(sys.argv[2]))["copies"][0]
pair = {c["article"], c["of"]}
s = d["sentences"]
both = [x for x in s if pair <= set(x["docs"])]
assert both, s
assert all(x["sources"] == len(x["docs"]) - 1 for x in both), s' "$T/export.json"
cp "$OUT" "$T/summary.json"
check "export: every story carries its summary, the same as summary N --json (less its header)" py "$T/export.json" '
import json, sys
assert all("summary" in s and "timeline" in s for s in d["stories"]), d["stories"]
mine = [s for s in d["stories"] if s["id"] == int(sys.argv[2])][0]
alone = json.load(open(sys.argv[3]))
assert list(alone)[:2] == ["storyline", "json_version"], list(alone)
del alone["storyline"], alone["json_version"]
assert mine["summary"] == alone, mine["summary"]' "$STORY" "$T/summary.json"
expect_exit 0 "$S" --db "$DB" summary "$STORY"
check "summary: human form lists the sources" out_has "source"
expect_exit 0 "$S" --db "$DB" --json timeline "$STORY"
check "timeline: June events in date order, Monday then Tuesday" py "$OUT" '
import json, sys
ev = json.load(open(sys.argv[1]))["events"]
dates = [e["date"] for e in ev]
assert "2024-06-10" in dates and "2024-06-11" in dates, dates
assert dates.index("2024-06-10") < dates.index("2024-06-11"), dates
assert all(d.startswith("2024-") for d in dates), dates
tue = [e for e in ev if e["date"] == "2024-06-11" and len(e["docs"]) >= 2]
assert tue, ev  # the meeting on Tuesday, told by several reports, is one entry'
expect_exit 0 "$S" --db "$DB" timeline "$STORY"
check "timeline: human form" out_has "2024-06-10"
expect_exit 0 "$S" --db "$DB" show "$STORY"
check "show opens with the summary and the timeline" sh -c 'grep -q "^  summary:" "$1" && grep -q "^  timeline:" "$1" && grep -q "^2024-06-10" "$1"' - "$OUT"
expect_exit 2 "$S" --db "$DB" timeline
expect_exit 2 "$S" --db "$DB" summary "$STORY" --words x
expect_exit 1 "$S" --db "$DB" summary 999
expect_exit 1 "$S" --db "$DB" timeline --thread 999
finish
