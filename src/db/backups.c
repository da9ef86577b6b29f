/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backups.c -- finding the newest backup of a diary (backups.h). */
#include "db/backups.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The best candidate so far. */
struct newest {
	char path[PATH_MAX];
	struct timespec mtime;
	bool found;
};

static bool later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec > b->tv_sec : a->tv_nsec > b->tv_nsec;
}

/* Takes path when it is a non-empty regular file newer than the best. */
static void consider(void *ctx, const char *path)
{
	struct newest *best = ctx;
	struct stat st;
	size_t w = strlen(path);
	if (w >= sizeof best->path || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode) || st.st_size == 0)
		return;
	int newer = !best->found || later(&st.st_mtim, &best->mtime) ? 1 :
	            later(&best->mtime, &st.st_mtim) ? -1 : strcmp(path, best->path);
	if (newer <= 0)
		return;
	memcpy(best->path, path, w + 1);
	best->mtime = st.st_mtim;
	best->found = true;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

/* "wean-*.db" (backups/) or "<base>.bak-v<digits>" (base given). */
static bool is_backup(const char *name, const char *base)
{
	if (!base)
		return strncmp(name, "wean-", 5) == 0 && ends_with(name, ".db") &&
		       strlen(name) > 8;
	size_t b = strlen(base);
	if (strncmp(name, base, b) != 0 || strncmp(name + b, ".bak-v", 6) != 0)
		return false;
	const char *v = name + b + 6;
	if (!*v)
		return false;
	for (; *v; v++)
		if (*v < '0' || *v > '9')
			return false;
	return true;
}

/* Every backup in dir ("" or ending in '/'). */
static void scan(const char *dir, const char *base,
                 void (*fn)(void *ctx, const char *path), void *ctx)
{
	DIR *d = opendir(*dir ? dir : ".");
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		char path[PATH_MAX];
		if (is_backup(e->d_name, base) &&
		    (size_t)snprintf(path, sizeof path, "%s%s", dir, e->d_name) < sizeof path)
			fn(ctx, path);
	}
	closedir(d);
}

void wn_db_backups_each(const char *diary, void (*fn)(void *ctx, const char *path),
                        void *ctx)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(diary, '/');
	int len = slash ? (int)(slash - diary) + 1 : 0;   /* with the '/' */
	if (snprintf(dir, sizeof dir, "%.*s", len, diary) >= (int)sizeof dir)
		return;
	scan(dir, diary + len, fn, ctx);
	if (snprintf(dir, sizeof dir, "%.*s" WN_BACKUP_DIR "/", len, diary) >=
	    (int)sizeof dir)
		return;
	scan(dir, NULL, fn, ctx);
}

bool wn_db_backup_latest(const char *diary, char *out, size_t n)
{
	struct newest best = { .found = false };
	if (n > 0)
		out[0] = '\0';
	wn_db_backups_each(diary, consider, &best);
	if (!best.found || strlen(best.path) >= n)
		return false;
	memcpy(out, best.path, strlen(best.path) + 1);
	return true;
}

/* ---- naming a new backup ------------------------------------------------------ */

#define MAX_SAME_DAY 99           /* wean-DATE.db, wean-DATE-2.db ... -99 */

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* "<dir of diary>/backups", made 0700 when missing. */
static int backup_dir(const char *diary, char *out, size_t n, struct wn_err *err)
{
	const char *slash = strrchr(diary, '/');
	int len = slash ? (int)(slash - diary) : 0;
	/* "dir/backups", "/backups" for a diary in "/", "backups" beside a
	 * diary named without a directory */
	if ((size_t)snprintf(out, n, "%.*s%s%s", len, diary, slash ? "/" : "",
	                     WN_BACKUP_DIR) >= n)
		return wn_err_set(err, WN_CANTCREAT, "the diary's path is too long for a backup name");
	if (mkdir(out, 0700) == 0) {
		if (chmod(out, 0700) != 0)
			return wn_err_set(err, WN_CANTCREAT, "cannot set the mode of %.200s: %s",
			                  out, strerror(errno));
	} else if (errno != EEXIST) {
		return wn_err_set(err, WN_CANTCREAT, "cannot create the directory %.200s: %s",
		                  out, strerror(errno));
	}
	return WN_OK;
}

int wn_db_backup_name(const char *diary, wn_date today, char *out, size_t n,
                      struct wn_err *err)
{
	char dir[PATH_MAX], day[WN_DATE_STRLEN];
	int rc = backup_dir(diary, dir, sizeof dir, err);
	if (rc != WN_OK)
		return rc;
	wn_date_format(today, day);
	for (int k = 1; k <= MAX_SAME_DAY; k++) {
		int w = k == 1 ? snprintf(out, n, "%s/wean-%s.db", dir, day) :
		                 snprintf(out, n, "%s/wean-%s-%d.db", dir, day, k);
		if (w < 0 || (size_t)w >= n)
			return wn_err_set(err, WN_CANTCREAT, "the diary's path is too long for a backup name");
		if (!exists(out))
			return WN_OK;
	}
	wn_err_set(err, WN_CANTCREAT, "%d backups of %s already in %.200s", MAX_SAME_DAY, day, dir);
	wn_err_hint(err, "name the file: 'wean backup FILE'");
	return WN_CANTCREAT;
}
