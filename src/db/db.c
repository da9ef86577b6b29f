/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.c -- the diary file: opening it safely, transactions, the helpers
 * shared by the db files (db_int.h) and settings.  Medications are in
 * med.c, symptoms in symptoms.c, the records of a day in day.c; the
 * schema, migrations, backup and check in schema.c.  SQL is always fixed
 * text with bound parameters; statements are prepared once and cached in
 * struct wn_db. */
#include "db_int.h"
#include "db/cryptvfs.h"
#include "core/fileio.h"
#include "core/text.h"
#include "db/backups.h"
#include "core/records.h"
#include "db/day.h"
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- statements, errors, transactions, dates ------------------------- */

int wn_db_stmt(struct wn_db *db, const char *sql, sqlite3_stmt **st,
                    struct wn_err *err)
{
	for (size_t i = 0; i < db->n_cache; i++) {
		if (db->cache[i].sql == sql) {
			*st = db->cache[i].st;
			sqlite3_reset(*st);
			sqlite3_clear_bindings(*st);
			return WN_OK;
		}
	}
	if (wn_buf_grow((void **)&db->cache, &db->cap_cache, db->n_cache,
	            sizeof *db->cache) != 0)
		return wn_err_set(err, WN_ERR, "cannot prepare a query: out of memory");
	int rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	                            st, NULL);
	if (rc != SQLITE_OK)
		return wn_db_sqlerr(db, rc, "prepare a query", err);
	db->cache[db->n_cache].sql = sql;
	db->cache[db->n_cache++].st = *st;
	return WN_OK;
}

/* A damaged file, worded once for every command. */
static int damaged(const char *path, struct wn_err *err)
{
	char bak[PATH_MAX];
	if (path && wn_db_backup_latest(path, bak, sizeof bak))
		return wn_err_set(err, WN_DATAERR, "the diary is damaged; `wean check`"
		                  " says where; your latest backup is %s", bak);
	return wn_err_set(err, WN_DATAERR, "the diary is damaged; `wean check`"
	                  " says where; there is no backup of it yet");
}

int wn_db_sqlerr(struct wn_db *db, int rc, const char *what,
                      struct wn_err *err)
{
	return wn_db_sqlerr_at(db ? db->path : NULL, db ? db->sql : NULL, rc,
	                       what, err);
}

int wn_db_sqlerr_at(const char *path, sqlite3 *sql, int rc, const char *what,
                    struct wn_err *err)
{
	const char *msg = sql ? sqlite3_errmsg(sql) : sqlite3_errstr(rc);
	const char *file = path ? path : "the diary";
	int sys = sql ? sqlite3_system_errno(sql) : 0;
	if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;       /* e.g. making the -shm of a full disk */
	if (rc == SQLITE_IOERR_DATA)    /* a sealed page that does not open */
		return damaged(path, err);
	switch (rc & 0xff) {
	case SQLITE_BUSY: case SQLITE_LOCKED:
		wn_err_set(err, WN_TEMPFAIL,
		           "the diary is busy (another wean is writing); try again");
		wn_err_hint(err, "wait a moment, or finish in the other wean first");
		return WN_TEMPFAIL;
	case SQLITE_FULL:
		return wn_err_set(err, WN_IOERR,
		                  "the disk is full: could not %s (nothing was changed)",
		                  what);
	case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM:
	case SQLITE_AUTH:
		return wn_err_set(err, WN_CANTCREAT, "cannot %s: %s is not writable (%s)",
		                  what, file, msg);
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		return damaged(path, err);
	case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: case SQLITE_TOOBIG:
	case SQLITE_RANGE:
		return wn_err_set(err, WN_DATAERR, "cannot %s: %s", what, msg);
	case SQLITE_IOERR:
		return wn_err_set(err, WN_IOERR, "cannot %s: input/output error on %s (%s)",
		                  what, file, msg);
	case SQLITE_NOMEM:
		return wn_err_set(err, WN_ERR, "cannot %s: out of memory", what);
	}
	return wn_err_set(err, WN_ERR, "cannot %s: %s", what, msg);
}

int wn_db_exec(struct wn_db *db, const char *sql, const char *what,
                    struct wn_err *err)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? WN_OK : wn_db_sqlerr(db, rc, what, err);
}

