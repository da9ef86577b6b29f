#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Plan screen makes a plan: `a` opens a form pre-filled from the
# current plan, the preview follows every change, a bad value is named and
# nothing is saved, Esc cancels, and "save" stores a new active plan (the
# old one is kept).  A medication without occupancy parameters refuses
# the occupancy method with a pointer to percent.  M adds a medication.
. "$(dirname "$0")/lib.sh"
e2e_setup
wean med add sertraline --unit mg --form "tablet 50 mg /2" >/dev/null ||
	fail "med add"
wean med add trialmed --unit mg >/dev/null || fail "med add trialmed"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 4w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
start 80 24
wait_for "Today"
keys F3
wait_for "Plan: percent from 50 mg on 2026-11-01"
keys a
wait_for "A new plan for sertraline"
wait_for "preview: 34 steps, 50 mg to 0 mg"
# Esc leaves everything as it was
keys Escape
wait_for "no new plan; nothing was changed"
[ "$(sql 'select count(*) from plan')" = 1 ] || fail "Esc saved a plan"
keys a
wait_for "A new plan for sertraline"
# from dose (focused first): a bad value is named, the preview goes
keys C-u
type_text "abc"
wait_for "from dose: 'abc' is not a number"
keys C-u
type_text "45"
keys Down C-u
type_text "5"
keys Tab C-u
type_text "2w"
wait_for "preview: "
wait_for "2026-12-09  43 mg"
screen | grep -q "2026-12-09  43 mg" || fail "preview does not follow the fields"
# to "save" (past round, floor, target and the dose times; split and cut
# first are skipped without times) and store it: rounding to 0.5 mg that
# 25 mg halves cannot make is a warning, so the second yes is asked first
keys Down Down Down Down Down
keys Enter
wait_for "Save this plan with its 13 warnings? y/N"
keys y
wait_for "saved: the plan for sertraline from 2026-11-25 (13 warnings acknowledged)"
wait_for "Plan: percent from 45 mg on 2026-11-25"
[ "$(sql 'select count(*), sum(active) from plan')" = "2|1" ] ||
	fail "expected the old plan kept and one active: $(sql 'select count(*), sum(active) from plan')"
[ "$(sql 'select from_dose, step, every_days from plan where active = 1')" = "45.0|5.0|14" ] ||
	fail "stored plan: $(sql 'select from_dose, step, every_days from plan where active = 1')"
# the CLI sees the same plan
wean plan show sertraline | grep -q "2026-12-09  43 mg" || fail "plan show disagrees"
# occupancy needs the drug's parameters
keys m
wait_for "trialmed has no plan; press a to make one"
keys a
wait_for "A new plan for trialmed"
keys Up Up C-u
type_text "occupancy"
wait_for "method: no occupancy parameters for trialmed; use percent"
keys Escape
wait_for "no new plan"
[ "$(sql 'select count(*) from plan')" = 2 ] || fail "a refused plan was saved"
# M adds a medication: what the drug reference knows shows as it is typed,
# a form wean cannot read is named, and nothing is written until "add"
keys M
wait_for "Add a medication"
type_text "paroxetine"
wait_for "wean knows paroxetine: SSRI"
keys Down Down
type_text "pill big"
wait_for "form 'pill big' needs an amount"
keys Down Enter
wait_for "not added: form 'pill big'"
[ "$(sql "select count(*) from medication where name = 'paroxetine'")" = 0 ] ||
	fail "a refused medication was written"
keys Up C-u
type_text "tablet 20 mg half; liquid 10 mg/5ml"
keys Down Enter
wait_for "added paroxetine; press a to make its plan"
wait_for "paroxetine (mg): tablet 20 mg half, liquid 2 mg/mL"
[ "$(sql "select count(*) from med_form f join medication m on m.id = f.med_id where m.name = 'paroxetine'")" = 2 ] ||
	fail "the forms were not stored"
keys q
wait_exit
