/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the taper module: occupancy and schedules (forms and
 * rounding: test_taper_form.c, test_taper_round.c).  Expected values are
 * worked out by hand (see the comments next to them). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/taper.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

#define D(y, m, d) wn_date_from_ymd(y, m, d)

static struct wn_taper_params base_params(void)
{
	struct wn_taper_params p;
	wn_taper_params_init(&p);
	p.method = WN_TAPER_PERCENT;
	p.start = D(2026, 1, 5);
	p.from_dose = 50;
	p.step = 10;
	p.every_days = 28;
	p.round_q = 0.5;
	return p;
}

/* The schedule's dose on day (the step in force), NAN before step 0. */
static double dose_on(const struct wn_schedule *s, long day)
{
	int i = wn_taper_step_at(s, day);
	return i < 0 ? NAN : s->steps[i].dose;
}

static void build_ok(const struct wn_taper_params *p, struct wn_schedule *s)
{
	struct wn_err err = { 0 };
	int rc = wn_taper_build(p, s, &err);
	cr_assert_eq(rc, WN_OK, "build failed: %s", err.msg);
}

static void expect_doses(const struct wn_schedule *s, const double *want,
                         int n, double eps)
{
	cr_assert_geq(s->n, n, "only %d steps", s->n);
	for (int i = 0; i < n; i++)
		cr_expect_float_eq(s->steps[i].dose, want[i], eps,
		                   "step %d: %g, want %g", i, s->steps[i].dose, want[i]);
}

static void expect_dates(const struct wn_schedule *s, const long *want, int n)
{
	cr_assert_geq(s->n, n);
	for (int i = 0; i < n; i++)
		cr_expect_eq(s->steps[i].date, want[i], "step %d: day %ld, want %ld",
		             i, s->steps[i].date, want[i]);
}

/* ---- occupancy model ---------------------------------------------------------------------- */

/* Domain README 1.2, "computed consistency check" for citalopram. */
struct occ_case { double dose, occ; };
static const struct occ_case citalopram_occ[] = {
	{ 1, 25 }, { 5, 57 }, { 20, 75 }, { 40, 79 }, { 60, 81 },
};

Test(taper, occupancy_model)
{
	for (size_t i = 0; i < N_OF(citalopram_occ); i++) {
		double o = wn_taper_occupancy(citalopram_occ[i].dose, 83.98, 2.33);
		cr_expect_float_eq(o, citalopram_occ[i].occ, 0.5, "%g mg -> %g %%",
		                   citalopram_occ[i].dose, o);
		double back = wn_taper_dose_for_occupancy(o, 83.98, 2.33);
		cr_expect_float_eq(back, citalopram_occ[i].dose, 1e-9);
	}
	/* desvenlafaxine amygdala: Emax 106.43 > 100, so capped */
	cr_expect_eq(wn_taper_occupancy(1000, 106.43, 11.57), 100);
	cr_expect_float_eq(wn_taper_occupancy(50, 106.43, 11.57), 106.43 * 50 / 61.57, 1e-9);
	cr_expect(isnan(wn_taper_occupancy(20, 0, 2.33)));
	cr_expect(isnan(wn_taper_occupancy(20, 83.98, 0)));
	cr_expect_eq(wn_taper_occupancy(0, 83.98, 2.33), 0);
	cr_expect_eq(wn_taper_dose_for_occupancy(-5, 83.98, 2.33), 0);
	cr_expect(isnan(wn_taper_dose_for_occupancy(83.98, 83.98, 2.33)));
	cr_expect(isnan(wn_taper_dose_for_occupancy(50, 0, 0)));
}

/* ---- percent and holds ---------------------------------------------------------------------- */

/* 50 mg, 10 % every 28 days, round 0.5:
 * 50 -> 45 -> 40.5 -> 36.45=36.5 -> 32.85=33 -> 29.7=29.5 */
static const double percent_doses[] = { 50, 45, 40.5, 36.5, 33, 29.5 };

