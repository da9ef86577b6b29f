/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fileio.c -- atomic, private file writes; see fileio.h. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/fileio.h"

int wn_file_write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		len -= (size_t)w;
	}
	return 0;
}

void wn_file_sync(const char *path, bool dir_of)
{
	char *copy = strdup(path);
	if (!copy)
		return;
	if (dir_of) {
		char *slash = strrchr(copy, '/');
		if (slash == copy)
			slash[1] = '\0';
		else if (slash)
			*slash = '\0';
		else
			strcpy(copy, ".");
	}
	int fd = open(copy, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

static int exists_error(const char *path, struct wn_err *err)
{
	wn_err_set(err, WN_CANTCREAT, "%.200s already exists", path);
	wn_err_hint(err, "use --force to replace it, or choose another file");
	return WN_CANTCREAT;
}

int wn_file_tmp_create(const char *path, char **tmp, int *fd, struct wn_err *err)
{
	*tmp = NULL;
	*fd = -1;
	if (!path || !*path)
		return wn_err_set(err, WN_USAGE, "no file name given");
	size_t n = strlen(path) + 16;
	char *name = malloc(n);
	if (!name)
		return wn_err_set(err, WN_ERR, "out of memory");
	snprintf(name, n, "%s.tmp-XXXXXX", path);
	int f = mkstemp(name);
	if (f < 0) {
		int e = errno;
		free(name);
		return wn_err_set(err, e == ENOSPC || e == EDQUOT ? WN_IOERR : WN_CANTCREAT,
		                  "cannot create %.200s: %s", path, strerror(e));
	}
	if (fchmod(f, 0600) != 0) {
		int e = errno;
		close(f);
		unlink(name);
		free(name);
		return wn_err_set(err, WN_CANTCREAT, "cannot set the mode of %.200s: %s",
		                  path, strerror(e));
	}
	*tmp = name;
	*fd = f;
	return WN_OK;
}

/* link() refuses an existing path atomically; where links are not
 * supported, check, then rename. */
int wn_file_publish(const char *tmp, const char *path, bool force, struct wn_err *err)
{
	struct stat sb;
	if (!force) {
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return WN_OK;
		}
		if (errno == EEXIST || lstat(path, &sb) == 0)
			return exists_error(path, err);
	}
	if (rename(tmp, path) != 0)
		return wn_err_set(err, WN_CANTCREAT, "cannot create %.200s: %s", path,
		                  strerror(errno));
	return WN_OK;
}

static int write_error(const char *path, struct wn_err *err)
{
	return wn_err_set(err, errno == ENOSPC || errno == EDQUOT ? WN_IOERR : WN_CANTCREAT,
	                  "cannot write %.200s: %s", path, strerror(errno));
}

int wn_file_stage_open(struct wn_file_stage *s, const char *path, bool force,
                       struct wn_err *err)
{
	struct stat sb;
	*s = (struct wn_file_stage){ .path = path, .fd = -1, .force = force };
	if (path && *path && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* renaming over a FIFO, a device or /dev/stdout would replace
		 * the node itself with a plain file */
		wn_err_set(err, WN_CANTCREAT, "%.200s is not a regular file", path);
		wn_err_hint(err, "leave out -o to write to standard output");
		return WN_CANTCREAT;
	}
	if (path && *path && !force && lstat(path, &sb) == 0)
		return exists_error(path, err);
	return wn_file_tmp_create(path, &s->tmp, &s->fd, err);
}

int wn_file_stage_write(struct wn_file_stage *s, const char *data, size_t len,
                        struct wn_err *err)
{
	return wn_file_write_all(s->fd, data, len) == 0 ? WN_OK : write_error(s->path, err);
}

int wn_file_stage_close(struct wn_file_stage *s, int rc, struct wn_err *err)
{
	if (s->fd < 0) {
		free(s->tmp);
		s->tmp = NULL;
		return rc;
	}
	if (rc == WN_OK && fsync(s->fd) != 0)
		rc = write_error(s->path, err);
	if (close(s->fd) != 0 && rc == WN_OK)
		rc = wn_err_set(err, WN_IOERR, "cannot write %.200s: %s", s->path, strerror(errno));
	s->fd = -1;
	rc = wn_file_finish(s->tmp, s->path, s->force, rc, err);
	s->tmp = NULL;
	return rc;
}

int wn_file_write_atomic(const char *path, const char *data, size_t len,
                         bool force, struct wn_err *err)
{
	struct wn_file_stage s;
	int rc = wn_file_stage_open(&s, path, force, err);
	if (rc != WN_OK)
		return wn_file_stage_close(&s, rc, err);
	rc = wn_file_stage_write(&s, data, len, err);
	return wn_file_stage_close(&s, rc, err);
}

/* ---- stale temporary files ------------------------------------------- */

/* "NAME.tmp-XXXXXX", as wn_file_tmp_create names them (mkstemp fills the
 * six places with letters and digits); with base, NAME must be base. */
static bool is_tmp_name(const char *name, const char *base)
{
	size_t n = strlen(name);
	if (n < 12 || memcmp(name + n - 11, ".tmp-", 5) != 0)
		return false;
	if (base && (strlen(base) != n - 11 || memcmp(name, base, n - 11) != 0))
		return false;
	for (const char *p = name + n - 6; *p; p++)
		if (!isalnum((unsigned char)*p))
			return false;
	return true;
}

void wn_file_sweep_tmp(const char *dir, const char *base, long max_age,
                       void (*warn)(void *ctx, const char *path, int e), void *ctx)
{
	struct stat st;
	const char *at = *dir ? dir : ".";
	if (stat(at, &st) != 0 || (st.st_mode & 022))
		return;
	DIR *d = opendir(at);
	if (!d)
		return;
	time_t now = time(NULL);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		char path[PATH_MAX];
		if (!is_tmp_name(e->d_name, base) ||
		    (size_t)snprintf(path, sizeof path, "%s%s", dir, e->d_name) >= sizeof path ||
		    lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
		    st.st_uid != geteuid() || now - st.st_mtime < max_age)
			continue;
		if (unlink(path) != 0 && errno != ENOENT && warn)
			warn(ctx, path, errno);
	}
	closedir(d);
}

