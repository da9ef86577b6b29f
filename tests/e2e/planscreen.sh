#!/bin/sh
# The Plan screen shows the medication, the plan and its schedule.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg /2" >/dev/null ||
	fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 4w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
start 80 24
wait_for "Today"
keys F3
wait_for "Plan: percent from 50 mg on 2026-11-01"
wait_for "step 10% every 28 days"
wait_for "2026-11-29      45 mg   90.0%"
wait_for "wean gives no medical"
keys q
wait_exit