Test(taper, percent_schedule)
{
	struct wn_taper_params p = base_params();
	struct wn_schedule s;
	build_ok(&p, &s);
	const long dates[] = { D(2026, 1, 5), D(2026, 2, 2), D(2026, 3, 2),
	                       D(2026, 3, 30), D(2026, 4, 27), D(2026, 5, 25) };
	expect_doses(&s, percent_doses, 6, 1e-9);
	expect_dates(&s, dates, 6);
	cr_expect_float_eq(s.steps[2].pct_of_start, 81, 1e-9);
	cr_expect_float_eq(s.steps[1].pct_cut, 10, 1e-9);
	cr_expect_float_eq(s.steps[3].pct_cut, (40.5 - 36.5) / 40.5 * 100, 1e-9);
	cr_expect_eq(s.steps[0].pct_cut, 0);
	cr_expect(isnan(s.steps[1].occupancy));
	for (int i = 1; i < 6; i++)
		cr_expect(!s.steps[i].warn_rounding, "step %d warns", i);
	/* it goes all the way to 0, each step a cut */
	cr_expect_eq(s.steps[s.n - 1].dose, 0);
	cr_expect(!s.truncated);
	for (int i = 1; i < s.n; i++)
		cr_expect_lt(s.steps[i].dose, s.steps[i - 1].dose, "step %d", i);
	cr_expect_eq(s.n_dated, s.n);
	cr_expect_eq(s.hold_since, WN_DATE_NONE);
	wn_taper_free(&s);
	cr_expect_null(s.steps);
}

Test(taper, closed_hold_moves_later_steps)
{
	struct wn_taper_params p = base_params();
	/* 14 days from 2026-03-02, a step day: that step has not happened yet */
	struct wn_hold h = { .start = D(2026, 3, 2), .end = D(2026, 3, 16) };
	p.holds = &h;
	p.n_holds = 1;
	struct wn_schedule s;
	build_ok(&p, &s);
	const long dates[] = { D(2026, 1, 5), D(2026, 2, 2), D(2026, 3, 16),
	                       D(2026, 4, 13), D(2026, 5, 11), D(2026, 6, 8) };
	expect_dates(&s, dates, 6);
	expect_doses(&s, percent_doses, 6, 1e-9);
	cr_expect_eq(s.steps[2].base_date, D(2026, 3, 2));
	cr_expect_float_eq(dose_on(&s, D(2026, 3, 1)), 45, 1e-9);
	cr_expect_float_eq(dose_on(&s, D(2026, 3, 10)), 45, 1e-9);
	cr_expect_float_eq(dose_on(&s, D(2026, 3, 16)), 40.5, 1e-9);
	cr_expect_eq(wn_taper_next_step(&s, D(2026, 3, 2)), 2);
	cr_expect_eq(wn_taper_step_at(&s, D(2026, 4, 13)), 3);
	cr_expect(!wn_taper_on_hold(&s, D(2026, 3, 5)));
	wn_taper_free(&s);
}

Test(taper, closed_hold_between_steps)
{
	struct wn_taper_params p = base_params();
	struct wn_hold h = { .start = D(2026, 3, 3), .end = D(2026, 3, 17) };
	p.holds = &h;
	p.n_holds = 1;
	struct wn_schedule s;
	build_ok(&p, &s);
	const long dates[] = { D(2026, 1, 5), D(2026, 2, 2), D(2026, 3, 2),
	                       D(2026, 4, 13), D(2026, 5, 11) };
	expect_dates(&s, dates, 5);
	wn_taper_free(&s);
}

