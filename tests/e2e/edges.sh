# edges.sh — what a demanding user met at the edges of the command
# (docs/testing.md, "QA, twenty-fourth round (branch qa7)"): a JSON document
# exported by another tool (an array of records, a pretty-printed object,
# jq's stream of them) is read element by element, each fault named by file,
# line and element; a JSONL line with a byte that is not UTF-8 is kept as a
# text file is; the prose commands say an empty file and read an HTML page's
# article, not its markup; a command's id is refused one way. Inputs
# invented here.
NAME=edges
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
DB="$T/news.db"

section "JSON documents"
cat >"$T/export.json" <<'EOF'
[
  {
    "id": "wv-1",
    "title": "Harbour bridge reopens after repairs",
    "text": "The harbour bridge in Brookvale reopened on Monday after six weeks of repairs, the city council said. Engineers replaced forty steel cables.",
    "published": "2031-03-03"
  },
  {
    "id": "wv-2",
    "text": 17
  },
  {
    "id": "wv-3",
    "text": "The Brookvale ferry will run every twenty minutes from April, the operator announced on Tuesday."
  }
]
EOF
expect_exit 1 "$S" --db "$DB" ingest "$T/export.json"
check "a pretty-printed array: its good elements stored" err_has "ingested 2 articles from 1 file read"
check "a bad element named by file, line and number" err_has "export.json:8: element 2: field text or html is not a string"
check "not one error a line" sh -c "[ \$(grep -c 'export.json' '$ERR') -eq 1 ]"
run "$S" --db "$DB" export --json
check "the element's id is the key" py "$OUT" 'assert [a["key"] for a in d["articles"]] == ["wv-1", "wv-3"]'

expect_exit 1 "$S" extract "$T/export.json"
check "extract sends a JSON document to ingest" err_has "export.json: a feed, JSON or JSONL file holds many articles: use ingest"
printf '[{"text": "The mayor of Eastwick opened a new library on Friday with twelve thousand books."}, {"text": "Rain is expected across the valley on Sunday, forecasters said."}]' >"$T/line.json"
expect_exit 0 "$S" --db "$DB" ingest "$T/line.json"
check "an array on one line" err_has "ingested 2 articles"
printf '{\n  "url": "https://example.invalid/dam",\n  "text": "The inspection of the Westmoor dam found no cracks in its wall."\n}\n' >"$T/one.json"
gzip -k "$T/one.json"
expect_exit 0 "$S" --db "$T/gz.db" ingest "$T/one.json.gz"
check "a pretty-printed object, gzipped" err_has "ingested 1 article"
printf '{\n "text": "The first of a jq stream is about the river Esk."\n}\n{\n "text": "The second of a jq stream is about the lake at Skerrow."\n}\n' >"$T/stream.json"
expect_exit 0 "$S" --db "$T/stream.db" ingest "$T/stream.json"
check "jq's stream of pretty-printed objects" err_has "ingested 2 articles"
printf '[\n {"text": "The whole element before the cut is about the tides at Skerrow."},\n {"text": "cut sho' >"$T/cut.json"
expect_exit 1 "$S" --db "$T/cut.db" ingest "$T/cut.json"
check "an array cut short keeps its whole elements" err_has "ingested 1 article"
check "and names the cut one" err_has "cut.json:3: element 2: cut short at the end of the file"
python3 -c 'import json, sys
arr = [{"id": "k%d" % i, "text": "Report %d on the harbour of Brookvale: the ferry left at %d, the council said on Monday. " % (i, i % 12) * 3} for i in range(300)]
json.dump(arr, open(sys.argv[1], "w"), indent=2)' "$T/big.json"
gzip "$T/big.json"
head -c $(($(wc -c <"$T/big.json.gz") * 2 / 3)) "$T/big.json.gz" >"$T/cutbig.json.gz"
expect_exit 1 "$S" --db "$T/cutbig.db" ingest "$T/cutbig.json.gz"
check "a gzipped array cut short: the cut said, the whole elements before it kept" \
  sh -c "grep -q 'cutbig.json.gz: truncated gzip data' '$ERR' && grep -q 'element [0-9]*: cut short at the end of the file' '$ERR' && grep -q 'ingested [1-9][0-9]* articles' '$ERR'"
