# serve.sh — storyline serve end to end (issue 14): the JSON endpoints and
# their errors (400, 404, 405, 413, 429), ETag/304, gzip, the page's assets
# and headers, a new snapshot per request while an ingest writes, and hostile
# clients (path traversal, malformed escapes, huge headers, a slow client,
# thousands of connections opened and dropped): the server answers or
# refuses cleanly and stays up.
NAME=serve
. "$SL_TESTS/e2e/lib.sh"
# JSON checks use jq: python takes seconds to start on a loaded machine.

S=$STORYLINE
DB="$T/store.db"
FX="$SL_TESTS/fixtures/serve"
PIDS=""
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT

# start NAME ARGS...: runs serve in the background (its stdout in $T/NAME.out,
# stderr in $T/NAME.err) and sets $BASE to its URL once it listens.
start() {
  n=$1
  shift
  "$S" --db "$DB" serve --port 0 "$@" >"$T/$n.out" 2>"$T/$n.err" &
  LAST_PID=$!
  PIDS="$PIDS $LAST_PID"
  i=0
  while [ $i -lt 100 ] && ! grep -q 'http://' "$T/$n.out" 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
  done
  BASE=$(sed -n 's|.* at \(http://[^ ]*\)/$|\1|p' "$T/$n.out")
}

# get PATH [CURL ARGS...]: the status in $CODE, headers in $T/h, body in $OUT.
get() {
  p=$1
  shift
  rm -f "$OUT"
  CODE=$(curl -s --path-as-is -o "$OUT" -D "$T/h" -w '%{http_code}' "$@" "$BASE$p")
}
header_has() { grep -qi -- "$1" "$T/h"; }
# is_error STATUS: the body is a JSON error document with that status.
is_error() { jq -e --argjson s "$1" '.error.status == $s and (.error.message | length > 0)' "$OUT" >/dev/null; }
# jqok EXPR: the JSON body makes jq's EXPR true (jq is fast to start; python is not).
jqok() { jq -e "$1" "$OUT" >/dev/null; }
code_is() { [ "$CODE" = "$1" ]; }

section "store and start"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$FX/articles.jsonl"
start main --timeout 1 --rate 0
MAIN=$BASE
check "serve listens on loopback by default and says where" grep -q 'http://127.0.0.1:[0-9]*/' "$T/main.out"

section "the page"
get /
check "/ is the page (200, HTML)" sh -c "[ $CODE = 200 ] && grep -qi 'content-type: text/html' '$T/h' && grep -q '/app.js' '$OUT'"
check "CSP: scripts from the server only, no inline script" sh -c "grep -i 'content-security-policy' '$T/h' | grep -q \"script-src 'self'\" && ! grep -i 'content-security-policy' '$T/h' | grep -q unsafe-inline"
check "nosniff and no framing" sh -c "grep -qi 'x-content-type-options: nosniff' '$T/h' && grep -qi 'frame-ancestors' '$T/h'"
check "the page has no inline script" sh -c "! grep -o '<script[^>]*>' '$OUT' | grep -v 'src=' | grep -q . && ! grep -qiE ' on[a-z]+=' '$OUT'"
get /app.js
check "/app.js is served as JavaScript" sh -c "[ $CODE = 200 ] && grep -qi 'content-type: text/javascript' '$T/h'"
get /app.css
check "/app.css is served as CSS" sh -c "[ $CODE = 200 ] && grep -qi 'content-type: text/css' '$T/h'"
check "the page's assets are under 100 KB together" sh -c "[ \$(($(curl -s "$BASE/" | wc -c) + $(curl -s "$BASE/app.js" | wc -c) + $(curl -s "$BASE/app.css" | wc -c))) -lt 102400 ]"

