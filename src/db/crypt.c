/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crypt.c -- opening an encrypted diary, and turning a diary encrypted,
 * plain again, or to a new passphrase (`wean encrypt`, `wean decrypt`,
 * `wean passphrase`).  The pages are sealed by the VFS (db/cryptvfs.c);
 * here are the header, the key and the rewrite:
 *
 * A rewrite copies the diary with VACUUM INTO into a new private file
 * beside it (through the VFS when the copy is encrypted), syncs it, closes
 * the diary (SQLite checkpoints and removes its -wal and -shm) and renames
 * the copy over it: a crash at any point leaves either the old diary or
 * the new one, whole.  Backups of an encrypted diary are encrypted under
 * the same key (a header with its own id). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_int.h"
#include "core/fileio.h"
#include "db/crypt.h"
#include "db/cryptvfs.h"
#include "db/keycache.h"

/* The first WN_PC_HEADER bytes of path (fewer in n when it is shorter);
 * WN_NOINPUT when it cannot be read (the caller decides if that matters). */
static int read_head(const char *path, unsigned char *hdr, size_t *n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return WN_NOINPUT;
	ssize_t r = pread(fd, hdr, WN_PC_HEADER, 0);
	close(fd);
	if (r < 0)
		return WN_NOINPUT;
	*n = (size_t)r;
	return WN_OK;
}

void wn_db_crypt_free(struct wn_db *db)
{
	if (!db->crypt)
		return;
	wn_cryptvfs_forget(db->path);
	explicit_bzero(db->crypt, sizeof *db->crypt);
	free(db->crypt);
	db->crypt = NULL;
}

/* The key kept in the kernel's keyring for db's header (asked for only
 * when the person turned the cache on), checked against the header. */
static bool kept_key(struct wn_db *db, const struct wn_db_opts *o)
{
	unsigned char id[WN_PC_ID], key[WN_PC_KEY];
	if (o->key_cache_minutes <= 0)
		return false;
	wn_pc_header_id(db->crypt->hdr, id);
	bool ok = wn_keycache_get(id, key) &&
	          wn_pc_header_with_key(db->crypt->hdr, WN_PC_HEADER, key, &db->crypt->key) == 0;
	explicit_bzero(key, sizeof key);
	return ok;
}

int wn_db_crypt_unlock(struct wn_db *db, const struct wn_db_opts *o, struct wn_err *err)
{
	unsigned char hdr[WN_PC_HEADER];
	char pass[WN_DB_PASS_MAX];
	size_t n = 0;
	if (read_head(o->path, hdr, &n) != WN_OK || !wn_pc_is_encrypted(hdr, n))
		return WN_OK;             /* a plain diary, or none yet: opened as ever */
	if (n < WN_PC_HEADER)
		return wn_err_set(err, WN_DATAERR, "the diary is damaged (its encryption header"
		                  " is cut short)");
	db->crypt = calloc(1, sizeof *db->crypt);
	if (!db->crypt)
		return wn_err_set(err, WN_ERR, "out of memory");
	memcpy(db->crypt->hdr, hdr, sizeof hdr);
	int rc = WN_OK;
	if (!kept_key(db, o)) {
		rc = !o->passphrase ? wn_err_set(err, WN_NOPERM, "%s is encrypted; give its"
		                                 " passphrase", o->path) :
		     o->passphrase(o->pass_ctx, o->path, pass, sizeof pass, err);
		if (rc == WN_OK)
			rc = wn_pc_header_open(hdr, sizeof hdr, pass, &db->crypt->key, err);
		explicit_bzero(pass, sizeof pass);
		if (rc == WN_OK)
			wn_keycache_put(db->crypt->key.id, db->crypt->key.key, o->key_cache_minutes);
	}
	if (rc == WN_OK)
		rc = wn_cryptvfs_add(o->path, &db->crypt->key, err);
	if (rc != WN_OK) {
		explicit_bzero(db->crypt, sizeof *db->crypt);
		free(db->crypt);
		db->crypt = NULL;
	}
	return rc;
}

bool wn_db_encrypted(const struct wn_db *db)
{
	return db->crypt != NULL;
}

bool wn_db_file_encrypted(const char *path)
{
	unsigned char hdr[WN_PC_HEADER];
	size_t n = 0;
	return read_head(path, hdr, &n) == WN_OK && wn_pc_is_encrypted(hdr, n);
}

