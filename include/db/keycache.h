/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keycache.h -- an encrypted diary's key kept for a few minutes in the
 * kernel's keyring (issue 20), so that commands run one after another do
 * not ask for the passphrase each time.  Off by default ([security]
 * cache_minutes = 0); at most WN_KEYCACHE_MAX_MINUTES; never on the disk
 * (the kernel holds it in memory, and drops it when its time is up).
 *
 * What is kept is the derived key (not the passphrase), in the user's
 * keyring as a "user" key named "wean:diary:<file id in hex>", readable
 * by this user's processes only.  A key found there is used only when the
 * diary's check block opens under it; `wean passphrase` and `wean
 * decrypt` drop it. */
#ifndef WEAN_DB_KEYCACHE_H
#define WEAN_DB_KEYCACHE_H

#include <stdbool.h>

#include "core/pagecrypt.h"

#define WN_KEYCACHE_MAX_MINUTES 15

/* The key kept for the file id, into key: true when there is one. */
bool wn_keycache_get(const unsigned char id[WN_PC_ID], unsigned char key[WN_PC_KEY]);

/* Keeps key for the file id for minutes (1..WN_KEYCACHE_MAX_MINUTES;
 * more is taken as the maximum, 0 or less keeps nothing).  Quietly does
 * nothing when the kernel has no keyring for us. */
void wn_keycache_put(const unsigned char id[WN_PC_ID], const unsigned char key[WN_PC_KEY],
                     int minutes);

/* Drops what is kept for the file id. */
void wn_keycache_drop(const unsigned char id[WN_PC_ID]);

#endif
