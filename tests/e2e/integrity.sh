# integrity.sh — nothing stored changes unless its source did: the same
# input ingested three times, or again after kill -9 at random moments, or
# by two ingests at once, ends in the same export, byte for byte, as one
# uninterrupted run. Also: repeated lines count distinct articles, records
# without id are their own articles, unknown dates stay unknown, metadata
# given anew is kept, a reader sees one snapshot, a full disk is named.
# SL_INTEGRITY_N sets the number of generated articles (default 1000);
# SL_CRASH_SEED replays the kill delays of a failed run (printed).
NAME=integrity
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
N=${SL_INTEGRITY_N:-1000}
SEED=${SL_CRASH_SEED:-$$}
export_to() { "$S" --db "$1" export --json >"$2" 2>"$ERR"; }
n_articles() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$1"; }

# Generated articles dressed as scraped pages: a menu line and a footer per
# outlet (chrome by repetition), a paragraph repeated four times in some,
# records without id, records without date, exact copies under another id.
python3 "$SL_TESTS/gen_articles.py" "$N" --jsonl "$T/gen.jsonl"
python3 - "$T/gen.jsonl" "$T/in.jsonl" <<'PY'
import json, sys
out = open(sys.argv[2], "w", encoding="utf-8")
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    r = json.loads(line)
    site = r["source"]
    r["text"] = "%s | World | Business | Sport\n\n%s\n\nMore from the %s desk\n%s evening edition" % (
        site, r["text"], site, site)
    if i % 17 == 2:
        r["text"] += "\n\nMarkets in the region closed lower on the day\n" * 4
    if i % 7 == 3:
        del r["id"]
    if i % 11 == 5:
        del r["published"]
    out.write(json.dumps(r) + "\n")
    if i % 13 == 8 and "id" in r:
        r["id"] = "copy-%d" % i
        out.write(json.dumps(r) + "\n")
PY
RECORDS=$(wc -l <"$T/in.jsonl" | tr -d ' ')

section "the same input three times ($RECORDS records)"
expect_exit 0 "$S" --db "$T/ref.db" ingest "$T/in.jsonl"
check "the first run stores every record" err_has ": $RECORDS new, 0 unchanged, 0 new versions, 0 failed"
export_to "$T/ref.db" "$T/ref.json"
check "the export is valid JSON" is_json "$T/ref.json"
check "records without id are each an article; chrome lines were found by repetition" \
  py "$T/ref.json" '
assert len(d["articles"]) == int(sys.argv[2]), len(d["articles"])
removed = [r for a in d["articles"] for r in a.get("removed", [])]
assert any("repeated" in r["reason"] for r in removed), "no line removed for repetition"' "$RECORDS"
for run in 2 3; do
  expect_exit 0 "$S" --db "$T/ref.db" ingest "$T/in.jsonl"
  check "run $run: everything unchanged" err_has ": 0 new, $RECORDS unchanged, 0 new versions, 0 failed"
  export_to "$T/ref.db" "$T/run$run.json"
  check "run $run: the export is byte-identical to the first" cmp -s "$T/ref.json" "$T/run$run.json"
done

section "kill -9 at random moments, then a rerun (seed $SEED)"
# committed DB: the articles a reader sees in the store now.
committed() {
  python3 -c 'import sqlite3, sys
try:
    print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM articles").fetchone()[0])
except Exception:
    print(0)' "$1"
}
# Each ingest resumes the last one and is killed at a random moment after
# it committed a batch of its own, so that every kill leaves work half done.
kills=0
before=0
for k in 1 2 3; do
  delay=$(awk -v seed="$SEED" -v k="$k" 'BEGIN { srand(seed + k); printf "%.2f", rand() * 0.1 }')
  "$S" --db "$T/killed.db" --quiet ingest "$T/in.jsonl" >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(committed "$T/killed.db")" -le "$before" ]; do
    sleep 0.05
  done
  sleep "$delay"
  killed=0
  kill -9 "$pid" 2>/dev/null && killed=1
  { wait "$pid"; } 2>/dev/null
  before=$(committed "$T/killed.db")
  echo "   kill $k, $delay s after a commit: $before of $RECORDS articles stored"
  [ "$killed" -eq 1 ] && [ "$before" -gt 0 ] && [ "$before" -lt "$RECORDS" ] && kills=$((kills + 1))
  [ "$before" -ge "$RECORDS" ] && break
done
check "an ingest was killed mid-run after committing a batch ($kills times)" test "$kills" -ge 1
expect_exit 0 "$S" --db "$T/killed.db" ingest "$T/in.jsonl"
expect_exit 0 "$S" --db "$T/killed.db" check
export_to "$T/killed.db" "$T/killed.json"
check "after the kills and a rerun the export is byte-identical to an uninterrupted run" \
  cmp -s "$T/ref.json" "$T/killed.json"

