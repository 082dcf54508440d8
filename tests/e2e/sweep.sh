# sweep.sh — what the hostile input sweeps of 2026-12-05 (branches qa, qa2
# and qa3) found wrong in the command's use, each checked here: a store in a
# folder its reader may not write (read, and checked), options given without
# their value or after "--", a search of blanks, the ingest summary's and
# progress line's words for one of a kind, compare's sentences and size
# limit, a pipe given to ingest, a bad --bind, a 1 MB title; compare's
# scores, facts --text's options, the JSON documents' header and a file
# name that is not UTF-8, --help, the 256 MB cap (docs/testing.md,
# "Hostile input sweep" and its second, third and fourth rounds); the fourth
# (tidy27): usage errors before the store, compare's one similarity, facts
# --text's input; help with a word after its command (fix27); qa4: an
# ingest of nothing readable makes no store, search refuses an unknown
# option, facts --text says a failed write once, a broken gzip member of a
# WARC file is named, an unknown option is said one way; fix28: a gzip file
# that fails to decompress is counted among the files read; qa5: every
# command reading a text file undoes gzip and refuses binary data, WARC on
# standard input is refused, stories --since takes real days only, a full
# disk is said one way, check on a damaged older store reports the damage;
# read29: extract refuses WARC on standard input as ingest does, compare
# --pairs a gzip file as dedup does; qa6: a cut .jsonl.gz keeps its whole
# lines (a file or standard input alike), a NUL byte is a JSONL line's
# fault, a UTF-16 page is decoded for the prose commands, a failed
# migration names the store, the cap is said one way.
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
  expect_exit 3 $AS "$S" --db "$T/ro/new.db" ingest "$T/fair.txt"
  check "a new store in that folder: SQLite's words and the reason (qa6: no reason)" \
    err_has "ro/new.db: unable to open database file (Permission denied)$"
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" check
  check "check: ok, read-only (qa2: it opened the store for writing)" out_has "^ok$"
  check "check says the search index's own check was left out" err_has "ro/news.db: read-only .*search index's own check"
  expect_exit 0 $AS "$S" --db "$T/ro/news.db" --quiet --json check
  check "check --quiet --json: the JSON says the search index was not checked" \
    out_has '"search_index_checked": false'
  check "check --quiet: the note that it was left out stays (--quiet hid it)" \
    err_has "ro/news.db: read-only .*search index's own check"
  check "nothing was made in the folder by check" test "$(ls "$T/ro")" = news.db
fi
chmod 755 "$T/ro"
# A damaged store is found read-only too: a story's article count made wrong.
mkdir "$T/ro2"
cp "$T/ro/news.db" "$T/ro2/news.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE stories SET n_articles = 7"); c.commit()' "$T/ro2/news.db"
chmod 555 "$T/ro2"
if [ -n "$AS" ] || [ "$(id -u)" != 0 ]; then
  expect_exit 3 $AS "$S" --db "$T/ro2/news.db" check
  check "check read-only finds the wrong count" err_has "stories whose article count is wrong"
fi
chmod 755 "$T/ro2"
# Whether check may write is found by opening to write, not by access():
# a store reached through a link in a folder that may not be written, and a
# store whose -wal and -shm may be written in such a folder, are writable.
if [ -n "$AS" ] || [ "$(id -u)" != 0 ]; then
  mkdir "$T/rw" "$T/lnk"
  cp "$T/owner.db" "$T/rw/news.db"
  ln -s "$T/rw/news.db" "$T/lnk/news.db"
  [ -n "$AS" ] && chown -R 65534 "$T/rw"
  chmod 555 "$T/lnk"
  expect_exit 0 $AS "$S" --db "$T/lnk/news.db" --json check
  check "check through a link in an unwritable folder: the index checked too" \
    out_has '"search_index_checked": true'
  chmod 755 "$T/lnk"
fi

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

section "compare: the evidence sentences as normalised, the size limit said (qa2)"
printf 'Caf\303\251 owners in Brookvale raised prices \377 on Monday.\n\nThe \357\254\201rst ferry left at nine, the harbour master said.\n\nPassengers waited in the rain for two hours.\n' >"$T/ca.txt"
printf 'Caf\303\251 owners in Brookvale raised prices on Monday.\n\nThe first ferry left at nine, the harbour master said.\n\nPassengers waited in the rain for two hours.\n' >"$T/cb.txt"
expect_exit 0 "$S" compare "$T/ca.txt" "$T/cb.txt"
check "a sentence after an invalid byte and a ligature is shown whole (it was shifted)" \
  out_has "^  A: The first ferry left at nine, the harbour master said.$"
check "the output is valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$OUT' >/dev/null"
truncate -s 65M "$T/huge.txt"
expect_exit 2 "$S" compare "$T/huge.txt" "$T/cb.txt"
check "a file over 64 MB is refused by name and limit (it was cut silently)" \
  err_has "^storyline: $T/huge.txt: larger than the 64 MB cap$"

section "arguments after -- are not options (qa2)"
cp "$T/fair.txt" "$T/-fair.txt"
expect_exit 0 sh -c "cd '$T' && '$S' --db dash.db ingest -- -fair.txt"
check "ingest -- -fair.txt stores the file" err_has "^ingested 1 article from 1 file"
expect_exit 0 "$S" --db "$T/owner.db" search -- --limit 5
check "search -- --limit 5 looks for the words (it took --limit 5 as the option)" err_has 'no article matches "--limit 5"'
expect_exit 2 sh -c "cd '$T' && '$S' --db dash.db ingest --source -- -fair.txt"
check "ingest --source -- F: --source has no value (it took F for the source)" err_has "^storyline: --source needs a value"
expect_exit 2 "$S" --db "$T/owner.db" search --limit -- 5
check "search --limit -- 5: --limit has no value" err_has "^storyline: --limit needs a value"
expect_exit 2 sh -c "cd '$T' && '$S' --db -- stories"
check "--db --: no path (it opened a store named --)" err_has "^storyline: --db needs a path"
check "no store named -- was made" test ! -e "$T/--"

