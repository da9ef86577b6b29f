#!/bin/sh
# Install the Debian packages wean needs to build and test, if missing.
# Uses sudo when not root.  Says what it installs.
set -eu
PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev libiniparser-dev
libcriterion-dev libutf8proc-dev tmux sqlite3 python3 python3-icalendar
clang libclang-rt-14-dev valgrind"
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "wean: installing missing packages:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "wean: need root or sudo to install:$missing" >&2; exit 1; }
	SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