int wn_db_tx_enter(struct wn_db *db, bool *own, struct wn_err *err)
{
	*own = sqlite3_get_autocommit(db->sql) != 0;
	return wn_db_exec(db, *own ? "BEGIN IMMEDIATE" : "SAVEPOINT wn_op",
	                       "start a change", err);
}

int wn_db_snapshot_begin(struct wn_db *db, bool *own, const char *what,
                         struct wn_err *err)
{
	*own = false;
	if (!sqlite3_get_autocommit(db->sql))
		return WN_OK;
	int rc = wn_db_exec(db, "BEGIN", what, err);
	*own = rc == WN_OK;
	return rc;
}

void wn_db_snapshot_end(struct wn_db *db, bool own)
{
	if (own && sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		wn_db_rollback(db);
}

int wn_db_tx_leave(struct wn_db *db, bool own, int rc, struct wn_err *err)
{
	if (rc == WN_OK) {
		rc = wn_db_exec(db, own ? "COMMIT" : "RELEASE wn_op",
		                     "save the change", err);
		if (rc == WN_OK || !own)
			return rc;
	}
	if (own) {
		if (!sqlite3_get_autocommit(db->sql))
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	} else {
		sqlite3_exec(db->sql, "ROLLBACK TO wn_op; RELEASE wn_op", NULL, NULL, NULL);
	}
	return rc;
}

int wn_db_bind_date(sqlite3_stmt *st, int idx, wn_date date)
{
	char buf[WN_DATE_STRLEN];
	return sqlite3_bind_text(st, idx, wn_date_format(date, buf), -1,
	                         SQLITE_TRANSIENT);
}

static int digits(const unsigned char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

wn_date wn_db_col_date(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	if (!s || sqlite3_column_bytes(st, col) != 10 || s[4] != '-' || s[7] != '-')
		return WN_DATE_NONE;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (!wn_date_valid(y, m, d))
		return WN_DATE_NONE;
	return wn_date_from_ymd(y, m, d);
}

/* ---- validation and rows --------------------------------------------- */

/* Both through core's one validator (core/text.h). */
int wn_db_check_text(const char *what, const char *s, size_t max,
                          bool multiline, struct wn_err *err)
{
	struct wn_text_rule r = {
		.what = what, .max = max,
		.kind = multiline ? WN_TEXT_KIND_NOTE : WN_TEXT_KIND_LINE,
	};
	return wn_text_check(&r, s, strlen(s), err);
}

int wn_db_check_name(const char *what, const char *s, size_t cap,
                          size_t max, struct wn_err *err)
{
	struct wn_text_rule r = { .what = what, .max = max,
	                          .kind = WN_TEXT_KIND_NAME };
	if (!s || !memchr(s, '\0', cap))
		return wn_err_set(err, WN_DATAERR, "%s is too long (at most %zu bytes)",
		                  what, max);
	return wn_text_check(&r, s, strlen(s), err);
}

int wn_db_check_date(wn_date d, struct wn_err *err)
{
	if (d < wn_date_from_ymd(1, 1, 1) || d > wn_date_from_ymd(9999, 12, 31))
		return wn_err_set(err, WN_DATAERR,
		                  "the date is missing or out of range (years 1 to 9999)");
	return WN_OK;
}

int wn_db_check_minute(int minute, struct wn_err *err)
{
	if (minute < -1 || minute > 1439)
		return wn_err_set(err, WN_DATAERR,
		                  "time of day must be 00:00..23:59 (got minute %d)",
		                  minute);
	return WN_OK;
}

void wn_db_bind_minute(sqlite3_stmt *st, int idx, int minute)
{
	if (minute < 0)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int(st, idx, minute);
}

int wn_db_col_minute(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? -1 :
	       sqlite3_column_int(st, col);
}

/* Names, units and labels: wean refuses control and bidi characters in
 * them, but a diary edited with another tool may hold some, so they are
 * copied terminal-safe (identical for anything wean itself accepts). */
void wn_db_col_copy(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	wn_text_fit(s ? (const char *)s : "", INT_MAX, buf, n, false);
}

int wn_db_col_dup(sqlite3_stmt *st, int col, char **out)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	*out = NULL;
	if (!s)
		return sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM ? -1 : 0;
	*out = strdup((const char *)s);
	return *out ? 0 : -1;
}

int wn_db_prepare(struct wn_db *db, const char *sql, sqlite3_stmt **st,
                  struct wn_err *err)
{
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);
	if (rc == SQLITE_OK)
		return WN_OK;
	*st = NULL;
	return wn_db_sqlerr(db, rc, "prepare a query", err);
}

