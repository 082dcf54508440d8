#!/bin/sh
# run.sh — the browser suite: storyline serve's page in headless Chromium
# (page.test.js, playwright-core installed by npm into build/node, never
# committed). Skips, saying so, only when /usr/bin/chromium is absent.
# Screenshots go to build/ (serve-*.png).
#   STORYLINE=build/storyline SL_TESTS=tests sh tests/browser/run.sh
NAME=browser
. "$SL_TESTS/e2e/lib.sh"

ROOT=$(cd "$SL_TESTS/.." && pwd)
NODE_DIR="$ROOT/build/node"
if [ ! -x /usr/bin/chromium ]; then
  echo "browser: skipped: /usr/bin/chromium is not installed (sh scripts/bootstrap.sh test installs it)"
  echo "e2e-browser: 0 passed, 0 failed"
  exit 0
fi
if [ ! -d "$NODE_DIR/node_modules/playwright-core" ]; then
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent playwright-core) >"$T/npm.log" 2>&1
  check "npm installs playwright-core into build/node" test -d "$NODE_DIR/node_modules/playwright-core"
fi
DB="$T/store.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$SL_TESTS/fixtures/serve/articles.jsonl"
"$STORYLINE" --db "$DB" serve --port 0 --rate 0 >"$T/serve.out" 2>"$T/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ $i -lt 100 ] && ! grep -q 'http://' "$T/serve.out"; do sleep 0.1; i=$((i + 1)); done
BASE=$(sed -n 's|.* at \(http://[^ ]*\)/$|\1|p' "$T/serve.out")
NODE_PATH="$NODE_DIR/node_modules" node "$SL_TESTS/browser/page.test.js" "$BASE" "$ROOT/build" >"$T/node.out" 2>&1
cat "$T/node.out"
line=$(grep -E '^browser: [0-9]+ passed' "$T/node.out")
PASSED=$((PASSED + $(echo "$line" | sed -E 's/browser: ([0-9]+) passed.*/\1/' | grep -E '^[0-9]+$' || echo 0)))
FAILED=$((FAILED + $(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/' | grep -E '^[0-9]+$' || echo 1)))
kill $PID
wait $PID
check "serve stops cleanly, sanitizer-clean" sh -c "! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' '$T/serve.err'"
finish
