# The foundation issue's main scenario: a full check-in, then a partial update.
wean med add sertraline --unit mg --form "tablet 25 mg half" --form "liquid 20 mg/ml"
wean checkin --date 2026-11-20 --mood 6 --sleep 7.5 --symptom "brain zaps=2" \
	--symptom dizziness=1 --dose sertraline=37.5@08:30 --note "héllo, wörld — 日本"
wean show 2026-11-20
# a second check-in with only --mood changes the mood and keeps the rest
wean checkin --date 2026-11-20 --mood 4
wean show 2026-11-20
# names match case-insensitively; the same dose time replaces, another adds
wean checkin --date 2026-11-20 --symptom "BRAIN ZAPS=3" --dose Sertraline=12.5@20:00 \
	--dose sertraline=37.5@08:30 --flag --question "Can we hold the next step?" \
	--anxiety 3 --energy 5
wean show 2026-11-20
wean --ascii show 2026-11-20
wean show 2026-11-21
wean med list
# Issue 14: --skipped MED records a dose as not taken; show says each planned
# medication's dose in the one vocabulary (as planned, different, skipped, not
# recorded -- never "missed"), also on a day with no record
wean plan add sertraline --start 2026-11-01 --from-dose 50 --method linear --step 10 --every 4w --accept-warnings > /dev/null
wean show 2026-11-20
wean checkin --date 2026-11-22 --mood 5 --skipped sertraline
wean show 2026-11-22
# taken after all: the skip goes
wean checkin --date 2026-11-22 --dose sertraline=25@09:00
wean show 2026-11-22
wean show 2026-11-23
wean show 2026-11-28
# refused, nothing written: an unknown medication, a dose both skipped and
# taken, the same one skipped twice, a dose of 0
wean checkin --date 2026-11-23 --skipped sertralin
wean checkin --date 2026-11-23 --skipped sertraline --dose sertraline=25
wean checkin --date 2026-11-23 --skipped sertraline --skipped Sertraline
wean checkin --date 2026-11-23 --dose sertraline=0
wean show 2026-11-23
# ratings alone record a day (no check-in row)
wean checkin --date 2026-11-24 --symptom dizziness=0 > /dev/null
sqlite3 "$WEAN_DB" "DELETE FROM checkin WHERE date = '2026-11-24'"
wean show 2026-11-24
