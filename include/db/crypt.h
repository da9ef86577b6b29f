/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crypt.h -- an encrypted diary (issue 20): whether a diary is, and
 * turning it encrypted, plain again, or to a new passphrase.  Opening one
 * asks for its passphrase through wn_db_opts.passphrase (db/db.h). */
#ifndef WEAN_DB_CRYPT_H
#define WEAN_DB_CRYPT_H

#include <stdbool.h>

#include "core/status.h"

struct wn_db;

/* True when the open diary is encrypted. */
bool wn_db_encrypted(const struct wn_db *db);

/* Whether the file at path starts as an encrypted diary does (false
 * when it cannot be read: opening it says why). */
bool wn_db_file_encrypted(const char *path);

struct wn_db_opts;

/* Gives the file layer the key of the encrypted backup at path, before
 * wn_db_restore_open (db/restore.h) reads it; a plain file: nothing done.
 * The key of db (the diary restored into; NULL: none) when the backup has
 * the same salt and passphrase -- every backup `wean backup` made of it
 * since its last `wean passphrase`: nothing asked, no second key
 * derivation -- else the passphrase from o->passphrase (asked for path;
 * NULL: refused).  WN_NOPERM for a wrong or missing passphrase,
 * WN_DATAERR for a damaged header, WN_USAGE for a file whose key is given
 * already (the open diary itself); nothing is written.
 * wn_db_restore_close forgets the key. */
int wn_db_unlock_backup(const struct wn_db *db, const char *path, const struct wn_db_opts *o,
                        struct wn_err *err);

/* A new diary at path (missing: WN_CANTCREAT if it appeared meanwhile)
 * that is an encrypted one with no page yet, under the key and passphrase
 * of the encrypted backup `like` (unlocked by wn_db_unlock_backup): its
 * header cloned with a new id, written beside path and renamed into place
 * (folders made, 0700; the file 0600).  Opened with that passphrase, it
 * takes the backup's pages sealed from the first one (a restore into no
 * diary, so that no plain copy is ever written). */
int wn_db_create_encrypted_like(const char *path, const char *like, struct wn_err *err);

/* Rewrites the open diary encrypted with new_pass (Argon2id, a new salt),
 * or plain when new_pass is NULL, and closes it (*dbp becomes NULL,
 * whatever the result).  The copy is made beside the diary and renamed
 * over it: the old diary stays whole until then. */
int wn_db_rewrite(struct wn_db **dbp, const char *new_pass, struct wn_err *err);

#endif
