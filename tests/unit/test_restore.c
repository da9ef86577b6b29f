/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for restore.c: which backups are refused and why, a restore
 * that brings the diary back to the backup's days while keeping what it
 * was, a backup of an older schema, and a damaged diary kept with its
 * damaged pages.  Each test works in its own temporary directory. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "db/day.h"
#include "db/restore.h"
#include "schema_old.h"
#include "tmpdir.h"

static char rdir[4096];
static char rdb[4200], rbak[4200], rkeep[4200];
static struct wn_err rerr;

static void r_setup(void)
{
	wn_test_mkdtemp(rdir, sizeof rdir, "restore");
	snprintf(rdb, sizeof rdb, "%s/diary.db", rdir);
	snprintf(rbak, sizeof rbak, "%s/backup.db", rdir);
	snprintf(rkeep, sizeof rkeep, "%s/kept.db", rdir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&rerr);
}

static void r_teardown(void)
{
	wn_test_rmtree(rdir);
}

TestSuite(restore, .init = r_setup, .fini = r_teardown);

static struct wn_db *open_diary(const char *path, bool alone)
{
	struct wn_db *db = NULL;
	struct wn_db_opts o = { .path = path, .create = true, .alone = alone };
	int rc = wn_db_open(&db, &o, &rerr);
	cr_assert_eq(rc, WN_OK, "open %s: %d %s", path, rc, rerr.msg);
	return db;
}

static void mood(struct wn_db *db, const char *date, int m, const char *note)
{
	struct wn_checkin_patch p = { .set = WN_SET_MOOD | WN_SET_NOTE, .mood = m,
	                              .anxiety = WN_UNSET, .energy = WN_UNSET,
	                              .sleep = NAN, .note = note };
	cr_assert_eq(wn_date_parse_iso(date, &p.date, NULL), WN_OK);
	cr_assert_eq(wn_db_checkin_update(db, &p, &rerr), WN_OK, "%s", rerr.msg);
}

/* The day's mood in the diary at path, -1 for no check-in. */
static int mood_in(const char *path, const char *date)
{
	struct wn_db *db = open_diary(path, false);
	struct wn_day day;
	wn_date d;
	cr_assert_eq(wn_date_parse_iso(date, &d, NULL), WN_OK);
	cr_assert_eq(wn_db_day_load(db, d, &day, &rerr), WN_OK, "%s", rerr.msg);
	int m = day.ci.exists ? day.ci.mood : -1;
	wn_day_free(&day);
	wn_db_close(db);
	return m;
}

/* A diary with 2026-11-20 at mood 4, backed up to rbak, then changed. */
static void diary_with_backup(void)
{
	struct wn_db *db = open_diary(rdb, false);
	mood(db, "2026-11-20", 4, "before the backup");
	cr_assert_eq(wn_db_backup_file(db, rbak, false, &rerr), WN_OK, "%s", rerr.msg);
	mood(db, "2026-11-20", 9, "after the backup");
	mood(db, "2026-11-22", 2, "new after the backup");
	wn_db_close(db);
}

static int restore(const char *from, const char *keep, struct wn_restore *r)
{
	struct wn_restore_src *src = NULL;
	int rc = wn_db_restore_open(from, &src, &rerr);
	if (rc != WN_OK)
		return rc;
	struct wn_db *db = open_diary(rdb, true);
	*r = (struct wn_restore){ .keep = keep };
	rc = wn_db_restore(db, src, r, &rerr);
	wn_db_close(db);
	wn_db_restore_close(src);
	return rc;
}

static void sql(const char *path, const char *q)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, q, NULL, NULL, NULL), SQLITE_OK, "%s: %s", q,
	             sqlite3_errmsg(h));
	sqlite3_close(h);
}

static void write_file(const char *path, const void *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

/* 0xff over page `page` (from 1) of the file at path. */
static void damage_page(const char *path, long page)
{
	unsigned char junk[4096];
	memset(junk, 0xff, sizeof junk);
	int fd = open(path, O_WRONLY);
	cr_assert(fd >= 0);
	cr_assert_eq(pwrite(fd, junk, sizeof junk, (page - 1) * 4096), (ssize_t)sizeof junk);
	close(fd);
}

static long root_page(const char *path, const char *table)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
	                                -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long p = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return p;
}

/* ---- refusals ------------------------------------------------------------------ */

struct refusal {
	const char *name;
	void (*make)(void);          /* makes rbak */
	int status;
	const char *says;            /* in the message */
};

