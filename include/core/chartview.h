/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartview.h (core) -- one series made ready to chart: its days, the
 * taper's cuts and planned dose, the line chart, and what the series says
 * about the taper (core/insight.h) as plain text.  Shared by `wean chart`
 * and the Charts screen, so both draw and describe a series the same way.
 * Pure: db/chartdata.h loads a struct wn_chartview from the diary.
 *
 *   struct wn_chartview cv;
 *   struct wn_chartview_req r = { &what, from, to };
 *   if (wn_chartdata_load(db, &r, &cv, &err) == WN_OK &&
 *       wn_chartview_render(&cv, &(struct wn_chartview_size){ 80, 20, false },
 *                           &buf, &err) == WN_OK &&
 *       wn_chartview_insight(&cv, &text, &err) == WN_OK)
 *           ...
 *   wn_chartview_free(&cv);
 */
#ifndef WEAN_CORE_CHARTVIEW_H
#define WEAN_CORE_CHARTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/chart.h"
#include "core/date.h"
#include "core/insight.h"
#include "core/plan.h"
#include "core/records.h"
#include "core/series.h"
#include "core/status.h"
#include "core/text.h"

/* A dated taper step after a plan's starting dose (a cut). */
struct wn_chartview_cut {
	wn_date date;
	double dose;
	char unit[16];
	char med[WN_NAME_MAX + 1];
};

struct wn_chartview {
	struct wn_series_what what;      /* a copy */
	wn_date from, to;
	double *v;                       /* owned: days from..to, NAN = no data */
	/* The taper: every plan's cuts (for a dose, that medication's only),
	 * sorted by date. */
	struct wn_chartview_cut *cuts;   /* owned */
	size_t n_cuts, cap_cuts;
	size_t n_plans;                  /* plans found */
	bool have_overlay;               /* the first plan, for the dose overlay */
	struct wn_plan plan;
	struct wn_schedule sched;
	struct wn_med med;
	wn_date *steps;                  /* owned: dates of the cuts on or before
	                                    `to`, increasing, no repeats */
	size_t n_steps;
	/* The insight series: the chart's days, reaching back to the baseline
	 * window before the first cut when that starts earlier. */
	struct wn_insight_series ins;
	double *longer;                  /* owned: ins.v when it is not v */
	struct wn_symptom symptom;       /* a SYMPTOM series: the symptom (its
	                                    first day and pre-existing mark) */
	struct wn_plan_day *days;        /* owned; a DOSE series with a plan:
	                                    planned against taken, from..to */
	/* A long range (wn_chartview_by_month): the series by calendar month
	 * or year (chart.h, wn_chartview_by_year), v is NULL, and the insight series has days from
	 * daily_from on (the last WN_CHARTVIEW_DAILY_DAYS) and the baseline's
	 * days before the first cut; other days are NAN and the text says
	 * which days it covers.  Otherwise daily_from is from. */
	bool by_month;
	struct wn_chart_months months;   /* its sum and cnt owned */
	wn_date daily_from;
};

struct wn_chartview_req {
	const struct wn_series_what *what;
	wn_date from, to;                /* inclusive; from <= to */
	int width;                       /* of the chart to draw; 0: 80 */
};

/* Days of daily data in a chart read by month (the insight's). */
#define WN_CHARTVIEW_DAILY_DAYS 365L

/* Whether a chart of from..to, width columns wide (0: 80), is read by
 * month: when it has more than 7 * width days, so that even its weeks
 * could not each have a column (the line chart would draw months,
 * quarters or years anyway), and its series is not a dose (a dose's
 * step line needs its days). */
bool wn_chartview_by_month(const struct wn_series_what *w, wn_date from, wn_date to,
                           int width);
/* Whether such a chart is read by year: when it has more than 92 * width
 * days, so that not even its quarters could each have a column (the
 * line chart would draw years anyway). */
bool wn_chartview_by_year(wn_date from, wn_date to, int width);

/* Adds a dated cut of medication m (WN_OK or WN_ERR out of memory). */
int wn_chartview_add_cut(struct wn_chartview *cv, const struct wn_med *m,
                         const struct wn_taper_step *s);
/* Sorts the cuts and fills cv->steps (their dates on or before cv->to,
 * without repeats).  WN_OK or WN_ERR out of memory. */
int wn_chartview_settle(struct wn_chartview *cv, struct wn_err *err);
/* The first day the insight series needs: cv->from, or earlier to reach
 * the baseline window before the first cut (at most WN_SERIES_MAX_DAYS
 * back from cv->to). */
wn_date wn_chartview_insight_from(const struct wn_chartview *cv);
void wn_chartview_free(struct wn_chartview *cv);

/* The first day of a chart of `days` days ending on `to`: to - days + 1,
 * or the diary's first record `first` when that is later (and not after
 * `to`), so that a young diary's chart is not mostly empty.  first may be
 * WN_DATE_NONE (an empty diary). */
wn_date wn_chartview_default_from(wn_date to, long days, wn_date first);

struct wn_chartview_size {
	int width, height;               /* as chart.h's line chart */
	bool ascii;
};

/* The line chart of `wean chart`: title and unit, the taper's steps on
 * the time axis, the 7-day average (not for a dose), and for the burden
 * the planned dose of the first plan as an overlay.  A dose is a step
 * line of the dose taken with the planned dose as a second line
 * (core/chart_line.h).  Returns as wn_chart_line(). */
int wn_chartview_render(const struct wn_chartview *cv,
                        const struct wn_chartview_size *sz,
                        struct wn_chart_buf *b, struct wn_err *err);

/* What the series says, as lines of text (each ending in "\n", UTF-8),
 * appended to out: for a dose, planned against taken; otherwise the
 * symptom's onset (a symptom), baseline against now, the trend, the mean
 * by days since each cut, and for the burden its windows and waves.
 * Returns WN_OK or WN_ERR out of memory. */
int wn_chartview_insight(const struct wn_chartview *cv, struct wn_buf *out,
                         struct wn_err *err);

/* "steady" for the trend of w: a twentieth of its scale (1 without one). */
double wn_chartview_steady(const struct wn_series_what *w);

#endif
