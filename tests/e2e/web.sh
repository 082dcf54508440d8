# web.sh — the web inputs: `storyline extract` on pages (metadata, body kept
# and chrome dropped, bad pages), WARC files (plain, gzip, damaged, cut),
# RSS feeds (full content and teasers, invalid XML), HTML inside JSONL, and
# fetching from a server this script starts on 127.0.0.1 (robots.txt,
# redirect loops, time-outs, the size cap, retries, feeds by URL).
NAME=web
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
W="$SL_TESTS/fixtures/web"
n_articles() {
  "$S" --db "$1" export --json 2>/dev/null |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo -1
}
titles() {
  "$S" --db "$1" export --json 2>/dev/null |
    python3 -c 'import json, sys; [print(a["title"]) for a in json.load(sys.stdin)["articles"]]'
}

section "extract: metadata and body of an article page"
cd "$T" || exit 1   # where a store would be made by mistake (other suites share the repo's folder)
expect_exit 0 "$S" extract --json "$W/article.html"
cp "$OUT" "$T/article.json"
check "title is the article's headline, without the site name" \
  py "$T/article.json" 'assert d["title"] == "Harbour Wall Holds Through Third Winter Storm", d["title"]'
check "author from JSON-LD" py "$T/article.json" 'assert d["author"] == "Mirela Vossberg", d["author"]'
check "date from the article's meta" py "$T/article.json" 'assert d["published"].startswith("2031-02-14"), d["published"]'
check "language from <html lang>" py "$T/article.json" 'assert d["lang"] == "en", d["lang"]'
check "body keeps paragraphs, heading, list and quote" py "$T/article.json" '
t = d["text"]
for want in ("came through its third winter storm", "Fishermen return to the quay",
             "new drainage channels", "water over the road last winter", "before the spring tides"):
    assert want in t, want'
check "body drops share bar, cookies, related, newsletter, comments, footer" py "$T/article.json" '
t = d["text"]
for bad in ("Share on", "cookies", "Related stories", "morning briefing", "car park still floods",
            "All rights reserved", "Sport"):
    assert bad not in t, bad'
check "no store is created by extract" test ! -e "$T/storyline.db"
cd "$OLDPWD" || exit 1
expect_exit 0 "$S" extract "$W/article.html"
check "plain output names the fields" out_has "^author: *Mirela Vossberg"

section "extract: awkward and bad pages"
expect_exit 0 "$S" extract --json "$W/latin1.html"
check "a UTF-8 page declared ISO-8859-1 is read as UTF-8" py "$OUT" 'assert d["title"].lower() == "café owners meet the mayor", d["title"]'
printf '<html><head><meta charset="windows-1252"><title>x</title></head><body><p>The caf\351 on the corner reopened this week after a long refit, and its owners said the queue reached the bus stop.</p></body></html>' >"$T/cp1252.html"
expect_exit 0 "$S" extract --json "$T/cp1252.html"
check "a real windows-1252 page is decoded" py "$OUT" 'assert "café" in d["text"], d["text"]'
expect_exit 0 "$S" extract --json "$W/nobody.html"
check "a page without <body> still gives its text" py "$OUT" 'assert "lantern parade" in d["text"]'
gzip -c "$W/article.html" >"$T/article.html.gz"
expect_exit 0 "$S" extract --json "$T/article.html.gz"
check "a gzipped page is read" py "$OUT" 'assert "Harbour" in d["title"]'
python3 -c 'import sys; sys.stdout.write("<html><body>" + "<div>" * 100000 + "<p>" + "deep words here " * 10 + "</p>" + "</div>" * 100000 + "</body></html>")' >"$T/deep.html"
expect_exit 0 "$S" extract --json "$T/deep.html"
check "100,000 nested elements: the text is found" py "$OUT" 'assert "deep words here" in d["text"]'
head -c 300000 /dev/urandom >"$T/binary.html"
printf '<html><body>' | cat - "$T/binary.html" >"$T/binary2.html"
run "$S" extract --json "$T/binary2.html"
check "binary served as HTML: no crash" test "$RC" -le 1
python3 -c 'import sys; sys.stdout.write("<html><body><p>" + "word " * (11 << 20) + "</p></body></html>")' >"$T/huge.html"
expect_exit 1 "$S" extract --json "$T/huge.html" "$W/article.html"
check "a page over the cap is named with the reason" err_has "huge.html: .*cap"
check "the other page of the batch is extracted" out_has "Harbour Wall"
printf '\037\213\010\000\000\000\000\000' >"$T/cut.html.gz"
gzip -c "$W/article.html" | head -c 400 >>"$T/cut2.html.gz"
expect_exit 1 "$S" extract "$T/cut2.html.gz"
check "a truncated gzip page is named" err_has "cut2.html.gz: truncated gzip"
expect_exit 1 "$S" extract "$T/missing.html"
check "a missing file is named" err_has "missing.html: No such file or directory"

