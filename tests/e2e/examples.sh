# examples.sh — every example command of README.md, of `storyline --help` and
# of the man page's EXAMPLES runs, and exits 0, against the demo store
# (scripts/demo.sh). The files the examples name (article.txt, crawl.warc.gz,
# feed.xml, urls.txt, ...) are stood in for by examples/ and the test fixtures;
# URLs are served by tests/fixtures/web/server.py on 127.0.0.1.
NAME=examples
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
ROOT=$(cd "$SL_TESTS/.." && pwd)
EX="$ROOT/examples"
W="$SL_TESTS/fixtures/web"

section "the demo store"
expect_exit 0 sh -c 'cd "$1" && sh scripts/demo.sh "$2" "$3"' - "$ROOT" "$S" "$T/demo.db"
check "the demo lists its stories" out_has "== storyline stories"
check "the demo's last lines are commands that can be pasted" sh -c '
  sed -n "/^Try/,\$p" "$1" | tail -n +2 | grep -q . &&
  sed -n "/^Try/,\$p" "$1" | tail -n +2 | while read -r bin rest; do
    [ "$bin" = "$2" ] || exit 1
  done' - "$OUT" "$S"
sed -n '/^Try/,$p' "$OUT" | tail -n +2 >"$T/try.txt"

section "files the examples name"
WORK="$T/work"
mkdir -p "$WORK/build" "$T/bin" "$T/site"
ln -s "$S" "$WORK/build/storyline"   # README: build/storyline
ln -s "$S" "$T/bin/storyline"        # --help and the man page: storyline
ln -s "$EX" "$WORK/examples"
cp "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt" "$WORK/article.txt"
cp "$EX/2026-04-18_harbour-herald_eskmoor-mill-fire.txt" "$WORK/a.txt"
cp "$EX/2026-04-17_valley-courier_eskmoor-mill-fire.txt" "$WORK/b.txt"
cp "$EX/2026-04-17_northwire_feed.jsonl" "$WORK/in.jsonl"
cp "$EX/2026-05-12_valley-courier_tavel-treaty-signed.html" "$WORK/page.html"
python3 "$W/make_warc.py" "$W" "$T" && cp "$T/pages.warc.gz" "$WORK/crawl.warc.gz"
cat >"$WORK/feed.xml" <<'EOF2'
<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Fernwick Tribune</title><link>http://fernwick.invalid/</link>
<item><title>Fernwick orchard opens its gates for the cider harvest</title>
<link>http://fernwick.invalid/orchard</link><pubDate>Tue, 07 Oct 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The community orchard on Pellow Lane will open every Saturday this month so that volunteers can help pick apples for the village cider press, the orchard trust said on Monday.</p>
<p>Trust chair Odile Marsh said last year's pressing produced almost nine hundred bottles and that the money raised would pay for new fencing along the brook.</p>
<p>Visitors are asked to bring their own gloves and to leave dogs at home while the picking is under way.</p>
<p>The trust planted the first forty trees on the old allotment site eleven years ago, after a survey of the parish found that most of its historic apple varieties had been lost when farms were sold and hedges grubbed out in the decades after the war.</p>
<p>Some of the rarer trees were grafted from cuttings kept by a retired schoolteacher in Lower Fernwick, and the trust now sends scion wood to other villages each winter so that the local varieties are grown more widely.</p>
<p>Pressing will take place at the village hall on the last Sunday of the month, when the trust will also hold its annual meeting and show the plans for a small shelter beside the gate.</p>]]></content:encoded></item>
</channel></rss>
EOF2
cp "$W/article.html" "$T/site/"
python3 "$W/server.py" "$T/site" "$T/port" &
SERVER=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
echo "http://127.0.0.1:$(cat "$T/port" 2>/dev/null)/article.html" >"$WORK/urls.txt"
check "the local server is up" test -s "$T/port"

section "the examples"
# One command a line: README's code blocks (build/storyline ...), --help's
# examples and the man page's EXAMPLES ($ storyline ..., \e continuations),
# trailing "# comments" taken off.
"$S" --help >"$T/help.txt"
python3 - "$ROOT/README.md" "$T/help.txt" "$ROOT/man/storyline.1" >"$T/commands" <<'PY'
import re, sys
readme, helptext, man = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
def clean(line):
    return re.sub(r"\s+#\s.*$", "", line).strip()
out = []
blocks = re.findall(r"```\n(.*?)```", readme, re.S)
out += ["README " + clean(l) for b in blocks for l in b.splitlines() if l.startswith("build/storyline ")]
in_examples = False
for l in helptext.splitlines():
    if l.startswith("examples"):
        in_examples = True
    elif in_examples and not l.strip():
        break
    elif in_examples:
        out.append("help " + clean(l))
for block in re.findall(r"^\.EX\n(.*?)^\.EE", man, re.S | re.M):
    block = re.sub(r"\\e\n\s*", " ", block)
    for l in block.splitlines():
        if l.startswith("$ "):
            l = l[2:].replace("\\-", "-").replace("\\(aq", "'").replace("\\(dq", '"').replace("\\e", "\\")
            if not l.startswith("make "):
                out.append("man " + clean(l))
print("\n".join(out))
PY
check "README has its examples (15 or more)" test "$(grep -c '^README ' "$T/commands")" -ge 15
check "--help has its examples (4 or more)" test "$(grep -c '^help ' "$T/commands")" -ge 4
check "the man page has its examples (10 or more)" test "$(grep -c '^man ' "$T/commands")" -ge 10
export STORYLINE_DB="$T/demo.db"
export PATH="$T/bin:$PATH"
while IFS= read -r line <&3; do
  where=${line%% *}
  cmd=${line#* }
  case "$cmd" in
    export\ *) eval "$cmd"; continue ;;   # the man page's session sets STORYLINE_DB
    *--urls*|*http://*|*https://*) cmd="$cmd --allow-private" ;;  # the stand-in server is on loopback
  esac
  run sh -c "cd \"\$1\" && { $cmd ; } </dev/null" - "$WORK"
  if [ "$RC" -eq 0 ] && sanitizer_clean; then
    pass "$where: $cmd"
  else
    fail "$where: $cmd" "exit $RC"
    show_output
  fi
done 3<"$T/commands"

section "the demo's Try lines"
export STORYLINE_DB="$T/demo.db"
while IFS= read -r cmd <&3; do
  run sh -c "cd \"\$1\" && { $cmd ; } </dev/null" - "$ROOT"
  check "demo: $(echo "$cmd" | sed "s|$S|storyline|; s|$T/||")" test "$RC" -eq 0
done 3<"$T/try.txt"

kill "$SERVER" 2>/dev/null
finish
