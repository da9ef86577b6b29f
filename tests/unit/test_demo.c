/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_demo.c -- the demo diary: what it holds, that it is the same for
 * the same day, and that it is written all or nothing. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/demo.h"
#include "core/insight.h"
#include "db/plan.h"
#include "db/series.h"
#include "db/db.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/med.h"
#include "sqlq.h"
#include "tmpdir.h"
#include "db/db_int.h"   /* the raw handle, to look into the file */

static char dir[4096];
static struct wn_err err;
static const wn_date today = 20782;     /* 2026-11-25 */

static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "demo");
	setenv("WEAN_TODAY", "2026-11-25", 1);
	wn_err_clear(&err);
}

static void teardown(void)
{
	wn_test_rmtree(dir);
}

TestSuite(demo, .init = setup, .fini = teardown);

static struct wn_db *open_new(const char *name)
{
	char path[4200];
	struct wn_db *db = NULL;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct wn_db_opts o = { .path = path, .create = true };
	cr_assert(eq(int, wn_db_open(&db, &o, &err), WN_OK), "%s", err.msg);
	return db;
}

#define count wn_test_db_long

static void load(struct wn_db *db, const char *what, wn_date from, double *v)
{
	struct wn_series_what w;
	const struct wn_series_names src = { db, NULL };
	cr_assert(eq(int, wn_series_parse_what(&src, what, &w, &err), WN_OK), "%s", err.msg);
	struct wn_series_req r = { .what = &w, .from = from, .to = today };
	cr_assert(eq(int, wn_series_load(db, &r, v, &err), WN_OK), "%s", err.msg);
}

Test(demo, holds_the_story)
{
	struct wn_db *db = open_new("a.db");
	struct wn_demo_summary s;
	const struct wn_demo_opts o = { .today = today, .days = 200 };
	cr_assert(eq(int, wn_demo_write(db, &o, &s, &err), WN_OK), "%s", err.msg);
	cr_expect(eq(long, s.first, today - 199));
	cr_expect(eq(int, s.checkins, 195));
	cr_expect(eq(int, s.missing, 5));
	cr_expect(eq(int, s.cuts, 5));
	cr_expect(s.dose_now == 60, "dose today %g", s.dose_now);
	cr_expect(eq(long, count(db, "SELECT count(*) FROM checkin"), 195));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM checkin WHERE flag = 1"), 3));
	long notes = count(db, "SELECT count(*) FROM checkin WHERE note IS NOT NULL");
	cr_expect(notes >= 195 / 4 && notes <= 195 * 2 / 5, "notes on %ld days", notes);
	cr_expect(count(db, "SELECT count(*) FROM checkin WHERE note LIKE '%é%' OR note LIKE '%—%'") >= 2);
	cr_expect(eq(long, count(db, "SELECT count(*) FROM question"), 3));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM question WHERE answered = 1"), 1));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM quicknote"), 3));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM hold WHERE end_date IS NOT NULL"
	                              " AND julianday(end_date) - julianday(start_date) = 18"
	                              " AND length(reason) > 20"), 1));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM med_form"), 2));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM symptom WHERE preexisting = 1"), 1));
	cr_expect(eq(int, wn_db_check(db, NULL, NULL, &err), WN_OK), "%s", err.msg);
	wn_db_close(db);
}

Test(demo, doses_follow_the_plan_with_three_deviations)
{
	struct wn_db *db = open_new("a.db");
	cr_assert(eq(int, wn_demo_write(db, &(struct wn_demo_opts){ .today = today, .days = 200 }, NULL, &err), WN_OK), "%s", err.msg);
	struct wn_med m;
	struct wn_plan p;
	struct wn_schedule s;
	cr_assert(eq(int, wn_db_med_find(db, "sertraline", &m, &err), WN_OK));
	cr_assert(eq(int, wn_db_plan_load(db, m.id, &p, &err), WN_OK), "%s", err.msg);
	cr_assert(eq(int, wn_plan_build(&p, NULL, &s, &err), WN_OK), "%s", err.msg);
	static struct wn_plan_day days[200];
	struct wn_plan_range r = { .plan = &p, .sched = &s, .from = today - 199, .to = today };
	cr_assert(eq(int, wn_db_plan_days(db, &r, days, &err), WN_OK), "%s", err.msg);
	int dev = 0, skipped = 0, nodata = 0;
	for (int i = 0; i < 200; i++) {
		dev += days[i].status == WN_DOSE_DIFFERENT;
		skipped += days[i].status == WN_DOSE_SKIPPED;
		nodata += days[i].status == WN_DOSE_NOT_RECORDED;
	}
	cr_expect(eq(int, dev, 2));
	cr_expect(eq(int, skipped, 1));
	cr_expect(eq(int, nodata, 5));
	/* 100, 90, 82, 74, 66, 60 by the 20 mg/mL liquid; the 4th cut moved by the hold */
	static const double want[] = { 100, 90, 82, 74, 66, 60 };
	for (int k = 0; k < 6; k++)
		cr_expect(s.steps[k].dose == want[k], "step %d: %g", k, s.steps[k].dose);
	cr_expect(eq(long, s.steps[4].date - s.steps[3].date, 28 + 18));
	wn_taper_free(&s);
	wn_plan_free(&p);
	wn_db_close(db);
}

