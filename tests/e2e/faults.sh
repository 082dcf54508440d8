# faults.sh — fault injection through a whole ingest of examples/: the Nth
# allocation fails (STORYLINE_FAIL_ALLOC=N, src/util/alloc.c), then the Nth
# SQLite write or sync (STORYLINE_FAIL_WRITE=N, src/store/faultvfs.c), for N
# from 1 until the ingest no longer reaches the fault. After each fault: the
# command fails with a message (no crash, no sanitizer or leak report), and
# the store, reopened, passes `check` and holds only whole articles (each
# equal to the same article of an ingest without faults). The store already
# holds one article when each run starts, so faults hit a live store too.
# N grows by half its value each step (about 25 runs per kind); SL_LONG=1
# tries every N (every write, and allocations in steps of 1/50 of N);
# SL_FAULT_STEP=K steps both walks by K.
NAME=faults
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
EX="$SL_TESTS/../examples"
FIRST="$EX/2026-03-04_northwire_tavel-talks-open.txt"

section "an ingest without faults, for reference"
"$S" --db "$T/ref.db" --quiet ingest "$FIRST" 2>/dev/null
expect_exit 0 "$S" --db "$T/ref.db" --quiet ingest "$EX"
"$S" --db "$T/ref.db" export --json >"$T/ref.json"
check "the reference store holds the examples" py "$T/ref.json" 'assert len(d["articles"]) >= 10, len(d["articles"])'
REF_N=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$T/ref.json")

# whole_articles EXPORT: every article of EXPORT equals the reference's
# article from the same file and record (title, text, sentences).
whole_articles() {
  python3 -c 'import json, sys
ref = {(a["path"], a["key"]): a for a in json.load(open(sys.argv[1]))["articles"]}
for a in json.load(open(sys.argv[2]))["articles"]:
    r = ref.get((a["path"], a["key"]))
    assert r, "an article the reference lacks: %s" % a["path"]
    for field in ("title", "text", "sentences", "source", "published"):
        assert a[field] == r[field], "%s differs in %s" % (a["path"], field)' "$T/ref.json" "$1"
}

# py_count EXPORT: how many articles an export lists.
py_count() { python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$1" 2>/dev/null || echo 0; }

# walk KIND VARIABLE: runs the ingest with VARIABLE=N for growing N until a
# run finishes without reaching the fault; one check per property, listing
# the values of N that broke it.
walk() {
  kind=$1
  var=$2
  n=1
  runs=0
  bad_exit="" no_message="" unclean="" bad_check="" not_whole="" lost_cause="" miscount=""
  while :; do
    db="$T/$kind-$n.db"
    "$S" --db "$db" --quiet ingest "$FIRST" 2>/dev/null
    env "$var=$n" "$S" --db "$db" ingest "$EX" >"$OUT" 2>"$ERR"
    RC=$?
    runs=$((runs + 1))
    if ! grep -q "injected .* failure" "$ERR"; then
      test "$RC" -eq 0 || bad_exit="$bad_exit $n(exit $RC, not reached)"
      break
    fi
    # Exit 0 is right only when the fault came after everything was committed
    # (a checkpoint at close: the WAL keeps the data); checked below.
    case $RC in 0 | 1 | 3) ;; *) bad_exit="$bad_exit $n(exit $RC)" ;; esac
    [ "$RC" -eq 0 ] || grep -v "injected .* failure" "$ERR" | grep -qE "^storyline: .*[a-z].*[^ :]$" ||
      no_message="$no_message $n"
    grep -q "not an error" "$ERR" && lost_cause="$lost_cause $n"
    sanitizer_clean || unclean="$unclean $n"
    if [ -e "$db" ]; then
      "$S" --db "$db" check >/dev/null 2>&1 || bad_check="$bad_check $n"
      "$S" --db "$db" export --json >"$T/fault.json" 2>/dev/null && whole_articles "$T/fault.json" \
        >/dev/null 2>&1 || not_whole="$not_whole $n"
      said=$(sed -nE 's/^ingested .*: ([0-9]+) new, .*/\1/p' "$ERR")
      stored=$(py_count "$T/fault.json")
      [ "$RC" -ne 0 ] || [ "$stored" -eq "$REF_N" ] || bad_exit="$bad_exit $n(exit 0 with $stored of $REF_N stored)"
      [ -n "$said" ] && [ "$said" -ne $((stored - 1)) ] && miscount="$miscount $n(said $said, stored $((stored - 1)))"
    fi
    rm -f "$db" "$db"-*
    if [ -n "${SL_FAULT_STEP:-}" ]; then
      step=$SL_FAULT_STEP
    elif [ "${SL_LONG:-0}" = 1 ]; then
      step=$((n / 50))
      [ "$kind" = write ] && step=0
    else
      step=$((n / 2))
    fi
    n=$((n + (step > 0 ? step : 1)))
  done
  echo "        $kind: $runs runs, faults injected at N = 1 .. $((n - 1)); the ingest ends before fault $n"
  check "$kind faults: exit 1 or 3 (0 only with every article stored), never a crash" test -z "$bad_exit"
  [ -n "$bad_exit" ] && echo "        N:$bad_exit"
  check "$kind faults: a failing exit comes with a message besides the injection's, its reason not empty" test -z "$no_message"
  [ -n "$no_message" ] && echo "        N:$no_message"
  check "$kind faults: no sanitizer or leak report" test -z "$unclean"
  [ -n "$unclean" ] && echo "        N:$unclean"
  check "$kind faults: the reopened store passes check" test -z "$bad_check"
  [ -n "$bad_check" ] && echo "        N:$bad_check"
  check "$kind faults: only whole articles stored" test -z "$not_whole"
  [ -n "$not_whole" ] && echo "        N:$not_whole"
  check "$kind faults: the message names the cause (never 'not an error')" test -z "$lost_cause"
  [ -n "$lost_cause" ] && echo "        N:$lost_cause"
  check "$kind faults: the summary counts only what was committed" test -z "$miscount"
  [ -n "$miscount" ] && echo "        N:$miscount"
}

