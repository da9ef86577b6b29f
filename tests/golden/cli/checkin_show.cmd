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
