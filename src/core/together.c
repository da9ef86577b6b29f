/* SPDX-License-Identifier: GPL-3.0-or-later */
/* together.c -- the combined schedule of several plans; see together.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "core/together.h"
#include "core/plan.h"

/* "0.5" or "1-2" -> low and high ends; false when empty. */
static bool equiv_range(const char *text, double *lo, double *hi)
{
	char *end;
	double a = strtod(text, &end);
	if (end == text || !(a > 0))
		return false;
	double b = a;
	if (*end == '-') {
		const char *p = end + 1;
		b = strtod(p, &end);
		if (end == p || b < a)
			b = a;
	}
	*lo = a;
	*hi = b;
	return true;
}

int wn_together_diazepam(const struct wn_drug *drug, const char *unit,
                         double dose, double *lo, double *hi)
{
	double e_lo = INFINITY, e_hi = 0, a, b;
	if (!drug || !unit || strcasecmp(unit, "mg") != 0 || isnan(dose))
		return WN_NOINPUT;
	if (drug->diazepam_equiv > 0) {
		e_lo = drug->diazepam_equiv;
		e_hi = drug->diazepam_equiv_hi > e_lo ? drug->diazepam_equiv_hi : e_lo;
	}
	if (equiv_range(drug->diazepam_equiv_va, &a, &b)) {
		e_lo = a < e_lo ? a : e_lo;
		e_hi = b > e_hi ? b : e_hi;
	}
	if (e_hi <= 0)
		return WN_NOINPUT;
	/* X mg of the drug equals 10 mg diazepam: a larger X means less
	 * diazepam per mg, so the high equivalent gives the low end. */
	*lo = dose * 10.0 / e_hi;
	*hi = dose * 10.0 / e_lo;
	return WN_OK;
}

bool wn_together_has_equiv(const struct wn_together_med *m, int n)
{
	double lo, hi;
	for (int i = 0; i < n; i++)
		if (wn_together_diazepam(m[i].drug, m[i].unit, 1, &lo, &hi) == WN_OK)
			return true;
	return false;
}

static int cmp_date(const void *a, const void *b)
{
	wn_date x = *(const wn_date *)a, y = *(const wn_date *)b;
	return (x > y) - (x < y);
}

/* Every dated step and reinstatement of every plan, sorted, unique. */
static wn_date *change_days(const struct wn_together_med *m, int n, size_t *count)
{
	size_t cap = 0, k = 0;
	for (int i = 0; i < n; i++)
		cap += (size_t)m[i].sched->n_dated + m[i].plan->n_events;
	wn_date *d = malloc((cap ? cap : 1) * sizeof *d);
	if (!d)
		return NULL;
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < m[i].sched->n_dated; j++)
			d[k++] = m[i].sched->steps[j].date;
		for (size_t j = 0; j < m[i].plan->n_events; j++)
			if (m[i].plan->events[j].kind == WN_PLAN_REINSTATE)
				d[k++] = m[i].plan->events[j].start;
	}
	qsort(d, k, sizeof *d, cmp_date);
	size_t u = 0;
	for (size_t j = 0; j < k; j++)
		if (u == 0 || d[u - 1] != d[j])
			d[u++] = d[j];
	*count = u;
	return d;
}

static bool is_benzo(const struct wn_drug *d)
{
	return d && strcasecmp(d->drug_class, "benzodiazepine") == 0;
}

static void fill_row(const struct wn_together_med *m, int n, struct wn_together_row *r)
{
	bool any = false;
	r->dz_lo = r->dz_hi = 0;
	r->dz_partial = false;
	for (int i = 0; i < n; i++) {
		double lo, hi, dose = wn_plan_planned_on(m[i].plan, m[i].sched, r->date);
		r->dose[i] = dose;
		if (m[i].dz_per_mg > 0) {            /* by the switch's table */
			r->dz_lo += (isnan(dose) ? 0 : dose) * m[i].dz_per_mg;
			r->dz_hi += (isnan(dose) ? 0 : dose) * m[i].dz_per_mg;
			any = true;
		} else if (wn_together_diazepam(m[i].drug, m[i].unit, isnan(dose) ? 0 : dose,
		                         &lo, &hi) == WN_OK) {
			r->dz_lo += lo;
			r->dz_hi += hi;
			any = true;
		} else if (is_benzo(m[i].drug) && dose > 0) {
			r->dz_partial = true;
		}
	}
	for (int i = n; i < WN_TOGETHER_MAX; i++)
		r->dose[i] = NAN;
	if (!any)
		r->dz_lo = r->dz_hi = NAN;
}

int wn_together_rows(const struct wn_together_med *m, int n,
                     struct wn_together_row **rows, size_t *nrows,
                     struct wn_err *err)
{
	*rows = NULL;
	*nrows = 0;
	if (n < 2 || n > WN_TOGETHER_MAX)
		return wn_err_set(err, WN_USAGE, "a combined schedule needs 2 to %d plans",
		                  WN_TOGETHER_MAX);
	size_t k;
	wn_date *days = change_days(m, n, &k);
	struct wn_together_row *r = days ? calloc(k ? k : 1, sizeof *r) : NULL;
	if (!r) {
		free(days);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	for (size_t j = 0; j < k; j++) {
		r[j].date = days[j];
		fill_row(m, n, &r[j]);
	}
	free(days);
	*rows = r;
	*nrows = k;
	return WN_OK;
}

char *wn_together_equiv_text(const struct wn_together_row *r, char *buf, size_t n)
{
	char lo[32], hi[32];
	if (isnan(r->dz_lo)) {
		snprintf(buf, n, "-");
		return buf;
	}
	wn_text_num(r->dz_lo, 1, lo, sizeof lo);
	wn_text_num(r->dz_hi, 1, hi, sizeof hi);
	if (strcmp(lo, hi) == 0)
		snprintf(buf, n, "~%s mg%s", lo, r->dz_partial ? " (+ others)" : "");
	else
		snprintf(buf, n, "~%s-%s mg%s", lo, hi, r->dz_partial ? " (+ others)" : "");
	return buf;
}
