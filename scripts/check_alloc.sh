#!/bin/sh
# check_alloc.sh — every allocation of the library goes through src/util/alloc.c
# (sl_malloc, sl_calloc, sl_realloc, sl_strdup, sl_strndup), so that the fault
# walk of tests/e2e/faults.sh reaches it (docs/testing.md). Prints each direct
# malloc/calloc/realloc/strdup/strndup call in src/ as FILE:LINE and exits 1
# when there is one. Usage: scripts/check_alloc.sh [SRC_DIR] (default: src).
SRC=${1:-src}
found=$(grep -rnE '(^|[^_a-zA-Z0-9])(malloc|calloc|realloc|strdup|strndup)[ ]*\(' "$SRC" --include='*.c' --include='*.h' |
  grep -v "^$SRC/util/alloc\.[ch]:" | grep -vE ':[0-9]+:[ ]*(/?\*|//)')
if [ -n "$found" ]; then
  echo "$found"
  echo "check_alloc: allocate through util/alloc.h (sl_malloc, sl_calloc, sl_realloc, sl_strdup, sl_strndup)"
  exit 1
fi
