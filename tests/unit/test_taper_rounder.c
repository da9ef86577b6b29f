/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the prepared rounding (struct wn_rounder, suite
 * "taper_rounder") and for the schedule and review built with it: on many
 * random forms, doses and plans, every answer must be byte for byte what
 * the straightforward computation gives (wn_taper_round, _below,
 * _describe, each working everything out again).  The random seed is
 * printed; WEAN_SEED=N repeats a run. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/review.h"
#include "core/taper.h"
#include "core/taper_form.h"
#include "core/taper_round.h"
#include "core/text.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))
#define START 20458L           /* 2026-01-05 */

static uint64_t rng;

static uint64_t next_u64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int pick_int(int n)
{
	return (int)(next_u64() % (uint64_t)n);
}

static double pick_real(double lo, double hi)
{
	return lo + (hi - lo) * (double)(next_u64() >> 11) / 9007199254740992.0;
}

static uint64_t seed_rng(const char *what)
{
	const char *s = getenv("WEAN_SEED");
	uint64_t seed = s && *s ? strtoull(s, NULL, 10) : (uint64_t)time(NULL);
	rng = seed ? seed * 2654435761u + 1 : 88172645463325252u;
	fprintf(stderr, "taper_rounder %s: seed %llu (WEAN_SEED=%llu repeats it)\n",
	        what, (unsigned long long)seed, (unsigned long long)seed);
	return seed;
}

/* A random form that wn_taper_form_check accepts. */
static void random_form(struct wn_form *f)
{
	static const double strengths[] = { 0.25, 0.5, 1, 2, 2.5, 5, 10, 12.5, 20, 25,
	                                    37.5, 50, 75, 100, 150, 0.125, 3.3, 7 };
	static const double concs[] = { 0.4, 1, 2, 4, 20, 40, 0.05, 2.5, 12 };
	static const double steps[] = { 0, 0.1, 0.01, 0.05, 0.001, 0.5, 1, 0.2, 0.025 };
	static const int divs[] = { 1, 2, 4 };
	memset(f, 0, sizeof *f);
	f->divisible = 1;
	switch (pick_int(9)) {
	case 0: case 1: case 2: case 3:
		f->kind = WN_TAPER_TABLET;
		f->strength_mg = pick_int(6) ? strengths[pick_int(N_OF(strengths))]
		                             : round(pick_real(0.01, 80) * 1000) / 1000;
		f->divisible = divs[pick_int(3)];
		snprintf(f->label, sizeof f->label, "%s", pick_int(2) ? "tablet" : "odt");
		break;
	case 4: case 5:
		f->kind = WN_TAPER_CAPSULE;
		f->strength_mg = strengths[pick_int(N_OF(strengths))];
		snprintf(f->label, sizeof f->label, "capsule");
		break;
	case 6: case 7:
		f->kind = WN_TAPER_LIQUID;
		f->conc_mg_per_ml = concs[pick_int(N_OF(concs))];
		f->ml_step = steps[pick_int(N_OF(steps))];
		snprintf(f->label, sizeof f->label, "%s", pick_int(2) ? "liquid" : "oral drops");
		break;
	default:
		if (pick_int(3)) {
			f->kind = WN_TAPER_BEADS;
			f->strength_mg = strengths[pick_int(N_OF(strengths))];
			f->beads_per_capsule = 1 + pick_int(300);
			snprintf(f->label, sizeof f->label, "XR capsule");
		} else {
			f->kind = WN_TAPER_OTHER;
			f->strength_mg = 10;
			snprintf(f->label, sizeof f->label, "patch");
		}
		break;
	}
}

static int random_forms(struct wn_form *f, int max)
{
	int n = pick_int(5) ? 1 + pick_int(max) : 0;
	for (int i = 0; i < n; i++)
		random_form(&f[i]);
	return n;
}