int wn_db_unlock_backup(const struct wn_db *db, const char *path, const struct wn_db_opts *o,
                        struct wn_err *err)
{
	unsigned char hdr[WN_PC_HEADER];
	char pass[WN_DB_PASS_MAX];
	struct wn_pc_key k;
	size_t n = 0;
	if (read_head(path, hdr, &n) != WN_OK || !wn_pc_is_encrypted(hdr, n))
		return WN_OK;             /* plain, or unreadable: wn_db_restore_open says */
	if (n < WN_PC_HEADER)
		return wn_err_set(err, WN_DATAERR, "the backup %s is damaged (its encryption"
		                  " header is cut short); nothing was changed", path);
	/* a file whose key the file layer has is open already: the diary
	 * itself (its key must stay until it is closed) */
	if (wn_cryptvfs_for(path))
		return wn_err_set(err, WN_USAGE, "%s is the diary itself or one of its files;"
		                  " name a backup to restore", path);
	/* a backup of this diary under its passphrase: its key, nothing asked */
	if (db && db->crypt &&
	    wn_pc_header_same_key(hdr, n, db->crypt->hdr, &db->crypt->key, &k) == 0) {
		int rc = wn_cryptvfs_add(path, &k, err);
		explicit_bzero(&k, sizeof k);
		return rc;
	}
	if (!o || !o->passphrase)
		return wn_err_set(err, WN_NOPERM, "%s is an encrypted backup; give its"
		                  " passphrase", path);
	int rc = o->passphrase(o->pass_ctx, path, pass, sizeof pass, err);
	if (rc == WN_OK)
		rc = wn_pc_header_open(hdr, sizeof hdr, pass, &k, err);
	explicit_bzero(pass, sizeof pass);
	if (rc == WN_NOPERM)
		wn_err_set(err, WN_NOPERM, "wrong passphrase for the backup %s; nothing was"
		           " changed", path);
	if (rc == WN_OK)
		rc = wn_cryptvfs_add(path, &k, err);
	explicit_bzero(&k, sizeof k);
	return rc;
}

int wn_db_crypt_copy_header(struct wn_db *db, const char *tmp, int fd, struct wn_err *err)
{
	unsigned char hdr[WN_PC_HEADER];
	if (!db->crypt)
		return WN_OK;
	struct wn_pc_key k = db->crypt->key;
	wn_pc_header_clone(db->crypt->hdr, hdr, &k);
	int rc = wn_file_write_all(fd, (const char *)hdr, sizeof hdr) == 0 ? WN_OK :
	         wn_err_set(err, WN_IOERR, "cannot write %s: %s", tmp, strerror(errno));
	if (rc == WN_OK)
		rc = wn_cryptvfs_add(tmp, &k, err);
	explicit_bzero(&k, sizeof k);
	return rc;
}

/* The folders above path, made (0700) when missing. */
static int make_dirs(const char *path, struct wn_err *err)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return wn_err_set(err, WN_CANTCREAT, "the path %.200s is too long", path);
	for (char *p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return wn_err_set(err, WN_CANTCREAT, "cannot create the folder %s: %s", dir,
			                  strerror(errno));
		*p = '/';
	}
	return WN_OK;
}

