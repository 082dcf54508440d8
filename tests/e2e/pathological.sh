# pathological.sh — hostile and absurd inputs, each in a batch with one good
# article: every case ends within a time bound (timeout) and a memory bound
# (peak RSS measured by /usr/bin/time), with no crash; a refused input gets one
# line naming the file and the reason; the good article is stored anyway.
# Inputs are generated here, never committed. SL_LONG=1 runs the full sizes
# of issue 17 (a 200 MB line, a 50 MB JSONL line, a 4 GiB gzip bomb, a
# 1,000,000-word sentence, 100,000 sentences, 10,000 copies); the default
# sizes keep `make test` near a minute. Bounds and figures: docs/testing.md.
NAME=pathological
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
if [ "${SL_LONG:-0}" = 1 ]; then
  LINE_MB=200 JSONL_MB=50 BOMB_MB=4096 COPIES=10000 WORDS=1000000 SENTENCES=100000
else
  LINE_MB=8 JSONL_MB=5 BOMB_MB=256 COPIES=2000 WORDS=300000 SENTENCES=30000
fi
JSONL_MB=${SL_JSONL_MB:-$JSONL_MB}   # one long case alone, e.g. SL_JSONL_MB=50
# Sanitizer builds run three to eight times slower and hold two to three times
# the memory: the bounds are set for them on a loaded machine (docs/testing.md)
# and still end a hang or a quadratic blow-up.
GOOD_WORD=kestrels

# batch CASE: a fresh folder $T/CASE holding the good article; the case's
# generator adds its bad input there.
batch() {
  CASE=$1
  DIR="$T/$CASE"
  DB="$T/$CASE.db"
  mkdir -p "$DIR"
  printf 'Kestrel survey at Dunnock Reach\n\nVolunteers counted forty kestrels on the Dunnock Reach reserve on Sunday, the most since the survey began in 1998.\n' >"$DIR/good.txt"
}

# bounded SECONDS MB CMD...: runs CMD with a time limit (killed after SECONDS)
# and measures its peak memory; RC is its status, WALL and RSS_MB the figures.
bounded() {
  LIMIT_S=$1
  LIMIT_MB=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$T/.time" timeout -s KILL "$LIMIT_S" "$@" >"$OUT" 2>"$ERR"
  RC=$?
  set -- $(tail -n 1 "$T/.time")
  WALL=$1
  RSS_MB=$(($2 / 1024))
}

# one_line_each: every message of the last run (but the summary) is one line
# "storyline: PATH: REASON" naming a file of the batch, no file twice.
one_line_each() {
  grep -v '^ingested ' "$ERR" | python3 -c 'import re, sys
seen = set()
for line in sys.stdin:
    m = re.match(r"storyline: (\S+): (.{6,})$", line.rstrip("\n"))
    assert m and m.group(1).startswith(sys.argv[1]), "not a clear message: " + line
    assert m.group(1) not in seen, "named twice: " + m.group(1)
    seen.add(m.group(1))' "$DIR/"
}

# ingest_case SECONDS MB: ingests the batch folder within the bounds,
# checks what every case promises.
ingest_case() {
  bounded "$1" "$2" "$S" --db "$DB" ingest "$DIR"
  echo "        $CASE: exit $RC, ${WALL} s, ${RSS_MB} MB peak"
  check "$CASE: no crash, no sanitizer report (exit $RC)" sh -c 'test "$1" -le 1' - "$RC"
  check "$CASE: within $1 s (took $WALL s)" sh -c 'test "$1" -ne 137 && test "$1" -ne 124' - "$RC"
  check "$CASE: within $2 MB (peak $RSS_MB MB)" test "$RSS_MB" -le "$2"
  check "$CASE: sanitizer-clean" sanitizer_clean
  check "$CASE: each refusal is one line naming the file and the reason" one_line_each
  check "$CASE: the good article is stored" good_stored
  check "$CASE: the store passes check" "$S" --db "$DB" check
}

good_stored() { "$S" --db "$DB" search "$GOOD_WORD" | grep -q "Dunnock Reach"; }
# search_has WORD: a stored article holds WORD.
search_has() { "$S" --db "$DB" search "$1" | grep -q .; }
n_articles() {
  "$S" --db "$DB" export --json 2>/dev/null |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo -1
}

# line_whole: line.txt is stored with its whole text, or refused by name.
line_whole() {
  "$S" --db "$DB" export --json | python3 -c 'import json, sys
arts = [a for a in json.load(sys.stdin)["articles"] if a["path"].endswith("/line.txt")]
assert arts or "line.txt" in open(sys.argv[2]).read(), "neither stored nor refused"
assert all(len(a["text"]) >= int(sys.argv[1]) for a in arts), [len(a["text"]) for a in arts]' \
    $(((LINE_MB << 20) * 95 / 100)) "$ERR"
}

