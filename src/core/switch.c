/* SPDX-License-Identifier: GPL-3.0-or-later */
/* switch.c -- switching to diazepam one dose at a time; see
 * core/switch.h.  Pure. */
#include "core/switch.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"

static const char *const names[] = { "ashton", "vadod" };

const char *wn_switch_table_name(enum wn_switch_table t)
{
	return t == WN_SWITCH_VADOD ? names[1] : names[0];
}

const char *wn_switch_table_words(enum wn_switch_table t)
{
	return t == WN_SWITCH_VADOD ? "the VA/DoD (2021) column" : "the Ashton Manual (2002) column";
}

int wn_switch_table_parse(const char *s, enum wn_switch_table *out, struct wn_err *err)
{
	for (int i = 0; i < 2; i++)
		if (s && strcasecmp(s, names[i]) == 0) {
			*out = (enum wn_switch_table)i;
			return WN_OK;
		}
	return wn_err_set(err, WN_USAGE, "unknown --table '%.40s' (one of ashton or vadod)", s ? s : "");
}

double wn_switch_as_diazepam(double mg, double equiv)
{
	return equiv > 0 ? mg * 10.0 / equiv : NAN;
}

static void totals(struct wn_switch_stage *s, int n, double equiv)
{
	s->from_total = s->dz_total = 0;
	for (int i = 0; i < n; i++) {
		s->from_total += s->from[i];
		s->dz_total += s->dz[i];
	}
	s->combined = wn_switch_as_diazepam(s->from_total, equiv) + s->dz_total;
}

int wn_switch_build(const struct wn_switch_in *in, struct wn_switch *out,
                    struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	bool several = in->doses && in->doses->n >= 2;
	int n = several ? in->doses->n : 1;
	struct wn_doses order = several ? *in->doses : (struct wn_doses){ .n = 1 };
	struct wn_rounding half = { .quantum = 0.5 };
	const struct wn_rounding *r = in->dz_round ? in->dz_round : &half;
	if (!(in->equiv > 0))
		return wn_err_set(err, WN_DATAERR, "no diazepam equivalent to switch by");
	if (in->stage_days < 1 || in->stage_days > 365)
		return wn_err_set(err, WN_USAGE, "a stage lasts 1 to 365 days (got %d)", in->stage_days);
	out->n_doses = n;
	out->equiv = in->equiv;
	struct wn_switch_stage *s0 = &out->stages[0];
	for (int i = 0; i < n; i++) {
		out->minute[i] = several ? in->doses->minute[i] : -1;
		if (!(in->amounts[i] >= 0))
			return wn_err_set(err, WN_DATAERR, "a dose to switch must be 0 or more");
		s0->from[i] = in->amounts[i];
	}
	s0->date = in->start;
	totals(s0, n, in->equiv);
	if (!(s0->combined > 0))
		return wn_err_set(err, WN_DATAERR, "nothing to switch: the doses add up to 0");
	s0->pct_of_start = 100;
	out->n = 1;
	/* each dose's diazepam, and the order the stages replace the doses
	 * in: the order the rule would cut the diazepam doses, which is the
	 * order the diazepam plan (from 0 mg) fills them in (core/doses.h);
	 * a dose too small to make in diazepam comes last */
	double dz[WN_DOSES_MAX] = { 0 };
	int seq[WN_DOSES_MAX];
	for (int i = 0; i < n; i++)
		if (s0->from[i] > 0)
			dz[i] = wn_taper_round(r, wn_switch_as_diazepam(s0->from[i], in->equiv), NULL, 0);
	int n_seq = wn_doses_order(&order, dz, seq);
	for (int i = 0; i < n; i++)
		if (s0->from[i] > 0 && !(dz[i] > 0))
			seq[n_seq++] = i;
	for (int k = 1; k <= n_seq; k++) {
		struct wn_switch_stage *s = &out->stages[k];
		*s = out->stages[k - 1];
		int pick = seq[k - 1];
		s->dz[pick] += dz[pick];
		s->from[pick] = 0;
		s->date = in->start + (wn_date)(k - 1) * in->stage_days;
		totals(s, n, in->equiv);
		s->pct_of_start = s->combined / s0->combined * 100;
		if (fabs(s->combined - s0->combined) > WN_SWITCH_TOLERANCE * s0->combined + 1e-9)
			return wn_err_set(err, WN_DATAERR, "stage %d would take the day's diazepam equivalent"
			                  " to %.3g mg, more than 10%% from the %.3g mg of the start;"
			                  " record a diazepam form that can make the dose", k,
			                  s->combined, s0->combined);
		out->n = k + 1;
	}
	return WN_OK;
}

