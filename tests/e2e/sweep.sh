# sweep.sh — what the hostile input sweep of 2026-12-05 (branch qa) found
# wrong in the command's use, each checked here: a store in a folder its
# reader may not write, options given without their value, a search of
# blanks, and the ingest summary's words for one of a kind (docs/testing.md,
# "Hostile input sweep").
NAME=sweep
# The store and its inputs are read by nobody below: readable by all, whatever
# the caller's umask (under 077 they would be 0600).
umask 022
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
cat >"$T/lanterns.txt" <<'EOF'
Lantern festival returns to Oakhollow square

The lantern festival returned to the square of Oakhollow on Saturday evening after a gap of three years, the organisers said.

About two thousand people walked the river path with paper lanterns, and the bakers of the town sold out of honey cakes by nine.
EOF
mkdir "$T/ro"
"$S" --db "$T/ro/news.db" --quiet ingest "$T/lanterns.txt"
# The owner's view from a copy: a reader leaves news.db-shm and -wal behind.
cp "$T/ro/news.db" "$T/owner.db"
"$S" --db "$T/owner.db" export --json >"$T/export.json"
"$S" --db "$T/owner.db" stories >"$T/stories.txt"
"$S" --db "$T/owner.db" show 1 >"$T/show.txt"
sed -e 's/Lantern festival/Harvest fair/' -e 's/lanterns/baskets/' "$T/lanterns.txt" >"$T/fair.txt"

section "a store in a folder the reader may not write"
# SQLite keeps a WAL store's index in news.db-shm, made by the first reader:
# where it cannot be made, every read failed with "attempt to write a
# readonly database". A command now reads the file without locks when there
# is no news.db-wal (and fails if it changes meanwhile: unit test
# web_unlocked_store); serve, which must see later commits, is refused. As
# root the folder's mode does not stop anyone, so the commands run as nobody.
chmod 555 "$T/ro"
AS=""
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null && AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
  chmod 755 "$T"
fi
if [ "$(id -u)" = 0 ] && [ -z "$AS" ]; then
  echo "  skip  a root run without setpriv cannot read as another user"
else
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" stories
  check "stories: the same listing as its owner's" cmp -s "$OUT" "$T/stories.txt"
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" export --json
  check "export --json: the same document as its owner's" cmp -s "$OUT" "$T/export.json"
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" search lanterns
  check "search finds the article" out_has "\[lanterns\]"
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" show 1
  check "show: the same story as its owner's" cmp -s "$OUT" "$T/show.txt"
  expect_exit 3 timeout 20 $AS "$S" --db "$T/ro/news.db" serve --port 0
  check "serve, which follows commits, is refused naming the store and its -shm" \
    err_has "ro/news.db: cannot follow the store's commits: its folder must be writable .*ro/news.db-shm"
  check "nothing was made in the folder (no -shm, no -wal)" test "$(ls "$T/ro")" = news.db
  expect_exit 3 $AS "$S" --db "$T/ro/news.db" ingest "$T/fair.txt"
  check "ingest, which must write, is refused naming the store" err_has "ro/news.db: .*readonly"
fi
chmod 755 "$T/ro"

