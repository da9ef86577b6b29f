/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_ics.c (cli) -- the events of `wean export --format ics`
 * (export_int.h): every step and going back up of every plan, each
 * step of a plan taken as several doses a day with its doses, and every
 * stage of a switch to diazepam (core/ics.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_int.h"
#include "core/doses.h"
#include "core/ics.h"
#include "core/plan.h"
#include "core/report_facts.h"
#include "db/med.h"
#include "db/plan.h"

void wn_cli_ics_events_free(struct wn_cli_ics_events *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free((char *)e->ev[i].uid);
		free((char *)e->ev[i].summary);
		free((char *)e->ev[i].description);
	}
	free(e->ev);
}

/* The plan an event comes from, with its reviews. */
struct origin {
	const struct wn_med *m;
	const struct wn_plan_built *b;
	struct wn_ics_plan ip;
	struct wn_report_review *reviews;        /* owned */
	size_t n_reviews;
	double *doses;          /* owned: each step's doses through the day
	                           (core/doses.h), NULL for one a day */
};

/* The review of the step after going back up with event ev, or NULL. */
static const struct wn_report_review *review_of(const struct origin *o,
                                                const struct wn_plan_event *ev)
{
	for (size_t i = 1; i < o->n_reviews; i++)
		if (o->reviews[i].reinstated == ev->start && o->reviews[i].dose == ev->dose)
			return &o->reviews[i];
	return NULL;
}

static char *item_text(const struct origin *o, const struct wn_ics_item *it, bool summary)
{
	struct wn_buf b;
	wn_buf_init(&b);
	if (it->kind == WN_ICS_STEP) {
		struct wn_ics_step st = {
			.name = o->m->name, .unit = o->m->unit, .sched = &o->b->sched,
			.step = it->step, .reviews = o->reviews, .n_reviews = o->n_reviews,
			.state = it->state, .since = o->ip.replaced_on,
			.dose = wn_plan_planned_on(&o->b->plan, &o->b->sched, it->date),
			.doses = &o->b->plan.doses,
			.amounts = o->doses ? o->doses + (size_t)it->step * (size_t)o->b->plan.doses.n
			                    : NULL,
		};
		(summary ? wn_ics_step_summary : wn_ics_step_description)(&st, &b);
	} else {
		const struct wn_plan_event *ev = &o->b->plan.events[it->event];
		struct wn_ics_reinstate r = { .name = o->m->name, .unit = o->m->unit, .event = ev,
		                              .review = review_of(o, ev), .state = it->state,
		                              .since = o->ip.replaced_on };
		(summary ? wn_ics_reinstate_summary : wn_ics_reinstate_description)(&r, &b);
	}
	return wn_buf_detach(&b);
}

static void count(struct wn_cli_ics_events *e, const struct wn_ics_item *it)
{
	if (it->state == WN_ICS_HELD)
		e->held++;
	else if (it->state != WN_ICS_PLANNED)
		e->gone++;
	else if (it->kind == WN_ICS_STEP)
		e->steps++;
	else
		e->reinstated++;
}

/* Appends ev (its strings malloc'd, taken over even on failure). */
static int push(struct wn_cli_ics_events *e, struct wn_ics_event ev)
{
	if (e->n == e->cap) {
		size_t nc = e->cap ? e->cap * 2 : 32;
		struct wn_ics_event *p = realloc(e->ev, nc * sizeof *p);
		if (!p) {
			free((char *)ev.uid);
			free((char *)ev.summary);
			free((char *)ev.description);
			return WN_ERR;
		}
		e->ev = p;
		e->cap = nc;
	}
	e->ev[e->n++] = ev;
	return ev.uid && ev.summary && ev.description ? WN_OK : WN_ERR;
}

static int add_event(struct wn_cli_ics_events *e, const struct origin *o, const struct wn_ics_item *it)
{
	char uid[WN_ICS_UID];
	wn_ics_item_uid(&o->b->plan, it, uid);
	count(e, it);
	return push(e, (struct wn_ics_event){ .date = it->date, .uid = strdup(uid),
	                                      .summary = item_text(o, it, true),
	                                      .description = item_text(o, it, false),
	                                      .sequence = it->sequence,
	                                      .cancelled = it->state != WN_ICS_PLANNED });
}

