# hostile.sh — hostile and odd inputs (issue 16 items 4-5, 8-14; issue 13
# items 4 and 12): WARC records that lie about their length, NUL bytes in
# pages, empty pages and blank files under the sanitizers, big articles in
# search, many quotes in one paragraph, feeds with a DTD or entities, what
# fetching may touch (a server on 127.0.0.1 only), symlinks and
# documentation files in folders, and `extract` of stdin, URLs and text.
NAME=hostile
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
H="$SL_TESTS/fixtures/hostile"
python3 "$H/pages.py" "$T" || echo "pages.py failed"
n_articles() {
  "$S" --db "$1" export --json 2>/dev/null |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo -1
}
# timed SECONDS CMD...: runs CMD (as `run` does) and fails it past SECONDS.
timed() {
  limit=$1
  shift
  run timeout "$limit" "$@"
}

section "WARC: a lying Content-Length loses only its own record"
for f in lying.warc lying.warc.gz; do
  expect_exit 1 "$S" --db "$T/$f.db" ingest "$T/$f"
  check "$f: negative length named with its record" err_has "$f: record 2: no valid Content-Length (\"-5\")"
  check "$f: length over the cap named with its record" err_has "$f: record 4: Content-Length .* over the 50 MB cap"
  check "$f: the three honest records are stored" test "$(n_articles "$T/$f.db")" -eq 3
  check "$f: the record after each bad one is kept" sh -c "'$S' --db '$T/$f.db' export --json | grep -q 'news.invalid/library'"
done

section "empty pages and blank files (sanitizer-clean)"
printf '\n\n   \n\n' >"$T/blank.txt"
# compare's exit status is the CLI's business: here only that it finishes
# cleanly. A blank file is said as empty before it is compared (qa7), so the
# comparator's blank texts come through --pairs.
run "$S" compare "$T/blank.txt" "$T/blank.txt"
check "compare of two blank files: no undefined behaviour" sanitizer_clean
check "compare of two blank files: said, not a crash" sh -c "[ $RC -eq 2 ] && grep -q 'blank.txt: empty' '$ERR'"
run "$S" compare "$T/page1.html" "$T/blank.txt"
check "compare of a page and a blank file: no undefined behaviour" sanitizer_clean
check "compare of a page and a blank file: said, not a crash" sh -c "[ $RC -eq 2 ] && grep -q 'blank.txt: empty' '$ERR'"
printf '{"id": 1, "a": "", "b": ""}\n{"id": 2, "a": "\\n\\n   \\n", "b": "The ferry left at nine."}\n' >"$T/blank-pairs.jsonl"
run "$S" compare --pairs "$T/blank-pairs.jsonl"
check "compare --pairs of blank texts: no undefined behaviour" sanitizer_clean
check "compare --pairs of blank texts: an answer each, not a crash" sh -c "[ $RC -le 1 ] && [ \$(wc -l <'$OUT') -eq 2 ]"
: >"$T/empty.html"
expect_exit 1 "$S" extract "$T/empty.html"
expect_exit 1 "$S" extract "$T/empty.warc"
check "an empty WARC body is named, the next record extracted" sh -c "grep -q 'empty.warc#1' '$ERR' && grep -q 'News about the ferry' '$OUT'"
expect_exit 1 "$S" --db "$T/empty.db" ingest "$T/empty.warc" "$T/empty.html"

section "a NUL byte deep in a page keeps the rest of the page"
expect_exit 0 "$S" extract "$T/nul.html"
check "extract: the paragraph after the NUL is there" out_has "Closing line of the harbour report"
expect_exit 0 "$S" --db "$T/nul.db" ingest "$T/nul.html"
check "ingest: the paragraph after the NUL is stored" sh -c "'$S' --db '$T/nul.db' article 1 | grep -q 'Closing line of the harbour report'"
expect_exit 0 "$S" --db "$T/nul2.db" ingest - <"$T/nul.html"
check "stdin: the paragraph after the NUL is stored" sh -c "'$S' --db '$T/nul2.db' article 1 | grep -q 'Closing line of the harbour report'"
expect_exit 0 "$S" extract "$T/nul.warc"
check "WARC: the paragraph after the NUL is there" out_has "Closing line of the harbour report"

section "search: a big article with a long token"
python3 -c '
import random
random.seed(7)
words = ["harbour", "council", "boats", "spring", "ferry", "tides", "meadow", "budget", "pilot", "archive"]
out = ["The harbour report of the year\n\n", "The harbour master wrote " + "q" * 200000 + " in the log.\n\n"]
n = 0
while n < 1 << 20:
    para = " ".join(random.choice(words) for _ in range(60)).capitalize() + ".\n\n"
    out.append(para)
    n += len(para)
