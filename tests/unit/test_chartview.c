/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_chartview.c -- a series made ready to chart: the list of series,
 * the taper's steps, the insight range, the chart and the figures, from a
 * temporary diary. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/chartdata.h"
#include "core/config.h"
#include "db/db.h"
#include "core/plan.h"
#include "core/records.h"
#include "db/day.h"
#include "db/med.h"
#include "db/plan.h"
#include "db/symptoms.h"
#include "tmpdir.h"

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;
static struct wn_config cfg;
static long sert, parox;

static wn_date D(int m, int d)   /* a day of 2026 */
{
	return wn_date_from_ymd(2026, m, d);
}

static void ok(int rc)
{
	cr_assert(eq(int, rc, WN_OK), "%s", err.msg);
}

static void plan(long med, wn_date start, double from, int every)
{
	struct wn_plan_spec s = { .med_id = med, .method = WN_TAPER_PERCENT,
	                          .start = start, .from_dose = from, .step = 10,
	                          .every_days = every, .round_q = 0.5 };
	ok(wn_db_plan_add(db, &s, NULL, &err));
}

/* Every day from Sep 1 to Nov 25: mood 6, brain zaps 1 before the first
 * cut (Oct 15) and 2 from it, sertraline as planned.  Sertraline: 50 mg
 * from Oct 1, 10% every 14 days (cuts Oct 15, Oct 29, Nov 12, Nov 26...);
 * paroxetine: 20 mg from Nov 1, 10% every 7 days (cuts Nov 8, 15, 22...).
 * A custom metric "focus" on one day; nausea hidden. */
static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "chartview");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	ok(wn_db_open(&db, &o, &err));
	wn_config_defaults(&cfg);
	cfg.n_metrics = 1;
	snprintf(cfg.metrics[0].name, sizeof cfg.metrics[0].name, "calm");
	cfg.metrics[0].min = 0;
	cfg.metrics[0].max = 5;
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	ok(wn_db_med_add(db, &m, &sert, &err));
	struct wn_med p = { .name = "paroxetine", .unit = "mg" };
	ok(wn_db_med_add(db, &p, &parox, &err));
	plan(sert, D(10, 1), 50, 14);
	plan(parox, D(11, 1), 20, 7);
	struct wn_symptom zaps, nausea;
	ok(wn_db_symptom_find(db, "brain zaps", &zaps, &err));
	ok(wn_db_symptom_find(db, "nausea", &nausea, &err));
	ok(wn_db_symptom_set_hidden(db, nausea.id, true, &err));
	ok(wn_db_begin(db, &err));
	for (wn_date d = D(9, 1); d <= D(11, 25); d++) {
		struct wn_checkin_patch c = { .date = d, .set = WN_SET_MOOD, .mood = 6 };
		ok(wn_db_checkin_update(db, &c, &err));
		ok(wn_db_rating_set(db, d, zaps.id, d < D(10, 15) ? 1 : 2, &err));
	}
	ok(wn_db_commit(db, &err));
	ok(wn_db_metric_set(db, D(11, 2), "focus", 3, &err));
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(chartview, .init = setup, .fini = teardown);

static struct wn_series_what what(const char *name)
{
	struct wn_series_what w;
	ok(wn_series_parse_what(&(struct wn_series_names){ db, &cfg }, name, &w, &err));
	return w;
}

static void load(const char *name, wn_date from, wn_date to, struct wn_chartview *cv)
{
	struct wn_series_what w = what(name);
	struct wn_chartview_req r = { .what = &w, .from = from, .to = to };
	ok(wn_chartdata_load(db, &r, cv, &err));
}

Test(chartview, lists_every_series_in_the_screens_order)
{
	struct wn_series_what *w = NULL;
	size_t n = 0;
	ok(wn_chartdata_list(&(struct wn_series_names){ db, &cfg }, &w, &n, &err));
	struct wn_symptom *sy;
	size_t ns;
	ok(wn_db_symptom_list(db, false, &sy, &ns, &err));
	cr_assert_eq(n, 5 + 2 + ns + 2, "got %zu series", n);
	static const char *const first[] = { "burden", "mood", "anxiety", "energy",
	                                     "sleep", "calm", "focus" };
	for (size_t i = 0; i < 7; i++)
		cr_assert_str_eq(w[i].name, first[i], "series %zu", i);
	cr_assert_eq(w[5].kind, WN_SERIES_METRIC);
	cr_assert_eq(w[6].kind, WN_SERIES_METRIC);
	for (size_t i = 0; i < ns; i++) {
		cr_assert_eq(w[7 + i].kind, WN_SERIES_SYMPTOM);
		cr_assert_str_eq(w[7 + i].name, sy[i].name);
		cr_assert_str_neq(w[7 + i].name, "nausea", "a hidden symptom is left out");
	}
	cr_assert_eq(w[n - 2].kind, WN_SERIES_DOSE);
	cr_assert_str_eq(w[n - 2].name, "paroxetine");
	cr_assert_str_eq(w[n - 1].name, "sertraline");
	free(sy);
	free(w);
}

