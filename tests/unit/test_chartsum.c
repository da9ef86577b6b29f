/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_chartsum.c -- the charts' summary (schema v7, src/db/schema_v7.c)
 * and the series read from it (db/chartdata.h wn_chartdata_months, the
 * line chart by month): its triggers follow every write, the migration
 * from version 6 fills it, `wean check` notices a wrong one, and every
 * figure read by month or year equals the one computed day by day.  The
 * generated diaries are seeded; each test prints its seed (WEAN_SEED
 * sets it). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/chart_line.h"
#include "core/chartview.h"
#include "core/config.h"
#include "db/chartdata.h"
#include "db/day.h"
#include "db/db.h"
#include "db/export.h"
#include "db/import.h"
#include "db/restore.h"
#include "db/symptoms.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */
#include "db/schema_int.h"   /* the summary computed from the records */
#include "schema_old.h"
#include "sqlq.h"
#include "tmpdir.h"

static char dir[4096], path[4200];
static struct wn_db *db;
static struct wn_err err;
static struct wn_config cfg;
static unsigned long seed, seed0;   /* the generator's state, its start */
static long sym[4];              /* the symptoms the generator rates */

static void ok(int rc)
{
	cr_assert(eq(int, rc, WN_OK), "%s (seed %lu)", err.msg, seed0);
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
	wn_test_mkdtemp(dir, sizeof dir, "chartsum");
	snprintf(path, sizeof path, "%s/wean.db", dir);
	wn_err_clear(&err);
	db = open_db(path);
	wn_config_defaults(&cfg);
	const char *names[4] = { "brain zaps", "insomnia", "nausea", "headache" };
	for (int i = 0; i < 4; i++) {
		struct wn_symptom s;
		ok(wn_db_symptom_find(db, names[i], &s, &err));
		sym[i] = s.id;
	}
	const char *env = getenv("WEAN_SEED");
	seed = seed0 = env && *env ? strtoul(env, NULL, 10) : 20261205UL;
	fprintf(stderr, "test_chartsum: seed %lu (WEAN_SEED sets it)\n", seed0);
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(chartsum, .init = setup, .fini = teardown);

#define query_long wn_test_db_long

/* The rows of the summary that differ from a recomputation, both ways. */
static long summary_wrong(struct wn_db *d)
{
	char q[8192];
	snprintf(q, sizeof q, "WITH calc AS (%s) SELECT (SELECT count(*) FROM (SELECT * FROM calc"
	         " EXCEPT SELECT * FROM chart_sum)) + (SELECT count(*) FROM"
	         " (SELECT * FROM chart_sum EXCEPT SELECT * FROM calc))", wn_db_chart_sum_calc);
	return query_long(d, q);
}

static void expect_summary_right(struct wn_db *d, const char *after)
{
	long rows = query_long(d, "SELECT count(*) FROM chart_sum");
	cr_assert_eq(summary_wrong(d), 0, "after %s: %ld rows differ (seed %lu)", after,
	             summary_wrong(d), seed0);
	(void)rows;
}

static wn_date day0(void)
{
	return wn_date_from_ymd(2022, 2, 14);
}

/* One random write on day d: a rating set or cleared, a check-in's
 * numbers set or cleared, a metric set or cleared. */
static void random_write(wn_date d)
{
	switch (roll(6)) {
	case 0: case 1:
		ok(wn_db_rating_set(db, d, sym[roll(4)], roll(5) == 4 ? WN_UNSET : roll(4), &err));
		break;
	case 2: case 3: {
		struct wn_checkin_patch c = { .date = d, .set = (unsigned)(1 + roll(15)),
			.mood = roll(12) - 1, .anxiety = roll(12) - 1, .energy = roll(12) - 1,
			.sleep = roll(4) == 0 ? NAN : roll(21) * 0.5 };   /* on its 0-10 scale */
		ok(wn_db_checkin_update(db, &c, &err));
		break;
	}
	default:
		ok(wn_db_metric_set(db, d, roll(2) ? "focus" : "calm",
		                    roll(4) == 0 ? NAN : roll(11) * 0.5, &err));
	}
}

/* About three years of days, with gaps and changes. */
static void generate(int writes)
{
	ok(wn_db_begin(db, &err));
	for (int i = 0; i < writes; i++)
		random_write(day0() + roll(1100));
	ok(wn_db_commit(db, &err));
}

Test(chartsum, triggers_follow_every_write)
{
	ok(wn_db_begin(db, &err));
	for (int i = 0; i < 300; i++)
		random_write(day0() + roll(100));
	ok(wn_db_commit(db, &err));
	cr_assert_gt(query_long(db, "SELECT count(*) FROM chart_sum"), 10);
	expect_summary_right(db, "inserts and updates");
	/* one at a time, each checked */
	for (int i = 0; i < 60; i++) {
		random_write(day0() + roll(100));
		expect_summary_right(db, "a write");
	}
	/* a rating, a check-in and a metric value moved to another day (and
	 * another month): what an update of the date does */
	sqlite3 *h = wn_db_sqlite(db);
	cr_assert_eq(sqlite3_exec(h, "UPDATE rating SET date = date(date, '+40 days')"
	                             " WHERE (date, symptom_id) IN (SELECT date, symptom_id FROM rating"
	                             "  WHERE date(date, '+40 days') NOT IN (SELECT date FROM rating)"
	                             "  LIMIT 3)",
	                          NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_exec(h, "UPDATE rating SET date = '2021-12-31'"
	                             " WHERE date = (SELECT min(date) FROM rating)"
	                             " AND symptom_id = (SELECT min(symptom_id) FROM rating"
	                             "  WHERE date = (SELECT min(date) FROM rating))",
	                          NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_exec(h, "UPDATE checkin SET date = '2021-11-30'"
	                             " WHERE date = (SELECT max(date) FROM checkin);"
	                             " UPDATE metric_value SET date = '2021-10-01'"
	                             " WHERE date = (SELECT max(date) FROM metric_value)",
	                          NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	expect_summary_right(db, "dates moved");
	/* whole days deleted, then every record */
	for (int i = 0; i < 30; i++) {
		ok(wn_db_day_delete(db, day0() + roll(100), NULL, &err));
		expect_summary_right(db, "a day deleted");
	}
	cr_assert_eq(sqlite3_exec(h, "DELETE FROM rating; DELETE FROM checkin;"
	                             " DELETE FROM metric_value", NULL, NULL, NULL), SQLITE_OK);
	cr_expect_eq(query_long(db, "SELECT count(*) FROM chart_sum"), 0,
	             "nothing recorded, nothing summed");
}

Test(chartsum, import_leaves_it_right)
{
	generate(1500);
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
	expect_summary_right(idb, "an import into an empty diary");
	cr_expect_eq(query_long(idb, "SELECT count(*) FROM chart_sum"),
	             query_long(db, "SELECT count(*) FROM chart_sum"));
	/* again over the days there, replacing them, then merging */
	ok(wn_db_begin(idb, &err));
	for (int i = 0; i < 200; i++)
		ok(wn_db_rating_set(idb, day0() + roll(1100), sym[roll(4)], roll(4), &err));
	ok(wn_db_commit(idb, &err));
	io.replace = true;
	ok(wn_import_text(idb, &io, json.s, json.len, &r, &err));
	wn_import_result_free(&r);
	expect_summary_right(idb, "an import replacing days");
	io.replace = false;
	io.on_conflict = WN_IMPORT_REPLACE;
	ok(wn_import_text(idb, &io, json.s, json.len, &r, &err));
	wn_import_result_free(&r);
	expect_summary_right(idb, "an import merging days");
	wn_db_close(idb);
	wn_buf_free(&json);
}

Test(chartsum, a_v6_diary_is_summarised_on_upgrade)
{
	generate(800);
	long rows = query_long(db, "SELECT count(*) FROM chart_sum");
	wn_db_close(db);
	db = NULL;
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, WN_TEST_DROP_V7 " PRAGMA user_version = 6;", NULL, NULL,
	                          NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
	db = open_db(path);
	cr_expect_eq(query_long(db, "PRAGMA user_version"), WN_SCHEMA_VERSION);
	cr_expect_eq(query_long(db, "SELECT count(*) FROM chart_sum"), rows);
	expect_summary_right(db, "the upgrade");
	char bak[4300];
	snprintf(bak, sizeof bak, "%s.bak-v6", path);
	cr_expect_eq(access(bak, F_OK), 0, "a backup of the v6 diary");
	random_write(day0());
	expect_summary_right(db, "a write after the upgrade");
}

/* A restored backup, of this schema or of version 6, has its own sums. */
Test(chartsum, restore_leaves_it_right)
{
	generate(600);
	char v7[4300], v6[4300], keep[4300];
	snprintf(v7, sizeof v7, "%s/v7.db", dir);
	snprintf(v6, sizeof v6, "%s/v6.db", dir);
	ok(wn_db_backup_to(db, v7, &err));
	ok(wn_db_backup_to(db, v6, &err));
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(v6, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, WN_TEST_DROP_V7 " PRAGMA user_version = 6;", NULL, NULL,
	                          NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_close(h), SQLITE_OK);
	long rows = query_long(db, "SELECT count(*) FROM chart_sum");
	const char *from[2] = { v7, v6 };
	for (int i = 0; i < 2; i++) {
		/* the diary changes, then the backup comes back */
		for (int k = 0; k < 50; k++)
			random_write(day0() + roll(1100));
		wn_db_close(db);
		db = NULL;
		struct wn_restore_src *src = NULL;
		ok(wn_db_restore_open(from[i], &src, &err));
		struct wn_db_opts o = { .path = path, .alone = true };
		ok(wn_db_open(&db, &o, &err));
		snprintf(keep, sizeof keep, "%s/keep%d.db", dir, i);
		struct wn_restore r = { .keep = keep };
		ok(wn_db_restore(db, src, &r, &err));
		wn_db_restore_close(src);
		cr_expect_eq(r.from_version, i ? 6 : WN_SCHEMA_VERSION);
		cr_expect_eq(query_long(db, "PRAGMA user_version"), WN_SCHEMA_VERSION);
		cr_expect_eq(query_long(db, "SELECT count(*) FROM chart_sum"), rows);
		expect_summary_right(db, i ? "a v6 backup restored" : "a backup restored");
	}
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

Test(chartsum, check_reports_a_summary_that_differs)
{
	generate(300);
	struct lines l = { .n = 0 };
	ok(wn_db_check(db, keep_line, &l, &err));
	cr_assert_eq(l.n, 0, "a right summary: %s", l.text[0]);
	long first = query_long(db, "SELECT min(period) FROM chart_sum WHERE kind = 0"
	                            " AND span = 1");
	char want[160];
	snprintf(want, sizeof want, "the charts' summary (chart_sum) differs from the records"
	         " in 2 place(s), the first in %04ld-%02ld", first / 12, first % 12 + 1);
	sqlite3 *h = wn_db_sqlite(db);
	cr_assert_eq(sqlite3_exec(h, "UPDATE chart_sum SET sum = sum + 1 WHERE kind = 0"
	                             " AND span = 1 AND period = (SELECT min(period) FROM"
	                             " chart_sum WHERE kind = 0 AND span = 1);"
	                             " INSERT INTO chart_sum VALUES (1, 9999, 12, 1990, 3, 1)",
	                          NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	wn_err_clear(&err);
	cr_assert_eq(wn_db_check(db, keep_line, &l, &err), WN_DATAERR);
	cr_assert_eq(l.n, 1);
	cr_expect_not_null(strstr(l.text[0], want), "%s", l.text[0]);
}

/* ---- by month against by day ------------------------------------------------------ */

static struct wn_series_what what(const char *name)
{
	struct wn_series_what w;
	ok(wn_series_parse_what(&(struct wn_series_names){ db, &cfg }, name, &w, &err));
	return w;
}

/* Sums and counts of period p of span months (index i) computed from
 * the days: the series day by day, as db/series.h gives it. */
static void expect_periods(const struct wn_series_what *w, wn_date from, wn_date to,
                           int span)
{
	size_t n = wn_chartdata_periods(from, to, span), days = (size_t)(to - from + 1);
	double *sum = calloc(n, sizeof *sum), *v = calloc(days, sizeof *v);
	long *cnt = calloc(n, sizeof *cnt);
	cr_assert(sum && v && cnt);
	struct wn_chartdata_months q = { w, from, to, span };
	ok(wn_chartdata_months(db, &q, sum, cnt, &err));
	ok(wn_series_load(db, &(struct wn_series_req){ w, from, to }, v, &err));
	long p0 = wn_chart_month_key(from) / (span == 12 ? 12 : 1);
	double dsum[64] = { 0 };
	long dcnt[64] = { 0 };
	cr_assert_leq(n, 64);
	for (size_t i = 0; i < days; i++) {
		if (!isfinite(v[i]))
			continue;
		long p = wn_chart_month_key(from + (long)i) / (span == 12 ? 12 : 1) - p0;
		dsum[p] += v[i];
		dcnt[p]++;
	}
	char a[WN_DATE_STRLEN], b[WN_DATE_STRLEN];
	for (size_t p = 0; p < n; p++) {
		cr_expect_eq(cnt[p], dcnt[p], "%s %s..%s span %d period %zu: %ld days, not %ld"
		             " (seed %lu)", w->name, wn_date_format(from, a), wn_date_format(to, b),
		             span, p, cnt[p], dcnt[p], seed0);
		cr_expect(fabs(sum[p] - dsum[p]) < 1e-9, "%s %s..%s span %d period %zu: sum %g,"
		          " not %g (seed %lu)", w->name, wn_date_format(from, a),
		          wn_date_format(to, b), span, p, sum[p], dsum[p], seed0);
	}
	free(sum);
	free(v);
	free(cnt);
}

Test(chartsum, months_and_years_equal_the_days)
{
	generate(2500);
	const char *names[] = { "burden", "mood", "anxiety", "energy", "sleep", "brain zaps",
	                        "headache", "metric:focus", "metric:calm" };
	for (int r = 0; r < 25; r++) {
		/* ranges starting and ending anywhere, in and around the records */
		wn_date from = day0() - 60 + roll(900);
		wn_date to = from + roll(1200);
		if (r == 0) {                    /* the whole diary, as "all time" */
			from = day0();
			to = day0() + 1100;
		}
		for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
			struct wn_series_what w = what(names[k]);
			expect_periods(&w, from, to, 1);
			expect_periods(&w, from, to, 12);
		}
	}
	struct wn_series_what dose = what("burden");
	dose.kind = WN_SERIES_DOSE;
	double s[2];
	long c[2];
	wn_err_clear(&err);
	cr_expect_eq(wn_chartdata_months(db, &(struct wn_chartdata_months){ &dose, day0(),
	             day0() + 10, 1 }, s, c, &err), WN_USAGE, "a dose is charted by day");
}

/* The chart of a long range read by month draws the same line as the
 * chart of its days: every line and point cell equal (the days' chart
 * adds min-max spans, which a chart by month has not).  Series on a
 * fixed scale, so that both charts have the same axis (a burden's is
 * fitted to what is drawn: the days' extremes or the months' means). */
Test(chartsum, a_chart_by_month_draws_the_days_means)
{
	generate(2500);
	const char *names[] = { "mood", "anxiety", "sleep", "insomnia", "brain zaps" };
	for (size_t k = 0; k < 2 * sizeof names / sizeof *names; k++) {
		/* by month at 60 columns; by year at 40 over ten years and more */
		bool years = k % 2;
		int width = years ? 40 : 60;
		struct wn_series_what w = what(names[k / 2]);
		wn_date from = day0() + roll(40) - (years ? 2800 : 0), to = day0() + 1000 + roll(60);
		struct wn_chartview cv;
		struct wn_chartview_req q = { &w, from, to, width };
		ok(wn_chartdata_load(db, &q, &cv, &err));
		cr_assert(cv.by_month, "%zu days at %d columns are read by month",
		          (size_t)(to - from), width);
		cr_assert_eq(cv.months.span, years ? 12 : 1);
		cr_assert_null(cv.v);
		double *v = malloc((size_t)(to - from + 1) * sizeof *v);
		ok(wn_series_load(db, &(struct wn_series_req){ &w, from, to }, v, &err));
		struct wn_chart_series days = { .start = from, .n = (size_t)(to - from + 1), .v = v,
			.lo = w.lo, .hi = w.hi };
		struct wn_chart_series months = days;
		months.v = NULL;
		struct wn_chart_opts o = { .width = width, .height = 14, .ascii = true };
		struct wn_chart_opts om = o;
		om.months = &cv.months;
		struct wn_chart_buf a, b;
		wn_chart_buf_init(&a);
		wn_chart_buf_init(&b);
		ok(wn_chart_line(&a, &days, &o, &err));
		ok(wn_chart_line(&b, &months, &om, &err));
		int lines = 0;
		for (int y = 1; y < a.height - 2; y++)
			for (int x = 0; x < a.width; x++) {
				const struct wn_chart_cell *ca = wn_chart_cell(&a, x, y);
				const struct wn_chart_cell *cb = wn_chart_cell(&b, x, y);
				if (ca->role == WN_CHART_LINE || cb->role == WN_CHART_LINE) {
					cr_expect_eq(ca->role, cb->role, "%s: cell %d,%d (seed %lu)",
					             names[k / 2], x, y, seed0);
					cr_expect_str_eq(ca->ch, cb->ch, "%s: cell %d,%d", names[k / 2], x, y);
					lines++;
				}
			}
		cr_expect_gt(lines, years ? 5 : 10, "%s: a line is drawn", names[k / 2]);
		wn_chart_buf_free(&a);
		wn_chart_buf_free(&b);
		free(v);
		wn_chartview_free(&cv);
	}
}

/* The figures of a chart by month: its days only where the text says. */
Test(chartsum, the_figures_of_a_long_chart_say_which_days)
{
	generate(2500);
	struct wn_series_what w = what("burden");
	wn_date to = day0() + 1100;
	struct wn_chartview cv;
	ok(wn_chartdata_load(db, &(struct wn_chartview_req){ &w, day0(), to, 80 }, &cv, &err));
	cr_assert(cv.by_month);
	cr_expect_eq(cv.daily_from, to - WN_CHARTVIEW_DAILY_DAYS + 1);
	struct wn_buf text;
	wn_buf_init(&text);
	ok(wn_chartview_insight(&cv, &text, &err));
	cr_expect_not_null(strstr(text.s, "Windows and waves in the last 365 days"), "%s", text.s);
	/* the same figures as a chart of those days alone */
	struct wn_chartview year;
	ok(wn_chartdata_load(db, &(struct wn_chartview_req){ &w, cv.daily_from, to, 80 },
	                     &year, &err));
	cr_assert_not(year.by_month);
	struct wn_buf ytext;
	wn_buf_init(&ytext);
	ok(wn_chartview_insight(&year, &ytext, &err));
	const char *a = strstr(text.s, "Now "), *b = strstr(ytext.s, "Now ");
	cr_assert(a && b);
	cr_expect_eq(strncmp(a, b, strcspn(b, "\n")), 0, "now: %s / %s", a, b);
	a = strstr(text.s, "(a bad day");
	b = strstr(ytext.s, "(a bad day");
	cr_assert(a && b);
	cr_expect_str_eq(a, b, "the waves of the last 365 days");
	wn_buf_free(&text);
	wn_buf_free(&ytext);
	wn_chartview_free(&cv);
	wn_chartview_free(&year);
}
