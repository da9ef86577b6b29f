/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for together.c: the combined schedule of two plans and the
 * approximate diazepam-equivalent range, with values computed by hand. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/together.h"
#include "core/plan.h"

static struct wn_drug drug(const char *cls, double equiv, double hi, const char *va)
{
	struct wn_drug d;
	memset(&d, 0, sizeof d);
	snprintf(d.drug_class, sizeof d.drug_class, "%s", cls);
	d.diazepam_equiv = equiv;
	d.diazepam_equiv_hi = hi;
	snprintf(d.diazepam_equiv_va, sizeof d.diazepam_equiv_va, "%s", va);
	return d;
}

/* A custom plan from start with the given later steps. */
static void custom(struct wn_plan *p, struct wn_schedule *s, wn_date start, double from,
                   const struct wn_taper_point *pts, int n)
{
	memset(p, 0, sizeof *p);
	wn_taper_params_init(&p->params);
	p->params.method = WN_TAPER_CUSTOM;
	p->params.start = start;
	p->params.from_dose = from;
	p->params.custom = pts;
	p->params.n_custom = n;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_taper_build(&p->params, s, &err), WN_OK, "%s", err.msg);
}

Test(together, diazepam_range_uses_both_sources)
{
	/* alprazolam: 0.5 mg (Ashton) or 1 mg (VA/DoD) equal 10 mg diazepam,
	 * so 2 mg is 20 to 40 mg diazepam. */
	struct wn_drug a = drug("benzodiazepine", 0.5, 0.5, "1");
	double lo, hi;
	cr_assert_eq(wn_together_diazepam(&a, "mg", 2, &lo, &hi), WN_OK);
	cr_assert_float_eq(lo, 20, 1e-9);
	cr_assert_float_eq(hi, 40, 1e-9);
	/* diazepam itself: exact */
	struct wn_drug dz = drug("benzodiazepine", 10, 10, "10");
	cr_assert_eq(wn_together_diazepam(&dz, "mg", 7.5, &lo, &hi), WN_OK);
	cr_assert_float_eq(lo, 7.5, 1e-9);
	cr_assert_float_eq(hi, 7.5, 1e-9);
	/* a range in the VA column: "1-2" */
	struct wn_drug c = drug("benzodiazepine", 0, 0, "1-2");
	cr_assert_eq(wn_together_diazepam(&c, "mg", 1, &lo, &hi), WN_OK);
	cr_assert_float_eq(lo, 5, 1e-9);
	cr_assert_float_eq(hi, 10, 1e-9);
}

Test(together, no_equivalent_is_noinput)
{
	struct wn_drug s = drug("SSRI", 0, 0, "");
	double lo, hi;
	cr_assert_eq(wn_together_diazepam(&s, "mg", 50, &lo, &hi), WN_NOINPUT);
	cr_assert_eq(wn_together_diazepam(NULL, "mg", 50, &lo, &hi), WN_NOINPUT);
	struct wn_drug a = drug("benzodiazepine", 0.5, 0.5, "1");
	cr_assert_eq(wn_together_diazepam(&a, "mL", 2, &lo, &hi), WN_NOINPUT,
	             "a liquid volume is not a mg dose");
}

Test(together, ashton_switch_rows)
{
	wn_date d0;
	cr_assert_eq(wn_date_parse_iso("2026-11-01", &d0, NULL), WN_OK);
	const struct wn_taper_point ap[] = { { d0 + 14, 1.5 }, { d0 + 28, 1 }, { d0 + 42, 0 } };
	const struct wn_taper_point dp[] = { { d0 + 14, 10 }, { d0 + 35, 15 } };
	struct wn_plan pa, pd;
	struct wn_schedule sa, sd;
	custom(&pa, &sa, d0, 2, ap, 3);
	custom(&pd, &sd, d0 + 7, 5, dp, 2);
	struct wn_drug a = drug("benzodiazepine", 0.5, 0.5, "1");
	struct wn_drug dz = drug("benzodiazepine", 10, 10, "10");
	struct wn_together_med m[2] = {
		{ "alprazolam", "mg", &pa, &sa, &a, 0 },
		{ "diazepam", "mg", &pd, &sd, &dz, 0 },
	};
	struct wn_together_row *r;
	size_t n;
	cr_assert(wn_together_has_equiv(m, 2));
	cr_assert_eq(wn_together_rows(m, 2, &r, &n, NULL), WN_OK);
	/* change days: d0, d0+7, d0+14, d0+28, d0+35, d0+42 */
	cr_assert_eq(n, 6);
	cr_assert_eq(r[0].date, d0);
	cr_assert_float_eq(r[0].dose[0], 2, 1e-9);
	cr_assert(isnan(r[0].dose[1]), "diazepam has not started on day 0");
	cr_assert_float_eq(r[0].dz_lo, 20, 1e-9);
	cr_assert_float_eq(r[0].dz_hi, 40, 1e-9);
	cr_assert_eq(r[1].date, d0 + 7);
	cr_assert_float_eq(r[1].dz_lo, 25, 1e-9);       /* 20 + 5 */
	cr_assert_float_eq(r[1].dz_hi, 45, 1e-9);       /* 40 + 5 */
	cr_assert_eq(r[2].date, d0 + 14);
	cr_assert_float_eq(r[2].dose[0], 1.5, 1e-9);
	cr_assert_float_eq(r[2].dose[1], 10, 1e-9);
	cr_assert_float_eq(r[2].dz_lo, 25, 1e-9);       /* 15 + 10 */
	cr_assert_float_eq(r[2].dz_hi, 40, 1e-9);       /* 30 + 10 */
	cr_assert_eq(r[5].date, d0 + 42);
	cr_assert_float_eq(r[5].dose[0], 0, 1e-9);
	cr_assert_float_eq(r[5].dz_lo, 15, 1e-9);
	cr_assert_float_eq(r[5].dz_hi, 15, 1e-9);
	cr_assert(!r[5].dz_partial);
	free(r);
	wn_taper_free(&sa);
	wn_taper_free(&sd);
}

