# Taper plans (issue 4): add, show, hold, resume; each refusal writes nothing.
wean med add sertraline --unit mg
wean plan add sertraline --start 2026-01-05 --from-dose 50 --method percent --step 10 --every 4w --round 0.5 --accept-warnings
# planned vs taken in the first step: as planned, a different dose, a check-in
# without the dose (missed), more than planned (extra); the rest has no data
wean checkin --date 2026-01-05 --dose sertraline=50 > /dev/null
wean checkin --date 2026-01-06 --dose sertraline=45 > /dev/null
wean checkin --date 2026-01-07 --mood 5 > /dev/null
wean checkin --date 2026-01-08 --dose sertraline=25@08:00 --dose sertraline=35@20:00 > /dev/null
wean plan show sertraline
# a hold from the day of step 2 freezes the schedule until it is resumed
wean plan hold sertraline --from 2026-03-02 --reason "dizziness, brain zaps; stay at 45 mg for now"
"$BIN" plan show sertraline | sed -n '/^step/,/^   4 /p;/^holds/,$p'
wean plan hold sertraline --from 2026-03-05
wean plan resume sertraline --on 2026-03-02
# resuming after 14 days moves every later step 14 days later
wean plan resume sertraline --on 2026-03-16
wean plan resume sertraline
wean plan show sertraline
# equal steps of occupancy for citalopram (domain README 1.3:
# 8.1 -> 4.47 -> 2.72 -> 1.68 -> 1.00 -> 0.52 -> 0.15 -> 0)
wean med add citalopram > /dev/null
wean plan add citalopram --start 2026-12-01 --from-dose 20 --method occupancy --step 10 --every 2w --accept-warnings
wean plan show citalopram
# tablets that can be halved, a floor and a target; linear and custom plans
wean med add diazepam --form "tablet 2 mg half" --form "tablet 5 mg"
wean plan add diazepam --start 2026-11-02 --from-dose 15 --method linear --step 1 --every 2w --to-dose 6 --accept-warnings
"$BIN" plan show diazepam | sed -n '/^step/,$p'
wean med add lorazepam --unit mg --form "tablet 1 mg quarter"
wean plan add lorazepam --start 2026-10-01 --from-dose 2 --method custom --steps 2026-10-15=1.75,2026-11-01=1.5,2026-12-01=0 --accept-warnings
"$BIN" plan show lorazepam | sed -n '1,3p;/^step/,$p'
# a medication in micrograms: amounts and how to take them in mcg
wean med add levothyroxine --unit mcg --form "tablet 25 mcg half"
wean plan add levothyroxine --start 2026-11-01 --from-dose 100 --method linear --step 12.5 --every 4w --accept-warnings
"$BIN" plan show levothyroxine | sed -n '3p;/^step/,/^   2 /p'
# a new plan replaces the active one (kept for history)
wean med add paroxetine --form "liquid 2 mg/ml" > /dev/null
wean plan add paroxetine --start 2026-09-01 --from-dose 20 --method percent --step 10 --every 4w --floor 2 --accept-warnings
wean plan add paroxetine --start 2026-10-01 --from-dose 20 --method percent --step 5 --every 3w --floor 2 --accept-warnings
"$BIN" plan show paroxetine | head -n 9
sqlite3 "$WEAN_DB" "select count(*), sum(active) from plan where med_id = (select id from medication where name = 'paroxetine')"
# refusals: a clear message, exit 64 or 65, nothing written
wean med add mirtazapine > /dev/null
count() { sqlite3 "$WEAN_DB" "select (select count(*) from plan)||' plans, '||(select count(*) from hold)||' holds, '||(select count(*) from plan_step_custom)||' custom steps'"; }
count
wean plan add mirtazapine --start 2026-12-01 --from-dose 15 --method occupancy --step 10 --every 4w
add() { wean plan add sertraline --start 2026-12-01 --from-dose 50 --method percent --step 10 --every 4w "$@"; }
add --from-dose 0
add --from-dose -5
add --step 0
add --step 100
add --step 150
add --every 0d
add --every 0w
add --every 4x
add --start 2026-02-30
add --start 2026-13-01
add --round -1
add --to-dose 60
add --floor 50
add --method sideways
add --steps 2026-12-15=40
add --region cortex
add --method occupancy --region thalamus
wean plan add sertralin --start 2026-12-01 --from-dose 50 --method percent --step 10 --every 4w
wean plan add sertraline --from-dose 50 --method percent --step 10 --every 4w
wean plan add sertraline --start 2026-12-01 --from-dose 50 --method percent --every 4w
wean plan add sertraline --start 2026-12-01 --from-dose 50 --method custom
wean plan add sertraline --start 2026-12-01 --from-dose 50 --method custom --steps 2026-11-01=40
wean plan add sertraline --start 2026-12-01 --from-dose 50 --method custom --steps 2026-12-15=-1
wean plan add sertraline --start 2026-12-01 --from-dose 50 --method custom --steps 2026-12-15
wean plan hold mirtazapine
wean plan hold citalopram --from 2026-11-01
wean plan resume citalopram
wean plan hold nosuch
wean plan pause sertraline
wean plan hold
count
# all plans at once
"$BIN" plan show | grep -E '^[a-z]+: |^status'
