/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema_index.c -- the journal's search index (schema version 5: its
 * tables and triggers, filled when a diary reaches it) and the pause an
 * import puts on it, on the charts' summary (schema_v7.c) and on the
 * days' sums (schema_v9.c): all are written whole at the import's end,
 * which costs less than a trigger a row.  Private to schema.c through
 * schema_int.h. */
#include "schema_int.h"

#include <stdio.h>
#include <string.h>

#include "db_int.h"

/* Version 5: the journal's search index (SQLite FTS5).  journal_text is
 * every text the Journal searches, one row each: a check-in's note, a
 * quick note, a question, a question's answer.  Each row's key is its
 * date's day number (julianday) shifted up 40 bits, then its kind (2
 * bits: note, quick note, question, answer) and its row id (38 bits,
 * which no wean diary's ids come near): so keys sort by date, a day's
 * rows are a range of keys, and the date reads back from the key alone.
 * journal_fts indexes that view (external content: it keeps no copy of
 * the text, and its integrity check compares the index with the view);
 * the unicode61 tokenizer folds case for every script and takes accents
 * off (remove_diacritics 2); columnsize=0 (no ranking).  Triggers keep it
 * in step with every insert, update and delete, whoever makes them.
 *
 * journal_fts_queue: every change to the index goes through it.  A
 * trigger on it writes the change into journal_fts at once and deletes
 * it, unless the queue holds its mark (the row seq 0): then changes wait
 * there until wn_db_index_write() writes them in one statement.  An
 * import sets the mark inside its transaction (no other connection ever
 * sees it): FTS5 writes out what it holds at every statement savepoint,
 * which made an index write per day of an import (+29% instructions);
 * queued, the import writes the index once, in key order.  Empty
 * otherwise. */
#define FTS_KEY(d, kind, id) "((CAST(julianday(" d ") AS INTEGER) << 40) | (" kind " << 38)" \
	" | ((" id ") & 274877906943))"
/* A change queued: the key's parts (the key is made where the queue is
 * read), NULL text ends up as no change. */
#define FTS_WRITE(cmd, d, kind, id, text) " INSERT INTO journal_fts_queue(cmd, date, kind," \
	" id, text) SELECT " cmd ", " d ", " kind ", " id ", " text " WHERE " text " IS NOT NULL;"
#define FTS_ADD(d, kind, id, text) FTS_WRITE("NULL", d, kind, id, text)
#define FTS_DEL(d, kind, id, text) FTS_WRITE("'delete'", d, kind, id, text)
const char *const wn_db_schema_v5[] = {
	"CREATE VIEW journal_text(key, text) AS"
	" SELECT " FTS_KEY("date", "0", "0") ", note FROM checkin WHERE note IS NOT NULL"
	" UNION ALL SELECT " FTS_KEY("date", "1", "id") ", text FROM quicknote"
	" UNION ALL SELECT " FTS_KEY("date", "2", "id") ", text FROM question"
	" UNION ALL SELECT " FTS_KEY("date", "3", "id") ", answer FROM question"
	"  WHERE answer IS NOT NULL;",
	"CREATE VIRTUAL TABLE journal_fts USING fts5(text, content = 'journal_text',"
	" content_rowid = 'key', columnsize = 0,"
	" tokenize = 'unicode61 remove_diacritics 2');",
	"CREATE TABLE journal_fts_queue ("
	" seq INTEGER PRIMARY KEY,"
	" cmd TEXT CHECK (cmd IS NULL OR cmd = 'delete'),"
	" date TEXT NOT NULL,"
	" kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),"
	" id INTEGER NOT NULL,"
	" text TEXT NOT NULL) STRICT;",
	"CREATE TRIGGER journal_fts_write AFTER INSERT ON journal_fts_queue"
	" WHEN NOT EXISTS (SELECT 1 FROM journal_fts_queue WHERE seq = 0) BEGIN"
	" INSERT INTO journal_fts(journal_fts, rowid, text) VALUES (new.cmd, "
	FTS_KEY("new.date", "new.kind", "new.id") ", new.text);"
	" DELETE FROM journal_fts_queue WHERE seq = new.seq; END;",

	"CREATE TRIGGER checkin_fts_insert AFTER INSERT ON checkin BEGIN"
	FTS_ADD("new.date", "0", "0", "new.note") " END;",
	"CREATE TRIGGER checkin_fts_delete AFTER DELETE ON checkin BEGIN"
	FTS_DEL("old.date", "0", "0", "old.note") " END;",
	"CREATE TRIGGER checkin_fts_update AFTER UPDATE OF date, note ON checkin"
	" WHEN old.note IS NOT new.note OR old.date IS NOT new.date BEGIN"
	FTS_DEL("old.date", "0", "0", "old.note")
	FTS_ADD("new.date", "0", "0", "new.note") " END;",

	"CREATE TRIGGER quicknote_fts_insert AFTER INSERT ON quicknote BEGIN"
	FTS_ADD("new.date", "1", "new.id", "new.text") " END;",
	"CREATE TRIGGER quicknote_fts_delete AFTER DELETE ON quicknote BEGIN"
	FTS_DEL("old.date", "1", "old.id", "old.text") " END;",
	"CREATE TRIGGER quicknote_fts_update AFTER UPDATE OF id, date, text ON quicknote"
	" WHEN old.text IS NOT new.text OR old.date IS NOT new.date OR old.id IS NOT new.id"
	" BEGIN"
	FTS_DEL("old.date", "1", "old.id", "old.text")
	FTS_ADD("new.date", "1", "new.id", "new.text") " END;",

	"CREATE TRIGGER question_fts_insert AFTER INSERT ON question BEGIN"
	FTS_ADD("new.date", "2", "new.id", "new.text")
	FTS_ADD("new.date", "3", "new.id", "new.answer") " END;",
	"CREATE TRIGGER question_fts_delete AFTER DELETE ON question BEGIN"
	FTS_DEL("old.date", "2", "old.id", "old.text")
	FTS_DEL("old.date", "3", "old.id", "old.answer") " END;",
	"CREATE TRIGGER question_fts_update AFTER UPDATE OF id, date, text, answer ON question"
	" WHEN old.text IS NOT new.text OR old.answer IS NOT new.answer"
	" OR old.date IS NOT new.date OR old.id IS NOT new.id BEGIN"
	FTS_DEL("old.date", "2", "old.id", "old.text")
	FTS_DEL("old.date", "3", "old.id", "old.answer")
	FTS_ADD("new.date", "2", "new.id", "new.text")
	FTS_ADD("new.date", "3", "new.id", "new.answer") " END;",
	NULL,
};

