/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chartdata.h -- loading a series of the diary to chart (core/chartview.h):
 * its days, every plan's cuts, the insight series, and what the insight
 * text needs (the symptom, the dose planned against taken).  Read-only
 * SQL; no output.  Also the range "all time", the list of what can be
 * charted, and every symptom's ratings in one pass.
 */
#ifndef WEAN_DB_CHARTDATA_H
#define WEAN_DB_CHARTDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "core/chartview.h"
#include "core/date.h"
#include "core/series.h"
#include "core/status.h"
#include "db/series.h"

struct wn_db;

/* Loads the series, the taper, the insight series and what the insight
 * text needs; by month (wn_chartview_by_month, r->width) for a long
 * range: the series from the charts' summary, the insight's days only
 * where its text needs them (chartview.h).  Returns WN_OK; WN_USAGE for a range series.h refuses;
 * WN_ERR out of memory; storage errors as db/db.h.  out is always safe to
 * free (wn_chartview_free) afterwards. */
int wn_chartdata_load(struct wn_db *db, const struct wn_chartview_req *r,
                      struct wn_chartview *out, struct wn_err *err);

/* The range "all time": from the first day with a record to the later of
 * today and the last day with one, at most max_days long (the latest
 * days kept).  An empty diary gives today..today. */
int wn_chartdata_span(struct wn_db *db, wn_date today, long max_days,
                      wn_date *from, wn_date *to, struct wn_err *err);

/* The first day of a chart of `days` days ending on `to`, not before the
 * diary's first record (wn_chartview_default_from). */
int wn_chartdata_default_from(struct wn_db *db, wn_date to, long days,
                              wn_date *from, struct wn_err *err);

/* Every series that can be charted, in the Charts screen's order: burden,
 * mood, anxiety, energy, sleep, the custom metrics (src->cfg's, then any
 * other recorded in the diary), the shown symptoms (in their sort order),
 * then a dose per medication.  *out is malloc'd (free()).  Returns WN_OK,
 * WN_ERR out of memory, or a storage error. */
int wn_chartdata_list(const struct wn_series_names *src,
                      struct wn_series_what **out, size_t *n,
                      struct wn_err *err);

/* The 0..3 ratings of several symptoms over from..to, read in one pass
 * (as many wn_series_load() calls of kind SYMPTOM would give, at the cost
 * of one): out[k * days + i] is symptom ids[k] on day from + i, where
 * days = to - from + 1; 0 for a symptom not rated on a day with a
 * check-in or any rating, NAN on a day with neither.  out is caller-owned
 * (n * days doubles).  Returns WN_OK; WN_USAGE for a range series.h
 * refuses; storage errors as storage.h. */
struct wn_chartdata_symptoms {
	const long *ids;
	size_t n;
	wn_date from, to;
};
int wn_chartdata_symptoms(struct wn_db *db, const struct wn_chartdata_symptoms *r,
                          double *out, struct wn_err *err);

/* The sparklines of several symptoms over from..to in `cols` columns,
 * aggregated by SQLite over the indexed date, so the cost in C and the
 * memory follow the columns, not the days: out[k * cols + x] is the mean
 * of symptom ids[k] over the days of column x that have a rating (its
 * unrated days count 0, as above), NAN when none has.  Column x holds
 * days x*days/cols .. (x+1)*days/cols - 1 (days = to - from + 1), as
 * core/chart.h's sparkline groups them, so that drawing out[k * cols ..]
 * as a sparkline of `cols` values gives the sparkline of the days.
 * 1 <= cols <= days.  out is caller-owned (n * cols doubles).  Returns
 * WN_OK; WN_USAGE for a range series.h refuses or a bad cols; storage
 * errors as storage.h. */
struct wn_chartdata_sparks {
	const long *ids;
	size_t n;
	wn_date from, to;
	int cols;
};
int wn_chartdata_sparks(struct wn_db *db, const struct wn_chartdata_sparks *r,
                        double *out, struct wn_err *err);

/* A series by calendar period from the charts' summary (schema v7):
 * for each month (span 1) or year (span 12) from the one of `from` to the
 * one of `to`, the sum of the series' values on its days with data that
 * lie in from..to and their number, as wn_series_load() would give them
 * day by day (a symptom counts 0 on a day with other ratings).  Costs a
 * row of the summary per period, and a period the range cuts short is
 * read by day only when the part outside has records.  sum and cnt are
 * caller-owned, wn_chartdata_periods() entries each.  Returns WN_OK;
 * WN_USAGE for a dose (charted by day), a bad span or a range series.h
 * refuses; storage errors as storage.h. */
struct wn_chartdata_months {
	const struct wn_series_what *what;
	wn_date from, to;
	int span;                        /* 1 a month, 12 a year */
};
int wn_chartdata_months(struct wn_db *db, const struct wn_chartdata_months *r,
                        double *sum, long *cnt, struct wn_err *err);
/* The periods of span months from..to touches. */
size_t wn_chartdata_periods(wn_date from, wn_date to, int span);

#endif
