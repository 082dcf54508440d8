# lib.sh — shared by the end-to-end scripts (POSIX sh). A script sets NAME,
# sources this file, runs checks, and ends with `finish`.
#
#   NAME=cli; . "$SL_TESTS/e2e/lib.sh"
#   check "NAME" CONDITION-COMMAND...  passes when the command exits 0
#   expect_exit CODE CMD...            runs CMD (stdout in $OUT, stderr in $ERR,
#                                      status in $RC) and checks its status
#   run CMD...                         the same, without a check
#   known_bug "WHAT"                   marks the next check as a reported engine
#                                      bug (it still counts as a failure)
#   known_fail ITEM                    marks the next check as failing because of
#                                      issue item ITEM (e.g. 16.4): when ITEM is in
#                                      the script's KNOWN_FAIL list and the check
#                                      fails, it counts as skipped, not failed
#   section "TITLE"                    prints a heading with the elapsed time
#   finish                             prints "e2e-NAME: N passed, N failed"
#
# $STORYLINE is the binary under test, $SL_TESTS the tests/ folder; $T is a
# fresh temporary folder, removed when the script exits.

: "${NAME:=e2e}"
if [ -z "$STORYLINE" ] || [ ! -x "$STORYLINE" ]; then
  echo "e2e-$NAME: STORYLINE must name the storyline binary (got '$STORYLINE')"
  echo "e2e-$NAME: 0 passed, 1 failed"
  exit 1
fi
: "${SL_TESTS:=$(cd "$(dirname "$0")/.." && pwd)}"
FIX="$SL_TESTS/fixtures/e2e"
# Sanitizer builds: report leaks and errors, never hide them.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

T=$(mktemp -d "${TMPDIR:-/tmp}/sl-e2e-$NAME.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'rm -rf "$T"; exit 130' INT TERM
# python3 is the interpreter itself, not a version manager's shim: pyenv's
# costs about 0.7 s of CPU per start against 0.1 s, and a suite starts python3
# dozens of times. tests/run.sh finds it once for all suites (SL_PY).
: "${SL_PY:=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)}"
if [ -x "$SL_PY" ]; then
  mkdir "$T/.bin" && ln -s "$SL_PY" "$T/.bin/python3" && PATH="$T/.bin:$PATH" && export PATH
fi
OUT="$T/.out"
ERR="$T/.err"
RC=0
PASSED=0
FAILED=0

KNOWN=""
KNOWN_ITEM=""
SKIPPED=0
pass() {
  echo "  ok    $1${KNOWN_ITEM:+  [known failure $KNOWN_ITEM passes now: take it out of KNOWN_FAIL]}"
  PASSED=$((PASSED + 1)); KNOWN=""; KNOWN_ITEM=""
}
fail() {
  case " $KNOWN_FAIL " in
    *" ${KNOWN_ITEM:-none} "*)
      SKIPPED=$((SKIPPED + 1)); echo "  skip  $1  [known failure: issue $KNOWN_ITEM]"; KNOWN_ITEM=""; return ;;
  esac
  KNOWN_ITEM=""
  FAILED=$((FAILED + 1))
  echo "  FAIL  $1${KNOWN:+  [known bug: $KNOWN]}"
  KNOWN=""
  shift
  for why in "$@"; do echo "        $why"; done
}

known_bug() { KNOWN=$1; }
known_fail() { KNOWN_ITEM=$1; }

# section TITLE: a heading, with the seconds since the script began.
START=$(date +%s)
section() { echo "-- $1 ($(($(date +%s) - START)) s)"; }

# Shows the last command's output when a check fails.
show_output() {
  if [ -s "$OUT" ]; then echo "        stdout:"; head -n 15 "$OUT" | sed 's/^/          /'; fi
  if [ -s "$ERR" ]; then echo "        stderr:"; head -n 15 "$ERR" | sed 's/^/          /'; fi
}

# Fails when a sanitizer reported anything in the last command's stderr.
sanitizer_clean() {
  ! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$ERR" 2>/dev/null
}

run() {
  "$@" >"$OUT" 2>"$ERR"
  RC=$?
}

check() {
  name=$1
  shift
  if "$@" >"$T/.check" 2>&1; then
    pass "$name"
  else
    fail "$name"
    if [ -s "$T/.check" ]; then tail -n 5 "$T/.check" | sed 's/^/        | /'; fi
    show_output
  fi
}

expect_exit() {
  want=$1
  shift
  run "$@"
  label="exit $want: $(echo "$*" | sed "s|$STORYLINE|storyline|g; s|$T/||g" | cut -c1-110)"
  if [ "$RC" -eq "$want" ] && sanitizer_clean; then
    pass "$label"
  else
    fail "$label" "got exit $RC"
    show_output
  fi
}

# Helpers for conditions.
out_has() { grep -q -- "$1" "$OUT"; }
err_has() { grep -q -- "$1" "$ERR"; }
out_lacks() { ! grep -q -- "$1" "$OUT"; }
is_json() { python3 -m json.tool "$1" >/dev/null 2>&1; }
# py FILE CODE [ARGS...]: runs python CODE with `d` the JSON document in FILE
# (ARGS are sys.argv[2:]); passes when CODE exits normally (use assert).
py() {
  file=$1
  code=$2
  shift 2
  python3 -c "import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
$code" "$file" "$@"
}

# use_binding: python/storyline on PYTHONPATH over the library beside
# $STORYLINE (STORYLINE_LIB); a sanitizer build of it runs inside python with
# its runtime preloaded. Fails when there is no library (make shared).
use_binding() {
  LIB=${STORYLINE_LIB:-$(dirname "$STORYLINE")/libstoryline.so}
  [ -f "$LIB" ] || return 1
  export PYTHONPATH="$(cd "$SL_TESTS/.." && pwd)/python${PYTHONPATH:+:$PYTHONPATH}" STORYLINE_LIB="$LIB"
  SAN_RT=$(ldd "$LIB" | awk '/libasan|libubsan/ {print $3}' | tr '\n' ' ')
  [ -z "$SAN_RT" ] || export LD_PRELOAD="$SAN_RT" ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0
}

