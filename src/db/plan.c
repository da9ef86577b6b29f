/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.c (db) -- taper plans, holds and reinstatements in the diary, and
 * the doses taken against a plan; see db/plan.h.  SQL is fixed text with
 * bound parameters, through db_int.h's helpers; the plan as values and
 * its maths are core/plan.c and core/taper.c. */
#include "db/plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "db/holdrule.h"
#include "db/med.h"
#include "db_int.h"
#include "core/plan.h"
#include "core/records.h"

#define MAX_RANGE_DAYS 36600

struct plan_ref {
	long id;
	wn_date start;
};

/* The active plan of med_id: its id and start day.  WN_NOINPUT if none. */
static int active_plan(struct wn_db *db, long med_id, struct plan_ref *ref,
                       struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "SELECT id, start_date FROM plan WHERE med_id = ?1"
	                       " AND active = 1 ORDER BY id DESC LIMIT 1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	if (wn_db_row(db, st, "read the plan", &rc, err)) {
		ref->id = (long)sqlite3_column_int64(st, 0);
		ref->start = wn_db_col_date(st, 1);
	} else if (rc == WN_OK) {
		rc = wn_err_set(err, WN_NOINPUT, "this medication has no taper plan");
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- adding --------------------------------------------------------------------- */

static int retire_old(struct wn_db *db, const struct wn_plan_spec *s,
                      struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "UPDATE hold SET end_date = max(start_date, ?2)"
	                       " WHERE end_date IS NULL AND plan_id IN"
	                       " (SELECT id FROM plan WHERE med_id = ?1 AND active = 1)",
	                       &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, s->med_id);
	wn_db_bind_date(st, 2, s->start);
	if ((rc = wn_db_run(db, st, "close the old plan's hold", err)) != WN_OK)
		return rc;
	rc = wn_db_prepare(db, "UPDATE plan SET active = 0 WHERE med_id = ?1 AND active = 1",
	                   &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, s->med_id);
	return wn_db_run(db, st, "retire the old plan", err);
}

static int insert_plan(struct wn_db *db, const struct wn_plan_spec *s, long *id,
                       struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "INSERT INTO plan(med_id, method, start_date, from_dose,"
	                       " step, every_days, round_q, floor_dose, to_dose, region,"
	                       " form_label, agreed_on, dose_times, dose_split, cut_first)"
	                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	                       " ?13, ?14, ?15)",
	                       &st, err);
	if (rc != WN_OK)
		return rc;
	bool custom = s->method == WN_TAPER_CUSTOM;
	sqlite3_bind_int64(st, 1, s->med_id);
	sqlite3_bind_text(st, 2, wn_taper_method_name(s->method), -1, SQLITE_STATIC);
	wn_db_bind_date(st, 3, s->start);
	sqlite3_bind_double(st, 4, s->from_dose);
	wn_db_bind_opt(st, 5, custom ? 0 : s->step);
	if (custom)
		sqlite3_bind_null(st, 6);
	else
		sqlite3_bind_int(st, 6, s->every_days);
	wn_db_bind_opt(st, 7, s->round_q);
	sqlite3_bind_double(st, 8, s->floor_dose);
	sqlite3_bind_double(st, 9, s->to_dose);
	wn_db_bind_text_opt(st, 10, s->region);
	wn_db_bind_text_opt(st, 11, s->form_label);
	if (s->agreed_on != WN_DATE_NONE && s->agreed_on != 0)
		wn_db_bind_date(st, 12, s->agreed_on);
	if (s->doses.n >= 2) {
		char times[128], split[256];
		wn_doses_times_text(&s->doses, times, sizeof times);
		wn_doses_split_text(&s->doses, split, sizeof split);
		sqlite3_bind_text(st, 13, times, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 14, split, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 15, wn_doses_cut_name(s->doses.cut), -1, SQLITE_STATIC);
	}
	rc = wn_db_run(db, st, "save the plan", err);
	if (rc == WN_OK)
		*id = (long)sqlite3_last_insert_rowid(wn_db_sqlite(db));
	return rc;
}

