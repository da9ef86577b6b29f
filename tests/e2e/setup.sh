#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# First run on an empty diary: a short setup; Esc skips it.  A plan whose
# review has warnings (50 mg halves cannot make 10% cuts) shows them as it
# is typed and asks the second yes: n writes nothing and keeps the answer,
# y writes it with the warnings acknowledged.
. "$(dirname "$0")/lib.sh"
e2e_setup
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "medication's name"
keys Escape
wait_for "setup skipped"
keys q
wait_exit
wean med list | grep -q sertraline && fail "skipping wrote"
# a skipped setup is not offered again
start 80 24
wait_for "Symptoms"
keys q
wait_exit
# the full setup, on a diary where it was not skipped
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "medication's name"
type_text "sertraline"; keys Enter
wait_for "form"
type_text "tablet 50 mg /2"; keys Enter
wait_for "current daily dose"
type_text "50"; keys Enter
wait_for "A plan?"
type_text "10 28"
wait_for "the plan: 3 steps, 50 mg to 0 mg; review: 2 warnings, 1 caution"
wait_for "WARNING  step 1 cuts 50% after rounding"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
wait_for "Step 1 (2026-12-23): rounding to what the recorded forms can make"
keys n
wait_for "not saved; the plan is as you typed it"
wait_for "> 10 28"
[ "$(sql 'select count(*) from medication')" = 0 ] || fail "n wrote the medication"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
keys Escape
wait_for "not saved; the plan is as you typed it"
wait_for "A plan?"
[ "$(sql 'select count(*) from plan')" = 0 ] || fail "Esc wrote the plan"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
keys y
wait_for "sertraline added"
wait_for "sertraline: day 1 at 50 mg"
wait_for "review of the next step: warning, step 1 cuts 50% after rounding"
keys q
wait_exit
wean med list | grep -q sertraline || fail "no medication"
wean plan show sertraline | grep -q "acknowledged on 2026-11-25" ||
	fail "the warnings are not acknowledged: $(wean plan show sertraline)"
