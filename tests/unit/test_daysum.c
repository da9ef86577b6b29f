/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_daysum.c -- the days' sums (schema v9, src/db/schema_v9.c): day_sum
 * equals each date's ratings added up and counted after inserts, upserts,
 * ratings moved to another date or symptom, deletes, a day deleted, an
 * import and the migration from version 8; `wean check` reports one that
 * differs; the hold rule read from it gives the windows the old query
 * over the ratings gave, to the bit.  The generated diaries are seeded;
 * each test prints its seed (WEAN_SEED sets it). */
#include <criterion/criterion.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/config.h"
#include "core/taper.h"
#include "db/day.h"
#include "db/db.h"
#include "db/export.h"
#include "db/holdrule.h"
#include "db/import.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */
#include "schema_old.h"
#include "sqlq.h"
#include "tmpdir.h"

static char dir[4096], path[4200];
static struct wn_db *db;
static struct wn_err err;
static unsigned long seed, seed0;   /* the generator's state, its start */
static long sym[5];              /* the symptoms the generator rates */

static void ok(int rc)
{
	cr_assert(rc == WN_OK, "%s (seed %lu)", err.msg, seed0);
}

/* A small generator of our own (the same numbers everywhere). */
static unsigned long next(void)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return seed >> 33;
}

static int roll(int n)
{
	return (int)(next() % (unsigned long)n);
}

static struct wn_db *open_db(const char *p)
{
	struct wn_db *d = NULL;
	struct wn_db_opts o = { .path = p, .create = true };
	ok(wn_db_open(&d, &o, &err));
	return d;
}

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "daysum");
	snprintf(path, sizeof path, "%s/wean.db", dir);
	wn_err_clear(&err);
	db = open_db(path);
	const char *names[5] = { "brain zaps", "insomnia", "nausea", "headache", "dizziness" };
	for (int i = 0; i < 5; i++) {
		struct wn_symptom s;
		ok(wn_db_symptom_find(db, names[i], &s, &err));
		sym[i] = s.id;
	}
	const char *env = getenv("WEAN_SEED");
	seed = seed0 = env && *env ? strtoul(env, NULL, 10) : 20261206UL;
	fprintf(stderr, "test_daysum: seed %lu (WEAN_SEED sets it)\n", seed0);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(daysum, .init = setup, .fini = teardown);

#define query_long wn_test_db_long

static void run(struct wn_db *d, const char *sql)
{
	sqlite3 *h = wn_db_sqlite(d);
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s: %s", sql,
	             sqlite3_errmsg(h));
}

/* The rows of day_sum that differ from the ratings' GROUP BY, both ways. */
#define CALC "SELECT date, sum(value), count(*) FROM rating GROUP BY date"
static void expect_right(struct wn_db *d, const char *after)
{
	long wrong = query_long(d, "SELECT (SELECT count(*) FROM (" CALC
	                           " EXCEPT SELECT date, sum, n FROM day_sum)) + (SELECT count(*)"
	                           " FROM (SELECT date, sum, n FROM day_sum EXCEPT " CALC "))");
	cr_assert_eq(wrong, 0, "after %s: %ld rows of day_sum differ (seed %lu)", after, wrong,
	             seed0);
	cr_assert_eq(query_long(d, "SELECT count(*) FROM chart_sum_delta"), 0,
	             "after %s: the queue is empty", after);
	cr_assert_eq(query_long(d, "SELECT count(*) FROM day_sum WHERE n <= 0"), 0,
	             "after %s: no day without ratings", after);
}

static wn_date day0(void)
{
	return wn_date_from_ymd(2024, 3, 1);
}

/* A rating set (an insert or an upsert of another value) or cleared. */
static void random_rating(wn_date d)
{
	ok(wn_db_rating_set(db, d, sym[roll(5)], roll(5) == 4 ? WN_UNSET : roll(4), &err));
}