printf '[ ]\n' >"$T/none.json"
expect_exit 1 "$S" --db "$T/none.db" ingest "$T/none.json"
check "an empty array is said" err_has "none.json: a JSON document without elements"
"$S" --db "$DB" export --json >"$T/back.json"
expect_exit 1 "$S" --db "$T/back.db" ingest "$T/back.json"
check "an export is one wrapper object, not records: said once" err_has "back.json:1: element 1: no text or html field"
printf '{"text": "A JSONL line whose first line is whole."}\n{"text": "The second line."}\n' >"$T/lines.jsonl"
expect_exit 0 "$S" --db "$T/lines.db" ingest "$T/lines.jsonl"
check "JSONL stays JSONL" err_has "ingested 2 articles"
# dedup and compare --pairs read a line at a time: a document is said once,
# where each of its lines was an error of its own (and a whole line of it
# passed as a record)
expect_exit 1 "$S" dedup "$T/export.json"
check "dedup of a JSON document: said" err_has "export.json: a JSON document, not JSONL: dedup reads one object a line"
check "once, and nothing passed" sh -c "[ \$(grep -c export.json '$ERR') -eq 1 ] && [ ! -s '$OUT' ]"
expect_exit 2 "$S" compare --pairs "$T/one.json"
check "compare --pairs of a pretty-printed object: said once" err_has "one.json: a JSON document, not JSONL: compare --pairs reads one object a line"

# read31: a line of white space ("\r\n" of a Windows file, "  \n") is
# skipped as ingest's JSONL reader skips it; dedup and compare --pairs
# counted it an error each ('[' or '{' expected) and exited 1 / 2
printf '{"id": 1, "a": "The ferry left at nine.", "b": "The ferry left at nine."}\r\n\r\n  \n' >"$T/crlf.jsonl"
expect_exit 0 "$S" compare --pairs "$T/crlf.jsonl"
check "compare --pairs: blank CRLF and spaced lines skipped" sh -c "[ ! -s '$ERR' ] && [ \$(wc -l <'$OUT') -eq 1 ]"
printf '\r\n  \n' >"$T/crlf-blank.jsonl"
expect_exit 2 "$S" compare --pairs "$T/crlf-blank.jsonl"
check "compare --pairs: a file of such lines is empty" err_has "crlf-blank.jsonl: empty: no pairs to compare"
printf '{"text": "The ferry left at nine on Monday."}\r\n\r\n  \n' >"$T/crlf-text.jsonl"
expect_exit 0 "$S" dedup "$T/crlf-text.jsonl"
check "dedup: blank CRLF and spaced lines skipped" err_has "^dedup: 1 line, 0 copies tagged, 0 errors$"

section "a byte that is not UTF-8 in a JSONL line"
printf '{"text": "The caf\351 on Mill Street reopened on Monday after the flood, its owner said."}\n{"text": "bad \351 and broken" oops}\n' >"$T/latin.jsonl"
printf 'The caf\351 on Mill Street reopened on Monday after the flood, its owner said.\n' >"$T/latin.txt"
expect_exit 1 "$S" --db "$T/latin.db" ingest "$T/latin.jsonl"
check "the line is stored, its byte counted" err_has "ingested 1 article from 1 file read.*1 failed; 1 invalid UTF-8 byte replaced"
check "a line broken besides says its own fault" err_has "latin.jsonl:2: invalid JSON at column 32: '}' expected near 'oops'"
"$S" --db "$T/latin.db" export --json >"$T/latin-jsonl.json"
"$S" --db "$T/latin-txt.db" --quiet ingest "$T/latin.txt"
"$S" --db "$T/latin-txt.db" export --json >"$T/latin-txt.json"
check "the text as the text file's" py "$T/latin-jsonl.json" '
t = json.load(open(sys.argv[2]))["articles"][0]
a = d["articles"][0]
assert (a["text"], a["bad_bytes"]) == (t["text"], t["bad_bytes"]) == ("The caf\ufffd on Mill Street reopened on Monday after the flood, its owner said.", 1), (a, t)' "$T/latin-txt.json"