section "ingest reads a pipe as it reads standard input (qa2)"
mkfifo "$T/pipe"
# the writer gives up after 20 s: a command that never opens the pipe does not hang the script
timeout 20 sh -c 'cat "$1" >"$2"' - "$T/fair.txt" "$T/pipe" &
expect_exit 0 "$S" --db "$T/pipe.db" ingest "$T/pipe"
wait
check "the pipe's article is stored (it was \"not a regular file\")" err_has "^ingested 1 article from 1 file"
expect_exit 0 "$S" --db "$T/pipe.db" search baskets
check "and found by search" out_has "\[1\]"
mkfifo "$T/page-pipe"
timeout 20 sh -c 'printf "<html><head><title>Harvest fair in Oakhollow</title></head><body><p>%s</p></body></html>" "$(cat "$1")" >"$2"' - "$T/fair.txt" "$T/page-pipe" &
expect_exit 0 timeout 30 "$S" extract --json "$T/page-pipe"
wait
check "extract of a pipe keeps the page's first bytes (a peek at them lost them)" \
  py "$OUT" 'assert d["title"] == "Harvest fair in Oakhollow", d["title"]'

# One rule for ingest and extract: what is neither a file nor a folder is
# read once as a stream. ingest took only a pipe so, and refused a
# character device as "not a regular file".
expect_exit 1 "$S" --db "$T/pipe.db" ingest /dev/null
check "ingest reads a character device as a stream (here an empty one)" err_has "/dev/null: empty input$"

section "the progress line: one article, and the MB read so far (qa2)"
python3 -c '
import json
print(json.dumps({"text": "The ferry to the islands kept to its timetable on Monday, the operator said."}))
print(json.dumps({"text": "The lantern festival returned to the square of Oakhollow. " * 40000}))' >"$T/two.jsonl"
expect_exit 0 script -qc "'$S' --db '$T/progress.db' ingest '$T/two.jsonl'" "$T/typescript"
check "the first line says 1 article and 0.0 MB (it said 1 articles and the whole file's 2.2 MB)" \
  grep -q "ingest: 1 article, 0.0 MB" "$T/typescript"

section "serve: a bad --bind is a usage error (qa2)"
expect_exit 2 "$S" --db "$T/owner.db" serve --bind 999.1.1.1 --port 0
check "named, with the usage" err_has '^storyline: --bind wants an IP address, not "999.1.1.1"'
check "with the command's usage" err_has "^usage: storyline serve"

section "a 1 MB title is capped at 1,000 bytes (qa2)"
python3 -c '
import sys
title = "Lanterns " * 120000
sys.stdout.write("<html><head><title>%s</title></head><body><article><p>The lantern festival returned to the square of Oakhollow on Saturday evening after a gap of three years, the organisers said.</p><p>About two thousand people walked the river path with paper lanterns.</p></article></body></html>" % title)' >"$T/title.html"
expect_exit 0 "$S" --db "$T/title.db" ingest "$T/title.html"
# (into files: a failing check shows $OUT, which would be the 1 MB title)
"$S" --db "$T/title.db" export --json >"$T/title.json"
"$S" extract --json "$T/title.html" >"$T/page.json"
check "the stored title and the story's: 1,000 bytes at most, ending with an ellipsis" py "$T/title.json" '
for t in [d["articles"][0]["title"], d["stories"][0]["title"]]:
    assert len(t.encode()) <= 1000 and t.endswith("\u2026") and t.startswith("Lanterns Lanterns"), len(t)'
check "extract --json: the same cap" py "$T/page.json" '
assert len(d["title"].encode()) <= 1000 and d["title"].endswith("\u2026"), len(d["title"])'

section "what a new user gets wrong (qa2)"
expect_exit 3 "$S" --db "$T" stories
check "--db naming a folder says so (it was SQLite's \"disk I/O error\")" \
  err_has "^storyline: $T: a folder, not a store$"
expect_exit 1 "$S" --db "$T/urls.db" ingest --urls "$T/no-such-list.txt"
check "an unreadable URL list says why" err_has "no-such-list.txt: cannot read the URL list: No such file or directory$"
# The unreadable list stopped the reading of the arguments: the inputs after
# it were left out, and the exit said only "partial".
expect_exit 1 "$S" --db "$T/urls2.db" ingest --urls "$T/no-such-list.txt" "$T/fair.txt"
check "  ... and the inputs after it are ingested all the same" err_has "^ingested 1 article from 1 file "
expect_exit 2 "$S" --db "$T/urls.db" ingest --date 2024-13-45 "$T/fair.txt"
check "a bad --date is a usage error without an ingest summary after it" sh -c "! grep -q '^ingested' '$ERR'"
check "  ... and names the date" err_has 'ISO-8601 date (YYYY-MM-DD), not "2024-13-45"'

section "compare: the scores agree with each other and with what they mean (qa3)"
printf 'Passengers waited in the rain for two hours before boarding.\n' >"$T/same-a.txt"
cp "$T/same-a.txt" "$T/same-b.txt"
expect_exit 0 "$S" compare "$T/same-a.txt" "$T/same-b.txt"
check "the evidence pair shows the best similarity as the header does (0.944, and 0.94 below it)" sh -c '
best=$(sed -n "s/^best sentence similarity: //p" "$1"); pair=$(sed -n "s/^\[1\] //p" "$1")
[ -n "$best" ] && [ "$best" = "$pair" ]' - "$OUT"
expect_exit 0 "$S" compare --help
check "--help says what the score and a similarity mean (identical sentences: not 1)" \
  out_has "identical sentences, not 1"

section "facts --text takes files only (qa3)"
expect_exit 2 "$S" facts --text "$T/lanterns.txt" --conflicts
check "--conflicts after --text is refused (it was read as a file)" err_has "^storyline: --text reads files: --conflicts is for a story's facts"
expect_exit 2 "$S" facts --text "$T/lanterns.txt" --bogus
check "an unknown option after --text is named" err_has "^storyline: unknown option --bogus"
expect_exit 2 "$S" --db "$T/owner.db" facts 1 --published 2024-05-01
check "--published without --text is refused (it was ignored)" err_has "^storyline: --published is for --text"
expect_exit 0 "$S" facts --text "$T/lanterns.txt" --published 2024-05-01
check "the file is still read, --published after it" out_has "\"entities\""

