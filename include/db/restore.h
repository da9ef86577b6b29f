/* SPDX-License-Identifier: GPL-3.0-or-later */
/* restore.h -- putting a backup back in the diary's place (`wean restore`).
 *
 * Order, and what each step promises:
 * 1. wn_db_restore_open() checks the backup without changing a byte: a
 *    regular file that is a wean diary of a schema this wean reads (the
 *    identification of db.h), with tables, passing PRAGMA
 *    integrity_check.  The read-only connection it opens is the one the
 *    copy is later read from, so what was checked is what is copied.
 * 2. The caller opens the diary with wn_db_opts.alone (no other wean may
 *    have it open while it is replaced; WN_TEMPFAIL otherwise).
 * 3. wn_db_restore() keeps the diary as it is in r->keep (SQLite's online
 *    backup, which copies pages: a damaged diary is kept with its damaged
 *    pages as they are), then copies the backup INTO the diary with
 *    the online backup API through the diary's own connection: one write
 *    transaction, so its write-ahead log and locks stay SQLite's and
 *    nothing of an old -wal mixes in, and a failure (a full disk) leaves
 *    the diary as it was.  Then PRAGMA integrity_check on the diary, and
 *    the migrations an open would run (a backup of an older schema).
 */
#ifndef WEAN_DB_RESTORE_H
#define WEAN_DB_RESTORE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/status.h"

struct wn_db;
struct wn_restore_src;           /* a checked backup, open read-only */

struct wn_restore {
	const char *keep;        /* the diary is kept here first (a new file);
	                            NULL when there is nothing to keep (the
	                            diary was made just now) */
	/* filled in by wn_db_restore: */
	long from_version;       /* the backup's schema */
	long checkins;           /* check-ins in the diary now */
	wn_date last;            /* the latest one, WN_DATE_NONE for none */
};

/* Checks the backup at path (step 1).  WN_OK with *src to be closed;
 * WN_NOINPUT when there is no such file; WN_DATAERR when it is not a
 * regular file, not a wean diary, from a newer wean, without tables or
 * damaged (the message says which); WN_IOERR when it cannot be read;
 * WN_NOPERM for an encrypted backup whose key was not given first
 * (wn_db_unlock_backup, db/crypt.h). */
int wn_db_restore_open(const char *path, struct wn_restore_src **src,
                       struct wn_err *err);
void wn_db_restore_close(struct wn_restore_src *src);

/* Step 3, on a diary opened alone.  WN_USAGE when the backup is the
 * diary itself or one of its files, or a plain backup and the diary is
 * encrypted (its pages have no room for a seal: decrypt, restore,
 * encrypt); an encrypted backup's pages are opened with its key and
 * sealed again with the diary's (an encrypted diary stays encrypted); r->keep's failures as
 * wn_db_backup_file's, nothing else done (WN_DATAERR for a diary it
 * cannot copy); a failed copy (the
 * disk full: WN_IOERR) leaves the diary as it was; WN_DATAERR when the
 * diary fails the integrity check after the copy (the message names
 * r->keep). */
int wn_db_restore(struct wn_db *db, struct wn_restore_src *src,
                  struct wn_restore *r, struct wn_err *err);

#endif
