/* SPDX-License-Identifier: GPL-3.0-or-later */
/* today_doses.h -- planned against taken for each dose of a day, for a
 * plan with doses through the day (core/doses.h): which recorded dose
 * belongs to which planned time, and the words of a dose row.  Pure: no
 * curses, no SQL.
 *
 * A recorded dose belongs to the planned time nearest its own time (on a
 * tie the earlier); a dose recorded without a time belongs to none (it
 * still counts in the day's total).  Each time's status is core/vocab.h's
 * (as planned, different, skipped, not recorded) from its planned amount
 * and the doses that belong to it. */
#ifndef WEAN_CORE_TODAY_DOSES_H
#define WEAN_CORE_TODAY_DOSES_H

#include <stddef.h>

#include "core/doses.h"
#include "core/records.h"
#include "core/vocab.h"

struct wn_today_slot {
	int minute;                  /* the planned time */
	double planned;              /* the planned amount */
	double taken;                /* sum of the doses that belong to it */
	int n;                       /* how many (a skipped one too) */
	enum wn_dose_status status;
};

/* The slots of med_id on day d for the planned doses planned[0 .. ds->n)
 * at ds->minute: out[0 .. ds->n).  Returns ds->n (0 when ds->n < 2). */
int wn_today_slots(const struct wn_doses *ds, const double *planned,
                   const struct wn_day *d, long med_id, struct wn_today_slot *out);

/* The planned time a dose recorded at `minute` belongs to (the nearest,
 * on a tie the earlier): its index, or -1 without a time or with fewer
 * than two times. */
int wn_today_slot_of(const struct wn_doses *ds, int minute);
/* The ids of med_id's dose records on day d that belong to time k:
 * ids[0 .. return), at most max. */
size_t wn_today_slot_doses(const struct wn_doses *ds, const struct wn_day *d, long med_id,
                           int k, long *ids, size_t max);

/* A dose row in core/vocab.h's words (wn_vocab_dose_detail): "08:00  1
 * mg, as planned", "14:00  0.5 mg, lower than planned (1 mg)", "22:00
 * skipped (planned 0.75 mg)", "22:00  not recorded (planned 0.75 mg)". */
void wn_today_slot_text(const struct wn_today_slot *s, const char *unit,
                        char *buf, size_t n);

#endif