static double random_dose(const struct wn_form *f, int nf)
{
	switch (pick_int(12)) {
	case 0: return 0;
	case 1: return -pick_real(0, 10);
	case 2: return pick_int(2) ? NAN : INFINITY;
	case 3: return pick_real(0, 1e-6);
	case 4: return pick_real(100, 3000);
	case 5:    /* a whole number of some form's pieces: exact doses */
		if (nf) {
			const struct wn_form *g = &f[pick_int(nf)];
			double a = g->kind == WN_TAPER_LIQUID ? g->conc_mg_per_ml * 0.1 : g->strength_mg / 4;
			return a * (1 + pick_int(40));
		}
		return 5;
	case 6: return round(pick_real(0, 200)) / 4;
	default: return pick_real(0, 120);
	}
}

/* Both ways, every entry point, with room for the whole how, a short
 * buffer and none. */
static void compare_one(struct wn_rounder *rd, const struct wn_rounding *r, double dose,
                        uint64_t seed)
{
	static const size_t sizes[] = { WN_TAPER_HOW, 12, 1 };
	for (unsigned k = 0; k < N_OF(sizes); k++) {
		size_t n = sizes[k];
		char a[WN_TAPER_HOW], b[WN_TAPER_HOW];
		memset(a, 'x', sizeof a);
		memset(b, 'x', sizeof b);
		double da = wn_taper_round(r, dose, a, n), db = wn_rounder_round(rd, dose, b, n);
		cr_assert(da == db || (isnan(da) && isnan(db)),
		          "seed %llu: round(%.17g) %.17g != %.17g", (unsigned long long)seed,
		          dose, da, db);
		cr_assert_str_eq(a, b, "seed %llu: round(%.17g), room %zu",
		                 (unsigned long long)seed, dose, n);
		da = wn_taper_round_below(r, dose, a, n);
		db = wn_rounder_below(rd, dose, b, n);
		cr_assert(da == db, "seed %llu: below(%.17g) %.17g != %.17g",
		          (unsigned long long)seed, dose, da, db);
		cr_assert_str_eq(a, b, "seed %llu: below(%.17g), room %zu",
		                 (unsigned long long)seed, dose, n);
		wn_taper_round_describe(r, dose, a, n);
		wn_rounder_describe(rd, dose, b, n);
		cr_assert_str_eq(a, b, "seed %llu: describe(%.17g), room %zu",
		                 (unsigned long long)seed, dose, n);
	}
	cr_assert_eq(wn_taper_round(r, dose, NULL, 0), wn_rounder_round(rd, dose, NULL, 0));
}

Test(taper_rounder, same_answers_as_wn_taper_round)
{
	uint64_t seed = seed_rng("same_answers_as_wn_taper_round");
	static const double quanta[] = { 0.5, 0.25, 0.1, 1, 2.5, 0.0001, 0.3 };
	for (int set = 0; set < 1500; set++) {
		struct wn_form f[6];
		struct wn_rounding r = { 0, f, random_forms(f, 5) };
		if (pick_int(5) == 0)
			r.quantum = quanta[pick_int(N_OF(quanta))];
		if (pick_int(40) == 0)
			r.forms = NULL;
		struct wn_rounder rd;
		wn_rounder_init(&rd, &r);
		for (int i = 0; i < 30; i++)
			compare_one(&rd, &r, random_dose(f, r.n_forms), seed);
		wn_rounder_free(&rd);
	}
}

Test(taper_rounder, null_rounding_and_many_forms)
{
	uint64_t seed = seed_rng("null_rounding_and_many_forms");
	struct wn_rounder rd;
	wn_rounder_init(&rd, NULL);
	for (int i = 0; i < 50; i++) {
		double d = random_dose(NULL, 0);
		cr_assert_eq(wn_taper_round(NULL, d, NULL, 0), wn_rounder_round(&rd, d, NULL, 0));
		cr_assert_eq(wn_taper_round_below(NULL, d, NULL, 0),
		             wn_rounder_below(&rd, d, NULL, 0));
	}
	wn_rounder_free(&rd);
	/* more forms than rounding looks at: only the first 32 count */
	struct wn_form f[40];
	for (int i = 0; i < 40; i++)
		random_form(&f[i]);
	struct wn_rounding r = { 0, f, 40 };
	wn_rounder_init(&rd, &r);
	for (int i = 0; i < 200; i++)
		compare_one(&rd, &r, random_dose(f, 40), seed);
	wn_rounder_free(&rd);
}