Test(chartview, load_reads_the_days_the_steps_and_the_baseline)
{
	struct wn_chartview cv;
	load("brain zaps", D(11, 1), D(11, 25), &cv);
	cr_assert_eq(cv.from, D(11, 1));
	cr_assert_eq(cv.to, D(11, 25));
	for (int i = 0; i < 25; i++)
		cr_assert_float_eq(cv.v[i], 2, 1e-9);
	/* both plans' cuts up to the last day, in order */
	static const int steps[][2] = { { 10, 15 }, { 10, 29 }, { 11, 8 }, { 11, 12 },
	                                { 11, 15 }, { 11, 22 } };
	cr_assert_eq(cv.n_steps, 6, "got %zu steps", cv.n_steps);
	for (size_t i = 0; i < cv.n_steps; i++)
		cr_assert_eq(cv.steps[i], D(steps[i][0], steps[i][1]), "step %zu", i);
	cr_assert_eq(cv.n_plans, 2);
	cr_assert(cv.have_overlay);
	/* the insight series starts 28 days before the first cut */
	cr_assert_eq(cv.ins.start, D(10, 15) - WN_INSIGHT_BASELINE_DAYS);
	cr_assert_eq(cv.ins.n, (size_t)(D(11, 25) - cv.ins.start + 1));
	cr_assert_not_null(cv.longer);
	cr_assert_eq(cv.ins.v, cv.longer);
	cr_assert_float_eq(cv.ins.v[0], 1, 1e-9);
	wn_chartview_free(&cv);
	cr_assert_null(cv.v, "free resets the view");
}

Test(chartview, a_range_reaching_the_baseline_needs_no_second_read)
{
	struct wn_chartview cv;
	load("burden", D(9, 1), D(11, 25), &cv);
	cr_assert_null(cv.longer);
	cr_assert_eq(cv.ins.v, cv.v);
	cr_assert_eq(cv.ins.start, D(9, 1));
	wn_chartview_free(&cv);
}

Test(chartview, a_dose_uses_its_own_plan_only)
{
	struct wn_chartview cv;
	load("dose:sertraline", D(11, 1), D(11, 25), &cv);
	cr_assert_eq(cv.n_plans, 1);
	cr_assert_eq(cv.n_steps, 3, "Oct 15, Oct 29, Nov 12");
	cr_assert_eq(cv.steps[2], D(11, 12));
	cr_assert_str_eq(cv.med.name, "sertraline");
	wn_chartview_free(&cv);
}

Test(chartview, a_bad_range_is_refused_and_safe_to_free)
{
	struct wn_chartview cv;
	struct wn_series_what w = what("mood");
	struct wn_chartview_req r = { .what = &w, .from = D(11, 2), .to = D(11, 1) };
	cr_assert_eq(wn_chartdata_load(db, &r, &cv, &err), WN_USAGE);
	wn_chartview_free(&cv);
}

Test(chartview, span_covers_the_diary_up_to_today)
{
	wn_date from, to, today = D(11, 25);
	ok(wn_chartdata_span(db, today, 36600, &from, &to, &err));
	cr_assert_eq(from, D(9, 1));
	cr_assert_eq(to, today);
	ok(wn_chartdata_span(db, today, 30, &from, &to, &err));
	cr_assert_eq(from, today - 29);
	ok(wn_chartdata_span(db, D(12, 31), 36600, &from, &to, &err));
	cr_assert_eq(to, D(12, 31), "a later today ends the range");
}

static bool has_role(const struct wn_chart_buf *b, int role, const char *ch)
{
	for (int y = 0; y < b->height; y++)
		for (int x = 0; x < b->width; x++) {
			const struct wn_chart_cell *c = wn_chart_cell(b, x, y);
			if (c->role == role && (!ch || !strcmp(c->ch, ch)))
				return true;
		}
	return false;
}

