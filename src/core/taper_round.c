/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_round.c -- rounding a dose to what the forms can deliver, and
 * saying how to take it; see core/taper_round.h.  Pure.
 *
 * Tablets and capsules combine on a grid of 1e-5 mg (the largest common
 * step of their pieces, found by a coin-change table over the grid); a
 * liquid gives steps of the mL it is measured by (0.1 mL unless its form
 * says "by N ml"), a bead capsule whole beads. */
#include "core/taper_round.h"
#include "core/text.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RES 1e5                /* tablet grid resolution: 1e-5 mg */
#define GRID_MAX 200000L       /* largest tablet grid before the fallback */
#define MAX_UNITS 96

static double snap(double x)
{
	return round(x * 1e6) / 1e6;
}

static void set_text(char *dst, size_t n, const char *src)
{
	if (dst && n)
		snprintf(dst, n, "%s", src);
}

enum rmode { NEAREST, BELOW };

struct pick {
	double dose;
	char how[WN_TAPER_HOW];
};

/* One piece a tablet/capsule dose can be made of. */
struct unit {
	long m;          /* size in grid units of 1/RES mg (later: of g) */
	int form;        /* index into forms */
	int quarters;    /* 4 whole, 2 half, 1 quarter */
	int cost;        /* whole 10, split 11: prefer fewer and whole pieces */
};

static int unit_cmp(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	if (x->m != y->m)
		return x->m < y->m ? 1 : -1;
	return x->form - y->form;
}

static int collect_units(const struct wn_form *forms, int n, struct unit *u)
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

static long gcd_l(long a, long b)
{
	while (b) {
		long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Per-form pieces, in quarters of a tablet/capsule. */
struct combo {
	long q[WN_TAPER_ROUND_MAX_FORMS];
};

static void add_term(char *how, size_t n, const char *term)
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
			add_term(how, n, term);
		}
		if (c->q[fi] % 4) {
			snprintf(term, sizeof term, "%s x %s mg%s", frac[c->q[fi] % 4], s, cap);
			add_term(how, n, term);
		}
	}
	if (!how[0])
		set_text(how, n, "none");
}

/* Chooses grid index for `dose` among reachable points (cost != INT_MAX). */
static long grid_choose(const int *cost, long top, double g_mg, double dose,
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
		g = gcd_l(g, u[j].m);
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
		long i = grid_choose(cost, top, g_mg, dose, mode);
		struct combo c = { { 0 } };
		out->dose = snap(i * g_mg);
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

static long count_for(double dose, double size, enum rmode mode)
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
	long c = count_for(dose, s->m / RES, mode);
	struct combo cb = { { 0 } };
	cb.q[s->form] = c * s->quarters;
	out->dose = snap(c * (s->m / RES));
	combo_how(forms, u, nu, &cb, out->how, sizeof out->how);
}

static bool tablets_pick(const struct wn_form *forms, int n, double dose,
                         enum rmode mode, struct pick *out)
{
	struct unit u[MAX_UNITS];
	int nu = collect_units(forms, n, u);
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
	long c = count_for(dose, f->conc_mg_per_ml * ml, mode);
	char conc[32];
	out->dose = snap(c * ml * f->conc_mg_per_ml);
	wn_text_num(f->conc_mg_per_ml, 5, conc, sizeof conc);
	if (c == 0)
		set_text(out->how, sizeof out->how, "none");
	else
		snprintf(out->how, sizeof out->how, "%.*f mL of %s mg/mL",
		         wn_taper_form_ml_decimals(ml), c * ml, conc);
}

/* How to take c beads of bead capsule f. */
static void beads_how(const struct wn_form *f, long c, char *how, size_t n)
{
	long b = f->beads_per_capsule;
	char s[32], term[128];
	how[0] = '\0';
	wn_text_num(f->strength_mg, 5, s, sizeof s);
	if (c / b) {
		snprintf(term, sizeof term, "%ld x %s mg capsule", c / b, s);
		add_term(how, n, term);
	}
	if (c % b) {
		snprintf(term, sizeof term, "%ld beads of a %ld-bead %s mg capsule",
		         c % b, b, s);
		add_term(how, n, term);
	}
	if (c == 0)
		set_text(how, n, "none");
}

