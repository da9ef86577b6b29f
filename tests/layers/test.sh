#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layer check must be able to fail: copy the tree, plant one
# violation at a time, and expect scripts/layers.sh to name it and exit 1.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wean-layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

plant() {  # NAME FILE LINE EXPECTED-TEXT
	rm -rf "$tmp/t" && mkdir -p "$tmp/t" && cp -R "$here/src" "$here/include" "$tmp/t/"
	printf '%s\n' "$3" >> "$tmp/t/$2"
	out=$(sh "$here/scripts/layers.sh" "$tmp/t" 2>/dev/null)
	rc=$?
	if [ "$rc" -eq 1 ] && printf '%s\n' "$out" | grep -qF "$4"; then
		pass=$((pass + 1)); echo "  ok    $1"
	else
		fail=$((fail + 1)); echo "  FAIL  $1 (exit $rc): $out"
	fi
}

# the tree as it is passes
if sh "$here/scripts/layers.sh" "$here" >/dev/null 2>&1; then
	pass=$((pass + 1)); echo "  ok    the tree keeps its layers"
else
	fail=$((fail + 1)); echo "  FAIL  the tree breaks its layers:"
	sh "$here/scripts/layers.sh" "$here"
fi
plant "core including the tui" src/core/date.c '#include "tui/ui.h"' \
	'src/core/date.c:'
plant "core including curses" src/core/chart.c '#include <curses.h>' \
	'core may not include <curses.h>'
plant "report including db" src/report/html.c '#include "db/plan.h"' \
	'report may not include "db/plan.h"'
plant "db including the cli" src/db/day.c '#include "cli/cli.h"' \
	'db may not include "cli/cli.h"'
plant "cli including the tui" src/cli/plan.c '#include "tui/ui.h"' \
	'cli may not include "tui/ui.h"'
plant "SQLite in a public header" include/db/day.h '#include <sqlite3.h>' \
	'only src/db/ may include <sqlite3.h>'
plant "SQLite called from the tui" src/tui/today.c 'static void f(void) { sqlite3_close(0); }' \
	"src/tui/today.c"
plant "a private header of another folder" src/cli/day.c '#include "db_int.h"' \
	'is not a private header of src/cli'
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
