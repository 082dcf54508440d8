# stories_dates.sh — stories on the event's day and threads across weeks, on
# the demo corpus (examples/, its README is the answer key): ingested with
# each file's date and outlet, the talks and the treaty are two stories in one
# thread, the mill fire one story outside it, the ferries dated by the day the
# text states. Then the same files ingested in batches of 1, 7 and all give the
# same stories and threads, and the fire (dated by its feed) is not threaded
# with the undated talks it shares place names with. Last, an invented chess
# festival (tests/fixtures/stories/threads_days.jsonl), linked again at its
# fifth report, stays out of the thread of a dock strike nine weeks before
# that it shares only place names with.
NAME=stories_dates
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
EX="$SL_TESTS/../examples"

# one DB FILE: ingests one demo file the README's way, a .txt with its date
# and outlet from its name.
one() {
  case "$2" in
    *.txt)
      b=$(basename "$2" .txt); d=${b%%_*}; o=${b#*_}; o=${o%%_*}
      "$S" --db "$1" --quiet ingest --source "$o" --date "$d" "$2" ;;
    *) "$S" --db "$1" --quiet ingest "$2" ;;
  esac || echo "$2" >>"$T/demo.err"
}
# demo DB: the README's way, the .txt files first, then the feed and the page.
demo() {
  for f in "$EX"/*.txt; do one "$1" "$f"; done
  "$S" --db "$1" --quiet ingest "$EX"/*.jsonl "$EX"/*.html || echo jsonl/html >>"$T/demo.err"
}

story() { awk -v k="$2" 'index($1, k) == 1 { print $2; exit }' "$1"; }
thread() { awk -v k="$2" 'index($1, k) == 1 { print $3; exit }' "$1"; }
same() { test -n "$1" && test "$1" = "$2"; }

section "the demo with its dates: stories on the event's day, threads across weeks"
DB="$T/demo.db"
demo "$DB"
check "every demo file was stored" test ! -s "$T/demo.err"
story_groups "$DB" "$T/g"
G="$T/g"
check "the four talks reports are one story" sh -c 'test -n "$1" && test "$1" = "$2" && test "$1" = "$3" && test "$1" = "$4"' - \
  "$(story "$G" 2026-03-04_northwire)" "$(story "$G" 2026-03-05_harbour)" "$(story "$G" 2026-03-05_valley)" "$(story "$G" 2026-03-06_harbour)"
check "the four treaty reports are one story" sh -c 'test -n "$1" && test "$1" = "$2" && test "$1" = "$3" && test "$1" = "$4"' - \
  "$(story "$G" nw-2026-0512)" "$(story "$G" 2026-05-12_valley)" "$(story "$G" 2026-05-13_harbour)" "$(story "$G" 2026-05-13_valley)"
check "the talks and the treaty are two stories" test "$(story "$G" 2026-03-04_northwire)" != "$(story "$G" 2026-05-13_harbour)"
check "...in one thread, nine weeks apart" same "$(thread "$G" 2026-03-04_northwire)" "$(thread "$G" 2026-05-13_harbour)"
check "the mill fire is one story of four" sh -c 'test -n "$1" && test "$1" = "$2" && test "$1" = "$3" && test "$1" = "$4"' - \
  "$(story "$G" nw-2026-0417)" "$(story "$G" 2026-04-17_valley)" "$(story "$G" 2026-04-18_harbour)" "$(story "$G" 2026-04-20_valley)"
check "the fire, sharing place names only, is not in the treaty thread" \
  test "$(thread "$G" 2026-04-17_valley)" != "$(thread "$G" 2026-03-04_northwire)"
check "the museum and the ferries are threads of their own" sh -c 'test "$1" != "$2" && test "$1" != "$3" && test "$2" != "$3" && test "$2" != "$4"' - \
  "$(thread "$G" 2026-04-25_harbour)" "$(thread "$G" 2026-04-02_harbour)" "$(thread "$G" 2026-03-04_northwire)" "$(thread "$G" 2026-04-17_valley)"
expect_exit 0 "$S" --db "$DB" stories
check "the ferries story is dated by the day its text states (Wednesday 1 April, published 2 April)" \
  out_has "2026-04-01 *Council approves late ferries"
expect_exit 0 "$S" --db "$DB" threads
check "threads lists the treaty thread with its 2 stories, 8 articles" out_has "^thread [0-9]*: 2 stories, 8 articles"

section "the dated demo, one file at a time in any order, gives the same stories"
ls "$EX"/*.txt "$EX"/*.jsonl "$EX"/*.html | sort >"$T/dated"
for order in reverse shuffled; do
  if [ "$order" = reverse ]; then sort -r "$T/dated"; else
    awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' "$T/dated" | sort | cut -f2-; fi >"$T/$order"
  while IFS= read -r f; do one "$T/$order.db" "$f"; done <"$T/$order"
  story_groups "$T/$order.db" "$T/g.$order"
  check "$order order: every file stored" test ! -s "$T/demo.err"
  check "$order order: the same stories and threads as the README's way" cmp -s "$T/g" "$T/g.$order"
done

section "the same files in batches of 1, 7 and all give the same stories"
ls "$EX"/*.txt "$EX"/*.jsonl "$EX"/*.html | sort >"$T/files"
DB_ALL="$T/all.db"
# shellcheck disable=SC2046
expect_exit 0 "$S" --db "$DB_ALL" --quiet ingest $(cat "$T/files")
story_groups "$DB_ALL" "$T/g.all"
DB1="$T/one.db"
while IFS= read -r f; do
  "$S" --db "$DB1" --quiet ingest "$f" || echo "$f" >>"$T/one.err"
done <"$T/files"
check "one file at a time: every file stored" test ! -s "$T/one.err"
story_groups "$DB1" "$T/g.one"
check "one file at a time: the same stories and threads" cmp -s "$T/g.all" "$T/g.one"
DB7="$T/seven.db"
split -l 7 "$T/files" "$T/batch."
for b in "$T"/batch.*; do
  # shellcheck disable=SC2046
  "$S" --db "$DB7" --quiet ingest $(cat "$b") || echo "$b" >>"$T/seven.err"
done
check "seven files at a time: every batch stored" test ! -s "$T/seven.err"
story_groups "$DB7" "$T/g.seven"
check "seven files at a time: the same stories and threads" cmp -s "$T/g.all" "$T/g.seven"
check "the folder without dates still makes more than one story" test "$(cut -d' ' -f2 "$T/g.all" | sort -u | wc -l)" -gt 3
check "without the .txt dates, the dated fire feed item is not threaded with the undated talks" \
  test "$(thread "$T/g.all" nw-2026-0417)" != "$(thread "$T/g.all" 2026-03-04_northwire)"

section "a story grown weeks after another, sharing only place names, stays out of its thread"
FX="$SL_TESTS/fixtures/stories/threads_days.jsonl"
expect_exit 0 "$S" --db "$T/days.db" --quiet ingest "$FX"
story_groups "$T/days.db" "$T/g.days"
check "the five chess reports are one story" \
  test "$(awk '$1 ~ /^chess-/ { print $2 }' "$T/g.days" | sort -u | wc -l)" -eq 1
check "the chess festival is not in the thread of the dock strike of 63 days before (cosine 0.216 at its fifth report, under the join similarity asked beyond the story window)" \
  test "$(thread "$T/g.days" chess-1)" != "$(thread "$T/g.days" strike-0)"
mkdir "$T/days"
split -l 1 "$FX" "$T/days/line."
for f in "$T"/days/line.*; do
  mv "$f" "$f.jsonl"
  "$S" --db "$T/days1.db" --quiet ingest "$f.jsonl" || echo "$f" >>"$T/days.err"
done
check "one report per process: every report stored" test ! -s "$T/days.err"
story_groups "$T/days1.db" "$T/g.days1"
check "one report per process: the same stories and threads" cmp -s "$T/g.days" "$T/g.days1"

finish