bool wn_db_row(struct wn_db *db, sqlite3_stmt *st, const char *what, int *rc,
               struct wn_err *err)
{
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		return true;
	*rc = s == SQLITE_DONE ? WN_OK : wn_db_sqlerr(db, s, what, err);
	return false;
}

int wn_db_run(struct wn_db *db, sqlite3_stmt *st, const char *what,
              struct wn_err *err)
{
	int s = sqlite3_step(st);
	int rc = s == SQLITE_DONE || s == SQLITE_ROW ? WN_OK : wn_db_sqlerr(db, s, what, err);
	sqlite3_finalize(st);
	return rc;
}

void wn_db_bind_opt(sqlite3_stmt *st, int idx, double v)
{
	if (v > 0)
		sqlite3_bind_double(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
}

void wn_db_bind_text_opt(sqlite3_stmt *st, int idx, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

int wn_db_finish(struct wn_db *db, sqlite3_stmt *st, int rc,
                      const char *what, struct wn_err *err)
{
	int s = rc == SQLITE_DONE || rc == SQLITE_ROW ? WN_OK :
		wn_db_sqlerr(db, rc, what, err);
	sqlite3_reset(st);
	return s;
}

int wn_db_collect(struct wn_db *db, sqlite3_stmt *st,
                       const struct wn_db_rows *r, void **out, size_t *n,
                       struct wn_err *err)
{
	size_t cap = 0;
	int rc = WN_OK;
	*out = NULL;
	*n = 0;
	while (wn_db_row(db, st, r->what, &rc, err)) {
		char *item = wn_buf_grow(out, &cap, *n, r->size) == 0 ?
			(char *)*out + *n * r->size : NULL;
		if (item)
			memset(item, 0, r->size);
		if (!item || r->read(st, item) != 0) {
			rc = wn_err_set(err, WN_ERR, "cannot %s: out of memory", r->what);
			break;
		}
		(*n)++;
	}
	sqlite3_reset(st);
	return rc;
}

int wn_db_fetch_one(struct wn_db *db, sqlite3_stmt *st,
                    const struct wn_db_rows *r, void *item, struct wn_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rc = r->read(st, item) == 0 ? SQLITE_DONE : SQLITE_NOMEM;
		if (rc == SQLITE_NOMEM)
			wn_err_set(err, WN_ERR, "cannot %s: out of memory", r->what);
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? WN_OK : WN_ERR;
	}
	int s = rc == SQLITE_DONE ? WN_NOINPUT : wn_db_sqlerr(db, rc, r->what, err);
	sqlite3_reset(st);
	return s;
}

/* Is the row's name (column 1) the one looked for: 2 byte for byte, 1
 * folded, 0 not. */
static int name_match(sqlite3_stmt *st, const char *name)
{
	const char *have = (const char *)sqlite3_column_text(st, 1);
	if (!have || !wn_text_same_name(have, name))
		return 0;
	return strcmp(have, name) == 0 ? 2 : 1;
}

int wn_db_find_name(struct wn_db *db, const struct wn_db_match *m, void *item,
                    struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, m->sql, &st, err), best = 0;
	if (rc != WN_OK)
		return rc;
	while (best < 2 && wn_db_row(db, st, m->rows.what, &rc, err)) {
		int k = name_match(st, m->name);
		if (k <= best)
			continue;
		best = k;
		memset(item, 0, m->rows.size);
		if (m->rows.read(st, item) != 0) {
			rc = wn_err_set(err, WN_ERR, "cannot %s: out of memory", m->rows.what);
			break;
		}
	}
	sqlite3_reset(st);
	return rc != WN_OK ? rc : best ? WN_OK : WN_NOINPUT;
}

/* ---- opening --------------------------------------------------------- */

