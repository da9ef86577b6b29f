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
lorazepam_plan

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
keys q
wait_exit
# the Calendar's line of the day (wide enough for it): its total, then
# each dose
start 120 40
wait_for "Today"
keys F2
wait_for "November 2026"
wait_for "lorazepam 1.5 mg, lower than planned (2.75 mg)"
wait_for "08:00 1 mg as planned, 14:00 0.5 mg"
wait_for "different (planned 1 mg), 22:00 not recorded"
keys q
wait_exit

# ---- a switch on the Plan screen ----
# Alprazolam 2 mg as 0.5 + 0.5 + 1 switched to diazepam from 2026-12-01, a
# week a stage, Ashton (0.5 mg = 10 mg diazepam): 40 mg combined at every
# stage (22:00 first: 20 mg, then 14:00 and 08:00: 10 mg each).
alprazolam_switch 1w
start 80 24
wait_for "Today"
keys F3
wait_for "Medications"
# the medications in order of name: alprazolam is the first shown
wait_for "alprazolam"
# the switch runs past the first page: a mark says more lines follow
screen | grep -q '↓ *$\| v *$' || fail "no mark of more lines below: $(screen)"
# page down, keeping every screen, until the switch's last line shows
: > "$T/plan.txt"
n=0
until screen | tee -a "$T/plan.txt" | grep -q "then the diazepam taper from 2026-12-22"; do
	before=$(screen)
	keys PgDn
	n=$((n + 1))
	[ $n -lt 30 ] || fail "no switch section on the Plan screen"
	# wait for the page to change (polling, as wait_for does)
	i=0
	while [ "$(screen)" = "$before" ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "PgDn did not scroll"
		sleep 0.02
	done
done
s=$(cat "$T/plan.txt")
echo "$s" | grep -q "Switch: alprazolam to diazepam, one dose at a time" || fail "no switch heading"
echo "$s" | grep -qF "stage  from        alprazolam     diazepam       as diazepam" || fail "no table"
for row in "  now  (before)    0.5+0.5+1 mg   0+0+0 mg       40 mg (100%)" \
           "    1  2026-12-01  0.5+0.5+0 mg   0+0+20 mg      40 mg (100%)" \
           "    2  2026-12-08  0.5+0+0 mg     0+10+20 mg     40 mg (100%)" \
           "    3  2026-12-15  0+0+0 mg       10+10+20 mg    40 mg (100%)"; do
	echo "$s" | grep -qF "$row" || fail "missing row: $row"
done
echo "$s" | grep -qF "0.5 mg alprazolam = 10 mg diazepam (Ashton 2002, S17), approximate" ||
	fail "no source: $(grep "10 mg diazepam" "$T/plan.txt" | head -2)"
echo "$s" | grep -q "Discuss the switch and every step with your prescriber" || fail "no prescriber line"
keys q
wait_exit
echo "ok"