section "stories"
get /api/stories
check "stories: 200, both stories, newest first, with sizes and outlets" jqok '
.json_version == 1 and .total == 2 and ([.stories[].id] == [1, 2])
and .stories[0].size == 3 and .stories[0].sources == 3 and .stories[0].last_published == "2026-06-01"'
get '/api/stories?limit=1&offset=1'
check "stories: paged (limit 1, offset 1 gives the older story)" jqok '.total == 2 and .limit == 1 and [.stories[].id] == [2]'
get '/api/stories?q=newsletter'
check "stories ?q=: the story whose article matches" jqok '[.stories[].id] == [2] and .total == 1'
get '/api/stories?q=nosuchwordanywhere'
check "stories ?q= with no match: none" jqok '.total == 0 and .stories == []'
get '/api/stories?since=2026-06-01'
check "stories ?since=: only stories with an article since then" jqok '[.stories[].id] == [1]'
get '/api/stories?thread=1'
check "stories ?thread=: that thread's stories" jqok '(.stories | length > 0) and all(.stories[]; .thread == 1)'
get '/api/stories?since=yesterday'
check "stories ?since=bad: 400 with a JSON error" is_error 400
check "  ... naming the date" sh -c "grep -q 'yesterday' '$OUT'"
get '/api/stories?since=2026-02-30'
check "stories ?since=2026-02-30, no day: 400 (SQLite read it as March 2; qa5)" is_error 400
get '/api/stories?limit=1000'
check "stories ?limit over 100: 400" is_error 400
get '/api/stories?offset=-1'
check "stories ?offset=-1: 400" is_error 400

