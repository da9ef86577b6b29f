/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_series.c -- daily series read from a temporary diary, and names
 * resolved to series. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/insight.h"
#include "db/series.h"
#include "db/db.h"
#include "core/records.h"
#include "db/day.h"
#include "db/med.h"
#include "db/symptoms.h"
#include "tmpdir.h"

#define X NAN

static char dir[4096];
static struct wn_db *db;
static struct wn_err err;
static long sert, parox;

static wn_date D(int day)   /* a day of November 2026 */
{
	return wn_date_from_ymd(2026, 11, day);
}

static void ok(int rc)
{
	cr_assert(eq(int, rc, WN_OK), "%s", err.msg);
}

static void checkin(wn_date d, unsigned set, int mood, double sleep)
{
	struct wn_checkin_patch p = { .date = d, .set = set, .mood = mood,
	                              .anxiety = 3, .energy = 5, .sleep = sleep };
	ok(wn_db_checkin_update(db, &p, &err));
}

static void rate(wn_date d, const char *name, int value)
{
	struct wn_symptom s;
	ok(wn_db_symptom_find(db, name, &s, &err));
	ok(wn_db_rating_set(db, d, s.id, value, &err));
}

static void dose(wn_date d, long med, double amount, int minute)
{
	struct wn_dose x = { .date = d, .minute = minute, .med_id = med, .amount = amount };
	ok(wn_db_dose_add(db, &x, NULL, &err));
}

/* Oct 31 (outside every range below) and Nov 1..5:
 *   Oct 31  check-in mood 9, brain zaps 3, sertraline 100
 *   Nov 1   check-in mood 6 anxiety 3 energy 5 sleep 7.5; brain zaps 2,
 *           dizziness 1; sertraline 50 + 25; focus 4
 *   Nov 2   nothing
 *   Nov 3   check-in with mood 4 only
 *   Nov 4   no check-in; dizziness 3; paroxetine 10
 *   Nov 5   no check-in; sertraline 12.5; paroxetine skipped */
static void setup(void)
{
	wn_test_mkdtemp(dir, sizeof dir, "series");
	char path[4200];
	snprintf(path, sizeof path, "%s/wean.db", dir);
	setenv("WEAN_TODAY", "2026-11-25", 1);
	struct wn_db_opts o = { .path = path, .create = true };
	wn_err_clear(&err);
	ok(wn_db_open(&db, &o, &err));
	struct wn_med m = { .name = "sertraline", .unit = "mg" };
	ok(wn_db_med_add(db, &m, &sert, &err));
	struct wn_med p = { .name = "paroxetine", .unit = "mg" };
	ok(wn_db_med_add(db, &p, &parox, &err));

	checkin(D(1) - 1, WN_SET_MOOD, 9, X);
	rate(D(1) - 1, "brain zaps", 3);
	dose(D(1) - 1, sert, 100, 480);

	checkin(D(1), WN_SET_MOOD | WN_SET_ANXIETY | WN_SET_ENERGY | WN_SET_SLEEP, 6, 7.5);
	rate(D(1), "brain zaps", 2);
	rate(D(1), "dizziness", 1);
	dose(D(1), sert, 50, 480);
	dose(D(1), sert, 25, 1200);
	ok(wn_db_metric_set(db, D(1), "focus", 4, &err));

	checkin(D(3), WN_SET_MOOD, 4, X);
	rate(D(4), "dizziness", 3);
	dose(D(4), parox, 10, -1);
	dose(D(5), sert, 12.5, -1);
	ok(wn_db_dose_skip(db, D(5), parox, NULL, &err));
}

static void teardown(void)
{
	wn_db_close(db);
	db = NULL;
	wn_test_rmtree(dir);
}

TestSuite(series, .init = setup, .fini = teardown);

static void config_with_calm(struct wn_config *cfg)
{
	wn_config_defaults(cfg);
	cfg->n_metrics = 1;
	snprintf(cfg->metrics[0].name, sizeof cfg->metrics[0].name, "calm");
	cfg->metrics[0].min = 0;
	cfg->metrics[0].max = 5;
	cfg->metrics[0].higher_is_better = true;
}

