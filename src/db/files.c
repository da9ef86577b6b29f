/* SPDX-License-Identifier: GPL-3.0-or-later */
/* files.c -- the files beside the diary: the lock file every wean holds
 * while it has the diary open, who owns the diary's files and who may
 * read them, and the stale temporary files that killed backups and
 * exports leave (db.h gives the contract, db_int.h the functions). */
#include "db_int.h"
#include "db/backups.h"
#include "core/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The diary and the files beside it that are its own. */
static const char *const side[] = { "", "-wal", "-shm", WN_DB_LOCK_SUFFIX };
#define N_SIDE (sizeof side / sizeof *side)
#define LOCK_SIDE 3

/* The diary's file as SQLite names its -wal and -shm: beside the file a
 * symbolic link leads to, so the lock file is one whatever the path. */
static bool side_path(const char *path, const char *suffix, char *buf, size_t n)
{
	char real[PATH_MAX];
	return (size_t)snprintf(buf, n, "%s%s", realpath(path, real) ? real : path,
	                        suffix) < n;
}

static void say(const struct wn_db_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(const struct wn_db_opts *o, const char *fmt, ...)
{
	char line[WN_ERR_MSG];
	va_list ap;
	if (!o->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	o->notice(o->notice_ctx, line);
}

/* ---- owner and modes ------------------------------------------------- */

int wn_db_files_owner(const char *path, struct wn_err *err)
{
	uid_t me = geteuid();
	for (size_t i = 0; i < N_SIDE; i++) {
		char buf[PATH_MAX];
		struct stat st;
		if (!side_path(path, side[i], buf, sizeof buf) || stat(buf, &st) != 0 ||
		    st.st_uid == me)
			continue;
		wn_err_set(err, WN_NOPERM, "%s belongs to another user (uid %ld);"
		           " wean opens only a diary of your own", buf, (long)st.st_uid);
		wn_err_hint(err, "run wean as that user, or pass --db with your own diary");
		return WN_NOPERM;
	}
	return WN_OK;
}

/* Takes the group's and others' bits off each of the diary's files that
 * has any (0666 becomes 0600; a read-only 0444, 0400), and says so once
 * (the lock file holds nothing: it is made private silently). */
static void make_private(const char *path, const struct wn_db_opts *o)
{
	unsigned now = 0;                /* the first file's new mode */
	for (size_t i = 0; i < N_SIDE; i++) {
		char buf[PATH_MAX];
		struct stat st;
		if (!side_path(path, side[i], buf, sizeof buf) || stat(buf, &st) != 0 ||
		    !(st.st_mode & 077))
			continue;
		unsigned want = (unsigned)(st.st_mode & 0700);
		int e = chmod(buf, want) == 0 ? 0 : errno;
		if (e == 0 && stat(buf, &st) == 0 && (st.st_mode & 077))
			e = ENOTSUP;             /* a filesystem without modes */
		if (e != 0)
			say(o, "%s is open to other users (mode %03o) and cannot be made"
			    " private: %s", buf, (unsigned)(st.st_mode & 0777), strerror(e));
		else if (i != LOCK_SIDE && !now)
			now = want;
	}
	if (now)
		say(o, "the diary was readable by others; it is now private (0%03o)", now);
}

/* One problem line for path when others may use it. */
static void check_mode(const char *path, bool folder,
                       void (*report)(void *, const char *), void *ctx,
                       long *problems)
{
	struct stat st;
	if (stat(path, &st) != 0 || !(st.st_mode & 077) ||
	    (folder ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
		return;
	char line[WN_ERR_MSG];
	snprintf(line, sizeof line, "%s is not private: mode %03o, others may use it"
	         " (wean keeps it %s)", path, (unsigned)(st.st_mode & 0777),
	         folder ? "700" : "600");
	if (report)
		report(ctx, line);
	(*problems)++;
}

struct mode_check {
	void (*report)(void *, const char *);
	void *ctx;
	long *problems;
};

static void check_backup(void *ctx, const char *path)
{
	struct mode_check *m = ctx;
	check_mode(path, false, m->report, m->ctx, m->problems);
}

/* "DIR/" of path ("" when it has none), then sub. */
static bool folder_of(const char *path, const char *sub, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/');
	int len = slash ? (int)(slash - path) + 1 : 0;
	return (size_t)snprintf(buf, n, "%.*s%s", len, path, sub) < n;
}

void wn_db_files_check(const struct wn_db *db,
                       void (*report)(void *ctx, const char *line), void *ctx,
                       long *problems)
{
	char buf[PATH_MAX];
	for (size_t i = 0; i < N_SIDE; i++)
		if (side_path(db->path, side[i], buf, sizeof buf))
			check_mode(buf, false, report, ctx, problems);
	if (folder_of(db->path, WN_BACKUP_DIR, buf, sizeof buf))
		check_mode(buf, true, report, ctx, problems);
	struct mode_check m = { report, ctx, problems };
	wn_db_backups_each(db->path, check_backup, &m);
}

/* ---- stale temporary files ------------------------------------------- */

static void sweep_warn(void *ctx, const char *path, int e)
{
	say(ctx, "could not remove the stale temporary file %s: %s", path, strerror(e));
}

/* Removes the stale temporary files in dir ("" or ending in '/'). */
static void sweep_dir(const char *dir, const struct wn_db_opts *o)
{
	wn_file_sweep_tmp(dir, NULL, WN_DB_STALE_SECONDS, sweep_warn, (void *)o);
}

static void sweep(const char *path, const struct wn_db_opts *o)
{
	char dir[PATH_MAX];
	if (folder_of(path, "", dir, sizeof dir))
		sweep_dir(dir, o);
	if (folder_of(path, WN_BACKUP_DIR "/", dir, sizeof dir))
		sweep_dir(dir, o);
}

/* ---- the lock -------------------------------------------------------- */

#define RETRY (-1)                 /* the file locked lost its name */

static void drop(struct wn_db *db)
{
	if (db->lock_fd >= 0)
		close(db->lock_fd);
	db->lock_fd = -1;
}

/* Is fd still the file under name?  The last wean to close the diary
 * removes the lock file, so one opened just before may be nameless. */
static bool still_named(int fd, const char *name)
{
	struct stat a, b;
	return fstat(fd, &a) == 0 && lstat(name, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* LOCK_SH, retried while another wean holds the lock exclusively (a
 * restore, or an open tidying up): 0 or errno. */
static int lock_shared(int fd, int busy_ms)
{
	for (int waited = 0;; waited += 10) {
		if (flock(fd, LOCK_SH | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK || waited >= busy_ms)
			return errno;
		sqlite3_sleep(10);
	}
}

static int lock_refused(const struct wn_db *db, bool alone, int e,
                        struct wn_err *err)
{
	if (e != EWOULDBLOCK)
		return wn_err_set(err, WN_CANTCREAT, "cannot lock %s: %s", db->lock_name,
		                  strerror(e));
	if (alone) {
		wn_err_set(err, WN_TEMPFAIL, "another wean has the diary open;"
		           " nothing was changed");
		wn_err_hint(err, "close it (a window, or a command still running),"
		            " then try again");
	} else {
		wn_err_set(err, WN_TEMPFAIL, "the diary is being restored from a"
		           " backup by another wean");
		wn_err_hint(err, "try again in a moment");
	}
	return WN_TEMPFAIL;
}

/* Locks the open lock file: exclusive first (the first wean in tidies
 * up), then shared unless alone.  Where the filesystem has no locks an
 * ordinary open goes on without (SQLite's own locks still hold); an open
 * alone never does. */
static int take_lock(struct wn_db *db, const char *name,
                     const struct wn_db_opts *o, struct wn_err *err)
{
	int e = 0;
	if (flock(db->lock_fd, LOCK_EX | LOCK_NB) == 0) {
		if (!still_named(db->lock_fd, name))
			return RETRY;
		sweep(db->path, o);
		if (o->alone)
			return WN_OK;
	} else if ((e = errno) != EWOULDBLOCK || o->alone) {
		if (o->alone)
			return lock_refused(db, true, e, err);
		drop(db);
		return WN_OK;
	}
	e = lock_shared(db->lock_fd, o->busy_ms > 0 ? o->busy_ms : 3000);
	if (e == EWOULDBLOCK)
		return lock_refused(db, false, e, err);
	if (e != 0)
		drop(db);
	return e != 0 || still_named(db->lock_fd, name) ? WN_OK : RETRY;
}

int wn_db_files_guard(struct wn_db *db, const struct wn_db_opts *o,
                      struct wn_err *err)
{
	char name[PATH_MAX];
	if (!side_path(db->path, WN_DB_LOCK_SUFFIX, name, sizeof name))
		return wn_err_set(err, WN_CANTCREAT, "the diary's path is too long");
	if (!(db->lock_name = strdup(name)))
		return wn_err_set(err, WN_ERR, "out of memory");
	int rc = RETRY;
	for (int tries = 0; rc == RETRY && tries < 100; tries++) {
		drop(db);
		db->lock_fd = open(name, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (db->lock_fd < 0 && o->alone)
			return wn_err_set(err, WN_CANTCREAT, "cannot make the lock file %s: %s",
			                  name, strerror(errno));
		/* without a lock file (a read-only folder) SQLite's locks hold */
		rc = db->lock_fd >= 0 ? take_lock(db, name, o, err) : WN_OK;
	}
	if (rc == RETRY)
		rc = lock_refused(db, o->alone, EWOULDBLOCK, err);
	if (rc == WN_OK)
		make_private(db->path, o);
	return rc;
}

void wn_db_files_unlock(struct wn_db *db)
{
	if (db->lock_fd >= 0 && flock(db->lock_fd, LOCK_EX | LOCK_NB) == 0 &&
	    still_named(db->lock_fd, db->lock_name))
		unlink(db->lock_name);     /* the last wean out removes it */
	drop(db);
	free(db->lock_name);
	db->lock_name = NULL;
}
