/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper_rounder.c -- a rounding prepared once for many doses (struct
 * wn_rounder, core/taper_round.h): the choices of taper_round.c, made
 * from what wn_rounder_init worked out once.  Pure. */
#include "core/taper_round.h"
#include "taper_round_int.h"
#include "core/text.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The choices of taper_round.c's forms_pick and do_round, made from what
 * wn_rounder_init worked out once; an option is first only a dose and
 * what gives it (struct cand), and the winner's `how` is written at the
 * end, when one is wanted. */

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
	rd->nu = tr_collect_units(rd->r.forms, rd->nf, u);
	if (rd->nu == 0)
		return;
	long g = u[0].m;
	for (int j = 1; j < rd->nu; j++)
		g = tr_gcd_l(g, u[j].m);
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
		long i = tr_grid_choose(rd->cost, top, rd->g_mg, dose, mode);
		*out = (struct cand){ tr_snap(i * rd->g_mg), C_GRID, -1, i };
		return true;
	}
	const struct wn_rounder_unit *s = &rd->u[rd->nu - 1];
	long c = tr_count_for(dose, s->m / RES, mode);
	*out = (struct cand){ tr_snap(c * (s->m / RES)), C_FALLBACK, -1, c };
	return true;
}

static void consider_c(struct cand *best, const struct cand *cand, bool *any,
                       double dose, enum rmode mode)
{
	if (!*any || tr_better(cand->dose, best->dose, dose, mode))
		*best = *cand;
	*any = true;
}

static void rd_quantum(double q, double dose, enum rmode mode, struct cand *out)
{
	long c = tr_count_for(dose, q, mode);
	*out = (struct cand){ tr_snap(c * q), C_QUANTUM, -1, c };
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
			long c = tr_count_for(dose, f->conc_mg_per_ml * ml, mode);
			cand = (struct cand){ tr_snap(c * ml * f->conc_mg_per_ml), C_LIQUID, i, c };
		} else if (f->kind == WN_TAPER_BEADS && wn_taper_form_amount_ok(f->strength_mg) &&
		           f->beads_per_capsule > 0) {
			long b = f->beads_per_capsule;
			long c = tr_count_for(dose, f->strength_mg / b, mode);
			cand = (struct cand){ tr_snap(c * f->strength_mg / b), C_BEADS, i, c };
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
	char t[WN_TEXT_LONG];
	return put_str(dst, n, len, wn_text_long(v, t));
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
			tr_add_term(how, n, term);
		}
		if (q % 4) {
			len = put_str(term, sizeof term, 0, frac[q % 4]);
			len = put_str(term, sizeof term, len, " x ");
			len = put_str(term, sizeof term, len, s);
			len = put_str(term, sizeof term, len, " mg");
			put_str(term, sizeof term, len, cap);
			tr_add_term(how, n, term);
		}
	}
	if (!how[0])
		tr_set_text(how, n, "none");
}

/* "%.*f" of v, decimals dec, when v is so near a whole number of units of
 * 10^-dec that printf's rounding cannot give another one: then written
 * without printf.  False (buf untouched) otherwise. */
static bool fixed_text(double v, int dec, char *buf, size_t n)
{
	static const double pow10[] = { 1, 10, 100, 1000 };
	if (dec < 0 || dec > 3 || !(v > 0) || v >= 1e9)
		return false;
	double x = v * pow10[dec];
	long long units = llround(x);
	if (!(fabs(x - (double)units) < 0.4))
		return false;
	long long p = (long long)pow10[dec];
	size_t len = put_long(buf, n, 0, (long)(units / p));
	if (dec) {
		char frac[4] = "000";
		long long f = units % p;
		for (int k = dec - 1; k >= 0; k--, f /= 10)
			frac[k] = (char)('0' + f % 10);
		frac[dec] = '\0';
		len = put_str(buf, n, len, ".");
		put_str(buf, n, len, frac);
	}
	return true;
}

/* liquid_pick's how: "3.6 mL of 2 mg/mL". */
static void liquid_how(struct wn_rounder *rd, const struct wn_form *f,
                       const struct cand *w, char *how, size_t n)
{
	double ml = wn_taper_form_ml_step(f);
	int dec = wn_taper_form_ml_decimals(ml);
	char vol[32];
	if (!fixed_text(w->c * ml, dec, vol, sizeof vol)) {
		snprintf(how, n, "%.*f mL of %s mg/mL", dec, w->c * ml, rd_text(rd, w->form));
		return;
	}
	size_t len = put_str(how, n, 0, vol);
	len = put_str(how, n, len, " mL of ");
	len = put_str(how, n, len, rd_text(rd, w->form));
	put_str(how, n, len, " mg/mL");
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
			tr_set_text(how, n, "none");
		else
			liquid_how(rd, f, w, how, n);
		return;
	case C_BEADS:
		tr_beads_how(f, w->c, how, n);
		return;
	case C_QUANTUM:
		tr_set_text(how, n, w->c ? "" : "none");
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

/* The how of d into how[0..n), as tr_set_text(how, n, p.how) would copy it. */
static void rd_write(struct wn_rounder *rd, const struct decision *d, char *how, size_t n)
{
	char h[WN_TAPER_HOW];
	if (!how || !n)
		return;
	if (d->hows) {
		tr_set_text(how, n, d->hows);
		return;
	}
	rd_how(rd, &d->w, h, sizeof h);
	tr_set_text(how, n, h);
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
		tr_set_text(how, n, "none");
		return;
	}
	rd_decide(rd, dose, NEAREST, true, &d);
	if (fabs(d.dose - dose) > 1e-6)
		tr_set_text(how, n, "");
	else
		rd_write(rd, &d, how, n);
}
