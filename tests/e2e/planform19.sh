#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 19: the Plan screen's plan form keeps a plan's doses through the
# day.  Lorazepam 3 mg as 1+1+1 at 08:00, 14:00, 22:00, 10% every 2 weeks
# from 2026-11-03, cut first: evening.  On 2026-11-25 (step 1: 2.75 mg,
# the 22:00 dose cut first: 1 + 1 + 0.75) the form opens with the dose
# times, today's doses as the split and the cut rule; a bad time is named
# and nothing is saved; saved, the new plan keeps times, split and rule.
# The preview shows each step's doses: from 2.75 by 10% every 2w, the
# first cut (12-09) is 2.5 (0.25 off 22:00: 1 + 1 + 0.5).
. "$(dirname "$0")/lib.sh"
e2e_setup
lorazepam_plan --cut-first evening
start 80 30
wait_for "Today"
keys F3
wait_for "Plan: percent from 3 mg on 2026-11-03"
keys a
wait_for "A new plan for lorazepam"
wait_for "dose times   08:00,14:00,22:00"
wait_for "split        1,1,0.75"
wait_for "cut first    evening"
wait_for "2026-12-09  2.5 mg"
screen | grep -q "2026-12-09  2.5 mg .*\[1+1+0.5\]" || fail "no doses in the preview: $(screen)"
# a bad time is named; the preview goes
for i in 1 2 3 4 5 6; do keys Down; done
wait_for "› dose times"
keys C-u
type_text "08:00,25:00"
wait_for "dose times:"
screen | grep -q "preview:" && fail "a preview with a bad time"
keys C-u
type_text "08:00,14:00,22:00"
wait_for "2026-12-09  2.5 mg"
# save: down past split and cut first
keys Down Down Down
wait_for "› [ save this plan ]"
keys Enter
wait_for "y/N"
keys y
wait_for "saved: the plan for lorazepam from 2026-11-25"
[ "$(sql 'select from_dose, dose_times, dose_split, cut_first from plan where active = 1')" = "2.75|08:00,14:00,22:00|1,1,0.75|evening" ] ||
	fail "stored: $(sql 'select from_dose, dose_times, dose_split, cut_first from plan where active = 1')"
keys q
wait_exit
echo "ok"
