/* SPDX-License-Identifier: GPL-3.0-or-later */
/* restore.c -- a backup put back in the diary's place (restore.h). */
#include "db_int.h"
#include "db/crypt.h"
#include "db/cryptvfs.h"
#include "db/restore.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct wn_restore_src {
	sqlite3 *sql;                    /* read-only, from the check on */
	char *path;
	long version;
	bool encrypted;                  /* its key given to the file layer */
};

/* PRAGMA integrity_check on sql: SQLITE_OK when it says "ok",
 * SQLITE_CORRUPT with its first line in buf when not, or the fault. */
static int integrity(sqlite3 *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	int rc = sqlite3_prepare_v2(sql, "PRAGMA integrity_check(1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		snprintf(buf, n, "%s", line ? line : "");
		rc = line && strcmp(line, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
}

/* What SQLite could not read in the backup. */
static int src_error(const char *path, int rc, const char *detail,
                     struct wn_err *err)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not a wean diary (not a SQLite file)", path);
	case SQLITE_CORRUPT:
		wn_err_set(err, WN_DATAERR, "the backup %s is damaged (%.160s);"
		           " nothing was changed", path,
		           detail && *detail ? detail : "SQLite cannot read it");
		wn_err_hint(err, "choose another backup");
		return WN_DATAERR;
	case SQLITE_NOMEM:
		return wn_err_set(err, WN_ERR, "cannot read the backup: out of memory");
	}
	return wn_err_set(err, WN_IOERR, "cannot read the backup %s: %s", path,
	                  sqlite3_errstr(rc));
}

/* A wean diary of a schema this wean reads, with tables, undamaged. */
static int check_src(struct wn_restore_src *s, struct wn_err *err)
{
	struct wn_ident id = { 0 };
	bool fresh = false;
	char detail[256] = "";
	if (wn_db_file_encrypted(s->path)) {
		/* its key, from wn_db_unlock_backup (db/crypt.h) */
		if (!wn_cryptvfs_for(s->path))
			return wn_err_set(err, WN_NOPERM, "%s is an encrypted backup; give its"
			                  " passphrase", s->path);
		s->encrypted = true;
	}
	int rc = wn_db_open_ro(s->path, true, 0, &s->sql);
	if (rc == SQLITE_OK)
		rc = wn_db_ident_read(s->sql, &id);
	if (rc != SQLITE_OK)
		return src_error(s->path, rc, NULL, err);
	int st = wn_db_ident_judge(s->path, &id, &fresh, err);
	if (st != WN_OK)
		return st;
	if (fresh)
		return wn_err_set(err, WN_DATAERR, "%s is an empty diary (no tables);"
		                  " there is nothing in it to restore", s->path);
	s->version = id.version;
	rc = integrity(s->sql, detail, sizeof detail);
	return rc == SQLITE_OK ? WN_OK : src_error(s->path, rc, detail, err);
}

int wn_db_restore_open(const char *path, struct wn_restore_src **out,
                       struct wn_err *err)
{
	struct stat st;
	*out = NULL;
	if (stat(path, &st) != 0)
		return errno == ENOENT || errno == ENOTDIR ?
			wn_err_set(err, WN_NOINPUT, "there is no backup at %s", path) :
			wn_err_set(err, WN_NOINPUT, "cannot read the backup %s: %s", path,
			           strerror(errno));
	if (!S_ISREG(st.st_mode))
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not a wean diary (not a regular file)", path);
	struct wn_restore_src *s = calloc(1, sizeof *s);
	if (s)
		s->path = strdup(path);
	if (!s || !s->path) {
		free(s);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	int rc = check_src(s, err);
	if (rc != WN_OK)
		wn_db_restore_close(s);
	else
		*out = s;
	return rc;
}

void wn_db_restore_close(struct wn_restore_src *src)
{
	if (!src)
		return;
	sqlite3_close(src->sql);
	if (src->encrypted)
		wn_cryptvfs_forget(src->path);
	free(src->path);
	free(src);
}

/* ---- the restore ------------------------------------------------------ */

static int count_checkins(struct wn_db *db, struct wn_restore *r,
                          struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "SELECT count(*), max(date) FROM checkin", &st, err);
	if (rc != WN_OK)
		return rc;
	if (wn_db_row(db, st, "read the restored diary", &rc, err)) {
		r->checkins = (long)sqlite3_column_int64(st, 0);
		r->last = wn_db_col_date(st, 1);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The diary after the copy: whole, and of this wean's schema. */
static int settle(struct wn_db *db, struct wn_restore *r, struct wn_err *err)
{
	char detail[256];
	int rc = integrity(db->sql, detail, sizeof detail);
	if (rc == SQLITE_CORRUPT) {
		wn_err_set(err, WN_DATAERR, "the restored diary fails the integrity check"
		           " (%.160s)", detail);
		if (r->keep)
			wn_err_hint(err, "the diary as it was is in %s", r->keep);
		return WN_DATAERR;
	}
	if (rc != SQLITE_OK)
		return wn_db_sqlerr(db, rc, "check the restored diary", err);
	rc = wn_db_migrate(db, err);
	return rc == WN_OK ? count_checkins(db, r, err) : rc;
}

int wn_db_restore(struct wn_db *db, struct wn_restore_src *src,
                  struct wn_restore *r, struct wn_err *err)
{
	r->from_version = src->version;
	r->checkins = 0;
	r->last = WN_DATE_NONE;
	if (wn_db_owns_path(db, src->path))
		return wn_err_set(err, WN_USAGE, "%s is the diary itself or one of its"
		                  " files; name a backup to restore", src->path);
	/* pages are copied as they are: a plain backup's have no room for a
	 * seal, so an encrypted diary cannot take them */
	if (db->crypt && !src->encrypted) {
		wn_err_set(err, WN_USAGE, "%s is a plain backup and the diary is encrypted;"
		           " nothing was changed", src->path);
		wn_err_hint(err, "to restore it: wean decrypt, wean restore %.200s, wean encrypt",
		            src->path);
		return WN_USAGE;
	}
	/* the online backup copies pages without reading the tables: a
	 * damaged diary is kept with its damaged pages as they are */
	int rc = r->keep ? wn_db_backup_file(db, r->keep, false, err) : WN_OK;
	if (rc != WN_OK)
		return rc;
	rc = wn_db_backup_run(db->sql, src->sql);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return src_error(src->path, rc, NULL, err);
	if (rc != SQLITE_OK)
		return wn_db_sqlerr(db, rc, "restore the backup", err);
	return settle(db, r, err);
}
