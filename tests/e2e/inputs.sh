# inputs.sh — what ingest does with every kind of input: re-ingests, new
# versions, exact copies, standard input, JSONL with bad lines, empty,
# binary, invalid UTF-8, hostile files, mixed folders, --source, --date and
# --quiet. Huge inputs (a line of megabytes and more) are pathological.sh's. Every store is a real file in a temporary folder.
NAME=inputs
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
IN="$FIX/inputs"
CORPUS="$FIX/corpus"

# export DB FILE: the store as JSON in FILE.
export_to() { "$S" --db "$1" export --json >"$2" 2>/dev/null; }
# n_articles DB: how many articles the store holds.
n_articles() {
  "$S" --db "$1" export --json 2>/dev/null |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo -1
}
# A process killed by a signal (or a sanitizer abort) is never a clean refusal.
no_crash() { test "$RC" -lt 128 && sanitizer_clean; }
# stored_or_refused FILE-NAME: exit 0 (stored), or exit 1 with a message naming the file.
stored_or_refused() {
  test "$RC" -eq 0 || { test "$RC" -eq 1 && grep -q "$1" "$ERR"; }
}

section "re-ingesting the same folder"
DB="$T/corpus.db"
expect_exit 0 "$S" --db "$DB" ingest "$CORPUS"
export_to "$DB" "$T/first.json"
expect_exit 0 "$S" --db "$DB" ingest "$CORPUS"
check "second run: 0 new, 5 unchanged" sh -c 'grep -q "0 new, 5 unchanged, 0 new versions, 0 failed" "$1"' - "$ERR"
check "article count unchanged (5)" test "$(n_articles "$DB")" -eq 5
export_to "$DB" "$T/second.json"
check "the export is identical after the re-ingest" cmp -s "$T/first.json" "$T/second.json"
expect_exit 0 "$S" --db "$DB" ingest "$CORPUS/2026-06-03_brackenfold-post_glassworks-strike.txt"
check "one file again: unchanged" err_has "0 new, 1 unchanged"
check "still 5 articles" test "$(n_articles "$DB")" -eq 5

section "the same path with new content: a new version"
DB="$T/versions.db"
mkdir "$T/v"
cp "$IN/pond.txt" "$T/v/pond.txt"
expect_exit 0 "$S" --db "$DB" ingest "$T/v/pond.txt"
export_to "$DB" "$T/v1.json"
ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["articles"][0]["id"])' "$T/v1.json")
cp "$IN/pond_v2.txt" "$T/v/pond.txt"
expect_exit 0 "$S" --db "$DB" ingest "$T/v/pond.txt"
check "summary: 1 new version" err_has "0 new, 0 unchanged, 1 new version,"
export_to "$DB" "$T/v2.json"
check "still one article, same id, version 2, new text" py "$T/v2.json" '
arts = d["articles"]
assert len(arts) == 1, len(arts)
a = arts[0]
assert a["id"] == int(sys.argv[2]), (a["id"], sys.argv[2])
assert a["version"] == 2, a["version"]
assert "more than a hundred skaters" in a["text"] and "nine centimetres" not in a["text"]' "$ID"
expect_exit 0 "$S" --db "$DB" article "$ID"
check "article shows version 2" out_has "^article $ID (story [0-9]*, version 2)"
expect_exit 0 "$S" --db "$DB" search centimetres
check "search finds the new text" out_has "eleven centimetres\|\[centimetres\]"
expect_exit 0 "$S" --db "$DB" search nine centimetres
check "search no longer finds the old text" test ! -s "$OUT"
expect_exit 0 "$S" --db "$DB" ingest "$T/v/pond.txt"
check "the new version again: unchanged" err_has "0 new, 1 unchanged, 0 new versions"
# Regression: a new version once added 1 to its story's size again, so the
# one-article story claimed 2 articles and `check` failed.
expect_exit 0 "$S" --db "$DB" stories --json
check "the versioned article's story has size 1" py "$OUT" '
assert [s["size"] for s in d["stories"]] == [1], d["stories"]'
expect_exit 0 "$S" --db "$DB" check

