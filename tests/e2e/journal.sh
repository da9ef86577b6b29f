#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Journal screen on the demo diary: at 80x24 and 200x60 it matches the
# expected screens; / finds a word of one note (the selection moves to
# that day, which is shown in full below the list) and counts the days
# that match; n and N go through the matches; Enter opens the day in
# Today.  On ten years of diary End and Home reach both ends.  NO_COLOR
# and --ascii keep the list and its marks.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --keep "$DB" >/dev/null || fail "demo"

selected() { screen | grep '^›'; }

start 80 24
wait_for "Symptoms"
keys F5
wait_for "date           mood  anx sleep burden      dose"
wait_for "Wed 25 November 2026"
check_screen journal-80x24
selected | grep -q "2026-11-25 Wed" || fail "the newest day is not selected"
# j moves to an older day, k back
keys j j
wait_for "Mon 23 November 2026"
selected | grep -q "2026-11-23 Mon" || fail "j did not move down"
keys k
wait_for "Tue 24 November 2026"

# "forgot" is in one note only, 112 days back
keys /
wait_for "search notes and questions:"
type_text "FORGOT"
keys Enter
wait_for "\"FORGOT\": 1 of 1"
selected | grep -q "2026-08-05 Wed" || fail "the match is not selected"
wait_for "Forgot my dose this morning — zaps by the evening."
wait_for "Wed 5 August 2026"
# the demo recorded that dose as skipped: "s" in the list, in words below
wait_for "sertraline skipped (planned 82 mg)"
selected | grep -q "2026-08-05 Wed .* 0 mg s" || fail "the skipped dose's mark"
# n: the only match again, from the newest day
keys n
wait_for "from the newest day again"
selected | grep -q "2026-08-05 Wed" || fail "n lost the only match"

# "river": three days.  The search starts at the selected day and goes
# to older days; n goes on to older ones, N to newer ones, and past either
# end the search starts again at the other.
keys /
wait_for "search notes and questions: FORGOT"
keys C-u
type_text "river"
keys Enter
wait_for "\"river\": 3 of 3"
selected | grep -q "2026-05-10 Sun" || fail "the river day before the selection"
keys n
wait_for "from the newest day again"
wait_for "\"river\": 1 of 3"
selected | grep -q "2026-11-01 Sun" || fail "n did not start again at the newest"
keys n
wait_for "\"river\": 2 of 3"
selected | grep -q "2026-08-17 Mon" || fail "n: the second river day"
keys N
wait_for "\"river\": 1 of 3"
selected | grep -q "2026-11-01 Sun" || fail "N: back to the first"
keys N
wait_for "from the oldest day again"
wait_for "\"river\": 3 of 3"
selected | grep -q "2026-05-10 Sun" || fail "N did not start again at the oldest"
# a word no note has
keys /
keys C-u
type_text "xylophone"
keys Enter
wait_for "no note or question mentions \"xylophone\""
selected | grep -q "2026-05-10 Sun" || fail "a failed search moved the selection"
# Esc leaves the prompt without searching
keys /
wait_for "search notes and questions:"
keys Escape
wait_gone "search notes and questions:"

# Enter opens the selected day in Today
keys Enter
wait_for "Sun 10 May 2026"
wait_for "Symptoms"
keys q
wait_exit

# 200x60: wider notes, more days.
start 200 60
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026 · mood"
wait_for "2026-10-14 Wed"
check_screen journal-200x60
keys q
wait_exit

# NO_COLOR: the selection is reverse video and a marker; flag and
# question keep their marks ("!" flagged, "Q" a question: "?" is only "no
# record").
start 80 24 NO_COLOR=1
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026"
raw=$(screen_attr)
echo "$raw" | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" && fail "colour used"
echo "$raw" | grep -q "$(printf '\033')\[7m" || fail "no reverse video for the selection"
keys PgDn
wait_for "2026-11-09 Mon"
s=$(screen)
echo "$s" | grep -q "2026-11-09 Mon .* !  Another wave" || fail "flag mark missing"
echo "$s" | grep -q "2026-11-08 Sun .*  Q A wave today" || fail "question mark missing"
keys q
wait_exit

# --ascii: the list and its frame in ASCII (the person's notes keep their
# own letters, as on the Today screen).
start 80 24 -- --ascii
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026 | mood"
screen > "$T/ascii.txt"
if LC_ALL=C grep -n '[^ -~]' "$T/ascii.txt" >&2; then
	fail "non-ASCII on the Journal screen"
fi
grep -q "^> 2026-11-25 Wed" "$T/ascii.txt" || fail "no ASCII focus marker"
keys q
wait_exit

# Ten years of diary: End reaches the first day, Home the last.
rm -f "$T/big.db"
"$WEAN" demo --no-tui --days 3650 --keep "$T/big.db" >/dev/null || fail "big demo"
DB="$T/big.db"
start 80 24
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026"
keys End
wait_for "Mon 28 November 2016"
selected | grep -q "2016-11-28 Mon" || fail "End: not the first day"
keys PgUp PgUp k
wait_for "2016-12-2"
keys Home
wait_for "Wed 25 November 2026"
selected | grep -q "2026-11-25 Wed" || fail "Home: not the last day"
# twelve pages of 12 days, through the edge of the days read at first:
# the 145th day is selected and the days stay in order
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do keys PgDn; done
want=$(sql "SELECT date FROM checkin ORDER BY date DESC LIMIT 1 OFFSET 144")
wait_for "› $want"
screen | grep -oE '^[ ›] [0-9]{4}-[0-9]{2}-[0-9]{2}' | grep -oE '[0-9-]{10}$' \
	> "$T/dates"
[ "$(wc -l < "$T/dates")" -ge 12 ] || fail "not a full page of days"
sort -r -c "$T/dates" || fail "days out of order after paging"
# and back up: the newest day again
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do keys PgUp; done
wait_for "› 2026-11-25 Wed"
keys q
wait_exit
