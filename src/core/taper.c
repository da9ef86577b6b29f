/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper.c -- taper schedules and the occupancy model.
 *
 * Pure computation: no I/O, no SQL, no curses.  See taper.h for the rules;
 * forms are read in taper_form.c, doses rounded in taper_round.c.
 */
#include "core/taper.h"
#include "core/text.h"
#include "core/records.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_STEPS_LIMIT 10000
#define MAX_EVERY_DAYS 3650
#define MIN_QUANTUM 0.0001       /* mg */
#define DATE_LIMIT 100000000L  /* |day number| of any sane date */

static bool date_ok(wn_date d)
{
	return d > -DATE_LIMIT && d < DATE_LIMIT;
}

/* ---- occupancy ------------------------------------------------------------------ */

double wn_taper_occupancy(double dose_mg, double emax, double ed50)
{
	if (!(emax > 0) || !(ed50 > 0) || !isfinite(emax) || !isfinite(ed50) ||
	    isnan(dose_mg))
		return NAN;
	if (dose_mg <= 0)
		return 0;
	if (isinf(dose_mg))
		return emax > 100 ? 100 : emax;
	double occ = emax * dose_mg / (ed50 + dose_mg);
	return occ > 100 ? 100 : occ;
}

double wn_taper_dose_for_occupancy(double occ, double emax, double ed50)
{
	if (!(emax > 0) || !(ed50 > 0) || !isfinite(emax) || !isfinite(ed50) ||
	    isnan(occ))
		return NAN;
	if (occ <= 0)
		return 0;
	if (occ >= emax)
		return NAN;
	return ed50 * occ / (emax - occ);
}

/* ---- methods ------------------------------------------------------------------------ */

static const char *const method_names[] = {
	[WN_TAPER_PERCENT] = "percent",
	[WN_TAPER_OCCUPANCY] = "occupancy",
	[WN_TAPER_LINEAR] = "linear",
	[WN_TAPER_CUSTOM] = "custom",
};

const char *wn_taper_method_name(enum wn_taper_method m)
{
	if ((unsigned)m < sizeof method_names / sizeof method_names[0])
		return method_names[m];
	return "unknown";
}

int wn_taper_method_parse(const char *s, enum wn_taper_method *out,
                          struct wn_err *err)
{
	for (unsigned i = 0; s && i < sizeof method_names / sizeof method_names[0]; i++) {
		if (strcasecmp(s, method_names[i]) == 0) {
			if (out)
				*out = (enum wn_taper_method)i;
			return WN_OK;
		}
	}
	wn_err_set(err, WN_USAGE, "unknown taper method '%.40s'", s ? s : "");
	wn_err_hint(err, "use percent, occupancy, linear or custom");
	return WN_USAGE;
}

void wn_taper_params_init(struct wn_taper_params *p)
{
	memset(p, 0, sizeof *p);
	p->method = WN_TAPER_PERCENT;
	p->start = WN_DATE_NONE;
	p->max_steps = WN_TAPER_MAX_STEPS;
}

/* ---- validation ---------------------------------------------------------------------- */

static bool nonneg(double v)
{
	return isfinite(v) && v >= 0 && v <= WN_TAPER_MAX_DOSE;
}

/* A custom plan may start at 0 mg (a drug brought in, issue 19): then
 * there is no floor or target, and a later step must be above 0. */
static int check_from_zero(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->method != WN_TAPER_CUSTOM)
		return wn_err_set(err, WN_USAGE, "starting dose must be above 0 mg"
		                  " (only a custom plan can start at 0 mg)");
	if (p->floor_dose != 0 || p->to_dose != 0)
		return wn_err_set(err, WN_USAGE, "a plan from 0 mg has no floor or target dose");
	for (int i = 0; p->custom && i < p->n_custom; i++)
		if (p->custom[i].dose > 0)
			return WN_OK;
	return wn_err_set(err, WN_DATAERR, "a plan from 0 mg needs a step above 0 mg");
}

