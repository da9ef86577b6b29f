# log: one line per day, days without a check-in stated plainly
wean med add sertraline
wean checkin --date 2026-11-18 --mood 7 --anxiety 2 --energy 6 --sleep 8 --note "good day"
wean checkin --date 2026-11-20 --mood 4 --sleep 5.5 --symptom dizziness=2 --symptom nausea=1 \
	--note "$(printf 'first line of a long note that goes on and on beyond the column\nsecond line')" --flag
wean checkin --date 2026-11-22 --symptom "brain zaps=3" --dose sertraline=25
wean checkin --date 2026-11-24 --mood 6 --note "日本語のメモ — wide text"
wean log --from 2026-11-17 --to 2026-11-25
wean --ascii log --from 2026-11-24 --to 2026-11-24
wean log --from -3
wean log --to 2026-11-16 --from 2026-11-15
# Issue 14: a column per planned medication with the day's dose as planned
# (the amount), different (~), skipped (s) or not recorded (-), never
# "missed"; burden "-" without ratings, "?"-free "(no record)" days
wean plan add sertraline --start 2026-11-18 --from-dose 25 --method linear --step 5 --every 4w --accept-warnings > /dev/null
wean checkin --date 2026-11-19 --skipped sertraline > /dev/null
wean checkin --date 2026-11-21 --dose sertraline=20 > /dev/null
wean checkin --date 2026-11-23 --symptom nausea=0 > /dev/null
wean log --from 2026-11-17 --to 2026-11-25
