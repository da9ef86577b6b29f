# A diary written by wean 0.1 (schema 1) is upgraded to schema 6 on first
# use, after a backup copy "<diary>.bak-v1"; nothing recorded is lost, not
# even the draft of a note (schema 3 keeps one draft per editing session).
# Schema 4 lets a dose of 0 record one skipped (issue 14); schema 5 puts the
# notes in the journal's search index (issue 17).
wean med add sertraline --unit mg --form "tablet 50 mg" --form "liquid 20 mg/ml"
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method percent --step 10 --every 4w --accept-warnings > /dev/null
wean checkin --date 2026-11-20 --mood 6 --symptom "brain zaps=2" --dose sertraline=90 --note "v1 day"
# make it the diary an older wean left: schema 1, none of version 2's, 4's
# or 5's parts, the one-slot draft table of versions 1 and 2 holding a draft
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
  $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql" "$SRC/tests/golden/drop_v5.sql") PRAGMA user_version = 1;"
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep -c 'bak-v1' || true
wean show 2026-11-20
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep 'bak-v1'
sqlite3 "$TMPD/diary.db.bak-v1" "PRAGMA user_version; SELECT count(*) FROM checkin; SELECT note FROM checkin"
sqlite3 "$WEAN_DB" "SELECT name, hidden FROM symptom WHERE name LIKE 'thoughts%'; PRAGMA integrity_check"
# the note is in the search index, which checks against the notes
sqlite3 "$WEAN_DB" "SELECT date((rowid >> 40) + 0.5) FROM journal_fts WHERE journal_fts MATCH 'day';
  INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)"
# the draft is kept, for a wean that is gone ("old"), typed against the note
sqlite3 "$WEAN_DB" "SELECT session, date, text, base FROM draft"
wean plan show sertraline | head -3
# opening again migrates nothing and makes no second backup
wean show 2026-11-20 > /dev/null
ls "$TMPD" | grep -c 'bak-v'
# a diary of schema 2 with a draft: upgraded to 5 after a backup "<diary>.bak-v2"
sqlite3 "$WEAN_DB" "$OLD_DRAFT INSERT INTO draft(id, date, text) VALUES (1, '2026-11-21', 'from v2');
  $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql" "$SRC/tests/golden/drop_v5.sql") PRAGMA user_version = 2;"
wean show 2026-11-21 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT session, date, text, ifnull(base, '(no note)') FROM draft"
sqlite3 "$TMPD/diary.db.bak-v2" "PRAGMA user_version; SELECT id, text FROM draft"
# a diary of schema 3 (doses above 0 only; notes, a quick note, a question
# and its answer, no index): upgraded to 4 and then 5 after a backup
# "<diary>.bak-v3", its doses kept with their ids, every text indexed; then
# a dose of 0 (skipped) can be recorded, and the schema is the one a new
# diary has
wean checkin --date 2026-11-22 --note "Сертралин: dizzy, café" > /dev/null
sqlite3 "$WEAN_DB" "INSERT INTO quicknote(date, minute, text) VALUES ('2026-11-22', 600, 'zaps after lunch');
  INSERT INTO question(date, text, answered, answer) VALUES ('2026-11-22', 'Hold the cut?', 1, 'yes, two weeks');
  $OLD_DOSE $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql" "$SRC/tests/golden/drop_v5.sql") PRAGMA user_version = 3;"
sqlite3 "$WEAN_DB" "INSERT INTO dose(date, med_id, amount) VALUES ('2026-11-19', 1, 0)" 2> /dev/null ||
	echo "refused: amount > 0"
sqlite3 "$WEAN_DB" "SELECT id, date, amount FROM dose"
wean checkin --date 2026-11-22 --skipped sertraline
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT id, date, amount FROM dose; PRAGMA integrity_check; PRAGMA foreign_key_check"
sqlite3 "$TMPD/diary.db.bak-v3" "PRAGMA user_version; SELECT count(*) FROM dose"
ls "$TMPD" | grep 'bak-v3'
for w in сертралин cafe zap hold weeks; do
	sqlite3 "$WEAN_DB" "SELECT '$w: ' || group_concat(date((rowid >> 40) + 0.5), ' ')
	  FROM journal_fts WHERE journal_fts MATCH '\"$w\"*'"