# fixb33: dedup refused the line ingest stores (`unable to decode byte
# 0xff`); both read it with one reader now, and say a broken line alike
printf '{"id": "s1", "text": "The caf\377 on Mill Street reopened on Monday after the flood, its owner said."}\n{"id": "s2", "text": "The caf\357\277\275 on Mill Street reopened on Monday after the flood, its owner said."}\n{"text": "bad \377 and broken" oops}\n' >"$T/stray.jsonl"
expect_exit 1 "$S" --db "$T/stray.db" ingest "$T/stray.jsonl"
check "ingest keeps the line with a stray 0xff, its byte counted" err_has "ingested 2 articles .*1 failed; 1 invalid UTF-8 byte replaced"
cp "$ERR" "$T/stray-ingest.err"
expect_exit 1 "$S" dedup "$T/stray.jsonl"
check "dedup keeps it too, the U+FFFD line its exact copy" python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8", errors="surrogateescape")]
assert [l["id"] for l in lines] == ["s1", "s2"], lines
assert "copy_of" not in lines[0] and lines[1]["copy_of"]["id"] == "s1" and lines[1]["copy_of"]["kind"] == "exact", lines' "$OUT"
check "dedup passes the line on with its byte unchanged" sh -c "head -1 '$OUT' | cmp -s - '$T/stray.jsonl' -n 100"
check "dedup says the broken line as ingest says it" sh -c "grep -q \"stray.jsonl:3: invalid JSON at column 32: '}' expected near 'oops'\" '$ERR' && grep -q \"stray.jsonl:3: invalid JSON at column 32: '}' expected near 'oops'\" '$T/stray-ingest.err'"
check "dedup: one error" err_has "^dedup: 3 lines, 1 copy tagged, 1 error$"

section "the prose commands on empty and HTML input"
: >"$T/empty.txt"
printf ' \n\n' >"$T/blank.txt"
for f in empty.txt blank.txt; do
  expect_exit 1 "$S" timex "$T/$f"
  check "timex $f: said" err_has "$f: empty"
  expect_exit 1 "$S" summarize "$T/$f"
  check "summarize $f: said" err_has "$f: empty"
  expect_exit 1 "$S" facts --text "$T/$f"
  check "facts --text $f: said, no line" sh -c "grep -q '$f: empty' '$ERR' && [ ! -s '$OUT' ]"
done
expect_exit 2 "$S" compare --pairs "$T/empty.txt"
check "compare --pairs of an empty file: said (it exited 0, silent)" err_has "empty.txt: empty: no pairs to compare"
expect_exit 2 "$S" compare "$T/empty.txt" "$T/latin.txt"
check "compare: the empty file said" err_has "empty.txt: empty"
cat >"$T/page.html" <<'EOF'
<!doctype html><html><head><title>Dam inspection finds no cracks | Westmoor Times</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Dam inspection finds no cracks</h1>
<p>Engineers who inspected the Westmoor dam on Tuesday, March 4, 2031 found no cracks in its concrete wall, the water board said on Wednesday.</p>
<p>The inspection, the first since 2026, cost 1.2 million dollars and took three weeks, according to board spokesperson Ana Ruiz.</p>
<p>"The dam is in good shape," Ruiz said. The next inspection is due in five years.</p>
</article><footer>Copyright Westmoor Times</footer></body></html>
EOF
expect_exit 0 "$S" summarize "$T/page.html"
check "summarize a page: its article's sentences, no markup" sh -c "grep -q 'Engineers who inspected' '$OUT' && ! grep -q '<' '$OUT'"
expect_exit 0 "$S" facts --text "$T/page.html"
check "facts --text a page: no entity of its menu" sh -c "grep -q '\"Ana Ruiz\"' '$OUT' && ! grep -q '\"News\"' '$OUT'"
expect_exit 0 "$S" timex --json "$T/page.html"
check "timex a page: offsets into its article" sh -c "head -1 '$OUT' | python3 -c 'import json, sys; d = json.loads(sys.stdin.readline()); assert d[\"value\"] == \"2031-03-04\" and d[\"start\"] < 80, d'"
printf '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>\n' >"$T/nav.html"
expect_exit 1 "$S" summarize "$T/nav.html"
check "a page without article text: said" err_has "nav.html: no article text found"

