/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the plan review (core/review.h).  Schedules are built as
 * the program builds them (wn_taper_form_parse, wn_taper_build) with the
 * shipped data/drugs.ini.  Expected numbers are worked out by hand in the
 * comments next to them; occupancy is Emax*d/(ED50+d). */
#include <criterion/criterion.h>
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/drugref.h"
#include "core/review.h"
#include "core/taper.h"
#include "core/text.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))
#define START 20458L           /* 2026-01-05 */
#define MAX_WORDS 4

/* ---- building a review as the program does ------------------------------- */

struct plan {
	const char *drug;                 /* NULL: not in the reference */
	const char *forms[4];
	enum wn_taper_method method;
	double from, step, round_q, floor;
	int every;
	const char *unit;                 /* NULL = mg */
	const char *only;                 /* keep one form (--form) */
	struct wn_taper_point custom[4];  /* days after START, dose */
	int n_custom;
};

static struct wn_drugref *ref;

static void open_ref(void)
{
	char path[PATH_MAX];
	const char *src = getenv("WEAN_SRCDIR");
	struct wn_err err = { 0 };
	snprintf(path, sizeof path, "%s/data/drugs.ini", src && *src ? src : ".");
	cr_assert_eq(wn_drugref_open(path, &ref, &err), WN_OK, "%s", err.msg);
}

static void close_ref(void)
{
	wn_drugref_close(ref);
	ref = NULL;
}

TestSuite(review, .init = open_ref, .fini = close_ref);

static int plan_forms(const struct plan *c, struct wn_form *f)
{
	int n = 0;
	struct wn_err err = { 0 };
	for (; n < 4 && c->forms[n]; n++)
		cr_assert_eq(wn_taper_form_parse(c->forms[n], &f[n], &err), WN_OK, "%s", err.msg);
	if (c->only)
		cr_assert_eq(wn_review_form_only(f, &n, c->only, &err), WN_OK, "%s", err.msg);
	return n;
}

static void plan_params(const struct plan *c, struct wn_taper_params *p,
                        struct wn_taper_point *pts)
{
	wn_taper_params_init(p);
	p->method = c->method;
	p->start = START;
	p->from_dose = c->from;
	p->step = c->step;
	p->every_days = c->every;
	p->round_q = c->round_q;
	p->floor_dose = c->floor;
	for (int i = 0; i < c->n_custom; i++)
		pts[i] = (struct wn_taper_point){ START + c->custom[i].date, c->custom[i].dose };
	p->custom = pts;
	p->n_custom = c->n_custom;
}

static void review_of(const struct plan *c, struct wn_review *r)
{
	struct wn_form forms[4];
	struct wn_taper_point pts[4];
	struct wn_taper_params p;
	struct wn_drug d;
	struct wn_schedule s;
	struct wn_err err = { 0 };
	plan_params(c, &p, pts);
	p.forms = forms;
	p.n_forms = plan_forms(c, forms);
	struct wn_review_input in = { .params = &p, .unit = c->unit };
	if (c->drug) {
		cr_assert_eq(wn_drugref_lookup(ref, c->drug, &d, &err), WN_OK, "%s", err.msg);
		in.drug = &d;
		if (wn_review_sert_from(&d, NULL, &in.sert) == WN_OK) {
			p.emax = in.sert.emax;
			p.ed50 = in.sert.ed50;
		}
	}
	cr_assert_eq(wn_taper_build(&p, &s, &err), WN_OK, "%s", err.msg);
	in.schedule = &s;
	cr_assert_eq(wn_review_build(&in, r, &err), WN_OK, "%s", err.msg);
	wn_taper_free(&s);
}

/* ---- looking at findings ------------------------------------------------------ */

static const struct wn_review_finding *find(const struct wn_review *r,
                                            enum wn_review_kind kind, int step)
{
	for (int i = 0; i < r->n_findings; i++)
		if (r->findings[i].kind == kind && r->findings[i].step == step)
			return &r->findings[i];
	return NULL;
}

static int count(const struct wn_review *r, enum wn_review_kind kind)
{
	int n = 0;
	for (int i = 0; i < r->n_findings; i++)
		n += r->findings[i].kind == kind;
	return n;
}

struct want {
	enum wn_review_kind kind;
	enum wn_review_level level;
	int step, step_to;
	const char *words[MAX_WORDS];   /* each must be in the sentence */
	const char *src;                /* NULL: not checked */
};

static void expect_findings(const struct wn_review *r, const struct want *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct wn_review_finding *f = find(r, w[i].kind, w[i].step);
		cr_assert_not_null(f, "no %s at step %d", wn_review_kind_name(w[i].kind), w[i].step);
		cr_expect_eq(f->level, w[i].level, "%s at %d: %s", wn_review_kind_name(w[i].kind),
		             w[i].step, wn_review_level_name(f->level));
		cr_expect_eq(f->step_to, w[i].step_to, "%s at %d", wn_review_kind_name(w[i].kind),
		             w[i].step);
		for (int k = 0; k < MAX_WORDS && w[i].words[k]; k++)
			cr_expect(strstr(f->text, w[i].words[k]) != NULL, "'%s' not in: %s",
			          w[i].words[k], f->text);
		if (w[i].src)
			cr_expect_str_eq(f->src, w[i].src, "%s", f->text);
	}
}

static void expect_levels(const struct wn_review *r, int warnings, int cautions, int all)
{
	cr_expect_eq(r->n_warnings, warnings, "warnings");
	cr_expect_eq(r->n_cautions, cautions, "cautions");
	cr_expect_eq(r->n_findings, all, "findings");
}

/* ---- the cases the project must hold ---------------------------------------------- */

static const struct plan sertraline_tablets = {
	.drug = "sertraline", .forms = { "tablet 50 mg" }, .method = WN_TAPER_PERCENT,
	.from = 100, .step = 10, .every = 28,
};

/* 100 -> 50 -> 0: 90 and 45 round to the current dose, so the next lower
 * dose the 50 mg tablet makes is taken. */