section "identical content under two file names: an exact copy"
DB="$T/copies.db"
mkdir "$T/c"
cp "$IN/lighthouse.txt" "$T/c/a-lighthouse.txt"
cp "$IN/lighthouse.txt" "$T/c/b-lighthouse-again.txt"
expect_exit 0 "$S" --db "$DB" ingest "$T/c"
export_to "$DB" "$T/copies.json"
check "two articles, the second an exact copy of the first, in its story" py "$T/copies.json" '
arts = {a["path"].rsplit("/", 1)[1]: a for a in d["articles"]}
orig, copy = arts["a-lighthouse.txt"], arts["b-lighthouse-again.txt"]
assert len(d["articles"]) == 2
assert d["copies"] == [dict(d["copies"][0], article=copy["id"], of=orig["id"], kind="exact")], d["copies"]
assert copy["story"] == orig["story"]'
expect_exit 0 "$S" --db "$DB" copies
check "copies lists the exact copy" sh -c 'grep -Eq "^ *2 +1 +exact" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" copies --article 1 --json
check "copies --article 1 --json: kind exact" py "$OUT" '
assert [(c["article"], c["of"], c["kind"]) for c in d["copies"]] == [(2, 1, "exact")], d'
expect_exit 0 "$S" --db "$DB" show 1
check "show marks the copy" out_has "exact copy of \[1\]"

section "standard input"
DB="$T/stdin.db"
expect_exit 0 sh -c 'exec "$1" --db "$2" ingest --source "Cove Crier" --date 2026-05-03 - <"$3"' - "$S" "$DB" "$IN/cove.txt"
check "stdin: 1 new" err_has "1 new"
expect_exit 0 "$S" --db "$DB" article 1
check "stdin article has its title" out_has "^title: *Pellow Cove gull count finds fewer nesting pairs"
check "stdin article has the --source" out_has "^source: *Cove Crier"
check "stdin article has the --date" out_has "^published: *2026-05-03"
check "stdin article text" out_has "counted the herring gulls of Pellow Cove"
expect_exit 0 sh -c 'printf "%s" "$4" | exec "$1" --db "$2" ingest "$3"' - "$S" "$DB" - \
  "The tide tables for Quell Sound will be printed in larger type from August, the harbour office said on Friday."
check "a one-line stdin text is stored" test "$(n_articles "$DB")" -eq 2
expect_exit 1 sh -c 'exec "$1" --db "$2" ingest - </dev/null' - "$S" "$DB"
check "empty standard input is refused by name" sh -c 'grep -q "^storyline: -: " "$1" && grep -q "empty" "$1"' - "$ERR"

section "JSONL with a broken line and a record without text"
DB="$T/jsonl.db"
cp "$IN/feed.jsonl" "$T/feed.jsonl"
expect_exit 1 "$S" --db "$DB" ingest "$T/feed.jsonl"
check "2 articles stored" test "$(n_articles "$DB")" -eq 2
check "stderr names feed.jsonl:2 as invalid JSON" err_has "feed.jsonl:2: invalid JSON"
check "stderr names feed.jsonl:3 as having no text" err_has "feed.jsonl:3: .*no text"
check "no other line is reported" test "$(grep -c "feed.jsonl:" "$ERR")" -eq 2
check "summary: 2 new, 2 failed" err_has "2 new, 0 unchanged, 0 new versions, 2 failed"
export_to "$DB" "$T/jsonl.json"
check "the stored records keep id, source, date and title" py "$T/jsonl.json" '
got = sorted((a["key"], a["source"], a["published"], a["title"]) for a in d["articles"])
assert got == [("rk-001", "Rookwire", "2026-07-01", "Saltmarsh ferry resumes at Dunnock Reach"),
               ("rk-004", "Rookwire", "2026-07-03", "Kestrel count rises on Dunnock Reach reserve")], got'
expect_exit 1 "$S" --db "$DB" ingest --source "Other Wire" "$T/feed.jsonl"
check "re-ingest: 2 unchanged, same 2 failures" err_has "0 new, 2 unchanged, 0 new versions, 2 failed"
check "--source does not override a record's own source" sh -c '"$1" --db "$2" export --json | grep -q "\"source\": \"Rookwire\"" &&
  ! "$1" --db "$2" export --json | grep -q "Other Wire"' - "$S" "$DB"