section "two ingests at once"
"$S" --db "$T/two.db" ingest "$T/in.jsonl" >"$T/a.out" 2>"$T/a.err" &
pid=$!
expect_exit 0 "$S" --db "$T/two.db" ingest "$T/in.jsonl"
wait "$pid"
other=$?
check "the other ingest exits 0 too (exit $other)" test "$other" -eq 0
check "between them, each record stored once" python3 - "$T/a.err" "$ERR" "$RECORDS" <<'PY'
import re, sys
new = sum(int(re.search(r": (\d+) new,", open(f).read()).group(1)) for f in sys.argv[1:3])
assert new == int(sys.argv[3]), new
PY
expect_exit 0 "$S" --db "$T/two.db" check
export_to "$T/two.db" "$T/two.json"
check "the store equals one sequential ingest (byte-identical export)" cmp -s "$T/ref.json" "$T/two.json"

section "every read sees one snapshot"
"$S" --db "$T/snap.db" --quiet ingest "$T/in.jsonl" >/dev/null 2>&1 &
pid=$!
consistent=0
reads=0
while kill -0 "$pid" 2>/dev/null && [ "$reads" -lt 40 ]; do
  if "$S" --db "$T/snap.db" export --json >"$T/snap.json" 2>/dev/null; then
    reads=$((reads + 1))
    py "$T/snap.json" '
ids = {a["id"] for a in d["articles"]}
assert sum(s["size"] for s in d["stories"]) == len(ids)
assert all(set(s["articles"]) <= ids for s in d["stories"])
assert all(c["article"] in ids and c["of"] in ids for c in d["copies"])' >/dev/null 2>&1 &&
      consistent=$((consistent + 1))
  fi
  sleep 0.1
done
wait "$pid"
echo "   $consistent of $reads exports taken during the ingest"
check "every export taken during an ingest is self-consistent ($consistent of $reads)" \
  test "$consistent" -eq "$reads"

section "line repetition counts distinct articles"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
body = ("The harbour authority approved a plan on Tuesday to dredge the northern channel, "
        "which ships have avoided since the spring floods left it too shallow.")
line = "Fishing boats waited outside the harbour wall for the tide"
# One article repeating a line four times, then one that holds it once.
open(t + "/rep1.txt", "w").write("Harbour plan approved\n\n" + body + "\n\n" + (line + "\n\n") * 4)
open(t + "/rep2.txt", "w").write(line + "\n")
# A hard-wrapped article, copied under 30 ids.
wrapped = "\n".join([
    "The county council voted on Monday to close two",
    "libraries in the west of the county next year,",
    "saying the buildings need repairs it cannot pay",
    "for. Readers will be offered a mobile service.",
])
with open(t + "/wrapped.jsonl", "w") as f:
    for i in range(30):
        f.write(json.dumps({"id": "w%d" % i, "title": "Libraries to close", "text": wrapped}) + "\n")
# A line that four distinct articles carry is still chrome in the fourth.
for i, topic in enumerate(["bridge repairs", "school meals", "bus fares", "park lighting"]):
    text = ("Valley Courier weekend desk\n\nThe town council discussed %s at length on "
            "Wednesday evening and agreed to publish a full report before the summer.\n") % topic
    open(t + "/site%d.txt" % i, "w").write(text)
PY
expect_exit 0 "$S" --db "$T/rep.db" ingest "$T/rep1.txt"
expect_exit 0 "$S" --db "$T/rep.db" ingest "$T/rep2.txt"
check "a line repeated within one article does not make it chrome elsewhere" err_has ": 1 new,"
expect_exit 0 "$S" --db "$T/rep.db" ingest "$T/wrapped.jsonl"
check "30 copies of a hard-wrapped article are all stored, none chrome" \
  err_has "ingested 30 articles .*: 30 new, 0 unchanged, 0 new versions, 0 failed"
