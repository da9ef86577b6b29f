/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for what an import does with days already in the diary
 * (issue 15): before, the file's mood and note overwrote the person's own
 * without a word and Daylio entries of one date on rows apart overwrote
 * each other.  Now each value the diary has otherwise is a conflict,
 * listed and settled by --on-conflict (keep, replace, append), the counts
 * are right, and the diary is backed up before its days change. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/import.h"
#include "db/db.h"
#include "db/day.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char cdir[4096];
static struct wn_db *cdb;
static struct wn_err cerr;

static void c_exec(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(wn_db_sqlite(cdb), sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s",
	             sql, msg ? msg : "");
}

/* The person's own day: mood 5, a note, a nausea rating, a dose. */
static void c_setup(void)
{
	wn_test_mkdtemp(cdir, sizeof cdir, "iconf");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", cdir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&cerr);
	cr_assert_eq(wn_db_open(&cdb, &o, &cerr), WN_OK, "%s", cerr.msg);
	c_exec("INSERT INTO medication(name, unit) VALUES ('sertraline', 'mg');"
	       "INSERT INTO checkin(date, mood, note) VALUES ('2026-03-04', 5, 'my own words');"
	       "INSERT INTO rating(date, symptom_id, value)"
	       " SELECT '2026-03-04', id, 2 FROM symptom WHERE name = 'nausea';"
	       "INSERT INTO dose(date, med_id, minute, amount) VALUES ('2026-03-04', 1, 480, 50)");
}

static void c_teardown(void)
{
	wn_db_close(cdb);
	wn_test_rmtree(cdir);
}

TestSuite(import_conflicts, .init = c_setup, .fini = c_teardown);

/* What the backup callback saw. */
struct seen { int calls; long mood; int fail; };

static long c_long(const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(cdb), sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	long v = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

static char *c_text(const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(cdb), sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	char *s = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) ?
		strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	return s;
}

static int on_backup(void *ctx, struct wn_err *err)
{
	struct seen *s = ctx;
	s->calls++;
	s->mood = c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'");
	if (s->fail)
		return wn_err_set(err, WN_CANTCREAT, "no room for the backup");
	return WN_OK;
}

static int run(enum wn_import_format f, enum wn_import_rule rule, const char *text,
               struct seen *s, struct wn_import_result *r)
{
	struct wn_import_opts o = { .format = f, .on_conflict = rule, .backup = on_backup,
	                            .backup_ctx = s };
	wn_err_clear(&cerr);
	return wn_import_text(cdb, &o, text, strlen(text), r, &cerr);
}

#define J "{\"format\":\"wean\",\"schema_version\":2,\"days\":[\n"
static const char file_day[] = J
	"{\"date\":\"2026-03-04\",\"checkin\":{\"mood\":8,\"note\":\"from the file\",\"sleep\":6},"
	"\"ratings\":{\"nausea\":1,\"headache\":3},"
	"\"doses\":[{\"med\":\"sertraline\",\"minute\":480,\"amount\":25}]},\n"
	"{\"date\":\"2026-03-05\",\"checkin\":{\"mood\":4}}]}";

static void expect_conflict(const struct wn_import_conflict *k, const char *field,
                            const char *diary, const char *file, enum wn_import_action a)
{
	cr_expect_str_eq(k->date, "2026-03-04");
	cr_expect_str_eq(k->field, field);
	cr_expect_str_eq(k->diary, diary, "%s", field);
	cr_expect_str_eq(k->file, file, "%s", field);
	cr_expect_eq(k->action, a, "%s", field);
}

Test(import_conflicts, keep_is_the_default_and_lists_each_conflict)
{
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_KEEP, file_day, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(r.updated, 1, "sleep and headache were missing: added");
	cr_assert_eq(r.conflicts, 4);
	cr_assert_eq(r.n_listed, 4);
	expect_conflict(&r.listed[0], "mood", "5", "8", WN_IMPORT_KEPT);
	expect_conflict(&r.listed[1], "note", "\"my own words\"", "\"from the file\"", WN_IMPORT_KEPT);
	expect_conflict(&r.listed[2], "symptom nausea", "2", "1", WN_IMPORT_KEPT);
	expect_conflict(&r.listed[3], "dose of sertraline at 08:00", "50", "25", WN_IMPORT_KEPT);
	cr_expect(r.backed_up);
	wn_import_result_free(&r);
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 5);
	char *note = c_text("SELECT note FROM checkin WHERE date = '2026-03-04'");
	cr_expect_str_eq(note, "my own words");
	free(note);
	cr_expect_eq(c_long("SELECT sleep FROM checkin WHERE date = '2026-03-04'"), 6);
	cr_expect_eq(c_long("SELECT amount FROM dose WHERE date = '2026-03-04'"), 50);
	cr_expect_eq(c_long("SELECT count(*) FROM rating WHERE date = '2026-03-04'"), 2);
	cr_expect_eq(s.calls, 1, "the day changed (sleep, headache): backed up first");
	cr_expect_eq(s.mood, 5);
}

