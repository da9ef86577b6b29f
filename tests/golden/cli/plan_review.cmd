# The plan review (issue 13): every plan is reviewed before it is saved;
# a plan with a warning needs a second yes (--accept-warnings), and the
# warnings said yes to are kept with the plan and shown as acknowledged.
count() { sqlite3 "$WEAN_DB" "select count(*) from plan"; }
# sertraline 100 mg with only 50 mg tablets, 10% every 4 weeks: 100 -> 50
# -> 0 mg; refused, nothing saved, the 50% and 100% cuts and finer forms named
wean med add sertraline --unit mg --form "tablet 50 mg" > /dev/null
wean plan add sertraline --start 2026-12-05 --from-dose 100 --method percent --step 10 --every 4w
count
wean plan add sertraline --start 2026-12-05 --from-dose 100 --method percent --step 10 --every 4w --accept-warnings --agreed-with-prescriber 2026-12-01 > /dev/null
count
"$BIN" plan show sertraline | sed -n '/^You recorded/,$p'
sqlite3 "$WEAN_DB" "select kind, step, substr(acked, 1, 10) from plan_ack order by step"
# the same plan with a 5 mg/ml liquid recorded: 0.1 mL is 0.5 mg, so the
# 10% cuts stay close to 10% down to a few mg
wean med add sertraline5 --unit mg --form "liquid 5 mg/ml" > /dev/null
wean plan add sertraline5 --start 2026-12-05 --from-dose 100 --method percent --step 10 --every 4w --floor 2 | grep -c WARNING
# alprazolam 4 mg to 0 in two days: refused, the output names seizures and its source
wean med add alprazolam --unit mg --form "tablet 1 mg" > /dev/null
wean plan add alprazolam --start 2026-12-05 --from-dose 4 --method linear --step 2 --every 1d
# citalopram with tablets and drops: the plan alternates and the review
# says what a switch really does; --form keeps it on the tablets
wean med add citalopram --unit mg --form "tablet 10 mg" --form "oral drops 40 mg/ml" > /dev/null
wean plan add citalopram --start 2026-12-05 --from-dose 20 --method percent --step 10 --every 4w 2>&1 | grep -c "switches from"
wean plan add citalopram --start 2026-12-05 --from-dose 20 --method percent --step 10 --every 4w --form tablet --accept-warnings 2>&1 | grep -c "switches from"
"$BIN" plan show citalopram | grep -E '^Kept on one form|^forms'
wean plan add citalopram --start 2026-12-05 --from-dose 20 --method percent --step 10 --every 4w --form capsule
# going back up: the step after it is reviewed too
wean plan reinstate sertraline --dose 100 --on 2027-01-10
wean plan reinstate sertraline --dose 100 --on 2027-01-10 --accept-warnings | tail -1
"$BIN" plan show sertraline | grep -A3 'After going back up'
# no output of wean says that a prescriber chose the plan
"$BIN" plan show | grep -ci "prescriber chose" || true
# sertraline 100 mg as a 20 mg/ml liquid measured with a 1 mL oral syringe
# ("by 0.01 ml": 0.2 mg a step), in a diary of its own: the 10% steps hold
# down to 1.2 mg, where by 0.1 ml (2 mg) they broke below 12 mg; below 1.2
# mg 0.2 mg is too coarse for 10%, so the same plan is still refused
export WEAN_DB="$TMPD/finer.db"
wean med add sertraline --unit mg --form "liquid 20 mg/mL by 0.01 mL"
wean med list
wean plan add sertraline --start 2026-12-05 --from-dose 100 --method percent --step 10 --every 4w
count
# with --floor 1.2 it stops from 1.2 mg: no warning, saved without
# --accept-warnings; 'how to take it' in hundredths of a mL
wean plan add sertraline --start 2026-12-05 --from-dose 100 --method percent --step 10 --every 4w --floor 1.2
count
"$BIN" plan show sertraline
