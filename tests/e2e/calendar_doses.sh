#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 19: the Calendar shows doses through the day.  Lorazepam 3 mg as
# 1+1+1, 10% every 2 weeks from 2026-11-03 (step 1 from 2026-11-17: 1 +
# 1 + 0.75 mg).  On 80x24, the focused day lists each planned dose against
# what was taken: yesterday 08:00 1 mg as planned, 14:00 0.5 mg (planned
# 1), 22:00 not recorded (planned 0.75); today all three not recorded,
# each with its planned amount; tomorrow, the doses planned; a day
# skipped as a whole, the doses planned.  The lines wrap, nothing cut.
. "$(dirname "$0")/lib.sh"
e2e_setup
lorazepam_plan
wean checkin --date 2026-11-24 --mood 5 --dose lorazepam=1@08:00 --dose lorazepam=0.5@14:00 \
	> /dev/null || fail "checkin 2026-11-24"
wean checkin --date 2026-11-23 --mood 5 --skipped lorazepam > /dev/null || fail "checkin 2026-11-23"

start 80 24
wait_for "Today"
keys F2
wait_for "November 2026"
# today: nothing taken yet, each dose with what is planned
wait_for "2026-11-25 Wed: no record"
wait_for "08:00"
screen | tr '\n' ' ' | sed 's/  */ /g' > "$T/line.txt"
grep -q "08:00 not recorded (planned 1 mg), 14:00 not recorded (planned 1 mg), 22:00 not recorded (planned 0.75 mg)" \
	"$T/line.txt" || fail "today's doses: $(cat "$T/line.txt")"
check_fits "today's doses"
# yesterday: planned against taken, dose by dose
keys Left
wait_for "2026-11-24 Tue: recorded"
wait_for "08:00 1 mg as planned"
screen | tr '\n' ' ' | sed 's/  */ /g' > "$T/line.txt"
grep -q "lorazepam 1.5 mg, lower than planned (2.75 mg) · 08:00 1 mg as planned, 14:00 0.5 mg different (planned 1 mg), 22:00 not recorded (planned 0.75 mg)" \
	"$T/line.txt" || fail "yesterday's doses: $(cat "$T/line.txt")"
check_fits "yesterday's doses"
# the day before: skipped
keys Left
wait_for "2026-11-23 Mon: recorded"
screen | tr '\n' ' ' | sed 's/  */ /g' > "$T/line.txt"
# (skipped as a whole, no time: the doses planned, no status per dose)
grep -q "lorazepam skipped (planned 2.75 mg) · planned 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg (what was taken has no times)" \
	"$T/line.txt" || fail "skipped: $(cat "$T/line.txt")"
grep -q "2026-11-23.*not recorded" "$T/line.txt" && fail "a day skipped reads 'not recorded'"
# tomorrow: the doses planned, no status
keys Right Right Right
wait_for "2026-11-26 Thu: lorazepam planned 2.75 mg"
screen | tr '\n' ' ' | sed 's/  */ /g' > "$T/line.txt"
grep -q "doses 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg" "$T/line.txt" ||
	fail "tomorrow's doses: $(cat "$T/line.txt")"
grep -q "2026-11-26 Thu.*not recorded" "$T/line.txt" && fail "a day to come 'not recorded'"
# the step day after: 2.5 mg as 1 + 0.75 + 0.75
keys Down
wait_for "2026-12-03 Thu"
keys Left Left
wait_for "2026-12-01 Tue"
screen | tr '\n' ' ' | sed 's/  */ /g' > "$T/line.txt"
grep -q "doses 08:00 1 mg, 14:00 0.75 mg, 22:00 0.75 mg" "$T/line.txt" ||
	fail "the step's doses: $(cat "$T/line.txt")"
check_fits "a step day's doses"
keys q
wait_exit