static void generate(int writes, int days)
{
	ok(wn_db_begin(db, &err));
	for (int i = 0; i < writes; i++)
		random_rating(day0() + roll(days));
	ok(wn_db_commit(db, &err));
}

Test(daysum, follows_every_write)
{
	generate(400, 80);
	cr_assert_gt(query_long(db, "SELECT count(*) FROM day_sum"), 40);
	expect_right(db, "inserts and upserts");
	for (int i = 0; i < 80; i++) {
		random_rating(day0() + roll(80));
		expect_right(db, "a write");
	}
	/* an upsert in SQL, as the importers write */
	run(db, "INSERT INTO rating(date, symptom_id, value) SELECT date, symptom_id, 3 - value"
	        " FROM rating WHERE date < '2024-03-20'"
	        " ON CONFLICT (date, symptom_id) DO UPDATE SET value = excluded.value");
	expect_right(db, "upserts in SQL");
	/* ratings moved to another date, some to a day without ratings */
	run(db, "UPDATE rating SET date = date(date, '+200 days') WHERE (date, symptom_id) IN"
	        " (SELECT date, symptom_id FROM rating WHERE date(date, '+200 days') NOT IN"
	        "  (SELECT date FROM rating) LIMIT 5)");
	run(db, "UPDATE rating SET date = '2024-01-01' WHERE date = (SELECT min(date) FROM rating)");
	expect_right(db, "dates moved");
	/* a rating moved to another symptom, and a value changed alone */
	char q[512];
	snprintf(q, sizeof q, "UPDATE rating SET symptom_id = %ld WHERE symptom_id = %ld AND date"
	         " NOT IN (SELECT date FROM rating WHERE symptom_id = %ld)", sym[4], sym[0],
	         sym[4]);
	run(db, q);
	run(db, "UPDATE rating SET value = (value + 1) % 4 WHERE date LIKE '%5'");
	expect_right(db, "symptoms and values changed");
	/* deletes: one rating, whole days, then every rating */
	run(db, "DELETE FROM rating WHERE date = (SELECT max(date) FROM rating)"
	        " AND symptom_id = (SELECT min(symptom_id) FROM rating WHERE date ="
	        " (SELECT max(date) FROM rating))");
	expect_right(db, "a rating deleted");
	for (int i = 0; i < 30; i++) {
		ok(wn_db_day_delete(db, day0() + roll(80), NULL, &err));
		expect_right(db, "a day deleted");
	}
	run(db, "DELETE FROM rating");
	cr_expect_eq(query_long(db, "SELECT count(*) FROM day_sum"), 0, "no ratings, no days");
}

/* A day's row goes with its last rating and comes back with the next. */
Test(daysum, a_day_row_goes_and_comes_back)
{
	wn_date d = day0();
	ok(wn_db_rating_set(db, d, sym[0], 2, &err));
	ok(wn_db_rating_set(db, d, sym[1], 3, &err));
	cr_expect_eq(query_long(db, "SELECT sum * 10 + n FROM day_sum"), 52);
	ok(wn_db_rating_set(db, d, sym[1], 0, &err));
	cr_expect_eq(query_long(db, "SELECT sum * 10 + n FROM day_sum"), 22);
	ok(wn_db_rating_set(db, d, sym[0], WN_UNSET, &err));
	ok(wn_db_rating_set(db, d, sym[1], WN_UNSET, &err));
	cr_expect_eq(query_long(db, "SELECT count(*) FROM day_sum"), 0);
	ok(wn_db_rating_set(db, d, sym[2], 1, &err));
	cr_expect_eq(query_long(db, "SELECT sum * 10 + n FROM day_sum"), 11);
	cr_expect_eq(query_long(db, "SELECT typeof(sum) = 'integer' FROM day_sum"), 1);
	expect_right(db, "a day emptied and rated again");
}