static int check_doses(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->from_dose == 0)
		return check_from_zero(p, err);
	if (!wn_taper_form_amount_ok(p->from_dose))
		return wn_err_set(err, WN_USAGE, "starting dose must be above 0 mg");
	if (!nonneg(p->round_q) || (p->round_q > 0 && p->round_q < MIN_QUANTUM))
		return wn_err_set(err, WN_USAGE,
		                  "rounding must be 0 (let the forms decide) or at least %g mg",
		                  MIN_QUANTUM);
	if (!nonneg(p->floor_dose))
		return wn_err_set(err, WN_USAGE, "floor must be 0 (none) or a positive dose");
	if (p->floor_dose >= p->from_dose)
		return wn_err_set(err, WN_USAGE, "floor must be below the starting dose");
	if (!nonneg(p->to_dose))
		return wn_err_set(err, WN_USAGE, "target dose must be 0 or more");
	if (p->to_dose >= p->from_dose)
		return wn_err_set(err, WN_USAGE,
		                  "target dose must be below the starting dose");
	return WN_OK;
}

static int check_lists(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->n_forms < 0 || p->n_forms > WN_TAPER_ROUND_MAX_FORMS || (p->n_forms && !p->forms))
		return wn_err_set(err, WN_USAGE, "between 0 and %d forms, please",
		                  WN_TAPER_ROUND_MAX_FORMS);
	for (int i = 0; i < p->n_forms; i++) {
		int rc = wn_taper_form_check(&p->forms[i], err);
		if (rc)
			return rc;
	}
	if (p->n_holds < 0 || (p->n_holds && !p->holds))
		return wn_err_set(err, WN_USAGE, "bad list of holds");
	if (p->max_steps < 0 || p->max_steps > MAX_STEPS_LIMIT)
		return wn_err_set(err, WN_USAGE, "at most %d steps, please",
		                  MAX_STEPS_LIMIT);
	return WN_OK;
}

static int check_custom(const struct wn_taper_params *p, struct wn_err *err)
{
	if (p->n_custom <= 0 || !p->custom)
		return wn_err_set(err, WN_DATAERR,
		                  "a custom plan needs at least one (date, dose) step");
	wn_date prev = p->start;
	for (int i = 0; i < p->n_custom; i++) {
		const struct wn_taper_point *c = &p->custom[i];
		if (!date_ok(c->date) || c->date <= prev)
			return wn_err_set(err, WN_DATAERR,
			                  "custom step %d: dates must increase, after the start date",
			                  i + 1);
		if (!nonneg(c->dose))
			return wn_err_set(err, WN_DATAERR,
			                  "custom step %d: dose must be 0 or more", i + 1);
		prev = c->date;
	}
	return WN_OK;
}

static int check_step(const struct wn_taper_params *p, struct wn_err *err)
{
	double s = p->step;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		if (!(s > 0 && s < 100))
			return wn_err_set(err, WN_USAGE,
			                  "step must be above 0 and below 100 (percent of the current dose)");
		return WN_OK;
	case WN_TAPER_OCCUPANCY:
		if (!(p->emax > 0 && p->ed50 > 0 && isfinite(p->emax) && isfinite(p->ed50))) {
			wn_err_set(err, WN_DATAERR,
			           "no occupancy parameters (Emax, ED50) for this drug");
			wn_err_hint(err, "use --method percent instead");
			return WN_DATAERR;
		}
		if (!(s > 0 && s <= 100))
			return wn_err_set(err, WN_USAGE,
			                  "step must be above 0 and at most 100 occupancy points");
		return WN_OK;
	case WN_TAPER_LINEAR:
		if (!wn_taper_form_amount_ok(s))
			return wn_err_set(err, WN_USAGE, "step must be above 0 mg");
		return WN_OK;
	case WN_TAPER_CUSTOM:
		return check_custom(p, err);
	}
	return wn_err_set(err, WN_USAGE, "unknown taper method %d", (int)p->method);
}

