/* db.h -- the diary file: opening it, transactions, checking, backups and
 * small settings.  One SQLite file per user; no curses, no prompts.  The
 * records themselves: db/day.h, db/med.h, db/symptoms.h and the other
 * db/ headers.  SQLite itself is hidden: no db/ header includes it.
 *
 * Contract
 * - wn_db_open() finds or creates the file (directory 0700, file 0600
 *   whatever the umask), sets WAL, foreign keys and a busy timeout, checks
 *   that the file is a wean diary (PRAGMA application_id) and migrates it
 *   forward (each migration in a transaction, after a backup copy
 *   "<path>.bak-v<N>").  A file from a newer wean, a file that is not a
 *   SQLite database, or another program's SQLite database is refused and
 *   left byte-for-byte untouched.
 * - Every write function below runs inside the caller's transaction when
 *   one is open (wn_db_begin/commit), otherwise in its own.  One user
 *   action = one transaction: the CLI wraps a whole `checkin` in one.
 * - Strings in output structs are either fixed arrays or malloc'd (marked
 *   "owned"); the matching *_free() releases them.
 * - All functions return a wn_status; details go into err.  A locked
 *   diary yields WN_TEMPFAIL after the busy timeout.
 * - Dates are wn_date day numbers, stored as 'YYYY-MM-DD' text.
 *   Times of day are minutes after midnight (0..1439), -1 = none.
 */
#ifndef WEAN_DB_H
#define WEAN_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"

#define WN_SCHEMA_VERSION 3
#define WN_APPLICATION_ID 0x5745414e /* 'WEAN' */

struct wn_db;

/* ---- opening ------------------------------------------------------------ */

struct wn_db_opts {
	const char *path;    /* diary file; required */
	bool create;         /* create the file (and its directory) if missing */
	int busy_ms;         /* busy timeout, 0 = default 3000 ms */
};

int wn_db_open(struct wn_db **out, const struct wn_db_opts *opts,
               struct wn_err *err);
void wn_db_close(struct wn_db *db);

const char *wn_db_path(const struct wn_db *db);

/* Is path the diary itself or one of SQLite's files beside it (-wal,
 * -shm, -journal)?  By identity (device and inode, so a hard link or
 * another spelling of the path counts) where the file exists, and by
 * its resolved directory and name where it does not (a -journal comes and
 * goes).  Every output wean writes (exports, reports, backups) refuses
 * such a path. */
bool wn_db_owns_path(const struct wn_db *db, const char *path);

/* Writes an export or a report to path (core/fileio.h's atomic write),
 * refusing the diary and its files (wn_db_owns_path): WN_CANTCREAT. */
int wn_db_write_output(const struct wn_db *db, const char *path, const char *data,
                       size_t len, bool force, struct wn_err *err);

/* Transactions (BEGIN IMMEDIATE).  Not nestable. */
int wn_db_begin(struct wn_db *db, struct wn_err *err);
int wn_db_commit(struct wn_db *db, struct wn_err *err);
void wn_db_rollback(struct wn_db *db);

/* PRAGMA integrity_check plus the app's consistency rules; each problem
 * is passed to report() as one line.  Returns WN_OK when all is well,
 * WN_DATAERR when problems were found. */
int wn_db_check(struct wn_db *db, void (*report)(void *ctx, const char *line),
                void *ctx, struct wn_err *err);

/* Copy the whole diary to path with SQLite's online backup API: written to
 * a temporary file in the same directory (mode 0600), then renamed over
 * path.  On failure path is unchanged and no temporary file is left.
 * WN_USAGE if path is the diary itself; WN_CANTCREAT/WN_IOERR otherwise.
 * Used by `wean backup` and before every migration ("<path>.bak-v<N>"). */
int wn_db_backup_to(struct wn_db *db, const char *path, struct wn_err *err);
/* The same; without force an existing path is refused (WN_CANTCREAT,
 * atomically: the copy is linked into place). */
int wn_db_backup_file(struct wn_db *db, const char *path, bool force,
                      struct wn_err *err);

/* Small key/value settings (e.g. "last_report_to"). buf gets "" if unset. */
int wn_db_meta_get(struct wn_db *db, const char *key, char *buf, size_t n,
                   struct wn_err *err);
int wn_db_meta_set(struct wn_db *db, const char *key, const char *value,
                   struct wn_err *err);

#endif
