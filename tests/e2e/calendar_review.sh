#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The plan review on the Calendar.  Sertraline from 100 mg with only
# "tablet 50 mg": 50 mg on 11-01, then 0 on 11-29 -- both step days carry
# the review marker, named in the legend and in the day's line.  U going
# back up to 100 mg today makes the next step a cut of 100%: the second
# yes is asked with the finding in view; n records nothing; y goes on to
# why and records it with the warning acknowledged.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg" >/dev/null || fail "med add"
wean plan add sertraline --start 2026-10-04 --from-dose 100 --method percent \
	--step 10 --every 4w --accept-warnings >/dev/null || fail "plan add"
start 80 24
wait_for "Today"
wait_for "review of the next step: warning, step 2 cuts 100% after rounding"
keys F2
wait_for "[25]"
wait_for "%review"
screen | grep -q " 1 \*%" || fail "the step of 11-01 has no review marker"
screen | grep -q "29 \*%" || fail "the step of 11-29 has no review marker"
# the day's line names the finding
keys Right Right Right Right
wait_for "2026-11-29 Sun: sertraline planned 0 mg"
wait_for "review: step 2 cuts 100%"
keys t
wait_for "2026-11-25 Wed: no record · sertraline not recorded (planned 50 mg)"
# U: back up to 100 mg today
keys U
wait_for "went back up on this day: to what dose?"
type_text "100"
keys Enter
wait_for "Record going back up to 100 mg with its warning? y/N"
wait_for "Going back up to 100 mg on 2026-11-25: the next step, reviewed (not advice)"
wait_for "a cut of 100% of the dose in one step"
keys n
wait_for "not recorded; nothing written"
wait_for "[25]"
[ "$(sql "select count(*) from hold where kind = 'reinstate'")" = 0 ] ||
	fail "n recorded the reinstatement"
keys U
wait_for "to what dose?"
type_text "100"
keys Enter
wait_for "with its warning? y/N"
keys y
wait_for "why (for you and your prescriber)?"
type_text "withdrawal too hard"
keys Enter
wait_for "recorded: back up to 100 on 2026-11-25, warning acknowledged"
[ "$(sql "select start_date, dose, reason from hold where kind = 'reinstate'")" = \
	"2026-11-25|100.0|withdrawal too hard" ] ||
	fail "reinstatement row: $(sql 'select * from hold')"
wean plan show sertraline | grep -q "After going back up to 100 mg on 2026-11-25" ||
	fail "plan show has no review of the reinstatement"
wean plan show sertraline | grep -A8 "After going back up" | grep -q "(acknowledged on" ||
	fail "the reinstatement's warning is not acknowledged: $(wean plan show sertraline)"
keys q
wait_exit
