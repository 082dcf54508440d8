#!/bin/sh
# copies.sh — end-to-end tests of the copies stage: the relations found in
# the example corpus, their direction and evidence, `copies`, `show`,
# `compare`, the `dedup` stream filter, new versions, dates out of order and
# inputs that could blow up the work per article.
NAME=copies
. "$SL_TESTS/e2e/lib.sh"
S=$STORYLINE
EX="$SL_TESTS/../examples"

section "the example corpus"
DB="$T/ex.db"
for f in "$EX"/[0-9]*; do
  base=$(basename "$f")
  case "$f" in
    *.jsonl) "$S" --db "$DB" --quiet ingest "$f" ;;
    *) "$S" --db "$DB" --quiet ingest --date "${base%%_*}" "$f" ;;
  esac
done
expect_exit 0 "$S" --db "$DB" --json copies
cp "$OUT" "$T/copies.json"
check "two relations: the wire republication and the reworded fire report" py "$T/copies.json" '
c = sorted((x["article"], x["of"], x["kind"]) for x in d["copies"])
assert c == [(2, 1, "exact"), (10, 9, "rewrite")], c'
check "the exact copy names its credit line and is directed by date" py "$T/copies.json" '
x = [x for x in d["copies"] if x["kind"] == "exact"][0]
assert x["credit"] == "Northwire" and x["same_origin"] is False, x'
check "the rewrite carries at least five aligned sentence pairs, in order, with their text" py "$T/copies.json" '
x = [x for x in d["copies"] if x["kind"] == "rewrite"][0]
ev = x["evidence"]
assert len(ev) >= 5, len(ev)
assert all(a["article_sentence"][0] < b["article_sentence"][0] and a["of_sentence"][0] < b["of_sentence"][0] for a, b in zip(ev, ev[1:]))
assert all(e["article_text"] and e["of_text"] and 0 < e["similarity"] <= 1 for e in ev)
assert 0 < x["score"] <= 1'
expect_exit 0 "$S" --db "$DB" copies --article 10
check "copies --article shows the aligned sentences" out_has "10 is a rewrite of 9"
check "...with the copy's and the original's sentence" out_has "Quarry Road"
expect_exit 0 "$S" --db "$DB" copies --article 9
check "the original's listing shows who copies it" out_has "rewrite"
story=$("$S" --db "$DB" --json article 10 | python3 -c 'import json,sys; print(json.load(sys.stdin)["article"]["story"])')
expect_exit 0 "$S" --db "$DB" show "$story"
check "show labels the rewrite" out_has "rewrite of \[9\]"
check "show labels the original" out_has "original"
expect_exit 0 "$S" --db "$DB" check

section "short reports of one event are no rewrites"
# the stories fixture: a few outlets' reports of a few sentences each, the
# same facts in their own words; only its two verbatim reprints are copies
DB="$T/short.db"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$SL_TESTS/fixtures/stories/stream.jsonl"
expect_exit 0 "$S" --db "$DB" --json export
check "the two reprints are near copies and nothing else is a copy" py "$OUT" '
key = {a["id"]: a["key"] for a in d["articles"]}
c = sorted((key[x["article"]], key[x["of"]], x["kind"]) for x in d["copies"])
assert c == [("f1", "c2", "near"), ("u1", "a3", "near")], c'

section "dates decide the direction, whatever the order of arrival"
DB="$T/order.db"
expect_exit 0 "$S" --db "$DB" --quiet ingest --date 2026-04-18 "$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt"
expect_exit 0 "$S" --db "$DB" --quiet ingest --date 2026-04-17 "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
expect_exit 0 "$S" --db "$DB" --json copies
check "the later-dated article is the copy though it came first" py "$OUT" '
c = d["copies"]
assert len(c) == 1 and c[0]["article"] == 1 and c[0]["of"] == 2 and not c[0]["same_origin"], c'
DB="$T/undated.db"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt" "$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt"
expect_exit 0 "$S" --db "$DB" --json copies
check "undated: the relation is marked same origin" py "$OUT" '
assert len(d["copies"]) == 1 and d["copies"][0]["same_origin"] is True, d'

