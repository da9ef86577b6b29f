/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cryptvfs.h -- the SQLite VFS of an encrypted diary (issue 20).
 *
 * A shim over SQLite's default VFS, registered as "wean-crypt": the main
 * database file is shifted by the plain header (core/pagecrypt.h) and
 * each of its pages is sealed on write and opened on read; the WAL's
 * frames are sealed the same way, bound to their page number and salts.
 * WAL, locking and crash recovery stay SQLite's own.  The -shm file holds
 * only SQLite's index of the WAL (page and frame numbers, salts), no
 * diary text.  Rollback journals and temporary files are refused (an
 * encrypted diary runs in WAL mode with temp_store = MEMORY), so nothing
 * plain can reach the disk by them.
 *
 * A file is opened through the VFS only after its key was given with
 * wn_cryptvfs_add (by its full path, as SQLite names it); a page that does
 * not open is SQLITE_IOERR_DATA ("the diary is damaged"), never garbage.
 */
#ifndef WEAN_CRYPTVFS_H
#define WEAN_CRYPTVFS_H

#include "core/pagecrypt.h"
#include "core/status.h"

#define WN_CRYPTVFS_NAME "wean-crypt"

/* Registers the VFS (once; not as the default). */
int wn_cryptvfs_register(struct wn_err *err);

/* The key of the encrypted file at path (made absolute here); replaces an
 * earlier key for the same file.  At most a few files at once. */
int wn_cryptvfs_add(const char *path, const struct wn_pc_key *k, struct wn_err *err);

/* WN_CRYPTVFS_NAME when path's key was given, else NULL (SQLite's
 * default VFS). */
const char *wn_cryptvfs_for(const char *path);

/* The first n (<= WN_PC_PAGE) bytes of the database in the encrypted
 * file path, as SQLite sees them (page 1 opened) into out; *got is 0 when
 * the file has no page yet.  WN_DATAERR when page 1 does not open,
 * WN_NOINPUT when the file cannot be read. */
int wn_cryptvfs_head(const char *path, unsigned char *out, size_t n, size_t *got);

/* The key given for path into *k: WN_OK, or WN_NOINPUT when none was. */
int wn_cryptvfs_key(const char *path, struct wn_pc_key *k);

/* Forgets the key of path (wiped). */
void wn_cryptvfs_forget(const char *path);

#endif
