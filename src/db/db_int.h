/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_int.h -- private to the db layer (the files of src/db): the handle, the one
 * statement cache, the one SQLite error mapper, the one transaction helper,
 * binding and reading dates and times, and reading rows.  The only header
 * that includes <sqlite3.h>; nothing outside src/db sees it (the unit
 * tests may, to look into a diary file). */
#ifndef WEAN_DB_INT_H
#define WEAN_DB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "core/pagecrypt.h"

#include "core/date.h"
#include "core/status.h"
#include "core/records.h"
#include "db/db.h"

#define WN_NOW_SQL "strftime('%Y-%m-%d %H:%M:%S','now')"

struct wn_db {
	sqlite3 *sql;
	char *path;                      /* owned copy of opts->path */
	struct wn_db_cached {
		const char *sql;         /* identity: a static string's address */
		sqlite3_stmt *st;
	} *cache;                        /* grows as statements are added */
	size_t n_cache, cap_cache;
	int busy_ms;                     /* the busy timeout set at open */
	int lock_fd;                     /* on lock_name, -1 = none */
	struct wn_db_crypt *crypt;       /* an encrypted diary's, or NULL */
	char *lock_name;                 /* "<real path>-wean.lock", owned */
};

/* An encrypted diary's header and key (crypt.c). */
struct wn_db_crypt {
	unsigned char hdr[WN_PC_HEADER];
	struct wn_pc_key key;
};

/* Before SQLite opens o->path: when it is encrypted, asks for the
 * passphrase, checks it and hands the key to the VFS. */
int wn_db_crypt_unlock(struct wn_db *db, const struct wn_db_opts *o, struct wn_err *err);
/* Wipes and frees db->crypt (wn_db_close). */
void wn_db_crypt_free(struct wn_db *db);
/* For a copy of an encrypted diary being made in tmp (open as fd, empty):
 * its header (same key, its own id), and its key given to the VFS. */
int wn_db_crypt_copy_header(struct wn_db *db, const char *tmp, int fd, struct wn_err *err);

/* What a file says about itself (PRAGMAs and sqlite_schema size). */
struct wn_ident {
	long appid;
	long version;
	long nobjects;                   /* rows in sqlite_schema */
};

/* sqlite3_open_v2 of a file name, never a URI (even "file:x" is a file
 * in the current directory). */
int wn_db_open_file(const char *path, sqlite3 **out, int flags);

/* The raw handle (the unit tests look into the file with it). */
sqlite3 *wn_db_sqlite(struct wn_db *db);

/* ---- the journal's search index (schema.c) ------------------------------ */

/* Inside a transaction of many changes (an import): from now on the
 * triggers queue their changes to the journal's search index instead of
 * writing it, and the charts' summary (schema_v7.c) and the days' sums
 * (schema_v9.c) have no triggers, until wn_db_index_write() writes them
 * all at once (in key order), empties the queue, makes the triggers again
 * and writes both sums whole from the records.  The caller's transaction
 * must end with wn_db_index_write() before it commits (or roll back). */
int wn_db_index_defer(struct wn_db *db, struct wn_err *err);
int wn_db_index_write(struct wn_db *db, struct wn_err *err);

/* ---- db.c helpers ------------------------------------------------------- */

/* A cached prepared statement for a static SQL string (compared by
 * address), reset and with bindings cleared, in *st.  The caller resets it
 * after use; it stays owned by db (finalized by wn_db_close).  The cache
 * grows with the statements used (WN_ERR only when out of memory). */
int wn_db_stmt(struct wn_db *db, const char *sql, sqlite3_stmt **st,
                    struct wn_err *err);
/* The one mapper of SQLite result codes: a status and a one-line message.
 * `what` says what was being done ("save the check-in").  Every fault has
 * one wording whatever the command: a damaged file (SQLITE_CORRUPT,
 * SQLITE_NOTADB) is WN_DATAERR "the diary is damaged; `wean check` says
 * where; your latest backup is PATH" (wn_db_backup_latest, or "...; there
 * is no backup of it yet"); an I/O error WN_IOERR; a full disk WN_IOERR;
 * busy or locked WN_TEMPFAIL; not writable WN_CANTCREAT; a refused value
 * WN_DATAERR; out of memory and anything else WN_ERR.  Returns the status. */
int wn_db_sqlerr(struct wn_db *db, int rc, const char *what,
                      struct wn_err *err);
