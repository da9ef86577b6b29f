/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review_pace.c -- the plan review's pace and final-step checks: the
 * plan against the published pace of the drug's class (drugs.ini
 * [class_*], struct wn_drug_pace) and the step to 0.  See core/review.h. */
#include "review_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct wn_review_step *step(const struct rv *x, int i)
{
	return &x->out->steps[i];
}

/* The step that stops: dose 0 after a dose above 0. */
static bool is_stop(const struct rv *x, int i)
{
	return i >= 1 && step(x, i)->dose <= RV_EPS && step(x, i)->prev > RV_EPS;
}

/* The cut the plan asks for at step j, in %: computed methods as the
 * method asks (rounding is ROUNDING_JUMP's business), custom as listed. */
static double asked_cut(const struct rv *x, int j)
{
	return x->p->method == WN_TAPER_CUSTOM ? step(x, j)->cut_pct
	                                       : step(x, j)->nominal_pct;
}

/* The share of the dose the cuts asked for within the `days` days up to
 * step i remove, in %; *n_in counts those cuts. */
static double window_cut(const struct rv *x, int i, int days, int *n_in)
{
	double keep = 1;
	*n_in = 0;
	for (int j = i; j >= 1 && step(x, j)->date > step(x, i)->date - days; j--) {
		double c = asked_cut(x, j);
		if (c > RV_EPS && !is_stop(x, j)) {
			keep *= 1 - c / 100;
			(*n_in)++;
		}
	}
	return (1 - keep) * 100;
}

/* Does step i go faster than the pace?  *val: its cut within the window;
 * *n_in: the cuts in that window. */
static bool too_fast(const struct rv *x, int i, double *val, int *n_in)
{
	const struct wn_drug_pace *pc = &x->drug->pace;
	if (is_stop(x, i)) {      /* a stop within the window of an earlier cut */
		*val = 100;
		*n_in = 1;
		for (int j = i - 1; j >= 1 && step(x, j)->date > step(x, i)->date - pc->per_days; j--)
			if (step(x, j)->cut_pct > RV_EPS)
				*n_in = 2;
		return *n_in > 1;
	}
	if (asked_cut(x, i) <= RV_EPS)
		return false;
	*val = window_cut(x, i, pc->per_days, n_in);
	return *val > pc->max_cut_pct + RV_EPS;
}

static void hazard_words(const struct rv *x, struct wn_review_finding *f)
{
	const struct wn_drug_pace *pc = &x->drug->pace;
	if (!pc->stop_hazard[0])
		return;
	rv_addf(f->text, sizeof f->text, "; according to %s, the risk is %s",
	        pc->stop_hazard_by, pc->stop_hazard);
	rv_add_src(f->src, sizeof f->src, pc->stop_hazard_src);
}

/* Consecutive steps faster than the pace. */
struct run {
	int from, to;
	double worst;          /* the largest cut within a window, % */
	bool several;          /* some window holds more than one cut */
};

static void run_words(const struct rv *x, const struct run *u, struct wn_review_finding *f)
{
	char who[RV_WHO], v[RV_NUM];
	rv_steps_name(x, u->from, u->to, who);
	rv_num(u->worst, 1, v);
	if (u->several)
		rv_addf(f->text, sizeof f->text, "%s cut%s up to %s%% of the dose within %d days",
		        who, u->from == u->to ? "s" : "", v, x->drug->pace.per_days);
	else if (u->from == u->to)
		rv_addf(f->text, sizeof f->text, "%s cuts %s%% of the dose in one step", who, v);
	else
		rv_addf(f->text, sizeof f->text, "%s cut up to %s%% of the dose in one step", who, v);
}

static void pace_finding(struct rv *x, const struct run *u)
{
	const struct wn_drug_pace *pc = &x->drug->pace;
	struct wn_review_finding *f = rv_add(x, WN_REVIEW_PACE, WN_REVIEW_WARNING, u->from);
	char m[RV_NUM], occ[160];
	if (!f)
		return;
	f->step_to = u->to;
	run_words(x, u, f);
	if (x->p->method == WN_TAPER_OCCUPANCY && x->has_occ) {
		rv_occ_words(&x->out->sert, occ, sizeof occ);
		rv_addf(f->text, sizeof f->text, " (equal occupancy steps: %s)", occ);
	}
	rv_addf(f->text, sizeof f->text, "; according to %s, the fastest pace is %s%% of "
	        "the dose within %d days", pc->pace_by, rv_num(pc->max_cut_pct, 1, m),
	        pc->per_days);
	rv_add_src(f->src, sizeof f->src, pc->pace_src);
	hazard_words(x, f);
	rv_addf(f->text, sizeof f->text, ".");
	if (u->from == u->to)
		rv_addf(f->brief, sizeof f->brief, "step %d faster than the published pace",
		        u->from);
	else
		rv_addf(f->brief, sizeof f->brief, "steps %d-%d faster than the published pace",
		        u->from, u->to);
}