Test(import_conflicts, replace_takes_the_files_values_after_a_backup)
{
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_REPLACE, file_day, &s, &r), WN_OK, "%s",
	             cerr.msg);
	cr_expect(r.backed_up);
	cr_expect_eq(r.conflicts, 4);
	cr_assert_eq(r.n_listed, 4);
	expect_conflict(&r.listed[0], "mood", "5", "8", WN_IMPORT_REPLACED);
	wn_import_result_free(&r);
	cr_expect_eq(s.calls, 1);
	cr_expect_eq(s.mood, 5, "the backup is taken before the change");
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 8);
	cr_expect_eq(c_long("SELECT amount FROM dose WHERE date = '2026-03-04'"), 25);
}

Test(import_conflicts, append_joins_notes_once_and_keeps_numbers)
{
	struct seen s = { 0 };
	struct wn_import_result r;
	for (int pass = 0; pass < 2; pass++) {
		cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_APPEND, file_day, &s, &r), WN_OK, "%s",
		             cerr.msg);
		cr_expect_eq(r.conflicts, pass == 0 ? 4 : 3, "pass %d: the note is joined already",
		             pass);
		if (pass == 0)
			expect_conflict(&r.listed[1], "note", "\"my own words\"", "\"from the file\"",
			                WN_IMPORT_JOINED);
		wn_import_result_free(&r);
	}
	char *note = c_text("SELECT note FROM checkin WHERE date = '2026-03-04'");
	cr_expect_str_eq(note, "my own words\n\n" WN_IMPORT_SEPARATOR "\nfrom the file");
	free(note);
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 5);
	cr_expect_eq(s.calls, 1, "the second import changes nothing: no backup");
}

Test(import_conflicts, no_backup_for_new_days_a_dry_run_or_the_same_values)
{
	static const char new_days[] = J "{\"date\":\"2026-03-10\",\"checkin\":{\"mood\":4}}]}";
	static const char same[] = J "{\"date\":\"2026-03-04\",\"checkin\":{\"mood\":5,"
		"\"note\":\"my own words\",\"flag\":0,\"sleep\":null}}]}";
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_KEEP, new_days, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.added, 1);
	wn_import_result_free(&r);
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_KEEP, same, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.unchanged, 1);
	cr_expect_eq(r.conflicts, 0, "null and a flag of 0 are no values");
	wn_import_result_free(&r);
	struct wn_import_opts o = { .format = WN_IMPORT_JSON, .on_conflict = WN_IMPORT_REPLACE,
	                            .dry_run = true, .backup = on_backup, .backup_ctx = &s };
	cr_assert_eq(wn_import_text(cdb, &o, file_day, strlen(file_day), &r, &cerr), WN_OK);
	cr_expect_eq(r.updated, 1);
	wn_import_result_free(&r);
	cr_expect_eq(s.calls, 0);
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 5);
}

Test(import_conflicts, a_failed_backup_imports_nothing)
{
	struct seen s = { .fail = 1 };
	struct wn_import_result r;
	long before = c_long("SELECT count(*) FROM checkin");
	cr_expect_eq(run(WN_IMPORT_JSON, WN_IMPORT_REPLACE, file_day, &s, &r), WN_CANTCREAT);
	wn_import_result_free(&r);
	cr_expect_str_eq(cerr.msg, "no room for the backup");
	cr_expect_eq(c_long("SELECT count(*) FROM checkin"), before, "not even the new day");
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 5);
}

/* The whole file is checked before the backup: one that is refused
 * further on backs nothing up. */
Test(import_conflicts, a_refused_file_makes_no_backup)
{
	static const char t[] = J "{\"date\":\"2026-03-04\",\"checkin\":{\"mood\":8}},\n"
		"{\"date\":\"2026-03-05\",\"checkin\":{\"mood\":11}}]}";
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_expect_eq(run(WN_IMPORT_JSON, WN_IMPORT_REPLACE, t, &s, &r), WN_DATAERR);
	wn_import_result_free(&r);
	cr_expect_eq(strncmp(cerr.msg, "line 3: days[1].checkin.mood", 28), 0, "%s", cerr.msg);
	cr_expect_eq(s.calls, 0);
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-04'"), 5);
}

#define DAYLIO_HEAD "full_date,date,weekday,time,mood,activities,note_title,note\n"