done
sqlite3 "$WEAN_DB" "INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)"
wean check
wean show 2026-11-22 | sed -n '/^Doses/,/^Dose status/p; /^\[exit/p'
# a diary of schema 4 (the dose table of issue 14, a dose of 0 in it; no
# index): upgraded to 5 after a backup "<diary>.bak-v4", the dose table as
# it was, every text indexed
sqlite3 "$WEAN_DB" "INSERT INTO quicknote(date, minute, text) VALUES ('2026-11-23', 480, 'tinnitus at dawn');
  $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql" "$SRC/tests/golden/drop_v5.sql") PRAGMA user_version = 4;"
wean show 2026-11-23 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT id, date, amount FROM dose"
ls "$TMPD" | grep 'bak-v4'
sqlite3 "$TMPD/diary.db.bak-v4" "PRAGMA user_version; SELECT count(*) FROM dose WHERE amount = 0"
for w in tinnitus сертралин zap; do
	sqlite3 "$WEAN_DB" "SELECT '$w: ' || group_concat(date((rowid >> 40) + 0.5), ' ')
	  FROM journal_fts WHERE journal_fts MATCH '\"$w\"*'"
done
sqlite3 "$WEAN_DB" "INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)"
wean check
# a diary of schema 5 (a plan of one daily dose, no dose times): upgraded to
# 6 after a backup "<diary>.bak-v5"; the plan reads as before (one dose a
# day), and a plan with doses through the day can then be added
sqlite3 "$WEAN_DB" "PRAGMA user_version = 5; $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql" "$SRC/tests/golden/drop_v7.sql" "$SRC/tests/golden/drop_v6.sql")"
wean show 2026-11-23 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT id, method, ifnull(dose_times, '(one a day)'),
  ifnull(cut_first, '-') FROM plan; SELECT count(*) FROM plan_switch; PRAGMA integrity_check"
ls "$TMPD" | grep 'bak-v5'
sqlite3 "$TMPD/diary.db.bak-v5" "PRAGMA user_version"
wean plan show sertraline | head -3
wean check
# a diary of schema 7 (no plan cache): upgraded after a backup
# "<diary>.bak-v7"; the plan's schedule is the same, and the TUI's cache
# (db/plancache.h) is empty until the TUI first shows the plan
wean plan show sertraline > "$TMPD/plan-v8.txt"
sqlite3 "$WEAN_DB" "PRAGMA user_version = 7; $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql" "$SRC/tests/golden/drop_v8.sql")"
wean show 2026-11-23 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT count(*) FROM plan_cache; PRAGMA integrity_check"
ls "$TMPD" | grep 'bak-v7'
sqlite3 "$TMPD/diary.db.bak-v7" "PRAGMA user_version"
wean plan show sertraline | cmp - "$TMPD/plan-v8.txt" && echo "the same schedule"
wean check
# a diary of schema 8 (no days' sums): upgraded after a backup
# "<diary>.bak-v8"; day_sum is each rated day's sum and count, from the
# ratings, and follows the ratings written after
sqlite3 "$WEAN_DB" "PRAGMA user_version = 8; $(cat "$SRC/tests/golden/drop_v10.sql" "$SRC/tests/golden/drop_v9.sql")"
wean show 2026-11-23 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT date, sum, n FROM day_sum; PRAGMA integrity_check"
ls "$TMPD" | grep 'bak-v8'
sqlite3 "$TMPD/diary.db.bak-v8" "PRAGMA user_version"
wean checkin --date 2026-11-24 --symptom "brain zaps=3" --symptom "nausea=1" > /dev/null
wean checkin --date 2026-11-20 --symptom "brain zaps=0" > /dev/null
sqlite3 "$WEAN_DB" "SELECT date, sum, n FROM day_sum EXCEPT SELECT date, sum(value), count(*)
  FROM rating GROUP BY date; SELECT date, sum, n FROM day_sum"
wean check
# a diary of schema 9 (a plan cache without triggers, an entry of the old
# kind in it): upgraded after a backup "<diary>.bak-v9"; the entry is gone
# (computed again when next shown), and the triggers that empty the cache
# on a change to a plan (schema_v10.c) are there
sqlite3 "$WEAN_DB" "PRAGMA user_version = 9; $(cat "$SRC/tests/golden/drop_v10.sql")
  INSERT INTO plan_cache(plan_id, key, data) SELECT id, x'00', x'00' FROM plan"
wean show 2026-11-23 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT count(*) FROM plan_cache;
  SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'plan_cache_%'"
ls "$TMPD" | grep 'bak-v9'
wean plan show sertraline | cmp - "$TMPD/plan-v8.txt" && echo "the same schedule"
wean check
