/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo.h -- a deterministic, realistic demo diary.
 *
 * Part of the storage layer (it writes through storage.h and plan.h; no
 * curses, no output).  The diary it writes tells one story: a person on
 * sertraline 100 mg (tablets of 25 mg that can be halved, and a 20 mg/mL
 * liquid) starts a percent taper 180 days before `today` -- 10% of the
 * current dose every 28 days -- and after the hard third cut holds for 18
 * days, with a reason.  Symptoms come in waves after each cut (rising
 * within days, peaking around day 5-7, settling over two to three weeks),
 * later cuts hit harder than the first, and mood, anxiety, energy and
 * sleep move with them.  Doses follow the plan except for three
 * deviations (one skipped dose, two different doses); five days have no
 * record at all; about a third of the days have a note (a few with
 * accents and dashes); three days are flagged; there are questions for
 * the prescriber and quick notes.
 *
 * Everything is a function of (today, days): a fixed seed and a private
 * generator, no clock, no libm functions whose results could differ
 * between runs.  Dates are relative to `today` (wn_date_today() honours
 * WEAN_TODAY), so a pinned WEAN_TODAY gives a byte-identical diary.
 */
#ifndef WEAN_DEMO_H
#define WEAN_DEMO_H

#include <stdbool.h>

#include "core/date.h"
#include "core/status.h"

struct wn_db;

#define WN_DEMO_DEFAULT_DAYS 200
#define WN_DEMO_MAX_DAYS 40000
#define WN_DEMO_PLAN_DAYS 180      /* the plan starts this many days ago */

/* What was written, for a summary line. */
struct wn_demo_summary {
	wn_date first, last;       /* the diary's days: today - days + 1 .. today */
	int checkins;              /* days with a check-in */
	int missing;               /* days in [first, last] with no record */
	int notes;                 /* check-ins with a note */
	int cuts;                  /* taper steps after the start, up to today */
	double dose_now;           /* planned dose today, mg */
	wn_date plan_start;
	int hold_days;             /* length of the (closed) hold */
};

struct wn_demo_opts {
	wn_date today;             /* the diary's last day */
	int days;                  /* 1 .. WN_DEMO_MAX_DAYS */
};

/* Writes the demo diary into db, which must be a new, empty diary (it
 * adds the medication "sertraline"; WN_DATAERR if one exists).  All of it
 * is one transaction: on any error nothing is written.  WN_USAGE for days
 * out of range.  summary may be NULL.  Returns WN_OK or a storage status
 * with the message in err. */
int wn_demo_write(struct wn_db *db, const struct wn_demo_opts *o,
                  struct wn_demo_summary *summary, struct wn_err *err);

#endif
