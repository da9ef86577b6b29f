# A diary written by wean 0.1 (schema 1) is upgraded to schema 4 on first
# use, after a backup copy "<diary>.bak-v1"; nothing recorded is lost, not
# even the draft of a note (schema 3 keeps one draft per editing session),
# and the notes are in the journal's search index (schema 4).
wean med add sertraline --unit mg --form "tablet 50 mg" --form "liquid 20 mg/ml"
wean plan add sertraline --start 2026-10-01 --from-dose 100 --method percent --step 10 --every 4w --accept-warnings > /dev/null
wean checkin --date 2026-11-20 --mood 6 --symptom "brain zaps=2" --dose sertraline=90 --note "v1 day"
# make it the diary an older wean left: schema 1, none of version 2's or
# 4's parts, the one-slot draft table of versions 1 and 2 holding a draft
OLD_DRAFT="DROP TABLE draft; CREATE TABLE draft (id INTEGER PRIMARY KEY CHECK (id = 1),
  date TEXT NOT NULL, text TEXT NOT NULL, saved TEXT NOT NULL DEFAULT 'x') STRICT;"
sqlite3 "$WEAN_DB" "DROP TABLE plan_ack; DROP TABLE hold_proposal;
  ALTER TABLE plan DROP COLUMN form_label; ALTER TABLE plan DROP COLUMN agreed_on;
  DELETE FROM symptom WHERE name = 'thoughts of harming yourself';
  $OLD_DRAFT INSERT INTO draft(id, date, text) VALUES (1, '2026-11-20', 'v1 day, and more');
  $(cat "$SRC/tests/golden/drop_v4.sql") PRAGMA user_version = 1;"
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
# a diary of schema 2 with a draft: upgraded to 4 after a backup "<diary>.bak-v2"
sqlite3 "$WEAN_DB" "$OLD_DRAFT INSERT INTO draft(id, date, text) VALUES (1, '2026-11-21', 'from v2');
  $(cat "$SRC/tests/golden/drop_v4.sql") PRAGMA user_version = 2;"
wean show 2026-11-21 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version; SELECT session, date, text, ifnull(base, '(no note)') FROM draft"
sqlite3 "$TMPD/diary.db.bak-v2" "PRAGMA user_version; SELECT id, text FROM draft"
# a diary of schema 3 (notes, a quick note, a question and its answer, no
# index): upgraded to 4 after a backup "<diary>.bak-v3", every text indexed
wean checkin --date 2026-11-22 --note "Сертралин: dizzy, café" > /dev/null
sqlite3 "$WEAN_DB" "INSERT INTO quicknote(date, minute, text) VALUES ('2026-11-22', 600, 'zaps after lunch');
  INSERT INTO question(date, text, answered, answer) VALUES ('2026-11-22', 'Hold the cut?', 1, 'yes, two weeks');
  $(cat "$SRC/tests/golden/drop_v4.sql") PRAGMA user_version = 3;"
wean show 2026-11-22 > /dev/null
sqlite3 "$WEAN_DB" "PRAGMA user_version"
ls "$TMPD" | grep 'bak-v3'
for w in сертралин cafe zap hold weeks; do
	sqlite3 "$WEAN_DB" "SELECT '$w: ' || group_concat(date((rowid >> 40) + 0.5), ' ')
	  FROM journal_fts WHERE journal_fts MATCH '\"$w\"*'"
done
sqlite3 "$WEAN_DB" "INSERT INTO journal_fts(journal_fts, rank) VALUES ('integrity-check', 1)"
wean check