/* ---- schedules: wn_taper_build against the rules worked out here ---------- */

static double target(const struct wn_taper_params *p, int k, double cur, double occ0)
{
	double occ;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		return cur * (1.0 - p->step / 100.0);
	case WN_TAPER_OCCUPANCY:
		occ = occ0 - k * p->step;
		return occ <= 0 ? 0 : wn_taper_dose_for_occupancy(occ, p->emax, p->ed50);
	case WN_TAPER_LINEAR:
		return cur - p->step;
	case WN_TAPER_CUSTOM:
		break;
	}
	return 0;
}

/* The doses and hows of taper.h's rules, rounded by wn_taper_round. */
static int reference_schedule(const struct wn_taper_params *p, double *dose,
                              char (*how)[WN_TAPER_HOW], int cap)
{
	struct wn_rounding r = { p->round_q, p->forms, p->n_forms };
	double eps = WN_TAPER_ROUND_EPS, cur = p->from_dose;
	double occ0 = wn_taper_occupancy(p->from_dose, p->emax, p->ed50);
	int n = 0;
	dose[n] = p->from_dose;
	wn_taper_round_describe(&r, p->from_dose, how[n++], WN_TAPER_HOW);
	for (int k = 1; n < cap; k++) {
		double want = target(p, k, cur, occ0), d = 0;
		char h[WN_TAPER_HOW] = "";
		if (want > eps) {
			d = wn_taper_round(&r, want, h, sizeof h);
			if (d >= cur - eps)
				d = wn_taper_round_below(&r, cur, h, sizeof h);
		}
		if (d > eps && d < p->floor_dose - eps)
			d = 0;
		bool end = false;
		if (p->to_dose > 0 && d <= p->to_dose + eps) {
			d = p->to_dose;
			wn_taper_round_describe(&r, d, h, sizeof h);
			end = true;
		} else if (d <= eps) {
			snprintf(h, sizeof h, "none");
			end = true;
		}
		dose[n] = d;
		memcpy(how[n++], h, WN_TAPER_HOW);
		if (end)
			break;
		cur = d;
	}
	return n;
}

static void random_params(struct wn_taper_params *p, struct wn_form *f)
{
	wn_taper_params_init(p);
	p->start = START;
	p->every_days = 1 + pick_int(42);
	p->forms = f;
	p->n_forms = random_forms(f, 4);
	for (int i = 0; i < p->n_forms; i++)
		if (f[i].kind == WN_TAPER_OTHER)
			f[i].kind = WN_TAPER_CAPSULE;     /* keep every form usable */
	p->from_dose = pick_int(3) ? round(pick_real(1, 300)) : pick_real(0.5, 60);
	switch (pick_int(3)) {
	case 0:
		p->method = WN_TAPER_PERCENT;
		p->step = pick_int(2) ? 10 : pick_real(1, 60);
		break;
	case 1:
		p->method = WN_TAPER_LINEAR;
		p->step = p->from_dose / (2 + pick_int(30));
		break;
	default:
		p->method = WN_TAPER_OCCUPANCY;
		p->emax = 85 + pick_real(0, 10);
		p->ed50 = pick_real(1, 20);
		p->step = pick_real(2, 20);
		break;
	}
	if (pick_int(2))
		p->emax = p->emax ? p->emax : 90, p->ed50 = p->ed50 ? p->ed50 : 8;
	if (pick_int(4) == 0)
		p->round_q = pick_int(2) ? 0.5 : 0.25;
	if (pick_int(3) == 0)
		p->floor_dose = p->from_dose * pick_real(0, 0.3);
	else if (pick_int(3) == 0)
		p->to_dose = p->from_dose * pick_real(0, 0.5);
}

