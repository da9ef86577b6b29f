/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for taper_form.c (suite "taper_form"): the form syntax read
 * and written back, and its errors. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/taper_form.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

struct form_case {
	const char *text;
	enum wn_taper_kind kind;
	double strength, conc, ml;   /* ml: a liquid's step, 0.1 unless "by" */
	int div, beads;
	const char *label;
};

static const struct form_case form_cases[] = {
	{ .text = "tablet 25 mg", .kind = WN_TAPER_TABLET, .strength = 25, .div = 1, .label = "tablet" },
	{ .text = "tablet 25 mg /2", .kind = WN_TAPER_TABLET, .strength = 25, .div = 2, .label = "tablet" },
	{ .text = "Tablet 25mg halves", .kind = WN_TAPER_TABLET, .strength = 25, .div = 2, .label = "Tablet" },
	{ .text = "tablet 10 mg quarters", .kind = WN_TAPER_TABLET, .strength = 10, .div = 4, .label = "tablet" },
	{ .text = "ODT 0.125 mg", .kind = WN_TAPER_TABLET, .strength = 0.125, .div = 1, .label = "ODT" },
	{ .text = "liquid 2 mg/ml", .kind = WN_TAPER_LIQUID, .conc = 2, .ml = 0.1, .div = 1, .label = "liquid" },
	{ .text = "oral solution 10 mg/5ml", .kind = WN_TAPER_LIQUID, .conc = 2, .ml = 0.1, .div = 1, .label = "oral solution" },
	{ .text = "oral solution 20 mg/5 ml", .kind = WN_TAPER_LIQUID, .conc = 4, .ml = 0.1, .div = 1, .label = "oral solution" },
	/* how finely a liquid is measured: "by N ml" or "by Nml", any case */
	{ .text = "liquid 20 mg/ml by 0.01 ml", .kind = WN_TAPER_LIQUID, .conc = 20, .ml = 0.01, .div = 1, .label = "liquid" },
	{ .text = "Oral solution 10 mg/5ml BY 0.05ML", .kind = WN_TAPER_LIQUID, .conc = 2, .ml = 0.05, .div = 1, .label = "Oral solution" },
	{ .text = "drops 40 mg/ml by 0.001 ml", .kind = WN_TAPER_LIQUID, .conc = 40, .ml = 0.001, .div = 1, .label = "drops" },
	{ .text = "liquid 2 mg/ml by 5 mL", .kind = WN_TAPER_LIQUID, .conc = 2, .ml = 5, .div = 1, .label = "liquid" },
	{ .text = "liquid 2 mg/ml by 0.1 ml", .kind = WN_TAPER_LIQUID, .conc = 2, .ml = 0.1, .div = 1, .label = "liquid" },
	{ .text = "  XR capsule   75 mg ", .kind = WN_TAPER_CAPSULE, .strength = 75, .div = 1, .label = "XR capsule" },
	{ .text = "XR capsule 75 mg 150 beads", .kind = WN_TAPER_BEADS, .strength = 75, .div = 1, .beads = 150, .label = "XR capsule" },
	{ .text = "patch 5 mg", .kind = WN_TAPER_OTHER, .strength = 5, .div = 1, .label = "patch" },
};

Test(taper_form, parse_table)
{
	for (size_t i = 0; i < N_OF(form_cases); i++) {
		const struct form_case *c = &form_cases[i];
		struct wn_form f;
		struct wn_err err = { 0 };
		cr_assert_eq(wn_taper_form_parse(c->text, &f, &err), WN_OK,
		             "'%s': %s", c->text, err.msg);
		cr_expect_eq(f.kind, c->kind, "'%s' kind", c->text);
		cr_expect_float_eq(f.strength_mg, c->strength, 1e-9, "'%s'", c->text);
		cr_expect_float_eq(f.conc_mg_per_ml, c->conc, 1e-9, "'%s'", c->text);
		cr_expect_float_eq(f.ml_step, c->ml, 1e-12, "'%s' ml_step", c->text);
		cr_expect_eq(f.divisible, c->div, "'%s' divisible", c->text);
		cr_expect_eq(f.beads_per_capsule, c->beads, "'%s' beads", c->text);
		cr_expect_str_eq(f.label, c->label, "'%s' label", c->text);
	}
}

