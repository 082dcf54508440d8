#!/bin/sh
# make eval: quality checks against ../shared/datasets (read at run time only).
#
#   sh eval/run.sh             # from anywhere; make eval does this
#
# Environment: STORYLINE (binary, default build/storyline), EVAL_DIR (scratch
# folder for the stores, default build/eval).
# Each evaluation prints its findings and `SCORE name value` lines; every score
# is then compared with its bound in eval/floors.txt ("name value min|max").
# Exit 0 when all scores hold, 1 when one misses its bound (or a bound has no
# score), 2 when an evaluation could not run. Skips (exit 0) without the datasets.
cd "$(dirname "$0")/.." || exit 2
DATA=../shared/datasets
BIN=${STORYLINE:-build/storyline}
OUT=${EVAL_DIR:-build/eval}

if [ ! -d "$DATA" ]; then
  echo "eval: skipped: $DATA not found (the shared datasets are not on this machine)"
  exit 0
fi
if [ ! -x "$BIN" ]; then
  echo "eval: $BIN not found; run make first" >&2
  exit 2
fi
mkdir -p "$OUT" || exit 2
SCORES="$OUT/scores.txt"
: >"$SCORES"
start=$(date +%s)

# run NAME CMD...: one evaluation; its output is shown and its scores kept.
run() {
  r_name=$1; shift
  echo "=== $r_name"
  if ! "$@" >"$OUT/$r_name.log" 2>&1; then
    cat "$OUT/$r_name.log"
    echo "eval: $r_name failed to run" >&2
    exit 2
  fi
  grep -v '^SCORE ' "$OUT/$r_name.log"
  grep '^SCORE ' "$OUT/$r_name.log" | cut -d' ' -f2- >>"$SCORES"
  echo
}

if [ -d "$DATA/seeds" ]; then
  run seeds python3 eval/seeds.py --bin "$BIN" --db "$OUT/seeds.db" --seeds "$DATA/seeds"
else
  echo "eval: $DATA/seeds not found: seed checks skipped"
fi

# Copies (issue 3): one evaluation per dataset, each skipped without its data.
if [ -d "$DATA/seeds" ]; then
  run copies_seeds python3 eval/copies_seeds.py --bin "$BIN" --db "$OUT/copies_seeds.db" --seeds "$DATA/seeds"
fi
if [ -d "$DATA/rewrite/llmfake" ] && [ -d "$DATA/rewrite/l2r" ] && [ -d "$DATA/stories/basil" ] && [ -d "$DATA/clustering/ecbplus" ]; then
  run copies_rewrites python3 eval/copies_rewrites.py --bin "$BIN" --data "$DATA" --db "$OUT/copies_rewrites.db"
else
  echo "eval: rewrite/llmfake, rewrite/l2r, stories/basil or clustering/ecbplus not found: rewrite linking skipped"
fi
if [ -d "$DATA/rewrite/msrp" ]; then
  run copies_msrp python3 eval/copies_msrp.py --bin "$BIN" --msrp "$DATA/rewrite/msrp"
fi
if [ -d "$DATA/rewrite/clough-stevenson" ]; then
  run copies_clough python3 eval/copies_clough.py --bin "$BIN" --csv "$DATA/rewrite/clough-stevenson/plagiarism-clough&stevenson.csv"
fi
if [ -d "$DATA/scale/reuters21578" ]; then
  run copies_reuters python3 eval/copies_reuters.py --bin "$BIN" --src "$DATA/scale/reuters21578" --db "$OUT/copies_reuters.db"
fi
if [ -d "$DATA/quotes/polnear" ] && [ -d "$DATA/numbers/newsquant" ] && [ -d "$DATA/clustering/ecbplus" ] && [ -d "$DATA/seeds" ]; then
  # quotes (and in other outlets' styles: eval/facts_quotes_styles.py), numbers, entities, seeds
  run facts python3 eval/facts.py --bin "$BIN" --db "$OUT/facts.db" --data "$DATA"
else
  echo "eval: facts datasets not found: facts checks skipped"
fi
if [ -d "$DATA/clustering/ecbplus" ]; then
  # quotes written `` ... '' (ECB+'s older half) and their hand check
  run quotes_backticks python3 eval/quotes_backticks.py --bin "$BIN" --data "$DATA"
fi
if [ -d "$DATA/clustering/ecbplus" ] && [ -d "$DATA/stories/basil" ]; then
  run stories "$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)" eval/stories.py --bin "$BIN" --out "$OUT/stories" --data "$DATA"
else
  echo "eval: $DATA/clustering/ecbplus or stories/basil not found: story checks skipped"
fi
[ -d "$DATA/extraction" ] && sh scripts/extraction_peers.sh build/bench
[ -d "$DATA/extraction" ] && run extraction python3 eval/extraction.py --bin "$BIN" --data "$DATA/extraction"
# Older layouts and reader comments (issue 18): the first 100 pages of Zyte and of
# WCXB's odd and even articles, each rewritten into 10 styles (about 2.5 minutes;
# readability-lxml beside it, cached; Readability.js left out: 0.25 s a page).
[ -d "$DATA/extraction" ] && run extraction_styles /usr/bin/python3 eval/extraction_styles.py --bin "$BIN" \
  --data "$DATA/extraction" --limit 100 --skip-peer readability.js --out "$OUT/styles"

# Telling the story (issue 12): temporal expressions on TempEval-3 (rules tuned on
# TimeBank, AQUAINT held out), summaries on DUC 2004 (constants tuned on the first
# 15 clusters, the last 15 held out), and the seeds' summary and timeline.
if [ -d "$DATA/dates/tempeval3" ]; then
  run dates_tempeval python3 eval/dates_tempeval.py --bin "$BIN" --data "$DATA/dates/tempeval3"
fi
if [ -d "$DATA/summaries/duc2004" ]; then
  run summaries_duc python3 eval/summaries_duc.py --bin "$BIN" --data "$DATA/summaries/duc2004"
fi
if [ -d "$DATA/seeds" ]; then
  run story_seeds python3 eval/story_seeds.py --bin "$BIN" --out "$OUT/story_seeds" --seeds "$DATA/seeds" --june tests/fixtures/story
fi

echo "=== scores against eval/floors.txt"
awk '
  FNR == NR { score[$1] = $2; next }           # scores.txt: name value
  { sub(/#.*/, "") }
  NF < 3 { next }
  {
    name = $1; bound = $2; dir = $3
    if (!(name in score)) {
      printf "%-30s %8s   %s %-6s FAIL (no score)\n", name, "-", (dir == "max" ? "<=" : ">="), bound
      bad++; next
    }
    v = score[name]; seen[name] = 1
    ok = (dir == "max") ? (v + 0 <= bound + 0) : (v + 0 >= bound + 0)
    if (dir != "min" && dir != "max") { ok = 0 }
    printf "%-30s %8s   %s %-6s %s\n", name, v, (dir == "max" ? "<=" : ">="), bound, ok ? "ok" : "FAIL"
    if (!ok) bad++
  }
  END {
    for (n in score) if (!(n in seen)) printf "%-30s %8s   (no bound in floors.txt)\n", n, score[n]
    exit bad ? 1 : 0
  }' "$SCORES" eval/floors.txt
status=$?
echo
if [ "$status" -eq 0 ]; then
  echo "eval: all scores hold ($(( $(date +%s) - start )) s)"
else
  echo "eval: FAILED: some scores miss their bounds ($(( $(date +%s) - start )) s)"
fi
exit "$status"