/* The index of the texts a diary has when it reaches version 5. */
int wn_db_fill_journal_index(struct wn_db *db, struct wn_err *err)
{
	return wn_db_exec(db, "INSERT INTO journal_fts(journal_fts) VALUES ('rebuild')",
	                  "build the journal's search index", err);
}

/* The schemas whose triggers an import pauses: the charts' summary
 * (schema_v7.c) and the days' sums (schema_v9.c). */
static const char *const *const paused[] = { wn_db_schema_v7, wn_db_schema_v9 };
#define N_PAUSED (sizeof paused / sizeof *paused)
#define TRIGGER "CREATE TRIGGER "

int wn_db_index_defer(struct wn_db *db, struct wn_err *err)
{
	int rc = wn_db_exec(db, "INSERT INTO journal_fts_queue(seq, date, kind, id, text)"
	                    " VALUES (0, '', 0, 0, '')",
	                    "start writing the journal's search index", err);
	/* the charts' summary and the days' sums too: their triggers go until
	 * the end, where they come back and both are written whole */
	for (size_t k = 0; k < N_PAUSED; k++)
		for (size_t i = 0; rc == WN_OK && paused[k][i]; i++) {
			const char *t = paused[k][i], *name = t + strlen(TRIGGER);
			if (strncmp(t, TRIGGER, strlen(TRIGGER)) != 0)
				continue;
			char sql[96];
			snprintf(sql, sizeof sql, "DROP TRIGGER %.*s", (int)strcspn(name, " "), name);
			rc = wn_db_exec(db, sql, "pause the charts' summary", err);
		}
	return rc;
}

int wn_db_index_write(struct wn_db *db, struct wn_err *err)
{
	/* in key order (FTS5 writes out what it holds when keys go down), a
	 * key's changes in the order they were made */
	int rc = wn_db_exec(db, "INSERT INTO journal_fts(journal_fts, rowid, text)"
	                    " SELECT cmd, " FTS_KEY("date", "kind", "id") ", text"
	                    " FROM journal_fts_queue WHERE seq > 0 ORDER BY date, kind, id, seq;"
	                    " DELETE FROM journal_fts_queue",
	                    "write the journal's search index", err);
	/* and the charts' summary and the days' sums, paused since
	 * wn_db_index_defer: their triggers again, and both whole from one
	 * pass over the records */
	for (size_t k = 0; k < N_PAUSED; k++)
		for (size_t i = 0; rc == WN_OK && paused[k][i]; i++)
			if (!strncmp(paused[k][i], TRIGGER, strlen(TRIGGER)))
				rc = wn_db_exec(db, paused[k][i], "resume the charts' summary", err);
	return rc == WN_OK ? wn_db_sums_fill(db, err) : rc;
}
