#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A search matching more days than it counts (1000, newest first): the
# heading says "1000+" and never makes up a rank past the days counted;
# n, N and both ends reach the days beyond, each with its own seek.  At
# 80 columns the searched words are cut, never the count.
. "$(dirname "$0")/lib.sh"
e2e_setup
DB="$T/demo.db"
"$WEAN" demo --no-tui --keep "$DB" >/dev/null || fail "demo"
# 1,100 days of 2020 to 2023 whose note names the river (the demo has 3
# river days of its own in 2026)
sql "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 1099)
     INSERT INTO checkin(date, note) SELECT date('2020-01-01', '+' || n || ' days'),
     'Walked along the river, day ' || n FROM d" || fail "the river days"
[ "$(sql "SELECT count(*) FROM checkin WHERE note LIKE '%river%'")" -eq 1103 ] ||
	fail "not 1103 river days"

selected() { screen | grep '^›'; }

start 100 30
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026"
keys /
wait_for "search notes and questions:"
type_text "river"
keys Enter
wait_for "\"river\": 1 of 1000+"
selected | grep -q "2026-11-01 Sun" || fail "the newest river day"
keys n
wait_for "\"river\": 2 of 1000+"
keys n
wait_for "\"river\": 3 of 1000+"
selected | grep -q "2026-05-10 Sun" || fail "the third river day"
keys n
wait_for "\"river\": 4 of 1000+"
selected | grep -q "2023-01-04 Wed" || fail "the last of the added days"
# End: the first day of the diary, a river day older than the 1000 counted
keys End
wait_for "› 2020-01-01 Wed"
keys N
wait_for "› 2020-01-02 Thu"
wait_for "\"river\": 1000+ of 1000+"
screen | grep -q "\"river\": 10[0-9][0-9] of" && fail "a rank made up past the count"
# n from the oldest match: none older, so the newest again
keys End
wait_for "› 2020-01-01 Wed"
keys n
wait_for "from the newest day again"
wait_for "\"river\": 1 of 1000+"
selected | grep -q "2026-11-01 Sun" || fail "n did not start again at the newest"
# N from the newest: none newer, so the oldest of all, not of those counted
keys N
wait_for "from the oldest day again"
wait_for "› 2020-01-01 Wed"
wait_for "\"river\": 1000+ of 1000+"
# a word matching fewer days is counted exactly
keys /
keys C-u
type_text "FORGOT"
keys Enter
wait_for "\"FORGOT\": 1 of 1"
keys q
wait_exit

# 80 columns: the search's words are cut to leave its count whole
start 80 24
wait_for "Symptoms"
keys F5
wait_for "Wed 25 November 2026"
keys /
wait_for "search notes and questions:"
type_text "river"
keys Enter
wait_for "\": 1 of 1000+"
screen | grep -q "\"ri.*\": 1 of 1000+\$" || fail "the count is not whole at 80 columns"
keys q
wait_exit
