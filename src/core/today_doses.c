/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_doses.c -- planned against taken per dose; see
 * core/today_doses.h.  Pure. */
#include "core/today_doses.h"

#include <stdio.h>
#include <stdlib.h>


int wn_today_slot_of(const struct wn_doses *ds, int minute)
{
	int best = 0;
	if (ds->n < 2 || minute < 0)
		return -1;
	for (int k = 1; k < ds->n; k++)
		if (abs(minute - ds->minute[k]) < abs(minute - ds->minute[best]))
			best = k;
	return best;
}

size_t wn_today_slot_doses(const struct wn_doses *ds, const struct wn_day *d, long med_id,
                           int k, long *ids, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; d && i < d->n_doses && n < max; i++)
		if (d->doses[i].med_id == med_id && wn_today_slot_of(ds, d->doses[i].minute) == k)
			ids[n++] = d->doses[i].id;
	return n;
}

int wn_today_slots(const struct wn_doses *ds, const double *planned,
                   const struct wn_day *d, long med_id, struct wn_today_slot *out)
{
	if (ds->n < 2)
		return 0;
	for (int k = 0; k < ds->n; k++)
		out[k] = (struct wn_today_slot){ .minute = ds->minute[k], .planned = planned[k] };
	for (size_t i = 0; d && i < d->n_doses; i++) {
		const struct wn_dose *x = &d->doses[i];
		if (x->med_id != med_id || x->minute < 0)
			continue;
		int best = wn_today_slot_of(ds, x->minute);
		out[best].taken += x->amount;
		out[best].n++;
	}
	for (int k = 0; k < ds->n; k++)
		out[k].status = wn_vocab_dose(out[k].planned, out[k].taken, out[k].n);
	return ds->n;
}

void wn_today_slot_text(const struct wn_today_slot *s, const char *unit,
                        char *buf, size_t n)
{
	int len = snprintf(buf, n, "%02d:%02d  ", s->minute / 60, s->minute % 60);
	size_t used = len > 0 && (size_t)len < n ? (size_t)len : n - 1;
	struct wn_vocab_dose_in in = { .status = s->status, .planned = s->planned,
	                               .taken = s->taken, .unit = unit };
	wn_vocab_dose_detail(&in, buf + used, n - used);
}