section "one ${LINE_MB} MB line"
batch line
python3 -c 'import sys
words = b"tamber orvale quinth marrow skelland brae gallow fenwick dunnock caddow ".split()
chunk = b" ".join(words[(i * 7) % 10] for i in range(100000)) + b" "
n = int(sys.argv[2]) << 20
with open(sys.argv[1], "wb") as f:
    while n > 0:
        f.write(chunk[:n]); n -= len(chunk)' "$DIR/line.txt" "$LINE_MB"
ingest_case $((LINE_MB * 8 + 60)) $((LINE_MB * 40 + 300))
check "line: stored whole (its text at least 95% of the file: spaces collapse) or refused" line_whole

section "100,000 nested tags"
batch nested
python3 -c 'import sys
n = 100000
open(sys.argv[1], "w").write("<html><head><title>Deep</title></head><body>" + "<div>" * n
  + "<p>The lighthouse keeper at Fenwick Point logged forty ships passing the headland on Saturday.</p>"
  + "</div>" * n + "</body></html>")' "$DIR/nested.html"
ingest_case 60 400

section "1,000,000 quotation marks"
batch quotes
python3 -c 'import sys
open(sys.argv[1], "w").write("Quote storm at Caddow\n\n" + "\u201cYes,\u201d she said. \"" * 1 + "\"" * 1000000 + "\n")' "$DIR/quotes.txt"
ingest_case 60 400

section "a sentence of $WORDS words"
batch words
python3 -c 'import sys
w = "marrow quinth skelland brae gallow fenwick".split()
open(sys.argv[1], "w").write("A very long sentence\n\n" + " ".join(w[i % 6] for i in range(int(sys.argv[2]))) + ".\n")' "$DIR/words.txt" "$WORDS"
ingest_case 120 800

section "a sentence of $WORDS numbers"
batch numbers
# bare numbers and measures after commas: each number's look-around is bounded
# (src/facts/quantities.c), not the length of its sentence
python3 -c 'import sys
parts = ["12", "up 5 km,", "a third of", "from $4 to"]
open(sys.argv[1], "w").write("A very long count\n\n" + " ".join(parts[i % 4] for i in range(int(sys.argv[2]))) + " 7.\n")' "$DIR/numbers.txt" "$WORDS"
ingest_case 120 800

section "an article of 1 MB of distinct names after \"the\""
batch names
# each "the X" asks whether X opens a place's name elsewhere ("the Tavel"
# beside "Tavel River"): one look-up in a table made once a text
# (src/facts/entities.c), not a scan of the text per name (22.4 s against
# 0.49 s of CPU for this input outside the sanitizer build before that table)
python3 -c 'import sys
c, v = "bcdfghklmnprstvz", "aeiou"
w = lambda i: "".join(c[(i >> (4 * k)) % 16] + v[(i >> (4 * k + 2)) % 5] for k in range(4)).capitalize()
open(sys.argv[1], "w").write("Rivers of the north\n\n" + "".join("Boats went up the %s at dawn. " % w(i * 7919) for i in range(34000)) + "\n")' "$DIR/names.txt"
ingest_case 30 800

section "an article of 30,000 sentences opening with an adverb before a name"
batch adverbs
# a sentence-opening "-ly" word before a name asks whether the text writes
# that word elsewhere as a name's (src/facts/entity_cues.c): a scan of the
# text each, so only a text's first 64 are asked (74.1 s against 0.16 s of
# CPU for this input outside the sanitizer build before the cap)
python3 -c 'import sys
open(sys.argv[1], "w").write("Choices\n\n" + "Ironically Alpha Beta met them. " * 30000 + "\n")' "$DIR/adverbs.txt"
ingest_case 30 800

section "an article of $SENTENCES sentences"
batch sentences
python3 -c 'import sys
w = "marrow quinth skelland brae gallow fenwick tamber orvale".split()
s = " ".join("%s %s the %s of %d." % (w[i % 8].capitalize(), w[(i * 3) % 8], w[(i * 5) % 8], i) for i in range(int(sys.argv[2])))
open(sys.argv[1], "w").write("Many sentences\n\n" + s + "\n")' "$DIR/sentences.txt" "$SENTENCES"
ingest_case 120 800

section "$COPIES copies of one article"
batch copies
# Hard-wrapped (lines cut at 60 columns), as wire copy often is.
python3 -c 'import json, sys, textwrap
para = ("The ferry to Skerry will run late on Fridays from June, the council said on Monday, "
        "after islanders had asked for the change for more than a year. The first late sailing "
        "leaves Quell Sound at eleven and reaches the island before midnight, weather allowing.")
