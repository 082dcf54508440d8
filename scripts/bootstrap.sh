#!/bin/sh
# Installs the Debian packages storyline builds against, when they are missing
# (and python3-sklearn, for the baseline make eval compares stories with).
# Run by `make` before the first build; says what it installs, does nothing when all is present.
set -e
PKGS="pkg-config libsqlite3-dev sqlite3 libxml2-dev libutf8proc-dev libstemmer-dev libxxhash-dev \
zlib1g-dev libjansson-dev libexttextcat-dev libexttextcat-data iso-codes python3-sklearn libcurl4-openssl-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "bootstrap: installing missing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq $missing >&2
echo "bootstrap: done" >&2
