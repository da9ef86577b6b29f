# wean check: SQLite's integrity check plus wean's own consistency rules.
# Each inconsistency is made the way it could really arise (the CLI, or an
# edit with another tool with foreign keys off) and must be reported.
q() { sqlite3 "$WEAN_DB" "$1"; }
wean med add sertraline --unit mg > /dev/null
wean med add zopiclone --unit mg > /dev/null
wean checkin --date 2026-11-18 --symptom dizziness=2 --symptom nausea=1 \
	--dose sertraline=50@08:00 --dose zopiclone=3.75@22:00 > /dev/null
wean check
# a symptom hidden on the 20th but rated on the 24th
WEAN_TODAY=2026-11-20 wean symptoms hide dizziness
wean checkin --date 2026-11-24 --symptom dizziness=3 --dose zopiclone=3.75@22:00 > /dev/null
wean check
WEAN_TODAY=2026-11-20 wean symptoms show dizziness > /dev/null
q "UPDATE symptom SET hidden_on = NULL WHERE name = 'dizziness'"
# a medication archived on the 10th with doses after that
q "UPDATE medication SET archived = 1, archived_on = '2026-11-10' WHERE name = 'sertraline'"
wean check
q "UPDATE medication SET archived = 0, archived_on = NULL"
# doses of a deleted medication, ratings of a deleted symptom
q "PRAGMA foreign_keys = OFF; DELETE FROM medication WHERE name = 'zopiclone';
   DELETE FROM symptom WHERE name = 'nausea';"
wean check
wean show 2026-11-18
q "DELETE FROM dose WHERE med_id NOT IN (SELECT id FROM medication);
   DELETE FROM rating WHERE symptom_id NOT IN (SELECT id FROM symptom);"
# records dated after today, two open holds on one plan
q "INSERT INTO checkin(date, mood) VALUES ('2026-12-01', 5)"
wean plan add sertraline --start 2026-10-01 --from-dose 50 --method percent --step 10 --every 2w > /dev/null
q "INSERT INTO hold(plan_id, start_date) SELECT id, '2026-11-01' FROM plan;
   INSERT INTO hold(plan_id, start_date) SELECT id, '2026-11-05' FROM plan;"
wean check
q "DELETE FROM checkin WHERE date > '2026-11-25'; DELETE FROM hold;"
wean check
