/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 * - Every wean that has the diary open holds a shared lock (flock) on
 *   "<path>-wean.lock" beside it (made 0600; the last wean to close the
 *   diary removes it, a lock taken on a file that lost its name is taken
 *   again); the kernel drops the lock when the process ends, kill -9
 *   included.  An open with
 *   .alone takes it exclusively instead (restore) and keeps it until
 *   wn_db_close; meanwhile other opens wait up to the busy timeout, then
 *   WN_TEMPFAIL.  When the lock file cannot be made (a read-only folder)
 *   the diary is opened without it (SQLite's own locks still hold).
 * - While no other wean has the diary open, an open first removes stale
 *   temporary files ("NAME.tmp-XXXXXX", core/fileio.h) of killed
 *   backups and exports: regular files of this user, unchanged for
 *   WN_DB_STALE_SECONDS, in the diary's folder and its backups folder
 *   (a folder others may write to, such as /tmp, is left alone).
 * - The lock file, like SQLite's -wal and -shm, is named after the
 *   diary's real path (a symbolic link to the diary shares its lock).
 * - The diary and its -wal, -shm and lock file must belong to this user
 *   (else WN_NOPERM, exit 77); any of them that others may read or write
 *   loses the group's and others' bits (0666 becomes 0600) and
 *   opts->notice says so once.
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

#define WN_SCHEMA_VERSION 9
#define WN_APPLICATION_ID 0x5745414e /* 'WEAN' */

struct wn_db;

/* ---- opening ------------------------------------------------------------ */

#define WN_DB_LOCK_SUFFIX "-wean.lock"
#define WN_DB_STALE_SECONDS 600   /* a temporary file this old is stale */

struct wn_db_opts {
	const char *path;    /* diary file; required */
	bool create;         /* create the file (and its directory) if missing */
	bool alone;          /* refuse (WN_TEMPFAIL) while another wean has the
	                        diary open, and keep others out until close */
	int busy_ms;         /* busy timeout, 0 = default 3000 ms */
	/* Told one line (no "wean: ", no newline) about what the open did
	 * or could not do on the side: modes made private, a stale file
	 * that could not be removed.  NULL: nothing is said. */
	void (*notice)(void *ctx, const char *line);
	void *notice_ctx;
	/* An encrypted diary's passphrase into out (cap bytes, NUL-ended):
	 * asked only when the file is encrypted.  NULL: such a diary is
	 * refused (WN_NOPERM). */
	int (*passphrase)(void *ctx, const char *path, char *out, size_t cap,
	                  struct wn_err *err);
	void *pass_ctx;
	/* Minutes the derived key is kept in the kernel's keyring, so that
	 * the next open does not ask (db/keycache.h); 0: not kept. */
	int key_cache_minutes;
};
#define WN_DB_PASS_MAX 1024

int wn_db_open(struct wn_db **out, const struct wn_db_opts *opts,
               struct wn_err *err);
void wn_db_close(struct wn_db *db);

const char *wn_db_path(const struct wn_db *db);

/* Is path the diary itself or one of the files beside it (-wal, -shm,
 * -journal, the lock file)?  By identity (device and inode, so a hard link or
 * another spelling of the path counts) where the file exists, and by
 * its resolved directory and name where it does not (a -journal comes and
 * goes).  Every output wean writes (exports, reports, backups) refuses
 * such a path. */
bool wn_db_owns_path(const struct wn_db *db, const char *path);

/* Writes an export or a report to path (core/fileio.h's atomic write),
 * refusing the diary and its files (wn_db_owns_path): WN_CANTCREAT. */
int wn_db_write_output(const struct wn_db *db, const char *path, const char *data,
                       size_t len, bool force, struct wn_err *err);

/* The same for output made in pieces: refuses the diary and its files
 * (WN_CANTCREAT), then wn_file_stage_open (core/fileio.h).  The caller
 * writes with wn_file_stage_write and ends with wn_file_stage_close. */
struct wn_file_stage;
int wn_db_output_open(const struct wn_db *db, const char *path, bool force,
                      struct wn_file_stage *s, struct wn_err *err);

/* Transactions (BEGIN IMMEDIATE).  Not nestable. */
int wn_db_begin(struct wn_db *db, struct wn_err *err);
int wn_db_commit(struct wn_db *db, struct wn_err *err);
void wn_db_rollback(struct wn_db *db);

/* PRAGMA integrity_check plus the app's consistency rules, and the modes
 * of the diary's files and backups (any that others may read is a
 * problem); each problem is passed to report() as one line.  Returns WN_OK when all is well,
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