section "extract: a page without article text keeps its metadata (issue 18)"
printf '<html lang="nl"><head><title>Tide tables for the outer harbour</title>
<meta name="author" content="Oskar Breedveld"><meta property="article:published_time" content="2031-03-02T06:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/tides">Tides</a></nav></body></html>' >"$T/nobody2.html"
expect_exit 1 "$S" extract --json "$T/nobody2.html" "$W/article.html"
check "no body: the reason is on stderr" err_has "nobody2.html: no article text found"
sed -n 1p "$OUT" >"$T/nobody2.json"; sed -n 2p "$OUT" >"$T/after_nobody.json"
check "no body: one JSON line per page, this one with status no_body" py "$T/nobody2.json" '
assert d["status"] == "no_body" and d["text"] is None, d
assert d["title"] == "Tide tables for the outer harbour" and d["author"] == "Oskar Breedveld", d
assert d["published"].startswith("2031-03-02") and d["lang"] == "nl", d'
check "no body: the next page is an article with status ok" py "$T/after_nobody.json" 'assert d["status"] == "ok" and d["text"], d'
expect_exit 1 "$S" extract "$T/nobody2.html"
check "no body, plain output: the title and an explicit no-body line" \
  sh -c "grep -q '^title: *Tide tables for the outer harbour' '$OUT' && grep -q '^(no article body: no article text found)' '$OUT'"
expect_exit 1 "$S" --db "$T/nobody.db" ingest "$T/nobody2.html"
check "no body: ingest still rejects the page, with its reason" err_has "no article text found"
check "no body: nothing stored" test "$(n_articles "$T/nobody.db")" -eq 0

section "WARC files"
python3 "$W/make_warc.py" "$W" "$T" || echo "make_warc.py failed"
expect_exit 0 "$S" --db "$T/plain.db" ingest "$T/pages.warc"
check "plain WARC: 4 pages stored" test "$(n_articles "$T/plain.db")" -eq 4
check "plain WARC: non-HTML records counted as skipped" err_has "2 non-HTML records skipped"
"$S" --db "$T/plain.db" export --json >"$T/plain.json"
check "WARC: target URI kept as the URL, WARC-Date as the fallback date" py "$T/plain.json" '
by = {a["url"]: a for a in d["articles"]}
assert "http://larkmouth.invalid/harbour" in by, list(by)
assert by["http://larkmouth.invalid/lanterns"]["published"].startswith("2031-02-15"), by["http://larkmouth.invalid/lanterns"]
assert by["http://larkmouth.invalid/harbour"]["published"].startswith("2031-02-14")'
expect_exit 0 "$S" --db "$T/gz.db" ingest "$T/pages.warc.gz"
check "gzip WARC: 4 pages stored" test "$(n_articles "$T/gz.db")" -eq 4
expect_exit 1 "$S" --db "$T/damaged.db" ingest "$T/damaged.warc.gz"
check "damaged member: reported with the record number" err_has "damaged.warc.gz: record 3: damaged gzip"
check "damaged member: the records before and after are kept" test "$(n_articles "$T/damaged.db")" -eq 3
expect_exit 1 "$S" extract --json "$T/damaged.warc.gz"
check "extract on a WARC file: one line per good HTML record" test "$(grep -c '"input"' "$OUT")" -eq 3
check "extract on a WARC file: records named FILE#N (URI)" out_has 'damaged.warc.gz#2 (http://larkmouth.invalid/harbour)'
expect_exit 1 "$S" --db "$T/cut.db" ingest "$T/cut.warc.gz"
check "cut file: the last record is reported as truncated" err_has "cut.warc.gz: record 5: truncated"
check "cut file: the records before it are kept" test "$(n_articles "$T/cut.db")" -eq 3

