/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_reinstate.c -- the step that follows going back up to a dose; see
 * wn_review_reinstate in core/review.h. */
#include "review_int.h"

#include <stdio.h>
#include <string.h>

#define JUMP_PCT 25.0          /* as a rounding jump: a quarter of the dose */

/* The first dated step after `on`, or -1. */
static int next_step(const struct wn_schedule *s, wn_date on)
{
	for (int i = 0; i < s->n_dated; i++)
		if (s->steps[i].date > on)
			return i;
	return -1;
}

static void cut_words(struct wn_review_finding *f, const struct wn_review_reinstate *r,
                      const struct wn_taper_step *st, double cut, const char *unit)
{
	char a[RV_NUM], b[RV_NUM], c[RV_NUM], d1[WN_DATE_STRLEN], d2[WN_DATE_STRLEN];
	rv_addf(f->text, sizeof f->text, "After going back up to %s %s on %s, the plan "
	        "entered in wean steps to %s %s on %s: a cut of %s%% of the dose in one step",
	        rv_num(r->dose, 3, a), unit, wn_date_format(r->on, d1),
	        rv_num(st->dose, 3, b), unit, wn_date_format(st->date, d2), rv_num(cut, 1, c));
	snprintf(f->brief, sizeof f->brief, "the step after going back up cuts %.10s%%", c);
}

static void pace_words(struct wn_review_finding *f, const struct wn_drug_pace *pc)
{
	char m[RV_NUM];
	rv_addf(f->text, sizeof f->text, "; according to %s, the fastest pace is %s%% of "
	        "the dose within %d days", pc->pace_by, rv_num(pc->max_cut_pct, 1, m),
	        pc->per_days);
	rv_add_src(f->src, sizeof f->src, pc->pace_src);
	if (pc->stop_hazard[0]) {
		rv_addf(f->text, sizeof f->text, "; according to %s, the risk is %s",
		        pc->stop_hazard_by, pc->stop_hazard);
		rv_add_src(f->src, sizeof f->src, pc->stop_hazard_src);
	}
}

int wn_review_reinstate(const struct wn_review_input *in,
                        const struct wn_review_reinstate *r, struct wn_review *out,
                        struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	if (!in || !in->schedule || !r || !(r->dose > 0))
		return wn_err_set(err, WN_USAGE, "nothing to review");
	int i = next_step(in->schedule, r->on);
	const struct wn_taper_step *st = i >= 0 ? &in->schedule->steps[i] : NULL;
	if (!st || st->dose >= r->dose - RV_EPS)
		return WN_OK;
	double cut = (r->dose - st->dose) / r->dose * 100;
	const struct wn_drug_pace *pc = in->drug ? &in->drug->pace : NULL;
	bool pace = pc && pc->max_cut_pct > 0 && cut > pc->max_cut_pct + RV_EPS;
	enum wn_review_level level = pace || cut >= JUMP_PCT - RV_EPS ?
		WN_REVIEW_WARNING : WN_REVIEW_INFO;
	struct rv x = { .p = in->params, .s = in->schedule, .drug = in->drug, .out = out };
	struct wn_review_finding *f = rv_add(&x, WN_REVIEW_AFTER_REINSTATE, level, i);
	if (!f)
		return wn_err_set(err, WN_ERR, "out of memory");
	cut_words(f, r, st, cut, in->unit ? in->unit : "mg");
	if (pace)
		pace_words(f, pc);
	rv_addf(f->text, sizeof f->text, ". How to go on from %s %s is for you and your "
	        "prescriber; 'wean plan add' can enter a plan that starts there.",
	        rv_num(r->dose, 3, (char[RV_NUM]){ 0 }), in->unit ? in->unit : "mg");
	out->n_findings = 1;
	out->n_warnings = level == WN_REVIEW_WARNING;
	out->worst = level;
	snprintf(out->unit, sizeof out->unit, "%s", in->unit ? in->unit : "mg");
	return WN_OK;
}
