#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 14 item 6: one truth for a day's status on every surface.  The
# fixture diary of tests/data/day_status.sh (every kind of day: no record,
# ratings only, a dose only, skipped, different, imported from Daylio
# without doses, flagged, a question only, a quick note only, a check-in
# without a dose) is read on each surface -- show, log, the CSV, the JSON,
# the report, the Calendar (its marks and each day's line) and the Journal
# -- and tests/data/day_status.py checks, day by day, that each says what
# tests/data/day_status.want says: recorded or no record, the burden
# (empty without ratings), sertraline's dose (as planned, different,
# skipped, not recorded; never "missed") and the flag.
. "$(dirname "$0")/lib.sh"
e2e_setup
SRC=$(cd "$E2E_DIR/../.." && pwd)
. "$SRC/tests/data/day_status.sh"           # "today" is 2026-03-16
DAYS=$(seq -f '2026-03-%02g' 1 16)

# check SURFACE FILE: the surface agrees with the days, or the test fails
check() {
	python3 "$SRC/tests/data/day_status.py" "$1" "$2" > "$T/$1.check" 2>&1 ||
		{ cat "$T/$1.check" >&2; fail "$1 does not say what the days are"; }
	tail -1 "$T/$1.check"
}

# ---- the command line ----
for d in $DAYS; do wean show "$d"; done > "$T/show.txt" || fail "show"
check show "$T/show.txt"
wean log --from 2026-03-01 --to 2026-03-16 > "$T/log.txt" || fail "log"
check log "$T/log.txt"
wean export --format csv --from 2026-03-01 --to 2026-03-16 > "$T/d.csv" || fail "csv"
check csv "$T/d.csv"
wean export --format json --from 2026-03-01 --to 2026-03-16 > "$T/d.json" || fail "json"
check json "$T/d.json"
wean report --format txt --from 2026-03-01 --to 2026-03-16 > "$T/r.txt" || fail "report"
check report "$T/r.txt"
grep -qi 'missed' "$T/r.txt" "$T/log.txt" "$T/show.txt" && fail "\"missed\" said"

# ---- the Calendar: the month's marks, then the line of each day ----
start 120 40 WEAN_TODAY=2026-03-16
wait_for "Today"
keys F2
wait_for "March 2026"
wait_for "[16]"
wait_for "2026-03-16 Mon: "
screen > "$T/grid.txt"
check grid "$T/grid.txt"
: > "$T/calendar.txt"
for n in 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1; do
	d=$(printf '2026-03-%02d' "$n")
	wait_for " $d "
	screen | grep "^ $d " | sed 's/^ //' >> "$T/calendar.txt"
	keys Left
done
check calendar "$T/calendar.txt"

# ---- the Journal: a line a recorded day, "? no record" for the others ----
keys F5
wait_for "2026-03-15 Sun"
wait_for "? no record on 2026-03-05 Thu"
screen > "$T/journal.txt"
check journal "$T/journal.txt"
keys q
wait_exit
