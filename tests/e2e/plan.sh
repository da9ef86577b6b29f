#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# With a taper plan, Today says where the taper stands ("day N at the
# dose, since the step"), pre-fills the planned dose (one key logs it),
# shows a dose that differs from it, and s records the dose as skipped
# (x takes the skip back): core/vocab.h's words.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 2w --round 12.5 --accept-warnings >/dev/null || fail "plan add"
start 80 24
wait_for "sertraline: day 11 at 37.5 mg, since 2026-11-15; next step 25 mg on 2026-11-29"
wait_for "not recorded · d logs the planned 37.5 mg"
keys d
wait_for "sertraline 37.5 mg at"
wait_for "(as planned)"
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
wait_for "(~ planned 37.5)"
[ "$(sql "SELECT sum(amount) FROM dose WHERE date = '2026-11-25';")" = 62.5 ] ||
	fail "doses not in the diary"
# s: not taken after all -- the day's doses of sertraline become one skip
keys s
wait_for "sertraline recorded as skipped (not taken); x removes it"
wait_for "skipped (planned 37.5 mg) · x removes it"
[ "$(sql "SELECT count(*) || ' ' || sum(amount) FROM dose WHERE date = '2026-11-25';")" = "1 0.0" ] ||
	fail "the skip is not the day's one dose: $(sql "SELECT * FROM dose")"
keys x
wait_for "sertraline: the skip is removed"
# d now logs the last amount logged, and says it is not the planned one
wait_for "not recorded · d logs the usual 25 mg"
[ "$(sql "SELECT count(*) FROM dose;")" = 0 ] || fail "x did not remove the skip"
keys q
wait_exit
