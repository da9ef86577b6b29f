#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Traps (issue 16) on the Calendar: R resumed a hold at once, and a hold
# reason typed after a refused H ran as Calendar keys (its R resumed the
# hold, t and l moved the day).  Now a refusal waits for Enter or Esc and
# takes no other key; R, H and U show what will change and ask y/N.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 3w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
wean plan hold sertraline --from 2026-11-20 --reason "zaps" >/dev/null ||
	fail "plan hold"
closed() {
	[ "$(sql "select count(*) from hold where kind = 'hold' and end_date is null")" = 0 ]
}
open_hold() {
	[ "$(sql "select count(*) from hold where kind = 'hold' and end_date is null")" = 1 ] ||
		fail "$1: $(sql 'select * from hold')"
}
start 80 24
wait_for "Symptoms"
keys F2
wait_for "November 2026"
wait_for "[25]"
# a refused H: the reason typed after it goes nowhere
keys H
wait_for "a hold is already open; R resumes it"
type_text "Rough day, tl"
wait_unless "Enter or Esc closes this line" closed "the typed reason resumed the hold"
open_hold "the typed reason resumed the hold"
keys Enter
wait_gone "a hold is already open"
wait_for "[25]"
screen | grep -q "2026-11-25" || fail "the typed reason moved the day"
open_hold "the reason changed the hold"
# R asks, saying where the waiting step goes
keys R
wait_unless "y/N" closed "R resumed without asking"
wait_for "Resume on 2026-11-25: the next step"
open_hold "R resumed without asking"
keys x
wait_for "y or n, please"
keys n
wait_for "not recorded; nothing written"
open_hold "n resumed the hold"
keys R
wait_for "y/N"
keys y
wait_for "resumed on 2026-11-25"
[ "$(sql "select end_date from hold where kind = 'hold'")" = 2026-11-25 ] ||
	fail "y did not resume: $(sql 'select * from hold')"
# H asks why, then y/N with the step that waits
keys H
wait_for "hold from this day; why?"
type_text "R t l typed as a reason"
keys Enter
wait_for "Hold from 2026-11-25: 45 mg due"
wait_for "waits until you resume? y/N"
[ "$(sql "select count(*) from hold where end_date is null")" = 0 ] ||
	fail "H held before y"
keys y
wait_for "on hold from 2026-11-25"
[ "$(sql "select reason from hold where end_date is null")" = "R t l typed as a reason" ] ||
	fail "hold: $(sql 'select * from hold')"
keys q
wait_exit
