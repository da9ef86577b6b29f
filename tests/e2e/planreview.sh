#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The plan review on the Plan screen.  A sertraline plan of 10% every 4
# weeks from 100 mg with only "tablet 50 mg" recorded: the form's preview
# shows its warnings as it is typed; "save" asks the second yes with the
# findings in full; n and Esc keep the form and save nothing; y saves it
# with the warnings acknowledged, which the Plan screen, `wean plan show`
# and Today's next step then say.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg" >/dev/null || fail "med add"
start 80 24
wait_for "Today"
keys F3
wait_for "sertraline has no plan; press a to make one"
keys a
wait_for "A new plan for sertraline"
type_text "100"
wait_for "preview: 3 steps, 100 mg to 0 mg; review: 2 warnings, 1 caution"
wait_for "WARNING  step 1 cuts 50% after rounding"
wait_for "WARNING  step 2 cuts 100% after rounding"
# to "save": the second yes, with the findings in full
keys Down Down Down Down Down Down Down Enter
wait_for "Save this plan with its 2 warnings? y/N"
wait_for "Review of the plan entered in wean (not advice): 2 warnings, 1 caution"
wait_for "cuts 50% of the dose (100 to 50 mg), where the plan entered in wean"
keys n
wait_for "not saved; the form is as it was"
wait_for "from dose    100"
[ "$(sql 'select count(*) from plan')" = 0 ] || fail "n saved the plan"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
keys Escape
wait_for "not saved; the form is as it was"
wait_for "A new plan for sertraline"
[ "$(sql 'select count(*) from plan')" = 0 ] || fail "Esc saved the plan"
wean plan show sertraline 2>/dev/null && fail "plan show found a plan"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
keys y
wait_for "saved: the plan for sertraline from 2026-11-25 (2 warnings acknowledged)"
[ "$(sql 'select count(*) from plan')" = 1 ] || fail "y did not save the plan"
show=$(wean plan show sertraline) || fail "plan show"
[ "$(echo "$show" | grep -c "(acknowledged on 2026-11-25)")" = 2 ] ||
	fail "plan show does not say both warnings were acknowledged: $show"
# the Plan screen: the review in a line, then in full after the schedule
wait_for "Plan: percent from 100 mg on 2026-11-25"
wait_for "review: 2 warnings: step 1 cuts 50% after rounding (below the schedule)"
keys PageDown
wait_for "Review of the plan entered in wean (not advice): 2 warnings, 1 caution"
wait_for "(acknowledged on 2026-11-25)"
# Today: the finding on the next step
keys F1
wait_for "sertraline: day 1 at 100 mg, since 2026-11-25; next step 50 mg on 2026-12-23"
wait_for "review of the next step: warning, step 1 cuts 50% after rounding"
keys q
wait_exit