Test(taper_form, format_roundtrips)
{
	for (size_t i = 0; i < N_OF(form_cases); i++) {
		struct wn_form a, b;
		char text[128];
		cr_assert_eq(wn_taper_form_parse(form_cases[i].text, &a, NULL), WN_OK);
		wn_taper_form_format(&a, text, sizeof text);
		cr_assert_eq(wn_taper_form_parse(text, &b, NULL), WN_OK, "'%s'", text);
		cr_expect(memcmp(&a, &b, sizeof a) == 0, "'%s' -> '%s'",
		          form_cases[i].text, text);
	}
	char text[128];
	struct wn_form bare = { .kind = WN_TAPER_TABLET, .strength_mg = 25, .divisible = 2 };
	wn_taper_form_format(&bare, text, sizeof text);
	cr_expect_str_eq(text, "tablet 25 mg /2");
	struct wn_form beads = { .kind = WN_TAPER_BEADS, .strength_mg = 75,
	                         .beads_per_capsule = 150, .label = "XR" };
	wn_taper_form_format(&beads, text, sizeof text);
	cr_expect_str_eq(text, "XR capsule 75 mg 150 beads");
	struct wn_form sol;
	wn_taper_form_parse("oral solution 10 mg/5ml", &sol, NULL);
	wn_taper_form_format(&sol, text, sizeof text);
	cr_expect_str_eq(text, "oral solution 2 mg/ml");
}

/* The step is written back only when it is not 0.1 mL, with no trailing
 * zeros. */
Test(taper_form, format_writes_the_liquid_step)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "liquid 20 mg/mL by 0.01 mL", "liquid 20 mg/ml by 0.01 ml" },
		{ "oral solution 10 mg/5ml by 0.05ml", "oral solution 2 mg/ml by 0.05 ml" },
		{ "liquid 2 mg/ml by 0.100 ml", "liquid 2 mg/ml" },
		{ "liquid 2 mg/ml by 1 ml", "liquid 2 mg/ml by 1 ml" },
		{ "liquid 2 mg/ml by 0.250 ml", "liquid 2 mg/ml by 0.25 ml" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct wn_form f;
		char text[128];
		cr_assert_eq(wn_taper_form_parse(cases[i].in, &f, NULL), WN_OK, "%s", cases[i].in);
		wn_taper_form_format(&f, text, sizeof text);
		cr_expect_str_eq(text, cases[i].out, "'%s'", cases[i].in);
	}
	/* a liquid built without the parser (ml_step 0) is the default */
	struct wn_form bare = { .kind = WN_TAPER_LIQUID, .conc_mg_per_ml = 20 };
	char text[128];
	wn_taper_form_format(&bare, text, sizeof text);
	cr_expect_str_eq(text, "liquid 20 mg/ml");
	cr_expect_float_eq(wn_taper_form_ml_step(&bare), 0.1, 1e-12);
	struct wn_form tab = { .kind = WN_TAPER_TABLET, .strength_mg = 5, .divisible = 1 };
	cr_expect_float_eq(wn_taper_form_ml_step(&tab), 0.1, 1e-12);
}