section "an outlet's own later item is a follow-up, not a rewrite"
# the reworded fire report under the original's outlet: a day later it is
# that outlet's follow-up; the same day, or from another outlet, a rewrite
fire="$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
refire="$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt"
# two texts under their outlets and dates, in a fresh store $T/NAME.db,
# then its copies in $OUT: pair NAME SOURCE DATE FILE SOURCE DATE FILE
pair() {
  DB="$T/$1.db"
  expect_exit 0 "$S" --db "$DB" --quiet ingest --source "$2" --date "$3" "$4"
  expect_exit 0 "$S" --db "$DB" --quiet ingest --source "$5" --date "$6" "$7"
  expect_exit 0 "$S" --db "$DB" --json copies
}
pair follow "Valley Courier" 2026-04-17 "$fire" "valley courier" 2026-04-18 "$refire"
check "one outlet, a day apart (names compared without case): no relation" py "$OUT" 'assert d["copies"] == [], d'
pair sameday "Valley Courier" 2026-04-17 "$fire" "Valley Courier" 2026-04-17 "$refire"
check "one outlet, the same day: a rewrite" py "$OUT" 'assert [c["kind"] for c in d["copies"]] == ["rewrite"], d'
pair twooutlets "Valley Courier" 2026-04-17 "$fire" "Harbour Herald" 2026-04-18 "$refire"
check "two outlets, a day apart: a rewrite" py "$OUT" 'assert [c["kind"] for c in d["copies"]] == ["rewrite"], d'

section "an outlet's other item of the same day is not a rewrite"
# one wire's template filled in for another bank (invented): the same
# wording and figures, another subject in the lead. Two outlets' pair is a
# rewrite (the wording decides); one outlet's, the same day, is not
cat >"$T/harbour.txt" <<'EOF'
The Harbour Bank cut its base lending rate to 9.5 pct from 10 pct, with effect from Tuesday.

The bank said the lower rate would apply to all new mortgages and business loans agreed in Kestrel Island after the weekend, and to existing loans from May.

Analysts at Merrow Securities said other lenders in Port Ellis were expected to follow within days, since deposits had been flowing out of the island for months.

The Kestrel Island Treasury said last week that inflation had slowed to 2.1 pct in March, the lowest figure for six years.
EOF
cat >"$T/northfield.txt" <<'EOF'
The Northfield Bank cut its base lending rate to 9.5 pct from 10 pct, with effect from Tuesday.

The bank said the lower rate would apply to all new mortgages and business loans agreed in Kestrel Island after the weekend, and to existing loans from May.

It said its savings rates would be reviewed at a board meeting later this month, after the island's smaller lenders asked for time.

Analysts at Merrow Securities said lenders in Port Ellis had little room left to cut their margins further this year.
EOF
pair template2 "Isle Wire" 2026-05-04 "$T/harbour.txt" "Ellis Post" 2026-05-04 "$T/northfield.txt"
check "two outlets: a rewrite" py "$OUT" 'assert [c["kind"] for c in d["copies"]] == ["rewrite"], d'
pair template1 "Isle Wire" 2026-05-04 "$T/harbour.txt" "Isle Wire" 2026-05-04 "$T/northfield.txt"
check "one outlet, the same day, another bank in the lead: no relation" py "$OUT" 'assert d["copies"] == [], d'
# the same two texts as one outlet's item and its correction (the bank's
# name put right in the lead) keep their headline: one item, a rewrite;
# under their own headlines they are two items
headlined() {
  DB="$T/$1.db"
  python3 - "$T/harbour.txt" "$T/northfield.txt" "$2" "$3" "$T/$1.jsonl" <<'EOF2'
import json, sys
a, b, ta, tb, out = sys.argv[1:]
with open(out, "w") as f:
    for i, (path, title) in enumerate(((a, ta), (b, tb))):
        f.write(json.dumps({"id": "item%d" % i, "title": title, "source": "Isle Wire",
                            "published": "2026-05-04", "text": open(path).read()}) + "\n")
EOF2
  expect_exit 0 "$S" --db "$DB" --quiet ingest "$T/$1.jsonl"
  expect_exit 0 "$S" --db "$DB" --json copies
}
headlined follows "HARBOUR BANK CUTS BASE RATE TO 9.5 PCT" "NORTHFIELD FOLLOWS HARBOUR WITH RATE CUT"
check "one outlet, the same day, the other bank's own headline: no relation" py "$OUT" 'assert d["copies"] == [], d'
headlined corrected2 "KESTREL ISLAND BASE RATE CUT TO 9.5 PCT" "CORRECTED - KESTREL ISLAND BASE RATE CUT TO 9.5 PCT"
check "one outlet, the same day, the headline kept: a rewrite" py "$OUT" 'assert [c["kind"] for c in d["copies"]] == ["rewrite"], d'

