/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backups.h -- finding a diary's backups and naming a new one (no SQLite).
 *
 * A diary at DIR/NAME has two kinds of backup:
 * - the copies `wean backup` makes without a FILE:
 *   "DIR/backups/wean-YYYY-MM-DD.db", then "-2", "-3" ... the same day;
 * - the copy taken before each migration: "DIR/NAME.bak-v<N>" (N the
 *   schema version it had).
 * A backup written elsewhere with `wean backup FILE` is not known here.
 */
#ifndef WEAN_DB_BACKUPS_H
#define WEAN_DB_BACKUPS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"

#define WN_BACKUP_DIR "backups"     /* beside the diary */

/* The newest backup of the diary at `diary`: the regular, non-empty file
 * of those above modified last (of two at the same time, the name that
 * sorts last).  true with its path in out (n bytes); false, with out "",
 * when there is none or its path does not fit in n.  Reads directories
 * and file times only. */
bool wn_db_backup_latest(const char *diary, char *out, size_t n);

/* Calls fn(ctx, path) for each file named as a backup above (whatever it
 * is: a caller that wants regular files checks), the diary's folder
 * first, then its backups folder; names too long for PATH_MAX are
 * passed over.  Reads directory entries only. */
void wn_db_backups_each(const char *diary, void (*fn)(void *ctx, const char *path),
                        void *ctx);

/* The name of the next backup of the day in the diary's backups folder
 * ("DIR/backups/wean-YYYY-MM-DD.db", then -2 ... -99 the same day), the
 * folder made (mode 0700) when missing, into out (n bytes); nothing is
 * written there yet (db/db.h's wn_db_backup_file writes it).
 * WN_CANTCREAT when the folder cannot be made, the name does not fit or
 * the day has 99 backups already. */
int wn_db_backup_name(const char *diary, wn_date today, char *out, size_t n,
                      struct wn_err *err);

#endif
