# Doses through the day (issue 19): lorazepam 3 mg as 1+1+1, 10% of the
# current dose every 2 weeks on 1 mg and 0.5 mg tablets (halved, a 0.25 mg
# grid); each step cuts one dose, the largest first (a tie: the latest).
# 3; 2.75: 1, 1, 0.75; 2.5: 1, 0.75, 0.75; 2.25: 0.75 each; 2: 0.75, 0.75, 0.5.
wean med add lorazepam --unit mg --form "tablet 1 mg /2" --form "tablet 0.5 mg /2"
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --times 08:00,14:00,22:00 --split 1,1,1 --accept-warnings > /dev/null
wean plan show lorazepam | sed -n '1,/^   6 /p;/^status/,/^today.s doses/p'
sqlite3 "$WEAN_DB" "SELECT dose_times, dose_split, cut_first FROM plan"
# the evening dose first, and amounts as the split (alprazolam-style 0.5+0.5+1)
wean plan add lorazepam --start 2026-11-03 --from-dose 2 --method linear --step 0.25 --every 2w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --cut-first evening --accept-warnings > /dev/null
wean plan show lorazepam | sed -n '/^doses/,/^cut first/p;/^   0 /,/^   5 /p'
# refusals: nothing is saved
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --split 1,1
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --times 08:00,14:00 --split 1,1,1
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --times 22:00,08:00
wean plan add lorazepam --start 2026-11-03 --from-dose 3 --method percent --step 10 --every 2w --times 08:00,14:00 --cut-first noon
sqlite3 "$WEAN_DB" "SELECT count(*) FROM plan"
# The doses go through an export and back (the times, the split and the
# cut rule are in the plan's JSON): the new diary shows the same doses.
wean export --format json -o "$TMPD/doses.json"
wean --db "$TMPD/doses2.db" import "$TMPD/doses.json"
wean --db "$TMPD/doses2.db" plan show lorazepam | grep -E "^doses|^cut first|doses:" | head -4