static void beads_pick(const struct wn_form *f, double dose, enum rmode mode,
                       struct pick *out)
{
	long b = f->beads_per_capsule;
	long c = count_for(dose, f->strength_mg / b, mode);
	out->dose = snap(c * f->strength_mg / b);
	beads_how(f, c, out->how, sizeof out->how);
}

static void quantum_pick(double q, double dose, enum rmode mode,
                         struct pick *out)
{
	long c = count_for(dose, q, mode);
	out->dose = snap(c * q);
	set_text(out->how, sizeof out->how, c ? "" : "none");
}

/* Keeps the better of best and cand; *any tells whether best is set. */
static void consider(struct pick *best, const struct pick *cand, bool *any,
                     double dose, enum rmode mode)
{
	bool take;
	if (!*any)
		take = true;
	else if (mode == BELOW)
		take = cand->dose > best->dose + WN_TAPER_ROUND_EPS;
	else {
		double dc = fabs(cand->dose - dose), db = fabs(best->dose - dose);
		take = dc < db - WN_TAPER_ROUND_EPS ||
		       (dc <= db + WN_TAPER_ROUND_EPS && cand->dose > best->dose + WN_TAPER_ROUND_EPS);
	}
	if (take)
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
		set_text(how, n, "none");
		return 0;
	}
	const struct wn_form *forms = r ? r->forms : NULL;
	int nf = r && r->forms ? r->n_forms : 0;
	if (r && isfinite(r->quantum) && r->quantum > 0) {
		quantum_pick(r->quantum, dose, mode, &p);
		if (p.dose > WN_TAPER_ROUND_EPS) {    /* describe it when the forms make it exactly */
			struct pick f = { 0, "" };
			forms_pick(forms, nf, p.dose, NEAREST, &f);
			set_text(p.how, sizeof p.how,
			         fabs(f.dose - p.dose) <= 1e-6 ? f.how : "");
		}
	} else {
		forms_pick(forms, nf, dose, mode, &p);
	}
	set_text(how, n, p.how);
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
		set_text(how, n, "none");
		return;
	}
	double got = wn_taper_round(&bare, dose, how, n);
	if (fabs(got - dose) > 1e-6)
		set_text(how, n, "");
}

/* ---- a rounding prepared once (wn_rounder) ------------------------------------
 *
 * The same choices as above, made from what wn_rounder_init worked out
 * once; an option is first only a dose and what gives it (struct cand),
 * and the winner's `how` is written at the end, when one is wanted. */

enum cand_kind { C_GRID, C_FALLBACK, C_LIQUID, C_BEADS, C_QUANTUM };

struct cand {
	double dose;
	enum cand_kind kind;
	int form;                /* C_LIQUID, C_BEADS */
	long c;                  /* grid index, or count of pieces/steps/beads */
};

void wn_rounder_init(struct wn_rounder *rd, const struct wn_rounding *r)
{
	struct unit u[MAX_UNITS];
	rd->r = r ? *r : (struct wn_rounding){ 0, NULL, 0 };
	rd->nf = rd->nu = 0;     /* the units' table is written as it is used */
	rd->g_mg = 0;
	rd->top = -1;
	rd->cap = 0;
	rd->cost = NULL;
	rd->pick = NULL;
	memset(rd->text_ok, 0, sizeof rd->text_ok);
	if (!rd->r.forms || rd->r.n_forms <= 0)
		return;
	rd->nf = rd->r.n_forms > WN_TAPER_ROUND_MAX_FORMS ? WN_TAPER_ROUND_MAX_FORMS
	                                                   : rd->r.n_forms;
	rd->nu = collect_units(rd->r.forms, rd->nf, u);
	if (rd->nu == 0)
		return;
	long g = u[0].m;
	for (int j = 1; j < rd->nu; j++)
		g = gcd_l(g, u[j].m);
	rd->g_mg = g / RES;
	for (int j = 0; j < rd->nu; j++)
		rd->u[j] = (struct wn_rounder_unit){ .m = u[j].m, .grid = u[j].m / g,
		                                     .form = u[j].form,
		                                     .quarters = u[j].quarters,
		                                     .cost = u[j].cost };
}

