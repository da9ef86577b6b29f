# Issue 15: `wean check` finds each thing the importers refuse when it is
# planted with sqlite3 (as another tool could), and the schema itself: a
# table or index dropped or added, a constraint changed (its triggers go
# with a dropped table); issue 17: the journal's search index checked
# against the texts.
q() { sqlite3 "$WEAN_DB" "$1"; }
wean med add sertraline --unit mg > /dev/null
wean checkin --date 2026-11-01 --mood 5 > /dev/null
wean check
q "INSERT INTO checkin(date, mood) VALUES ('0001-01-01', 3)"
q "INSERT INTO hold_proposal(med_id, date, reason) VALUES (1, '2026-12-24', 'r')"
q "INSERT INTO plan(med_id, method, start_date, from_dose, every_days)
   VALUES (1, 'percent', '2026-10-01', 50, 14)"
q "INSERT INTO plan(med_id, method, start_date, from_dose, step, every_days)
   VALUES (1, 'percent', '2026-10-01', 50, 150, 14)"
q "INSERT INTO meta(key, value) VALUES ('last_report_to', '2026-11-01, and more')"
q "INSERT INTO metric_def(name, min, max) VALUES ('pain', 0, 10);
   INSERT INTO metric_value(date, metric_id, value) VALUES ('2026-11-01', 1, 12)"
q "UPDATE medication SET unit = 'MG'"
wean check
q "DELETE FROM checkin WHERE date < '2000-01-01'; DELETE FROM hold_proposal; DELETE FROM plan;
   DELETE FROM meta; DELETE FROM metric_value; UPDATE medication SET unit = 'mg'"
wean check
# the journal's search index (schema 5) no longer matching the notes: a
# row taken out of the index behind wean's back, then the index rebuilt
wean checkin --date 2026-11-02 --note "brain zaps at night" > /dev/null
q "INSERT INTO journal_fts(journal_fts, rowid, text) SELECT 'delete', key, text
   FROM journal_text WHERE text = 'brain zaps at night'"
wean check
q "INSERT INTO journal_fts(journal_fts) VALUES ('rebuild')"
wean check
# the schema: an index dropped, one added, a table without its checks
q "DROP INDEX dose_med; CREATE INDEX mine ON checkin(mood)"
# (legacy_alter_table: the rename does not stop at the view of the
# journal's search index, which reads question)
q "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;
   CREATE TABLE q2 (id INTEGER PRIMARY KEY, date TEXT NOT NULL, text TEXT NOT NULL,
     answered INTEGER NOT NULL DEFAULT 0, answer TEXT, created TEXT NOT NULL DEFAULT '') STRICT;
   DROP TABLE question; ALTER TABLE q2 RENAME TO question;
   CREATE INDEX question_date ON question(date);"
wean check
q "DROP TABLE quicknote"
wean check
