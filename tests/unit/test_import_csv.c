/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for wean's CSV read back by the importer (issue 15): the
 * diary's own CSV export imported into a diary with the same names and
 * exported again gives the same bytes, whatever the names and notes start
 * with.  Before, the formula guard's apostrophe was taken off the note
 * only: a symptom, metric or medication named "=...", "+...", "-..." or
 * "@..." made the export fail to import ("no such symptom"), a note
 * starting with an apostrophe lost it, and a negative metric value was
 * refused. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/export.h"
#include "db/import.h"
#include "db/db.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char vdir[4096];
static struct wn_err verr;

static void v_setup(void)
{
	wn_test_mkdtemp(vdir, sizeof vdir, "icsv");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&verr);
}

static void v_teardown(void)
{
	wn_test_rmtree(vdir);
}

TestSuite(import_csv, .init = v_setup, .fini = v_teardown);

static struct wn_db *v_open(const char *leaf)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", vdir, leaf);
	struct wn_db_opts o = { .path = path, .create = true };
	struct wn_db *db;
	cr_assert_eq(wn_db_open(&db, &o, &verr), WN_OK, "%s", verr.msg);
	return db;
}

static void v_import(struct wn_db *db, enum wn_import_format f, const char *text,
                     struct wn_import_result *r)
{
	struct wn_import_opts o = { .format = f };
	cr_assert_eq(wn_import_text(db, &o, text, strlen(text), r, &verr), WN_OK, "%s", verr.msg);
}

static char *csv_of(struct wn_db *db)
{
	struct wn_export_opts o = { .from = WN_DATE_NONE, .to = WN_DATE_NONE, .exported = "x" };
	struct wn_buf b;
	wn_buf_init(&b);
	cr_assert_eq(wn_export_csv(db, &o, &b, &verr), WN_OK, "%s", verr.msg);
	return wn_buf_detach(&b);
}

/* Names a spreadsheet would take for formulas, one starting with the
 * guard itself, and names that are also the CSV's own column names or
 * the medication columns' ("x taken" is a symptom, "x" a medication). */
#define LISTS \
	"{\"format\":\"wean\",\"schema_version\":2,\n" \
	"\"symptoms\":[{\"name\":\"=zap\"},{\"name\":\"+tingle\"},{\"name\":\"-dizzy\"}," \
	"{\"name\":\"@night\"},{\"name\":\"'quoted\"},{\"name\":\"x taken\"}," \
	"{\"name\":\"note\"},{\"name\":\"flag\"}],\n" \
	"\"metrics\":[{\"name\":\"-swing\",\"min\":-10,\"max\":10}],\n" \
	"\"medications\":[{\"name\":\"=med\",\"unit\":\"mg\"},{\"name\":\"x\",\"unit\":\"mg\"}]"

static const char lists[] = LISTS "}";
static const char diary[] = LISTS ",\n\"days\":["
	"{\"date\":\"2026-11-01\",\"checkin\":{\"mood\":3,\"note\":\"=1+1\"},"
	"\"ratings\":{\"=zap\":2,\"-dizzy\":1,\"x taken\":3,\"note\":1},"
	"\"metrics\":{\"-swing\":-3.5},"
	"\"doses\":[{\"med\":\"=med\",\"amount\":12.5},{\"med\":\"x\",\"amount\":5}]},"
	"{\"date\":\"2026-11-02\",\"checkin\":{\"mood\":4,\"note\":\"'=already guarded by hand\"},"
	"\"ratings\":{\"+tingle\":2,\"@night\":3,\"'quoted\":1,\"flag\":2}},"
	"{\"date\":\"2026-11-04\",\"checkin\":{\"note\":\"-5 below, \\\"quoted\\\", a comma\\n"
	"and a second line\",\"flag\":1}},"
	"{\"date\":\"2026-11-05\",\"checkin\":{\"note\":\"'plain\"}},"
	"{\"date\":\"2026-11-06\",\"checkin\":{\"note\":\"\\tTab first, then @\"}},"
	"{\"date\":\"2026-11-07\",\"checkin\":{\"note\":\"'\"}}]}";

Test(import_csv, the_diarys_own_export_round_trips_byte_for_byte)
{
	struct wn_db *a = v_open("a.db"), *b = v_open("b.db");
	struct wn_import_result r;
	v_import(a, WN_IMPORT_JSON, diary, &r);
	wn_import_result_free(&r);
	char *first = csv_of(a);
	cr_expect_not_null(strstr(first, ",'=zap,"), "the names are guarded: %s", first);
	cr_expect_not_null(strstr(first, ",''=already guarded by hand\r\n"), "%s", first);
	v_import(b, WN_IMPORT_JSON, lists, &r);
	wn_import_result_free(&r);
	v_import(b, WN_IMPORT_CSV, first, &r);
	cr_expect_eq(r.added, 6);
	cr_expect_eq(r.conflicts, 0);
	wn_import_result_free(&r);
	char *second = csv_of(b);
	cr_expect_str_eq(second, first);
	/* and into the diary it came from: nothing changes */
	v_import(a, WN_IMPORT_CSV, first, &r);
	cr_expect_eq(r.unchanged, 6);
	cr_expect_eq(r.conflicts, 0);
	wn_import_result_free(&r);
	char *third = csv_of(a);
	cr_expect_str_eq(third, first);
	free(first);
	free(second);
	free(third);
	wn_db_close(a);
	wn_db_close(b);
}