/* A stored form keeps its text, not its step: the step read back from it. */
Test(taper_form, step_from_stored_text)
{
	static const struct { const char *text; double ml; } cases[] = {
		{ "liquid 20 mg/ml by 0.01 ml", 0.01 },
		{ "liquid 20 mcg/mL BY 0.05mL", 0.05 },   /* kept in the medication's unit */
		{ "liquid 20 mg/ml", 0.1 },
		{ "liquid 20 mg/ml by 9 ml", 0.1 },        /* not a step: the default */
		{ "liquid 20 mg/ml by", 0.1 },
		{ "drops by Lundbeck 40 mg/ml", 0.1 },     /* "by" as a word of the name */
		{ "", 0.1 },
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		cr_expect_float_eq(wn_taper_form_text_ml_step(cases[i].text), cases[i].ml, 1e-12,
		                   "'%s'", cases[i].text);
	cr_expect_float_eq(wn_taper_form_text_ml_step(NULL), 0.1, 1e-12);
}

Test(taper_form, volume_decimals)
{
	static const struct { double ml; int dec; } cases[] = {
		{ 0.1, 1 }, { 0.01, 2 }, { 0.05, 2 }, { 0.001, 3 }, { 0.125, 3 },
		{ 0.25, 2 }, { 0.5, 1 }, { 1, 0 }, { 2.5, 1 }, { 5, 0 },
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		cr_expect_eq(wn_taper_form_ml_decimals(cases[i].ml), cases[i].dec, "%g", cases[i].ml);
}

struct bad_form { const char *text; const char *msg; };

static const struct bad_form bad_forms[] = {
	{ "", "empty" },
	{ "25 mg", "needs a kind" },
	{ "tablet", "needs an amount" },
	{ "tablet 25 kg", "amount" },
	{ "tablet 0 mg", "above 0" },
	{ "liquid 0 mg/ml", "above 0" },
	{ "patch 0 mg", "above 0" },
	{ "capsule 75 mg /2", "only a tablet can be split" },
	{ "liquid 2 mg/ml /2", "liquid cannot be split" },
	{ "tablet 25 mg 150 beads", "only a capsule" },
	{ "capsule 75 mg 0 beads", "bead count" },
	{ "tablet 25 mg blue", "unknown word 'blue'" },
	{ "tablet 25 mg /3", "unknown word '/3'" },
	{ "tablet 25 mg by 0.01 ml", "only a liquid is measured 'by N ml'" },
	{ "capsule 75 mg 150 beads by 0.01 ml", "only a liquid is measured" },
	{ "patch 5 mg by 1 ml", "only a liquid is measured" },
	{ "liquid 20 mg/ml by", "'by 0.01 ml' (0.001 to 5 ml)" },
	{ "liquid 20 mg/ml by 0 ml", "'by 0.01 ml'" },
	{ "liquid 20 mg/ml by 0.0005 ml", "'by 0.01 ml'" },     /* below 0.001 */
	{ "liquid 20 mg/ml by 0.0015 ml", "'by 0.01 ml'" },     /* not whole 0.001 mL */
	{ "liquid 20 mg/ml by 5.001 ml", "'by 0.01 ml'" },      /* above 5 */
	{ "liquid 20 mg/ml by -0.01 ml", "'by 0.01 ml'" },
	{ "liquid 20 mg/ml by 0.01 mg", "'by 0.01 ml'" },
	{ "liquid 20 mg/ml by 0.01", "'by 0.01 ml'" },
	{ "liquid 20 mg/ml by syringe", "'by 0.01 ml'" },
	{ "liquid 20 mg/ml by 0.01 ml /2", "liquid cannot be split" },
};

Test(taper_form, parse_errors)
{
	for (size_t i = 0; i < N_OF(bad_forms); i++) {
		struct wn_form f;
		struct wn_err err = { 0 };
		cr_expect_eq(wn_taper_form_parse(bad_forms[i].text, &f, &err), WN_USAGE,
		             "'%s' accepted", bad_forms[i].text);
		cr_expect(strstr(err.msg, bad_forms[i].msg) != NULL,
		          "'%s': message '%s'", bad_forms[i].text, err.msg);
		cr_expect(strchr(err.msg, '\n') == NULL);
	}
	cr_expect_eq(wn_taper_form_parse(NULL, NULL, NULL), WN_USAGE);
	struct wn_form odd = { .kind = WN_TAPER_TABLET, .strength_mg = 5, .divisible = 3 };
	cr_expect_eq(wn_taper_form_check(&odd, NULL), WN_USAGE);
	struct wn_form tab_step = { .kind = WN_TAPER_TABLET, .strength_mg = 5, .divisible = 1,
	                            .ml_step = 0.01 };
	cr_expect_eq(wn_taper_form_check(&tab_step, NULL), WN_USAGE);
	struct wn_form liq = { .kind = WN_TAPER_LIQUID, .conc_mg_per_ml = 20, .ml_step = 7 };
	cr_expect_eq(wn_taper_form_check(&liq, NULL), WN_USAGE);
	liq.ml_step = 0.01;
	cr_expect_eq(wn_taper_form_check(&liq, NULL), WN_OK);
	liq.ml_step = 0;                       /* the default */
	cr_expect_eq(wn_taper_form_check(&liq, NULL), WN_OK);
}

Test(taper_form, parts_and_amounts)
{
	static const struct {
		struct wn_form f;
		int parts;
	} cases[] = {
		{ .f = { .kind = WN_TAPER_TABLET, .strength_mg = 25, .divisible = 2 }, .parts = 2 },
		{ .f = { .kind = WN_TAPER_TABLET, .strength_mg = 10, .divisible = 4 }, .parts = 4 },
		{ .f = { .kind = WN_TAPER_TABLET, .strength_mg = 10, .divisible = 3 }, .parts = 1 },
		{ .f = { .kind = WN_TAPER_CAPSULE, .strength_mg = 20, .divisible = 2 }, .parts = 1 },
		{ .f = { .kind = WN_TAPER_LIQUID, .conc_mg_per_ml = 2 }, .parts = 1 },
	};

	for (size_t i = 0; i < N_OF(cases); i++)
		cr_expect_eq(wn_taper_form_parts(&cases[i].f), cases[i].parts, "case %zu", i);
	cr_expect(wn_taper_form_amount_ok(0.001));
	cr_expect(wn_taper_form_amount_ok(WN_TAPER_MAX_DOSE));
	cr_expect_not(wn_taper_form_amount_ok(0));
	cr_expect_not(wn_taper_form_amount_ok(-1));
	cr_expect_not(wn_taper_form_amount_ok(NAN));
	cr_expect_not(wn_taper_form_amount_ok(INFINITY));
	cr_expect_not(wn_taper_form_amount_ok(WN_TAPER_MAX_DOSE * 2));
}