expect_exit 0 "$S" --db "$DB" check

section "JSONL: an unclosed string after the object is invalid (yajl would end the input there)"
DB="$T/trail.db"
printf '{"id":"a1","text":"The council approved"}"\n' >"$T/trail.jsonl"
expect_exit 1 "$S" --db "$DB" ingest "$T/trail.jsonl"
check "ingest names the line and the open string, as jansson does" \
  err_has 'trail.jsonl:1: invalid JSON at column 42: premature end of input near'
check "nothing stored" test "$(n_articles "$DB")" -eq 0
printf '{"id":"a0","text":"Ferries run"}\n{"id":"a2","text":"Storms closed"} "tail}' >"$T/trail2.jsonl"
expect_exit 1 sh -c 'exec "$1" dedup <"$2"' - "$S" "$T/trail2.jsonl"
check "dedup reports the last line (no final newline) as ingest does" \
  err_has "^storyline: -:2: invalid JSON at column 41: premature end of input near '\"tail}'"
check "dedup writes only the good line" test "$(cat "$OUT")" = '{"id":"a0","text":"Ferries run"}'

section "empty, binary and NUL files"
DB="$T/bad.db"
mkdir "$T/bad"
: >"$T/bad/empty.txt"
printf '\n\n   \n\t\n' >"$T/bad/blank.txt"
head -c 2000 /dev/urandom >"$T/bad/random.bin"
printf 'Harbour notes\n\nThe harbour at Quell Sound\000\000\000 was quiet on Sunday morning, with no boats leaving before nine.\n' >"$T/bad/nul.txt"
printf '\037\213\010\000\000\000\000\000\000\003' >"$T/bad/fake.gz"
for f in empty.txt blank.txt random.bin nul.txt fake.gz; do
  expect_exit 1 "$S" --db "$DB" ingest "$T/bad/$f"
  check "$f is refused with a message naming it" err_has "^storyline: .*$f: "
done
check "the empty file is called empty" sh -c '"$1" --db "$2" ingest "$3" 2>&1 | grep -q "empty"' - "$S" "$DB" "$T/bad/empty.txt"
check "the random file is called binary" sh -c '"$1" --db "$2" ingest "$3" 2>&1 | grep -q "binary"' - "$S" "$DB" "$T/bad/random.bin"
check "nothing was stored" test "$(n_articles "$DB")" -eq 0
expect_exit 1 "$S" --db "$DB" ingest "$T/bad/does-not-exist.txt"
check "a missing file is named" err_has "does-not-exist.txt"
expect_exit 0 "$S" --db "$DB" check

section "invalid UTF-8"
DB="$T/utf8.db"
printf 'Caddow ice report\n\nThe mill pond at Caddow froze solid on Tuesday night for the first time \377\376 in twelve winters, and skaters arrived \303 at dawn with lanterns and flasks.\n' >"$T/badutf8.txt"
expect_exit 0 "$S" --db "$DB" ingest "$T/badutf8.txt"
check "summary counts the replaced bytes" err_has "invalid UTF-8 bytes replaced"
expect_exit 0 "$S" --db "$DB" article 1
check "article shows U+FFFD where the bad bytes were" sh -c 'grep -q "first time �" "$1" && grep -q "skaters arrived � at dawn" "$1"' - "$OUT"
check "article says bytes were replaced" out_has "invalid bytes replaced"
expect_exit 0 "$S" --db "$DB" article 1 --json
check "article JSON is valid UTF-8 with bad_bytes > 0" py "$OUT" '
a = d["article"]
assert a["bad_bytes"] == 3, a["bad_bytes"]
assert "\ufffd" in a["text"] and "skaters" in a["text"]'
check "the whole export is valid UTF-8 JSON" sh -c '"$1" --db "$2" export --json | python3 -m json.tool >/dev/null' - "$S" "$DB"

