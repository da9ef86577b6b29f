/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for files.c: the lock file every open holds (shared, or
 * alone for a restore), the stale temporary files the first wean in
 * removes, and the owner and modes of the diary's files.  Each test works
 * in its own temporary directory, with umask 000 so that the modes are
 * wean's own doing. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "db/db.h"
#include "tmpdir.h"

static char fdir[4096];
static char fdb[4200], flock_path[4300];
static struct wn_err ferr;
static char told[8][512];
static int n_told;

static void f_setup(void)
{
	wn_test_mkdtemp(fdir, sizeof fdir, "files");
	snprintf(fdb, sizeof fdb, "%s/diary.db", fdir);
	snprintf(flock_path, sizeof flock_path, "%s" WN_DB_LOCK_SUFFIX, fdb);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	umask(0);
	wn_err_clear(&ferr);
	n_told = 0;
}

static void f_teardown(void)
{
	chmod(fdir, 0700);
	wn_test_rmtree(fdir);
}

TestSuite(files, .init = f_setup, .fini = f_teardown);

static void notice(void *ctx, const char *line)
{
	(void)ctx;
	if (n_told < 8)
		snprintf(told[n_told], sizeof told[n_told], "%s", line);
	n_told++;
}

/* Opens the diary: WN_OK with *db, or the status (err in ferr). */
static int try_open(struct wn_db **db, bool alone, int busy_ms)
{
	struct wn_db_opts o = { .path = fdb, .create = true, .alone = alone,
	                        .busy_ms = busy_ms, .notice = notice };
	return wn_db_open(db, &o, &ferr);
}

static struct wn_db *must_open(bool alone)
{
	struct wn_db *db = NULL;
	int rc = try_open(&db, alone, 0);
	cr_assert_eq(rc, WN_OK, "open: %d %s", rc, ferr.msg);
	return db;
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static int mode_of(const char *path)
{
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "stat %s: %s", path, strerror(errno));
	return (int)(st.st_mode & 0777);
}

/* A file of n bytes at fdir/name, its time set age seconds back. */
static void plant(const char *name, long age)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s", fdir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	fputs("a killed backup", f);
	fclose(f);
	struct utimbuf t = { .actime = time(NULL) - age, .modtime = time(NULL) - age };
	cr_assert_eq(utime(path, &t), 0);
}

static bool planted(const char *name)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s", fdir, name);
	return exists(path);
}

/* ---- the lock ------------------------------------------------------------ */

Test(files, the_lock_file_is_private_and_the_last_one_out_removes_it)
{
	struct wn_db *a = must_open(false), *b = must_open(false);
	cr_expect_eq(mode_of(flock_path), 0600);
	wn_db_close(a);
	cr_expect(exists(flock_path), "another wean still has the diary open");
	wn_db_close(b);
	cr_expect_not(exists(flock_path), "the last one out removes it");
	cr_expect_eq(n_told, 0, "nothing said: %s", told[0]);
}

Test(files, alone_is_refused_while_another_wean_has_the_diary_open)
{
	struct wn_db *a = must_open(false), *b = NULL;
	cr_expect_eq(try_open(&b, true, 0), WN_TEMPFAIL);
	cr_expect_null(b);
	cr_expect_str_eq(ferr.msg, "another wean has the diary open; nothing was changed");
	cr_expect(exists(flock_path), "the refused open leaves the lock file of the other");
	wn_db_close(a);
	b = must_open(true);
	wn_db_close(b);
}

Test(files, an_open_waits_for_a_restore_then_says_so)
{
	struct wn_db *alone = must_open(true), *b = NULL;
	cr_expect_eq(try_open(&b, false, 200), WN_TEMPFAIL);
	cr_expect_str_eq(ferr.msg, "the diary is being restored from a backup by another wean");
	wn_db_close(alone);
	b = must_open(false);
	wn_db_close(b);
}

Test(files, a_symbolic_link_to_the_diary_shares_its_lock)
{
	struct wn_db *db = must_open(false), *other = NULL;
	char link[4300];
	snprintf(link, sizeof link, "%s/link.db", fdir);
	cr_assert_eq(symlink(fdb, link), 0);
	struct wn_db_opts o = { .path = link, .alone = true };
	cr_expect_eq(wn_db_open(&other, &o, &ferr), WN_TEMPFAIL, "%s", ferr.msg);
	wn_db_close(db);
	cr_assert_eq(wn_db_open(&other, &o, &ferr), WN_OK, "%s", ferr.msg);
	cr_expect(wn_db_owns_path(other, flock_path), "the lock beside the real file");
	wn_db_close(other);
	cr_expect_not(exists(flock_path));
}

