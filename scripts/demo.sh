#!/bin/sh
# make demo: ingests the example corpus into a fresh store and prints its stories.
# Plain-text examples carry no outlet or date, so they come from the file names
# (YYYY-MM-DD_outlet_slug.txt) through --date and --source, as a user would pass them.
set -e
bin=${1:-build/storyline}
db=${2:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
echo "== ingesting examples/ into $db"
for f in examples/[0-9]*; do   # date-prefixed names: date order
  base=$(basename "$f")
  date=${base%%_*}
  rest=${base#*_}
  outlet=$(echo "${rest%%_*}" | sed 's/-/ /g' | awk '{for (i = 1; i <= NF; i++) $i = toupper(substr($i, 1, 1)) substr($i, 2)} 1')
  case "$f" in
    *.jsonl) "$bin" --db "$db" --quiet ingest "$f" ;;      # JSONL records name their own
    *) "$bin" --db "$db" --quiet ingest --source "$outlet" --date "$date" "$f" ;;
  esac
done
"$bin" --db "$db" check >/dev/null
echo
echo "== storyline stories"
"$bin" --db "$db" stories
first=$("$bin" --db "$db" stories | awk 'NR==2 {print $1}')
echo
echo "== storyline show $first"
"$bin" --db "$db" show "$first"
echo
echo "== storyline copies"
"$bin" --db "$db" copies
rewrite=$("$bin" --db "$db" copies | awk '$3 == "rewrite" {print $1; exit}')
if [ -n "$rewrite" ]; then
  echo
  echo "== storyline copies --article $rewrite"
  "$bin" --db "$db" copies --article "$rewrite" | tail -n +3
fi
echo
echo "== storyline search \"treaty commission\""
"$bin" --db "$db" search treaty commission --limit 3
echo
echo "== storyline facts --conflicts (every story; the corpus plants two disagreements)"
for s in $("$bin" --db "$db" stories | awk 'NR > 1 {print $1}'); do
  "$bin" --db "$db" facts "$s" --conflicts | awk 'NR > 1 || !/: 0 facts/'
done
echo
echo "Try (one command a line):"
echo "  $bin --db $db article 1 --removed"
echo "  $bin --db $db quotes $first"
echo "  $bin --db $db entities $first"
echo "  $bin --db $db export --json"
