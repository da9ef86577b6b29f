#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Charts screen over years (issue 17 item 3): "all time" on a demo
# diary of 3000 days is read from the charts' summary, so each column is
# whole months: the legend names the mean ("quarterly mean"), the
# sparklines' heading says how many months a column holds, no min-max is
# drawn, the figures say which days they cover; back to "last year" the
# chart is by day again.  Also at 200x60.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --days 3000 --keep "$DB" >/dev/null || fail "demo"

start 80 24
wait_for "Symptoms"
keys F4
wait_for "Burden (sum of ratings)"
wait_for "Charts · last 3 months"
keys r
wait_for "Charts · last year"
wait_for "weekly mean"
keys r
wait_for "Charts · all time"
wait_for "quarterly mean"
wait_for "a column: 4 months"
s=$(screen)
echo "$s" | grep -q "min-max" && fail "a chart by month has no min-max: $s"
echo "$s" | grep -q "2019" || fail "the years under the axis: $s"
check_fits "all time at 80x24"
keys i
wait_for "Mean by days since each cut"
keys R
wait_for "Charts · last year"
wait_for "weekly mean"
screen | grep -q "a column:" && fail "last year is by day"
keys q
wait_exit

start 200 60
wait_for "Symptoms"
keys F4
wait_for "Burden (sum of ratings)"
keys r r
wait_for "Charts · all time"
wait_for "a column: "
wait_for "Windows and waves in the last 365 days"

keys q
wait_exit