/* A refused open removes no -wal: while it waited, the wean that has the
 * diary may have made one (before, the clean-up after a failed open took
 * an empty -wal it had not seen at the start for its own). */
Test(files, a_busy_open_leaves_the_other_weans_files)
{
	struct wn_db *db = must_open(false);
	char wal[4300];
	snprintf(wal, sizeof wal, "%s-wal", fdb);
	wn_db_close(db);
	db = NULL;
	cr_assert_not(exists(wal), "a closed diary has no -wal");
	int held = open(flock_path, O_RDONLY | O_CREAT, 0600);   /* a restore */
	cr_assert_eq(flock(held, LOCK_EX), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {                 /* the other wean makes its -wal */
		usleep(100 * 1000);
		FILE *f = fopen(wal, "w");
		_exit(f && fclose(f) == 0 ? 0 : 1);
	}
	cr_expect_eq(try_open(&db, false, 600), WN_TEMPFAIL);
	waitpid(pid, NULL, 0);
	cr_expect(exists(wal), "the other wean's -wal is still there");
	close(held);
}

Test(files, a_wean_killed_with_9_holds_no_lock)
{
	int ready[2];
	cr_assert_eq(pipe(ready), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		struct wn_db *db = NULL;
		char c = try_open(&db, false, 0) == WN_OK ? 'y' : 'n';
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	char c = 0;
	cr_assert_eq(read(ready[0], &c, 1), 1);
	cr_assert_eq(c, 'y', "the child opened the diary");
	struct wn_db *db = NULL;
	cr_expect_eq(try_open(&db, true, 0), WN_TEMPFAIL, "the child has it open");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	db = must_open(true);
	wn_db_close(db);
}

Test(files, the_lock_file_is_one_of_the_diarys_own)
{
	struct wn_db *db = must_open(false);
	cr_expect(wn_db_owns_path(db, flock_path));
	char out[4400];
	snprintf(out, sizeof out, "%s/x.csv", fdir);
	cr_expect_not(wn_db_owns_path(db, out));
	cr_expect_eq(wn_db_backup_file(db, flock_path, true, &ferr), WN_USAGE);
	cr_expect_eq(wn_db_write_output(db, flock_path, "x", 1, true, &ferr), WN_CANTCREAT);
	cr_expect_eq(mode_of(flock_path), 0600, "untouched");
	wn_db_close(db);
}

/* ---- stale temporary files ------------------------------------------------ */

Test(files, stale_temporary_files_go_at_the_next_start)
{
	char backups[4300];
	snprintf(backups, sizeof backups, "%s/backups", fdir);
	cr_assert_eq(mkdir(backups, 0700), 0);
	plant("diary.db.bak-v1.tmp-Ab12Cd", 3600);
	plant("out.csv.tmp-XyZ789", WN_DB_STALE_SECONDS + 5);
	plant("backups/wean-2026-11-24.db.tmp-q1W2e3", 3600);
	plant("young.db.tmp-AAAAAA", 0);           /* another wean may be writing it */
	plant("notes.tmp-abc", 3600);              /* not wean's pattern */
	plant("notes.tmp-abc12!", 3600);
	plant(".tmp-abcdef", 3600);
	struct wn_db *db = must_open(false);
	wn_db_close(db);
	cr_expect_not(planted("diary.db.bak-v1.tmp-Ab12Cd"));
	cr_expect_not(planted("out.csv.tmp-XyZ789"));
	cr_expect_not(planted("backups/wean-2026-11-24.db.tmp-q1W2e3"));
	cr_expect(planted("young.db.tmp-AAAAAA"));
	cr_expect(planted("notes.tmp-abc"));
	cr_expect(planted("notes.tmp-abc12!"));
	cr_expect(planted(".tmp-abcdef"));
	cr_expect_eq(n_told, 0, "said nothing: %s", told[0]);
}

Test(files, stale_files_stay_while_another_wean_has_the_diary_open)
{
	struct wn_db *a = must_open(false);
	plant("out.csv.tmp-XyZ789", 3600);
	struct wn_db *b = must_open(false);
	cr_expect(planted("out.csv.tmp-XyZ789"));
	wn_db_close(b);
	wn_db_close(a);
	a = must_open(false);
	cr_expect_not(planted("out.csv.tmp-XyZ789"), "alone again: removed");
	wn_db_close(a);
}

Test(files, a_folder_others_may_write_to_is_left_alone)
{
	cr_assert_eq(chmod(fdir, 01777), 0);
	plant("out.csv.tmp-XyZ789", 3600);
	struct wn_db *db = must_open(false);
	wn_db_close(db);
	cr_expect(planted("out.csv.tmp-XyZ789"), "like /tmp: not ours to judge");
}

/* ---- owner and modes ------------------------------------------------------ */

Test(files, a_diary_readable_by_others_is_made_private_and_said_once)
{
	struct wn_db *db = must_open(false);
	wn_db_close(db);
	cr_assert_eq(chmod(fdb, 0666), 0);
	db = must_open(false);
	cr_expect_eq(mode_of(fdb), 0600);
	cr_assert_eq(n_told, 1);
	cr_expect_str_eq(told[0], "the diary was readable by others; it is now private (0600)");
	wn_db_close(db);
	db = must_open(false);
	cr_expect_eq(n_told, 1, "said once");
	wn_db_close(db);
}

Test(files, a_read_only_diary_stays_read_only)
{
	struct wn_db *db = must_open(false);
	wn_db_close(db);
	cr_assert_eq(chmod(fdb, 0444), 0);
	db = NULL;
	try_open(&db, false, 0);       /* root may write it anyway */
	wn_db_close(db);
	cr_expect_eq(mode_of(fdb), 0400, "only the others' bits go");
	cr_assert_eq(n_told, 1);
	cr_expect_str_eq(told[0], "the diary was readable by others; it is now private (0400)");
}

Test(files, a_loose_wal_is_made_private_too)
{
	struct wn_db *db = must_open(false);
	char wal[4300];
	snprintf(wal, sizeof wal, "%s-wal", fdb);
	cr_assert(exists(wal), "WAL mode keeps a -wal while open");
	cr_assert_eq(chmod(wal, 0644), 0);
	struct wn_db *other = must_open(false);
	cr_expect_eq(mode_of(wal), 0600);
	cr_expect_eq(n_told, 1);
	wn_db_close(other);
	wn_db_close(db);
}

Test(files, a_diary_of_another_user_is_refused)
{
	if (geteuid() != 0)
		cr_skip_test("only root can give a file to another user");
	struct wn_db *db = must_open(false);
	wn_db_close(db);
	cr_assert_eq(chown(fdb, 65534, 65534), 0);
	cr_assert_eq(chmod(fdb, 0644), 0);
	db = NULL;
	cr_expect_eq(try_open(&db, false, 0), WN_NOPERM);
	cr_expect_eq(WN_NOPERM, 77, "sysexits EX_NOPERM");
	cr_expect_not_null(strstr(ferr.msg, "belongs to another user (uid 65534)"), "%s", ferr.msg);
	cr_expect_eq(mode_of(fdb), 0644, "untouched");
	cr_expect_not(exists(flock_path));
}

static void collect(void *ctx, const char *line)
{
	notice(ctx, line);
}

Test(files, check_reports_backups_others_may_read)
{
	struct wn_db *db = must_open(false);
	char path[4400];
	snprintf(path, sizeof path, "%s/backups", fdir);
	cr_assert_eq(mkdir(path, 0755), 0);
	plant("backups/wean-2026-11-24.db", 0);
	snprintf(path, sizeof path, "%s/backups/wean-2026-11-24.db", fdir);
	cr_assert_eq(chmod(path, 0640), 0);
	cr_expect_eq(wn_db_check(db, collect, NULL, &ferr), WN_DATAERR);
	cr_assert_eq(n_told, 2, "%s", told[0]);
	char want[4600];
	snprintf(want, sizeof want, "%s/backups is not private: mode 755, others may use it"
	         " (wean keeps it 700)", fdir);
	cr_expect_str_eq(told[0], want);
	snprintf(want, sizeof want, "%s/backups/wean-2026-11-24.db is not private: mode 640,"
	         " others may use it (wean keeps it 600)", fdir);
	cr_expect_str_eq(told[1], want);
	wn_db_close(db);
}