section "hostile HTML"
DB="$T/html.db"
python3 -c 'import sys
n = 100000
open(sys.argv[1], "w").write("<!DOCTYPE html><html><head><title>Deep page</title></head><body>" + "<div>" * n
  + "<p>The lighthouse keeper at Fenwick Point logged forty ships passing the headland on Saturday, a record for June.</p>"
  + "</div>" * n + "</body></html>")
open(sys.argv[2], "w").write("<html><body>" + "<div><span><b>" * n
  + "Lantern text deep inside unclosed markup where nobody should ever have to look for it.")' \
  "$T/nested.html" "$T/nested_unclosed.html"
for f in nested.html nested_unclosed.html; do
  run "$S" --db "$DB" ingest "$T/$f"
  check "$f: no crash (exit $RC)" no_crash
  check "$f: stored or refused with a message" stored_or_refused "$f"
done
expect_exit 0 "$S" --db "$DB" ingest "$IN/hostile_script.html"
expect_exit 0 "$S" --db "$DB" search slipway --json
check "the script page is stored with its title" py "$OUT" '
assert [h["title"] for h in d["hits"]] == ["Quell Sound slipway opens"], d["hits"]'
check "no script, style or noscript text is stored" sh -c '"$1" --db "$2" export --json >"$3" &&
  ! grep -q -e Scriptwords -e Stylewords -e "Enable javascript" -e "document.write" "$3"' - "$S" "$DB" "$T/html.json"
run "$S" --db "$DB" ingest "$IN/hostile_nobody.html"
check "a page without a body: no crash (exit $RC)" no_crash
check "a page without a body: stored or refused with a message" stored_or_refused hostile_nobody.html
expect_exit 0 "$S" --db "$DB" check

section "a folder of good and bad files"
DB="$T/mixed.db"
mkdir -p "$T/mixed/sub"
cp "$IN/pond.txt" "$IN/lighthouse.txt" "$T/mixed/"
cp "$IN/cove.txt" "$T/mixed/sub/"
cp "$IN/feed.jsonl" "$T/mixed/sub/"
cp "$T/bad/empty.txt" "$T/bad/random.bin" "$T/bad/nul.txt" "$T/mixed/"
expect_exit 1 "$S" --db "$DB" ingest "$T/mixed"
check "the good ones are stored (3 texts + 2 JSONL records)" test "$(n_articles "$DB")" -eq 5
check "each bad input is reported on its own line" sh -c 'for f in empty.txt random.bin nul.txt feed.jsonl:2 feed.jsonl:3; do
  test "$(grep -c "^storyline: .*$f: " "$1")" -eq 1 || exit 1; done' - "$ERR"
check "summary: 5 new, 5 failed" err_has "5 new, 0 unchanged, 0 new versions, 5 failed"
expect_exit 0 "$S" --db "$DB" check

section "--source, --date and --quiet"
DB="$T/opts.db"
expect_exit 0 "$S" --db "$DB" ingest --source "Valley Lantern" --date 2026-04-17 "$IN/lighthouse.txt"
expect_exit 0 "$S" --db "$DB" article 1
check "article shows the --source" out_has "^source: *Valley Lantern"
check "article shows the --date" out_has "^published: *2026-04-17"
expect_exit 0 "$S" --db "$DB" show 1
check "show gives the date and the source" sh -c 'grep -q "1 article from 1 outlet, 2026-04-17" "$1" &&
  grep -q "\[1\] 2026-04-17 Valley Lantern" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" stories
