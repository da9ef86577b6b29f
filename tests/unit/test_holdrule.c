/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_holdrule.c -- hold proposals (core/holdrule.h), hand-computed. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/config.h"
#include "core/holdrule.h"
#include "core/taper.h"

#define N NAN

/* A schedule of 50 mg from 2026-09-01 with cuts (dated steps) on the
 * given days; doses fall by 5 mg each. */
static struct wn_taper_step steps[8];
static struct wn_schedule sched(const char *const *dates, int n)
{
	for (int i = 0; i <= n; i++) {
		steps[i] = (struct wn_taper_step){ .dose = 50 - 5 * i };
		if (i == 0)
			wn_date_parse_iso("2026-09-01", &steps[i].date, NULL);
		else
			wn_date_parse_iso(dates[i - 1], &steps[i].date, NULL);
	}
	return (struct wn_schedule){ .steps = steps, .n = n + 1, .n_dated = n + 1,
	                             .hold_since = WN_DATE_NONE };
}

static wn_date d(const char *s)
{
	wn_date x;
	cr_assert_eq(wn_date_parse_iso(s, &x, NULL), WN_OK);
	return x;
}

/* The windows: the recent 3 days, the 7 days before the first cut, and
 * before each of the last three cuts. */
Test(holdrule, windows_for_a_day)
{
	struct wn_config c;
	wn_config_defaults(&c);
	const char *const cuts[] = { "2026-10-01", "2026-10-15", "2026-10-29", "2026-11-12" };
	struct wn_schedule s = sched(cuts, 4);
	struct wn_holdrule_in in;
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-11-20"), &in));
	cr_expect_eq(in.recent.from, d("2026-11-18"));
	cr_expect_eq(in.recent.to, d("2026-11-20"));
	cr_assert_eq(in.n_base, 4, "the pre-taper baseline and the last three cuts");
	cr_expect(in.base[0].pre_taper);
	cr_expect_eq(in.base[0].cut, d("2026-10-01"));
	cr_expect_eq(in.base[0].from, d("2026-09-24"));   /* 7 days before */
	cr_expect_eq(in.base[0].to, d("2026-09-30"));
	cr_expect_eq(in.base[1].cut, d("2026-10-15"));
	cr_expect_eq(in.base[3].cut, d("2026-11-12"));
	cr_expect_not(in.base[3].pre_taper);
	cr_expect_eq(in.n_sleep, 3);
	/* a cut after the day does not count */
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-10-20"), &in));
	cr_expect_eq(in.n_base, 2, "first cut, and the cut of 10-15 (the first is one of the last three)");
	/* off in the config, or no schedule */
	c.hold_enabled = false;
	cr_expect_not(wn_holdrule_windows(&c, &s, d("2026-11-20"), &in));
	c.hold_enabled = true;
	cr_expect_not(wn_holdrule_windows(&c, NULL, d("2026-11-20"), &in));
}

struct hr_case {
	const char *name;
	double recent, base[4];     /* means of the windows */
	int recent_days, base_days[4];
	int n_base;
	double sleep[3];
	bool propose, symptom, sleep_fired, waiting;
	const char *why, *wait;
};

/* Windows as in windows_for_a_day; the day is 2026-11-20.  The rise is
 * the default 0.3 (mean rating per rated symptom). */
static const struct hr_case cases[] = {
	{ .name = "a slow rise across cuts fires against the pre-taper baseline",
	  /* 1.2 - 0.5 = 0.7 > 0.3; the last cut's window (1.0) alone would
	   * give 0.2, which would not */
	  .recent = 1.2, .recent_days = 3, .n_base = 4,
	  .base = { 0.5, 0.8, 0.9, 1.0 }, .base_days = { 7, 7, 7, 7 },
	  .sleep = { N, N, N }, .propose = true, .symptom = true,
	  .why = "symptoms 1.2 a day (mean per rated symptom, last 3 days), 0.7 above"
	         " the 7 days before the taper's first cut on 2026-10-01" },
	{ .name = "a rise of exactly 0.3 does not",
	  .recent = 0.8, .recent_days = 2, .n_base = 4,
	  .base = { 0.5, 0.6, 0.6, 0.7 }, .base_days = { 4, 4, 4, 4 },
	  .sleep = { N, N, N }, .why = "", .wait = "" },
	{ .name = "the lowest counting baseline is the one compared",
	  /* the pre-taper window has 3 days (< 4): it does not count; the
	   * lowest of the others is 0.6 (cut of 10-29): 1.0 - 0.6 = 0.4 */
	  .recent = 1.0, .recent_days = 3, .n_base = 4,
	  .base = { 0.1, 0.7, 0.6, 0.9 }, .base_days = { 3, 5, 6, 7 },
	  .sleep = { N, N, N }, .propose = true, .symptom = true,
	  .why = "symptoms 1.0 a day (mean per rated symptom, last 3 days), 0.4 above"
	         " the 7 days before the cut on 2026-10-29" },
	{ .name = "no baseline with 4 days: silent, and says so",
	  .recent = 2.0, .recent_days = 3, .n_base = 2,
	  .base = { 0.1, 0.2 }, .base_days = { 1, 3 },
	  .sleep = { N, N, N }, .waiting = true, .why = "",
	  .wait = "not enough days with ratings yet (3 of 4)" },
	{ .name = "recent days short: silent, and says so",
	  .recent = 2.0, .recent_days = 1, .n_base = 1,
	  .base = { 0.1 }, .base_days = { 7 },
	  .sleep = { N, N, N }, .waiting = true, .why = "",
	  .wait = "not enough days with ratings yet (1 of 2, recent days)" },
	{ .name = "three short nights fire, even before a cut",
	  .recent_days = 0, .n_base = 0, .recent = N,
	  .sleep = { 4, 4.5, 4.9 }, .propose = true, .sleep_fired = true,
	  .why = "sleep under 5 h for 3 nights", .wait = "" },
	{ .name = "a missing night breaks the run; 5 h is not under 5 h",
	  .recent_days = 0, .n_base = 0, .recent = N,
	  .sleep = { 4, N, 5 }, .why = "", .wait = "" },
};

