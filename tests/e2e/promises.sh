# promises.sh — what README.md, --help and the man page promise of the
# command: --json on every listing, exit statuses (1 for an id that does not
# exist, 2 naming an unknown option, compare like cmp), a missing store said
# as such, STORYLINE_DB, output within 80 columns, plurals and one word per
# concept (outlets: publishers; sources: independent articles).
NAME=promises
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
ROOT=$(cd "$SL_TESTS/.." && pwd)
EX="$ROOT/examples"
DB="$T/store.db"
unset STORYLINE_DB

# widest FILE: the widest line of FILE in characters (not bytes).
widest() {
  python3 -c 'import sys; print(max([len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"
}

section "the demo store"
expect_exit 0 sh -c 'cd "$1" && sh scripts/demo.sh "$2" "$3"' - "$ROOT" "$S" "$DB"

section "--json on every listing command"
for cmd in "stories" "stories --thread 1" "show 1" "article 1" "search treaty" "copies" \
           "copies --article 10" "threads --all" "facts 5" "quotes 5" "entities 5" "check" "export"; do
  # shellcheck disable=SC2086
  expect_exit 0 "$S" --db "$DB" $cmd --json
  check "$cmd --json: a versioned JSON document" py "$OUT" 'assert d["json_version"] == 1, d'
done
"$S" --db "$DB" quotes 5 --json >"$T/quotes.json"
check "quotes --json: speakers, each quote with articles and sources" py "$T/quotes.json" '
assert d["story"] == 5 and d["speakers"], d
for s in d["speakers"]:
    assert "speaker" in s and "role" in s and s["quotes"], s
    for q in s["quotes"]:
        assert q["text"] and q["articles"] and 1 <= q["sources"] <= len(q["articles"]), q'
"$S" --db "$DB" entities 5 --json >"$T/entities.json"
check "entities --json: name, type, mentions, articles, most mentioned first" py "$T/entities.json" '
e = d["entities"]
assert d["story"] == 5 and e and all(x["name"] and x["type"] and x["mentions"] >= x["articles"] >= 1 for x in e), e
assert [x["mentions"] for x in e] == sorted((x["mentions"] for x in e), reverse=True)'
"$S" --db "$DB" check --json >"$T/check.json"
check "check --json: ok true, no problem" py "$T/check.json" 'assert d["ok"] is True and d["problem"] is None, d'
"$S" --db "$DB" stories --thread 1 --json >"$T/thread.json"
"$S" --db "$DB" threads --all --json >"$T/threads.json"
check "stories --thread 1 --json: the stories threads --json gives thread 1" python3 -c '
import json, sys
one = json.load(open(sys.argv[1]))
every = json.load(open(sys.argv[2]))
want = [s["id"] for t in every["threads"] if t["id"] == 1 for s in t["stories"]]
assert one["thread"] == 1 and [s["id"] for s in one["stories"]] == want and want, (one, want)' \
  "$T/thread.json" "$T/threads.json"
"$S" --db "$DB" stories --json >"$T/stories.json"
check "quotes and entities agree with the text output" sh -c '
  "$1" --db "$2" quotes 5 | grep -c "^    \[" >"$3/nq" &&
  python3 -c "import json,sys; print(sum(len(s[\"quotes\"]) for s in json.load(open(sys.argv[1]))[\"speakers\"]))" "$3/quotes.json" | cmp -s - "$3/nq"' - "$S" "$DB" "$T"

section "exit statuses"
expect_exit 1 "$S" --db "$DB" copies --article 99
check "copies --article 99 names the missing article" err_has "no article 99"
expect_exit 1 "$S" --db "$DB" copies --article 99 --json
expect_exit 1 "$S" --db "$DB" stories --thread 99
check "stories --thread 99 names the missing thread" err_has "no thread 99"
check "stories --thread 99 gives no \"no stories yet\" hint" sh -c '! grep -q "no stories yet" "$1"' - "$ERR"
expect_exit 1 "$S" --db "$DB" stories --thread 99 --json
for cmd in "show 99" "article 99" "facts 99" "quotes 99" "entities 99"; do
  # shellcheck disable=SC2086
  expect_exit 1 "$S" --db "$DB" $cmd
done
expect_exit 2 "$S" --db "$DB" show 1 --bogus
check "show 1 --bogus names the unknown option" err_has "unknown option --bogus"
expect_exit 0 "$S" compare "$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt" \
  "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
expect_exit 1 "$S" compare "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt" \
  "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt"
check "compare: not a copy is exit 1 with the verdict printed" out_has "kind: none"
expect_exit 2 "$S" compare "$T/nothing-here.txt" "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt"
expect_exit 2 "$S" compare only-one.txt
check "--help documents the exit statuses" sh -c '"$1" --help | grep -q "exit status: 0 success" &&
  "$1" --help | grep -q "compare, like cmp: 0 a copy, 1 not a copy, 2 trouble"' - "$S"
check "the man page documents compare's" grep -q "compare" "$ROOT/man/storyline.1"