Test(taper_rounder, schedules_as_the_rules_say)
{
	uint64_t seed = seed_rng("schedules_as_the_rules_say");
	static double dose[WN_TAPER_MAX_STEPS];
	static char how[WN_TAPER_MAX_STEPS][WN_TAPER_HOW];
	int built = 0;
	for (int plan = 0; plan < 600; plan++) {
		struct wn_form f[5];
		struct wn_taper_params p;
		struct wn_schedule s;
		random_params(&p, f);
		if (wn_taper_build(&p, &s, NULL) != WN_OK)
			continue;
		built++;
		int n = reference_schedule(&p, dose, how, p.max_steps);
		cr_assert_eq(s.n, n, "seed %llu plan %d: %d steps, the rules give %d",
		             (unsigned long long)seed, plan, s.n, n);
		for (int i = 0; i < n; i++) {
			cr_assert_eq(s.steps[i].dose, dose[i], "seed %llu plan %d step %d: %.17g != %.17g",
			             (unsigned long long)seed, plan, i, s.steps[i].dose, dose[i]);
			cr_assert_str_eq(s.steps[i].how, how[i], "seed %llu plan %d step %d",
			                 (unsigned long long)seed, plan, i);
			cr_assert_eq(s.steps[i].moved, 0);
		}
		wn_taper_free(&s);
	}
	cr_assert_gt(built, 300, "only %d of 600 random plans built", built);
}

/* ---- the review's forms against wn_taper_round and wn_taper_form_format ---- */

static bool solid(const struct wn_form *f)
{
	return f->kind == WN_TAPER_TABLET || f->kind == WN_TAPER_CAPSULE;
}

static bool makes(const struct wn_form *f, int n, double dose)
{
	struct wn_rounding r = { 0, f, n };
	return fabs(wn_taper_round(&r, dose, NULL, 0) - dose) <= 1e-6;
}

/* review.h: the form that delivers the dose and its words. */
static int reference_form(const struct wn_taper_params *p, double dose, char *text, size_t n)
{
	struct wn_form s[32];
	int ns = 0, first = -1, tab = 0, cap = 0;
	text[0] = '\0';
	if (dose <= 1e-6)
		return -1;
	for (int i = 0; i < p->n_forms; i++) {
		if (solid(&p->forms[i])) {
			first = first < 0 ? i : first;
			s[ns++] = p->forms[i];
			tab += p->forms[i].kind == WN_TAPER_TABLET;
			cap += p->forms[i].kind == WN_TAPER_CAPSULE;
		}
	}
	if (ns && makes(s, ns, dose)) {
		if (ns == 1)
			wn_taper_form_format(&s[0], text, n);
		else
			snprintf(text, n, "%s", !cap ? "tablets" : !tab ? "capsules"
			                                           : "tablets and capsules");
		return first;
	}
	for (int i = 0; i < p->n_forms; i++) {
		if (p->forms[i].kind != WN_TAPER_OTHER && !solid(&p->forms[i]) &&
		    makes(&p->forms[i], 1, dose)) {
			wn_taper_form_format(&p->forms[i], text, n);
			return i;
		}
	}
	return -1;
}

Test(taper_rounder, review_forms_as_rounding_says)
{
	uint64_t seed = seed_rng("review_forms_as_rounding_says");
	int reviewed = 0;
	for (int plan = 0; plan < 400; plan++) {
		struct wn_form f[5];
		struct wn_taper_params p;
		struct wn_schedule s;
		struct wn_review rv;
		random_params(&p, f);
		if (wn_taper_build(&p, &s, NULL) != WN_OK)
			continue;
		struct wn_review_input in = { .params = &p, .schedule = &s };
		cr_assert_eq(wn_review_build(&in, &rv, NULL), WN_OK);
		reviewed++;
		for (int i = 0; i < rv.n_steps; i++) {
			char text[WN_REVIEW_FORM];
			int fi = reference_form(&p, s.steps[i].dose, text, sizeof text);
			cr_assert_eq(rv.steps[i].form, fi, "seed %llu plan %d step %d: form %d != %d",
			             (unsigned long long)seed, plan, i, rv.steps[i].form, fi);
			cr_assert_str_eq(rv.steps[i].form_text, text, "seed %llu plan %d step %d",
			                 (unsigned long long)seed, plan, i);
			cr_assert_eq(rv.steps[i].factor, 1.0);
		}
		wn_review_free(&rv);
		wn_taper_free(&s);
	}
	cr_assert_gt(reviewed, 200, "only %d of 400 random plans reviewed", reviewed);
}