static int insert_custom(struct wn_db *db, long plan_id, const struct wn_plan_spec *s,
                         struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "INSERT INTO plan_step_custom(plan_id, date, dose)"
	                       " VALUES (?1, ?2, ?3)", &st, err);
	for (int i = 0; rc == WN_OK && i < s->n_custom; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		wn_db_bind_date(st, 2, s->custom[i].date);
		sqlite3_bind_double(st, 3, s->custom[i].dose);
		wn_db_row(db, st, "save the plan's steps", &rc, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The warnings of the review the person said yes to, with the plan. */
static int insert_acks(struct wn_db *db, long plan_id, const struct wn_review *r,
                       struct wn_err *err)
{
	sqlite3_stmt *st;
	/* the day as wean sees it (WEAN_TODAY), at the time of day it is */
	int rc = wn_db_prepare(db, "INSERT OR REPLACE INTO plan_ack(plan_id, kind, step, text, acked)"
	                       " VALUES (?1, ?2, ?3, ?4, ?5 || strftime(' %H:%M:%S', 'now'))",
	                       &st, err);
	for (int i = 0; rc == WN_OK && r && i < r->n_findings; i++) {
		const struct wn_review_finding *f = &r->findings[i];
		if (f->level != WN_REVIEW_WARNING)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, wn_review_kind_name(f->kind), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, f->step);
		sqlite3_bind_text(st, 4, f->text, -1, SQLITE_STATIC);
		wn_db_bind_date(st, 5, wn_date_today());
		wn_db_row(db, st, "save what was acknowledged", &rc, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int wn_db_plan_add(struct wn_db *db, const struct wn_plan_spec *s, long *id_out,
                   struct wn_err *err)
{
	int rc = wn_plan_check_spec(s, err);
	struct wn_med m;
	if (rc == WN_OK)
		rc = wn_db_med_get(db, s->med_id, &m, err);
	if (rc != WN_OK)
		return rc;
	bool own;
	long id = 0;
	if ((rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = retire_old(db, s, err);
	if (rc == WN_OK)
		rc = insert_plan(db, s, &id, err);
	if (rc == WN_OK && s->method == WN_TAPER_CUSTOM)
		rc = insert_custom(db, id, s, err);
	if (rc == WN_OK && s->accepted)
		rc = insert_acks(db, id, s->accepted, err);
	rc = wn_db_tx_leave(db, own, rc, err);
	if (rc == WN_OK && id_out)
		*id_out = id;
	return rc;
}

/* ---- loading ------------------------------------------------------------------------ */

/* Columns 14..16: the dose times, split and cut rule (schema v6); NULL
 * times = one dose a day. */
static int read_doses(sqlite3_stmt *st, struct wn_plan *p, struct wn_err *err)
{
	const char *times = (const char *)sqlite3_column_text(st, 14);
	const char *split = (const char *)sqlite3_column_text(st, 15);
	const char *cut = (const char *)sqlite3_column_text(st, 16);
	memset(&p->doses, 0, sizeof p->doses);
	if (!times)
		return WN_OK;
	if (wn_doses_parse_times(times, "dose times", &p->doses, NULL) != WN_OK ||
	    (split && wn_doses_parse_split(split, "dose split", &p->doses, NULL) != WN_OK) ||
	    (cut && wn_doses_cut_parse(cut, &p->doses.cut, NULL) != WN_OK))
		return wn_err_set(err, WN_DATAERR, "plan %ld has unreadable dose times (%.40s)",
		                  p->id, times);
	return WN_OK;
}

static int read_plan_row(sqlite3_stmt *st, struct wn_plan *p, struct wn_err *err)
{
	struct wn_taper_params *t = &p->params;
	p->id = (long)sqlite3_column_int64(st, 0);
	const char *method = (const char *)sqlite3_column_text(st, 1);
	if (wn_taper_method_parse(method, &t->method, err) != WN_OK)
		return wn_err_set(err, WN_DATAERR, "plan %ld has an unknown method", p->id);
	t->start = wn_db_col_date(st, 2);
	t->from_dose = sqlite3_column_double(st, 3);
	t->step = sqlite3_column_double(st, 4);
	t->every_days = sqlite3_column_int(st, 5);
	t->round_q = sqlite3_column_double(st, 6);
	t->floor_dose = sqlite3_column_double(st, 7);
	t->to_dose = sqlite3_column_double(st, 8);
	const char *region = (const char *)sqlite3_column_text(st, 9);
	const char *created = (const char *)sqlite3_column_text(st, 10);
	snprintf(p->region, sizeof p->region, "%s", region ? region : "");
	snprintf(p->created, sizeof p->created, "%s", created ? created : "");
	p->active = sqlite3_column_int(st, 11) != 0;
	wn_db_col_copy(st, 12, p->form_label, sizeof p->form_label);
	p->agreed_on = wn_db_col_date(st, 13);
	return read_doses(st, p, err);
}

#define PLAN_COLUMNS "SELECT id, method, start_date, from_dose, ifnull(step, 0)," \
	" ifnull(every_days, 0), ifnull(round_q, 0), ifnull(floor_dose, 0)," \
	" ifnull(to_dose, 0), ifnull(region, ''), created, active," \
	" ifnull(form_label, ''), agreed_on, dose_times, dose_split, cut_first FROM plan"

/* The medication's active plan, or with plan_id > 0 that plan of it. */
static int load_row(struct wn_db *db, long med_id, long plan_id, struct wn_plan *p,
                    struct wn_err *err)
{
	static const char q_id[] = PLAN_COLUMNS " WHERE med_id = ?1 AND id = ?2";
	static const char q_active[] = PLAN_COLUMNS " WHERE med_id = ?1 AND active = 1"
		" ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, plan_id > 0 ? q_id : q_active, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	if (plan_id > 0)
		sqlite3_bind_int64(st, 2, plan_id);
	if (wn_db_row(db, st, "read the plan", &rc, err))
		rc = read_plan_row(st, p, err);
	else if (rc == WN_OK)
		rc = wn_err_set(err, WN_NOINPUT, "this medication has no taper plan");
	sqlite3_reset(st);
	return rc;
}

/* The medication's forms; any the taper would refuse are left out. */
static int load_forms(struct wn_db *db, struct wn_plan *p, struct wn_err *err)
{
	struct wn_med_form *mf;
	size_t n;
	int rc = wn_db_form_list(db, p->med_id, &mf, &n, err);
	if (rc != WN_OK)
		return rc;
	p->forms = n ? calloc(n, sizeof *p->forms) : NULL;
	if (n && !p->forms) {
		free(mf);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		if (mf[i].kind < WN_FORM_TABLET || mf[i].kind > WN_FORM_OTHER)
			continue;
		wn_plan_form_from_med(&mf[i], &p->forms[p->n_forms]);
		if (wn_taper_form_check(&p->forms[p->n_forms], NULL) == WN_OK)
			p->n_forms++;
	}
	free(mf);
	/* a plan kept on one form; if that form is gone, every form (said) */
	if (p->form_label[0] &&
	    wn_review_form_only(p->forms, &p->n_forms, p->form_label, NULL) == WN_DATAERR)
		p->form_missing = true;
	return WN_OK;
}

static int read_ack(sqlite3_stmt *st, void *item)
{
	struct wn_plan_ack *a = item;
	wn_db_col_copy(st, 0, a->kind, sizeof a->kind);
	a->step = sqlite3_column_int(st, 1);
	wn_db_col_copy(st, 3, a->acked, sizeof a->acked);
	return wn_db_col_dup(st, 2, &a->text) != 0 || !a->text ? -1 : 0;
}

static int load_acks(struct wn_db *db, struct wn_plan *p, struct wn_err *err)
{
	static const struct wn_db_rows rows = {
		sizeof(struct wn_plan_ack), read_ack, "read the plan's review"
	};
	static const char q[] = "SELECT kind, step, text, acked FROM plan_ack"
		" WHERE plan_id = ?1 ORDER BY step, kind";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, p->id);
	void *items;
	rc = wn_db_collect(db, st, &rows, &items, &p->n_acks, err);
	p->acks = items;
	sqlite3_reset(st);
	return rc;
}

int wn_db_plan_forms(struct wn_db *db, long med_id, struct wn_form **out, int *n,
                     struct wn_err *err)
{
	struct wn_plan p;
	memset(&p, 0, sizeof p);
	p.med_id = med_id;
	int rc = load_forms(db, &p, err);
	*out = rc == WN_OK ? p.forms : NULL;
	*n = rc == WN_OK ? p.n_forms : 0;
	if (rc != WN_OK)
		free(p.forms);
	return rc;
}

static int load_custom(struct wn_db *db, struct wn_plan *p, struct wn_err *err)
{
	static const char q[] = "SELECT date, dose FROM plan_step_custom WHERE plan_id = ?1"
		" ORDER BY date LIMIT ?2";
	sqlite3_stmt *st;
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, WN_PLAN_MAX_CUSTOM);
	p->custom = calloc(WN_PLAN_MAX_CUSTOM, sizeof *p->custom);
	if (!p->custom) {
		sqlite3_reset(st);
		return wn_err_set(err, WN_ERR, "out of memory");
	}
	while (wn_db_row(db, st, "read the plan's steps", &rc, err)) {
		p->custom[p->n_custom].date = wn_db_col_date(st, 0);
		p->custom[p->n_custom++].dose = sqlite3_column_double(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}

static int read_event(sqlite3_stmt *st, void *item)
{
	struct wn_plan_event *e = item;
	const char *kind = (const char *)sqlite3_column_text(st, 1);
	const char *reason = (const char *)sqlite3_column_text(st, 5);
	e->id = (long)sqlite3_column_int64(st, 0);
	e->kind = kind && strcmp(kind, "reinstate") == 0 ? WN_PLAN_REINSTATE : WN_PLAN_HOLD;
	e->start = wn_db_col_date(st, 2);
	e->end = wn_db_col_date(st, 3);
	e->dose = sqlite3_column_double(st, 4);
	e->reason = reason ? strdup(reason) : NULL;
	return reason && !e->reason ? -1 : 0;
}

static int load_events(struct wn_db *db, long plan_id, struct wn_plan_event **out,
                       size_t *n, struct wn_err *err)
{
	static const struct wn_db_rows rows = {
		sizeof(struct wn_plan_event), read_event, "read the holds"
	};
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	static const char q[] = "SELECT id, kind, start_date, end_date, ifnull(dose, 0), reason"
		" FROM hold WHERE plan_id = ?1 ORDER BY start_date, id";
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	void *items;
	rc = wn_db_collect(db, st, &rows, &items, n, err);
	sqlite3_reset(st);
	*out = items;
	if (rc != WN_OK) {
		wn_plan_events_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static int load_plan(struct wn_db *db, long med_id, long plan_id, struct wn_plan *out,
                     struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	wn_taper_params_init(&out->params);
	out->med_id = med_id;
	int rc = load_row(db, med_id, plan_id, out, err);
	if (rc == WN_OK)
		rc = load_forms(db, out, err);
	if (rc == WN_OK && out->params.method == WN_TAPER_CUSTOM)
		rc = load_custom(db, out, err);
	if (rc == WN_OK)
		rc = load_events(db, out->id, &out->events, &out->n_events, err);
	if (rc == WN_OK)
		rc = load_acks(db, out, err);
	if (rc == WN_OK)
		rc = wn_plan_ready(out, err);
	return rc;
}

int wn_db_plan_load(struct wn_db *db, long med_id, struct wn_plan *out,
                    struct wn_err *err)
{
	return load_plan(db, med_id, 0, out, err);
}

int wn_db_plan_built(struct wn_db *db, const struct wn_med *m,
                     struct wn_plan_built *out, struct wn_err *err)
{
	return wn_db_plan_built_id(db, m, 0, out, err);
}

int wn_db_plan_built_id(struct wn_db *db, const struct wn_med *m, long plan_id,
                        struct wn_plan_built *out, struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	out->sched.hold_since = WN_DATE_NONE;
	int rc = load_plan(db, m->id, plan_id, &out->plan, err);
	if (rc == WN_NOINPUT)
		return wn_err_set(err, WN_NOINPUT, "%s has no taper plan", m->name);
	return rc == WN_OK ? wn_plan_built_make(out, m, err) : rc;
}

static int read_ref(sqlite3_stmt *st, void *item)
{
	struct wn_db_plan_ref *r = item;
	r->id = (long)sqlite3_column_int64(st, 0);
	r->start = wn_db_col_date(st, 1);
	r->active = sqlite3_column_int(st, 2) != 0;
	return 0;
}

int wn_db_plan_history(struct wn_db *db, long med_id, struct wn_db_plan_ref **out,
                       size_t *n, struct wn_err *err)
{
	static const struct wn_db_rows rows = {
		sizeof(struct wn_db_plan_ref), read_ref, "read the plans"
	};
	sqlite3_stmt *st;
	void *items = NULL;
	*out = NULL;
	*n = 0;
	int rc = wn_db_prepare(db, "SELECT id, start_date, active FROM plan WHERE med_id = ?1"
	                       " ORDER BY id", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, med_id);
	rc = wn_db_collect(db, st, &rows, &items, n, err);
	sqlite3_finalize(st);
	if (rc != WN_OK) {
		free(items);
		items = NULL;
		*n = 0;
	}
	*out = items;
	return rc;
}

/* ---- events ------------------------------------------------------------------------------ */

/* ---- holds -------------------------------------------------------------------------------- */

static int check_reason(const char *reason, struct wn_err *err)
{
	if (!reason || !*reason)
		return WN_OK;
	return wn_text_check_note(reason, strlen(reason), WN_PLAN_REASON_MAX, err);
}

struct hold_state {
	long open_id;          /* the open hold, 0 when none */
	wn_date open_start;    /* its first day */
	wn_date last_end;      /* latest end of a closed hold, or WN_DATE_NONE */
};

static int hold_state(struct wn_db *db, long plan_id, struct hold_state *hs,
                      struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "SELECT (SELECT id FROM hold WHERE plan_id = ?1 AND kind = 'hold'"
	                       "  AND end_date IS NULL ORDER BY id DESC LIMIT 1),"
	                       " (SELECT start_date FROM hold WHERE plan_id = ?1 AND kind = 'hold'"
	                       "  AND end_date IS NULL ORDER BY id DESC LIMIT 1),"
	                       " (SELECT max(end_date) FROM hold WHERE plan_id = ?1 AND kind = 'hold')",
	                       &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	if (wn_db_row(db, st, "read the holds", &rc, err)) {
		hs->open_id = (long)sqlite3_column_int64(st, 0);
		hs->open_start = wn_db_col_date(st, 1);
		hs->last_end = wn_db_col_date(st, 2);
	}
	sqlite3_finalize(st);
	return rc;
}

static int hold_refusal(wn_date from, wn_date start, const struct hold_state *hs,
                        struct wn_err *err)
{
	char b[WN_DATE_STRLEN];
	if (hs->open_id) {
		wn_err_set(err, WN_DATAERR, "already on hold since %s", wn_date_format(hs->open_start, b));
		wn_err_hint(err, "resume it first");
		return WN_DATAERR;
	}
	if (from < start)
		return wn_err_set(err, WN_DATAERR, "the plan starts on %s; a hold cannot start before it",
		                  wn_date_format(start, b));
	if (hs->last_end != WN_DATE_NONE && from < hs->last_end)
		return wn_err_set(err, WN_DATAERR, "the last hold ended on %s; a new hold cannot start before that",
		                  wn_date_format(hs->last_end, b));
	return WN_OK;
}

static int insert_hold(struct wn_db *db, long plan_id, wn_date from,
                       const char *reason, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "INSERT INTO hold(plan_id, start_date, reason, kind)"
	                       " VALUES (?1, ?2, ?3, 'hold')", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	wn_db_bind_date(st, 2, from);
	wn_db_bind_text_opt(st, 3, reason);
	return wn_db_run(db, st, "save the hold", err);
}

int wn_db_plan_hold(struct wn_db *db, long med_id, wn_date from,
                    const char *reason, struct wn_err *err)
{
	int rc = check_reason(reason, err);
	if (rc != WN_OK)
		return rc;
	bool own;
	struct plan_ref plan;
	struct hold_state hs = { 0, WN_DATE_NONE, WN_DATE_NONE };
	if ((rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = active_plan(db, med_id, &plan, err);
	if (rc == WN_OK)
		rc = hold_state(db, plan.id, &hs, err);
	if (rc == WN_OK)
		rc = hold_refusal(from, plan.start, &hs, err);
	if (rc == WN_OK)
		rc = insert_hold(db, plan.id, from, reason, err);
	/* a hold proposed in the days before is now accepted */
	if (rc == WN_OK && (rc = wn_db_proposal_answer(db, med_id, from, WN_PROPOSAL_ACCEPTED,
	                                               err)) == WN_NOINPUT)
		rc = WN_OK;
	return wn_db_tx_leave(db, own, rc, err);
}

/* After a change to its holds the plan must still build (a resume late in
 * year 9999 would push steps past the last date); the caller rolls back. */
static int still_builds(struct wn_db *db, long med_id, struct wn_err *err)
{
	struct wn_med m;
	struct wn_plan_built b;
	int rc = wn_db_med_get(db, med_id, &m, err);
	if (rc != WN_OK)
		return rc;
	rc = wn_db_plan_built(db, &m, &b, err);
	wn_plan_built_free(&b);            /* what was built before a refusal too */
	return rc;
}

static int close_hold(struct wn_db *db, long hold_id, wn_date on, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "UPDATE hold SET end_date = ?2 WHERE id = ?1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, hold_id);
	wn_db_bind_date(st, 2, on);
	return wn_db_run(db, st, "end the hold", err);
}

int wn_db_plan_resume(struct wn_db *db, long med_id, wn_date on,
                      struct wn_err *err)
{
	bool own;
	struct plan_ref plan;
	struct hold_state hs = { 0, WN_DATE_NONE, WN_DATE_NONE };
	char b[WN_DATE_STRLEN];
	int rc = wn_db_tx_enter(db, &own, err);
	if (rc != WN_OK)
		return rc;
	rc = active_plan(db, med_id, &plan, err);
	if (rc == WN_OK)
		rc = hold_state(db, plan.id, &hs, err);
	if (rc == WN_OK && !hs.open_id)
		rc = wn_err_set(err, WN_DATAERR, "the plan is not on hold; there is nothing to resume");
	else if (rc == WN_OK && on <= hs.open_start)
		rc = wn_err_set(err, WN_DATAERR, "the hold started on %s; resume on a later day",
		                wn_date_format(hs.open_start, b));
	if (rc == WN_OK)
		rc = close_hold(db, hs.open_id, on, err);
	if (rc == WN_OK)
		rc = still_builds(db, med_id, err);
	return wn_db_tx_leave(db, own, rc, err);
}

static int insert_reinstate(struct wn_db *db, long plan_id,
                            const struct wn_plan_reinstate *r, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "INSERT INTO hold(plan_id, start_date, end_date, reason, kind, dose)"
	                       " VALUES (?1, ?2, ?2, ?3, 'reinstate', ?4)", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	wn_db_bind_date(st, 2, r->on);
	wn_db_bind_text_opt(st, 3, r->reason);
	sqlite3_bind_double(st, 4, r->dose);
	return wn_db_run(db, st, "save the reinstatement", err);
}

int wn_db_plan_reinstate(struct wn_db *db, const struct wn_plan_reinstate *r,
                         struct wn_err *err)
{
	if (!r || !isfinite(r->dose) || r->dose <= 0 || r->dose >= 100000)
		return wn_err_set(err, WN_DATAERR, "a reinstated dose must be above 0 and below 100000");
	int rc = check_reason(r->reason, err);
	if (rc != WN_OK)
		return rc;
	bool own;
	struct plan_ref plan;
	char b[WN_DATE_STRLEN];
	if ((rc = wn_db_tx_enter(db, &own, err)) != WN_OK)
		return rc;
	rc = active_plan(db, r->med_id, &plan, err);
	if (rc == WN_OK && r->on < plan.start)
		rc = wn_err_set(err, WN_DATAERR, "the plan starts on %s; a reinstatement cannot come before it",
		                wn_date_format(plan.start, b));
	if (rc == WN_OK)
		rc = insert_reinstate(db, plan.id, r, err);
	if (rc == WN_OK && r->accepted)
		rc = insert_acks(db, plan.id, r->accepted, err);
	return wn_db_tx_leave(db, own, rc, err);
}

/* ---- planned vs taken ------------------------------------------------------------------ */

static void days_init(const struct wn_plan_range *r, struct wn_plan_day *out)
{
	for (wn_date d = r->from; d <= r->to; d++) {
		struct wn_plan_day *x = &out[d - r->from];
		memset(x, 0, sizeof *x);
		x->date = d;
		x->planned = r->sched ? wn_plan_planned_on(r->plan, r->sched, d) : NAN;
	}
}

/* One scan of the medication's doses in date order (dose_med's index). */
static const char days_sql[] =
	"SELECT date, sum(amount), count(*) FROM dose"
	" WHERE med_id = ?1 AND date BETWEEN ?2 AND ?3 GROUP BY date";

int wn_db_plan_days(struct wn_db *db, const struct wn_plan_range *r,
                    struct wn_plan_day *out, struct wn_err *err)
{
	if (!r || r->to < r->from || r->to - r->from >= MAX_RANGE_DAYS)
		return wn_err_set(err, WN_USAGE, "a range of 1 to %d days, please", MAX_RANGE_DAYS);
	days_init(r, out);
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, days_sql, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, r->plan ? r->plan->med_id : r->med_id);
	wn_db_bind_date(st, 2, r->from);
	wn_db_bind_date(st, 3, r->to);
	while (wn_db_row(db, st, "read the doses", &rc, err)) {
		wn_date d = wn_db_col_date(st, 0);
		if (d < r->from || d > r->to)
			continue;
		struct wn_plan_day *x = &out[d - r->from];
		x->taken = sqlite3_column_double(st, 1);
		x->n_doses = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	for (wn_date d = r->from; d <= r->to; d++) {
		struct wn_plan_day *x = &out[d - r->from];
		x->status = wn_vocab_dose(x->planned, x->taken, x->n_doses);
	}
	return rc;
}

/* ---- every planned medication over a range ------------------------------------------------- */

void wn_plan_meds_free(struct wn_plan_meds *pm)
{
	for (size_t i = 0; i < pm->n; i++) {
		wn_plan_built_free(&pm->built[i]);
		free(pm->days[i]);
	}
	free(pm->med);
	free(pm->built);
	free(pm->days);
	memset(pm, 0, sizeof *pm);
}

/* Medication m into pm when it has an active plan (its days read). */
static int plan_med(struct wn_db *db, const struct wn_med *m, struct wn_plan_meds *pm,
                    struct wn_err *err)
{
	struct wn_plan_built *b = &pm->built[pm->n];
	int rc = wn_db_plan_built(db, m, b, err);
	if (rc == WN_NOINPUT) {
		wn_plan_built_free(b);
		wn_err_clear(err);
		return WN_OK;
	}
	pm->med[pm->n] = *m;
	pm->days[pm->n] = malloc((size_t)(pm->to - pm->from + 1) * sizeof **pm->days);
	pm->n++;
	if (rc == WN_OK && !pm->days[pm->n - 1])
		rc = wn_err_set(err, WN_ERR, "out of memory");
	struct wn_plan_range r = { .plan = &b->plan, .sched = &b->sched, .med_id = m->id,
	                           .from = pm->from, .to = pm->to };
	return rc == WN_OK ? wn_db_plan_days(db, &r, pm->days[pm->n - 1], err) : rc;
}

int wn_db_plan_meds(struct wn_db *db, wn_date from, wn_date to, struct wn_plan_meds *out,
                    struct wn_err *err)
{
	struct wn_med *meds = NULL;
	size_t n = 0;
	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	if (to < from || to - from >= MAX_RANGE_DAYS)
		return wn_err_set(err, WN_USAGE, "a range of 1 to %d days, please", MAX_RANGE_DAYS);
	int rc = wn_db_med_list(db, &meds, &n, err);
	if (rc == WN_OK) {
		out->med = calloc(n ? n : 1, sizeof *out->med);
		out->built = calloc(n ? n : 1, sizeof *out->built);
		out->days = calloc(n ? n : 1, sizeof *out->days);
		if (!out->med || !out->built || !out->days)
			rc = wn_err_set(err, WN_ERR, "out of memory");
	}
	for (size_t i = 0; rc == WN_OK && i < n; i++)
		rc = plan_med(db, &meds[i], out, err);
	free(meds);
	if (rc != WN_OK)
		wn_plan_meds_free(out);
	return rc;
}

const struct wn_plan_day *wn_plan_meds_day(const struct wn_plan_meds *pm, size_t i,
                                           wn_date day)
{
	return i < pm->n && day >= pm->from && day <= pm->to ? &pm->days[i][day - pm->from]
	                                                      : NULL;
}
