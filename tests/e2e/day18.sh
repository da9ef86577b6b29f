#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The hold rule on Today reads each day's ratings added up (schema 9,
# table day_sum) instead of every rating: a diary of schema 8 gets them
# on its upgrade and Today proposes the hold as before; ratings changed,
# days deleted and an import are followed, so the proposal and the
# count of rated days follow the ratings.
. "$(dirname "$0")/lib.sh"
e2e_setup
same_as_ratings() {
	[ -z "$(sql "SELECT date, sum, n FROM day_sum EXCEPT SELECT date, sum(value), count(*)
	  FROM rating GROUP BY date UNION ALL SELECT date, sum(value), count(*) FROM rating
	  GROUP BY date EXCEPT SELECT date, sum, n FROM day_sum")" ] ||
		fail "$1: day_sum differs from the ratings: $(sql "SELECT * FROM day_sum")"
}
wean med add sertraline --unit mg >/dev/null || fail "med add"
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method percent \
	--step 10 --every 3w --round 0.5 --accept-warnings >/dev/null || fail "plan add"
# calm before the cut of the 22nd, much worse after it
for d in 14 15 16 17 18 19 20 21; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=0" --symptom "dizziness=0" \
		>/dev/null || fail "checkin $d"
done
for d in 23 24 25; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=3" --symptom "dizziness=2" \
		>/dev/null || fail "checkin $d"
done
wean export --format json > "$T/worse.json" || fail "export"
# the diary as wean of schema 8 left it: no day_sum (and no schema 10)
sql "PRAGMA user_version = 8; $(cat "$E2E_DIR/../golden/drop_v10.sql")
  DROP TRIGGER day_sum_apply; DROP TABLE day_sum;"
start 80 24
wait_for "consider holding the next step"
wait_for "the taper's first cut on 2026-11-22"
keys q
wait_exit
[ "$(sql "PRAGMA user_version")" = 10 ] || fail "not upgraded to 10"
[ "$(sql "SELECT count(*) || ' ' || sum(n) FROM day_sum")" = "11 22" ] ||
	fail "the upgrade's day_sum: $(sql "SELECT * FROM day_sum")"
same_as_ratings "the upgrade"
# calm again after the cut (the ratings replaced): nothing to propose
for d in 23 24 25; do
	wean checkin --date "2026-11-$d" --symptom "brain zaps=0" --symptom "dizziness=0" \
		>/dev/null || fail "checkin again $d"
done
same_as_ratings "ratings replaced"
start 80 24
wait_for "Symptoms"
wait_for "sertraline: day 4 at 45 mg"
screen | grep -q "consider holding" && fail "a proposal over calm days"
keys q
wait_exit
# the days before the cut deleted but two: too few rated days
for d in 16 17 18 19 20 21; do
	wean day delete "2026-11-$d" --yes >/dev/null || fail "day delete $d"
done
same_as_ratings "days deleted"
start 80 24
wait_for "hold rules: not enough days yet"
screen | grep -q "consider holding" && fail "a proposal without enough days"
keys q
wait_exit
# the import of the worse days, replacing them: proposed again
wean import "$T/worse.json" --replace >/dev/null || fail "import"
same_as_ratings "the import"
[ "$(sql "SELECT count(*) FROM day_sum")" = 11 ] || fail "the import's day_sum"
start 80 24
wait_for "consider holding the next step"
keys q
wait_exit
wean check >/dev/null || fail "wean check: $(wean check 2>&1)"
echo ok
