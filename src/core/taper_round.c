/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_round.c -- rounding a dose to what the forms can deliver, and
 * saying how to take it; see core/taper_round.h.  Pure.
 *
 * Tablets and capsules combine on a grid of 1e-5 mg (the largest common
 * step of their pieces, found by a coin-change table over the grid); a
 * liquid gives steps of the mL it is measured by (0.1 mL unless its form
 * says "by N ml"), a bead capsule whole beads. */
#include "core/taper_round.h"
#include "taper_round_int.h"
#include "core/text.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


double tr_snap(double x)
{
	return round(x * 1e6) / 1e6;
}

/* snprintf(dst, n, "%s", src), without printf. */
void tr_set_text(char *dst, size_t n, const char *src)
{
	if (!dst || !n)
		return;
	size_t len = strnlen(src, n - 1);
	memmove(dst, src, len);
	dst[len] = '\0';
}


struct pick {
	double dose;
	char how[WN_TAPER_HOW];
};


static int unit_cmp(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	if (x->m != y->m)
		return x->m < y->m ? 1 : -1;
	return x->form - y->form;
}

int tr_collect_units(const struct wn_form *forms, int n, struct unit *u)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		const struct wn_form *f = &forms[i];
		if ((f->kind != WN_TAPER_TABLET && f->kind != WN_TAPER_CAPSULE) ||
		    !wn_taper_form_amount_ok(f->strength_mg))
			continue;
		int div = wn_taper_form_parts(f);
		for (int parts = 1; parts <= div && k < MAX_UNITS; parts *= 2) {
			long m = lround(f->strength_mg * RES / parts);
			if (m > 0)
				u[k++] = (struct unit){ m, i, 4 / parts,
				                        parts == 1 ? 10 : 11 };
		}
	}
	qsort(u, (size_t)k, sizeof *u, unit_cmp);
	return k;
}

long tr_gcd_l(long a, long b)
{
	while (b) {
		long t = a % b;
		a = b;
		b = t;
	}
	return a;
}


void tr_add_term(char *how, size_t n, const char *term)
{
	size_t len = strlen(how);
	if (len + strlen(term) + 4 >= n) {
		if (len + 4 < n)
			strcat(how, " ...");
		return;
	}
	if (len)
		strcat(how, " + ");
	strcat(how, term);
}

static void combo_how(const struct wn_form *forms, const struct unit *u, int nu,
                      const struct combo *c, char *how, size_t n)
{
	static const char *const frac[] = { "", "1/4", "1/2", "3/4" };
	bool seen[WN_TAPER_ROUND_MAX_FORMS] = { false };
	how[0] = '\0';
	for (int j = 0; j < nu; j++) {   /* units are sorted largest first */
		int fi = u[j].form;
		if (seen[fi] || c->q[fi] == 0)
			continue;
		seen[fi] = true;
		char s[32], term[80];
		const char *cap = forms[fi].kind == WN_TAPER_CAPSULE ? " capsule" : "";
		wn_text_num(forms[fi].strength_mg, 5, s, sizeof s);
		if (c->q[fi] / 4) {
			snprintf(term, sizeof term, "%ld x %s mg%s", c->q[fi] / 4, s, cap);
			tr_add_term(how, n, term);
		}
		if (c->q[fi] % 4) {
			snprintf(term, sizeof term, "%s x %s mg%s", frac[c->q[fi] % 4], s, cap);
			tr_add_term(how, n, term);
		}
	}
	if (!how[0])
		tr_set_text(how, n, "none");
}

/* Chooses grid index for `dose` among reachable points (cost != INT_MAX). */
long tr_grid_choose(const int *cost, long top, double g_mg, double dose,
                        enum rmode mode)
{
	long best = 0;
	if (mode == BELOW) {
		for (long i = top; i > 0; i--)
			if (cost[i] != INT_MAX && i * g_mg < dose - WN_TAPER_ROUND_EPS)
				return i;
		return 0;
	}
	double bd = dose;
	for (long i = 1; i <= top; i++) {
		double diff = fabs(i * g_mg - dose);
		if (cost[i] != INT_MAX && diff <= bd + WN_TAPER_ROUND_EPS) {
			best = i;
			bd = diff;
		}
	}
	return best;
}

