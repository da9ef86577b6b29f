/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for doses through the day (core/doses.h): parsing the times
 * and the split, the share of the starting dose, which dose each step
 * cuts.  Every expected value is worked out by hand in the comments. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/doses.h"
#include "core/records.h"
#include "core/today_doses.h"
#include "core/taper.h"

#define D(y, m, d) wn_date_from_ymd(y, m, d)

static struct wn_doses three(enum wn_cut_first cut)
{
	struct wn_doses d = { .n = 3, .minute = { 480, 840, 1320 },
	                      .part = { 1, 1, 1 }, .cut = cut };
	return d;
}

static void expect3(const double *a, double x, double y, double z, const char *what)
{
	cr_expect(fabs(a[0] - x) < 1e-9 && fabs(a[1] - y) < 1e-9 && fabs(a[2] - z) < 1e-9,
	          "%s: got %g, %g, %g; want %g, %g, %g", what, a[0], a[1], a[2], x, y, z);
}

/* lorazepam tablets of 1 mg and 0.5 mg, both halved: a grid of 0.25 mg */
static const struct wn_form lorazepam_forms[] = {
	{ .kind = WN_TAPER_TABLET, .strength_mg = 1, .divisible = 2 },
	{ .kind = WN_TAPER_TABLET, .strength_mg = 0.5, .divisible = 2 },
};

Test(doses, parse_times_and_split)
{
	struct wn_doses d = { 0 };
	struct wn_err err = { 0 };
	cr_assert_eq(wn_doses_parse_times("08:00, 14:00 ,22:00", "--times", &d, &err), WN_OK);
	cr_expect_eq(d.n, 3);
	cr_expect_eq(d.minute[0], 480);    /* 8 * 60 */
	cr_expect_eq(d.minute[1], 840);    /* 14 * 60 */
	cr_expect_eq(d.minute[2], 1320);   /* 22 * 60 */
	cr_expect(d.part[0] == 1 && d.part[2] == 1, "equal parts until a split is given");
	cr_assert_eq(wn_doses_parse_split("0.5,0.5,1", "--split", &d, &err), WN_OK);
	cr_expect(d.part[0] == 0.5 && d.part[1] == 0.5 && d.part[2] == 1);
	char buf[64];
	wn_doses_times_text(&d, buf, sizeof buf);
	cr_expect_str_eq(buf, "08:00,14:00,22:00");
	wn_doses_split_text(&d, buf, sizeof buf);
	cr_expect_str_eq(buf, "0.5,0.5,1");
	cr_assert_eq(wn_doses_parse_times("8:30,21:05", "--times", &d, &err), WN_OK);
	cr_expect(d.n == 2 && d.minute[0] == 510 && d.minute[1] == 1265);
}

