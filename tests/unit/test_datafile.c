/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for datafile.c: finding the data files wean ships. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/datafile.h"
#include "core/status.h"

static char tmpdir[PATH_MAX];

static void setup(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/wean-datafile-XXXXXX", t && *t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/data/x.ini", tmpdir);
	unlink(path);
	snprintf(path, sizeof path, "%s/x.ini", tmpdir);
	unlink(path);
	snprintf(path, sizeof path, "%s/data", tmpdir);
	rmdir(path);
	rmdir(tmpdir);
	unsetenv("WEAN_DATADIR");
	unsetenv("WEAN_SRCDIR");
}

TestSuite(datafile, .init = setup, .fini = teardown);

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs("[x]\n", f);
	fclose(f);
}

Test(datafile, datadir_first_then_srcdir)
{
	char path[PATH_MAX + 16], data[PATH_MAX + 16], srcfile[PATH_MAX + 32];
	char buf[PATH_MAX + 64];

	snprintf(path, sizeof path, "%s/x.ini", tmpdir);
	touch(path);
	snprintf(data, sizeof data, "%s/data", tmpdir);
	cr_assert_eq(mkdir(data, 0700), 0);
	snprintf(srcfile, sizeof srcfile, "%s/x.ini", data);
	touch(srcfile);

	setenv("WEAN_DATADIR", tmpdir, 1);
	setenv("WEAN_SRCDIR", tmpdir, 1);
	cr_expect_eq(wn_datafile_find("x.ini", buf, sizeof buf), WN_OK);
	cr_expect_str_eq(buf, path, "WEAN_DATADIR comes first");
	unsetenv("WEAN_DATADIR");
	cr_expect_eq(wn_datafile_find("x.ini", buf, sizeof buf), WN_OK);
	cr_expect_str_eq(buf, srcfile, "then WEAN_SRCDIR/data");
}

Test(datafile, shipped_files_found_from_the_source_tree)
{
	char buf[PATH_MAX];

	/* next to build/unit-tests (../data), or through WEAN_SRCDIR */
	cr_expect_eq(wn_datafile_find("drugs.ini", buf, sizeof buf), WN_OK);
	cr_expect(strstr(buf, "drugs.ini") != NULL, "%s", buf);
	cr_expect_eq(access(buf, R_OK), 0, "%s", buf);
	cr_expect_eq(wn_datafile_find("dess.ini", buf, sizeof buf), WN_OK);
	cr_expect(strstr(buf, "dess.ini") != NULL, "%s", buf);
}

Test(datafile, missing_or_too_long)
{
	char buf[PATH_MAX];

	setenv("WEAN_DATADIR", tmpdir, 1);
	cr_expect_eq(wn_datafile_find("no-such-file.ini", buf, sizeof buf), WN_NOINPUT);
	cr_expect_str_eq(buf, "");
	cr_expect_eq(wn_datafile_find("drugs.ini", buf, 4), WN_NOINPUT, "too small");
	cr_expect_str_eq(buf, "");
	cr_expect_eq(wn_datafile_find("drugs.ini", NULL, 0), WN_NOINPUT);
}
