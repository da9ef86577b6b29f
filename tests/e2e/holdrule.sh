#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The hold rule on Today (issue 13): a proposal is kept in the diary as
# shown, D dismisses it (and it stays away that day), and when there are
# too few days with ratings the rule says so instead of staying silent.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 3w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
# two rated days only before the cut of the 22nd: not enough to compare
for d in 20 21 23 24 25; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=1" >/dev/null || fail "checkin $d"
done
start 80 24
wait_for "hold rules: not enough days yet (they need 4 days with ratings, 2 so far)"
keys q
wait_exit
# calm before the cut, much worse after it: the rule fires
for d in 14 15 16 17 18 19 20 21; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=0" --symptom "dizziness=0" \
		>/dev/null || fail "checkin $d"
done
for d in 23 24 25; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=3" --symptom "dizziness=2" \
		>/dev/null || fail "checkin $d"
done
start 80 24
wait_for "consider holding the next step"
wait_for "D dismisses it for today; to hold, F2 (Calendar) then H"
# in the header under the taper line, its reason and keys in full
screen | sed -n 2p | grep -q "sertraline: day 4 at 45 mg" || fail "no taper line first"
screen | sed -n 3p | grep -q "^ consider holding the next step" ||
	fail "the proposal is not under the taper line"
wait_for "the taper's first cut on 2026-11-22"
check_fits "the hold proposal"
# a rating does not replace it
keys 4
wait_for "mood 4"
[ "$(sql "select mood from checkin where date = '2026-11-25'")" = 4 ] ||
	fail "the rating was not saved"
wait_for "D dismisses it for today; to hold, F2 (Calendar) then H"
wait_for "consider holding the next step"
check_fits "the hold proposal after a rating"
[ "$(sql "select date, state from hold_proposal")" = "2026-11-25|shown" ] ||
	fail "the proposal is not kept as shown: $(sql "select * from hold_proposal")"
keys D
wait_for "is dismissed for today"
wait_gone "consider holding the next step"
[ "$(sql "select state from hold_proposal where date = '2026-11-25'")" = dismissed ] ||
	fail "not dismissed"
keys q
wait_exit
# the next start does not bring it back the same day
start 80 24
wait_for "Today"
wait_for "Symptoms"
screen | grep -q "consider holding" && fail "a dismissed proposal came back"
keys q
wait_exit
echo ok