section "the Nth allocation fails"
walk alloc STORYLINE_FAIL_ALLOC

section "the Nth SQLite write or sync fails"
walk write STORYLINE_FAIL_WRITE

section "the store is usable after a fault"
DB="$T/after.db"
STORYLINE_FAIL_WRITE=40 "$S" --db "$DB" --quiet ingest "$EX" 2>/dev/null
expect_exit 0 "$S" --db "$DB" --quiet ingest "$EX"
"$S" --db "$DB" export --json >"$T/after.json"
check "a rerun without the fault stores every article, whole" py "$T/after.json" '
ref = json.load(open(sys.argv[2]))["articles"]
assert len(d["articles"]) == len(ref), (len(d["articles"]), len(ref))' "$T/ref.json"
check "and each equals the reference" whole_articles "$T/after.json"
expect_exit 0 "$S" --db "$DB" check

# garble_root DB TABLE: overwrites the cells of TABLE's root page, so that
# every read of the table fails (SQLite: "database disk image is malformed").
garble_root() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (sys.argv[2],)).fetchone()[0]
size = db.execute("PRAGMA page_size").fetchone()[0]
db.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((root - 1) * size + 8)
    f.write(b"\xff" * 200)' "$1" "$2"
}

section "a read that fails mid-export names SQLite's reason (err32)"
# The articles' list reads fine and each article's read fails (its chrome
# lines): the list's reset used to clear the reason, "not an error".
DB="$T/garbled.db"
cp "$T/ref.db" "$DB"
garble_root "$DB" removed_lines
for q in "export --json" "article 1" "show 1" "--json show 1"; do
  # shellcheck disable=SC2086 # the command words are meant to split
  expect_exit 3 "$S" --db "$DB" $q
  check "$q: the message gives SQLite's reason" err_has "store error: database disk image is malformed"
  check "$q: never 'not an error'" sh -c '! grep -q "not an error" "$1"' - "$ERR"
done
# fixb33: the failed export closed its document, a whole JSON document with
# "articles": [] that a script ignoring the exit status read as an empty
# store. Now it is left unclosed (no JSON reader takes it) and said.
expect_exit 3 "$S" --db "$DB" export --json
check "a failed export is no whole JSON document" sh -c '! python3 -m json.tool "$1" >/dev/null 2>&1' - "$OUT"
check "a failed export says its output is incomplete" err_has "export: the JSON written to standard output is incomplete"
if [ -w /dev/full ]; then
  "$S" --db "$T/ref.db" export --json >/dev/full 2>"$ERR"
  RC=$?
  check "export to a full device: exit 3, said incomplete" sh -c '[ "$1" -eq 3 ] && grep -q "cannot write output" "$2" && grep -q "incomplete" "$2"' - "$RC" "$ERR"
fi
# Whether a damaged page is noticed must not hang on the memory layout: SQLite
# followed the garbled cell offsets past the page unless cell_size_check is
# on, and `show 1` answered from whatever lay there, by the length of the
# store's path (a folder of 20 letters: exit 0).
odd=""
name=""
for n in $(seq 1 40); do
  name="${name}d"
  mkdir "$T/$name" && cp "$DB" "$T/$name/g.db"
  "$S" --db "$T/$name/g.db" show 1 >/dev/null 2>&1
  rc=$?
  [ "$rc" -eq 3 ] || odd="$odd $n(exit $rc)"
  rm -rf "${T:?}/$name"
done
check "show 1 on the garbled store exits 3 whatever its folder's name's length" test -z "$odd"
[ -n "$odd" ] && echo "        folder name lengths:$odd"

finish
