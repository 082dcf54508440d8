# cli.sh — the storyline command end to end: help, version, exit statuses,
# global options anywhere, and every command on a store built from the
# fixture corpus (tests/fixtures/e2e/corpus, invented articles).
NAME=cli
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
DB="$T/store.db"
CORPUS="$FIX/corpus"
COMMANDS="ingest stories show article search copies export check"

section "help and version"
expect_exit 0 "$S" --help
check "--help lists every command" sh -c 'for c in '"$COMMANDS"'; do grep -q "^  $c " "$1" || exit 1; done' - "$OUT"
expect_exit 0 "$S" help
check "help alone prints the usage" out_has "^usage: storyline"
for c in $COMMANDS; do
  expect_exit 0 "$S" help "$c"
  check "help $c prints its usage" out_has "^usage: storyline .*$c"
  expect_exit 0 "$S" "$c" --help
  check "$c --help prints its usage" out_has "^usage: storyline .*$c"
done
mkdir "$T/cwd"
expect_exit 0 sh -c 'cd "$1" && exec "$2" --version' - "$T/cwd" "$S"
check "--version prints the version" out_has '^storyline [0-9][0-9]*\.[0-9][0-9]*\.[0-9]'
expect_exit 0 sh -c 'cd "$1" && exec "$2" help stories' - "$T/cwd" "$S"
check "--version and help create no store in the current folder" test -z "$(ls -A "$T/cwd")"
expect_exit 2 "$S"
check "no command: usage on stderr" err_has "usage: storyline"
expect_exit 2 "$S" frobnicate
check "unknown command is named" err_has "frobnicate"
expect_exit 2 "$S" --db
expect_exit 2 "$S" help frobnicate
check "help on an unknown command names it" err_has "frobnicate"

section "a store that does not exist"
MISSING="$T/missing.db"
for cmd in "stories" "show 1" "article 1" "search bridge" "copies" "export --json" "stories --json"; do
  # shellcheck disable=SC2086
  expect_exit 3 "$S" --db "$MISSING" $cmd
  check "$cmd on a missing store names it" err_has "missing.db"
  check "$cmd on a missing store says it cannot be opened" \
    sh -c 'grep -Eqi "no such|does not exist|not found|unable to open|cannot open|no store" "$1"' - "$ERR"
  check "$cmd on a missing store did not create it" test ! -e "$MISSING"
done
check "no -wal/-shm/-journal left behind" sh -c '! ls "$1"-* >/dev/null 2>&1' - "$MISSING"

section "ingest the fixture corpus"
expect_exit 0 "$S" --db "$DB" ingest "$CORPUS"
check "the store file exists" test -s "$DB"
check "summary says 5 new" err_has "5 new"
check "summary counts the removed chrome" err_has "chrome lines removed"

section "stories; global options before and after the command"
expect_exit 0 "$S" --db "$DB" stories
cp "$OUT" "$T/stories.before"
expect_exit 0 "$S" stories --db "$DB"
check "--db after the command gives the same listing" cmp -s "$OUT" "$T/stories.before"
expect_exit 0 "$S" stories --db="$DB"
check "--db=PATH gives the same listing" cmp -s "$OUT" "$T/stories.before"
for title in "Vellmarsh closes Orvane footbridge" "Denholm Kettle glassworks staff vote" \
             "Quillfeather owls return to Brackenfold" "Tamsby harvest fair draws record crowd"; do
  check "stories lists \"$title\"" grep -q "$title" "$T/stories.before"
done
check "stories has a header line" sh -c 'head -n 1 "$1" | grep -q "story"' - "$T/stories.before"
expect_exit 0 "$S" --db "$DB" stories --json
cp "$OUT" "$T/stories.json"
check "stories --json is valid JSON" is_json "$T/stories.json"
check "stories --json: json_version 1, stories cover the 5 articles once each" py "$T/stories.json" '
assert d["json_version"] == 1
ids = [a for s in d["stories"] for a in s["articles"]]
assert sorted(ids) == [1, 2, 3, 4, 5], ids
assert sum(s["size"] for s in d["stories"]) == 5
for s in d["stories"]:
    assert isinstance(s["id"], int) and s["title"]'
expect_exit 0 "$S" --json stories --db "$DB"
check "--json before the command gives the same JSON" cmp -s "$OUT" "$T/stories.json"
expect_exit 0 "$S" --db "$DB" --quiet stories --since 2026-06-05
check "stories --since keeps the dated fair story" out_has "Tamsby harvest fair"
expect_exit 2 "$S" --db "$DB" stories --bogus
expect_exit 2 "$S" --db "$DB" stories extra-argument

