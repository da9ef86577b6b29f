/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vocab.h (core) -- the one vocabulary of a day's status, shared by every
 * surface: Today, the Calendar, the Journal, the Charts, `wean show`,
 * `wean log`, `wean plan show`, the Plan screen, the CSV and JSON exports
 * and the report.  Pure: the db layer gathers the facts (db/day.h,
 * db/plan.h), this module decides what they are called.
 *
 * A day is *recorded* when anything was entered for it: a check-in (even
 * one with no field given), a rating, a metric value, a dose (of any
 * medication, a skipped one too), a quick note or a question; otherwise
 * it has *no record*.
 *
 * For each planned medication a day's dose is
 *   as planned    the recorded amounts add up to the planned dose;
 *   different     a recorded amount other than planned (higher or lower:
 *                 the words of wn_vocab_dose_detail say which);
 *   skipped       recorded as not taken: a dose record of amount 0;
 *   not recorded  no dose record of that medication that day.
 * "Not recorded" is never called "missed": nobody said the dose was not
 * taken.  When nothing is planned (no plan in force, or the plan has come
 * down to 0) and nothing was recorded, the dose is *not planned*.
 *
 * Burden, the sum of the day's symptom ratings, is empty (NAN) on a day
 * without ratings; ratings of 0 give 0.
 *
 * One meaning per mark on every screen and in the CLI: wn_vocab_marks()
 * lists them all (the help screen shows the list, docs/wean.1 repeats
 * it).
 */
#ifndef WEAN_CORE_VOCAB_H
#define WEAN_CORE_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/records.h"

/* ---- recorded --------------------------------------------------------------- */

/* What was entered for a day, as the db layer counts it. */
struct wn_vocab_facts {
	bool checkin;            /* a check-in row (fields given or not) */
	int ratings, metrics, doses, qnotes, questions;   /* records of each */
};

/* Anything entered: the day is recorded. */
bool wn_vocab_recorded(const struct wn_vocab_facts *f);
/* The facts of a loaded day (db/day.h's wn_db_day_load). */
void wn_vocab_facts_of_day(const struct wn_day *d, struct wn_vocab_facts *f);
/* What deleting a day's record takes (db/day.h's wn_db_day_delete), in
 * words: "the check-in, 2 symptom ratings, 1 dose" (questions are not
 * part of it); "" when it takes nothing. */
void wn_vocab_day_parts(const struct wn_vocab_facts *f, char *buf, size_t n);
/* Is the day of a summary (db/day.h's ranges) recorded? */
bool wn_vocab_summary_recorded(const struct wn_day_summary *s);

/* The burden of n_ratings ratings adding up to sum: NAN without any. */
double wn_vocab_burden(int n_ratings, double sum);

/* ---- a planned dose ------------------------------------------------------------ */

enum wn_dose_status {
	WN_DOSE_AS_PLANNED,
	WN_DOSE_DIFFERENT,       /* a recorded amount other than planned */
	WN_DOSE_SKIPPED,         /* recorded as not taken (amount 0) */
	WN_DOSE_NOT_RECORDED,    /* planned, no dose record that day */
	WN_DOSE_NOT_PLANNED,     /* nothing planned and nothing recorded, or
	                            doses recorded with no plan in force */
	WN_DOSE_N
};

/* The status of a day's dose of one medication: planned is the plan's
 * dose that day (NAN when no plan is in force), taken the sum of its dose
 * records, n_doses how many there are (0: taken is not looked at).
 *   planned NAN                     -> NOT_PLANNED
 *   no record, planned 0            -> NOT_PLANNED (the plan has ended)
 *   no record, planned above 0      -> NOT_RECORDED
 *   taken == planned (within 1e-6)  -> AS_PLANNED (also 0 recorded on a
 *                                      day the plan sets 0)
 *   taken 0                         -> SKIPPED
 *   otherwise                       -> DIFFERENT */
enum wn_dose_status wn_vocab_dose(double planned, double taken, int n_doses);

/* "as planned", "different", "skipped", "not recorded", "not planned". */
const char *wn_vocab_dose_word(enum wn_dose_status s);
/* The status read back from its word (the CSV); WN_DOSE_N when none. */
enum wn_dose_status wn_vocab_dose_parse(const char *word);
/* Its mark (wn_vocab_marks): "~" different, "s" skipped, "-" not
 * recorded, "" as planned and not planned (nothing to point out). */
const char *wn_vocab_dose_mark(enum wn_dose_status s);
/* Does the day count as a deviation from the plan (different, skipped)? */
bool wn_vocab_dose_deviates(enum wn_dose_status s);
/* Is a dose recorded (as planned, different, skipped): the days the
 * "taken" figures rest on. */
bool wn_vocab_dose_recorded(enum wn_dose_status s);

struct wn_vocab_dose_in {
	enum wn_dose_status status;
	double planned, taken;   /* as for wn_vocab_dose */
	const char *unit;        /* "mg"; "" for bare numbers */
};

/* A short cell of a list (log, Journal, Calendar): the amount taken and
 * the status's mark, "100 mg", "90 mg ~", "0 mg s"; "-" when not
 * recorded or nothing at all.  Always NUL-terminated. */
void wn_vocab_dose_cell(const struct wn_vocab_dose_in *d, char *buf, size_t n);
/* The status in words for a detail line: "100 mg, as planned", "90 mg,
 * lower than planned (100 mg)", "110 mg, higher than planned (100 mg)",
 * "skipped (planned 100 mg)", "not recorded (planned 100 mg)", "90 mg
 * (nothing planned)", "nothing planned".  Always NUL-terminated. */
void wn_vocab_dose_detail(const struct wn_vocab_dose_in *d, char *buf, size_t n);

/* Days counted by status in words, the statuses with none left out, in
 * the enum's order: "20 as planned, 2 different, 1 skipped, 5 not
 * recorded" ("not planned" is left out); "" when all are 0. */
void wn_vocab_counts_text(const int count[WN_DOSE_N], char *buf, size_t n);

/* ---- the time at a dose -------------------------------------------------------- */

/* The one phrase for the time at a dose, on Today, the Plan screen, `plan
 * show` and the report: "day 5 at 90 mg, since 2026-11-30", day 1 being
 * `since` (the day of the step or of going back up).  Always
 * NUL-terminated. */
void wn_vocab_at_dose(wn_date day, wn_date since, double dose, const char *unit,
                      char *buf, size_t n);

/* ---- marks ----------------------------------------------------------------------- */

struct wn_vocab_mark {
	const char *mark;        /* as drawn in ASCII */
	const char *meaning;     /* in words, for the help screen */
	const char *where;       /* the surfaces that show it */
};

/* Every mark with its one meaning, in the help screen's order. */
const struct wn_vocab_mark *wn_vocab_marks(size_t *n);

#endif