Test(demo, symptoms_rise_after_the_cuts)
{
	struct wn_db *db = open_new("a.db");
	cr_assert(eq(int, wn_demo_write(db, &(struct wn_demo_opts){ .today = today, .days = 200 }, NULL, &err), WN_OK), "%s", err.msg);
	static double burden[200], zaps[200];
	load(db, "burden", today - 199, burden);
	load(db, "brain zaps", today - 199, zaps);
	const struct wn_insight_series b = { .start = today - 199, .n = 200, .v = burden };
	const struct wn_insight_series z = { .start = today - 199, .n = 200, .v = zaps };
	const wn_date cuts[] = { today - 152, today - 124, today - 96, today - 50, today - 22 };
	struct wn_insight_baseline base;
	struct wn_insight_step st[5];
	wn_insight_baseline(&b, cuts, 5, &base);
	wn_insight_steps(&b, cuts, 5, st);
	cr_expect(base.baseline < 3, "baseline %g", base.baseline);
	for (int k = 0; k < 5; k++) {
		cr_expect(st[k].mean[1] > base.baseline + 5, "cut %d: days 4-7 %g", k, st[k].mean[1]);
		cr_expect(st[k].mean[1] > st[k].mean[0] && st[k].mean[1] > st[k].mean[3],
		          "cut %d: the wave peaks in days 4-7", k);
		cr_expect(st[k].peak_day >= 3 && st[k].peak_day <= 10, "cut %d peak day %d",
		          k, st[k].peak_day);
	}
	cr_expect(st[2].mean_all > st[0].mean_all, "the third cut is harder than the first");
	wn_date first = WN_DATE_NONE;
	for (size_t i = z.n; i-- > 0;)        /* the first day zaps were rated */
		if (isfinite(z.v[i]) && z.v[i] > 0)
			first = z.start + (wn_date)i;
	cr_expect(wn_insight_onset(first, cuts[0], false) == WN_ONSET_NEW, "zaps are new");
	wn_db_close(db);
}

static bool same(double x, double y)
{
	return (isnan(x) && isnan(y)) || x == y;
}

Test(demo, same_day_same_diary)
{
	struct wn_db *a = open_new("a.db"), *b = open_new("b.db");
	cr_assert(eq(int, wn_demo_write(a, &(struct wn_demo_opts){ .today = today, .days = 120 }, NULL, &err), WN_OK), "%s", err.msg);
	cr_assert(eq(int, wn_demo_write(b, &(struct wn_demo_opts){ .today = today, .days = 120 }, NULL, &err), WN_OK), "%s", err.msg);
	static const char *const what[] = { "mood", "sleep", "burden", "insomnia", "dose:sertraline" };
	for (size_t i = 0; i < sizeof what / sizeof *what; i++) {
		static double x[120], y[120];
		load(a, what[i], today - 119, x);
		load(b, what[i], today - 119, y);
		for (int k = 0; k < 120; k++)
			cr_expect(same(x[k], y[k]), "%s day %d", what[i], k);
	}
	static const char q[] = "SELECT total(length(note)) + 1000 * count(*) FROM checkin";
	cr_expect(eq(long, count(a, q), count(b, q)));
	wn_db_close(a);
	wn_db_close(b);
}

Test(demo, all_or_nothing)
{
	struct wn_db *db = open_new("a.db");
	struct wn_med m = { .name = "Sertraline", .unit = "mg" };
	cr_assert(eq(int, wn_db_med_add(db, &m, NULL, &err), WN_OK));
	cr_expect(eq(int, wn_demo_write(db, &(struct wn_demo_opts){ .today = today, .days = 30 }, NULL, &err), WN_DATAERR));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM checkin"), 0));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM plan"), 0));
	cr_expect(eq(int, wn_demo_write(db, &(struct wn_demo_opts){ .today = today, .days = 0 }, NULL, &err), WN_USAGE));
	cr_expect(eq(int, wn_demo_write(db, &(struct wn_demo_opts){ .today = today, .days = WN_DEMO_MAX_DAYS + 1 }, NULL, &err), WN_USAGE));
	wn_db_close(db);
}

Test(demo, short_and_long_diaries)
{
	struct wn_db *db = open_new("short.db");
	struct wn_demo_summary s;
	const struct wn_demo_opts one = { .today = today, .days = 1 };
	cr_assert(eq(int, wn_demo_write(db, &one, &s, &err), WN_OK), "%s", err.msg);
	cr_expect(eq(int, s.checkins, 1));
	cr_expect(eq(long, count(db, "SELECT count(*) FROM question"), 0));
	wn_db_close(db);
	db = open_new("long.db");
	const struct wn_demo_opts ten = { .today = today, .days = 3650 };
	cr_assert(eq(int, wn_demo_write(db, &ten, &s, &err), WN_OK), "%s", err.msg);
	cr_expect(eq(int, s.checkins, 3645));
	cr_expect(eq(long, count(db, "SELECT (SELECT min(date) FROM checkin) = '2016-11-28'"), 1));
	wn_db_close(db);
}