Test(taper, open_hold_freezes_schedule)
{
	struct wn_taper_params p = base_params();
	struct wn_hold h = { .start = D(2026, 4, 1), .end = WN_DATE_NONE };
	p.holds = &h;
	p.n_holds = 1;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n_dated, 4);   /* 01-05, 02-02, 03-02, 03-30 */
	cr_expect_gt(s.n, 4);
	cr_expect_eq(s.steps[4].date, WN_DATE_NONE);
	cr_expect_eq(s.steps[4].base_date, D(2026, 4, 27));
	cr_expect_float_eq(s.steps[4].dose, 33, 1e-9);
	cr_expect_eq(s.hold_since, D(2026, 4, 1));
	cr_expect_float_eq(dose_on(&s, D(2027, 1, 1)), 36.5, 1e-9);
	cr_expect_eq(wn_taper_next_step(&s, D(2026, 4, 1)), -1);
	cr_expect_eq(wn_taper_next_step(&s, D(2026, 3, 20)), 3);
	cr_expect(wn_taper_on_hold(&s, D(2026, 4, 1)));
	cr_expect(!wn_taper_on_hold(&s, D(2026, 3, 31)));
	wn_taper_free(&s);

	h.start = D(2026, 3, 30);     /* on a step day: that step waits too */
	build_ok(&p, &s);
	cr_expect_eq(s.n_dated, 3);
	cr_expect_float_eq(dose_on(&s, D(2026, 12, 1)), 40.5, 1e-9);
	wn_taper_free(&s);
}

Test(taper, several_holds_in_any_order)
{
	struct wn_taper_params p = base_params();
	/* open from 05-01, and 7 days from 02-10: given out of order */
	struct wn_hold h[] = {
		{ .start = D(2026, 5, 1), .end = WN_DATE_NONE },
		{ .start = D(2026, 2, 10), .end = D(2026, 2, 17) },
	};
	p.holds = h;
	p.n_holds = 2;
	struct wn_schedule s;
	build_ok(&p, &s);
	/* 03-02 -> 03-09, 03-30 -> 04-06, 04-27 -> 05-04 frozen */
	const long dates[] = { D(2026, 1, 5), D(2026, 2, 2), D(2026, 3, 9),
	                       D(2026, 4, 6) };
	expect_dates(&s, dates, 4);
	cr_expect_eq(s.n_dated, 4);
	cr_expect_eq(s.steps[4].date, WN_DATE_NONE);
	wn_taper_free(&s);
}

struct hold_case { struct wn_hold h[2]; int n; const char *msg; };

static const struct hold_case bad_holds[] = {
	{ .h = { { 20500, 20500 } }, .n = 1, .msg = "end after it starts" },
	{ .h = { { 20500, 20490 } }, .n = 1, .msg = "end after it starts" },
	{ .h = { { WN_DATE_NONE, 20490 } }, .n = 1, .msg = "valid start" },
	{ .h = { { 20500, WN_DATE_NONE }, { 20600, 20610 } }, .n = 2, .msg = "only the last" },
	{ .h = { { 20500, 20520 }, { 20510, 20530 } }, .n = 2, .msg = "overlap" },
};

Test(taper, hold_errors)
{
	for (size_t i = 0; i < N_OF(bad_holds); i++) {
		struct wn_taper_params p = base_params();
		struct wn_schedule s;
		struct wn_err err = { 0 };
		p.holds = bad_holds[i].h;
		p.n_holds = bad_holds[i].n;
		cr_expect_eq(wn_taper_build(&p, &s, &err), WN_DATAERR, "case %zu", i);
		cr_expect(strstr(err.msg, bad_holds[i].msg) != NULL, "case %zu: %s", i, err.msg);
		cr_expect_null(s.steps);
	}
}

/* ---- occupancy schedules --------------------------------------------------------------------- */

Test(taper, citalopram_equal_occupancy_example)
{
	/* Domain README 1.3: 8.1 -> 4.47 -> 2.72 -> 1.68 -> 1.00 -> 0.52 -> 0.15 -> 0 */
	static const double want[] = { 20, 8.1, 4.47, 2.72, 1.68, 1.00, 0.52, 0.15, 0 };
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_OCCUPANCY;
	p.from_dose = 20;
	p.step = 10;
	p.round_q = 0.01;
	p.emax = 83.98;
	p.ed50 = 2.33;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n, (int)N_OF(want));
	expect_doses(&s, want, (int)N_OF(want), 0.02);
	cr_expect_float_eq(s.steps[0].occupancy, 75.2, 0.05);
	for (int i = 1; i < s.n - 1; i++) {
		cr_expect_float_eq(s.steps[i].occupancy, s.steps[0].occupancy - 10 * i, 0.2,
		                   "step %d occupancy %g", i, s.steps[i].occupancy);
		cr_expect(!s.steps[i].warn_rounding, "step %d", i);
	}
	wn_taper_free(&s);
}