void wn_rounder_free(struct wn_rounder *rd)
{
	if (!rd)
		return;
	free(rd->cost);
	free(rd->pick);
	rd->cost = NULL;
	rd->pick = NULL;
	rd->top = -1;
	rd->cap = 0;
}

/* The amount of form fi as combo_how and liquid_pick write it. */
static const char *rd_text(struct wn_rounder *rd, int fi)
{
	if (!rd->text_ok[fi]) {
		const struct wn_form *f = &rd->r.forms[fi];
		wn_text_num(f->kind == WN_TAPER_LIQUID ? f->conc_mg_per_ml : f->strength_mg,
		            5, rd->text[fi], sizeof rd->text[fi]);
		rd->text_ok[fi] = true;
	}
	return rd->text[fi];
}

/* The table of grid_fill, filled up to `top` (grown when it is short);
 * false when memory is refused. */
static bool rd_grid(struct wn_rounder *rd, long top)
{
	if (top > rd->cap) {
		long cap = rd->cap ? rd->cap : 64;
		while (cap < top)
			cap *= 2;
		cap = cap > GRID_MAX ? GRID_MAX : cap;
		int *cost = realloc(rd->cost, (size_t)(cap + 1) * sizeof *cost);
		if (cost)
			rd->cost = cost;
		signed char *pick = cost ? realloc(rd->pick, (size_t)(cap + 1)) : NULL;
		if (!cost || !pick)
			return false;
		rd->pick = pick;
		rd->cap = cap;
	}
	if (rd->top < 0) {
		rd->cost[0] = 0;
		rd->top = 0;
	}
	for (long i = rd->top + 1; i <= top; i++) {
		int best = INT_MAX;
		for (int j = 0; j < rd->nu; j++) {
			const struct wn_rounder_unit *u = &rd->u[j];
			if (u->grid > i || rd->cost[i - u->grid] == INT_MAX)
				continue;
			int c = rd->cost[i - u->grid] + u->cost;
			if (c < best) {
				best = c;
				rd->pick[i] = (signed char)j;
			}
		}
		rd->cost[i] = best;
	}
	rd->top = top > rd->top ? top : rd->top;
	return true;
}

static bool rd_tablets(struct wn_rounder *rd, double dose, enum rmode mode,
                       struct cand *out)
{
	if (rd->nu == 0)
		return false;
	long top = (long)ceil(dose / rd->g_mg) +
	           (mode == NEAREST ? rd->u[rd->nu - 1].grid : 0);
	if (top <= GRID_MAX && rd_grid(rd, top)) {
		long i = grid_choose(rd->cost, top, rd->g_mg, dose, mode);
		*out = (struct cand){ snap(i * rd->g_mg), C_GRID, -1, i };
		return true;
	}
	const struct wn_rounder_unit *s = &rd->u[rd->nu - 1];
	long c = count_for(dose, s->m / RES, mode);
	*out = (struct cand){ snap(c * (s->m / RES)), C_FALLBACK, -1, c };
	return true;
}

static void consider_c(struct cand *best, const struct cand *cand, bool *any,
                       double dose, enum rmode mode)
{
	bool take;
	if (!*any)
		take = true;
	else if (mode == BELOW)
		take = cand->dose > best->dose + WN_TAPER_ROUND_EPS;
	else {
		double dc = fabs(cand->dose - dose), db = fabs(best->dose - dose);
		take = dc < db - WN_TAPER_ROUND_EPS ||
		       (dc <= db + WN_TAPER_ROUND_EPS && cand->dose > best->dose + WN_TAPER_ROUND_EPS);
	}
	if (take)
		*best = *cand;
	*any = true;
}

