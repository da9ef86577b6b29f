#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Trap (issue 16): after the first-run setup the status line said "the
# Plan screen (3) shows it", and pressing 3 set mood 3 and made a
# check-in.  Now it names F3, which opens the Plan screen, and a 3 there
# writes nothing and stays there.
. "$(dirname "$0")/lib.sh"
e2e_setup
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "name (e.g. sertraline)"
type_text "sertraline"; keys Enter
wait_for "form"
type_text "tablet 50 mg /2"; keys Enter
wait_for "current daily dose"
type_text "50"; keys Enter
wait_for "A plan?"
keys Enter
wait_for "sertraline added"
screen | grep -q "(3)" && fail "the status line still says (3)"
wait_for "F3"
keys F3
wait_for "sertraline"
screen | head -1 | grep -q "^ *Plan" || fail "F3 did not open the Plan screen"
keys 3
wait_for "digits rate on Today"
screen | head -1 | grep -q "^ *Plan" || fail "3 left the Plan screen"
[ "$(sql "select count(*) from checkin")" = 0 ] ||
	fail "3 wrote a check-in: $(sql 'select * from checkin')"
keys q
wait_exit
