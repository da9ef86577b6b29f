-- Takes schema 5's parts away (the journal's search index, its view, its
-- queue and its triggers; src/db/schema.c) and nothing of schema 4 (the
-- dose table), for the goldens that make an older diary out of a new one.
-- tests/unit/schema_old.h holds the same for C.
DROP TRIGGER checkin_fts_insert; DROP TRIGGER checkin_fts_delete;
DROP TRIGGER checkin_fts_update; DROP TRIGGER quicknote_fts_insert;
DROP TRIGGER quicknote_fts_delete; DROP TRIGGER quicknote_fts_update;
DROP TRIGGER question_fts_insert; DROP TRIGGER question_fts_delete;
DROP TRIGGER question_fts_update; DROP TABLE journal_fts_queue;
DROP TABLE journal_fts; DROP VIEW journal_text;
