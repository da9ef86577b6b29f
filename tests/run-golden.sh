#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Golden tests of the command line: each tests/golden/cli/NAME.cmd is a bash
# script run with a function `wean` bound to the binary under test and a
# fresh diary; its output (stdout and stderr, with exit codes) must equal
# NAME.out.  WEAN_UPDATE_GOLDEN=1 rewrites the .out files instead.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
for cmd in "$src"/tests/golden/cli/${ONLY:-*}.cmd; do
	name=$(basename "$cmd" .cmd)
	tmp=$(mktemp -d)
	got=$(
		cd "$tmp" || exit 1
		export HOME="$tmp/home" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		       WEAN_TODAY=2026-11-25 XDG_DATA_HOME="$tmp/data" \
		       XDG_CONFIG_HOME="$tmp/config" WEAN_DB="$tmp/diary.db" \
		       WEAN_DATADIR="$src/data" BIN="$bin" SRC="$src" TMPD="$tmp"
		unset WEAN_CONFIG NO_COLOR
		mkdir -p "$HOME"
		wean() { "$BIN" "$@"; echo "[exit $?]"; }
		export -f wean
		bash -c "set +e; . '$cmd'" 2>&1
	)
	got=${got//$tmp/\$TMP}
	expected="$src/tests/golden/cli/$name.out"
	if [ "${WEAN_UPDATE_GOLDEN:-}" = 1 ]; then
		printf '%s\n' "$got" > "$expected"
		echo "updated $name"
		pass=$((pass + 1))
	elif [ -f "$expected" ] && [ "$got" = "$(cat "$expected")" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL golden/$name"
		diff -u "$expected" <(printf '%s\n' "$got") | head -40
	fi
	rm -rf "$tmp"
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