static void rd_quantum(double q, double dose, enum rmode mode, struct cand *out)
{
	long c = count_for(dose, q, mode);
	*out = (struct cand){ snap(c * q), C_QUANTUM, -1, c };
}

/* forms_pick's choice, as a candidate. */
static void rd_pick(struct wn_rounder *rd, double dose, enum rmode mode,
                    struct cand *best)
{
	struct cand cand;
	bool any = false;
	if (rd->r.forms && rd_tablets(rd, dose, mode, &cand))
		consider_c(best, &cand, &any, dose, mode);
	for (int i = 0; rd->r.forms && i < rd->nf; i++) {
		const struct wn_form *f = &rd->r.forms[i];
		if (f->kind == WN_TAPER_LIQUID && wn_taper_form_amount_ok(f->conc_mg_per_ml)) {
			double ml = wn_taper_form_ml_step(f);
			long c = count_for(dose, f->conc_mg_per_ml * ml, mode);
			cand = (struct cand){ snap(c * ml * f->conc_mg_per_ml), C_LIQUID, i, c };
		} else if (f->kind == WN_TAPER_BEADS && wn_taper_form_amount_ok(f->strength_mg) &&
		           f->beads_per_capsule > 0) {
			long b = f->beads_per_capsule;
			long c = count_for(dose, f->strength_mg / b, mode);
			cand = (struct cand){ snap(c * f->strength_mg / b), C_BEADS, i, c };
		} else {
			continue;
		}
		consider_c(best, &cand, &any, dose, mode);
	}
	if (!any)
		rd_quantum(WN_TAPER_DEFAULT_QUANTUM, dose, mode, best);
}

/* Appends s to dst[0..n) holding len bytes; returns the new length. */
static size_t put_str(char *dst, size_t n, size_t len, const char *s)
{
	while (*s && len + 1 < n)
		dst[len++] = *s++;
	dst[len] = '\0';
	return len;
}