Test(doses, parse_refuses)
{
	struct wn_doses d = { 0 };
	struct wn_err err = { 0 };
	cr_expect_eq(wn_doses_parse_times("22:00,08:00", "--times", &d, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "later in the day") != NULL, "%s", err.msg);
	cr_expect_eq(wn_doses_parse_times("08:00", "--times", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_times("08:00,24:00", "--times", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_times("08:00,14:60", "--times", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_times("morning,night", "--times", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_times("1:00,2:00,3:00,4:00,5:00,6:00,7:00", "--times", &d, &err),
	             WN_USAGE);
	cr_assert_eq(wn_doses_parse_times("08:00,22:00", "--times", &d, &err), WN_OK);
	cr_expect_eq(wn_doses_parse_split("1,1,1", "--split", &d, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "more parts") != NULL, "%s", err.msg);
	cr_expect_eq(wn_doses_parse_split("1", "--split", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_split("1,0", "--split", &d, &err), WN_USAGE);
	cr_expect_eq(wn_doses_parse_split("1,x", "--split", &d, &err), WN_USAGE);
	enum wn_cut_first c;
	cr_expect_eq(wn_doses_cut_parse("Evening", &c, &err), WN_OK);
	cr_expect_eq(c, WN_CUT_EVENING);
	cr_expect_eq(wn_doses_cut_parse("night", &c, &err), WN_USAGE);
	cr_expect(strstr(err.msg, "largest, evening or morning") != NULL, "%s", err.msg);
}

Test(doses, pick)
{
	struct wn_doses d = three(WN_CUT_LARGEST);
	double a[3] = { 1, 1, 1 };
	cr_expect_eq(wn_doses_pick(&d, a), 2, "a tie: the latest");
	double b[3] = { 1, 1, 0.75 };
	cr_expect_eq(wn_doses_pick(&d, b), 1, "the largest, the later of two");
	double c[3] = { 0, 0, 0 };
	cr_expect_eq(wn_doses_pick(&d, c), -1);
	d.cut = WN_CUT_MORNING;
	double e[3] = { 0, 0.5, 1 };
	cr_expect_eq(wn_doses_pick(&d, e), 1, "the earliest above 0");
	d.cut = WN_CUT_EVENING;
	double f[3] = { 1, 0.5, 0 };
	cr_expect_eq(wn_doses_pick(&d, f), 1, "the latest above 0");
}

/* The case: lorazepam 3 mg as 1+1+1, 10% of the current dose
 * every 2 weeks, on a 0.25 mg grid.  The daily doses (taper.c): 3; 2.7 ->
 * 2.75; 2.475 -> 2.5; 2.25; 2.025 -> 2; 1.8 -> 1.75; 1.575 -> 1.5.  Each
 * step cuts 0.25 mg off the largest dose, the latest on a tie. */
Test(doses, lorazepam_largest_first)
{
	struct wn_taper_params p;
	wn_taper_params_init(&p);
	p.method = WN_TAPER_PERCENT;
	p.start = D(2026, 12, 1);
	p.from_dose = 3;
	p.step = 10;
	p.every_days = 14;
	p.forms = lorazepam_forms;
	p.n_forms = 2;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	cr_assert_geq(s.n, 7);
	struct wn_doses d = three(WN_CUT_LARGEST);
	struct wn_rounding r = { .forms = lorazepam_forms, .n_forms = 2 };
	double *a;
	cr_assert_eq(wn_doses_schedule(&d, &r, &s, &a, &err), WN_OK);
	expect3(a + 0, 1, 1, 1, "step 0");
	expect3(a + 3, 1, 1, 0.75, "step 1: 2.75, the tie goes to 22:00");
	expect3(a + 6, 1, 0.75, 0.75, "step 2: 2.5, the later of the two 1 mg");
	expect3(a + 9, 0.75, 0.75, 0.75, "step 3: 2.25");
	expect3(a + 12, 0.75, 0.75, 0.5, "step 4: 2");
	expect3(a + 15, 0.75, 0.5, 0.5, "step 5: 1.75");
	expect3(a + 18, 0.5, 0.5, 0.5, "step 6: 1.5");
	for (int k = 0; k < s.n; k++) {
		double sum = a[3 * k] + a[3 * k + 1] + a[3 * k + 2];
		cr_expect(fabs(sum - s.steps[k].dose) < 1e-9, "step %d adds up to %g, not %g",
		          k, sum, s.steps[k].dose);
	}
	free(a);
	wn_taper_free(&s);
}

Test(doses, evening_and_morning_first)
{
	struct wn_doses d = three(WN_CUT_EVENING);
	double a[3] = { 1, 1, 1 }, b[3];
	wn_doses_next(&d, a, 2.75, b);
	expect3(b, 1, 1, 0.75, "evening: 22:00 first");
	wn_doses_next(&d, b, 2.0, b);
	expect3(b, 1, 1, 0, "evening: down to 0");
	wn_doses_next(&d, b, 1.75, b);
	expect3(b, 1, 0.75, 0, "then 14:00");
	d.cut = WN_CUT_MORNING;
	double c[3] = { 0.25, 1, 1 };
	/* a cut of 0.5 mg: the 0.25 of 08:00 goes, the other 0.25 comes off 14:00 */
	wn_doses_next(&d, c, 1.75, b);
	expect3(b, 0, 0.75, 1, "morning: a cut larger than the dose");
}

/* alprazolam 2 mg as 0.5 + 0.5 + 1 (amounts): the share is the amounts;
 * a rise (a custom plan going up) is shared by the parts 1:1:2. */
Test(doses, amounts_and_rise)
{
	struct wn_doses d = three(WN_CUT_LARGEST);
	d.part[0] = 0.5, d.part[1] = 0.5, d.part[2] = 1;
	double a[3];
	wn_doses_first(&d, NULL, 2, a);
	expect3(a, 0.5, 0.5, 1, "split as amounts");
	wn_doses_next(&d, a, 1.75, a);
	expect3(a, 0.5, 0.5, 0.75, "the largest first");
	wn_doses_next(&d, a, 2.75, a);
	/* up by 1 mg: 0.25, 0.25, 0.5 */
	expect3(a, 0.75, 0.75, 1.25, "a rise by the parts");
}

/* What rounding leaves over goes to the dose cut first: 3 mg in three
 * parts with 2 mg tablets only (whole): each share of 1 mg rounds up to
 * 2 (a tie goes to the higher dose), 6 in all; the 3 mg too much come off
 * as cuts: 22:00 to 0 (2 mg), then 1 mg off 14:00 (the later of the two 2
 * mg). */
Test(doses, first_rounding_leftover)
{
	static const struct wn_form two[] = {
		{ .kind = WN_TAPER_TABLET, .strength_mg = 2, .divisible = 1 },
	};
	struct wn_rounding r = { .forms = two, .n_forms = 1 };
	struct wn_doses d = three(WN_CUT_LARGEST);
	double a[3];
	wn_doses_first(&d, &r, 3, a);
	expect3(a, 2, 1, 0, "adds up to the day's dose");
}

/* Planned against taken per dose: lorazepam 1 + 1 + 0.75 at 08:00, 14:00,
 * 22:00; taken 1 mg at 08:10 (nearest 08:00), 0.5 mg at 13:30 (nearest
 * 14:00), nothing at night, and 0.25 mg without a time (in no slot). */
Test(doses, slots_per_dose)
{
	struct wn_doses ds = three(WN_CUT_LARGEST);
	double planned[3] = { 1, 1, 0.75 };
	struct wn_dose rec[] = {
		{ .id = 1, .minute = 490, .med_id = 7, .amount = 1 },
		{ .id = 2, .minute = 810, .med_id = 7, .amount = 0.5 },
		{ .id = 3, .minute = -1, .med_id = 7, .amount = 0.25 },
		{ .id = 4, .minute = 1320, .med_id = 8, .amount = 5 },   /* another med */
	};
	struct wn_day day = { .doses = rec, .n_doses = 4 };
	struct wn_today_slot s[WN_DOSES_MAX];
	cr_assert_eq(wn_today_slots(&ds, planned, &day, 7, s), 3);
	cr_expect_eq(s[0].status, WN_DOSE_AS_PLANNED);
	cr_expect_eq(s[1].status, WN_DOSE_DIFFERENT);
	cr_expect(fabs(s[1].taken - 0.5) < 1e-9);
	cr_expect_eq(s[2].status, WN_DOSE_NOT_RECORDED);
	char buf[128];
	wn_today_slot_text(&s[0], "mg", buf, sizeof buf);
	cr_expect_str_eq(buf, "08:00  1 mg, as planned");
	wn_today_slot_text(&s[1], "mg", buf, sizeof buf);
	cr_expect_str_eq(buf, "14:00  0.5 mg, lower than planned (1 mg)");
	wn_today_slot_text(&s[2], "mg", buf, sizeof buf);
	cr_expect_str_eq(buf, "22:00  not recorded (planned 0.75 mg)");
	/* a skip (amount 0) at 21:50 belongs to 22:00 */
	struct wn_dose skip = { .id = 5, .minute = 1310, .med_id = 7, .amount = 0 };
	struct wn_day day2 = { .doses = &skip, .n_doses = 1 };
	wn_today_slots(&ds, planned, &day2, 7, s);
	cr_expect_eq(s[2].status, WN_DOSE_SKIPPED);
	cr_expect_eq(s[0].status, WN_DOSE_NOT_RECORDED);
	/* one dose a day: no slots */
	struct wn_doses one = { 0 };
	cr_expect_eq(wn_today_slots(&one, planned, &day, 7, s), 0);
}
