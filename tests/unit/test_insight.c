/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_insight.c -- baseline, step-aligned means, onset, trend, windows
 * and waves, on small series whose figures are worked out by hand in the
 * comments. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <math.h>

#include "core/insight.h"

#define X NAN
#define EPS 1e-9
#define NONE WN_DATE_NONE

static void expect_num(double got, double want, const char *what, int line)
{
	if (isnan(want))
		cr_expect(isnan(got), "%s (case at line %d): want NAN, got %g", what, line, got);
	else
		cr_expect(fabs(got - want) < 1e-6, "%s (case at line %d): want %.9g, got %.9g",
		          what, line, want, got);
}

/* ---- mean ------------------------------------------------------------------ */

Test(insight, mean_clips_and_skips_gaps)
{
	static const double v[] = { 1, X, 3, 5 };           /* days 100..103 */
	const struct wn_insight_series s = { .start = 100, .n = 4, .v = v };
	static const struct {
		int line; wn_date from, to; double mean; int days;
	} cases[] = {
		{ .line = __LINE__, .from = 100, .to = 103, .mean = 3, .days = 3 },
		{ .line = __LINE__, .from = 90,  .to = 101, .mean = 1, .days = 1 },
		{ .line = __LINE__, .from = 101, .to = 101, .mean = X, .days = 0 },
		{ .line = __LINE__, .from = 102, .to = 200, .mean = 4, .days = 2 },
		{ .line = __LINE__, .from = 104, .to = 110, .mean = X, .days = 0 },
		{ .line = __LINE__, .from = 103, .to = 100, .mean = X, .days = 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int days = -1;
		double m = wn_insight_mean(&s, cases[i].from, cases[i].to, &days);
		expect_num(m, cases[i].mean, "mean", cases[i].line);
		cr_expect(eq(int, days, cases[i].days), "days (case at line %d)", cases[i].line);
	}
}

/* ---- baseline ------------------------------------------------------------------ */

Test(insight, baseline_against_now)
{
	/* 0..5 = {1,2,3,10,20,30}; a cut on day 3: baseline window days
	 * -25..2, clipped to 0..2: (1+2+3)/3 = 2 over 3 days; now = last 14
	 * days = all six: 66/6 = 11; change 9. */
	static const double six[] = { 1, 2, 3, 10, 20, 30 };
	/* 40 days: 2 on days 0..29 (days 0..9 missing), 6 on days 30..43;
	 * cut on day 30: baseline days 2..29 with data 10..29 = 20 days of 2;
	 * now days 30..43 = 6; change 4. */
	static double long44[44];
	for (int i = 0; i < 44; i++)
		long44[i] = i < 10 ? X : i < 30 ? 2 : 6;
	static const double none[] = { X, X, X };
	const wn_date cut3[] = { 3 }, cut30[] = { 30, 40 }, early[] = { -5 };
	const struct {
		int line; const double *v; size_t n; const wn_date *cuts; size_t n_cuts;
		double baseline; int bdays; double now; int ndays; double change;
	} cases[] = {
		{ .line = __LINE__, .v = six, .n = 6, .cuts = cut3, .n_cuts = 1,
		  .baseline = 2, .bdays = 3, .now = 11, .ndays = 6, .change = 9 },
		{ .line = __LINE__, .v = long44, .n = 44, .cuts = cut30, .n_cuts = 2,
		  .baseline = 2, .bdays = 20, .now = 6, .ndays = 14, .change = 4 },
		/* no cut: no baseline, now still computed */
		{ .line = __LINE__, .v = six, .n = 6, .cuts = NULL, .n_cuts = 0,
		  .baseline = X, .bdays = 0, .now = 11, .ndays = 6, .change = X },
		/* a cut before the series: its baseline window has no data */
		{ .line = __LINE__, .v = six, .n = 6, .cuts = early, .n_cuts = 1,
		  .baseline = X, .bdays = 0, .now = 11, .ndays = 6, .change = X },
		{ .line = __LINE__, .v = none, .n = 3, .cuts = cut3, .n_cuts = 1,
		  .baseline = X, .bdays = 0, .now = X, .ndays = 0, .change = X },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct wn_insight_series s = { .start = 0, .n = cases[i].n, .v = cases[i].v };
		struct wn_insight_baseline b;
		wn_insight_baseline(&s, cases[i].cuts, cases[i].n_cuts, &b);
		expect_num(b.baseline, cases[i].baseline, "baseline", cases[i].line);
		expect_num(b.now, cases[i].now, "now", cases[i].line);
		expect_num(b.change, cases[i].change, "change", cases[i].line);
		cr_expect(eq(int, b.baseline_days, cases[i].bdays), "baseline days (line %d)", cases[i].line);
		cr_expect(eq(int, b.now_days, cases[i].ndays), "now days (line %d)", cases[i].line);
		cr_expect(eq(long, b.first_cut, cases[i].n_cuts ? cases[i].cuts[0] : NONE),
		          "first cut (line %d)", cases[i].line);
	}
}

/* ---- step-aligned ------------------------------------------------------------------- */

Test(insight, steps_by_days_since_each_cut)
{
	/* v[i] = i on days 0..39, except day 10 missing. */
	double v[40];
	for (int i = 0; i < 40; i++)
		v[i] = i == 10 ? X : i;
	const struct wn_insight_series s = { .start = 0, .n = 40, .v = v };
	const wn_date cuts[] = { 5, 20, 60 };
	const struct {
		int line; double mean[4]; int days[4]; double all; int days_all;
		double peak; int peak_day; double low; int low_day;
	} want[] = {
		/* cut 5, stops at the next cut (20): 5..8 -> 6.5; 9,11,12 ->
		 * 32/3; 13..19 -> 16; 15-28 would be days 20.. -> none;
		 * all: (5+..+19 - 10)/14 = (180-10)/14; peak 19 on day 14. */
		{ .line = __LINE__, .mean = { 6.5, 32.0 / 3, 16, X }, .days = { 4, 3, 7, 0 },
		  .all = 170.0 / 14, .days_all = 14, .peak = 19, .peak_day = 14,
		  .low = 5, .low_day = 0 },
		/* cut 20, runs to day 48, series ends at 39: 20..23 -> 21.5;
		 * 24..27 -> 25.5; 28..34 -> 31; 35..39 -> 37; all 20..39 -> 29.5 */
		{ .line = __LINE__, .mean = { 21.5, 25.5, 31, 37 }, .days = { 4, 4, 7, 5 },
		  .all = 29.5, .days_all = 20, .peak = 39, .peak_day = 19,
		  .low = 20, .low_day = 0 },
		/* cut 60: after the series, nothing */
		{ .line = __LINE__, .mean = { X, X, X, X }, .days = { 0, 0, 0, 0 },
		  .all = X, .days_all = 0, .peak = X, .peak_day = -1,
		  .low = X, .low_day = -1 },
	};
	struct wn_insight_step out[3];
	wn_insight_steps(&s, cuts, 3, out);
	for (size_t i = 0; i < 3; i++) {
		cr_expect(eq(long, out[i].cut, cuts[i]));
		for (int k = 0; k < WN_INSIGHT_BUCKETS; k++) {
			expect_num(out[i].mean[k], want[i].mean[k], "bucket mean", want[i].line);
			cr_expect(eq(int, out[i].days[k], want[i].days[k]),
			          "bucket %d days (line %d)", k, want[i].line);
		}
		expect_num(out[i].mean_all, want[i].all, "mean 0-28", want[i].line);
		cr_expect(eq(int, out[i].days_all, want[i].days_all), "days 0-28 (line %d)", want[i].line);
		expect_num(out[i].peak, want[i].peak, "peak", want[i].line);
		cr_expect(eq(int, out[i].peak_day, want[i].peak_day), "peak day (line %d)", want[i].line);
		expect_num(out[i].low, want[i].low, "low", want[i].line);
		cr_expect(eq(int, out[i].low_day, want[i].low_day), "low day (line %d)", want[i].line);
	}
}

Test(insight, step_before_the_series_uses_what_is_there)
{
	/* series starts on day 10; cut on day 5: days 10..33 are 5..28 days
	 * since it: bucket 4-7 has days 10..12 (values 1, 2, 3). */
	double v[30];
	for (int i = 0; i < 30; i++)
		v[i] = i + 1;
	const struct wn_insight_series s = { .start = 10, .n = 30, .v = v };
	const wn_date cuts[] = { 5 };
	struct wn_insight_step out;
	wn_insight_steps(&s, cuts, 1, &out);
	expect_num(out.mean[0], X, "0-3", __LINE__);
	expect_num(out.mean[1], 2, "4-7", __LINE__);
	expect_num(out.mean[2], 7, "8-14 (days 13..19 -> 4..10)", __LINE__);
	expect_num(out.mean[3], 17.5, "15-28 (days 20..33 -> 11..24)", __LINE__);
	cr_expect(eq(int, out.peak_day, 28));
	expect_num(out.low, 1, "low", __LINE__);
	cr_expect(eq(int, out.low_day, 5));
}

/* ---- onset ------------------------------------------------------- */

Test(insight, onset)
{
	static const struct {
		wn_date seen, cut; bool marked; enum wn_onset want; const char *name;
	} cases[] = {
		{ .seen = 10, .cut = 20, .want = WN_ONSET_PRE, .name = "pre-existing" },
		{ .seen = 19, .cut = 20, .want = WN_ONSET_PRE, .name = "pre-existing" },
		{ .seen = 20, .cut = 20, .want = WN_ONSET_NEW, .name = "new since the taper" },
		{ .seen = 45, .cut = 20, .want = WN_ONSET_NEW, .name = "new since the taper" },
		{ .seen = 45, .cut = 20, .marked = true, .want = WN_ONSET_PRE, .name = "pre-existing" },
		{ .seen = NONE, .cut = 20, .want = WN_ONSET_NEVER, .name = "never" },
		{ .seen = NONE, .cut = 20, .marked = true, .want = WN_ONSET_PRE, .name = "pre-existing" },
		{ .seen = 10, .cut = NONE, .want = WN_ONSET_NOCUT, .name = "no cut yet" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum wn_onset o = wn_insight_onset(cases[i].seen, cases[i].cut, cases[i].marked);
		cr_expect(eq(int, (int)o, (int)cases[i].want), "case %zu", i);
		cr_expect(eq(str, (char *)wn_insight_onset_name(o), (char *)cases[i].name));
	}
}

/* ---- trend -------------------------------------------------------------------------- */

Test(insight, trend_last_14_against_the_14_before)
{
	double rising[28], few[28], falling[30];
	for (int i = 0; i < 28; i++) {
		rising[i] = i < 14 ? 1 : 2;
		few[i] = i < 11 ? X : i < 14 ? 1 : 2;    /* 3 days before */
	}
	for (int i = 0; i < 30; i++)                  /* days 2..15 = 3, 16..29 = 1.5 */
		falling[i] = i < 16 ? 3 : 1.5;
	const struct {
		int line; const double *v; size_t n; double steady;
		double recent, before, change; int before_days, dir;
	} cases[] = {
		{ .line = __LINE__, .v = rising, .n = 28, .steady = 0.5,
		  .recent = 2, .before = 1, .change = 1, .before_days = 14, .dir = 1 },
		{ .line = __LINE__, .v = rising, .n = 28, .steady = 1,
		  .recent = 2, .before = 1, .change = 1, .before_days = 14, .dir = 0 },
		{ .line = __LINE__, .v = few, .n = 28, .steady = 0.5,
		  .recent = 2, .before = 1, .change = X, .before_days = 3, .dir = 0 },
		{ .line = __LINE__, .v = falling, .n = 30, .steady = 0.5,
		  .recent = 1.5, .before = 3, .change = -1.5, .before_days = 14, .dir = -1 },
		/* 14 days only: nothing before */
		{ .line = __LINE__, .v = rising + 14, .n = 14, .steady = 0.5,
		  .recent = 2, .before = X, .change = X, .before_days = 0, .dir = 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct wn_insight_series s = { .start = 1000, .n = cases[i].n, .v = cases[i].v };
		struct wn_insight_trend t;
		wn_insight_trend(&s, cases[i].steady, &t);
		expect_num(t.recent, cases[i].recent, "recent", cases[i].line);
		expect_num(t.before, cases[i].before, "before", cases[i].line);
		expect_num(t.change, cases[i].change, "change", cases[i].line);
		cr_expect(eq(int, t.before_days, cases[i].before_days), "before days (line %d)", cases[i].line);
		cr_expect(eq(int, t.direction, cases[i].dir), "direction (line %d)", cases[i].line);
	}
}

/* ---- windows and waves ---------------------------------------------------------------- */

struct run_want { wn_date start; int len; bool wave; double mean; };

Test(insight, waves_and_windows)
{
	/* 13 days from day 200, day 207 missing; 12 days with data: seven 0s
	 * and 5, 6, 7, 7, 7.  median = (0 + 0) / 2 = 0; mean = 32/12;
	 * variance = 208/12 - (32/12)^2 = 92/9; sd = sqrt(92)/3 = 3.19722;
	 * threshold = 0 + max(2, sd/2 = 1.59861) = 2. */
	static const double v[] = { 0, 0, 0, 5, 6, 0, 0, X, 0, 7, 7, 7, 0 };
	const struct wn_insight_series s = { .start = 200, .n = 13, .v = v };
	static const struct run_want want[] = {
		{ 200, 3, false, 0 }, { 203, 2, true, 5.5 }, { 205, 2, false, 0 },
		{ 208, 1, false, 0 }, { 209, 3, true, 7 },   { 212, 1, false, 0 },
	};
	struct wn_insight_waves w;
	cr_assert(eq(int, wn_insight_waves(&s, &w, NULL), WN_OK));
	expect_num(w.median, 0, "median", __LINE__);
	expect_num(w.sd, sqrt(92.0) / 3, "sd", __LINE__);
	expect_num(w.threshold, 2, "threshold", __LINE__);
	cr_expect(eq(int, w.days, 12));
	cr_assert(eq(sz, w.n_runs, sizeof want / sizeof *want));
	for (size_t i = 0; i < w.n_runs; i++) {
		cr_expect(eq(long, w.runs[i].start, want[i].start), "run %zu start", i);
		cr_expect(eq(int, w.runs[i].len, want[i].len), "run %zu len", i);
		cr_expect(eq(int, w.runs[i].wave, want[i].wave), "run %zu kind", i);
		expect_num(w.runs[i].mean, want[i].mean, "run mean", __LINE__);
	}
	cr_expect(eq(int, w.n_waves, 2));
	cr_expect(eq(int, w.n_windows, 4));
	cr_expect(eq(int, w.longest_wave, 3));
	cr_expect(eq(int, w.longest_window, 3));
	expect_num(w.mean_wave, 2.5, "mean wave length", __LINE__);
	expect_num(w.mean_window, 1.75, "mean window length", __LINE__);
	wn_insight_waves_free(&w);
	cr_expect(eq(ptr, w.runs, NULL));
}

Test(insight, waves_margin_and_too_few_days)
{
	/* {1,...,8}: median 4.5, sd = sqrt(5.25) = 2.2913, sd/2 = 1.1456 < 2:
	 * threshold 6.5; days 7 and 8 are bad.
	 * {0,0,0,0,0,0,10,10}: median 0, mean 2.5, sd = sqrt(18.75) = 4.3301,
	 * sd/2 = 2.1651 > 2: threshold 2.1651; the two 10s are a wave. */
	static const double ramp[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const double spike[] = { 0, 0, 0, 0, 0, 0, 10, 10 };
	static const double flat[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
	static const double wobble[] = { 2, 3, 2, 4, 2, 3, 2, 1, 2 };
	static const double six[] = { 9, 0, 9, 0, 9, 0 };
	const struct {
		int line; const double *v; size_t n; double median, threshold;
		size_t n_runs; int waves, windows, longest_wave;
	} cases[] = {
		{ .line = __LINE__, .v = ramp, .n = 8, .median = 4.5, .threshold = 6.5,
		  .n_runs = 2, .waves = 1, .windows = 1, .longest_wave = 2 },
		{ .line = __LINE__, .v = spike, .n = 8, .median = 0,
		  .threshold = sqrt(18.75) / 2, .n_runs = 2, .waves = 1, .windows = 1,
		  .longest_wave = 2 },
		/* all equal: sd 0, margin 2, one window of 10 days */
		{ .line = __LINE__, .v = flat, .n = 10, .median = 2, .threshold = 4,
		  .n_runs = 1, .waves = 0, .windows = 1, .longest_wave = 0 },
		/* median 2, sd small: 4 is not above 2 + 2, so no wave */
		{ .line = __LINE__, .v = wobble, .n = 9, .median = 2, .threshold = 4,
		  .n_runs = 1, .waves = 0, .windows = 1, .longest_wave = 0 },
		/* fewer than 7 days with data: nothing classified */
		{ .line = __LINE__, .v = six, .n = 6, .median = X, .threshold = X,
		  .n_runs = 0, .waves = 0, .windows = 0, .longest_wave = 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct wn_insight_series s = { .start = 0, .n = cases[i].n, .v = cases[i].v };
		struct wn_insight_waves w;
		cr_assert(eq(int, wn_insight_waves(&s, &w, NULL), WN_OK));
		expect_num(w.median, cases[i].median, "median", cases[i].line);
		expect_num(w.threshold, cases[i].threshold, "threshold", cases[i].line);
		cr_expect(eq(sz, w.n_runs, cases[i].n_runs), "runs (line %d)", cases[i].line);
		cr_expect(eq(int, w.n_waves, cases[i].waves), "waves (line %d)", cases[i].line);
		cr_expect(eq(int, w.n_windows, cases[i].windows), "windows (line %d)", cases[i].line);
		cr_expect(eq(int, w.longest_wave, cases[i].longest_wave), "longest (line %d)", cases[i].line);
		wn_insight_waves_free(&w);
	}
}