Test(series, loads_each_kind_over_a_range)
{
	static const struct {
		const char *what;
		double want[5];          /* Nov 1 .. Nov 5 */
	} cases[] = {
		{ "mood",            { 6, X, 4, X, X } },
		{ "anxiety",         { 3, X, X, X, X } },
		{ "energy",          { 5, X, X, X, X } },
		{ "sleep",           { 7.5, X, X, X, X } },
		/* issue 14: a check-in without ratings (Nov 3) has no burden;
		 * a day without a dose of the medication has no dose (not 0);
		 * a skipped dose (paroxetine, Nov 5) is 0 */
		{ "burden",          { 3, X, X, 3, X } },
		{ "brain zaps",      { 2, X, X, 0, X } },
		{ "dizziness",       { 1, X, X, 3, X } },
		{ "nausea",          { 0, X, X, 0, X } },
		{ "dose:sertraline", { 75, X, X, X, 12.5 } },
		{ "dose:paroxetine", { X, X, X, 10, 0 } },
		{ "focus",           { 4, X, X, X, X } },
		{ "calm",            { X, X, X, X, X } },
	};
	struct wn_config cfg;
	config_with_calm(&cfg);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_series_what w;
		double v[5];
		const struct wn_series_names src = { db, &cfg };
		ok(wn_series_parse_what(&src, cases[i].what, &w, &err));
		struct wn_series_req r = { .what = &w, .from = D(1), .to = D(5) };
		ok(wn_series_load(db, &r, v, &err));
		for (int k = 0; k < 5; k++) {
			double want = cases[i].want[k];
			if (isnan(want))
				cr_expect(isnan(v[k]), "%s Nov %d: want no data, got %g",
				          cases[i].what, k + 1, v[k]);
			else
				cr_expect(v[k] == want, "%s Nov %d: want %g, got %g",
				          cases[i].what, k + 1, want, v[k]);
		}
	}
}

Test(series, one_day_and_range_limits)
{
	struct wn_series_what w;
	double v[1];
	const struct wn_series_names src = { db, NULL };
	ok(wn_series_parse_what(&src, "burden", &w, &err));
	struct wn_series_req one = { .what = &w, .from = D(1) - 1, .to = D(1) - 1 };
	ok(wn_series_load(db, &one, v, &err));
	cr_expect(v[0] == 3);
	struct wn_series_req back = { .what = &w, .from = D(5), .to = D(1) };
	cr_expect(eq(int, wn_series_load(db, &back, v, &err), WN_USAGE));
	struct wn_series_req huge = { .what = &w, .from = 0, .to = WN_SERIES_MAX_DAYS };
	cr_expect(eq(int, wn_series_load(db, &huge, v, &err), WN_USAGE));
}

Test(series, parse_names)
{
	static const struct {
		const char *text;
		enum wn_series_kind kind;
		const char *name, *unit;
		double lo, hi;
		bool better;
	} cases[] = {
		{ "mood", WN_SERIES_MOOD, "mood", "0-10", 0, 10, true },
		{ "  ANXIETY ", WN_SERIES_ANXIETY, "anxiety", "0-10", 0, 10, false },
		{ "Energy", WN_SERIES_ENERGY, "energy", "0-10", 0, 10, true },
		{ "sleep", WN_SERIES_SLEEP, "sleep", "h", 0, 10, true },
		{ "Burden", WN_SERIES_BURDEN, "burden", "sum of ratings", 0, 0, false },
		{ "Brain Zaps", WN_SERIES_SYMPTOM, "brain zaps", "0-3", 0, 3, false },
		{ "symptom:dizziness", WN_SERIES_SYMPTOM, "dizziness", "0-3", 0, 3, false },
		{ "dose:Sertraline", WN_SERIES_DOSE, "sertraline", "mg", 0, 0, false },
		{ "dose sertraline", WN_SERIES_DOSE, "sertraline", "mg", 0, 0, false },
		{ "FOCUS", WN_SERIES_METRIC, "focus", "", 0, 0, false },
		{ "metric:calm", WN_SERIES_METRIC, "calm", "0-5", 0, 5, true },
		{ "Calm", WN_SERIES_METRIC, "calm", "0-5", 0, 5, true },
	};
	struct wn_config cfg;
	config_with_calm(&cfg);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_series_what w;
		const struct wn_series_names src = { db, &cfg };
		ok(wn_series_parse_what(&src, cases[i].text, &w, &err));
		cr_expect(eq(int, (int)w.kind, (int)cases[i].kind), "%s", cases[i].text);
		cr_expect(eq(str, w.name, (char *)cases[i].name), "%s", cases[i].text);
		cr_expect(eq(str, w.unit, (char *)cases[i].unit), "%s", cases[i].text);
		cr_expect(w.lo == cases[i].lo && w.hi == cases[i].hi, "%s scale", cases[i].text);
		if (cases[i].kind != WN_SERIES_METRIC || cases[i].hi > 0)
			cr_expect(eq(int, w.higher_is_better, cases[i].better), "%s", cases[i].text);
	}
	struct wn_series_what w;
	const struct wn_series_names plain = { db, NULL };
	ok(wn_series_parse_what(&plain, "dose:paroxetine", &w, &err));
	cr_expect(eq(long, w.id, parox));
	char title[32];
	cr_expect(eq(str, wn_series_title(&w, title, sizeof title), "Paroxetine"));
}