/* Dynamic programme over multiples of g: fewest (whole) pieces. */
static bool grid_fill(const struct unit *u, int nu, long top, int *cost,
                      signed char *pick)
{
	cost[0] = 0;
	for (long i = 1; i <= top; i++) {
		int best = INT_MAX;
		for (int j = 0; j < nu; j++) {
			if (u[j].m > i || cost[i - u[j].m] == INT_MAX)
				continue;
			int c = cost[i - u[j].m] + u[j].cost;
			if (c < best) {
				best = c;
				pick[i] = (signed char)j;
			}
		}
		cost[i] = best;
	}
	return true;
}

static bool tablets_grid(const struct wn_form *forms, struct unit *u, int nu,
                         double dose, enum rmode mode, struct pick *out)
{
	long g = u[0].m;
	for (int j = 1; j < nu; j++)
		g = tr_gcd_l(g, u[j].m);
	double g_mg = g / RES;
	long top = (long)ceil(dose / g_mg) + (mode == NEAREST ? u[nu - 1].m / g : 0);
	if (top > GRID_MAX)
		return false;
	for (int j = 0; j < nu; j++)
		u[j].m /= g;
	int *cost = malloc((size_t)(top + 1) * sizeof *cost);
	signed char *pick = malloc((size_t)(top + 1));
	bool ok = cost && pick && grid_fill(u, nu, top, cost, pick);
	if (ok) {
		long i = tr_grid_choose(cost, top, g_mg, dose, mode);
		struct combo c = { { 0 } };
		out->dose = tr_snap(i * g_mg);
		for (; i > 0; i -= u[pick[i]].m)
			c.q[u[pick[i]].form] += u[pick[i]].quarters;
		combo_how(forms, u, nu, &c, out->how, sizeof out->how);
	}
	for (int j = 0; j < nu; j++)
		u[j].m *= g;
	free(cost);
	free(pick);
	return ok;
}

long tr_count_for(double dose, double size, enum rmode mode)
{
	double x = dose / size;
	if (!(x < 1e15))            /* absurd sizes: keep the cast defined */
		x = 1e15;
	long c = mode == NEAREST ? (long)floor(x + 0.5 + 1e-9)
	                         : (long)ceil(x - 1e-9) - 1;
	return c < 0 ? 0 : c;
}

/* Too fine a grid: multiples of the smallest piece, always deliverable. */
static void tablets_fallback(const struct wn_form *forms, const struct unit *u,
                             int nu, double dose, enum rmode mode,
                             struct pick *out)
{
	const struct unit *s = &u[nu - 1];
	long c = tr_count_for(dose, s->m / RES, mode);
	struct combo cb = { { 0 } };
	cb.q[s->form] = c * s->quarters;
	out->dose = tr_snap(c * (s->m / RES));
	combo_how(forms, u, nu, &cb, out->how, sizeof out->how);
}

static bool tablets_pick(const struct wn_form *forms, int n, double dose,
                         enum rmode mode, struct pick *out)
{
	struct unit u[MAX_UNITS];
	int nu = tr_collect_units(forms, n, u);
	if (nu == 0)
		return false;
	if (!tablets_grid(forms, u, nu, dose, mode, out))
		tablets_fallback(forms, u, nu, dose, mode, out);
	return true;
}

/* Whole steps of the liquid's measure (0.1 mL unless the form says); the
 * volume with the step's decimals ("0.54 mL" by 0.01 mL). */
static void liquid_pick(const struct wn_form *f, double dose, enum rmode mode,
                        struct pick *out)
{
	double ml = wn_taper_form_ml_step(f);
	long c = tr_count_for(dose, f->conc_mg_per_ml * ml, mode);
	char conc[32];
	out->dose = tr_snap(c * ml * f->conc_mg_per_ml);
	wn_text_num(f->conc_mg_per_ml, 5, conc, sizeof conc);
	if (c == 0)
		tr_set_text(out->how, sizeof out->how, "none");
	else
		snprintf(out->how, sizeof out->how, "%.*f mL of %s mg/mL",
		         wn_taper_form_ml_decimals(ml), c * ml, conc);
}

/* How to take c beads of bead capsule f. */
void tr_beads_how(const struct wn_form *f, long c, char *how, size_t n)
{
	long b = f->beads_per_capsule;
	char s[32], term[128];
	how[0] = '\0';
	wn_text_num(f->strength_mg, 5, s, sizeof s);
	if (c / b) {
		snprintf(term, sizeof term, "%ld x %s mg capsule", c / b, s);
		tr_add_term(how, n, term);
	}
	if (c % b) {
		snprintf(term, sizeof term, "%ld beads of a %ld-bead %s mg capsule",
		         c % b, b, s);
		tr_add_term(how, n, term);
	}
	if (c == 0)
		tr_set_text(how, n, "none");
}

