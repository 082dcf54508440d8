#!/bin/sh
# run.sh [SECONDS] [TARGET...] — fuzzes each target (all by default) with
# libFuzzer for SECONDS (default 60) each, one at a time, starting from its
# seed corpus fuzz/corpus/<target>/ and growing a working corpus in
# build/fuzz/corpus/<target>/ (the seeds in git stay small and hand-written).
# Prints per target: executions, coverage (cov:), features, and findings;
# a crash leaves its input in build/fuzz/findings/<target>/ (copy it into
# fuzz/corpus/<target>/ as a regression input once fixed).
cd "$(dirname "$0")/.." || exit 1
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-$(ls fuzz/corpus)}
make -s --no-print-directory -f fuzz/fuzz.mk $(for t in $TARGETS; do echo "build/fuzz/$t"; done) || exit 1
found=0
for t in $TARGETS; do
  work="build/fuzz/corpus/$t"
  findings="build/fuzz/findings/$t"
  log="build/fuzz/$t.log"
  mkdir -p "$work" "$findings"
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/known-ubsan.supp" \
    "build/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/" -print_final_stats=1 "$work" "fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
  crashes=$(ls "$findings" | wc -l)
  [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes="exit $rc (see $log)"
  echo "$t: ${SECONDS_EACH}s, ${execs:-?} executions, ${cov:-no coverage line}, findings: $crashes"
  [ "$crashes" != 0 ] && found=1
done
exit $found
