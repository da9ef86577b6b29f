#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 14 item 3: on a diary 20 days old, the Export screen's default
# range starts on its first record, not 90 days back, and the report it
# writes covers those 20 days and counts only them as days without a
# check-in -- the same report as `wean report`.
. "$(dirname "$0")/lib.sh"
e2e_setup
# the first record: a check-in with a question on 2026-11-06; today 11-25
wean checkin --date 2026-11-06 --question "Is the dizziness from the cut?" >/dev/null ||
	fail "checkin"
for d in 08 10 15 20 24 25; do
	wean checkin --date "2026-11-$d" --mood 5 >/dev/null || fail "checkin $d"
done

start 80 24
wait_for "Symptoms"
keys F6
wait_for "Write your diary to a file"
wait_for "2026-11-06   the first day in your diary"
# the plain-text report, written to its default file
keys j j Right Right
wait_for "report for your prescriber, plain text"
out="$HOME/wean-report-2026-11-25.txt"
wait_for "$out"
keys j j Enter
wait_for "written ("
[ -f "$out" ] || fail "no report at $out"
grep -q "^Period:   2026-11-06 to 2026-11-25 (20 days)" "$out" ||
	fail "the report does not cover the 20 days: $(grep '^Period' "$out")"
grep -q "^Recorded on 7 of the 20 days in this range; no record on 13 (65%)" "$out" ||
	fail "the days with no record: $(grep -i "record on" "$out")"
grep -q "of the 90 days" "$out" && fail "the report counts 90 days"
# the same text as `wean report` for the range
wean report --format txt > "$T/cli.txt" || fail "wean report"
cmp -s "$T/cli.txt" "$out" || fail "the screen's report differs from wean report's"
keys q
wait_exit
