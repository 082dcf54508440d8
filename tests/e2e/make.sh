# make.sh — the build verbs: `make` prints one short line a step (CC, AR, LD,
# GEN) and the full commands with V=1; every target has a recipe; a misspelt
# unit test name is an error. Builds into a folder of its own under $T.
NAME=make
. "$SL_TESTS/e2e/lib.sh"

ROOT=$(cd "$SL_TESTS/.." && pwd)
B="$T/build"
unset MAKEFLAGS MAKELEVEL MFLAGS

section "short lines, full ones with V=1"
expect_exit 0 make -C "$ROOT" --no-print-directory BUILD="$B" "$B/obj/src/cli/check.o" "$B/storyline.pc"
check "CC and GEN lines name the file" sh -c 'grep -qx "  CC   src/cli/check.c" "$1" && grep -qx "  GEN  .*storyline.pc" "$1"' - "$OUT"
check "no compiler command line" sh -c '! grep -q -- "-Wall" "$1"' - "$OUT"
rm -f "$B/obj/src/cli/check.o"
expect_exit 0 make -C "$ROOT" --no-print-directory BUILD="$B" V=1 "$B/obj/src/cli/check.o"
check "V=1 prints the whole compiler command" sh -c 'grep -q -- "-Wall.* -c src/cli/check.c -o " "$1" && ! grep -q "^  CC " "$1"' - "$OUT"
rm -f "$B/obj/src/cli/check.o"
expect_exit 0 make -s -C "$ROOT" --no-print-directory BUILD="$B" "$B/obj/src/cli/check.o"
check "make -s prints nothing" test ! -s "$OUT"

section "every target has a recipe"
for t in all bootstrap test unit e2e demo eval bench crash fuzz install uninstall lint clean; do
  run make -n -C "$ROOT" --no-print-directory BUILD="$B" PREFIX="$T/p" "$t"
  check "make -n $t: runs something" sh -c 'test "$1" -eq 0 && test -s "$2"' - "$RC" "$OUT"
done
check "the library's folders exist (SRC_DIRS)" sh -c '
  make -p -n -C "$1" --no-print-directory BUILD="$2" all 2>/dev/null | sed -n "s/^SRC_DIRS := //p" | head -n 1 >"$3/dirs" &&
  test -s "$3/dirs" && for d in $(cat "$3/dirs"); do test -d "$1/$d" || exit 1; done &&
  ! grep -qw "src/cli" "$3/dirs"' - "$ROOT" "$B" "$T"

section "unit test names"
U="$(dirname "$STORYLINE")/unit-tests"
if [ -x "$U" ]; then
  expect_exit 2 "$U" nosuchtest
  check "a misspelt test name is named" err_has "no test named nosuchtest"
  check "... and no result line counting zero tests" sh -c '! grep -q "0 passed, 0 failed" "$1"' - "$OUT"
fi

finish