Test(daysum, an_import_leaves_it_right)
{
	generate(1500, 900);
	struct wn_buf json;
	wn_buf_init(&json);
	struct wn_export_opts eo = { .from = WN_DATE_NONE, .to = WN_DATE_NONE };
	ok(wn_export_json(db, &eo, &json, &err));
	char other[4300];
	snprintf(other, sizeof other, "%s/other.db", dir);
	struct wn_db *idb = open_db(other);
	struct wn_import_opts io = { .format = WN_IMPORT_JSON };
	struct wn_import_result r = { 0 };
	ok(wn_import_text(idb, &io, json.s, json.len, &r, &err));
	wn_import_result_free(&r);
	expect_right(idb, "an import into an empty diary");
	cr_expect_eq(query_long(idb, "SELECT count(*) FROM day_sum"),
	             query_long(db, "SELECT count(*) FROM day_sum"));
	/* other ratings, then the import replacing days, then merging */
	ok(wn_db_begin(idb, &err));
	for (int i = 0; i < 200; i++)
		ok(wn_db_rating_set(idb, day0() + roll(1000), sym[roll(5)], roll(4), &err));
	ok(wn_db_commit(idb, &err));
	io.replace = true;
	ok(wn_import_text(idb, &io, json.s, json.len, &r, &err));
	wn_import_result_free(&r);
	expect_right(idb, "an import replacing days");
	io.replace = false;
	io.on_conflict = WN_IMPORT_REPLACE;
	ok(wn_import_text(idb, &io, json.s, json.len, &r, &err));
	wn_import_result_free(&r);
	expect_right(idb, "an import merging days");
	/* the trigger is back: a write after the import is followed */
	cr_expect_eq(query_long(idb, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
	                             " AND name = 'day_sum_apply'"), 1);
	ok(wn_db_rating_set(idb, day0() + 2000, sym[0], 3, &err));
	expect_right(idb, "a write after the imports");
	wn_db_close(idb);
	wn_buf_free(&json);
}

Test(daysum, a_v8_diary_gets_its_days_on_upgrade)
{
	generate(800, 600);
	long rows = query_long(db, "SELECT count(*) FROM day_sum");
	wn_db_close(db);
	db = NULL;
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, WN_TEST_DROP_V9 " PRAGMA user_version = 8;", NULL, NULL,
	                          NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
	db = open_db(path);
	cr_expect_eq(query_long(db, "PRAGMA user_version"), WN_SCHEMA_VERSION);
	cr_expect_eq(query_long(db, "SELECT count(*) FROM day_sum"), rows);
	expect_right(db, "the upgrade");
	char bak[4300];
	snprintf(bak, sizeof bak, "%s.bak-v8", path);
	cr_expect_eq(access(bak, F_OK), 0, "a backup of the v8 diary");
	for (int i = 0; i < 20; i++)
		random_rating(day0() + roll(600));
	expect_right(db, "writes after the upgrade");
}

struct lines {
	char text[8][512];
	int n;
};

static void keep_line(void *ctx, const char *line)
{
	struct lines *l = ctx;
	if (l->n < 8)
		snprintf(l->text[l->n++], sizeof l->text[0], "%s", line);
}

static void expect_check_line(const char *tamper, const char *want)
{
	struct lines l = { .n = 0 };
	run(db, tamper);
	wn_err_clear(&err);
	cr_assert_eq(wn_db_check(db, keep_line, &l, &err), WN_DATAERR, "after %s", tamper);
	cr_assert_eq(l.n, 1, "after %s: %d lines, the first %s", tamper, l.n, l.text[0]);
	cr_expect_not_null(strstr(l.text[0], want), "after %s: %s", tamper, l.text[0]);
}

