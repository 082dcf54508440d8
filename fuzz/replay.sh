#!/bin/sh
# replay.sh — replays every seed and regression input of fuzz/corpus/ through
# its harness once, without fuzzing: gcc with ASan+UBSan and a plain main()
# (fuzz/replay.c), so it needs neither clang nor libFuzzer and takes seconds.
# `make test` runs it as one suite (tests/run.sh). Prints one line per
# target and "N passed, N failed, N skipped".

cd "$(dirname "$0")/.." || exit 1
SAN="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
make -s --no-print-directory BUILD=build/san CFLAGS="$SAN" LDFLAGS="-fsanitize=address,undefined" \
  build/san/libstoryline.a || exit 1
make -s --no-print-directory -f fuzz/fuzz.mk fuzz-replay-bins || exit 1
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
passed=0
failed=0
skipped=0

known_item() {  # the issue item of a known failing input, or nothing
  for k in $KNOWN_FAIL; do
    [ "${k%%:*}" = "$1" ] && echo "${k#*:}"
  done
}

replay() {  # replay LABEL FILE...: one harness run over the files
  label=$1
  shift
  if out=$(timeout 120 "build/san/fuzz/$target" "$@" 2>&1); then
    echo "  ok    $label: $(echo "$out" | tail -n 1)"
    passed=$((passed + 1))
  else
    echo "  FAIL  $label"
    echo "$out" | grep -E 'ERROR|runtime error|SUMMARY|#[0-3] ' | head -n 12 | sed 's/^/        /'
    failed=$((failed + 1))
  fi
}

for dir in fuzz/corpus/*/; do
  target=$(basename "$dir")
  plain=""
  for f in "$dir"*; do
    [ -n "$(known_item "$target/$(basename "$f")")" ] || plain="$plain $f"
  done
  # shellcheck disable=SC2086 # corpus file names hold no spaces
  replay "$target" $plain
  for f in "$dir"*; do
    item=$(known_item "$target/$(basename "$f")")
    [ -n "$item" ] || continue
    if timeout 10 "build/san/fuzz/$target" "$f" >/dev/null 2>&1; then
      echo "  ok    $target/$(basename "$f") (known failure $item now passes: remove it from KNOWN_FAIL)"
      passed=$((passed + 1))
    else
      echo "  skip  $target/$(basename "$f"): known failure, issue $item"
      skipped=$((skipped + 1))
    fi
  done
done
echo "fuzz-replay: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