text = "\n".join(textwrap.wrap(para, 60)) + "\n\n" + "\n".join(textwrap.wrap(para.upper().lower(), 60))
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        f.write(json.dumps({"id": "copy-%d" % i, "source": "Wire %d" % (i % 50),
                            "title": "Late ferries to Skerry", "text": text}) + "\n")' "$DIR/copies.jsonl" "$COPIES"
ingest_case 180 800
check "$CASE: every copy is stored as an article (exact copies), none rejected as chrome" \
  test "$(n_articles)" -eq $((COPIES + 1))

section "a gzip bomb: a .warc.gz record inflating to ${BOMB_MB} MB"
batch bomb
python3 -c 'import sys, zlib
mb = int(sys.argv[2])
def head(uri, n):
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, n)).encode()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
page = http + b"<html><body><p>The bomb came first; this page about the Orvale weir repairs follows it in the same file.</p></body></html>"
with open(sys.argv[1], "wb") as f:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)   # one gzip member: the bomb record
    f.write(z.compress(head("https://example.org/bomb", len(http) + (mb << 20)) + http))
    zeros = bytes(1 << 20)
    for _ in range(mb):
        f.write(z.compress(zeros))
    f.write(z.compress(b"\r\n\r\n") + z.flush())
    z = zlib.compressobj(9, zlib.DEFLATED, 31)   # the next member: a good record
    f.write(z.compress(head("https://example.org/after", len(page)) + page + b"\r\n\r\n") + z.flush())' "$DIR/bomb.warc.gz" "$BOMB_MB"
echo "        bomb.warc.gz: $(wc -c <"$DIR/bomb.warc.gz") bytes on disk"
ingest_case $((BOMB_MB / 10 + 60)) 400
check "$CASE: the record after the bomb is stored" search_has weir

section "WARC records whose Content-Length lies or is cut"
batch warclen
python3 -c 'import sys
def rec(uri, text, length=None):
    page = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>%s</p></body></html>" % text).encode()
    n = len(page) if length is None else length
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %s\r\n\r\n" % (uri, n)).encode() + page + b"\r\n\r\n"
good = lambda w: rec("https://example.org/" + w, "The %s report from the harbour office covers the week of storms along the coast." % w)
open(sys.argv[1], "wb").write(good("firstrec") + rec("https://example.org/neg", "negative length", "-5") + good("afterneg"))
open(sys.argv[2], "wb").write(good("bigfirst") + rec("https://example.org/big", "a length of a terabyte", str(1 << 40)) + good("afterbig"))
open(sys.argv[3], "wb").write(good("cutfirst") + good("cutlast")[:-60])' "$DIR/neg.warc" "$DIR/big.warc" "$DIR/cut.warc"
ingest_case 60 400
check "$CASE: records before a lying length are stored" sh -c '"$1" --db "$2" search firstrec | grep -q . && "$1" --db "$2" search bigfirst | grep -q .' - "$S" "$DB"
check "$CASE: the cut record is reported, naming the file" err_has "cut.warc: "
check "$CASE: the good record before the cut one is stored" search_has cutfirst
check "$CASE: the good record after a negative Content-Length is stored" search_has afterneg
check "$CASE: the good record after a 1 TB Content-Length is stored" search_has afterbig

section "a .warc.gz with a damaged member and no gzip header after it"
batch gzdamaged
# The 410-byte input the WARC fuzz target found (fuzz/corpus/warc/).
cp "$SL_TESTS/../fuzz/corpus/warc/regress-gzip-resync-hang.warc.gz" "$DIR/damaged.warc.gz"
bounded 20 400 "$S" --db "$DB" ingest "$DIR"
echo "        $CASE: exit $RC, ${WALL} s, ${RSS_MB} MB peak"
check "$CASE: ends within 20 s (exit $RC, $WALL s)" sh -c 'test "$1" -le 1' - "$RC"
check "$CASE: the good article is stored" good_stored

