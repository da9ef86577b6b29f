/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_switch.c -- the link between the plan of a drug switched in and
 * the plan it replaces (schema v6); see db/plan.h. */
#include "db/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/switch.h"
#include "db/med.h"
#include "db_int.h"

int wn_db_plan_switch_add(struct wn_db *db, const struct wn_db_plan_switch *s,
                          struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "INSERT INTO plan_switch(plan_id, from_plan, equiv_table, stage_days)"
	                       " VALUES (?1, ?2, ?3, ?4)", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, s->plan_id);
	sqlite3_bind_int64(st, 2, s->from_plan);
	sqlite3_bind_text(st, 3, s->table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, s->stage_days);
	return wn_db_run(db, st, "save the switch", err);
}

int wn_db_plan_switch_of(struct wn_db *db, long plan_id, struct wn_db_plan_switch *out,
                         struct wn_err *err)
{
	/* kept prepared: Today and the Calendar ask for each plan they load */
	static const char q[] =
		"SELECT plan_id, from_plan, equiv_table, stage_days FROM plan_switch"
		" WHERE plan_id = ?1 OR from_plan = ?1 ORDER BY plan_id DESC LIMIT 1";
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = wn_db_stmt(db, q, &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	if (wn_db_row(db, st, "read the switch", &rc, err)) {
		out->plan_id = (long)sqlite3_column_int64(st, 0);
		out->from_plan = (long)sqlite3_column_int64(st, 1);
		wn_db_col_copy(st, 2, out->table, sizeof out->table);
		out->stage_days = sqlite3_column_int(st, 3);
	} else if (rc == WN_OK) {
		rc = WN_NOINPUT;
	}
	sqlite3_reset(st);
	return rc;
}

/* Is plan_id the from_plan of any switch?  Without one it cannot be the
 * one replaced; a short indexed query (plan_switch_from) that costs less
 * to prepare than wn_db_plan_switch_of's, which then decides. */
static bool is_from_plan(struct wn_db *db, long plan_id)
{
	static const char q[] = "SELECT 1 FROM plan_switch WHERE from_plan = ?1";
	sqlite3_stmt *st;
	int rc;
	if (wn_db_stmt(db, q, &st, NULL) != WN_OK)
		return false;
	sqlite3_bind_int64(st, 1, plan_id);
	bool found = wn_db_row(db, st, "read the switch", &rc, NULL);
	sqlite3_reset(st);
	return found;
}

bool wn_db_plan_replaced(struct wn_db *db, long plan_id)
{
	struct wn_db_plan_switch link;
	return is_from_plan(db, plan_id) &&
	       wn_db_plan_switch_of(db, plan_id, &link, NULL) == WN_OK &&
	       link.from_plan == plan_id;
}

int wn_db_plan_med_of(struct wn_db *db, long plan_id, long *med_id, struct wn_err *err)
{
	sqlite3_stmt *st;
	int rc = wn_db_prepare(db, "SELECT med_id FROM plan WHERE id = ?1", &st, err);
	if (rc != WN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, plan_id);
	if (wn_db_row(db, st, "read the plan", &rc, err))
		*med_id = (long)sqlite3_column_int64(st, 0);
	else if (rc == WN_OK)
		rc = WN_NOINPUT;
	sqlite3_finalize(st);
	return rc;
}

/* The switch rebuilt from the stored plans: FROM's doses at its start,
 * the table's equivalent, the diazepam forms. */
static int rebuild(struct wn_db *db, const struct wn_db_plan_switch *ln, struct wn_med *from,
                   struct wn_med *to, struct wn_switch *out, enum wn_switch_table *table,
                   struct wn_err *err)
{
	long from_med = 0, to_med = 0;
	struct wn_plan_built fb = { 0 };
	struct wn_form *forms = NULL;
	int n_forms = 0;
	double equiv = 0, amounts[WN_DOSES_MAX];
	int rc = wn_db_plan_med_of(db, ln->from_plan, &from_med, err);
	if (rc == WN_OK)
		rc = wn_db_plan_med_of(db, ln->plan_id, &to_med, err);
	if (rc == WN_OK)
		rc = wn_db_med_get(db, from_med, from, err);
	if (rc == WN_OK)
		rc = wn_db_med_get(db, to_med, to, err);
	if (rc == WN_OK)
		rc = wn_db_plan_built_id(db, from, ln->from_plan, &fb, err);
	if (rc == WN_OK)
		rc = wn_switch_table_parse(ln->table, table, err);
	if (rc == WN_OK && !fb.has_drug)
		rc = wn_err_set(err, WN_DATAERR, "no diazepam equivalent for %s", from->name);
	if (rc == WN_OK)
		rc = wn_switch_equiv(&fb.drug, *table, &equiv, err);
	if (rc == WN_OK)
		rc = wn_db_plan_forms(db, to->id, &forms, &n_forms, err);
	if (rc == WN_OK && fb.sched.n > 0) {
		const struct wn_taper_params *t = &fb.plan.params;
		struct wn_rounding fr = { .quantum = t->round_q, .forms = t->forms, .n_forms = t->n_forms };
		if (fb.plan.doses.n >= 2)
			wn_doses_first(&fb.plan.doses, &fr, fb.sched.steps[0].dose, amounts);
		else
			amounts[0] = fb.sched.steps[0].dose;
		struct wn_rounding r = { .forms = forms, .n_forms = n_forms };
		struct wn_switch_in in = { .doses = &fb.plan.doses, .amounts = amounts, .equiv = equiv,
		                           .dz_round = n_forms ? &r : NULL,
		                           .start = fb.plan.params.start + 1, .stage_days = ln->stage_days };
		rc = wn_switch_build(&in, out, err);
		out->equiv = equiv;
	}
	free(forms);
	wn_plan_built_free(&fb);
	return rc;
}

int wn_db_plan_switch_view(struct wn_db *db, long plan_id, struct wn_db_switch_view *out,
                           struct wn_err *err)
{
	memset(out, 0, sizeof *out);
	int rc = wn_db_plan_switch_of(db, plan_id, &out->link, err);
	if (rc == WN_OK)
		rc = rebuild(db, &out->link, &out->from, &out->to, &out->sw, &out->table, err);
	if (rc == WN_OK && out->sw.n > 0)
		out->taper_from = out->sw.stages[out->sw.n - 1].date + out->link.stage_days;
	return rc;
}

int wn_db_switch_combined(const struct wn_switch *x, const struct wn_med *to,
                          const struct wn_schedule *dz, struct wn_plan_built *b,
                          struct wn_err *err)
{
	static struct wn_taper_point pts[WN_PLAN_MAX_CUSTOM];
	struct wn_plan_spec s = { .med_id = to->id, .method = WN_TAPER_CUSTOM,
	                          .agreed_on = WN_DATE_NONE, .custom = pts };
	memset(b, 0, sizeof *b);
	int rc = wn_switch_combined(x, dz, &s.start, &s.from_dose, pts, WN_PLAN_MAX_CUSTOM,
	                            &s.n_custom, err);
	if (rc == WN_OK)
		rc = wn_plan_from_spec(&s, NULL, 0, &b->plan, err);
	if (rc == WN_OK)
		rc = wn_plan_built_make(b, to, err);
	return rc;
}

int wn_db_switch_review(struct wn_db *db, const struct wn_plan *p, struct wn_review *out,
                        struct wn_err *err)
{
	static struct wn_db_switch_view sv;
	struct wn_plan_built dz = { 0 }, cb = { 0 };
	memset(out, 0, sizeof *out);
	int rc = wn_db_plan_switch_view(db, p->id, &sv, NULL);
	if (rc != WN_OK || sv.link.from_plan != p->id)
		return WN_NOINPUT;
	rc = wn_db_plan_built_id(db, &sv.to, sv.link.plan_id, &dz, err);
	if (rc == WN_OK)
		rc = wn_db_switch_combined(&sv.sw, &sv.to, &dz.sched, &cb, err);
	if (rc == WN_OK)
		rc = wn_plan_review(&cb, &sv.to, out, err);
	wn_plan_built_free(&cb);
	wn_plan_built_free(&dz);
	return rc == WN_NOINPUT ? WN_DATAERR : rc;
}

int wn_db_switch_dz_per_mg(struct wn_db *db, long plan_id, double *out)
{
	static struct wn_db_switch_view sv;
	*out = 0;
	if (wn_db_plan_switch_view(db, plan_id, &sv, NULL) != WN_OK || !(sv.sw.equiv > 0))
		return WN_NOINPUT;
	*out = sv.link.from_plan == plan_id ? 10.0 / sv.sw.equiv : 1.0;
	return WN_OK;
}
