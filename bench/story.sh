#!/bin/sh
# bench/story.sh — speed of telling a story (issue 12; called by bench/run.sh):
#   timex     `storyline timex --published DATE FILE` on one file of news text
#             (the Reuters-21578 stories when ../shared/datasets is there, else
#             the project's examples, repeated to SIZE MB): MB of text per CPU
#             second, one process on one core, output to /dev/null included
#   summary   `storyline summary STORY` and `timeline STORY` on a story of 500
#             generated reports of one invented event: milliseconds per run,
#             process start and store open included; median of RUNS runs
# Aims: timex >= 5 MB/s; summary of a 500-article story < 200 ms.
cd "$(dirname "$0")/.." || exit 2
DATA=${DATASETS:-../shared/datasets}/scale/reuters21578
BIN=$(cd "$(dirname "${STORYLINE:-build/storyline}")" && pwd)/$(basename "${STORYLINE:-build/storyline}")
RUNS=${RUNS:-5}
SIZE=${SIZE:-10}
OUT=${BENCH_DIR:-build/bench}/story
STORY=500

[ -x "$BIN" ] || { echo "bench-story: $BIN not found; run make first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT" || exit 2

. bench/lib.sh   # cpu_of, largest_story

# wall_ms CMD...: wall milliseconds of one run of CMD, output dropped.
wall_ms() {
  python3 -c '
import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print("%.1f" % ((time.perf_counter() - t) * 1000))' "$@"
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# ---- timex ----
if [ -d "$DATA" ]; then
  python3 bench/reuters_to_jsonl.py "$DATA" "$OUT/reuters.jsonl" 2>/dev/null || exit 2
  python3 -c '
import json, sys
with open(sys.argv[2], "w") as f:
    for line in open(sys.argv[1]):
        f.write(json.loads(line)["text"] + "\n\n")' "$OUT/reuters.jsonl" "$OUT/one.txt"
  what="Reuters-21578 text"
else
  cat examples/*.txt >"$OUT/one.txt"
  what="the examples' text"
fi
python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
want = int(sys.argv[2]) << 20
with open(sys.argv[1], "wb") as f:
    f.write((data * (want // max(len(data), 1) + 1))[:want])' "$OUT/one.txt" "$SIZE"
bytes=$(wc -c <"$OUT/one.txt" | tr -d ' ')
i=0
: >"$OUT/timex.runs"
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  cpu_of "$BIN" timex --published 1987-03-01 --json "$OUT/one.txt" >>"$OUT/timex.runs" || exit 1
done
cpu=$(median <"$OUT/timex.runs")
rate=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN {printf "%.1f", b / 1048576 / c}')
found=$("$BIN" timex --published 1987-03-01 --json "$OUT/one.txt" | wc -l | tr -d ' ')
ok=$(awk -v r="$rate" 'BEGIN {print (r >= 5) ? "met" : "NOT MET"}')
echo "timex: $SIZE MB of $what, $found expressions: $cpu CPU s (median of $RUNS), $rate MB/CPU s: aim >= 5 $ok"

# ---- summary and timeline of a 500-article story ----
python3 - "$OUT/story.jsonl" "$STORY" <<'PY'
import json, random, sys
r = random.Random(12)
facts = [
    "The Varn river dam near Ostby gave way on {day} night after three days of rain.",
    "Water from the dam flooded the lower town of Ostby and cut the coast road.",
    "At least {dead} people died and {missing} are missing, the regional governor said.",
    "Rescue crews used boats to reach families trapped on rooftops in the lower town.",
    "The dam, built in 1962, had been due for repairs since {month}, officials said.",
    "Engineers warned last year that the spillway could not take a major flood.",
    "The government sent {troops} soldiers and two helicopters to the area on {day2}.",
    "Schools in Ostby will stay closed until {reopen}, the mayor announced.",
    "Farmers downstream said the water destroyed the autumn harvest.",
    "The national weather office expects more rain over the weekend.",
    "Residents of the upper town opened their homes to people who lost theirs.",
    "An inquiry into the dam's maintenance will report within 10 months.",
    "Insurers put the damage at about {cost} million crowns.",
    "The prime minister is to visit Ostby on {visit}.",
]
days = ["Sunday", "Monday", "Tuesday"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        picked = sorted(r.sample(range(len(facts)), r.randint(6, 11)))
        sents = [facts[k].format(day=r.choice(days), day2=r.choice(days[1:]),
                                 dead=r.choice([12, 12, 14]), missing=r.choice([30, 34]),
                                 month=r.choice(["March", "May"]), troops=r.choice([400, 500]),
                                 reopen=r.choice(["Friday", "next week"]), cost=r.choice([90, 120]),
                                 visit=r.choice(["Thursday", "Friday"])) for k in picked]
        paras = ["Dam bursts in Ostby", " ".join(sents[:3]), " ".join(sents[3:])]
        f.write(json.dumps({"id": "d%d" % i, "text": "\n\n".join(paras),
                            "source": "Desk %d" % (i % 60),
                            "published": "2026-10-%02d" % (13 + i % 4)}) + "\n")
PY
"$BIN" --quiet --db "$OUT/story.db" ingest "$OUT/story.jsonl" || exit 2
read -r sid size <<EOS
$(largest_story "$BIN" "$OUT/story.db")
EOS
# The store's open alone (`stories`), then summary and timeline: wall and CPU
# milliseconds. On a shared machine the wall time waits for the disk and
# other processes; CPU time is what the command costs.
for cmd in stories summary timeline; do
  i=0
  : >"$OUT/$cmd.runs"
  : >"$OUT/$cmd.cpu"
  while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    arg=$sid
    [ "$cmd" = stories ] && arg=""
    wall_ms "$BIN" --db "$OUT/story.db" --json $cmd $arg >>"$OUT/$cmd.runs" || exit 1
    cpu_of "$BIN" --db "$OUT/story.db" --json $cmd $arg | awk '{printf "%.1f\n", $1 * 1000}' \
      >>"$OUT/$cmd.cpu" || exit 1
  done
  ms=$(median <"$OUT/$cmd.runs")
  cpu=$(median <"$OUT/$cmd.cpu")
  aim=""
  [ "$cmd" = summary ] && aim=": aim < 200 ms $(awk -v m="$ms" 'BEGIN {print (m < 200) ? "met" : "NOT MET"}')"
  echo "$cmd: a $size-article story: $ms ms wall, $cpu ms CPU (medians of $RUNS, process and store open included)$aim"
done