section "export --json"
expect_exit 0 "$S" --db "$DB" export --json
cp "$OUT" "$T/export.json"
check "export --json is valid JSON" is_json "$T/export.json"
check "export has json_version 1 and articles/stories/copies" py "$T/export.json" '
assert d["json_version"] == 1
for k in ("articles", "stories", "copies"):
    assert isinstance(d[k], list), k
assert len(d["articles"]) == 5, len(d["articles"])'
check "every exported article has path, text, removed, sentences, story" py "$T/export.json" '
for a in d["articles"]:
    assert a["path"] and a["path"].startswith(sys.argv[2]), a["path"]
    assert isinstance(a["text"], str) and a["text"].strip(), a["id"]
    assert isinstance(a["removed"], list) and isinstance(a["sentences"], list)
    assert a["sentences"] and a["story"], a["id"]' "$CORPUS"
expect_exit 0 "$S" export --json --db "$DB"
check "export with the options after it is the same document" cmp -s "$OUT" "$T/export.json"
expect_exit 2 "$S" --db "$DB" export
check "export without --json says why" err_has "json"
expect_exit 2 "$S" --db "$DB" export --json extra

# Ids by file name, from the export.
id_of() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print([a["id"] for a in d["articles"] if a["path"].endswith(sys.argv[2])][0])' "$T/export.json" "$1"
}
story_of() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print([a["story"] for a in d["articles"] if a["id"] == int(sys.argv[2])][0])' "$T/export.json" "$1"
}
A_CLOSED=$(id_of footbridge-closed.txt)
A_FERRY=$(id_of footbridge-ferry.txt)
A_STRIKE=$(id_of glassworks-strike.txt)
A_OWLS=$(id_of quillfeather-owls.txt)
A_FAIR=$(id_of harvest-fair.html)
S_BRIDGE=$(story_of "$A_CLOSED")
check "the two footbridge articles are one story" test "$(story_of "$A_FERRY")" = "$S_BRIDGE"
check "the strike is not in the footbridge story" test "$(story_of "$A_STRIKE")" != "$S_BRIDGE"
check "the owls are not in the footbridge story" test "$(story_of "$A_OWLS")" != "$S_BRIDGE"

section "show"
expect_exit 0 "$S" --db "$DB" show "$S_BRIDGE"
check "show names the story and both articles" sh -c 'grep -q "^story '"$S_BRIDGE"':" "$1" &&
  grep -q "Vellmarsh closes Orvane footbridge" "$1" && grep -q "Shuttle ferry replaces" "$1"' - "$OUT"
check "show lists the removed chrome with reasons" sh -c 'grep -q "removed line .*Share this article" "$1" &&
  grep -q "removed line .*(no words).*14 2 230" "$1"' - "$OUT"
check "show gives each article's path" out_has "footbridge-closed.txt"
expect_exit 0 "$S" --db "$DB" show "$S_BRIDGE" --json
cp "$OUT" "$T/show.json"
check "show --json is valid JSON" is_json "$T/show.json"
check "show --json: the story, its 2 articles, their removed lines" py "$T/show.json" '
s = d["story"]
assert s["id"] == int(sys.argv[2]) and s["size"] == 2
assert sorted(a["id"] for a in s["articles"]) == sorted([int(sys.argv[3]), int(sys.argv[4])])
removed = [r["text"] for a in s["articles"] for r in a["removed"]]
assert "Share this article" in removed and "14 2 230" in removed, removed' "$S_BRIDGE" "$A_CLOSED" "$A_FERRY"
expect_exit 0 "$S" --json --db "$DB" show "$S_BRIDGE"
check "--json before show gives the same JSON" cmp -s "$OUT" "$T/show.json"
expect_exit 2 "$S" --db "$DB" show abc
check "show abc: usage on stderr" err_has "usage: storyline show"
expect_exit 2 "$S" --db "$DB" show
expect_exit 2 "$S" --db "$DB" show 0
expect_exit 2 "$S" --db "$DB" show -- -3
expect_exit 2 "$S" --db "$DB" show 1 2
expect_exit 1 "$S" --db "$DB" show 9999
check "show 9999 names the story" sh -c 'grep -q "story" "$1" && grep -q "9999" "$1"' - "$ERR"