section "feeds and JSONL html"
expect_exit 1 "$S" --db "$T/feed.db" ingest "$W/feed.rss"
check "an item with its full article is stored" test "$(n_articles "$T/feed.db")" -eq 1
"$S" --db "$T/feed.db" export --json >"$T/feed.json"
check "feed item: title, link and RFC 822 date" py "$T/feed.json" '
a = d["articles"][0]
assert a["title"] == "Ferry timetable changes for the winter", a["title"]
assert a["url"] == "http://larkmouth.invalid/ferry" and a["published"].startswith("2031-02-10"), a'
check "a local feed's teaser item is not fetched without --follow" err_has "feed.rss: item 2: only a teaser; its link is not fetched unless asked (--follow)"
expect_exit 1 "$S" --db "$T/bad.db" ingest "$W/bad.rss" "$W/article.html"
check "invalid feed XML: named with line and reason" err_has "bad.rss: invalid feed XML at line"
check "invalid feed: the rest of the batch is stored" test "$(n_articles "$T/bad.db")" -eq 1
python3 -c 'import json; print(json.dumps({"id": "h1", "html": open("'"$W"'/article.html").read()}))' >"$T/html.jsonl"
expect_exit 0 "$S" --db "$T/jsonl.db" ingest "$T/html.jsonl"
check "JSONL html: the same extraction (headline as title)" sh -c "'$S' --db '$T/jsonl.db' export --json | grep -q 'Harbour Wall Holds Through Third Winter Storm'"

section "fetching from a local server"
mkdir -p "$T/site/private"
cp "$W/article.html" "$W/latin1.html" "$T/site/"
cp "$W/article.html" "$T/site/private/secret.html"
printf 'User-agent: *\nDisallow: /private/\n' >"$T/site/robots.txt"
python3 "$W/server.py" "$T/site" "$T/port" &
SERVER=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
P=$(cat "$T/port" 2>/dev/null)
U="http://127.0.0.1:$P"
cat >"$T/site/feed.xml" <<EOF2
<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><title>Cafe</title><link href="$U/latin1.html"/><updated>2031-02-12T10:00:00Z</updated><summary>A teaser.</summary></entry>
<entry><title>Secret</title><link rel="alternate" href="$U/private/secret.html"/></entry>
</feed>
EOF2
printf '%s\n' "# a list of pages" "$U/article.html" "$U/loop" "$U/private/secret.html" "$U/huge" "$U/flaky" "$U/binary" "$U/nothing-here" >"$T/urls.txt"
expect_exit 1 "$S" --db "$T/web.db" ingest --allow-private --delay 0 --timeout 1 --jobs 3 --urls "$T/urls.txt" "$U/slow"
check "pages fetched and stored (article, and flaky after a retry)" test "$(n_articles "$T/web.db")" -eq 2
check "the retried page answered on the second request" sh -c "grep -c '^/flaky' '$T/requests.log' | grep -qx 2"
check "robots.txt: disallowed page not fetched" err_has "secret.html: disallowed by robots.txt"
check "robots.txt was asked for" grep -q "^/robots.txt" "$T/requests.log"
check "redirect loop named" err_has "/loop: more than 10 redirects"
check "time-out named" err_has "/slow: timed out"
check "size cap named" err_has "/huge: larger than the 50 MB cap"
check "404 named" err_has "nothing-here: HTTP status 404"
check "binary served as text/html refused or stored, never a crash" sanitizer_clean
check "the user agent names storyline" grep -q "storyline/" "$T/requests.log"
expect_exit 1 "$S" --db "$T/feedurl.db" ingest --allow-private --delay 0 "$U/feed.xml"
check "a feed by URL: its item's page is fetched and stored" sh -c "'$S' --db '$T/feedurl.db' export --json | grep -q 'Caf'"
check "a feed by URL: the disallowed item is named" err_has "feed.xml: .*secret.html: disallowed"
kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null
finish
