/* SPDX-License-Identifier: GPL-3.0-or-later */
/* datafile.c -- finding the data files wean ships; see core/datafile.h. */
#include "core/datafile.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/status.h"

/* Is dir + sub + "/" + name a readable file?  The path is left in buf. */
static bool readable(char *buf, size_t n, const char *dir, const char *sub,
                     const char *name)
{
	if (!dir || !*dir)
		return false;
	int w = snprintf(buf, n, "%s%s/%s", dir, sub, name);
	return w > 0 && (size_t)w < n && access(buf, R_OK) == 0;
}

/* The directory of the running executable into exe; false if unknown. */
static bool exe_dir(char exe[PATH_MAX])
{
	ssize_t len = readlink("/proc/self/exe", exe, PATH_MAX - 1);
	if (len <= 0)
		return false;
	exe[len] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

int wn_datafile_find(const char *name, char *buf, size_t n)
{
	char exe[PATH_MAX];
	bool have_exe = exe_dir(exe);

	if (!buf || n == 0)
		return WN_NOINPUT;
	if (readable(buf, n, getenv("WEAN_DATADIR"), "", name) ||
	    (have_exe && readable(buf, n, exe, "/../share/wean", name)) ||
	    (have_exe && readable(buf, n, exe, "/../data", name)) ||
	    readable(buf, n, getenv("WEAN_SRCDIR"), "/data", name))
		return WN_OK;
	buf[0] = '\0';
	return WN_NOINPUT;
}