Test(chartview, the_chart_marks_steps_and_overlays_the_dose_on_the_burden)
{
	struct wn_chartview cv;
	struct wn_chart_buf b;
	wn_chart_buf_init(&b);
	load("burden", D(10, 1), D(11, 25), &cv);
	ok(wn_chartview_render(&cv, &(struct wn_chartview_size){ 80, 16, true }, &b, &err));
	cr_assert_eq(b.width, 80);
	cr_assert_eq(b.height, 16);
	cr_assert(has_role(&b, WN_CHART_STEP, "^"));
	cr_assert(has_role(&b, WN_CHART_DOSE, NULL), "the planned dose over the burden");
	cr_assert(has_role(&b, WN_CHART_AVG, NULL), "the 7-day average");
	wn_chartview_free(&cv);
	load("dose:sertraline", D(10, 1), D(11, 25), &cv);
	ok(wn_chartview_render(&cv, &(struct wn_chartview_size){ 80, 16, false }, &b, &err));
	cr_assert(has_role(&b, WN_CHART_STEP, "\u25b2"));
	cr_assert(has_role(&b, WN_CHART_DOSE, NULL), "the planned dose under the taken");
	cr_assert_not(has_role(&b, WN_CHART_RANGE, NULL), "no min-max span of a dose");
	cr_assert_not(has_role(&b, WN_CHART_AVG, NULL), "no average of a dose");
	wn_chartview_free(&cv);
	wn_chart_buf_free(&b);
}

static char *insight(const char *name, wn_date from, wn_date to)
{
	struct wn_chartview cv;
	struct wn_buf b;
	wn_buf_init(&b);
	load(name, from, to, &cv);
	ok(wn_chartview_insight(&cv, &b, &err));
	wn_chartview_free(&cv);
	return wn_buf_detach(&b);
}

Test(chartview, the_figures_say_what_the_series_says)
{
	char *t = insight("brain zaps", D(11, 1), D(11, 25));
	cr_assert(strstr(t, "Onset     pre-existing: first on 2026-09-01") == t, "%s", t);
	cr_assert_not_null(strstr(t, "Baseline    1.0  28 days before the first cut on"
	                          " 2026-10-15 (28 with data)\n"), "%s", t);
	cr_assert_not_null(strstr(t, "Now         2.0  14 days to 2026-11-25 (14 with data);"
	                          " +1.0 on the baseline\n"), "%s", t);
	cr_assert_not_null(strstr(t, "Trend     steady"), "%s", t);
	cr_assert_not_null(strstr(t, "  2026-10-15  45 mg       2.0   2.0   2.0     -   2 on day 0  sertraline\n"), "%s", t);
	cr_assert_not_null(strstr(t, "paroxetine\n"), "two plans: each cut names its drug");
	cr_assert_null(strstr(t, "Windows and waves"), "waves are for the burden");
	free(t);
	t = insight("burden", D(11, 1), D(11, 25));
	cr_assert_not_null(strstr(t, "\nWindows and waves in these 25 days"), "%s", t);
	free(t);
	t = insight("dose:sertraline", D(11, 1), D(11, 25));
	/* ratings every day and no dose: not recorded, no deviation (issue 14:
	 * before, "0 days as planned, 25 deviations") */
	cr_assert(strstr(t, "Planned against taken: 25 not recorded\n") == t, "%s", t);
	cr_assert_null(strstr(t, "Baseline"));
	free(t);
}

/* One read of every symptom gives what one series load each would. */
Test(chartview, all_symptoms_at_once_match_their_series)
{
	struct wn_symptom dizzy, *sy;
	size_t ns;
	ok(wn_db_symptom_find(db, "dizziness", &dizzy, &err));
	ok(wn_db_rating_set(db, D(8, 28), dizzy.id, 3, &err));   /* no check-in */
	struct wn_checkin_patch ci = { .date = D(8, 26), .set = WN_SET_MOOD, .mood = 5 };
	ok(wn_db_checkin_update(db, &ci, &err));                  /* no rating */
	ok(wn_db_symptom_list(db, true, &sy, &ns, &err));
	wn_date from = D(8, 20), to = D(11, 25);
	size_t days = (size_t)(to - from + 1);
	long *ids = calloc(ns, sizeof *ids);
	double *all = calloc(ns * days, sizeof *all), *one = calloc(days, sizeof *one);
	cr_assert(ids && all && one);
	for (size_t k = 0; k < ns; k++)
		ids[k] = sy[k].id;
	ok(wn_chartdata_symptoms(db, &(struct wn_chartdata_symptoms){ ids, ns, from, to },
	                         all, &err));
	for (size_t k = 0; k < ns; k++) {
		struct wn_series_what w = { .kind = WN_SERIES_SYMPTOM, .id = sy[k].id };
		ok(wn_series_load(db, &(struct wn_series_req){ &w, from, to }, one, &err));
		for (size_t i = 0; i < days; i++) {
			double a = all[k * days + i], b = one[i];
			cr_assert(isnan(a) ? isnan(b) : a == b, "%s, day %zu: %g against %g",
			          sy[k].name, i, a, b);
		}
	}
	cr_assert(isnan(all[0]), "Aug 20: nothing recorded");
	cr_assert(isnan(all[D(8, 26) - from]), "Aug 26: a check-in without ratings has none");
	size_t aug28 = (size_t)(D(8, 28) - from);
	for (size_t k = 0; k < ns; k++)
		cr_assert_float_eq(all[k * days + aug28], sy[k].id == dizzy.id ? 3 : 0, 1e-9);
	cr_assert_eq(wn_chartdata_symptoms(db, &(struct wn_chartdata_symptoms){
	             ids, ns, to, from }, all, &err), WN_USAGE);
	free(ids);
	free(all);
	free(one);
	free(sy);
}

