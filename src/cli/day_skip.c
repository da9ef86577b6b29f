/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day_skip.c -- `wean checkin --skipped MED@HH:MM`: one dose of a plan
 * with doses through the day recorded as skipped (issue 19). */
#include "cli_int.h"
#include "core/today_doses.h"
#include "db/day.h"
#include "db/plan.h"

int wn_cli_skip_at(struct wn_db *db, wn_date date, const struct wn_med *m, int minute,
                   struct wn_err *err)
{
	struct wn_plan_built b = { 0 };
	struct wn_day day = { 0 };
	long ids[16];
	size_t n = 0;
	int rc = wn_db_plan_built_id(db, m, 0, &b, NULL);
	if (rc == WN_OK && b.plan.doses.n >= 2 && (rc = wn_db_day_load(db, date, &day, err)) == WN_OK) {
		n = wn_today_slot_doses(&b.plan.doses, &day, m->id,
		                        wn_today_slot_of(&b.plan.doses, minute), ids, 16);
		wn_day_free(&day);
	} else if (rc != WN_ERR) {
		rc = WN_OK;         /* no plan, or one dose a day: the dose at that time */
	}
	wn_plan_built_free(&b);
	struct wn_dose d = { .date = date, .minute = minute, .med_id = m->id };
	return rc == WN_OK ? wn_db_dose_skip_at(db, &d, ids, n, NULL, err) : rc;
}