Test(holdrule, table)
{
	struct wn_config c;
	wn_config_defaults(&c);
	const char *const cuts[] = { "2026-10-01", "2026-10-15", "2026-10-29", "2026-11-12" };
	struct wn_schedule s = sched(cuts, 4);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct hr_case *k = &cases[i];
		struct wn_holdrule_in in;
		cr_assert(wn_holdrule_windows(&c, &s, d("2026-11-20"), &in));
		/* keep the last n_base windows of the four (as fewer cuts would) */
		memmove(in.base, in.base + (4 - k->n_base), (size_t)k->n_base * sizeof *in.base);
		in.n_base = k->n_base;
		in.recent.mean = k->recent;
		in.recent.days = k->recent_days;
		for (int b = 0; b < k->n_base; b++) {
			in.base[b].mean = k->base[b];
			in.base[b].days = k->base_days[b];
		}
		memcpy(in.sleep, k->sleep, sizeof k->sleep);
		struct wn_holdrule_out out;
		cr_expect_eq(wn_holdrule_check(&in, &out), k->propose, "%s", k->name);
		cr_expect_eq(out.symptom_fired, k->symptom, "%s: symptoms", k->name);
		cr_expect_eq(out.sleep_fired, k->sleep_fired, "%s: sleep", k->name);
		cr_expect_eq(out.waiting, k->waiting, "%s: waiting", k->name);
		cr_expect_str_eq(out.why, k->why, "%s: why", k->name);
		cr_expect_str_eq(out.wait, k->wait ? k->wait : "", "%s: wait", k->name);
	}
}

Test(holdrule, disabled_proposes_nothing)
{
	struct wn_config c;
	wn_config_defaults(&c);
	struct wn_holdrule_in in = { .cfg = &c, .n_sleep = 3, .sleep = { 1, 1, 1 } };
	struct wn_holdrule_out out;
	cr_expect(wn_holdrule_check(&in, &out));
	c.hold_enabled = false;
	cr_expect_not(wn_holdrule_check(&in, &out));
	cr_expect_str_eq(out.why, "");
}

/* ---- the days read for the windows ---------------------------------------- */

/* The spans cover the windows once each: overlapping and touching ones
 * merge, in date order; nothing to read without a baseline. */
Test(holdrule, spans_merge_the_windows)
{
	struct wn_config c;
	wn_config_defaults(&c);
	const char *const cuts[] = { "2026-10-01", "2026-10-15", "2026-10-29", "2026-11-12" };
	struct wn_schedule s = sched(cuts, 4);
	struct wn_holdrule_in in;
	wn_date from[2 + WN_HOLDRULE_CUTS], to[2 + WN_HOLDRULE_CUTS];
	/* recent 11-18..11-20 after the cut of 11-12 (11-05..11-11): apart */
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-11-20"), &in));
	cr_assert_eq(wn_holdrule_spans(&in, from, to), 5);
	cr_expect_eq(from[0], d("2026-09-24"));
	cr_expect_eq(to[0], d("2026-09-30"));
	cr_expect_eq(from[4], d("2026-11-18"));
	cr_expect_eq(to[4], d("2026-11-20"));
	/* recent 11-12..11-14 touches the window before 11-12: one span */
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-11-14"), &in));
	cr_assert_eq(wn_holdrule_spans(&in, from, to), 4);
	cr_expect_eq(from[3], d("2026-11-05"));
	cr_expect_eq(to[3], d("2026-11-14"));
	/* baselines of 28 days overlap each other: one span from 09-03 */
	c.hold_baseline_days = 28;
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-11-20"), &in));
	cr_assert_eq(wn_holdrule_spans(&in, from, to), 2);
	cr_expect_eq(from[0], d("2026-09-03"));
	cr_expect_eq(to[0], d("2026-11-11"));
	/* before the first cut: no baseline, nothing to read */
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-09-20"), &in));
	cr_expect_eq(wn_holdrule_spans(&in, from, to), 0);
}

/* Days fed in order make avg()'s numbers: each window's mean over its own
 * days, NAN and 0 for a window without any. */
Test(holdrule, days_make_the_window_means)
{
	struct wn_config c;
	wn_config_defaults(&c);
	const char *const cuts[] = { "2026-10-01" };
	struct wn_schedule s = sched(cuts, 1);
	struct wn_holdrule_in in;
	cr_assert(wn_holdrule_windows(&c, &s, d("2026-10-10"), &in));
	cr_assert_eq(in.n_base, 1);
	wn_holdrule_day(&in, d("2026-09-25"), 0.5);     /* the baseline */
	wn_holdrule_day(&in, d("2026-09-30"), 1.0 / 3);
	wn_holdrule_day(&in, d("2026-10-05"), 3);       /* in neither */
	wn_holdrule_means(&in);
	cr_expect_eq(in.base[0].days, 2);
	cr_expect(in.base[0].mean == (0.0 + 0.5 + 1.0 / 3) / 2);
	cr_expect_eq(in.recent.days, 0);
	cr_expect(isnan(in.recent.mean));
}
