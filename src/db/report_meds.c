/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_meds.c -- the medications of a report: the dose now and the last
 * one taken, the taper history of each active plan (steps as planned and
 * as taken, holds and reinstatements) and its review, adherence over the
 * range, and the cuts of every plan for the step-aligned burden (see
 * report.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/text.h"
#include "db/med.h"
#include "db/plan.h"
#include "db_int.h"

struct loaded {
	struct wn_plan_built b;
	bool have;
};

/* The plan days of one medication: [from, from + n). */
struct days {
	struct wn_plan_day *d;
	wn_date from;
	long n;
};

/* ---- reading ------------------------------------------------------------------- */

static const char q_last[] = "SELECT date, sum(amount) FROM dose"
	" WHERE med_id = ?1 AND date <= ?2 GROUP BY date ORDER BY date DESC LIMIT 1";

static int last_taken(struct wn_db *db, struct wn_report_med *m, wn_date to,
                      struct wn_err *err)
{
	sqlite3_stmt *st;
	m->last_date = WN_DATE_NONE;
	m->last_taken = NAN;
	int status = wn_db_prepare(db, q_last, &st, err);
	if (status != WN_OK)
		return status;
	sqlite3_bind_int64(st, 1, m->med.id);
	wn_db_bind_date(st, 2, to);
	if (wn_db_row(db, st, "read the doses", &status, err)) {
		m->last_date = wn_db_col_date(st, 0);
		if (m->last_date != WN_DATE_NONE)
			m->last_taken = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return status;
}

/* The active plan, built; l->have is false when there is none. */
static int load_plan(struct wn_db *db, const struct wn_med *m, struct loaded *l,
                     struct wn_err *err)
{
	int rc = wn_db_plan_built(db, m, &l->b, err);
	l->have = rc == WN_OK;
	if (rc == WN_NOINPUT) {
		wn_err_clear(err);
		return WN_OK;
	}
	return rc;
}

static void loaded_free(struct loaded *l)
{
	wn_plan_built_free(&l->b);
}

/* From the plan's start (or the range's, whichever is earlier) to the end. */
static int load_days(struct wn_db *db, const struct wn_report *r, const struct loaded *l,
                     long med_id, struct days *dd, struct wn_err *err)
{
	wn_date lo = r->from;
	if (l->have && l->b.plan.params.start < lo)
		lo = l->b.plan.params.start;
	if (r->to - lo >= WN_REPORT_MAX_DAYS)
		lo = r->to - WN_REPORT_MAX_DAYS + 1;
	dd->from = lo;
	dd->n = r->to - lo + 1;
	dd->d = malloc((size_t)dd->n * sizeof *dd->d);
	if (!dd->d)
		return wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range pr = { .plan = l->have ? &l->b.plan : NULL,
	                            .sched = l->have ? &l->b.sched : NULL,
	                            .med_id = med_id, .from = lo, .to = r->to };
	return wn_db_plan_days(db, &pr, dd->d, err);
}

static const struct wn_plan_day *day_at(const struct days *dd, wn_date d)
{
	return d >= dd->from && d - dd->from < dd->n ? &dd->d[d - dd->from] : NULL;
}

/* ---- the range: daily doses and adherence ----------------------------------------- */

static int fill_range(const struct wn_report *r, struct wn_report_med *m,
                      const struct days *dd, struct wn_err *err)
{
	size_t n = (size_t)r->n_days;
	m->planned_days = malloc(n * sizeof *m->planned_days);
	m->taken_days = malloc(n * sizeof *m->taken_days);
	if (!m->planned_days || !m->taken_days)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const struct wn_plan_day *d = day_at(dd, r->from + (wn_date)i);
		m->planned_days[i] = d ? d->planned : NAN;
		m->taken_days[i] = d && d->n_doses > 0 ? d->taken : NAN;
		if (r->from + (wn_date)i >= r->counted_from)   /* the diary's days only */
			m->dose[d ? d->status : WN_DOSE_NOT_PLANNED]++;
	}
	return WN_OK;
}

/* ---- steps ------------------------------------------------------------------------ */

static bool held_on(const struct wn_plan *p, wn_date d)
{
	for (int i = 0; i < p->n_holds; i++)
		if (d >= p->holds[i].start && (p->holds[i].end == WN_DATE_NONE ||
		                               d < p->holds[i].end))
			return true;
	return false;
}

static void step_stats(const struct days *dd, const struct wn_plan *p,
                       struct wn_report_step *st, wn_date last)
{
	double sum = 0;
	for (wn_date d = st->date; d <= last; d++) {
		const struct wn_plan_day *pd = day_at(dd, d);
		st->days++;
		st->days_held += held_on(p, d);
		if (pd && wn_vocab_dose_recorded(pd->status)) {
			st->dose_days++;
			sum += pd->taken;
		}
	}
	st->taken_mean = st->dose_days ? sum / st->dose_days : NAN;
}

static void step_from(const struct wn_schedule *s, int i, struct wn_report_step *st)
{
	const struct wn_taper_step *t = &s->steps[i];
	*st = (struct wn_report_step){ .index = i, .date = t->date, .dose = t->dose,
	                               .pct_of_start = t->pct_of_start,
	                               .pct_cut = t->pct_cut, .taken_mean = NAN };
}

static int build_steps(const struct wn_report *r, struct wn_report_med *m,
                       const struct loaded *l, const struct days *dd, struct wn_err *err)
{
	const struct wn_schedule *s = &l->b.sched;
	int last = wn_taper_step_at(s, r->to), next = wn_taper_next_step(s, r->to);
	int first = last - (WN_REPORT_MAX_STEPS - 1) > 0 ? last - (WN_REPORT_MAX_STEPS - 1) : 0;
	size_t n = (size_t)(last >= 0 ? last - first + 1 : 0) + (next >= 0);
	m->steps_omitted = last >= 0 ? (size_t)first : 0;
	m->steps = calloc(n ? n : 1, sizeof *m->steps);
	if (!m->steps)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (int i = first; last >= 0 && i <= last; i++) {
		struct wn_report_step *st = &m->steps[m->n_steps++];
		step_from(s, i, st);
		wn_date end = i + 1 < s->n_dated ? s->steps[i + 1].date - 1 : r->to;
		step_stats(dd, &l->b.plan, st, end < r->to ? end : r->to);
	}
	if (next >= 0) {
		step_from(s, next, &m->steps[m->n_steps]);
		m->steps[m->n_steps++].future = true;
	}
	return WN_OK;
}

static int copy_events(const struct wn_report *r, struct wn_report_med *m,
                       const struct wn_plan *p, struct wn_err *err)
{
	m->events = calloc(p->n_events ? p->n_events : 1, sizeof *m->events);
	if (!m->events)
		return wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; i < p->n_events; i++) {
		if (p->events[i].start > r->to)
			continue;
		struct wn_plan_event *e = &m->events[m->n_events++];
		*e = p->events[i];
		if (e->end != WN_DATE_NONE && e->end > r->to && e->kind == WN_PLAN_HOLD)
			e->end = WN_DATE_NONE;      /* still on hold at the end */
		if (p->events[i].reason && !(e->reason = strdup(p->events[i].reason)))
			return wn_err_set(err, WN_ERR, "out of memory");
	}
	return WN_OK;
}