Test(review, sertraline_50mg_tablets_cliffs)
{
	static const struct want want[] = {
		/* step 1: (100-50)/100 = 50% > 1.5 x 10%.  With a 25 mg tablet:
		 * 100 or 75 -> 75, (100-75)/100 = 25%, still a jump; the 20 mg/ml
		 * concentrate makes 90 = 4.5 mL; the UK 25 mg/5ml suspension is
		 * 5 mg/ml, 90 = 18 mL */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
		  .words = { "cuts 50% of the dose (100 to 50 mg)", "asks for 10% (to 90 mg)",
		             "oral concentrate 20 mg/ml (90 mg)",
		             "UK special-order suspension 5 mg/ml (90 mg)" },
		  .src = "S11 S12 S9" },
		/* step 2: 50 x 0.9 = 45; 45 / 2 mg per 0.1 mL = 22.5 -> 44 or 46,
		 * a tie goes to the higher dose: 46, (50-46)/50 = 8% */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 2, .step_to = 2,
		  .words = { "a 100% cut from 50 mg", "(to 45 mg)", "oral concentrate 20 mg/ml (46 mg)",
		             "the taper to go on" } },
		/* occ(50) = 92.01*50/57.72 = 79.70; step 1 removed occ(100) -
		 * occ(50) = 9201/107.72 - 79.70 = 85.42 - 79.70 = 5.71 points */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_CAUTION, .step = 2, .step_to = 2,
		  .words = { "the last dose, 50 mg, is 50% of the starting dose", "79.7 points",
		             "at most 5.7 points", "Emax 92.01%, ED50 7.72 mg, striatum" },
		  .src = "S3 S2" },
	};
	struct wn_review r;
	review_of(&sertraline_tablets, &r);
	cr_assert_eq(r.n_steps, 3);
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 2, 1, 3);
	cr_expect_eq(count(&r, WN_REVIEW_PACE), 0);   /* 10% asked < 50% */
	wn_review_free(&r);
}

Test(review, sertraline_step_numbers)
{
	struct wn_review r;
	review_of(&sertraline_tablets, &r);
	const struct wn_review_step *s = r.steps;
	cr_expect_float_eq(s[1].nominal_dose, 90, 1e-9);     /* 100 x 0.9 */
	cr_expect_float_eq(s[1].nominal_pct, 10, 1e-9);
	cr_expect_float_eq(s[1].cut_pct, 50, 1e-9);          /* (100-50)/100 */
	/* occ(100) - occ(90) = 85.4159 - 8280.9/97.72 = 85.4159 - 84.7411 */
	cr_expect_float_eq(s[1].nominal_pts, 0.6748, 1e-3);
	cr_expect_float_eq(s[1].cut_pts, 5.7122, 1e-3);      /* 85.4159 - 79.7037 */
	cr_expect_float_eq(s[1].occupancy, 79.7037, 1e-3);
	cr_expect_float_eq(s[2].nominal_dose, 45, 1e-9);     /* 50 x 0.9 */
	cr_expect_float_eq(s[2].cut_pct, 100, 1e-9);
	cr_expect_eq(s[0].form, 0);
	cr_expect_eq(s[2].form, -1);                          /* 0 mg: no form */
	cr_expect_str_eq(s[0].form_text, "tablet 50 mg");
	cr_expect_float_eq(s[0].factor, 1, 1e-12);
	cr_expect_eq(s[1].date, START + 28);
	wn_review_free(&r);
}

/* With a 20 mg/ml liquid the 10% steps hold down to 12 mg (the largest
 * cut, 14 -> 12 mg, is 14.3% < 1.5 x 10%).  Below that 0.1 mL (2 mg)
 * cannot make 10% steps: 12 -> 10 -> 8 -> 6 -> 4 -> 2 mg are cuts of
 * 16.7, 20, 25, 33.3 and 50%, each reported. */
Test(review, sertraline_with_liquid)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "tablet 50 mg", "liquid 20 mg/ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28,
	};
	static const struct want want[] = {
		/* 100 mg = 2 x 50 mg tablets, 90 mg = 4.5 mL: no factor known */
		{ .kind = WN_REVIEW_FORM_SWITCH, .level = WN_REVIEW_CAUTION, .step = 1, .step_to = 1,
		  .words = { "from tablet 50 mg to liquid 20 mg/ml", "mg for mg" } },
		/* (12-10)/12 = 16.7% > 15%; 10.8 with 0.5 mg steps (5 mg/ml) -> 11 */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 21, .step_to = 21,
		  .words = { "cuts 16.7% of the dose (12 to 10 mg)", "(to 10.8 mg)",
		             "UK special-order suspension 5 mg/ml (11 mg)" } },
		/* 4 x 0.9 = 3.6: 5 mg/ml gives 3.5, (4-3.5)/4 = 12.5% <= 15%;
		 * 10 mg/ml gives 4 (the current dose) or 3, 25%: not named.  The
		 * 20 mg/ml measured by 0.01 mL (0.2 mg) makes 3.6 = 0.18 mL */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 25, .step_to = 25,
		  .words = { "cuts 50% of the dose (4 to 2 mg)", "suspension 5 mg/ml (3.5 mg), or",
		             "measuring liquid 20 mg/ml by 0.01 ml (3.6 mg), would allow" } },
		/* occ(2) = 184.02/9.72 = 18.93; step 25 removed occ(4) - occ(2) =
		 * 368.04/11.72 - 18.93 = 31.40 - 18.93 = 12.47 */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_CAUTION, .step = 26, .step_to = 26,
		  .words = { "the last dose, 2 mg, is 2% of the starting dose", "18.9 points",
		             "at most 12.5 points" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 27);
	cr_expect_float_eq(r.steps[20].dose, 12, 1e-9);
	cr_expect_float_eq(r.steps[25].dose, 2, 1e-9);
	expect_findings(&r, want, N_OF(want));
	for (int i = 0; i < r.n_findings; i++)      /* no warning above 12 mg */
		cr_expect(r.findings[i].level < WN_REVIEW_WARNING || r.findings[i].step >= 21,
		          "%s", r.findings[i].text);
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 5);   /* steps 21-25 */
	cr_expect_eq(count(&r, WN_REVIEW_PACE), 0);
	expect_levels(&r, 5, 2, 7);
	wn_review_free(&r);
}

