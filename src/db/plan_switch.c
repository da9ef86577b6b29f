/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan_switch.c -- the link between the plan of a drug switched in and
 * the plan it replaces (schema v6); see db/plan.h. */
#include "db/plan.h"

#include <stdio.h>
#include <string.h>

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
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = wn_db_prepare(db, "SELECT plan_id, from_plan, equiv_table, stage_days FROM plan_switch"
	                       " WHERE plan_id = ?1 OR from_plan = ?1 ORDER BY plan_id DESC LIMIT 1",
	                       &st, err);
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
	sqlite3_finalize(st);
	return rc;
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
