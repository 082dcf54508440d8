#!/bin/sh
# crash.sh [BUILD] — crash safety at scale, the long run behind `make crash`:
# an ingest of SL_CRASH_N generated articles (default 20,000) killed with
# kill -9 at SL_CRASH_KILLS random moments (default 50), each time resumed by
# running the same ingest again. After every kill the store passes `check`
# and holds whole articles only; a rerun that ends before its kill closes a
# chain: the store must equal an uninterrupted run of the same file
# (articles and texts, stories, copies, read from the two stores), and the
# next kill starts again from an empty store; the last chain is run to its
# end and compared through `export --json`.
# The short version of this test is tests/e2e/crash.sh (in `make test`).
# Each kill's delay is printed; SL_CRASH_SEED fixes them for a replay.
BUILD=${1:-build/san}
export STORYLINE="$PWD/$BUILD/storyline"
export SL_TESTS="$PWD/tests"
NAME=crash-long
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
N=${SL_CRASH_N:-20000}
KILLS=${SL_CRASH_KILLS:-50}
SEED=${SL_CRASH_SEED:-$$}
KILLED="$T/killed.db"
FRESH="$T/fresh.db"

section "$N articles, an uninterrupted run for reference"
python3 "$SL_TESTS/gen_articles.py" "$N" --seed 7 --jsonl "$T/big.jsonl"
start=$(date +%s)
expect_exit 0 "$S" --db "$FRESH" --quiet ingest "$T/big.jsonl"
FULL=$(($(date +%s) - start + 1))
echo "        the uninterrupted ingest took about $FULL s"

# Compares the killed store, run to its end, with the uninterrupted one:
# texts, stories and copies, a line each ("texts ok") in $T/compare.txt.
# After each chain the stores are read directly (tests/crash_store.py);
# the last comparison goes through what a user sees, `export --json`.
converged() {
  python3 "$SL_TESTS/crash_store.py" same "$KILLED" "$FRESH" >"$T/compare.txt" 2>&1
}

exported_same() {
  "$S" --db "$KILLED" export --json >"$T/a.json"
  "$S" --db "$FRESH" export --json >"$T/b.json"
  python3 - "$T/a.json" "$T/b.json" >"$T/compare.txt" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
def shape(d):
    key = {x["id"]: x["key"] for x in d["articles"]}
    texts = {(x["key"], x["title"], x["text"]) for x in d["articles"]}
    stories = sorted(sorted(key[i] for i in s["articles"]) for s in d["stories"])
    copies = sorted((key[c["article"]], key[c["of"]], c["kind"]) for c in d["copies"])
    return texts, stories, copies
for name, x, y in zip(("texts", "stories", "copies"), shape(a), shape(b)):
    print(name, "ok" if x == y else "FAIL %d vs %d" % (len(x), len(y)))
PY
}

section "$KILLS kills at random moments (seed $SEED)"
# Delays are spread over the time a whole run takes, so that kills land in
# every part of an ingest: parsing, analysis, story grouping, commits.
awk -v seed="$SEED" -v n="$KILLS" -v full="$FULL" \
  'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%.2f\n", 0.05 + rand() * full }' >"$T/delays"
kills=0 finished=0 chains=0 bad_check="" not_whole="" not_converged=""
for delay in $(cat "$T/delays"); do
  "$S" --db "$KILLED" --quiet ingest "$T/big.jsonl" >/dev/null 2>"$T/run.err" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null
  # 137 = 128 + SIGKILL: still running when killed.
  if [ $? -eq 137 ]; then
    kills=$((kills + 1)) last_finished=0 how="killed mid-run"
  else
    finished=$((finished + 1)) last_finished=1 how="the run had finished"
  fi
  verdict="check ok"
  "$S" --db "$KILLED" check >/dev/null 2>&1 || { bad_check="$bad_check $delay"; verdict="check FAILED"; }
  if python3 "$SL_TESTS/crash_store.py" whole "$KILLED" "$T/big.jsonl" 2>/dev/null; then
    verdict="$verdict, whole"
  else
    not_whole="$not_whole $delay" verdict="$verdict, NOT WHOLE"
  fi
  echo "        after $delay s: $how; $verdict"
  # A run that ended before its kill ends a chain of kills and reruns: it
  # must equal the uninterrupted run; the next chain starts from an empty
  # store, or every later kill would land after the ingest's end.
  if [ "$last_finished" = 1 ]; then
    converged
    if [ "$(grep -c ' ok$' "$T/compare.txt")" = 3 ]; then
      echo "        the chain's store equals the uninterrupted run's"
    else
      not_converged="$not_converged $delay"
      echo "        the chain's store DIFFERS from the uninterrupted run's"
    fi
    rm -f "$KILLED" "$KILLED-wal" "$KILLED-shm"
    chains=$((chains + 1))
  fi
done
echo "        $kills ingests killed mid-run, $finished had finished before their kill ($chains chains compared)"
check "the store passed check after every kill" test -z "$bad_check"
[ -n "$bad_check" ] && echo "        after the kills at:$bad_check s"
check "only whole articles and stories after every kill" test -z "$not_whole"
[ -n "$not_whole" ] && echo "        after the kills at:$not_whole s"
check "every chain of kills and reruns ended equal to the uninterrupted run" test -z "$not_converged"
[ -n "$not_converged" ] && echo "        chains ended at:$not_converged s"

section "a last run to the end, then the two stores compared"
expect_exit 0 "$S" --db "$KILLED" --quiet ingest "$T/big.jsonl"
expect_exit 0 "$S" --db "$KILLED" check
exported_same
cat "$T/compare.txt" | sed 's/^/        /'
for what in texts stories copies; do
  check "after the kills and a rerun, the same $what as the uninterrupted run" grep -q "^$what ok" "$T/compare.txt"
done

finish
