# SPDX-License-Identifier: GPL-3.0-or-later
# day_status.sh -- the fixture diary of issue 14 item 6: every kind of day
# in March 2026, "today" being 2026-03-16.  Sourced (not run) by
# tests/golden/cli/day_status.cmd and tests/e2e/day_status.sh, which give
# it a function `wean` bound to the binary and the diary, a function `sql`
# running sqlite3 on the diary, and SRC (the source tree).
#
# sertraline is planned at 100 mg throughout (a linear plan from 02-20,
# its next step in April).  The days, and what every surface must call
# them (tests/data/day_status.want, read by tests/data/day_status.py):
#   03-01..04  imported from Daylio (tests/data/daylio_sample.csv): a mood
#              and notes, no dose, no rating
#   03-05      no record
#   03-06      ratings only (2 and 0), no check-in row: burden 2
#   03-07      a dose only (100 mg), no check-in row: as planned
#   03-08      a check-in and the dose recorded as skipped
#   03-09      75 mg (different) and a rating of 0: burden 0
#   03-10      flagged with a note, 100 mg, burden 3
#   03-11      a question only, no check-in row
#   03-12      a check-in (mood) without a dose: not recorded, not missed
#   03-13      no record
#   03-14      a quick note only (written by sqlite3: the CLI has none)
#   03-15      110 mg (different, higher)
#   03-16      today, nothing yet
export WEAN_TODAY=2026-03-16
wean med add sertraline --unit mg > /dev/null
wean plan add sertraline --start 2026-02-20 --from-dose 100 --method linear --step 10 \
	--every 8w --accept-warnings > /dev/null
wean import "$SRC/tests/data/daylio_sample.csv" --format daylio > /dev/null
wean checkin --date 2026-03-06 --symptom dizziness=2 --symptom nausea=0 > /dev/null
wean checkin --date 2026-03-07 --dose sertraline=100@08:00 > /dev/null
wean checkin --date 2026-03-08 --mood 4 --skipped sertraline > /dev/null
wean checkin --date 2026-03-09 --mood 5 --dose sertraline=75@08:00 --symptom dizziness=0 > /dev/null
wean checkin --date 2026-03-10 --mood 3 --dose sertraline=100@08:00 --symptom "brain zaps=3" \
	--flag --note "zaps all day" > /dev/null
wean checkin --date 2026-03-11 --question "Is a slower step possible?" > /dev/null
wean checkin --date 2026-03-12 --mood 6 > /dev/null
wean checkin --date 2026-03-15 --mood 6 --dose sertraline=110@08:00 > /dev/null
sql "DELETE FROM checkin WHERE date IN ('2026-03-06', '2026-03-07', '2026-03-11');
     INSERT INTO quicknote(date, minute, text) VALUES ('2026-03-14', 540, 'short walk');"