static int make_parents(const char *path, struct wn_err *err)
{
	char *p = strdup(path);
	if (!p)
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = WN_OK;
	for (char *s = strchr(p + 1, '/'); s && rc == WN_OK; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0700) == 0) {
			if (chmod(p, 0700) != 0)
				rc = wn_err_set(err, WN_CANTCREAT,
				                "cannot set the mode of %s: %s",
				                p, strerror(errno));
		} else if (errno != EEXIST) {
			rc = wn_err_set(err, WN_CANTCREAT,
			                "cannot create the directory %s: %s",
			                p, strerror(errno));
		}
		*s = '/';
	}
	free(p);
	return rc;
}

/* A new empty file, 0600 whatever the umask.  *made is false when it
 * appeared meanwhile (another wean): then it is identified like any other. */
static int create_file(const char *path, bool *made, struct wn_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	*made = fd >= 0;
	if (fd < 0)
		return errno == EEXIST ? WN_OK :
		       wn_err_set(err, WN_CANTCREAT, "cannot create %s: %s", path,
		                  strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		unlink(path);
		return wn_err_set(err, WN_CANTCREAT, "cannot set the mode of %s: %s",
		                  path, strerror(e));
	}
	close(fd);
	return WN_OK;
}

/* Find or create the file and make sure it may be opened for writing. */
static int prepare_file(const struct wn_db_opts *o, struct wn_err *err)
{
	struct stat st;
	if (stat(o->path, &st) != 0) {
		if (errno != ENOENT && !(errno == ENOTDIR && o->create))
			return wn_err_set(err, WN_NOINPUT, "cannot open %s: %s", o->path,
			                  strerror(errno));
		if (!o->create)
			return wn_err_set(err, WN_NOINPUT, "no diary at %s", o->path);
		bool made;
		int rc = make_parents(o->path, err);
		if (rc == WN_OK)
			rc = create_file(o->path, &made, err);
		if (rc != WN_OK || made)
			return rc;
		if (stat(o->path, &st) != 0)
			return wn_err_set(err, WN_NOINPUT, "cannot open %s: %s", o->path,
			                  strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return wn_err_set(err, WN_DATAERR,
		                  "%s is not a wean diary (not a regular file)", o->path);
	bool fresh = false;
	int rc = wn_db_files_owner(o->path, err);
	if (rc == WN_OK)
		rc = wn_db_identify(o, &fresh, err);
	if (rc == WN_OK && fresh && st.st_size == 0)
		(void)chmod(o->path, 0600);    /* about to become a private diary */
	return rc;
}

static int set_wal(struct wn_db *db, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode = WAL", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	const unsigned char *mode = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	int s = WN_OK;
	if (rc != SQLITE_ROW)
		s = wn_db_sqlerr(db, rc, "open the diary", err);
	else if (!mode || strcmp((const char *)mode, "wal") != 0)
		s = wn_err_set(err, WN_IOERR,
		               "cannot switch %s to WAL mode (it stays in %s mode)",
		               db->path, mode ? (const char *)mode : "another");
	sqlite3_finalize(st);
	return s;
}

/* The resolved directory of path, then "/", then its last name, in buf. */
static bool resolved(const char *path, char *buf, size_t n)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else if ((size_t)(slash - path) < sizeof dir)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		return false;
	if (!realpath(dir, real))
		return false;
	return (size_t)snprintf(buf, n, "%s/%s", real, slash ? slash + 1 : path) < n;
}

static bool same_inode(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool wn_db_owns_path(const struct wn_db *db, const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal",
	                                      WN_DB_LOCK_SUFFIX };
	char want[PATH_MAX + 16], own[PATH_MAX + 16], base[PATH_MAX];
	bool have = resolved(path, want, sizeof want), have_base = resolved(db->path, base, sizeof base);
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(own, sizeof own, "%s%s", db->path, suffix[i]);
		if (same_inode(path, own))
			return true;
		if (have && have_base && snprintf(own, sizeof own, "%s%s", base, suffix[i]) > 0 &&
		    strcmp(want, own) == 0)
			return true;
	}
	/* the lock file is named after the diary's real path */
	return db->lock_name && (same_inode(path, db->lock_name) ||
	                         (have && strcmp(want, db->lock_name) == 0));
}

static int refuse_own(const struct wn_db *db, const char *path, struct wn_err *err)
{
	if (path && *path && wn_db_owns_path(db, path)) {
		wn_err_set(err, WN_CANTCREAT, "%s is the diary itself or one of its files;"
		           " nothing was written", path);
		wn_err_hint(err, "choose another file");
		return WN_CANTCREAT;
	}
	return WN_OK;
}