/* The same plan with a floor of 12 mg: 12 x 0.9 = 10.8 rounds to 10,
 * below the floor, so the plan stops from 12 mg.  No warning at all. */
Test(review, careful_liquid_plan_raises_no_warning)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "tablet 50 mg", "liquid 20 mg/ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28, .floor = 12,
	};
	static const struct want want[] = {
		/* occ(12) = 1104.12/19.72 = 55.99.  The curve is steepest at low
		 * doses, so the last cut removed the most points: occ(14) -
		 * occ(12) = 1288.14/21.72 - 55.99 = 59.31 - 55.99 = 3.32 (the one
		 * before: occ(16) - occ(14) = 1472.16/23.72 - 59.31 = 2.76) */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_CAUTION, .step = 21, .step_to = 21,
		  .words = { "the last dose, 12 mg, is 12% of the starting dose", "56 points",
		             "at most 3.3 points" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 22);
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 0, 2, 2);                 /* the switch at step 1, the end */
	cr_expect_eq(r.worst, WN_REVIEW_CAUTION);
	wn_review_free(&r);
}

/* The liquid alone, measured by 0.1 mL (2 mg of 20 mg/ml): the same five
 * jumps as with the tablets (12 -> 10 -> ... -> 2 mg), each now saying
 * that measuring by 0.01 mL (0.2 mg) would make the step asked for. */
Test(review, liquid_by_01_ml_keeps_the_warnings)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "liquid 20 mg/ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28,
	};
	static const struct want want[] = {
		/* 12 x 0.9 = 10.8 = 54 x 0.2 mg, 0.54 mL */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 21, .step_to = 21,
		  .words = { "cuts 16.7% of the dose (12 to 10 mg)", "(to 10.8 mg)",
		             "measuring liquid 20 mg/ml by 0.01 ml (10.8 mg)" } },
		/* 6 x 0.9 = 5.4 = 27 x 0.2 mg */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 24, .step_to = 24,
		  .words = { "cuts 33.3% of the dose (6 to 4 mg)",
		             "measuring liquid 20 mg/ml by 0.01 ml (5.4 mg)" } },
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_CAUTION, .step = 26, .step_to = 26,
		  .words = { "the last dose, 2 mg, is 2% of the starting dose" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 27);
	expect_findings(&r, want, N_OF(want));
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 5);   /* steps 21-25 */
	expect_levels(&r, 5, 1, 6);
	wn_review_free(&r);
}

/* Measured by 0.01 mL (a 1 mL oral syringe), 20 mg/ml gives 0.2 mg steps:
 * the 10% cuts hold ten times lower, down to 1.2 mg (1.4 x 0.9 = 1.26 ->
 * 1.2, a 14.3% cut <= 15%).  Below, 0.2 mg is too coarse for 10%: 1.2 ->
 * 1 -> 0.8 -> 0.6 -> 0.4 -> 0.2 mg are cuts of 16.7, 20, 25, 33.3 and
 * 50%, each a warning, so the plan as entered still needs a second yes. */
Test(review, liquid_by_001_ml_moves_the_jumps_lower)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "liquid 20 mg/ml by 0.01 ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28,
	};
	static const struct want want[] = {
		/* 1.2 x 0.9 = 1.08 = 5.4 x 0.2 mg -> 5 x 0.2 = 1 mg, (1.2-1)/1.2 */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 43, .step_to = 43,
		  .words = { "cuts 16.7% of the dose (1.2 to 1 mg)", "(to 1.08 mg)",
		             "no form listed for sertraline" } },
		/* 0.4 x 0.9 = 0.36 = 1.8 x 0.2 mg -> 0.4 (the dose) -> 0.2 below */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 47, .step_to = 47,
		  .words = { "cuts 50% of the dose (0.4 to 0.2 mg)", "(to 0.36 mg)" } },
		/* occ(0.2) = 18.402/7.92 = 2.32 points; the largest earlier cut is
		 * step 26, 7.4 -> 6.6 mg: 680.874/15.12 - 607.266/14.32 = 45.03 -
		 * 42.41 = 2.62 points */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_INFO, .step = 48, .step_to = 48,
		  .words = { "the last dose, 0.2 mg, is 0.2% of the starting dose", "2.3 points",
		             "earlier steps removed up to 2.6 points" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 49);
	cr_expect_float_eq(r.steps[21].dose, 11.2, 1e-9);   /* 12.4 x 0.9 = 11.16 */
	cr_expect_float_eq(r.steps[42].dose, 1.2, 1e-9);
	cr_expect_float_eq(r.steps[26].cut_pts, 2.6240, 1e-3);
	expect_findings(&r, want, N_OF(want));
	for (int i = 0; i < r.n_findings; i++) {    /* no warning above 1.2 mg */
		cr_expect(r.findings[i].level < WN_REVIEW_WARNING || r.findings[i].step >= 43,
		          "%s", r.findings[i].text);
		cr_expect(strstr(r.findings[i].text, "measuring") == NULL,
		          "already by 0.01 ml: %s", r.findings[i].text);
	}
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 5);   /* steps 43-47 */
	cr_expect_eq(count(&r, WN_REVIEW_PACE), 0);
	expect_levels(&r, 5, 0, 6);
	wn_review_free(&r);
}

/* The same with a floor of 1.2 mg: 1.2 x 0.9 = 1.08 is below it, so the
 * plan stops from 1.2 mg.  No warning (by 0.1 mL the same needs a floor
 * of 12 mg and stops from 56 points, careful_liquid_plan_raises_no_warning). */
