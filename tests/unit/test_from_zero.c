/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for plans that start at 0 mg (issue 19): the diazepam a
 * switch brings in one dose at a time (core/doses.h's wn_doses_fill,
 * core/taper.h's custom plans from 0, core/switch.h's combined
 * equivalent).  Every expected value is worked out by hand in the
 * comments. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/doses.h"
#include "core/switch.h"
#include "core/taper.h"
#include "core/together.h"
#include "core/today_doses.h"

#define D(y, m, d) wn_date_from_ymd(y, m, d)

static void expect3(const double *a, double x, double y, double z, const char *what)
{
	cr_expect(fabs(a[0] - x) < 1e-9 && fabs(a[1] - y) < 1e-9 && fabs(a[2] - z) < 1e-9,
	          "%s: got %g, %g, %g; want %g, %g, %g", what, a[0], a[1], a[2], x, y, z);
}

/* The diazepam of the switch: parts 10, 10, 20 mg at 08:00,
 * 14:00, 22:00, the largest cut (and brought in) first, a tie to the
 * latest: the order is 22:00 (20), then 14:00 (10, the later of the tie),
 * then 08:00. */
static const struct wn_doses dz = { .n = 3, .minute = { 480, 840, 1320 },
                                    .part = { 10, 10, 20 }, .cut = WN_CUT_LARGEST };

Test(from_zero, order)
{
	int o[WN_DOSES_MAX];
	cr_assert_eq(wn_doses_order(&dz, dz.part, o), 3);
	cr_expect(o[0] == 2 && o[1] == 1 && o[2] == 0, "order %d %d %d", o[0], o[1], o[2]);
	struct wn_doses ev = dz, mo = dz;
	ev.cut = WN_CUT_EVENING;
	mo.cut = WN_CUT_MORNING;
	cr_assert_eq(wn_doses_order(&ev, ev.part, o), 3);
	cr_expect(o[0] == 2 && o[1] == 1 && o[2] == 0);
	cr_assert_eq(wn_doses_order(&mo, mo.part, o), 3);
	cr_expect(o[0] == 0 && o[1] == 1 && o[2] == 2);
	/* a dose at 0 is left out: 0.5, 0, 1 -> 22:00, 08:00 */
	cr_expect_eq(wn_doses_order(&dz, (double[]){ 0.5, 0, 1 }, o), 2);
	cr_expect(o[0] == 2 && o[1] == 0);
}

/* 0 -> 20: the 22:00 dose fills to its 20; -> 30: 14:00 takes 10;
 * -> 40: 08:00 takes 10; -> 36.8 is a cut of 3.2 off the largest
 * (22:00): 10, 10, 16.8.  A rise that stops part-way: 0 -> 25 fills 22:00
 * (20) and gives the 5 left to 14:00.  Past every part (40 -> 44) the 4
 * is shared 10:10:20 -> 1, 1, 2. */
Test(from_zero, fill_one_dose_at_a_time)
{
	double a[3] = { 0, 0, 0 };
	wn_doses_fill(&dz, a, 20, a);
	expect3(a, 0, 0, 20, "stage 1");
	wn_doses_fill(&dz, a, 30, a);
	expect3(a, 0, 10, 20, "stage 2");
	wn_doses_fill(&dz, a, 40, a);
	expect3(a, 10, 10, 20, "stage 3");
	wn_doses_fill(&dz, a, 36.8, a);
	expect3(a, 10, 10, 16.8, "first cut");
	double b[3] = { 0, 0, 0 };
	wn_doses_fill(&dz, b, 25, b);
	expect3(b, 0, 5, 20, "part-way");
	double c[3] = { 10, 10, 20 };
	wn_doses_fill(&dz, c, 44, c);
	expect3(c, 11, 11, 22, "past the parts");
}

/* A custom plan from 0 mg: 2026-11-30 0, 12-01 20, 12-15 30, 12-29 40,
 * 2027-01-12 36.8.  % of start has no meaning (NAN); the % cut of a rise
 * from 0 is 0 (nothing cut), of 20 -> 30 -50 (up 50%).  The schedule of
 * doses fills as above. */
Test(from_zero, custom_plan_and_its_doses)
{
	struct wn_taper_point pts[] = { { D(2026, 12, 1), 20 }, { D(2026, 12, 15), 30 },
	                                { D(2026, 12, 29), 40 }, { D(2027, 1, 12), 36.8 } };
	struct wn_taper_params p;
	wn_taper_params_init(&p);
	p.method = WN_TAPER_CUSTOM;
	p.start = D(2026, 11, 30);
	p.from_dose = 0;
	p.custom = pts;
	p.n_custom = 4;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(s.n, 5);
	cr_expect(isnan(s.steps[0].pct_of_start) && isnan(s.steps[3].pct_of_start));
	cr_expect(fabs(s.steps[1].pct_cut) < 1e-9);
	cr_expect(fabs(s.steps[2].pct_cut + 50) < 1e-9);
	double *a = NULL;
	cr_assert_eq(wn_doses_schedule(&dz, NULL, &s, &a, &err), WN_OK);
	expect3(a + 0, 0, 0, 0, "step 0");
	expect3(a + 3, 0, 0, 20, "step 1");
	expect3(a + 6, 0, 10, 20, "step 2");
	expect3(a + 9, 10, 10, 20, "step 3");
	expect3(a + 12, 10, 10, 16.8, "step 4");
	free(a);
	wn_taper_free(&s);
}

