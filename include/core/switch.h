/* SPDX-License-Identifier: GPL-3.0-or-later */
/* switch.h -- switching a benzodiazepine to diazepam one dose at a time
 * (issue 19), as values: the stages, each dose of both drugs, and the
 * day's combined diazepam equivalent.  Pure: no SQL, no curses, no I/O.
 *
 * The approach (domain README section 2, sources S15 S16 S18 S20): the
 * short-acting drug is replaced by diazepam one dose at a time, each
 * stage lasting 1-2 weeks (S17: "over 1-2 weeks rather than 1-2 days"),
 * then the diazepam is tapered.  The published schedules' exact numbers
 * were not available to wean, so the schedule is "in the style of" the
 * Ashton Manual, with this rule:
 * - the doses are those of the FROM plan on the day the switch starts;
 * - stage k (k = 1 .. n, each `stage_days` long) replaces one more whole
 *   dose of FROM by diazepam: the dose FROM's cut rule (core/doses.h)
 *   would cut first, the largest by default, judged by the diazepam each
 *   dose becomes (wn_doses_order), the order in which the diazepam plan
 *   -- a plan from 0 mg whose parts are the last stage's doses -- fills
 *   its doses, so that plan gives each stage's doses exactly;
 * - a dose of x mg of FROM becomes x * 10 / equiv mg of diazepam (equiv:
 *   mg of FROM equivalent to 10 mg diazepam in the chosen table, Ashton or
 *   VA/DoD, S17), rounded to the diazepam forms;
 * - the day's combined equivalent (FROM's doses as diazepam plus the
 *   diazepam) must stay within WN_SWITCH_TOLERANCE of the start at every
 *   stage, else the schedule is refused (WN_DATAERR).
 * Equivalents are approximate and people differ: the schedule is the
 * person's, to discuss with the prescriber. */
#ifndef WEAN_CORE_SWITCH_H
#define WEAN_CORE_SWITCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/drugref.h"
#include "core/doses.h"
#include "core/status.h"
#include "core/taper_round.h"

#define WN_SWITCH_TOLERANCE 0.10   /* of the starting combined equivalent */

enum wn_switch_table { WN_SWITCH_ASHTON, WN_SWITCH_VADOD };

/* "ashton", "vadod"; the table's name in words: "the Ashton Manual
 * (2002) column", "the VA/DoD (2021) column". */
const char *wn_switch_table_name(enum wn_switch_table t);
const char *wn_switch_table_words(enum wn_switch_table t);
/* Case-insensitive; WN_USAGE naming the choices otherwise. */
int wn_switch_table_parse(const char *s, enum wn_switch_table *out,
                          struct wn_err *err);

struct wn_switch_stage {
	wn_date date;                    /* the stage's first day */
	double from[WN_DOSES_MAX];       /* FROM's doses, mg */
	double dz[WN_DOSES_MAX];         /* diazepam's doses, mg */
	double from_total, dz_total;
	double combined;                 /* diazepam-equivalent mg of the day */
	double pct_of_start;             /* combined / stage 0's * 100 */
};

struct wn_switch {
	int n_doses;                     /* doses a day (1 for one a day) */
	int minute[WN_DOSES_MAX];        /* their times, -1 for one a day */
	struct wn_switch_stage stages[WN_DOSES_MAX + 1];
	int n;                           /* stage 0 (before) .. n_doses */
	double equiv;                    /* FROM mg equal to 10 mg diazepam */
};

struct wn_switch_in {
	const struct wn_doses *doses;    /* FROM's times and cut rule; n < 2:
	                                    one dose a day */
	const double *amounts;           /* FROM's doses on the start day */
	double equiv;                    /* mg of FROM equal to 10 mg diazepam */
	const struct wn_rounding *dz_round;   /* diazepam forms; NULL = 0.5 mg */
	wn_date start;
	int stage_days;                  /* 1..365 */
};

/* Builds the stages.  WN_DATAERR when an amount or equiv is not above 0,
 * or when rounding takes the combined equivalent of a stage more than
 * WN_SWITCH_TOLERANCE from the start (the message names the stage). */
int wn_switch_build(const struct wn_switch_in *in, struct wn_switch *out,
                    struct wn_err *err);

/* mg of drug d equal to 10 mg diazepam in table t (its Ashton or VA/DoD
 * column): WN_OK, or WN_DATAERR when the column gives a range or
 * nothing (wean switches only by one number). */
int wn_switch_equiv(const struct wn_drug *d, enum wn_switch_table t, double *out,
                    struct wn_err *err);

/* The table's lines (at most 78 columns for names up to 14 bytes): the
 * heading ("stage  from        alprazolam     diazepam       as diazepam")
 * and stage k's row ("    1  2026-12-01  0.5+0.5+0 mg   0+0+20 mg      40
 * mg (100%)": the day's combined equivalent and its % of the start;
 * stage 0 is "now (before)"). */
void wn_switch_head_text(const char *from, const char *to, char *buf, size_t n);
void wn_switch_row_text(const struct wn_switch *x, int k, char *buf, size_t n);

/* The switch and the diazepam taper as one schedule of the day's
 * combined diazepam equivalent: how a switch is judged, since a dose of
 * FROM going to 0 is replaced, not cut.  dz is the diazepam plan's
 * schedule (from 0 mg: its steps 1 .. x->n - 1 are the stages, the rest
 * the taper).  *start (the day before stage 1) and *from_dose (stage
 * 0's combined) begin it; pts[0 .. *n) are each stage's combined (on
 * the stage's date in dz) and then each later step of dz, up to max
 * points, dated as planned (before holds).  WN_OK, or WN_DATAERR when dz
 * does not begin with the stages. */
int wn_switch_combined(const struct wn_switch *x, const struct wn_schedule *dz,
                       wn_date *start, double *from_dose, struct wn_taper_point *pts,
                       int max, int *n, struct wn_err *err);

/* The diazepam dose equivalent to mg of FROM: mg * 10 / equiv. */
double wn_switch_as_diazepam(double mg, double equiv);

#endif