int wn_db_create_encrypted_like(const char *path, const char *like, struct wn_err *err)
{
	unsigned char src[WN_PC_HEADER], hdr[WN_PC_HEADER];
	struct wn_pc_key k;
	size_t n = 0;
	char *tmp = NULL;
	int fd = -1;
	if (read_head(like, src, &n) != WN_OK || n < WN_PC_HEADER ||
	    !wn_pc_is_encrypted(src, n) || wn_cryptvfs_key(like, &k) != WN_OK)
		return wn_err_set(err, WN_ERR, "internal error: %s is not an unlocked encrypted"
		                  " backup", like);
	wn_pc_header_clone(src, hdr, &k);
	explicit_bzero(&k, sizeof k);
	int rc = make_dirs(path, err);
	if (rc == WN_OK)
		rc = wn_file_tmp_create(path, &tmp, &fd, err);
	if (rc == WN_OK && wn_file_write_all(fd, (const char *)hdr, sizeof hdr) != 0)
		rc = wn_err_set(err, WN_IOERR, "cannot write %s: %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	if (rc == WN_OK)
		wn_file_sync(tmp, false);
	if (rc == WN_OK)
		rc = wn_file_publish(tmp, path, false, err);
	if (rc == WN_OK)
		wn_file_sync(path, true);
	else if (tmp)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* ---- the rewrite ---------------------------------------------------------------- */

/* "file:" URI of an absolute or relative path, with vfs=NAME. */
static char *uri_of(const char *path, const char *vfs)
{
	size_t n = strlen(path);
	char *u = malloc(3 * n + 64);
	if (!u)
		return NULL;
	size_t o = (size_t)sprintf(u, "file:%s", path[0] == '/' ? "" : "./");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if (c == '%' || c == '?' || c == '#' || c == ' ' || c < 0x20 || c >= 0x7f)
			o += (size_t)sprintf(u + o, "%%%02X", c);
		else
			u[o++] = (char)c;
	}
	sprintf(u + o, "?vfs=%s", vfs);
	return u;
}

int wn_db_rewrite(struct wn_db **dbp, const char *new_pass, struct wn_err *err)
{
	struct wn_db *db = *dbp;
	char *tmp = NULL, *path = strdup(db->path);
	int fd = -1;
	unsigned char hdr[WN_PC_HEADER];
	struct wn_pc_key k;
	int rc = path ? wn_file_tmp_create(db->path, &tmp, &fd, err) :
	         wn_err_set(err, WN_ERR, "out of memory");
	if (rc == WN_OK && new_pass) {
		/* the tests' kill loops cannot wait for a real key derivation at
		 * every start: WEAN_INSECURE_FAST_KDF=1 makes it cheap (and the
		 * passphrase much easier to guess); the cost is in the header */
		const char *fast = getenv("WEAN_INSECURE_FAST_KDF");
		bool cheap = fast && strcmp(fast, "1") == 0;
		rc = wn_pc_header_new(new_pass, cheap ? 1 : 0, cheap ? 1u << 20 : 0, hdr, &k, err);
		if (rc == WN_OK && wn_file_write_all(fd, (const char *)hdr, sizeof hdr) != 0)
			rc = wn_err_set(err, WN_IOERR, "cannot write %s: %s", tmp, strerror(errno));
		if (rc == WN_OK)
			rc = wn_cryptvfs_add(tmp, &k, err);
		explicit_bzero(&k, sizeof k);
	}
	if (fd >= 0)
		close(fd);
	/* the copy keeps SQLite's pages of 4096 bytes with room for a seal */
	if (rc == WN_OK) {
		int reserve = new_pass ? WN_PC_RESERVE : 0;
		sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
		long page = 0;
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db->sql, "PRAGMA page_size", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			page = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (new_pass && page != WN_PC_PAGE)
			rc = wn_err_set(err, WN_DATAERR, "the diary's pages are %ld bytes; an encrypted"
			                " diary needs %d (run `wean check`)", page, WN_PC_PAGE);
	}
	if (rc == WN_OK) {
		char *uri = uri_of(tmp, new_pass ? WN_CRYPTVFS_NAME : "unix");
		sqlite3_stmt *st = NULL;
		int s = uri ? sqlite3_prepare_v2(db->sql, "VACUUM INTO ?1", -1, &st, NULL) : SQLITE_NOMEM;
		if (s == SQLITE_OK) {
			sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
			s = sqlite3_step(st);
			s = s == SQLITE_DONE ? SQLITE_OK : s;
		}
		sqlite3_finalize(st);
		free(uri);
		if (s != SQLITE_OK)
			rc = wn_db_sqlerr(db, s, "write the new copy of the diary", err);
	}
	if (rc == WN_OK)
		wn_file_sync(tmp, false);
	/* the old file's key, if it was kept, goes with it */
	if (rc == WN_OK && db->crypt)
		wn_keycache_drop(db->crypt->key.id);
	/* close the old diary: SQLite checkpoints and removes its -wal, -shm */
	wn_db_close(db);
	*dbp = NULL;
	if (rc == WN_OK && rename(tmp, path) != 0)
		rc = wn_err_set(err, WN_CANTCREAT, "cannot put the new diary in place: %s",
		                strerror(errno));
	if (rc == WN_OK)
		wn_file_sync(path, true);
	else if (tmp)
		unlink(tmp);
	if (tmp)
		wn_cryptvfs_forget(tmp);
	free(tmp);
	free(path);
	return rc;
}
