/* chartview.h -- one series of the diary made ready to chart: its days,
 * the taper's steps and planned dose, and what the series says about the
 * taper (insight.h) as plain text.
 *
 * Shared by `wean chart` (cli_chart.c) and the Charts screen (ui_charts.c),
 * so that both load, draw and describe a series the same way.  Part of
 * the storage layer: it reads the diary through series.h, plan.h and
 * storage.h; no curses, no output.
 *
 * Typical use:
 *
 *   struct wn_chartview cv;
 *   struct wn_chartview_req r = { &what, from, to };
 *   if (wn_chartview_load(db, &r, &cv, &err) == WN_OK &&
 *       wn_chartview_render(&cv, &(struct wn_chartview_size){ 80, 20, false },
 *                           &buf, &err) == WN_OK &&
 *       wn_chartview_insight(&cv, &text, &err) == WN_OK)
 *           ...
 *   wn_chartview_free(&cv);
 *
 * Always call wn_chartview_free() after wn_chartview_load(), whatever it
 * returned.
 */
#ifndef WEAN_CHARTVIEW_H
#define WEAN_CHARTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/chart.h"
#include "core/date.h"
#include "core/insight.h"
#include "db/plan.h"
#include "db/series.h"
#include "core/status.h"
#include "core/text.h"
#include "core/plan.h"
#include "core/records.h"

struct wn_db;

/* A dated taper step after a plan's starting dose (a cut). */
struct wn_chartview_cut {
	wn_date date;
	double dose;
	char unit[16];
	char med[WN_NAME_MAX + 1];
};

struct wn_chartview {
	struct wn_db *db;                /* borrowed, for the insight text */
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
};

struct wn_chartview_req {
	const struct wn_series_what *what;
	wn_date from, to;                /* inclusive; from <= to */
};

/* Loads the series, the taper and the insight series.  Returns WN_OK;
 * WN_USAGE for a range series.h refuses; WN_ERR out of memory; storage
 * errors as storage.h.  out is always safe to free afterwards. */
int wn_chartview_load(struct wn_db *db, const struct wn_chartview_req *r,
                      struct wn_chartview *out, struct wn_err *err);
void wn_chartview_free(struct wn_chartview *cv);

/* The range "all time": from the first day with a record to the later of
 * today and the last day with one, at most max_days long (the latest
 * days kept).  An empty diary gives today..today. */
int wn_chartview_span(struct wn_db *db, wn_date today, long max_days,
                      wn_date *from, wn_date *to, struct wn_err *err);

struct wn_chartview_size {
	int width, height;               /* as chart.h's line chart */
	bool ascii;
};

/* The line chart of `wean chart`: title and unit, the taper's steps on
 * the time axis, the 7-day average (not for a dose), and for the burden
 * the planned dose of the first plan as an overlay.  Returns as
 * wn_chart_line(). */
int wn_chartview_render(const struct wn_chartview *cv,
                        const struct wn_chartview_size *sz,
                        struct wn_chart_buf *b, struct wn_err *err);

/* What the series says, as lines of text (each ending in "\n", UTF-8),
 * appended to out: for a dose, planned against taken; otherwise the
 * symptom's onset (a symptom), baseline against now, the trend, the mean
 * by days since each cut, and for the burden its windows and waves.
 * Returns WN_OK, WN_ERR out of memory, or a storage error. */
int wn_chartview_insight(const struct wn_chartview *cv, struct wn_buf *out,
                         struct wn_err *err);

/* Every series that can be charted, in the Charts screen's order: burden,
 * mood, anxiety, energy, sleep, the custom metrics (src->cfg's, then any
 * other recorded in the diary), the shown symptoms (in their sort order),
 * then a dose per medication.  *out is malloc'd (free()).  Returns WN_OK,
 * WN_ERR out of memory, or a storage error. */
int wn_chartview_list(const struct wn_series_names *src,
                      struct wn_series_what **out, size_t *n,
                      struct wn_err *err);

/* The 0..3 ratings of several symptoms over from..to, read in one pass
 * (as many wn_series_load() calls of kind SYMPTOM would give, at the cost
 * of one): out[k * days + i] is symptom ids[k] on day from + i, where
 * days = to - from + 1; 0 for a symptom not rated on a day with a
 * check-in or any rating, NAN on a day with neither.  out is caller-owned
 * (n * days doubles).  Returns WN_OK; WN_USAGE for a range series.h
 * refuses; storage errors as storage.h. */
struct wn_chartview_symptoms {
	const long *ids;
	size_t n;
	wn_date from, to;
};
int wn_chartview_symptoms(struct wn_db *db, const struct wn_chartview_symptoms *r,
                          double *out, struct wn_err *err);

/* "steady" for the trend of w: a twentieth of its scale (1 without one). */
double wn_chartview_steady(const struct wn_series_what *w);

#endif