section "article"
expect_exit 0 "$S" --db "$DB" article "$A_CLOSED"
check "article prints the title" out_has "^title: *Vellmarsh closes Orvane footbridge after inspectors find cracks"
check "article prints the clean text" out_has "Repairs are expected to take at least eleven weeks"
check "article prints the path" out_has "^path: .*footbridge-closed.txt"
check "article text has no chrome" sh -c '! grep -q -e "Share this article" -e "Leave a comment" -e "^14 2 230" "$1"' - "$OUT"
check "article without --removed lists no removed lines" out_lacks "^removed ("
expect_exit 0 "$S" --db "$DB" article "$A_CLOSED" --removed
check "article --removed shows \"Share this article\"" out_has "line [0-9]* (.*): Share this article"
check "article --removed shows \"Leave a comment\"" out_has "line [0-9]* (.*): Leave a comment"
check "article --removed shows the counter line 14 2 230" out_has "line 17 (.*): 14 2 230"
check "article --removed shows \"Skip to content\" on line 1" out_has "line 1 (.*): Skip to content"
check "article --removed keeps the body out of the list" sh -c '! grep -q "line [0-9]* (.*): Repairs are expected" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" --removed article "$A_CLOSED"
expect_exit 0 "$S" --db "$DB" article --removed "$A_CLOSED"
check "--removed before the id works too" out_has "Share this article"
expect_exit 0 "$S" --db "$DB" article "$A_CLOSED" --json
cp "$OUT" "$T/article.json"
check "article --json is valid JSON" is_json "$T/article.json"
check "article --json: title, text, removed, sentences, version 1" py "$T/article.json" '
a = d["article"]
assert d["json_version"] == 1
assert a["title"] == "Vellmarsh closes Orvane footbridge after inspectors find cracks", a["title"]
assert "Share this article" not in a["text"] and "eleven weeks" in a["text"]
assert {"Share this article", "Leave a comment", "14 2 230"} <= {r["text"] for r in a["removed"]}
assert a["version"] == 1 and len(a["sentences"]) >= 4
for s, e in a["sentences"]:
    assert 0 <= s < e <= len(a["text"].encode())'
expect_exit 0 "$S" --db "$DB" article "$A_FAIR"
check "the HTML article has its og:title and date" sh -c 'grep -q "^title: *Tamsby harvest fair draws record crowd" "$1" &&
  grep -q "^published: *2026-06-05" "$1"' - "$OUT"
check "the HTML article has no navigation or footer" sh -c '! grep -q -e "All rights reserved" -e "^Home" "$1"' - "$OUT"
expect_exit 1 "$S" --db "$DB" article 9999
check "article 9999 names the article" sh -c 'grep -q "article" "$1" && grep -q "9999" "$1"' - "$ERR"
expect_exit 1 "$S" --db "$DB" article 9999 --json
check "article 9999 --json prints nothing on stdout" test ! -s "$OUT"
expect_exit 2 "$S" --db "$DB" article
expect_exit 2 "$S" --db "$DB" article abc
expect_exit 2 "$S" --db "$DB" article 1 --bogus

section "search"
expect_exit 0 "$S" --db "$DB" search quillfeather
check "search finds the owls and the ferry article" sh -c 'grep -q "^\['"$A_OWLS"'\]" "$1" && grep -q "^\['"$A_FERRY"'\]" "$1"' - "$OUT"
check "search ranks the title match first" sh -c 'grep "^\[" "$1" | head -n 1 | grep -q "^\['"$A_OWLS"'\]"' - "$OUT"
check "search marks the match in the snippet" out_has "\[quillfeather\]"
expect_exit 0 "$S" --db "$DB" search glassworks
check "search glassworks finds only the strike" sh -c 'test "$(grep -c "^\[" "$1")" -eq 1 && grep -q "^\['"$A_STRIKE"'\]" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" search Orvane footbridge
check "two words are ANDed: both footbridge articles" sh -c 'test "$(grep -c "^\[" "$1")" -eq 2' - "$OUT"
expect_exit 0 "$S" --db "$DB" search --json quillfeather
cp "$OUT" "$T/search.json"
check "search --json is valid JSON" is_json "$T/search.json"
check "search --json: 2 hits, the owls first" py "$T/search.json" '
h = d["hits"]
assert len(h) == 2, h
assert h[0]["article"] == int(sys.argv[2]), h
assert h[0]["rank"] <= h[1]["rank"]' "$A_OWLS"
expect_exit 0 "$S" --db "$DB" search quillfeather --limit 1
check "search --limit 1 gives one hit" sh -c 'test "$(grep -c "^\[" "$1")" -eq 1' - "$OUT"
expect_exit 0 "$S" --db "$DB" search zyxwvutsrq
check "no match: nothing on stdout, a note on stderr" sh -c 'test ! -s "$1" && grep -q "no article matches" "$2"' - "$OUT" "$ERR"
expect_exit 2 "$S" --db "$DB" search
expect_exit 2 "$S" --db "$DB" search owls --limit 0
run "$S" --db "$DB" search '"unbalanced'
check "a malformed FTS query is refused cleanly (exit 1 or 2, message)" sh -c 'test '"$RC"' -eq 1 -o '"$RC"' -eq 2 && grep -q "storyline:" "$1"' - "$ERR"