export_to "$T/rep.db" "$T/rep.json"
check "... 29 of them as exact copies, with their text whole" py "$T/rep.json" '
w = [a for a in d["articles"] if (a.get("key") or "").startswith("w")]
assert len(w) == 30 and all("mobile service" in a["text"] for a in w), len(w)
assert sum(1 for c in d["copies"] if c["kind"] == "exact") == 29'
expect_exit 0 "$S" --db "$T/rep.db" ingest "$T/site0.txt" "$T/site1.txt" "$T/site2.txt" "$T/site3.txt"
"$S" --db "$T/rep.db" export --json >"$T/rep.json" 2>/dev/null
check "a line carried by three other distinct articles is chrome in a fourth" py "$T/rep.json" '
a = [a for a in d["articles"] if (a.get("path") or "").endswith("site3.txt")][0]
assert "Valley Courier" not in a["text"], a["text"]
assert any("repeated" in r["reason"] for r in a["removed"]), a["removed"]
b = [a for a in d["articles"] if (a.get("path") or "").endswith("site0.txt")][0]
assert not any("repeated" in r["reason"] for r in b["removed"]), b["removed"]'

section "records without id, undated articles, metadata given anew"
cat >"$T/noid.jsonl" <<'EOF'
{"title": "Ferry strike ends", "text": "Ferry crews returned to work on Friday after a three-day strike over pay ended with a new offer from the operator."}
{"title": "Orchard harvest early", "text": "Apple growers in the valley began picking two weeks early this year after an unusually warm and dry summer."}
{"title": "Chess club wins title", "text": "The village chess club won the regional league on Sunday, beating the city champions in the final round of games."}
EOF
expect_exit 0 "$S" --db "$T/noid.db" ingest "$T/noid.jsonl"
check "three records without id are three new articles" err_has ": 3 new, 0 unchanged, 0 new versions, 0 failed"
expect_exit 0 "$S" --db "$T/noid.db" ingest "$T/noid.jsonl"
check "... and unchanged when ingested again" err_has ": 0 new, 3 unchanged, 0 new versions, 0 failed"
expect_exit 0 "$S" --db "$T/noid.db" stories --json
check "... in three stories" py "$OUT" 'assert len(d["stories"]) == 3, d["stories"]'
printf '%s\n' '{"id": "d1", "published": "2024-05-02", "title": "Port reopens", "text": "The port reopened on Thursday after storm damage to two of its cranes was repaired ahead of schedule."}' >"$T/dated.jsonl"
expect_exit 0 "$S" --db "$T/noid.db" ingest "$T/dated.jsonl"
expect_exit 0 "$S" --db "$T/noid.db" stories --json
check "undated stories keep unknown spans after a dated article (null, not the arrival day)" py "$OUT" '
spans = {s["title"]: (s["first_published"], s["last_published"]) for s in d["stories"]}
assert spans["Port reopens"] == ("2024-05-02", "2024-05-02"), spans
assert all(v == (None, None) for k, v in spans.items() if k != "Port reopens"), spans'
expect_exit 0 "$S" --db "$T/noid.db" show 1
check "show prints no date for an undated story" out_lacks "[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] to"
expect_exit 0 "$S" --db "$T/noid.db" ingest --source "Coast Post" --date 2024-06-01 "$T/noid.jsonl"
check "metadata given again updates the articles, and the summary says so" \
  err_has ": 0 new, 0 unchanged, 0 new versions, 0 failed; 3 updated"
expect_exit 0 "$S" --db "$T/noid.db" export --json
check "... their source and date are stored, and their stories' spans follow" py "$OUT" '
arts = [a for a in d["articles"] if a.get("key") is None]
assert len(arts) == 3 and all(a["source"] == "Coast Post" and a["published"] == "2024-06-01" for a in arts), arts
spans = [(s["first_published"], s["last_published"]) for s in d["stories"] if s["title"] != "Port reopens"]
assert spans == [("2024-06-01", "2024-06-01")] * 3, spans'
expect_exit 0 "$S" --db "$T/noid.db" ingest --source "Coast Post" --date 2024-06-01 "$T/noid.jsonl"
check "... and given once more, nothing changes" err_has ": 0 new, 3 unchanged, 0 new versions, 0 failed"
printf '%s\n' '{"id": "k1", "title": "Dam inspection due", "text": "Engineers will inspect the reservoir dam next month, the water board said, after cracks were reported in its spillway."}' >"$T/keyed.jsonl"
expect_exit 0 "$S" --db "$T/noid.db" ingest "$T/keyed.jsonl"
expect_exit 0 "$S" --db "$T/noid.db" ingest --source "Hill Gazette" "$T/keyed.jsonl"
check "a record with an id given a source anew is updated, not stored twice" \
  err_has ": 0 new, 0 unchanged, 0 new versions, 0 failed; 1 updated"
expect_exit 0 "$S" --db "$T/noid.db" export --json
check "... one article k1, of the given source" py "$OUT" '
k = [a for a in d["articles"] if a.get("key") == "k1"]
assert len(k) == 1 and k[0]["source"] == "Hill Gazette", k'
run sh -c '"$1" --db "$2" ingest - <"$3" && "$1" --db "$2" ingest - <"$3"' - "$S" "$T/stdin.db" "$T/site1.txt"
check "standard input ingested twice: the second time unchanged" err_has ": 0 new, 1 unchanged"
expect_exit 0 "$S" --db "$T/noid.db" check