Test(series, unknown_names_suggest)
{
	static const struct {
		const char *text;
		int code;
		const char *msg;
	} cases[] = {
		{ "brain zap", WN_DATAERR,
		  "unknown series 'brain zap'; did you mean 'brain zaps', 'brain fog'?" },
		{ "dose:sertralin", WN_DATAERR,
		  "unknown series 'dose:sertralin'; did you mean 'dose:sertraline'?" },
		{ "moood", WN_DATAERR, "unknown series 'moood'; did you mean 'mood'?" },
		{ "calm", WN_DATAERR, "unknown series 'calm'" },    /* no cfg */
		{ "", WN_USAGE, "no series named (e.g. mood, burden, dose:MED)" },
		{ "   ", WN_USAGE, "no series named (e.g. mood, burden, dose:MED)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct wn_series_what w;
		wn_err_clear(&err);
		const struct wn_series_names src = { db, NULL };
		cr_expect(eq(int, wn_series_parse_what(&src, cases[i].text, &w, &err),
		             cases[i].code), "%s", cases[i].text);
		cr_expect(strncmp(err.msg, cases[i].msg, strlen(cases[i].msg)) == 0,
		          "%s: got '%s'", cases[i].text, err.msg);
	}
	wn_err_clear(&err);
	struct wn_series_what w;
	const struct wn_series_names src = { db, NULL };
	wn_series_parse_what(&src, "zaps", &w, &err);
	cr_expect(strstr(err.msg, "'brain zaps'") != NULL, "substring suggestion: %s", err.msg);
	cr_expect(strstr(err.hint, "dose:MED") != NULL);
}

/* Issue 14: a check-in every day of a week and 100 mg on three of them:
 * the week's mean dose is 100 mg, resting on those three days (before, the
 * days without a dose counted 0 and the dose chart drew the week near 43
 * mg); the days with neither a rating nor a dose have no burden either. */
Test(series, a_dose_not_recorded_is_not_a_dose_of_0)
{
	for (int k = 0; k < 7; k++) {
		checkin(D(16) + k, WN_SET_MOOD, 5, X);
		if (k % 2 == 0 && k < 5)
			dose(D(16) + k, sert, 100, 480);
	}
	struct wn_series_what w;
	const struct wn_series_names src = { db, NULL };
	double v[7];
	ok(wn_series_parse_what(&src, "dose:sertraline", &w, &err));
	ok(wn_series_load(db, &(struct wn_series_req){ &w, D(16), D(22) }, v, &err));
	struct wn_insight_series in = { .start = D(16), .n = 7, .v = v };
	int days = 0;
	double mean = wn_insight_mean(&in, D(16), D(22), &days);
	cr_expect(mean == 100 && days == 3, "the week's dose: %g on %d days", mean, days);
	ok(wn_series_parse_what(&src, "burden", &w, &err));
	ok(wn_series_load(db, &(struct wn_series_req){ &w, D(16), D(22) }, v, &err));
	for (int k = 0; k < 7; k++)
		cr_expect(isnan(v[k]), "Nov %d: no ratings, no burden (got %g)", 16 + k, v[k]);
}