Test(taper, occupancy_capped_at_100)
{
	/* desvenlafaxine, amygdala fit: Emax 106.43, ED50 11.57.  200 mg would be
	 * 100.6 %, capped to 100; 90 % is 11.57*90/16.43 = 63.38 mg */
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_OCCUPANCY;
	p.from_dose = 200;
	p.step = 10;
	p.round_q = 0.01;
	p.emax = 106.43;
	p.ed50 = 11.57;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.steps[0].occupancy, 100);
	cr_expect_float_eq(s.steps[1].dose, 63.38, 0.01);
	cr_expect_float_eq(s.steps[1].occupancy, 90, 0.05);
	for (int i = 0; i < s.n; i++)
		cr_expect_leq(s.steps[i].occupancy, 100);
	cr_expect_eq(s.steps[s.n - 1].dose, 0);
	wn_taper_free(&s);
}

Test(taper, occupancy_rounding_to_tablets_warns)
{
	/* citalopram 10 mg tablets: target 8.1 -> 10 mg (68.1 % vs 65.2 %, within
	 * half the 10-point step); target 4.47 -> 0 mg (0 % vs 55.2 %): warn */
	struct wn_form tab;
	cr_assert_eq(wn_taper_form_parse("tablet 10 mg", &tab, NULL), WN_OK);
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_OCCUPANCY;
	p.from_dose = 20;
	p.step = 10;
	p.round_q = 0;
	p.forms = &tab;
	p.n_forms = 1;
	p.emax = 83.98;
	p.ed50 = 2.33;
	struct wn_schedule s;
	build_ok(&p, &s);
	static const double want[] = { 20, 10, 0 };
	cr_expect_eq(s.n, 3);
	expect_doses(&s, want, 3, 1e-9);
	cr_expect(!s.steps[1].warn_rounding);
	cr_expect(s.steps[2].warn_rounding);
	cr_expect_str_eq(s.steps[0].how, "2 x 10 mg");
	cr_expect_str_eq(s.steps[1].how, "1 x 10 mg");
	cr_expect_str_eq(s.steps[2].how, "none");
	wn_taper_free(&s);
}

Test(taper, occupancy_needs_parameters)
{
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_OCCUPANCY;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "occupancy parameters") != NULL, "%s", err.msg);
	cr_expect(strstr(err.hint, "--method percent") != NULL, "%s", err.hint);
	cr_expect_null(s.steps);
	cr_expect_eq(s.n, 0);
}

/* ---- rounding rules inside a schedule ------------------------------------------------------------ */

Test(taper, step_must_cut)
{
	/* 2 mg, 10 %, round 0.5: 1.8 rounds back to 2 -> next lower 1.5;
	 * 1.35 -> 1.5 -> 1; 0.9 -> 1 -> 0.5; 0.45 -> 0.5 -> 0 */
	static const double want[] = { 2, 1.5, 1, 0.5, 0 };
	struct wn_taper_params p = base_params();
	p.from_dose = 2;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n, 5);
	expect_doses(&s, want, 5, 1e-9);
	/* wanted 1.8, got 1.5: off by 0.3, more than half the 0.2 cut */
	cr_expect(s.steps[1].warn_rounding);
	wn_taper_free(&s);
}