# read31: a feed, a JSON document or a JSONL file holds many articles: the
# prose commands read it as one text (summarize printed the feed's XML as a
# sentence, timex's offsets fell in the JSON syntax); now refused as extract
# refuses it
cat >"$T/feed.xml" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Westmoor Times</title>
<item><title>Ferry returns</title><description>The Brookvale ferry returned to service on Monday after a month of repairs.</description></item>
</channel></rss>
EOF
for f in feed.xml export.json lines.jsonl; do
  expect_exit 1 "$S" summarize "$T/$f"
  check "summarize $f: sent to ingest, no summary" sh -c "grep -q '$f: a feed, JSON or JSONL file holds many articles: use ingest' '$ERR' && [ ! -s '$OUT' ]"
done
expect_exit 1 "$S" timex "$T/lines.jsonl" "$T/latin.txt"
check "timex: the JSONL said, the text after it still read" sh -c "grep -q 'lines.jsonl: a feed, JSON or JSONL' '$ERR' && grep -q 'Monday' '$OUT'"
expect_exit 1 "$S" facts --text "$T/feed.xml"
check "facts --text a feed: said, no line" sh -c "grep -q 'feed.xml: a feed, JSON or JSONL' '$ERR' && [ ! -s '$OUT' ]"
expect_exit 2 "$S" compare "$T/feed.xml" "$T/latin.txt"
check "compare a feed: said (exit 2)" err_has "feed.xml: a feed, JSON or JSONL file holds many articles: use ingest"

section "a bad file among good ones: said, the rest read (fixb33)"
# summarize stopped at the first file it could not read (no summary, exit
# 1); facts --text and timex went on. Now every prose command names each
# bad file with its reason and reads the others (exit 1, as ingest).
head -c 300 "$S" >"$T/bin.dat"
for cmd in summarize "facts --text" timex; do
  # shellcheck disable=SC2086 # the command words are meant to split
  expect_exit 1 "$S" $cmd "$T/page.html" "$T/empty.txt" "$T/bin.dat" "$T/missing.txt" "$T/latin.txt"
  check "$cmd: each bad file named with its reason" sh -c "grep -q 'empty.txt: empty' '$ERR' && grep -q 'bin.dat: binary data, not text' '$ERR' && grep -q 'missing.txt: No such file or directory' '$ERR'"
  check "$cmd: the good files before and after them read" sh -c "grep -q 'Engineers who inspected\|Ana Ruiz\|2031-03-04' '$OUT' && grep -q 'Mill Street\|Monday' '$OUT'"
done
expect_exit 1 "$S" summarize --json "$T/missing.txt" "$T/page.html"
check "summarize --json: a doc is the file's place on the command line" py "$OUT" '
assert {s["doc"] for s in d["sentences"]} == {1}, d'
expect_exit 1 "$S" summarize "$T/missing.txt" "$T/empty.txt"
check "summarize with no good file: no summary" test ! -s "$OUT"

section "a page's own date anchors the prose commands as it does ingest (fixb33)"
# ingest read an HTML page's publication date (meta tags, JSON-LD, <time>)
# and resolved "on Tuesday" against it; timex, facts --text and summarize
# read the same page's text without it (XXXX-XX-XX, "date": null).
for form in meta jsonld; do
  case $form in
  meta) head='<meta property="article:published_time" content="2026-04-16T09:30:00+01:00">' ;;
  jsonld) head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves harbour budget", "datePublished": "2026-04-16"}</script>' ;;
  esac
  cat >"$T/dated-$form.html" <<EOF
