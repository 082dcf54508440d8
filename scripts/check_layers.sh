#!/bin/sh
# check_layers.sh — checks the include graph of src/ against the layers of
# docs/architecture.md: a file may include its own folder and the layers
# below its own, never a layer above or a sibling stage beside it.
#
#   util ← text ← doc ← {ingest, copies, stories, facts, timex, net} ← {report, store} ← engine ← server ← cli
#
# The public header (include/storyline.h, and its parts storyline/X.h) is the
# library's vocabulary (types and error codes); every layer but util may
# include it. util stands alone.
# Usage: scripts/check_layers.sh [SRC_DIR]   (default: src). Prints each
# wrong-way include as FILE:LINE: FROM -> TO and exits 1 when there is one.
SRC=${1:-src}
if [ ! -d "$SRC" ]; then
  echo "check_layers: no folder $SRC" >&2
  exit 2
fi
cd "$SRC" || exit 2
find . -type f \( -name '*.c' -o -name '*.h' \) | sed 's|^\./||' | sort |
  xargs awk '
BEGIN {
  split("util:0 text:1 doc:2 ingest:3 copies:3 stories:3 facts:3 timex:3 net:3 report:4 store:4 engine:5 server:6 cli:7", kv, " ")
  for (i in kv) { split(kv[i], p, ":"); rank[p[1]] = p[2] }
  bad = 0
}
FNR == 1 {
  from = FILENAME; sub(/\/.*/, "", from)
  skip = 0
  if (from == FILENAME) {
    print FILENAME ": a file directly under src/ belongs to no layer"; bad = 1; skip = 1
  } else if (!(from in rank)) {
    print FILENAME ": folder \"" from "\" is in no layer (add it to scripts/check_layers.sh and docs/architecture.md)"
    bad = 1; skip = 1
  }
}
!skip && /^[ \t]*#[ \t]*include[ \t]*"/ {
  target = $0; sub(/^[^"]*"/, "", target); sub(/".*/, "", target)
  if (target == "storyline.h" || target ~ /^storyline\//) {
    if (from != "util") next
    to = target
  } else if (index(target, "/")) {
    to = target; sub(/\/.*/, "", to)
    if (to == from || ((to in rank) && rank[to] < rank[from])) next
  } else {
    next # a header of the file'"'"'s own folder
  }
  print FILENAME ":" FNR ": " from " -> " to " (\"" target "\")"
  bad = 1
}
END {
  if (bad) { print "check_layers: includes point the wrong way (layers: docs/architecture.md)"; exit 1 }
  print "check_layers: ok"
}' || exit 1
