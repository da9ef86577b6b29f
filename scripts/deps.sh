#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# deps.sh [run|test] -- install the Debian packages wean needs, if missing.
#   run   what building and running need: the compiler, make, pkg-config
#         and the libraries (`make run`, `make demo`, `make deps-run`)
#   test  that, and the tools of `make test` and `make check` (the default;
#         `make deps`)
# Nothing is installed, and apt is not run, when every package is there.
# Uses sudo when not root.  Says what it installs.  WEAN_DEPS_DRY_RUN=1
# only prints what is missing.
set -eu
RUN_PKGS="gcc libc6-dev make pkg-config libncurses-dev libsqlite3-dev
libiniparser-dev libutf8proc-dev libsodium-dev libkeyutils-dev"
# sqlite3 (the CLI) and python3 are for the tests only: wean never runs
# them.  khal and python3-vobject re-import the ics export, zsh and fish
# check the completion scripts; chromium and poppler-utils print the HTML
# report and read the PDF back; age opens the encrypted exports.
TEST_PKGS="libcriterion-dev tmux sqlite3 python3 python3-icalendar khal
python3-vobject zsh fish clang libclang-rt-14-dev valgrind age chromium
poppler-utils"
case "${1:-test}" in
run) PKGS=$RUN_PKGS ;;
test) PKGS="$RUN_PKGS $TEST_PKGS" ;;
*) echo "usage: scripts/deps.sh [run|test]" >&2; exit 64 ;;
esac
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "wean: installing missing packages:$missing"
[ "${WEAN_DEPS_DRY_RUN:-}" = 1 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "wean: need root or sudo to install:$missing" >&2; exit 1; }
	SUDO="sudo"
fi
# sudo resets the environment: the frontend goes through env
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