/* Where the plan stands on the report's last day. */
static void current(const struct wn_report *r, struct wn_report_med *m, const struct loaded *l)
{
	const struct wn_schedule *s = &l->b.sched;
	int cur = wn_taper_step_at(s, r->to), next = wn_taper_next_step(s, r->to);
	m->planned = wn_plan_planned_on(&l->b.plan, s, r->to);
	m->pct_reduced = isfinite(m->planned) ? 100.0 - m->planned / m->start_dose * 100.0 : NAN;
	m->step_since = wn_plan_dose_since(&l->b.plan, s, r->to);
	m->days_at_step = cur >= 0 ? (int)(r->to - m->step_since + 1) : 0;
	for (size_t i = 0; i < m->n_events; i++)
		if (m->events[i].kind == WN_PLAN_HOLD && m->events[i].end == WN_DATE_NONE)
			m->hold_since = m->events[i].start;
	m->next_date = cur >= 0 && next >= 0 ? s->steps[next].date : WN_DATE_NONE;
	m->next_dose = cur >= 0 && next >= 0 ? s->steps[next].dose : NAN;
}

/* The plan's one form, the day agreed, and its reviews. */
static int review(const struct wn_report *r, struct wn_report_med *m, const struct loaded *l,
                  struct wn_err *err)
{
	const struct wn_plan *p = &l->b.plan;
	snprintf(m->form_label, sizeof m->form_label, "%s", p->form_label);
	m->form_missing = p->form_missing;
	m->agreed_on = p->agreed_on;
	return wn_report_reviews(&l->b, &m->med, r->to, &m->reviews, &m->n_reviews, err);
}

/* ---- cuts ----------------------------------------------------------------------------- */

struct cut_list { size_t cap; };

static int add_cuts(struct wn_report *r, size_t med, const struct wn_schedule *s,
                    struct cut_list *cl, struct wn_err *err)
{
	int last = wn_taper_step_at(s, r->to);
	for (int k = 1; k <= last; k++) {
		if (wn_buf_grow((void **)&r->cuts, &cl->cap, r->n_cuts, sizeof *r->cuts))
			return wn_err_set(err, WN_ERR, "out of memory");
		r->cuts[r->n_cuts++] = (struct wn_report_cut){ .date = s->steps[k].date,
		                                               .dose = s->steps[k].dose,
		                                               .med = med };
	}
	return WN_OK;
}

static int cmp_cut(const void *a, const void *b)
{
	const struct wn_report_cut *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->med > y->med) - (x->med < y->med);
}