Test(review, liquid_by_001_ml_careful_plan_raises_no_warning)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "liquid 20 mg/ml by 0.01 ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28, .floor = 1.2,
	};
	static const struct want want[] = {
		/* occ(1.2) = 110.412/8.92 = 12.38 points, more than step 26's 2.62 */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_CAUTION, .step = 43, .step_to = 43,
		  .words = { "the last dose, 1.2 mg, is 1.2% of the starting dose", "12.4 points",
		             "at most 2.6 points" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 44);
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 0, 1, 1);
	cr_expect_eq(r.worst, WN_REVIEW_CAUTION);
	wn_review_free(&r);
}

/* A floor of 2 mg by 0.01 mL: from 2.2 mg the method asks 2.2 x 0.9 =
 * 1.98 mg, below the floor, but the schedule rounds it first (to 2.0 mg,
 * 0.10 mL), which is not below it: the step is 2.2 -> 2 mg, a cut of
 * 0.2/2.2 = 9.1% against 10% asked.  The bug: the review took the 1.98 as
 * the end, so it warned of a 100% cut in one step. */
Test(review, a_want_below_the_floor_that_rounds_up_to_it_is_no_cliff)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "liquid 20 mg/ml by 0.01 ml" },
		.method = WN_TAPER_PERCENT, .from = 100, .step = 10, .every = 28, .floor = 2,
	};
	struct wn_review r;
	review_of(&c, &r);
	int at = -1;
	for (int i = 1; i < r.n_steps; i++)
		if (fabs(r.steps[i].dose - 2.0) < 1e-9 && fabs(r.steps[i].prev - 2.2) < 1e-9)
			at = i;
	cr_assert_geq(at, 1, "no step 2.2 -> 2 mg");
	cr_expect_float_eq(r.steps[at].nominal_dose, 1.98, 1e-9);
	cr_expect_float_eq(r.steps[at].cut_pct, 100.0 * 0.2 / 2.2, 1e-6);
	cr_expect_eq(r.n_warnings, 0);
	cr_expect_eq(r.worst, WN_REVIEW_CAUTION);     /* the final step from 2 mg */
	wn_review_free(&r);
}

/* 4 mg -> 2 mg on day 1 -> 0 on day 2. */
Test(review, alprazolam_two_days_names_seizures)
{
	static const struct plan c = {
		.drug = "alprazolam", .forms = { "tablet 1 mg" }, .method = WN_TAPER_LINEAR,
		.from = 4, .step = 2, .every = 1,
	};
	static const struct want want[] = {
		/* step 1 asks (4-2)/4 = 50% > 10% within 14 days; step 2 stops 1
		 * day after that cut, inside 14 days: the run is steps 1-2 */
		{ .kind = WN_REVIEW_PACE, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 2,
		  .words = { "up to 100% of the dose within 14 days", "Ashton Manual",
		             "seizures", "US FDA" },
		  .src = "S19 S15 S37" },
		/* the stop removes 2 mg, step 1 removed 2 mg: not more */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_INFO, .step = 2, .step_to = 2,
		  .words = { "the last dose, 2 mg, is 50% of the starting dose",
		             "earlier steps removed up to 2 mg" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 3);
	cr_expect_float_eq(r.steps[1].nominal_pct, 50, 1e-9);   /* 2 of 4 mg */
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 1, 0, 2);
	wn_review_free(&r);
}

/* 4 mg -> 0 in one step, 28 days later. */
Test(review, alprazolam_abrupt_stop)
{
	static const struct plan c = {
		.drug = "alprazolam", .forms = { "tablet 1 mg" }, .method = WN_TAPER_LINEAR,
		.from = 4, .step = 4, .every = 28,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
		  .words = { "the last dose, 4 mg, is 100% of the starting dose",
		             "the only cut, so the plan stops at once", "seizures" },
		  .src = "S37" },
	};
	struct wn_review r;
	review_of(&c, &r);
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 1, 0, 1);
	wn_review_free(&r);
}

/* A diazepam plan at the published pace: 10% every 14 days with a 1 mg/ml
 * solution (0.1 mg steps).  No pace finding; the stop, from 0.1 mg, is
 * smaller than the first step (2 mg), so it is only a note. */
