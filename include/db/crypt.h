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

/* Rewrites the open diary encrypted with new_pass (Argon2id, a new salt),
 * or plain when new_pass is NULL, and closes it (*dbp becomes NULL,
 * whatever the result).  The copy is made beside the diary and renamed
 * over it: the old diary stays whole until then. */
int wn_db_rewrite(struct wn_db **dbp, const char *new_pass, struct wn_err *err);

#endif
