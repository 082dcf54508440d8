#!/bin/sh
# Runs every test against one build folder (make test passes build/san):
# the unit tests, then each end-to-end script in tests/e2e/. Each prints its own
# "N passed, N failed" line; this script adds them up into the closing line.
BUILD=${1:-build/san}
export STORYLINE="$PWD/$BUILD/storyline"
export SL_TESTS="$PWD/tests"
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

add() {  # add the counts of the last "N passed, N failed" line in $out
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
  p=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed.*/\1/')
  f=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) failed.*/\1/')
  if [ -z "$line" ]; then f=1; p=0; echo "  (no result line: counted as a failure)"; fi
  passed=$((passed + p))
  failed=$((failed + f))
}

echo "== unit tests"
"$BUILD/unit-tests" >"$out" 2>&1
rc=$?
cat "$out"
add
[ $rc -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))

for t in tests/e2e/*.sh; do
  [ -e "$t" ] || continue
  [ "$(basename "$t")" = lib.sh ] && continue
  echo "== $(basename "$t")"
  sh "$t" >"$out" 2>&1
  rc=$?
  cat "$out"
  add
  [ $rc -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
