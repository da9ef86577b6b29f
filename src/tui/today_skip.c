/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_skip.c -- s on one of the day's dose rows (issue 19): that dose
 * alone recorded as skipped at its time.  See today.h. */
#include <stdio.h>

#include "core/today_doses.h"
#include "db/day.h"
#include "today.h"

void wn_ui_today_skip_dose(struct wn_ui *ui, struct today *t, int m,
                           const struct wn_today_slot *sl)
{
	const struct wn_doses *ds = &t->plans[m].plan.doses;
	long ids[16];
	size_t n = wn_today_slot_doses(ds, t->have_day ? &t->day : NULL, t->med[m].id,
	                               wn_today_slot_of(ds, sl->minute), ids, 16);
	struct wn_dose d = { .date = t->date, .minute = sl->minute, .med_id = t->med[m].id };
	struct wn_err err = { 0 };
	char what[160];
	snprintf(what, sizeof what, "%s: the %02d:%02d dose recorded as skipped (not taken); x removes it",
	         t->med[m].name, sl->minute / 60, sl->minute % 60);
	int rc = wn_db_dose_skip_at(ui->db, &d, ids, n, NULL, &err);
	wn_ui_today_written(ui, t, rc == WN_OK ? NULL : &err, what);
}
