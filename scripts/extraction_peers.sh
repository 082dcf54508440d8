#!/bin/sh
# extraction_peers.sh — installs the two extractors storyline is compared with
# (make eval's extraction evaluation, bench/extraction.sh), when missing, and
# says so: Debian's python3-readability (readability-lxml) with apt-get, and
# @mozilla/readability with jsdom 27.0.0 from npm into DIR/readability-js
# (never committed). A peer that cannot be installed is left out: the
# evaluation reports it skipped.
#
#   sh scripts/extraction_peers.sh [DIR]     # DIR: build/bench by default
DIR=${1:-build/bench}
JS="$DIR/readability-js"
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  echo "extraction peers: installing Debian package python3-readability (readability-lxml) with apt-get"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-readability >/dev/null 2>&1 ||
    echo "extraction peers: could not install python3-readability: readability-lxml skipped"
fi
if [ ! -d "$JS/node_modules/jsdom" ]; then
  if command -v npm >/dev/null; then
    echo "extraction peers: installing @mozilla/readability and jsdom@27.0.0 from npm into $JS"
    mkdir -p "$JS" && (cd "$JS" && npm install --silent --no-audit --no-fund @mozilla/readability jsdom@27.0.0 >/dev/null 2>&1) ||
      echo "extraction peers: npm install failed: Readability.js skipped"
  else
    echo "extraction peers: npm not found (Debian packages nodejs and npm): Readability.js skipped"
  fi
fi
exit 0