Test(daysum, check_reports_days_that_differ)
{
	generate(300, 60);
	for (int i = 4; i <= 8; i += 2)          /* 2024-03-05, 07 and 09 are rated */
		ok(wn_db_rating_set(db, day0() + i, sym[0], 1, &err));
	struct lines l = { .n = 0 };
	ok(wn_db_check(db, keep_line, &l, &err));
	cr_assert_eq(l.n, 0, "right sums: %s", l.text[0]);
	expect_check_line("UPDATE day_sum SET sum = sum + 1 WHERE date = '2024-03-05'",
	                  "the days' sums (day_sum) differ from the ratings on 1 day(s), the"
	                  " first on 2024-03-05");
	run(db, "UPDATE day_sum SET sum = sum - 1 WHERE date = '2024-03-05'");
	l.n = 0;
	wn_err_clear(&err);
	ok(wn_db_check(db, keep_line, &l, &err));
	cr_assert_eq(l.n, 0, "put right: %s", l.text[0]);
	expect_check_line("UPDATE day_sum SET n = n + 1 WHERE date = '2024-03-09';"
	                  " DELETE FROM day_sum WHERE date = '2024-03-07';"
	                  " INSERT INTO day_sum VALUES ('2023-12-31', 2, 1)",
	                  "differ from the ratings on 3 day(s), the first on 2023-12-31");
}

/* The query each window was read with before day_sum (one per window). */
static void old_window(const struct wn_holdrule_window *w, double *mean, int *days)
{
	static const char q[] =
		"SELECT avg(v), count(*) FROM (SELECT avg(value) AS v FROM rating"
		" WHERE date BETWEEN ?1 AND ?2 GROUP BY date)";
	sqlite3_stmt *st;
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	cr_assert_eq(sqlite3_prepare_v2(wn_db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, wn_date_format(w->from, a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, wn_date_format(w->to, b), -1, SQLITE_TRANSIENT);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	*mean = sqlite3_column_type(st, 0) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 0);
	*days = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
}

static void expect_window(const struct wn_holdrule_window *w, int round, int *rated)
{
	double mean;
	int days;
	old_window(w, &mean, &days);
	cr_expect_eq(w->days, days, "round %d: %d days, the old query %d (seed %lu)", round,
	             w->days, days, seed0);
	cr_expect((isnan(w->mean) && isnan(mean)) || memcmp(&w->mean, &mean, sizeof mean) == 0,
	          "round %d: mean %.17g, the old query %.17g (seed %lu)", round, w->mean, mean,
	          seed0);
	*rated += days > 0;
}

/* After writes of every kind (upserts, clears, days deleted), the hold
 * rule's windows read from day_sum are the old queries over the ratings. */
Test(daysum, the_hold_rule_reads_the_same_windows)
{
	generate(2000, 300);
	ok(wn_db_begin(db, &err));
	for (int i = 0; i < 20; i++)
		ok(wn_db_day_delete(db, day0() + roll(300), NULL, &err));
	ok(wn_db_commit(db, &err));
	struct wn_config c;
	wn_config_defaults(&c);
	int rated = 0;
	for (int round = 0; round < 50; round++) {
		c.hold_burden_days = 1 + roll(14);
		c.hold_baseline_days = 1 + roll(28);
		struct wn_taper_step st[4];
		wn_date at = day0() + roll(60);
		for (int i = 0; i < 4; i++) {
			st[i] = (struct wn_taper_step){ .date = at, .dose = 50 - 5 * i };
			at += 1 + roll(60);
		}
		struct wn_schedule s = { .steps = st, .n = 4, .n_dated = 4,
		                         .hold_since = WN_DATE_NONE };
		struct wn_holdrule_in in;
		struct wn_holdrule_out out;
		ok(wn_db_holdrule(db, &c, &s, day0() + roll(320), &in, &out, &err));
		if (in.n_base == 0)
			continue;
		expect_window(&in.recent, round, &rated);
		for (int i = 0; i < in.n_base; i++)
			expect_window(&in.base[i], round, &rated);
	}
	cr_expect_gt(rated, 40, "windows with rated days (seed %lu)", seed0);
}
