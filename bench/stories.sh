#!/bin/sh
# Story assignment speed and memory (src/stories/): builds bench/stories_bench.c
# against build/libstoryline.a and runs it once. It times the grouper's place +
# add (with the document-frequency counting the engine does) on synthetic
# articles, at 1k, 3k, 10k, 30k and 100k live stories, and prints microseconds
# and articles per CPU second at each size, and the grouper's memory per story.
#
#   sh bench/stories.sh        # from the repository root (bench/run.sh calls it)
cd "$(dirname "$0")/.." || exit 2
LIB=build/libstoryline.a
OUT=${BENCH_DIR:-build/bench}
if [ ! -f "$LIB" ]; then
  echo "bench stories: $LIB not found; run make first" >&2
  exit 2
fi
mkdir -p "$OUT" || exit 2
PKGS="sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat"
# shellcheck disable=SC2046
${CC:-cc} -O2 -std=c17 -D_GNU_SOURCE -Wall -Wextra -Iinclude -Isrc bench/stories_bench.c "$LIB" \
  $(pkg-config --libs $PKGS) -lstemmer -lm -o "$OUT/stories_bench" || exit 2
echo "bench stories: story assignment on synthetic articles (CPU time, one core)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "bench stories: peak RSS %M KB" "$OUT/stories_bench" || exit 1
else
  "$OUT/stories_bench" || exit 1
fi
echo "aim: >= 10000 articles/s/core at 100k stories (the last line's articles/CPU s)"
echo