static void beads_pick(const struct wn_form *f, double dose, enum rmode mode,
                       struct pick *out)
{
	long b = f->beads_per_capsule;
	long c = tr_count_for(dose, f->strength_mg / b, mode);
	out->dose = tr_snap(c * f->strength_mg / b);
	tr_beads_how(f, c, out->how, sizeof out->how);
}

static void quantum_pick(double q, double dose, enum rmode mode,
                         struct pick *out)
{
	long c = tr_count_for(dose, q, mode);
	out->dose = tr_snap(c * q);
	tr_set_text(out->how, sizeof out->how, c ? "" : "none");
}

bool tr_better(double cand, double best, double dose, enum rmode mode)
{
	if (mode == BELOW)
		return cand > best + WN_TAPER_ROUND_EPS;
	double dc = fabs(cand - dose), db = fabs(best - dose);
	return dc < db - WN_TAPER_ROUND_EPS ||
	       (dc <= db + WN_TAPER_ROUND_EPS && cand > best + WN_TAPER_ROUND_EPS);
}

/* Keeps the better of best and cand; *any tells whether best is set. */
static void consider(struct pick *best, const struct pick *cand, bool *any,
                     double dose, enum rmode mode)
{
	if (!*any || tr_better(cand->dose, best->dose, dose, mode))
		*best = *cand;
	*any = true;
}

static void forms_pick(const struct wn_form *forms, int n, double dose,
                       enum rmode mode, struct pick *best)
{
	struct pick cand;
	bool any = false;
	n = n > WN_TAPER_ROUND_MAX_FORMS ? WN_TAPER_ROUND_MAX_FORMS : n;
	if (forms && tablets_pick(forms, n, dose, mode, &cand))
		consider(best, &cand, &any, dose, mode);
	for (int i = 0; forms && i < n; i++) {
		const struct wn_form *f = &forms[i];
		if (f->kind == WN_TAPER_LIQUID && wn_taper_form_amount_ok(f->conc_mg_per_ml))
			liquid_pick(f, dose, mode, &cand);
		else if (f->kind == WN_TAPER_BEADS && wn_taper_form_amount_ok(f->strength_mg) &&
		         f->beads_per_capsule > 0)
			beads_pick(f, dose, mode, &cand);
		else
			continue;
		consider(best, &cand, &any, dose, mode);
	}
	if (!any)
		quantum_pick(WN_TAPER_DEFAULT_QUANTUM, dose, mode, best);
}

static double do_round(const struct wn_rounding *r, double dose,
                       enum rmode mode, char *how, size_t n)
{
	struct pick p = { 0, "" };
	if (!isfinite(dose) || dose <= WN_TAPER_ROUND_EPS) {
		tr_set_text(how, n, "none");
		return 0;
	}
	const struct wn_form *forms = r ? r->forms : NULL;
	int nf = r && r->forms ? r->n_forms : 0;
	if (r && isfinite(r->quantum) && r->quantum > 0) {
		quantum_pick(r->quantum, dose, mode, &p);
		if (p.dose > WN_TAPER_ROUND_EPS) {    /* describe it when the forms make it exactly */
			struct pick f = { 0, "" };
			forms_pick(forms, nf, p.dose, NEAREST, &f);
			tr_set_text(p.how, sizeof p.how,
			         fabs(f.dose - p.dose) <= 1e-6 ? f.how : "");
		}
	} else {
		forms_pick(forms, nf, dose, mode, &p);
	}
	tr_set_text(how, n, p.how);
	return p.dose;
}

double wn_taper_round(const struct wn_rounding *r, double dose, char *how,
                      size_t n)
{
	return do_round(r, dose, NEAREST, how, n);
}

double wn_taper_round_below(const struct wn_rounding *r, double dose,
                            char *how, size_t n)
{
	return do_round(r, dose, BELOW, how, n);
}

void wn_taper_round_describe(const struct wn_rounding *r, double dose,
                             char *how, size_t n)
{
	struct wn_rounding bare = *r;
	bare.quantum = 0;
	if (dose <= WN_TAPER_ROUND_EPS) {
		tr_set_text(how, n, "none");
		return;
	}
	double got = wn_taper_round(&bare, dose, how, n);
	if (fabs(got - dose) > 1e-6)
		tr_set_text(how, n, "");
}