section "a new version is compared afresh"
DB="$T/version.db"
python3 - "$EX" "$T/v1.jsonl" "$T/v2.jsonl" <<'EOF'
import json, sys
ex, v1, v2 = sys.argv[1:]
orig = open(ex + "/2026-04-17_valley-courier_eskmoor-mill-fire.txt", encoding="utf-8").read()
rew = open(ex + "/2026-04-18_harbour-herald_eskmoor-mill-fire.txt", encoding="utf-8").read()
with open(v1, "w") as f:
    f.write(json.dumps({"id": "fire", "published": "2026-04-17", "text": orig}) + "\n")
    f.write(json.dumps({"id": "copy", "published": "2026-04-18", "text": rew}) + "\n")
with open(v2, "w") as f:   # the copy replaced by an unrelated text under the same id
    f.write(json.dumps({"id": "copy", "published": "2026-04-18",
                        "text": "Ferry timetable\n\nThe late ferry to the islands will run on Fridays from May, "
                                "the harbour office said, and tickets go on sale next week."}) + "\n")
EOF
expect_exit 0 "$S" --db "$DB" --quiet ingest "$T/v1.jsonl"
expect_exit 0 "$S" --db "$DB" --json copies
check "first version: a rewrite" py "$OUT" 'assert [c["kind"] for c in d["copies"]] == ["rewrite"], d'
expect_exit 0 "$S" --db "$DB" --quiet ingest "$T/v2.jsonl"
expect_exit 0 "$S" --db "$DB" --json copies
check "second version: the relation is gone" py "$OUT" 'assert d["copies"] == [], d'
expect_exit 0 "$S" --db "$DB" check

section "compare"
expect_exit 0 "$S" compare "$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt" "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
check "compare names the kind" out_has "kind: rewrite"
expect_exit 1 "$S" --json compare "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt" "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
check "unrelated texts: none, a degree of copying near 0" py "$OUT" 'assert d["kind"] == "none" and d["score"] < 0.01, d'
printf '%s\n' '{"id": 1, "a": "The council voted on Tuesday to build the tram line.", "b": "On Tuesday the council voted to build the tram line."}' \
  'not json' '{"id": 3, "a": "Fishing boats stayed in port.", "b": "The museum reopened on Saturday."}' >"$T/pairs.jsonl"
expect_exit 2 "$S" --json compare --pairs "$T/pairs.jsonl"
check "--pairs: two results for three lines (one bad)" test "$(wc -l <"$OUT")" -eq 2
check "--pairs: the paraphrase is one, the unrelated pair is not" python3 -c '
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert r[0]["id"] == 1 and r[0]["paraphrase"] and r[1]["id"] == 3 and not r[1]["paraphrase"], r' "$OUT"
check "--pairs: the bad line is named" err_has "pairs.jsonl:2"
expect_exit 2 "$S" compare only-one-file.txt
expect_exit 2 "$S" compare "$T/missing-a.txt" "$T/missing-b.txt"

section "dedup"
python3 - "$EX" "$T/stream.jsonl" <<'EOF'
import json, sys
ex, out = sys.argv[1:]
read = lambda n: open(ex + "/" + n, encoding="utf-8").read()
orig = read("2026-04-17_valley-courier_eskmoor-mill-fire.txt")
with open(out, "w") as f:
    f.write(json.dumps({"id": "a", "text": orig}) + "\n")
    f.write(json.dumps({"id": "b", "text": read("2026-04-02_harbour-herald_skerry-late-ferries.txt")}) + "\n")
    f.write(json.dumps({"id": "c", "text": read("2026-04-18_harbour-herald_eskmoor-mill-fire.txt")}) + "\n")
    f.write("{broken\n")
    f.write(json.dumps({"id": "e", "text": orig, "extra": [1, 2]}) + "\n")
