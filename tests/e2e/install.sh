# install.sh — `make install PREFIX=DIR` into a temporary prefix, as a user of
# the library would: storyline.pc names DIR (remade for each prefix) and lists
# every dependency; a C program built with `pkg-config --cflags --libs
# storyline` runs without LD_LIBRARY_PATH (it includes <storyline.h> only,
# which includes its parts, installed in include/storyline/); `pkg-config
# --static` links the static library; the installed command runs; `make
# uninstall` removes it all.
# Installs from the build folder of $STORYLINE; SL_CFLAGS/SL_LDFLAGS (set by
# make test: the sanitizer flags) are passed on to make and to the program.
NAME=install
. "$SL_TESTS/e2e/lib.sh"

ROOT=$(cd "$SL_TESTS/.." && pwd)
BUILD_DIR=$(cd "$(dirname "$STORYLINE")" && pwd)
BUILD_DIR=${BUILD_DIR#"$ROOT"/}
P="$T/prefix"
unset MAKEFLAGS MAKELEVEL MFLAGS LD_LIBRARY_PATH
set --
[ -n "$SL_CFLAGS" ] && set -- "CFLAGS=$SL_CFLAGS" "LDFLAGS=$SL_LDFLAGS"

section "make install PREFIX=$P"
expect_exit 0 make -s -C "$ROOT" BUILD="$BUILD_DIR" PREFIX="$P" "$@" install
PC="$P/lib/pkgconfig/storyline.pc"
for f in bin/storyline lib/libstoryline.a lib/libstoryline.so lib/libstoryline.so.0.2 \
         include/storyline.h lib/pkgconfig/storyline.pc share/man/man1/storyline.1; do
  check "installed $f" test -e "$P/$f"
done
check "every part of the header is installed in include/storyline/" sh -c '
  for f in "$1"/include/storyline/*.h; do cmp -s "$f" "$2/include/storyline/${f##*/}" || exit 1; done' - "$ROOT" "$P"
check "the library's soname names 0.MINOR" sh -c 'objdump -p "$1" | grep -q "SONAME *libstoryline.so.0.2$"' - "$P/lib/libstoryline.so"
check "storyline.pc names the prefix" grep -qx "prefix=$P" "$PC"
check "storyline.pc: Requires.private lists the linked dependencies" sh -c '
  for m in sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl; do
    grep "^Requires.private:" "$1" | grep -qw -- "$m" || exit 1
  done' - "$PC"
# libcurl is loaded by the fetcher on its first fetch (src/ingest/curl_load.h),
# libexttextcat's data read at build time into a table (build/gen/langmodel.c): neither linked.
check "storyline.pc: no libcurl to link" sh -c '! grep "^Requires.private:" "$1" | grep -q libcurl' - "$PC"
check "storyline.pc: no libexttextcat to link" sh -c '! grep "^Requires.private:" "$1" | grep -q exttextcat' - "$PC"
expect_exit 0 "$P/bin/storyline" --version
check "the installed command needs no libstoryline.so" sh -c '! ldd "$1" | grep -q libstoryline' - "$P/bin/storyline"

section "a program built with pkg-config"
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
cat >"$T/prog.c" <<'EOF2'
/* Opens (makes) a store, checks it and says which library it ran. */
#include <stdio.h>
#include <storyline.h>

int main(int argc, char **argv)
{
    sl_engine *e = NULL;
    if (argc != 2 || sl_engine_open(&e, argv[1], NULL)) {
        fprintf(stderr, "open: %s\n", e ? sl_errmsg(e) : "usage: prog STORE");
        sl_engine_free(e);
        return 1;
    }
    int rc = sl_store_check(e);
    printf("storyline %s, check %d\n", SL_VERSION, rc);
    sl_engine_free(e);
    return rc != 0;
}
EOF2
# shellcheck disable=SC2086
expect_exit 0 sh -c 'cc "$1" -o "$2" $(pkg-config --cflags --libs storyline) $3' - "$T/prog.c" "$T/prog" "$SL_LDFLAGS"
check "the program is linked to the installed libstoryline.so" sh -c 'ldd "$1" | grep -q "$2/lib/libstoryline.so"' - "$T/prog" "$P"
expect_exit 0 "$T/prog" "$T/store.db"
check "it runs without LD_LIBRARY_PATH" out_has "storyline 0.2.0, check 0"
# The static library, with the modules of Requires.private and Libs.private
# (linked shared: Debian lacks the static closure of some of their own deps).
expect_exit 0 sh -c 'cc "$1" -o "$2" $(pkg-config --cflags storyline) -L"$4/lib" -l:libstoryline.a \
  $(pkg-config --libs $(pkg-config --print-requires-private storyline)) \
  $(sed -n "s/^Libs.private: //p" "$4/lib/pkgconfig/storyline.pc") $3' \
  - "$T/prog.c" "$T/prog-static" "$SL_LDFLAGS" "$P"
check "the static program has no libstoryline.so" sh -c '! ldd "$1" | grep -q libstoryline' - "$T/prog-static"
expect_exit 0 "$T/prog-static" "$T/store2.db"

section "another prefix, then uninstall"
P2="$T/other"
expect_exit 0 make -s -C "$ROOT" BUILD="$BUILD_DIR" PREFIX="$P2" "$@" install
check "storyline.pc is remade for the new prefix" grep -qx "prefix=$P2" "$P2/lib/pkgconfig/storyline.pc"
expect_exit 0 make -s -C "$ROOT" BUILD="$BUILD_DIR" PREFIX="$P" "$@" uninstall
check "uninstall leaves no file" test -z "$(find "$P" -type f -o -type l)"
check "nor the header's folder" test ! -e "$P/include/storyline"

finish