section "every --json output opens with storyline and json_version (qa3)"
expect_exit 0 "$S" summarize --json "$T/lanterns.txt" "$T/fair.txt"
check "summarize --json: the header, indented as the other documents" sh -c '
head -1 "$1" | grep -qx "{" && python3 -c "import json, sys; d = json.load(open(sys.argv[1])); assert list(d)[:3] == [\"storyline\", \"json_version\", \"sentences\"], list(d)" "$1"' - "$OUT"
expect_exit 0 "$S" --db "$T/owner.db" --json summary 1
check "summary N --json: the header" py "$OUT" 'assert list(d)[:3] == ["storyline", "json_version", "sentences"], list(d)'
expect_exit 0 "$S" --db "$T/owner.db" --json timeline 1
check "timeline N --json: the header" py "$OUT" 'assert list(d)[:3] == ["storyline", "json_version", "events"], list(d)'
printf 'The fair opened on Tuesday and ran for three days.\n' >"$T/days.txt"
expect_exit 0 "$S" timex --json --published 2024-05-01 "$T/days.txt" "$T/lanterns.txt"
check "timex --json: each line with the header and the file it is from" python3 -c '
import json, sys
xs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert xs and all(list(x)[:3] == ["storyline", "json_version", "input"] for x in xs), xs
assert {x["input"] for x in xs} == {sys.argv[2], sys.argv[3]}, xs' "$OUT" "$T/days.txt" "$T/lanterns.txt"
expect_exit 0 "$S" extract --json "$T/lanterns.txt"
check "extract --json: the header, then the input" py "$OUT" 'assert list(d)[:3] == ["storyline", "json_version", "input"], list(d)'
expect_exit 0 "$S" compare --json "$T/same-a.txt" "$T/same-b.txt"
check "compare --json: the header" py "$OUT" 'assert list(d)[:3] == ["storyline", "json_version", "id"], list(d)'
printf '{"id": 4, "a": "The fair opened.", "b": "The fair opened."}\n' >"$T/pairs.jsonl"
expect_exit 0 "$S" compare --pairs "$T/pairs.jsonl"
check "compare --pairs: each line with the header, then its id" py "$OUT" '
assert list(d)[:3] == ["storyline", "json_version", "id"] and d["id"] == 4, d'

section "a file name that is not UTF-8 still gives valid JSON (qa3)"
BAD=$(printf '%s/fair-\377.txt' "$T")
cp "$T/fair.txt" "$BAD"
utf8_json='import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))'
expect_exit 0 "$S" extract --json "$BAD"
check "extract --json: the name's bad byte is U+FFFD (it was written raw)" python3 -c "$utf8_json" "$OUT"
expect_exit 0 "$S" --db "$T/bad-name.db" --quiet ingest "$BAD"
expect_exit 0 "$S" --db "$T/bad-name.db" export --json
check "export --json: the article's path is valid UTF-8" python3 -c "$utf8_json" "$OUT"
cp "$T/bad-name.db" "$(printf '%s/store-\377.db' "$T")"
expect_exit 0 "$S" --db "$(printf '%s/store-\377.db' "$T")" check --json
check "check --json of a store so named (it was \"cannot write output\", exit 3)" python3 -c "$utf8_json" "$OUT"

section "--help: one column for the summaries, 80 columns, [--json] where it is taken (qa3)"
expect_exit 0 "$S" --help
check "every command's summary starts in one column, two spaces at least after the name" python3 -c '
import re, sys
rows = [l for l in open(sys.argv[1]) if re.match(r"  [a-z]+  +\S", l)]
cols = {re.match(r"  [a-z]+ +", l).end() for l in rows}
assert len(rows) == 20 and len(cols) == 1, (len(rows), cols)' "$OUT"
for c in "" ingest stories show article search copies export check compare dedup facts quotes \
         entities threads extract timex summarize summary timeline serve; do
  # shellcheck disable=SC2086
  "$S" $c --help >"$T/help.txt"
  check "${c:-storyline} --help: no line over 80 columns" sh -c '! awk "length > 80" "$1" | grep -q .' - "$T/help.txt"
done
for c in compare timex summarize summary timeline; do
  "$S" $c --help >"$T/help.txt"
  check "$c --help: its usage shows --json" grep -q "^ *\(usage: \)\?storyline $c .*--json" "$T/help.txt"
done
expect_exit 0 "$S" help show
check "help COMMAND: the command's usage" out_has "^usage: storyline show "
expect_exit 2 "$S" help show extra
check "help with a word after its command: a usage error, its usage line (extra was ignored)" \
  sh -c 'grep -q "^storyline: help wants one command, not 2$" "$1" &&
         grep -q "^usage: storyline help \[COMMAND\]$" "$1" && [ ! -s "$2" ]' - "$ERR" "$OUT"
printf 'The fair opened at 7:15 a.m. on Tuesday and ran for an hour.\n' >"$T/clock.txt"
expect_exit 0 "$S" timex --published 2024-05-01 "$T/clock.txt"
check "timex: the texts start in one column (a long value pushed its text)" python3 -c '
import re, sys
starts = {re.match(r" *[0-9]+ +[0-9]+  [A-Z]+ +[^ ]+ +", l).end() for l in open(sys.argv[1])}
assert len(starts) == 1, starts' "$OUT"
expect_exit 2 "$S" timex --published 2024-02-30 "$T/clock.txt"
check "timex --published that is no date is a usage error (it was taken as none)" \
  err_has '^storyline: --published wants an ISO-8601 date (YYYY-MM-DD), not "2024-02-30"'
expect_exit 2 "$S" facts --text "$T/clock.txt" --published garbage
check "facts --text --published too" err_has '^storyline: --published wants an ISO-8601 date'
expect_exit 1 "$S" --db "$T/urls3.db" ingest --urls "$T/ro"
check "ingest --urls FOLDER says why (it was read as an empty list: \"nothing to ingest\")" \
  err_has "ro: cannot read the URL list: Is a directory$"
expect_exit 2 "$S" --db "$T/owner.db" copies --article 0
check "copies --article 0: names the option (it said \"unexpected argument 0\")" \
  err_has "^storyline: --article wants an article id, not 0"

