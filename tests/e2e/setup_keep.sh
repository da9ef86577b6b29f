#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The first-run setup keeps every answer (issue 16 item 2): a form it
# cannot read is named under the form question with what is accepted,
# the text kept to fix; Esc goes back one question with the answers
# kept; a plan it cannot read ("ten percent") is named under the plan
# question; what is saved in the end is what was answered.
. "$(dirname "$0")/lib.sh"
e2e_setup
sql "DELETE FROM meta WHERE key = 'setup_skipped'"
start 80 24
wait_for "medication's name"
keys Enter
wait_for "a name, please"
type_text "sertraline"; keys Enter
wait_for "A form it comes in"
type_text "100 mg tablets"; keys Enter
wait_for "not a form: a form is a kind (tablet, capsule, liquid)"
wait_for "e.g. 'tablet 25 mg half'"
wait_for "> 100 mg tablets"
wait_for "medication: sertraline"
# fixed in place: the message goes as soon as the answer reads
keys C-u
type_text "tablet 25 mg /2"
wait_gone "not a form"
keys Enter
wait_for "The current daily dose"
type_text "fifty"; keys Enter
wait_for "a dose is a number of mg above 0"
keys C-u; type_text "50"; keys Enter
wait_for "A plan?"
type_text "ten percent"; keys Enter
wait_for "a plan is two numbers, the % cut"
wait_for "> ten percent"
wait_for "daily dose: 50 mg"
# Esc: back to the dose, then the form, every answer kept
keys Escape
wait_for "The current daily dose"
wait_for "> 50"
keys Escape
wait_for "A form it comes in"
wait_for "> tablet 25 mg /2"
wait_for "medication: sertraline"
keys Enter
wait_for "> 50"
keys Enter
wait_for "A plan?"
wait_for "> ten percent"
keys C-u; type_text "10 28"
wait_for "the plan: "
wait_gone "a plan is two numbers"
[ "$(sql 'select count(*) from medication')" = 0 ] || fail "written before the end"
# the review is shown before anything is saved: its warnings ask first
keys Enter
wait_for "Save this plan with its 4 warnings? y/N"
wait_for "WARNING  Step 1 (2026-12-23): rounding"
[ "$(sql 'select count(*) from plan')" = 0 ] || fail "saved before the second yes"
keys y
wait_for "sertraline added"
keys q
wait_exit
wean med list | grep -q "sertraline" || fail "no medication: $(wean med list)"
wean med list | grep -q "tablet 25 mg, halves" || fail "the form is not kept: $(wean med list)"
out=$(wean plan show sertraline) || fail "plan show"
echo "$out" | grep -q "50 mg" || fail "the plan does not start at 50 mg: $out"
echo "$out" | grep -qi "percent\|10%" || fail "not a 10% plan: $out"
echo ok
