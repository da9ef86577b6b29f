/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the JSON import as it was made faster and lighter
 * (issue #8): the days are written one at a time after the rest of the
 * file, a check-in is one upsert, ratings and doses are upserts, names
 * are looked up once.  What must not change: lists before days whatever
 * their order in the file, all or nothing, fields not in the file kept. */
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/import.h"
#include "db/db.h"
#include "core/text.h"
#include "core/records.h"
#include "db/day.h"
#include "sqlq.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char sdir[4096];
static struct wn_db *sdb;
static struct wn_err serr;

static wn_date sday(const char *s)
{
	wn_date d;
	cr_assert_eq(wn_date_parse_iso(s, &d, NULL), WN_OK);
	return d;
}

static void s_setup(void)
{
	wn_test_mkdtemp(sdir, sizeof sdir, "istream");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	char path[4200];
	snprintf(path, sizeof path, "%s/d.db", sdir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&serr);
	cr_assert_eq(wn_db_open(&sdb, &o, &serr), WN_OK, "%s", serr.msg);
}

static void s_teardown(void)
{
	wn_db_close(sdb);
	wn_test_rmtree(sdir);
}

TestSuite(import_stream, .init = s_setup, .fini = s_teardown);

static int import_rule(const char *text, enum wn_import_rule rule,
                       struct wn_import_result *r)
{
	struct wn_import_opts o = { .format = WN_IMPORT_JSON, .on_conflict = rule };
	wn_err_clear(&serr);
	int rc = wn_import_text(sdb, &o, text, strlen(text), r, &serr);
	free(r->listed);              /* the counts stay */
	r->listed = NULL;
	r->n_listed = 0;
	return rc;
}

static int import_json(const char *text, struct wn_import_result *r)
{
	return import_rule(text, WN_IMPORT_KEEP, r);
}

static long count(const char *sql)
{
	return wn_test_db_long(sdb, sql);
}

static void load(const char *date, struct wn_day *d)
{
	cr_assert_eq(wn_db_day_load(sdb, sday(date), d, &serr), WN_OK, "%s", serr.msg);
}

Test(import_stream, days_written_after_the_lists_whatever_their_place)
{
	static const char t[] = "{\"days\":[\n"
		"{\"date\":\"2026-03-01\",\"ratings\":{\"ear ringing\":2},"
		"\"doses\":[{\"med\":\"sertraline\",\"minute\":480,\"amount\":50}]}],\n"
		"\"format\":\"wean\",\"schema_version\":1,\n"
		"\"symptoms\":[{\"name\":\"ear ringing\",\"group\":\"senses\"}],\n"
		"\"medications\":[{\"name\":\"sertraline\",\"unit\":\"mg\"}]}";
	struct wn_import_result r;
	cr_assert_eq(import_json(t, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.added, 1);
	struct wn_day d;
	load("2026-03-01", &d);
	cr_expect_eq(d.n_ratings, 1);
	cr_expect_eq(d.ratings[0].value, 2);
	cr_expect_eq(d.n_doses, 1);
	cr_expect(d.n_doses == 1 && d.doses[0].amount == 50);
	wn_day_free(&d);
}

/* Many good days, then a broken one: the syntax is checked before any
 * day is written, the message points at the broken line, nothing stays. */
Test(import_stream, a_late_syntax_error_writes_nothing)
{
	struct wn_buf b;
	wn_buf_init(&b);
	wn_buf_adds(&b, "{\"format\":\"wean\",\"schema_version\":1,\n"
	            "\"medications\":[{\"name\":\"sertraline\"}],\n\"days\":[\n");
	for (int i = 0; i < 3000; i++)
		wn_buf_addf(&b, "{\"date\":\"%04d-01-01\",\"checkin\":{\"mood\":%d}},\n",
		            1000 + i, i % 11);
	wn_buf_adds(&b, "{\"date\":\"2026-01-02\",\"checkin\":{\"mood\" 4}}]}");
	cr_assert(!b.failed);
	long before = count("SELECT (SELECT count(*) FROM checkin) +"
	                    " (SELECT count(*) FROM medication)");
	struct wn_import_result r;
	cr_expect_eq(import_json(b.s, &r), WN_DATAERR);
	cr_expect_not_null(strstr(serr.msg, "line 3004, column 40: expected ':' after a key"), "%s", serr.msg);
	cr_expect_eq(count("SELECT (SELECT count(*) FROM checkin) +"
	                   " (SELECT count(*) FROM medication)"), before);
	wn_buf_free(&b);
}

Test(import_stream, a_bad_value_late_in_the_days_writes_nothing)
{
	static const char t[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":[\n"
		"{\"date\":\"2026-01-01\",\"checkin\":{\"mood\":4}},\n"
		"{\"date\":\"2026-01-02\",\"checkin\":{\"mood\":11}}]}";
	struct wn_import_result r;
	cr_expect_eq(import_json(t, &r), WN_DATAERR);
	cr_expect_not_null(strstr(serr.msg, "line 3: days[1].checkin.mood"), "%s", serr.msg);
	cr_expect_eq(count("SELECT count(*) FROM checkin"), 0);
}

Test(import_stream, days_that_are_not_an_array_are_refused)
{
	struct wn_import_result r;
	cr_expect_eq(import_json("{\"format\":\"wean\",\"schema_version\":1,\n\"days\":{}}", &r),
	             WN_DATAERR);
	cr_expect_not_null(strstr(serr.msg, "line 2: days: expected an array"), "%s", serr.msg);
}

/* With --on-conflict replace the file's values are taken; fields it
 * leaves out or gives as null keep theirs (before, a null cleared the
 * diary's sleep); a check-in already there keeps its creation time. */
Test(import_stream, checkin_fields_not_in_the_file_keep_their_values)
{
	struct wn_checkin_patch p = {
		.date = sday("2026-02-01"), .mood = 5, .anxiety = 2, .sleep = 7.5,
		.note = "kept", .flag = true,
		.set = WN_SET_MOOD | WN_SET_ANXIETY | WN_SET_SLEEP | WN_SET_NOTE | WN_SET_FLAG,
	};
	cr_assert_eq(wn_db_checkin_update(sdb, &p, &serr), WN_OK, "%s", serr.msg);
	static const char t[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":["
		"{\"date\":\"2026-02-01\",\"checkin\":{\"anxiety\":7,\"sleep\":null,"
		"\"created\":\"2020-01-01 10:00:00\",\"updated\":\"2021-02-03 04:05:06\"}},"
		"{\"date\":\"2026-02-02\",\"checkin\":{\"mood\":3}}]}";
	struct wn_import_result r;
	struct wn_day d;
	load("2026-02-01", &d);
	char created[20];
	memcpy(created, d.ci.created, sizeof created);
	wn_day_free(&d);
	cr_assert_eq(import_rule(t, WN_IMPORT_REPLACE, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.updated, 1);
	cr_expect_eq(r.added, 1);
	cr_expect_eq(r.conflicts, 1, "anxiety");
	load("2026-02-01", &d);
	cr_expect_eq(d.ci.mood, 5);
	cr_expect_eq(d.ci.anxiety, 7);
	cr_expect_float_eq(d.ci.sleep, 7.5, 1e-9);
	cr_expect_str_eq(d.ci.note, "kept");
	cr_expect(d.ci.flag);
	cr_expect_str_eq(d.ci.created, created);
	cr_expect_str_neq(d.ci.updated, "2021-02-03 04:05:06");
	wn_day_free(&d);
	load("2026-02-02", &d);
	cr_expect(d.ci.exists);
	cr_expect_eq(d.ci.mood, 3);
	cr_expect_eq(d.ci.anxiety, WN_UNSET);
	cr_expect(!d.ci.flag);
	cr_expect_eq(strlen(d.ci.created), 19);
	cr_expect_eq(strlen(d.ci.updated), 19);
	wn_day_free(&d);
}

Test(import_stream, ratings_and_doses_are_replaced_one_by_one)
{
	static const char t1[] = "{\"format\":\"wean\",\"schema_version\":1,"
		"\"medications\":[{\"name\":\"sertraline\"}],\"days\":["
		"{\"date\":\"2026-04-01\",\"ratings\":{\"nausea\":1,\"headache\":2},"
		"\"doses\":[{\"med\":\"sertraline\",\"minute\":480,\"amount\":50},"
		"{\"med\":\"sertraline\",\"minute\":null,\"amount\":5}]}]}";
	static const char t2[] = "{\"format\":\"wean\",\"schema_version\":1,\"days\":["
		"{\"date\":\"2026-04-01\",\"ratings\":{\"NAUSEA\":3},"
		"\"doses\":[{\"med\":\"Sertraline\",\"minute\":480,\"amount\":25},"
		"{\"med\":\"sertraline\",\"amount\":7.5}]}]}";
	struct wn_import_result r;
	cr_assert_eq(import_json(t1, &r), WN_OK, "%s", serr.msg);
	cr_assert_eq(import_json(t2, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.unchanged, 1, "kept: the diary's values");
	cr_expect_eq(r.conflicts, 3);
	cr_expect_eq(count("SELECT value FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	                   " WHERE s.name = 'nausea'"), 1);
	cr_assert_eq(import_rule(t2, WN_IMPORT_REPLACE, &r), WN_OK, "%s", serr.msg);
	cr_expect_eq(r.updated, 1);
	cr_expect_eq(count("SELECT count(*) FROM rating"), 2);
	cr_expect_eq(count("SELECT value FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	                   " WHERE s.name = 'nausea'"), 3);
	cr_expect_eq(count("SELECT value FROM rating r JOIN symptom s ON s.id = r.symptom_id"
	                   " WHERE s.name = 'headache'"), 2);
	cr_expect_eq(count("SELECT count(*) FROM dose"), 2);
	cr_expect_eq(count("SELECT amount * 10 FROM dose WHERE minute = 480"), 250);
	cr_expect_eq(count("SELECT amount * 10 FROM dose WHERE minute IS NULL"), 75);
}
