/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for taper_round.c (suite "taper_round"): a dose rounded to
 * what the forms deliver, and how to take it.  Expected values are worked
 * out by hand (see the comments next to them). */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/taper_form.h"
#include "core/taper_round.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

struct round_case {
	const char *forms[3];
	double q, dose, want;
	const char *how;
};

static const struct round_case round_cases[] = {
	{ .forms = { "tablet 25 mg /2" }, .dose = 37.5, .want = 37.5,
	  .how = "1 x 25 mg + 1/2 x 25 mg" },
	{ .forms = { "tablet 25 mg /2" }, .dose = 30, .want = 25, .how = "1 x 25 mg" },
	/* 31.25 is halfway between 25 and 37.5: ties go to the higher dose */
	{ .forms = { "tablet 25 mg /2" }, .dose = 31.25, .want = 37.5,
	  .how = "1 x 25 mg + 1/2 x 25 mg" },
	{ .forms = { "tablet 25 mg /2" }, .dose = 5, .want = 0, .how = "none" },
	{ .forms = { "tablet 10 mg /4" }, .dose = 7.4, .want = 7.5, .how = "3/4 x 10 mg" },
	{ .forms = { "tablet 50 mg", "tablet 25 mg" }, .dose = 75, .want = 75,
	  .how = "1 x 50 mg + 1 x 25 mg" },
	{ .forms = { "tablet 25 mg", "tablet 50 mg" }, .dose = 100, .want = 100,
	  .how = "2 x 50 mg" },
	/* a whole 12.5 mg tablet is preferred to half of a 25 mg one */
	{ .forms = { "tablet 25 mg /2", "tablet 12.5 mg" }, .dose = 12.5, .want = 12.5,
	  .how = "1 x 12.5 mg" },
	{ .forms = { "capsule 20 mg" }, .dose = 25, .want = 20, .how = "1 x 20 mg capsule" },
	{ .forms = { "liquid 2 mg/ml" }, .dose = 7.2, .want = 7.2, .how = "3.6 mL of 2 mg/mL" },
	{ .forms = { "liquid 2 mg/ml" }, .dose = 7.23, .want = 7.2, .how = "3.6 mL of 2 mg/mL" },
	{ .forms = { "XR capsule 75 mg 150 beads" }, .dose = 56, .want = 56,
	  .how = "112 beads of a 150-bead 75 mg capsule" },
	{ .forms = { "XR capsule 75 mg 150 beads" }, .dose = 56.2, .want = 56,
	  .how = "112 beads of a 150-bead 75 mg capsule" },
	{ .forms = { "XR capsule 75 mg 150 beads" }, .dose = 112.5, .want = 112.5,
	  .how = "1 x 75 mg capsule + 75 beads of a 150-bead 75 mg capsule" },
	/* measured by 0.01 mL, 20 mg/ml is 0.2 mg a step: 10.8 / 0.2 = 54
	 * steps = 0.54 mL exactly; 10.9 / 0.2 = 54.5, a tie, goes up to 11 mg
	 * (0.55 mL); 10 mg = 0.50 mL, the step's two decimals kept */
	{ .forms = { "liquid 20 mg/ml by 0.01 ml" }, .dose = 10.8, .want = 10.8,
	  .how = "0.54 mL of 20 mg/mL" },
	{ .forms = { "liquid 20 mg/ml by 0.01 ml" }, .dose = 10.9, .want = 11,
	  .how = "0.55 mL of 20 mg/mL" },
	{ .forms = { "liquid 20 mg/ml by 0.01 ml" }, .dose = 10, .want = 10,
	  .how = "0.50 mL of 20 mg/mL" },
	/* the default 0.1 mL is 2 mg: 10.8 / 2 = 5.4 -> 5 steps, 10 mg */
	{ .forms = { "liquid 20 mg/ml" }, .dose = 10.8, .want = 10, .how = "0.5 mL of 20 mg/mL" },
	/* by 0.05 mL = 1 mg: 10.8 -> 11 mg = 0.55 mL */
	{ .forms = { "liquid 20 mg/ml by 0.05 ml" }, .dose = 10.8, .want = 11,
	  .how = "0.55 mL of 20 mg/mL" },
	/* by 0.001 mL of 2 mg/ml = 0.002 mg: 0.0123 -> 6 steps, 0.012 mg */
	{ .forms = { "liquid 2 mg/ml by 0.001 ml" }, .dose = 0.0123, .want = 0.012,
	  .how = "0.006 mL of 2 mg/mL" },
	/* by 1 mL of 2 mg/ml = 2 mg: 7.2 -> 4 steps, 8 mg, no decimals */
	{ .forms = { "liquid 2 mg/ml by 1 ml" }, .dose = 7.2, .want = 8, .how = "4 mL of 2 mg/mL" },
	/* two liquids: the finer one comes nearer (10.8 exact against 10) */
	{ .forms = { "liquid 20 mg/ml", "liquid 20 mg/ml by 0.01 ml" }, .dose = 10.8,
	  .want = 10.8, .how = "0.54 mL of 20 mg/mL" },
	/* tablets and liquid: exact either way -> tablets; else the liquid */
	{ .forms = { "tablet 25 mg /2", "liquid 2 mg/ml" }, .dose = 50, .want = 50,
	  .how = "2 x 25 mg" },
	{ .forms = { "tablet 25 mg /2", "liquid 2 mg/ml" }, .dose = 45, .want = 45,
	  .how = "22.5 mL of 2 mg/mL" },
	/* a quantum rounds; the forms only describe an exact result */
	{ .q = 0.5, .dose = 36.45, .want = 36.5, .how = "" },
	{ .q = 0.5, .forms = { "tablet 25 mg /2" }, .dose = 37.4, .want = 37.5,
	  .how = "1 x 25 mg + 1/2 x 25 mg" },
	{ .q = 0.5, .forms = { "tablet 25 mg /2" }, .dose = 40.4, .want = 40.5, .how = "" },
	/* nothing to go by: 0.01 mg */
	{ .dose = 1.234, .want = 1.23, .how = "" },
	{ .forms = { "patch 5 mg" }, .dose = 1.236, .want = 1.24, .how = "" },
};