section "an option given without its value"
for args in "search lanterns --limit" "stories --since" "copies --article" "timeline --thread" \
            "ingest $T/fair.txt --source" "ingest $T/fair.txt --timeout" "serve --port"; do
  opt=${args##* }
  expect_exit 2 "$S" --db "$T/owner.db" $args
  check "$args: says $opt needs a value" err_has "^storyline: $opt needs a value"
  check "$args: with the command's usage" err_has "^usage: storyline ${args%% *}"
done
check "the listing is unchanged (nothing was ingested)" sh -c "'$S' --db '$T/owner.db' stories | cmp -s - '$T/stories.txt'"
expect_exit 2 "$S" --db "$T/owner.db" stories --granularity
check "--granularity at the end: needs a number" err_has "^storyline: --granularity needs a number"
expect_exit 0 "$S" --db "$T/owner.db" --granularity=2 stories
check "--granularity=X is taken like --db=PATH" cmp -s "$OUT" "$T/stories.txt"
expect_exit 2 "$S" --db "$T/owner.db" --granularity=x stories
check "--granularity=x: wants a positive number" err_has '^storyline: --granularity wants a positive number, not "x"'
expect_exit 0 "$S" --db "$T/owner.db" search -- --limit
check "after --, --limit is a word to look for" err_has 'no article matches "--limit"'
expect_exit 2 "$S" --db "" stories
check "--db \"\": needs a path" err_has "^storyline: --db needs a path"
expect_exit 2 "$S" --db= stories
check "--db=: needs a path" err_has "^storyline: --db needs a path"

section "a search of blanks"
expect_exit 2 "$S" --db "$T/owner.db" search "   "
check "says there is no word to look for" err_has 'cannot search for "   ": no words to look for'
check "not SQLite's \"not an error\"" sh -c "! grep -q 'not an error' '$ERR'"
expect_exit 2 "$S" --db "$T/owner.db" search --json "  "
check "--json: the same message" err_has "no words to look for"

section "the ingest summary: one of a kind is singular"
printf 'Lantern festival returns to Oakhollow square\n\nThe lantern festival returned to the square of Oakhollow on Saturday evening after a gap of three years, the organisers said.\n\nAbout two thousand people walked the \377 river path with paper lanterns, and the bakers of the town sold out of honey cakes by nine.\n\nShare this article\n' >"$T/one.txt"
expect_exit 0 "$S" --db "$T/one.db" ingest "$T/one.txt"
check "1 chrome line removed" err_has "; 1 chrome line removed"
check "1 invalid UTF-8 byte replaced" err_has "; 1 invalid UTF-8 byte replaced"
printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n' >"$T/info.warc"
expect_exit 0 "$S" --db "$T/one.db" ingest "$T/info.warc"
check "1 non-HTML record skipped" err_has "; 1 non-HTML record skipped"
printf '{"text": "The ferry to the islands kept to its timetable on Monday, the operator said."}\n{"text": "The ferry to the islands kept to its timetable on Monday, the operator said."}\n{"text": 5}\n' >"$T/feed.jsonl"
expect_exit 1 "$S" dedup "$T/feed.jsonl"
check "dedup: 1 copy tagged, 1 error" err_has "^dedup: 3 lines, 1 copy tagged, 1 error$"

section "a folder given where a page is wanted"
expect_exit 1 "$S" extract "$T/ro"
check "extract names the folder once, with the reason" err_has "^storyline: $T/ro: Is a directory$"

section "summarize: a text with invalid UTF-8 still gives valid JSON"
printf 'Lantern festival returns to Oakhollow square\n\nThe lantern festival returned to the square of Oakhollow on Saturday \300\257 evening after a gap of three years, the organisers said.\n\nAbout two thousand people walked the \355\240\200 river path with paper lanterns.\n' >"$T/bytes.txt"
expect_exit 0 "$S" summarize --json "$T/bytes.txt"
check "the document is valid UTF-8 JSON" python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' "$OUT"
check "each invalid byte is a # in the sentence (offsets kept)" py "$OUT" '
s = d["sentences"][0]
assert "Saturday ## evening" in s["text"] and s["end"] - s["start"] == len(s["text"].encode()), s'
printf 'Lantern festival returns to Oakhollow square\n\nThe lantern festival returned to the square of Oakhollow on Saturday \377 Crowds walked the river path after a gap of three years, the organisers said.\n\nAbout two thousand people walked the river path with paper lanterns.\n' >"$T/split.txt"
expect_exit 0 "$S" summarize --json "$T/split.txt"
check "an invalid byte ends no sentence (a ? before a capital did)" py "$OUT" '
assert any("Saturday # Crowds walked" in s["text"] for s in d["sentences"]), d["sentences"]'
expect_exit 0 "$S" summarize "$T/bytes.txt"
check "the human output too" sh -c "iconv -f UTF-8 -t UTF-8 '$OUT' >/dev/null"

finish