section "a feed with billion laughs and an external entity"
batch entities
printf 'SECRETMARKER the file an external entity points at\n' >"$T/secret.txt"
python3 -c 'import sys
ents = "<!ENTITY l0 \"lol\">" + "".join("<!ENTITY l%d \"%s\">" % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
open(sys.argv[1], "w").write("<?xml version=\"1.0\"?><!DOCTYPE rss [" + ents + "]><rss version=\"2.0\"><channel><title>Laughs</title>"
  "<item><title>&l9;</title><description>&l9;</description><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">&l9;</content:encoded></item></channel></rss>")
open(sys.argv[2], "w").write("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://%s\">]><rss version=\"2.0\"><channel><title>XXE</title>"
  "<item><title>Entity &x;</title><description>The item text &x; ends here.</description></item></channel></rss>" % sys.argv[3])' \
  "$DIR/laughs.xml" "$DIR/xxe.xml" "$T/secret.txt"
ingest_case 60 400
check "$CASE: the external entity was not read" sh -c '! "$1" --db "$2" export --json | grep -q SECRETMARKER' - "$S" "$DB"
check "$CASE: entities were not expanded into the store" sh -c '! "$1" --db "$2" export --json | grep -q lollollollollol' - "$S" "$DB"

section "NUL bytes"
batch nul
head -c 3000 /dev/zero >"$DIR/zeros.txt"
python3 -c 'import sys
body = "<p>" + "Harbour notes on the Quell Sound moorings, written up for the record. " * 80 + "</p>"
page = "<html><head><title>Late NUL</title></head><body>" + body + "\0" + "<p>After the NUL byte, the tide tables for Brackenfold follow.</p></body></html>"
open(sys.argv[1], "w").write(page)' "$DIR/late_nul.html"
ingest_case 60 400
check "$CASE: the all-NUL file is refused, naming it" err_has "zeros.txt: "
check "$CASE: text after a NUL past the first 4 KB of a page is kept, or the page refused (16.5)" \
  sh -c '"$1" --db "$2" search Brackenfold | grep -q . || grep -q "late_nul.html: " "$3"' - "$S" "$DB" "$ERR"

section "UTF-16 with a BOM, invalid UTF-8 everywhere"
batch encodings
python3 -c 'import sys, random
open(sys.argv[1], "wb").write("\ufeffTide tables\n\nThe tide tables for Gallow Bay were printed in UTF-16 this year, with a byte order mark.\n".encode("utf-16-le"))
open(sys.argv[3], "wb").write("\ufeff<html><head><title>Tides</title></head><body><p>The tide tables for Hollin Bay were printed in UTF-16 this year, with a byte order mark.</p></body></html>".encode("utf-16-le"))
r = random.Random(5)
words = "the harbour of Tamberley saw storms and ferries late again".split()
out = bytearray(b"Broken bytes\n\n")
for i in range(20000):
    out += words[i % 10].encode() + bytes([r.randrange(0x80, 0x100)]) + b" "
open(sys.argv[2], "wb").write(bytes(out) + b"\n")' "$DIR/utf16.txt" "$DIR/badutf8.txt" "$DIR/utf16.html"
ingest_case 60 400
check "$CASE: the UTF-16 text is stored decoded, or refused naming it" \
  sh -c '"$1" --db "$2" search Gallow | grep -q . || grep -q "utf16.txt: " "$3"' - "$S" "$DB" "$ERR"
check "$CASE: the UTF-16 page is stored decoded, or refused naming it" \
  sh -c '"$1" --db "$2" search Hollin | grep -q . || grep -q "utf16.html: " "$3"' - "$S" "$DB" "$ERR"
check "$CASE: the invalid UTF-8 text is stored, bytes replaced" search_has "Tamberley"

section "a binary file named .html, an empty file, a symlink loop"
batch odd
head -c 200000 /dev/urandom >"$DIR/photo.html"
: >"$DIR/empty.txt"
mkdir "$DIR/sub"
ln -s .. "$DIR/sub/up"
ln -s loop_b "$DIR/loop_a"
ln -s loop_a "$DIR/loop_b"
ingest_case 60 400
check "$CASE: the binary .html is refused as binary" sh -c 'grep -q "photo.html: .*binary" "$1"' - "$ERR"
check "$CASE: the empty file is refused as empty" sh -c 'grep -q "empty.txt: .*empty" "$1"' - "$ERR"
check "$CASE: the good article is stored once, not once per loop level" test "$(n_articles)" -eq 1

section "one ${JSONL_MB} MB JSONL line"
batch jsonl
python3 -c 'import json, sys
n = int(sys.argv[2]) << 20
words = "tamber orvale quinth marrow skelland brae gallow fenwick dunnock caddow".split()
text = " ".join(words[(i * 3) % 10] for i in range(n // 6))[:n]
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "huge", "title": "Huge", "text": text}) + "\n")
    f.write(json.dumps({"id": "small", "title": "Orvale weir", "text": "Repairs to the Orvale weir finished a week early, the river trust said on Friday."}) + "\n")' \
  "$DIR/huge.jsonl" "$JSONL_MB"
ingest_case $((JSONL_MB * 8 + 60)) $((JSONL_MB * 40 + 300))
check "$CASE: the small record after the huge line is stored" search_has weir

finish