static int make_forms(const char *const *texts, struct wn_form *f)
{
	int n = 0;
	for (; n < 3 && texts[n]; n++)
		cr_assert_eq(wn_taper_form_parse(texts[n], &f[n], NULL), WN_OK, "%s", texts[n]);
	return n;
}

typedef double (*round_fn)(const struct wn_rounding *r, double dose, char *how,
                           size_t n);

/* Each case rounded with fn: the dose and how to take it. */
static void check_cases(const struct round_case *cases, size_t n, round_fn fn)
{
	for (size_t i = 0; i < n; i++) {
		const struct round_case *c = &cases[i];
		struct wn_form f[3];
		struct wn_rounding r = { .quantum = c->q, .forms = f };
		char how[WN_TAPER_HOW];
		r.n_forms = make_forms(c->forms, f);
		double got = fn(&r, c->dose, how, sizeof how);
		cr_expect_float_eq(got, c->want, 1e-9, "case %zu: %g -> %g, want %g",
		                   i, c->dose, got, c->want);
		cr_expect_str_eq(how, c->how, "case %zu how", i);
	}
}

Test(taper_round, nearest_table)
{
	check_cases(round_cases, N_OF(round_cases), wn_taper_round);
}

static const struct round_case below_cases[] = {
	{ .forms = { "tablet 25 mg /2" }, .dose = 37.5, .want = 25, .how = "1 x 25 mg" },
	{ .forms = { "tablet 25 mg /2" }, .dose = 12.5, .want = 0, .how = "none" },
	{ .forms = { "liquid 2 mg/ml" }, .dose = 7.2, .want = 7.0, .how = "3.5 mL of 2 mg/mL" },
	{ .forms = { "XR capsule 75 mg 150 beads" }, .dose = 0.5, .want = 0, .how = "none" },
	{ .forms = { "tablet 25 mg /2", "liquid 2 mg/ml" }, .dose = 25, .want = 24.8,
	  .how = "12.4 mL of 2 mg/mL" },
	/* by 0.01 mL of 20 mg/ml (0.2 mg): below 10.8 is 10.6 = 0.53 mL */
	{ .forms = { "liquid 20 mg/ml by 0.01 ml" }, .dose = 10.8, .want = 10.6,
	  .how = "0.53 mL of 20 mg/mL" },
	{ .forms = { "liquid 20 mg/ml by 0.01 ml" }, .dose = 0.2, .want = 0, .how = "none" },
	{ .q = 0.5, .dose = 2.0, .want = 1.5, .how = "" },
	{ .q = 0.5, .dose = 2.1, .want = 2.0, .how = "" },
};

Test(taper_round, below_table)
{
	check_cases(below_cases, N_OF(below_cases), wn_taper_round_below);
}

Test(taper_round, odd_inputs)
{
	char how[WN_TAPER_HOW];
	cr_expect_float_eq(wn_taper_round(NULL, 3.14159, how, sizeof how), 3.14, 1e-9);
	cr_expect_eq(wn_taper_round(NULL, -1, how, sizeof how), 0);
	cr_expect_str_eq(how, "none");
	cr_expect_eq(wn_taper_round(NULL, NAN, NULL, 0), 0);
	/* absurd quantum: no overflow, a finite answer */
	struct wn_rounding tiny = { .quantum = 1e-300 };
	cr_expect(isfinite(wn_taper_round(&tiny, 5, how, sizeof how)));
}

/* A dose taken as it is: the recipe only when the forms make it exactly. */
Test(taper_round, describe_exact_doses_only)
{
	static const struct {
		double q, dose;
		const char *how;
	} cases[] = {
		{ .dose = 37.5, .how = "1 x 25 mg + 1/2 x 25 mg" },
		{ .q = 0.5, .dose = 37.5, .how = "1 x 25 mg + 1/2 x 25 mg" },
		{ .dose = 30, .how = "" },
		{ .dose = 0, .how = "none" },
	};
	struct wn_form f;

	cr_assert_eq(wn_taper_form_parse("tablet 25 mg /2", &f, NULL), WN_OK);
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct wn_rounding r = { .quantum = cases[i].q, .forms = &f, .n_forms = 1 };
		char how[WN_TAPER_HOW];
		wn_taper_round_describe(&r, cases[i].dose, how, sizeof how);
		cr_expect_str_eq(how, cases[i].how, "case %zu", i);
	}
}
