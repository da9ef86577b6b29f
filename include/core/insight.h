/* SPDX-License-Identifier: GPL-3.0-or-later */
/* insight.h -- what a daily series says about the taper.  Pure: no SQL,
 * no curses, no output, no allocation except where a function says so.
 *
 * Every function reads a struct wn_insight_series: day i (0 <= i < n) is
 * the date start + i and v[i] its value, NAN (any non-finite value) when
 * the day has no data.  Days without data are left out of every mean and
 * count; nothing is interpolated.  A mean of no days is NAN with a count
 * of 0.  Cut dates are the taper's step days after the starting dose
 * (plan.h / taper.h steps 1..), in increasing order; cuts outside the
 * series are allowed (their days simply have no data).
 *
 * The figures (SPEC section 5):
 * - baseline:     mean of the WN_INSIGHT_BASELINE_DAYS days before the
 *                 first cut (the state just before the taper began);
 *                 now: mean of the last WN_INSIGHT_RECENT_DAYS days of the
 *                 series.
 * - step-aligned: for each cut, the mean over days 0-3, 4-7, 8-14 and
 *                 15-28 after it (day 0 = the cut), stopping at the next
 *                 cut (its days belong to that step) and at the series'
 *                 end: "are my cuts getting harder?"
 * - onset:        a symptom first rated above 0 before the first cut (or
 *                 marked pre-existing by the person) is pre-existing; one
 *                 first rated on or after it is new since the taper.
 * - trend:        mean of the last 14 days against the 14 before.
 * - windows and waves: see wn_insight_waves().
 */
#ifndef WEAN_INSIGHT_H
#define WEAN_INSIGHT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/status.h"

#define WN_INSIGHT_BASELINE_DAYS 28
#define WN_INSIGHT_RECENT_DAYS 14
#define WN_INSIGHT_BUCKETS 4
#define WN_INSIGHT_MIN_TREND_DAYS 4   /* days with data in each trend window */

struct wn_insight_series {
	wn_date start;
	size_t n;
	const double *v;
};

/* Mean of the days with data in [from, to] (dates, inclusive; clipped to
 * the series).  *days (may be NULL) gets how many there were. */
double wn_insight_mean(const struct wn_insight_series *s, wn_date from,
                       wn_date to, int *days);

/* ---- baseline against now ------------------------------------------------ */

struct wn_insight_baseline {
	wn_date first_cut;     /* WN_DATE_NONE when there are no cuts */
	double baseline;       /* NAN without a cut or without data before it */
	int baseline_days;     /* days with data in the baseline window */
	double now;            /* mean of the last 14 days of the series */
	int now_days;
	double change;         /* now - baseline, NAN when either is */
};

/* cuts may be NULL when n_cuts is 0. */
void wn_insight_baseline(const struct wn_insight_series *s, const wn_date *cuts,
                         size_t n_cuts, struct wn_insight_baseline *out);

/* ---- step-aligned view ------------------------------------------------------- */

/* Bucket k covers days since the cut: 0-3, 4-7, 8-14, 15-28 (inclusive). */

struct wn_insight_step {
	wn_date cut;
	double mean[WN_INSIGHT_BUCKETS];  /* NAN where no day had data */
	int days[WN_INSIGHT_BUCKETS];
	double mean_all;       /* mean of days 0-28 (to the next cut) */
	int days_all;
	double peak;           /* highest value in days 0-28, NAN if none */
	int peak_day;          /* days since the cut of the first peak, -1 */
	double low;            /* lowest value in days 0-28, NAN if none */
	int low_day;           /* days since the cut of the first low, -1 */
};

/* Fills out[0 .. n_cuts) (caller-owned), one entry per cut. */
void wn_insight_steps(const struct wn_insight_series *s, const wn_date *cuts,
                      size_t n_cuts, struct wn_insight_step *out);

/* ---- symptoms ------------------------------------------------------------------ */

enum wn_onset {
	WN_ONSET_NEVER,        /* never rated above 0 */
	WN_ONSET_PRE,          /* before the first cut, or marked so */
	WN_ONSET_NEW,          /* first rated above 0 on or after the first cut */
	WN_ONSET_NOCUT         /* rated, but there is no cut to compare with */
};

/* first_seen: first day rated above 0 (WN_DATE_NONE = never);
 * first_cut: WN_DATE_NONE when there is none; marked_pre: the person's
 * own "pre-existing" mark, which wins. */
enum wn_onset wn_insight_onset(wn_date first_seen, wn_date first_cut,
                               bool marked_pre);
/* "never", "pre-existing", "new since the taper", "no cut yet". */
const char *wn_insight_onset_name(enum wn_onset o);

struct wn_insight_trend {
	double recent;         /* mean of the last 14 days of the series */
	int recent_days;
	double before;         /* mean of the 14 days before those */
	int before_days;
	double change;         /* recent - before; NAN unless both windows
	                          have WN_INSIGHT_MIN_TREND_DAYS days of data */
	int direction;         /* +1 rising, -1 falling, 0 steady or unknown:
	                          |change| <= steady counts as steady */
};

void wn_insight_trend(const struct wn_insight_series *s, double steady,
                      struct wn_insight_trend *out);

/* ---- windows and waves ------------------------------------------------------------ */

/* A run of consecutive days with data on the same side of the threshold.
 * A day without data ends a run. */
struct wn_insight_run {
	wn_date start;
	int len;               /* days */
	bool wave;             /* true: bad days; false: a window of good days */
	double mean;           /* mean value over the run */
};

struct wn_insight_waves {
	double median;         /* of the days with data */
	double sd;             /* population standard deviation of those days */
	double threshold;      /* a day above this is a bad day */
	int days;              /* days with data */
	struct wn_insight_run *runs;   /* owned (wn_insight_waves_free) */
	size_t n_runs;
	int n_waves, n_windows;
	int longest_wave, longest_window;        /* days, 0 when none */
	double mean_wave, mean_window;           /* mean run length, NAN if none */
};

/* Windows and waves of a burden series (a sum of 0-3 ratings).
 *
 * A bad day is one whose value is clearly above the person's own usual
 * level:
 *
 *     threshold = median + max(WN_INSIGHT_WAVE_MARGIN, sd / 2)
 *
 * The margin of at least 2 points (one symptom at "moderate") keeps the
 * everyday wobble of a calm period from counting as waves.
 * over the days with data in s (median and population sd of those days);
 * a bad day has value > threshold, every other day with data is good.
 * A wave is a run of bad days, a window a run of good days; a day without
 * data ends the run it interrupts.  With fewer than WN_INSIGHT_MIN_DAYS
 * days of data nothing is classified (threshold NAN, no runs).
 * Returns WN_OK, or WN_ERR when out of memory (out is then empty).
 * Always call wn_insight_waves_free() afterwards. */
#define WN_INSIGHT_WAVE_MARGIN 2.0
#define WN_INSIGHT_MIN_DAYS 7
int wn_insight_waves(const struct wn_insight_series *s,
                     struct wn_insight_waves *out, struct wn_err *err);
void wn_insight_waves_free(struct wn_insight_waves *w);

#endif