static int check_params(const struct wn_taper_params *p, struct wn_err *err)
{
	if (!p)
		return wn_err_set(err, WN_USAGE, "no taper parameters");
	if (p->start == WN_DATE_NONE || !date_ok(p->start))
		return wn_err_set(err, WN_USAGE, "the plan needs a start date");
	int rc = check_doses(p, err);
	if (rc == WN_OK)
		rc = check_lists(p, err);
	if (rc == WN_OK)
		rc = check_step(p, err);
	if (rc == WN_OK && p->method != WN_TAPER_CUSTOM &&
	    (p->every_days <= 0 || p->every_days > MAX_EVERY_DAYS))
		rc = wn_err_set(err, WN_USAGE,
		                "days between steps must be between 1 and %d",
		                MAX_EVERY_DAYS);
	return rc;
}

static int hold_cmp(const void *a, const void *b)
{
	const struct wn_hold *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Sorted copy of the holds in *out (malloc'd, NULL when none). */
static int sorted_holds(const struct wn_taper_params *p, struct wn_hold **out,
                        struct wn_err *err)
{
	*out = NULL;
	if (p->n_holds == 0)
		return WN_OK;
	struct wn_hold *h = malloc((size_t)p->n_holds * sizeof *h);
	if (!h)
		return wn_err_set(err, WN_ERR, "out of memory");
	memcpy(h, p->holds, (size_t)p->n_holds * sizeof *h);
	qsort(h, (size_t)p->n_holds, sizeof *h, hold_cmp);
	for (int i = 0; i < p->n_holds; i++) {
		bool open = h[i].end == WN_DATE_NONE;
		const char *bad = NULL;
		if (!date_ok(h[i].start) || (!open && !date_ok(h[i].end)))
			bad = "a hold has no valid start date";
		else if (!open && h[i].end <= h[i].start)
			bad = "a hold must end after it starts";
		else if (i > 0 && h[i - 1].end == WN_DATE_NONE)
			bad = "only the last hold can still be open";
		else if (i > 0 && h[i].start < h[i - 1].end)
			bad = "holds overlap";
		if (bad) {
			free(h);
			return wn_err_set(err, WN_DATAERR, "%s", bad);
		}
	}
	*out = h;
	return WN_OK;
}

/* ---- building -------------------------------------------------------------------------- */

struct builder {
	const struct wn_taper_params *p;
	struct wn_rounding r;
	struct wn_rounder rd;    /* r, prepared once for every step */
	struct wn_schedule *out;
	int cap;
	bool has_occ;
	double occ0;
};

/* how (at most WN_TAPER_HOW - 1 bytes kept, as snprintf would) into dst. */
static void copy_how(char dst[WN_TAPER_HOW], const char *how)
{
	size_t len = strnlen(how, WN_TAPER_HOW - 1);
	memcpy(dst, how, len);
	dst[len] = '\0';
}

static void add_step(struct builder *b, wn_date date, double dose,
                     const char *how, bool warn)
{
	struct wn_schedule *s = b->out;
	struct wn_taper_step *st = &s->steps[s->n];
	double prev = s->n ? s->steps[s->n - 1].dose : dose;
	memset(st, 0, sizeof *st);
	st->date = st->base_date = st->due = date;
	st->dose = dose;
	st->pct_of_start = b->p->from_dose > 0 ? dose / b->p->from_dose * 100.0 : NAN;
	st->pct_cut = s->n && prev > 0 ? (prev - dose) / prev * 100.0 : 0;
	st->occupancy = b->has_occ ? wn_taper_occupancy(dose, b->p->emax, b->p->ed50)
	                           : NAN;
	copy_how(st->how, how);
	st->warn_rounding = warn;
	s->n++;
	s->n_dated = s->n;
}

static double target_dose(const struct builder *b, int k, double cur)
{
	const struct wn_taper_params *p = b->p;
	double occ;
	switch (p->method) {
	case WN_TAPER_PERCENT:
		return cur * (1.0 - p->step / 100.0);
	case WN_TAPER_OCCUPANCY:
		occ = b->occ0 - k * p->step;
		return occ <= 0 ? 0 : wn_taper_dose_for_occupancy(occ, p->emax, p->ed50);
	case WN_TAPER_LINEAR:
		return cur - p->step;
	case WN_TAPER_CUSTOM:
		break;
	}
	return 0;
}

/* Did rounding move the step by more than half its intended size?  In
 * occupancy points when the drug has parameters, else in mg. */
static bool rounding_warn(const struct builder *b, int k, double prev,
                          double want, double got)
{
	const struct wn_taper_params *p = b->p;
	if (p->method == WN_TAPER_OCCUPANCY) {
		double occ = b->occ0 - k * p->step;
		occ = occ < 0 ? 0 : occ;
		return fabs(wn_taper_occupancy(got, p->emax, p->ed50) - occ) >
		       p->step / 2 + 1e-9;
	}
	if (b->has_occ) {
		prev = wn_taper_occupancy(prev, p->emax, p->ed50);
		want = wn_taper_occupancy(want, p->emax, p->ed50);
		got = wn_taper_occupancy(got, p->emax, p->ed50);
	}
	return fabs(got - want) > (prev - want) / 2 + 1e-9;
}

struct next {
	double dose;
	char how[WN_TAPER_HOW];
	bool warn;
};

/* Step k from the current dose; returns true when it ends the schedule. */
static bool next_step(struct builder *b, int k, double cur,
                      struct next *nx)
{
	const struct wn_taper_params *p = b->p;
	double want = target_dose(b, k, cur);
	nx->warn = false;
	if (!(want > WN_TAPER_ROUND_EPS)) {
		nx->dose = 0;
	} else {
		nx->dose = wn_rounder_round(&b->rd, want, nx->how, sizeof nx->how);
		if (nx->dose >= cur - WN_TAPER_ROUND_EPS)   /* a step must cut */
			nx->dose = wn_rounder_below(&b->rd, cur, nx->how,
			                            sizeof nx->how);
		nx->warn = rounding_warn(b, k, cur, want, nx->dose);
	}
	if (nx->dose > WN_TAPER_ROUND_EPS && nx->dose < p->floor_dose - WN_TAPER_ROUND_EPS) {
		nx->dose = 0;
		nx->warn = false;
	}
	if (p->to_dose > 0 && nx->dose <= p->to_dose + WN_TAPER_ROUND_EPS) {
		nx->dose = p->to_dose;
		nx->warn = false;
		wn_rounder_describe(&b->rd, nx->dose, nx->how, sizeof nx->how);
		return true;
	}
	if (nx->dose <= WN_TAPER_ROUND_EPS)
		copy_how(nx->how, "none");
	return nx->dose <= WN_TAPER_ROUND_EPS;
}

static void gen_computed(struct builder *b)
{
	const struct wn_taper_params *p = b->p;
	char how[WN_TAPER_HOW];
	wn_rounder_describe(&b->rd, p->from_dose, how, sizeof how);
	add_step(b, p->start, p->from_dose, how, false);
	double cur = p->from_dose;
	for (int k = 1; b->out->n < b->cap; k++) {
		struct next nx;
		bool end = next_step(b, k, cur, &nx);
		add_step(b, p->start + (wn_date)k * p->every_days, nx.dose, nx.how,
		         nx.warn);
		if (end)
			return;
		cur = nx.dose;
	}
	b->out->truncated = true;
}

static void gen_custom(struct builder *b)
{
	const struct wn_taper_params *p = b->p;
	char how[WN_TAPER_HOW];
	wn_rounder_describe(&b->rd, p->from_dose, how, sizeof how);
	add_step(b, p->start, p->from_dose, how, false);
	int i = 0;
	for (; i < p->n_custom && b->out->n < b->cap; i++) {
		wn_rounder_describe(&b->rd, p->custom[i].dose, how, sizeof how);
		add_step(b, p->custom[i].date, p->custom[i].dose, how, false);
	}
	b->out->truncated = i < p->n_custom;
}

static void apply_hold(struct wn_schedule *s, const struct wn_hold *h)
{
	bool open = h->end == WN_DATE_NONE;
	if (open)
		s->hold_since = h->start;
	for (int i = 1; i < s->n_dated; i++) {
		if (s->steps[i].date < h->start)
			continue;
		if (!open) {
			s->steps[i].date += h->end - h->start;
			s->steps[i].due = s->steps[i].date;
			s->steps[i].moved++;
			continue;
		}
		for (int j = i; j < s->n; j++)
			s->steps[j].date = WN_DATE_NONE;   /* due keeps the date it had */
		s->n_dated = i;
		return;
	}
}

/* A step dated after 9999-12-31 cannot be written as a date (it would
 * read as year 0000 in a calendar file): such a schedule is refused. */
static int check_last_date(struct wn_schedule *s, struct wn_err *err)
{
	wn_date last = wn_date_from_ymd(9999, 12, 31);
	for (int i = 0; i < s->n_dated; i++) {
		if (s->steps[i].date != WN_DATE_NONE && s->steps[i].date > last) {
			wn_taper_free(s);
			return wn_err_set(err, WN_DATAERR,
			                  "the schedule runs past 9999-12-31, the last date wean"
			                  " can hold (step %d)", i + 1);
		}
	}
	return WN_OK;
}

int wn_taper_build(const struct wn_taper_params *p, struct wn_schedule *out,
                   struct wn_err *err)
{
	if (!out)
		return wn_err_set(err, WN_USAGE, "no schedule to fill");
	memset(out, 0, sizeof *out);
	out->hold_since = WN_DATE_NONE;
	int rc = check_params(p, err);
	struct wn_hold *holds = NULL;
	if (rc == WN_OK)
		rc = sorted_holds(p, &holds, err);
	if (rc != WN_OK)
		return rc;
	struct builder b = {
		.p = p, .out = out,
		.r = { .quantum = p->round_q, .forms = p->forms, .n_forms = p->n_forms },
		.cap = p->max_steps ? p->max_steps : WN_TAPER_MAX_STEPS,
		.has_occ = p->emax > 0 && p->ed50 > 0,
	};
	b.occ0 = b.has_occ ? wn_taper_occupancy(p->from_dose, p->emax, p->ed50) : NAN;
	/* not calloc: zeroing every step the cap allows cost more than the
	 * schedule; add_step clears each step it writes */
	out->steps = malloc((size_t)b.cap * sizeof *out->steps);
	if (!out->steps) {
		free(holds);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	wn_rounder_init(&b.rd, &b.r);
	if (p->method == WN_TAPER_CUSTOM)
		gen_custom(&b);
	else
		gen_computed(&b);
	wn_rounder_free(&b.rd);
	for (int i = 0; i < p->n_holds; i++)
		apply_hold(out, &holds[i]);
	free(holds);
	return check_last_date(out, err);
}

void wn_taper_free(struct wn_schedule *s)
{
	if (!s)
		return;
	free(s->steps);
	memset(s, 0, sizeof *s);
	s->hold_since = WN_DATE_NONE;
}

/* ---- reading a schedule ------------------------------------------------------------------- */

int wn_taper_step_at(const struct wn_schedule *s, wn_date day)
{
	if (!s || !s->steps || s->n_dated <= 0 || day < s->steps[0].date)
		return -1;
	int lo = 0, hi = s->n_dated - 1;   /* steps[lo].date <= day */
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;
		if (s->steps[mid].date <= day)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

int wn_taper_next_step(const struct wn_schedule *s, wn_date day)
{
	if (!s || !s->steps)
		return -1;
	int i = wn_taper_step_at(s, day) + 1;
	return i < s->n_dated ? i : -1;
}

bool wn_taper_on_hold(const struct wn_schedule *s, wn_date day)
{
	return s && s->hold_since != WN_DATE_NONE && day >= s->hold_since;
}

