/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_facts.c -- a plan's reviews as report facts, and freeing a
 * gathered report; see core/report_facts.h. */
#include "core/report_facts.h"
#include "core/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the reviews of a plan ------------------------------------------------ */

void wn_report_reviews_free(struct wn_report_review *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].findings);
	free(v);
}

static void finding_from(struct wn_report_finding *o, const struct wn_review_finding *f,
                         const struct wn_plan *p)
{
	const struct wn_plan_ack *a = f->level == WN_REVIEW_WARNING ? wn_plan_acked(p, f) : NULL;
	*o = (struct wn_report_finding){ .f = *f, .acked = a != NULL };
	if (a)
		snprintf(o->acked_on, sizeof o->acked_on, "%.10s", a->acked);
}

/* A review's findings, warnings first, then cautions, then notes (each
 * in the review's order), each warning with its acknowledgement. */
static int review_from(struct wn_report_review *o, const struct wn_review *rv,
                       const struct wn_plan *p)
{
	static const enum wn_review_level order[] = { WN_REVIEW_WARNING, WN_REVIEW_CAUTION,
	                                              WN_REVIEW_INFO };
	size_t n = rv->n_findings > 0 ? (size_t)rv->n_findings : 0;
	o->findings = calloc(n ? n : 1, sizeof *o->findings);
	if (!o->findings)
		return WN_ERR;
	for (size_t k = 0; k < sizeof order / sizeof *order; k++)
		for (size_t i = 0; i < n; i++)
			if (rv->findings[i].level == order[k])
				finding_from(&o->findings[o->n_findings++], &rv->findings[i], p);
	o->n_warnings = rv->n_warnings;
	o->n_cautions = rv->n_cautions;
	o->n_notes = rv->n_findings - rv->n_warnings - rv->n_cautions;
	o->sert = rv->sert;
	return WN_OK;
}

/* Appends the review of the step after going back up on event e, when it
 * has findings. */
static int add_reinstated(const struct wn_plan_built *b, const struct wn_med *m,
                          const struct wn_plan_event *e, struct wn_report_review *v,
                          size_t *n, struct wn_err *err)
{
	struct wn_review rv;
	int rc = wn_plan_review_reinstate(b, m, e->start, e->dose, &rv, err);
	if (rc == WN_OK && rv.n_findings) {
		v[*n] = (struct wn_report_review){ .reinstated = e->start, .dose = e->dose };
		if (review_from(&v[*n], &rv, &b->plan) != WN_OK)
			rc = wn_err_set(err, WN_ERR, "out of memory");
		else
			(*n)++;
	}
	wn_review_free(&rv);
	return rc;
}

int wn_report_reviews(const struct wn_plan_built *b, const struct wn_med *m, wn_date to,
                      struct wn_report_review **out, size_t *n, struct wn_err *err)
{
	struct wn_review rv;
	*out = NULL;
	*n = 0;
	struct wn_report_review *v = calloc(b->plan.n_events + 1, sizeof *v);
	if (!v)
		return wn_err_set(err, WN_ERR, "out of memory");
	size_t k = 0;
	int rc = wn_plan_review(b, m, &rv, err);
	if (rc == WN_OK) {
		v[0].reinstated = WN_DATE_NONE;
		rc = review_from(&v[0], &rv, &b->plan) == WN_OK ? WN_OK :
		     wn_err_set(err, WN_ERR, "out of memory");
		k = 1;
		wn_review_free(&rv);
	}
	for (size_t i = 0; rc == WN_OK && i < b->plan.n_events; i++) {
		const struct wn_plan_event *e = &b->plan.events[i];
		if (e->kind == WN_PLAN_REINSTATE && (to == WN_DATE_NONE || e->start <= to))
			rc = add_reinstated(b, m, e, v, &k, err);
	}
	if (rc != WN_OK) {
		wn_report_reviews_free(v, k);
		return rc;
	}
	*out = v;
	*n = k;
	return WN_OK;
}

/* ---- the default range ------------------------------------------------------ */

wn_date wn_report_range_from(const struct wn_range_rule *r, int *start)
{
	int why = r->days > 0 ? WN_RANGE_DAYS : WN_RANGE_FIRST;
	wn_date from = r->days > 0 ? r->to - (r->days - 1) : r->first;
	if (r->since != WN_DATE_NONE && r->since <= r->to) {
		from = r->since;
		why = WN_RANGE_SINCE_LAST;
	}
	if (r->first == WN_DATE_NONE || r->first > r->to) {
		from = r->to;
		why = WN_RANGE_EMPTY;
	} else if (from < r->first) {
		from = r->first;
		why = WN_RANGE_FIRST;
	}
	if (start)
		*start = why;
	return from;
}

/* ---- freeing ---------------------------------------------------------------- */

static void meds_free(struct wn_report *r)
{
	for (size_t i = 0; i < r->n_meds; i++) {
		struct wn_report_med *m = &r->meds[i];
		free(m->steps);
		wn_plan_events_free(m->events, m->n_events);
		free(m->planned_days);
		free(m->taken_days);
		wn_report_reviews_free(m->reviews, m->n_reviews);
	}
	free(r->meds);
	free(r->cuts);
	r->meds = NULL;
	r->cuts = NULL;
	r->n_meds = r->n_cuts = 0;
}

void wn_report_free(struct wn_report *r)
{
	free(r->name);
	free(r->gaps);
	meds_free(r);
	for (int k = 0; k < WN_REPORT_N_MEASURES; k++)
		free(r->m[k].v);
	for (size_t i = 0; i < r->n_symptoms; i++)
		free(r->symptoms[i].v);
	free(r->symptoms);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i].text);
	free(r->notes);
	for (size_t i = 0; i < r->n_questions; i++) {
		free(r->questions[i].text);
		free(r->questions[i].answer);
	}
	free(r->questions);
	free(r->proposals);
	memset(r, 0, sizeof *r);
}