Test(review, diazepam_at_the_published_pace)
{
	static const struct plan c = {
		.drug = "diazepam", .forms = { "oral solution 5 mg/5ml" }, .method = WN_TAPER_PERCENT,
		.from = 20, .step = 10, .every = 14,
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_expect_eq(count(&r, WN_REVIEW_PACE), 0);
	const struct wn_review_finding *f = find(&r, WN_REVIEW_FINAL, r.n_steps - 1);
	cr_assert_not_null(f);
	cr_expect_eq(f->level, WN_REVIEW_INFO, "%s", f->text);
	cr_expect(strstr(f->text, "the last dose, 0.1 mg") != NULL, "%s", f->text);
	cr_expect(strstr(f->text, "up to 2 mg") != NULL, "%s", f->text);   /* 20 -> 18 */
	wn_review_free(&r);
}

/* Tablets of 10 mg (halves: 5 mg) and drops of 40 mg/ml (0.1 mL = 4 mg):
 * 20 -> 18 asked; 20 is nearest (tablets; drops tie 16/20, higher) but is
 * the current dose, so the higher of the next lower doses, 16 (drops) vs
 * 15 (tablets), is taken; then 16 x 0.9 = 14.4 -> 15 (tablets). */
static const struct plan citalopram_mixed = {
	.drug = "citalopram", .forms = { "tablet 10 mg /2", "oral drops 40 mg/ml" },
	.method = WN_TAPER_PERCENT, .from = 20, .step = 10, .every = 28,
};

Test(review, citalopram_tablets_and_drops)
{
	static const struct want want[] = {
		/* 16 mg of drops x 1.25 = 20 mg of tablets: (20-20)/20 = 0% */
		{ .kind = WN_REVIEW_FORM_SWITCH, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
		  .words = { "from tablet 10 mg /2 to oral drops 40 mg/ml",
		             "16 mg of oral drops 40 mg/ml act like about 20 mg of tablets",
		             "approximate factor of 1.25",
		             "this step makes no change where the doses show a cut of 20%" },
		  .src = "S9" },
		/* 20 mg tablet-equivalent -> 15 mg: (20-15)/20 = 25%, shown
		 * (16-15)/16 = 6.25%: 25 > 1.5 x 6.25 */
		{ .kind = WN_REVIEW_FORM_SWITCH, .level = WN_REVIEW_WARNING, .step = 2, .step_to = 2,
		  .words = { "from oral drops 40 mg/ml to tablet 10 mg /2", "makes a cut of 25%" } },
		/* 8 mg drops = 10 mg tablets -> 5 mg: real (10-5)/10 = 50%, shown
		 * (8-5)/8 = 37.5%: 50 <= 1.5 x 37.5 = 56.25 and 37.5 >= 25 */
		{ .kind = WN_REVIEW_FORM_SWITCH, .level = WN_REVIEW_CAUTION, .step = 6, .step_to = 6,
		  .words = { "makes a cut of 50% where the doses show a cut of 37.5%" } },
	};
	static const double doses[] = { 20, 16, 15, 12, 10, 8, 5, 4, 0 };
	struct wn_review r;
	review_of(&citalopram_mixed, &r);
	cr_assert_eq(r.n_steps, (int)N_OF(doses));
	for (size_t i = 0; i < N_OF(doses); i++)
		cr_expect_float_eq(r.steps[i].dose, doses[i], 1e-9, "step %zu", i);
	cr_expect_float_eq(r.steps[1].factor, 1.25, 1e-12);
	cr_expect_float_eq(r.steps[2].factor, 1, 1e-12);
	expect_findings(&r, want, N_OF(want));
	cr_expect_eq(count(&r, WN_REVIEW_FORM_SWITCH), 7);    /* steps 1-7 alternate */
	wn_review_free(&r);
}

/* A custom plan going back up across a switch: 16 mg of drops act like
 * 16 x 1.25 = 20 mg of tablets, so 20 mg of tablets is no rise at all,
 * where the doses show (16-20)/16 = -25%, a rise of 25%. */
Test(review, switch_that_hides_a_rise)
{
	static const struct plan c = {
		.drug = "citalopram", .forms = { "tablet 10 mg /2", "oral drops 40 mg/ml" },
		.method = WN_TAPER_CUSTOM, .from = 16, .custom = { { 28, 20 } }, .n_custom = 1,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_FORM_SWITCH, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
		  .words = { "from oral drops 40 mg/ml to tablet 10 mg /2",
		             "makes no change where the doses show a rise of 25%" } },
	};
	struct wn_review r;
	char sum[80];
	review_of(&c, &r);
	expect_findings(&r, want, N_OF(want));
	wn_review_summary(&r, sum, sizeof sum);
	cr_expect_str_eq(sum, "1 warning: form switch at step 1: no change in tablet terms");
	wn_review_free(&r);
}

/* --form tablet: 20 -> 18 rounds to 20, so 15; 13.5 -> 15, so 10;
 * 9 -> 10, so 5; 4.5 -> 5, so 0. */
Test(review, citalopram_on_one_form)
{
	struct plan c = citalopram_mixed;
	c.only = "tablet";
	static const double doses[] = { 20, 15, 10, 5, 0 };
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, (int)N_OF(doses));
	for (size_t i = 0; i < N_OF(doses); i++) {
		cr_expect_float_eq(r.steps[i].dose, doses[i], 1e-9, "step %zu", i);
		if (doses[i] > 0)
			cr_expect_str_eq(r.steps[i].form_text, "tablet 10 mg /2", "step %zu", i);
	}
	cr_expect_eq(count(&r, WN_REVIEW_FORM_SWITCH), 0);
	wn_review_free(&r);
}

/* Escitalopram, caudate (Emax 75.35, ED50 0.66), 10 points every 28 days,
 * no forms: occ(20) = 1507/20.66 = 72.943.
 *   step 1: 62.943 -> 0.66 x 62.943 / 12.407 = 3.348 mg -> 3.35 (0.01 mg)
 *           asked (20 - 3.348)/20 = 83.3%
 *   step 2: 52.943 -> 34.942/22.407 = 1.559; asked (3.35-1.559)/3.35 = 53.4%
 *   step 3: 42.943 -> 28.342/32.407 = 0.875; asked (1.56-0.875)/1.56 = 43.9%
 *   step 4: 32.943 -> 21.742/42.407 = 0.513; asked (0.87-0.513)/0.87 = 41.1%
 *   step 5: 22.943 -> 15.142/52.407 = 0.289; asked (0.51-0.289)/0.51 = 43.3%
 *   step 6: 12.943 ->  8.542/62.407 = 0.137; asked (0.29-0.137)/0.29 = 52.8%
 *   step 7:  2.943 ->  1.942/72.407 = 0.027; asked (0.14-0.027)/0.14 = 80.8%
 *   step 8: below 0 -> 0 mg.
 * Above 50%: steps 1-2 and 6-7. */
Test(review, escitalopram_occupancy_first_cut)
{
	static const struct plan c = {
		.drug = "escitalopram", .method = WN_TAPER_OCCUPANCY, .from = 20, .step = 10,
		.every = 28,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_PACE, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 2,
		  .words = { "cut up to 83.3% of the dose in one step",
		             "Emax 75.35%, ED50 0.66 mg, caudate, sources S3 S2, approximate",
		             "NICE NG222", "50% of the dose within 7 days" },
		  .src = "S38 S27 S4 S5" },
		{ .kind = WN_REVIEW_PACE, .level = WN_REVIEW_WARNING, .step = 6, .step_to = 7,
		  .words = { "up to 80.8%" } },
		{ .kind = WN_REVIEW_NO_FORM, .level = WN_REVIEW_CAUTION, .step = -1, .step_to = -1,
		  .words = { "0.01 mg", "the smallest planned dose is 0.03 mg" } },
		/* occ(0.03) = 2.2605/0.69 = 3.28 points; step 3 removed
		 * occ(1.56) - occ(0.87) = 117.546/2.22 - 65.5545/1.53
		 * = 52.95 - 42.85 = 10.10, the most of any step */
		{ .kind = WN_REVIEW_FINAL, .level = WN_REVIEW_INFO, .step = 8, .step_to = 8,
		  .words = { "3.3 points", "up to 10.1 points" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 9);
	cr_expect_float_eq(r.steps[1].dose, 3.35, 1e-9);
	cr_expect_float_eq(r.steps[1].nominal_dose, 3.3483, 1e-4);
	cr_expect_float_eq(r.steps[1].nominal_pts, 10, 1e-9);      /* the method's step */
	cr_expect_float_eq(r.steps[1].cut_pts, 9.9946, 1e-3);      /* 72.9429 - 252.4225/4.01 */
	cr_expect_str_eq(r.sert.region, "caudate");
	expect_findings(&r, want, N_OF(want));
	expect_levels(&r, 2, 1, 4);
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 0);  /* 0.01 mg: NO_FORM's */
	wn_review_free(&r);
}