int wn_db_write_output(const struct wn_db *db, const char *path, const char *data,
                       size_t len, bool force, struct wn_err *err)
{
	int rc = refuse_own(db, path, err);
	return rc == WN_OK ? wn_file_write_atomic(path, data, len, force, err) : rc;
}

int wn_db_output_open(const struct wn_db *db, const char *path, bool force,
                      struct wn_file_stage *s, struct wn_err *err)
{
	*s = (struct wn_file_stage){ .path = path, .fd = -1, .force = force };
	int rc = refuse_own(db, path, err);
	return rc == WN_OK ? wn_file_stage_open(s, path, force, err) : rc;
}

int wn_db_open_file(const char *path, sqlite3 **out, int flags)
{
	/* SQLite is built with URIs on: "file:x?mode=..." would be read as a
	 * URI.  A relative name gets "./", which makes it a plain file name. */
	size_t n = strlen(path);
	char *name = malloc(n + 3);
	if (!name)
		return SQLITE_NOMEM;
	snprintf(name, n + 3, "%s%s", path[0] == '/' ? "" : "./", path);
	int rc = sqlite3_open_v2(name, out, flags & ~SQLITE_OPEN_URI, wn_cryptvfs_for(path));
	free(name);
	return rc;
}

static int connect_db(struct wn_db *db, int busy_ms, struct wn_err *err)
{
	/* wean has one thread: no mutex around each call (SQLite's
	 * multi-thread mode; a connection is never shared between threads). */
	int rc = wn_db_open_file(db->path, &db->sql,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
	if (rc != SQLITE_OK)
		return wn_err_set(err, WN_CANTCREAT, "cannot open %s: %s", db->path,
		                  db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(db->sql, 1);
	if (sqlite3_db_readonly(db->sql, "main") == 1)
		return wn_err_set(err, WN_CANTCREAT,
		                  "cannot write to %s (the file is read-only)", db->path);
	db->busy_ms = busy_ms > 0 ? busy_ms : 3000;
	sqlite3_busy_timeout(db->sql, db->busy_ms);
	rc = wn_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
	                     "open the diary", err);
	/* an encrypted diary's temporary data stays in memory, never plain
	 * on the disk (the VFS refuses temporary files) */
	if (rc == WN_OK && db->crypt)
		rc = wn_db_exec(db, "PRAGMA temp_store = MEMORY", "open the diary", err);
	return rc == WN_OK ? set_wal(db, err) : rc;
}

static int open_steps(struct wn_db *db, const struct wn_db_opts *o,
                      struct wn_err *err)
{
	int rc = wn_db_crypt_unlock(db, o, err);
	if (rc == WN_OK)
		rc = prepare_file(o, err);
	if (rc == WN_OK)
		rc = wn_db_files_guard(db, o, err);
	if (rc == WN_OK)
		rc = connect_db(db, o->busy_ms, err);
	if (rc == WN_OK)
		rc = wn_db_migrate(db, err);
	return rc;
}

static bool side_file_exists(const char *path, const char *suffix)
{
	char buf[PATH_MAX];
	struct stat sb;
	if (snprintf(buf, sizeof buf, "%s%s", path, suffix) >= (int)sizeof buf)
		return true;        /* cannot tell: leave it alone */
	return lstat(buf, &sb) == 0;
}

/* Removes PATH+suffix if it is a regular file and empty (or any_size):
 * SQLite's -wal and -shm as a failed open leaves them. */
static void remove_side_file(const char *path, const char *suffix, bool any_size)
{
	char buf[PATH_MAX];
	struct stat sb;
	if (snprintf(buf, sizeof buf, "%s%s", path, suffix) >= (int)sizeof buf)
		return;
	if (lstat(buf, &sb) == 0 && S_ISREG(sb.st_mode) && (any_size || sb.st_size == 0))
		unlink(buf);
}

/* wean has one thread: SQLite without any mutex (single-thread mode; the
 * connections' own mutex is off already, SQLITE_OPEN_NOMUTEX), and
 * without counting its memory (which takes a mutex at every malloc): 3%
 * of an import's instructions.  Only before SQLite starts; in a process
 * that started it already (a test), it is left as it is. */
static void configure_sqlite(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	if (sqlite3_config(SQLITE_CONFIG_SINGLETHREAD) == SQLITE_OK)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int wn_db_open(struct wn_db **out, const struct wn_db_opts *opts,
               struct wn_err *err)
{
	*out = NULL;
	configure_sqlite();
	if (!opts || !opts->path || !*opts->path)
		return wn_err_set(err, WN_USAGE, "no diary file given");
	struct wn_db *db = calloc(1, sizeof *db);
	if (db) {
		db->path = strdup(opts->path);
		db->lock_fd = -1;
	}
	if (!db || !db->path) {
		free(db);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	/* Everything created from here on (directories, file, -wal, -shm,
	 * backups) is private to the user, whatever the umask says. */
	bool had_wal = side_file_exists(opts->path, "-wal");
	bool had_shm = side_file_exists(opts->path, "-shm");
	mode_t old = umask(077);
	int rc = open_steps(db, opts, err);
	umask(old);
	if (rc != WN_OK) {
		/* a refused or failed open leaves the file as it found it: no
		 * checkpoint of the write-ahead log into it on close */
		if (db->sql)
			sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		wn_db_close(db);
		/* a failed open (a full disk) leaves nothing of its own behind:
		 * an empty -wal it made, and then the -shm it made (only an
		 * index of the -wal, holding no data); but a busy diary's are
		 * the other wean's, which may have just made them */
		if (!had_wal && rc != WN_TEMPFAIL)
			remove_side_file(opts->path, "-wal", false);
		if (!had_shm && rc != WN_TEMPFAIL && !side_file_exists(opts->path, "-wal"))
			remove_side_file(opts->path, "-shm", true);
		return rc;
	}
	*out = db;
	return WN_OK;
}

void wn_db_close(struct wn_db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->n_cache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	if (db->sql && !sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close_v2(db->sql);
	wn_db_files_unlock(db);         /* after SQLite's last checkpoint */
	wn_db_crypt_free(db);
	free(db->path);
	free(db);
}

sqlite3 *wn_db_sqlite(struct wn_db *db)
{
	return db->sql;
}

const char *wn_db_path(const struct wn_db *db)
{
	return db->path;
}

int wn_db_begin(struct wn_db *db, struct wn_err *err)
{
	if (!sqlite3_get_autocommit(db->sql))
		return wn_err_set(err, WN_ERR,
		                  "internal error: a transaction is already open");
	return wn_db_exec(db, "BEGIN IMMEDIATE", "start a change", err);
}

int wn_db_commit(struct wn_db *db, struct wn_err *err)
{
	if (sqlite3_get_autocommit(db->sql))
		return wn_err_set(err, WN_ERR, "internal error: no transaction is open");
	int rc = wn_db_exec(db, "COMMIT", "save the changes", err);
	if (rc != WN_OK)
		wn_db_rollback(db);
	return rc;
}

void wn_db_rollback(struct wn_db *db)
{
	if (db && !sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- meta ------------------------------------------------------------ */

int wn_db_meta_get(struct wn_db *db, const char *key, char *buf, size_t n,
                   struct wn_err *err)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	sqlite3_stmt *st;
	if (n > 0)
		buf[0] = '\0';
	int rc = wn_db_check_name("setting name", key, WN_NAME_MAX + 1,
	                               WN_NAME_MAX, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 0);
		if (!v || len >= n) {
			sqlite3_reset(st);
			return wn_err_set(err, WN_DATAERR,
			                  "the setting %s is too long (%zu bytes)", key, len);
		}
		memcpy(buf, v, len + 1);
	}
	return wn_db_finish(db, st, rc, "read a setting", err);
}

int wn_db_meta_set(struct wn_db *db, const char *key, const char *value,
                   struct wn_err *err)
{
	static const char set[] = "INSERT INTO meta(key, value) VALUES (?1, ?2)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	static const char del[] = "DELETE FROM meta WHERE key = ?1";
	sqlite3_stmt *st;
	int rc = wn_db_check_name("setting name", key, WN_NAME_MAX + 1,
	                               WN_NAME_MAX, err);
	if (rc == WN_OK && value)
		rc = wn_db_check_text("setting value", value, WN_NOTE_MAX, true, err);
	if (rc == WN_OK)
		rc = wn_db_stmt(db, value ? set : del, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value)
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return wn_db_finish(db, st, sqlite3_step(st), "save a setting", err);
}
