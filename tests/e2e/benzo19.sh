#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 19: doses through the day on Today.  Lorazepam 3 mg as 1+1+1, 10%
# every 2 weeks from 2026-11-03: on 2026-11-25 (step 1, 2.75 mg) Today
# shows a row per planned dose -- 08:00 1 mg, 14:00 1 mg, 22:00 0.75 mg --
# each "not recorded" until logged.  d on a dose row logs that dose at its
# time (as planned); Enter pre-fills the prompt with the dose and its time,
# and a different amount typed there reads "lower than planned" on that
# row only; the medication's line keeps the day's total.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add lorazepam --unit mg --form "tablet 1 mg /2" --form "tablet 0.5 mg /2" > /dev/null
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 \
	--every 2w --times 08:00,14:00,22:00 --split 1,1,1 --accept-warnings > /dev/null ||
	fail "plan add"

start 80 30
wait_for "Today"
wait_for "08:00  not recorded (planned 1 mg)"
wait_for "14:00  not recorded (planned 1 mg)"
wait_for "22:00  not recorded (planned 0.75 mg)"

# the focus starts on mood: down the first column of symptoms to the
# medication's line and its first dose row, then d: 1 mg at 08:00
wait_for "›mood"
for want in dizziness "brain zaps" headache tingling nausea lorazepam 08:00; do
	keys Down
	wait_for "›$want"
done
keys d
wait_for "08:00  1 mg, as planned"
[ "$(sql "SELECT minute, amount FROM dose")" = "480|1.0" ] || fail "08:00 not logged at 08:00"

# the 14:00 row: Enter pre-fills "1 14:00"; typing 0.5 instead
keys Down
wait_for "›14:00"
keys Enter
wait_for "1 14:00"
keys C-u
type_text "0.5 14:00"
keys Enter
wait_for "14:00  0.5 mg, lower than planned (1 mg)"
wait_for "22:00  not recorded (planned 0.75 mg)"
[ "$(sql "SELECT group_concat(minute || '=' || amount, ' ') FROM dose")" = "480=1.0 840=0.5" ] ||
	fail "doses stored: $(sql "SELECT * FROM dose")"
# the day's total on the medication's line: 1.5 of 2.75 planned
screen | grep -q "lorazepam.*planned 2.75" || fail "the day's total is not on the line"
screen > "$T/today.txt"
grep -q "as planned" "$T/today.txt" || fail "no per-dose status"
echo "ok"