/* The same for a connection that is not (yet) a struct wn_db (schema.c's
 * read-only probe): path is the diary's file, sql may be NULL. */
int wn_db_sqlerr_at(const char *path, sqlite3 *sql, int rc, const char *what,
                    struct wn_err *err);
/* Run SQL without parameters (fixed text only, never user text). */
int wn_db_exec(struct wn_db *db, const char *sql, const char *what,
                    struct wn_err *err);
/* A read snapshot over several queries (a deferred BEGIN), unless the
 * caller has a transaction open: *own says whether this call began one;
 * WN_OK when the queries that follow see one snapshot (this one or the
 * caller's).  A write made in it fails, in WAL, when another connection
 * committed since the snapshot began.  snapshot_end commits what this
 * call began (rolls back when that fails). */
int wn_db_snapshot_begin(struct wn_db *db, bool *own, const char *what,
                         struct wn_err *err);
void wn_db_snapshot_end(struct wn_db *db, bool own);
/* Write transactions that join the caller's: enter sets *own when it began
 * its own (BEGIN IMMEDIATE), otherwise it uses a savepoint.  leave commits
 * (releases) when rc is WN_OK, else rolls back; returns the final status. */
int wn_db_tx_enter(struct wn_db *db, bool *own, struct wn_err *err);
int wn_db_tx_leave(struct wn_db *db, bool own, int rc,
                        struct wn_err *err);

/* Dates as 'YYYY-MM-DD' text (WN_DATE_NONE for NULL or malformed);
 * minutes of the day as INTEGER, NULL for -1. */
int wn_db_bind_date(sqlite3_stmt *st, int idx, wn_date date);
wn_date wn_db_col_date(sqlite3_stmt *st, int col);
void wn_db_bind_minute(sqlite3_stmt *st, int idx, int minute);
int wn_db_col_minute(sqlite3_stmt *st, int col);
/* Text column into a fixed buffer (truncated), or a malloc'd copy:
 * col_dup returns 0 (with *out NULL for SQL NULL) or -1 out of memory. */
void wn_db_col_copy(sqlite3_stmt *st, int col, char *buf, size_t n);
int wn_db_col_dup(sqlite3_stmt *st, int col, char **out);

/* Validation, WN_DATAERR with a message naming `what`: core's
 * wn_text_check (core/text.h).
 * check_text: a NOTE (newline and tab allowed) when multiline, else a
 * LINE, of at most max bytes.
 * check_name: a NAME of 1..max bytes (no control, bidi or invisible
 * character, no space at either end), NUL-terminated within cap bytes. */
int wn_db_check_text(const char *what, const char *s, size_t max,
                          bool multiline, struct wn_err *err);
int wn_db_check_name(const char *what, const char *s, size_t cap,
                          size_t max, struct wn_err *err);
int wn_db_check_date(wn_date d, struct wn_err *err);
int wn_db_check_minute(int minute, struct wn_err *err);

/* A statement prepared for one use (the caller finalizes it); for SQL
 * that runs often, wn_db_stmt's cache instead. */
int wn_db_prepare(struct wn_db *db, const char *sql, sqlite3_stmt **st,
                  struct wn_err *err);
/* Steps st: true while a row is ready.  At the end it returns false with
 * *rc WN_OK; on any error false with *rc the mapped status (an error is
 * never taken for "no more rows"):
 *     int rc;
 *     while (wn_db_row(db, st, "read the days", &rc, err)) ...
 *     if (rc != WN_OK) ... */
bool wn_db_row(struct wn_db *db, sqlite3_stmt *st, const char *what, int *rc,
               struct wn_err *err);
/* Steps a statement once (a write or a one-row read whose row is not
 * wanted), then finalizes it.  WN_OK or the mapped error. */
int wn_db_run(struct wn_db *db, sqlite3_stmt *st, const char *what,
              struct wn_err *err);
/* v when above 0, else NULL; text when not NULL or "", else NULL. */
void wn_db_bind_opt(sqlite3_stmt *st, int idx, double v);
void wn_db_bind_text_opt(sqlite3_stmt *st, int idx, const char *s);

/* Ends a statement stepped once with result rc: resets it and returns
 * WN_OK for SQLITE_DONE/ROW, else the mapped error. */
