# crash.sh — kill -9 in the middle of a large ingest, then: the store passes
# its check, every stored article is whole, batches are all-or-nothing, a
# re-ingest completes, and the result converges with an uninterrupted run.
# SL_CRASH_DELAY=SECONDS fixes the delay before the kill, counted from the
# store's making (default: random between 0.5 and 1.5 s, printed so that a
# failure can be replayed).
NAME=crash
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
GEN="$SL_TESTS/gen_articles.py"
N=1500
KILLED="$T/killed.db"
FRESH="$T/fresh.db"

delay=${SL_CRASH_DELAY:-$(awk -v seed="$$" 'BEGIN { srand(seed); printf "%.2f", 0.5 + rand() }')}
section "$N synthetic articles, kill -9 after $delay s"

# Kills an ingest of the N-article file after $delay seconds; sets RC to its status.
killed_run() {
  rm -f "$KILLED" "$KILLED"-*
  "$S" --db "$KILLED" --quiet ingest "$T/big.jsonl" >"$OUT" 2>"$ERR" &
  pid=$!
  # The delay counts from the store's making: on a loaded machine a start-up
  # can take longer than the delay, and a kill before the store exists
  # proves nothing.
  while [ ! -s "$KILLED" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null
  RC=$?
}

# committed: how many articles the store shows to a reader now (its stories' sizes).
committed() {
  "$S" --db "$KILLED" stories --json 2>/dev/null |
    python3 -c 'import json,sys; print(sum(s["size"] for s in json.load(sys.stdin)["stories"]))' 2>/dev/null || echo 0
}

# The kill must land mid-run and leave room for a second kill after a later
# batch: when the ingest finished first, or got past a third of the file, the
# input is doubled (a faster machine or build).
attempt=0
while :; do
  attempt=$((attempt + 1))
  python3 "$GEN" "$N" --jsonl "$T/big.jsonl"
  killed_run
  # 137 = 128 + SIGKILL: the ingest was still running when it was killed.
  [ "$RC" -eq 137 ] && [ "$(committed)" -le $((N / 3)) ] && break
  if [ "$attempt" -ge 3 ]; then break; fi
  echo "   the ingest got too far (exit $RC) before the kill: again with $((N * 2)) articles"
  N=$((N * 2))
done
check "the ingest was killed mid-run (exit $RC, want 137)" test "$RC" -eq 137
check "the generator is deterministic" sh -c 'python3 "$1" "$2" | cmp -s - "$3"' - "$GEN" "$N" "$T/big.jsonl"

# verify_store LABEL: the killed store passes check, and what it holds is
# whole: every article with text, sentences and story, every story with its
# articles, and the articles a prefix of the input (a batch is stored whole
# or not at all). Sets STORED to the number of articles.
verify_store() {
  expect_exit 0 "$S" --db "$KILLED" check
  check "$1: check prints ok" out_has "^ok$"
  expect_exit 0 "$S" --db "$KILLED" export --json
  mv "$OUT" "$T/killed.json"
  check "$1: the export is valid JSON" is_json "$T/killed.json"
  STORED=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$T/killed.json" 2>/dev/null || echo -1)
  echo "   $STORED of $N articles were stored before the kill"
  check "$1: fewer than all $N articles were stored ($STORED)" test "$STORED" -ge 0 -a "$STORED" -lt "$N"
  check "$1: every stored article is whole: text, sentences, story, title, source, date" py "$T/killed.json" '
stories = {s["id"]: s for s in d["stories"]}
for a in d["articles"]:
    assert a["key"] and a["text"].strip(), a["id"]
    assert a["sentences"], ("no sentences", a["id"])
    assert a["story"] in stories, ("no story", a["id"], a["story"])
    assert a["id"] in stories[a["story"]]["articles"], ("story does not list it", a["id"])
    assert a["title"] and a["source"] and a["published"], a["id"]
    n = len(a["text"].encode())
    for s, e in a["sentences"]:
        assert 0 <= s < e <= n, (a["id"], s, e)'
  check "$1: every story is whole: its size is its article count, no empty story" py "$T/killed.json" '
for s in d["stories"]:
    assert s["size"] == len(s["articles"]) > 0, s["id"]
assert sum(len(s["articles"]) for s in d["stories"]) == len(d["articles"])'
  check "$1: what was stored is a whole prefix of the input (batches all-or-nothing)" py "$T/killed.json" '
want = []
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        want.append(json.loads(line)["id"])
keys = sorted(a["key"] for a in d["articles"])
assert keys == sorted(want[:len(keys)]), "stored keys are not the first %d of the file" % len(keys)' "$T/big.jsonl"
  for q in stories "search report" copies; do
    # shellcheck disable=SC2086
    expect_exit 0 "$S" --db "$KILLED" $q
  done
}

section "the store after the first kill"
verify_store "kill 1"
FIRST=$STORED

section "resume, and kill again once a batch is committed"
"$S" --db "$KILLED" --quiet ingest "$T/big.jsonl" >"$OUT" 2>"$ERR" &
pid=$!
waited=0
while [ "$(committed)" -le "$FIRST" ] && kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
  sleep 0.05
  waited=$((waited + 1))
done
sleep "$(awk -v seed="$$" 'BEGIN { srand(seed + 1); printf "%.2f", rand() * 0.2 }')"
kill -9 "$pid" 2>/dev/null
{ wait "$pid"; } 2>/dev/null
RC=$?
check "the resumed ingest was killed mid-run (exit $RC, want 137)" test "$RC" -eq 137
verify_store "kill 2"
check "kill 2 came after a committed batch ($FIRST, then $STORED articles)" test "$STORED" -gt "$FIRST"

section "re-ingest the whole file; meanwhile, the same file into a fresh store"
# The two runs are independent stores: they run side by side (two cores).
"$S" --db "$FRESH" --quiet ingest "$T/big.jsonl" >"$T/fresh.out" 2>"$T/fresh.err" &
fresh_pid=$!
expect_exit 0 "$S" --db "$KILLED" ingest "$T/big.jsonl"
check "the re-ingest stores the rest as new, the stored part unchanged" \
  err_has "ingested $N articles from 1 file read in [0-9.]* s: $((N - STORED)) new, $STORED unchanged, 0 new versions, 0 failed"
wait "$fresh_pid"
RC=$?
check "the uninterrupted ingest into a fresh store exits 0 (exit $RC)" test "$RC" -eq 0
check "... quietly and cleanly" sh -c 'test ! -s "$1" && test ! -s "$2"' - "$T/fresh.out" "$T/fresh.err"
expect_exit 0 "$S" --db "$KILLED" check
expect_exit 0 "$S" --db "$FRESH" check

section "the two stores converge"
"$S" --db "$KILLED" export --json >"$T/a.json" 2>"$ERR"
"$S" --db "$FRESH" export --json >"$T/b.json" 2>"$ERR"
check "both exports are valid JSON" sh -c 'python3 -m json.tool "$1" >/dev/null && python3 -m json.tool "$2" >/dev/null' - "$T/a.json" "$T/b.json"
# One pass over both exports; each criterion is one line "NAME ok" or "NAME FAIL why".
python3 - "$T/a.json" "$T/b.json" "$N" >"$T/compare.txt" 2>&1 <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
n = int(sys.argv[3])

def groups(d):
    key = {x["id"]: x["key"] for x in d["articles"]}
    return sorted(sorted(key[i] for i in s["articles"]) for s in d["stories"])

pa = {(x["key"], x["text"]) for x in a["articles"]}
pb = {(x["key"], x["text"]) for x in b["articles"]}
checks = {
    "count": (len(a["articles"]) == len(b["articles"]) == n,
              "%d and %d articles, want %d" % (len(a["articles"]), len(b["articles"]), n)),
    "pairs": (pa == pb, "%d (key, text) pairs differ" % len(pa ^ pb)),
    "stories": (len(a["stories"]) == len(b["stories"]),
                "%d and %d stories" % (len(a["stories"]), len(b["stories"]))),
    "grouping": (groups(a) == groups(b), "the articles are grouped differently"),
    "versions": (all(x["version"] == 1 for x in a["articles"] + b["articles"])
                 and a["copies"] == b["copies"] == [], "versions or copies appeared"),
}
for name, (ok, why) in checks.items():
    print(name, "ok" if ok else "FAIL " + why)
PY
converged() {
  grep -q "^$1 ok$" "$T/compare.txt" || { grep "^$1 \|Error" "$T/compare.txt"; return 1; }
}
check "same number of articles ($N)" converged count
check "same set of (key, text) pairs" converged pairs
check "same number of stories" converged stories
check "the same articles grouped together" converged grouping
check "no versions or copies in either store" converged versions

finish