/* Only a custom plan starts at 0, with a step above 0, no floor, no target. */
Test(from_zero, refusals)
{
	struct wn_taper_point zero[] = { { D(2026, 12, 1), 0 } };
	struct wn_taper_params p;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	wn_taper_params_init(&p);
	p.start = D(2026, 11, 30);
	p.step = 10;
	p.every_days = 14;
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_USAGE);     /* percent from 0 */
	cr_expect(strstr(err.msg, "only a custom plan"), "%s", err.msg);
	p.method = WN_TAPER_CUSTOM;
	p.custom = zero;
	p.n_custom = 1;
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_DATAERR);   /* never above 0 */
	cr_expect(strstr(err.msg, "step above 0"), "%s", err.msg);
	struct wn_taper_point one[] = { { D(2026, 12, 1), 5 } };
	p.custom = one;
	p.to_dose = 2;
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_USAGE);     /* a target */
	p.to_dose = 0;
	cr_expect_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	wn_taper_free(&s);
}

/* The switch of the issue (Ashton: 0.5 mg alprazolam = 10 mg diazepam,
 * 40 mg a day), stages from 2026-12-01 every 14 days, and a diazepam
 * plan from 0: 20, 30, 40, then 36.8 and 33.84.  The combined equivalent
 * starts on 2026-11-30 at 40; the three stages keep 40 (left out: no
 * step); then 36.8 on 2027-01-12 and 33.84 on 01-26. */
Test(from_zero, combined_equivalent)
{
	static const struct wn_form forms[] = {
		{ .kind = WN_TAPER_TABLET, .strength_mg = 2, .divisible = 2 },
		{ .kind = WN_TAPER_TABLET, .strength_mg = 5, .divisible = 1 },
	};
	struct wn_doses alp = { .n = 3, .minute = { 480, 840, 1320 }, .part = { 0.5, 0.5, 1 },
	                        .cut = WN_CUT_LARGEST };
	struct wn_rounding r = { .forms = forms, .n_forms = 2 };
	struct wn_switch_in in = { .doses = &alp, .amounts = (double[]){ 0.5, 0.5, 1 }, .equiv = 0.5,
	                           .dz_round = &r, .start = D(2026, 12, 1), .stage_days = 14 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_switch_build(&in, &sw, &err), WN_OK, "%s", err.msg);
	struct wn_taper_point pts[] = { { D(2026, 12, 1), 20 }, { D(2026, 12, 15), 30 },
	                                { D(2026, 12, 29), 40 }, { D(2027, 1, 12), 36.8 },
	                                { D(2027, 1, 26), 33.84 } };
	struct wn_taper_params p;
	wn_taper_params_init(&p);
	p.method = WN_TAPER_CUSTOM;
	p.start = D(2026, 11, 30);
	p.custom = pts;
	p.n_custom = 5;
	struct wn_schedule s;
	cr_assert_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	wn_date start;
	double from;
	struct wn_taper_point out[8];
	int n = 0;
	cr_assert_eq(wn_switch_combined(&sw, &s, &start, &from, out, 8, &n, &err), WN_OK, "%s",
	             err.msg);
	cr_expect_eq(start, D(2026, 11, 30));
	cr_expect(fabs(from - 40) < 1e-9);
	cr_assert_eq(n, 2);
	cr_expect(out[0].date == D(2027, 1, 12) && fabs(out[0].dose - 36.8) < 1e-9);
	cr_expect(out[1].date == D(2027, 1, 26) && fabs(out[1].dose - 33.84) < 1e-9);
	/* a diazepam plan whose stages are not the switch's is refused */
	pts[1].dose = 25;
	wn_taper_free(&s);
	cr_assert_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	cr_expect_eq(wn_switch_combined(&sw, &s, &start, &from, out, 8, &n, &err), WN_DATAERR);
	wn_taper_free(&s);
}

/* MORNING cut rule: alprazolam 0.5 + 0.5 + 1 is replaced from the morning:
 * stage 1 08:00 (10 mg), stage 2 14:00 (10), stage 3 22:00 (20); and the
 * diazepam plan from 0 with parts 10, 10, 20 and the same rule fills in
 * that order, so it gives each stage's doses. */