open("'"$T"'/big.txt", "w").write("".join(out))'
expect_exit 0 "$S" --db "$T/big.db" ingest "$T/big.txt"
timed 20 "$S" --db "$T/big.db" search harbour
check "search of a 1 MB article ends in time" test "$RC" -eq 0
check "the snippet marks the match" out_has "\[harbour\]"
check "the snippet is capped (a few hundred bytes, not the 200 KB token)" test "$(wc -c <"$OUT")" -lt 700
timed 20 "$S" --db "$T/big.db" search --json "harb*"
check "JSON snippet capped too, prefix query marked" py "$OUT" '
s = d["hits"][0]["snippet"]
assert len(s.encode()) < 400 and "[harbour]" in s, s'

section "folders: links stay inside, documentation and hidden files are left out"
mkdir -p "$T/tree/sub" "$T/tree/.cache" "$T/outside"
cp "$T/page1.html" "$T/tree/a.html"
cp "$T/page2.html" "$T/tree/sub/b.html"
cp "$T/page3.html" "$T/tree/.cache/c.html"
cp "$T/page3.html" "$T/tree/.hidden.html"
cp "$T/page4.html" "$T/outside/secret.html"
printf '# Examples\n\nThis folder holds sample articles for trying the engine on your own machine.\n' >"$T/tree/README.md"
cp "$T/page5.html" "$T/tree/LICENSE"
cp "$T/page5.html" "$T/tree/sub/BASIL-README.txt"
cp "$T/page5.html" "$T/tree/sub/readme.txt"
cp "$T/page4.html" "$T/tree/license-fees-rise.html"
ln -s /etc/passwd "$T/tree/passwd.txt"
ln -s ../outside/secret.html "$T/tree/secret.html"
ln -s ../outside "$T/tree/outlink"
ln -s ../a.html "$T/tree/sub/a-again.html"
expect_exit 0 "$S" --db "$T/tree.db" ingest "$T/tree"
"$S" --db "$T/tree.db" export --json >"$T/tree.json"
check "the articles and the link inside the tree are stored, an article named license-... too" py "$T/tree.json" '
paths = sorted(a["path"].rsplit("/tree/", 1)[1] for a in d["articles"])
assert paths == ["a.html", "license-fees-rise.html", "sub/a-again.html", "sub/b.html"], paths'
check "nothing from outside the tree or hidden (no /etc/passwd, no .cache)" sh -c "! grep -q -e 'root:' -e 'observatory' '$T/tree.json'"
check "the summary counts the skipped files" err_has "9 files skipped in folders"
expect_exit 0 "$S" --db "$T/examples.db" ingest "$SL_TESTS/../examples"
check "ingest examples/: its README is not stored, and said to be skipped" sh -c "! '$S' --db '$T/examples.db' export --json | grep -q 'README' && grep -q '1 file skipped in folders' '$ERR'"
expect_exit 0 "$S" --db "$T/named.db" ingest "$T/tree/README.md" "$T/tree/secret.html"
check "files named on the command line are read, links and documentation too" test "$(n_articles "$T/named.db")" -eq 2

