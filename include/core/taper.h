/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taper.h -- taper schedules: pure maths, no SQL, no curses, no I/O.
 *
 * Given a starting dose, a method (SPEC section 5) and the forms the person
 * has (tablets, capsules, a liquid, bead capsules), wn_taper_build() computes
 * the list of steps: date, dose rounded to what the forms can deliver, how
 * to take it, % of the start dose, % cut and estimated SERT occupancy.
 * Holds move or freeze the steps.  The numbers are reference only: every
 * plan is to be agreed with the prescriber.
 *
 * Dose forms and their syntax are core/taper_form.h's; rounding a dose to
 * what the forms deliver is core/taper_round.h's.  Dates are wn_date day
 * numbers (date.h, typedef only); days are added with plain integer
 * arithmetic.
 */
#ifndef WEAN_TAPER_H
#define WEAN_TAPER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"
#include "core/taper_form.h"
#include "core/taper_round.h"

/* ---- occupancy model (domain README 1.1) -------------------------------------------- */

/* occ = min(100, emax*d/(ed50+d)) in %; NAN when emax or ed50 <= 0. */
double wn_taper_occupancy(double dose_mg, double emax, double ed50);
/* Inverse: ed50*occ/(emax-occ); 0 for occ <= 0; NAN when occ >= emax or
 * the parameters are missing. */
double wn_taper_dose_for_occupancy(double occ, double emax, double ed50);

/* ---- schedules --------------------------------------------------------------------- */

enum wn_taper_method {
	WN_TAPER_PERCENT,    /* cut step % of the current (rounded) dose */
	WN_TAPER_OCCUPANCY,  /* equal steps of `step` occupancy points */
	WN_TAPER_LINEAR,     /* cut `step` mg each time */
	WN_TAPER_CUSTOM      /* the person's own list of (date, dose) */
};

/* "percent", "occupancy", "linear", "custom". */
const char *wn_taper_method_name(enum wn_taper_method m);
/* Case-insensitive; WN_USAGE with the valid names otherwise. */
int wn_taper_method_parse(const char *s, enum wn_taper_method *out,
                          struct wn_err *err);

struct wn_taper_point {
	wn_date date;
	double dose;
};

/* A pause of the taper.  end == WN_DATE_NONE: still on hold (open).
 * A closed hold lasts end - start days. */
struct wn_hold {
	wn_date start;
	wn_date end;
};

#define WN_TAPER_MAX_STEPS 200

struct wn_taper_params {
	enum wn_taper_method method;
	wn_date start;           /* day of step 0 (the starting dose) */
	double from_dose;        /* mg, > 0; CUSTOM may start at 0 (a drug
	                            brought in: then no floor or target, and
	                            a step above 0) */
	double step;             /* PERCENT: % of current dose (0 < step < 100);
	                            OCCUPANCY: points (0 < step <= 100);
	                            LINEAR: mg (> 0); CUSTOM: unused */
	int every_days;          /* days between steps, 1..3650 (not CUSTOM) */
	double round_q;          /* rounding quantum in mg (0, or >= 0.0001);
	                            0 = the forms decide */
	double floor_dose;       /* a computed dose below this becomes 0; 0 = none */
	double to_dose;          /* target, 0 <= to_dose < from_dose; the
	                            schedule ends on it (a step never goes below) */
	const struct wn_form *forms;
	int n_forms;
	double emax, ed50;       /* SERT parameters, 0 = unknown (then
	                            occupancy is NAN and OCCUPANCY is refused) */
	const struct wn_taper_point *custom;   /* CUSTOM: dates strictly after
	                                          start, increasing; doses >= 0 */
	int n_custom;
	const struct wn_hold *holds;           /* any order; must not overlap;
	                                          an open hold must be the last */
	int n_holds;
	int max_steps;           /* cap on steps incl. step 0; 0 = 200 */
};

/* Zero everything, then: method PERCENT, start WN_DATE_NONE, max_steps 200. */
void wn_taper_params_init(struct wn_taper_params *p);

struct wn_taper_step {
	wn_date date;            /* after holds; WN_DATE_NONE while frozen by
	                            an open hold (see wn_schedule.n_dated) */
	wn_date base_date;       /* as planned, before holds */
	wn_date due;             /* the date after the closed holds: == date,
	                            except for a step frozen by an open hold,
	                            where it is the date it had before it */
	int moved;               /* closed holds that moved it (each one that
	                            started on or before its date then, one of
	                            0 days too): the calendar's SEQUENCE */
	double dose;             /* mg, as rounded */
	double pct_of_start;     /* dose / from_dose * 100; NAN for a plan
	                            from 0 mg */
	double pct_cut;          /* vs the previous step, % of it; 0 for step 0 */
	double occupancy;        /* estimated %, NAN without parameters */
	char how[WN_TAPER_HOW];  /* how to take it; "" if the forms cannot make it */
	bool warn_rounding;      /* rounding moved occupancy (dose without
	                            parameters) by more than half the step */
};

struct wn_schedule {
	struct wn_taper_step *steps;  /* owned; free with wn_taper_free() */
	int n;
	int n_dated;             /* steps[0..n_dated) have dates; the rest wait
	                            for the open hold to end */
	wn_date hold_since;      /* start of the open hold, or WN_DATE_NONE */
	bool truncated;          /* max_steps reached before the end */
};

/* Computes the schedule.  Rules:
 * - step 0 is (start, from_dose) as given; step k of a computed method is
 *   dated start + k*every_days;
 * - PERCENT: next = round(current * (1 - step/100)) from the rounded
 *   current dose; OCCUPANCY: next = round(dose(occ_0 - k*step)), 0 once
 *   the target occupancy is <= 0; LINEAR: next = round(current - step);
 *   CUSTOM: the list as given (not rounded; `how` describes it when exact);
 * - when rounding gives the current dose again, the next lower deliverable
 *   dose is taken (a step always cuts);
 * - a rounded dose below floor_dose becomes 0; a dose at or below to_dose
 *   becomes to_dose and ends the schedule; 0 ends it;
 * - holds (sorted by start): a closed hold of L days moves every step
 *   k >= 1 dated on or after its start by L days (a step due on the hold's
 *   first day has not happened yet) and counts in its `moved`; an open
 *   hold freezes every step k >= 1 dated on or after its start (date
 *   WN_DATE_NONE, `due` the date it had).  Step 0 never moves.
 * Returns WN_OK; WN_USAGE for bad parameters, WN_DATAERR for a bad custom
 * list or holds, or for OCCUPANCY without parameters (hint: --method
 * percent); WN_ERR when out of memory.  On error *out is empty (steps NULL). */
int wn_taper_build(const struct wn_taper_params *p, struct wn_schedule *out,
                   struct wn_err *err);
void wn_taper_free(struct wn_schedule *s);

/* Index of the step in force on `day` (the last dated step on or before
 * it), or -1 before step 0 / for an empty schedule. */
int wn_taper_step_at(const struct wn_schedule *s, wn_date day);
/* Index of the first dated step after `day`, or -1 if none (the end, or
 * the rest is frozen by an open hold). */
int wn_taper_next_step(const struct wn_schedule *s, wn_date day);
/* True when an open hold has started on or before `day`. */
bool wn_taper_on_hold(const struct wn_schedule *s, wn_date day);

#endif
