#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 19: the Calendar of a plan a switch replaces.  Alprazolam 2 mg as
# 0.5 + 0.5 + 1, switched to diazepam a dose every 2 weeks from
# 2026-12-01: alprazolam's drops on the stage days are doses diazepam
# replaces, not cuts, so the Calendar marks no review finding on them
# (the old build marked 1, 15 and 29 December with '%' and read "steps
# 1-2 faster than the published pace"); the day line still lists each
# dose planned, the replaced one "not planned".
. "$(dirname "$0")/lib.sh"
e2e_setup
# without --accept-warnings: the review passes the switch
alprazolam_switch 2w

start 80 24 WEAN_TODAY=2026-12-01
wait_for "Today"
keys F2
wait_for "December 2026 · alprazolam"
wait_for "22:00 not"
screen > "$T/cal.txt"
grep -q "faster than the published pace" "$T/cal.txt" &&
	fail "the replaced plan's own review is on the Calendar: $(cat "$T/cal.txt")"
grep -q "\[ 1\]\*%\| 15 \*%\| 29 \*%" "$T/cal.txt" &&
	fail "a stage day is marked as a review finding: $(cat "$T/cal.txt")"
grep -q "\[ 1\]\*" "$T/cal.txt" || fail "the stage day is not marked as a step"
grep -q "14:00 not recorded (planned 0.5 mg)" "$T/cal.txt" || fail "no dose list on the day line"
keys q
wait_exit
echo "ok"