Test(import_csv, a_column_given_twice_is_refused)
{
	struct wn_db *a = v_open("a.db");
	static const char t[] = "date,has_checkin,mood,anxiety,energy,sleep,burden,nausea,"
		"NAUSEA,flag,note\r\n2026-11-01,1,3,,,,0,1,2,0,\r\n";
	struct wn_import_opts o = { .format = WN_IMPORT_CSV };
	struct wn_import_result r;
	cr_expect_eq(wn_import_text(a, &o, t, strlen(t), &r, &verr), WN_DATAERR);
	cr_expect_str_eq(verr.msg, "line 1: column \"NAUSEA\" is given twice");
	wn_import_result_free(&r);
	wn_db_close(a);
}

static long v_count(struct wn_db *db, const char *q)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), q, -1, &st, NULL), SQLITE_OK, "%s", q);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Issue 14: the CSV of this wean has "recorded" and "<med> status"; a day
 * recorded by ratings or a dose alone makes no check-in row, one recorded
 * by nothing the file holds (a quick note, a question) does, so that it
 * stays recorded; "taken" 0 is a dose recorded as skipped.  A file of an
 * earlier wean ("has_checkin") still makes a check-in where it says 1. */
Test(import_csv, recorded_status_and_skipped)
{
	struct wn_db *a = v_open("a.db");
	struct wn_import_result r;
	v_import(a, WN_IMPORT_JSON, "{\"format\":\"wean\",\"schema_version\":2,"
	         "\"medications\":[{\"name\":\"sertraline\",\"unit\":\"mg\"}]}", &r);
	wn_import_result_free(&r);
	v_import(a, WN_IMPORT_CSV, "date,recorded,mood,anxiety,energy,sleep,burden,nausea,"
	         "sertraline planned,sertraline taken,sertraline status,flag,note\r\n"
	         "2026-11-01,1,,,,,0,0,,,,0,\r\n"              /* ratings only */
	         "2026-11-02,1,,,,,,,50,0,skipped,0,\r\n"      /* skipped only */
	         "2026-11-03,1,,,,,,,50,,not recorded,0,\r\n"  /* a quick note's day */
	         "2026-11-04,0,,,,,,,50,,not recorded,0,\r\n"  /* no record */
	         "2026-11-05,1,4,,,,,,50,,not recorded,1,\r\n", &r);
	cr_expect_eq(r.added, 4);
	cr_expect_eq(r.skipped, 1);
	wn_import_result_free(&r);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM checkin WHERE date IN ('2026-11-01',"
	                     " '2026-11-02')"), 0, "ratings or a dose alone: no check-in");
	cr_expect_eq(v_count(a, "SELECT count(*) FROM checkin WHERE date = '2026-11-03'"), 1);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM checkin WHERE date = '2026-11-05'"
	                     " AND mood = 4 AND flag = 1"), 1);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM dose WHERE date = '2026-11-02'"
	                     " AND amount = 0 AND minute IS NULL"), 1, "skipped");
	cr_expect_eq(v_count(a, "SELECT count(*) FROM dose"), 1);
	v_import(a, WN_IMPORT_CSV, "date,has_checkin,mood,anxiety,energy,sleep,burden,nausea,"
	         "flag,note\r\n2026-11-06,1,,,,,0,1,0,\r\n2026-11-07,0,,,,,0,2,0,\r\n", &r);
	wn_import_result_free(&r);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM checkin WHERE date = '2026-11-06'"), 1,
	             "has_checkin 1: a check-in, as before");
	cr_expect_eq(v_count(a, "SELECT count(*) FROM checkin WHERE date = '2026-11-07'"), 0);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM rating WHERE date = '2026-11-07'"), 1);
	/* JSON: a dose of 0 is a skip; below 0 or from 100000 on is refused */
	v_import(a, WN_IMPORT_JSON, "{\"format\":\"wean\",\"schema_version\":2,\"days\":["
	         "{\"date\":\"2026-11-08\",\"doses\":[{\"med\":\"sertraline\",\"amount\":0}]}]}",
	         &r);
	wn_import_result_free(&r);
	cr_expect_eq(v_count(a, "SELECT count(*) FROM dose WHERE date = '2026-11-08'"
	                     " AND amount = 0"), 1);
	static const char *const bad[] = { "-1", "100000" };
	for (size_t i = 0; i < 2; i++) {
		char t[256];
		snprintf(t, sizeof t, "{\"format\":\"wean\",\"schema_version\":2,\"days\":["
		         "{\"date\":\"2026-11-09\",\"doses\":[{\"med\":\"sertraline\","
		         "\"amount\":%s}]}]}", bad[i]);
		struct wn_import_opts o = { .format = WN_IMPORT_JSON };
		cr_expect_eq(wn_import_text(a, &o, t, strlen(t), &r, &verr), WN_DATAERR, "%s", bad[i]);
		cr_expect_not_null(strstr(verr.msg, "expected a number from 0 to below 100000"),
		                   "%s", verr.msg);
		wn_import_result_free(&r);
	}
	wn_db_close(a);
}
