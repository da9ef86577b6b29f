# A diary written by wean 0.1 (schema 1) is upgraded to schema 2 on first
# use, after a backup copy "<diary>.bak-v1"; nothing recorded is lost.
wean med add sertraline --unit mg --form "tablet 50 mg" --form "liquid 20 mg/ml"
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method percent --step 10 --every 4w --accept-warnings > /dev/null
wean checkin --date 2026-11-20 --mood 6 --symptom "brain zaps=2" --dose sertraline=90 --note "v1 day"
# make it the diary an older wean left: schema 1, none of version 2's parts
sqlite3 "$WEAN_DB" "DROP TABLE plan_ack; DROP TABLE hold_proposal;
  ALTER TABLE plan DROP COLUMN form_label; ALTER TABLE plan DROP COLUMN agreed_on;
  DELETE FROM symptom WHERE name = 'thoughts of harming yourself';
  PRAGMA user_version = 1;"
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep -c 'bak-v1' || true
wean show 2026-11-20
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep 'bak-v1'
sqlite3 "$TMPD/diary.db.bak-v1" "PRAGMA user_version; SELECT count(*) FROM checkin; SELECT note FROM checkin"
sqlite3 "$WEAN_DB" "SELECT name, hidden FROM symptom WHERE name LIKE 'thoughts%'; PRAGMA integrity_check"
wean plan show sertraline | head -3
# opening again migrates nothing and makes no second backup
wean show 2026-11-20 > /dev/null
ls "$TMPD" | grep -c 'bak-v'