Test(review, escitalopram_above_the_fitted_range)
{
	static const struct plan c = {
		.drug = "escitalopram", .method = WN_TAPER_OCCUPANCY, .from = 40, .step = 10,
		.every = 28,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_OUTSIDE_FIT, .level = WN_REVIEW_CAUTION, .step = 0, .step_to = 0,
		  .words = { "The starting dose, 40 mg, is above 30 mg", "extrapolated" },
		  .src = "S3 S2" },
	};
	struct wn_review r;
	review_of(&c, &r);
	expect_findings(&r, want, N_OF(want));
	cr_expect_eq(count(&r, WN_REVIEW_OUTSIDE_FIT), 1);
	wn_review_free(&r);
}

/* ---- the other kinds ---------------------------------------------------------------- */

/* Custom, 10 mg tablets: 50 -> 40 -> 40 -> 35; 35 needs half a tablet. */
Test(review, custom_absorbed_and_undeliverable)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "tablet 10 mg" }, .method = WN_TAPER_CUSTOM,
		.from = 50, .custom = { { 28, 40 }, { 56, 40 }, { 84, 35 } }, .n_custom = 3,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_ABSORBED, .level = WN_REVIEW_CAUTION, .step = 2, .step_to = 2,
		  .words = { "Step 2 (2026-03-02) keeps the dose at 40 mg", "slower" } },
		{ .kind = WN_REVIEW_UNDELIVERABLE, .level = WN_REVIEW_CAUTION, .step = 3, .step_to = 3,
		  .words = { "Step 3 (2026-03-30) plans 35 mg" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	expect_findings(&r, want, N_OF(want));
	/* cuts as listed: (50-40)/50 = 20%, 0, (40-35)/40 = 12.5%: under 50% */
	cr_expect_eq(count(&r, WN_REVIEW_PACE), 0);
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 0);
	cr_expect_eq(count(&r, WN_REVIEW_FINAL), 0);      /* it ends at 35 mg */
	expect_levels(&r, 0, 2, 2);
	wn_review_free(&r);
}

/* --round 5 with 50 mg tablets, 10% from 100: 100, 90, 80 (81), 70 (72),
 * 65 (63), 60 (58.5), 55 (54), 50 (49.5), 45, 40 (40.5), 35 (36),
 * 30 (31.5), 25 (27), then 22.5, 18, 13.5 and 9 round back to the current
 * dose: 20, 15, 10, 5, and 4.5 -> 5 -> 0.  Steps 1-16 except 50 mg (step
 * 7) cannot be made from 50 mg tablets: step 1 and 14 more. */
Test(review, rounding_step_the_forms_cannot_make)
{
	static const struct plan c = {
		.drug = "sertraline", .forms = { "tablet 50 mg" }, .method = WN_TAPER_PERCENT,
		.from = 100, .step = 10, .every = 28, .round_q = 5,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_UNDELIVERABLE, .level = WN_REVIEW_WARNING, .step = 1, .step_to = 1,
		  .words = { "multiples of 5 mg", "Step 1 (2026-02-02) plans 90 mg",
		             "and 14 more steps" } },
		/* (30-25)/30 = 16.7% > 15% */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 12, .step_to = 12,
		  .words = { "rounding to multiples of 5 mg cuts 16.7%", "smaller rounding step" } },
		/* (10-5)/10 = 50% */
		{ .kind = WN_REVIEW_ROUNDING_JUMP, .level = WN_REVIEW_WARNING, .step = 16, .step_to = 16,
		  .words = { "cuts 50% of the dose (10 to 5 mg)" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	cr_assert_eq(r.n_steps, 18);
	expect_findings(&r, want, N_OF(want));
	cr_expect_null(find(&r, WN_REVIEW_ROUNDING_JUMP, 11));   /* (35-30)/35 = 14.3% */
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 5);     /* steps 12-16 */
	wn_review_free(&r);
}

/* No form, no rounding step: 0.01 mg steps, down to 0.02 -> 0.01 -> 0. */
Test(review, no_form_recorded)
{
	static const struct plan c = {
		.drug = "paroxetine", .method = WN_TAPER_PERCENT, .from = 20, .step = 10, .every = 28,
	};
	static const struct want want[] = {
		{ .kind = WN_REVIEW_NO_FORM, .level = WN_REVIEW_CAUTION, .step = -1, .step_to = -1,
		  .words = { "rounds every dose to 0.01 mg", "the smallest planned dose is 0.01 mg" } },
	};
	struct wn_review r;
	review_of(&c, &r);
	expect_findings(&r, want, N_OF(want));
	cr_expect_eq(count(&r, WN_REVIEW_ROUNDING_JUMP), 0);
	cr_expect_eq(r.findings[0].kind, WN_REVIEW_NO_FORM);    /* whole-plan first */
	wn_review_free(&r);
}

/* Pregabalin 300 -> 150 -> 0 mg with 150 mg capsules. */
struct gaba_case { int every; int warnings; const char *words; };

