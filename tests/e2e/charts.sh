#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Charts screen on the demo diary: at 80x24 and 200x60 it matches the
# expected screens (the figures below the chart, or beside it); s switches
# the series (the chart's title), r the range (the dates on the time
# axis), i shows the figures; Tab and the number keys reach it; --ascii
# draws no byte >= 0x80; NO_COLOR=1 draws no colour.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --keep "$DB" >/dev/null || fail "demo"

# The line under the time axis: the dates.
axis_dates() { screen | grep -A1 -E '^ *(└|\+)[-─┬┈+^▲]+' | sed -n 2p; }

start 80 24
wait_for "Symptoms"
keys Tab Tab Tab
wait_for "Burden (sum of ratings)"
wait_for "Charts · last 3 months"
wait_for "vivid dreams"
check_screen charts-80x24
before=$(axis_dates)
echo "$before" | grep -q "Sep" || fail "no dates under the axis: $before"
# s: the next series, from the burden to mood
keys s
wait_for "Mood (0-10)"
screen | grep -q "Burden (sum of ratings)" && fail "the burden chart is still shown"
# S: back again
keys S
wait_for "Burden (sum of ratings)"
# r: a longer range, the dates under the axis change; the demo diary is
# younger than a year, so the chart starts at its first record (late May),
# not at an empty February (issue 16 item 5)
keys r
wait_for "Charts · last year"
after=$(axis_dates)
[ "$after" != "$before" ] || fail "the range changed but the dates did not: $after"
echo "$after" | grep -q "Jun" || fail "the dates from the first record expected: $after"
echo "$after" | grep -q "Feb" && fail "a young diary's chart starts at its first record: $after"
keys R
wait_for "Charts · last 3 months"
# S from the burden: the last series, the dose, a step line with the
# planned dose under it, the axis fitted to 55..80: the 74 -> 66 and the
# 66 -> 60 mg steps each turn the line down by rows (issue 16 item 5)
keys S
wait_for "Sertraline (mg)"
wait_for "─ taken"
check_screen charts-dose-80x24
s=$(screen)
echo "$s" | grep -q " 75 ┤─" || fail "74 mg is not drawn in the row of 75"
[ "$(echo "$s" | grep -c '[│┤] *╰─')" -ge 2 ] || fail "the two steps down are not drawn"
echo "$s" | grep -q "1 column = 2 days, last dose" || fail "the legend does not say what a column is"
keys s
wait_for "Burden (sum of ratings)"
# i: the figures below the chart instead of the symptoms
keys i
wait_for "Mean by days since each cut"
wait_for "Baseline    1.6"
keys i
wait_for "Symptoms (0-3)"
# a symptom: its sparkline is marked
keys s s s s s s s
wait_for "Headache (0-3)"
screen | grep -q "›headache" || fail "the charted symptom is not marked"
# digits never switch screens; g then a digit and Alt-digit do
keys F2
wait_for "November 2026"
keys 4
wait_for "digits rate on Today"
screen | head -1 | grep -q "^ *Calendar" || fail "4 left the Calendar"
keys g 4
wait_for "Headache (0-3)"
keys M-5
wait_for "Journal"
keys q
wait_exit

# 200x60: the figures beside the chart, every symptom below it.
start 200 60
wait_for "Symptoms"
keys F4
wait_for "Mean by days since each cut"
wait_for "brain fog"
check_screen charts-200x60
keys q
wait_exit

# --ascii: not one byte outside printable ASCII, in any view.
start 80 24 -- --ascii
wait_for "Symptoms"
keys F4
wait_for "Burden (sum of ratings)"
wait_for "vivid dreams"
for k in "" r i s; do
	[ -n "$k" ] && keys "$k"
	sleep 0.2
	wait_for "Charts | "
	screen > "$T/ascii.txt"
	if LC_ALL=C grep -n '[^ -~]' "$T/ascii.txt" >&2; then
		fail "non-ASCII on the Charts screen (after '$k')"
	fi
done
grep -q "\^" "$T/ascii.txt" || fail "no step mark in ASCII"
keys q
wait_exit

# NO_COLOR: attributes only, and the chart keeps its text markers.
start 80 24 NO_COLOR=1
wait_for "Symptoms"
keys F4
wait_for "Burden (sum of ratings)"
wait_for "vivid dreams"
raw=$(screen_attr)
echo "$raw" | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" && fail "colour used"
echo "$raw" | grep -q "38;5;" && fail "256-colour used"
echo "$raw" | grep -q "$(printf '\033')\[1m" || fail "no bold title"
s=$(screen)
for want in "▲" "═" "░ min-max" "rising (worse)" "falling (better)"; do
	echo "$s" | grep -qF -- "$want" || fail "missing: $want"
done
keys q
wait_exit