section "check compares story_terms with the stories' centroids"
# story_terms is the grouper's index of stories by term: a row missing or a
# row too many places later articles differently; check must name it.
cp "$T/ref.db" "$T/terms.db"
expect_exit 0 "$S" --db "$T/terms.db" check
edit_terms() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(sys.argv[2])
db.commit()' "$T/terms.db" "$1"
}
# check_names SQL WHAT PATTERN: the reference store edited by SQL fails
# check, whose message matches PATTERN
check_names() {
  cp "$T/ref.db" "$T/terms.db"
  edit_terms "$1"
  expect_exit 3 "$S" --db "$T/terms.db" check
  check "$2" err_has "$3"
}
check_names "DELETE FROM story_terms WHERE (term, story) = (SELECT term, story FROM story_terms LIMIT 1 OFFSET 7)" \
  "a centroid term missing from story_terms is named" "story_terms lacks term -\?[0-9]* of story [0-9]*'s centroid"
check_names "INSERT INTO story_terms VALUES(123456789012, (SELECT max(id) FROM stories), 1065353216)" \
  "a row of story_terms not in the story's centroid is named" \
  "story_terms lists term 123456789012 under story [0-9]*, not in that story's centroid"
# from schema 18 a key up to 2^32 - 1 is a term's id in term_dict
check_names "INSERT INTO story_terms VALUES(4000000000, (SELECT max(id) FROM stories), 1065353216)" \
  "a row of story_terms under an id the dictionary lacks is named" \
  "story_terms lists id 4000000000 under story [0-9]*, which term_dict lacks"
check_names "UPDATE story_terms SET term = (SELECT max(id) FROM term_dict) + 1 WHERE (term, story) = (SELECT term, story FROM story_terms WHERE term < 4294967296 LIMIT 1)" \
  "a row moved to an id past the dictionary's is named" "story_terms lists id [0-9]* under story [0-9]*, which term_dict lacks"
check_names "UPDATE story_terms SET story = -story WHERE story = (SELECT max(id) FROM stories)" \
  "a row naming no story is named" "story_terms lists term -\?[0-9]* under story -[0-9]*"
# from schema 26 a row holds its term's weight in the centroid (the
# float's bits), and story_norms each story's norm: the grouper scores a
# listed story from them, so one that differs is named
check_names "UPDATE story_terms SET weight = weight + 1 WHERE (term, story) = (SELECT term, story FROM story_terms LIMIT 1 OFFSET 7)" \
  "a row's weight not its centroid's is named" "story_terms weighs term -\?[0-9]* of story [0-9]* [0-9.e-]*, its centroid [0-9.e-]*"
check_names "UPDATE story_norms SET norm = norm * 2 WHERE story = (SELECT min(story) FROM story_norms)" \
  "a norm not its centroid's is named" "story_norms holds [0-9.e-]* for story [0-9]*, its centroid's norm is"
check_names "DELETE FROM story_norms WHERE story = (SELECT max(story) FROM story_norms)" \
  "a story without its norm is named" "story_norms lacks story [0-9]*'s norm"
check_names "INSERT INTO story_norms VALUES(999999, 1.5)" \
  "a norm of no story is named" "story_norms holds a norm for story 999999, which is not stored"
# from schema 25 a centroid is its terms' hashes and weights, 12 bytes a
# term sorted by hash (src/store/centroids.c): one whose terms are out of
# order, with a weight not a positive number, or cut short, is named
check_names "UPDATE stories SET centroid = substr(centroid, 13, 12) || substr(centroid, 1, 12) || substr(centroid, 25) WHERE id = (SELECT max(id) FROM stories WHERE length(centroid) >= 24)" \
  "a centroid whose terms are out of order is named" \
  "story [0-9]*'s centroid does not read (cut short, its terms out of order, a weight not a positive number, or an id term_dict lacks)"
check_names "UPDATE stories SET centroid = substr(centroid, 1, 8) || x'0000C07F' || substr(centroid, 13) WHERE id = (SELECT max(id) FROM stories WHERE length(centroid) >= 12)" \
  "a centroid with a weight not a number is named" "story [0-9]*'s centroid does not read"
check_names "UPDATE stories SET centroid = substr(centroid, 1, length(centroid) - 1) WHERE id = (SELECT max(id) FROM stories)" \
  "a centroid cut short is named" "story [0-9]*'s centroid does not read"