EOF
expect_exit 1 "$S" dedup "$T/stream.jsonl"
check "dedup passes originals unchanged and tags copies" python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["id"] for l in lines] == ["a", "b", "c", "e"], lines
assert "copy_of" not in lines[0] and "copy_of" not in lines[1]
assert lines[2]["copy_of"]["kind"] == "rewrite" and lines[2]["copy_of"]["id"] == "a" and lines[2]["copy_of"]["line"] == 1
assert lines[3]["copy_of"]["kind"] == "exact" and lines[3]["extra"] == [1, 2]' "$OUT"
check "dedup names the bad line" err_has "stream.jsonl:4"
check "dedup summarises" err_has "5 lines, 2 copies tagged, 1 error$"
run "$S" --quiet dedup --drop <"$T/stream.jsonl"
check "dedup --drop from standard input keeps only originals" test "$(grep -c '"id"' "$OUT")" -eq 2
check "--quiet: no summary" test ! -s "$ERR" -o "$(grep -c lines "$ERR")" -eq 0
# Each kind of id comes back in copy_of as the stream gave it (dedup reads
# lines with yajl and, for those it declines, jansson: docs/formats.md).
python3 - "$T/ids.jsonl" <<'EOF'
import json, sys
ids = [7, 2.5, True, None, {"k": [1, "x"]}, "caf\u00e9", ""]
with open(sys.argv[1], "w") as f:
    for round in range(2):
        for n, i in enumerate(ids):
            f.write(json.dumps({"id": i, "text": "Line %d of the ids test, about the harbour." % n}, ensure_ascii=n % 2 == 0) + "\n")
    f.write('{"id": "nul", "text": "a \\u0000 in the text"}\n')
    f.write('{"id": "half", "text": "a lone \\ud800 surrogate"}\n')
EOF
expect_exit 1 "$S" dedup "$T/ids.jsonl"
check "dedup: copy_of names every kind of id" python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 15, len(lines)
for a, b in zip(lines[:7], lines[7:14]):
    assert "copy_of" not in a and b["copy_of"]["id"] == a["id"] and b["copy_of"]["kind"] == "exact", (a, b)' "$OUT"
# fixb33: dedup reads a line with ingest's reader: a NUL escape is dropped
# as ingest drops it (it was jansson's error), a lone surrogate is ingest's
# error, worded as ingest words it
check "dedup: a NUL escape is read, as ingest reads it" sh -c 'tail -1 "$1" | grep -q "\"nul\""' - "$OUT"
check "dedup: a lone surrogate is ingest's error" err_has "ids.jsonl:16: invalid JSON at column 48: invalid Unicode '\\\\uD800'"
# rev33: a copy whose line ends in a tab (JSON white space) was tagged
# after its closing brace ('{...}\t' became '{...},"copy_of":{...}}',
# no JSON): every white space JSON allows after the object is cut
printf '{"id": "t1", "text": "The tab test line, about the harbour ferries."}\n' >"$T/tab.jsonl"
printf '{"id": "t2", "text": "The tab test line, about the harbour ferries."}\t\n' >>"$T/tab.jsonl"
printf '{"id": "t3", "text": "The tab test line, about the harbour ferries."} \t\r \t\r\n' >>"$T/tab.jsonl"
expect_exit 0 "$S" dedup "$T/tab.jsonl"
check "dedup: a copy ending in white space is tagged inside its object" python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l.get("copy_of", {}).get("id") for l in lines] == [None, "t1", "t1"], lines' "$OUT"

section "inputs that could blow up the work per article"
python3 - "$T/hard.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "empty-ish", "text": "Word"}) + "\n")
    f.write(json.dumps({"id": "one-word", "text": "Word"}) + "\n")
    same = "The same sentence is written here again and again. " * 2000
    f.write(json.dumps({"id": "repeated", "text": same}) + "\n")
    f.write(json.dumps({"id": "repeated-2", "text": same + "One more sentence at the end of it."}) + "\n")
    many = " ".join("Sentence number %d says that item %d costs %d crowns." % (k, k, k * 7) for k in range(100000))
    f.write(json.dumps({"id": "huge", "text": many}) + "\n")
    body = "Harbour news\n\nThe late ferry will run on Fridays from May, the harbour office said on Monday."
    for k in range(1000):
        f.write(json.dumps({"id": "dup-%d" % k, "text": body}) + "\n")