# --json given to a command with no JSON output is a usage error, not human
# output a script would misread; the store is not touched.
"$S" --db "$T/owner.db" export --json >"$T/before_json.json"
expect_exit 2 "$S" --db "$T/owner.db" --json ingest "$T/clock.txt"
"$S" --db "$T/owner.db" export --json >"$T/after_json.json"
check "ingest --json: nothing stored" cmp -s "$T/before_json.json" "$T/after_json.json"
expect_exit 2 "$S" dedup --json "$T/clock.txt"
expect_exit 2 timeout 10 "$S" --db "$T/owner.db" serve --json --port 0
expect_exit 0 "$S" --db "$T/owner.db" --json stories
# summarize takes one budget: both is a usage error (--bytes silently won)
expect_exit 2 "$S" summarize --bytes 200 --words 30 "$T/clock.txt"

section "a usage error is said before the store is touched (tidy27)"
# Each command read its arguments after main had opened the store: on a
# missing store, `show abc` said "no store" (exit 3) before "abc is no id".
# Now a command opens the store (cli_store) once its arguments are read.
for args in "show abc" "article x" "summary abc" "timeline" "entities" "quotes 0" \
            "stories --thread x" "copies --article 0" "search" "export" "threads --bogus" "facts abc"; do
  expect_exit 2 "$S" --db "$T/none.db" $args
  check "$args on a missing store: a usage error (it said there was no store)" err_has "^usage: storyline ${args%% *}"
done
expect_exit 3 "$S" --db "$T/none.db" show 1
check "show 1 on a missing store still says there is none" err_has "no store at $T/none.db yet"
expect_exit 2 "$S" --db "$T/none.db" ingest --jobs 0 "$T/fair.txt"
check "ingest with a usage error makes no store (it made an empty one)" test ! -e "$T/none.db"
expect_exit 2 "$S" --db "$T/none.db" ingest --date 2024-13-45 "$T/fair.txt"
check "ingest --date that is no date: said before the store, which is not made (the library said it after)" \
  sh -c '! test -e "$1" && grep -q "^usage: storyline ingest" "$2"' - "$T/none.db" "$ERR"
expect_exit 2 "$S" --db "$T/none.db" --granularity=x stories
check "--granularity=x on a missing store: the usage error first" err_has '^storyline: --granularity wants a positive number, not "x"'
# --granularity to a command that opens no store: main's binary applied it
# to the engine there was none of (a crash), merge27 dropped it unread.
for args in "dedup $T/clock.txt" "compare $T/clock.txt $T/fair.txt" "summarize $T/clock.txt" \
            "timex $T/clock.txt" "extract $T/clock.txt" "serve --port 0"; do
  expect_exit 2 timeout 10 "$S" --db "$T/owner.db" --granularity 2 $args
  check "--granularity 2 ${args%% *}: a usage error (it crashed, then was dropped)" \
    err_has "^storyline: ${args%% *} groups no stories (--granularity)"
done

section "compare --json: one similarity for one pair (tidy27)"
expect_exit 0 "$S" compare --json "$T/same-a.txt" "$T/same-b.txt"
check "sentence_similarity is the best pair's similarity to the last digit (a double and a float differed past the 7th)" py "$OUT" '
assert d["sentence_similarity"] == max(e["similarity"] for e in d["evidence"]), d'

section "facts --text names each line's file, as timex and extract do (tidy27)"
expect_exit 0 "$S" facts --text "$T/lanterns.txt" "$T/fair.txt"
check "each line opens with storyline, json_version, input (the lines did not say which file)" python3 -c '
import json, sys
xs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [list(x)[:3] for x in xs] == [["storyline", "json_version", "input"]] * 2, xs
assert [x["input"] for x in xs] == sys.argv[2:], xs' "$OUT" "$T/lanterns.txt" "$T/fair.txt"

section "one cap for an input read whole: 256 MB, a file or a stream (qa3)"
truncate -s 257M "$T/big.txt"
expect_exit 1 sh -c "'$S' --db '$T/cap.db' ingest - <'$T/big.txt'"
check "standard input over 256 MB is refused by name and cap (it was read up to 2 GB)" \
  err_has "^storyline: -: larger than the 256 MB cap$"
rm -f "$T/big.txt"

section "what the fourth round left, mended (qa4)"
# ingest of inputs none of which can be read made an empty store (or opened
# an existing one): now each is named, the run exits 1 and no store is made.
expect_exit 1 "$S" --db "$T/nothing.db" ingest "$T/no-such.txt" "$T/fair.txt/below"
check "ingest of nothing readable names each input with its reason" sh -c '
grep -q "^storyline: $1/no-such.txt: No such file or directory$" "$2" &&
grep -q "^storyline: $1/fair.txt/below: Not a directory$" "$2" && grep -q ", 2 failed$" "$2"' - "$T" "$ERR"
check "  ... and makes no store (it made an empty one)" sh -c '! ls "$1"/nothing.db* 2>/dev/null | grep -q .' - "$T"
expect_exit 1 "$S" --db "$T/nothing.db" ingest --urls "$T/no-such-list.txt"
check "  ... nor does an unreadable URL list alone" sh -c '! ls "$1"/nothing.db* 2>/dev/null | grep -q .' - "$T"
cp "$T/owner.db" "$T/kept.db"
expect_exit 1 "$S" --db "$T/kept.db" ingest "$T/no-such.txt"
check "  ... and leaves an existing store untouched (not even opened)" sh -c '
cmp -s "$1/owner.db" "$1/kept.db" && ! ls "$1"/kept.db-* 2>/dev/null | grep -q .' - "$T"
expect_exit 1 "$S" --db "$T/kept.db" --quiet ingest "$T/no-such.txt" "$T/fair.txt"
check "one readable input among missing ones is stored as before" sh -c '
"$1" --db "$2" search baskets | grep -q "^\[2\]"' - "$S" "$T/kept.db"
# search took every argument for a word of its query: a stray option too.
expect_exit 2 "$S" --db "$T/none.db" search --bogus
check "search --bogus: an unknown option, with the usage (it was a query)" sh -c '
grep -q "^storyline: unknown option --bogus$" "$1" && grep -q "^usage: storyline search" "$1"' - "$ERR"
expect_exit 2 "$S" --db "$T/owner.db" search lanterns --bogus
check "  ... after the words too" err_has "^storyline: unknown option --bogus$"
expect_exit 0 "$S" --db "$T/owner.db" search --limit 1 lanterns
check "an option before the words is taken" out_has "\[lanterns\]"
expect_exit 0 "$S" --db "$T/owner.db" search -- --bogus
check "after --, a word that starts with a dash is looked for" err_has 'no article matches "--bogus"'
# facts --text wrote on after its output failed: the message twice or more.
python3 -c '
print("Harvest fair counts its visitors\n")
for i in range(60):
    print("On day %d the fair sold %d baskets and %d honey cakes, the organisers said." % (i + 1, 100 + i, 40 + i))' >"$T/days60.txt"
