#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Plan screen shows the medication, the plan and its schedule; where
# the taper stands today and planned against taken in the words of Today,
# `wean plan show` and the report (issue 14).
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg /2" >/dev/null ||
	fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 4w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
wean checkin --date 2026-11-02 --dose sertraline=50 >/dev/null || fail "checkin"
wean checkin --date 2026-11-03 --skipped sertraline >/dev/null || fail "skip"
wean checkin --date 2026-11-04 --mood 5 >/dev/null || fail "no dose"
start 120 30
wait_for "Today"
keys F3
wait_for "Plan: percent from 50 mg on 2026-11-01"
wait_for "step 10% every 28 days"
wait_for "today: day 25 at 50 mg, since 2026-11-01"
wait_for "1 as planned, 1 skipped, 23 not recorded"
want=$(wean plan show sertraline | grep -o "1 as planned, 1 skipped, 23 not recorded")
[ -n "$want" ] || fail "plan show says the counts in other words"
wait_for "2026-11-29      45 mg   90.0%"
screen | grep -q "missed\|unrecorded\|off plan" && fail "old words on the Plan screen"
wait_for "wean gives no medical"
keys q
wait_exit
