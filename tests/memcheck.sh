#!/bin/sh
# memcheck.sh [BUILD] — the unit tests and the CLI's main commands under
# valgrind's memcheck (`make memcheck`): reads of memory never written,
# which AddressSanitizer does not see (a fraction read past its number's
# bytes made one ingest's facts differ from the next). Fails on any error
# outside SQLite (tests/valgrind.supp). About 5 minutes; not in `make test`.
BUILD=${1:-build}
export STORYLINE="$PWD/$BUILD/storyline"
export SL_TESTS="$PWD/tests"
NAME=memcheck
. "$SL_TESTS/e2e/lib.sh"

# The commands below run through wrappers, so that the report names them.
mkdir "$T/vg"
BIN="$PWD/$BUILD"
for prog in storyline unit-tests; do
  printf '#!/bin/sh\nexec valgrind -q --error-exitcode=9 --suppressions=%s "%s" "$@"\n' \
    "$SL_TESTS/valgrind.supp" "$BIN/$prog" >"$T/vg/$prog"
  chmod +x "$T/vg/$prog"
done
STORYLINE="$T/vg/storyline"
S=$STORYLINE
export SL_TEST_TIME_SCALE=50

section "the unit tests (their time bounds scaled for valgrind)"
expect_exit 0 "$T/vg/unit-tests"

section "ingest of the example corpus, then every read command"
expect_exit 0 "$S" --db "$T/s.db" --quiet ingest "$SL_TESTS/../examples"
for cmd in "stories" "show 1" "export --json" "facts 1" "quotes 1" "entities 1" "threads" \
           "summary 1" "timeline 1" "copies" "search harbour" "check"; do
  # shellcheck disable=SC2086
  expect_exit 0 "$S" --db "$T/s.db" $cmd
done

section "numbers written with fractions, at the end of a buffer"
# "3-1/8" was read past its bytes (valgrind's first finding, issue 17).
expect_exit 0 "$S" --db "$T/s.db" --quiet ingest "$SL_TESTS/fixtures/facts/fractions.txt"

section "the store-less commands"
set -- "$SL_TESTS"/../examples/*.txt
expect_exit 0 "$S" compare "$1" "$2"
expect_exit 0 "$S" extract "$1"
expect_exit 0 "$S" timex "$1"
expect_exit 0 "$S" summarize "$@"
expect_exit 0 "$S" dedup <"$SL_TESTS/../examples/2026-04-17_northwire_feed.jsonl"

finish
