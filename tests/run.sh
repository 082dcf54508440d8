#!/bin/sh
# Runs the test suites against one build folder (make test passes build/san):
# the unit tests, each end-to-end script in tests/e2e/, the page in headless
# Chromium (tests/browser/run.sh) and the fuzz corpora replayed
# (fuzz/replay.sh), SL_JOBS of them at a time (default 1; the suites share
# nothing, each works in its own temporary folder). Prints one line per suite
# (its full output when it fails), then the closing "N passed, N failed" line
# that adds them up.
#
#   sh tests/run.sh BUILD [unit | e2e | fuzz-replay | browser | SUITE...]   SUITE: a name in tests/e2e/
BUILD=${1:-build/san}
[ $# -gt 0 ] && shift
export STORYLINE="$PWD/$BUILD/storyline"
export SL_TESTS="$PWD/tests"
SL_PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
export SL_PY
JOBS=${SL_JOBS:-1}
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

# The suites, longest first so that the pool ends together.
e2e_suites() {
  for t in crash dask inputs web cli copies stories facts; do
    [ -f "tests/e2e/$t.sh" ] && echo "$t"
  done
  for t in tests/e2e/*.sh; do
    n=$(basename "$t" .sh)
    case " lib crash dask inputs web cli copies stories facts " in *" $n "*) continue ;; esac
    echo "$n"
  done
}
case "${1:-all}" in
  all) SUITES=$(e2e_suites | sed "1a unit"; echo browser; echo fuzz-replay) ;;
  e2e) SUITES=$(e2e_suites; echo browser) ;;
  *)   SUITES="$*" ;;
esac

# run_suite NAME: its output in $LOGS/NAME.out, its exit status and seconds in NAME.rc.
run_suite() {
  start=$(date +%s)
  if [ "$1" = unit ]; then
    "$BUILD/unit-tests" >"$LOGS/$1.out" 2>&1
  elif [ "$1" = browser ]; then
    sh tests/browser/run.sh >"$LOGS/$1.out" 2>&1
  elif [ "$1" = fuzz-replay ]; then
    sh fuzz/replay.sh >"$LOGS/$1.out" 2>&1
  else
    sh "tests/e2e/$1.sh" >"$LOGS/$1.out" 2>&1
  fi
  echo "$? $(($(date +%s) - start))" >"$LOGS/$1.rc"
}

# A pool of JOBS workers; each takes the next suite nobody has claimed (mkdir is atomic).
worker() {
  for s in $SUITES; do
    mkdir "$LOGS/$s.claim" 2>/dev/null && run_suite "$s"
  done
}
w=0
while [ "$w" -lt "$JOBS" ]; do
  worker "$w" &
  w=$((w + 1))
done
wait

passed=0
failed=0
for s in $SUITES; do
  read -r rc secs <"$LOGS/$s.rc" 2>/dev/null || { rc=1; secs=0; }
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$LOGS/$s.out" | tail -n 1)
  p=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed.*/\1/')
  f=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) failed.*/\1/')
  [ -z "$line" ] && { p=0; f=1; line="no result line: counted as a failure"; }
  [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  if [ "$f" -ne 0 ]; then
    echo "== $s (exit $rc)"
    cat "$LOGS/$s.out"
  fi
  printf '%-8s %s (%s s)\n' "$s" "$(echo "$line" | sed -E 's/^.*: //')" "$secs"
  passed=$((passed + p))
  failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