/* ---- a form's text against the syntax written out with snprintf ---------- */

static int label_kind(const char *label, bool *only_words)
{
	char buf[WN_FORM_LABEL];
	int kind = WN_TAPER_OTHER, n = 0;
	*only_words = true;
	snprintf(buf, sizeof buf, "%s", label);
	for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		n++;
		if (isdigit((unsigned char)w[0]) || (w[0] == '.' && isdigit((unsigned char)w[1])))
			*only_words = false;
		if (!strcasecmp(w, "tablet") || !strcasecmp(w, "tablets") || !strcasecmp(w, "tab") ||
		    !strcasecmp(w, "odt"))
			kind = WN_TAPER_TABLET;
		else if (!strcasecmp(w, "capsule") || !strcasecmp(w, "capsules") ||
		         !strcasecmp(w, "cap"))
			kind = WN_TAPER_CAPSULE;
	}
	*only_words = *only_words && n > 0 && n <= 16;
	return kind;
}

static void reference_format(const struct wn_form *f, char *buf, size_t n)
{
	static const char *const words[] = { "tablet", "capsule", "liquid", "capsule", "form" };
	char name[WN_FORM_LABEL + 16], amount[32], step[32], extra[48] = "";
	bool only, liquid = f->kind == WN_TAPER_LIQUID;
	int kind = label_kind(f->label, &only);
	bool says = only && (liquid || (f->kind == WN_TAPER_BEADS ? kind == WN_TAPER_CAPSULE
	                                                          : kind == (int)f->kind));
	if (says)
		snprintf(name, sizeof name, "%s", f->label);
	else
		snprintf(name, sizeof name, "%s%s%s", f->label, f->label[0] ? " " : "",
		         words[f->kind]);
	wn_text_num(liquid ? f->conc_mg_per_ml : f->strength_mg, 5, amount, sizeof amount);
	if (wn_taper_form_parts(f) > 1)
		snprintf(extra, sizeof extra, " /%d", wn_taper_form_parts(f));
	else if (f->kind == WN_TAPER_BEADS)
		snprintf(extra, sizeof extra, " %d beads", f->beads_per_capsule);
	else if (liquid && fabs(wn_taper_form_ml_step(f) - WN_TAPER_ML_STEP) > 1e-9)
		snprintf(extra, sizeof extra, " by %s ml",
		         wn_text_num(wn_taper_form_ml_step(f), 3, step, sizeof step));
	/* cut to n as wn_taper_form_format cuts it */
	int w = snprintf(buf, n, "%s %s %s%s", name, amount, liquid ? "mg/ml" : "mg", extra);
	cr_assert_geq(w, 0);
}

Test(taper_rounder, form_text_as_written_out)
{
	static const char *const labels[] = {
		"", "tablet", "odt", "capsule", "XR capsule", "liquid", "oral drops", "  tab  ",
		"tablet capsule", "capsule tablet", "film-coated tablet", "caps", "a b c d e f g h i j k l m n o p q",
		"a b c d e f g h i j k l m n o p", "tablet 5", "Tablet", ".5 tablet", "tab\tlet",
		"vial .x", "x 1"
	};
	uint64_t seed = seed_rng("form_text_as_written_out");
	for (int i = 0; i < 5000; i++) {
		struct wn_form f;
		char a[96], b[96];
		random_form(&f);
		if (pick_int(2))
			snprintf(f.label, sizeof f.label, "%s", labels[pick_int(N_OF(labels))]);
		size_t n = pick_int(4) ? sizeof a : 1 + (size_t)pick_int(30);
		reference_format(&f, a, n);
		wn_taper_form_format(&f, b, n);
		cr_assert_str_eq(b, a, "seed %llu: form '%s' kind %d, room %zu",
		                 (unsigned long long)seed, f.label, (int)f.kind, n);
	}
}
