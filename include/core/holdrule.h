/* SPDX-License-Identifier: GPL-3.0-or-later */
/* holdrule.h -- when to suggest holding the next taper step (SPEC §5).
 *
 * Pure: no curses, no SQL, no output.  wn_holdrule_windows() says which
 * days to read for a day of a schedule; the caller (db/holdrule.h) fills
 * in each window's mean and the recent nights' sleep; wn_holdrule_check()
 * applies the config's rules and says whether to show WN_HOLDRULE_TEXT,
 * and why -- or that it is silent for want of days.  It only proposes:
 * nothing here changes a plan.
 *
 * Symptom rule.  A day's level is the mean rating per symptom rated that
 * day (0-3), so the rule means the same for 5 rated symptoms or 50.  The
 * recent level is the mean of the hold_burden_days days ending on the day
 * judged; the baselines are the hold_baseline_days days before the
 * taper's first cut (the pre-taper baseline) and before each of the last
 * WN_HOLDRULE_CUTS cuts on or before the day.  It fires when the recent
 * level is above the lowest baseline by more than hold_symptom_rise: a
 * slow rise across several cuts fires as well as a jump after the last.
 * A window counts when enough of its days have ratings: the recent one
 * half of its days (rounded up), a baseline WN_HOLDRULE_MIN_DAYS (or all
 * of them when shorter).  Without a counting recent window and baseline
 * the rule is silent and says so ("not enough days yet (N of M)").
 *
 * Sleep rule.  Each of the hold_sleep_nights nights ending on the day has
 * a sleep value under hold_sleep_hours (a night without one breaks the
 * run).
 *
 * Nothing fires when cfg->hold_enabled is false; the symptom rule needs
 * a cut on or before the day.
 */
#ifndef WEAN_HOLDRULE_H
#define WEAN_HOLDRULE_H

#include <stdbool.h>

#include "core/config.h"
#include "core/date.h"
#include "core/taper.h"

#define WN_HOLDRULE_TEXT \
	"consider holding the next step - discuss with your prescriber"
#define WN_HOLDRULE_CUTS 3           /* cuts whose baselines are compared */
#define WN_HOLDRULE_MIN_DAYS 4       /* days with ratings a baseline needs */
#define WN_HOLDRULE_MAX_NIGHTS 14

/* Days [from, to]; the caller fills mean (NAN without data) and days. */
struct wn_holdrule_window {
	wn_date from, to;
	wn_date cut;                 /* the cut it comes before; for the
	                                recent window WN_DATE_NONE */
	bool pre_taper;              /* before the taper's first cut */
	double mean;                 /* mean of the days' levels */
	int days;                    /* days with ratings */
};

struct wn_holdrule_in {
	const struct wn_config *cfg;
	wn_date day;                 /* the day judged */
	struct wn_holdrule_window recent;
	struct wn_holdrule_window base[1 + WN_HOLDRULE_CUTS];
	int n_base;
	double sleep[WN_HOLDRULE_MAX_NIGHTS];   /* hours of the nights ending
	                                           on day, newest first; NAN */
	int n_sleep;                 /* hold_sleep_nights */
};

/* Fills the windows of *in for `day` of schedule s (means NAN, days 0)
 * and n_sleep.  false when there is nothing to judge: the rules are off,
 * s is NULL or empty. */
bool wn_holdrule_windows(const struct wn_config *c, const struct wn_schedule *s,
                         wn_date day, struct wn_holdrule_in *in);

/* The days the windows of *in cover, as disjoint spans in increasing
 * order (overlapping or touching windows merged): from[k]..to[k] for k
 * below the count returned (at most 2 + WN_HOLDRULE_CUTS).  0 when
 * there is no baseline (then nothing is read: the rule cannot fire). */
int wn_holdrule_spans(const struct wn_holdrule_in *in, wn_date *from, wn_date *to);

/* Feeding the windows with the days read over those spans: call
 * wn_holdrule_day() for each day with ratings, in increasing date order,
 * with its level (the mean of its ratings), then wn_holdrule_means().
 * The windows get what SQLite's avg() of the levels and count(*) over
 * their days give: the levels added in date order from 0.0, divided by
 * the number of days; NAN and 0 without days.  In between, a window's
 * mean holds the running sum. */
void wn_holdrule_day(struct wn_holdrule_in *in, wn_date day, double level);
void wn_holdrule_means(struct wn_holdrule_in *in);

struct wn_holdrule_out {
	bool propose;                /* show WN_HOLDRULE_TEXT */
	bool symptom_fired, sleep_fired;
	double recent_mean, base_mean;   /* NAN when not computable */
	const struct wn_holdrule_window *base;   /* the lowest baseline, or
	                                            NULL (points into in) */
	bool waiting;                /* silent for want of days */
	int have_days, need_days;    /* then: the best window's days */
	char why[256];               /* "symptoms 1.4 a day (mean per rated
	                                symptom, last 3 days), 0.6 above the 7
	                                days before the cut on 2026-11-02;
	                                sleep under 5 h for 3 nights", or "" */
	char wait[96];               /* "not enough days with ratings yet (2
	                                of 4)", or "" */
};

/* Applies the rules; out is always filled.  Returns out->propose. */
bool wn_holdrule_check(const struct wn_holdrule_in *in,
                       struct wn_holdrule_out *out);

#endif