section "fetching: only where sent, never to private addresses unless allowed"
# Two servers on 127.0.0.1 (two hosts by port), each killed at the end.
serve() {  # serve DIR: starts the test server on DIR; its port in $P
  mkdir -p "$1/site"
  python3 "$SL_TESTS/fixtures/web/server.py" "$1/site" "$1/port" &
  echo $! >>"$T/servers"
  i=0
  while [ ! -s "$1/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  P=$(cat "$1/port" 2>/dev/null)
}
serve "$T/a"
A="http://127.0.0.1:$P"
serve "$T/b"
B="http://127.0.0.1:$P"
cp "$T/page1.html" "$T/a/site/harbour.html"
cp "$T/page2.html" "$T/b/site/orchard.html"
mkdir -p "$T/b/site/private"
cp "$T/page3.html" "$T/b/site/private/observatory.html"
printf 'User-agent: *\nDisallow: /private/\n' >"$T/b/site/robots.txt"
cat >"$T/local.rss" <<EOF2
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Courier</title>
<item><title>Harbour</title><link>$A/harbour.html</link><description>A teaser.</description></item>
</channel></rss>
EOF2
fetched() { grep -q "^$2" "$1/requests.log" 2>/dev/null; }
timed 30 "$S" --db "$T/f1.db" ingest --delay 0 "$T/local.rss"
check "a local feed: its item is not fetched without --follow" sh -c "! grep -q harbour '$T/a/requests.log' 2>/dev/null"
check "a local feed: the item is named as not followed" err_has "item 1: only a teaser; its link is not fetched unless asked (--follow)"
timed 30 "$S" --db "$T/f2.db" ingest --delay 0 --follow "$T/local.rss"
check "--follow without --allow-private: loopback refused, named" err_has "refused to connect to 127.0.0.1: a loopback address"
check "--follow without --allow-private: no request reached the server" test ! -e "$T/a/requests.log"
check "--follow without --allow-private: exit 1, nothing stored" test "$RC" -eq 1 -a "$(n_articles "$T/f2.db")" -eq 0
timed 30 "$S" --db "$T/f3.db" ingest --delay 0 --follow --allow-private "$T/local.rss"
check "--follow --allow-private: the item's page is fetched and stored" test "$RC" -eq 0 -a "$(n_articles "$T/f3.db")" -eq 1
check "--follow --allow-private: robots.txt asked first" fetched "$T/a" /robots.txt
timed 30 "$S" --db "$T/f4.db" ingest --delay 0 "$B/orchard.html"
check "a URL on loopback without --allow-private is refused" sh -c "grep -q 'refused to connect to 127.0.0.1' '$ERR' && ! grep -q orchard '$T/b/requests.log' 2>/dev/null"
timed 30 "$S" --db "$T/f5.db" ingest --delay 0 --allow-private "$B/orchard.html"
check "the same URL with --allow-private is stored" test "$RC" -eq 0 -a "$(n_articles "$T/f5.db")" -eq 1
timed 30 "$S" --db "$T/f6.db" ingest --delay 0 --allow-private "$A/redirect?to=$B/private/observatory.html"
check "a redirect to another host: that host's robots.txt is obeyed" err_has "disallowed by robots.txt"
check "a redirect to another host: the disallowed page was never requested" sh -c "! grep -q '^/private' '$T/b/requests.log'"
timed 30 "$S" --db "$T/f7.db" ingest --delay 0 --allow-private "$A/redirect?to=$B/orchard.html"
check "a redirect to an allowed page: stored under its final URL" sh -c "'$S' --db '$T/f7.db' export --json | grep -q '$B/orchard.html'"
cp "$T/nul.html" "$T/a/site/nul.html"
timed 30 "$S" extract --allow-private "$A/nul.html"
check "a fetched page: the paragraph after a NUL byte is there" out_has "Closing line of the harbour report"
timed 30 "$S" extract "$A/harbour.html"
check "extract URL: loopback refused without --allow-private" sh -c "test $RC -eq 1 && grep -q 'refused to connect to 127.0.0.1' '$ERR'"
timed 30 "$S" extract --json --allow-private "$A/harbour.html"
check "extract URL --allow-private: the page's article" py "$OUT" 'assert d["title"] == "News about the harbour" and "Closing line of the harbour" in d["text"], d'
for pid in $(cat "$T/servers"); do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done

section "extract: standard input, and text cleaned as ingest cleans it"
cat >"$T/chrome.txt" <<'EOF2'
Share on Facebook
Sign up for our newsletter
Harbour wall holds through the third storm

The harbour wall at Larkmouth came through its third winter storm on Tuesday night without a breach, the council said on Wednesday morning.

Engineers who inspected the stones at first light found two loose blocks near the lighthouse steps and said they would be fixed within the week.

Fishermen returned to the quay by noon, and the ferry to the islands kept to its timetable for the first time this month.

Advertisement
Read more
EOF2
expect_exit 0 "$S" extract --json "$T/chrome.txt"
cp "$OUT" "$T/chrome.json"
check "extract of a text: no share bar, newsletter or ad lines" sh -c "! grep -q -e 'Share on' -e 'newsletter' -e 'Advertisement' -e 'Read more' '$T/chrome.json'"
expect_exit 0 "$S" --db "$T/chrome.db" ingest "$T/chrome.txt"
"$S" --db "$T/chrome.db" export --json >"$T/chrome-store.json"
check "extract of a text gives the text and title ingest stores" python3 -c '
import json, sys
page = json.load(open(sys.argv[1]))
art = json.load(open(sys.argv[2]))["articles"][0]
assert page["text"] == art["text"], (page["text"], art["text"])
assert page["title"] == art["title"] == "Harbour wall holds through the third storm", (page["title"], art["title"])' "$T/chrome.json" "$T/chrome-store.json"
run "$S" extract --json - <"$T/chrome.txt"
check "extract - reads a text from standard input, cleaned the same" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert (a["title"], a["text"]) == (b["title"], b["text"]), (a, b)' "$OUT" "$T/chrome.json"
check "extract - names standard input as -" py "$OUT" 'assert d["input"] == "-" and d["title"] == "Harbour wall holds through the third storm", d'
gzip -c "$T/page2.html" >"$T/page2.html.gz"
run "$S" extract --json - <"$T/page2.html.gz"
check "extract - reads a gzipped page from standard input" py "$OUT" 'assert d["title"] == "News about the orchard", d'

finish