section "a story, an article, search, threads"
get /api/stories/1
check "story: show, summary with sources, timeline, a conflict, a copy" jqok '
.show.story.id == 1 and (.show.story.articles | length == 3)
and any(.show.story.articles[]; .copy_of == 1 and .copy_kind == "near")
and (.summary.sentences | length > 0) and all(.summary.sentences[]; .docs | length > 0)
and (.timeline.events | length > 0)
and any(.show.facts[]; .conflict and .about == "killed")
and (.show.quotes | length > 0) and (.show.entities | length > 0)'
get /api/stories/99
check "story 99: 404 with a JSON error" is_error 404
get /api/stories/0
check "story 0: 404" is_error 404
get /api/stories/abc
check "story abc: 404" is_error 404
# An id no story can have was "no such endpoint", as if the path were wrong (qa5).
for p in /api/stories/0 /api/stories/9223372036854775807 /api/stories/123456789012345678901234567890123; do
  get "$p"
  check "${p#/api/stories/}: 404 \"no story ...\", not \"no such endpoint\"" \
    jqok '.error.status == 404 and (.error.message | startswith("no story '"$(echo "${p#/api/stories/}" | cut -c1-30)"'"))'
done
get /api/articles/0
check "article 0: 404 \"no article 0\"" jqok '.error.message == "no article 0"'
for p in '/api/stories/1%00' '/api/stories/1%00x' '/app.js%00.txt'; do
  get "$p"
  check "a NUL after the path ($p): 404, not what comes before it" is_error 404
done
get /api/articles/2
check "article: text, removed lines and its copy relation with aligned sentences" jqok '
.article.article.id == 2 and (.article.article.text | length > 0) and (.article.article | has("removed"))
and .copies.copies[0].article == 2 and .copies.copies[0].of == 1
and (.copies.copies[0].evidence | length > 0)
and all(.copies.copies[0].evidence[]; (.article_text | length > 0) and (.of_text | length > 0))'
get /api/articles/4
check "article text keeps markup as text (escaped by JSON, not removed)" jqok '
.article.article.text | contains("<script>alert(") and contains("onerror=alert(1)>")'
check "  ... and the JSON body is served as application/json, never HTML" header_has 'content-type: application/json'
get /api/articles/12345
check "article 12345: 404" is_error 404
get '/api/search?q=Orla'
check "search: hits in story 1" jqok '(.hits | length > 0) and all(.hits[]; .story == 1)'
get '/api/search'
check "search without q: 400" is_error 400
get '/api/search?q=%22unbalanced'
check "search with bad FTS syntax: 400, not a crash" is_error 400
get '/api/search?q=%20%20'
# no_words: the answer is a 400, its JSON error saying there is no word.
no_words() { [ "$CODE" = 400 ] && is_error 400 && grep -q 'no words to look for' "$OUT"; }
check "search of blanks: 400 saying so (not SQLite's \"not an error\")" no_words
get '/api/stories?q=%20'
check "stories ?q= of blanks: the same" no_words
get '/api/threads'
check "threads: a JSON document" jqok 'has("threads")'
get '/api/threads?all=1'
check "threads ?all=1: every thread" jqok '.threads | length == 2'
get /api/nothing
check "unknown endpoint: 404" is_error 404

section "caching and compression"
get /api/stories/1
ETAG=$(grep -i '^etag:' "$T/h" | cut -d' ' -f2 | tr -d '\r')
check "an ETag on 200" sh -c "[ -n '$ETAG' ]"
get /api/stories/1 -H "If-None-Match: $ETAG"
check "If-None-Match with it: 304, no body" sh -c "[ $CODE = 304 ] && [ ! -s '$OUT' ]"
get /api/stories/1 -H 'If-None-Match: "0000000000000000"'
check "another tag: 200" code_is 200
get /api/stories/1 -H 'Accept-Encoding: gzip'
check "Accept-Encoding gzip: gzipped, Vary set" sh -c "grep -qi 'content-encoding: gzip' '$T/h' && grep -qi 'vary: accept-encoding' '$T/h'"
cp "$OUT" "$T/gz"
get /api/stories/1
check "  ... and it unzips to the same document" sh -c "gzip -dc '$T/gz' | cmp -s - '$OUT'"
get /api/stories/1 -H 'Accept-Encoding: gzip;q=0'
check "gzip;q=0: not gzipped" sh -c "! grep -qi 'content-encoding' '$T/h'"
CODE=$(curl -s -I -o "$T/h" -w '%{http_code}' "$BASE/api/stories")
check "HEAD: 200 with headers" sh -c "[ $CODE = 200 ] && grep -qi etag '$T/h'"

section "hostile clients, and refused requests meanwhile"
# Hostile clients, in the background while the refused requests below are
# sent (the server answers both at once): one python run (python is slow to
# start on a loaded machine) prints one line per finding, checked after.
python3 -c '
import socket, sys, time, urllib.request
base = sys.argv[1]
host, port = base.replace("http://", "").rsplit(":", 1)
# A slow client: headers a byte at a time, then it stalls.
slow = socket.create_connection((host, int(port)))
for ch in b"GET /api/stories HTTP/1.1\r\nHost: x\r\n":
    slow.send(bytes([ch])); time.sleep(0.01)
t0 = time.time()
if urllib.request.urlopen(base + "/api/stories", timeout=5).status == 200 and time.time() - t0 < 2:
    print("others served during a slow client")
slow.settimeout(10)
t0 = time.time()
if slow.recv(100) == b"" and time.time() - t0 < 8:   # closed by the server (timeout 1 s)
    print("slow client closed")
# 10,000 connections opened and dropped, a third of them with half a request.
for batch in range(20):
    socks = []
    for i in range(500):
        try:
            s = socket.create_connection((host, int(port)), timeout=5)
        except OSError:
            continue
        if i % 3 == 0:
            s.send(b"GET /api/stories HTTP/1.1\r\nHo")
        socks.append(s)
    for s in socks:
        s.close()
if urllib.request.urlopen(base + "/api/stories", timeout=10).status == 200:
    print("up after 10000 connections")
' "$BASE" >"$T/hostile" 2>&1 &
HOSTILE=$!
for m in POST PUT DELETE PATCH; do
  get /api/stories -X "$m"
  check "$m: 405 with Allow: GET, HEAD" sh -c "[ $CODE = 405 ] && grep -qi 'allow: GET, HEAD' '$T/h'"
done
check "405 is a JSON error" is_error 405
get /api/stories -X GET --data-binary 'a body'
check "a GET with a body: 413" is_error 413
LONG=$(head -c 5000 /dev/zero | tr '\0' x)
get "/api/search?q=$LONG"
check "a URI over 4096 bytes: 413" is_error 413
BIG=$(head -c 40000 /dev/zero | tr '\0' a)
get /api/stories -H "X-Big: $BIG"
check "40 KB of headers: refused (431 or 413), not answered" sh -c "[ $CODE = 431 ] || [ $CODE = 413 ]"
for p in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/web/index.html' '/api/../app.js' \
         '/app.js/../../etc/passwd' '/index.html' '/.git/config' '//etc/passwd'; do
  get "$p"
  check "traversal $p: 404 JSON, no file" sh -c "[ $CODE = 404 ] && ! grep -q 'root:' '$OUT'"
done
for p in '/api/search?q=%zz' '/api/stories/%G1' '/%' '/api/search?q=abc%2'; do
  get "$p"
  check "malformed percent-encoding $p: 400" is_error 400
done
get '/api/search?q=%00%ff%fe'
check "a NUL and invalid UTF-8 in a query: answered (200 or 400)" sh -c "[ $CODE = 200 ] || [ $CODE = 400 ]"
get '/api/stories?since=%ff%fe'
check "invalid UTF-8 in an error message: 400, the answer still valid UTF-8" sh -c "[ $CODE = 400 ] && iconv -f UTF-8 -t UTF-8 '$OUT' >/dev/null"

wait $HOSTILE
check "a slow client does not hold up others" grep -q "others served during a slow client" "$T/hostile"
check "a slow client is closed after the timeout (1 s)" grep -q "slow client closed" "$T/hostile"
check "10,000 connections opened and dropped (a third half-sent): the server stays up" grep -q "up after 10000" "$T/hostile"
get /api/stories
check "after all that: still answering" code_is 200

section "rate limit"
start limited --rate 0.05 --burst 3
LIMITED=$BASE
# One curl, six requests on one connection: quick, so that no token comes back (one per 20 s).
U="$LIMITED/api/stories"
codes=$(curl -s -w '%{http_code} ' -o /dev/null "$U" -o /dev/null "$U" -o /dev/null "$U" \
  -o /dev/null "$U" -o /dev/null "$U" -o /dev/null "$U")
check "--rate 0.05 --burst 3: three answered, then 429 ($codes)" sh -c "[ '$codes' = '200 200 200 429 429 429 ' ]"
get /api/stories
check "  ... a JSON error with Retry-After" sh -c "grep -qi 'retry-after: 1' '$T/h' && grep -q '\"status\":429' '$OUT'"
expect_exit 2 "$S" --db "$DB" serve --rate fast
BASE=$MAIN

section "an ingest writes while serving"
get /api/stories
check "before: 2 stories" jqok '.total == 2'
printf 'Ferry strike halts crossings to Skerry\n\nThe ferry crews of the Skerry line walked out on Friday over pay, halting every crossing to the island until Monday at the earliest. Island shops said fresh food would run short by Sunday.\n' >"$T/ferry.txt"
expect_exit 0 "$S" --db "$DB" --quiet ingest --date 2026-07-01 --source "Isle Times" "$T/ferry.txt"
get /api/stories
check "after the ingest commits: the new story first, without a restart" jqok '
.total == 3 and (.stories[0].title | startswith("Ferry strike"))'

section "start-up errors and stop"
expect_exit 2 "$S" --db "$DB" serve --port 99999
expect_exit 2 "$S" --db "$DB" serve --bogus
expect_exit 2 "$S" --db "$DB" serve --port 0 --bind not-an-address
check "a bad --bind is a usage error, named" err_has "^storyline: --bind wants an IP address, not \"not-an-address\""
expect_exit 3 "$S" --db "$T/missing.db" serve --port 0
check "no store: says how to make one" err_has "ingest"
# libmicrohttpd is loaded when serve starts (src/server/mhd_load.h), not
# linked: no other command maps it, nor GnuTLS and its dependencies.
check "libmicrohttpd is not linked, only loaded to serve" sh -c '! readelf -d "$1" | grep -q "libmicrohttpd"' - "$S"
check "no GnuTLS at start-up" sh -c '! ldd "$1" | grep -q "libgnutls"' - "$S"
check "a running server has libmicrohttpd loaded" grep -q "libmicrohttpd" "/proc/$LAST_PID/maps"
for p in $PIDS; do kill "$p"; done
ok=1
for p in $PIDS; do wait "$p" || ok=0; done
PIDS=""
check "SIGTERM stops the servers with exit 0" [ $ok = 1 ]
check "the servers' stderr is sanitizer-clean" sh -c "! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' '$T'/*.err"
finish
