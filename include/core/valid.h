/* SPDX-License-Identifier: GPL-3.0-or-later */
/* valid.h -- what a diary may hold, whatever the way in (the command
 * line, the TUI, an import) and whatever `wean check` finds: the window
 * of dates a day may have, the ranges of a day's values, time stamps as
 * stored.  Pure: no SQLite, no I/O.
 *
 * The other rules live with what they check: names, labels and notes in
 * core/text.h (wn_text_check), units in core/med.h (wn_med_unit_check),
 * a plan in core/plan.h (wn_plan_check_spec, and the schedule built as
 * `plan show` builds it).  The importers (db/import.h) and wn_db_check
 * (db/db.h) take every limit from these headers.
 *
 * Why the window: the CSV export, charts and the plan table cover at most
 * WN_VALID_SPAN_DAYS days, so a day earlier than that before today (say
 * 0001-01-01) would make the diary's own export fail; a day after today
 * has not happened yet.
 */
#ifndef WEAN_VALID_H
#define WEAN_VALID_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"

#define WN_VALID_SPAN_DAYS 36600      /* days of history wean shows and exports */
#define WN_VALID_LEVEL_MAX 10         /* mood, anxiety, energy: whole, 0..10 */
#define WN_VALID_SLEEP_MAX 24         /* hours of sleep: 0..24 */
#define WN_VALID_RATING_MAX 3         /* a symptom rating: whole, 0..3 */
#define WN_VALID_AMOUNT_LIMIT 100000  /* a dose or a plan's dose: below this */
#define WN_VALID_MINUTE_MAX 1439      /* a time of day: minutes 0..1439 */
#define WN_VALID_METRIC_LIMIT 1e15    /* any metric value: within +-this */

/* The earliest date a day may have: WN_VALID_SPAN_DAYS days up to and
 * including today. */
wn_date wn_valid_earliest(wn_date today);

/* A day's date (a check-in, rating, dose, metric value, note or question,
 * a hold proposal): WN_OK, or WN_DATAERR "2026-12-01 is after today
 * (2026-11-25)" or "0001-01-01 is before 1926-11-27 (wean keeps the last
 * 36600 days)". */
int wn_valid_day(wn_date d, wn_date today, struct wn_err *err);

/* Is s[0..len) a time stamp as stored, "YYYY-MM-DD HH:MM:SS" (a real date,
 * 00:00:00 to 23:59:59)? */
bool wn_valid_stamp(const char *s, size_t len);
/* A time stamp in ISO 8601 as the JSON export writes it (UTC),
 * "YYYY-MM-DDTHH:MM:SSZ", rewritten in place as stored ("YYYY-MM-DD
 * HH:MM:SS", NUL-terminated): returns the new length, 19; anything else
 * is left as it is and len returned. */
size_t wn_valid_stamp_from_iso(char *s, size_t len);

/* A metric's value against the metric's range (min or max NAN = open):
 * WN_OK, or WN_DATAERR "NAME must be at least MIN (got V)", "... at most
 * MAX ...", or "NAME must be a finite number". */
int wn_valid_metric(const char *name, double v, double min, double max,
                    struct wn_err *err);

#endif