EOF
DB="$T/hard.db"
start=$(date +%s)
run "$S" --db "$DB" --quiet ingest "$T/hard.jsonl"
took=$(($(date +%s) - start))
check "hard inputs ingest without a crash (exit $RC)" test "$RC" -le 1
check "...in bounded time ($took s under the sanitizers)" test "$took" -lt 240
check "...and sanitizer-clean" sanitizer_clean
expect_exit 0 "$S" --db "$DB" --json copies
check "1,000 copies of one article: 999 exact relations to the first" py "$OUT" '
ex = [c for c in d["copies"] if c["kind"] == "exact"]
ofs = {c["of"] for c in ex}
assert len(ex) >= 999 and len(ofs) <= 2, (len(ex), ofs)'
expect_exit 0 "$S" --db "$DB" check

section "a new version in the batch that read the old one (rev27)"
# The store keeps the sketches a batch has read (src/store/sketch_memo.c):
# an article copied, then given new text, then copied again in one batch
# must be compared as it now reads. One ingest of the stream and one ingest
# a process of each line (nothing kept from one to the next) give the same
# store. With the memo's drops at a new version and at a new sketch both left out,
# the rewrite of the old text (4) was taken for a copy of article 1, which
# no longer reads so, and the copy of the new text (3) was not.
mkdir -p "$T/memo_one" "$T/memo_each"
python3 - "$T/memo_one/ferry.jsonl" <<'PY'
import json, sys
old = ("Harbour officials in Port Calder said on Tuesday that the new ferry terminal would open in March after two years of delays. "
       "The terminal, built by Marlow Construction, cost 48 million pounds, nearly twice the first estimate. "
       "Mayor Irene Castellan told reporters the delays came from flooding at the site in the winter of 2024. "
       "Local traders welcomed the news and said the old pier could no longer handle the 12 daily crossings. "
       "The ferry operator, Northsea Lines, plans to add three sailings a day to Brannock Island from April. "
       "Critics on the council said the cost overrun should be investigated by an independent auditor. "
       "Castellan said an audit would be published before the summer.")
new = (old.replace("Tuesday", "Wednesday").replace("March after two", "May after three").replace("48", "61")
       .replace("nearly", "more than").replace("flooding", "storms").replace("2024", "2025").replace("12", "15")
       .replace("three sailings", "four sailings").replace("April", "June").replace("summer", "autumn"))
def reword(t):
    return t.replace("said", "stated").replace("The terminal", "The new terminal").replace("Local traders", "Shopkeepers nearby")
rows = [("a1", "Calder Post", "03-01", old), ("b1", "Wire One", "03-02", old), ("a1", "Calder Post", "03-01", new),
        ("c1", "Wire Two", "03-03", new.replace("Local traders", "Traders in the town")),
        ("d1", "Wire Three", "03-03", reword(old)), ("e1", "Wire Four", "03-04", reword(new)), ("f1", "Wire Five", "03-05", old)]
with open(sys.argv[1], "w") as f:
    for id_, source, day, text in rows:
        f.write(json.dumps({"id": id_, "source": source, "published": "2026-" + day, "title": "Ferry terminal", "text": text}) + "\n")
PY
(cd "$T/memo_one" && "$S" --db "$T/memo_one.db" --quiet ingest ferry.jsonl)
while IFS= read -r line; do
  printf '%s\n' "$line" >"$T/memo_each/ferry.jsonl"
  (cd "$T/memo_each" && "$S" --db "$T/memo_each.db" --quiet ingest ferry.jsonl)
done <"$T/memo_one/ferry.jsonl"
(cd "$T/memo_one" && "$S" --db "$T/memo_one.db" --json export) >"$T/memo_one.json"
(cd "$T/memo_each" && "$S" --db "$T/memo_each.db" --json export) >"$T/memo_each.json"
check "one batch and one process a line store the same (the new version's sketch read anew)" \
  cmp -s "$T/memo_one.json" "$T/memo_each.json"
check "the copy of the new text is a copy of the article as it now reads" py "$T/memo_one.json" '
c = sorted((x["article"], x["of"], x["kind"]) for x in d["copies"])
assert (3, 1, "near") in c and (4, 1, "near") not in c, c'

finish