/* Sorted; the first cut of all; only the last WN_REPORT_MAX_STEPS kept. */
static void settle_cuts(struct wn_report *r)
{
	if (r->n_cuts == 0)
		return;
	qsort(r->cuts, r->n_cuts, sizeof *r->cuts, cmp_cut);
	r->first_cut = r->cuts[0].date;
	if (r->n_cuts > WN_REPORT_MAX_STEPS) {
		r->cuts_omitted = r->n_cuts - WN_REPORT_MAX_STEPS;
		memmove(r->cuts, r->cuts + r->cuts_omitted, WN_REPORT_MAX_STEPS * sizeof *r->cuts);
		r->n_cuts = WN_REPORT_MAX_STEPS;
	}
}

void wn_report_cut_means(struct wn_report *r, const struct wn_insight_series *s)
{
	wn_date dates[WN_REPORT_MAX_STEPS];
	struct wn_insight_step st[WN_REPORT_MAX_STEPS];
	size_t n = 0;
	for (size_t i = 0; i < r->n_cuts; i++)
		if (n == 0 || dates[n - 1] != r->cuts[i].date)
			dates[n++] = r->cuts[i].date;
	if (n == 0)
		return;
	wn_insight_steps(s, dates, n, st);
	for (size_t i = 0, k = 0; i < r->n_cuts; i++) {
		while (dates[k] != r->cuts[i].date)
			k++;
		r->cuts[i].burden = st[k];
	}
}

/* ---- one medication, all of them -------------------------------------------------------- */

/* The plan's doses through the day on the end day, and the switch it
 * takes part in (db/plan.h), for the report's section on them. */
static void gather_doses(struct wn_db *db, const struct wn_report *r, struct wn_report_med *m,
                         const struct loaded *l)
{
	static struct wn_db_switch_view sv;
	m->doses = l->b.plan.doses;
	for (int i = 0; i < WN_DOSES_MAX; i++)
		m->doses_end[i] = NAN;
	wn_plan_doses_on(&l->b.plan, &l->b.sched, r->to, m->doses_end);
	if (wn_db_plan_switch_view(db, l->b.plan.id, &sv, NULL) == WN_OK) {
		m->has_switch = true;
		m->sw = sv.sw;
		snprintf(m->switch_from, sizeof m->switch_from, "%s", sv.from.name);
		snprintf(m->switch_to, sizeof m->switch_to, "%s", sv.to.name);
		m->switch_stage_days = sv.link.stage_days;
		m->switch_table = sv.table;
		m->switch_taper_from = sv.taper_from;
	}
}

static int gather_med(struct wn_db *db, struct wn_report *r, size_t idx,
                      const struct loaded *l, struct cut_list *cl, struct wn_err *err)
{
	struct wn_report_med *m = &r->meds[idx];
	struct days dd = { 0 };
	int rc = load_days(db, r, l, m->med.id, &dd, err);
	if (rc == WN_OK)
		rc = fill_range(r, m, &dd, err);
	m->has_plan = l->have;
	if (rc == WN_OK && l->have)
		gather_doses(db, r, m, l);
	if (rc == WN_OK && l->have) {
		m->method = l->b.plan.params.method;
		m->step = l->b.plan.params.step;
		m->every_days = l->b.plan.params.every_days;
		m->plan_start = l->b.plan.params.start;
		m->start_dose = l->b.plan.params.from_dose;
		rc = build_steps(r, m, l, &dd, err);
		if (rc == WN_OK)
			rc = copy_events(r, m, &l->b.plan, err);
		if (rc == WN_OK)
			current(r, m, l);
		if (rc == WN_OK)
			rc = review(r, m, l, err);
		if (rc == WN_OK)
			rc = add_cuts(r, idx, &l->b.sched, cl, err);
	}
	free(dd.d);
	return rc;
}

static void med_init(struct wn_report_med *m, const struct wn_med *med)
{
	*m = (struct wn_report_med){ .med = *med, .planned = NAN, .pct_reduced = NAN,
	                             .step_since = WN_DATE_NONE, .hold_since = WN_DATE_NONE,
	                             .next_date = WN_DATE_NONE, .next_dose = NAN,
	                             .last_date = WN_DATE_NONE, .last_taken = NAN,
	                             .agreed_on = WN_DATE_NONE };
}

int wn_report_gather_meds(struct wn_db *db, struct wn_report *r, struct wn_err *err)
{
	struct wn_med *meds = NULL;
	size_t n = 0;
	struct cut_list cl = { 0 };
	int rc = wn_db_med_list(db, &meds, &n, err);
	if (rc == WN_OK && !(r->meds = calloc(n ? n : 1, sizeof *r->meds)))
		rc = wn_err_set(err, WN_ERR, "out of memory");
	for (size_t i = 0; rc == WN_OK && i < n; i++) {
		struct wn_report_med *m = &r->meds[r->n_meds];
		struct loaded l;
		med_init(m, &meds[i]);
		memset(&l, 0, sizeof l);
		rc = last_taken(db, m, r->to, err);
		if (rc == WN_OK)
			rc = load_plan(db, &meds[i], &l, err);
		if (rc == WN_OK && (l.have || m->last_date != WN_DATE_NONE)) {
			r->n_meds++;
			rc = gather_med(db, r, r->n_meds - 1, &l, &cl, err);
		}
		loaded_free(&l);
	}
	free(meds);
	if (rc == WN_OK)
		settle_cuts(r);
	return rc;
}