if [ -w /dev/full ]; then
  expect_exit 3 sh -c 'exec "$1" facts --text "$2" "$2" >/dev/full' - "$S" "$T/days60.txt"
  check "facts --text to a full disk says cannot write output once (it said it three times)" \
    sh -c '[ "$(grep -c "cannot write output" "$1")" = 1 ]' - "$ERR"
fi

# An unknown option was said four ways ("unknown option", "unknown argument",
# "unexpected argument", "quotes wants one story id"): now one, by cli_unexpected.
for args in "stories" "show 1" "article 1" "search lanterns" "copies" "export --json" "check" "facts 1" \
            "quotes 1" "entities 1" "threads" "summary 1" "timeline 1" "extract $T/fair.txt" \
            "timex $T/fair.txt" "summarize $T/fair.txt" "compare $T/fair.txt $T/lanterns.txt" "dedup" \
            "ingest $T/fair.txt" "serve --port 0"; do
  expect_exit 2 timeout 10 "$S" --db "$T/owner.db" $args --bogus
  check "${args%% *} --bogus: \"unknown option --bogus\", as every command says it" \
    err_has "^storyline: unknown option --bogus$"
done
for args in "stories" "article 1" "copies" "check" "quotes 1" "entities 1" "threads" "summary 1" "serve"; do
  expect_exit 2 timeout 10 "$S" --db "$T/owner.db" $args extra
  check "${args%% *} extra: \"unexpected argument extra\"" err_has "^storyline: unexpected argument extra$"
done

section "a .warc.gz with a broken member: every record lost is named (qa4)"
# One member a record. A member whose first block is broken gave nothing and
# its record was dropped without a word; one whose check (CRC) failed was
# stored as it came out. Now each is named, and the records after it kept.
python3 - "$T" <<'PY'
import gzip, sys
def record(n):
    page = ("<html><head><title>Pier %d opens</title></head><body><article><p>The harbour master of "
            "Brookvale said on Monday that pier %d would open in May after two years of work on its "
            "foundations.</p><p>Fishermen welcomed the pier, saying the old one had been unsafe in "
            "winter storms for a decade.</p></article></body></html>" % (n, n)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://brookvale.invalid/pier/%d\r\n"
            "Content-Length: %d\r\n\r\n" % (n, len(http))).encode()
    return gzip.compress(head + http + b"\r\n\r\n")
def flip(member, at):
    b = bytearray(member); b[at] ^= 0xFF; return bytes(b)
m = [record(n) for n in range(3)]
open(sys.argv[1] + "/lost.warc.gz", "wb").write(m[0] + flip(m[1], 20) + m[2])
open(sys.argv[1] + "/crc.warc.gz", "wb").write(m[0] + flip(m[1], len(m[1]) - 6) + m[2])
open(sys.argv[1] + "/first.warc.gz", "wb").write(flip(m[0], 20) + m[1] + m[2])
open(sys.argv[1] + "/firstcrc.warc.gz", "wb").write(flip(m[0], len(m[0]) - 6) + m[1] + m[2])
open(sys.argv[1] + "/emptyfirst.warc.gz", "wb").write(gzip.compress(b"") + m[0] + m[1] + m[2])
PY
for f in lost crc; do
  expect_exit 1 "$S" --db "$T/$f.db" ingest "$T/$f.warc.gz"
  check "$f.warc.gz: record 2 is named as damaged (it was dropped or stored silently)" \
    err_has "^storyline: $T/$f.warc.gz: record 2: damaged gzip data"
  check "$f.warc.gz: records 1 and 3 are stored, record 2 is not" sh -c '
