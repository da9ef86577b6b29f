/* SPDX-License-Identifier: GPL-3.0-or-later */
/* safety.h (db) -- reading what the crisis line rests on (core/safety.h):
 * the last days with a mood, and the optional self-harm item's ratings.
 * Read-only SQL.
 */
#ifndef WEAN_DB_SAFETY_H
#define WEAN_DB_SAFETY_H

#include "core/date.h"
#include "core/safety.h"
#include "core/status.h"

struct wn_db;

/* Decides for `day` with threshold low_mood (wn_safety_check).  WN_OK
 * with *out filled, or a storage error. */
int wn_db_safety(struct wn_db *db, wn_date day, int low_mood,
                 struct wn_safety_out *out, struct wn_err *err);

/* Over [from, to]: days whose mood is at or below low_mood, and days the
 * self-harm item was rated above 0, for the report. */
struct wn_safety_counts {
	int low_mood_days;
	int item_days;
};
int wn_db_safety_counts(struct wn_db *db, wn_date from, wn_date to, int low_mood,
                        struct wn_safety_counts *out, struct wn_err *err);

#endif
