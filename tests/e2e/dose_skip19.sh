#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 19: skipping one dose of a plan with doses through the day.
# Lorazepam 3 mg as 1+1+1, 10% every 2 weeks from 2026-11-03: on
# 2026-11-25 (step 1, 2.75 mg) Today shows 08:00 1 mg, 14:00 1 mg, 22:00
# 0.75 mg.  d on 08:00 logs it; s on 14:00 records that dose alone as
# skipped (a dose of 0 at 14:00) and the 08:00 dose stays; d on 22:00
# then logs it and the 14:00 skip stays.  s on the medication's own line
# still skips the whole day.
. "$(dirname "$0")/lib.sh"
e2e_setup
lorazepam_plan

start 80 30
wait_for "Today"
wait_for "22:00  not recorded (planned 0.75 mg)"
wait_for "›mood"
for want in dizziness "brain zaps" headache tingling nausea lorazepam 08:00; do
	keys Down
	wait_for "›$want"
done
keys d
wait_for "08:00  1 mg, as planned"
keys Down
wait_for "›14:00"
keys s
wait_for "14:00  skipped (planned 1 mg)"
wait_for "the 14:00 dose recorded as skipped"
wait_for "08:00  1 mg, as planned"
wait_for "22:00  not recorded (planned 0.75 mg)"
[ "$(sql "SELECT group_concat(minute || '=' || amount, ' ') FROM (SELECT * FROM dose ORDER BY minute)")" = "480=1.0 840=0.0" ] ||
	fail "doses stored: $(sql "SELECT * FROM dose")"
keys Down
wait_for "›22:00"
keys d
wait_for "22:00  0.75 mg, as planned"
wait_for "14:00  skipped (planned 1 mg)"
[ "$(sql "SELECT group_concat(minute || '=' || amount, ' ') FROM (SELECT * FROM dose ORDER BY minute)")" = "480=1.0 840=0.0 1320=0.75" ] ||
	fail "doses stored after 22:00: $(sql "SELECT * FROM dose")"
# the medication's line: the day's total, 1.75 of 2.75 planned
screen | grep -q "lorazepam.*planned 2.75" || fail "the day's total is not on the line"
# on the medication's own line s skips the whole day
keys Up Up Up
wait_for "›lorazepam"
keys s
wait_for "lorazepam recorded as skipped"
[ "$(sql "SELECT ifnull(minute, '-') || '=' || amount FROM dose")" = "-=0.0" ] ||
	fail "day skip stored: $(sql "SELECT * FROM dose")"
keys q
wait_exit
echo "ok"
