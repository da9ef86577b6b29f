/* SPDX-License-Identifier: GPL-3.0-or-later */
/* together.h -- several taper plans at once: a cross-taper of two
 * medications, or an Ashton-style switch from a benzodiazepine to
 * diazepam.  Pure: no curses, no SQL.
 *
 * The combined schedule has one row per day on which any plan changes,
 * with every medication's planned dose that day.  Where the drug reference
 * gives diazepam equivalents, the row also carries the total as a
 * diazepam-equivalent range: the sources disagree (Ashton's table and the
 * VA/DoD column), so it is shown as an approximate range -- except for the
 * plans of a switch (dz_per_mg), counted by the one table the switch
 * chose, as its own table shows them ("~40 mg", still approximate).  wean computes the plans as entered in it; the
 * equivalent is context for a conversation with the prescriber, not a
 * conversion to act on.
 */
#ifndef WEAN_TOGETHER_H
#define WEAN_TOGETHER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/drugref.h"
#include "core/plan.h"
#include "core/status.h"
#include "core/taper.h"

#define WN_TOGETHER_MAX 8

/* One medication's plan, built (see wn_plan_build). */
struct wn_together_med {
	const char *name, *unit;
	const struct wn_plan *plan;
	const struct wn_schedule *sched;
	const struct wn_drug *drug;    /* NULL: not in the drug reference */
	double dz_per_mg;              /* > 0: the plan is part of a switch to
	                                  diazepam, counted by the switch's table
	                                  (one figure: diazepam mg per mg); 0:
	                                  the reference's range */
};

struct wn_together_row {
	wn_date date;
	double dose[WN_TOGETHER_MAX];  /* NAN: that plan has not started */
	double dz_lo, dz_hi;           /* diazepam-equivalent mg, NAN when no
	                                  medication has an equivalent */
	bool dz_partial;               /* a benzodiazepine without a known
	                                  equivalent is taken that day */
};

/* Diazepam-equivalent range of dose (in mg) of drug: WN_OK with *lo, *hi
 * set; WN_NOINPUT when the drug has no equivalent (or unit is not mg). */
int wn_together_diazepam(const struct wn_drug *drug, const char *unit,
                         double dose, double *lo, double *hi);

/* True when any of the medications has a diazepam equivalent. */
bool wn_together_has_equiv(const struct wn_together_med *m, int n);

/* The combined schedule of n (2..WN_TOGETHER_MAX) plans: *rows (malloc'd,
 * by date) and *nrows.  WN_USAGE for a bad n. */
int wn_together_rows(const struct wn_together_med *m, int n,
                     struct wn_together_row **rows, size_t *nrows,
                     struct wn_err *err);

/* The row's diazepam equivalent as shown: "~25-40 mg", "~20 mg" (to one
 * decimal), with " (+ others)" when dz_partial, or "-" when none. */
char *wn_together_equiv_text(const struct wn_together_row *r, char *buf, size_t n);

#endif
