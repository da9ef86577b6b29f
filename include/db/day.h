/* SPDX-License-Identifier: GPL-3.0-or-later */
/* day.h -- the records of a day in the diary: loading a day, the check-in,
 * ratings, metric values, doses, quick notes, and walking a range of
 * days (the note while it is edited, and its drafts: db/note.h; the
 * questions for the prescriber: db/question.h).
 * See db/db.h for opening the diary and for what every function here
 * shares:
 * - Every write runs inside the caller's transaction when one is open
 *   (wn_db_begin/commit), otherwise in its own.
 * - All functions return a wn_status; details go into err.  A locked
 *   diary yields WN_TEMPFAIL after the busy timeout.
 */
#ifndef WEAN_DAY_H
#define WEAN_DAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/records.h"
#include "core/status.h"

struct wn_db;

/* ---- one day ------------------------------------------------------------------ */

/* Loads everything recorded for one date (an empty day is not an error:
 * ci.exists is false and the arrays are empty).  Free with wn_day_free(). */
int wn_db_day_load(struct wn_db *db, wn_date date, struct wn_day *out,
                   struct wn_err *err);

/* ---- writing a day --------------------------------------------------------------- */

enum {
	WN_SET_MOOD = 1 << 0, WN_SET_ANXIETY = 1 << 1, WN_SET_ENERGY = 1 << 2,
	WN_SET_SLEEP = 1 << 3, WN_SET_NOTE = 1 << 4, WN_SET_FLAG = 1 << 5,
};

/* Creates or updates the check-in of p->date; only fields named in
 * p->set change (a field set to WN_UNSET/NAN/NULL clears it).  Validates
 * ranges and note text (WN_DATAERR). Creates the row even when set == 0. */
struct wn_checkin_patch {
	wn_date date;
	unsigned set;
	int mood, anxiety, energy;
	double sleep;
	const char *note;
	bool flag;
};
int wn_db_checkin_update(struct wn_db *db, const struct wn_checkin_patch *p,
                         struct wn_err *err);

/* value 0..3 sets, WN_UNSET clears.  Updates the symptom's first_seen. */
int wn_db_rating_set(struct wn_db *db, wn_date date, long symptom_id,
                     int value, struct wn_err *err);
/* A custom metric value; NAN clears. */
int wn_db_metric_set(struct wn_db *db, wn_date date, const char *name,
                     double value, struct wn_err *err);
/* Records a dose taken (amount above 0).  A dose of the same medication
 * at the same minute on the same date is replaced, so repeating a command
 * does not double it; the medication's dose recorded as skipped that day,
 * if any, goes (it was taken after all). */
int wn_db_dose_add(struct wn_db *db, const struct wn_dose *d, long *id_out,
                   struct wn_err *err);
/* Records the medication as skipped on date (not taken: core/vocab.h):
 * its doses of that day are replaced by one dose of amount 0, without a
 * time.  Its id into *id_out (may be NULL). */
int wn_db_dose_skip(struct wn_db *db, wn_date date, long med_id, long *id_out,
                    struct wn_err *err);
/* Records one dose of a day as skipped (issue 19: a plan with doses
 * through the day): a dose of amount 0 at d->minute (needed) for
 * d->med_id on d->date, after deleting the dose records replace[0 ..
 * n_replace) (those that belong to that planned time) and a skip of the
 * whole day.  The other doses of the day stay.  Its id into *id_out (may
 * be NULL). */
int wn_db_dose_skip_at(struct wn_db *db, const struct wn_dose *d, const long *replace,
                       size_t n_replace, long *id_out, struct wn_err *err);
int wn_db_dose_delete(struct wn_db *db, long id, struct wn_err *err);
int wn_db_quicknote_add(struct wn_db *db, wn_date date, int minute,
                        const char *text, struct wn_err *err);

/* ---- correcting a day -------------------------------------------------------------- */

/* Quick note id (out->text owned: free() it, NULL after a failure).
 * WN_NOINPUT ("no quick note #ID") when there is none. */
int wn_db_quicknote_get(struct wn_db *db, long id, struct wn_quicknote *out,
                        struct wn_err *err);
/* The id of the quick note of date at minute (-1: one without a time).
 * WN_NOINPUT when there is none; WN_DATAERR when there are several (the
 * message lists their numbers, "#4, #7"). */
int wn_db_quicknote_at(struct wn_db *db, wn_date date, int minute, long *id,
                       struct wn_err *err);
/* The text of quick note id replaced (checked as wn_db_quicknote_add
 * checks it: WN_DATAERR); its date and time stay.  WN_NOINPUT when there
 * is no such note. */
int wn_db_quicknote_edit(struct wn_db *db, long id, const char *text,
                         struct wn_err *err);
/* WN_NOINPUT when there is no such note. */
int wn_db_quicknote_delete(struct wn_db *db, long id, struct wn_err *err);

/* What wn_db_day_delete removed. */
struct wn_day_deleted {
	int checkins;          /* 0 or 1: the check-in, its note and flag */
	int ratings, metrics, doses, qnotes;
};
/* Deletes date's record in one transaction: the check-in (ratings of
 * mood, anxiety, energy, sleep, the note, the flag), the symptom ratings,
 * the metric values, the doses (skipped ones too) and the quick notes; a
 * symptom first rated that day gets its next first day.  The questions
 * asked that day stay (they are the list for the prescriber, not the
 * day's record: `wean question delete`), and so do drafts, plans and
 * hold proposals.  A day without a record is WN_OK, all counts 0.  out
 * may be NULL.  The caller makes a backup first (db/db.h). */
int wn_db_day_delete(struct wn_db *db, wn_date date, struct wn_day_deleted *out,
                     struct wn_err *err);

/* ---- ranges ------------------------------------------------------------------------ */

/* Calls fn for each date from..to (inclusive) that has any record,
 * in date order.  fn returns 0 to go on, non-zero to stop. */
int wn_db_each_day(struct wn_db *db, wn_date from, wn_date to,
                   int (*fn)(void *ctx, const struct wn_day_summary *s),
                   void *ctx, struct wn_err *err);

/* One summary per day of from..to (at most 36600 days) into out[0 ..
 * to - from], days without a record included (all zero, has_checkin
 * false, mood WN_UNSET, sleep NAN); note is NULL.  Recorded or not is
 * core/vocab.h's wn_vocab_summary_recorded(). */
int wn_db_day_summaries(struct wn_db *db, wn_date from, wn_date to,
                        struct wn_day_summary *out, struct wn_err *err);

/* Earliest and latest dates with any record; WN_DATE_NONE when empty. */
int wn_db_date_span(struct wn_db *db, wn_date *first, wn_date *last,
                    struct wn_err *err);

#endif