Test(taper, tablet_schedule_how)
{
	/* 50 mg of 25 mg halvable tablets, 25 %: 37.5, 28.125 -> 25,
	 * 18.75 -> 12.5 (tie 12.5/25 -> 25 = current -> next lower 12.5),
	 * 9.375 -> 12.5 = current -> 0 */
	struct wn_form tab;
	cr_assert_eq(wn_taper_form_parse("tablet 25 mg /2", &tab, NULL), WN_OK);
	struct wn_taper_params p = base_params();
	p.step = 25;
	p.round_q = 0;
	p.forms = &tab;
	p.n_forms = 1;
	struct wn_schedule s;
	build_ok(&p, &s);
	static const double want[] = { 50, 37.5, 25, 12.5, 0 };
	static const char *const how[] = { "2 x 25 mg", "1 x 25 mg + 1/2 x 25 mg",
	                                   "1 x 25 mg", "1/2 x 25 mg", "none" };
	cr_expect_eq(s.n, 5);
	expect_doses(&s, want, 5, 1e-9);
	for (int i = 0; i < 5 && i < s.n; i++)
		cr_expect_str_eq(s.steps[i].how, how[i], "step %d", i);
	wn_taper_free(&s);
}

Test(taper, floor_goes_to_zero)
{
	/* 10 mg, 50 %, round 0.5: 5, 2.5, then 1.25 -> 1.5 < floor 2 -> 0 */
	struct wn_taper_params p = base_params();
	p.from_dose = 10;
	p.step = 50;
	p.floor_dose = 2;
	struct wn_schedule s;
	build_ok(&p, &s);
	static const double want[] = { 10, 5, 2.5, 0 };
	cr_expect_eq(s.n, 4);
	expect_doses(&s, want, 4, 1e-9);
	wn_taper_free(&s);

	/* without the floor: 1.25 -> 1.5, 0.75 -> 1, 0.5, 0.25 -> 0.5 = current -> 0 */
	p.floor_dose = 0;
	build_ok(&p, &s);
	static const double nofloor[] = { 10, 5, 2.5, 1.5, 1, 0.5, 0 };
	cr_expect_eq(s.n, 7);
	expect_doses(&s, nofloor, 7, 1e-9);
	wn_taper_free(&s);
}

Test(taper, target_dose_ends_schedule)
{
	/* 20 mg, 10 %, round 0.1, to 15: 18, 16.2, 14.58 -> 14.6 <= 15 -> 15 */
	struct wn_taper_params p = base_params();
	p.from_dose = 20;
	p.round_q = 0.1;
	p.to_dose = 15;
	struct wn_schedule s;
	build_ok(&p, &s);
	static const double want[] = { 20, 18, 16.2, 15 };
	cr_expect_eq(s.n, 4);
	expect_doses(&s, want, 4, 1e-9);
	wn_taper_free(&s);
}

Test(taper, linear_schedule)
{
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_LINEAR;
	p.from_dose = 20;
	p.step = 2.5;
	p.every_days = 14;
	p.round_q = 0;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n, 9);    /* 20, 17.5, ..., 2.5, 0 */
	for (int i = 0; i < s.n; i++) {
		cr_expect_float_eq(s.steps[i].dose, 20 - 2.5 * i, 1e-9, "step %d", i);
		cr_expect_eq(s.steps[i].date, D(2026, 1, 5) + 14 * i);
	}
	wn_taper_free(&s);

	p.to_dose = 10;
	build_ok(&p, &s);
	static const double want[] = { 20, 17.5, 15, 12.5, 10 };
	cr_expect_eq(s.n, 5);
	expect_doses(&s, want, 5, 1e-9);
	wn_taper_free(&s);
}

Test(taper, max_steps_truncates)
{
	struct wn_taper_params p = base_params();
	p.max_steps = 5;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n, 5);
	cr_expect(s.truncated);
	expect_doses(&s, percent_doses, 5, 1e-9);
	wn_taper_free(&s);
}

/* ---- custom -------------------------------------------------------------------------------------------- */

