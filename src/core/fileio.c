/* fileio.c -- atomic, private file writes; see fileio.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int wn_file_write_atomic(const char *path, const char *data, size_t len,
                         bool force, struct wn_err *err)
{
	struct stat sb;
	if (path && *path && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* renaming over a FIFO, a device or /dev/stdout would replace
		 * the node itself with a plain file */
		wn_err_set(err, WN_CANTCREAT, "%.200s is not a regular file", path);
		wn_err_hint(err, "leave out -o to write to standard output");
		return WN_CANTCREAT;
	}
	if (path && *path && !force && lstat(path, &sb) == 0)
		return exists_error(path, err);
	char *tmp;
	int fd;
	int rc = wn_file_tmp_create(path, &tmp, &fd, err);
	if (rc != WN_OK)
		return rc;
	if (wn_file_write_all(fd, data, len) != 0 || fsync(fd) != 0)
		rc = wn_err_set(err, errno == ENOSPC || errno == EDQUOT ? WN_IOERR : WN_CANTCREAT,
		                "cannot write %.200s: %s", path, strerror(errno));
	if (close(fd) != 0 && rc == WN_OK)
		rc = wn_err_set(err, WN_IOERR, "cannot write %.200s: %s", path, strerror(errno));
	return wn_file_finish(tmp, path, force, rc, err);
}

int wn_file_finish(char *tmp, const char *path, bool force, int rc, struct wn_err *err)
{
	if (rc == WN_OK)
		rc = wn_file_publish(tmp, path, force, err);
	if (rc == WN_OK)
		wn_file_sync(path, true);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}
