/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for backups.c: which file is a diary's newest backup.  Each
 * case makes its files, with set modification times, in a directory of
 * its own holding the diary "diary.db". */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/backups.h"
#include "tmpdir.h"

#define T0 1790000000L           /* some time in 2026 */

static char bdir[4096];

static void b_setup(void)
{
	wn_test_mkdtemp(bdir, sizeof bdir, "backups");
}

static void b_teardown(void)
{
	wn_test_rmtree(bdir);
}

TestSuite(backups, .init = b_setup, .fini = b_teardown);

/* A file of the case: its name under the case's directory, how old it is
 * (seconds before T0, nanoseconds too), and whether it is empty or a
 * directory. */
struct bfile {
	const char *name;
	long age, nsec;
	bool empty, is_dir;
};

struct bcase {
	const char *name;
	struct bfile files[6];
	const char *want;        /* relative to the case's directory; NULL = none */
};

static const struct bcase cases[] = {
	{ .name = "no backup at all", .want = NULL },
	{ .name = "an empty backups directory", .files = { { .name = "backups", .is_dir = true } },
	  .want = NULL },
	{ .name = "one default backup",
	  .files = { { .name = "backups/wean-2026-11-20.db", .age = 60 } },
	  .want = "backups/wean-2026-11-20.db" },
	{ .name = "the newest by time, not by name",
	  .files = { { .name = "backups/wean-2026-11-21.db", .age = 500 },
	             { .name = "backups/wean-2026-11-20.db", .age = 50 },
	             { .name = "backups/wean-2026-11-20-2.db", .age = 400 } },
	  .want = "backups/wean-2026-11-20.db" },
	{ .name = "nanoseconds decide",
	  .files = { { .name = "backups/wean-2026-11-20.db", .age = 5, .nsec = 100 },
	             { .name = "backups/wean-2026-11-19.db", .age = 5, .nsec = 200 } },
	  .want = "backups/wean-2026-11-19.db" },
	{ .name = "the same time: the name that sorts last",
	  .files = { { .name = "backups/wean-2026-11-20-2.db", .age = 5 },
	             { .name = "backups/wean-2026-11-20-3.db", .age = 5 } },
	  .want = "backups/wean-2026-11-20-3.db" },
	{ .name = "a migration backup newer than the default ones",
	  .files = { { .name = "backups/wean-2026-11-20.db", .age = 100 },
	             { .name = "diary.db.bak-v1", .age = 10 } },
	  .want = "diary.db.bak-v1" },
	{ .name = "a default backup newer than the migration backups",
	  .files = { { .name = "diary.db.bak-v1", .age = 100 },
	             { .name = "diary.db.bak-v12", .age = 90 },
	             { .name = "backups/wean-2026-11-20.db", .age = 10 } },
	  .want = "backups/wean-2026-11-20.db" },
	{ .name = "empty files and directories are not backups",
	  .files = { { .name = "backups/wean-2026-11-22.db", .age = 1, .empty = true },
	             { .name = "diary.db.bak-v2", .age = 1, .is_dir = true },
	             { .name = "backups/wean-2026-11-20.db", .age = 100 } },
	  .want = "backups/wean-2026-11-20.db" },
	{ .name = "other names are not backups",
	  .files = { { .name = "backups/wean-2026-11-20.db.tmp-AbC123", .age = 1 },
	             { .name = "backups/notes.txt", .age = 1 },
	             { .name = "other.db.bak-v1", .age = 1 },
	             { .name = "diary.db.bak-vx", .age = 1 },
	             { .name = "diary.db.bak-v", .age = 1 },
	             { .name = "backups/wean-.db", .age = 1 } },
	  .want = NULL },
};

static void make(const char *dir, const struct bfile *f)
{
	char path[8300];
	snprintf(path, sizeof path, "%s/%s", dir, f->name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);            /* "backups/" when the file is in it */
	*slash = '/';
	if (f->is_dir) {
		cr_assert(mkdir(path, 0700) == 0 || errno == EEXIST, "%s", path);
		return;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert_geq(fd, 0, "%s: %s", path, strerror(errno));
	if (!f->empty)
		cr_assert_eq(write(fd, "SQLite format 3", 16), 16);
	close(fd);
	struct timespec t[2] = { { .tv_sec = T0 - f->age, .tv_nsec = f->nsec },
	                         { .tv_sec = T0 - f->age, .tv_nsec = f->nsec } };
	cr_assert_eq(utimensat(AT_FDCWD, path, t, 0), 0, "%s", strerror(errno));
}

Test(backups, the_newest_backup_of_a_diary)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct bcase *c = &cases[i];
		char dir[4200], diary[4300], out[8300], want[8300];
		snprintf(dir, sizeof dir, "%s/%zu", bdir, i);
		cr_assert_eq(mkdir(dir, 0700), 0);
		for (size_t k = 0; k < 6 && c->files[k].name; k++)
			make(dir, &c->files[k]);
		snprintf(diary, sizeof diary, "%s/diary.db", dir);
		bool found = wn_db_backup_latest(diary, out, sizeof out);
		cr_expect_eq(found, c->want != NULL, "%s: found %d (%s)", c->name, found, out);
		if (!c->want) {
			cr_expect_str_empty(out, "%s", c->name);
			continue;
		}
		snprintf(want, sizeof want, "%s/%s", dir, c->want);
		cr_expect_str_eq(out, want, "%s", c->name);
	}
}

Test(backups, a_diary_named_without_a_directory)
{
	char here[4096];
	cr_assert_not_null(getcwd(here, sizeof here));
	cr_assert_eq(chdir(bdir), 0);
	make(".", &(struct bfile){ .name = "backups/wean-2026-11-20.db", .age = 9 });
	make(".", &(struct bfile){ .name = "d.db.bak-v1", .age = 99 });
	char out[256];
	bool found = wn_db_backup_latest("d.db", out, sizeof out);
	cr_assert_eq(chdir(here), 0);
	cr_expect(found);
	cr_expect_str_eq(out, "backups/wean-2026-11-20.db");
}

Test(backups, a_path_too_long_for_the_buffer_is_not_given_cut)
{
	char diary[4300], out[16];
	make(bdir, &(struct bfile){ .name = "backups/wean-2026-11-20.db", .age = 1 });
	snprintf(diary, sizeof diary, "%s/diary.db", bdir);
	cr_expect_not(wn_db_backup_latest(diary, out, sizeof out));
	cr_expect_str_empty(out);
}