Test(taper, custom_schedule)
{
	struct wn_form tab;
	cr_assert_eq(wn_taper_form_parse("tablet 5 mg", &tab, NULL), WN_OK);
	const struct wn_taper_point pts[] = {
		{ D(2026, 1, 19), 15 }, { D(2026, 2, 2), 10 },
		{ D(2026, 2, 16), 12 }, { D(2026, 3, 2), 0 },
	};
	struct wn_taper_params p = base_params();
	p.method = WN_TAPER_CUSTOM;
	p.from_dose = 20;
	p.step = 0;
	p.every_days = 0;
	p.custom = pts;
	p.n_custom = 4;
	p.forms = &tab;
	p.n_forms = 1;
	struct wn_schedule s;
	build_ok(&p, &s);
	cr_expect_eq(s.n, 5);
	static const double want[] = { 20, 15, 10, 12, 0 };
	expect_doses(&s, want, 5, 1e-9);
	cr_expect_eq(s.steps[3].date, D(2026, 2, 16));
	cr_expect_float_eq(s.steps[3].pct_cut, -20, 1e-9);   /* back up 10 -> 12 */
	cr_expect_str_eq(s.steps[1].how, "3 x 5 mg");
	cr_expect_str_eq(s.steps[3].how, "");                 /* 12 mg not from 5s */
	cr_expect_float_eq(dose_on(&s, D(2026, 2, 20)), 12, 1e-9);
	cr_expect(isnan(dose_on(&s, D(2026, 1, 4))));
	cr_expect_eq(wn_taper_step_at(&s, D(2026, 1, 4)), -1);
	cr_expect_eq(wn_taper_next_step(&s, D(2026, 1, 4)), 0);
	wn_taper_free(&s);
}

struct custom_case { struct wn_taper_point pts[2]; int n; const char *msg; };

static const struct custom_case bad_custom[] = {
	{ .n = 0, .msg = "at least one" },
	{ .pts = { { 20458, 10 } }, .n = 1, .msg = "dates must increase" },   /* = start */
	{ .pts = { { 20400, 10 } }, .n = 1, .msg = "dates must increase" },
	{ .pts = { { 20470, 10 }, { 20470, 5 } }, .n = 2, .msg = "step 2: dates" },
	{ .pts = { { 20470, 10 }, { 20480, -1 } }, .n = 2, .msg = "step 2: dose" },
	{ .pts = { { 20470, NAN } }, .n = 1, .msg = "dose must be 0 or more" },
};

Test(taper, custom_errors)
{
	for (size_t i = 0; i < N_OF(bad_custom); i++) {
		struct wn_taper_params p = base_params();
		struct wn_schedule s;
		struct wn_err err = { 0 };
		p.method = WN_TAPER_CUSTOM;
		p.custom = bad_custom[i].n ? bad_custom[i].pts : NULL;
		p.n_custom = bad_custom[i].n;
		cr_expect_eq(wn_taper_build(&p, &s, &err), WN_DATAERR, "case %zu", i);
		cr_expect(strstr(err.msg, bad_custom[i].msg) != NULL, "case %zu: %s", i, err.msg);
	}
}

/* ---- validation ------------------------------------------------------------------------------------------ */

struct bad_param {
	enum wn_taper_method method;
	const char *field;
	double value;
	const char *msg;
};

static const struct bad_param bad_params[] = {
	{ WN_TAPER_PERCENT, "from_dose", 0, "starting dose" },
	{ WN_TAPER_PERCENT, "from_dose", -5, "starting dose" },
	{ WN_TAPER_PERCENT, "from_dose", NAN, "starting dose" },
	{ WN_TAPER_PERCENT, "step", 0, "below 100" },
	{ WN_TAPER_PERCENT, "step", 100, "below 100" },
	{ WN_TAPER_PERCENT, "step", -10, "below 100" },
	{ WN_TAPER_PERCENT, "every_days", 0, "days between steps" },
	{ WN_TAPER_PERCENT, "every_days", -7, "days between steps" },
	{ WN_TAPER_PERCENT, "round_q", -0.5, "rounding" },
	{ WN_TAPER_PERCENT, "round_q", 1e-300, "rounding" },
	{ WN_TAPER_PERCENT, "floor_dose", -1, "floor" },
	{ WN_TAPER_PERCENT, "floor_dose", 50, "floor must be below" },
	{ WN_TAPER_PERCENT, "to_dose", 50, "target dose must be below" },
	{ WN_TAPER_PERCENT, "to_dose", -1, "target dose" },
	{ WN_TAPER_PERCENT, "max_steps", -1, "steps" },
	{ WN_TAPER_PERCENT, "start", (double)WN_DATE_NONE, "start date" },
	{ WN_TAPER_PERCENT, "n_forms", -1, "forms" },
	{ WN_TAPER_OCCUPANCY, "step", 0, "occupancy points" },
	{ WN_TAPER_OCCUPANCY, "step", 101, "occupancy points" },
	{ WN_TAPER_LINEAR, "step", 0, "above 0 mg" },
	{ (enum wn_taper_method)9, "step", 10, "unknown taper method" },
};

