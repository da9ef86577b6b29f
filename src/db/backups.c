/* backups.c -- finding the newest backup of a diary (backups.h). */
#include "db/backups.h"

#include <dirent.h>
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

/* Takes dir/name when it is a non-empty regular file newer than the best. */
static void consider(struct newest *best, const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat st;
	int w = snprintf(path, sizeof path, "%s%s", dir, name);
	if (w < 0 || (size_t)w >= sizeof path || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode) || st.st_size == 0)
		return;
	int newer = !best->found || later(&st.st_mtim, &best->mtime) ? 1 :
	            later(&best->mtime, &st.st_mtim) ? -1 : strcmp(path, best->path);
	if (newer <= 0)
		return;
	memcpy(best->path, path, (size_t)w + 1);
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
static void scan(struct newest *best, const char *dir, const char *base)
{
	DIR *d = opendir(*dir ? dir : ".");
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		if (is_backup(e->d_name, base))
			consider(best, dir, e->d_name);
	closedir(d);
}

bool wn_db_backup_latest(const char *diary, char *out, size_t n)
{
	struct newest best = { .found = false };
	char dir[PATH_MAX];
	const char *slash = strrchr(diary, '/');
	int len = slash ? (int)(slash - diary) + 1 : 0;   /* with the '/' */
	if (n > 0)
		out[0] = '\0';
	if (snprintf(dir, sizeof dir, "%.*s", len, diary) >= (int)sizeof dir)
		return false;
	scan(&best, dir, diary + len);
	if (snprintf(dir, sizeof dir, "%.*s" WN_BACKUP_DIR "/", len, diary) >=
	    (int)sizeof dir)
		return false;
	scan(&best, dir, NULL);
	if (!best.found || strlen(best.path) >= n)
		return false;
	memcpy(out, best.path, strlen(best.path) + 1);
	return true;
}
