#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# torture.sh -- kill -9 at random moments while wean writes (SPEC section 8).
# The work is done by torture.py (next to this script); see its header.
#
# usage: tests/reliability/torture.sh path/to/wean [short|long] [torture.py options]
#   short  at least 200 SIGKILLs of the command line and 25 of the TUI
#          (part of `make test`, about a minute)
#   long   3000 and 300 (`make torture`, not in CI)
# WEAN_SEED=N (or TORTURE_SEED=N, or --seed N) replays a run: the seed is
# printed first; by default it is fixed (WEAN_SEED=random picks a new one).
set -u
[ $# -ge 1 ] || { echo "usage: $0 path/to/wean [short|long] [options]" >&2; exit 64; }
wean=$1
shift
mode=${1:-short}
[ $# -ge 1 ] && shift
case $mode in
short) set -- --cli-kills 200 --tui-kills 25 "$@" ;;
long) set -- --cli-kills 3000 --tui-kills 300 "$@" ;;
*) echo "torture: unknown mode '$mode' (short or long)" >&2; exit 64 ;;
esac
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || {
	echo "torture: SKIP: python3 is not installed (scripts/deps.sh installs it)"
	exit 0
}
command -v sqlite3 > /dev/null 2>&1 || { echo "torture: sqlite3 is needed" >&2; exit 69; }
[ -x "$wean" ] || { echo "torture: $wean is not an executable" >&2; exit 66; }
exec "$py" "$(dirname "$0")/torture.py" --wean "$wean" "$@"
