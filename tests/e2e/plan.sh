#!/bin/sh
# With a taper plan, Today says where the taper stands, pre-fills the
# planned dose (one key logs it) and shows a dose that differs from it.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 2w --round 12.5 --accept-warnings >/dev/null || fail "plan add"
start 80 24
wait_for "sertraline: day 25 at 37.5 mg; next step 25 mg on 2026-11-29"
wait_for "d logs the planned 37.5 mg"
keys d
wait_for "sertraline 37.5 mg at"
keys Enter
wait_for "sertraline dose (mg) and time:"
# a time other than the current minute (a dose at the same minute would
# replace the first); the two are listed by time, so either may come first
t=08:00
[ "$(date -u +%H:%M)" = "$t" ] && t=09:00
keys C-u
type_text "25 $t"
keys Enter
wait_for "25 mg at $t"
screen | grep -q "37.5 mg at" || fail "the first dose is not listed with the second"
wait_for "(planned 37.5)"
keys q
wait_exit
[ "$(sql "SELECT sum(amount) FROM dose WHERE date = '2026-11-25';")" = 62.5 ] ||
	fail "doses not in the diary"
