# Bad input: a one-line error, exit 64 or 65, and nothing written.
wean med add sertraline --unit mg
wean checkin --date 2026-11-20 --mood 5
count() { sqlite3 "$WEAN_DB" "select (select count(*) from checkin)||' check-ins, '||(select count(*) from rating)||' ratings, '||(select count(*) from dose)||' doses, mood '||(select mood from checkin where date='2026-11-20')"; }
count
wean checkin --mood 11
wean checkin --mood six
wean checkin --mood 5.5
wean checkin --sleep -1
wean checkin --sleep 25
wean checkin --sleep 7h
wean checkin --date 2026-02-30 --mood 3
wean checkin --date 2026-11-26 --mood 3
wean checkin --date tomorrow --mood 3
wean checkin --date 2026-11-20 --mood 3 --symptom nosuch=2
wean checkin --date 2026-11-20 --mood 3 --symptom dizzyness=2
wean checkin --date 2026-11-20 --mood 3 --symptom dizziness=7
wean checkin --date 2026-11-20 --mood 3 --symptom dizziness
wean checkin --date 2026-11-20 --mood 3 --dose paroxetine=10
wean checkin --date 2026-11-20 --mood 3 --dose sertralin=10
wean checkin --date 2026-11-20 --mood 3 --dose sertraline=0
wean checkin --date 2026-11-20 --mood 3 --dose sertraline=-5
wean checkin --date 2026-11-20 --mood 3 --dose sertraline=25@25:00
wean checkin --date 2026-11-20 --mood 3 --metric focus=3
wean checkin --date 2026-11-20 --mood 3 --note "$(printf 'bad \033[31m escape')"
wean checkin --date 2026-11-20 --mood 3 --note "$(printf 'bad \377 byte')"
wean checkin --date 2026-11-20 --mood
wean checkin --date 2026-11-20 --mod 3
wean checkin --date 2026-11-20 extra
wean med add sertraline
wean med add "" --unit mg
wean med add paroxetine --unit kg
wean med add paroxetine --form "pill big"
wean show 2026-13-01
wean log --from 2026-11-20 --to 2026-11-01
count
