/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tmpdir.c -- private temporary directories for the unit tests (tmpdir.h). */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "tmpdir.h"

void wn_test_mkdtemp(char *dir, size_t n, const char *tag)
{
	const char *base = getenv("WEAN_TMP");
	if (!base || !*base)
		base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	int len = snprintf(dir, n, "%s/wean-%s-XXXXXX", base, tag);
	cr_assert(len > 0 && (size_t)len < n, "temporary directory name too long: %s", base);
	cr_assert_not_null(mkdtemp(dir), "mkdtemp %s: %s", dir, strerror(errno));
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : remove(path);
}

void wn_test_rmtree(const char *dir)
{
	if (dir && *dir)
		nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}
