# diskfull.sh — an ingest into a small filesystem (a tmpfs of 8 MB mounted
# here) until it is full: exit status 3 with a message naming the cause, the
# store intact (check passes, only whole batches of whole articles), and
# usable again once space is freed. Needs root (mount); otherwise it says
# "skipped" and passes nothing.
NAME=diskfull
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
M="$T/disk"
mkdir "$M"
if ! mount -t tmpfs -o size=8m tmpfs "$M" 2>"$T/mount.err"; then
  echo "  skip  cannot mount a tmpfs ($(head -n 1 "$T/mount.err")): the disk-full test needs root"
  finish
fi
trap 'umount "$M" 2>/dev/null; rm -rf "$T"' EXIT
trap 'umount "$M" 2>/dev/null; rm -rf "$T"; exit 130' INT TERM
DB="$M/store.db"
n_articles() { python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$1"; }

section "ingest 2,000 articles into 8 MB"
python3 "$SL_TESTS/gen_articles.py" 2000 --seed 3 --jsonl "$T/many.jsonl"
printf 'Late ferry to Skerry\n\nThe council approved a late ferry to Skerry on Fridays, after a year of requests from islanders.\n' >"$T/ferry.txt"
expect_exit 3 "$S" --db "$DB" ingest "$T/many.jsonl"
grep -v '^ingested ' "$ERR" | head -n 1 | sed 's/^/        /'
check "the message names the file system as full" sh -c 'grep -qi "full" "$1"' - "$ERR"
check "the message names the cause (never 'not an error')" sh -c '! grep -q "not an error" "$1"' - "$ERR"
cp "$ERR" "$T/full.err"

section "the store after the failure"
expect_exit 0 "$S" --db "$DB" check
"$S" --db "$DB" export --json >"$T/full.json" 2>/dev/null
STORED=$(n_articles "$T/full.json")
echo "        $STORED articles stored before the disk filled"
check "some batches were committed before the disk filled" test "$STORED" -gt 0
check "whole batches only (a multiple of 500 articles)" test $((STORED % 500)) -eq 0
check "each stored article is whole: its text equals the input's" python3 -c 'import json, sys
src = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    src[r["id"]] = r
for a in json.load(open(sys.argv[2]))["articles"]:
    r = src[a["key"]]
    assert a["title"] == r["title"], a["key"]
    assert a["text"].split() == r["text"].split(), a["key"]' "$T/many.jsonl" "$T/full.json"
check "the summary counts only what was committed" sh -c 'grep -q "^ingested .*: $1 new," "$2"' - "$STORED" "$T/full.err"

section "space freed: the store is usable again"
mount -o remount,size=64m "$M"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$T/ferry.txt"
expect_exit 0 "$S" --db "$DB" search Skerry
check "the new article is found" out_has "Late ferry to Skerry"
expect_exit 0 "$S" --db "$DB" --quiet ingest "$T/many.jsonl"
"$S" --db "$DB" export --json >"$T/after.json" 2>/dev/null
check "re-running the ingest stores the rest (2,001 articles)" test "$(n_articles "$T/after.json")" -eq 2001
expect_exit 0 "$S" --db "$DB" check

finish