Test(together, cross_taper_without_equivalents)
{
	wn_date d0;
	cr_assert_eq(wn_date_parse_iso("2026-01-05", &d0, NULL), WN_OK);
	const struct wn_taper_point p1[] = { { d0 + 28, 10 } };
	const struct wn_taper_point p2[] = { { d0 + 14, 50 } };
	struct wn_plan a, b;
	struct wn_schedule sa, sb;
	custom(&a, &sa, d0, 20, p1, 1);
	custom(&b, &sb, d0, 25, p2, 1);
	struct wn_drug ssri = drug("SSRI", 0, 0, "");
	struct wn_together_med m[2] = {
		{ "paroxetine", "mg", &a, &sa, &ssri, 0 },
		{ "mirtazapine", "mg", &b, &sb, NULL, 0 },
	};
	struct wn_together_row *r;
	size_t n;
	cr_assert(!wn_together_has_equiv(m, 2));
	cr_assert_eq(wn_together_rows(m, 2, &r, &n, NULL), WN_OK);
	cr_assert_eq(n, 3);
	cr_assert(isnan(r[0].dz_lo));
	cr_assert_float_eq(r[1].dose[0], 20, 1e-9);
	cr_assert_float_eq(r[1].dose[1], 50, 1e-9);
	cr_assert_float_eq(r[2].dose[0], 10, 1e-9);
	free(r);
	wn_taper_free(&sa);
	wn_taper_free(&sb);
}

Test(together, benzo_without_equivalent_marks_partial)
{
	wn_date d0;
	cr_assert_eq(wn_date_parse_iso("2026-01-05", &d0, NULL), WN_OK);
	const struct wn_taper_point p1[] = { { d0 + 7, 1 } };
	struct wn_plan a, b;
	struct wn_schedule sa, sb;
	custom(&a, &sa, d0, 2, p1, 1);
	custom(&b, &sb, d0, 10, p1, 1);
	struct wn_drug unknown = drug("benzodiazepine", 0, 0, "");
	struct wn_drug dz = drug("benzodiazepine", 10, 10, "10");
	struct wn_together_med m[2] = {
		{ "somebenzo", "mg", &a, &sa, &unknown, 0 },
		{ "diazepam", "mg", &b, &sb, &dz, 0 },
	};
	struct wn_together_row *r;
	size_t n;
	cr_assert_eq(wn_together_rows(m, 2, &r, &n, NULL), WN_OK);
	cr_assert(r[0].dz_partial);
	cr_assert_float_eq(r[0].dz_lo, 10, 1e-9);
	free(r);
	wn_taper_free(&sa);
	wn_taper_free(&sb);
}

Test(together, needs_two_plans)
{
	struct wn_together_row *r;
	size_t n;
	struct wn_err err = { 0 };
	cr_assert_eq(wn_together_rows(NULL, 1, &r, &n, &err), WN_USAGE);
	cr_assert_null(r);
}

Test(together, equivalent_as_text)
{
	char b[64];
	struct wn_together_row r = { .dz_lo = 25, .dz_hi = 45 };
	cr_assert_str_eq(wn_together_equiv_text(&r, b, sizeof b), "~25-45 mg");
	r.dz_lo = r.dz_hi = 18;
	r.dz_partial = true;
	cr_assert_str_eq(wn_together_equiv_text(&r, b, sizeof b), "~18 mg (+ others)");
	r.dz_lo = r.dz_hi = NAN;
	cr_assert_str_eq(wn_together_equiv_text(&r, b, sizeof b), "-");
}
