#!/bin/sh
# layers.sh — scripts/check_layers.sh passes on the tree and fails on a
# planted wrong-way include (up a layer, or sideways between stages), in a
# temporary copy of src/ (docs/architecture.md, "Layers").
NAME=layers
. "$SL_TESTS/e2e/lib.sh"
ROOT=$(cd "$SL_TESTS/.." && pwd)
CHECK="$ROOT/scripts/check_layers.sh"

# plant FILE LINE: a fresh copy of src/ in $T/src with LINE added to FILE.
plant() {
  rm -rf "$T/src"
  cp -R "$ROOT/src" "$T/src"
  printf '%s\n' "$2" >>"$T/src/$1"
}

section "the tree as it is"
run sh "$CHECK" "$ROOT/src"
check "src/ passes" [ "$RC" -eq 0 ]
check "says ok" out_has "check_layers: ok"

section "planted wrong-way includes"
plant text/utf8.c '#include "engine/engine.h"'
run sh "$CHECK" "$T/src"
check "text including the engine fails" [ "$RC" -eq 1 ]
check "names the file and the arrow" out_has 'text/utf8.c:[0-9]*: text -> engine'

plant copies/sketch.c '#include "stories/stories.h"'
run sh "$CHECK" "$T/src"
check "a stage including a sibling stage fails" [ "$RC" -eq 1 ]
check "names the sideways arrow" out_has 'copies/sketch.c:[0-9]*: copies -> stories'

plant util/hash.c '#include "storyline.h"'
run sh "$CHECK" "$T/src"
check "util including the public header fails" [ "$RC" -eq 1 ]

plant util/hash.c '#include "storyline/common.h"'
run sh "$CHECK" "$T/src"
check "util including a part of the public header fails" [ "$RC" -eq 1 ]

plant copies/sketch.c '#include "storyline/copies.h"'
run sh "$CHECK" "$T/src"
check "a stage including a part of the public header passes" [ "$RC" -eq 0 ]

plant store/store.h '#  include "engine/engine.h"'
run sh "$CHECK" "$T/src"
check "an indented include is read too" [ "$RC" -eq 1 ]

plant copies/sketch.c '#include "text/text.h"'
run sh "$CHECK" "$T/src"
check "an include of a lower layer passes" [ "$RC" -eq 0 ]

rm -rf "$T/src" && cp -R "$ROOT/src" "$T/src" && mkdir "$T/src/widgets" &&
  echo '/* x */' >"$T/src/widgets/w.c"
run sh "$CHECK" "$T/src"
check "a folder in no layer fails" [ "$RC" -eq 1 ]

finish