int wn_switch_equiv(const struct wn_drug *d, enum wn_switch_table t, double *out,
                    struct wn_err *err)
{
	char *end = NULL;
	const char *text = t == WN_SWITCH_VADOD ? d->diazepam_equiv_va : d->diazepam_equiv_text;
	double v = text[0] ? strtod(text, &end) : NAN;
	if (!text[0] || *end != '\0' || !(v > 0))
		return wn_err_set(err, WN_DATAERR, "%s has %s for %s; wean switches only by one number",
		                  wn_switch_table_words(t), text[0] ? "a range" : "no equivalent", d->name);
	*out = v;
	return WN_OK;
}

int wn_switch_combined(const struct wn_switch *x, const struct wn_schedule *dz,
                       wn_date *start, double *from_dose, struct wn_taper_point *pts,
                       int max, int *n, struct wn_err *err)
{
	*n = 0;
	if (x->n < 2 || dz->n < x->n || dz->steps[0].dose > 0)
		return wn_err_set(err, WN_DATAERR, "the diazepam plan does not begin with the switch's stages");
	*start = x->stages[1].date - 1;
	*from_dose = x->stages[0].combined;
	for (int k = 1; k < dz->n && *n < max; k++) {
		const struct wn_taper_step *t = &dz->steps[k];
		if (k < x->n && fabs(t->dose - x->stages[k].dz_total) > 1e-6)
			return wn_err_set(err, WN_DATAERR, "the diazepam plan's step %d is not stage %d", k, k);
		double v = k < x->n ? x->stages[k].combined : t->dose;
		double was = *n ? pts[*n - 1].dose : *from_dose;
		if (k < x->n && fabs(v - was) < 1e-6)
			continue;       /* a stage that keeps the level is no step */
		pts[(*n)++] = (struct wn_taper_point){ t->base_date, v };
	}
	return WN_OK;
}

static void dose_cells(const struct wn_switch *x, const double *a, char *buf, size_t n)
{
	char n1[32];
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < x->n_doses && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? "+" : "",
		                         wn_text_num(a[i], 3, n1, sizeof n1));
	if (used < n)
		snprintf(buf + used, n - used, " mg");
}

void wn_switch_head_text(const char *from, const char *to, char *buf, size_t n)
{
	snprintf(buf, n, "stage  from        %-14.14s %-14.14s as diazepam", from, to);
}

void wn_switch_row_text(const struct wn_switch *x, int k, char *buf, size_t n)
{
	const struct wn_switch_stage *s = &x->stages[k];
	char c1[64], c2[64], no[16], d[WN_DATE_STRLEN], n1[32];
	dose_cells(x, s->from, c1, sizeof c1);
	dose_cells(x, s->dz, c2, sizeof c2);
	snprintf(no, sizeof no, "%d", k);
	snprintf(buf, n, "%5s  %-10s  %-14s %-14s %s mg (%.0f%%)", k ? no : "now",
	         k ? wn_date_format(s->date, d) : "(before)", c1, c2,
	         wn_text_num(s->combined, 3, n1, sizeof n1), s->pct_of_start);
}