static size_t put_long(char *dst, size_t n, size_t len, long v)
{
	char t[24];
	int k = (int)sizeof t - 1;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	t[k] = '\0';
	do {
		t[--k] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		t[--k] = '-';
	return put_str(dst, n, len, t + k);
}

/* combo_how, with the amounts' texts worked out once and no printf. */
static void rd_combo_how(struct wn_rounder *rd, const struct combo *c, char *how,
                         size_t n)
{
	static const char *const frac[] = { "", "1/4", "1/2", "3/4" };
	bool seen[WN_TAPER_ROUND_MAX_FORMS] = { false };
	how[0] = '\0';
	for (int j = 0; j < rd->nu; j++) {
		int fi = rd->u[j].form;
		long q = c->q[fi];
		if (seen[fi] || q == 0)
			continue;
		seen[fi] = true;
		const char *s = rd_text(rd, fi);
		const char *cap = rd->r.forms[fi].kind == WN_TAPER_CAPSULE ? " capsule" : "";
		char term[80];
		size_t len;
		if (q / 4) {
			len = put_long(term, sizeof term, 0, q / 4);
			len = put_str(term, sizeof term, len, " x ");
			len = put_str(term, sizeof term, len, s);
			len = put_str(term, sizeof term, len, " mg");
			put_str(term, sizeof term, len, cap);
			add_term(how, n, term);
		}
		if (q % 4) {
			len = put_str(term, sizeof term, 0, frac[q % 4]);
			len = put_str(term, sizeof term, len, " x ");
			len = put_str(term, sizeof term, len, s);
			len = put_str(term, sizeof term, len, " mg");
			put_str(term, sizeof term, len, cap);
			add_term(how, n, term);
		}
	}
	if (!how[0])
		set_text(how, n, "none");
}

/* The winner's how, as the pick functions above write it. */
static void rd_how(struct wn_rounder *rd, const struct cand *w, char *how, size_t n)
{
	struct combo cb = { { 0 } };
	const struct wn_form *f = w->form >= 0 ? &rd->r.forms[w->form] : NULL;
	switch (w->kind) {
	case C_GRID:
		for (long i = w->c; i > 0; i -= rd->u[rd->pick[i]].grid)
			cb.q[rd->u[rd->pick[i]].form] += rd->u[rd->pick[i]].quarters;
		rd_combo_how(rd, &cb, how, n);
		return;
	case C_FALLBACK:
		cb.q[rd->u[rd->nu - 1].form] = w->c * rd->u[rd->nu - 1].quarters;
		rd_combo_how(rd, &cb, how, n);
		return;
	case C_LIQUID:
		if (w->c == 0)
			set_text(how, n, "none");
		else
			snprintf(how, n, "%.*f mL of %s mg/mL",
			         wn_taper_form_ml_decimals(wn_taper_form_ml_step(f)),
			         w->c * wn_taper_form_ml_step(f), rd_text(rd, w->form));
		return;
	case C_BEADS:
		beads_how(f, w->c, how, n);
		return;
	case C_QUANTUM:
		set_text(how, n, w->c ? "" : "none");
		return;
	}
}

/* do_round's answer: its dose, and its how as a fixed text (hows) or the
 * winner's (hows NULL). */
struct decision {
	double dose;
	const char *hows;
	struct cand w;
};

static void rd_decide(struct wn_rounder *rd, double dose, enum rmode mode, bool bare,
                      struct decision *d)
{
	double q = bare ? 0 : rd->r.quantum;
	d->hows = NULL;
	if (!isfinite(dose) || dose <= WN_TAPER_ROUND_EPS) {
		d->dose = 0;
		d->hows = "none";
		return;
	}
	if (isfinite(q) && q > 0) {
		struct cand p;
		rd_quantum(q, dose, mode, &p);
		d->dose = p.dose;
		d->hows = p.c ? "" : "none";
		if (p.dose > WN_TAPER_ROUND_EPS) {
			rd_pick(rd, p.dose, NEAREST, &d->w);
			d->hows = fabs(d->w.dose - p.dose) <= 1e-6 ? NULL : "";
		}
		return;
	}
	rd_pick(rd, dose, mode, &d->w);
	d->dose = d->w.dose;
}

/* The how of d into how[0..n), as set_text(how, n, p.how) would copy it. */
static void rd_write(struct wn_rounder *rd, const struct decision *d, char *how, size_t n)
{
	char h[WN_TAPER_HOW];
	if (!how || !n)
		return;
	if (d->hows) {
		set_text(how, n, d->hows);
		return;
	}
	rd_how(rd, &d->w, h, sizeof h);
	set_text(how, n, h);
}

double wn_rounder_round(struct wn_rounder *rd, double dose, char *how, size_t n)
{
	struct decision d;
	rd_decide(rd, dose, NEAREST, false, &d);
	rd_write(rd, &d, how, n);
	return d.dose;
}

double wn_rounder_below(struct wn_rounder *rd, double dose, char *how, size_t n)
{
	struct decision d;
	rd_decide(rd, dose, BELOW, false, &d);
	rd_write(rd, &d, how, n);
	return d.dose;
}

void wn_rounder_describe(struct wn_rounder *rd, double dose, char *how, size_t n)
{
	struct decision d;
	if (dose <= WN_TAPER_ROUND_EPS) {
		set_text(how, n, "none");
		return;
	}
	rd_decide(rd, dose, NEAREST, true, &d);
	if (fabs(d.dose - dose) > 1e-6)
		set_text(how, n, "");
	else
		rd_write(rd, &d, how, n);
}