section "a store that does not exist; STORYLINE_DB"
mkdir "$T/empty"
expect_exit 3 sh -c 'cd "$1" && exec "$2" stories' - "$T/empty" "$S"
check "no store: said so, with how to make one" sh -c 'grep -q "no store at storyline.db yet" "$1" &&
  grep -q "storyline ingest" "$1" && ! grep -q "unable to open" "$1"' - "$ERR"
check "no store: none was made" test -z "$(ls -A "$T/empty")"
for cmd in "check" "check --json" "facts 1" "show 1" "copies"; do
  # shellcheck disable=SC2086
  expect_exit 3 "$S" --db "$T/empty/none.db" $cmd
done
check "check on a missing store made none" test -z "$(ls -A "$T/empty")"
"$S" --db "$DB" stories >"$T/stories.txt"
expect_exit 0 env STORYLINE_DB="$DB" "$S" stories
check "STORYLINE_DB names the store" cmp -s "$OUT" "$T/stories.txt"
expect_exit 3 env STORYLINE_DB="$T/empty/none.db" "$S" stories
check "STORYLINE_DB is the store said missing" err_has "none.db"
expect_exit 0 env STORYLINE_DB="$T/empty/none.db" "$S" --db "$DB" stories
check "--db wins over STORYLINE_DB" cmp -s "$OUT" "$T/stories.txt"
expect_exit 0 env STORYLINE_DB="$T/env.db" "$S" --quiet ingest "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt"
check "ingest makes the store STORYLINE_DB names" test -s "$T/env.db"

section "80 columns"
for cmd in "stories" "show 5" "show 3" "copies" "copies --article 10" "copies --article 9" \
           "threads --all" "search treaty commission" "quotes 5" "entities 5" "facts 5 --conflicts"; do
  # shellcheck disable=SC2086
  run env COLUMNS=80 "$S" --db "$DB" $cmd
  check "COLUMNS=80 $cmd: no line over 80 ($(widest "$OUT"))" test "$(widest "$OUT")" -le 80
done
run env COLUMNS=80 "$S" --db "$DB" stories
check "a long title is cut with an ellipsis" out_has "…$"
run env COLUMNS=120 "$S" --db "$DB" stories
check "COLUMNS=120: the whole title" out_has "Karsland and Belmora sign Tavel River treaty after two rounds of talks$"
run env COLUMNS=40 "$S" --db "$DB" stories
check "COLUMNS=40: still 80 columns" test "$(widest "$OUT")" -eq 80
LONG="$T/a-folder-with-a-rather-long-name-for-this-test/and-another-one-below-it"
mkdir -p "$LONG"
cp "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt" "$LONG/skerry-late-ferries.txt"
"$S" --db "$T/long.db" --quiet ingest "$LONG"
run env COLUMNS=80 "$S" --db "$T/long.db" show 1
check "a path too long is cut at its start, keeping its file name" \
  grep -q "^        ….*/skerry-late-ferries.txt$" "$OUT"
check "... within 80 columns" test "$(widest "$OUT")" -le 80
for c in "" ingest stories show article search copies export check compare dedup facts quotes \
         entities threads extract; do
  # shellcheck disable=SC2086
  run "$S" $c --help
  check "${c:-storyline} --help: no line over 80 ($(widest "$OUT"))" test "$(widest "$OUT")" -le 80
done

section "plurals and words"
: >"$T/all.txt"
for id in $(python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(open(sys.argv[1]))["stories"]))' "$T/stories.json"); do
  "$S" --db "$DB" show "$id" >>"$T/all.txt"
  "$S" --db "$DB" facts "$id" >>"$T/all.txt"
  "$S" --db "$DB" quotes "$id" >>"$T/all.txt"
done
"$S" --db "$DB" threads --all >>"$T/all.txt"
check "no \"1 articles\", \"1 stories\", \"1 sources\", \"1 outlets\", \"1 facts\"" sh -c \
  '! grep -E "(^|[^0-9])1 (articles|stories|sources|outlets|facts)\\b" "$1"' - "$T/all.txt"
check "a one-article story: \"1 article from 1 outlet\"" grep -q "1 article from 1 outlet" "$T/all.txt"
check "a one-story thread: \"1 story\"" grep -q ": 1 story," "$T/all.txt"
check "show counts outlets, not sources" sh -c 'grep -q "articles from [0-9]* outlets" "$1" &&
  ! grep -q "articles from [0-9]* sources" "$1"' - "$T/all.txt"
expect_exit 0 "$S" --db "$T/one.db" ingest "$EX/2026-04-02_harbour-herald_skerry-late-ferries.txt"
check "ingest: \"1 article from 1 file\"" err_has "ingested 1 article from 1 file read"
expect_exit 1 "$S" --db "$T/one.db" ingest "$T/no-such-1.txt" "$T/no-such-2.txt"
check "ingest of two unreadable files: 0 files read, 2 failed" err_has "ingested 0 articles from 0 files read in .*, 2 failed"

finish