Test(review, gabapentinoid_stop_within_a_week)
{
	static const struct gaba_case cases[] = {
		/* day 3 and day 6: 6 - 3 = 3 days < 7 */
		{ .every = 3, .warnings = 1, .words = "Step 2 (2026-01-11) stops 3 days after the first cut" },
		/* day 7 and day 14: 14 - 7 = 7 days, not under 7 */
		{ .every = 7, .warnings = 0 },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct plan c = {
			.drug = "pregabalin", .forms = { "capsule 150 mg" }, .method = WN_TAPER_LINEAR,
			.from = 300, .step = 150, .every = cases[i].every,
		};
		struct wn_review r;
		review_of(&c, &r);
		cr_expect_eq(r.n_warnings, cases[i].warnings, "every %d", cases[i].every);
		const struct wn_review_finding *f = find(&r, WN_REVIEW_PACE, 2);
		if (cases[i].words) {
			cr_assert_not_null(f);
			cr_expect(strstr(f->text, cases[i].words) != NULL, "%s", f->text);
			cr_expect(strstr(f->text, "at least 7 days") != NULL, "%s", f->text);
			cr_expect(strstr(f->text, "seizures") != NULL, "%s", f->text);
			cr_expect_str_eq(f->src, "S39 S40");               /* each id once */
		}
		/* 150 mg at the stop, 150 mg at step 1: not more, a note */
		cr_expect_eq(find(&r, WN_REVIEW_FINAL, 2)->level, WN_REVIEW_INFO);
		wn_review_free(&r);
	}
}

/* Without the drug reference there is no pace and no marketed form, and a
 * medication in mcg keeps the drug's mg facts out. */
Test(review, unknown_drug_and_other_units)
{
	struct plan c = sertraline_tablets;
	c.drug = NULL;
	struct wn_review r;
	review_of(&c, &r);
	const struct wn_review_finding *f = find(&r, WN_REVIEW_ROUNDING_JUMP, 1);
	cr_assert_not_null(f);
	cr_expect(strstr(f->text, "a finer form, such as a liquid") != NULL, "%s", f->text);
	cr_expect_str_eq(f->src, "");
	/* the stop is no jump without a form to go on with */
	cr_expect_null(find(&r, WN_REVIEW_ROUNDING_JUMP, 2));
	/* no occupancy without the drug: the stop removes 50 mg, step 1 too */
	f = find(&r, WN_REVIEW_FINAL, 2);
	cr_expect_eq(f->level, WN_REVIEW_INFO);
	cr_expect(strstr(f->text, "earlier steps removed up to 50 mg") != NULL, "%s", f->text);
	cr_expect(isnan(r.steps[1].cut_pts));
	wn_review_free(&r);

	c = sertraline_tablets;
	c.unit = "mcg";
	review_of(&c, &r);
	f = find(&r, WN_REVIEW_ROUNDING_JUMP, 1);
	cr_assert_not_null(f);
	cr_expect(strstr(f->text, "(100 to 50 mcg)") != NULL, "%s", f->text);
	cr_expect(strstr(f->text, "concentrate") == NULL, "%s", f->text);
	cr_expect_str_eq(r.unit, "mcg");
	wn_review_free(&r);
}

Test(review, bad_input)
{
	struct wn_review r;
	struct wn_err err = { 0 };
	struct wn_review_input in = { 0 };
	cr_expect_eq(wn_review_build(&in, &r, &err), WN_USAGE);
	cr_expect_null(r.steps);
	cr_expect_eq(wn_review_build(NULL, &r, &err), WN_USAGE);
	cr_expect_eq(wn_review_build(&in, NULL, &err), WN_USAGE);
	wn_review_free(NULL);
}

/* ---- SERT parameters by region ---------------------------------------------------------- */

struct sert_case { const char *drug, *region; int rc; double emax, ed50; const char *name; };

Test(review, sert_from_the_reference)
{
	static const struct sert_case cases[] = {
		{ "escitalopram", NULL, WN_OK, 75.35, 0.66, "caudate" },
		{ "escitalopram", "putamen", WN_OK, 69.32, 1.22, "putamen" },
		{ "escitalopram", "nowhere", WN_DATAERR, 0, 0, "" },
		{ "mirtazapine", NULL, WN_DATAERR, 0, 0, "" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct wn_drug d;
		struct wn_review_sert s;
		cr_assert_eq(wn_drugref_lookup(ref, cases[i].drug, &d, NULL), WN_OK);
		cr_expect_eq(wn_review_sert_from(&d, cases[i].region, &s), cases[i].rc, "%zu", i);
		cr_expect_float_eq(s.emax, cases[i].emax, 1e-9, "%zu", i);
		cr_expect_float_eq(s.ed50, cases[i].ed50, 1e-9, "%zu", i);
		cr_expect_str_eq(s.region, cases[i].name, "%zu", i);
		cr_expect_str_eq(s.src, cases[i].rc == WN_OK ? "S3 S2" : "", "%zu", i);
		cr_expect_eq(s.approximate, cases[i].rc == WN_OK, "%zu", i);
	}
}

/* ---- text ----------------------------------------------------------------------------------- */

static void expect_plain_lines(const char *s)
{
	int col = 0;
	for (const char *p = s; *p; p++) {
		cr_assert(*p == '\n' || (*p >= 0x20 && *p < 0x7f), "byte 0x%02x", (unsigned char)*p);
		col = *p == '\n' ? 0 : col + 1;
		cr_assert_leq(col, 80, "a line over 80 columns in:\n%s", s);
	}
}

/* "safe" and "chose" never appear, in any case. */
static void expect_no_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = s; *p; p++)
		cr_expect(strncasecmp(p, w, n) != 0, "'%s' in:\n%s", w, s);
}

