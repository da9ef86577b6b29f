/* SPDX-License-Identifier: GPL-3.0-or-later */
/* series.h (db) -- daily series read from the diary, for charts and
 * insight (the kinds: core/series.h).  Read-only SQL, no output.  A series is one
 * double per day of a range [from, to]; NAN marks a day without data.
 * Loading reads only that range, with one query per series (never one
 * per day).
 *
 * What a value is, per kind (the words are core/vocab.h's):
 *   MOOD, ANXIETY, ENERGY  the check-in's 0..10 value; NAN when the day
 *                          has no check-in or the field was not given.
 *   SLEEP                  hours slept; NAN as above.
 *   BURDEN                 sum of all symptom ratings of the day (any
 *                          symptom, hidden ones included); NAN on a day
 *                          without ratings, whatever else it records.
 *   SYMPTOM                the symptom's 0..3 rating.  A day with any
 *                          rating counts an unrated symptom as 0 (so the
 *                          burden is the sum of the symptom series); NAN
 *                          on a day without ratings.
 *   METRIC                 the custom metric's value; NAN when not given.
 *   DOSE                   sum of the medication's dose records of the day:
 *                          0 for a dose recorded as skipped; NAN when the
 *                          medication has no dose record that day (not
 *                          recorded -- never taken as 0).
 */
#ifndef WEAN_DB_SERIES_H
#define WEAN_DB_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/date.h"
#include "core/series.h"
#include "core/status.h"
#include "core/records.h"

struct wn_db;

/* Resolves a name (ASCII case-insensitive, surrounding spaces ignored):
 *   "mood" | "anxiety" | "energy" | "sleep" | "burden"   the built-ins;
 *   "dose:MED"          a medication (also "dose MED");
 *   "symptom:NAME"      a symptom, when the plain name is ambiguous;
 *   "metric:NAME"       a custom metric;
 *   NAME                a symptom (hidden ones too), else a custom metric
 *                       from src->cfg or one recorded in the diary.  The built-ins win over a symptom or metric
 *                       of the same name, and a symptom over a metric.
 * The scale of a custom metric comes from src->cfg when it defines it.
 * Returns WN_OK; WN_DATAERR "unknown series 'X'; did you mean ...?" with
 * a hint listing what can be charted; WN_USAGE for an empty name; storage
 * errors as storage.h. */
struct wn_series_names {
	struct wn_db *db;             /* symptoms, medications, metrics */
	const struct wn_config *cfg;  /* custom metrics; may be NULL */
};
int wn_series_parse_what(const struct wn_series_names *src, const char *text,
                         struct wn_series_what *out, struct wn_err *err);

struct wn_series_req {
	const struct wn_series_what *what;
	wn_date from, to;             /* inclusive, from <= to */
};

/* Fills out[0 .. to - from] (caller-owned, to - from + 1 doubles) with
 * one value per day as described above, NAN for days without data.
 * Returns WN_OK; WN_USAGE when from > to or the range is longer than
 * WN_SERIES_MAX_DAYS; storage errors as storage.h (out is then
 * unspecified). */
int wn_series_load(struct wn_db *db, const struct wn_series_req *r,
                   double *out, struct wn_err *err);

#endif