"$1" --db "$2" export --json | python3 -c "import json, sys
urls = [a[\"url\"] for a in json.load(sys.stdin)[\"articles\"]]
assert urls == [\"http://brookvale.invalid/pier/0\", \"http://brookvale.invalid/pier/2\"], urls"' - "$S" "$T/$f.db"
done
expect_exit 1 "$S" --db "$T/first.db" ingest "$T/first.warc.gz"
check "a file whose first member is broken is named once (zlib's message named it again)" \
  err_has "^storyline: $T/first.warc.gz: invalid"
expect_exit 1 "$S" --db "$T/firstcrc.db" ingest "$T/firstcrc.warc.gz"
check "a first member that fails its check: record 1 named, records 2 and 3 stored (all lost: not read as WARC)" sh -c '
grep -q "firstcrc.warc.gz: record 1: damaged gzip data" "$3" &&
"$1" --db "$2" export --json | python3 -c "import json, sys
assert len(json.load(sys.stdin)[\"articles\"]) == 2"' - "$S" "$T/firstcrc.db" "$ERR"

expect_exit 0 "$S" --db "$T/emptyfirst.db" ingest "$T/emptyfirst.warc.gz"
check "an empty first member (gzip </dev/null) before the records: still a WARC, its 3 records stored (rev28b)" sh -c '
"$1" --db "$2" export --json | python3 -c "import json, sys
assert len(json.load(sys.stdin)[\"articles\"]) == 3"' - "$S" "$T/emptyfirst.db"

section "a gzip file that fails to decompress is counted as read (fix28)"
# It was failed without being counted: "ingested 0 articles from 0 files ...,
# 1 failed", where a binary file says "from 1 file". Its data was read.
gzip -c "$T/fair.txt" >"$T/fair.txt.gz"
python3 -c "import sys
d = bytearray(open(sys.argv[1], 'rb').read())
d[len(d) // 2] ^= 0xFF
open(sys.argv[2], 'wb').write(bytes(d))
open(sys.argv[3], 'wb').write(bytes(d[:len(d) // 2]))" "$T/fair.txt.gz" "$T/broken.txt.gz" "$T/cut.txt.gz"
for f in broken cut; do
  expect_exit 1 "$S" --db "$T/gz-$f.db" ingest "$T/$f.txt.gz" "$T/lanterns.txt"
  check "$f.txt.gz: named, and counted among the files read with the good one" sh -c '
grep -q "^storyline: $2: " "$1" && grep -q "^ingested 1 article from 2 files .*, 1 failed" "$1"' - "$ERR" "$T/$f.txt.gz"
done
expect_exit 1 "$S" --db "$T/gz-none.db" ingest "$T/no-such.txt.gz" "$T/lanterns.txt"
check "a missing .gz is not counted as read (as a missing file)" err_has "^ingested 1 article from 1 file .*, 1 failed"

section "every command that reads a text file undoes gzip, as ingest and extract do (qa5)"
# timex, summarize, facts --text and compare read a .gz file's bytes as
# text (timex found nothing, summarize printed compressed bytes), and
# ingest - took gzip on standard input for binary data. One reader now.
printf 'Harvest fair opens in Oakhollow\n\nThe harvest fair opened in Oakhollow on Tuesday, 3 May 2024, at 9 a.m., the organisers said.\n\nAbout 2,000 people came to buy baskets and honey cakes before noon.\n' >"$T/hfair.txt"
gzip -c "$T/hfair.txt" >"$T/hfair.txt.gz"
for args in "timex" "timex --json" "summarize" "summarize --json"; do
  "$S" $args "$T/hfair.txt" >"$T/plain.out" 2>&1
  expect_exit 0 "$S" $args "$T/hfair.txt.gz"
  check "$args F.gz: the output of F (it read the compressed bytes)" \
    sh -c 'sed "s|hfair.txt.gz|hfair.txt|" "$1" | cmp -s - "$2"' - "$OUT" "$T/plain.out"
done
"$S" facts --text "$T/hfair.txt" >"$T/plain.out"
expect_exit 0 "$S" facts --text "$T/hfair.txt.gz"
check "facts --text F.gz: the facts of F, the .gz named as input" \
  sh -c 'grep -q "\"input\":\"[^\"]*hfair.txt.gz\"" "$1" && sed "s|hfair.txt.gz|hfair.txt|" "$1" | cmp -s - "$2"' - "$OUT" "$T/plain.out"
expect_exit 0 "$S" compare "$T/hfair.txt.gz" "$T/hfair.txt"
check "compare F.gz F: an exact copy (it was none)" out_has "^kind: exact"
expect_exit 0 sh -c "'$S' --db '$T/gzin.db' ingest - <'$T/hfair.txt.gz'"
check "ingest - of gzip data stores the article (it was binary data)" err_has "^ingested 1 article from 1 file"
# WARC on standard input was stored as one article of WARC and HTTP headers.
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://oakhollow.invalid/fair\r\nContent-Length: 80\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The harvest fair opened.</p>\r\n\r\n' | gzip -c >"$T/fair.warc.gz"
expect_exit 1 sh -c "'$S' --db '$T/warcin.db' ingest - <'$T/fair.warc.gz'"
check "ingest - of WARC data: refused, saying to give the file (it stored the headers as text)" \
  err_has "^storyline: -: WARC data, read only from a file: give its path$"
# read29: extract gave the WARC and HTTP headers as the page's text.
expect_exit 1 sh -c "'$S' extract - <'$T/fair.warc.gz'"
check "extract - of WARC data: refused as ingest refuses it (it gave the headers as text)" \
  err_has "^storyline: -: WARC data, read only from a file: give its path$"
head -c 40 "$T/hfair.txt.gz" >"$T/hcut.txt.gz"
expect_exit 1 "$S" timex "$T/hcut.txt.gz"
check "a cut .gz is named with the reason" err_has "^storyline: $T/hcut.txt.gz: truncated gzip data$"
expect_exit 1 "$S" timex "$T/no-such.txt"
check "a missing file: the reason alone, as before" err_has "^storyline: $T/no-such.txt: No such file or directory$"
expect_exit 1 "$S" extract "$T/no-such.txt"
check "extract says a missing file as the others do (it said \"cannot open: ...\")" \
  err_has "^storyline: $T/no-such.txt: No such file or directory$"
# dedup is a stream filter (a line at a time): gzip data is refused once,
# where each of its "lines" was an error of its own.
printf '{"text": "The harvest fair opened in Oakhollow on Tuesday."}\n' | gzip -c >"$T/lines.jsonl.gz"
expect_exit 1 "$S" dedup "$T/lines.jsonl.gz"
check "dedup F.jsonl.gz: one error saying it is gzip and what to do" sh -c '
grep -q "^storyline: $2: gzip-compressed: dedup reads plain JSONL (zcat " "$1" &&
grep -q "^dedup: 0 lines, 0 copies tagged, 1 error$" "$1"' - "$ERR" "$T/lines.jsonl.gz"
# read29: compare --pairs, the other reader of lines as they come, said one
# error per "line" of the compressed bytes.
printf '{"id": 1, "a": "The fair opened.", "b": "The fair opened."}\n' | gzip -c >"$T/pairs.jsonl.gz"
expect_exit 2 "$S" compare --pairs "$T/pairs.jsonl.gz"
check "compare --pairs F.jsonl.gz: one error saying it is gzip and what to do" sh -c '
test "$(wc -l <"$1")" -eq 1 &&
grep -q "^storyline: $2: gzip-compressed: compare --pairs reads plain JSONL (zcat $2 | storyline compare --pairs -)$" "$1"' - "$ERR" "$T/pairs.jsonl.gz"

section "stories --since takes the dates the other options take (qa5)"
# --since 2024-02-30 listed the stories since March 1 (SQLite's julianday
# reads it so), where --published and --date refuse it; with --thread it
# was checked for its shape alone.
for args in "stories --since 2024-02-30" "stories --since 2024-02-30 --thread 1" "stories --json --since 2024-02-30"; do
  expect_exit 2 "$S" --db "$T/owner.db" $args
  check "$args: a usage error naming the date" err_has '^storyline: --since wants an ISO-8601 date (YYYY-MM-DD), not "2024-02-30"'
done
expect_exit 0 "$S" --db "$T/owner.db" stories --since 2024-02-29
check "a day that is one (2024-02-29) is taken" sh -c '! grep -q "wants" "$1"' - "$ERR"

section "check on a damaged store of an older schema reports the damage (qa5)"
# check opened the store to be written, so an older store was migrated
# first, and a damaged page stopped the migration: "schema migration failed:
# database disk image is malformed", and --json wrote nothing. Now the store
# is checked as it is, read-only, and the check names the damage.
python3 -c '
import json, random, sys
random.seed(7)
words = "harbour ferry council river market lantern bakery festival school bridge tower storm".split()
for i in range(300):
    body = " ".join("%s%d" % (random.choice(words), random.randint(0, 500)) for _ in range(120))
    print(json.dumps({"id": i, "text": "The %s of Brookvale. %s." % (random.choice(words), body)}))' >"$T/gen.jsonl"
"$S" --db "$T/old.db" --quiet ingest "$T/gen.jsonl"
python3 "$SL_TESTS/store_forms.py" before24 "$T/old.db"
python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA user_version = 23")
db.commit()
page = db.execute("SELECT max(pageno) FROM dbstat WHERE name = ? AND pagetype = ?", ("terms_recent", "leaf")).fetchone()[0]
size = db.execute("PRAGMA page_size").fetchone()[0]
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((page - 1) * size + 100)
    f.write(b"\xab" * 1500)' "$T/old.db"
cp "$T/old.db" "$T/old-copy.db"
cp "$T/old.db" "$T/old-ingest.db"
expect_exit 3 "$S" --db "$T/old.db" check
check "check names the damage (it said only that the migration failed)" sh -c '
grep -q "^storyline: $2: checked read-only, as it is" "$1" && grep -q "^storyline: integrity check: " "$1"' - "$ERR" "$T/old.db"
check "  ... and the store is as it was: schema 23" \
  python3 -c 'import sqlite3, sys; assert sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] == 23' "$T/old.db"
expect_exit 3 "$S" --db "$T/old-copy.db" --json check
check "check --json: the verdict, ok false, the damage as the problem (it wrote nothing)" py "$OUT" '
assert d["ok"] is False and d["problem"].startswith("integrity check"), d'

expect_exit 3 "$S" --db "$T/no-folder/news.db" ingest "$T/lanterns.txt"
check "a store in a folder that is not there: the reason (qa6: none)" \
  err_has "no-folder/news.db: unable to open database file (No such file or directory)$"
# qa6: "schema migration failed: database disk image is malformed" named
# no store, where every other failed open does.
expect_exit 3 "$S" --db "$T/old-ingest.db" ingest "$T/lanterns.txt"
check "a failed migration names the store and the reason (qa6)" \
  err_has "^storyline: $T/old-ingest.db: schema migration failed: database disk image is malformed$"

section "the commands reading prose refuse binary data, as ingest and extract do (qa5)"
# summarize of a program printed strings found in it as the summary, exit 0.
head -c 2000 /dev/zero >"$T/zeros.txt"
printf '\211PNG\r\n\032\n' >"$T/image.txt"
head -c 3000 "$S" >>"$T/image.txt"
for args in "summarize" "timex" "facts --text"; do
  for f in zeros.txt image.txt; do
    expect_exit 1 "$S" $args "$T/$f"
    check "$args $f: \"binary data, not text\" (it was read as text, exit 0)" err_has "^storyline: $T/$f: binary data, not text$"
  done
done
expect_exit 2 "$S" compare "$T/image.txt" "$T/hfair.txt"
check "compare of binary data: trouble, named (it was \"not a copy\")" err_has "^storyline: $T/image.txt: binary data, not text$"
expect_exit 0 "$S" timex "$T/hfair.txt"
check "  ... text still read" out_has "2024-05-03"

section "a full disk is said one way: cannot write output (qa5)"
# show --json, copies --json and export --json said "could not write story"
# (the engine's words) where every other command said "cannot write output".
# One story of 40 copies: outputs larger than stdout's buffer, so that the
# writer fails, not main's flush.
python3 -c '
import json
body = "The harbour master of Brookvale said on Monday that the new pier would open in May after two years of work on its foundations, and that the ferry would call there twice a day. "
for i in range(40):
    print(json.dumps({"id": "pier-%d" % i, "url": "http://brookvale.invalid/%d" % i, "text": body * 3 + "Reported by desk %d." % i}))' >"$T/pier.jsonl"
"$S" --db "$T/pier.db" --quiet ingest "$T/pier.jsonl"
if [ -w /dev/full ]; then
  for args in "show 1 --json" "copies --json" "export --json" "stories --json" "search harbour --json"; do
    expect_exit 3 sh -c 'exec "$1" --db "$2" $3 >/dev/full' - "$S" "$T/pier.db" "$args"
    check "$args to a full disk: \"cannot write output\"" err_has "^storyline: cannot write output$"
  done
fi

section "what the sixth round left, mended (qa6)"
# A gzip stream cut short: the file kept nothing of a JSONL (its plain form
# keeps its whole lines), and standard input counted "0 files read".
python3 -c '
import json, random, sys, zlib
random.seed(11)
words = "harbour ferry council river market lantern bakery festival school bridge tower storm".split()
lines = "".join(json.dumps({"id": i, "text": "The %s of Brookvale. %s." % (random.choice(words),
        " ".join("%s%d" % (random.choice(words), random.randint(0, 900)) for _ in range(80)))}) + "\n"
        for i in range(120)).encode()
z = zlib.compressobj(6, zlib.DEFLATED, 31)
gz = z.compress(lines) + z.flush()
cut = gz[: len(gz) * 2 // 3]
open(sys.argv[1], "wb").write(cut)
out = zlib.decompressobj(31).decompress(cut)
print(out.count(b"\n"))' "$T/cut.jsonl.gz" >"$T/whole-lines"
whole=$(cat "$T/whole-lines")
expect_exit 1 "$S" --db "$T/cutf.db" ingest "$T/cut.jsonl.gz"
check "ingest F.jsonl.gz cut short: the damage named" err_has "^storyline: $T/cut.jsonl.gz: truncated gzip data$"
check "  ... and the $whole whole lines before it kept (it kept none), 1 file read, 1 failed" \
  err_has "^ingested $whole articles from 1 file read in .*, 1 failed$"
expect_exit 1 sh -c "'$S' --db '$T/cuts.db' ingest - <'$T/cut.jsonl.gz'"
check "ingest - of the same: the same count (it said 0 files read, 1 failed, nothing kept)" \
  err_has "^ingested $whole articles from 1 file read in .*, 1 failed$"
check "  ... the damage named as standard input's" err_has "^storyline: -: truncated gzip data$"
# read30: a gzip stream whose check fails (a byte changed, not cut) gave
# its lines before the end too: the changed line was stored, and the good
# file ingested after it made a new version of it.
python3 -c '
import json, sys, zlib
lines = "".join(json.dumps({"id": i, "text": "Notice %d of the Elmsford harbour board. " % i +
                            " ".join("berth%d" % (i * 7919 % (k + 11)) for k in range(150))}) + "\n"
                for i in range(300)).encode()
z = zlib.compressobj(0, zlib.DEFLATED, 31)    # stored blocks: the text as is
gz = bytearray(z.compress(lines) + z.flush())
open(sys.argv[2], "wb").write(gz)
gz[gz.find(b"Elmsford", 5000)] = ord("X")
open(sys.argv[1], "wb").write(gz)' "$T/gzcheck.jsonl.gz" "$T/gzcheck-good.jsonl.gz"
mkdir -p "$T/gzcheck"
cp "$T/gzcheck.jsonl.gz" "$T/gzcheck/f.jsonl.gz"
expect_exit 1 "$S" --db "$T/gzcheck.db" ingest "$T/gzcheck/f.jsonl.gz"
check "a gzip file whose check fails: named" err_has "^storyline: $T/gzcheck/f.jsonl.gz: incorrect data check$"
check "  ... and none of its lines kept (read30: those before the end, the changed one too)" \
  err_has "^ingested 0 articles from 1 file read in .*, 1 failed$"
cp "$T/gzcheck-good.jsonl.gz" "$T/gzcheck/f.jsonl.gz"
expect_exit 0 "$S" --db "$T/gzcheck.db" ingest "$T/gzcheck/f.jsonl.gz"
expect_exit 0 "$S" --db "$T/gzcheck-once.db" ingest "$T/gzcheck/f.jsonl.gz"
"$S" --db "$T/gzcheck.db" export --json >"$T/gzcheck-after.json"
"$S" --db "$T/gzcheck-once.db" export --json >"$T/gzcheck-once.json"
check "  ... and the good file after it ends the store as the good file alone" cmp -s "$T/gzcheck-after.json" "$T/gzcheck-once.json"
# A NUL byte in a JSONL file's first 4 KB made the whole file binary.
printf '{"text": "The ferry of Brookvale left at nine on Monday, the harbour master said."}\n{"text": "A bad \000 line."}\n{"text": "The council of Oakhollow met on Tuesday to set the budget of the school."}\n' >"$T/nul.jsonl"
expect_exit 1 "$S" --db "$T/nul.db" ingest "$T/nul.jsonl"
check "a JSONL line with a NUL byte is that line's error, named (the file was binary)" \
  err_has "^storyline: $T/nul.jsonl:2: invalid JSON"
check "  ... and the other lines are stored" err_has "^ingested 2 articles from 1 file read"
# read30: random bytes behind a crafted JSON opening were read as JSONL,
# hundreds of bad lines named one by one, where main said "binary" once.
python3 -c 'import random, sys; open(sys.argv[1], "wb").write(b"{\"a\":" + random.Random(7).randbytes(100000))' "$T/crafted.bin"
expect_exit 1 "$S" --db "$T/crafted.db" ingest "$T/crafted.bin"
check "random bytes behind {\"a\": are binary data, said once (read30: a bad line each)" sh -c '
test "$(grep -c "^storyline: " "$1")" = 1 && grep -q "^storyline: $2: binary data" "$1"' - "$ERR" "$T/crafted.bin"
# A UTF-16 page (with its BOM): ingest and extract decode it; the prose
# commands read its raw bytes (timex found nothing).
cat >"$T/page8.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry returns to Brookvale</title></head>
<body><article><p>The ferry returned to the harbour of Brookvale on 3 May 2024 after two years of repairs, the harbour master said on Friday.</p>
<p>About 400 passengers took the first crossing, and the council said it would pay 2.5 million euros for a new pier.</p></article></body></html>
EOF
python3 -c 'import sys; open(sys.argv[2], "wb").write(b"\xff\xfe" + open(sys.argv[1], encoding="utf-8").read().encode("utf-16-le"))' \
  "$T/page8.html" "$T/page16.html"
for args in "timex" "summarize" "facts --text"; do
  "$S" $args "$T/page8.html" 2>&1 | sed "s|$T/page8.html|PAGE|g" >"$T/p8.out"
  expect_exit 0 "$S" $args "$T/page16.html"
  sed "s|$T/page16.html|PAGE|g" "$OUT" >"$T/p16.out"
  check "$args of a UTF-16 page: what it gives for the page in UTF-8 (it read raw bytes)" cmp -s "$T/p8.out" "$T/p16.out"
  cp "$T/p16.out" "$T/p16-${args%% *}.out"
done
check "  ... timex finds the date in it" grep -q "2024-05-03" "$T/p16-timex.out"
# --db naming a named pipe waited for ever (SQLite opened it for reading);
# a device was a "disk I/O error".
mkfifo "$T/store-pipe"
expect_exit 3 timeout 20 "$S" --db "$T/store-pipe" stories
check "--db naming a pipe: refused, named (it waited for ever)" \
  err_has "^storyline: $T/store-pipe: not a regular file, not a store"
expect_exit 3 "$S" --db /dev/null ingest "$T/lanterns.txt"
check "--db /dev/null: refused, named (it said \"disk I/O error\")" \
  err_has "^storyline: /dev/null: not a regular file, not a store"

section "dedup names every error it counts"
# A line whose id could not be kept (out of memory) was counted in the
# summary's errors with no message. The Nth allocation fails, N = 1 to 150
# (the line takes 54).
printf '{"id": 1, "text": "The ferry left at nine on Monday, the harbour master said."}\n' >"$T/one.jsonl"
silent=""
N=1
while [ $N -le 150 ]; do
  STORYLINE_FAIL_ALLOC=$N "$S" dedup "$T/one.jsonl" >/dev/null 2>"$T/fault.err"
  counted=$(sed -n 's/^dedup: .*, \([0-9]*\) errors*$/\1/p' "$T/fault.err")
  named=$(grep '^storyline: ' "$T/fault.err" | grep -vc 'injected allocation failure')
  [ "${counted:-0}" -le "$named" ] || silent="$silent $N"
  N=$((N + 1))
done
check "an error counted is an error named" sh -c '[ -z "$1" ] || { echo "no message at N =$1"; exit 1; }' - "$silent"

finish
