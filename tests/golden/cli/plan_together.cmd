# Two plans at once (issue 4 item 9): an Ashton-style switch from
# alprazolam to diazepam, shown side by side with the approximate
# diazepam equivalent; a reinstatement recorded from the command line.
wean med add alprazolam --form "tablet 0.5 mg half" > /dev/null
wean med add diazepam --form "tablet 2 mg half" --form "tablet 5 mg half" > /dev/null
wean plan add alprazolam --start 2026-10-01 --from-dose 2 --method custom --steps 2026-10-15=1.5,2026-10-29=1,2026-11-12=0.5,2026-11-26=0 --accept-warnings
wean plan add diazepam --start 2026-10-08 --from-dose 5 --method custom --steps 2026-10-15=10,2026-10-29=15,2026-11-12=20,2027-01-07=18 --accept-warnings
wean plan show
# going back up is recorded as a reinstatement, with its reason
wean plan reinstate alprazolam --dose 1 --on 2026-11-14 --reason "two nights without sleep; agreed with Dr K"
wean plan reinstate alprazolam --dose 1 --on 2026-11-14 --reason "two nights without sleep; agreed with Dr K" --accept-warnings
"$BIN" plan show alprazolam | sed -n '/^holds/,/^status/p'
"$BIN" plan show | sed -n '/^together/,$p'
# refusals: no dose, a dose of 0, before the plan, no plan, unknown drug
wean plan reinstate alprazolam
wean plan reinstate alprazolam --dose 0
wean plan reinstate alprazolam --dose 1 --on 2026-09-01
wean med add sertraline > /dev/null
wean plan reinstate sertraline --dose 25
wean plan reinstate zoloftx --dose 25
sqlite3 "$WEAN_DB" "select kind, count(*) from hold group by kind"