/* The stale "PATH.tmp-XXXXXX" of earlier writes to path that were killed
 * (their own clean-up never ran). */
static void sweep_siblings(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) + 1 : 0;
	if (n >= sizeof dir)
		return;
	memcpy(dir, path, n);
	dir[n] = '\0';
	wn_file_sweep_tmp(dir, path + n, WN_FILE_STALE_SECONDS, NULL, NULL);
}

int wn_file_finish(char *tmp, const char *path, bool force, int rc, struct wn_err *err)
{
	if (rc == WN_OK)
		rc = wn_file_publish(tmp, path, force, err);
	if (rc == WN_OK) {
		wn_file_sync(path, true);
		sweep_siblings(path);
	} else {
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* ---- reading a file to import ------------------------------------------ */

static int too_large(const char *path, unsigned long long max, unsigned long long size,
                     bool pipe, struct wn_err *err)
{
	if (pipe)
		return wn_err_set(err, WN_DATAERR, "%.200s holds more than %llu MiB; nothing was"
		                  " imported", path, max >> 20);
	return wn_err_set(err, WN_DATAERR, "%.200s is larger than %llu MiB (%.1f MiB); nothing"
	                  " was read", path, max >> 20, (double)size / (1024.0 * 1024.0));
}

/* The rest of in copied into an unnamed file in $TMPDIR, at most max
 * bytes: its descriptor in *out, at its start. */
static int spool(const char *path, int in, unsigned long long max, int *out,
                 struct wn_err *err)
{
	const char *dir = getenv("TMPDIR");
	char name[4096];
	snprintf(name, sizeof name, "%s/wean-import-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(name);
	if (fd < 0)
		return wn_err_set(err, WN_CANTCREAT, "cannot make a temporary copy of %.200s:"
		                  " %s", path, strerror(errno));
	unlink(name);
	char buf[65536];
	unsigned long long total = 0;
	int rc = WN_OK;
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0)
				rc = wn_err_set(err, WN_IOERR, "cannot read %.200s: %s", path,
				                strerror(errno));
			break;
		}
		total += (unsigned long long)n;
		if (total > max) {
			rc = too_large(path, max, total, true, err);
			break;
		}
		if (wn_file_write_all(fd, buf, (size_t)n) != 0) {
			rc = wn_err_set(err, WN_IOERR, "cannot make a temporary copy of %.200s:"
			                " %s", path, strerror(errno));
			break;
		}
	}
	if (rc == WN_OK && lseek(fd, 0, SEEK_SET) != 0)
		rc = wn_err_set(err, WN_IOERR, "cannot read %.200s: %s", path, strerror(errno));
	if (rc != WN_OK)
		close(fd);
	else
		*out = fd;
	return rc;
}

int wn_file_open_input(const char *path, unsigned long long max, int *fd,
                       struct wn_err *err)
{
	struct stat st;
	*fd = -1;
	int in = open(path, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return wn_err_set(err, WN_NOINPUT, "cannot read %.200s: %s", path, strerror(errno));
	int rc = WN_OK;
	if (fstat(in, &st) != 0)
		rc = wn_err_set(err, WN_IOERR, "cannot read %.200s: %s", path, strerror(errno));
	else if (S_ISDIR(st.st_mode))
		rc = wn_err_set(err, WN_IOERR, "cannot read %.200s: %s", path, strerror(EISDIR));
	else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		rc = too_large(path, max, (unsigned long long)st.st_size, false, err);
	else if (S_ISREG(st.st_mode))
		*fd = in;
	else
		rc = spool(path, in, max, fd, err);
	if (*fd != in)
		close(in);
	return rc;
}