/* A stop sooner than pace_min_taper_days after the first cut. */
static void check_min_taper(struct rv *x)
{
	const struct wn_drug_pace *pc = &x->drug->pace;
	int last = x->out->n_steps - 1;
	if (pc->min_taper_days <= 0 || !is_stop(x, last))
		return;
	long days = step(x, last)->date - step(x, 1)->date;
	if (days >= pc->min_taper_days)
		return;
	struct wn_review_finding *f = rv_add_step(x, WN_REVIEW_PACE, WN_REVIEW_WARNING, last);
	if (!f)
		return;
	if (days == 0)
		rv_addf(f->text, sizeof f->text, " stops at once, with the first cut");
	else
		rv_addf(f->text, sizeof f->text, " stops %ld day%s after the first cut", days,
		        days == 1 ? "" : "s");
	rv_addf(f->text, sizeof f->text, "; according to %s, a stop comes at least %d days "
	        "after the first cut", pc->pace_by, pc->min_taper_days);
	rv_add_src(f->src, sizeof f->src, pc->pace_src);
	hazard_words(x, f);
	rv_addf(f->text, sizeof f->text, ".");
	rv_addf(f->brief, sizeof f->brief, "stops %ld days after the first cut", days);
}

void rv_check_pace(struct rv *x)
{
	if (!x->drug || !x->drug->pace.name[0])
		return;
	int n = x->out->n_steps;
	struct run u = { .from = -1 };
	for (int i = 1; x->drug->pace.max_cut_pct > 0 && i <= n; i++) {
		double v = 0;
		int k = 0;
		if (i < n && too_fast(x, i, &v, &k)) {
			u.from = u.from < 0 ? i : u.from;
			u.worst = v > u.worst ? v : u.worst;
			u.several = u.several || k > 1;
			continue;
		}
		if (u.from >= 0) {
			u.to = i - 1;
			pace_finding(x, &u);
		}
		u = (struct run){ .from = -1 };
	}
	check_min_taper(x);
}

/* ---- the final step ---------------------------------------------------------- */

/* What a step removes on the occupancy scale, else in mg. */
static double removed(const struct rv *x, int j)
{
	return x->has_occ ? step(x, j)->cut_pts : step(x, j)->prev - step(x, j)->dose;
}

static void final_words(struct rv *x, int i, double largest, struct wn_review_finding *f)
{
	const struct wn_review_step *r = step(x, i);
	char d[RV_NUM], s[RV_NUM], p[RV_NUM], l[RV_NUM], occ[160];
	const char *scale = x->has_occ ? "points" : x->out->unit;
	double top = x->p->from_dose;      /* a plan from 0 mg: its highest dose */
	for (int j = 0; !(x->p->from_dose > 0) && j < x->out->n_steps; j++)
		top = step(x, j)->dose > top ? step(x, j)->dose : top;
	rv_addf(f->text, sizeof f->text, " stops: the last dose, %s %s, is %s%% of the "
	        "%s dose", rv_num(r->prev, 4, d), x->out->unit,
	        rv_num(r->prev / top * 100, 1, s), x->p->from_dose > 0 ? "starting" : "highest");
	if (x->has_occ) {
		rv_occ_words(&x->out->sert, occ, sizeof occ);
		rv_addf(f->text, sizeof f->text, " and about %s points of estimated occupancy "
		        "(%s)", rv_num(r->cut_pts, 1, p), occ);
		rv_add_src(f->src, sizeof f->src, x->out->sert.src);
	}
	if (i == 1)
		rv_addf(f->text, sizeof f->text, "; it is the only cut, so the plan stops at once");
	else if (removed(x, i) > largest + RV_EPS)
		rv_addf(f->text, sizeof f->text, "; that is more than any earlier step removed "
		        "(at most %s %s)", rv_num(largest, 1, l), scale);
	else
		rv_addf(f->text, sizeof f->text, "; earlier steps removed up to %s %s",
		        rv_num(largest, 1, l), scale);
}

void rv_check_final(struct rv *x)
{
	int i = x->out->n_steps - 1;
	double largest = 0;
	char d[RV_NUM];
	if (!is_stop(x, i))
		return;
	for (int j = 1; j < i; j++)
		largest = removed(x, j) > largest ? removed(x, j) : largest;
	bool larger = removed(x, i) > largest + RV_EPS;
	bool hazard = larger && x->drug && x->drug->pace.stop_hazard[0];
	struct wn_review_finding *f = rv_add_step(x, WN_REVIEW_FINAL, hazard ?
	                                          WN_REVIEW_WARNING : larger ?
	                                          WN_REVIEW_CAUTION : WN_REVIEW_INFO, i);
	if (!f)
		return;
	final_words(x, i, largest, f);
	if (hazard)
		hazard_words(x, f);
	rv_addf(f->text, sizeof f->text, ".");
	rv_addf(f->brief, sizeof f->brief, "step %d stops from %s %s", i,
	         rv_num(step(x, i)->prev, 4, d), x->out->unit);
}