static void no_file(void) { }
static void random_bytes(void) { write_file(rbak, "hello, not a diary at all\n", 26); }
static void empty_file(void) { write_file(rbak, "", 0); }
static void a_folder(void) { cr_assert_eq(mkdir(rbak, 0700), 0); }
static void other_program(void) { sql(rbak, "CREATE TABLE contacts(name TEXT)"); }
static void newer_wean(void) { diary_with_backup(); sql(rbak, "PRAGMA user_version = 99"); }
static void damaged(void)
{
	diary_with_backup();
	damage_page(rbak, root_page(rbak, "checkin"));
}

static const struct refusal refusals[] = {
	{ "missing", no_file, WN_NOINPUT, "there is no backup at" },
	{ "random bytes", random_bytes, WN_DATAERR, "is not a wean diary (not a SQLite file)" },
	{ "empty", empty_file, WN_DATAERR, "is an empty diary (no tables)" },
	{ "a folder", a_folder, WN_DATAERR, "is not a wean diary (not a regular file)" },
	{ "another program's", other_program, WN_DATAERR, "another program's SQLite database" },
	{ "a newer wean's", newer_wean, WN_DATAERR, "was written by a newer wean (schema 99" },
	{ "damaged", damaged, WN_DATAERR, "is damaged (" },
};

Test(restore, backups_that_are_refused_before_anything_is_touched)
{
	for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		const struct refusal *t = &refusals[i];
		r_teardown();
		r_setup();
		t->make();
		struct wn_restore_src *src = (struct wn_restore_src *)&src;
		cr_expect_eq(wn_db_restore_open(rbak, &src, &rerr), t->status, "%s: %s", t->name,
		             rerr.msg);
		cr_expect_null(src, "%s", t->name);
		cr_expect_not_null(strstr(rerr.msg, t->says), "%s: %s", t->name, rerr.msg);
	}
}

Test(restore, the_diary_itself_is_no_backup)
{
	diary_with_backup();
	struct wn_restore r;
	cr_expect_eq(restore(rdb, rkeep, &r), WN_USAGE);
	cr_expect_not_null(strstr(rerr.msg, "is the diary itself or one of its files"), "%s", rerr.msg);
	cr_expect_neq(access(rkeep, F_OK), 0, "nothing kept");
	cr_expect_eq(mood_in(rdb, "2026-11-20"), 9, "unchanged");
}

/* ---- restoring ------------------------------------------------------------------ */

Test(restore, the_diary_reads_as_the_backup_and_was_kept_first)
{
	diary_with_backup();
	struct wn_restore r;
	cr_assert_eq(restore(rbak, rkeep, &r), WN_OK, "%s", rerr.msg);
	cr_expect_eq(r.from_version, WN_SCHEMA_VERSION);
	cr_expect_eq(r.checkins, 1);
	char last[WN_DATE_STRLEN];
	cr_expect_str_eq(wn_date_format(r.last, last), "2026-11-20");
	cr_expect_eq(mood_in(rdb, "2026-11-20"), 4);
	cr_expect_eq(mood_in(rdb, "2026-11-22"), -1, "the later day is gone from the diary");
	cr_expect_eq(mood_in(rkeep, "2026-11-20"), 9, "and kept in the copy");
	cr_expect_eq(mood_in(rkeep, "2026-11-22"), 2);
}

Test(restore, a_backup_of_an_older_schema_is_upgraded)
{
	diary_with_backup();
	sql(rbak, WN_TEST_DROP_V5 "DROP TABLE plan_ack; DROP TABLE hold_proposal;"
	          " ALTER TABLE plan DROP COLUMN form_label; ALTER TABLE plan DROP COLUMN agreed_on;"
	          " PRAGMA user_version = 1;");
	struct wn_restore r;
	cr_assert_eq(restore(rbak, NULL, &r), WN_OK, "%s", rerr.msg);
	cr_expect_eq(r.from_version, 1);
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(rdb, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_eq(sqlite3_column_int(st, 0), WN_SCHEMA_VERSION);
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "wal", "still WAL");
	sqlite3_finalize(st);
	sqlite3_close(h);
	cr_expect_eq(mood_in(rdb, "2026-11-20"), 4);
}

Test(restore, a_damaged_diary_is_kept_with_its_damage)
{
	diary_with_backup();
	long page = root_page(rdb, "checkin");
	damage_page(rdb, page);
	struct wn_restore r;
	cr_assert_eq(restore(rbak, rkeep, &r), WN_OK, "%s", rerr.msg);
	cr_expect_eq(mood_in(rdb, "2026-11-20"), 4, "the diary reads as the backup");
	unsigned char got[4096], junk[4096];
	memset(junk, 0xff, sizeof junk);
	int fd = open(rkeep, O_RDONLY);
	cr_assert(fd >= 0);
	cr_assert_eq(pread(fd, got, sizeof got, (page - 1) * 4096), (ssize_t)sizeof got);
	close(fd);
	cr_expect_eq(memcmp(got, junk, sizeof got), 0, "the damaged page kept as it was");
}
