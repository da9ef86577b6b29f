/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for fileio.c: atomic, private writes that refuse to replace
 * a file without force and leave no temporary files behind. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/fileio.h"
#include "tmpdir.h"

static char fdir[4096];

static void f_setup(void)
{
	wn_test_mkdtemp(fdir, sizeof fdir, "fileio");
}

static void f_teardown(void)
{
	wn_test_rmtree(fdir);
}

static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

TestSuite(fileio, .init = f_setup, .fini = f_teardown);

Test(fileio, writes_private_file_under_open_umask)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/out.txt", fdir);
	mode_t old = umask(0);
	struct wn_err err = { 0 };
	int rc = wn_file_write_atomic(path, "hello\n", 6, false, &err);
	umask(old);
	cr_assert_eq(rc, WN_OK, "%s", err.msg);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	cr_assert_str_eq(slurp(path), "hello\n");
	cr_assert_eq(entries(fdir), 1, "a temporary file was left behind");
}

Test(fileio, refuses_existing_without_force_and_keeps_it)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/out.txt", fdir);
	struct wn_err err = { 0 };
	cr_assert_eq(wn_file_write_atomic(path, "one", 3, false, &err), WN_OK);
	cr_assert_eq(wn_file_write_atomic(path, "two", 3, false, &err), WN_CANTCREAT);
	cr_assert(strstr(err.msg, "already exists"), "%s", err.msg);
	cr_assert(strstr(err.hint, "--force"), "%s", err.hint);
	cr_assert_str_eq(slurp(path), "one");
	cr_assert_eq(entries(fdir), 1);
	cr_assert_eq(wn_file_write_atomic(path, "two", 3, true, &err), WN_OK, "%s", err.msg);
	cr_assert_str_eq(slurp(path), "two");
	cr_assert_eq(entries(fdir), 1);
}

Test(fileio, missing_directory_is_a_clear_error)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/no/such/dir/out.txt", fdir);
	struct wn_err err = { 0 };
	cr_assert_eq(wn_file_write_atomic(path, "x", 1, false, &err), WN_CANTCREAT);
	cr_assert(strstr(err.msg, "cannot create"), "%s", err.msg);
	cr_assert_eq(entries(fdir), 0);
}

Test(fileio, empty_name_is_usage)
{
	struct wn_err err = { 0 };
	cr_assert_eq(wn_file_write_atomic("", "x", 1, false, &err), WN_USAGE);
}

/* A file named as a temporary one, last changed age seconds ago. */
static void plant(const char *name, long age)
{
	char p[4300];
	snprintf(p, sizeof p, "%s/%s", fdir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs("half of an old export", f);
	fclose(f);
	struct timespec t[2] = { { .tv_sec = time(NULL) - age }, { .tv_sec = time(NULL) - age } };
	cr_assert_eq(utimensat(AT_FDCWD, p, t, 0), 0);
}

static bool there(const char *name)
{
	char p[4300];
	snprintf(p, sizeof p, "%s/%s", fdir, name);
	return access(p, F_OK) == 0;
}

/* The bug: an export or backup killed before its rename left its whole
 * temporary copy beside the target for ever (186 after a kill loop). */
Test(fileio, a_finished_write_removes_the_stale_copies_of_killed_ones)
{
	plant("out.csv.tmp-a1B2c3", WN_FILE_STALE_SECONDS + 60);     /* killed long ago */
	plant("out.csv.tmp-d4E5f6", 5);                              /* being written now */
	plant("other.csv.tmp-g7H8i9", WN_FILE_STALE_SECONDS + 60);   /* another file's */
	plant("out.csv.tmp-short", WN_FILE_STALE_SECONDS + 60);      /* not mkstemp's name */
	char path[4300];
	snprintf(path, sizeof path, "%s/out.csv", fdir);
	struct wn_err err = {0};
	cr_assert_eq(wn_file_write_atomic(path, "a\n", 2, false, &err), WN_OK, "%s", err.msg);
	cr_expect_not(there("out.csv.tmp-a1B2c3"));
	cr_expect(there("out.csv.tmp-d4E5f6"));
	cr_expect(there("other.csv.tmp-g7H8i9"));
	cr_expect(there("out.csv.tmp-short"));
	cr_expect(there("out.csv"));
}

Test(fileio, no_sweep_in_a_folder_others_may_write)
{
	cr_assert_eq(chmod(fdir, 0777), 0);
	plant("out.csv.tmp-a1B2c3", WN_FILE_STALE_SECONDS + 60);
	char dir[4300];
	snprintf(dir, sizeof dir, "%s/", fdir);
	wn_file_sweep_tmp(dir, NULL, 0, NULL, NULL);
	cr_expect(there("out.csv.tmp-a1B2c3"));
	cr_assert_eq(chmod(fdir, 0700), 0);
	wn_file_sweep_tmp(dir, NULL, 0, NULL, NULL);
	cr_expect_not(there("out.csv.tmp-a1B2c3"));
}
