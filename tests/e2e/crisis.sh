#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The crisis line on Today.  A diary of ordinary moods (a 3 among them:
# the threshold is 2) never shows it, on any day.  Three of the last five
# recorded days at mood 1-2 show one calm line, the configured crisis line
# whole, under the date; it blocks nothing (a rating is still saved), and
# a day before the low days does not show it.
. "$(dirname "$0")/lib.sh"
e2e_setup
mkdir -p "$XDG_CONFIG_HOME/wean"
cat > "$XDG_CONFIG_HOME/wean/config.ini" <<-INI
[safety]
crisis_line = Test crisis team: call 0800 000 111, day or night
INI
mood=5
for d in 14 15 16 17 18 19 20 21; do
	wean checkin --date 2026-11-$d --mood $mood >/dev/null || fail "checkin $d"
	mood=$(( mood == 5 ? 3 : mood + 2 ))
done
no_line() {
	if screen | grep -q -e "0800 000 111" -e "Withdrawal can bring"; then
		fail "the crisis line shows on $1"
	fi
}
start 80 24
wait_for "Today · Wed 25 November 2026"
wait_for "Symptoms"
no_line "today"
for ago in yesterday "2 days ago" "3 days ago" "4 days ago" "5 days ago"; do
	keys '['
	wait_for "$ago"
	wait_for "Symptoms"
	no_line "$ago"
done
keys q
wait_exit

# three low days: the line shows
wean checkin --date 2026-11-22 --mood 1 >/dev/null || fail "checkin 22"
wean checkin --date 2026-11-23 --mood 2 >/dev/null || fail "checkin 23"
wean checkin --date 2026-11-24 --mood 1 >/dev/null || fail "checkin 24"
start 80 24
wait_for "Symptoms"
wait_for "Withdrawal can bring feelings like these. Contact your prescriber, or:"
wait_for "Test crisis team: call 0800 000 111, day or night"
# it blocks nothing: mood is focused and a digit rates it
keys 7
wait_for "7/10"
[ "$(sql "select mood from checkin where date = '2026-11-25'")" = 7 ] ||
	fail "the rating was not saved"
wait_for "0800 000 111"
# the day before the low days does not show it
keys '[' '[' '[' '['
wait_for "4 days ago"
wait_for "Symptoms"
no_line "the 21st"
keys q
wait_exit