static void set_field(struct wn_taper_params *p, const char *f, double v)
{
	if (!strcmp(f, "from_dose")) p->from_dose = v;
	else if (!strcmp(f, "step")) p->step = v;
	else if (!strcmp(f, "every_days")) p->every_days = (int)v;
	else if (!strcmp(f, "round_q")) p->round_q = v;
	else if (!strcmp(f, "floor_dose")) p->floor_dose = v;
	else if (!strcmp(f, "to_dose")) p->to_dose = v;
	else if (!strcmp(f, "max_steps")) p->max_steps = (int)v;
	else if (!strcmp(f, "start")) p->start = (wn_date)v;
	else if (!strcmp(f, "n_forms")) p->n_forms = (int)v;
	else cr_assert_fail("unknown field %s", f);
}

Test(taper, validation_errors)
{
	for (size_t i = 0; i < N_OF(bad_params); i++) {
		const struct bad_param *c = &bad_params[i];
		struct wn_taper_params p = base_params();
		struct wn_schedule s;
		struct wn_err err = { 0 };
		p.method = c->method;
		p.emax = 83.98;
		p.ed50 = 2.33;
		set_field(&p, c->field, c->value);
		cr_expect_eq(wn_taper_build(&p, &s, &err), WN_USAGE, "case %zu (%s)", i, c->field);
		cr_expect(strstr(err.msg, c->msg) != NULL, "case %zu: '%s'", i, err.msg);
		cr_expect(strchr(err.msg, '\n') == NULL && err.msg[0] != '\0');
		cr_expect_null(s.steps);
	}
	struct wn_err err = { 0 };
	cr_expect_eq(wn_taper_build(NULL, NULL, &err), WN_USAGE);
	struct wn_schedule s;
	cr_expect_eq(wn_taper_build(NULL, &s, &err), WN_USAGE);
	struct wn_form bad = { .kind = WN_TAPER_LIQUID, .conc_mg_per_ml = 0 };
	struct wn_taper_params p = base_params();
	p.forms = &bad;
	p.n_forms = 1;
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_USAGE);
}

/* ---- small things ------------------------------------------------------------------------------------------- */

Test(taper, method_names)
{
	enum wn_taper_method m;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_taper_method_parse("Percent", &m, &err), WN_OK);
	cr_expect_eq(m, WN_TAPER_PERCENT);
	cr_expect_eq(wn_taper_method_parse("occupancy", &m, &err), WN_OK);
	cr_expect_eq(m, WN_TAPER_OCCUPANCY);
	cr_expect_eq(wn_taper_method_parse("hyperbolic", &m, &err), WN_USAGE);
	cr_expect(strstr(err.hint, "percent, occupancy, linear or custom") != NULL);
	cr_expect_str_eq(wn_taper_method_name(WN_TAPER_CUSTOM), "custom");
	cr_expect_str_eq(wn_taper_method_name(WN_TAPER_LINEAR), "linear");
}

Test(taper, empty_schedule_lookups)
{
	struct wn_schedule s = { 0 };
	cr_expect_eq(wn_taper_step_at(&s, 20458), -1);
	cr_expect_eq(wn_taper_step_at(NULL, 20458), -1);
	cr_expect(isnan(dose_on(&s, 20458)));
	cr_expect_eq(wn_taper_next_step(&s, 20458), -1);
	cr_expect(!wn_taper_on_hold(NULL, 20458));
	wn_taper_free(&s);
	wn_taper_free(NULL);
}