int wn_db_finish(struct wn_db *db, sqlite3_stmt *st, int rc,
                      const char *what, struct wn_err *err);

/* Reads one row into a zeroed item: 0, or -1 when out of memory. */
typedef int (*wn_db_row_reader)(sqlite3_stmt *st, void *item);
struct wn_db_rows {
	size_t size;                     /* of one item */
	wn_db_row_reader read;
	const char *what;                /* "list the symptoms" */
};
/* Every row of st into a malloc'd array (*out, *n), set even on failure
 * (the items read so far); st is reset. */
int wn_db_collect(struct wn_db *db, sqlite3_stmt *st,
                       const struct wn_db_rows *r, void **out, size_t *n,
                       struct wn_err *err);
/* The one row of st into item: WN_OK, WN_NOINPUT (message unset) when
 * there is none, or the mapped error; st is reset. */
int wn_db_fetch_one(struct wn_db *db, sqlite3_stmt *st,
                    const struct wn_db_rows *r, void *item, struct wn_err *err);

/* A record found by name as wean matches names (core's wn_text_same_name:
 * case folded in every script, NFC).  sql (static) lists the candidates
 * with the name in column 1, in the order that decides between names
 * folding the same (an older diary may hold "Сертралин" and "сертралин"):
 * a byte-for-byte match wins, else the first folded one. */
struct wn_db_match {
	const char *sql;
	struct wn_db_rows rows;          /* size, reader and what of one row */
	const char *name;                /* looked for */
};
/* WN_OK with the row in item; WN_NOINPUT (message unset) when no name
 * matches; the mapped error otherwise. */
int wn_db_find_name(struct wn_db *db, const struct wn_db_match *m, void *item,
                    struct wn_err *err);

/* ---- schema.c ----------------------------------------------------------- */

/* Decide, without changing a byte, whether the existing file at o->path
 * may be opened: *fresh is set for a zero-length or table-less SQLite file
 * (to be initialised).  WN_DATAERR with the refusal message otherwise. */
int wn_db_identify(const struct wn_db_opts *o, bool *fresh,
                        struct wn_err *err);
/* A read-only connection to the file at path that leaves no trace: a
 * WAL file (wal) without a -wal beside it is complete in itself and is
 * read "immutable" (no locks, no -shm); with a -wal present some
 * connection is using it, and a plain read-only open finds the files it
 * needs already there.  SQLite's result; *out to be closed even on
 * failure. */
int wn_db_open_ro(const char *path, bool wal, int busy_ms, sqlite3 **out);
/* What the file open on sql says about itself (SQLite's result), and
 * the verdict wn_db_identify gives on it: WN_OK (*fresh for a file
 * without tables) or WN_DATAERR with the refusal. */
int wn_db_ident_read(sqlite3 *sql, struct wn_ident *id);
int wn_db_ident_judge(const char *path, const struct wn_ident *id, bool *fresh,
                      struct wn_err *err);
/* Copies the whole of src's main database into dst's with SQLite's
 * online backup API, in one step (retried while busy); SQLite's result
 * (SQLITE_OK when done). */
int wn_db_backup_run(sqlite3 *dst, sqlite3 *src);
/* Bring the open diary to WN_SCHEMA_VERSION (backup first when an
 * existing versioned file is migrated). */
int wn_db_migrate(struct wn_db *db, struct wn_err *err);

/* ---- files.c: the files beside the diary (db.h's contract) -------------- */

/* WN_NOPERM when the diary or its -wal, -shm or lock file belongs to
 * another user. */
int wn_db_files_owner(const char *path, struct wn_err *err);
/* After the file is identified: takes the lock (db->lock_fd, shared, or
 * exclusive for o->alone), removes stale temporary files when no other
 * wean has the diary open, and makes the diary's files 0600 (one
 * notice).  WN_TEMPFAIL when the lock cannot be had. */
int wn_db_files_guard(struct wn_db *db, const struct wn_db_opts *o,
                      struct wn_err *err);
/* Closes the lock file, which drops the lock; removes it when no other
 * wean has the diary open.  Frees lock_name. */
void wn_db_files_unlock(struct wn_db *db);
/* For wn_db_check: each of the diary's files, its backups folder and its
 * backups that others may use, as a problem line; counts them. */
void wn_db_files_check(const struct wn_db *db,
                       void (*report)(void *ctx, const char *line), void *ctx,
                       long *problems);

#endif