Test(chartview, steady_is_a_twentieth_of_the_scale)
{
	struct wn_series_what mood = what("mood"), burden = what("burden");
	cr_assert_float_eq(wn_chartview_steady(&mood), 0.5, 1e-9);
	cr_assert_float_eq(wn_chartview_steady(&burden), 1.0, 1e-9);
}

/* Sparklines aggregated by the diary, a mean per column: brain zaps is 1
 * before Oct 15 and 2 from it, so over Oct 14..17 in 2 columns the first
 * (Oct 14, 15) is (1 + 2) / 2 = 1.5 and the second 2; a column whose days
 * have no rating is NAN. */
Test(chartview, sparks_by_column_are_means_of_rated_days)
{
	struct wn_symptom zaps;
	ok(wn_db_symptom_find(db, "brain zaps", &zaps, &err));
	long id = zaps.id;
	double v[2];
	ok(wn_chartdata_sparks(db, &(struct wn_chartdata_sparks){ &id, 1, D(10, 14),
	                       D(10, 17), 2 }, v, &err));
	cr_assert_float_eq(v[0], 1.5, 1e-9);
	cr_assert_float_eq(v[1], 2, 1e-9);
	ok(wn_chartdata_sparks(db, &(struct wn_chartdata_sparks){ &id, 1, D(8, 1),
	                       D(8, 4), 2 }, v, &err));
	cr_assert(isnan(v[0]) && isnan(v[1]), "nothing rated in August");
	cr_assert_eq(wn_chartdata_sparks(db, &(struct wn_chartdata_sparks){ &id, 1,
	             D(10, 14), D(10, 17), 5 }, v, &err), WN_USAGE, "more columns than days");
	cr_assert_eq(wn_chartdata_sparks(db, &(struct wn_chartdata_sparks){ &id, 1,
	             D(10, 14), D(10, 17), 0 }, v, &err), WN_USAGE);
}

/* Drawn, the columns give the sparkline of the days, at any width. */
Test(chartview, sparks_by_column_draw_as_the_days_do)
{
	struct wn_symptom *sy;
	size_t ns;
	ok(wn_db_symptom_list(db, true, &sy, &ns, &err));
	wn_date from = D(8, 20), to = D(11, 25);
	size_t days = (size_t)(to - from + 1);
	long *ids = calloc(ns, sizeof *ids);
	double *all = calloc(ns * days, sizeof *all), *col = calloc(ns * days, sizeof *col);
	cr_assert(ids && all && col);
	for (size_t k = 0; k < ns; k++)
		ids[k] = sy[k].id;
	ok(wn_chartdata_symptoms(db, &(struct wn_chartdata_symptoms){ ids, ns, from, to },
	                         all, &err));
	static const int widths[] = { 98, 60, 13, 7, 1 };
	struct wn_chart_buf a, b;
	wn_chart_buf_init(&a);
	wn_chart_buf_init(&b);
	for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
		int cols = widths[w];
		ok(wn_chartdata_sparks(db, &(struct wn_chartdata_sparks){ ids, ns, from, to,
		                       cols }, col, &err));
		struct wn_chart_opts o = { .width = cols, .ascii = true };
		for (size_t k = 0; k < ns; k++) {
			struct wn_chart_series d = { from, days, all + k * days, 0, 3, NULL, NULL };
			struct wn_chart_series c = { from, (size_t)cols, col + k * (size_t)cols,
			                             0, 3, NULL, NULL };
			ok(wn_chart_sparkline(&a, &d, &o, &err));
			ok(wn_chart_sparkline(&b, &c, &o, &err));
			for (int x = 0; x < cols; x++)
				cr_assert_str_eq(wn_chart_cell(&a, x, 0)->ch, wn_chart_cell(&b, x, 0)->ch,
				                 "%s, width %d, column %d", sy[k].name, cols, x);
		}
	}
	wn_chart_buf_free(&a);
	wn_chart_buf_free(&b);
	free(ids);
	free(all);
	free(col);
	free(sy);
}