Test(review, text_is_plain_and_names_the_plan)
{
	const struct plan *plans[] = { &sertraline_tablets, &citalopram_mixed };
	for (size_t i = 0; i < N_OF(plans); i++) {
		struct wn_review r;
		struct wn_buf b;
		wn_buf_init(&b);
		review_of(plans[i], &r);
		cr_assert_eq(wn_review_text(&r, true, &b), WN_OK);
		expect_plain_lines(b.s);
		expect_no_word(b.s, "safe");
		expect_no_word(b.s, "chose");
		cr_expect(strstr(b.s, "the plan entered in wean") != NULL);
		cr_expect(strstr(b.s, "Discuss every change with your prescriber.") != NULL);
		wn_buf_free(&b);
		wn_review_free(&r);
	}
}

Test(review, text_table_and_findings)
{
	struct wn_review r;
	struct wn_buf b;
	wn_buf_init(&b);
	review_of(&sertraline_tablets, &r);
	cr_assert_eq(wn_review_text(&r, true, &b), WN_OK);
	/* step 1: asked 10%, cut (100-50)/100 = 50%, 85.42 - 79.70 = 5.7 points */
	cr_expect(strstr(b.s, "\n   1  2026-02-02  50 mg       10%        50%      5.7       "
	                      "tablet 50 mg\n") != NULL, "%s", b.s);
	cr_expect(strstr(b.s, "Emax 92.01%, ED50 7.72 mg,\nstriatum, sources S3 S2, "
	                      "approximate.") != NULL, "%s", b.s);
	cr_expect(strstr(b.s, "Findings: 2 warnings, 1 caution, 0 notes\n") != NULL, "%s", b.s);
	cr_expect(strstr(b.s, "\nWARNING  Step 1 (2026-02-02): rounding") != NULL, "%s", b.s);
	cr_expect(strstr(b.s, "[S11 S12 S9]") != NULL, "%s", b.s);
	wn_buf_reset(&b);
	cr_assert_eq(wn_review_text(&r, false, &b), WN_OK);
	cr_expect(strstr(b.s, "step  date") == NULL);
	wn_buf_free(&b);
	wn_review_free(&r);
}

struct summary_case { const struct plan *plan; const char *want; };

static const struct plan alprazolam_fast = {
	.drug = "alprazolam", .forms = { "tablet 1 mg" }, .method = WN_TAPER_LINEAR,
	.from = 4, .step = 2, .every = 1,
};
static const struct plan pregabalin_week = {
	.drug = "pregabalin", .forms = { "capsule 150 mg" }, .method = WN_TAPER_LINEAR,
	.from = 300, .step = 150, .every = 7,
};
static const struct plan paroxetine_custom = {
	.drug = "paroxetine", .forms = { "tablet 10 mg" }, .method = WN_TAPER_CUSTOM,
	.from = 20, .custom = { { 28, 20 } }, .n_custom = 1,
};

Test(review, one_line_summary)
{
	static const struct summary_case cases[] = {
		{ &sertraline_tablets, "2 warnings: step 1 cuts 50% after rounding" },
		{ &alprazolam_fast, "1 warning: steps 1-2 faster than the published pace" },
		{ &paroxetine_custom, "1 caution: step 1 keeps the dose" },
		{ &pregabalin_week, "step 2 stops from 150 mg" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct wn_review r;
		char buf[80], small[8];
		review_of(cases[i].plan, &r);
		wn_review_summary(&r, buf, sizeof buf);
		cr_expect_str_eq(buf, cases[i].want);
		wn_review_summary(&r, small, sizeof small);
		cr_expect_eq(strlen(small), 7u);             /* cut to fit */
		wn_review_free(&r);
	}
	char buf[8] = "x";
	wn_review_summary(NULL, buf, sizeof buf);
	cr_expect_str_eq(buf, "");
}

Test(review, names)
{
	cr_expect_str_eq(wn_review_level_name(WN_REVIEW_WARNING), "warning");
	cr_expect_str_eq(wn_review_level_name(WN_REVIEW_INFO), "info");
	cr_expect_str_eq(wn_review_kind_name(WN_REVIEW_ROUNDING_JUMP), "rounding jump");
	cr_expect_str_eq(wn_review_kind_name(WN_REVIEW_UNDELIVERABLE), "undeliverable dose");
	cr_expect_str_eq(wn_review_kind_name((enum wn_review_kind)99), "?");
}

/* ---- keeping a plan on one form ------------------------------------------------------------- */

struct only_case { const char *label; int rc, kept; const char *first; };

Test(review, one_form_filter)
{
	static const char *const texts[] = {
		"tablet 10 mg /2", "tablet 20 mg", "oral drops 40 mg/ml", "capsule 75 mg 300 beads",
	};
	static const struct only_case cases[] = {
		{ "tablet", WN_OK, 2, "tablet 10 mg /2" },
		{ "Tablets", WN_OK, 2, "tablet 10 mg /2" },
		{ "oral drops", WN_OK, 1, "oral drops 40 mg/ml" },
		{ "liquid", WN_OK, 1, "oral drops 40 mg/ml" },
		{ " capsule ", WN_OK, 1, "capsule 75 mg 300 beads" },
		{ "tablet 20 mg", WN_OK, 1, "tablet 20 mg" },
		{ "ORAL DROPS 40 mg/ml", WN_OK, 1, "oral drops 40 mg/ml" },
		{ "patch", WN_DATAERR, 4, "tablet 10 mg /2" },
		{ "  ", WN_USAGE, 4, "tablet 10 mg /2" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct wn_form f[4];
		struct wn_err err = { 0 };
		char t[96];
		int n = 4;
		for (int k = 0; k < 4; k++)
			cr_assert_eq(wn_taper_form_parse(texts[k], &f[k], NULL), WN_OK);
		cr_expect_eq(wn_review_form_only(f, &n, cases[i].label, &err), cases[i].rc,
		             "'%s': %s", cases[i].label, err.msg);
		cr_expect_eq(n, cases[i].kept, "'%s'", cases[i].label);
		wn_taper_form_format(&f[0], t, sizeof t);
		cr_expect_str_eq(t, cases[i].first, "'%s'", cases[i].label);
		if (cases[i].rc == WN_DATAERR)
			cr_expect(strstr(err.hint, "oral drops 40 mg/ml") != NULL, "%s", err.hint);
	}
}