# the dictionary of terms (src/store/term_dict.c) numbers its terms 1 to N:
# a row lost (written apart from its article) leaves a gap
check_names "DELETE FROM term_dict WHERE id = 3" \
  "a term missing from the dictionary is found" "term ids not numbered from 1 without gaps"
# a term's id is also in its row of terms (or terms_recent), where the
# writer finds it: a row that lost it, or names another, is found
check_names "UPDATE terms_recent SET dict_id = NULL WHERE dict_id = 2; UPDATE terms SET dict_id = NULL WHERE dict_id = 2" \
  "a term that lost its id is found" "a dictionary term without its id in terms"
check_names "UPDATE terms SET dict_id = 2 WHERE id = (SELECT min(id) FROM terms WHERE dict_id IS NULL);
UPDATE terms_recent SET dict_id = 2 WHERE id = (SELECT min(id) FROM terms_recent WHERE dict_id IS NULL)" \
  "a term with another term's id is found" "a term id in terms that the dictionary does not give it"

section "check finds a short line's pair in both line_articles and line_articles_recent, or no recent cycle"
# a pair is in one of them: in both, a merge would leave it once and the
# article's lines would count twice until then
check "the store has recent pairs" [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM line_articles_recent").fetchone()[0])' "$T/ref.db")" -gt 0 ]
check_names "INSERT INTO line_articles SELECT * FROM line_articles_recent LIMIT 1" \
  "the pair recorded twice is named" "repeated lines recorded twice: 1"
check_names "DELETE FROM recent_cycle" "recent rows without their cycle are named" \
  "recent rows without a recent cycle"

section "check finds a copy key's mark of full on a key that is not, or a row of article 0"
# from schema 31 the row (key, 0) marks a key of more than 128 rows full
# (src/store/copy_keys.c): a read of the key stops there and takes its 8
# newest rows alone, so a mark on a key of fewer rows changes the copies
# found; no article is 0, so no other row of it is in copy_keys
check "the store has copy keys" [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM copy_keys").fetchone()[0])' "$T/ref.db")" -gt 0 ]
check_names "INSERT INTO copy_keys SELECT key, 0 FROM copy_keys GROUP BY key ORDER BY count(*) LIMIT 1" \
  "a mark on a key of few rows is named" "copy keys marked full with 128 rows or fewer: 1"
check_names "INSERT INTO copy_keys SELECT key, 1 FROM copy_keys LIMIT 1" \
  "a row of article 0 is named" "copy keys of article 0: 1"

section "check finds a chrome line's reason that does not read"
# from schema 23 a reason of the chrome stage's list is its place, one byte
# (removed_lines.c); article and export refuse another blob
check "the store has reasons stored as their place" [ "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM removed_lines WHERE length(reason) = 1").fetchone()[0])' "$T/ref.db")" -gt 0 ]
damage_one="(article_id, line_no) = (SELECT article_id, line_no FROM removed_lines LIMIT 1)"
check_names "UPDATE removed_lines SET reason = x'07' WHERE $damage_one" \
  "a place past the list is named" "chrome lines whose reason does not read: 1"
check_names "UPDATE removed_lines SET reason = x'0001' WHERE $damage_one" \
  "a blob of two bytes is named" "chrome lines whose reason does not read: 1"
expect_exit 3 "$S" --db "$T/terms.db" export --json
check "export says which row does not read (not SQLite's \"not an error\")" \
  err_has "store error: a chrome line's reason does not read"
cp "$T/ref.db" "$T/terms.db"
edit_terms "UPDATE removed_lines SET reason = 'seen on 12 other pages' WHERE $damage_one"
expect_exit 0 "$S" --db "$T/terms.db" check

section "a full disk"
# A file size limit stands in for a full disk: writes past it fail (EFBIG).
limit=$(python3 -c 'import os,sys; print(os.path.getsize(sys.argv[1]) // 2)' "$T/ref.db")
run python3 -c 'import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
n = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execvp(sys.argv[2], sys.argv[2:])' "$limit" "$S" --db "$T/full.db" ingest "$T/in.jsonl"
check "the ingest stops with exit 3 (got $RC)" test "$RC" -eq 3
check "the message names the cause" err_has "store error: .*\(disk I/O error\|disk is full\)"
check "... never 'not an error'" sh -c '! grep -q "not an error" "$1"' - "$ERR"
stored=$("$S" --db "$T/full.db" export --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')
check "the summary counts only what was committed ($stored stored)" err_has ": $stored new, 0 unchanged"
expect_exit 0 "$S" --db "$T/full.db" check

finish