expect_exit 0 "$S" --db "$DB" search owls OR strike
check "OR: the owls, the strike and the ferry article" sh -c 'test "$(grep -c "^\[" "$1")" -eq 3 && grep -q "^\['"$A_STRIKE"'\]" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" search '"quillfeather owls"'
check "a phrase: both articles that say it" sh -c 'test "$(grep -c "^\[" "$1")" -eq 2' - "$OUT"
expect_exit 0 "$S" --db "$DB" search '"owls return"'
check "a phrase only the title has: one hit" sh -c 'test "$(grep -c "^\[" "$1")" -eq 1 && grep -q "^\['"$A_OWLS"'\]" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$DB" search 'quill*'
check "a prefix: both articles" sh -c 'test "$(grep -c "^\[" "$1")" -eq 2' - "$OUT"
expect_exit 0 "$S" --db "$DB" search 'ÓWLS'
check "case and diacritics are folded" sh -c 'grep "^\[" "$1" | head -n 1 | grep -q "^\['"$A_OWLS"'\]"' - "$OUT"
for q in "(" "cease-fire" "owls)" "C++" "%" "'"; do
  expect_exit 0 "$S" --db "$DB" search "$q"
done

section "copies and check"
expect_exit 0 "$S" --db "$DB" copies
check "copies prints its header" out_has "article.*of.*kind"
expect_exit 0 "$S" --db "$DB" copies --json
check "copies --json is valid JSON with a copies list" py "$OUT" 'assert d["copies"] == []'
expect_exit 2 "$S" --db "$DB" copies --article abc
expect_exit 0 "$S" --db "$DB" check
check "check prints ok" out_has "^ok$"
expect_exit 2 "$S" --db "$DB" check extra

section "output that cannot be written"
if [ -w /dev/full ]; then
  expect_exit 3 sh -c 'exec "$1" --db "$2" export --json >/dev/full' - "$S" "$DB"
  check "a full disk on export is reported" err_has "storyline: .*write"
  expect_exit 3 sh -c 'exec "$1" --db "$2" stories >/dev/full' - "$S" "$DB"
  check "a full disk on stories is reported" err_has "storyline: .*write"
  # Text enough that the writers' lines overflow stdout's buffer before main's flush.
  i=0; : >"$T/dates.txt"
  while [ $i -lt 300 ]; do echo "On Tuesday, March 5, 2024, 40 people met." >>"$T/dates.txt"; i=$((i + 1)); done
  for args in "timex --json" "facts --text"; do
    expect_exit 3 sh -c 'exec "$1" $2 "$3" >/dev/full' - "$S" "$args" "$T/dates.txt"
    check "a full disk on $args: cannot write output, as every JSON writer (it was exit 1)" \
      err_has "^storyline: cannot write output$"
  done
  for args in "--version" "--help" "help show"; do
    expect_exit 3 sh -c 'exec "$1" $2 >/dev/full' - "$S" "$args"
    check "a full disk on $args is reported (it was exit 0, silent)" err_has "^storyline: cannot write output$"
  done
fi

section "files that are not stores"
printf 'Just some notes, not a store.\n' >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
expect_exit 3 "$S" --db "$T/notes.txt" stories
check "a text file is not a storyline store" err_has "notes.txt"
expect_exit 3 "$S" --db "$T/notes.txt" ingest "$CORPUS"
check "ingest refuses it too" err_has "notes.txt"
check "the text file is untouched" cmp -s "$T/notes.txt" "$T/notes.orig"
expect_exit 3 "$S" --db "$T" stories
if python3 -c 'import sqlite3' 2>/dev/null; then
  # Another program's SQLite database (user_version 0, tables of its own).
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE bookmarks(url TEXT)")
c.execute("INSERT INTO bookmarks VALUES (?)", ("https://example.org/",))
c.commit()' "$T/other.db"
  cp "$T/other.db" "$T/other.orig"
  expect_exit 3 "$S" --db "$T/other.db" stories
  check "another program's database is not a store" err_has "not a storyline store"
  expect_exit 3 "$S" --db "$T/other.db" ingest "$CORPUS"
  check "another program's database is left untouched" cmp -s "$T/other.db" "$T/other.orig"
  # A store from a newer storyline (schema version 99).
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE articles(id INTEGER PRIMARY KEY)")
c.execute("PRAGMA user_version = 99")
c.commit()' "$T/newer.db"
  cp "$T/newer.db" "$T/newer.orig"
  expect_exit 3 "$S" --db "$T/newer.db" stories
  check "a newer store is refused by listing commands, saying why" err_has "newer"
  expect_exit 3 "$S" --db "$T/newer.db" ingest "$CORPUS"
  check "a newer store is refused by ingest, saying why" err_has "newer"
  check "the newer store is left untouched" cmp -s "$T/newer.db" "$T/newer.orig"
fi

section "usage errors of ingest"
expect_exit 2 "$S" --db "$DB" ingest
expect_exit 2 "$S" --db "$DB" ingest --bogus "$CORPUS"
check "the unknown option is named" err_has "bogus"

finish