check "stories gives the date" out_has " 2026-04-17 "
expect_exit 0 "$S" --db "$DB" ingest --source="Tideline" --date=2026-04-18T08:15:00Z "$IN/pond.txt"
expect_exit 0 "$S" --db "$DB" article 2
check "--source=NAME and --date=DATETIME are applied" sh -c 'grep -q "^source: *Tideline" "$1" && grep -q "^published: *2026-04-18" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$IN/cove.txt"
check "--quiet: nothing on stderr" test ! -s "$ERR"
check "--quiet: nothing on stdout" test ! -s "$OUT"
expect_exit 0 "$S" --db "$DB" ingest -q "$IN/cove.txt"
check "-q after the command: nothing on stderr" test ! -s "$ERR"
expect_exit 1 "$S" --db "$DB" --quiet ingest "$T/bad/empty.txt"
check "--quiet still reports a failed input" err_has "empty.txt"
N=$(n_articles "$DB")
printf 'Marrowby dock strike ends\n\nDockers at Marrowby returned to work on Monday after a four-day strike over the new shift rota ended in a deal.\n' >"$T/dated-ok.txt"
for d in garbage 17/04/2026 2026 ""; do
  expect_exit 2 "$S" --db "$DB" ingest --date "$d" "$T/dated-ok.txt"
  check "--date '$d' is refused as a usage error" err_has "date"
done
check "refused --date stored nothing" test "$(n_articles "$DB")" -eq "$N"
# Regression: these once passed the CLI's shape check (10+ characters, a '-'
# fifth) and the article was stored undated, exit 0, without a word.
for d in 2026-13-45 2026-02-30 2026-04-17junk; do
  printf 'Dunnock Reach tide gauge\n\nThe tide gauge at Dunnock Reach was read at %s by the harbour office on a calm and windless evening.\n' "$d" >"$T/dated-$d.txt"
  expect_exit 2 "$S" --db "$DB" ingest --date "$d" "$T/dated-$d.txt"
done
check "invalid dates stored nothing" test "$(n_articles "$DB")" -eq "$N"
expect_exit 2 "$S" --db "$DB" ingest --source
expect_exit 0 "$S" --db "$DB" check

section "a folder with a symbolic link back to itself"
DB="$T/loop.db"
mkdir "$T/loop"
cp "$IN/pond.txt" "$T/loop/"
ln -s . "$T/loop/again"
run "$S" --db "$DB" ingest "$T/loop"
check "a symlink loop: no crash (exit $RC)" no_crash
check "a symlink loop: exit 0 or 1" test "$RC" -le 1
check "the one file is stored once, not once per level of the loop" test "$(n_articles "$DB")" -eq 1
expect_exit 0 "$S" --db "$DB" check

section "ingests running side by side on one store"
python3 "$SL_TESTS/gen_articles.py" 200 --seed 11 --jsonl "$T/side.jsonl"
head -n 100 "$T/side.jsonl" >"$T/side1.jsonl"
tail -n 100 "$T/side.jsonl" >"$T/side2.jsonl"
DB="$T/side.db"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$IN/pond.txt"
"$S" --db "$DB" --quiet ingest "$T/side1.jsonl" 2>"$T/side1.err" &
p1=$!
"$S" --db "$DB" --quiet ingest "$T/side2.jsonl" 2>"$T/side2.err" &
p2=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
check "two ingests into an existing store both succeed (exit $r1 and $r2)" test "$r1" -eq 0 -a "$r2" -eq 0
check "both stored everything (201 articles)" test "$(n_articles "$DB")" -eq 201
expect_exit 0 "$S" --db "$DB" check
# Three ingests that all find the store missing and create it at once.
DB="$T/race.db"
"$S" --db "$DB" --quiet ingest "$IN/pond.txt" 2>"$T/race1.err" &
p1=$!
"$S" --db "$DB" --quiet ingest "$IN/cove.txt" 2>"$T/race2.err" &
p2=$!
"$S" --db "$DB" --quiet ingest "$IN/lighthouse.txt" 2>"$T/race3.err" &
p3=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
wait "$p3"
r3=$?
check "three ingests creating one store at once all succeed (exit $r1, $r2, $r3)" \
  sh -c 'test "$1" -eq 0 -a "$2" -eq 0 -a "$3" -eq 0 || { cat "$4" "$5" "$6"; exit 1; }' - "$r1" "$r2" "$r3" \
  "$T/race1.err" "$T/race2.err" "$T/race3.err"
check "the raced store holds what succeeded" test "$(n_articles "$DB")" -eq $(( (r1 == 0) + (r2 == 0) + (r3 == 0) ))
expect_exit 0 "$S" --db "$DB" check

finish