/* Before: the two 2026-03-06 entries, on rows apart, were two days; the
 * second overwrote the first and the counts said 1 added, 1 updated.
 * The entries' texts are quick notes at their times (issue 18): the
 * person's own check-in note is never a conflict. */
Test(import_conflicts, daylio_entries_apart_are_one_day_and_the_persons_own_day_is_kept)
{
	static const char t[] = DAYLIO_HEAD
		"2026-03-06,,,21:00,good,,,evening\n"
		"2026-03-04,,,12:00,rad,,,from daylio\n"
		"2026-03-06,,,08:00,bad,,,morning\n";
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_DAYLIO, WN_IMPORT_KEEP, t, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(r.updated, 1);
	cr_expect_eq(r.unchanged, 0);
	cr_assert_eq(r.conflicts, 1);
	expect_conflict(&r.listed[0], "mood", "5", "9", WN_IMPORT_KEPT);
	wn_import_result_free(&r);
	cr_expect_eq(c_long("SELECT mood FROM checkin WHERE date = '2026-03-06'"), 5);
	char *note = c_text("SELECT group_concat(minute || ' ' || text, '|') FROM"
	                    " (SELECT minute, text FROM quicknote WHERE date = '2026-03-06'"
	                    " ORDER BY minute)");
	cr_expect_str_eq(note, "480 morning\nmood: bad|1260 evening\nmood: good");
	free(note);
	note = c_text("SELECT note || '|' || (SELECT text FROM quicknote WHERE date = '2026-03-04')"
	              " FROM checkin WHERE date = '2026-03-04'");
	cr_expect_str_eq(note, "my own words|from daylio");
	free(note);
	cr_expect_eq(s.calls, 1, "the backup before a day of the diary changed");
}

Test(import_conflicts, a_csv_taken_total_is_a_conflict)
{
	static const char t[] =
		"date,has_checkin,mood,anxiety,energy,sleep,burden,sertraline planned,"
		"sertraline taken,flag,note\r\n2026-03-04,1,5,,,,0,,37.5,0,my own words\r\n";
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_CSV, WN_IMPORT_KEEP, t, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.unchanged, 1);
	cr_assert_eq(r.conflicts, 1);
	expect_conflict(&r.listed[0], "sertraline taken", "50", "37.5", WN_IMPORT_KEPT);
	wn_import_result_free(&r);
	cr_assert_eq(run(WN_IMPORT_CSV, WN_IMPORT_REPLACE, t, &s, &r), WN_OK, "%s", cerr.msg);
	wn_import_result_free(&r);
	cr_expect_eq(c_long("SELECT count(*) FROM dose WHERE minute IS NULL AND amount = 37.5"), 1);
	cr_expect_eq(c_long("SELECT count(*) FROM dose"), 1);
}

/* A long list: every conflict counted, the first WN_IMPORT_MAX_LISTED
 * kept for the listing. */
Test(import_conflicts, many_conflicts_are_counted_and_the_first_listed)
{
	struct wn_buf a, b;
	wn_buf_init(&a);
	wn_buf_init(&b);
	wn_buf_adds(&a, J);
	wn_buf_adds(&b, J);
	for (int i = 0; i < WN_IMPORT_MAX_LISTED + 5; i++) {
		wn_buf_addf(&a, "%s{\"date\":\"2020-01-01\",\"checkin\":{\"mood\":1}}", i ? "," : "");
		wn_buf_addf(&b, "%s{\"date\":\"2020-01-01\",\"checkin\":{\"mood\":2}}", i ? "," : "");
		/* the dates are rewritten below */
		char *pa = a.s + a.len - 33, *pb = b.s + b.len - 33;
		char d[16];           /* 10 used; room the compiler can see */
		snprintf(d, sizeof d, "%04d-%02d-%02d", 2020 + i / 300, 1 + i % 300 / 28, 1 + i % 28);
		memcpy(pa, d, 10);
		memcpy(pb, d, 10);
	}
	wn_buf_adds(&a, "]}");
	wn_buf_adds(&b, "]}");
	struct seen s = { 0 };
	struct wn_import_result r;
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_KEEP, a.s, &s, &r), WN_OK, "%s", cerr.msg);
	wn_import_result_free(&r);
	cr_assert_eq(run(WN_IMPORT_JSON, WN_IMPORT_KEEP, b.s, &s, &r), WN_OK, "%s", cerr.msg);
	cr_expect_eq(r.conflicts, WN_IMPORT_MAX_LISTED + 5);
	cr_expect_eq(r.n_listed, WN_IMPORT_MAX_LISTED);
	cr_expect_eq(r.unchanged, WN_IMPORT_MAX_LISTED + 5);
	wn_import_result_free(&r);
	wn_buf_free(&a);
	wn_buf_free(&b);
}
