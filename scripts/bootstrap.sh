#!/bin/sh
# bootstrap.sh [build|test|eval|bench|fuzz|lint|dask|memcheck] — installs the Debian packages one
# make target needs, when they are missing, and says which and why.
# `make` runs it for build; `make test`, `make eval`, `make fuzz`, `make lint` and `make dask`
# for their own extras, so a plain build installs only what the build needs.
# Waits up to 5 minutes for another apt-get to free the lock; no recommends.
set -e
case ${1:-build} in
  build) why="to build storyline; wordnet-base is WordNet 3.0's files, read at run time for the synonyms the copies stage matches words by"
         PKGS="pkg-config libsqlite3-dev libxml2-dev libutf8proc-dev libstemmer-dev libxxhash-dev \
zlib1g-dev libjansson-dev libyajl-dev libexttextcat-dev libexttextcat-data iso-codes libcurl4-openssl-dev \
libmicrohttpd-dev wordnet-base" ;;
  test)  why="for make test (the end-to-end scripts use python3, serve's curl and jq, the page's chromium and npm; dask.sh runs a local Dask cluster)"
         PKGS="python3 curl jq chromium nodejs python3-dask python3-distributed"
         command -v npm >/dev/null || PKGS="$PKGS npm" ;;  # a nodejs from elsewhere brings its own
  bench) why="for bench/serve.sh (wrk)"
         PKGS="wrk curl" ;;
  dask)  why="for runs on a Dask cluster (python3 -m storyline.dask)"
         PKGS="python3 python3-dask python3-distributed" ;;
  eval)  why="for make eval (the stories baseline uses scikit-learn; the extraction styles rewrite pages with lxml)"
         PKGS="python3 python3-sklearn python3-lxml" ;;
  fuzz)  why="for make fuzz (libFuzzer comes with clang)"
         PKGS="clang" ;;
  memcheck) why="for make memcheck"
         PKGS="valgrind" ;;
  lint)  why="for make lint"
         PKGS="cppcheck clang-tidy" ;;
  *)     echo "usage: sh scripts/bootstrap.sh [build|test|eval|bench|fuzz|lint|dask|memcheck]" >&2; exit 2 ;;
esac
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "bootstrap: installing$missing ($why)" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
LOCK="-o DPkg::Lock::Timeout=300"
# shellcheck disable=SC2086
$SUDO apt-get $LOCK update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get $LOCK install -y -qq --no-install-recommends $missing >&2
echo "bootstrap: done" >&2
