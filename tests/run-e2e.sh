#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run the screen tests (tests/e2e/*.sh) against a wean binary in tmux.
# usage: tests/run-e2e.sh build/wean [TEST...]
# Prints one line per test, then "N passed, N failed"; exits non-zero on
# any failure.  UPDATE_EXPECTED=1 rewrites the expected screens.
set -u
[ $# -ge 1 ] || { echo "usage: $0 path/to/wean [test...]" >&2; exit 64; }
case $1 in
/*) WEAN=$1 ;;
*) WEAN=$(pwd)/$1 ;;
esac
shift
[ -x "$WEAN" ] || { echo "run-e2e: $WEAN is not an executable" >&2; exit 66; }
command -v tmux >/dev/null 2>&1 || { echo "run-e2e: tmux is needed" >&2; exit 69; }
command -v sqlite3 >/dev/null 2>&1 || { echo "run-e2e: sqlite3 is needed" >&2; exit 69; }
here=$(cd "$(dirname "$0")" && pwd)
export WEAN E2E_RUN=$$
# Sanitizer builds: should ncurses ever keep memory at exit, its
# suppressions go in tests/lsan.supp (none are needed today).
if [ -f "$here/lsan.supp" ]; then
	export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fi
logs=$(mktemp -d "${TMPDIR:-/tmp}/wean-e2e-logs.XXXXXX")
trap 'rm -rf "$logs"' EXIT
trap 'exit 1' HUP INT TERM

if [ $# -gt 0 ]; then
	tests=""
	for t in "$@"; do tests="$tests $here/e2e/${t%.sh}.sh"; done
else
	tests=$(ls "$here"/e2e/*.sh | grep -v '/lib\.sh$')
fi
pass=0 fail=0
for t in $tests; do
	name=$(basename "$t" .sh)
	if sh "$t" > "$logs/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "  ok    $name"
	else
		fail=$((fail + 1))
		echo "  FAIL  $name"
		sed 's/^/        /' "$logs/$name.log"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
