# Plans that start at 0 mg (issue 19): only a custom plan can; its doses
# come in one at a time, each up to its part (the parts are the doses it
# reaches, here 5 + 5 mg at 08:00 and 22:00), the dose the cut rule would
# cut first coming in first (largest, a tie to the latest: 22:00).  By
# hand: 12-01 5 mg = 0 + 5; 12-15 10 = 5 + 5; then cuts, the largest first:
# 9 = 5 + 4 (a tie: 22:00 cut), 8.5 = 4.5 + 4, 8 = 4 + 4.
wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg"
# refusals: a computed method cannot start at 0; a plan from 0 must rise
wean plan add diazepam --start 2026-11-30 --from-dose 0 --method percent --step 10 --every 2w
wean plan add diazepam --start 2026-11-30 --from-dose 0 --method custom --steps 2026-12-01=0
wean plan add diazepam --start 2026-11-30 --from-dose 0 --method custom --steps 2026-12-01=5 --to-dose 2
wean plan add diazepam --start 2026-11-30 --from-dose 0 --method custom --steps 2026-12-01=5,2026-12-15=10,2026-12-29=9,2027-01-26=8.5,2027-02-23=8 --times 08:00,22:00 --split 5,5
wean plan show diazepam
# Today's planned doses on a day of stage 1 and on a day of the taper
WEAN_TODAY=2026-12-05 wean plan show diazepam | grep "^today's doses"
WEAN_TODAY=2027-01-30 wean plan show diazepam | grep "^today's doses"
# one dose skipped at its time (checkin --skipped MED@HH:MM): a dose
# recorded at 22:10 belongs to 22:00 and goes; the 08:00 dose stays
WEAN_TODAY=2026-12-20 wean checkin --dose diazepam=5@08:00 --dose diazepam=5@22:10
WEAN_TODAY=2026-12-20 wean checkin --skipped diazepam@22:00
sqlite3 "$WEAN_DB" "SELECT date, ifnull(minute, '-'), amount FROM dose ORDER BY date, minute"
# a dose logged later at 08:00 keeps the 22:00 skip; a skip of the whole
# day replaces every dose of it
WEAN_TODAY=2026-12-20 wean checkin --dose diazepam=4@08:00
sqlite3 "$WEAN_DB" "SELECT date, ifnull(minute, '-'), amount FROM dose ORDER BY date, minute"
WEAN_TODAY=2026-12-20 wean checkin --skipped diazepam
sqlite3 "$WEAN_DB" "SELECT date, ifnull(minute, '-'), amount FROM dose ORDER BY date, minute"
# refusals: a bad time, the same dose skipped and taken, skipped twice
WEAN_TODAY=2026-12-20 wean checkin --skipped diazepam@24:00
WEAN_TODAY=2026-12-20 wean checkin --skipped diazepam@08:00 --dose diazepam=5@08:00
WEAN_TODAY=2026-12-20 wean checkin --skipped diazepam@08:00 --skipped diazepam
WEAN_TODAY=2026-12-20 wean checkin --skipped @08:00
# a switch from a plan with a time already at 0 on the start day:
# lorazepam 3 mg as 1+1+1 from 2026-08-01, 10% every 2 weeks, the evening
# cut first, is 1+0+0 by 2026-12-01; the diazepam plan (Ashton 1 mg =
# 10 mg) has no dose at the times with none: 10 mg, one dose a day
wean med add lorazepam --unit mg --form "tablet 1 mg /2" --form "tablet 0.5 mg /2" > /dev/null
wean plan add lorazepam --start 2026-08-01 --from-dose 3 --method percent --step 10 --every 2w --times 08:00,14:00,22:00 --split 1,1,1 --cut-first evening --accept-warnings > /dev/null
WEAN_TODAY=2026-12-01 wean plan show lorazepam | grep "^today's doses"
wean plan switch lorazepam --to diazepam --stage 1w --start 2026-12-01 --step 10 --every 2w --to-dose 2 --accept-warnings | sed -n '/^stage/,/^then/p;/^saved/p'
sqlite3 "$WEAN_DB" "SELECT m.name, p.from_dose, ifnull(p.dose_times, '-') FROM plan p JOIN medication m ON m.id = p.med_id WHERE p.active = 1 ORDER BY m.name"
# a plan from 0 mg in the report and the calendar file: no percentage of a
# starting dose of 0 ("-"), a rise said as one ("up from 0", "up 50.0%"),
# never "nan" nor a negative cut
WEAN_TODAY=2026-12-20 wean report --format md --from 2026-12-01 --to 2026-12-20 | sed -n '/^- \*\*diazepam/,/^- \*\*lorazepam/p;/^## Taper history: diazepam/,/^## Plan review/{/^|/p}'
WEAN_TODAY=2026-12-20 wean report --format html --from 2026-12-01 --to 2026-12-20 -o "$TMPD/z.html" > /dev/null
grep -c -i 'nan' "$TMPD/z.html"
WEAN_TODAY=2026-12-20 wean export --format ics -o "$TMPD/z.ics" > /dev/null
grep -c -i 'nan%\|cut of -' "$TMPD/z.ics"
tr -d '\r' < "$TMPD/z.ics" | sed -n '/^DESCRIPTION/{N;N;p}' | tr -d '\n ' | grep -o 'Step[0-9]*of[0-9]*:[^.]*' | head -3
# the taper history of each side of the switch says what its steps are
WEAN_TODAY=2026-12-20 wean report --format md --from 2026-12-01 --to 2026-12-20 | tr '\n' ' ' | grep -o 'Its [a-z]* are[^:;]*'
