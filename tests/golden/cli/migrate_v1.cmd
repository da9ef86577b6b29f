# A diary written by wean 0.1 (schema 1) is upgraded to schema 4 on first
# use, after a backup copy "<diary>.bak-v1"; nothing recorded is lost, not
# even the draft of a note (schema 3 keeps one draft per editing session).
# Schema 4 lets a dose of 0 record one skipped (issue 14).
wean med add sertraline --unit mg --form "tablet 50 mg" --form "liquid 20 mg/ml"
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method percent --step 10 --every 4w --accept-warnings > /dev/null
wean checkin --date 2026-11-20 --mood 6 --symptom "brain zaps=2" --dose sertraline=90 --note "v1 day"
# make it the diary an older wean left: schema 1, none of version 2's parts,
# the one-slot draft table of versions 1 and 2 holding a draft
OLD_DRAFT="DROP TABLE draft; CREATE TABLE draft (id INTEGER PRIMARY KEY CHECK (id = 1),
  date TEXT NOT NULL, text TEXT NOT NULL, saved TEXT NOT NULL DEFAULT 'x') STRICT;"
# the dose table of schemas 1 to 3: an amount above 0 only
OLD_DOSE="CREATE TABLE dose_old (id INTEGER PRIMARY KEY, date TEXT NOT NULL,
  minute INTEGER, med_id INTEGER NOT NULL REFERENCES medication(id) ON DELETE RESTRICT,
  amount REAL NOT NULL CHECK (amount > 0 AND amount < 100000),
  created TEXT NOT NULL DEFAULT 'x') STRICT;
  INSERT INTO dose_old SELECT * FROM dose; DROP TABLE dose; ALTER TABLE dose_old RENAME TO dose;
  CREATE UNIQUE INDEX dose_slot ON dose(date, med_id, ifnull(minute, -1));
  CREATE INDEX dose_med ON dose(med_id, date);"
sqlite3 "$WEAN_DB" "$OLD_DOSE DROP TABLE plan_ack; DROP TABLE hold_proposal;
  ALTER TABLE plan DROP COLUMN form_label; ALTER TABLE plan DROP COLUMN agreed_on;
  DELETE FROM symptom WHERE name = 'thoughts of harming yourself';
  $OLD_DRAFT INSERT INTO draft(id, date, text) VALUES (1, '2026-11-20', 'v1 day, and more');
  PRAGMA user_version = 1;"
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep -c 'bak-v1' || true
wean show 2026-11-20
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep 'bak-v1'
sqlite3 "$TMPD/diary.db.bak-v1" "PRAGMA user_version; SELECT count(*) FROM checkin; SELECT note FROM checkin"
sqlite3 "$WEAN_DB" "SELECT name, hidden FROM symptom WHERE name LIKE 'thoughts%'; PRAGMA integrity_check"
# the draft is kept, for a wean that is gone ("old"), typed against the note
sqlite3 "$WEAN_DB" "SELECT session, date, text, base FROM draft"
wean plan show sertraline | head -3
# opening again migrates nothing and makes no second backup
wean show 2026-11-20 > /dev/null
ls "$TMPD" | grep -c 'bak-v'
# a diary of schema 2 with a draft: upgraded after a backup "<diary>.bak-v2"
sqlite3 "$WEAN_DB" "$OLD_DRAFT INSERT INTO draft(id, date, text) VALUES (1, '2026-11-21', 'from v2');
  PRAGMA user_version = 2;"
wean show 2026-11-21 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT session, date, text, ifnull(base, '(no note)') FROM draft"
sqlite3 "$TMPD/diary.db.bak-v2" "PRAGMA user_version; SELECT id, text FROM draft"
# a diary of schema 3 (doses above 0 only): upgraded to 4 after a backup
# "<diary>.bak-v3", its doses kept with their ids; then a dose of 0 (skipped)
# can be recorded, and the schema is the one a new diary has
sqlite3 "$WEAN_DB" "$OLD_DOSE PRAGMA user_version = 3;"
sqlite3 "$WEAN_DB" "INSERT INTO dose(date, med_id, amount) VALUES ('2026-11-19', 1, 0)" 2> /dev/null ||
	echo "refused: amount > 0"
sqlite3 "$WEAN_DB" "SELECT id, date, amount FROM dose"
wean checkin --date 2026-11-22 --skipped sertraline
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT id, date, amount FROM dose; PRAGMA integrity_check; PRAGMA foreign_key_check"
sqlite3 "$TMPD/diary.db.bak-v3" "PRAGMA user_version; SELECT count(*) FROM dose"
wean check
wean show 2026-11-22 | sed -n '/^Doses/,$p'
