#!/bin/sh
# bench/facts.sh — speed of the facts stage (called by bench/run.sh):
#   extraction   `storyline facts --text` over 5,000 Reuters-21578 stories as
#                text files (../shared/datasets/scale/reuters21578, converted at
#                run time by bench/reuters_to_jsonl.py): articles per CPU second,
#                one process on one core, JSON output to /dev/null included
#   cross-check  `storyline facts STORY --json` on a story of 500 generated
#                reports of one invented event (numbers varied so that values
#                agree and conflict): milliseconds per run, process start and
#                store open included; median of RUNS runs
# Aims (issue "Facts"): >= 5,000 articles/s extraction; cross-check < 100 ms.
cd "$(dirname "$0")/.." || exit 2
DATA=${DATASETS:-../shared/datasets}/scale/reuters21578
BIN=$(cd "$(dirname "${STORYLINE:-build/storyline}")" && pwd)/$(basename "${STORYLINE:-build/storyline}")
RUNS=${RUNS:-3}
OUT=${BENCH_DIR:-build/bench}/facts
COUNT=5000
STORY=500

[ -x "$BIN" ] || { echo "bench-facts: $BIN not found; run make first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT/txt" || exit 2

. bench/lib.sh   # cpu_of, largest_story

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

if [ -d "$DATA" ]; then
  python3 bench/reuters_to_jsonl.py "$DATA" "$OUT/reuters.jsonl" --txt-dir "$OUT/txt" \
    --txt-count "$COUNT" 2>/dev/null || exit 2
  n=$(ls "$OUT/txt" | wc -l | tr -d ' ')
  "$BIN" --quiet --db "$OUT/empty.db" ingest "$OUT/txt/$(ls "$OUT/txt" | head -n 1)" || exit 2
  i=0
  : >"$OUT/extract.runs"
  while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    (cd "$OUT/txt" && cpu_of "$BIN" --db ../empty.db facts --text ./*.txt) \
      >>"$OUT/extract.runs" || exit 1
  done
  cpu=$(median <"$OUT/extract.runs")
  rate=$(awk -v n="$n" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}')
  ok=$(awk -v r="$rate" 'BEGIN {print (r >= 5000) ? "met" : "NOT MET"}')
  echo "facts: extraction of $n Reuters stories: $cpu CPU s (median of $RUNS), $rate articles/CPU s: aim >= 5000 $ok"
else
  echo "facts: extraction bench skipped: $DATA not found"
fi

# A story of $STORY reports of one invented event.
python3 - "$OUT/story.jsonl" "$STORY" <<'PY'
import json, random, sys
r = random.Random(5)
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        injured = r.choice([3, 3, 3, 4])
        text = ("Fire at the Orlen tannery in Dessby\n\n"
                "%d workers were injured when a fire swept through the Orlen tannery in Dessby on "
                "Friday, Fire Chief Mara Lund said. About %d staff were evacuated and the tannery, "
                "which employs about %d people, will stay closed for %d weeks.\n\n"
                "\"We got everyone out in %d minutes,\" Lund said. \"The building is lost.\"\n"
                % (injured, r.choice([80, 80, 85]), r.choice([300, 310]), r.choice([2, 3]),
                   r.choice([10, 12])))
        f.write(json.dumps({"id": "r%d" % i, "text": text, "source": "Desk %d" % (i % 40),
                            "published": "2026-02-13"}) + "\n")
PY
"$BIN" --quiet --db "$OUT/story.db" ingest "$OUT/story.jsonl" || exit 2
read -r sid size <<EOS
$(largest_story "$BIN" "$OUT/story.db")
EOS
i=0
: >"$OUT/cross.runs"
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  python3 -c '
import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print("%.1f" % ((time.perf_counter() - t) * 1000))' "$BIN" --db "$OUT/story.db" --json facts "$sid" \
    >>"$OUT/cross.runs" || exit 1
done
ms=$(median <"$OUT/cross.runs")
ok=$(awk -v m="$ms" 'BEGIN {print (m < 100) ? "met" : "NOT MET"}')
echo "facts: cross-check of a $size-article story: $ms ms wall (median of $RUNS, process included): aim < 100 ms $ok"
