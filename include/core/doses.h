/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doses.h -- a plan's daily dose taken as several doses through the day
 * (issue 19): the times, the split of the starting dose, and which dose
 * each step of the taper cuts.  Pure maths: no SQL, no curses, no I/O.
 *
 * Rules (wn_doses_schedule):
 * - step 0: the starting dose is shared out by the parts ("1,1,1", or
 *   amounts "0.5,0.5,1"), each share rounded to what the forms deliver;
 *   what rounding leaves over goes to the dose the cut rule would cut
 *   first, so the doses add up to the day's dose exactly;
 * - each later step cuts one dose at a time: the whole cut comes off the
 *   dose the rule picks; when that dose is smaller than the cut, it goes
 *   to 0 and the rest comes off the next dose the rule picks;
 * - a step that goes up (a custom plan) shares the rise out by the parts;
 *   but a plan that starts at 0 mg (a drug brought in, as in a switch)
 *   brings its doses in one at a time: its parts are the doses it
 *   reaches (amounts, e.g. "10,10,20"), and each rise fills the doses up
 *   to their parts in wn_doses_order()'s order, the next only when the
 *   one before is full (a rise past every part is shared by the parts);
 * - the doses of a step always add up to the step's daily dose.
 * The rule (--cut-first): LARGEST (the default) cuts the largest dose,
 * on a tie the latest in the day: the doses stay as level as they can
 * through the day, no one dose drops by much more than the others, and
 * the morning and daytime doses are kept longest.  This is wean's rule of
 * thumb, not a published one: the order is the person's choice, to agree
 * with the prescriber.  EVENING cuts the latest dose (above 0) first,
 * MORNING the earliest. */
#ifndef WEAN_CORE_DOSES_H
#define WEAN_CORE_DOSES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"
#include "core/taper.h"

#define WN_DOSES_MAX 6

enum wn_cut_first { WN_CUT_LARGEST, WN_CUT_EVENING, WN_CUT_MORNING };

struct wn_doses {
	int n;                       /* 0 or 1: one dose a day (no split) */
	int minute[WN_DOSES_MAX];    /* each dose's time, increasing, 0..1439 */
	double part[WN_DOSES_MAX];   /* each dose's part of the start, > 0 */
	enum wn_cut_first cut;
};

/* "largest", "evening", "morning". */
const char *wn_doses_cut_name(enum wn_cut_first c);
/* Case-insensitive; WN_USAGE naming the choices otherwise. */
int wn_doses_cut_parse(const char *s, enum wn_cut_first *out, struct wn_err *err);

/* Times "08:00,14:00,22:00" (H:MM or HH:MM, blanks allowed around each)
 * into d->minute and d->n, with equal parts.  2..WN_DOSES_MAX times, each
 * later than the one before.  WN_USAGE naming the problem, messages
 * beginning with what ("--times"). */
int wn_doses_parse_times(const char *s, const char *what, struct wn_doses *d,
                         struct wn_err *err);
/* Parts "1,1,1" or "0.5,0.5,1" (numbers above 0 and below 100000), as
 * many as d->n (parse the times first).  WN_USAGE otherwise. */
int wn_doses_parse_split(const char *s, const char *what, struct wn_doses *d,
                         struct wn_err *err);

/* "08:00,14:00,22:00" and "1,1,1" (numbers as written by %g), as stored
 * and shown; "" when d->n < 2. */
void wn_doses_times_text(const struct wn_doses *d, char *buf, size_t n);
void wn_doses_split_text(const struct wn_doses *d, char *buf, size_t n);

/* Index of the dose the rule cuts first among amounts a[0..d->n) above
 * 0; -1 when all are 0. */
int wn_doses_pick(const struct wn_doses *d, const double *a);

/* The order in which the rule cuts the doses a[0..d->n) (those above
 * 0), each picked as if the ones before were gone: order[0..k), returns
 * k.  A switch replaces the doses in this order; a plan from 0 mg fills
 * them in it. */
int wn_doses_order(const struct wn_doses *d, const double *a, int *order);

/* A rise of a plan from 0 mg: prev (adding up to the previous dose) to
 * `total`, filling the doses up to d->part in wn_doses_order(d->part)'s
 * order.  A fall is cut as wn_doses_next() does. */
void wn_doses_fill(const struct wn_doses *d, const double *prev, double total,
                   double *out);

/* The starting dose `total` shared out by d's parts (step 0's rule);
 * r may be NULL (no rounding). */
void wn_doses_first(const struct wn_doses *d, const struct wn_rounding *r,
                    double total, double *out);
/* The doses after a step from prev (which add up to the previous day's
 * dose) to `total`. */
void wn_doses_next(const struct wn_doses *d, const double *prev, double total,
                   double *out);

/* Every step's doses: (*out)[k * d->n + i] is dose i of step k, for the
 * s->n steps (a plan from 0 mg, step 0's dose 0, fills by wn_doses_fill) (malloc'd, free() it; NULL when s->n is 0).  d->n >= 2.
 * WN_OK or WN_ERR out of memory. */
int wn_doses_schedule(const struct wn_doses *d, const struct wn_rounding *r,
                      const struct wn_schedule *s, double **out,
                      struct wn_err *err);

#endif
