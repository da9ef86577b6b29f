/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for switching to diazepam one dose at a time (core/switch.h).
 * Every expected value is worked out by hand in the comments. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "core/switch.h"

#define D(y, m, d) wn_date_from_ymd(y, m, d)

static const struct wn_doses alp_times = { .n = 3, .minute = { 480, 840, 1320 },
                                           .part = { 0.5, 0.5, 1 }, .cut = WN_CUT_LARGEST };
static const double alp[3] = { 0.5, 0.5, 1 };

/* diazepam tablets of 2 mg (halved) and 5 mg: a 1 mg grid */
static const struct wn_form dz_forms[] = {
	{ .kind = WN_TAPER_TABLET, .strength_mg = 2, .divisible = 2 },
	{ .kind = WN_TAPER_TABLET, .strength_mg = 5, .divisible = 1 },
};

static void expect_stage(const struct wn_switch_stage *s, const double *from, const double *dz,
                         double combined, const char *what)
{
	for (int i = 0; i < 3; i++) {
		cr_expect(fabs(s->from[i] - from[i]) < 1e-9, "%s: FROM dose %d is %g, want %g", what, i,
		          s->from[i], from[i]);
		cr_expect(fabs(s->dz[i] - dz[i]) < 1e-9, "%s: diazepam dose %d is %g, want %g", what, i,
		          s->dz[i], dz[i]);
	}
	cr_expect(fabs(s->combined - combined) < 1e-9, "%s: combined %g, want %g", what,
	          s->combined, combined);
}

/* The case.  Alprazolam 2 mg as 0.5 + 0.5 + 1, Ashton: 0.5 mg =
 * 10 mg diazepam, so the day is 40 mg diazepam-equivalent.  Stage 1
 * replaces the largest dose (22:00, 1 mg -> 20 mg diazepam), stage 2 the
 * later of the two 0.5 mg (14:00 -> 10 mg), stage 3 08:00 (10 mg): 40 mg
 * combined every stage, 100% of the start; stages a week apart. */
Test(switch, alprazolam_ashton)
{
	struct wn_rounding r = { .forms = dz_forms, .n_forms = 2 };
	struct wn_switch_in in = { .doses = &alp_times, .amounts = alp, .equiv = 0.5,
	                           .dz_round = &r, .start = D(2026, 12, 1), .stage_days = 7 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_switch_build(&in, &sw, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(sw.n, 4);
	expect_stage(&sw.stages[0], (double[]){ 0.5, 0.5, 1 }, (double[]){ 0, 0, 0 }, 40, "before");
	expect_stage(&sw.stages[1], (double[]){ 0.5, 0.5, 0 }, (double[]){ 0, 0, 20 }, 40, "stage 1");
	expect_stage(&sw.stages[2], (double[]){ 0.5, 0, 0 }, (double[]){ 0, 10, 20 }, 40, "stage 2");
	expect_stage(&sw.stages[3], (double[]){ 0, 0, 0 }, (double[]){ 10, 10, 20 }, 40, "stage 3");
	cr_expect_eq(sw.stages[1].date, D(2026, 12, 1));
	cr_expect_eq(sw.stages[2].date, D(2026, 12, 8));
	cr_expect_eq(sw.stages[3].date, D(2026, 12, 15));
	for (int k = 0; k < sw.n; k++)
		cr_expect(fabs(sw.stages[k].pct_of_start - 100) <= 10, "stage %d at %g%%", k,
		          sw.stages[k].pct_of_start);
}

/* VA/DoD: 1 mg alprazolam = 10 mg diazepam: 20 mg a day; 10, then 5 and
 * 5, two weeks a stage. */
Test(switch, alprazolam_vadod)
{
	struct wn_rounding r = { .forms = dz_forms, .n_forms = 2 };
	struct wn_switch_in in = { .doses = &alp_times, .amounts = alp, .equiv = 1,
	                           .dz_round = &r, .start = D(2026, 12, 1), .stage_days = 14 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_switch_build(&in, &sw, &err), WN_OK, "%s", err.msg);
	expect_stage(&sw.stages[3], (double[]){ 0, 0, 0 }, (double[]){ 5, 5, 10 }, 20, "stage 3");
	cr_expect_eq(sw.stages[3].date, D(2026, 12, 29));
}

/* Rounding that would move the day by more than 10% is refused: lorazepam
 * 0.5 mg three times a day (Ashton 1 mg = 10 mg: 15 mg a day) with only
 * whole 10 mg diazepam tablets: 0.5 mg -> 5 mg rounds up to 10 (a tie goes
 * to the higher dose): stage 1 is 10 (two doses left) + 10 = 20 mg, 133%. */
Test(switch, refuses_past_tolerance)
{
	static const struct wn_form ten[] = { { .kind = WN_TAPER_TABLET, .strength_mg = 10, .divisible = 1 } };
	struct wn_rounding r = { .forms = ten, .n_forms = 1 };
	struct wn_doses lz = alp_times;
	double amounts[3] = { 0.5, 0.5, 0.5 };
	struct wn_switch_in in = { .doses = &lz, .amounts = amounts, .equiv = 1,
	                           .dz_round = &r, .start = D(2026, 12, 1), .stage_days = 7 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_expect_eq(wn_switch_build(&in, &sw, &err), WN_DATAERR);
	cr_expect(strstr(err.msg, "stage 1") && strstr(err.msg, "more than 10%"), "%s", err.msg);
}

/* One dose a day: one stage, the whole dose. */
Test(switch, one_dose_a_day)
{
	double amount = 1.5;   /* clonazepam, Ashton 0.5 mg = 10 mg: 30 mg */
	struct wn_switch_in in = { .amounts = &amount, .equiv = 0.5, .start = D(2026, 12, 1),
	                           .stage_days = 14 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_switch_build(&in, &sw, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(sw.n, 2);
	cr_expect(fabs(sw.stages[1].dz_total - 30) < 1e-9);
	cr_expect(fabs(sw.stages[1].from_total) < 1e-9);
	enum wn_switch_table t;
	cr_expect_eq(wn_switch_table_parse("VADOD", &t, &err), WN_OK);
	cr_expect_eq(t, WN_SWITCH_VADOD);
	cr_expect_eq(wn_switch_table_parse("maudsley", &t, &err), WN_USAGE);
}