Test(from_zero, morning_rule_same_order)
{
	struct wn_doses alp = { .n = 3, .minute = { 480, 840, 1320 }, .part = { 0.5, 0.5, 1 },
	                        .cut = WN_CUT_MORNING };
	struct wn_switch_in in = { .doses = &alp, .amounts = (double[]){ 0.5, 0.5, 1 }, .equiv = 0.5,
	                           .start = D(2026, 12, 1), .stage_days = 7 };
	struct wn_switch sw;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_switch_build(&in, &sw, &err), WN_OK, "%s", err.msg);
	struct wn_doses d = alp;
	memcpy(d.part, sw.stages[3].dz, sizeof d.part[0] * 3);
	double a[3] = { 0, 0, 0 };
	for (int k = 1; k <= 3; k++) {
		wn_doses_fill(&d, a, sw.stages[k].dz_total, a);
		expect3(a, sw.stages[k].dz[0], sw.stages[k].dz[1], sw.stages[k].dz[2], "stage");
	}
	expect3(sw.stages[1].dz, 10, 0, 0, "stage 1 is the morning");
}

/* Plans side by side: the plans of a switch count by its one table
 * (dz_per_mg), not the references' range.  Alprazolam 2 mg from
 * 2026-11-30, 1 mg on 12-01 (Ashton: 20 mg diazepam per mg); diazepam
 * from 0 mg on 11-30, 20 mg on 12-01: 40 mg on both days (2 x 20; 1 x 20
 * + 20). */
Test(from_zero, together_by_the_switch_table)
{
	struct wn_taper_point ap[] = { { D(2026, 12, 1), 1 } }, dp[] = { { D(2026, 12, 1), 20 } };
	struct wn_plan a = { 0 }, z = { 0 };
	struct wn_schedule as, zs;
	struct wn_err err = { 0 };
	wn_taper_params_init(&a.params);
	a.params.method = WN_TAPER_CUSTOM;
	a.params.start = D(2026, 11, 30);
	a.params.from_dose = 2;
	a.params.custom = ap;
	a.params.n_custom = 1;
	z.params = a.params;
	z.params.from_dose = 0;
	z.params.custom = dp;
	cr_assert_eq(wn_taper_build(&a.params, &as, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(wn_taper_build(&z.params, &zs, &err), WN_OK, "%s", err.msg);
	struct wn_together_med m[2] = {
		{ .name = "alprazolam", .unit = "mg", .plan = &a, .sched = &as, .dz_per_mg = 20 },
		{ .name = "diazepam", .unit = "mg", .plan = &z, .sched = &zs, .dz_per_mg = 1 },
	};
	struct wn_together_row *rows = NULL;
	size_t n = 0;
	cr_assert_eq(wn_together_rows(m, 2, &rows, &n, &err), WN_OK, "%s", err.msg);
	cr_assert_eq(n, 2);
	for (size_t i = 0; i < n; i++)
		cr_expect(fabs(rows[i].dz_lo - 40) < 1e-9 && fabs(rows[i].dz_hi - 40) < 1e-9,
		          "row %zu: %g-%g", i, rows[i].dz_lo, rows[i].dz_hi);
	char buf[64];
	cr_expect_str_eq(wn_together_equiv_text(&rows[0], buf, sizeof buf), "~40 mg");
	free(rows);
	wn_taper_free(&as);
	wn_taper_free(&zs);
}

/* One dose skipped (issue 19): which recorded doses belong to a planned
 * time.  Times 08:00, 14:00, 22:00 (480, 840, 1320).  A dose at 22:10
 * (1330) belongs to 22:00; 11:00 (660) is 180 from 08:00 and 180 from
 * 14:00: a tie goes to the earlier, 08:00; a dose without a time to none.
 * A skip at 22:00 replaces ids 3 (22:10) of med 1, not id 4 (med 2). */
Test(from_zero, slot_of_a_dose)
{
	struct wn_doses ds = { .n = 3, .minute = { 480, 840, 1320 }, .part = { 1, 1, 1 } };
	cr_expect_eq(wn_today_slot_of(&ds, 1330), 2);
	cr_expect_eq(wn_today_slot_of(&ds, 660), 0);
	cr_expect_eq(wn_today_slot_of(&ds, 841), 1);
	cr_expect_eq(wn_today_slot_of(&ds, -1), -1);
	struct wn_doses one = { .n = 0 };
	cr_expect_eq(wn_today_slot_of(&one, 480), -1);
	struct wn_dose doses[] = { { .id = 1, .minute = 480, .med_id = 1, .amount = 1 },
	                           { .id = 2, .minute = -1, .med_id = 1, .amount = 1 },
	                           { .id = 3, .minute = 1330, .med_id = 1, .amount = 0.75 },
	                           { .id = 4, .minute = 1320, .med_id = 2, .amount = 5 } };
	struct wn_day day = { .doses = doses, .n_doses = 4 };
	long ids[4];
	cr_assert_eq(wn_today_slot_doses(&ds, &day, 1, 2, ids, 4), 1);
	cr_expect_eq(ids[0], 3);
	cr_assert_eq(wn_today_slot_doses(&ds, &day, 1, 0, ids, 4), 1);
	cr_expect_eq(ids[0], 1);
	cr_expect_eq(wn_today_slot_doses(&ds, &day, 1, 1, ids, 4), 0);
}