/* The events of o's plan that fall in the dates asked for. */
static int origin_events(struct wn_cli_ics_events *e, struct origin *o, struct wn_err *err)
{
	struct wn_ics_item *items = NULL;
	size_t n = 0;
	int rc = wn_report_reviews(o->b, o->m, WN_DATE_NONE, &o->reviews, &o->n_reviews, err);
	const struct wn_plan *p = &o->b->plan;
	if (rc == WN_OK && p->doses.n >= 2) {
		const struct wn_taper_params *t = &p->params;
		struct wn_rounding r = { .quantum = t->round_q, .forms = t->forms, .n_forms = t->n_forms };
		rc = wn_doses_schedule(&p->doses, &r, &o->b->sched, &o->doses, err);
	}
	if (rc == WN_OK)
		rc = wn_ics_plan_items(&o->ip, &items, &n, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		if (items[i].date >= e->from && items[i].date <= e->to &&
		    add_event(e, o, &items[i]) != WN_OK)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	free(items);
	free(o->doses);
	wn_report_reviews_free(o->reviews, o->n_reviews);
	return rc;
}

static char *stage_text(const struct wn_ics_stage *st, bool summary)
{
	struct wn_buf b;
	wn_buf_init(&b);
	(summary ? wn_ics_stage_summary : wn_ics_stage_description)(st, &b);
	return wn_buf_detach(&b);
}

/* The stages of the switch the plan b (of ref) switched in, when it did:
 * an event each, cancelled once the plan is no longer active.  A switch
 * that no longer rebuilds is left out, as a retired plan that no longer
 * builds is. */
static int stage_events(struct wn_db *db, const struct wn_plan_built *b,
                        const struct wn_db_plan_ref *ref, struct wn_cli_ics_events *e,
                        struct wn_err *err)
{
	struct wn_db_switch_view sv;
	int rc = wn_db_plan_switch_view(db, ref->id, &sv, err);
	if (rc == WN_NOINPUT || rc == WN_DATAERR || (rc == WN_OK && sv.link.plan_id != ref->id)) {
		wn_err_clear(err);
		return WN_OK;
	}
	struct wn_ics_stage st = { .from = sv.from.name, .to = sv.to.name, .sw = &sv.sw,
	                           .stage_days = sv.link.stage_days, .table = sv.table,
	                           .cancelled = !ref->active };
	for (int k = 1; rc == WN_OK && k < sv.sw.n; k++) {
		struct wn_ics_item it = { .kind = WN_ICS_STAGE, .step = k, .date = sv.sw.stages[k].date };
		char uid[WN_ICS_UID];
		if (it.date < e->from || it.date > e->to)
			continue;
		st.stage = k;
		wn_ics_item_uid(&b->plan, &it, uid);
		*(st.cancelled ? &e->gone : &e->stages) += 1;
		if (push(e, (struct wn_ics_event){ .date = it.date, .uid = strdup(uid),
		                                   .summary = stage_text(&st, true),
		                                   .description = stage_text(&st, false),
		                                   .sequence = st.cancelled ? 2 : 0,
		                                   .cancelled = st.cancelled }) != WN_OK)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	}
	return rc;
}

/* One plan of m; replaced_on as struct wn_ics_plan's.  A retired plan
 * that no longer builds (say, the drug reference changed) is counted and
 * left out rather than failing the export of the others. */
static int plan_events(struct wn_db *db, const struct wn_med *m, const struct wn_db_plan_ref *ref,
                       wn_date replaced_on, struct wn_cli_ics_events *e, struct wn_err *err)
{
	struct wn_plan_built b;
	int rc = wn_db_plan_built_id(db, m, ref->id, &b, err);
	if (rc == WN_OK) {
		struct origin o = { .m = m, .b = &b, .ip = { .plan = &b.plan, .sched = &b.sched,
		                                             .replaced_on = replaced_on } };
		e->plans++;
		rc = origin_events(e, &o, err);
		if (rc == WN_OK)
			rc = stage_events(db, &b, ref, e, err);
	} else if (rc == WN_DATAERR && !ref->active) {
		wn_err_clear(err);
		e->broken++;
		rc = WN_OK;
	}
	wn_plan_built_free(&b);
	return rc;
}

static int med_events(struct wn_db *db, const struct wn_med *m, struct wn_cli_ics_events *e,
                      struct wn_err *err)
{
	struct wn_db_plan_ref *refs;
	size_t n;
	int rc = wn_db_plan_history(db, m->id, &refs, &n, err);
	wn_date later = WN_DATE_NONE;          /* the first start of the later plans */
	for (size_t i = n; rc == WN_OK && i-- > 0;) {
		rc = plan_events(db, m, &refs[i], later, e, err);
		if (later == WN_DATE_NONE || refs[i].start < later)
			later = refs[i].start;
	}
	free(refs);
	return rc;
}

int wn_cli_ics_collect(struct wn_db *db, struct wn_cli_ics_events *e, struct wn_err *err)
{
	struct wn_med *meds;
	size_t n;
	int rc = wn_db_med_list(db, &meds, &n, err);
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		rc = med_events(db, &meds[i], e, err);
	free(meds);
	if (rc == WN_OK && e->plans == 0) {
		wn_err_set(err, WN_NOINPUT, "there are no taper plans to export");
		wn_err_hint(err, "add one with 'wean plan add MED ...'");
		return WN_NOINPUT;
	}
	if (rc == WN_OK && e->n == 0)
		return wn_err_set(err, WN_NOINPUT, "no taper steps fall in the chosen dates");
	return rc;
}
