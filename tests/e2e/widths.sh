#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything fits 80x24 (issue 16 item 6): on the demo diary, every
# screen (F1-F6) and every page of the help screen, then the first-run
# setup on an empty diary, have no line wider than 80 columns and no
# prose cut with an ellipsis where it should wrap (lib.sh check_fits).
# Every `wean CMD --help` is checked by the golden test help_width.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --keep "$DB" >/dev/null || fail "demo"
start 80 24
wait_for "Symptoms"
wait_for "D dismisses it for today"
check_fits "Today"
keys F2; wait_for "hjkl move"
wait_for "H holds from the selected day"
check_fits "Calendar"
keys F3; wait_for "Medications"
check_fits "Plan"
keys F4; wait_for "Burden (sum of ratings)"
check_fits "Charts"
keys F5; wait_for "/ search"
check_fits "Journal"
keys F6; wait_for "Write your diary to a file"
check_fits "Export"
keys F1; wait_for "Symptoms"
keys '?'; wait_for "Today (the check-in)"
check_fits "Help"
pages=0
while screen | grep -q '↓$'; do          # to the end, page by page
	keys_changing PgDn
	pages=$((pages + 1))
	[ "$pages" -le 30 ] || fail "the help has no end"
	check_fits "Help, page $pages"
done
screen | grep -q "no record: nothing was entered that day" || fail "not at the end"
keys Escape; wait_for "Symptoms"
keys q
wait_exit

# the first-run setup, on an empty diary
DB="$T/empty.db"
"$WEAN" --db "$DB" symptoms show dizziness >/dev/null || fail "empty diary"
start 80 24
wait_for "The medication's name"
check_fits "Setup"
type_text "sertraline"; keys Enter
type_text "tablet 50 mg /2"; keys Enter
type_text "50"; keys Enter
wait_for "A plan?"
check_fits "Setup, the plan question"
type_text "10 28"
wait_for "the plan: 3 steps"
check_fits "Setup, the plan reviewed"
keys Enter
wait_for "Save this plan with its 2 warnings? y/N"
check_fits "Setup, the second yes"
keys Escape; wait_for "not saved; the plan is as you typed it"
keys Escape; wait_for "> 50"
keys Escape; wait_for "> tablet 50 mg /2"
keys Escape; wait_for "> sertraline"
keys Escape
wait_for "setup skipped"
keys q
wait_exit
echo ok
