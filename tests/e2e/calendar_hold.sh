#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Holds from the Calendar and the hold proposal: after a cut, three days of
# much higher symptom burden make Today's header and the Calendar
# say "consider holding the next step - discuss with your prescriber";
# H holds from the selected day with a reason, R resumes and the later
# steps move, U records going back up to a dose.  The month also reads at
# 120x40 and in plain ASCII.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 3w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
# calm before the cut of the 22nd, bad after it
d=8
while [ $d -le 21 ]; do
	wean checkin --date "2026-11-$(printf %02d $d)" --mood 6 --sleep 7 \
		--dose sertraline=50 --symptom "brain zaps=0" >/dev/null || fail "checkin $d"
	d=$((d + 1))
done
for d in 22 23 24 25; do
	wean checkin --date "2026-11-$d" --mood 3 --sleep 6 --dose sertraline=45 \
		--symptom "brain zaps=3" --symptom "dizziness=3" \
		--symptom "irritability=2" >/dev/null || fail "checkin $d"
done

start 80 24
wait_for "Today"
wait_for "consider holding the next step"
screen | grep -q "discuss with your prescriber" || fail "Today: no prescriber line"
keys F2
wait_for "November 2026"
wait_for "[25]"
wait_for "consider holding the next step"
# hold from today, with a reason
keys H
wait_for "hold from this day; why?"
type_text "zaps and dizziness after the cut"
keys Enter
wait_for "Hold from 2026-11-25: 40.5 mg due 2026-12-13 waits until you resume? y/N"
[ "$(sql "select count(*) from hold")" = 0 ] || fail "held before y"
keys y
wait_for "on hold from 2026-11-25"
[ "$(sql "select start_date, end_date is null, reason from hold where kind = 'hold'")" = \
	"2026-11-25|1|zaps and dizziness after the cut" ] ||
	fail "hold row: $(sql 'select * from hold')"
wait_for "[25]H"
# a second H says a hold is open
keys H
wait_for "a hold is already open; R resumes it"
keys Enter
wait_gone "a hold is already open"
# resume a week later: the next step (due 2026-12-13) moves by 7 days
keys j
wait_for "2026-12-02"
keys R
wait_for "Resume on 2026-12-02: the next step 40.5 mg moves to 2026-12-20? y/N"
keys y
wait_for "resumed on 2026-12-02; later steps moved"
[ "$(sql "select end_date from hold where kind = 'hold'")" = "2026-12-02" ] ||
	fail "hold not closed: $(sql 'select * from hold')"
wean plan show sertraline | grep -q "2026-12-20  40.5 mg" ||
	fail "the step after the hold did not move: $(wean plan show sertraline)"
# U: going back up on a day, recorded as a reinstatement with its reason
keys t U
wait_for "went back up on this day: to what dose?"
type_text "abc"
keys Enter
wait_for "a dose above 0, e.g. 45 (Esc cancels)"
keys C-u
type_text "50"
keys Enter
wait_for "Record going back up to 50 mg on 2026-11-25? y/N"
keys y
wait_for "why (for you and your prescriber)?"
type_text "could not sleep at 45"
keys Enter
wait_for "recorded: back up to 50 on 2026-11-25"
[ "$(sql "select start_date, dose, reason from hold where kind = 'reinstate'")" = \
	"2026-11-25|50.0|could not sleep at 45" ] ||
	fail "reinstatement row: $(sql 'select * from hold')"
keys q
wait_exit

# 120x40: the same month, legible, with the legend
start 120 40
wait_for "Today"
keys F2
wait_for "November 2026"
wait_for "[25]"
wait_for "burden .:+#"
screen | grep -q "26 H" || fail "120x40: the hold is not marked"
keys q
wait_exit

# --ascii: nothing but ASCII reaches the terminal
start 80 24 -- --ascii
wait_for "Today"
keys F2
wait_for "November 2026"
wait_for "[25]"
if screen | LC_ALL=C grep -q "$(printf '[\200-\377]')"; then
	fail "--ascii calendar has non-ASCII bytes"
fi
keys q
wait_exit
