# Switching to diazepam one dose at a time (issue 19).  Alprazolam 2 mg as
# 0.5 + 0.5 + 1 at 08:00, 14:00, 22:00; Ashton (S17): 0.5 mg alprazolam =
# 10 mg diazepam, so the day is 40 mg diazepam-equivalent.  Stage 1 (from
# 2026-12-01) replaces 22:00's 1 mg by 20 mg diazepam, stage 2 14:00's 0.5
# mg by 10 mg, stage 3 08:00's by 10 mg: 40 mg combined at every stage.
# The diazepam plan starts at 0 mg and brings the doses in stage by stage
# (0+0+20, 0+10+20, 10+10+20), then a diazepam taper of 8% every 2 weeks
# to 2 mg, which the review passes with no warning; saved linked.
wean med add alprazolam --unit mg --form "tablet 0.5 mg /2"
wean med add diazepam --unit mg --form "tablet 2 mg /2" --form "tablet 5 mg" --form "liquid 0.4 mg/ml"
wean plan add alprazolam --start 2026-11-01 --from-dose 2 --method linear --step 0.25 --every 8w --times 08:00,14:00,22:00 --split 0.5,0.5,1 --accept-warnings > /dev/null
# a switch is judged by the day's combined diazepam equivalent (a dose
# diazepam replaces is not a cut): a taper after it of 25% every week is
# faster than the published pace, so without the second yes nothing is saved
wean plan switch alprazolam --to diazepam --stage 2w --start 2026-12-01 --step 25 --every 1w --to-dose 2 | sed -n '/^switch/,/^Discuss the switch/p;/together/,$p'
sqlite3 "$WEAN_DB" "SELECT count(*) FROM plan; SELECT count(*) FROM plan_switch"
# VA/DoD (S17): 1 mg alprazolam = 10 mg diazepam: 20 mg a day, 10 at 22:00, then 5 at 14:00 and 5 at 08:00, a week each
WEAN_TODAY=2026-11-25 wean plan switch alprazolam --to diazepam --stage 1w --table vadod --start 2026-12-01 --step 25 --every 1w --to-dose 2 2> /dev/null | sed -n '/^equivalent/p;/^stage/,/^then/p'
# 8% every 2 weeks to 2 mg: the combined review passes, so the plans are
# saved without --accept-warnings; the diazepam plan starts at 0 mg.  The
# taper takes the tablets (a 1 mg grid) first while their doses keep each
# cut within 1.5 times the 8% asked and the class's 10% pace -- 40, 37
# (7.5%), 34 (8.1%) ... -- and says from when the liquid is needed,
# rather than 92 mL of 0.4 mg/mL liquid for 36.8 mg at the first cut
wean plan switch alprazolam --to diazepam --stage 2w --start 2026-12-01 --step 8 --every 2w --to-dose 2 | sed -n '/^the taper uses/,/plan show diazepam/p;/together/,$p'
sqlite3 "$WEAN_DB" "SELECT p.id, m.name, p.method, p.active, p.from_dose, ifnull(p.dose_times, '-'), ifnull(p.dose_split, '-') FROM plan p JOIN medication m ON m.id = p.med_id ORDER BY p.id;
  SELECT plan_id, from_plan, equiv_table, stage_days FROM plan_switch"
wean plan show diazepam | sed -n '1,/^   5 /p;/^switch/,/^then/p'
# the plan the switch replaces shows the switch's review, not its own
wean plan show alprazolam | sed -n '/together/,$p'
# side by side, the combined equivalent counts by the switch's one table
# (40 mg each day of the stages), not the references' range
wean plan show | sed -n '/^together/,/^2027-01-12/p;/switch.s two plans/p'
# refusals
wean plan switch alprazolam --to diazepam --stage 3w
wean plan switch alprazolam --to diazepam --stage 1w --table maudsley
wean plan switch alprazolam --to lorazepam --stage 1w
wean plan switch alprazolam --stage 1w
# the report's section: the doses through the day, the switch's stages
wean report --format txt --from 2026-11-20 --to 2026-12-20 | sed -n '/^Doses through the day/,/^and wean gives no medical advice/p'
