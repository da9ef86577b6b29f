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
	double strength, conc;
	int div, beads;
	const char *label;
};

static const struct form_case form_cases[] = {
	{ .text = "tablet 25 mg", .kind = WN_TAPER_TABLET, .strength = 25, .div = 1, .label = "tablet" },
	{ .text = "tablet 25 mg /2", .kind = WN_TAPER_TABLET, .strength = 25, .div = 2, .label = "tablet" },
	{ .text = "Tablet 25mg halves", .kind = WN_TAPER_TABLET, .strength = 25, .div = 2, .label = "Tablet" },
	{ .text = "tablet 10 mg quarters", .kind = WN_TAPER_TABLET, .strength = 10, .div = 4, .label = "tablet" },
	{ .text = "ODT 0.125 mg", .kind = WN_TAPER_TABLET, .strength = 0.125, .div = 1, .label = "ODT" },
	{ .text = "liquid 2 mg/ml", .kind = WN_TAPER_LIQUID, .conc = 2, .div = 1, .label = "liquid" },
	{ .text = "oral solution 10 mg/5ml", .kind = WN_TAPER_LIQUID, .conc = 2, .div = 1, .label = "oral solution" },
	{ .text = "oral solution 20 mg/5 ml", .kind = WN_TAPER_LIQUID, .conc = 4, .div = 1, .label = "oral solution" },
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