finish() {
  echo "e2e-$NAME: $PASSED passed, $FAILED failed${KNOWN_FAIL:+, $SKIPPED skipped}"
  [ "$FAILED" -eq 0 ]
  exit $?
}

# story_groups DB FILE: writes "name story thread" a line for every article of
# the store (name: its key, else its file's name), sorted by name, story and
# thread numbered by first appearance, so that two stores compare by
# partition, not by ids.
story_groups() {
  "$STORYLINE" --db "$1" export --json 2>/dev/null | python3 -c '
import json, os, sys
d = json.load(sys.stdin)
thread = {s["id"]: s["thread"] or s["id"] for s in d["stories"]}
rows = sorted((a["key"] or os.path.basename(a["path"] or ""), a["story"]) for a in d["articles"])
sn, tn = {}, {}
for name, story in rows:
    sn.setdefault(story, len(sn) + 1)
    tn.setdefault(thread[story], len(tn) + 1)
    print(name, sn[story], tn[thread[story]])' >"$2"
}

# forms_before_13 DB: the stories' centroids, the articles' sentences and
# the facts' offsets of DB back in the forms of schema 12 and before
# (tests/store_forms.py), for the tests that fake an older store from one
# this storyline made.
forms_before_13() {
  python3 "$SL_TESTS/store_forms.py" before13 "$1"
}
# forms_before_14 DB: the rows of DB's recent tables (src/store/recent.c)
# in line_articles, copy_keys and terms, as schema 13 kept them.
forms_before_14() {
  python3 "$SL_TESTS/store_forms.py" before14 "$1"
}
# forms_before_16 DB: DB's facts with their whole values as doubles and
# their words as strings, as schemas 13 to 15 kept them.
forms_before_16() {
  python3 "$SL_TESTS/store_forms.py" before16 "$1"
}
# forms_before_17 DB: DB's vectors with their terms' hashes instead of
# their ids in term_dict, and term_dict gone (tests/store_forms.py)
forms_before_17() {
  python3 "$SL_TESTS/store_forms.py" before17 "$1"
}
# forms_before_18 DB: DB's story_terms keyed by their terms' hashes instead
# of their ids in term_dict (tests/store_forms.py)
forms_before_18() {
  python3 "$SL_TESTS/store_forms.py" before18 "$1"
}
# forms_before_19 DB: DB's centroids at 12 bytes a term again, not by their
# terms' ids in term_dict (tests/store_forms.py)
forms_before_19() {
  python3 "$SL_TESTS/store_forms.py" before19 "$1"
}
# forms_before_20 DB: DB's copy keys with the article's number of keys in a
# column again, not in the article column's low bits (tests/store_forms.py)
forms_before_20() {
  python3 "$SL_TESTS/store_forms.py" before20 "$1"
}
# forms_before_21 DB: DB's copy sketches in the form of schemas 11 to 20
# again, their codes in order of first coming (tests/store_forms.py)
forms_before_21() {
  python3 "$SL_TESTS/store_forms.py" before21 "$1"
}
# forms_before_23 DB: DB's chrome lines' reasons as their words again, not
# one byte, their place in a list (tests/store_forms.py)
forms_before_23() {
  python3 "$SL_TESTS/store_forms.py" before23 "$1"
}
# forms_before_24 DB: DB's term counts in tables keyed by rowid again, not
# WITHOUT ROWID (tests/store_forms.py)
forms_before_24() {
  python3 "$SL_TESTS/store_forms.py" before24 "$1"
}
# forms_before_25 DB: DB's centroids naming the terms term_dict has by
# their ids again, not by their hashes (tests/store_forms.py)
forms_before_25() {
  python3 "$SL_TESTS/store_forms.py" before25 "$1"
}
# forms_before_26 DB: DB's story_terms without weights, no story_norms
# (tests/store_forms.py)
forms_before_26() {
  python3 "$SL_TESTS/store_forms.py" before26 "$1"
}
# forms_before_27 DB: DB's facts in the form of schemas 16 to 26 again,
# not a head an item (tests/store_forms.py)
forms_before_27() {
  python3 "$SL_TESTS/store_forms.py" before27 "$1"
}
# forms_before_28 DB: DB's articles holding their paths in their rows again,
# no paths (tests/store_forms.py)
forms_before_28() {
  python3 "$SL_TESTS/store_forms.py" before28 "$1"
}
# forms_before_29 DB: DB's articles holding their sources and dates as
# texts again, not empty blobs their other columns fill (tests/store_forms.py)
forms_before_29() {
  python3 "$SL_TESTS/store_forms.py" before29 "$1"
}
# forms_before_30 DB: DB's line_articles pairs holding 64-bit fingerprints
# again, not their high 47 bits (tests/store_forms.py)
forms_before_30() {
  python3 "$SL_TESTS/store_forms.py" before30 "$1"
}
# forms_before_31 DB: DB's copy_keys without the marks of its full keys
# (tests/store_forms.py)
forms_before_31() {
  python3 "$SL_TESTS/store_forms.py" before31 "$1"
}
# forms_before_32 DB: DB's hash indexes on the whole hashes again, not
# their high 32 bits (tests/store_forms.py)
forms_before_32() {
  python3 "$SL_TESTS/store_forms.py" before32 "$1"
}
# The schema a store is migrated to (src/store/migrate.c's last migration).
SL_SCHEMA=32