<!doctype html><html lang="en"><head><title>Council approves harbour budget | Valley Courier</title>
$head</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves harbour budget</h1>
<p>The Eskmoor town council approved the harbour budget on Tuesday after a long debate, the mayor, Anna Berg, said.</p>
<p>The budget of 4.2 million euros will pay for new moorings and a ferry shelter, she told reporters at the town hall.</p>
<p>Work on the moorings started on Wednesday and should take about two years, officials said.</p>
</article></body></html>
EOF
  "$S" --db "$T/dated-$form.db" --quiet ingest "$T/dated-$form.html"
  "$S" --db "$T/dated-$form.db" export --json >"$T/dated-$form.json"
  check "$form: ingest resolves Tuesday and Wednesday against the page's date" py "$T/dated-$form.json" '
assert [e["date"] for e in d["stories"][0]["timeline"]["events"]] == ["2026-04-14", "2026-04-15"], d["stories"][0]["timeline"]'
  expect_exit 0 "$S" timex --json "$T/dated-$form.html"
  check "$form: timex gives the same dates" python3 -c '
import json, sys
v = [json.loads(l)["value"] for l in open(sys.argv[1])]
assert v[0] == "2026-04-14" and "2026-04-15" in v, v' "$OUT"
  expect_exit 0 "$S" facts --text "$T/dated-$form.html"
  check "$form: facts --text gives the same dates" py "$OUT" '
assert [(x["text"], x["date"]) for x in d["dates"]] == [("Tuesday", "2026-04-14"), ("Wednesday", "2026-04-15")], d["dates"]'
done
expect_exit 0 "$S" timex --published 2026-05-01 "$T/dated-meta.html"
check "--published still wins over the page's date (as ingest --date)" sh -c "head -1 '$OUT' | grep -q '2026-04-28 *Tuesday'"
expect_exit 0 "$S" timex "$T/page.html"
check "a page stating no date: unknown parts stay X" sh -c "grep -q 'XXXX-XX-XX *Wednesday' '$OUT'"

section "the id a command takes, said one way"
# It was "unexpected argument abc" (article, summary, timeline, facts), "entities
# wants one story id" with no word of what was given, or "show wants one story
# id, not abc": now "CMD wants one NOUN id, not ARG" for each.
for args in "show abc" "article abc" "article 0" "summary 0" "timeline x1" "facts 0" "entities 0" "quotes abc"; do
  expect_exit 2 "$S" --db "$DB" $args
  cmd=${args%% *}
  noun=story; [ "$cmd" = article ] && noun=article
  check "$args: \"$cmd wants one $noun id, not ${args#* }\"" err_has "^storyline: $cmd wants one $noun id, not ${args#* }$"
done
# read31: an id is digits, as serve reads one in a path: strtoll took " 7"
# and "+7" (and refused "7 "), so show " 7" showed story 7
for id in " 7" "+7" "7 " "1e3" "99999999999999999999"; do
  for cmd in show article summary timeline facts entities quotes; do
    expect_exit 2 "$S" --db "$DB" $cmd "$id"
    noun=story; [ "$cmd" = article ] && noun=article
    check "$cmd \"$id\": \"$cmd wants one $noun id, not $id\"" err_has "^storyline: $cmd wants one $noun id, not $id\$"
  done
done
expect_exit 2 "$S" --db "$DB" copies --article " 2"
check "copies --article \" 2\": refused" err_has "^storyline: --article wants an article id, not  2$"
expect_exit 2 "$S" --db "$DB" show -- -1
check "show -- -1: the id refused, not an option" err_has "^storyline: show wants one story id, not -1$"
expect_exit 2 "$S" --db "$DB" timeline --thread abc
check "timeline --thread abc: says what it was given" err_has "^storyline: --thread wants a thread id, not abc$"
expect_exit 2 "$S" --db "$DB" article 1 2
check "a second id stays unexpected" err_has "^storyline: unexpected argument 2$"

finish
